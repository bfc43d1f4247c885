// Counting a transformer: every count (total, active, expert, Adafactor's factored state,
// LoRA's adapters) is derived from one description of its weight matrices.
#include <algorithm>

#include "headroom/model.h"

namespace headroom {

int effective_kv_heads(const ModelArch& m) { return m.kv_heads > 0 ? m.kv_heads : m.heads; }
int effective_head_dim(const ModelArch& m) {
    return m.head_dim > 0 ? m.head_dim : (m.heads > 0 ? m.hidden / m.heads : 0);
}
int effective_ffn(const ModelArch& m) { return m.ffn > 0 ? m.ffn : 4 * m.hidden; }
int effective_moe_ffn(const ModelArch& m) { return m.moe_ffn > 0 ? m.moe_ffn : effective_ffn(m); }
int effective_v_head_dim(const ModelArch& m) { return m.v_head_dim > 0 ? m.v_head_dim : effective_head_dim(m); }
int effective_norms_per_layer(const ModelArch& m) { return m.norms_per_layer > 0 ? m.norms_per_layer : 2; }
bool is_moe(const ModelArch& m) { return m.experts > 1; }
bool is_mla(const ModelArch& m) { return m.kv_lora_rank > 0; }
int moe_layers(const ModelArch& m) { return is_moe(m) ? std::max(0, m.layers - m.dense_layers) : 0; }

std::string_view module_name(Module m) {
    switch (m) {
        case Module::Q: return "q";
        case Module::K: return "k";
        case Module::V: return "v";
        case Module::O: return "o";
        case Module::Gate: return "gate";
        case Module::Up: return "up";
        case Module::Down: return "down";
    }
    return "?";
}

std::vector<Matrix> weight_matrices(const ModelArch& m) {
    std::vector<Matrix> out;
    out.reserve(32);  // the most a layout lists (MLA, MoE with shared experts, biases)
    const double h = m.hidden, L = m.layers;
    bool in_layer = false;  // set once the embeddings and the head are listed
    auto fixed = [&](double rows, double cols, double count) {
        if (rows > 0 && cols > 0 && count > 0) out.push_back({rows, cols, count, false, Module::Q, false, in_layer});
    };
    auto proj = [&](double rows, double cols, double count, Module mod, bool expert = false) {
        if (rows > 0 && cols > 0 && count > 0) out.push_back({rows, cols, count, true, mod, expert, in_layer});
    };
    const double norm = m.layer_norm ? 2 * h : h;  // LayerNorm has a weight and a bias

    // Embeddings, the output head, positions, the final norm and BERT's pooler.
    fixed(m.vocab, h, 1);
    if (!m.tied_embeddings) fixed(m.vocab, h, 1);
    fixed(m.max_positions, h, 1);
    fixed(norm, 1, 1);
    if (m.pooler) fixed(h, h, 1), fixed(h, 1, 1);
    in_layer = true;
    fixed(norm, 1, L * effective_norms_per_layer(m));

    // Attention.
    if (is_mla(m)) {
        // DeepSeek-V2 §2.1 (Liu et al. 2024): queries and keys/values pass through low-rank
        // latents; the rotary part of the key is one shared head of rope_head_dim.
        const double qk = double(effective_head_dim(m)) + m.rope_head_dim, v = effective_v_head_dim(m);
        const double heads = m.heads;
        if (m.q_lora_rank > 0) {
            proj(h, m.q_lora_rank, L, Module::Q);
            fixed(m.q_lora_rank, 1, L);  // q_a_layernorm
            proj(m.q_lora_rank, heads * qk, L, Module::Q);
        } else {
            proj(h, heads * qk, L, Module::Q);
        }
        proj(h, double(m.kv_lora_rank) + m.rope_head_dim, L, Module::K);
        fixed(m.kv_lora_rank, 1, L);  // kv_a_layernorm
        proj(m.kv_lora_rank, heads * (effective_head_dim(m) + v), L, Module::V);
        proj(heads * v, h, L, Module::O);
    } else {
        const double q = double(m.heads) * effective_head_dim(m);
        const double kv = double(effective_kv_heads(m)) * effective_head_dim(m);
        proj(h, q, L, Module::Q);
        proj(h, kv, L, Module::K);
        proj(h, kv, L, Module::V);
        proj(q, h, L, Module::O);
        if (m.bias) fixed(q + 2 * kv + h, 1, L);
        else if (m.qkv_bias) fixed(q + 2 * kv, 1, L);
    }

    // MLP: dense layers, then the MoE layers' router, shared experts and routed experts.
    auto mlp = [&](double f, double count, bool expert) {
        if (m.gated_ffn) proj(h, f, count, Module::Gate, expert);
        proj(h, f, count, Module::Up, expert);
        proj(f, h, count, Module::Down, expert);
        if (m.bias && count > 0) fixed((m.gated_ffn ? 2 * f : f) + h, 1, count);
    };
    const double moe = moe_layers(m);
    mlp(effective_ffn(m), L - moe, false);
    if (moe > 0) {
        fixed(h, m.experts, moe);  // router
        mlp(effective_moe_ffn(m), moe * m.shared_experts, false);
        const size_t first_expert = out.size();
        mlp(effective_moe_ffn(m), moe * m.experts, true);
        for (size_t i = first_expert; i < out.size(); ++i) out[i].expert = true;
    }
    return out;
}

double derived_params(std::span<const Matrix> matrices) {
    double n = 0;
    for (const Matrix& x : matrices) n += x.rows * x.cols * x.count;
    return n;
}
double derived_params(const ModelArch& m) { return derived_params(weight_matrices(m)); }

double derived_expert_params(std::span<const Matrix> matrices) {
    double n = 0;
    for (const Matrix& x : matrices)
        if (x.expert) n += x.rows * x.cols * x.count;
    return n;
}
double derived_expert_params(const ModelArch& m) { return derived_expert_params(weight_matrices(m)); }

double derived_active_params(const ModelArch& m, std::span<const Matrix> matrices) {
    const double experts = derived_expert_params(matrices);
    return derived_params(matrices) - experts + (is_moe(m) ? experts * m.experts_active / m.experts : 0);
}
double derived_active_params(const ModelArch& m) { return derived_active_params(m, weight_matrices(m)); }

double derived_largest_block(const ModelArch& m) {
    double largest = 0;
    for (const Matrix& x : weight_matrices(m))
        if (!x.in_layer) largest = std::max(largest, x.rows * x.cols);
    // One layer of each kind the model has: dense (all layers of a dense model, or the leading
    // dense_layers of an MoE one) and MoE.
    auto one_layer = [&](bool dense) {
        ModelArch one = m;
        one.layers = 1;
        one.dense_layers = dense ? 1 : 0;
        double n = 0;
        for (const Matrix& x : weight_matrices(one))
            if (x.in_layer) n += x.rows * x.cols * x.count;
        return n;
    };
    if (m.layers > 0 && (!is_moe(m) || m.dense_layers > 0)) largest = std::max(largest, one_layer(true));
    if (moe_layers(m) > 0) largest = std::max(largest, one_layer(false));
    return largest;
}

double total_params(const ModelArch& m) { return m.params > 0 ? m.params : derived_params(m); }

namespace {
bool adapted(const Matrix& x, unsigned modules) {
    return x.adaptable && (modules & (1u << static_cast<unsigned>(x.module)));
}
}  // namespace

double lora_params(std::span<const Matrix> matrices, int rank, unsigned modules, bool experts_only) {
    double n = 0;
    for (const Matrix& x : matrices)
        if (adapted(x, modules) && (x.expert || !experts_only)) n += double(rank) * (x.rows + x.cols) * x.count;
    return n;
}
double lora_params(const ModelArch& m, int rank, unsigned modules, bool experts_only) {
    return lora_params(weight_matrices(m), rank, modules, experts_only);
}

double lora_factored_elements(std::span<const Matrix> matrices, int rank, unsigned modules) {
    double n = 0;
    for (const Matrix& x : matrices)
        if (adapted(x, modules)) n += (x.rows + rank + rank + x.cols) * x.count;
    return n;
}
double lora_factored_elements(const ModelArch& m, int rank, unsigned modules) {
    return lora_factored_elements(weight_matrices(m), rank, modules);
}

double factored_state_elements(std::span<const Matrix> matrices) {
    // Shazeer & Stern 2018, Adafactor §3: a rows x cols matrix keeps a row and a column
    // accumulator instead of the full second moment; vectors keep theirs in full.
    double n = 0;
    for (const Matrix& x : matrices) n += (x.cols > 1 ? x.rows + x.cols : x.rows) * x.count;
    return n;
}
double factored_state_elements(const ModelArch& m) { return factored_state_elements(weight_matrices(m)); }

}  // namespace headroom
