// The runtimes: what each one does that sizes memory (runtime.h), and the terms only a runtime
// has: temporaries at the peak, workspaces, CUDA graphs, communication buffers, the CUDA context
// and the caching allocator's reserve. Each is one function with its formula and source.
#include "runtime.h"

#include <algorithm>
#include <cmath>

#include "headroom/format.h"
#include "headroom/gpu.h"
#include "quantization.h"
#include "terms.h"

namespace headroom::detail {
namespace {

const RuntimeProfile kProfiles[] = {
    {Runtime::None, "none", false, false, false, LossKind::None, false, ""},
    {Runtime::PyTorch, "PyTorch", true, true, true, LossKind::Upcast, true,
     "Hugging Face transformers modeling_llama.py (LlamaRMSNorm, repeat_kv, ForCausalLMLoss); torch.optim.AdamW "
     "(foreach)"},
    {Runtime::Megatron, "Megatron-LM", true, false, false, LossKind::VocabParallel, false,
     "Megatron-LM with Transformer Engine: fused norms and attention, vocab-parallel cross entropy, fused Adam"},
    {Runtime::DeepSpeed, "DeepSpeed", true, true, true, LossKind::Upcast, false,
     "DeepSpeed ZeRO over Hugging Face models: FusedAdam, ZeRO's buffers"},
    {Runtime::HfTransformers, "Hugging Face transformers", true, true, true, LossKind::None, false,
     "transformers generate() with DynamicCache"},
    {Runtime::Vllm, "vLLM", true, false, false, LossKind::None, false, "vLLM (V1 engine)"},
    {Runtime::LlamaCpp, "llama.cpp", false, false, false, LossKind::None, false, "llama.cpp (ggml-cuda)"},
};

// [SECTION] helpers

double shard_of(const Scenario& s, double n) { return n / (double(s.parallel.tp) * s.parallel.pp); }

// The weights every matmul reads: the layers' projections and the output layer (not the
// embedding lookup), in parameters over the model.
double linear_params(const ModelArch& m) {
    double n = 0;
    for (const Matrix& x : weight_matrices(m))
        if (x.adaptable && x.in_layer) n += x.rows * x.cols * x.count;
    return n + double(m.vocab) * m.hidden;  // the output layer (tied or not, a matmul reads it)
}

bool amp(const Scenario& s) {
    return !quantized(s) && s.dtypes.weights == DType::FP32 && dtype_bytes(s.dtypes.activations) < 4;
}

}  // namespace

const RuntimeProfile& runtime_profile(Runtime r) { return kProfiles[static_cast<int>(r)]; }

// [SECTION] temporaries

Term temporaries(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    const RuntimeProfile& rt = runtime_profile(s.runtime);
    Text& t = ctx.text;
    const double a = dtype_bytes(s.dtypes.activations);
    const double tokens = double(s.seq_len) * double(s.batch);
    const double v = s.model.vocab, tp = s.parallel.tp;
    if (s.mode == Mode::Training) {
        if (ctx.phase == Phase::OptimizerStep) {
            // torch.optim.AdamW's foreach step (_multi_tensor_adamw) builds one new list the size
            // of the second moments (torch._foreach_sqrt) before its in-place addcdiv; DeepSpeed's
            // ZeRO step first makes an fp32 copy of the GPU's gradient partition.
            const Shard sh = shard(s, 1, p.trainable, p.trainable_expert, "N_trainable");
            double bytes = 0;
            if (rt.foreach_optimizer && s.optimizer == Optimizer::AdamW && !s.offload.optimizer) {
                bytes = sh.count * dtype_bytes(s.dtypes.optimizer_state);
                t.formula << sh.symbols() << " × bytes(state)  [foreach AdamW's sqrt(v) list]";
                t.substituted << sh.numbers() << " × " << bytes_each(s.dtypes.optimizer_state);
                t.source << "torch.optim.AdamW, _multi_tensor_adamw (torch/optim/adamw.py): torch._foreach_sqrt";
            } else if (s.runtime == Runtime::DeepSpeed && s.parallel.zero >= 1 && !s.offload.optimizer &&
                       dtype_bytes(s.dtypes.gradients) < 4) {
                bytes = sh.count * 4;
                t.formula << sh.symbols() << " × 4 B  [fp32 copy of the gradient partition]";
                t.substituted << sh.numbers() << " × 4 B";
                t.source << "DeepSpeed ZeRO stage 1/2 step (stage_1_and_2.py): single_partition_of_fp32_groups' grad";
            } else {
                t.formula << "0";
                t.substituted << "the optimizer steps in place (fused kernels)";
                return term(ctx, Component::Temporaries, 0);
            }
            return term(ctx, Component::Temporaries, bytes);
        }
        // At the start of backward: AMP's 16-bit copies of the fp32 weights (autocast caches each
        // leaf weight's cast, and every linear keeps its cast weight for backward), and the loss
        // over the logits.
        double cast = amp(s) ? shard_of(s, linear_params(s.model)) * a : 0;
        double loss = 0;
        if (rt.loss == LossKind::Upcast) loss = tokens * v * (a + 4 + 4);
        else if (rt.loss == LossKind::VocabParallel) loss = tokens * v / tp * (a + 4);
        t.formula << (cast > 0 ? "N_linear × bytes(act) [AMP's cast weights] + " : "")
                  << (rt.loss == LossKind::Upcast ? "s·b·v·(bytes(act) + 4 + 4)  [logits, fp32 copy, log_softmax]"
                                                  : "s·b·v/t·(bytes(act) + 4)  [logits, fp32 exp kept]");
        if (cast > 0) t.substituted << gb(cast) << " + ";
        t.substituted << num(tokens) << "·" << num(v);
        if (tp > 1 && rt.loss == LossKind::VocabParallel) t.substituted << "/" << num(tp);
        t.substituted << "·" << num(rt.loss == LossKind::Upcast ? a + 8 : a + 4) << " B";
        t.source << (cast > 0 ? "torch.autocast's weight cast cache; " : "")
                 << (rt.loss == LossKind::Upcast ? "transformers ForCausalLMLoss (logits.float(), cross_entropy)"
                                                 : "Megatron vocab_parallel_cross_entropy");
        return term(ctx, Component::Temporaries, cast + loss);
    }
    if (s.runtime == Runtime::HfTransformers) {
        // Decode: each step's logits for the batch (the model's, the fp32 copy, the sampling
        // probabilities) and DynamicCache's torch.cat, which holds one layer's old and new K (or
        // V) at once. Prefill: the last position's logits, or every position's when the model
        // computes them all (embeddings_and_logits: transformers before logits_to_keep).
        const double kv_layer = double(s.batch) * double(effective_kv_tokens(s)) * double(effective_kv_heads(s.model)) *
                                effective_head_dim(s.model) * dtype_bytes(s.dtypes.kv_cache) / tp;
        const double rows = ctx.phase == Phase::Prefill && s.embeddings_and_logits ? tokens : double(s.batch);
        const double logits = rows * v * (a + 4 + 4) / tp;
        const double cat = ctx.phase == Phase::Decode && kv_cache_enabled(s) ? kv_layer : 0;
        t.formula << "logits × (bytes(act) + 4 + 4) [model's, fp32 copy, probabilities]"
                  << (cat > 0 ? " + one layer's K being concatenated" : "");
        t.substituted << num(rows) << "·" << num(v) << "·" << num(a + 8) << " B";
        if (cat > 0) t.substituted << " + " << gb(cat);
        t.source << "transformers generate(): logits_to_keep, the logits processors; DynamicCache.update (torch.cat)";
        return term(ctx, Component::Temporaries, logits + cat);
    }
    return not_held(ctx, Component::Temporaries, s.runtime == Runtime::Vllm ? "inside vLLM's profile peak"
                                                                            : "inside llama.cpp's compute buffer");
}

// [SECTION] workspaces

Term workspaces(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    Text& t = ctx.text;
    const GpuSpec* g = find_gpu(s.gpu);
    if (s.runtime == Runtime::LlamaCpp)
        return not_held(ctx, Component::Workspaces, "cuBLAS's own, in the CUDA context line");
    // PyTorch's cuBLAS workspace per handle and stream: CUBLAS_WORKSPACE_CONFIG's default,
    // ":4096:8" (32 MiB) on Hopper and later, ":4096:2:16:8" (8.125 MiB) before
    // (aten/src/ATen/cuda/CublasHandlePool.cpp, getChosenWorkspaceSize).
    const double cublas = g && g->sm >= 90 ? 32.0 * 1024 * 1024 : (4096.0 * 2 + 16 * 8) * 1024;
    // bitsandbytes and AWQ compute a 16-bit copy of one matrix for a matmul: the largest.
    double dequant = 0;
    const QuantMethod q = s.quantization.method;
    if (q == QuantMethod::BnbNf4 || q == QuantMethod::BnbInt8 || q == QuantMethod::Awq || s.finetune == Finetune::Qlora) {
        double largest = 0;
        for (const Matrix& x : weight_matrices(s.model))
            if (x.adaptable && x.in_layer) largest = std::max(largest, x.rows * x.cols);
        dequant = largest * dtype_bytes(s.dtypes.activations) / s.parallel.tp;
    }
    t.formula << "cuBLAS workspace" << (dequant > 0 ? " + the largest matrix dequantized" : "");
    t.substituted << gb(cublas);
    if (dequant > 0) t.substituted << " + " << gb(dequant);
    t.source << "PyTorch CublasHandlePool.cpp (getChosenWorkspaceSize)"
             << (dequant > 0 ? "; bitsandbytes dequantize_4bit / AWQ's dequantize before matmul" : "");
    return term(ctx, Component::Workspaces, cublas + dequant);
}

// [SECTION] CUDA graphs, communication, context

Term cuda_graphs(const Ctx& ctx) {
    return not_held(ctx, Component::CudaGraphs, ctx.s.runtime == Runtime::Vllm ? "not yet modelled" : "none captured");
}

Term communication(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const Parallel& par = s.parallel;
    Text& t = ctx.text;
    // NCCL's buffers per communicator: measured 544 MB with 2 ranks and 688 MB with 4 on A100s
    // (tests/calibration/reference/cuda-context.json): some 400 MB plus 72 MB a rank.
    auto group = [](int ranks) { return ranks > 1 ? 400e6 + 72e6 * ranks : 0.0; };
    const double dp = s.mode == Mode::Training ? par.dp : 1;
    const double bytes = group(par.tp) + group(par.pp > 1 ? 2 : 1) + group(static_cast<int>(dp));
    if (bytes == 0) return not_held(ctx, Component::Communication, "one GPU: no communicator");
    t.formula << "Σ communicators (400 MB + 72 MB × ranks)";
    t.substituted << "tp " << par.tp << ", pp " << par.pp << ", dp " << num(dp);
    t.source << "NCCL buffers per communicator, measured (tests/calibration/reference/cuda-context.json)";
    return term(ctx, Component::Communication, bytes);
}

Term cuda_context(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    Text& t = ctx.text;
    const GpuSpec* g = find_gpu(s.gpu);
    const int sm = g ? g->sm : 80;
    // Measured (tests/calibration/reference/cuda-context.json): with lazy loading 0.51 GiB on an
    // H100 (vLLM 0.19's memory in use before loading) and 256 MiB on an RTX 3090 (PyTorch 2.7);
    // loading every kernel at start, 1,343 MiB on a V100 (PyTorch 1.x, CUDA 11.2, Hugging Face's
    // "CUDA kernels" figure) and 1,687 MB on an RTX 3090 (PyTorch 1.8, CUDA 11.1).
    double bytes = 0;
    if (s.cuda_lazy_loading) bytes = sm >= 90 ? 0.51 * 1024 * 1024 * 1024 : 256.0 * 1024 * 1024;
    else bytes = sm >= 80 ? 1687e6 : 1343.0 * 1024 * 1024;
    t.formula << (s.cuda_lazy_loading ? "CUDA context, kernels loaded lazily" : "CUDA context with every kernel loaded");
    t.substituted << (sm >= 90 ? "Hopper or later" : sm >= 80 ? "Ampere or Ada" : "before Ampere");
    t.source << "Measured context sizes (tests/calibration/reference/cuda-context.json); CUDA_MODULE_LOADING";
    return term(ctx, Component::CudaContext, bytes);
}

Term allocator_reserve(const Ctx& ctx, double) {
    return not_held(ctx, Component::AllocatorReserve, "not yet modelled");
}

}  // namespace headroom::detail
