// Activations with a runtime: the tensors the runtime's code really keeps, counted op by op
// from its source, instead of the paper's per-layer coefficient. Training counts what autograd
// saves for backward in each decoder layer (Hugging Face modules for PyTorch and DeepSpeed,
// Transformer Engine's fused modules for Megatron); inference counts the tensors live in one
// layer at once; llama.cpp counts its compute buffer; vLLM its profile run (serving.cpp).
#include <algorithm>
#include <cmath>

#include "headroom/format.h"
#include "quantization.h"
#include "runtime.h"
#include "terms.h"

namespace headroom::detail {
namespace {

// [SECTION] what one decoder layer keeps for backward, per token

// Bytes per token of one layer, by part, for the formula.
struct LayerBytes {
    double norms = 0, inputs = 0, attention = 0, scores = 0, mlp = 0, dropout = 0;
    double total() const { return norms + inputs + attention + scores + mlp + dropout; }
};

// What a layer's projections are: trainable weights save their input; LoRA adapters save theirs.
bool trains(const Scenario& s, Module m) { return s.finetune == Finetune::Full || s.lora.has(m); }

LayerBytes saved_per_token(const Scenario& s, const RuntimeProfile& rt, bool moe_layer) {
    const ModelArch& m = s.model;
    LayerBytes b;
    const int t = s.parallel.tp;
    const bool sp = s.parallel.sp && t > 1;
    const double a = dtype_bytes(s.dtypes.activations);
    // PyTorch AMP: fp32 weights, 16-bit compute. The residual stream stays fp32 (the embedding
    // runs in fp32, and a 16-bit branch added to it promotes), and each linear's autocast casts
    // its input anew (torch/csrc/autograd/autocast_mode: cached_cast caches only leaf weights).
    const bool amp = !quantized(s) && s.dtypes.weights == DType::FP32 && a < 4;
    const double r = amp ? 4 : std::max(a, s.dtypes.weights == DType::FP32 && !quantized(s) ? 4.0 : a);
    const bool full = s.finetune == Finetune::Full;
    const double h = m.hidden;
    const double q = double(m.heads) * effective_head_dim(m) / t;
    const double kv = std::max(1.0, std::ceil(double(effective_kv_heads(m)) / t)) * effective_head_dim(m);
    const double kv_saved = rt.expands_gqa ? q : kv;
    const double f = moe_layer ? double(m.experts_active + m.shared_experts) * effective_moe_ffn(m) / t
                               : double(effective_ffn(m)) / t;
    const double norm_share = sp ? 1.0 / t : 1.0;  // sequence parallelism splits the norms' tokens

    // Norms. Hugging Face's RMSNorm upcasts its input to fp32 and keeps it (pow and mul save it);
    // a trainable norm weight keeps the normalized copy too. nn.LayerNorm keeps its input.
    // Transformer Engine's fused norms keep their input and 1/rms.
    auto one_norm = [&]() {
        if (!rt.eager_norms) return a;
        if (m.layer_norm) return r;
        return 4.0 + (full ? r : 0.0);
    };
    b.norms = 2 * one_norm() * h * norm_share;

    // Projection inputs: each distinct input once when it is shared (no cast), once per
    // consuming linear under AMP's per-call casts; LoRA keeps each adapted projection's input
    // (dropped out, with its mask, when lora_dropout > 0).
    const double lora_drop = s.finetune != Finetune::Full && s.lora.dropout > 0 ? 1 : 0;
    auto input = [&](double width, std::initializer_list<Module> consumers, double share) {
        int trainable = 0;
        for (Module mod : consumers) trainable += trains(s, mod);
        if (trainable == 0) return 0.0;
        if (!full && lora_drop > 0) return trainable * (a + 1) * width * share;
        const int copies = amp ? trainable : 1;
        return copies * a * width * share;
    };
    const double qkv_in = m.fused_qkv ? input(h, {Module::Q}, norm_share)
                                      : input(h, {Module::Q, Module::K, Module::V}, norm_share);
    const double mlp_in = m.gated_ffn ? input(h, {Module::Gate, Module::Up}, norm_share)
                                      : input(h, {Module::Up}, norm_share);
    // The attention output reaches o_proj as a contiguous copy in Hugging Face's sdpa path
    // (transpose + reshape); the attention kernel keeps its own output besides.
    const double o_in = input(q, {Module::O}, 1);
    const double down_in = input(f, {Module::Down}, 1);
    b.inputs = qkv_in + mlp_in + o_in + down_in;

    // Attention: the kernel keeps q (rotated), k and v (repeated to every head where the runtime
    // does), and its output; rotary embedding keeps only cos and sin.
    b.attention = a * (q + 2 * kv_saved + q);
    if (!s.flash_attention) {
        // Eager: the softmax's output (fp32 in Hugging Face's code), the dropout mask, and the
        // probabilities the matmul with v keeps, per score: s per head per token.
        const double heads = double(m.heads) / t;
        const double soft = rt.eager_norms ? (m.layer_norm ? (amp ? 4 : a) : 4) : a;
        const double drop = m.dropout > 0 ? 1 : 0;
        b.scores = heads * double(s.seq_len) * (soft + drop + a);
    }

    // MLP: SwiGLU keeps the gate's output (SiLU), SiLU's output and up's output (their product's
    // operands); the product is down's input (counted above). Megatron's fused bias_swiglu keeps
    // fc1's output (gate and up, 2f) only. A plain MLP keeps the activation's input.
    if (m.gated_ffn) b.mlp = rt.eager_norms ? 3 * f * a : 2 * f * a;
    else b.mlp = f * a;

    // Dropout masks (1 byte each) after attention, after the MLP, and on the attention's output.
    if (m.dropout > 0) b.dropout = 2 * h * norm_share;
    return b;
}

// The layers the busiest GPU holds, and how many of them are mixture-of-experts layers.
struct StageLayers {
    double count, moe;
};
StageLayers stage_layers(const Scenario& s) {
    const double stage = std::ceil(double(s.model.layers) / s.parallel.pp);
    const double dense = std::min<double>(is_moe(s.model) ? s.model.dense_layers : stage, stage);
    return {stage, stage - dense};
}

double sbt(const Scenario& s) { return double(s.seq_len) * double(s.batch); }

// [SECTION] training

Term training_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const RuntimeProfile& rt = runtime_profile(s.runtime);
    Text& text = ctx.text;
    if (ctx.phase == Phase::OptimizerStep)
        return not_held(ctx, Component::Activations, "freed before the optimizer step (the peak falls there)");
    const StageLayers st = stage_layers(s);
    LayerBytes dense = saved_per_token(s, rt, false);
    LayerBytes moe = saved_per_token(s, rt, true);
    // Selective recompute drops what attention computes from q, k and v (eager attention's
    // scores; fused attention keeps none).
    if (s.recompute == Recompute::Selective) dense.scores = moe.scores = 0;
    const double per_token_all = (st.count - st.moe) * dense.total() + st.moe * moe.total();
    const double tokens = sbt(s);
    const double in_flight = double(std::min<long long>(s.parallel.pp, effective_grad_accum(s)));
    const LayerBytes& one = st.moe > 0 ? moe : dense;
    // The final norm keeps its input like a layer's norm; the output layer keeps its input when
    // it trains.
    const double a = dtype_bytes(s.dtypes.activations);
    const double h = s.model.hidden;
    const double tail = (dense.norms / 2) + (s.finetune == Finetune::Full ? a * h : 0);

