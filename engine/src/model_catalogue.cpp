// Model presets: architectures from each model's published config.json (the Hugging Face
// repository named in `source`), and the parameter count its authors publish. Where the
// model card rounds ("8B"), the count is the exact one the Hugging Face hub reports for the
// safetensors, named as such. tests/engine/model_test.cpp checks that the count derived
// from the architecture matches the published one within 0.5%.
#include <array>

#include "headroom/model.h"

namespace headroom {
namespace {

// Shorthands for the common families. Every field is a config.json key (see hf_config.cpp).
constexpr ModelArch llama(int layers, int hidden, int heads, int kv_heads, int head_dim, int ffn, int vocab,
                          bool tied) {
    return ModelArch{.layers = layers, .hidden = hidden, .heads = heads, .kv_heads = kv_heads,
                     .head_dim = head_dim, .ffn = ffn, .vocab = vocab, .gated_ffn = true,
                     .tied_embeddings = tied};
}

constexpr ModelArch qwen2(int layers, int hidden, int heads, int kv_heads, int ffn, bool tied) {
    ModelArch m = llama(layers, hidden, heads, kv_heads, 128, ffn, 152064, tied);
    m.qkv_bias = true;
    return m;
}

constexpr ModelArch gemma2(int layers, int hidden, int heads, int kv_heads, int head_dim, int ffn) {
    ModelArch m = llama(layers, hidden, heads, kv_heads, head_dim, ffn, 256000, true);
    m.norms_per_layer = 4;     // input, post-attention, pre-feedforward, post-feedforward
    m.sliding_window = 4096;   // every other layer is local (sliding_window 4096)
    m.global_layers = layers / 2;
    return m;
}

constexpr ModelArch gpt2(int layers, int hidden, int heads) {
    return ModelArch{.layers = layers, .hidden = hidden, .heads = heads, .vocab = 50257,
                     .tied_embeddings = true, .max_positions = 1024, .bias = true, .fused_qkv = true,
                     .layer_norm = true, .dropout = 0.1};
}

constexpr ModelArch bert(int layers, int hidden, int heads) {
    // The token-type embeddings (2 x h) are left out: 1,536 parameters in BERT-base.
    return ModelArch{.layers = layers, .hidden = hidden, .heads = heads, .vocab = 30522,
                     .tied_embeddings = true, .max_positions = 512, .bias = true, .layer_norm = true,
                     .pooler = true, .dropout = 0.1};
}

constexpr ModelArch mixtral(int layers, int hidden, int heads, int ffn, int vocab) {
    ModelArch m = llama(layers, hidden, heads, 8, 128, ffn, vocab, false);
    m.experts = 8, m.experts_active = 2;
    return m;
}

constexpr ModelArch deepseek_v3() {
    ModelArch m = llama(61, 7168, 128, 128, 128, 18432, 129280, false);
    m.experts = 256, m.experts_active = 8, m.moe_ffn = 2048, m.shared_experts = 1, m.dense_layers = 3;
    m.q_lora_rank = 1536, m.kv_lora_rank = 512, m.rope_head_dim = 64, m.v_head_dim = 128;
    return m;
}

constexpr ModelArch phi3(int layers, int hidden, int heads, int kv_heads, int head_dim, int ffn) {
    ModelArch m = llama(layers, hidden, heads, kv_heads, head_dim, ffn, 32064, false);
    m.sliding_window = 2047;  // the 4k-context models' config.json
    m.fused_qkv = true;       // qkv_proj
    return m;
}

constexpr ModelArch mistral_7b() {
    ModelArch m = llama(32, 4096, 32, 8, 128, 14336, 32000, false);
    m.sliding_window = 4096;
    return m;
}

const std::array kModels = {
    // Meta Llama
    ModelPreset{"llama-3.2-1b", "Llama 3.2 1B", llama(16, 2048, 32, 8, 64, 8192, 128256, true), 1.236e9,
                "meta-llama/Llama-3.2-1B config.json; Meta model card (1.23B), hub count 1.236B"},
    ModelPreset{"llama-3.2-3b", "Llama 3.2 3B", llama(28, 3072, 24, 8, 128, 8192, 128256, true), 3.21e9,
                "meta-llama/Llama-3.2-3B config.json; Meta model card (3.21B)"},
    ModelPreset{"llama-3.1-8b", "Llama 3.1 8B", llama(32, 4096, 32, 8, 128, 14336, 128256, false), 8.03e9,
                "meta-llama/Llama-3.1-8B config.json; Meta model card (8.03B)"},
    ModelPreset{"llama-3.1-70b", "Llama 3.1 70B", llama(80, 8192, 64, 8, 128, 28672, 128256, false), 70.6e9,
                "meta-llama/Llama-3.1-70B config.json; Meta model card (70.6B)"},
    ModelPreset{"llama-3.1-405b", "Llama 3.1 405B", llama(126, 16384, 128, 8, 128, 53248, 128256, false), 405.85e9,
                "meta-llama/Llama-3.1-405B config.json; Meta model card (405B), hub count 405.85B"},
    ModelPreset{"llama-2-7b", "Llama 2 7B", llama(32, 4096, 32, 32, 128, 11008, 32000, false), 6.74e9,
                "meta-llama/Llama-2-7b-hf config.json; Touvron et al. 2023 (6.74B)"},
    ModelPreset{"llama-2-13b", "Llama 2 13B", llama(40, 5120, 40, 40, 128, 13824, 32000, false), 13.02e9,
                "meta-llama/Llama-2-13b-hf config.json; Touvron et al. 2023 (13B), hub count 13.02B"},
    // Mistral AI
    ModelPreset{"mistral-7b", "Mistral 7B v0.1", mistral_7b(), 7.24e9,
                "mistralai/Mistral-7B-v0.1 config.json; Jiang et al. 2023 (7.24B)"},
    ModelPreset{"mixtral-8x7b", "Mixtral 8x7B", mixtral(32, 4096, 32, 14336, 32000), 46.7e9,
                "mistralai/Mixtral-8x7B-v0.1 config.json; Jiang et al. 2024 (46.7B total, 12.9B active)"},
    ModelPreset{"mixtral-8x22b", "Mixtral 8x22B", mixtral(56, 6144, 48, 16384, 32768), 140.6e9,
                "mistralai/Mixtral-8x22B-v0.1 config.json; Mistral AI (141B total, 39B active), hub count 140.6B"},
    // Qwen
    ModelPreset{"qwen2.5-0.5b", "Qwen2.5 0.5B", [] { ModelArch m = qwen2(24, 896, 14, 2, 4864, true); m.head_dim = 64; m.vocab = 151936; return m; }(),
                0.494e9, "Qwen/Qwen2.5-0.5B config.json; Qwen2.5 model card (0.49B), hub count 0.494B"},
    ModelPreset{"qwen2.5-1.5b", "Qwen2.5 1.5B", [] { ModelArch m = qwen2(28, 1536, 12, 2, 8960, true); m.vocab = 151936; return m; }(),
                1.54e9, "Qwen/Qwen2.5-1.5B config.json; Qwen2.5 model card (1.54B)"},
    ModelPreset{"qwen2.5-7b", "Qwen2.5 7B", qwen2(28, 3584, 28, 4, 18944, false), 7.61e9,
                "Qwen/Qwen2.5-7B config.json; Qwen2.5 model card (7.61B)"},
    ModelPreset{"qwen2.5-14b", "Qwen2.5 14B", qwen2(48, 5120, 40, 8, 13824, false), 14.77e9,
                "Qwen/Qwen2.5-14B config.json; Qwen2.5 model card (14.7B), hub count 14.77B"},
    ModelPreset{"qwen2.5-32b", "Qwen2.5 32B", qwen2(64, 5120, 40, 8, 27648, false), 32.76e9,
                "Qwen/Qwen2.5-32B config.json; Qwen2.5 model card (32.5B), hub count 32.76B"},
    ModelPreset{"qwen2.5-72b", "Qwen2.5 72B", qwen2(80, 8192, 64, 8, 29568, false), 72.7e9,
                "Qwen/Qwen2.5-72B config.json; Qwen2.5 model card (72.7B)"},
    // Google Gemma 2
    ModelPreset{"gemma-2-2b", "Gemma 2 2B", gemma2(26, 2304, 8, 4, 256, 9216), 2.61e9,
                "google/gemma-2-2b config.json; Gemma Team 2024, Table 2 (2.61B incl. embeddings)"},
    ModelPreset{"gemma-2-9b", "Gemma 2 9B", gemma2(42, 3584, 16, 8, 256, 14336), 9.24e9,
                "google/gemma-2-9b config.json; Gemma Team 2024 (9.24B), hub count"},
    ModelPreset{"gemma-2-27b", "Gemma 2 27B", gemma2(46, 4608, 32, 16, 128, 36864), 27.2e9,
                "google/gemma-2-27b config.json; Gemma Team 2024 (27.2B), hub count"},
    // Microsoft Phi-3
    ModelPreset{"phi-3-mini", "Phi-3 mini 3.8B", phi3(32, 3072, 32, 32, 96, 8192), 3.82e9,
                "microsoft/Phi-3-mini-4k-instruct config.json; Abdin et al. 2024 (3.8B), hub count 3.82B"},
    ModelPreset{"phi-3-medium", "Phi-3 medium 14B", phi3(40, 5120, 40, 10, 128, 17920), 13.96e9,
                "microsoft/Phi-3-medium-4k-instruct config.json; Abdin et al. 2024 (14B), hub count 13.96B"},
    // DeepSeek
    ModelPreset{"deepseek-v3", "DeepSeek-V3 671B", deepseek_v3(), 671e9,
                "deepseek-ai/DeepSeek-V3 config.json; DeepSeek-AI 2024 (671B total, 37B active; the hub's "
                "685B adds the 14B multi-token-prediction module, not counted here)"},
    // OpenAI GPT-2 and Google BERT
    ModelPreset{"gpt2", "GPT-2 124M", gpt2(12, 768, 12), 124.44e6,
                "openai-community/gpt2 config.json; Radford et al. 2019 (117M as printed; hub count 124.44M)"},
    ModelPreset{"gpt2-medium", "GPT-2 Medium 355M", gpt2(24, 1024, 16), 354.82e6,
                "openai-community/gpt2-medium config.json; hub count 354.82M"},
    ModelPreset{"gpt2-xl", "GPT-2 XL 1.5B", gpt2(48, 1600, 25), 1.5576e9,
                "openai-community/gpt2-xl config.json; Radford et al. 2019 (1.5B), hub count 1.56B"},
    ModelPreset{"bert-base", "BERT-base 110M", bert(12, 768, 12), 109.48e6,
                "google-bert/bert-base-uncased config.json; Devlin et al. 2019 (110M), BertModel count 109.48M"},
    ModelPreset{"bert-large", "BERT-large 340M", bert(24, 1024, 16), 335.14e6,
                "google-bert/bert-large-uncased config.json; Devlin et al. 2019 (340M), BertModel count 335.14M"},
};

}  // namespace

std::span<const ModelPreset> model_catalogue() { return kModels; }

const ModelPreset* find_model(std::string_view id) {
    for (const ModelPreset& p : kModels)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace headroom
