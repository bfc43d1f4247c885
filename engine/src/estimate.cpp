// The estimator. Each component is one function that returns its bytes per GPU and writes
// its formula: symbolic text, the same text with the scenario's numbers, and the source.
// Model states live in model_states.cpp, activations in activations.cpp, the KV cache in
// kv_cache.cpp; the overhead and the sum are here. This is the only place memory is computed.
#include <algorithm>
#include <cmath>

#include "headroom/estimate.h"

#include "headroom/calibration.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "terms.h"

namespace headroom {

std::string_view component_id(Component c) {
    switch (c) {
        case Component::Weights: return "weights";
        case Component::MasterWeights: return "master_weights";
        case Component::Gradients: return "gradients";
        case Component::OptimizerStates: return "optimizer_states";
        case Component::Activations: return "activations";
        case Component::KvCache: return "kv_cache";
        case Component::Temporaries: return "temporaries";
        case Component::Workspaces: return "workspaces";
        case Component::CudaGraphs: return "cuda_graphs";
        case Component::AllocatorReserve: return "allocator_reserve";
        case Component::Communication: return "communication";
        case Component::CudaContext: return "cuda_context";
        case Component::Overhead: return "overhead";
    }
    return "?";
}

std::string_view component_label(Component c) {
    switch (c) {
        case Component::Weights: return "Weights";
        case Component::MasterWeights: return "Master weights";
        case Component::Gradients: return "Gradients";
        case Component::OptimizerStates: return "Optimizer states";
        case Component::Activations: return "Activations";
        case Component::KvCache: return "KV cache";
        case Component::Temporaries: return "Temporaries";
        case Component::Workspaces: return "Workspaces";
        case Component::CudaGraphs: return "CUDA graphs";
        case Component::AllocatorReserve: return "Allocator reserve";
        case Component::Communication: return "Communication buffers";
        case Component::CudaContext: return "CUDA context";
        case Component::Overhead: return "Overhead";
    }
    return "?";
}

int listed_components(const Scenario& s) { return s.runtime == Runtime::None ? kSeedComponentCount : kComponentCount; }
bool is_listed(const Scenario& s, Component c) {
    if (s.runtime != Runtime::None) return true;
    switch (c) {
        case Component::Temporaries:
        case Component::Workspaces:
        case Component::CudaGraphs:
        case Component::AllocatorReserve:
        case Component::Communication:
        case Component::CudaContext: return false;
        default: return true;
    }
}

Level component_level(Component c) {
    switch (c) {
        case Component::CudaGraphs:
        case Component::AllocatorReserve: return Level::Reserved;
        case Component::Communication:
        case Component::CudaContext:
        case Component::Overhead: return Level::Device;
        default: return Level::Allocated;
    }
}

Formula Formulas::operator[](size_t i) const {
    const Entry& e = entries_[i];
    const std::string_view text = text_;
    return {e.component, text.substr(e.formula, e.substituted - e.formula),
            text.substr(e.substituted, e.source - e.substituted), text.substr(e.source, e.end - e.source)};
}

void Formulas::push_back(Component c, std::string_view formula, std::string_view substituted, std::string_view source) {
    if (size_ == entries_.size()) return;
    Entry& e = entries_[size_++];
    e.component = c;
    e.formula = text_.size();
    text_.append(formula);
    e.substituted = text_.size();
    text_.append(substituted);
    e.source = text_.size();
    text_.append(source);
    e.end = text_.size();
}

namespace {

using namespace detail;

// [SECTION] overhead

Term overhead(const Ctx& ctx, double others) {
    const Scenario& s = ctx.s;
    const double fraction = effective_overhead_fraction(s);
    ctx.text.formula << "fraction × (sum of the above) + fixed";
    ctx.text.substituted << fixed(fraction, 2) << " × " << gb(others) << " + " << gb(s.overhead.bytes);
    if (with_runtime(s))
        ctx.text.source << "An allowance for what the runtime's terms above leave out; 0 by default with a runtime, "
                           "whose context, workspaces, buffers and allocator are modelled";
    else
        ctx.text.source << "Allowance for the CUDA context, the caching allocator's fragmentation, NCCL buffers and "
                           "kernel workspaces; 5-20% in practice (PyTorch CUDA memory-management notes)";
    return term(ctx, Component::Overhead, fraction * others + s.overhead.bytes);
}

// [SECTION] the peak's moment

// The moments a runtime's peak may fall in: training's backward pass or optimizer step;
// inference's prefill or last decode step. Without a runtime there is one (the seeds' sum).
struct Moments {
    Phase list[2];
    int count;
};
Moments moments(const Scenario& s) {
    if (!with_runtime(s)) return {{s.mode == Mode::Training ? Phase::Backward : Phase::Decode}, 1};
    if (s.mode == Mode::Training)
        return s.optimizer_in_backward ? Moments{{Phase::Backward}, 1} : Moments{{Phase::Backward, Phase::OptimizerStep}, 2};
    if (s.runtime == Runtime::HfTransformers) return {{Phase::Prefill, Phase::Decode}, 2};
    return {{Phase::Decode}, 1};
}

// Bytes held by tensors at a moment (Level::Allocated), without any text.
double allocated_at(const Scenario& s, const ParamCounts& p, Phase phase) {
    Text off(false);
    const Ctx ctx{s, off, phase};
    double sum = 0;
    for (const Term& t : {weights(ctx, p), master_weights(ctx, p), gradients(ctx, p), optimizer_states(ctx, p),
                          activations(ctx), kv_cache(ctx), temporaries(ctx, p), workspaces(ctx)})
        sum += t.bytes;
    return sum;
}

// Room for a typical estimate's formula text (about 1 KB; the longest some 2 KB).
constexpr size_t kTypicalFormulaText = 1536;

}  // namespace

Estimate estimate(const Scenario& s) { return estimate(s, EstimateOptions{}); }

Estimate estimate(const Scenario& s, const EstimateOptions& options) {
    Estimate e;
    const ParamCounts p = param_counts(s);
    e.params_total = p.total;
    e.params_active = p.derived > 0 ? p.total * p.active / p.derived : p.total;
    e.params_trainable = p.trainable;

    // The moment of the peak: the one that holds the most.
    const Moments m = moments(s);
    Phase phase = m.list[0];
    if (m.count > 1 && allocated_at(s, p, m.list[1]) > allocated_at(s, p, m.list[0])) phase = m.list[1];
    e.phase = phase;

    // The text each component writes, reserved once per estimate and reused by each
    // component; copied into the Estimate's own buffer after each one.
    Text text(options.formulas);
    const Ctx ctx{s, text, phase};
    if (options.formulas) e.formulas.reserve_text(kTypicalFormulaText);
    double by_level[3] = {0, 0, 0};
    auto add = [&](const Term& t) {
        const int i = static_cast<int>(t.component);
        e.bytes[i] = t.bytes;
        e.host[i] = t.host;
        e.host_total += t.host;
        by_level[static_cast<int>(component_level(t.component))] += t.bytes;
        if (options.formulas)
            e.formulas.push_back(t.component, text.formula.view(), text.substituted.view(), text.source.view());
        text.clear();
    };
    // In kAllComponents order.
    add(weights(ctx, p));
    add(master_weights(ctx, p));
    add(gradients(ctx, p));
    add(optimizer_states(ctx, p));
    add(activations(ctx));
    add(kv_cache(ctx));
    if (with_runtime(s)) {
        add(temporaries(ctx, p));
        add(workspaces(ctx));
        add(cuda_graphs(ctx));
        add(allocator_reserve(ctx, by_level[0]));
        add(communication(ctx));
        add(cuda_context(ctx));
    }
    add(overhead(ctx, by_level[0] + by_level[1] + by_level[2]));
    if (s.runtime == Runtime::Vllm) {
        e.kv_pool_tokens = vllm_pool_tokens(s, e[Component::KvCache]);
        e.max_concurrency = vllm_concurrency(s, e.kv_pool_tokens);
    }
    e.allocated = by_level[0];
    e.reserved = by_level[0] + by_level[1];
    e.total = e.reserved + by_level[2];

    if (options.fits)
        for (const GpuSpec& g : gpu_catalogue())
            e.fits.push_back({g.id, g.name, g.capacity_bytes, e.total <= g.capacity_bytes, g.capacity_bytes - e.total});
    e.calibration = calibration_for(s);
    return e;
}

}  // namespace headroom
