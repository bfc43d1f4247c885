// The estimator. Each component is one function that returns its bytes per GPU together
// with its formula: symbolic text, the same text with the scenario's numbers, and the source.
// This is the only place memory is computed; every front prints from here.
#include <algorithm>
#include <cmath>

#include "headroom/estimate.h"
#include "headroom/format.h"
#include "headroom/gpu.h"

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

constexpr const char* kTransformerMath = "EleutherAI, Transformer Math 101 (Anthony, Biderman, Schoelkopf 2023)";
constexpr const char* kZero = "Rajbhandari et al. 2020, ZeRO: Memory Optimizations Toward Training Trillion Parameter Models, §5";
constexpr const char* kKorthikanti = "Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models, §4 and Table 2";

struct Term {
    double bytes = 0;
    Formula formula;
};

std::string gb(double bytes) { return format_gb(bytes, 2); }
std::string num(double v) { return format_count(v); }
std::string bytes_each(DType t) { return format_count(dtype_bytes(t)) + " B"; }

Term term(Component c, double bytes, std::string formula, std::string substituted, std::string source) {
    return {bytes, Formula{c, std::move(formula), std::move(substituted) + " = " + gb(bytes), std::move(source)}};
}
Term not_held(Component c, std::string why) { return {0, Formula{c, "0", std::move(why), ""}}; }

bool training(const Scenario& s) { return s.mode == Mode::Training; }

// Every weight-shaped tensor is split over tensor and pipeline ranks, and over data-parallel
// ranks once the ZeRO stage reaches `stage` (1: optimizer states and master weights,
// 2: + gradients, 3: + weights).
struct Sharding {
    double factor;
    std::string text;        // "tp × pp × dp"
    std::string substituted; // "2 × 1 × 8"
};

Sharding sharding(const Scenario& s, int zero_stage_needed) {
    const Parallel& p = s.parallel;
    const bool zero = p.zero >= zero_stage_needed && p.dp > 1;
    Sharding out{double(p.tp) * p.pp * (zero ? p.dp : 1), "", ""};
    std::string text, sub;
    auto add = [&](const char* name, int v) {
        if (v == 1) return;
        text += (text.empty() ? "" : " × ") + std::string(name);
        sub += (sub.empty() ? "" : " × ") + std::to_string(v);
    };
    add("tp", p.tp);
    add("pp", p.pp);
    if (zero) add("dp", p.dp);
    out.text = text.empty() ? "" : " ÷ (" + text + ")";
    out.substituted = sub.empty() ? "" : " ÷ (" + sub + ")";
    return out;
}

std::string zero_source(const Scenario& s) {
    return s.parallel.zero > 0 && s.parallel.dp > 1 ? std::string("; sharding: ") + kZero : "";
}

// [SECTION] model states

Term weights(const Scenario& s, double n) {
    const Sharding sh = sharding(s, 3);
    return term(Component::Weights, n * dtype_bytes(s.dtypes.weights) / sh.factor, "N × bytes(weights)" + sh.text,
                num(n) + " × " + bytes_each(s.dtypes.weights) + sh.substituted, kTransformerMath + zero_source(s));
}

Term master_weights(const Scenario& s, double trainable) {
    if (!training(s)) return not_held(Component::MasterWeights, "inference keeps no master copy");
    if (!s.dtypes.master_weights) return not_held(Component::MasterWeights, "master weights: none");
    const DType t = *s.dtypes.master_weights;
    const Sharding sh = sharding(s, 1);
    return term(Component::MasterWeights, trainable * dtype_bytes(t) / sh.factor,
                "N_trainable × bytes(master)" + sh.text, num(trainable) + " × " + bytes_each(t) + sh.substituted,
                kTransformerMath + zero_source(s));
}

