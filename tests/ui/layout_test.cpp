// Layout breakpoints (web/ui/layout.h) at the four sizes issue 5 names, in em of 15 CSS px
// less the window padding, and at the edges.
#include "ui/layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

// Content width in em of a window `css_px` wide: 15 px font, 18 px padding each side.
float ContentEm(float css_px) { return (css_px - 36.0f) / 15.0f; }

TEST(Layout, ThreeColumnsAt1280) {
    const layout::Columns c = layout::Compute(ContentEm(1280));
    EXPECT_EQ(c.count, 3);
    EXPECT_GT(c.results_em, c.inputs_em);  // the answer gets the widest column
    EXPECT_GT(c.results_em, c.formulas_em);
    EXPECT_NEAR(c.inputs_em + c.results_em + c.formulas_em + 2 * layout::kGapEm, ContentEm(1280), 1e-3);
}

TEST(Layout, TwoColumnsAt1024And768) {
    for (float px : {1024.0f, 768.0f}) {
        const layout::Columns c = layout::Compute(ContentEm(px));
        EXPECT_EQ(c.count, 2) << px;
        EXPECT_GE(c.results_em, 22.0f) << px;  // the breakdown table's four columns fit
        EXPECT_EQ(c.formulas_em, 0.0f) << px;
    }
}

TEST(Layout, OneColumnOnAPhone) {
    const layout::Columns c = layout::Compute(ContentEm(390));
    EXPECT_EQ(c.count, 1);
    EXPECT_FLOAT_EQ(c.results_em, ContentEm(390));
}

TEST(Layout, BreakpointsAreInclusiveAndMonotone) {
    EXPECT_EQ(layout::Compute(layout::kThreeColumnMinEm).count, 3);
    EXPECT_EQ(layout::Compute(layout::kThreeColumnMinEm - 0.01f).count, 2);
    EXPECT_EQ(layout::Compute(layout::kTwoColumnMinEm).count, 2);
    EXPECT_EQ(layout::Compute(layout::kTwoColumnMinEm - 0.01f).count, 1);
    int last = 1;
    for (float em = 1; em < 200; em += 0.5f) {
        const layout::Columns c = layout::Compute(em);
        EXPECT_GE(c.count, last) << em;
        EXPECT_GE(c.results_em, 0.0f) << em;
        last = c.count;
    }
}

TEST(Layout, ColumnsNeverOverlapOrGoNegative) {
    for (float em = layout::kTwoColumnMinEm; em < 300; em += 0.25f) {
        const layout::Columns c = layout::Compute(em);
        const float used = c.inputs_em + c.results_em + c.formulas_em + (c.count - 1) * layout::kGapEm;
        EXPECT_NEAR(used, em, 1e-3) << em;
        EXPECT_GE(c.results_em, 24.0f) << em;
    }
}

TEST(Layout, BadWidthGivesOneEmptyColumn) {
    for (float bad : {0.0f, -5.0f, std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity()}) {
        const layout::Columns c = layout::Compute(bad);
        EXPECT_EQ(c.count, 1);
        EXPECT_EQ(c.results_em, 0.0f);
    }
}

}  // namespace

// FitLabel with a fixed-pitch measure: each byte of UTF-8 is one unit, the ellipsis one.
float Pitch(std::string_view s) {
    float w = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) w += 1;  // one per character
    return w;
}

TEST(FitLabel, WholeWhenItFits) {
    EXPECT_EQ(layout::FitLabel("Selective (Korthikanti)", 23, Pitch), "Selective (Korthikanti)");
    EXPECT_EQ(layout::FitLabel("bf16", 4, Pitch), "bf16");
}

TEST(FitLabel, DropsTheParentheticalNoteFirst) {
    EXPECT_EQ(layout::FitLabel("Selective (Korthikanti)", 22, Pitch), "Selective");
    EXPECT_EQ(layout::FitLabel("Transformer (Korthikanti)", 15, Pitch), "Transformer");
    EXPECT_EQ(layout::FitLabel("QLoRA (4-bit base)", 10, Pitch), "QLoRA");
}

TEST(FitLabel, KeepsFirstAndLastWordsOfLongNames) {
    // The memory size at the end tells GPUs apart; the brand at the start says what it is.
    EXPECT_EQ(layout::FitLabel("GeForce RTX 4090 24GB", 18, Pitch), "GeForce… 4090 24GB");
    EXPECT_EQ(layout::FitLabel("Radeon RX 7900 XTX 24GB", 14, Pitch), "Radeon… 24GB");
    EXPECT_EQ(layout::FitLabel("Radeon RX 7900 XTX 24GB", 20, Pitch), "Radeon RX 7900… 24GB");
}

TEST(FitLabel, CutsAtTheEndWhenNoWordsFit) {
    EXPECT_EQ(layout::FitLabel("Instinct MI300X 192GB", 6, Pitch), "Insti…");
    EXPECT_EQ(layout::FitLabel("√L checkpoints", 3, Pitch), "√L…");  // never inside a character
    EXPECT_EQ(layout::FitLabel("anything", 0, Pitch), "…");
    EXPECT_EQ(layout::FitLabel("", 0, Pitch), "");
}

TEST(FitLabel, NeverWiderThanAsked) {
    for (const char* label : {"GeForce RTX 3060 12GB", "Per sample (seed 002)", "DeepSeek-V3 671B (MoE)", "Llama 3.1 405B"})
        for (float w = 1; w < 30; ++w) {
            const std::string s = layout::FitLabel(label, w, Pitch);
            EXPECT_LE(Pitch(s), w) << label << " in " << w << ": " << s;
        }
}
