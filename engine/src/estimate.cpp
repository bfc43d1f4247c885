// The estimator. Each component is one function that returns its bytes per GPU and writes
// its formula: symbolic text, the same text with the scenario's numbers, and the source.
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
    ctx.text.formula << "fraction × (sum of the above) + fixed";
    ctx.text.substituted << fixed(s.overhead.fraction, 2) << " × " << gb(others) << " + " << gb(s.overhead.bytes);
    ctx.text.source << "Allowance for the CUDA context, the caching allocator's fragmentation, NCCL buffers and kernel "
                       "workspaces; 5-20% in practice (PyTorch CUDA memory-management notes)";
    return term(ctx, Component::Overhead, s.overhead.fraction * others + s.overhead.bytes);
}

// Room for a typical estimate's formula text (about 1 KB; the longest some 2 KB).
constexpr size_t kTypicalFormulaText = 1536;

}  // namespace

Estimate estimate(const Scenario& s) { return estimate(s, EstimateOptions{}); }

Estimate estimate(const Scenario& s, const EstimateOptions& options) {
    Estimate e;
    // The text each component writes, reserved once per estimate and reused by each
    // component; copied into the Estimate's own buffer after each one.
    Text text(options.formulas);
    const Ctx ctx{s, text};
    const ParamCounts p = param_counts(s);
    e.params_total = p.total;
    e.params_active = p.derived > 0 ? p.total * p.active / p.derived : p.total;
    e.params_trainable = p.trainable;

    if (options.formulas) e.formulas.reserve_text(kTypicalFormulaText);
    auto add = [&](const Term& t) {
        const int i = static_cast<int>(t.component);
        e.bytes[i] = t.bytes;
        e.host[i] = t.host;
        if (options.formulas)
            e.formulas.push_back(t.component, text.formula.view(), text.substituted.view(), text.source.view());
        text.clear();
        return t;
    };
    // In kAllComponents order: a braced list is evaluated left to right.
    const Term terms[] = {add(weights(ctx, p)),           add(master_weights(ctx, p)), add(gradients(ctx, p)),
                          add(optimizer_states(ctx, p)), add(activations(ctx)),       add(kv_cache(ctx))};
    double others = 0;
    for (const Term& t : terms) {
        e.host_total += t.host;
        others += t.bytes;
    }
    e.total = others + add(overhead(ctx, others)).bytes;

    if (options.fits)
        for (const GpuSpec& g : gpu_catalogue())
            e.fits.push_back({g.id, g.name, g.capacity_bytes, e.total <= g.capacity_bytes, g.capacity_bytes - e.total});
    return e;
}

}  // namespace headroom
