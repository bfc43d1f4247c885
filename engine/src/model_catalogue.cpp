// Model presets: architectures from each model's published config.json, and the parameter
// count its authors publish. tests/engine/model_test.cpp checks that the count derived from
// the architecture matches the published one within 0.5%.
#include <array>

#include "headroom/model.h"

namespace headroom {
namespace {

ModelArch arch(int layers, int hidden, int heads, int kv_heads, int head_dim, int ffn, int vocab,
               bool gated, bool tied, int experts = 1, int experts_active = 1) {
    ModelArch m;
    m.layers = layers, m.hidden = hidden, m.heads = heads, m.kv_heads = kv_heads;
    m.head_dim = head_dim, m.ffn = ffn, m.vocab = vocab, m.gated_ffn = gated;
    m.tied_embeddings = tied, m.experts = experts, m.experts_active = experts_active;
    return m;
}

const std::array kModels = {
    ModelPreset{"llama-3.2-1b", "Llama 3.2 1B", arch(16, 2048, 32, 8, 64, 8192, 128256, true, true), 1.24e9,
                "meta-llama/Llama-3.2-1B config.json; Meta model card (1.24B)"},
    ModelPreset{"llama-3.1-8b", "Llama 3.1 8B", arch(32, 4096, 32, 8, 128, 14336, 128256, true, false), 8.03e9,
                "meta-llama/Llama-3.1-8B config.json; Meta model card (8.03B)"},
    ModelPreset{"llama-3.1-70b", "Llama 3.1 70B", arch(80, 8192, 64, 8, 128, 28672, 128256, true, false), 70.6e9,
                "meta-llama/Llama-3.1-70B config.json; Meta model card (70.6B)"},
    ModelPreset{"llama-2-7b", "Llama 2 7B", arch(32, 4096, 32, 32, 128, 11008, 32000, true, false), 6.74e9,
                "meta-llama/Llama-2-7b-hf config.json; Touvron et al. 2023 (6.74B)"},
    ModelPreset{"mistral-7b", "Mistral 7B v0.1", arch(32, 4096, 32, 8, 128, 14336, 32000, true, false), 7.24e9,
                "mistralai/Mistral-7B-v0.1 config.json; Jiang et al. 2023 (7.24B)"},
};

}  // namespace

std::span<const ModelPreset> model_catalogue() { return kModels; }

const ModelPreset* find_model(std::string_view id) {
    for (const ModelPreset& p : kModels)
        if (p.id == id) return &p;
    return nullptr;
}

int effective_kv_heads(const ModelArch& m) { return m.kv_heads > 0 ? m.kv_heads : m.heads; }
int effective_head_dim(const ModelArch& m) {
    return m.head_dim > 0 ? m.head_dim : (m.heads > 0 ? m.hidden / m.heads : 0);
}
int effective_ffn(const ModelArch& m) { return m.ffn > 0 ? m.ffn : 4 * m.hidden; }

namespace {

// Weight matrices only; biases are left out (under 0.1% for the models in the catalogue).
double params_with_experts(const ModelArch& m, double experts_counted) {
    const double h = m.hidden, q = double(m.heads) * effective_head_dim(m);
    const double kv = double(effective_kv_heads(m)) * effective_head_dim(m);
    const double attention = h * q + 2 * h * kv + q * h;
    const double one_mlp = (m.gated_ffn ? 3.0 : 2.0) * h * effective_ffn(m);
    const double router = m.experts > 1 ? h * m.experts : 0;
    const double norms = 2 * h;
    const double embeddings = double(m.vocab) * h * (m.tied_embeddings ? 1 : 2);
    return embeddings + m.layers * (attention + experts_counted * one_mlp + router + norms) + h;
}

}  // namespace

double derived_params(const ModelArch& m) { return params_with_experts(m, m.experts); }
double derived_active_params(const ModelArch& m) { return params_with_experts(m, m.experts_active); }
double total_params(const ModelArch& m) { return m.params > 0 ? m.params : derived_params(m); }

}  // namespace headroom
