// The KV cache: K and V per layer per token, with grouped-query / multi-query sharing, DeepSeek's
// compressed latent (MLA), sliding-window caps, tensor and pipeline splits, and its own dtype.
#include <algorithm>
#include <cmath>

#include "quantization.h"
#include "terms.h"

namespace headroom::detail {

namespace {

// llama.cpp's KV cache (llama_kv_cache_init, src/llama-kv-cache.cpp): n_ctx cells of K and V for
// every layer, in cache_type_k / cache_type_v (ggml blocks: q8_0 is 34 bytes per 32), allocated
// whole at load; the layers left in host memory keep theirs there.
Term llama_cpp_kv(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    const ModelArch& m = s.model;
    // The context is padded to 256 cells with flash attention, 32 without (llama_kv_cache's padding).
    const double pad = s.flash_attention ? 256 : 32;
    const double L = m.layers, n_ctx = std::ceil(double(effective_kv_tokens(s)) * double(s.batch) / pad) * pad;
    const double kv_dim = double(effective_kv_heads(m)) * effective_head_dim(m);
    const double k = ggml_bytes_per_element(ggml_of(s.llama_cpp.type_k));
    const double v = ggml_bytes_per_element(ggml_of(s.llama_cpp.type_v));
    const double on_gpu = std::min<double>(effective_gpu_layers(s), L);
    const double gpus = double(s.parallel.tp) * s.parallel.pp;
    const double per_layer = n_ctx * kv_dim * (k + v);
    Text& text = ctx.text;
    text.formula << "n_ctx × n_gpu_layers × kv_heads × head_dim × (bytes(type_k) + bytes(type_v))"
                 << (gpus > 1 ? " ÷ GPUs" : "") << "  [the other layers' cache in host memory]";
    text.substituted << num(n_ctx) << " × " << num(on_gpu) << " × " << num(effective_kv_heads(m)) << " × "
                     << num(effective_head_dim(m)) << " × (" << fixed(k, 4) << " + " << fixed(v, 4) << ") B";
    if (gpus > 1) text.substituted << " ÷ " << num(gpus);
    text.source << "llama.cpp llama_kv_cache (src/llama-kv-cache.cpp): n_ctx cells per layer, allocated at load; "
                   "ggml-common.h block sizes";
    Term t = term(ctx, Component::KvCache, per_layer * on_gpu / gpus);
    t.host = per_layer * (L - on_gpu) / gpus;
    return t;
}

}  // namespace

// K and V bytes for one token of one sequence over every layer the GPU holds, in the KV
// cache's dtype (vLLM sizes its pool in these; sliding windows and MLA as kv_cache() counts them).
double kv_bytes_per_token(const Scenario& s) {
    const ModelArch& m = s.model;
    const double stage = std::ceil(double(m.layers) / s.parallel.pp);
    if (is_mla(m)) return stage * (double(m.kv_lora_rank) + m.rope_head_dim) * dtype_bytes(s.dtypes.kv_cache);
    const double kv_heads = std::ceil(double(effective_kv_heads(m)) / s.parallel.tp);
    return 2 * stage * kv_heads * effective_head_dim(m) * dtype_bytes(s.dtypes.kv_cache);
}

Term kv_cache(const Ctx& ctx) {
    const Scenario& s = ctx.s;
    if (!kv_cache_enabled(s)) return not_held(ctx, Component::KvCache, "no KV cache kept");
    if (s.runtime == Runtime::LlamaCpp) return llama_cpp_kv(ctx);
    if (s.runtime == Runtime::Vllm) return vllm_kv_pool(ctx);
    const ModelArch& m = s.model;
    const int t = s.parallel.tp, pp = s.parallel.pp;
    // Generation fills the cache as it goes: at the prompt's prefill it holds the prompt.
    const bool prefill = ctx.phase == Phase::Prefill;
    const double L = m.layers, tokens = double(prefill ? s.seq_len : effective_kv_tokens(s)), b = double(s.batch);
    // The busiest pipeline stage holds ⌈L/pp⌉ of the layers.
    const double stage = std::ceil(L / pp);

    // Tokens kept per layer, summed over the stage's layers: a windowed layer keeps at most
    // `window` (Beltagy et al. 2020, Longformer; Jiang et al. 2023, Mistral 7B §2: rolling
    // buffer cache). Gemma 2 alternates windowed and global layers (Gemma Team 2024, §2); the
    // busiest stage is taken to hold as many global layers as it can.
    const bool windowed = m.sliding_window > 0;
    const double w = std::min(tokens, double(m.sliding_window));
    const double global = std::min<double>(m.global_layers, stage);
    const double layer_tokens = windowed ? global * tokens + (stage - global) * w : stage * tokens;
    auto tokens_symbols = [&](Part& out) {
        out << (windowed ? "(L_global × tokens + L_window × min(tokens, window))"
                         : pp == 1 ? "L × tokens" : "⌈L/pp⌉ × tokens");
    };
    auto tokens_numbers = [&](Part& out) {
        if (windowed) out << "(" << num(global) << " × " << num(tokens) << " + " << num(stage - global) << " × " << num(w) << ")";
        else out << num(stage) << " × " << num(tokens);
    };
    const char* window_source = windowed ? "; window: Jiang et al. 2023, Mistral 7B, §2 (rolling buffer cache)" : "";
    Text& text = ctx.text;

    if (is_mla(m)) {
        // DeepSeek-V2 §2.1.2 and Table 1: MLA caches the compressed latent c_KV (d_c) and the shared
        // rotary key (d_h^R) per token per layer, (d_c + d_h^R)·l elements; every tensor-parallel
        // rank keeps the whole latent.
        const double per_token = double(m.kv_lora_rank) + m.rope_head_dim;
        text.formula << tokens_symbols << " × (kv_lora_rank + rope_head_dim) × b × bytes(kv)";
        text.substituted << tokens_numbers << " × (" << num(m.kv_lora_rank) << " + " << num(m.rope_head_dim) << ") × "
                         << num(b) << " × " << bytes_each(s.dtypes.kv_cache);
        text.source << "DeepSeek-AI 2024, DeepSeek-V2, §2.1.2 and Table 1 (multi-head latent attention)"
                    << window_source;
        return term(ctx, Component::KvCache, per_token * layer_tokens * b * dtype_bytes(s.dtypes.kv_cache));
    }
    // Tensor parallelism splits KV heads across ranks; with fewer KV heads than ranks each
    // rank keeps a replica of one.
    const double kv_heads = std::ceil(double(effective_kv_heads(m)) / t);
    text.formula << "2 × " << tokens_symbols << " × " << (t == 1 ? "kv_heads" : "⌈kv_heads/tp⌉")
                 << " × head_dim × b × bytes(kv)";
    text.substituted << "2 × " << tokens_numbers << " × " << num(kv_heads) << " × " << num(effective_head_dim(m))
                     << " × " << num(b) << " × " << bytes_each(s.dtypes.kv_cache);
    text.source << "K and V per layer; grouped-query attention shares them across kv_heads (Ainslie et al. 2023, "
                   "GQA; Shazeer 2019, MQA); Pope et al. 2022, Efficiently Scaling Transformer Inference"
                << window_source;
    return term(ctx, Component::KvCache,
                2 * layer_tokens * kv_heads * effective_head_dim(m) * b * dtype_bytes(s.dtypes.kv_cache));
}

}  // namespace headroom::detail
