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

// Bytes per token of one layer, by part, for the formula. Counted from the code of each
// runtime's modules (tests/calibration/reference/memo-training.md §2, memo-distributed-llamacpp.md
// §1.2): autograd saves an input only if the other operand needs its gradient, so a frozen
// linear saves no activation.
struct LayerBytes {
    double norms = 0, inputs = 0, attention = 0, scores = 0, mlp = 0, masks = 0;
    double total() const { return norms + inputs + attention + scores + mlp + masks; }
};

// What a layer's projections are: trainable weights save their input; LoRA adapters save theirs.
bool trains(const Scenario& s, Module) { return s.finetune == Finetune::Full; }
bool adapted(const Scenario& s, Module m) { return s.finetune != Finetune::Full && s.lora.has(m); }

LayerBytes saved_per_token(const Scenario& s, const RuntimeProfile& rt, bool moe_layer) {
    const ModelArch& m = s.model;
    LayerBytes b;
    const int t = s.parallel.tp;
    const bool sp = s.parallel.sp && t > 1;
    const double a = dtype_bytes(s.dtypes.activations);
    // PyTorch AMP: fp32 weights, 16-bit compute. The residual stream stays fp32 (the embedding
    // runs in fp32, and a 16-bit branch added to it promotes), each linear's autocast casts its
    // input anew (autocast_mode.cpp: cached_cast caches only leaf fp32 weights), and the norms
    // run in fp32.
    const bool amp = !quantized(s) && s.dtypes.weights == DType::FP32 && a < 4;
    const bool full = s.finetune == Finetune::Full;
    const double h = m.hidden;
    const double q = double(m.heads) * effective_head_dim(m) / t;
    const double kv = std::max(1.0, std::ceil(double(effective_kv_heads(m)) / t)) * effective_head_dim(m);
    const double kv_saved = rt.expands_gqa ? q : kv;  // repeat_kv copies K and V to every head
    const double heads = double(m.heads) / t;
    const double f = moe_layer ? double(m.experts_active + m.shared_experts) * effective_moe_ffn(m) / t
                               : double(effective_ffn(m)) / t;
    const double norm_share = sp ? 1.0 / t : 1.0;  // sequence parallelism splits the norms' tokens

    // Projection inputs: the norm's output, saved once when several linears share it (no cast),
    // once per linear under AMP's per-call casts. A LoRA adapter keeps its own copy: fp32 (PEFT
    // 0.12+ upcasts adapters), or a bool mask and the dropped-out fp32 copy with lora_dropout.
    const double lora_each = s.lora.dropout > 0 ? 1 + 4 : 4;
    auto input = [&](double width, std::initializer_list<Module> consumers, double share) {
        int trainable = 0, adapters = 0;
        for (Module mod : consumers) trainable += trains(s, mod), adapters += adapted(s, mod);
        double bytes = adapters * lora_each * width * share;
        if (trainable > 0) bytes += (amp ? trainable : 1) * a * width * share;
        return bytes;
    };

    if (s.compile && rt.eager_norms) {
        // torch.compile: AOTAutograd's min-cut partitioner (torch/_functorch/partitioners.py,
        // min_cut_rematerialization_partition) saves what is costly to recompute, the outputs of
        // the matmuls and of attention, and each fused pointwise region's input; the norms, the
        // rotary embedding, SiLU and the gate·up product are recomputed in backward. Each norm
        // keeps its input (the residual stream) and 1/rms; the MLP gate's and up's outputs.
        const double r = amp ? 4 : a;
        b.norms = 2 * (r * h + 4) * norm_share;
        b.attention = a * (q + 2 * kv_saved + q) + 4 * heads;
        b.mlp = (m.gated_ffn ? 2 : 1) * f * a;
        if (m.dropout > 0) b.masks = 2 * h * norm_share;
        if (!s.flash_attention) b.scores = heads * double(s.seq_len) * (4 + (m.dropout > 0 ? 1 : 0) + a);
        return b;
    }
    if (rt.eager_norms) {
        // Hugging Face's RMSNorm keeps its input upcast to fp32 (pow and mul save it) and 1/rms;
        // a trainable norm weight keeps the normalized copy too (fp32 under AMP). nn.LayerNorm
        // keeps its input (fp32 under AMP, a layer_norm op autocast runs in fp32) with its stats.
        double one = m.layer_norm ? (amp ? 4 : a) * h + 8 : 4 * h + 4 + (full ? (amp ? 4 : a) * h : 0);
        b.norms = 2 * one * norm_share;
        b.inputs = (m.fused_qkv ? input(h, {Module::Q}, norm_share) : input(h, {Module::Q, Module::K, Module::V}, norm_share)) +
                   (m.gated_ffn ? input(h, {Module::Gate, Module::Up}, norm_share) : input(h, {Module::Up}, norm_share));
    } else {
        // Transformer Engine's LayerNormLinear keeps the norm's input and output and 1/rms.
        b.norms = 2 * (2 * a * h + 4 + (m.layer_norm ? 4 : 0)) * norm_share;
        b.inputs = (adapted(s, Module::Q) ? lora_each * h : 0) + (adapted(s, Module::Up) ? lora_each * h : 0);
    }
    // Attention: the kernel keeps q (rotated), K and V (repeated where the runtime does), its
    // output (which o_proj saves too, the same storage) and fp32 log-sum-exp per head.
    b.attention = a * (q + 2 * kv_saved + q) + 4 * heads +
                  (adapted(s, Module::O) ? lora_each * q : 0);
    if (!s.flash_attention) {
        // Eager attention keeps its scores: the softmax's output (fp32: Hugging Face asks for
        // it, and autocast runs softmax in fp32), the dropout mask when there is dropout, and
        // the 16-bit probabilities the matmul with V keeps; q and the output are copied
        // (matmul's reshape, the transpose before o_proj).
        const double soft = rt.eager_norms && (amp || !m.layer_norm) ? 4 : a;
        const double drop = m.dropout > 0 ? 1 : 0;
        b.scores = heads * double(s.seq_len) * (soft + drop + a);
        b.attention += a * q * (trains(s, Module::O) ? 2 : 1);
    }
    // MLP. Hugging Face's SwiGLU keeps gate's output (SiLU), SiLU's output and up's output
    // (their product's operands) and the product (down's input, when down trains). Transformer
    // Engine's fused SwiGLU keeps fc1's output (gate and up) and its own output. A GELU MLP
    // keeps the GELU's input and output (GPT-2's composite GELU five tensors).
    const bool down = trains(s, Module::Down) || !rt.eager_norms;
    if (m.gated_ffn) b.mlp = rt.eager_norms ? (3 + (trains(s, Module::Down) ? 1 : 0)) * f * a : 3 * f * a;
    else b.mlp = (m.fused_qkv && m.layer_norm ? 4 : 1) * f * a + (down ? f * a : 0);
    b.mlp += adapted(s, Module::Down) ? lora_each * f : 0;
    // Dropout masks after attention and after the MLP (1 byte each).
    if (m.dropout > 0) b.masks = 2 * h * norm_share;
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
        text.substituted << num(one.mlp + one.masks) << ") + " << num(tail) << ") B";
    }
    text.source << "Tensors autograd saves, counted from " << rt.source
                << " (per token per layer, in bytes; memo-training.md §2, memo-distributed-llamacpp.md §1.2)";
    if (s.offload.activations) {
        // torchtune's activation offloading: each saved tensor is copied to host memory as the
        // forward goes and back as backward needs it; the GPU keeps the layer in use and the
        // next one in transit.
        const double gpu = std::min(bytes, tokens * (2 * one.total() + tail));
        text.substituted << " = " << gb(bytes) << "; on the GPU two layers in transit";
        Term on_gpu{Component::Activations, gpu, bytes - gpu};
        text.substituted << " = " << gb(gpu);
        return on_gpu;
    }
    return term(ctx, Component::Activations, bytes);
}

