// Hugging Face config.json -> ModelArch. Key names per family, as the transformers library's
// configuration classes define them (LlamaConfig, MistralConfig, MixtralConfig, Qwen2Config,
// Gemma2Config, Phi3Config, GPT2Config, BertConfig, DeepseekV3Config), read with the engine's
// JSON (json.h), which never throws.
#include "headroom/hf_config.h"

#include <cmath>
#include <initializer_list>

#include "headroom/report.h"
#include "json.h"

namespace headroom {
namespace {

using json::Value;

bool one_of(const std::string& s, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (s == n) return true;
    return false;
}

struct Reader {
    const Value& doc;
    HfImport& out;

    // The first of `keys` present with a value; null counts as absent.
    const Value* find(std::initializer_list<const char*> keys, const char** found = nullptr) const {
        for (const char* k : keys) {
            const Value* v = doc.find(k);
            if (v && !v->is_null()) {
                if (found) *found = k;
                return v;
            }
        }
        return nullptr;
    }

    // A whole number in [0, 1e9] under one of `keys`; `fallback` when absent. A missing
    // required key is named by its first (canonical) name.
    int integer(std::initializer_list<const char*> keys, int fallback, bool required, const char* what) {
        const char* key = *keys.begin();
        const Value* v = find(keys, &key);
        if (!v) {
            if (required) {
                std::string names;
                for (const char* k : keys) names += (names.empty() ? "" : " or ") + std::string(k);
                out.errors.push_back({*keys.begin(), "Missing " + names + ": " + what + "."});
            }
            return fallback;
        }
        if (!v->is_number() || v->as_double() != std::floor(v->as_double()) || v->as_double() < 0 ||
            v->as_double() > 1e9) {
            out.errors.push_back({key, std::string("Must be a whole number (") + what + "); got " + v->dump() + "."});
            return fallback;
        }
        return int(v->as_double());
    }

    bool boolean(const char* key, bool fallback) {
        const Value* v = find({key});
        if (!v) return fallback;
        if (!v->is_bool()) {
            out.errors.push_back({key, "Must be true or false; got " + v->dump() + "."});
            return fallback;
        }
        return v->as_bool();
    }

