// Model catalogue: each preset's parameter count, derived from its architecture, matches
// the count its authors publish (the preset's `source`) within 0.5%.
#include <gtest/gtest.h>

#include <cmath>

#include "headroom/model.h"

using namespace headroom;

TEST(ModelCatalogue, DerivedParamsMatchPublishedWithinHalfAPercent) {
    ASSERT_FALSE(model_catalogue().empty());
    for (const ModelPreset& p : model_catalogue()) {
        const double derived = derived_params(p.arch);
        EXPECT_NEAR(derived / p.published_params, 1.0, 0.005) << p.id << ": derived " << derived;
        EXPECT_FALSE(p.source.empty()) << p.id;
    }
}

TEST(ModelCatalogue, IdsAreUniqueAndFindable) {
    for (const ModelPreset& p : model_catalogue()) EXPECT_EQ(find_model(p.id), &p);
    EXPECT_EQ(find_model("no-such-model"), nullptr);
}

// Llama 3.1 8B, worked by hand from config.json: embeddings 2 × 128256 × 4096; per layer
// attention 4096·4096·2 + 4096·1024·2, MLP 3·4096·14336, norms 2·4096; final norm 4096.
TEST(ModelCatalogue, Llama31_8bByHand) {
    const double layer = 4096.0 * 4096 * 2 + 4096.0 * 1024 * 2 + 3.0 * 4096 * 14336 + 2 * 4096;
    EXPECT_DOUBLE_EQ(derived_params(find_model("llama-3.1-8b")->arch), 2.0 * 128256 * 4096 + 32 * layer + 4096);
}

TEST(ModelCatalogue, AtLeastTwentyPresetsAcrossTheFamilies) {
    EXPECT_GE(model_catalogue().size(), 20u);
    for (const char* id : {"llama-3.2-1b", "llama-3.2-3b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b",
                           "mistral-7b", "mixtral-8x7b", "mixtral-8x22b", "qwen2.5-7b", "gemma-2-2b", "gemma-2-9b",
                           "gemma-2-27b", "phi-3-mini", "phi-3-medium", "deepseek-v3", "gpt2", "bert-base"})
        EXPECT_NE(find_model(id), nullptr) << id;
}

// GPT-2 124M by hand (openai-community/gpt2 config.json: n_layer 12, n_embd 768, vocab 50257,
// n_positions 1024, tied head): per layer 12h² + 13h (c_attn, c_proj, c_fc, c_proj with biases,
// two LayerNorms), plus wte, wpe and ln_f. The hub reports 124,439,808.
TEST(ModelCatalogue, Gpt2ByHand) {
    const double h = 768;
    EXPECT_DOUBLE_EQ(derived_params(find_model("gpt2")->arch), 50257 * h + 1024 * h + 12 * (12 * h * h + 13 * h) + 2 * h);
    EXPECT_DOUBLE_EQ(derived_params(find_model("gpt2")->arch), 124439808);
}

// Mixture of experts: Mixtral 8x7B publishes 46.7B total and 12.9B active (Jiang et al. 2024,
// §2); DeepSeek-V3 671B total, 37B active (DeepSeek-AI 2024, abstract). Tolerance: 0.5% for the
// totals; 0.5% for Mixtral's active count and 2% for DeepSeek's "37B", which the paper rounds.
TEST(ModelCatalogue, MoeTotalAndActive) {
    const ModelArch& mixtral = find_model("mixtral-8x7b")->arch;
    EXPECT_NEAR(derived_params(mixtral) / 46.7e9, 1, 0.005);
    EXPECT_NEAR(derived_active_params(mixtral) / 12.9e9, 1, 0.005);
    const ModelArch& ds = find_model("deepseek-v3")->arch;
    EXPECT_NEAR(derived_params(ds) / 671e9, 1, 0.005);
    EXPECT_NEAR(derived_active_params(ds) / 37e9, 1, 0.02);
    // Dense models: active = total, no expert parameters.
    EXPECT_EQ(derived_expert_params(find_model("llama-3.1-8b")->arch), 0);
}

// Adafactor's factored state is rows + cols per matrix: for Llama 3.1 8B it is under 0.1%
// of the parameters (Shazeer & Stern 2018, §3).
TEST(ModelCatalogue, FactoredStateIsTiny) {
    const ModelArch& m = find_model("llama-3.1-8b")->arch;
    EXPECT_LT(factored_state_elements(m), 1e-3 * derived_params(m));
    EXPECT_GT(factored_state_elements(m), 0);
}
