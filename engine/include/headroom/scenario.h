// The scenario: everything the estimator needs, as plain data. Scenario{} is the
// documented default (seed 001's: Llama 3.1 8B, bf16, batch 1, seq 4096, AdamW,
// selective recompute, no ZeRO). JSON in and out follows DESIGN.md's contract.
#pragma once
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "headroom/dtype.h"
#include "headroom/model.h"

namespace headroom {

enum class Mode { Training, Inference };

inline constexpr long long kMaxBatchSize = 1'000'000;  // validation's upper bound for `batch`
// adamw_fused is torch.optim.AdamW(fused=True) (or apex/DeepSpeed FusedAdam): AdamW's states,
// stepped in one kernel without the foreach path's temporaries.
enum class Optimizer { AdamW, AdamW8bit, SgdMomentum, Sgd, Adafactor, Lion, AdamWFused };
enum class Finetune { Full, Lora, Qlora };
enum class Recompute { None, Selective, Full, Sqrt };
enum class ActivationModel { Transformer, Multiplier, PerSample };

// The stack the job runs on, whose allocations the estimate follows (runtime.h): its copies of
// the weights, the activations it keeps in fp32, its attention, the prompt it prefills at once,
// and its own terms (CUDA context, workspaces, communication buffers, allocator reserve, CUDA
// graphs). None: the published formulas alone, with the seeds' overhead allowance.
enum class Runtime { None, PyTorch, Megatron, DeepSpeed, HfTransformers, Vllm, LlamaCpp };

// How the weights are stored when a quantization method packs them (quantization.h).
enum class QuantMethod { None, Gptq, Awq, BnbNf4, BnbInt8, Fp8, Gguf, Int8 };

// llama.cpp's GGUF file types (llama_ftype): the type most tensors take, and the mixes that keep
// some at a higher one. And the types of the tensors themselves (ggml_type), for its KV cache.
enum class GgufType {
    F32, F16, BF16, Q8_0, Q6_K, Q5_K_M, Q5_K_S, Q5_1, Q5_0, Q4_K_M, Q4_K_S, Q4_1, Q4_0,
    Q3_K_L, Q3_K_M, Q3_K_S, Q2_K, Q2_K_S, IQ4_XS, IQ4_NL, IQ3_M, IQ3_S, IQ3_XS, IQ3_XXS,
    IQ2_M, IQ2_S, IQ2_XS, IQ2_XXS, IQ1_M, IQ1_S
};
enum class GgmlType { F32, F16, BF16, Q8_0, Q5_1, Q5_0, Q4_1, Q4_0, IQ4_NL };

// Each enum's JSON names, indexed by its value.
inline constexpr std::string_view kModeNames[] = {"training", "inference"};
inline constexpr std::string_view kOptimizerNames[] = {"adamw", "adamw_8bit", "sgd_momentum", "sgd", "adafactor", "lion", "adamw_fused"};
inline constexpr std::string_view kFinetuneNames[] = {"full", "lora", "qlora"};
inline constexpr std::string_view kRecomputeNames[] = {"none", "selective", "full", "sqrt"};
inline constexpr std::string_view kActivationModelNames[] = {"transformer", "multiplier", "per_sample"};
inline constexpr std::string_view kRuntimeNames[] = {"none",          "pytorch", "megatron", "deepspeed",
                                                     "hf-transformers", "vllm",  "llama.cpp"};
inline constexpr std::string_view kQuantMethodNames[] = {"none", "gptq", "awq", "bnb-nf4", "bnb-int8", "fp8", "gguf", "int8"};
// The attention implementation, as Hugging Face's attn_implementation names it: eager keeps the
// s × s scores; PyTorch SDPA (transformers' default) and FlashAttention 2 keep none, but SDPA is
// given K and V repeated to every query head (repeat_kv) where FlashAttention takes them as they
// are. Default: eager when flash_attention is false, else the runtime's own.
enum class Attention { Default, Eager, Sdpa, Flash };
inline constexpr std::string_view kAttentionNames[] = {"default", "eager", "sdpa", "flash_attention_2"};
// How the loss reads the logits: every token's logits copied to fp32 (Hugging Face's
// ForCausalLMLoss), in chunks kept 16-bit (torchtune, litgpt), or fused with the output layer
// (Liger, Transformer Engine, Megatron's vocab-parallel cross entropy).
enum class Loss { Default, Full, Chunked, Fused };
inline constexpr std::string_view kLossNames[] = {"default", "full", "chunked", "fused"};
inline constexpr std::string_view kGgufTypeNames[] = {
    "F32",    "F16",    "BF16",   "Q8_0",   "Q6_K",    "Q5_K_M", "Q5_K_S",  "Q5_1",    "Q5_0",  "Q4_K_M",
    "Q4_K_S", "Q4_1",   "Q4_0",   "Q3_K_L", "Q3_K_M",  "Q3_K_S", "Q2_K",    "Q2_K_S",  "IQ4_XS", "IQ4_NL",
    "IQ3_M",  "IQ3_S",  "IQ3_XS", "IQ3_XXS", "IQ2_M",  "IQ2_S",  "IQ2_XS",  "IQ2_XXS", "IQ1_M", "IQ1_S"};
inline constexpr std::string_view kGgmlTypeNames[] = {"f32", "f16", "bf16", "q8_0", "q5_1", "q5_0", "q4_1", "q4_0", "iq4_nl"};

struct Precision {
    DType weights = DType::BF16;
    DType gradients = DType::BF16;
    DType activations = DType::BF16;
    DType kv_cache = DType::BF16;
    std::optional<DType> master_weights = DType::FP32;  // nullopt = "none"
    DType optimizer_state = DType::FP32;
    DType logits = DType::FP32;  // the output logits kept for the loss (embeddings_and_logits)
};

struct Parallel {
    int dp = 1;       // data-parallel world size
    int zero = 0;     // ZeRO / FSDP stage 0..3 over dp
    int tp = 1;       // tensor parallel
    int pp = 1;       // pipeline parallel
    bool sp = false;  // sequence parallel (with tp)
    int ep = 1;       // expert parallel: routed experts spread over ep of the dp ranks (MoE)
};

// ZeRO-Offload / ZeRO-Infinity (DeepSpeed's offload_optimizer and offload_param, device cpu).
struct Offload {
    bool optimizer = false;  // master weights, optimizer states and gradients live in host memory
    bool params = false;     // weights live in host memory too (ZeRO stage 3 only)
    bool activations = false;  // activations kept for backward moved to host memory (torchtune)
};

// LoRA / QLoRA adapters: rank r on the chosen projections; only they are trained.
struct Lora {
    int rank = 16;
    double dropout = 0;       // lora_dropout (PEFT's default 0)
    // PEFT's modules_to_save on the embedding and the output layer: a trainable copy of each.
    bool train_embeddings = false;
    unsigned modules = 0x7F;  // bit (1 << Module) per projection; default all linear (QLoRA's choice)
    bool has(Module m) const { return modules & (1u << static_cast<unsigned>(m)); }
};

struct Quantization {
    QuantMethod method = QuantMethod::None;
    int bits = 4;                       // GPTQ and AWQ: bits per packed weight
    int group_size = 128;               // GPTQ and AWQ: weights per scale; 0 = one per output channel
    GgufType type = GgufType::Q4_K_M;   // GGUF: the file's type
};

// vLLM's engine arguments that size its memory (runtime "vllm"). The context is seq_len
// (max_model_len), the tensor-parallel size parallel.tp, the KV cache's dtype dtypes.kv_cache.
struct VllmSettings {
    double gpu_memory_utilization = 0.90;  // share of the GPU vLLM may take; the KV cache gets the rest
    long long max_num_seqs = 256;          // sequences scheduled at once (CUDA graphs are captured up to it)
    std::optional<long long> max_num_batched_tokens;  // tokens per step (the profile run); default max(seq_len, 2048)
    bool enforce_eager = false;            // no CUDA graphs
    int block_size = 16;                   // tokens per KV-cache block (the pool is whole blocks)
    // The vLLM release (0.8 to 0.19: the V1 engine). Its profile's sampler changed: from 0.17 a
    // Triton top-k/top-p works in place; before, PyTorch's sort keeps the sorted values, their
    // int64 indices and its temporaries. Unset: the current release.
    std::optional<double> version;
};

// llama.cpp's context parameters (runtime "llama.cpp"). The context n_ctx is kv_tokens.
struct LlamaCppSettings {
    long long n_batch = 2048;            // logical batch: tokens submitted per llama_decode
    long long n_ubatch = 512;            // physical batch: tokens computed at once (sizes the compute buffer)
    std::optional<int> n_gpu_layers;     // layers offloaded to the GPU; default every layer
    GgmlType type_k = GgmlType::F16;     // KV cache types
    GgmlType type_v = GgmlType::F16;
};

struct Overhead {
    std::optional<double> fraction;  // of the sum of the other components; default 0.10, 0 with a runtime
    double bytes = 0;        // fixed, per GPU
};

struct Scenario {
    Mode mode = Mode::Training;
    std::string model_preset = "llama-3.1-8b";  // empty when `model` is a custom architecture
    ModelArch model;                            // filled from the preset when model_preset is set
    long long batch = 1;                        // micro-batch per GPU, sequences
    long long seq_len = 4096;                   // tokens per sequence
    std::optional<long long> kv_tokens;         // KV-cache tokens; default seq_len
    std::optional<bool> kv_cache;               // keep a KV cache; default: inference only
    Precision dtypes;
    Optimizer optimizer = Optimizer::AdamW;
    // bitsandbytes' paged optimizers keep their states in CUDA unified memory, outside PyTorch's
    // allocator, paged to host memory under pressure.
    bool paged_optimizer = false;
    // The optimizer steps each parameter in its gradient's hook and frees the gradient
    // (torchtune's optimizer_in_bwd): the gradients are never held together.
    bool optimizer_in_backward = false;
    // torch.compile of the model: Inductor's partitioner keeps the matmuls' and attention's
    // outputs and the norms' inputs, and recomputes the pointwise ops between them in backward.
    bool compile = false;
    // The Hugging Face transformers release whose generate() and modeling code run the job
    // (trust_remote_code models: the release their code was written for). Before 4.36 the KV
    // cache is a tuple of tensors rebuilt each step (the old and new caches coexist); before 4.45
    // the prompt's every position gets logits, in fp32 from 4.31. Unset: the current behaviour.
    std::optional<double> transformers_version;
    Loss loss = Loss::Default;
    Recompute recompute = Recompute::Selective;
    // Fused attention (FlashAttention, PyTorch SDPA), which never stores the s×s scores; false
    // is eager attention, which does (seed 001's "vanilla transformer").
    bool flash_attention = true;
    Attention attention = Attention::Default;
    ActivationModel activation_model = ActivationModel::Transformer;
    double activation_multiplier = 10;        // seed 000's multiplier model
    double checkpoint_factor = 1.0;           // seed 000: share of activations kept (0..1]
    double activation_bytes_per_sample = 0;   // seed 002's per-sample model, bytes
    Parallel parallel;
    std::optional<long long> grad_accum;      // micro-batches per optimizer step; default pp (fills the pipeline)
    bool embeddings_and_logits = false;       // add input-embedding and output-layer activations (logits)
    Finetune finetune = Finetune::Full;       // full fine-tuning, LoRA or QLoRA (training and inference)
    Lora lora;
    Offload offload;
    Overhead overhead;
    Runtime runtime = Runtime::None;
    // CUDA's lazy module loading (CUDA_MODULE_LOADING=LAZY: PyTorch 2.0+ with CUDA 11.7+, the
    // CUDA default since 12.2): kernels load on first use, so the context is a third the size.
    bool cuda_lazy_loading = true;
    Quantization quantization;
    VllmSettings vllm;
    LlamaCppSettings llama_cpp;
    std::string gpu = "h100-sxm-80gb";
};

Scenario default_scenario();  // Scenario{} with the preset's architecture filled in

struct FieldError {
    std::string field;    // JSON path, e.g. "batch" or "model.layers"
    std::string message;  // one sentence a user can act on, in the JSON document's units
    // For a value out of its range: the bounds and the value, in JSON units (NaN otherwise),
    // so a front that shows the field in other units (% or GB) can say it in those.
    double lo = std::numeric_limits<double>::quiet_NaN();
    double hi = std::numeric_limits<double>::quiet_NaN();
    double value = std::numeric_limits<double>::quiet_NaN();
};

struct ParsedScenario {
    Scenario scenario;
    std::vector<FieldError> errors;  // empty when the document is valid
    bool ok() const { return errors.empty(); }
};

// Parses a scenario JSON document over the defaults and validates it. Every bad field
// is named; nothing is clamped. Never throws.
ParsedScenario parse_scenario(std::string_view json_text);

// Checks a scenario built in code (the UI edits a Scenario directly).
std::vector<FieldError> validate(const Scenario& s);

// The scenario as a JSON document of the contract (round-trips through parse_scenario).
std::string scenario_to_json(const Scenario& s, int indent = -1);

std::string_view mode_name(Mode m);
std::string_view optimizer_name(Optimizer o);
std::string_view recompute_name(Recompute r);
std::string_view activation_model_name(ActivationModel a);
std::string_view finetune_name(Finetune f);
std::string_view runtime_name(Runtime r);
std::string_view quant_method_name(QuantMethod q);
std::string_view gguf_type_name(GgufType t);
std::string_view ggml_type_name(GgmlType t);
std::optional<Finetune> parse_finetune(std::string_view s);
std::optional<Module> parse_module(std::string_view s);
std::optional<Mode> parse_mode(std::string_view s);
std::optional<Optimizer> parse_optimizer(std::string_view s);
std::optional<Recompute> parse_recompute(std::string_view s);
std::optional<ActivationModel> parse_activation_model(std::string_view s);
std::optional<Runtime> parse_runtime(std::string_view s);

bool kv_cache_enabled(const Scenario& s);
long long effective_kv_tokens(const Scenario& s);
long long effective_grad_accum(const Scenario& s);  // grad_accum, or pp when not given
// The attention kernel in effect (never Default): `attention`, or eager when flash_attention is
// false, or the runtime's fused kernel (SDPA for PyTorch, DeepSpeed and transformers; FlashAttention
// for Megatron, vLLM and llama.cpp).
Attention effective_attention(const Scenario& s);
// The loss in effect (never Default): `loss`, or the runtime's (fused for Megatron, full otherwise).
Loss effective_loss(const Scenario& s);
// overhead.fraction, or its default: the seeds' 10% without a runtime, 0 with one (its terms are modelled).
double effective_overhead_fraction(const Scenario& s);
long long effective_batched_tokens(const Scenario& s);  // vllm.max_num_batched_tokens, or max(seq_len, 2048)
// llama_cpp.n_gpu_layers, at most every layer and the output layer (layers + 1, which -ngl 99 means).
int effective_gpu_layers(const Scenario& s);
// Whether the architecture fields are needed by the chosen models of activations and KV cache.
bool needs_architecture(const Scenario& s);

}  // namespace headroom
