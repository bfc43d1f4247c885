#include "headroom/calibration.h"

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

}  // namespace headroom
