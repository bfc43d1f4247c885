// Transformer architecture description and the model catalogue (data with sources).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Zero means "not given". A model given by `params` alone is valid wherever the
// architecture is not needed (the per-sample activation model, say). Field names follow
// the scenario JSON; the Hugging Face config.json key each comes from is in hf_config.h.
struct ModelArch {
    double params = 0;        // parameter count used for weights/gradients/optimizer; 0 = derive
    int layers = 0;
    int hidden = 0;
    int heads = 0;
    int kv_heads = 0;         // 0 = same as heads (multi-head attention); 1 = MQA; else GQA
    int head_dim = 0;         // 0 = hidden / heads (MLA: the non-rotary q/k head size)
    int ffn = 0;              // MLP inner size; 0 = 4 x hidden
    int vocab = 0;
    bool gated_ffn = false;   // SwiGLU/GeGLU: three MLP matrices instead of two
    bool tied_embeddings = false;
    int experts = 1;          // MoE: routed experts per MoE layer (1 = dense)
    int experts_active = 1;   // MoE: routed experts per token (top-k)

    // Mixture of experts beyond the contract's two fields (DeepSeek-V3 style).
    int moe_ffn = 0;          // inner size of one expert's MLP; 0 = ffn
    int shared_experts = 0;   // experts every token passes through, besides the routed ones
    int dense_layers = 0;     // leading layers with a dense MLP of size ffn (MoE models)

    // Multi-head latent attention (DeepSeek-V2/V3): on when kv_lora_rank > 0.
    int q_lora_rank = 0;      // query compression rank; 0 = full-rank query projection
    int kv_lora_rank = 0;     // compressed KV latent size (what the KV cache keeps)
    int rope_head_dim = 0;    // decoupled rotary key size per head (shared across heads)
    int v_head_dim = 0;       // value head size; 0 = head_dim

    // Attention span.
    int sliding_window = 0;   // tokens a windowed layer attends to; 0 = full attention everywhere
    int global_layers = 0;    // with a window: layers that still attend to everything (Gemma 2: half)

    // Small parameters, for exact counts of older architectures.
    int max_positions = 0;    // learned absolute position embeddings (GPT-2, BERT); 0 = rotary
    bool bias = false;        // biases on every attention and MLP projection (GPT-2, BERT)
    bool qkv_bias = false;    // biases on the q, k, v projections only (Qwen2)
    bool fused_qkv = false;   // q, k and v in one matrix (GPT-2's c_attn, GPT-NeoX, Phi-3's qkv_proj)
    bool layer_norm = false;  // LayerNorm (weight + bias) instead of RMSNorm (weight)
    int norms_per_layer = 0;  // 0 = 2 (pre-attention, pre-MLP); Gemma 2 has 4
    bool pooler = false;      // BERT's h x h pooler on the first token
    double dropout = 0;       // dropout the model trains with (BERT, GPT-2: 0.1): its masks are kept

    bool operator==(const ModelArch&) const = default;
};

struct ModelPreset {
    std::string_view id;        // stable id used in scenario JSON and URLs
    std::string_view name;      // display name
    ModelArch arch;
    double published_params;    // total parameter count as published by the authors
    std::string_view source;    // where the architecture and count come from
};

std::span<const ModelPreset> model_catalogue();
const ModelPreset* find_model(std::string_view id);

// Effective sizes with the "0 = default" rules applied.
int effective_kv_heads(const ModelArch& m);
int effective_head_dim(const ModelArch& m);
int effective_ffn(const ModelArch& m);
int effective_moe_ffn(const ModelArch& m);
int effective_v_head_dim(const ModelArch& m);
int effective_norms_per_layer(const ModelArch& m);
bool is_moe(const ModelArch& m);
bool is_mla(const ModelArch& m);
int moe_layers(const ModelArch& m);  // layers whose MLP is a mixture of experts

// The projections LoRA can adapt, by the names PEFT users write (q_proj -> "q").
// MLA's compressed projections count as q (q_a, q_b) and k/v (kv_a, kv_b).
enum class Module { Q, K, V, O, Gate, Up, Down };
inline constexpr Module kAllModules[] = {Module::Q, Module::K, Module::V, Module::O,
                                         Module::Gate, Module::Up, Module::Down};
std::string_view module_name(Module m);  // "q", "k", ..., "down"

// One weight matrix of the architecture, repeated `count` times in the model.
struct Matrix {
    double rows, cols, count;
    bool adaptable;  // a projection LoRA may target
    Module module;   // which one, when adaptable
    bool expert;     // lives in a routed expert (sharded by expert parallelism)
    bool in_layer;   // part of the transformer layers (not embeddings, head, final norm, pooler)
};
// Every weight matrix (embeddings, projections, router) and, as 1-column "matrices", every
// vector (norms, biases). The single description the counts below are derived from.
std::vector<Matrix> weight_matrices(const ModelArch& m);

// Parameter count derived from the architecture (embeddings, attention, MLP, norms, biases).
double derived_params(const ModelArch& m);
// Parameters touched per token (MoE routes to experts_active of experts).
double derived_active_params(const ModelArch& m);
// Parameters inside routed experts (0 for a dense model).
double derived_expert_params(const ModelArch& m);
// The largest block gathered at once under ZeRO-3: one transformer layer (all its experts)
// or the largest embedding matrix, whichever is larger.
double derived_largest_block(const ModelArch& m);
// `params` when given, otherwise the derived count.
double total_params(const ModelArch& m);
// LoRA adapters of rank r on the projections in `modules` (bit 1 << Module each): a rows x cols
// weight gains A (rows x r) and B (r x cols), r·(rows + cols) parameters (Hu et al. 2021, §4.1).
// `experts_only` counts only those inside routed experts.
double lora_params(const ModelArch& m, int rank, unsigned modules, bool experts_only = false);
// Adafactor's factored state over those adapters (each of A and B factored on its own).
double lora_factored_elements(const ModelArch& m, int rank, unsigned modules);
// Adafactor's factored second moment: rows + cols per matrix, the full size per vector.
double factored_state_elements(const ModelArch& m);

// The same counts over a listing weight_matrices(m) already made: a caller that needs several
// lists the matrices once.
double derived_params(std::span<const Matrix> matrices);
double derived_active_params(const ModelArch& m, std::span<const Matrix> matrices);
double derived_expert_params(std::span<const Matrix> matrices);
double lora_params(std::span<const Matrix> matrices, int rank, unsigned modules, bool experts_only = false);
double lora_factored_elements(std::span<const Matrix> matrices, int rank, unsigned modules);
double factored_state_elements(std::span<const Matrix> matrices);

}  // namespace headroom
