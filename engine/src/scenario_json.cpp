// Scenario JSON in and out (DESIGN.md's contract), through the engine's JSON (json.h): a bad
// document becomes field errors, never an exception.
#include <cmath>
#include <limits>
#include <string_view>

#include "headroom/format.h"
#include "headroom/scenario.h"
#include "json.h"

namespace headroom {

// Emscripten 3.1.6's clang gives a function whose std::optional<Enum> return type is not yet
// instantiated in this file the type void() when only its address is taken (as Reader::choice
// does), and wasm-ld then links a stub that traps at run time. Completing the types first
// keeps every signature right. tests/e2e covers each enum field in the browser.
static_assert(sizeof(std::optional<Mode>) && sizeof(std::optional<Optimizer>) && sizeof(std::optional<Finetune>) &&
              sizeof(std::optional<Recompute>) && sizeof(std::optional<ActivationModel>) &&
              sizeof(std::optional<DType>));

namespace {

using json::Value;

struct Reader {
    std::vector<FieldError>& errors;

    void fail(const std::string& field, std::string message) { errors.push_back({field, std::move(message)}); }

    const Value* field(const Value& obj, const char* key) const { return obj.find(key); }

    bool number(const Value& obj, const char* key, const std::string& path, double& out) {
        const Value* v = field(obj, key);
        if (!v) return false;
        if (!v->is_number()) {
            fail(path, "Must be a number; got " + v->dump() + ".");
            return false;
        }
        out = v->as_double();
        return true;
    }

