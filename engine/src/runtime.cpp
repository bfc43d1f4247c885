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

namespace {

// The loss over the logits at its peak, bytes per token per vocabulary entry
// (memo-training.md §4, memo-distributed-llamacpp.md §1.3):
//   full, Hugging Face (ForCausalLMLoss, transformers 4.31+): at log_softmax's backward the
//     saved fp32 log-probabilities, the incoming gradient and its output, 12;
//   full, Megatron's vocab-parallel cross entropy: the 16-bit logits and their fp32 copy, 6 (÷ t);
//   chunked (torchtune's CEWithChunkedOutputLoss, 8 chunks): the 16-bit logits, every chunk's
//     saved fp32 log-probabilities, one chunk's fp32 copy: a + 4 + 4/8;
//   fused (Transformer Engine's cross entropy, Liger): the 16-bit logits only, a.
double loss_per_logit(const Scenario& s) {
    const double a = dtype_bytes(s.dtypes.activations);
    switch (effective_loss(s)) {
        // Compiled (torchtune compiles the loss), the fp32 upcast and the log-sum-exp are fused
        // into one kernel per chunk: the 16-bit logits remain.
        case Loss::Chunked: return s.compile ? a : a + 4 + 4.0 / 8;
        case Loss::Fused: return a;
        default:
            if (s.runtime == Runtime::Megatron) return a + 4;
            // Before transformers 4.31 the model did not upcast the logits: without autocast the
            // logits, the shifted copy and log_softmax's output stay in the compute dtype. The
            // Trainer's mixed precision (accelerate's autocast, PyTorch's runtime here) runs
            // log_softmax in fp32 whatever the version (memo-training.md §4.1).
            return s.transformers_version.value_or(99) < 4.31 && s.runtime != Runtime::PyTorch ? 3 * a : 12;
    }
}

// DeepSpeed's gradient bucket (the IPG buffer of reduce_bucket_size elements, in the model
// dtype, allocated at each backward; two with overlap_comm, ZeRO-3's default), under the
// Hugging Face Trainer's "auto" size h² (integrations/deepspeed.py), and ZeRO-3's gathered
// parameters: the layer in use and the prefetch bucket (0.9·h² elements).
double deepspeed_buffers(const Scenario& s) {
    if (s.runtime != Runtime::DeepSpeed || s.parallel.zero < 1) return 0;
    const double h = s.model.hidden, bytes = dtype_bytes(s.dtypes.weights);
    double buffers = (s.parallel.zero == 3 ? 2 : 1) * h * h * bytes;
    if (s.parallel.zero == 3 && !s.offload.params) {
        const double layer = derived_largest_block(s.model);
        buffers += (layer + 0.9 * h * h) * bytes / s.parallel.tp;
    }
    return buffers;
}

}  // namespace