Term gradients(const Scenario& s, double trainable) {
    if (!training(s)) return not_held(Component::Gradients, "inference computes no gradients");
    const Sharding sh = sharding(s, 2);
    return term(Component::Gradients, trainable * dtype_bytes(s.dtypes.gradients) / sh.factor,
                "N_trainable × bytes(gradients)" + sh.text,
                num(trainable) + " × " + bytes_each(s.dtypes.gradients) + sh.substituted,
                kTransformerMath + zero_source(s));
}

struct OptimizerStates {
    int count;          // state tensors per parameter
    double bytes_each;  // bytes per state element
    const char* what;
    const char* source;
};

OptimizerStates optimizer_states_of(const Scenario& s) {
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
    }
    return {0, 0, "", ""};
}

Term optimizer_states(const Scenario& s, double trainable) {
    if (!training(s)) return not_held(Component::OptimizerStates, "inference runs no optimizer");
    const OptimizerStates o = optimizer_states_of(s);
    if (o.count == 0) return not_held(Component::OptimizerStates, o.what);
    const Sharding sh = sharding(s, 1);
    return term(Component::OptimizerStates, trainable * o.count * o.bytes_each / sh.factor,
                "N_trainable × states × bytes(state)" + sh.text,
                num(trainable) + " × " + std::to_string(o.count) + " × " + format_count(o.bytes_each) + " B" +
                    sh.substituted,
                std::string(o.source) + " (" + o.what + ")" + zero_source(s));
}

// [SECTION] activations

// Korthikanti et al. 2022, Table 2: activation bytes per layer in units of s·b·h, for 2-byte
// activations and 1-byte dropout masks, with tensor parallel size t:
//   no parallelism 34 + 5as/h; tensor parallel 10 + 24/t + 5as/(ht); with sequence parallel
//   34/t + 5as/(ht). Selective recompute (and FlashAttention, which never stores the s×s
//   scores) drops the 5as/h term. Full recompute keeps only the layer input, 2 (÷ t with SP).
struct LayerCoefficient {
    double value;      // bytes per s·b·h per layer, at 2-byte activations
    std::string text;  // symbolic
    std::string substituted;
};

LayerCoefficient layer_coefficient(const Scenario& s, Recompute recompute) {
    const int t = s.parallel.tp;
    const bool sp = s.parallel.sp && t > 1;
    if (recompute == Recompute::Full) {
        if (sp) return {2.0 / t, "2/t", "2/" + std::to_string(t)};
        return {2.0, "2", "2"};
    }
    const double a = s.model.heads, h = s.model.hidden, seq = double(s.seq_len);
    const bool scores = recompute != Recompute::Selective && !s.flash_attention;
    LayerCoefficient c;
    if (t == 1) {
        c = {34, "34", "34"};
    } else if (sp) {
        c = {34.0 / t, "34/t", "34/" + std::to_string(t)};
    } else {
        c = {10 + 24.0 / t, "10 + 24/t", "10 + 24/" + std::to_string(t)};
    }
    if (scores) {
        const double att = 5 * a * seq / (h * t);
        c.value += att;
        c.text += t == 1 ? " + 5·a·s/h" : " + 5·a·s/(h·t)";
        c.substituted += " + 5·" + num(a) + "·" + num(seq) + "/" + (t == 1 ? num(h) : "(" + num(h) + "·" + std::to_string(t) + ")");
    }
    return c;
}

double sbh(const Scenario& s) { return double(s.seq_len) * double(s.batch) * s.model.hidden; }
double activation_scale(const Scenario& s) { return dtype_bytes(s.dtypes.activations) / 2.0; }

std::string scale_text(const Scenario& s) {
    return s.dtypes.activations == DType::BF16 || s.dtypes.activations == DType::FP16
               ? ""
               : " × " + format_count(dtype_bytes(s.dtypes.activations)) + "/2";
}

