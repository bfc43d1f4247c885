// Model states: weights, master weights, gradients and optimizer states, each one function
// returning its bytes per GPU (and in host memory, when offloaded) with its cited formula.
#include <algorithm>
#include <cmath>

#include "headroom/format.h"
#include "terms.h"

namespace headroom::detail {

Term term(const Ctx& ctx, Component c, double bytes) {
    ctx.text.substituted << " = " << gb(bytes);
    return {c, bytes, 0};
}
Term state_term(const Ctx& ctx, Component c, bool in_host, double bytes) {
    if (!in_host) return term(ctx, c, bytes);
    ctx.text.formula << "  [in host memory]";
    ctx.text.substituted << " = " << gb(bytes) << " in host memory, 0 on the GPU";
    ctx.text.source << "; offload: " << kZeroOffload;
    return {c, 0, bytes};
}
Term not_held(const Ctx& ctx, Component c, const char* why) {
    ctx.text.formula << "0";
    ctx.text.substituted << why;
    return {c, 0, 0};
}

ParamCounts param_counts(const Scenario& s) {
    const ModelArch& m = s.model;
    const std::vector<Matrix> matrices = weight_matrices(m);
    ParamCounts p;
    p.derived = derived_params(matrices);
    p.active = derived_active_params(m, matrices);
    p.total = m.params > 0 ? m.params : p.derived;  // total_params
    // A given `params` overrides the count; the architecture still says which share is experts.
    const double scale = p.derived > 0 ? p.total / p.derived : 0;
    p.expert = derived_expert_params(matrices) * scale;
    const bool adapters = s.finetune != Finetune::Full;
    if (adapters) {
        p.adapters = lora_params(matrices, s.lora.rank, s.lora.modules);
        p.adapters_expert = lora_params(matrices, s.lora.rank, s.lora.modules, /*experts_only=*/true);
    }
    if (training(s)) {
        p.trainable = adapters ? p.adapters : p.total;
        p.trainable_expert = adapters ? p.adapters_expert : p.expert;
        if (s.optimizer == Optimizer::Adafactor)
            p.factored = adapters ? lora_factored_elements(matrices, s.lora.rank, s.lora.modules)
                                  : factored_state_elements(matrices) * scale;
    }
    return p;
}

Shard shard(const Scenario& s, int stage, double n, double n_expert, const char* symbol) {
    const Parallel& p = s.parallel;
    const bool zero = p.zero >= stage && p.dp > 1;
    const double common = double(p.tp) * p.pp * (zero ? p.dp : 1);
    // Without ZeRO the routed experts are still spread over ep ranks (each holds experts/ep of
    // them); with ZeRO at this stage they are already split over all dp ranks, ep included.
    const bool by_ep = !zero && p.ep > 1 && n_expert > 0;
    const double count = (n - n_expert) / common + (by_ep ? n_expert / (common * p.ep) : n_expert / common);
    return {count, symbol, n, n_expert, p, zero, by_ep};
}

namespace {

// " ÷ (tp × pp × dp)" over the ranks above 1, by name or by number; nothing when there are none.
void write_ranks(Part& out, const Shard& sh, bool numbers) {
    const Parallel& p = sh.parallel;
    bool first = true;
    auto rank = [&](const char* name, int v) {
        if (v == 1) return;
        out << (first ? " ÷ (" : " × ");
        if (numbers) out << v;
        else out << name;
        first = false;
    };
    rank("tp", p.tp);
    rank("pp", p.pp);
    if (sh.zero) rank("dp", p.dp);
    if (!first) out << ")";
}

}  // namespace

Part& operator<<(Part& out, Shard::Symbols x) {
    const Shard& sh = x.shard;
    if (sh.by_ep) out << "(" << sh.symbol << "_dense + " << sh.symbol << "_experts/ep)";
    else out << sh.symbol;
    write_ranks(out, sh, false);
    return out;
}

Part& operator<<(Part& out, Shard::Numbers x) {
    const Shard& sh = x.shard;
    if (sh.by_ep) out << "(" << num(sh.n - sh.n_expert) << " + " << num(sh.n_expert) << "/" << sh.parallel.ep << ")";
    else out << num(sh.n);
    write_ranks(out, sh, true);
    return out;
}

ZeroSource zero_source(const Scenario& s) { return {s.parallel.zero > 0 && s.parallel.dp > 1}; }
Part& operator<<(Part& out, ZeroSource z) {
    if (z.sharded) out << "; sharding: " << kZero;
    return out;
}

namespace {

// QLoRA stores the frozen base in 4-bit NormalFloat with double-quantised block constants:
// 4 bits + 0.127 bits per parameter (Dettmers et al. 2023, §3: 8/64 + 32/(64·256)).
constexpr double kNf4BytesPerParam = (4.0 + 8.0 / 64 + 32.0 / (64 * 256)) / 8;

// Bytes per frozen base weight: NF4's for QLoRA, else the weights' dtype.
struct BaseEach { bool qlora; DType weights; };
Part& operator<<(Part& out, BaseEach b) {
    if (b.qlora) return out << "0.516 B (NF4 + double-quantised constants)";
    return out << bytes_each(b.weights);
}

}  // namespace

Term weights(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    Text& t = ctx.text;
    const DType wt = s.dtypes.weights;
    const bool qlora = s.finetune == Finetune::Qlora;
    const double base_bytes = qlora ? kNf4BytesPerParam : dtype_bytes(wt);
    const BaseEach base_each{qlora, wt};
    const Shard base = shard(s, 3, p.total, p.expert, "N");

    if (s.offload.params) {
        // ZeRO-Infinity: the weights live in host memory; the GPU holds the largest block being
        // computed (a layer, or the embedding) and the next one being prefetched, gathered
        // whole (÷ tp only). A given `params` scales the architecture's block.
        const double layer = p.derived > 0 ? derived_largest_block(s.model) * p.total / p.derived : 0;
        const double gpu = 2 * layer * base_bytes / s.parallel.tp;
        t.formula << "2 × N_block × bytes(weights) ÷ tp  [working set: largest layer or embedding; the rest in host memory]";
        t.substituted << "2 × " << num(layer) << " × " << base_each;
        if (s.parallel.tp > 1) t.substituted << " ÷ " << s.parallel.tp;
        t.source << kZeroInfinity;
        Term on_gpu = term(ctx, Component::Weights, gpu);
        on_gpu.host = base.count * base_bytes + shard(s, 3, p.adapters, p.adapters_expert, "N").count * dtype_bytes(wt);
        t.substituted << "; host: " << base.numbers() << " × " << base_each << " = " << gb(on_gpu.host);
        return on_gpu;
    }
    if (s.finetune == Finetune::Full) {
        t.formula << base.symbols() << " × bytes(weights)";
        t.substituted << base.numbers() << " × " << base_each;
        t.source << kTransformerMath << zero_source(s);
        return term(ctx, Component::Weights, base.count * base_bytes);
    }
    const Shard lora = shard(s, 3, p.adapters, p.adapters_expert, "N_lora");
    t.formula << base.symbols() << " × " << (qlora ? "bytes(NF4)" : "bytes(weights)") << " + " << lora.symbols()
              << " × bytes(weights)";
    t.substituted << base.numbers() << " × " << base_each << " + " << lora.numbers() << " × " << bytes_each(wt);
    t.source << (qlora ? kQlora : kLora) << "; N_lora = r·(rows + cols) per adapted projection" << zero_source(s);
    return term(ctx, Component::Weights, base.count * base_bytes + lora.count * dtype_bytes(wt));
}

Term master_weights(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (!training(s)) return not_held(ctx, Component::MasterWeights, "inference keeps no master copy");
    if (!s.dtypes.master_weights) return not_held(ctx, Component::MasterWeights, "master weights: none");
    const DType type = *s.dtypes.master_weights;
    const Shard sh = shard(s, 1, p.trainable, p.trainable_expert, "N_trainable");
    ctx.text.formula << sh.symbols() << " × bytes(master)";
    ctx.text.substituted << sh.numbers() << " × " << bytes_each(type);
    ctx.text.source << kTransformerMath << zero_source(s);
    return state_term(ctx, Component::MasterWeights, s.offload.optimizer, sh.count * dtype_bytes(type));
}

Term gradients(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (!training(s)) return not_held(ctx, Component::Gradients, "inference computes no gradients");
    const Shard sh = shard(s, 2, p.trainable, p.trainable_expert, "N_trainable");
    ctx.text.formula << sh.symbols() << " × bytes(gradients)";
    ctx.text.substituted << sh.numbers() << " × " << bytes_each(s.dtypes.gradients);
    ctx.text.source << kTransformerMath << zero_source(s);
    // ZeRO-Offload moves the reduced gradient partition to the host as it is produced; the GPU
    // keeps only the reduce buckets, which the overhead allowance covers.
    return state_term(ctx, Component::Gradients, s.offload.optimizer, sh.count * dtype_bytes(s.dtypes.gradients));
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
    const Shard sh = shard(s, 1, p.trainable, p.trainable_expert, "N_trainable");
    const bool factored = s.optimizer == Optimizer::Adafactor;
    Text& t = ctx.text;
    t.formula << sh.symbols()
              << (factored ? " × (Σ(rows + cols) / N_trainable) × bytes(state)" : " × states × bytes(state)");
    t.substituted << sh.numbers() << " × ";
    if (factored) t.substituted << fixed(o.elements_per_param, 6);
    else t.substituted << num(o.elements_per_param);
    t.substituted << " × " << num(o.bytes_each) << " B";
    t.source << o.source << " (" << o.what << ")" << zero_source(s);
    return state_term(ctx, Component::OptimizerStates, s.offload.optimizer,
                      sh.count * o.elements_per_param * o.bytes_each);
}

}  // namespace headroom::detail
