// vLLM (V1 engine): how it sizes its KV-cache pool at start-up. It takes gpu_memory_utilization
// of the GPU's memory, loads the weights, runs the model once on max_num_batched_tokens tokens
// and the sampler on max_num_seqs sequences to measure the activation peak, measures the memory
// outside PyTorch, and gives what is left to the KV cache in blocks of block_size tokens
// (vllm/v1/worker/gpu_worker.py determine_available_memory; kv_cache_utils.py).
#include <algorithm>
#include <cmath>

#include "headroom/gpu.h"
#include "runtime.h"
#include "terms.h"

namespace headroom::detail {

double vllm_budget(const Scenario& s) {
    const GpuSpec* g = find_gpu(s.gpu);
    return g ? s.vllm.gpu_memory_utilization * g->usable_bytes : 0;
}

// The profile run: the model on max_num_batched_tokens tokens, one layer's intermediates live
// at a time (the MLP's gate and up projections, SiLU's output; q, k, v), then the sampler on
// min(max_num_seqs, tokens) sequences' logits in fp32. The last pipeline stage runs the
// sampler; the first (the busiest in weights) does not.
Term vllm_profile_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    Text& text = ctx.text;
    const double a = dtype_bytes(s.dtypes.activations);
    const int t = s.parallel.tp;
    const double tokens = double(effective_batched_tokens(s));
    const double h = m.hidden, q = double(m.heads) * effective_head_dim(m) / t;
    const double kv = std::max(1.0, std::ceil(double(effective_kv_heads(m)) / t)) * effective_head_dim(m);
    const double f = (is_moe(m) ? double(m.experts_active + m.shared_experts) * effective_moe_ffn(m)
                                : double(effective_ffn(m))) / t;
    const double layer = tokens * a * ((m.gated_ffn ? 3 * f : 2 * f) + q + 2 * kv + 3 * h);
    const double seqs = std::min(double(s.vllm.max_num_seqs), tokens);
    // The sampler's logits: the output layer's in the model dtype, their fp32 copy, and the
    // sort top-k/top-p sampling runs over them (fp32 values and int64 indices).
    constexpr double kSamplerBytes = 2 + 4 + 4 + 8;
    const double sampler = s.parallel.pp > 1 ? 0 : seqs * double(m.vocab) * kSamplerBytes / t;
    text.formula << "max_num_batched_tokens × one layer's intermediates + min(max_num_seqs, tokens) × vocab × "
                    "(logits, fp32 copy, sorted values and indices)";
    text.substituted << num(tokens) << " × " << num(layer / tokens) << " B + " << num(seqs) << " × " << num(m.vocab)
                     << " × " << num(kSamplerBytes) << " B";
    if (t > 1) text.substituted << " ÷ " << t;
    text.source << "vLLM V1 profile_run (gpu_model_runner.py _dummy_run, _dummy_sampler_run): the activation peak it "
                   "reserves";
    return term(ctx, Component::Activations, layer + sampler);
}

Term vllm_kv_pool(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    Text& text = ctx.text;
    Text off(false);
    const Ctx quiet{s, off, ctx.phase};
    const ParamCounts p = param_counts(s);
    const double budget = vllm_budget(s);
    const double used = weights(quiet, p).bytes + vllm_profile_activations(quiet).bytes +
                        workspaces(quiet).bytes + communication(quiet).bytes;
    const double pool = std::max(0.0, budget - used);
    text.formula << "gpu_memory_utilization × usable memory − weights − activation peak − non-torch memory";
    text.substituted << num(s.vllm.gpu_memory_utilization) << " × " << gb(budget / s.vllm.gpu_memory_utilization)
                     << " − " << gb(used);
    text.source << "vLLM V1 gpu_worker.determine_available_memory: requested memory less the profile's non-KV memory";
    return term(ctx, Component::KvCache, pool);
}

double vllm_pool_tokens(const Scenario& s, double pool) {
    const double per_token = kv_bytes_per_token(s);
    const double block = std::max(1, s.vllm.block_size);
    if (per_token <= 0) return 0;
    return std::floor(pool / (per_token * block)) * block;
}

}  // namespace headroom::detail
