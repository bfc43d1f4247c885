// Scenario defaults, enum names and validation. Validation names each bad field with a
// sentence a user can act on; it never clamps.
#include <algorithm>
#include <cmath>
#include <string>

#include "headroom/fields.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/scenario.h"

namespace headroom {

Scenario default_scenario() {
    Scenario s;
    if (const ModelPreset* p = find_model(s.model_preset)) s.model = p->arch;
    return s;
}

namespace {
// An enum's name from its table of names (scenario.h), and back.
template <typename E, size_t N>
std::string_view name_of(E e, const std::string_view (&names)[N]) {
    const size_t i = static_cast<size_t>(e);
    return i < N ? names[i] : "?";
}
template <typename E, size_t N>
std::optional<E> parse_name(std::string_view s, const std::string_view (&names)[N]) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}
}  // namespace

std::string_view mode_name(Mode m) { return name_of(m, kModeNames); }
std::string_view optimizer_name(Optimizer o) { return name_of(o, kOptimizerNames); }
std::string_view recompute_name(Recompute r) { return name_of(r, kRecomputeNames); }
std::string_view activation_model_name(ActivationModel a) { return name_of(a, kActivationModelNames); }
std::string_view finetune_name(Finetune f) { return name_of(f, kFinetuneNames); }
std::string_view runtime_name(Runtime r) { return name_of(r, kRuntimeNames); }
std::string_view quant_method_name(QuantMethod q) { return name_of(q, kQuantMethodNames); }
std::string_view gguf_type_name(GgufType t) { return name_of(t, kGgufTypeNames); }
std::string_view ggml_type_name(GgmlType t) { return name_of(t, kGgmlTypeNames); }

std::optional<Mode> parse_mode(std::string_view s) { return parse_name<Mode>(s, kModeNames); }
std::optional<Optimizer> parse_optimizer(std::string_view s) { return parse_name<Optimizer>(s, kOptimizerNames); }
std::optional<Recompute> parse_recompute(std::string_view s) { return parse_name<Recompute>(s, kRecomputeNames); }
std::optional<Finetune> parse_finetune(std::string_view s) { return parse_name<Finetune>(s, kFinetuneNames); }
std::optional<ActivationModel> parse_activation_model(std::string_view s) {
    return parse_name<ActivationModel>(s, kActivationModelNames);
}
std::optional<Runtime> parse_runtime(std::string_view s) { return parse_name<Runtime>(s, kRuntimeNames); }
std::optional<Module> parse_module(std::string_view s) {
    for (Module m : kAllModules)
        if (module_name(m) == s) return m;
    return std::nullopt;
}

bool kv_cache_enabled(const Scenario& s) { return s.kv_cache.value_or(s.mode == Mode::Inference); }
long long effective_kv_tokens(const Scenario& s) { return s.kv_tokens.value_or(s.seq_len); }
long long effective_grad_accum(const Scenario& s) { return s.grad_accum.value_or(s.parallel.pp); }
Attention effective_attention(const Scenario& s) {
    if (s.attention != Attention::Default) return s.attention;
    if (!s.flash_attention) return Attention::Eager;
    switch (s.runtime) {
        case Runtime::PyTorch:
        case Runtime::DeepSpeed:
        case Runtime::HfTransformers: return Attention::Sdpa;
        default: return Attention::Flash;
    }
}
Loss effective_loss(const Scenario& s) {
    if (s.loss != Loss::Default) return s.loss;
    return s.runtime == Runtime::Megatron ? Loss::Fused : Loss::Full;
}
double effective_overhead_fraction(const Scenario& s) {
    return s.overhead.fraction.value_or(s.runtime == Runtime::None ? 0.10 : 0.0);
}
long long effective_batched_tokens(const Scenario& s) {
    return s.vllm.max_num_batched_tokens.value_or(std::max<long long>(s.seq_len, 2048));
}
int effective_gpu_layers(const Scenario& s) {
    const int all = std::max(0, s.model.layers) + 1;  // every layer and the output layer
    return std::min(s.llama_cpp.n_gpu_layers.value_or(all), all);
}

bool needs_architecture(const Scenario& s) {
    return s.activation_model == ActivationModel::Transformer || kv_cache_enabled(s) ||
           s.activation_model == ActivationModel::Multiplier || s.finetune != Finetune::Full ||
           s.optimizer == Optimizer::Adafactor || s.offload.params || s.parallel.ep > 1;
}

// [SECTION] validation

