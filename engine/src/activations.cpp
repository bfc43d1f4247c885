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

// Korthikanti et al. 2022, Table 2: activation bytes per layer in units of s·b·h, for 2-byte
// activations and 1-byte dropout masks, with tensor parallel size t:
//   no parallelism 34 + 5as/h; tensor parallel 10 + 24/t + 5as/(ht); with sequence parallel
//   34/t + 5as/(ht). Selective recompute (and FlashAttention, which never stores the s×s
//   scores) drops the 5as/h term. Full recompute keeps only the layer input, 2 (÷ t with SP).
// Of the 34, 16 are the MLP's two 4h-wide intermediates (§4.1: 8sbh + 8sbh). A mixture-of-
// experts layer keeps them for each of the k routed and the shared experts a token visits, at
// the expert's width: 16·r with r = (k + shared)·f_expert / (4h), ÷ t.
// Returns the bytes per s·b·h per layer at 2-byte activations, and writes its text, symbolic
// and with numbers, where the formula stands.
double layer_coefficient(const Ctx& ctx, Recompute recompute, double share) {
    const Scenario& s = ctx.s;
    Text& text = ctx.text;
    const int t = s.parallel.tp;
    const bool sp = s.parallel.sp && t > 1;
    if (recompute == Recompute::Full) {
        if (!sp) {
            text.formula << "2";
            text.substituted << "2";
            return 2.0;
        }
        text.formula << "2/t";
        text.substituted << "2/" << t;
        return 2.0 / t;
    }
    const ModelArch& m = s.model;
    const double a = m.heads, h = m.hidden, seq = double(s.seq_len);
    const bool scores = recompute != Recompute::Selective && !s.flash_attention;
    double value;
    if (t == 1) {
        value = 34;
        text.formula << "34";
        text.substituted << "34";
    } else if (sp) {
        value = 34.0 / t;
        text.formula << "34/t";
        text.substituted << "34/" << t;
    } else {
        value = 10 + 24.0 / t;
        text.formula << "10 + 24/t";
        text.substituted << "10 + 24/" << t;
    }
    if (scores) {
        value += 5 * a * seq / (h * t);
        text.formula << (t == 1 ? " + 5·a·s/h" : " + 5·a·s/(h·t)");
        text.substituted << " + 5·" << num(a) << "·" << num(seq) << "/";
        if (t == 1) text.substituted << num(h);
        else text.substituted << "(" << num(h) << "·" << t << ")";
    }
    if (share > 0) {
        const double r = moe_ratio(m);
        value += 16 * (r - 1) / t * share;
        text.formula << " + 16·(r − 1)" << (t > 1 ? "/t" : "") << (share < 1 ? "·moe_share" : "")
                     << "  [r = (k + shared)·f_expert/(4h)]";
        text.substituted << " + 16·(" << fixed(r, 3) << " − 1)";
        if (t > 1) text.substituted << "/" << t;
        if (share < 1) text.substituted << "·" << fixed(share, 3);
    }
    return value;
}

// Over the layers the busiest GPU holds.
double layer_coefficient(const Ctx& ctx, Recompute recompute) {
    return layer_coefficient(ctx, recompute, moe_share(ctx.s));
}

double sbh(const Scenario& s) { return double(s.seq_len) * double(s.batch) * s.model.hidden; }
double activation_scale(const Scenario& s) { return dtype_bytes(s.dtypes.activations) / 2.0; }

// " × 4/2" for activations other than 2 bytes wide; nothing for bf16 and fp16.
auto scale_text(const Scenario& s) {
    return [&s](Part& out) {
        if (s.dtypes.activations != DType::BF16 && s.dtypes.activations != DType::FP16)
            out << " × " << num(dtype_bytes(s.dtypes.activations)) << "/2";
    };
}

// Korthikanti et al. 2022, §4.3, input and output layers. The input embedding's dropout mask,
// s·b·h one-byte elements per micro-batch in flight (÷ t with SP); the output layer's norm and
// projection inputs, 4·s·b·h at 2 bytes (÷ t with SP); and the logits the loss keeps, s·b·v in
// their dtype (fp32 in the paper), split over t by the vocabulary-parallel cross entropy.
// Writes its text, " + ...", where the formula stands.
struct EndLayers {
    double input = 0, output = 0;
};

