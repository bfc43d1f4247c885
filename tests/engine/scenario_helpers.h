// Helpers shared by the engine tests: a scenario from JSON that must be valid, and the sum
// of the four model-state components.
#pragma once
#include <gtest/gtest.h>

#include "headroom/estimate.h"
#include "headroom/scenario.h"

namespace headroom::testing {

inline Scenario parsed(const char* json) {
    ParsedScenario p = parse_scenario(json);
    EXPECT_TRUE(p.ok()) << (p.errors.empty() ? "" : p.errors[0].field + ": " + p.errors[0].message);
    return p.scenario;
}

inline double model_states(const Estimate& e) {
    return e[Component::Weights] + e[Component::MasterWeights] + e[Component::Gradients] +
           e[Component::OptimizerStates];
}

}  // namespace headroom::testing
