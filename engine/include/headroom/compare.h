// Comparing two scenarios (seed 002's baseline vs mixed precision): per-component and total
// delta and the savings percentage. Pure functions of two Estimates.
#pragma once
#include <array>

#include "headroom/estimate.h"

namespace headroom {

struct Comparison {
    double baseline_total = 0;   // bytes per GPU
    double candidate_total = 0;  // bytes per GPU
    // baseline − candidate, bytes: positive when the candidate saves memory (seed 002 prints
    // "+0.63 GB" for its 7B overview).
    double delta = 0;
    // delta ÷ baseline × 100; 0 when the baseline is 0 (seed 002: "((Baseline − Mixed) ÷
    // Baseline) × 100").
    double savings_percent = 0;
    std::array<double, kComponentCount> component_delta{};  // baseline − candidate, per component
    double host_delta = 0;                                  // the same for host memory
};

Comparison compare(const Estimate& baseline, const Estimate& candidate);

}  // namespace headroom
