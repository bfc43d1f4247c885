// The page's responsive layout as a pure function of the window width in em (1 em = the
// body font size), so the breakpoints are unit tested without a window (tests/ui/).
//   wide   >= kThreeColumnMinEm: inputs | results | formulas
//   medium >= kTwoColumnMinEm:   inputs | results (formulas below the results)
//   narrow:                      one scrolling column: results, inputs, formulas
#pragma once

namespace layout {

inline constexpr float kThreeColumnMinEm = 80.0f;  // 1200 CSS px at 15 px: laptops and up
inline constexpr float kTwoColumnMinEm = 48.0f;    // 720 CSS px: tablets in portrait
inline constexpr float kGapEm = 0.8f;              // between columns

struct Columns {
    int count = 1;            // 1, 2 or 3
    float inputs_em = 0;      // width of the inputs column; 0 = the whole width (one column)
    float formulas_em = 0;    // width of the formulas column; 0 when it is not a column
    float results_em = 0;     // what is left for results (the whole width in one column)
};

// Widths in em for a window `width_em` wide (content width, padding excluded). Never
// negative, never NaN (a zero or NaN width gives one column of width 0).
Columns Compute(float width_em);

// Whether a results card this wide sets its content side by side (table | pie, say).
bool CardsSideBySide(float results_em);

}  // namespace layout