Term transformer_activations(const Scenario& s) {
    const std::string sbh_sub = num(double(s.seq_len)) + "·" + num(double(s.batch)) + "·" + num(s.model.hidden);
    if (!training(s)) {
        // Inference frees each layer's activations once the next layer has read them, so one
        // layer's worth is live at a time (the prefill of the whole sequence is the peak).
        const LayerCoefficient c = layer_coefficient(s, Recompute::None);
        return term(Component::Activations, sbh(s) * c.value * activation_scale(s),
                    "s·b·h·(" + c.text + ")" + scale_text(s) + "  [one layer live]",
                    sbh_sub + "·(" + c.substituted + ")" + scale_text(s),
                    std::string(kKorthikanti) + "; inference holds one layer at a time");
    }
    // 1F1B pipeline schedule: the first stage holds p micro-batches in flight, each with its
    // L/p layers, so the busiest GPU stores L layers' worth (Korthikanti §4.2.3).
    const int pp = s.parallel.pp;
    const double stage_layers = std::ceil(double(s.model.layers) / pp);
    const double in_flight = pp;
    const double layers_held = stage_layers * in_flight;
    const std::string layers_text = pp == 1 ? "L" : "⌈L/p⌉·p";
    const std::string layers_sub = pp == 1 ? std::to_string(s.model.layers)
                                           : num(stage_layers) + "·" + std::to_string(pp);

    if (s.recompute == Recompute::Sqrt) {
        // Chen et al. 2016: keep the input of every k-th layer (k ≈ √L segments), recompute one
        // segment at a time in backward: k checkpoints + one segment's full activations.
        const double k = std::ceil(std::sqrt(stage_layers));
        const double segment = std::ceil(stage_layers / k);
        const LayerCoefficient ckpt = layer_coefficient(s, Recompute::Full);
        const LayerCoefficient live = layer_coefficient(s, Recompute::None);
        const double bytes = sbh(s) * activation_scale(s) * (in_flight * k * ckpt.value + segment * live.value);
        return term(Component::Activations, bytes,
                    "s·b·h·(" + std::string(pp == 1 ? "" : "p·") + "⌈√L⌉·" + ckpt.text + " + ⌈L/⌈√L⌉⌉·(" + live.text +
                        "))" + scale_text(s),
                    sbh_sub + "·(" + (pp == 1 ? "" : std::to_string(pp) + "·") + num(k) + "·" + ckpt.substituted +
                        " + " + num(segment) + "·(" + live.substituted + "))" + scale_text(s),
                    "Chen et al. 2016, Training Deep Nets with Sublinear Memory Cost; per-layer terms: " +
                        std::string(kKorthikanti));
    }
    const LayerCoefficient c = layer_coefficient(s, s.recompute);
    const std::string recompute_note = s.recompute == Recompute::Full ? "  [excludes the one layer being recomputed, as the paper does]" : "";
    return term(Component::Activations, sbh(s) * c.value * activation_scale(s) * layers_held,
                "s·b·h·(" + c.text + ")·" + layers_text + scale_text(s) + recompute_note,
                sbh_sub + "·(" + c.substituted + ")·" + layers_sub + scale_text(s), kKorthikanti);
}

Term multiplier_activations(const Scenario& s) {
    // Seed 000's model. In inference one layer is live at a time, so L drops out.
    const double layers = training(s) ? s.model.layers : 1;
    const double e = dtype_bytes(s.dtypes.activations);
    const double bytes = double(s.batch) * double(s.seq_len) * s.model.hidden * layers * s.activation_multiplier * e *
                         s.checkpoint_factor;
    return term(Component::Activations, bytes,
                std::string("b × s × h × ") + (training(s) ? "L" : "1") + " × multiplier × bytes(act) × checkpoint",
                num(double(s.batch)) + " × " + num(double(s.seq_len)) + " × " + num(s.model.hidden) + " × " +
                    num(layers) + " × " + num(s.activation_multiplier) + " × " + bytes_each(s.dtypes.activations) +
                    " × " + num(s.checkpoint_factor),
                "Activation-multiplier model (a rule of thumb: 8-12 for transformer blocks); one layer live in inference");
}

Term per_sample_activations(const Scenario& s) {
    return term(Component::Activations, s.activation_bytes_per_sample * double(s.batch),
                "bytes per sample × b",
                gb(s.activation_bytes_per_sample) + " × " + num(double(s.batch)),
                "Measured activation memory per sample (from a profiler), times the batch");
}

