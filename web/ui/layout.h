// The page's responsive layout as a pure function of the window width in em (1 em = the
// body font size), so the breakpoints are unit tested without a window (tests/ui/).
//   wide   >= kThreeColumnMinEm: inputs | results | formulas
//   medium >= kTwoColumnMinEm:   inputs | results (formulas below the results)
//   narrow:                      one scrolling column: results, inputs, formulas
#pragma once
#include <functional>
#include <string>
#include <string_view>

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

// The text's width, in whatever unit `width` is given in (ImGui::CalcTextSize on the page).
using Measure = std::function<float(std::string_view)>;

// The longest form of a label that fits `width`, so a combo box never shows a clipped name:
// the whole label; else without its parenthetical note ("Selective (Korthikanti)" ->
// "Selective"); else cut between words with an ellipsis, keeping its first and last words
// ("GeForce RTX 4090 24GB" -> "GeForce… 4090 24GB"), which tell names apart; else cut at the
// end ("Radeo…"). The full label is in the open list.
std::string FitLabel(std::string_view label, float width, const Measure& measure);

}  // namespace layout
