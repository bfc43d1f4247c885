#include "ui/layout.h"

#include <algorithm>
#include <cmath>

namespace layout {

Columns Compute(float width_em) {
    if (!(width_em > 0) || !std::isfinite(width_em)) return {};
    Columns c;
    if (width_em >= kThreeColumnMinEm) {
        // Inputs and formulas grow a little with the window; results take the rest and stay
        // the widest column, since the answer is what people came for.
        c.count = 3;
        c.inputs_em = std::clamp(width_em * 0.3f, 25.0f, 28.0f);  // 25: "Training  Inference" fits
        c.formulas_em = std::clamp(width_em * 0.28f, 22.0f, 34.0f);
        c.results_em = width_em - c.inputs_em - c.formulas_em - 2 * kGapEm;
    } else if (width_em >= kTwoColumnMinEm) {
        c.count = 2;
        c.inputs_em = std::clamp(width_em * 0.4f, 22.0f, 26.0f);
        c.results_em = width_em - c.inputs_em - kGapEm;
    } else {
        c.results_em = width_em;
    }
    return c;
}

bool CardsSideBySide(float results_em) { return results_em >= 52.0f; }

}  // namespace layout