EndLayers end_layers(const Ctx& ctx, double in_flight) {
    const Scenario& s = ctx.s;
    Text& text = ctx.text;
    const int t = s.parallel.tp;
    const double sp_t = s.parallel.sp ? t : 1;
    const double v = s.model.vocab;
    const double logits = double(s.seq_len) * double(s.batch) * v * dtype_bytes(s.dtypes.logits) / t;
    if (!training(s)) {
        text.formula << " + s·b·v·bytes(logits)" << (t > 1 ? "/t" : "") << "  [prefill logits]";
        text.substituted << " + " << num(double(s.seq_len)) << "·" << num(double(s.batch)) << "·" << num(v) << "·"
                         << bytes_each(s.dtypes.logits);
        if (t > 1) text.substituted << "/" << t;
        return {0, logits};
    }
    EndLayers e;
    e.input = sbh(s) * in_flight / sp_t;
    e.output = 4 * sbh(s) * activation_scale(s) / sp_t + logits;
    const char* tt = t > 1 ? "/t" : "";
    const char* spt = s.parallel.sp && t > 1 ? "/t" : "";
    text.formula << " + s·b·h·p_f" << spt << " [embedding dropout] + 4·s·b·h" << spt << " + s·b·v·bytes(logits)" << tt
                 << " [output layer, loss]";
    text.substituted << " + " << gb(e.input) << " + " << gb(e.output);
    return e;
}

Term transformer_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    Text& text = ctx.text;
    auto sbh_numbers = [&](Part& out) {
        out << num(double(s.seq_len)) << "·" << num(double(s.batch)) << "·" << num(s.model.hidden);
    };
    auto source = [&](Part& out) {
        out << kKorthikanti << (s.embeddings_and_logits ? ", §4.3 (input and output layers)" : "");
    };
    if (!training(s)) {
        // Inference frees each layer's activations once the next layer has read them, so one
        // layer's worth is live at a time (the prefill of the whole sequence is the peak).
        text.formula << "s·b·h·(";
        text.substituted << sbh_numbers << "·(";
        double bytes = sbh(s) * layer_coefficient(ctx, Recompute::None) * activation_scale(s);
        text.formula << ")" << scale_text(s) << "  [one layer live]";
        text.substituted << ")" << scale_text(s);
        if (s.embeddings_and_logits) bytes += end_layers(ctx, 1).output;
        text.source << source << "; inference holds one layer at a time";
        return term(ctx, Component::Activations, bytes);
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
    // With a pipeline the input layer sits on the first stage and the output layer on the
    // last, which holds one micro-batch of its ⌈L/p⌉ layers: the busiest of the two counts.
    const bool stages_apart = s.embeddings_and_logits && pp > 1;
    if (stages_apart) text.formula << "max(first stage: ";

    double bytes = 0;
    if (s.recompute == Recompute::Sqrt) {
        // Chen et al. 2016: keep the input of every k-th layer (k = ⌈√L⌉ segments) and recompute
        // one segment at a time in backward. The peak is the first segment's recompute: the
        // other k − 1 checkpoints (and every checkpoint of the other micro-batches in flight)
        // plus that segment's full activations, which include its own input.
        const double k = std::ceil(std::sqrt(stage_layers));
        const double segment = std::ceil(stage_layers / k);
        text.formula << "s·b·h·((";
        if (pp != 1) text.formula << flight_text << "·";
        text.formula << "⌈√L⌉ − 1)·";
        text.substituted << sbh_numbers << "·((";
        if (pp != 1) text.substituted << num(in_flight) << "·";
        text.substituted << num(k) << " − 1)·";
        const double checkpoint = layer_coefficient(ctx, Recompute::Full);
        text.formula << " + ⌈L/⌈√L⌉⌉·(";
        text.substituted << " + " << num(segment) << "·(";
        const double live = layer_coefficient(ctx, Recompute::None, moe_share_of_worst(s, segment));
        text.formula << "))" << scale_text(s);
        text.substituted << "))" << scale_text(s);
        text.source << "Chen et al. 2016, Training Deep Nets with Sublinear Memory Cost; per-layer terms: " << source;
        bytes = sbh(s) * activation_scale(s) * ((in_flight * k - 1) * checkpoint + segment * live);
    } else {
        text.formula << "s·b·h·(";
        text.substituted << sbh_numbers << "·(";
        bytes = sbh(s) * layer_coefficient(ctx, s.recompute) * activation_scale(s) * layers_held;
        text.formula << ")·";
        if (pp == 1) text.formula << "L";
        else text.formula << "⌈L/p⌉·" << flight_text;
        text.formula << scale_text(s)
                     << (s.recompute == Recompute::Full ? "  [excludes the one layer being recomputed, as the paper does]"
                                                        : "");
        text.substituted << ")·";
        if (pp == 1) text.substituted << s.model.layers;
        else text.substituted << num(stage_layers) << "·" << num(in_flight);
        text.substituted << scale_text(s);
        text.source << source;
    }
    if (s.embeddings_and_logits && !stages_apart) {
        const EndLayers e = end_layers(ctx, in_flight);
        bytes += e.input + e.output;
    } else if (stages_apart) {
        Text unwritten(false);
        const EndLayers e = end_layers(Ctx{s, unwritten}, in_flight);
        const double last = bytes / in_flight + e.output;
        const double first = bytes + e.input;
        bytes = std::max(first, last);
        text.formula << " + s·b·h·p_f, last stage: one micro-batch + output layer)";
        text.substituted.clear();
        text.substituted << "max(" << gb(first) << ", " << gb(last) << ")";
    }
    return term(ctx, Component::Activations, bytes);
}