// [SECTION] inference

// Hugging Face generate (memo-inference.md §2.2): one layer's tensors are live at once, with the
// input embeddings and the residual stream kept through the layer loop. At the prefill the
// prompt's tokens pass the MLP (SiLU's output, up's output and their product) or attention
// (eager: the scores, their fp32 softmax and 16-bit copy per head; SDPA: q and K, V repeated to
// every head; FlashAttention: q, K, V as they are); each decode step passes one token.
Term transformers_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    Text& text = ctx.text;
    const double B = dtype_bytes(s.dtypes.activations);
    const int t = s.parallel.tp;
    const bool prefill = ctx.phase == Phase::Prefill;
    const double b = double(s.batch), tokens = prefill ? b * double(s.seq_len) : b;
    const double S = prefill ? double(s.seq_len) : double(effective_kv_tokens(s));  // keys attended to
    const double h = m.hidden, d = effective_head_dim(m);
    const double heads = double(m.heads) / t, kv_heads = std::ceil(double(effective_kv_heads(m)) / t);
    const double f = (is_moe(m) ? double(m.experts_active + m.shared_experts) * effective_moe_ffn(m)
                                : double(effective_ffn(m))) / t;
    const double mlp = tokens * (3 * f + 3 * h) * B;
    double attention = tokens * (3 * h) * B;
    switch (effective_attention(s)) {
        case Attention::Eager:
            attention += b * heads * (prefill ? double(s.seq_len) : 1) * S * (B + 4 + B) + 2 * b * heads * S * d * B;
            break;
        case Attention::Sdpa: attention += tokens * 2 * heads * d * B + 2 * b * heads * (prefill ? S : 0) * d * B; break;
        default: attention += tokens * (2 * heads + 2 * kv_heads) * d * B; break;
    }
    const double bytes = std::max(mlp, attention);
    text.formula << "max(MLP: tokens·(3f + 3h)·B, attention) of one layer";
    text.substituted << "max(" << gb(mlp) << ", " << gb(attention) << ")";
    text.source << "transformers generate(), modeling_llama.py: each layer's intermediates freed once the next layer "
                   "has read them (memo-inference.md §2.2)";
    return term(ctx, Component::Activations, bytes);
}

