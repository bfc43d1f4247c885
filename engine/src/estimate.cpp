// The estimator. Each component is one function that returns its bytes per GPU together
// with its formula: symbolic text, the same text with the scenario's numbers, and the source.
// Model states live in model_states.cpp, activations in activations.cpp, the KV cache in
// kv_cache.cpp; the overhead and the sum are here. This is the only place memory is computed.
#include <algorithm>
#include <cmath>

#include "headroom/estimate.h"
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
        case Component::Overhead: return "Overhead";
    }
    return "?";
}

namespace {

using namespace detail;

// [SECTION] overhead

Term overhead(const Ctx& ctx, double others) {
    const Scenario& s = ctx.s;
    const double bytes = s.overhead.fraction * others + s.overhead.bytes;
    return term(ctx, Component::Overhead, bytes, [&] {
        return Text{"fraction × (sum of the above) + fixed",
                    format_fixed(s.overhead.fraction, 2) + " × " + gb(others) + " + " + gb(s.overhead.bytes),
                    "Allowance for the CUDA context, the caching allocator's fragmentation, NCCL buffers and kernel "
                    "workspaces; 5-20% in practice (PyTorch CUDA memory-management notes)"};
    });
}

}  // namespace

Estimate estimate(const Scenario& s) { return estimate(s, EstimateOptions{}); }

Estimate estimate(const Scenario& s, const EstimateOptions& options) {
    Estimate e;
    const Ctx ctx{s, options.formulas};
    const ModelArch& m = s.model;
    const ParamCounts p = param_counts(s);
    e.params_total = p.total;
    const double derived = derived_params(m);
    e.params_active = derived > 0 ? e.params_total * derived_active_params(m) / derived : e.params_total;
    e.params_trainable = p.trainable;

    const Term terms[] = {weights(ctx, p),  master_weights(ctx, p), gradients(ctx, p), optimizer_states(ctx, p),
                          activations(ctx), kv_cache(ctx)};
    if (options.formulas) e.formulas.reserve(kComponentCount);
    double others = 0;
    for (const Term& t : terms) {
        const int i = static_cast<int>(t.formula.component);
        e.bytes[i] = t.bytes;
        e.host[i] = t.host;
        e.host_total += t.host;
        if (options.formulas) e.formulas.push_back(t.formula);
        others += t.bytes;
    }
    const Term o = overhead(ctx, others);
    e.bytes[static_cast<int>(Component::Overhead)] = o.bytes;
    if (options.formulas) e.formulas.push_back(o.formula);
    e.total = others + o.bytes;

    if (options.fits)
        for (const GpuSpec& g : gpu_catalogue())
            e.fits.push_back({g.id, g.name, g.capacity_bytes, e.total <= g.capacity_bytes, g.capacity_bytes - e.total});
    return e;
}

}  // namespace headroom
