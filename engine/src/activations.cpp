// Activations: the transformer model (Korthikanti et al. 2022) with tensor, sequence and
// pipeline parallelism, recompute, FlashAttention, MoE routing and the input/output layers;
// seed 000's multiplier model; seed 002's per-sample model.
#include <algorithm>
#include <cmath>

#include "headroom/format.h"
#include "terms.h"

namespace headroom {
namespace detail {
namespace {

// Korthikanti et al. 2022, Table 2: activation bytes per layer in units of s·b·h, for 2-byte
// activations and 1-byte dropout masks, with tensor parallel size t:
//   no parallelism 34 + 5as/h; tensor parallel 10 + 24/t + 5as/(ht); with sequence parallel
//   34/t + 5as/(ht). Selective recompute (and FlashAttention, which never stores the s×s
//   scores) drops the 5as/h term. Full recompute keeps only the layer input, 2 (÷ t with SP).
// Of the 34, 16 are the MLP's two 4h-wide intermediates (§4.1: 8sbh + 8sbh). A mixture-of-
// experts layer keeps them for each of the k routed and the shared experts a token visits, at
// the expert's width: 16·r with r = (k + shared)·f_expert / (4h), ÷ t.
struct LayerCoefficient {
    double value;      // bytes per s·b·h per layer, at 2-byte activations
    std::string text;  // symbolic; empty without ctx.text
    std::string substituted;
};

// The share of MoE layers among the layers the busiest GPU holds: the first pipeline stage's
// ⌈L/p⌉ layers, dense ones first (DeepSeek-V3's first_k_dense_replace). In inference, one
// layer is live at a time: the larger kind.
double moe_ratio(const ModelArch& m) {
    return double(m.experts_active + m.shared_experts) * effective_moe_ffn(m) / (4.0 * m.hidden);
}

double moe_share(const Scenario& s) {
    const ModelArch& m = s.model;
    if (moe_layers(m) == 0) return 0;
    if (s.mode == Mode::Inference) return moe_ratio(m) >= 1 || m.dense_layers == 0 ? 1 : 0;
    const double stage = std::ceil(double(m.layers) / s.parallel.pp);
    return (stage - std::min<double>(m.dense_layers, stage)) / stage;
}

// The MoE share of the worst run of `n` consecutive layers within the first stage: as many of
// the heavier kind (MoE when r ≥ 1, dense otherwise) as the stage has.
double moe_share_of_worst(const Scenario& s, double n) {
    const ModelArch& m = s.model;
    if (moe_layers(m) == 0 || n <= 0) return 0;
    const double stage = std::ceil(double(m.layers) / s.parallel.pp);
    const double dense = std::min<double>(m.dense_layers, stage), moe = stage - dense;
    return moe_ratio(m) >= 1 ? std::min(n, moe) / n : (n - std::min(n, dense)) / n;
}

LayerCoefficient layer_coefficient(const Ctx& ctx, Recompute recompute, double share);

LayerCoefficient layer_coefficient(const Ctx& ctx, Recompute recompute) {
    return layer_coefficient(ctx, recompute, moe_share(ctx.s));
}

LayerCoefficient layer_coefficient(const Ctx& ctx, Recompute recompute, double share) {
    const Scenario& s = ctx.s;
    const int t = s.parallel.tp;
    const bool sp = s.parallel.sp && t > 1;
    const bool text = ctx.text;
    if (recompute == Recompute::Full) {
        if (sp) return {2.0 / t, text ? "2/t" : "", text ? "2/" + std::to_string(t) : ""};
        return {2.0, text ? "2" : "", text ? "2" : ""};
    }
    const ModelArch& m = s.model;
    const double a = m.heads, h = m.hidden, seq = double(s.seq_len);
    const bool scores = recompute != Recompute::Selective && !s.flash_attention;
    LayerCoefficient c;
    if (t == 1) {
        c.value = 34;
        if (text) c.text = c.substituted = "34";
    } else if (sp) {
        c.value = 34.0 / t;
        if (text) c.text = "34/t", c.substituted = "34/" + std::to_string(t);
    } else {
        c.value = 10 + 24.0 / t;
        if (text) c.text = "10 + 24/t", c.substituted = "10 + 24/" + std::to_string(t);
    }
    if (scores) {
        const double att = 5 * a * seq / (h * t);
        c.value += att;
        if (text) c.text += t == 1 ? " + 5·a·s/h" : " + 5·a·s/(h·t)";
        if (text) c.substituted += " + 5·" + num(a) + "·" + num(seq) + "/" + (t == 1 ? num(h) : "(" + num(h) + "·" + std::to_string(t) + ")");
    }
    if (share > 0) {
        const double r = moe_ratio(m);
        c.value += 16 * (r - 1) / t * share;
        if (!text) return c;
        c.text += std::string(" + 16·(r − 1)") + (t > 1 ? "/t" : "") + (share < 1 ? "·moe_share" : "") +
                  "  [r = (k + shared)·f_expert/(4h)]";
        c.substituted += " + 16·(" + format_fixed(r, 3) + " − 1)" + (t > 1 ? "/" + std::to_string(t) : "") +
                         (share < 1 ? "·" + format_fixed(share, 3) : "");
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

// Korthikanti et al. 2022, §4.3, input and output layers. The input embedding's dropout mask,
// s·b·h one-byte elements per micro-batch in flight (÷ t with SP); the output layer's norm and
// projection inputs, 4·s·b·h at 2 bytes (÷ t with SP); and the logits the loss keeps, s·b·v in
// their dtype (fp32 in the paper), split over t by the vocabulary-parallel cross entropy.
struct EndLayers {
    double input, output;
    std::string text, substituted;  // empty without ctx.text
};

EndLayers end_layers(const Ctx& ctx, double in_flight) {
    const Scenario& s = ctx.s;
    const int t = s.parallel.tp;
    const double sp_t = s.parallel.sp ? t : 1;
    const double v = s.model.vocab;
    const double logits = double(s.seq_len) * double(s.batch) * v * dtype_bytes(s.dtypes.logits) / t;
    if (!training(s)) {
        if (!ctx.text) return {0, logits, "", ""};
        return {0, logits, " + s·b·v·bytes(logits)" + std::string(t > 1 ? "/t" : "") + "  [prefill logits]",
                " + " + num(double(s.seq_len)) + "·" + num(double(s.batch)) + "·" + num(v) + "·" +
                    bytes_each(s.dtypes.logits) + (t > 1 ? "/" + std::to_string(t) : "")};
    }
    EndLayers e;
    e.input = sbh(s) * in_flight / sp_t;
    e.output = 4 * sbh(s) * activation_scale(s) / sp_t + logits;
    if (!ctx.text) return e;
    const std::string tt = t > 1 ? "/t" : "", spt = s.parallel.sp && t > 1 ? "/t" : "";
    e.text = " + s·b·h·p_f" + spt + " [embedding dropout] + 4·s·b·h" + spt + " + s·b·v·bytes(logits)" + tt +
             " [output layer, loss]";
    e.substituted = " + " + gb(e.input) + " + " + gb(e.output);
    return e;
}

Term transformer_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const bool text_on = ctx.text;
    auto sbh_sub = [&] {
        return num(double(s.seq_len)) + "·" + num(double(s.batch)) + "·" + num(s.model.hidden);
    };
    auto source = [&] {
        return std::string(kKorthikanti) + (s.embeddings_and_logits ? ", §4.3 (input and output layers)" : "");
    };
    if (!training(s)) {
        // Inference frees each layer's activations once the next layer has read them, so one
        // layer's worth is live at a time (the prefill of the whole sequence is the peak).
        const LayerCoefficient c = layer_coefficient(ctx, Recompute::None);
        double bytes = sbh(s) * c.value * activation_scale(s);
        std::string text, sub;
        if (text_on) {
            text = "s·b·h·(" + c.text + ")" + scale_text(s) + "  [one layer live]";
            sub = sbh_sub() + "·(" + c.substituted + ")" + scale_text(s);
        }
        if (s.embeddings_and_logits) {
            const EndLayers e = end_layers(ctx, 1);
            bytes += e.output;
            text += e.text;
            sub += e.substituted;
        }
        return term(ctx, Component::Activations, bytes, [&] {
            return Text{std::move(text), std::move(sub), source() + "; inference holds one layer at a time"};
        });
    }
    // 1F1B pipeline schedule: the first stage holds min(p, m) micro-batches in flight (m, the
    // gradient-accumulation micro-batches per step, is p or more in a full pipeline), each with
    // its ⌈L/p⌉ layers, so the busiest GPU stores about L layers' worth (Korthikanti §4.2.3;
    // Narayanan et al. 2021, PipeDream-Flush/1F1B).
    const int pp = s.parallel.pp;
    const double stage_layers = std::ceil(double(s.model.layers) / pp);
    const double in_flight = double(std::min<long long>(pp, effective_grad_accum(s)));
    const double layers_held = stage_layers * in_flight;
    const bool full_pipe = in_flight == pp;
    const char* flight_text = full_pipe ? "p" : "min(p, m)";

    double bytes = 0;
    std::string text, sub, src;
    if (s.recompute == Recompute::Sqrt) {
        // Chen et al. 2016: keep the input of every k-th layer (k = ⌈√L⌉ segments) and recompute
        // one segment at a time in backward. The peak is the first segment's recompute: the
        // other k − 1 checkpoints (and every checkpoint of the other micro-batches in flight)
        // plus that segment's full activations, which include its own input.
        const double k = std::ceil(std::sqrt(stage_layers));
        const double segment = std::ceil(stage_layers / k);
        const LayerCoefficient ckpt = layer_coefficient(ctx, Recompute::Full);
        const LayerCoefficient live = layer_coefficient(ctx, Recompute::None, moe_share_of_worst(s, segment));
        bytes = sbh(s) * activation_scale(s) * ((in_flight * k - 1) * ckpt.value + segment * live.value);
        if (text_on) {
            text = "s·b·h·((" + std::string(pp == 1 ? "" : std::string(flight_text) + "·") + "⌈√L⌉ − 1)·" +
                   ckpt.text + " + ⌈L/⌈√L⌉⌉·(" + live.text + "))" + scale_text(s);
            sub = sbh_sub() + "·((" + (pp == 1 ? "" : num(in_flight) + "·") + num(k) + " − 1)·" + ckpt.substituted +
                  " + " + num(segment) + "·(" + live.substituted + "))" + scale_text(s);
            src = "Chen et al. 2016, Training Deep Nets with Sublinear Memory Cost; per-layer terms: " + source();
        }
    } else {
        const LayerCoefficient c = layer_coefficient(ctx, s.recompute);
        bytes = sbh(s) * c.value * activation_scale(s) * layers_held;
        if (text_on) {
            const std::string layers_text = pp == 1 ? "L" : "⌈L/p⌉·" + std::string(flight_text);
            const std::string layers_sub =
                pp == 1 ? std::to_string(s.model.layers) : num(stage_layers) + "·" + num(in_flight);
            text = "s·b·h·(" + c.text + ")·" + layers_text + scale_text(s) +
                   (s.recompute == Recompute::Full ? "  [excludes the one layer being recomputed, as the paper does]"
                                                   : "");
            sub = sbh_sub() + "·(" + c.substituted + ")·" + layers_sub + scale_text(s);
            src = source();
        }
    }
    if (s.embeddings_and_logits) {
        // With a pipeline the input layer sits on the first stage and the output layer on the
        // last, which holds one micro-batch of its ⌈L/p⌉ layers: the busiest of the two counts.
        const EndLayers e = end_layers(ctx, in_flight);
        if (pp == 1) {
            bytes += e.input + e.output;
            text += e.text;
            sub += e.substituted;
        } else {
            const double last = bytes / in_flight + e.output;
            const double first = bytes + e.input;
            bytes = std::max(first, last);
            if (text_on) {
                text = "max(first stage: " + text + " + s·b·h·p_f, last stage: one micro-batch + output layer)";
                sub = "max(" + gb(first) + ", " + gb(last) + ")";
            }
        }
    }
    return term(ctx, Component::Activations, bytes,
                [&] { return Text{std::move(text), std::move(sub), std::move(src)}; });
}

Term multiplier_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    // Seed 000's model. In inference one layer is live at a time, so L drops out.
    const double layers = training(s) ? s.model.layers : 1;
    const double e = dtype_bytes(s.dtypes.activations);
    const double bytes = double(s.batch) * double(s.seq_len) * s.model.hidden * layers * s.activation_multiplier * e *
                         s.checkpoint_factor;
    return term(ctx, Component::Activations, bytes, [&] {
        return Text{std::string("b × s × h × ") + (training(s) ? "L" : "1") + " × multiplier × bytes(act) × checkpoint",
                    num(double(s.batch)) + " × " + num(double(s.seq_len)) + " × " + num(s.model.hidden) + " × " +
                        num(layers) + " × " + num(s.activation_multiplier) + " × " + bytes_each(s.dtypes.activations) +
                        " × " + num(s.checkpoint_factor),
                    "Activation-multiplier model (a rule of thumb: 8-12 for transformer blocks); one layer live in "
                    "inference"};
    });
}

Term per_sample_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    return term(ctx, Component::Activations, s.activation_bytes_per_sample * double(s.batch), [&] {
        return Text{"bytes per sample × b", gb(s.activation_bytes_per_sample) + " × " + num(double(s.batch)),
                    "Measured activation memory per sample (from a profiler), times the batch"};
    });
}

}  // namespace

Term activations(const Ctx& ctx) {
    switch (ctx.s.activation_model) {
        case ActivationModel::Transformer: return transformer_activations(ctx);
        case ActivationModel::Multiplier: return multiplier_activations(ctx);
        case ActivationModel::PerSample: return per_sample_activations(ctx);
    }
    return {};
}

}  // namespace detail

double activation_bytes_per_layer(const Scenario& s) {
    using namespace detail;
    if (s.activation_model != ActivationModel::Transformer) return 0;
    const Ctx ctx{s, /*text=*/false};
    return sbh(s) * layer_coefficient(ctx, training(s) ? s.recompute : Recompute::None).value * activation_scale(s);
}

}  // namespace headroom