Term activations(const Scenario& s) {
    switch (s.activation_model) {
        case ActivationModel::Transformer: return transformer_activations(s);
        case ActivationModel::Multiplier: return multiplier_activations(s);
        case ActivationModel::PerSample: return per_sample_activations(s);
    }
    return {};
}

// [SECTION] KV cache

Term kv_cache(const Scenario& s) {
    if (!kv_cache_enabled(s)) return not_held(Component::KvCache, "no KV cache kept");
    const ModelArch& m = s.model;
    const int t = s.parallel.tp, pp = s.parallel.pp;
    // Tensor parallelism splits KV heads across ranks; with fewer KV heads than ranks each
    // rank keeps a replica of one.
    const double kv_heads = std::ceil(double(effective_kv_heads(m)) / t);
    const double layers = std::ceil(double(m.layers) / pp);
    const double tokens = double(effective_kv_tokens(s));
    const double bytes = 2 * layers * kv_heads * effective_head_dim(m) * tokens * double(s.batch) *
                         dtype_bytes(s.dtypes.kv_cache);
    return term(Component::KvCache, bytes,
                std::string("2 × ") + (pp == 1 ? "L" : "⌈L/pp⌉") + " × " + (t == 1 ? "kv_heads" : "⌈kv_heads/tp⌉") +
                    " × head_dim × tokens × b × bytes(kv)",
                "2 × " + num(layers) + " × " + num(kv_heads) + " × " + num(effective_head_dim(m)) + " × " +
                    num(tokens) + " × " + num(double(s.batch)) + " × " + bytes_each(s.dtypes.kv_cache),
                "K and V per layer, grouped-query attention shares them across kv_heads (Ainslie et al. 2023, GQA); "
                "Pope et al. 2022, Efficiently Scaling Transformer Inference");
}

// [SECTION] overhead

Term overhead(const Scenario& s, double others) {
    const double bytes = s.overhead.fraction * others + s.overhead.bytes;
    return term(Component::Overhead, bytes, "fraction × (sum of the above) + fixed",
                format_fixed(s.overhead.fraction, 2) + " × " + gb(others) + " + " + gb(s.overhead.bytes),
                "Allowance for the CUDA context, the caching allocator's fragmentation, NCCL buffers and kernel "
                "workspaces; 5-20% in practice (PyTorch CUDA memory-management notes)");
}

}  // namespace

double activation_bytes_per_layer(const Scenario& s) {
    if (s.activation_model != ActivationModel::Transformer) return 0;
    return sbh(s) * layer_coefficient(s, training(s) ? s.recompute : Recompute::None).value * activation_scale(s);
}

Estimate estimate(const Scenario& s) {
    Estimate e;
    const ModelArch& m = s.model;
    e.params_total = total_params(m);
    const double derived = derived_params(m);
    e.params_active = derived > 0 ? e.params_total * derived_active_params(m) / derived : e.params_total;
    e.params_trainable = training(s) ? e.params_total : 0;

    const Term terms[] = {weights(s, e.params_total),          master_weights(s, e.params_trainable),
                          gradients(s, e.params_trainable),    optimizer_states(s, e.params_trainable),
                          activations(s),                      kv_cache(s)};
    double others = 0;
    for (const Term& t : terms) {
        e.bytes[static_cast<int>(t.formula.component)] = t.bytes;
        e.formulas.push_back(t.formula);
        others += t.bytes;
    }
    const Term o = overhead(s, others);
    e.bytes[static_cast<int>(Component::Overhead)] = o.bytes;
    e.formulas.push_back(o.formula);
    e.total = others + o.bytes;

    for (const GpuSpec& g : gpu_catalogue())
        e.fits.push_back({g.id, g.name, g.capacity_bytes, e.total <= g.capacity_bytes, g.capacity_bytes - e.total});
    return e;
}

}  // namespace headroom
