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
enum class Optimizer { AdamW, AdamW8bit, SgdMomentum, Sgd, Adafactor, Lion };
enum class Finetune { Full, Lora, Qlora };
enum class Recompute { None, Selective, Full, Sqrt };
enum class ActivationModel { Transformer, Multiplier, PerSample };

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
};

// LoRA / QLoRA adapters: rank r on the chosen projections; only they are trained.
struct Lora {
    int rank = 16;
    unsigned modules = 0x7F;  // bit (1 << Module) per projection; default all linear (QLoRA's choice)
    bool has(Module m) const { return modules & (1u << static_cast<unsigned>(m)); }
};

struct Overhead {
    double fraction = 0.10;  // of the sum of the other components
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
    Recompute recompute = Recompute::Selective;
    bool flash_attention = false;
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
std::optional<Finetune> parse_finetune(std::string_view s);
std::optional<Module> parse_module(std::string_view s);
std::optional<Mode> parse_mode(std::string_view s);
std::optional<Optimizer> parse_optimizer(std::string_view s);
std::optional<Recompute> parse_recompute(std::string_view s);
std::optional<ActivationModel> parse_activation_model(std::string_view s);

bool kv_cache_enabled(const Scenario& s);
long long effective_kv_tokens(const Scenario& s);
long long effective_grad_accum(const Scenario& s);  // grad_accum, or pp when not given
// Whether the architecture fields are needed by the chosen models of activations and KV cache.
bool needs_architecture(const Scenario& s);

}  // namespace headroom
