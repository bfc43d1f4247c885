// Scenario JSON in and out (DESIGN.md's contract). Uses nlohmann/json's non-throwing calls
// only, so a bad document becomes field errors, never an exception.
#include <cmath>
#include <limits>
#include <string_view>
#include <nlohmann/json.hpp>

#include "headroom/format.h"
#include "headroom/scenario.h"

namespace headroom {

// Emscripten 3.1.6's clang gives a function whose std::optional<Enum> return type is not yet
// instantiated in this file the type void() when only its address is taken (as Reader::choice
// does), and wasm-ld then links a stub that traps at run time. Completing the types first
// keeps every signature right. tests/e2e covers each enum field in the browser.
static_assert(sizeof(std::optional<Mode>) && sizeof(std::optional<Optimizer>) && sizeof(std::optional<Finetune>) &&
              sizeof(std::optional<Recompute>) && sizeof(std::optional<ActivationModel>) &&
              sizeof(std::optional<DType>));

namespace {

using json = nlohmann::json;

struct Reader {
    std::vector<FieldError>& errors;

    void fail(const std::string& field, std::string message) { errors.push_back({field, std::move(message)}); }

    const json* field(const json& obj, const char* key) const {
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    bool number(const json& obj, const char* key, const std::string& path, double& out) {
        const json* v = field(obj, key);
        if (!v) return false;
        if (!v->is_number()) {
            fail(path, "Must be a number; got " + v->dump() + ".");
            return false;
        }
        out = v->get<double>();
        return true;
    }

    // Whole numbers arrive as JSON integers or as floats with no fraction (1e3); anything
    // else is named, never rounded.
    template <typename Int>
    bool integer(const json& obj, const char* key, const std::string& path, Int& out) {
        double d = 0;
        if (!number(obj, key, path, d)) return false;
        if (d != std::floor(d)) {
            fail(path, "Must be a whole number; got " + format_count(d) + ".");
            return false;
        }
        if (std::fabs(d) > 9e15) {
            fail(path, "Is far too large; got " + format_count(d) + ".");
            return false;
        }
        // Range first: converting an out-of-range double to an integer is undefined behaviour.
        if (d < double(std::numeric_limits<Int>::min()) || d > double(std::numeric_limits<Int>::max())) {
            fail(path, "Is out of range; got " + format_count(d) + ".");
            return false;
        }
        out = Int(d);
        return true;
    }

    bool boolean(const json& obj, const char* key, const std::string& path, bool& out) {
        const json* v = field(obj, key);
        if (!v) return false;
        if (!v->is_boolean()) {
            fail(path, "Must be true or false; got " + v->dump() + ".");
            return false;
        }
        out = v->get<bool>();
        return true;
    }

    template <typename E, typename ParseFn>
    void choice(const json& obj, const char* key, const std::string& path, E& out, ParseFn parse,
                const char* choices) {
        const json* v = field(obj, key);
        if (!v) return;
        std::optional<E> e;
        if (v->is_string()) e = parse(v->get<std::string>());
        if (e)
            out = *e;
        else
            fail(path, "Must be one of " + std::string(choices) + "; got " + v->dump() + ".");
    }

    void unknown_keys(const json& obj, const std::string& prefix, std::initializer_list<const char*> known) {
        unknown_keys(obj, prefix, std::vector<const char*>(known));
    }
    void unknown_keys(const json& obj, const std::string& prefix, const std::vector<const char*>& known) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool ok = false;
            for (const char* k : known) ok = ok || it.key() == k;
            if (!ok) fail(prefix + it.key(), "Unknown field.");
        }
    }
};

// The architecture's fields, by their JSON names (DESIGN.md's contract, then the additions
// documented in model.h). One table drives reading and writing.
struct IntField {
    const char* key;
    int ModelArch::*member;
};
struct BoolField {
    const char* key;
    bool ModelArch::*member;
};
constexpr IntField kIntFields[] = {
    {"layers", &ModelArch::layers},           {"hidden", &ModelArch::hidden},
    {"heads", &ModelArch::heads},             {"kv_heads", &ModelArch::kv_heads},
    {"head_dim", &ModelArch::head_dim},       {"ffn", &ModelArch::ffn},
    {"vocab", &ModelArch::vocab},             {"experts", &ModelArch::experts},
    {"experts_active", &ModelArch::experts_active}, {"moe_ffn", &ModelArch::moe_ffn},
    {"shared_experts", &ModelArch::shared_experts}, {"dense_layers", &ModelArch::dense_layers},
    {"q_lora_rank", &ModelArch::q_lora_rank}, {"kv_lora_rank", &ModelArch::kv_lora_rank},
    {"rope_head_dim", &ModelArch::rope_head_dim}, {"v_head_dim", &ModelArch::v_head_dim},
    {"sliding_window", &ModelArch::sliding_window}, {"global_layers", &ModelArch::global_layers},
    {"max_positions", &ModelArch::max_positions}, {"norms_per_layer", &ModelArch::norms_per_layer},
};
constexpr BoolField kBoolFields[] = {
    {"gated_ffn", &ModelArch::gated_ffn}, {"tied_embeddings", &ModelArch::tied_embeddings},
    {"bias", &ModelArch::bias},           {"qkv_bias", &ModelArch::qkv_bias},
    {"layer_norm", &ModelArch::layer_norm}, {"pooler", &ModelArch::pooler},
};
// Fields of the contract, always written; the additions only when set.
bool always_written(const char* key) {
    for (const char* k : {"layers", "hidden", "heads", "kv_heads", "head_dim", "ffn", "vocab", "experts",
                          "experts_active", "gated_ffn", "tied_embeddings"})
        if (std::string_view(k) == key) return true;
    return false;
}

constexpr const char* kDTypeChoices = "fp32, bf16, fp16, fp8, int8, int4, fp4";

void read_model(Reader& r, const json& v, Scenario& s) {
    if (v.is_string()) {
        const std::string id = v.get<std::string>();
        if (const ModelPreset* p = find_model(id)) {
            s.model_preset = id;
            s.model = p->arch;
        } else {
            r.fail("model", "Unknown model preset '" + id + "'.");
        }
        return;
    }
    if (!v.is_object()) {
        r.fail("model", "Must be a preset id or an architecture object.");
        return;
    }
    // An object describes a custom model; "preset" names a starting point it overrides.
    ModelArch m;
    s.model_preset.clear();
    if (const json* base = r.field(v, "preset")) {
        const ModelPreset* p = base->is_string() ? find_model(base->get<std::string>()) : nullptr;
        if (p)
            m = p->arch;
        else
            r.fail("model.preset", "Unknown model preset " + base->dump() + ".");
    }
    std::vector<const char*> known = {"preset", "name", "params"};
    for (const IntField& f : kIntFields) known.push_back(f.key);
    for (const BoolField& f : kBoolFields) known.push_back(f.key);
    r.unknown_keys(v, "model.", known);
    r.number(v, "params", "model.params", m.params);
    for (const IntField& f : kIntFields) r.integer(v, f.key, std::string("model.") + f.key, m.*f.member);
    for (const BoolField& f : kBoolFields) r.boolean(v, f.key, std::string("model.") + f.key, m.*f.member);
    s.model = m;
}

void read_dtypes(Reader& r, const json& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("dtypes", "Must be an object of dtype names.");
        return;
    }
    r.unknown_keys(v, "dtypes.", {"weights", "gradients", "activations", "kv_cache", "master_weights", "optimizer_state", "logits"});
    Precision& d = s.dtypes;
    r.choice(v, "weights", "dtypes.weights", d.weights, parse_dtype, kDTypeChoices);
    r.choice(v, "gradients", "dtypes.gradients", d.gradients, parse_dtype, kDTypeChoices);
    r.choice(v, "activations", "dtypes.activations", d.activations, parse_dtype, kDTypeChoices);
    r.choice(v, "kv_cache", "dtypes.kv_cache", d.kv_cache, parse_dtype, kDTypeChoices);
    r.choice(v, "optimizer_state", "dtypes.optimizer_state", d.optimizer_state, parse_dtype, kDTypeChoices);
    r.choice(v, "logits", "dtypes.logits", d.logits, parse_dtype, kDTypeChoices);
    // Master weights default to fp32 when the weights are in a lower precision, none otherwise.
    if (const json* m = r.field(v, "master_weights")) {
        if (m->is_string() && m->get<std::string>() == "none")
            d.master_weights.reset();
        else if (auto t = m->is_string() ? parse_dtype(m->get<std::string>()) : std::nullopt)
            d.master_weights = *t;
        else
            r.fail("dtypes.master_weights", "Must be none or one of " + std::string(kDTypeChoices) + "; got " +
                                                m->dump() + ".");
    } else {
        d.master_weights = d.weights == DType::FP32 ? std::nullopt : std::optional<DType>(DType::FP32);
    }
}