    double bytes = 0;
    text.formula << "s·b·";
    text.substituted << num(double(s.seq_len)) << "·" << num(double(s.batch)) << "·";
    if (s.recompute == Recompute::Full || s.recompute == Recompute::Sqrt) {
        // Checkpointing keeps each layer's input (the residual stream, in its dtype); in backward
        // one layer at a time is recomputed and holds everything it keeps.
        const bool amp = s.dtypes.weights == DType::FP32 && a < 4 && !quantized(s);
        const double input = (amp ? 4 : a) * h / (s.parallel.sp && s.parallel.tp > 1 ? s.parallel.tp : 1);
        const double kept_layers = s.recompute == Recompute::Sqrt ? std::ceil(std::sqrt(st.count)) : st.count;
        const double segment = s.recompute == Recompute::Sqrt ? std::ceil(st.count / kept_layers) : 1;
        bytes = tokens * (in_flight * kept_layers * input + segment * one.total() + tail);
        text.formula << "(" << (in_flight > 1 ? "in flight·" : "") << (s.recompute == Recompute::Sqrt ? "⌈√L⌉" : "L")
                     << "·input + " << (segment > 1 ? "segment·" : "") << "one layer recomputed + final norm)";
        text.substituted << "(" << (in_flight > 1 ? std::string(format_count(in_flight)) + "·" : std::string())
                         << num(kept_layers) << "·" << num(input) << " + ";
        if (segment > 1) text.substituted << num(segment) << "·";
        text.substituted << num(one.total()) << " + " << num(tail) << ") B";
    } else {
        // Selective recompute drops what attention computes from q, k and v (the scores): with
        // fused attention there are none to drop.
        bytes = tokens * (in_flight * per_token_all + tail);
        text.formula << "(" << (in_flight > 1 ? "in flight·" : "") << "Σ layers (norms + projection inputs + "
                     << "attention + " << (one.scores > 0 ? "scores + " : "") << "MLP) + final norm)";
        text.substituted << "(" << (in_flight > 1 ? std::string(format_count(in_flight)) + "·" : std::string())
                         << num(st.count) << "·(" << num(one.norms) << " + " << num(one.inputs) << " + "
                         << num(one.attention) << " + ";
        if (one.scores > 0) text.substituted << num(one.scores) << " + ";
        text.substituted << num(one.mlp + one.dropout) << ") + " << num(tail) << ") B";
    }
    text.source << "Tensors autograd saves, counted from " << rt.source
                << " (per token per layer, in bytes); layout after Korthikanti et al. 2022";
    return term(ctx, Component::Activations, bytes);
}

// [SECTION] inference

// Hugging Face generate: one layer's tensors are live at once. At the prefill the prompt's
// tokens pass the MLP (SiLU's output, up's output and their product at once) or attention
// (q, k, v and the output; eager adds the fp32 softmax and its 16-bit copy per score).
Term transformers_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    Text& text = ctx.text;
    const double a = dtype_bytes(s.dtypes.activations);
    const double tokens = ctx.phase == Phase::Prefill ? sbt(s) : double(s.batch);
    const double h = m.hidden, q = double(m.heads) * effective_head_dim(m);
    const double kv = double(effective_kv_heads(m)) * effective_head_dim(m);
    const double f = is_moe(m) ? double(m.experts_active + m.shared_experts) * effective_moe_ffn(m) : effective_ffn(m);
    const double mlp = (m.gated_ffn ? 3 * f : 2 * f) * a + 2 * h * a;
    const double ctx_tokens = ctx.phase == Phase::Prefill ? double(s.seq_len) : double(effective_kv_tokens(s));
    const double attn = (2 * q + 2 * kv) * a + 2 * h * a +
                        (s.flash_attention ? 0 : double(m.heads) * ctx_tokens * (4 + a));
    const double per_token = std::max(mlp, attn);
    text.formula << "tokens × max(MLP, attention) of one layer";
    text.substituted << num(tokens) << " × " << num(per_token) << " B";
    text.source << "Hugging Face transformers generate(): each layer's intermediates are freed once the next layer "
                   "has read them; modeling_llama.py";
    return term(ctx, Component::Activations, tokens * per_token);
}