    // Whole numbers arrive as JSON integers or as floats with no fraction (1e3); anything
    // else is named, never rounded.
    template <typename Int>
    bool integer(const Value& obj, const char* key, const std::string& path, Int& out) {
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

    bool boolean(const Value& obj, const char* key, const std::string& path, bool& out) {
        const Value* v = field(obj, key);
        if (!v) return false;
        if (!v->is_bool()) {
            fail(path, "Must be true or false; got " + v->dump() + ".");
            return false;
        }
        out = v->as_bool();
        return true;
    }

    template <typename E, typename ParseFn>
    void choice(const Value& obj, const char* key, const std::string& path, E& out, ParseFn parse,
                const char* choices) {
        const Value* v = field(obj, key);
        if (!v) return;
        std::optional<E> e;
        if (v->is_string()) e = parse(v->as_string());
        if (e)
            out = *e;
        else
            fail(path, "Must be one of " + std::string(choices) + "; got " + v->dump() + ".");
    }

    void unknown_keys(const Value& obj, const std::string& prefix, std::initializer_list<const char*> known) {
        unknown_keys(obj, prefix, std::vector<const char*>(known));
    }
    void unknown_keys(const Value& obj, const std::string& prefix, const std::vector<const char*>& known) {
        for (size_t i = 0; i < obj.size(); ++i) {
            bool ok = false;
            for (const char* k : known) ok = ok || obj.key(i) == k;
            if (!ok) fail(prefix + obj.key(i), "Unknown field.");
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

void read_model(Reader& r, const Value& v, Scenario& s) {
    if (v.is_string()) {
        const std::string id = v.as_string();
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
    if (const Value* base = r.field(v, "preset")) {
        const ModelPreset* p = base->is_string() ? find_model(base->as_string()) : nullptr;
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

void read_dtypes(Reader& r, const Value& v, Scenario& s) {
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
    if (const Value* m = r.field(v, "master_weights")) {
        if (m->is_string() && m->as_string() == "none")
            d.master_weights.reset();
        else if (auto t = m->is_string() ? parse_dtype(m->as_string()) : std::nullopt)
            d.master_weights = *t;
        else
            r.fail("dtypes.master_weights", "Must be none or one of " + std::string(kDTypeChoices) + "; got " +
                                                m->dump() + ".");
    } else {
        d.master_weights = d.weights == DType::FP32 ? std::nullopt : std::optional<DType>(DType::FP32);
    }
}

void read_parallel(Reader& r, const Value& v, Scenario& s) {
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

void read_lora(Reader& r, const Value& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("lora", "Must be an object with rank and modules.");
        return;
    }
    r.unknown_keys(v, "lora.", {"rank", "modules"});
    r.integer(v, "rank", "lora.rank", s.lora.rank);
    if (const Value* mods = r.field(v, "modules")) {
        unsigned mask = 0;
        bool ok = mods->is_array();
        if (ok)
            for (const Value& m : *mods) {
                const std::optional<Module> mod = m.is_string() ? parse_module(m.as_string()) : std::nullopt;
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

void read_offload(Reader& r, const Value& v, Scenario& s) {
    if (!v.is_object()) {
        r.fail("offload", "Must be an object with optimizer and params (true or false).");
        return;
    }
    r.unknown_keys(v, "offload.", {"optimizer", "params"});
    r.boolean(v, "optimizer", "offload.optimizer", s.offload.optimizer);
    r.boolean(v, "params", "offload.params", s.offload.params);
}

void read_overhead(Reader& r, const Value& v, Scenario& s) {
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
    const json::Parsed parsed = json::parse(text);
    if (!parsed.ok()) {
        r.fail("", "The scenario is not valid JSON.");
        return out;
    }
    const Value& doc = parsed.value;
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
    if (const Value* m = r.field(doc, "model")) read_model(r, *m, s);
    r.integer(doc, "batch", "batch", s.batch);
    r.integer(doc, "seq_len", "seq_len", s.seq_len);
    long long kv_tokens = 0;
    if (r.integer(doc, "kv_tokens", "kv_tokens", kv_tokens)) s.kv_tokens = kv_tokens;
    bool kv_cache = false;
    if (r.boolean(doc, "kv_cache", "kv_cache", kv_cache)) s.kv_cache = kv_cache;
    if (const Value* d = r.field(doc, "dtypes"))
        read_dtypes(r, *d, s);
    else
        read_dtypes(r, Value::object(), s);
    r.choice(doc, "optimizer", "optimizer", s.optimizer, parse_optimizer,
             "adamw, adamw_8bit, sgd_momentum, sgd, adafactor, lion");
    r.choice(doc, "recompute", "recompute", s.recompute, parse_recompute, "none, selective, full, sqrt");
    r.boolean(doc, "flash_attention", "flash_attention", s.flash_attention);
    r.choice(doc, "activation_model", "activation_model", s.activation_model, parse_activation_model,
             "transformer, multiplier, per_sample");
    r.number(doc, "activation_multiplier", "activation_multiplier", s.activation_multiplier);
    r.number(doc, "checkpoint_factor", "checkpoint_factor", s.checkpoint_factor);
    r.number(doc, "activation_bytes_per_sample", "activation_bytes_per_sample", s.activation_bytes_per_sample);
    if (const Value* p = r.field(doc, "parallel")) read_parallel(r, *p, s);
    if (const Value* o = r.field(doc, "overhead")) read_overhead(r, *o, s);
    long long grad_accum = 0;
    if (r.integer(doc, "grad_accum", "grad_accum", grad_accum)) s.grad_accum = grad_accum;
    r.boolean(doc, "embeddings_and_logits", "embeddings_and_logits", s.embeddings_and_logits);
    r.choice(doc, "finetune", "finetune", s.finetune, parse_finetune, "full, lora, qlora");
    if (const Value* l = r.field(doc, "lora")) read_lora(r, *l, s);
    if (const Value* o = r.field(doc, "offload")) read_offload(r, *o, s);
    if (const Value* g = r.field(doc, "gpu")) {
        if (g->is_string())
            s.gpu = g->as_string();
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
    Value doc = Value::object();
    doc["mode"] = mode_name(s.mode);
    const ModelPreset* preset = s.model_preset.empty() ? nullptr : find_model(s.model_preset);
    if (preset && preset->arch == s.model) {
        doc["model"] = s.model_preset;
    } else {
        const ModelArch& m = s.model;
        Value mj = Value::object();
        for (const IntField& f : kIntFields)
            if (always_written(f.key) || m.*f.member != 0) mj[f.key] = m.*f.member;
        for (const BoolField& f : kBoolFields)
            if (always_written(f.key) || m.*f.member) mj[f.key] = m.*f.member;
        if (m.params > 0) mj["params"] = m.params;
        doc["model"] = std::move(mj);
    }
    doc["batch"] = s.batch;
    doc["seq_len"] = s.seq_len;
    if (s.kv_tokens) doc["kv_tokens"] = *s.kv_tokens;
    if (s.kv_cache) doc["kv_cache"] = *s.kv_cache;
    const Precision& d = s.dtypes;
    Value dtypes = Value::object();
    dtypes["weights"] = dtype_name(d.weights);
    dtypes["gradients"] = dtype_name(d.gradients);
    dtypes["activations"] = dtype_name(d.activations);
    dtypes["kv_cache"] = dtype_name(d.kv_cache);
    dtypes["master_weights"] = d.master_weights ? dtype_name(*d.master_weights) : "none";
    dtypes["optimizer_state"] = dtype_name(d.optimizer_state);
    dtypes["logits"] = dtype_name(d.logits);
    doc["dtypes"] = std::move(dtypes);
    doc["optimizer"] = optimizer_name(s.optimizer);
    doc["recompute"] = recompute_name(s.recompute);
    doc["flash_attention"] = s.flash_attention;
    doc["activation_model"] = activation_model_name(s.activation_model);
    doc["activation_multiplier"] = s.activation_multiplier;
    doc["checkpoint_factor"] = s.checkpoint_factor;
    doc["activation_bytes_per_sample"] = s.activation_bytes_per_sample;
    Value parallel = Value::object();
    parallel["dp"] = s.parallel.dp;
    parallel["zero"] = s.parallel.zero;
    parallel["tp"] = s.parallel.tp;
    parallel["pp"] = s.parallel.pp;
    parallel["sp"] = s.parallel.sp;
    parallel["ep"] = s.parallel.ep;
    doc["parallel"] = std::move(parallel);
    if (s.grad_accum) doc["grad_accum"] = *s.grad_accum;
    doc["embeddings_and_logits"] = s.embeddings_and_logits;
    doc["finetune"] = finetune_name(s.finetune);
    Value modules = Value::array();
    for (Module m : kAllModules)
        if (s.lora.has(m)) modules.push_back(module_name(m));
    Value lora = Value::object();
    lora["rank"] = s.lora.rank;
    lora["modules"] = std::move(modules);
    doc["lora"] = std::move(lora);
    Value offload = Value::object();
    offload["optimizer"] = s.offload.optimizer;
    offload["params"] = s.offload.params;
    doc["offload"] = std::move(offload);
    Value overhead = Value::object();
    overhead["fraction"] = s.overhead.fraction;
    overhead["bytes"] = s.overhead.bytes;
    doc["overhead"] = std::move(overhead);
    doc["gpu"] = s.gpu;
    return doc.dump(indent);
}

}  // namespace headroom