void read_parallel(Reader& r, const json& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("parallel", "Must be an object.");
        return;
    }
    r.unknown_keys(v, "parallel.", {"dp", "zero", "tp", "pp", "sp", "ep"});
    r.integer(v, "ep", "parallel.ep", s.parallel.ep);
    r.integer(v, "dp", "parallel.dp", s.parallel.dp);
    r.integer(v, "zero", "parallel.zero", s.parallel.zero);
    r.integer(v, "tp", "parallel.tp", s.parallel.tp);
    r.integer(v, "pp", "parallel.pp", s.parallel.pp);
    r.boolean(v, "sp", "parallel.sp", s.parallel.sp);
}

void read_lora(Reader& r, const json& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("lora", "Must be an object with rank and modules.");
        return;
    }
    r.unknown_keys(v, "lora.", {"rank", "modules"});
    r.integer(v, "rank", "lora.rank", s.lora.rank);
    if (const json* mods = r.field(v, "modules")) {
        unsigned mask = 0;
        bool ok = mods->is_array();
        if (ok)
            for (const json& m : *mods) {
                const std::optional<Module> mod = m.is_string() ? parse_module(m.get<std::string>()) : std::nullopt;
                if (!mod) {
                    ok = false;
                    break;
                }
                mask |= 1u << static_cast<unsigned>(*mod);
            }
        if (ok)
            s.lora.modules = mask;
        else
            r.fail("lora.modules", "Must be a list of projections from q, k, v, o, gate, up, down; got " +
                                       mods->dump() + ".");
    }
}

