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
