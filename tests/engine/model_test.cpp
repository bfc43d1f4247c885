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
