// Model states: weights, master weights, gradients and optimizer states, each one function
// returning its bytes per GPU (and in host memory, when offloaded) with its cited formula.
#include <algorithm>
#include <cmath>

#include "headroom/format.h"
#include "quantization.h"
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
        // modules_to_save: a trainable copy of the input embedding and of the output layer.
        if (s.lora.train_embeddings) p.adapters += double(m.vocab) * m.hidden * (m.tied_embeddings ? 1 : 2);
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

// A GGUF file's weights as llama.cpp places them: the last n_gpu_layers layers (and the output
// layer once every layer is there) on the GPU, the rest and the token embedding in host memory
// (llama_model::load_tensors: the input layer stays on the CPU; i_gpu_start = n_layer + 1 −
// n_gpu_layers). Split evenly over the GPUs (tp × pp).
Term llama_cpp_weights(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    GgufType type = s.quantization.type;
    if (s.quantization.method != QuantMethod::Gguf)
        type = s.dtypes.weights == DType::FP32 ? GgufType::F32 : s.dtypes.weights == DType::BF16 ? GgufType::BF16
                                                                                               : GgufType::F16;
    const GgufBytes g = gguf_bytes(s.model, type);
    const int L = static_cast<int>(g.layers.size());
    const int on_gpu = std::min(effective_gpu_layers(s), L);
    const bool output_on_gpu = effective_gpu_layers(s) > L;
    double gpu = output_on_gpu ? g.output : 0;
    for (int i = L - on_gpu; i < L; ++i) gpu += g.layers[static_cast<size_t>(i)];
    const double gpus = double(s.parallel.tp) * s.parallel.pp;
    Text& t = ctx.text;
    t.formula << "Σ GGUF tensors of the last n_gpu_layers layers" << (output_on_gpu ? " + output layer" : "")
              << (gpus > 1 ? " ÷ GPUs" : "") << "  [token embedding and the other layers in host memory]";
    t.substituted << gguf_type_name(type) << ": " << on_gpu << " of " << L << " layers";
    if (output_on_gpu) t.substituted << " + output";
    if (gpus > 1) t.substituted << " ÷ " << num(gpus);
    t.source << "llama.cpp: tensor types from llama_tensor_get_type (src/llama-quant.cpp), block sizes from "
                "ggml-common.h; placement from llama_model::load_tensors";
    Term w = term(ctx, Component::Weights, gpu / gpus);
    w.host = (g.total() - gpu) / gpus;
    t.substituted << "; host " << gb(w.host);
    return w;
}

// The largest block ZeRO-3 gathers, as stored: one layer's packed projections and its norms, or
// an embedding matrix kept unpacked.
double largest_block_bytes(const ModelArch& m, const StoredWeights& w) {
    double layer = 0, largest = 0;
    const double L = std::max(1, m.layers);
    for (const Matrix& x : weight_matrices(m)) {
        if (!x.in_layer) largest = std::max(largest, x.rows * x.cols * w.kept_each);
        else layer += x.rows * x.cols * x.count / L * (x.adaptable ? w.packed_each : w.kept_each);
    }
    return std::max(largest, layer);
}

// Bytes per stored weight, with the method's own words for the formula.
struct BaseEach {
    const StoredWeights& stored;
    bool quantized;
    DType weights;
};
Part& operator<<(Part& out, BaseEach b) {
    if (!b.quantized) return out << bytes_each(b.weights);
    return out << fixed(b.stored.bytes / (b.stored.packed + b.stored.kept), 3) << " B";
}

void write_stored(Part& out, const Scenario& s, const StoredWeights& w) {
    out << "; " << quant_method_name(s.quantization.method == QuantMethod::None ? QuantMethod::BnbNf4
                                                                                : s.quantization.method);
    if (s.quantization.method == QuantMethod::Gguf) {
        out << " " << gguf_type_name(s.quantization.type) << ": " << gb(w.bytes) << " of tensors";
        return;
    }
    out << ": " << num(w.packed) << " packed × " << fixed(w.packed_each, 3) << " B + " << num(w.kept) << " kept × "
        << num(w.kept_each) << " B";
}

}  // namespace

