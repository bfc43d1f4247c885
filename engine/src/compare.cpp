// Scenario comparison (seed 002's savings table).
#include "headroom/compare.h"

namespace headroom {

Comparison compare(const Estimate& baseline, const Estimate& candidate) {
    Comparison c;
    c.baseline_total = baseline.total;
    c.candidate_total = candidate.total;
    c.delta = baseline.total - candidate.total;
    c.savings_percent = baseline.total > 0 ? c.delta / baseline.total * 100 : 0;
    for (int i = 0; i < kComponentCount; ++i) c.component_delta[i] = baseline.bytes[i] - candidate.bytes[i];
    c.host_delta = baseline.host_total - candidate.host_total;
    return c;
}

}  // namespace headroom