Term temporaries(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    const RuntimeProfile& rt = runtime_profile(s.runtime);
    Text& t = ctx.text;
    const double a = dtype_bytes(s.dtypes.activations);
    const double tokens = double(s.seq_len) * double(s.batch);
    const double v = s.model.vocab, tp = s.parallel.tp;
    if (s.mode == Mode::Training) {
        const Shard sh = shard(s, 1, p.trainable, p.trainable_expert, "N_trainable");
        if (ctx.phase == Phase::OptimizerStep) {
            // torch.optim.AdamW's foreach step (PyTorch 2.1+) builds one list the size of the
            // second moments (torch._foreach_sqrt) before its in-place addcdiv; DDP's buckets
            // hold a second copy of the gradients (gradient_as_bucket_view=False); DeepSpeed's
            // ZeRO step flattens the gradient partition and copies it to fp32.
            double step = 0, ddp = 0;
            if (rt.foreach_optimizer && s.optimizer == Optimizer::AdamW && !s.offload.optimizer && !s.paged_optimizer)
                step = sh.count * dtype_bytes(s.dtypes.optimizer_state);
            if (s.runtime == Runtime::DeepSpeed && s.parallel.zero >= 1 && !s.offload.optimizer)
                step = std::min(sh.count, 1e9) * (4 + dtype_bytes(s.dtypes.gradients));
            if (s.runtime == Runtime::PyTorch && s.parallel.dp > 1 && s.parallel.zero == 0)
                ddp = sh.count * dtype_bytes(s.dtypes.gradients);
            t.formula << (s.runtime == Runtime::DeepSpeed ? "N_partition × (4 + bytes(grad))  [ZeRO's fp32 gradient copy]"
                                                          : "N_trainable × bytes(state)  [foreach AdamW's sqrt(v) list]")
                      << (ddp > 0 ? " + DDP's bucket copy of the gradients" : "");
            t.substituted << gb(step);
            if (ddp > 0) t.substituted << " + " << gb(ddp);
            t.source << (s.runtime == Runtime::DeepSpeed ? "DeepSpeed ZeRO step (stage_1_and_2.py, stage3.py)"
                                                         : "torch.optim.AdamW _multi_tensor_adamw (PyTorch 2.1+); "
                                                           "DDP Reducer buckets")
                     << "; memo-training.md §5";
            return term(ctx, Component::Temporaries, step + ddp);
        }
        // At the forward's end and the start of backward: AMP's 16-bit copies of the fp32 weights
        // (every linear keeps its cast weight for backward), the loss over the logits, the output
        // layer's gradient (the first made), and the runtime's buffers.
        const double cast = amp(s) ? shard_of(s, linear_params(s.model)) * a : 0;
        const double loss = tokens * v * loss_per_logit(s) / (s.runtime == Runtime::Megatron ? tp : 1);
        const bool head_grad = s.finetune == Finetune::Full && !gradients_held_in_backward(s);
        const double head = head_grad ? v * s.model.hidden * dtype_bytes(s.dtypes.gradients) / tp : 0;
        const double buffers = deepspeed_buffers(s);
        t.formula << (cast > 0 ? "N_linear × bytes(act) [AMP's cast weights] + " : "")
                  << "s·b·v·bytes per logit [loss]" << (head > 0 ? " + v·h·bytes(grad) [output layer's gradient]" : "")
                  << (buffers > 0 ? " + ZeRO's buckets and gathered layers" : "");
        if (cast > 0) t.substituted << gb(cast) << " + ";
        t.substituted << num(tokens) << "·" << num(v) << "·" << fixed(loss_per_logit(s), 2) << " B";
        if (s.runtime == Runtime::Megatron && tp > 1) t.substituted << " ÷ " << num(tp);
        if (head > 0) t.substituted << " + " << gb(head);
        if (buffers > 0) t.substituted << " + " << gb(buffers);
        t.source << (cast > 0 ? "torch.autocast's weight cast cache; " : "")
                 << "the loss: transformers ForCausalLMLoss, torchtune CEWithChunkedOutputLoss, Megatron "
                    "vocab_parallel_cross_entropy (memo-training.md §4)";
        return term(ctx, Component::Temporaries, cast + loss + head + buffers);
    }
    if (s.runtime == Runtime::HfTransformers) {
        // generate() (memo-inference.md §2): at the prefill the last position's logits in the
        // model dtype and their fp32 copy, or every position's when the model computes them all
        // (embeddings_and_logits: transformers before 4.45); at each decode step DynamicCache's
        // torch.cat holds one layer's old and new K, and SDPA and eager attention are given K and
        // V repeated to every head (repeat_kv), one layer at a time.
        const ModelArch& m = s.model;
        const double B = dtype_bytes(s.dtypes.kv_cache), b = double(s.batch);
        const double S = double(effective_kv_tokens(s)), d = effective_head_dim(m);
        const double kv_heads = std::ceil(double(effective_kv_heads(m)) / tp), heads = double(m.heads) / tp;
        const bool prefill = ctx.phase == Phase::Prefill;
        const double version = s.transformers_version.value_or(99);
        const bool all_positions = s.embeddings_and_logits || version < 4.45;
        const double rows = prefill && all_positions ? tokens : b;
        const double logits = rows * v * (version < 4.31 ? a : a + 4) / tp;
        double cache = 0;
        if (!prefill && kv_cache_enabled(s)) {
            // DynamicCache (4.36+) replaces one layer's K at a time; the tuple caches before it are
            // rebuilt whole each step while the previous step's are still referenced.
            const double layers = std::ceil(double(m.layers) / s.parallel.pp);
            cache = b * kv_heads * S * d * B * (version < 4.36 ? 2 * layers : 1);
            if (effective_attention(s) != Attention::Flash && kv_heads < heads) cache += 2 * b * heads * S * d * B;
        }
        t.formula << "logits × (bytes(act) + 4)" << (cache > 0 ? " + one layer's K concatenated and K, V repeated" : "");
        t.substituted << num(rows) << "·" << num(v) << "·" << num(a + 4) << " B";
        if (cache > 0) t.substituted << " + " << gb(cache);
        t.source << "transformers generate(): logits_to_keep and the fp32 logits, DynamicCache.update (torch.cat), "
                    "repeat_kv (memo-inference.md §2)";
        return term(ctx, Component::Temporaries, logits + cache);
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
    if (s.runtime == Runtime::Vllm) return not_held(ctx, Component::Workspaces, "inside vLLM's profile peak");
    // PyTorch's cuBLAS workspace per handle and stream: CUBLAS_WORKSPACE_CONFIG's default,
    // ":4096:8" (32 MiB) on Hopper and later, ":4096:2:16:8" (8.125 MiB) before; training holds
    // two, the forward's and the backward thread's (CublasHandlePool.cpp).
    const double one = g && g->sm >= 90 ? 32.0 * 1024 * 1024 : (4096.0 * 2 + 16 * 8) * 1024;
    const double cublas = one * (s.mode == Mode::Training ? 2 : 1);
    // 16-bit copies of packed weights for a matmul (memo-inference.md §2.4, memo-training.md
    // §2.4): bitsandbytes dequantizes the weight of each matmul of more than one row (and its fp32
    // copy at transformers' default fp32 compute dtype), AWQ from 1,024 tokens; AutoGPTQ's
    // exllama kernel keeps one persistent buffer the size of the largest layer.
    double largest = 0;
    for (const Matrix& x : weight_matrices(s.model))
        if (x.adaptable && x.in_layer) largest = std::max(largest, x.rows * x.cols);
    largest /= s.parallel.tp;
    double dequant = 0;
    const QuantMethod q = s.quantization.method;
    const double rows = double(s.seq_len) * double(s.batch);
    if (q == QuantMethod::BnbNf4 || s.finetune == Finetune::Qlora)
        dequant = rows > 1 || s.mode == Mode::Training ? largest * (2 + dtype_bytes(s.dtypes.activations)) : 0;
    else if (q == QuantMethod::Awq) dequant = rows >= 1024 ? largest * 2 : 0;
    else if (q == QuantMethod::Gptq) dequant = largest * 2;
    t.formula << "cuBLAS workspace" << (s.mode == Mode::Training ? "s (forward and backward)" : "")
              << (dequant > 0 ? " + the largest matrix dequantized" : "");
    t.substituted << gb(cublas);
    if (dequant > 0) t.substituted << " + " << gb(dequant);
    t.source << "PyTorch CublasHandlePool.cpp (getChosenWorkspaceSize)"
             << (dequant > 0 ? "; bitsandbytes dequantize_4bit, AutoAWQ WQLinear_GEMM, AutoGPTQ exllama temp_dq" : "");
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
    if (s.runtime == Runtime::Vllm) {
        const double nt = vllm_non_torch(s);
        t.formula << "non-torch memory grown in vLLM's profile (kernels loaded, NCCL's buffers at tp ≥ 2)";
        t.substituted << "tp " << par.tp << ", pp " << par.pp;
        t.source << "vLLM v0.19 start-up logs on H100 (llm-d-planner accuracy logs); memo-inference.md §1.3";
        return term(ctx, Component::Communication, nt);
    }
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

// PyTorch's caching allocator holds more than its tensors: the tails of segments it split,
// blocks freed but too small or too large for the next request (CUDACachingAllocator.cpp). No
// code gives the amount; published peak ratios of reserved to allocated memory in LLM runs are
// 1.013 and 1.015 (torchtune #1398), 1.03, 1.04 and 1.05 (peft #1469) and 1.024
// (compressed-tensors #587): their median, 1.027, is taken (memo-training.md §6.2).
Term allocator_reserve(const Ctx& ctx, double allocated) {
    const Scenario& s = ctx.s;
    if (!runtime_profile(s.runtime).caching_allocator || s.runtime == Runtime::Vllm)
        return not_held(ctx, Component::AllocatorReserve,
                        s.runtime == Runtime::Vllm ? "vLLM pre-allocates its pool" : "no caching allocator");
    constexpr double kRatio = 0.027;
    ctx.text.formula << "allocated × 0.027  [median reserved ÷ allocated of published LLM runs, less 1]";
    ctx.text.substituted << gb(allocated) << " × 0.027";
    ctx.text.source << "PyTorch CUDACachingAllocator; ratios from torchtune #1398, peft #1469, compressed-tensors #587 "
                       "(memo-training.md §6.2)";
    return term(ctx, Component::AllocatorReserve, allocated * kRatio);
}

}  // namespace headroom::detail
