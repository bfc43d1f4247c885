#include "ui/layout.h"

#include <algorithm>
#include <cmath>
#include <vector>

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
        // 24 em where the results column keeps its 24 em: the combo boxes then show
        // "Selective (Korthikanti)" whole (at 768 CSS px and up).
        c.inputs_em = std::clamp(width_em * 0.45f, 24.0f, 26.0f);
        c.inputs_em = std::max(22.0f, std::min(c.inputs_em, width_em - kGapEm - 24.0f));
        c.results_em = width_em - c.inputs_em - kGapEm;
    } else {
        c.results_em = width_em;
    }
    return c;
}

bool CardsSideBySide(float results_em) { return results_em >= 52.0f; }

namespace {

constexpr std::string_view kEllipsis = "…";

std::vector<std::string_view> Words(std::string_view s) {
    std::vector<std::string_view> words;
    while (!s.empty()) {
        const std::size_t start = s.find_first_not_of(' ');
        if (start == std::string_view::npos) break;
        s.remove_prefix(start);
        const std::size_t end = std::min(s.find(' '), s.size());
        words.push_back(s.substr(0, end));
        s.remove_prefix(end);
    }
    return words;
}

std::string Join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) s += ' ';
        s += words[i];
    }
    return s;
}

}  // namespace

std::string FitLabel(std::string_view label, float width, const Measure& measure) {
    if (measure(label) <= width) return std::string(label);
    // Without a trailing parenthetical note.
    std::string_view base = label;
    if (const std::size_t open = label.find(" ("); open != std::string_view::npos && label.back() == ')') {
        base = label.substr(0, open);
        if (measure(base) <= width) return std::string(base);
    }
    // First words, an ellipsis, last words: of the forms that fit, the one keeping most text.
    const std::vector<std::string_view> words = Words(base);
    const std::size_t n = words.size();
    std::string best;
    std::size_t best_kept = 0;
    for (std::size_t first = 1; first + 1 < n; ++first) {
        for (std::size_t last = 1; first + last < n; ++last) {
            std::string s = Join(words, 0, first) + std::string(kEllipsis) + " " + Join(words, n - last, n);
            const std::size_t kept = s.size();
            if (kept > best_kept && measure(s) <= width) {
                best = std::move(s);
                best_kept = kept;
            }
        }
    }
    if (!best.empty()) return best;
    // The start of the label, cut between characters (not inside a UTF-8 sequence).
    for (std::size_t len = base.empty() ? 0 : base.size() - 1; len > 0; --len) {
        if ((static_cast<unsigned char>(base[len]) & 0xC0) == 0x80) continue;
        std::string s = std::string(base.substr(0, len)) + std::string(kEllipsis);
        if (measure(s) <= width) return s;
    }
    return std::string(kEllipsis);
}

}  // namespace layout