// llama.cpp's compute buffer, reserved at load for the worst graph: n_ubatch tokens against
// the whole context. Without flash attention the attention holds KQ, n_ctx × n_ubatch × heads
// in f32, and the mask; the output layer n_ubatch × vocab logits in f32 (llama_context's graph
// reserve, ggml-alloc reusing every buffer another op has freed).
Term llama_cpp_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    Text& text = ctx.text;
    const double n_ctx = double(effective_kv_tokens(s)) * double(s.batch);
    const double ub = double(std::min<long long>(s.llama_cpp.n_ubatch, static_cast<long long>(n_ctx)));
    const double h = m.hidden, heads = m.heads;
    const double kv = double(effective_kv_heads(m)) * effective_head_dim(m);
    const double attention = s.flash_attention ? ub * 4 * (3 * h + 2 * kv) + ub * n_ctx * 2
                                               : ub * 4 * (n_ctx * (heads + 1) + 3 * h + 2 * kv);
    const bool output_on_gpu = effective_gpu_layers(s) > m.layers;
    const double logits = output_on_gpu ? ub * 4 * (double(m.vocab) + h) : 0;
    const double ffn = ub * 4 * (2.0 * effective_ffn(m) + h);
    const double bytes = std::max({attention, logits, ffn});
    text.formula << "max(attention, output logits, FFN) for n_ubatch tokens";
    text.substituted << "max(" << gb(attention) << ", " << gb(logits) << ", " << gb(ffn) << ")";
    if (!s.flash_attention) text.formula << "  [attention: n_ubatch·4·(n_ctx·(heads + 1) + …), KQ and mask in f32]";
    text.source << "llama.cpp compute buffer: the worst-case graph reserved at load (n_ubatch tokens, n_ctx cells), "
                   "ggml-alloc";
    return term(ctx, Component::Activations, bytes);
}

}  // namespace

Term runtime_activations(const Ctx& ctx) {
    switch (ctx.s.runtime) {
        case Runtime::LlamaCpp: return llama_cpp_activations(ctx);
        case Runtime::Vllm: return vllm_profile_activations(ctx);
        default: break;
    }
    if (ctx.s.mode == Mode::Training) return training_activations(ctx);
    return transformers_activations(ctx);
}

}  // namespace headroom::detail