Term weights(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (s.runtime == Runtime::LlamaCpp) return llama_cpp_weights(ctx);
    Text& t = ctx.text;
    const DType wt = s.dtypes.weights;
    const bool packed = quantized(s);
    const std::vector<Matrix> matrices = packed ? weight_matrices(s.model) : std::vector<Matrix>{};
    const StoredWeights stored = packed ? stored_weights(s, matrices) : StoredWeights{};
    // A given `params` scales the architecture's bytes.
    const double base_bytes = packed ? (p.derived > 0 ? stored.bytes / p.derived : 0) : dtype_bytes(wt);
    const BaseEach base_each{stored, packed, wt};
    const Shard base = shard(s, 3, p.total, p.expert, "N");

    if (s.offload.params) {
        // ZeRO-Infinity: the weights live in host memory; the GPU holds the largest block being
        // computed (a layer, or the embedding) and the next one being prefetched, gathered
        // whole (÷ tp only). A given `params` scales the architecture's block.
        const double layer = p.derived > 0 ? derived_largest_block(s.model) * p.total / p.derived : 0;
        // The block as stored: a packed layer, or an embedding kept in 16 bits.
        const double block_each = packed ? largest_block_bytes(s.model, stored) / std::max(1.0, derived_largest_block(s.model))
                                         : base_bytes;
        const double gpu = 2 * layer * block_each / s.parallel.tp;
        t.formula << "2 × N_block × bytes(weights) ÷ tp  [working set: largest layer or embedding; the rest in host memory]";
        t.substituted << "2 × " << num(layer) << " × " << fixed(block_each, 3) << " B";
        if (s.parallel.tp > 1) t.substituted << " ÷ " << s.parallel.tp;
        t.source << kZeroInfinity;
        Term on_gpu = term(ctx, Component::Weights, gpu);
        on_gpu.host = base.count * base_bytes + shard(s, 3, p.adapters, p.adapters_expert, "N").count * dtype_bytes(wt);
        t.substituted << "; host: " << base.numbers() << " × " << base_each << " = " << gb(on_gpu.host);
        return on_gpu;
    }
    const bool qlora = s.finetune == Finetune::Qlora;
    if (s.finetune == Finetune::Full) {
        t.formula << base.symbols() << (packed ? " × bytes(stored)" : " × bytes(weights)");
        t.substituted << base.numbers() << " × " << base_each;
        t.source << (packed ? "" : kTransformerMath);
        if (packed) write_stored(t.source, s, stored);
        t.source << zero_source(s);
        return term(ctx, Component::Weights, base.count * base_bytes);
    }
    const Shard lora = shard(s, 3, p.adapters, p.adapters_expert, "N_lora");
    t.formula << base.symbols() << " × " << (packed ? "bytes(stored)" : "bytes(weights)") << " + " << lora.symbols()
              << " × bytes(weights)";
    t.substituted << base.numbers() << " × " << base_each << " + " << lora.numbers() << " × " << bytes_each(wt);
    t.source << (qlora ? kQlora : kLora) << "; N_lora = r·(rows + cols) per adapted projection";
    if (packed) write_stored(t.source, s, stored);
    t.source << zero_source(s);
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

// Whether gradients are held while the activations are: kept between micro-batches (gradient
// accumulation), in DDP's buckets or a sharded partition, or in Megatron's and DeepSpeed's
// contiguous buffers. Plain PyTorch frees them in zero_grad(set_to_none=True), the default since
// PyTorch 2.0, and backward fills them as it frees the activations.
bool gradients_held_in_backward(const Scenario& s) {
    if (s.optimizer_in_backward) return false;
    if (s.runtime != Runtime::PyTorch) return true;
    return effective_grad_accum(s) > 1 || s.parallel.dp > 1;
}

Term gradients(const Ctx& ctx, const ParamCounts& p) {
    const Scenario& s = ctx.s;
    if (!training(s)) return not_held(ctx, Component::Gradients, "inference computes no gradients");
    if (with_runtime(s) && ctx.phase == Phase::Backward && !gradients_held_in_backward(s))
        return not_held(ctx, Component::Gradients,
                        s.optimizer_in_backward
                            ? "each is freed by the optimizer step in its hook: never held together"
                            : "none yet at the start of backward: zero_grad(set_to_none=True) freed them, and backward "
                              "fills them as it frees the activations");
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
        case Optimizer::AdamWFused:
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
    if (s.paged_optimizer && with_runtime(s)) {
        // bitsandbytes' paged states: cudaMallocManaged memory behind a CPU tensor, outside
        // PyTorch's allocator; resident on the GPU while the step runs, paged out under pressure
        // (memo-training.md §5.2). Counted with host memory.
        t.formula << "  [unified memory, paged]";
        t.substituted << " = " << gb(sh.count * o.elements_per_param * o.bytes_each) << " in unified memory";
        t.source << "; bitsandbytes paged optimizers (cudaMallocManaged)";
        return {Component::OptimizerStates, 0, sh.count * o.elements_per_param * o.bytes_each};
    }
    return state_term(ctx, Component::OptimizerStates, s.offload.optimizer,
                      sh.count * o.elements_per_param * o.bytes_each);
}

}  // namespace headroom::detail
