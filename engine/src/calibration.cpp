#include "headroom/calibration.h"

#include <cmath>

#include "headroom/format.h"

namespace headroom {
namespace {

constexpr CalibrationSummary kSummary[] = {
#include "calibration_summary.inc"
    {"", "", 0, 0, 0, 0, 0},
};

}  // namespace

bool is_calibration_level(std::string_view level) {
    for (std::string_view l : {"allocated", "reserved", "device", "weights", "kv_cache", "kv_tokens", "max_concurrency",
                               "compute_buffer", "model_size", "host_weights", "kv_cache_total"})
        if (l == level) return true;
    return false;
}

std::span<const CalibrationSummary> calibration_summary() { return {kSummary, std::size(kSummary) - 1}; }

const CalibrationSummary* calibration_for(const Scenario& s) {
    if (s.runtime == Runtime::None) return nullptr;
    for (const CalibrationSummary& c : calibration_summary())
        if (c.runtime == runtime_name(s.runtime) && c.mode == mode_name(s.mode)) return &c;
    return nullptr;
}

std::string calibration_line(const CalibrationSummary& c, bool ascii) {
    const auto pct = [&](double x) {
        const double p = std::round(x * 1000.0) / 10.0;  // one decimal, in percent
        std::string text = format_fixed(std::fabs(p), std::fabs(p) < 10 ? 1 : 0) + "%";
        if (p > 0) return "+" + text;
        if (p < 0) return (ascii ? "-" : "\u2212") + text;
        return text;
    };
    std::string out = "Estimates like this one (" + std::string(c.runtime) + ", " + std::string(c.mode) + ") against ";
    if (c.cases >= 10)
        out += std::to_string(c.cases) + " measured runs: 90% within " + pct(c.p05) + " / " + pct(c.p95);
    else
        out += "the " + std::to_string(c.cases) + " measured run" + (c.cases == 1 ? "" : "s") + ": within " +
               pct(c.p05) + " / " + pct(c.p95);
    out += ", median " + pct(c.median) + "; " + std::to_string(c.within) + " of " + std::to_string(c.cases) +
           " within " + format_fixed(kCalibrationTolerance * 100, 0) + "%.";
    return out;
}

}  // namespace headroom