void read_offload(Reader& r, const json& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("offload", "Must be an object with optimizer and params (true or false).");
        return;
    }
    r.unknown_keys(v, "offload.", {"optimizer", "params"});
    r.boolean(v, "optimizer", "offload.optimizer", s.offload.optimizer);
    r.boolean(v, "params", "offload.params", s.offload.params);
}

void read_overhead(Reader& r, const json& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("overhead", "Must be an object with fraction and bytes.");
        return;
    }
    r.unknown_keys(v, "overhead.", {"fraction", "bytes"});
    r.number(v, "fraction", "overhead.fraction", s.overhead.fraction);
    r.number(v, "bytes", "overhead.bytes", s.overhead.bytes);
}

}  // namespace

ParsedScenario parse_scenario(std::string_view text) {
    ParsedScenario out{default_scenario(), {}};
    Reader r{out.errors};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        r.fail("", "The scenario is empty: give a JSON object ({} for the defaults).");
        return out;
    }
    const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        r.fail("", "The scenario is not valid JSON.");
        return out;
    }
    if (!doc.is_object()) {
        r.fail("", "The scenario must be a JSON object.");
        return out;
    }
    Scenario& s = out.scenario;
    r.unknown_keys(doc, "", {"version", "name", "mode", "model", "batch", "seq_len", "kv_tokens", "kv_cache", "dtypes",
                             "optimizer", "recompute", "flash_attention", "activation_model",
                             "activation_multiplier", "checkpoint_factor", "activation_bytes_per_sample",
                             "parallel", "overhead", "gpu", "grad_accum", "embeddings_and_logits", "finetune",
                             "lora", "offload"});
    r.choice(doc, "mode", "mode", s.mode, parse_mode, "training, inference");
    if (const json* m = r.field(doc, "model")) read_model(r, *m, s);
    r.integer(doc, "batch", "batch", s.batch);
    r.integer(doc, "seq_len", "seq_len", s.seq_len);
    long long kv_tokens = 0;
    if (r.integer(doc, "kv_tokens", "kv_tokens", kv_tokens)) s.kv_tokens = kv_tokens;
    bool kv_cache = false;
    if (r.boolean(doc, "kv_cache", "kv_cache", kv_cache)) s.kv_cache = kv_cache;
    read_dtypes(r, r.field(doc, "dtypes") ? doc["dtypes"] : json::object(), s);
    r.choice(doc, "optimizer", "optimizer", s.optimizer, parse_optimizer,
             "adamw, adamw_8bit, sgd_momentum, sgd, adafactor, lion");
    r.choice(doc, "recompute", "recompute", s.recompute, parse_recompute, "none, selective, full, sqrt");
    r.boolean(doc, "flash_attention", "flash_attention", s.flash_attention);
    r.choice(doc, "activation_model", "activation_model", s.activation_model, parse_activation_model,
             "transformer, multiplier, per_sample");
    r.number(doc, "activation_multiplier", "activation_multiplier", s.activation_multiplier);
    r.number(doc, "checkpoint_factor", "checkpoint_factor", s.checkpoint_factor);
    r.number(doc, "activation_bytes_per_sample", "activation_bytes_per_sample", s.activation_bytes_per_sample);
    if (const json* p = r.field(doc, "parallel")) read_parallel(r, *p, s);
    if (const json* o = r.field(doc, "overhead")) read_overhead(r, *o, s);
    long long grad_accum = 0;
    if (r.integer(doc, "grad_accum", "grad_accum", grad_accum)) s.grad_accum = grad_accum;
    r.boolean(doc, "embeddings_and_logits", "embeddings_and_logits", s.embeddings_and_logits);
    r.choice(doc, "finetune", "finetune", s.finetune, parse_finetune, "full, lora, qlora");
    if (const json* l = r.field(doc, "lora")) read_lora(r, *l, s);
    if (const json* o = r.field(doc, "offload")) read_offload(r, *o, s);
    if (const json* g = r.field(doc, "gpu")) {
        if (g->is_string())
            s.gpu = g->get<std::string>();
        else
            r.fail("gpu", "Must be a GPU id string; got " + g->dump() + ".");
    }
    // Range checks too, for every field the parse did not already reject.
    for (FieldError& e : validate(s)) {
        bool named = false;
        for (const FieldError& seen : out.errors) named = named || seen.field == e.field;
        if (!named) out.errors.push_back(std::move(e));
    }
    return out;
}