namespace {

// What in the scenario needs the architecture, for the message naming a missing field.
std::string architecture_reason(const Scenario& s) {
    std::string why;
    auto add = [&](bool on, const std::string& what) {
        if (on) why += (why.empty() ? "" : ", ") + what;
    };
    add(s.activation_model != ActivationModel::PerSample,
        "the " + std::string(activation_model_name(s.activation_model)) + " activation model");
    add(kv_cache_enabled(s), "the KV cache");
    add(s.finetune != Finetune::Full, std::string(finetune_name(s.finetune)) + " adapters");
    add(s.optimizer == Optimizer::Adafactor, "Adafactor's factored state");
    add(s.offload.params, "parameter offload");
    add(s.parallel.ep > 1, "expert parallelism");
    return why;
}

// Upper bounds keep every product finite and catch typos (an extra zero or three); each is
// far above any real job.
constexpr double kMaxParams = 1e14;
constexpr long long kMaxTokens = 100'000'000;
constexpr int kMaxLayers = 10'000;
constexpr int kMaxWidth = 1'000'000;
constexpr int kMaxVocab = 10'000'000;
constexpr int kMaxExperts = 100'000;

struct Checker {
    std::vector<FieldError>& out;
    void fail(std::string field, std::string message) { out.push_back({std::move(field), std::move(message)}); }
    template <typename T>
    void range(const char* field, T v, T lo, T hi, const char* what) {
        if (!(v >= lo && v <= hi))
            fail_range(field, std::string(what) + " must be between " + format_int(double(lo)) + " and " +
                                  format_int(double(hi)) + "; got " + format_count(double(v)) + ".",
                       double(lo), double(hi), double(v));
    }
    // An out-of-range value, with its bounds for fronts that show the field in other units.
    void fail_range(std::string field, std::string message, double lo, double hi, double v) {
        out.push_back({std::move(field), std::move(message), lo, hi, v});
    }
};

void check_architecture(const Scenario& s, Checker& c) {
    const ModelArch& m = s.model;
    const bool needed = needs_architecture(s);
    if (m.params != 0 && !(m.params >= 1 && m.params <= kMaxParams))
        c.fail_range("model.params", "Parameters must be between 1 and 100T; got " + format_count(m.params) + ".", 1,
                     kMaxParams, m.params);
    // The parameter count comes from the architecture when `params` is not given.
    const bool counted = m.params == 0;
    if (!needed && counted && (m.layers <= 0 || m.hidden <= 0)) {
        c.fail("model.params", "Give the parameter count (or the architecture to derive it from).");
        return;
    }
    auto required = [&](const char* field, int v, int hi, const char* what, bool need) {
        if (v != 0)
            c.range(field, v, 1, hi, what);
        else if (need && needed)
            c.fail(field, std::string(what) + " is needed by " + architecture_reason(s) + ".");
        else if (need)
            c.fail(field, std::string(what) + " is needed to count the parameters (or give model.params).");
    };
    required("model.layers", m.layers, kMaxLayers, "Layers", needed || counted);
    required("model.hidden", m.hidden, kMaxWidth, "Hidden size", needed || counted);
    const bool needs_heads = s.activation_model == ActivationModel::Transformer || kv_cache_enabled(s);
    required("model.heads", m.heads, kMaxWidth, "Attention heads", needs_heads && needed);
    if (m.kv_heads != 0) c.range("model.kv_heads", m.kv_heads, 1, kMaxWidth, "KV heads");
    if (m.head_dim != 0) c.range("model.head_dim", m.head_dim, 1, kMaxWidth, "Head dimension");
    if (m.ffn != 0) c.range("model.ffn", m.ffn, 1, 4 * kMaxWidth, "FFN size");
    if (m.vocab != 0) c.range("model.vocab", m.vocab, 1, kMaxVocab, "Vocabulary size");
    c.range("model.experts", m.experts, 1, kMaxExperts, "Experts");
    if (m.experts_active < 1 || m.experts_active > m.experts)
        c.fail("model.experts_active", "Active experts must be between 1 and the number of experts (" +
                                           std::to_string(m.experts) + ").");
    if (m.heads > 0 && m.kv_heads > 0 && (m.kv_heads > m.heads || m.heads % m.kv_heads != 0))
        c.fail("model.kv_heads", "KV heads must divide the attention heads (" + std::to_string(m.heads) +
                                     "); got " + std::to_string(m.kv_heads) + ".");
    if (m.heads > 0 && m.head_dim == 0 && m.hidden > 0 && m.hidden % m.heads != 0)
        c.fail("model.head_dim", "Hidden size " + std::to_string(m.hidden) + " does not divide by " +
                                     std::to_string(m.heads) + " heads: give the head dimension.");
    c.range("model.moe_ffn", m.moe_ffn, 0, 4 * kMaxWidth, "Expert FFN size (0 = ffn)");
    c.range("model.shared_experts", m.shared_experts, 0, kMaxExperts, "Shared experts");
    c.range("model.dense_layers", m.dense_layers, 0, std::max(m.layers, 0), "Dense layers (at most the layers)");
    c.range("model.q_lora_rank", m.q_lora_rank, 0, kMaxWidth, "Query compression rank");
    c.range("model.kv_lora_rank", m.kv_lora_rank, 0, kMaxWidth, "KV compression rank");
    c.range("model.rope_head_dim", m.rope_head_dim, 0, kMaxWidth, "Rotary key head dimension");
    c.range("model.v_head_dim", m.v_head_dim, 0, kMaxWidth, "Value head dimension");
    c.range("model.sliding_window", m.sliding_window, 0, int(kMaxTokens), "Sliding window (0 = none)");
    c.range("model.global_layers", m.global_layers, 0, std::max(m.layers, 0), "Global-attention layers (at most the layers)");
    c.range("model.max_positions", m.max_positions, 0, int(kMaxTokens), "Learned positions (0 = rotary)");
    c.range("model.norms_per_layer", m.norms_per_layer, 0, 16, "Norms per layer (0 = 2)");
    c.range("model.dropout", m.dropout, 0.0, 1.0, "Dropout");
    if (counted && m.vocab == 0 && m.layers > 0)
        c.fail("model.vocab", "Give the vocabulary size (or the parameter count) so the parameters can be counted.");
    if (c.out.empty() && counted && !(derived_params(m) <= kMaxParams))
        c.fail("model", "The architecture counts " + format_count(derived_params(m)) +
                            " parameters, above the 100T this calculator accepts.");
}

void check_parallel(const Scenario& s, Checker& c) {
    const Parallel& p = s.parallel;
    if (s.model.heads > 0 && p.tp > 1 && s.model.heads % p.tp != 0)
        c.fail("parallel.tp", "Tensor parallelism splits attention heads: " + std::to_string(s.model.heads) +
                                  " heads do not divide by " + std::to_string(p.tp) + ".");
    if (p.ep > 1) {
        if (!is_moe(s.model))
            c.fail("parallel.ep", "Expert parallelism needs a mixture-of-experts model (model.experts above 1).");
        else if (s.model.experts % p.ep != 0)
            c.fail("parallel.ep", "Expert parallelism spreads the " + std::to_string(s.model.experts) +
                                      " experts evenly: ep must divide them; got " + std::to_string(p.ep) + ".");
        else if (p.dp % p.ep != 0)
            c.fail("parallel.ep", "Experts are spread over data-parallel ranks: ep must divide dp (" +
                                      std::to_string(p.dp) + "); got " + std::to_string(p.ep) + ".");
    }
    if (s.model.layers > 0 && p.pp > s.model.layers)
        c.fail("parallel.pp", "Pipeline stages (" + std::to_string(p.pp) + ") cannot exceed the layers (" +
                                  std::to_string(s.model.layers) + ").");
}

}  // namespace

