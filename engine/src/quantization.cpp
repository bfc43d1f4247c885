// Weights as stored by a quantization method (quantization.h): GPTQ, AWQ, bitsandbytes NF4 and
// LLM.int8, fp8, and GGUF files with llama.cpp's per-tensor type rules.
#include "quantization.h"

#include <algorithm>
#include <cmath>

namespace headroom::detail {
namespace {

// [SECTION] ggml types

struct GgmlLayout {
    int block;      // elements per block
    int bytes;      // bytes per block
};
// ggml/src/ggml-common.h: each block struct and the static_assert of its size (F16 and F32 are
// one element a "block").
constexpr GgmlLayout kGgml[] = {
    {1, 4},     {1, 2},     {1, 2},                             // F32, F16, BF16
    {32, 18},   {32, 20},   {32, 22},  {32, 24},  {32, 34},     // Q4_0, Q4_1, Q5_0, Q5_1, Q8_0
    {256, 84},  {256, 110}, {256, 144}, {256, 176}, {256, 210}, // Q2_K, Q3_K, Q4_K, Q5_K, Q6_K
    {256, 50},  {256, 56},                                      // IQ1_S, IQ1_M
    {256, 66},  {256, 74},  {256, 82},                          // IQ2_XXS, IQ2_XS, IQ2_S
    {256, 98},  {256, 110},                                     // IQ3_XXS, IQ3_S
    {32, 18},   {256, 136},                                     // IQ4_NL, IQ4_XS
};

int block_of(Ggml t) { return kGgml[static_cast<int>(t)].block; }
bool is_quantized(Ggml t) { return t != Ggml::F32 && t != Ggml::F16 && t != Ggml::BF16; }

// [SECTION] GGUF file types

using F = GgufType;

// llama_ftype_get_default_type (src/llama-quant.cpp): the type most tensors of a file take.
Ggml default_type(F f) {
    switch (f) {
        case F::F32: return Ggml::F32;
        case F::F16: return Ggml::F16;
        case F::BF16: return Ggml::BF16;
        case F::Q8_0: return Ggml::Q8_0;
        case F::Q6_K: return Ggml::Q6_K;
        case F::Q5_K_M:
        case F::Q5_K_S: return Ggml::Q5_K;
        case F::Q5_1: return Ggml::Q5_1;
        case F::Q5_0: return Ggml::Q5_0;
        case F::Q4_K_M:
        case F::Q4_K_S: return Ggml::Q4_K;
        case F::Q4_1: return Ggml::Q4_1;
        case F::Q4_0: return Ggml::Q4_0;
        case F::Q3_K_L:
        case F::Q3_K_M:
        case F::Q3_K_S: return Ggml::Q3_K;
        case F::Q2_K:
        case F::Q2_K_S: return Ggml::Q2_K;
        case F::IQ4_XS: return Ggml::IQ4_XS;
        case F::IQ4_NL: return Ggml::IQ4_NL;
        case F::IQ3_M:
        case F::IQ3_S:
        case F::IQ3_XS: return Ggml::IQ3_S;
        case F::IQ3_XXS: return Ggml::IQ3_XXS;
        case F::IQ2_M: return Ggml::IQ2_S;
        case F::IQ2_S:
        case F::IQ2_XS: return Ggml::IQ2_XS;
        case F::IQ2_XXS: return Ggml::IQ2_XXS;
        case F::IQ1_M: return Ggml::IQ1_M;
        case F::IQ1_S: return Ggml::IQ1_S;
    }
    return Ggml::F16;
}

enum class Cat { TokenEmbd, Output, Q, K, V, Qkv, KvB, AttnOut, Up, Gate, Down, Other };

struct ModelFacts {
    int n_layer;
    int n_gqa;      // heads ÷ KV heads
    int n_expert;
    bool is_70b;    // llama.cpp's LLM_TYPE_70B (80 layers): attn_v one step up
    bool tied;      // token_embd doubles as the output layer
};

bool any_of(F f, std::initializer_list<F> list) {
    for (F x : list)
        if (f == x) return true;
    return false;
}

// use_more_bits: the first and last eighth of the layers and every third one between.
bool more_bits(int i, int n) { return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2; }

// llama_tensor_get_type_impl (src/llama-quant.cpp, ggml-org/llama.cpp at 007dbbf), for the
// file types above and a tensor of category `cat` in layer `i` whose rows are `ncols` long.
Ggml tensor_type(Cat cat, int i, int ncols, F f, const ModelFacts& m) {
    Ggml t = default_type(f);
    if (!is_quantized(t)) return t;  // F16, BF16, F32 files: every matrix in that type
    const bool iq_low = any_of(f, {F::IQ2_XXS, F::IQ2_XS, F::IQ3_XXS, F::IQ1_S, F::IQ2_S, F::IQ2_M, F::IQ1_M});
    const bool attn_v = cat == Cat::V || cat == Cat::Qkv || cat == Cat::KvB;
    if (cat == Cat::Output || (m.tied && cat == Cat::TokenEmbd)) {
        if (ncols % block_of(t) != 0) t = Ggml::Q8_0;
        else if (iq_low) t = Ggml::Q5_K;
        else if (t != Ggml::Q8_0) t = Ggml::Q6_K;
        return t;
    }
    if (cat == Cat::TokenEmbd) {
        if (any_of(f, {F::IQ2_XXS, F::IQ2_XS, F::IQ1_S, F::IQ1_M})) t = Ggml::Q2_K;
        else if (any_of(f, {F::IQ2_S, F::IQ2_M, F::IQ3_XXS})) t = Ggml::IQ3_S;
    } else if (any_of(f, {F::IQ2_XXS, F::IQ2_XS, F::IQ1_S, F::IQ2_S, F::IQ2_M, F::IQ1_M})) {
        const bool s_or_m = any_of(f, {F::IQ2_S, F::IQ2_M});
        if (attn_v) t = m.n_gqa >= 4 || m.n_expert >= 4 ? Ggml::Q4_K : s_or_m ? Ggml::IQ3_S : Ggml::Q2_K;
        else if (m.n_expert == 8 && cat == Cat::K) t = Ggml::Q4_K;
        else if (cat == Cat::Down && i < m.n_layer / 8) t = s_or_m ? Ggml::IQ3_S : Ggml::Q2_K;
        else if (cat == Cat::AttnOut) {
            if (m.n_expert == 8) t = Ggml::Q5_K;
            else if (any_of(f, {F::IQ1_S, F::IQ1_M})) t = Ggml::IQ2_XXS;
            else if (s_or_m) t = Ggml::IQ3_S;
        }
    } else if (attn_v) {
        if (f == F::Q2_K) t = m.n_gqa >= 4 ? Ggml::Q4_K : Ggml::Q3_K;
        else if (f == F::Q2_K_S && m.n_gqa >= 4) t = Ggml::Q4_K;
        else if (f == F::IQ3_XXS) t = m.n_gqa >= 4 ? Ggml::Q4_K : Ggml::IQ3_S;  // no imatrix
        else if (any_of(f, {F::IQ3_XS, F::IQ3_S}) && m.n_gqa >= 4) t = Ggml::Q4_K;
        else if (f == F::IQ3_M) t = Ggml::Q4_K;
        else if (f == F::Q3_K_M) t = i < 2 ? Ggml::Q5_K : Ggml::Q4_K;
        else if (f == F::Q3_K_L) t = Ggml::Q5_K;
        else if (any_of(f, {F::IQ4_NL, F::IQ4_XS}) && m.n_gqa >= 4) t = Ggml::Q5_K;
        else if (any_of(f, {F::Q4_K_M, F::Q5_K_M}) && more_bits(i, m.n_layer)) t = Ggml::Q6_K;
        else if (f == F::Q4_K_S && i < 4) t = Ggml::Q5_K;
        if (m.is_70b && (t == Ggml::Q3_K || t == Ggml::Q4_K)) t = Ggml::Q5_K;
        if (m.n_expert == 8) t = Ggml::Q8_0;
    } else if (cat == Cat::K) {
        if (m.n_expert == 8) t = Ggml::Q8_0;
        else if (f == F::IQ3_XS) t = Ggml::IQ3_XXS;
        else if (f == F::IQ3_XXS) t = Ggml::IQ2_S;
    } else if (cat == Cat::Q) {
        if (f == F::IQ3_XS) t = Ggml::IQ3_XXS;
        else if (f == F::IQ3_XXS) t = Ggml::IQ2_S;
    } else if (cat == Cat::Down) {
        const int n = m.n_layer;
        if (f == F::Q2_K) t = Ggml::Q3_K;
        else if (f == F::Q2_K_S) { if (i < n / 8) t = Ggml::Q4_K; }
        else if (f == F::IQ3_XXS) t = i < n / 8 ? Ggml::Q4_K : Ggml::Q3_K;  // no imatrix
        else if (f == F::Q3_K_M) t = i < n / 16 ? Ggml::Q5_K : Ggml::Q4_K;
        else if (f == F::IQ3_M && (i < n / 8 || (m.n_expert == 8 && more_bits(i, n)))) t = Ggml::Q4_K;
        else if (f == F::Q3_K_L) t = Ggml::Q5_K;
        else if (f == F::Q4_K_M) { if (more_bits(i, n)) t = Ggml::Q6_K; }
        else if (i < n / 8 && any_of(f, {F::IQ4_NL, F::IQ4_XS})) t = Ggml::Q5_K;  // no imatrix
        else if (f == F::Q5_K_M && more_bits(i, n)) t = Ggml::Q6_K;
        else if (f == F::Q4_K_S && i < n / 8) t = Ggml::Q5_K;
    } else if (cat == Cat::AttnOut) {
        if (m.n_expert == 8) {
            if (any_of(f, {F::Q2_K, F::IQ3_XS, F::IQ3_XXS, F::Q3_K_S, F::Q3_K_M, F::IQ4_NL, F::Q4_K_S, F::Q4_K_M,
                           F::IQ3_S, F::IQ3_M, F::IQ4_XS}))
                t = Ggml::Q5_K;
        } else if (f == F::Q2_K) t = Ggml::Q3_K;
        else if (f == F::IQ3_XXS) t = Ggml::IQ3_S;
        else if (f == F::Q3_K_M) t = Ggml::Q4_K;
        else if (f == F::Q3_K_L) t = Ggml::Q5_K;
        else if (f == F::IQ3_M) t = Ggml::Q4_K;
    } else if ((cat == Cat::Gate || cat == Cat::Up) && f == F::IQ3_XS && i >= m.n_layer / 8 && i < 7 * m.n_layer / 8) {
        t = Ggml::IQ3_XXS;
    }
    // tensor_type_fallback: rows that do not divide into the type's blocks take a type that fits.
    if (ncols % block_of(t) != 0) {
        switch (t) {
            case Ggml::IQ1_S: case Ggml::IQ1_M: case Ggml::IQ2_XXS: case Ggml::IQ2_XS: case Ggml::IQ2_S:
            case Ggml::IQ3_XXS: case Ggml::IQ3_S: case Ggml::IQ4_XS: t = Ggml::IQ4_NL; break;
            case Ggml::Q2_K: case Ggml::Q3_K: t = Ggml::Q4_0; break;
            case Ggml::Q4_K: t = Ggml::Q5_0; break;
            case Ggml::Q5_K: t = Ggml::Q5_1; break;
            case Ggml::Q6_K: t = Ggml::Q8_0; break;
            default: break;
        }
        if (ncols % block_of(t) != 0) t = Ggml::F16;
    }
    return t;
}

// [SECTION] the other methods

// Bytes per packed weight, with the per-group scale (fp16) and zero (packed like the weights)
// of each output channel, and GPTQ's g_idx (one int32 per input row).
//   GPTQ: AutoGPTQ's QuantLinear (qweight, qzeros, scales, g_idx), Frantar et al. 2022, §5.
//   AWQ: AutoAWQ's WQLinear_GEMM (qweight, qzeros, scales), Lin et al. 2023.
double packed_each(const Quantization& q, double rows) {
    const double bits = q.bits, group = q.group_size > 0 ? q.group_size : rows;
    const double per_group = (2 + bits / 8) / group;
    return bits / 8 + per_group;
}

// bitsandbytes (Dettmers et al.): NF4 in blocks of 64 with an fp32 absmax each (transformers'
// BitsAndBytesConfig default, no double quantization); QLoRA's double quantization stores the
// absmax in 8 bits with one fp32 constant per 256 blocks (QLoRA §3: 0.127 bits per parameter).
constexpr double kNf4Each = 0.5 + 4.0 / 64;
constexpr double kNf4DoubleQuantEach = (4.0 + 8.0 / 64 + 32.0 / (64 * 256)) / 8;

}  // namespace

double ggml_bytes_per_element(Ggml t) {
    const GgmlLayout& l = kGgml[static_cast<int>(t)];
    return double(l.bytes) / l.block;
}

Ggml ggml_of(GgmlType t) {
    switch (t) {
        case GgmlType::F32: return Ggml::F32;
        case GgmlType::F16: return Ggml::F16;
        case GgmlType::BF16: return Ggml::BF16;
        case GgmlType::Q8_0: return Ggml::Q8_0;
        case GgmlType::Q5_1: return Ggml::Q5_1;
        case GgmlType::Q5_0: return Ggml::Q5_0;
        case GgmlType::Q4_1: return Ggml::Q4_1;
        case GgmlType::Q4_0: return Ggml::Q4_0;
        case GgmlType::IQ4_NL: return Ggml::IQ4_NL;
    }
    return Ggml::F16;
}

double GgufBytes::total() const {
    double sum = token_embd + output;
    for (double b : layers) sum += b;
    return sum;
}

GgufBytes gguf_bytes(const ModelArch& m, GgufType type) {
    GgufBytes out;
    const int L = std::max(0, m.layers);
    const double h = m.hidden, v = m.vocab;
    const double q = double(m.heads) * effective_head_dim(m), kv = double(effective_kv_heads(m)) * effective_head_dim(m);
    const int experts = std::max(1, m.experts);
    const ModelFacts facts{L, effective_kv_heads(m) > 0 ? m.heads / effective_kv_heads(m) : 1, is_moe(m) ? experts : 1,
                           L == 80, m.tied_embeddings};
    auto bytes = [&](Cat cat, int i, double ncols, double elements) {
        return elements * ggml_bytes_per_element(tensor_type(cat, i, static_cast<int>(ncols), type, facts));
    };
    constexpr double f32 = 4;  // norms and biases stay f32 (convert_hf_to_gguf.py)
    const double norm = m.layer_norm ? 2 * h : h;
    out.token_embd = bytes(Cat::TokenEmbd, 0, h, v * h);
    out.output = (m.tied_embeddings ? 0 : bytes(Cat::Output, 0, h, v * h)) + norm * f32;
    const int moe_from = std::max(0, L - moe_layers(m));
    for (int i = 0; i < L; ++i) {
        double b = effective_norms_per_layer(m) * norm * f32;
        if (m.bias) b += (q + 2 * kv + h) * f32;
        else if (m.qkv_bias) b += (q + 2 * kv) * f32;
        if (is_mla(m)) {
            const double qk = double(effective_head_dim(m)) + m.rope_head_dim, vh = effective_v_head_dim(m);
            if (m.q_lora_rank > 0)
                b += bytes(Cat::Q, i, h, h * m.q_lora_rank) + bytes(Cat::Q, i, m.q_lora_rank, m.q_lora_rank * m.heads * qk) +
                     m.q_lora_rank * f32;
            else
                b += bytes(Cat::Q, i, h, h * m.heads * qk);
            b += bytes(Cat::Other, i, h, h * (double(m.kv_lora_rank) + m.rope_head_dim)) + m.kv_lora_rank * f32;
            b += bytes(Cat::KvB, i, m.kv_lora_rank, m.kv_lora_rank * m.heads * (effective_head_dim(m) + vh));
            b += bytes(Cat::AttnOut, i, m.heads * vh, m.heads * vh * h);
        } else {
            if (m.fused_qkv) {
                b += bytes(Cat::Qkv, i, h, h * (q + 2 * kv));
            } else {
                b += bytes(Cat::Q, i, h, h * q) + bytes(Cat::K, i, h, h * kv) + bytes(Cat::V, i, h, h * kv);
            }
            b += bytes(Cat::AttnOut, i, q, q * h);
        }
        auto mlp = [&](double f, double count) {
            if (m.gated_ffn) b += bytes(Cat::Gate, i, h, count * h * f);
            b += bytes(Cat::Up, i, h, count * h * f) + bytes(Cat::Down, i, f, count * f * h);
            if (m.bias) b += count * ((m.gated_ffn ? 2 * f : f) + h) * f32;
        };
        if (i < moe_from) {
            mlp(effective_ffn(m), 1);
        } else {
            b += h * experts * f32;  // the router (ffn_gate_inp) is never quantized
            mlp(effective_moe_ffn(m), experts + m.shared_experts);
        }
        out.layers.push_back(b);
    }
    return out;
}

bool quantized(const Scenario& s) {
    return s.quantization.method != QuantMethod::None || s.finetune == Finetune::Qlora;
}

StoredWeights stored_weights(const Scenario& s, std::span<const Matrix> matrices) {
    StoredWeights w;
    const double kept_each = dtype_bytes(s.dtypes.weights);
    if (s.quantization.method == QuantMethod::Gguf) {
        const GgufBytes g = gguf_bytes(s.model, s.quantization.type);
        w.bytes = g.total();
        w.packed = derived_params(matrices);
        w.packed_each = w.packed > 0 ? w.bytes / w.packed : 0;
        return w;
    }
    // The projections inside the layers are packed; embeddings, the output layer, norms,
    // biases and MoE routers stay as they are (every method's default: AutoGPTQ and AutoAWQ
    // quantize the decoder layers' nn.Linear; transformers' bitsandbytes integration skips
    // lm_head; vLLM's fp8 leaves lm_head and the embeddings in 16 bits).
    for (const Matrix& x : matrices) {
        const double n = x.rows * x.cols * x.count;
        if (x.in_layer && x.adaptable) {
            double each = 0;
            switch (s.quantization.method) {
                case QuantMethod::Gptq: each = packed_each(s.quantization, x.rows) + 4.0 / x.cols; break;
                case QuantMethod::Awq: each = packed_each(s.quantization, x.rows); break;
                case QuantMethod::BnbNf4: each = s.finetune == Finetune::Qlora ? kNf4DoubleQuantEach : kNf4Each; break;
                case QuantMethod::BnbInt8: each = 1 + 4.0 / x.rows; break;  // int8 + an fp32 scale per output row
                case QuantMethod::Fp8: each = 1; break;                       // fp8 + one fp32 scale per tensor
                case QuantMethod::Int8: each = 1 + 4.0 / x.rows; break;       // W8A8: int8 + an fp32 scale per row
                case QuantMethod::None: each = kNf4DoubleQuantEach; break;    // QLoRA's base
                case QuantMethod::Gguf: break;
            }
            w.packed += n;
            w.bytes += n * each;
        } else {
            w.kept += n;
            w.bytes += n * kept_each;
        }
    }
    w.packed_each = w.packed > 0 ? (w.bytes - w.kept * kept_each) / w.packed : 0;
    w.kept_each = kept_each;
    return w;
}

}  // namespace headroom::detail