Term multiplier_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    // Seed 000's model. In inference one layer is live at a time, so L drops out.
    const double layers = training(s) ? s.model.layers : 1;
    const double e = dtype_bytes(s.dtypes.activations);
    const double bytes = double(s.batch) * double(s.seq_len) * s.model.hidden * layers * s.activation_multiplier * e *
                         s.checkpoint_factor;
    ctx.text.formula << "b × s × h × " << (training(s) ? "L" : "1") << " × multiplier × bytes(act) × checkpoint";
    ctx.text.substituted << num(double(s.batch)) << " × " << num(double(s.seq_len)) << " × " << num(s.model.hidden)
                         << " × " << num(layers) << " × " << num(s.activation_multiplier) << " × "
                         << bytes_each(s.dtypes.activations) << " × " << num(s.checkpoint_factor);
    ctx.text.source << "Activation-multiplier model (a rule of thumb: 8-12 for transformer blocks); one layer live in "
                       "inference";
    return term(ctx, Component::Activations, bytes);
}

Term per_sample_activations(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    ctx.text.formula << "bytes per sample × b";
    ctx.text.substituted << gb(s.activation_bytes_per_sample) << " × " << num(double(s.batch));
    ctx.text.source << "Measured activation memory per sample (from a profiler), times the batch";
    return term(ctx, Component::Activations, s.activation_bytes_per_sample * double(s.batch));
}

}  // namespace

Term activations(const Ctx& ctx) {
    switch (ctx.s.activation_model) {
        case ActivationModel::Transformer:
            return with_runtime(ctx.s) ? runtime_activations(ctx) : transformer_activations(ctx);
        case ActivationModel::Multiplier: return multiplier_activations(ctx);
        case ActivationModel::PerSample: return per_sample_activations(ctx);
    }
    return {Component::Activations};
}

}  // namespace detail

double activation_bytes_per_layer(const Scenario& s) {
    using namespace detail;
    if (s.activation_model != ActivationModel::Transformer) return 0;
    Text unwritten(false);
    const Ctx ctx{s, unwritten};
    return sbh(s) * layer_coefficient(ctx, training(s) ? s.recompute : Recompute::None) * activation_scale(s);
}

}  // namespace headroom
