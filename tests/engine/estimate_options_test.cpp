// The bytes-only estimate (EstimateOptions{formulas = false, fits = false}), which the planner
// and the max-batch search run, must agree exactly with the full estimate: the text is skipped,
// never the arithmetic. Checked over every preset × mode × fine-tuning × recompute × layout ×
// offload × activation model, with exact (==) comparisons.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "headroom/estimate.h"
#include "headroom/model.h"

using namespace headroom;

namespace {

constexpr EstimateOptions kBytesOnly{.formulas = false, .fits = false};

struct LayoutCase {
    int tp, pp, dp, zero;
    bool sp, offload_optimizer, offload_params;
};

constexpr LayoutCase kLayouts[] = {
    {1, 1, 1, 0, false, false, false}, {2, 1, 4, 1, true, false, false}, {8, 4, 8, 2, true, false, false},
    {4, 8, 16, 3, false, false, false}, {1, 2, 8, 2, false, true, false}, {8, 8, 8, 3, true, true, true},
};

void expect_same(const Scenario& s, const std::string& where) {
    const Estimate full = estimate(s);
    const Estimate fast = estimate(s, kBytesOnly);
    SCOPED_TRACE(where);
    for (int i = 0; i < kComponentCount; ++i) {
        EXPECT_EQ(full.bytes[i], fast.bytes[i]) << component_id(kAllComponents[i]);
        EXPECT_EQ(full.host[i], fast.host[i]) << component_id(kAllComponents[i]);
    }
    EXPECT_EQ(full.total, fast.total);
    EXPECT_EQ(full.host_total, fast.host_total);
    EXPECT_EQ(full.params_total, fast.params_total);
    EXPECT_EQ(full.params_active, fast.params_active);
    EXPECT_EQ(full.params_trainable, fast.params_trainable);
    EXPECT_TRUE(fast.formulas.empty());
    EXPECT_TRUE(fast.fits.empty());
    // Each option drops only its own part.
    const Estimate no_text = estimate(s, {.formulas = false, .fits = true});
    EXPECT_EQ(no_text.fits.size(), full.fits.size());
    EXPECT_TRUE(no_text.formulas.empty());
    EXPECT_EQ(estimate(s, {.formulas = true, .fits = false}).formulas.size(), full.formulas.size());
}

}  // namespace

TEST(EstimateOptions, DefaultIsTheFullEstimate) {
    const Scenario s = default_scenario();
    const Estimate a = estimate(s), b = estimate(s, EstimateOptions{});
    ASSERT_EQ(a.formulas.size(), size_t(kSeedComponentCount));
    ASSERT_EQ(b.formulas.size(), a.formulas.size());
    for (size_t i = 0; i < a.formulas.size(); ++i) {
        EXPECT_EQ(a.formulas[i].formula, b.formulas[i].formula);
        EXPECT_EQ(a.formulas[i].substituted, b.formulas[i].substituted);
        EXPECT_EQ(a.formulas[i].source, b.formulas[i].source);
    }
    EXPECT_EQ(a.fits.size(), b.fits.size());
}

TEST(EstimateOptions, BytesOnlyMatchesFullEstimateExactly) {
    constexpr Finetune finetunes[] = {Finetune::Full, Finetune::Lora, Finetune::Qlora};
    constexpr Recompute recomputes[] = {Recompute::None, Recompute::Selective, Recompute::Full, Recompute::Sqrt};
    constexpr ActivationModel models[] = {ActivationModel::Transformer, ActivationModel::Multiplier,
                                          ActivationModel::PerSample};
    constexpr Optimizer optimizers[] = {Optimizer::AdamW, Optimizer::Adafactor, Optimizer::Sgd};
    int checked = 0;
    for (const ModelPreset& preset : model_catalogue())
        for (Mode mode : {Mode::Training, Mode::Inference})
            for (Finetune ft : finetunes)
                for (Recompute rc : recomputes)
                    for (const LayoutCase& l : kLayouts)
                        for (ActivationModel am : models)
                            for (bool ends : {false, true}) {
                                Scenario s = default_scenario();
                                s.model_preset = std::string(preset.id);
                                s.model = preset.arch;
                                s.mode = mode;
                                s.finetune = ft;
                                s.recompute = rc;
                                s.optimizer = optimizers[checked % 3];
                                s.flash_attention = checked % 2 == 0;
                                s.activation_model = am;
                                s.activation_bytes_per_sample = 3.5e8;
                                s.embeddings_and_logits = ends;
                                s.batch = 1 + checked % 7;
                                s.seq_len = 512 << (checked % 4);
                                if (checked % 5 == 0) s.kv_tokens = 40000;
                                s.parallel.tp = s.model.heads % l.tp == 0 ? l.tp : 1;
                                s.parallel.pp = std::min(l.pp, s.model.layers);
                                s.parallel.dp = l.dp;
                                s.parallel.zero = l.zero;
                                s.parallel.sp = l.sp;
                                if (is_moe(s.model)) s.parallel.ep = std::min(l.dp, s.model.experts);
                                s.offload.optimizer = l.offload_optimizer;
                                s.offload.params = l.offload_params;
                                if (!validate(s).empty()) continue;
                                ++checked;
                                expect_same(s, std::string(preset.id) + " #" + std::to_string(checked));
                                if (::testing::Test::HasFailure()) return;
                            }
    EXPECT_GT(checked, 1000);  // the grid must not be mostly invalid
}
