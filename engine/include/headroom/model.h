// Transformer architecture description and the model catalogue (data with sources).
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace headroom {

// Zero means "not given". A model given by `params` alone is valid wherever the
// architecture is not needed (the per-sample activation model, say).
struct ModelArch {
    double params = 0;        // parameter count used for weights/gradients/optimizer; 0 = derive
    int layers = 0;
    int hidden = 0;
    int heads = 0;
    int kv_heads = 0;         // 0 = same as heads (multi-head attention)
    int head_dim = 0;         // 0 = hidden / heads
    int ffn = 0;              // MLP inner size; 0 = 4 x hidden
    int vocab = 0;
    bool gated_ffn = false;   // SwiGLU/GeGLU: three MLP matrices instead of two
    bool tied_embeddings = false;
    int experts = 1;          // MoE: experts per layer (1 = dense)
    int experts_active = 1;   // MoE: experts routed per token

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

// Parameter count derived from the architecture (embeddings, attention, MLP, norms).
double derived_params(const ModelArch& m);
// Parameters touched per token (MoE routes to experts_active of experts).
double derived_active_params(const ModelArch& m);
// `params` when given, otherwise the derived count.
double total_params(const ModelArch& m);

}  // namespace headroom
