// Internal to the estimator: what each runtime does that sizes memory, as data with sources.
// The scenario's `runtime` picks one; Runtime::None is the seeds' formulas with no runtime terms.
#pragma once
#include "headroom/scenario.h"

namespace headroom::detail {

// How a runtime's model code computes the loss over the output logits.
enum class LossKind {
    None,           // inference
    Upcast,         // Hugging Face: the logits copied to fp32, log_softmax kept for backward
    VocabParallel,  // Megatron's fused vocab-parallel cross entropy: fp32 exp(logits) kept, in place
};

struct RuntimeProfile {
    Runtime runtime;
    const char* name;          // "PyTorch (Hugging Face Trainer)"
    bool caching_allocator;    // PyTorch's caching allocator: reserved above allocated
    bool eager_norms;          // RMSNorm/LayerNorm in eager PyTorch (fp32 upcast kept) vs fused kernels
    bool expands_gqa;          // K and V repeated to every query head before attention
    LossKind loss;
    bool foreach_optimizer;    // torch.optim's foreach AdamW: one state-sized temporary in the step
    const char* source;        // where these practices are stated
};

const RuntimeProfile& runtime_profile(Runtime r);

}  // namespace headroom::detail
