// vLLM (V1 engine, v0.17 to v0.19): how it sizes its KV-cache pool at start-up
// (tests/calibration/reference/memo-inference.md §1). It requests gpu_memory_utilization of the
// GPU's memory, loads the weights, runs the model once on max_num_batched_tokens tokens and the
// sampler on min(tokens, max_num_seqs) dummy requests, measures the growth of the memory outside
// PyTorch, and gives what is left to the KV cache in blocks of block_size tokens
// (gpu_worker.determine_available_memory; kv_cache_utils.get_num_blocks).
#include <algorithm>
#include <cmath>

#include "headroom/gpu.h"
#include "runtime.h"
#include "terms.h"

namespace headroom::detail {
namespace {

constexpr double GiB = 1024.0 * 1024 * 1024;

// PyTorch's cuBLAS workspace, allocated through its caching allocator at the first GEMM (in the
// profile): ":4096:8" on Hopper, ":4096:2:16:8" before (CublasHandlePool.cpp).
double cublas_workspace(const Scenario& s) {
    const GpuSpec* g = find_gpu(s.gpu);
    return g && g->sm >= 90 ? 32.0 * 1024 * 1024 : (4096.0 * 2 + 16 * 8) * 1024;
}

// fused_moe's workspace (TritonExperts.workspace_shapes), allocated for the profile's tokens and
// kept: T × top-k × (max(f/t, h) + max(2f/t, h)) in the model dtype.
double moe_workspace(const Scenario& s, double tokens, double bytes) {
    const ModelArch& m = s.model;
    if (!is_moe(m)) return 0;
    const double f = double(effective_moe_ffn(m)) / s.parallel.tp, h = m.hidden;
    return tokens * m.experts_active * (std::max(f, h) + std::max(2 * f, h)) * bytes;
}

}  // namespace

double vllm_budget(const Scenario& s) {
    const GpuSpec* g = find_gpu(s.gpu);
    return g ? std::ceil(s.vllm.gpu_memory_utilization * g->usable_bytes) : 0;
}

// The memory outside PyTorch that grows while vLLM profiles (the "non-torch forward increase"
// of v0.19, measured after NCCL's start): kernels loaded lazily at first use, and at tp ≥ 2 the
// NCCL communicator PyTorch creates at its first collective and the buffers NCCL connects on
// the first large all-reduce (memo-inference.md §1.3). Neither is computable from vLLM's code;
// these are the figures its start-up logs print on H100s (llm-d-planner accuracy logs, vLLM
// v0.19): 0.24-0.27 GiB at tp 1, 2.06-2.21 GiB at tp 2 and 4, 0.07 GiB with pipeline stages.
double vllm_non_torch(const Scenario& s) {
    if (s.parallel.tp > 1) return 2.1 * GiB;
    if (s.parallel.pp > 1) return 0.07 * GiB;
    return 0.25 * GiB;
}

// The profile run's peak of PyTorch memory (memo-inference.md §1.2): the forward, one layer's
// intermediates live at a time (residual, attention output and normed input; gate_up and SiLU's
// output), or the sampler on the last pipeline stage: the hidden states kept, the model-dtype
// logits, their fp32 copy, the probabilities and the sampling noise, and the Triton top-k/top-p
// scratch of one row per SM; plus the cuBLAS workspace and the MoE workspace, alive in both.
Term vllm_profile_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    Text& text = ctx.text;
    const GpuSpec* g = find_gpu(s.gpu);
    const double B = dtype_bytes(s.dtypes.activations);
    const int t = s.parallel.tp;
    const double T = double(effective_batched_tokens(s)), R = std::min(double(s.vllm.max_num_seqs), T);
    const double h = m.hidden, v = m.vocab;
    const double f = is_moe(m) ? 0 : double(effective_ffn(m)) / t;
    const double forward = T * (3 * h + 3 * f) * B;
    const bool last_stage = s.parallel.pp == 1;  // the first stage (the busiest in weights) has no sampler
    const double sms = g ? g->sms : 132;
    // From 0.17 the Triton top-k/top-p works in place on the fp32 logits (B + 12 bytes a logit
    // with the probabilities and the noise, and a scratch row per SM); before, PyTorch's sort
    // (B + 36: fp32 copy, sorted values, int64 indices, its temporaries) (memo-inference.md §1.2).
    const bool triton = s.vllm.version.value_or(99) >= 0.17;
    const double per_logit = triton ? B + (B >= 4 ? 8 : 12) : B + 36;
    const double sampler = last_stage ? T * h * B + 2 * R * h * B + R * v * per_logit + (triton ? 4 * sms * v : 0) : 0;
    const double persistent = cublas_workspace(s) + moe_workspace(s, T, B);
    text.formula << "max(forward: T·(3h + 3f/t)·B, sampler: T·h·B + 2R·h·B + R·v·(bytes a logit) + scratch) + cuBLAS "
                 << (is_moe(m) ? "+ MoE workspace " : "") << "[T batched tokens, R = min(T, max_num_seqs)]";
    text.substituted << "max(" << gb(forward) << ", " << gb(sampler) << ") + " << gb(persistent);
    text.source << "vLLM V1 profile_run: _dummy_run and _dummy_sampler_run (gpu_model_runner.py, v0.19), "
                   "apply_top_k_top_p_triton; memo-inference.md §1.2";
    return term(ctx, Component::Activations, std::max(forward, sampler) + persistent);
}

Term vllm_kv_pool(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    Text& text = ctx.text;
    Text off(false);
    const Ctx quiet{s, off, ctx.phase};
    const ParamCounts p = param_counts(s);
    const double budget = vllm_budget(s);
    const double used = weights(quiet, p).bytes + vllm_profile_activations(quiet).bytes + vllm_non_torch(s);
    const double pool = std::max(0.0, budget - used);
    text.formula << "⌈gpu_memory_utilization × usable memory⌉ − weights − profile peak − non-torch growth";
    text.substituted << num(s.vllm.gpu_memory_utilization) << " × " << gb(budget / s.vllm.gpu_memory_utilization)
                     << " − " << gb(used);
    text.source << "vLLM V1 gpu_worker.determine_available_memory (v0.19): requested memory less the profile's "
                   "non-KV memory";
    return term(ctx, Component::KvCache, pool);
}

double vllm_pool_tokens(const Scenario& s, double pool) {
    const double per_token = kv_bytes_per_token(s);
    const double block = std::max(1, s.vllm.block_size);
    if (per_token <= 0) return 0;
    return std::floor(pool / (per_token * block)) * block;
}

// Requests of seq_len tokens the pool holds at once (get_max_concurrency_for_kv_cache_config):
// a windowed layer needs at most window − 1 + max_num_batched_tokens of them.
double vllm_concurrency(const Scenario& s, double pool_tokens) {
    const ModelArch& m = s.model;
    const double block = std::max(1, s.vllm.block_size), len = double(s.seq_len);
    const double L = std::max(1, m.layers);
    const double window = m.sliding_window > 0 ? std::min(len, m.sliding_window - 1.0 + effective_batched_tokens(s))
                                               : len;
    const double global = m.sliding_window > 0 ? std::min<double>(m.global_layers, L) : L;
    const double pages = (global * std::ceil(len / block) + (L - global) * std::ceil(window / block)) / L;
    return pages > 0 ? (pool_tokens / block) / pages : 0;
}

}  // namespace headroom::detail