std::string scenario_to_json(const Scenario& s, int indent) {
    json doc;
    doc["mode"] = mode_name(s.mode);
    const ModelPreset* preset = s.model_preset.empty() ? nullptr : find_model(s.model_preset);
    if (preset && preset->arch == s.model) {
        doc["model"] = s.model_preset;
    } else {
        const ModelArch& m = s.model;
        json mj = json::object();
        for (const IntField& f : kIntFields)
            if (always_written(f.key) || m.*f.member != 0) mj[f.key] = m.*f.member;
        for (const BoolField& f : kBoolFields)
            if (always_written(f.key) || m.*f.member) mj[f.key] = m.*f.member;
        if (m.params > 0) mj["params"] = m.params;
        doc["model"] = mj;
    }
    doc["batch"] = s.batch;
    doc["seq_len"] = s.seq_len;
    if (s.kv_tokens) doc["kv_tokens"] = *s.kv_tokens;
    if (s.kv_cache) doc["kv_cache"] = *s.kv_cache;
    const Precision& d = s.dtypes;
    doc["dtypes"] = {{"weights", dtype_name(d.weights)},
                     {"gradients", dtype_name(d.gradients)},
                     {"activations", dtype_name(d.activations)},
                     {"kv_cache", dtype_name(d.kv_cache)},
                     {"master_weights", d.master_weights ? dtype_name(*d.master_weights) : "none"},
                     {"optimizer_state", dtype_name(d.optimizer_state)},
                     {"logits", dtype_name(d.logits)}};
    doc["optimizer"] = optimizer_name(s.optimizer);
    doc["recompute"] = recompute_name(s.recompute);
    doc["flash_attention"] = s.flash_attention;
    doc["activation_model"] = activation_model_name(s.activation_model);
    doc["activation_multiplier"] = s.activation_multiplier;
    doc["checkpoint_factor"] = s.checkpoint_factor;
    doc["activation_bytes_per_sample"] = s.activation_bytes_per_sample;
    doc["parallel"] = {{"dp", s.parallel.dp}, {"zero", s.parallel.zero}, {"tp", s.parallel.tp},
                       {"pp", s.parallel.pp}, {"sp", s.parallel.sp}, {"ep", s.parallel.ep}};
    if (s.grad_accum) doc["grad_accum"] = *s.grad_accum;
    doc["embeddings_and_logits"] = s.embeddings_and_logits;
    doc["finetune"] = finetune_name(s.finetune);
    json modules = json::array();
    for (Module m : kAllModules)
        if (s.lora.has(m)) modules.push_back(module_name(m));
    doc["lora"] = {{"rank", s.lora.rank}, {"modules", modules}};
    doc["offload"] = {{"optimizer", s.offload.optimizer}, {"params", s.offload.params}};
    doc["overhead"] = {{"fraction", s.overhead.fraction}, {"bytes", s.overhead.bytes}};
    doc["gpu"] = s.gpu;
    return doc.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace headroom