    std::string string(const char* key) const {
        const Value* v = find({key});
        return v && v->is_string() ? v->as_string() : "";
    }
};

}  // namespace

HfImport import_hf_config(std::string_view text) {
    HfImport out;
    const json::Parsed parsed = json::parse(text);
    const Value& doc = parsed.value;
    if (!doc.is_object()) {
        out.errors.push_back({"", "The config is not a JSON object (expected the text of a config.json)."});
        return out;
    }
    Reader r{doc, out};
    ModelArch& m = out.arch;
    const std::string type = out.model_type = r.string("model_type");
    const bool gpt2 = type == "gpt2", bert = one_of(type, {"bert", "roberta"});
    const bool deepseek = one_of(type, {"deepseek_v2", "deepseek_v3"});
    if (type.empty())
        out.notes.push_back("No model_type: read as a Llama-style decoder.");
    else if (!one_of(type, {"llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "gemma", "gemma2", "phi3", "gpt2",
                            "bert", "roberta", "deepseek_v2", "deepseek_v3"}))
        out.notes.push_back("model_type '" + type + "' is not one Headroom knows: read as a Llama-style decoder.");

    m.layers = r.integer({"num_hidden_layers", "n_layer", "num_layers"}, 0, true, "the number of layers");
    m.hidden = r.integer({"hidden_size", "n_embd", "d_model"}, 0, true, "the hidden size");
    m.heads = r.integer({"num_attention_heads", "n_head"}, 0, true, "the number of attention heads");
    m.vocab = r.integer({"vocab_size"}, 0, true, "the vocabulary size");
    m.kv_heads = r.integer({"num_key_value_heads"}, 0, false, "KV heads");
    if (r.boolean("multi_query", false)) m.kv_heads = 1;
    m.head_dim = deepseek ? r.integer({"qk_nope_head_dim"}, 0, true, "the non-rotary query/key head size")
                          : r.integer({"head_dim"}, 0, false, "the head size");
    // GPT-2's n_inner is null for 4 x hidden, which is also ModelArch's 0.
    m.ffn = r.integer({"intermediate_size", "n_inner"}, 0, !gpt2, "the MLP inner size");
    // The gated MLPs (SwiGLU, GeGLU) of every decoder family here; GPT-2 and BERT use a plain MLP.
    const std::string act = r.string("hidden_act");
    m.gated_ffn = !(gpt2 || bert) || act == "silu" || act == "swiglu";
    // transformers' PretrainedConfig defaults tie_word_embeddings to true; the Llama, Mistral,
    // Mixtral, Qwen2, Phi-3 and DeepSeek config classes default it to false.
    const bool tied_default = gpt2 || bert || one_of(type, {"gemma", "gemma2"});
    m.tied_embeddings = r.boolean("tie_word_embeddings", tied_default);

    // Mixture of experts.
    m.experts = r.integer({"num_local_experts", "n_routed_experts", "num_experts"}, 1, false, "routed experts");
    if (m.experts < 1) m.experts = 1;
    m.experts_active = m.experts > 1 ? r.integer({"num_experts_per_tok"}, 0, true, "experts per token") : 1;
    m.moe_ffn = r.integer({"moe_intermediate_size"}, 0, false, "expert MLP size");
    m.shared_experts = r.integer({"n_shared_experts"}, 0, false, "shared experts");
    m.dense_layers = r.integer({"first_k_dense_replace"}, 0, false, "leading dense layers");
    if (type == "qwen2_moe" && r.find({"shared_expert_intermediate_size"})) {
        // Qwen2-MoE has one shared expert of its own width; counted as shared experts of moe_ffn.
        const int shared = r.integer({"shared_expert_intermediate_size"}, 0, false, "shared expert size");
        if (m.moe_ffn > 0) m.shared_experts = shared / m.moe_ffn;
        out.notes.push_back("Qwen2-MoE's shared expert counted as " + std::to_string(m.shared_experts) +
                            " experts of moe_intermediate_size; its gate is left out.");
    }

    // Multi-head latent attention (DeepSeek-V2/V3).
    if (deepseek) {
        m.q_lora_rank = r.integer({"q_lora_rank"}, 0, false, "query compression rank");
        m.kv_lora_rank = r.integer({"kv_lora_rank"}, 0, true, "the KV compression rank");
        m.rope_head_dim = r.integer({"qk_rope_head_dim"}, 0, true, "the rotary key head size");
        m.v_head_dim = r.integer({"v_head_dim"}, 0, false, "the value head size");
    }

    // Sliding windows: Mistral and Phi-3 on every layer; Gemma 2 on every other; Qwen2 only when
    // use_sliding_window is true.
    const bool window_on = type == "qwen2" || type == "qwen2_moe" ? r.boolean("use_sliding_window", false) : true;
    if (window_on) m.sliding_window = r.integer({"sliding_window"}, 0, false, "the attention window");
    if (type == "gemma2" && m.sliding_window > 0) m.global_layers = m.layers / 2;

    // Older architectures: learned positions, biases, LayerNorm; Gemma 2's four norms.
    if (gpt2 || bert) {
        m.max_positions = r.integer({"n_positions", "max_position_embeddings"}, 0, true, "the learned positions");
        m.bias = m.layer_norm = true;
        m.pooler = bert;
        m.fused_qkv = gpt2;
        if (bert) out.notes.push_back("BERT: the 2 x hidden token-type embeddings are left out of the count.");
    }
    if (type == "qwen2" || type == "qwen2_moe") m.qkv_bias = true;
    if (r.boolean("attention_bias", false)) m.qkv_bias = true;
    if (type == "gemma2") m.norms_per_layer = 4;
    if (type == "phi3") m.fused_qkv = true;
    // The dropout the model trains with (BERT's hidden_dropout_prob, GPT-2's resid_pdrop); decoders
    // of the Llama family train without.
    // Missing from a GPT-2 or BERT config, it is the config class's default, 0.1.
    if (const Value* d = r.find({"hidden_dropout_prob", "resid_pdrop", "hidden_dropout"}); d && d->is_number())
        m.dropout = d->as_double();
    else if (gpt2 || bert)
        m.dropout = 0.1;
    return out;
}

}  // namespace headroom

namespace headroom {

// The import as JSON, for a page that runs the importer in another module: the model as the
// scenario contract writes a custom architecture, so hf_import_from_json reads it back exactly.
std::string hf_import_to_json(std::string_view config_json) {
    const HfImport imp = import_hf_config(config_json);
    if (!imp.ok()) return errors_to_json(imp.errors);
    Scenario s = default_scenario();
    s.model = imp.arch;
    s.model_preset.clear();
    Value doc = Value::object();
    doc["model"] = std::move(json::parse(scenario_to_json(s)).value["model"]);
    doc["model_type"] = imp.model_type;
    Value notes = Value::array();
    for (const std::string& n : imp.notes) notes.push_back(n);
    doc["notes"] = std::move(notes);
    return doc.dump();
}

HfImport hf_import_from_json(std::string_view text) {
    HfImport out;
    const Value doc = json::parse(text).value;
    if (const Value* errors = doc.find("errors"); errors && errors->is_array()) {
        for (size_t i = 0; i < errors->size(); ++i) {
            const Value& e = (*errors)[i];
            const Value* f = e.find("field");
            const Value* m = e.find("message");
            out.errors.push_back({f && f->is_string() ? f->as_string() : "", m && m->is_string() ? m->as_string() : ""});
        }
        return out;
    }
    const Value* model = doc.find("model");
    if (!model || !model->is_object()) {
        out.errors.push_back({"", "The importer gave no model."});
        return out;
    }
    Value wrapper = Value::object();
    wrapper["model"] = *model;
    ParsedScenario p = parse_scenario(wrapper.dump());
    if (!p.ok()) {
        out.errors = std::move(p.errors);
        return out;
    }
    out.arch = p.scenario.model;
    if (const Value* t = doc.find("model_type"); t && t->is_string()) out.model_type = t->as_string();
    if (const Value* notes = doc.find("notes"); notes && notes->is_array())
        for (size_t i = 0; i < notes->size(); ++i)
            if ((*notes)[i].is_string()) out.notes.push_back((*notes)[i].as_string());
    return out;
}

}  // namespace headroom
