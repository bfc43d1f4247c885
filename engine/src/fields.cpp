// The table of scenario fields (fields.h). Each entry says where its value lives in a Scenario
// through At<member> (or In<group, member> for a field inside an object), so the table is data
// and one generic reader, writer and checker serve every field.
#include "headroom/fields.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "headroom/dtype.h"
#include "headroom/format.h"
#include "json.h"

namespace headroom {
namespace {

// [SECTION] access: a member's value as the table's number, and back

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
std::optional<double> to_value(const T& v) {
    if constexpr (IsOptional<T>::value) {
        if (!v) return std::nullopt;
        return to_value(*v);
    } else if constexpr (std::is_enum_v<T>) {
        return double(static_cast<int>(v));
    } else {
        return double(v);
    }
}

template <typename T>
void from_value(T& out, std::optional<double> v) {
    if constexpr (IsOptional<T>::value) {
        if (!v) {
            out.reset();
            return;
        }
        typename T::value_type x{};
        from_value(x, v);
        out = x;
    } else if (v) {
        if constexpr (std::is_enum_v<T>) out = static_cast<T>(static_cast<int>(*v));
        else if constexpr (std::is_same_v<T, bool>) out = *v != 0;
        else out = static_cast<T>(*v);
    }
}

// A top-level member, and a member of a member (s.dtypes.weights).
template <auto M>
struct At {
    static std::optional<double> get(const Scenario& s) { return to_value(s.*M); }
    static void set(Scenario& s, std::optional<double> v) { from_value(s.*M, v); }
};
template <auto G, auto M>
struct In {
    static std::optional<double> get(const Scenario& s) { return to_value((s.*G).*M); }
    static void set(Scenario& s, std::optional<double> v) { from_value((s.*G).*M, v); }
};

// An enum whose first value (None) means "not given": unset in JSON.
template <auto G, auto M>
struct NoneUnset {
    static std::optional<double> get(const Scenario& s) {
        const int v = static_cast<int>((s.*G).*M);
        return v == 0 ? std::nullopt : std::optional<double>(v);
    }
    static void set(Scenario& s, std::optional<double> v) {
        using E = std::remove_reference_t<decltype((s.*G).*M)>;
        (s.*G).*M = static_cast<E>(v ? static_cast<int>(*v) : 0);
    }
};
// A top-level enum whose first value (None, Default) means "not given".
template <auto M>
struct DefaultUnset {
    static std::optional<double> get(const Scenario& s) {
        const int v = static_cast<int>(s.*M);
        return v == 0 ? std::nullopt : std::optional<double>(v);
    }
    static void set(Scenario& s, std::optional<double> v) {
        using E = std::remove_reference_t<decltype(s.*M)>;
        s.*M = static_cast<E>(v ? static_cast<int>(*v) : 0);
    }
};
using RuntimeAt = DefaultUnset<&Scenario::runtime>;

// [SECTION] names

constexpr std::string_view kDTypeNames[] = {"fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"};
static_assert(std::size(kDTypeNames) == std::size(kAllDTypes));
// master_weights: "none", then every dtype (index i + 1 is DType i).
constexpr std::string_view kMasterNames[] = {"none", "fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"};
constexpr std::string_view kModuleNames[] = {"q", "k", "v", "o", "gate", "up", "down"};

// What a person calls each value, where it is not its JSON name (the form's choices).
constexpr std::string_view kModeLabels[] = {"Training", "Inference"};
constexpr std::string_view kRuntimeLabels[] = {"None (formulas + 10%)", "PyTorch / HF Trainer", "Megatron-LM",
                                              "DeepSpeed",             "HF transformers generate", "vLLM",
                                              "llama.cpp"};
constexpr std::string_view kOptimizerLabels[] = {"AdamW", "AdamW 8-bit", "SGD + momentum", "SGD",
                                                "Adafactor", "Lion", "AdamW (fused)"};
constexpr std::string_view kFinetuneLabels[] = {"Full", "LoRA", "QLoRA (4-bit base)"};
constexpr std::string_view kRecomputeLabels[] = {"None", "Selective (Korthikanti)", "Full", "√L checkpoints"};
constexpr std::string_view kActivationModelLabels[] = {"Transformer (Korthikanti)", "Multiplier (seed 000)",
                                                      "Per sample (seed 002)"};
constexpr std::string_view kQuantMethodLabels[] = {"None", "GPTQ", "AWQ", "bitsandbytes NF4", "bitsandbytes int8",
                                                  "fp8", "GGUF", "int8 (W8A8)"};
constexpr std::string_view kAttentionLabels[] = {"The runtime's", "Eager (s × s scores)", "SDPA",
                                                "FlashAttention 2"};
constexpr std::string_view kLossLabels[] = {"The runtime's", "Full (fp32 logits)", "Chunked", "Fused"};
constexpr std::string_view kZeroLabels[] = {"0 · off", "1 · optimizer", "2 · + gradients", "3 · + weights"};
static_assert(std::size(kRuntimeLabels) == std::size(kRuntimeNames));
static_assert(std::size(kOptimizerLabels) == std::size(kOptimizerNames));
static_assert(std::size(kQuantMethodLabels) == std::size(kQuantMethodNames));
static_assert(std::size(kAttentionLabels) == std::size(kAttentionNames));
static_assert(std::size(kLossLabels) == std::size(kLossNames));

struct MasterAt {
    static std::optional<double> get(const Scenario& s) {
        return s.dtypes.master_weights ? static_cast<int>(*s.dtypes.master_weights) + 1 : 0;
    }
    static void set(Scenario& s, std::optional<double> v) {
        const int i = v ? static_cast<int>(*v) : 0;
        s.dtypes.master_weights = i <= 0 ? std::nullopt : std::optional<DType>(static_cast<DType>(i - 1));
    }
};
struct ModulesAt {
    static std::optional<double> get(const Scenario& s) { return double(s.lora.modules); }
    static void set(Scenario& s, std::optional<double> v) {
        if (v) s.lora.modules = static_cast<unsigned>(*v);
    }
};

// [SECTION] when a field is used

bool training_only(const Scenario& s) { return s.mode == Mode::Training; }
bool with_kv_cache(const Scenario& s) { return kv_cache_enabled(s); }
bool with_multiplier(const Scenario& s) { return s.activation_model == ActivationModel::Multiplier; }
bool with_per_sample(const Scenario& s) { return s.activation_model == ActivationModel::PerSample; }
bool with_adapters(const Scenario& s) { return s.finetune != Finetune::Full; }
bool with_packed_bits(const Scenario& s) {
    return s.quantization.method == QuantMethod::Gptq || s.quantization.method == QuantMethod::Awq;
}
bool with_gguf(const Scenario& s) { return s.quantization.method == QuantMethod::Gguf; }
bool on_vllm(const Scenario& s) { return s.runtime == Runtime::Vllm; }
bool on_llama_cpp(const Scenario& s) { return s.runtime == Runtime::LlamaCpp; }

std::optional<double> kv_tokens_in_effect(const Scenario& s) { return double(effective_kv_tokens(s)); }
std::optional<double> overhead_in_effect(const Scenario& s) { return effective_overhead_fraction(s); }
std::optional<double> kv_cache_in_effect(const Scenario& s) { return kv_cache_enabled(s) ? 1 : 0; }
std::optional<double> grad_accum_in_effect(const Scenario& s) { return double(effective_grad_accum(s)); }
std::optional<double> batched_tokens_in_effect(const Scenario& s) { return double(effective_batched_tokens(s)); }
std::optional<double> gpu_layers_in_effect(const Scenario& s) { return double(effective_gpu_layers(s)); }

double hidden_size(const Scenario& s) { return std::max(1, s.model.hidden); }

// [SECTION] the table

constexpr double kMaxBatch = double(kMaxBatchSize);
constexpr double kMaxTokens = 100'000'000;
constexpr double kMaxWorld = 1'000'000;
constexpr double kMaxBytes = 1e16;
constexpr double kMaxWidth = 1'000'000;

using K = FieldKind;

// Architecture fields: integers inside a custom model object; 0 = not given.
template <auto M>
constexpr Field arch(std::string_view path, std::string_view label, std::string_view help, double hi,
                     unsigned char flags = 0) {
    return {.path = path, .label = label, .unit = "", .help = help, .kind = K::Integer,
            .flags = static_cast<unsigned char>(kModel | flags), .lo = 0, .hi = hi,
            .get = In<&Scenario::model, M>::get, .set = In<&Scenario::model, M>::set};
}
template <auto M>
constexpr Field arch_flag(std::string_view path, std::string_view label, std::string_view help,
                          unsigned char flags = 0) {
    return {.path = path, .label = label, .help = help, .kind = K::Boolean,
            .flags = static_cast<unsigned char>(kModel | flags),
            .get = In<&Scenario::model, M>::get, .set = In<&Scenario::model, M>::set};
}
template <auto G, auto M>
constexpr Field dtype(std::string_view path, std::string_view label, std::string_view help,
                      bool (*applies)(const Scenario&) = nullptr) {
    return {.path = path, .label = label, .help = help, .kind = K::Choice, .names = kDTypeNames,
            .get = In<G, M>::get, .set = In<G, M>::set, .applies = applies};
}

const Field kFields[] = {
    {.path = "mode", .label = "Mode", .help = "Training keeps weights, gradients, optimizer states and activations; "
                                              "inference keeps weights and a KV cache.",
     .kind = K::Choice, .names = kModeNames, .labels = kModeLabels, .get = At<&Scenario::mode>::get, .set = At<&Scenario::mode>::set},
    {.path = "runtime", .label = "Runtime",
     .help = "The stack that runs the job: the estimate follows what it allocates (its copies of the weights, "
             "its CUDA context, workspaces and allocator). None: the published formulas with a 10% allowance.",
     .kind = K::Choice, .flags = kOptional, .names = kRuntimeNames, .labels = kRuntimeLabels, .get = RuntimeAt::get, .set = RuntimeAt::set},
    {.path = "cuda_lazy_loading", .label = "CUDA lazy loading",
     .help = "Kernels load on first use (CUDA_MODULE_LOADING=LAZY, PyTorch 2.0+ with CUDA 11.7+); off for older "
             "stacks, whose CUDA context is some 1.3 GB.",
     .kind = K::Boolean, .get = At<&Scenario::cuda_lazy_loading>::get, .set = At<&Scenario::cuda_lazy_loading>::set,
     .applies = [](const Scenario& s) { return s.runtime != Runtime::None; }},
    {.path = "model", .label = "Model", .help = "A preset, or a custom architecture (an object of the fields below).",
     .kind = K::Text},
    {.path = "model.params", .label = "Parameters", .help = "The parameter count; 0 = derived from the architecture.",
     .kind = K::Number, .flags = kModel | kOmitZero, .lo = 1, .hi = 1e14,
     .get = In<&Scenario::model, &ModelArch::params>::get, .set = In<&Scenario::model, &ModelArch::params>::set},
    arch<&ModelArch::layers>("model.layers", "Layers", "Transformer layers (num_hidden_layers).", 10'000),
    arch<&ModelArch::hidden>("model.hidden", "Hidden size", "Width of the residual stream (hidden_size).", kMaxWidth),
    arch<&ModelArch::heads>("model.heads", "Attention heads", "Query heads (num_attention_heads).", kMaxWidth),
    arch<&ModelArch::kv_heads>("model.kv_heads", "KV heads",
                               "Key/value heads (num_key_value_heads); fewer than heads is GQA, 1 is MQA; 0 = heads.",
                               kMaxWidth),
    arch<&ModelArch::head_dim>("model.head_dim", "Head dimension", "Size of one head; 0 = hidden ÷ heads.", kMaxWidth),
    arch<&ModelArch::ffn>("model.ffn", "FFN size", "Inner width of the MLP (intermediate_size); 0 = 4 × hidden.",
                          4 * kMaxWidth),
    arch<&ModelArch::vocab>("model.vocab", "Vocabulary size", "Tokens in the vocabulary (vocab_size).", 10'000'000),
    arch_flag<&ModelArch::gated_ffn>("model.gated_ffn", "Gated FFN",
                                     "SwiGLU or GeGLU: three MLP matrices (gate, up, down) instead of two."),
    arch_flag<&ModelArch::tied_embeddings>("model.tied_embeddings", "Tied embeddings",
                                           "The output layer reuses the input embedding matrix."),
    arch<&ModelArch::experts>("model.experts", "Experts", "Routed experts per MoE layer; 1 = dense.", 100'000),
    arch<&ModelArch::experts_active>("model.experts_active", "Active experts", "Routed experts per token (top-k).",
                                     100'000),
    arch<&ModelArch::moe_ffn>("model.moe_ffn", "Expert FFN size", "Inner width of one expert; 0 = the FFN size.",
                              4 * kMaxWidth, kOmitZero),
    arch<&ModelArch::shared_experts>("model.shared_experts", "Shared experts", "Experts every token passes through.",
                                     100'000, kOmitZero),
    arch<&ModelArch::dense_layers>("model.dense_layers", "Dense layers", "Leading layers with a dense MLP (MoE models).",
                                   10'000, kOmitZero),
    arch<&ModelArch::q_lora_rank>("model.q_lora_rank", "Query compression rank",
                                  "MLA: rank of the query's low-rank projection; 0 = full rank.", kMaxWidth, kOmitZero),
    arch<&ModelArch::kv_lora_rank>("model.kv_lora_rank", "KV compression rank",
                                   "MLA: size of the compressed KV latent the cache keeps; 0 = no MLA.", kMaxWidth,
                                   kOmitZero),
    arch<&ModelArch::rope_head_dim>("model.rope_head_dim", "Rotary key head dimension",
                                    "MLA: the decoupled rotary key, shared across heads.", kMaxWidth, kOmitZero),
    arch<&ModelArch::v_head_dim>("model.v_head_dim", "Value head dimension", "MLA: value head size; 0 = head dim.",
                                 kMaxWidth, kOmitZero),
    arch<&ModelArch::sliding_window>("model.sliding_window", "Sliding window",
                                     "Tokens a windowed layer attends to; 0 = full attention everywhere.", kMaxTokens,
                                     kOmitZero),
    arch<&ModelArch::global_layers>("model.global_layers", "Global-attention layers",
                                    "With a window: layers that still attend to every token (Gemma 2: half).", 10'000,
                                    kOmitZero),
    arch<&ModelArch::max_positions>("model.max_positions", "Learned positions",
                                    "Learned absolute position embeddings (GPT-2, BERT); 0 = rotary.", kMaxTokens,
                                    kOmitZero),
    arch<&ModelArch::norms_per_layer>("model.norms_per_layer", "Norms per layer", "0 = 2 (Gemma 2 has 4).", 16,
                                      kOmitZero),
    arch_flag<&ModelArch::bias>("model.bias", "Biases", "Biases on every projection (GPT-2, BERT).", kOmitZero),
    arch_flag<&ModelArch::qkv_bias>("model.qkv_bias", "QKV biases", "Biases on q, k and v only (Qwen2).", kOmitZero),
    arch_flag<&ModelArch::fused_qkv>("model.fused_qkv", "Fused QKV",
                                     "q, k and v in one matrix (GPT-2, GPT-NeoX, Phi-3): one tensor in a GGUF file.",
                                     kOmitZero),
    arch_flag<&ModelArch::layer_norm>("model.layer_norm", "LayerNorm", "LayerNorm (weight and bias) instead of RMSNorm.",
                                      kOmitZero),
    arch_flag<&ModelArch::pooler>("model.pooler", "Pooler", "BERT's pooler on the first token.", kOmitZero),
    {.path = "model.dropout", .label = "Dropout", .help = "Dropout the model trains with (BERT, GPT-2: 0.1); its "
                                                          "masks are kept for backward.",
     .kind = K::Number, .flags = kModel | kOmitZero, .lo = 0, .hi = 1,
     .get = In<&Scenario::model, &ModelArch::dropout>::get, .set = In<&Scenario::model, &ModelArch::dropout>::set},
    {.path = "batch", .label = "Batch size", .unit = "sequences",
     .help = "Sequences per GPU in one step (the micro-batch); in inference, the sequences decoded together.",
     .kind = K::Integer, .lo = 1, .hi = kMaxBatch, .get = At<&Scenario::batch>::get, .set = At<&Scenario::batch>::set},
    {.path = "seq_len", .label = "Sequence length", .unit = "tokens",
     .help = "Tokens per sequence; in inference, the prompt (vLLM: max_model_len).", .kind = K::Integer, .lo = 1,
     .hi = kMaxTokens, .get = At<&Scenario::seq_len>::get, .set = At<&Scenario::seq_len>::set},
    {.path = "kv_tokens", .label = "KV-cache tokens", .unit = "tokens",
     .help = "Tokens the KV cache holds per sequence: prompt plus generated tokens (llama.cpp: n_ctx); "
             "default the sequence length.",
     .kind = K::Integer, .flags = kOptional, .lo = 1, .hi = kMaxTokens, .get = At<&Scenario::kv_tokens>::get,
     .set = At<&Scenario::kv_tokens>::set, .applies = with_kv_cache, .effective = kv_tokens_in_effect},
    {.path = "kv_cache", .label = "KV cache",
     .help = "Keep the keys and values of past tokens, as generation does; on by default in inference.",
     .kind = K::Boolean, .flags = kOptional, .get = At<&Scenario::kv_cache>::get, .set = At<&Scenario::kv_cache>::set,
     .effective = kv_cache_in_effect},
    dtype<&Scenario::dtypes, &Precision::weights>("dtypes.weights", "Weights dtype",
                                                  "How the weights are stored (fp32 for PyTorch AMP)."),
    dtype<&Scenario::dtypes, &Precision::gradients>("dtypes.gradients", "Gradients dtype",
                                                    "How the gradients are kept (usually as the weights).",
                                                    training_only),
    dtype<&Scenario::dtypes, &Precision::activations>(
        "dtypes.activations", "Activations dtype",
        "The dtype of the activations kept for backward (bf16 or fp16 under AMP)."),
    dtype<&Scenario::dtypes, &Precision::kv_cache>("dtypes.kv_cache", "KV-cache dtype",
                                                   "How the KV cache is stored (fp8 halves it).", with_kv_cache),
    {.path = "dtypes.master_weights", .label = "Master weights",
     .help = "An fp32 copy of the weights the optimizer updates (mixed precision); none for fp32 or pure bf16 "
             "training. Default: fp32 when the weights are not fp32.",
     .kind = K::Choice, .names = kMasterNames, .get = MasterAt::get, .set = MasterAt::set, .applies = training_only},
    dtype<&Scenario::dtypes, &Precision::optimizer_state>("dtypes.optimizer_state", "Optimizer state dtype",
                                                          "How the optimizer's moments are stored.", training_only),
    dtype<&Scenario::dtypes, &Precision::logits>("dtypes.logits", "Logits dtype",
                                                 "The output logits the loss reads (fp32 in most stacks)."),
    {.path = "optimizer", .label = "Optimizer", .help = "Sets the state kept per trainable parameter (AdamW: two moments).",
     .kind = K::Choice, .names = kOptimizerNames, .labels = kOptimizerLabels, .get = At<&Scenario::optimizer>::get,
     .set = At<&Scenario::optimizer>::set, .applies = training_only},
    {.path = "paged_optimizer", .label = "Paged optimizer",
     .help = "bitsandbytes' paged optimizers (paged_adamw_8bit): states in unified memory, outside PyTorch's "
             "allocator, paged to host memory under pressure.",
     .kind = K::Boolean, .get = At<&Scenario::paged_optimizer>::get, .set = At<&Scenario::paged_optimizer>::set,
     .applies = training_only},
    {.path = "optimizer_in_backward", .label = "Optimizer in backward",
     .help = "Each parameter steps as its gradient arrives and the gradient is freed (torchtune's "
             "optimizer_in_bwd): gradients are never held together.",
     .kind = K::Boolean, .get = At<&Scenario::optimizer_in_backward>::get,
     .set = At<&Scenario::optimizer_in_backward>::set, .applies = training_only},
    {.path = "compile", .label = "torch.compile",
     .help = "Inductor's partitioner keeps the matmuls' and attention's outputs and the norms' inputs, and "
             "recomputes the pointwise ops between them in backward.",
     .kind = K::Boolean, .get = At<&Scenario::compile>::get, .set = At<&Scenario::compile>::set,
     .applies = [](const Scenario& s) { return s.mode == Mode::Training && s.runtime != Runtime::None; }},
    {.path = "transformers_version", .label = "transformers version",
     .help = "The transformers release (or the era of a trust_remote_code model's code): before 4.36 generate() "
             "rebuilds a tuple KV cache each step, before 4.45 it computes the whole prompt's logits. Default: current.",
     .kind = K::Number, .flags = kOptional, .lo = 4.0, .hi = 99.0, .get = At<&Scenario::transformers_version>::get,
     .set = At<&Scenario::transformers_version>::set,
     .applies = [](const Scenario& s) { return s.runtime == Runtime::HfTransformers || s.runtime == Runtime::PyTorch; }},
    {.path = "loss", .label = "Loss over the logits",
     .help = "full: every token's logits copied to fp32 (Hugging Face); chunked: in 16-bit chunks (torchtune, "
             "litgpt); fused with the output layer (Liger, Transformer Engine). Default: the runtime's.",
     .kind = K::Choice, .flags = kOptional, .names = kLossNames, .labels = kLossLabels,
     .get = DefaultUnset<&Scenario::loss>::get, .set = DefaultUnset<&Scenario::loss>::set,
     .applies = training_only},
    {.path = "recompute", .label = "Recompute",
     .help = "Activation checkpointing: selective drops the attention scores, full keeps only each layer's input "
             "(HF gradient_checkpointing), √L keeps every √L-th.",
     .kind = K::Choice, .names = kRecomputeNames, .labels = kRecomputeLabels, .get = At<&Scenario::recompute>::get,
     .set = At<&Scenario::recompute>::set, .applies = training_only},
    {.path = "flash_attention", .label = "Fused attention",
     .help = "FlashAttention or PyTorch SDPA, which never store the s × s attention scores; off is eager attention, "
             "which does.",
     .kind = K::Boolean, .get = At<&Scenario::flash_attention>::get, .set = At<&Scenario::flash_attention>::set},
    {.path = "attention", .label = "Attention kernel",
     .help = "As Hugging Face's attn_implementation: eager keeps the s × s scores; sdpa (the default) is given K "
             "and V repeated to every head; flash_attention_2 takes them as they are. Default: the runtime's.",
     .kind = K::Choice, .flags = kOptional, .names = kAttentionNames, .labels = kAttentionLabels, .get = DefaultUnset<&Scenario::attention>::get,
     .set = DefaultUnset<&Scenario::attention>::set, .applies = [](const Scenario& s) { return s.runtime != Runtime::None; }},
    {.path = "activation_model", .label = "Activation model",
     .help = "Transformer: from the architecture (Korthikanti); multiplier: seed 000's rule of thumb; per sample: a "
             "measured figure.",
     .kind = K::Choice, .names = kActivationModelNames, .labels = kActivationModelLabels, .get = At<&Scenario::activation_model>::get,
     .set = At<&Scenario::activation_model>::set},
    {.path = "activation_multiplier", .label = "Activation multiplier", .unit = "×",
     .help = "Bytes kept per token per hidden unit per layer, in activation elements (8-12 for transformers).",
     .kind = K::Number, .lo = 1e-3, .hi = 1e4, .get = At<&Scenario::activation_multiplier>::get,
     .set = At<&Scenario::activation_multiplier>::set, .applies = with_multiplier},
    {.path = "checkpoint_factor", .label = "Checkpoint factor", .unit = "kept",
     .help = "Share of the activations kept when checkpointing (1 = all).", .kind = K::Number, .lo = 0, .hi = 1,
     .get = At<&Scenario::checkpoint_factor>::get, .set = At<&Scenario::checkpoint_factor>::set,
     .applies = with_multiplier},
    {.path = "activation_bytes_per_sample", .label = "Activation bytes per sample", .unit = "B",
     .help = "Measured activation memory of one sample (from a profiler).", .kind = K::Number, .lo = 0, .hi = kMaxBytes,
     .get = At<&Scenario::activation_bytes_per_sample>::get, .set = At<&Scenario::activation_bytes_per_sample>::set,
     .applies = with_per_sample},
    {.path = "parallel.dp", .label = "Data-parallel GPUs", .unit = "GPUs",
     .help = "Replicas that each take a share of the batch; ZeRO shards states across them.", .kind = K::Integer,
     .lo = 1, .hi = kMaxWorld, .get = In<&Scenario::parallel, &Parallel::dp>::get,
     .set = In<&Scenario::parallel, &Parallel::dp>::set},
    {.path = "parallel.zero", .label = "ZeRO stage", .unit = "stage",
     .help = "Shards over the data-parallel GPUs: 1 optimizer states, 2 + gradients, 3 + weights (FSDP full shard).",
     .kind = K::Integer, .lo = 0, .hi = 3, .labels = kZeroLabels, .get = In<&Scenario::parallel, &Parallel::zero>::get,
     .set = In<&Scenario::parallel, &Parallel::zero>::set, .applies = training_only},
    {.path = "parallel.tp", .label = "Tensor-parallel GPUs", .unit = "GPUs",
     .help = "GPUs that split every layer's matrices (Megatron; vLLM's tensor_parallel_size).", .kind = K::Integer,
     .lo = 1, .hi = 4096, .get = In<&Scenario::parallel, &Parallel::tp>::get,
     .set = In<&Scenario::parallel, &Parallel::tp>::set},
    {.path = "parallel.pp", .label = "Pipeline stages", .unit = "stages",
     .help = "GPUs that each hold a run of layers.", .kind = K::Integer, .lo = 1, .hi = 10'000,
     .get = In<&Scenario::parallel, &Parallel::pp>::get, .set = In<&Scenario::parallel, &Parallel::pp>::set},
    {.path = "parallel.sp", .label = "Sequence parallel",
     .help = "With tensor parallelism, split the norms' and dropouts' activations along the sequence too.",
     .kind = K::Boolean, .get = In<&Scenario::parallel, &Parallel::sp>::get,
     .set = In<&Scenario::parallel, &Parallel::sp>::set},
    {.path = "parallel.ep", .label = "Expert-parallel GPUs", .unit = "GPUs",
     .help = "MoE: data-parallel GPUs the routed experts are spread over.", .kind = K::Integer, .lo = 1,
     .hi = kMaxWorld, .get = In<&Scenario::parallel, &Parallel::ep>::get,
     .set = In<&Scenario::parallel, &Parallel::ep>::set},
    {.path = "grad_accum", .label = "Gradient-accumulation micro-batches", .unit = "micro-batches",
     .help = "Micro-batches per optimizer step; default the pipeline stages.", .kind = K::Integer, .flags = kOptional,
     .lo = 1, .hi = kMaxBatch, .get = At<&Scenario::grad_accum>::get, .set = At<&Scenario::grad_accum>::set,
     .applies = training_only, .effective = grad_accum_in_effect},
    {.path = "embeddings_and_logits", .label = "Embeddings and logits",
     .help = "Count the input embedding's and the output layer's activations, and the logits the loss keeps.",
     .kind = K::Boolean, .get = At<&Scenario::embeddings_and_logits>::get,
     .set = At<&Scenario::embeddings_and_logits>::set},
    {.path = "finetune", .label = "Fine-tuning",
     .help = "Full: every weight trains. LoRA: small adapters train on a frozen base. QLoRA: the base in 4-bit NF4.",
     .kind = K::Choice, .names = kFinetuneNames, .labels = kFinetuneLabels, .get = At<&Scenario::finetune>::get,
     .set = At<&Scenario::finetune>::set},
    {.path = "lora.rank", .label = "LoRA rank", .unit = "r", .help = "Rank r of each adapter (8 to 64 is common).",
     .kind = K::Integer, .lo = 1, .hi = kMaxWidth, .get = In<&Scenario::lora, &Lora::rank>::get,
     .set = In<&Scenario::lora, &Lora::rank>::set, .applies = with_adapters, .hi_of = hidden_size},
    {.path = "lora.dropout", .label = "LoRA dropout",
     .help = "lora_dropout: a dropped copy of each adapted projection's input is kept for backward (PEFT default 0).",
     .kind = K::Number, .lo = 0, .hi = 1, .get = In<&Scenario::lora, &Lora::dropout>::get,
     .set = In<&Scenario::lora, &Lora::dropout>::set, .applies = with_adapters},
    {.path = "lora.train_embeddings", .label = "Train embeddings",
     .help = "PEFT's modules_to_save on the embedding and the output layer: a trainable copy of each, with its "
             "gradients and optimizer states.",
     .kind = K::Boolean, .get = In<&Scenario::lora, &Lora::train_embeddings>::get,
     .set = In<&Scenario::lora, &Lora::train_embeddings>::set, .applies = with_adapters},
    {.path = "lora.modules", .label = "LoRA modules", .help = "The projections that get adapters.",
     .kind = K::Modules, .names = kModuleNames, .get = ModulesAt::get, .set = ModulesAt::set,
     .applies = with_adapters},
    {.path = "offload.optimizer", .label = "Offload optimizer",
     .help = "ZeRO-Offload: master weights, optimizer states and gradients in host memory (ZeRO 1-3).",
     .kind = K::Boolean, .get = In<&Scenario::offload, &Offload::optimizer>::get,
     .set = In<&Scenario::offload, &Offload::optimizer>::set},
    {.path = "offload.params", .label = "Offload parameters",
     .help = "ZeRO-Infinity: the weights in host memory too (ZeRO 3).", .kind = K::Boolean,
     .get = In<&Scenario::offload, &Offload::params>::get, .set = In<&Scenario::offload, &Offload::params>::set},
    {.path = "offload.activations", .label = "Offload activations",
     .help = "Activations kept for backward moved to host memory as the forward goes (torchtune's "
             "enable_activation_offloading); the GPU keeps the layers in transit.",
     .kind = K::Boolean, .get = In<&Scenario::offload, &Offload::activations>::get,
     .set = In<&Scenario::offload, &Offload::activations>::set, .applies = training_only},
    {.path = "overhead.fraction", .label = "Framework overhead",
     .help = "An allowance, as a share of everything else, for what is not modelled; 10% by default without a "
             "runtime, 0 with one (its terms are modelled).",
     .kind = K::Number, .flags = kOptional, .lo = 0, .hi = 10, .get = In<&Scenario::overhead, &Overhead::fraction>::get,
     .set = In<&Scenario::overhead, &Overhead::fraction>::set, .effective = overhead_in_effect},
    {.path = "overhead.bytes", .label = "Fixed overhead", .unit = "B",
     .help = "A fixed allowance per GPU.", .kind = K::Number, .lo = 0, .hi = kMaxBytes,
     .get = In<&Scenario::overhead, &Overhead::bytes>::get, .set = In<&Scenario::overhead, &Overhead::bytes>::set},
    {.path = "quantization.method", .label = "Quantization",
     .help = "How the weights are stored: GPTQ/AWQ packed ints with per-group scales, bitsandbytes NF4 or int8, "
             "fp8, int8 (W8A8), or a GGUF file. Each keeps some layers in 16 bits.",
     .kind = K::Choice, .flags = kOptional, .names = kQuantMethodNames, .labels = kQuantMethodLabels,
     .get = NoneUnset<&Scenario::quantization, &Quantization::method>::get,
     .set = NoneUnset<&Scenario::quantization, &Quantization::method>::set},
    {.path = "quantization.bits", .label = "Quantized bits", .unit = "bits", .help = "Bits per packed weight.",
     .kind = K::Integer, .lo = 2, .hi = 8, .get = In<&Scenario::quantization, &Quantization::bits>::get,
     .set = In<&Scenario::quantization, &Quantization::bits>::set, .applies = with_packed_bits},
    {.path = "quantization.group_size", .label = "Group size", .unit = "weights",
     .help = "Weights sharing one scale (and zero); 0 = one per output channel.", .kind = K::Integer, .lo = 0,
     .hi = kMaxWidth, .get = In<&Scenario::quantization, &Quantization::group_size>::get,
     .set = In<&Scenario::quantization, &Quantization::group_size>::set, .applies = with_packed_bits},
    {.path = "quantization.type", .label = "GGUF type",
     .help = "The file's quantization type (Q4_K_M keeps some tensors at Q6_K).", .kind = K::Choice,
     .names = kGgufTypeNames, .get = In<&Scenario::quantization, &Quantization::type>::get,
     .set = In<&Scenario::quantization, &Quantization::type>::set, .applies = with_gguf},
    {.path = "vllm.gpu_memory_utilization", .label = "GPU memory utilization",
     .help = "Share of the GPU's memory vLLM takes; what weights, activations and runtime leave becomes KV cache.",
     .kind = K::Number, .lo = 0.01, .hi = 1, .get = In<&Scenario::vllm, &VllmSettings::gpu_memory_utilization>::get,
     .set = In<&Scenario::vllm, &VllmSettings::gpu_memory_utilization>::set, .applies = on_vllm},
    {.path = "vllm.max_num_seqs", .label = "Max sequences", .unit = "sequences",
     .help = "Sequences scheduled at once (max_num_seqs); CUDA graphs are captured up to it.", .kind = K::Integer,
     .lo = 1, .hi = kMaxBatch, .get = In<&Scenario::vllm, &VllmSettings::max_num_seqs>::get,
     .set = In<&Scenario::vllm, &VllmSettings::max_num_seqs>::set, .applies = on_vllm},
    {.path = "vllm.max_num_batched_tokens", .label = "Max batched tokens", .unit = "tokens",
     .help = "Tokens per step (chunked prefill); sizes the activation peak of vLLM's profile run. Default "
             "max(sequence length, 2048).",
     .kind = K::Integer, .flags = kOptional, .lo = 1, .hi = kMaxTokens,
     .get = In<&Scenario::vllm, &VllmSettings::max_num_batched_tokens>::get,
     .set = In<&Scenario::vllm, &VllmSettings::max_num_batched_tokens>::set, .applies = on_vllm,
     .effective = batched_tokens_in_effect},
    {.path = "vllm.version", .label = "vLLM version",
     .help = "The release: before 0.17 the profile run's sampler sorts the logits (about 38 bytes per logit "
             "instead of 14), which leaves less for the KV cache. Default: current.",
     .kind = K::Number, .flags = kOptional, .lo = 0.1, .hi = 99, .get = In<&Scenario::vllm, &VllmSettings::version>::get,
     .set = In<&Scenario::vllm, &VllmSettings::version>::set, .applies = on_vllm},
    {.path = "vllm.enforce_eager", .label = "Enforce eager", .help = "No CUDA graphs: saves their memory, costs speed.",
     .kind = K::Boolean, .get = In<&Scenario::vllm, &VllmSettings::enforce_eager>::get,
     .set = In<&Scenario::vllm, &VllmSettings::enforce_eager>::set, .applies = on_vllm},
    {.path = "vllm.block_size", .label = "Block size", .unit = "tokens",
     .help = "Tokens per KV-cache block (16 on CUDA); the pool holds whole blocks.", .kind = K::Integer, .lo = 1,
     .hi = 4096, .get = In<&Scenario::vllm, &VllmSettings::block_size>::get,
     .set = In<&Scenario::vllm, &VllmSettings::block_size>::set, .applies = on_vllm},
    {.path = "llama_cpp.n_batch", .label = "Logical batch", .unit = "tokens",
     .help = "n_batch: tokens submitted per decode call.", .kind = K::Integer, .lo = 1, .hi = kMaxTokens,
     .get = In<&Scenario::llama_cpp, &LlamaCppSettings::n_batch>::get,
     .set = In<&Scenario::llama_cpp, &LlamaCppSettings::n_batch>::set, .applies = on_llama_cpp},
    {.path = "llama_cpp.n_ubatch", .label = "Physical batch", .unit = "tokens",
     .help = "n_ubatch: tokens computed at once; sizes the compute buffer.", .kind = K::Integer, .lo = 1,
     .hi = kMaxTokens, .get = In<&Scenario::llama_cpp, &LlamaCppSettings::n_ubatch>::get,
     .set = In<&Scenario::llama_cpp, &LlamaCppSettings::n_ubatch>::set, .applies = on_llama_cpp},
    {.path = "llama_cpp.n_gpu_layers", .label = "GPU layers", .unit = "layers",
     .help = "n_gpu_layers: layers on the GPU, the rest in system memory; layers + 1 or more (llama.cpp's -ngl 99) "
             "puts the output layer there too. Default every one.",
     .kind = K::Integer, .flags = kOptional, .lo = 0, .hi = 10'001,
     .get = In<&Scenario::llama_cpp, &LlamaCppSettings::n_gpu_layers>::get,
     .set = In<&Scenario::llama_cpp, &LlamaCppSettings::n_gpu_layers>::set, .applies = on_llama_cpp,
     .effective = gpu_layers_in_effect},
    {.path = "llama_cpp.type_k", .label = "K cache type", .help = "cache_type_k: f16, or q8_0 / q4_0 to shrink it.",
     .kind = K::Choice, .names = kGgmlTypeNames, .get = In<&Scenario::llama_cpp, &LlamaCppSettings::type_k>::get,
     .set = In<&Scenario::llama_cpp, &LlamaCppSettings::type_k>::set, .applies = on_llama_cpp},
    {.path = "llama_cpp.type_v", .label = "V cache type",
     .help = "cache_type_v: f16, or q8_0 / q4_0 (needs flash attention).", .kind = K::Choice,
     .names = kGgmlTypeNames, .get = In<&Scenario::llama_cpp, &LlamaCppSettings::type_v>::get,
     .set = In<&Scenario::llama_cpp, &LlamaCppSettings::type_v>::set, .applies = on_llama_cpp},
    {.path = "gpu", .label = "GPU", .help = "The card the job must fit on.", .kind = K::Text,
     .text = [](const Scenario& s) -> std::string_view { return s.gpu; },
     .set_text = [](Scenario& s, std::string_view v) { s.gpu = std::string(v); }},
};

}  // namespace

std::string_view Field::group() const {
    const size_t dot = path.find('.');
    return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}
std::string_view Field::key() const {
    const size_t dot = path.find('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

std::span<const Field> scenario_fields() { return kFields; }

const Field* find_field(std::string_view path) {
    for (const Field& f : kFields)
        if (f.path == path) return &f;
    return nullptr;
}

bool is_field_group(std::string_view name) {
    for (const Field& f : kFields)
        if (f.group() == name) return true;
    return false;
}

std::string field_value_text(const Field& f, const Scenario& s, bool grouped) {
    if (f.kind == FieldKind::Text) {
        if (f.path == "model") return s.model_preset.empty() ? "custom" : s.model_preset;
        return std::string(f.text(s));
    }
    const std::optional<double> v = f.value(s);
    if (!v) return f.kind == FieldKind::Choice && !f.names.empty() ? std::string(f.names[0]) : "";
    switch (f.kind) {
        case FieldKind::Choice: {
            const size_t i = static_cast<size_t>(*v);
            return i < f.names.size() ? std::string(f.names[i]) : "?";
        }
        case FieldKind::Boolean: return *v != 0 ? "on" : "off";
        case FieldKind::Integer: return grouped ? format_int(*v) : format_fixed(*v, 0);
        case FieldKind::Number: return grouped ? format_count(*v) : json::Value(*v).dump();
        case FieldKind::Modules: {
            std::string out;
            for (size_t i = 0; i < f.names.size(); ++i)
                if (static_cast<unsigned>(*v) & (1u << i)) {
                    if (!out.empty()) out += ' ';
                    out += f.names[i];
                }
            return out;
        }
        case FieldKind::Text: break;
    }
    return "";
}

FieldError range_error(const Field& f, const Scenario& s, double value) {
    const double hi = f.upper(s);
    auto bound = [](double b) { return b >= 1e12 ? format_count(b) : format_int(b); };
    return {std::string(f.path),
            std::string(f.label) + " must be between " + bound(f.lo) + " and " + bound(hi) + "; got " +
                format_count(value) + ".",
            f.lo, hi, value};
}

}  // namespace headroom
