// Model states: weights, master weights, gradients and optimizer states, each one function
// returning its bytes per GPU (and in host memory, when offloaded) with its cited formula.
#include <algorithm>
#include <cmath>

#include "headroom/format.h"
#include "terms.h"

namespace headroom::detail {

std::string gb(double bytes) { return format_gb(bytes, 2); }
std::string num(double v) { return format_count(v); }
std::string bytes_each(DType t) { return format_count(dtype_bytes(t)) + " B"; }

Term term(Component c, double bytes, Text x) {
    return {bytes, 0,
            Formula{c, std::move(x.formula), std::move(x.substituted) + " = " + gb(bytes), std::move(x.source)}};
}
Term host_term(Component c, double host_bytes, Text x) {
    return {0, host_bytes,
            Formula{c, std::move(x.formula) + "  [in host memory]",
                    std::move(x.substituted) + " = " + gb(host_bytes) + " in host memory, 0 on the GPU",
                    std::move(x.source) + "; offload: " + kZeroOffload}};
}
Term not_held(const Ctx& ctx, Component c, const char* why) {
    return ctx.text ? Term{0, 0, Formula{c, "0", why, ""}} : Term{0, 0, Formula{c, {}, {}, {}}};
}

ParamCounts param_counts(const Scenario& s) {
    const ModelArch& m = s.model;
    ParamCounts p;
    p.total = total_params(m);
    const double derived = derived_params(m);
    // A given `params` overrides the count; the architecture still says which share is experts.
    const double scale = derived > 0 ? p.total / derived : 0;
    p.expert = derived_expert_params(m) * scale;
    const bool adapters = s.finetune != Finetune::Full;
    if (adapters) {
        p.adapters = lora_params(m, s.lora.rank, s.lora.modules);
        p.adapters_expert = lora_params(m, s.lora.rank, s.lora.modules, /*experts_only=*/true);
    }
    if (training(s)) {
        p.trainable = adapters ? p.adapters : p.total;
        p.trainable_expert = adapters ? p.adapters_expert : p.expert;
        if (s.optimizer == Optimizer::Adafactor)
            p.factored = adapters ? lora_factored_elements(m, s.lora.rank, s.lora.modules)
                                  : factored_state_elements(m) * scale;
    }
    return p;
}

Shard shard(const Ctx& ctx, int stage, double n, double n_expert, const char* symbol) {
    const Parallel& p = ctx.s.parallel;
    const bool zero = p.zero >= stage && p.dp > 1;
    const double common = double(p.tp) * p.pp * (zero ? p.dp : 1);
    // Without ZeRO the routed experts are still spread over ep ranks (each holds experts/ep of
    // them); with ZeRO at this stage they are already split over all dp ranks, ep included.
    const bool by_ep = !zero && p.ep > 1 && n_expert > 0;
    Shard out{(n - n_expert) / common + (by_ep ? n_expert / (common * p.ep) : n_expert / common), "", ""};
    if (!ctx.text) return out;
    std::string text, sub;
    auto add = [&](const char* name, int v) {
        if (v == 1) return;
        text += (text.empty() ? "" : " × ") + std::string(name);
        sub += (sub.empty() ? "" : " × ") + std::to_string(v);
    };
    add("tp", p.tp);
    add("pp", p.pp);
    if (zero) add("dp", p.dp);
    if (by_ep) {
        out.text = "(" + std::string(symbol) + "_dense + " + symbol + "_experts/ep)";
        out.substituted = "(" + num(n - n_expert) + " + " + num(n_expert) + "/" + std::to_string(p.ep) + ")";
    } else {
        out.text = symbol;
        out.substituted = num(n);
    }
    if (!text.empty()) {
        out.text += " ÷ (" + text + ")";
        out.substituted += " ÷ (" + sub + ")";
    }
    return out;
}

std::string zero_source(const Scenario& s) {
    return s.parallel.zero > 0 && s.parallel.dp > 1 ? std::string("; sharding: ") + kZero : "";
}

namespace {

// QLoRA stores the frozen base in 4-bit NormalFloat with double-quantised block constants:
// 4 bits + 0.127 bits per parameter (Dettmers et al. 2023, §3: 8/64 + 32/(64·256)).
constexpr double kNf4BytesPerParam = (4.0 + 8.0 / 64 + 32.0 / (64 * 256)) / 8;

}  // namespace

Term weights(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    const DType wt = s.dtypes.weights;
    const bool qlora = s.finetune == Finetune::Qlora;
    const double base_bytes = qlora ? kNf4BytesPerParam : dtype_bytes(wt);
    auto base_text = [&] { return qlora ? std::string("0.516 B (NF4 + double-quantised constants)") : bytes_each(wt); };
    const Shard base = shard(ctx, 3, p.total, p.expert, "N");

    if (s.offload.params) {
        // ZeRO-Infinity: the weights live in host memory; the GPU holds the largest block being
        // computed (a layer, or the embedding) and the next one being prefetched, gathered
        // whole (÷ tp only). A given `params` scales the architecture's block.
        const double derived = derived_params(s.model);
        const double layer = derived > 0 ? derived_largest_block(s.model) * p.total / derived : 0;
        const double gpu = 2 * layer * base_bytes / s.parallel.tp;
        Term t = term(ctx, Component::Weights, gpu, [&] {
            return Text{"2 × N_block × bytes(weights) ÷ tp  [working set: largest layer or embedding; the rest in host memory]",
                        "2 × " + num(layer) + " × " + base_text() + (s.parallel.tp > 1 ? " ÷ " + std::to_string(s.parallel.tp) : ""),
                        kZeroInfinity};
        });
        t.host = base.count * base_bytes + shard(ctx, 3, p.adapters, p.adapters_expert, "N").count * dtype_bytes(wt);
        if (ctx.text) t.formula.substituted += "; host: " + base.substituted + " × " + base_text() + " = " + gb(t.host);
        return t;
    }
    if (s.finetune == Finetune::Full)
        return term(ctx, Component::Weights, base.count * base_bytes, [&] {
            return Text{base.text + " × bytes(weights)", base.substituted + " × " + base_text(),
                        kTransformerMath + zero_source(s)};
        });
    const Shard lora = shard(ctx, 3, p.adapters, p.adapters_expert, "N_lora");
    return term(ctx, Component::Weights, base.count * base_bytes + lora.count * dtype_bytes(wt), [&] {
        return Text{base.text + " × " + (qlora ? "bytes(NF4)" : "bytes(weights)") + " + " + lora.text + " × bytes(weights)",
                    base.substituted + " × " + base_text() + " + " + lora.substituted + " × " + bytes_each(wt),
                    std::string(qlora ? kQlora : kLora) + "; N_lora = r·(rows + cols) per adapted projection" +
                        zero_source(s)};
    });
}

Term master_weights(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (!training(s)) return not_held(ctx, Component::MasterWeights, "inference keeps no master copy");
    if (!s.dtypes.master_weights) return not_held(ctx, Component::MasterWeights, "master weights: none");
    const DType t = *s.dtypes.master_weights;
    const Shard sh = shard(ctx, 1, p.trainable, p.trainable_expert, "N_trainable");
    return state_term(ctx, Component::MasterWeights, s.offload.optimizer, sh.count * dtype_bytes(t), [&] {
        return Text{sh.text + " × bytes(master)", sh.substituted + " × " + bytes_each(t), kTransformerMath + zero_source(s)};
    });
}

Term gradients(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (!training(s)) return not_held(ctx, Component::Gradients, "inference computes no gradients");
    const Shard sh = shard(ctx, 2, p.trainable, p.trainable_expert, "N_trainable");
    // ZeRO-Offload moves the reduced gradient partition to the host as it is produced; the GPU
    // keeps only the reduce buckets, which the overhead allowance covers.
    return state_term(ctx, Component::Gradients, s.offload.optimizer, sh.count * dtype_bytes(s.dtypes.gradients), [&] {
        return Text{sh.text + " × bytes(gradients)", sh.substituted + " × " + bytes_each(s.dtypes.gradients),
                    kTransformerMath + zero_source(s)};
    });
}

namespace {

struct OptimizerStates {
    double elements_per_param;  // state elements per trainable parameter (Adafactor: computed)
    double bytes_each;          // bytes per state element
    const char* what;
    const char* source;
};

OptimizerStates optimizer_states_of(const Scenario& s, const ParamCounts& p) {
    const double state = dtype_bytes(s.dtypes.optimizer_state);
    switch (s.optimizer) {
        case Optimizer::AdamW:
            return {2, state, "AdamW keeps momentum m and variance v", kTransformerMath};
        case Optimizer::AdamW8bit:
            return {2, 1, "8-bit AdamW keeps m and v block-quantised to 1 byte",
                    "Dettmers et al. 2022, 8-bit Optimizers via Block-wise Quantization"};
        case Optimizer::SgdMomentum:
            return {1, state, "SGD with momentum keeps one momentum buffer", kTransformerMath};
        case Optimizer::Sgd:
            return {0, state, "plain SGD keeps no state", kTransformerMath};
        case Optimizer::Lion:
            return {1, state, "Lion keeps only the momentum",
                    "Chen et al. 2023, Symbolic Discovery of Optimization Algorithms (Lion), §2"};
        case Optimizer::Adafactor:
            return {p.trainable > 0 ? p.factored / p.trainable : 0, state,
                    "Adafactor keeps a row and a column second-moment accumulator per matrix, no momentum",
                    "Shazeer & Stern 2018, Adafactor: Adaptive Learning Rates with Sublinear Memory Cost, §3"};
    }
    return {0, 0, "", ""};
}

}  // namespace

Term optimizer_states(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (!training(s)) return not_held(ctx, Component::OptimizerStates, "inference runs no optimizer");
    const OptimizerStates o = optimizer_states_of(s, p);
    if (o.elements_per_param == 0) return not_held(ctx, Component::OptimizerStates, o.what);
    const Shard sh = shard(ctx, 1, p.trainable, p.trainable_expert, "N_trainable");
    const double bytes = sh.count * o.elements_per_param * o.bytes_each;
    const bool factored = s.optimizer == Optimizer::Adafactor;
    return state_term(ctx, Component::OptimizerStates, s.offload.optimizer, bytes, [&] {
        return Text{factored ? sh.text + " × (Σ(rows + cols) / N_trainable) × bytes(state)"
                             : sh.text + " × states × bytes(state)",
                    sh.substituted + " × " +
                        (factored ? format_fixed(o.elements_per_param, 6) : num(o.elements_per_param)) + " × " +
                        format_count(o.bytes_each) + " B",
                    std::string(o.source) + " (" + o.what + ")" + zero_source(s)};
    });
}

}  // namespace headroom::detail