std::vector<FieldError> validate(const Scenario& s) {
    std::vector<FieldError> errors;
    Checker c{errors};
    // What the table's ranges cannot say, first: a field named here is not checked again below.
    check_architecture(s, c);
    if (s.activation_model == ActivationModel::Multiplier && !(s.checkpoint_factor > 0 && s.checkpoint_factor <= 1))
        c.fail_range("checkpoint_factor",
                     "Checkpoint factor is the share of activations kept: above 0 and at most 1; got " +
                         format_count(s.checkpoint_factor) + ".",
                     0, 1, s.checkpoint_factor);
    check_parallel(s, c);
    if (s.embeddings_and_logits && s.activation_model == ActivationModel::Transformer && s.model.vocab <= 0)
        c.fail("model.vocab", "The output logits need the vocabulary size.");
    if (s.finetune != Finetune::Full && ((s.lora.modules & 0x7F) == 0 || (s.lora.modules & ~0x7Fu) != 0))
        c.fail("lora.modules", "Choose at least one projection to adapt: q, k, v, o, gate, up, down.");
    if (s.offload.params && s.parallel.zero != 3)
        c.fail("offload.params", "Parameter offload (ZeRO-Infinity) needs ZeRO stage 3; the stage is " +
                                     std::to_string(s.parallel.zero) + ".");
    if (s.offload.optimizer && s.parallel.zero < 1)
        c.fail("offload.optimizer", "Optimizer offload (ZeRO-Offload) needs ZeRO stage 1, 2 or 3; the stage is 0.");
    if (s.runtime == Runtime::LlamaCpp && s.llama_cpp.n_ubatch > s.llama_cpp.n_batch)
        c.fail("llama_cpp.n_ubatch", "The physical batch (n_ubatch, " + format_int(double(s.llama_cpp.n_ubatch)) +
                                         ") cannot exceed the logical batch (n_batch, " +
                                         format_int(double(s.llama_cpp.n_batch)) + ").");
    if (!find_gpu(s.gpu)) c.fail("gpu", "Unknown GPU '" + s.gpu + "'.");
    if (s.quantization.method != QuantMethod::None && dtype_bytes(s.dtypes.weights) < 2)
        c.fail("dtypes.weights", "With a quantization method, the weights' dtype is that of the layers it keeps "
                                 "unpacked (embeddings, output layer, norms): bf16, fp16 or fp32; got " +
                                     std::string(dtype_name(s.dtypes.weights)) + ".");

    // Every number in the table within its range, where the scenario uses it.
    for (const Field& f : scenario_fields()) {
        if (f.in_model() || (f.kind != FieldKind::Integer && f.kind != FieldKind::Number) || !f.used_by(s)) continue;
        const std::optional<double> v = f.get(s);
        if (!v || (*v >= f.lo && *v <= f.upper(s))) continue;
        bool named = false;
        for (const FieldError& e : errors) named = named || e.field == f.path;
        if (!named) errors.push_back(range_error(f, s, *v));
    }
    return errors;
}

}  // namespace headroom