// llama.cpp's compute buffer, reserved at load for the worst graph: n_ubatch tokens against the
// whole context, logits for every one of them (memo-distributed-llamacpp.md §4a; ggml-alloc keeps
// the largest set of tensors alive at once). Without flash attention the attention holds KQ,
// n_ctx × n_ubatch × heads in f32, its mask and the n_embd-wide stream tensors; the output layer
// n_ubatch × vocab logits in f32. With layers on the CPU, the scheduler runs their matmuls on
// the GPU for batches of 32 tokens or more, copying each weight into this buffer one at a time:
// the output matrix, when it stays on the CPU, with its logits.
Term llama_cpp_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    Text& text = ctx.text;
    const double n_ctx = double(effective_kv_tokens(s)) * double(s.batch);
    const double ub = double(std::min<long long>(s.llama_cpp.n_ubatch, static_cast<long long>(n_ctx)));
    const double pad_ub = std::ceil(ub / 64) * 64;  // GGML_KQ_MASK_PAD
    const double h = m.hidden, heads = m.heads, v = m.vocab;
    const double stream = 4 * 4 * h * ub;  // the residual, the normed input, Q and the attention's output, f32
    const double attention = s.flash_attention ? 2 * n_ctx * pad_ub + stream
                                               : 4 * n_ctx * ub * heads + 4 * n_ctx * pad_ub + stream;
    const bool output_on_gpu = effective_gpu_layers(s) > m.layers;
    double output = 4 * v * ub + 4 * h * ub;
    if (!output_on_gpu) {
        GgufType type = s.quantization.method == QuantMethod::Gguf ? s.quantization.type : GgufType::F16;
        output = ub >= 32 ? gguf_bytes(m, type).output + output : 0;  // the CPU's output matrix, copied
    }
    const double ffn = 4 * ub * (2.0 * effective_ffn(m) + h);
    const double bytes = std::max({attention, output, ffn});
    text.formula << "max(attention, output layer, FFN) for n_ubatch tokens in f32"
                 << (s.flash_attention ? "" : "  [attention: KQ, n_ctx·n_ubatch·heads, and its mask]")
                 << (output_on_gpu ? "" : "  [output matrix copied from the CPU]");
    text.substituted << "max(" << gb(attention) << ", " << gb(output) << ", " << gb(ffn) << ")";
    text.source << "llama.cpp: the compute buffer reserved at load (llama_context graph reserve, ggml-alloc, "
                   "ggml_backend_sched op offload); memo-distributed-llamacpp.md §4a";
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
