// Planning: seed 002's GPU count, cost and comparison; the largest batch that fits; the
// layout search.
#include <gtest/gtest.h>

#include <cmath>

#include "headroom/compare.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/plan.h"

#include "scenario_helpers.h"

using namespace headroom;
using headroom::testing::parsed;
using headroom::testing::model_states;

namespace {

const char* kSeed002Baseline = R"({"model":{"params":7e9},"batch":8,"activation_model":"per_sample",
    "activation_bytes_per_sample":230686720,
    "dtypes":{"weights":"fp32","gradients":"fp32","master_weights":"none","optimizer_state":"fp32"},
    "overhead":{"fraction":0,"bytes":2147483648}})";
const char* kSeed002Mixed = R"({"model":{"params":7e9},"batch":8,"activation_model":"per_sample",
    "activation_bytes_per_sample":146800640,
    "dtypes":{"weights":"fp16","gradients":"fp16","master_weights":"fp32","optimizer_state":"fp32"},
    "overhead":{"fraction":0,"bytes":2147483648}})";

}  // namespace

// Seed 002, 7B overview: baseline 108.03, mixed 107.40, "Training Delta +0.63 GB",
// "Training Savings 0.58%" (its GB are GiB).
TEST(Compare, Seed002DeltaAndSavings) {
    const Comparison c = compare(estimate(parsed(kSeed002Baseline)), estimate(parsed(kSeed002Mixed)));
    EXPECT_EQ(std::round(c.delta / kGiB * 100) / 100, 0.63);
    EXPECT_EQ(std::round(c.savings_percent * 100) / 100, 0.58);
    EXPECT_DOUBLE_EQ(c.component_delta[static_cast<int>(Component::MasterWeights)], -7e9 * 4);
    EXPECT_DOUBLE_EQ(c.component_delta[static_cast<int>(Component::Weights)], 7e9 * 2);
}

// Seed 002: GPU count = ceil(memory ÷ GPU memory); cost = GPUs × rate × hours.
TEST(Plan, Seed002GpuCountAndCost) {
    const Estimate b = estimate(parsed(kSeed002Baseline));
    EXPECT_EQ(gpus_needed(b.total, 80 * kGiB), 2);   // 108.03 GiB on 80 GiB cards
    EXPECT_EQ(gpus_needed(b.total, 40 * kGiB), 3);
    EXPECT_EQ(gpus_needed(80 * kGiB, 80 * kGiB), 1);  // exactly full is one GPU
    EXPECT_EQ(gpus_needed(0, 80 * kGiB), 0);
    EXPECT_DOUBLE_EQ(training_cost(2, 2.49, 100), 498);
}

// The largest batch that fits: the last batch whose total is within capacity.
TEST(Plan, MaxBatchIsTheLastThatFits) {
    const Scenario s = parsed(R"({"model":"llama-3.2-1b","seq_len":2048,"recompute":"full"})");
    const double cap = find_gpu("a100-80gb")->capacity_bytes;
    const long long b = max_batch(s, cap);
    ASSERT_GT(b, 1);
    Scenario t = s;
    t.batch = b;
    EXPECT_LE(estimate(t).total, cap);
    t.batch = b + 1;
    EXPECT_GT(estimate(t).total, cap);
    // Seed 002's per-sample model: weights etc. 2 GiB fixed + 1 GiB per sample on a 10 GiB card.
    const Scenario p = parsed(R"({"model":{"params":1e6},"activation_model":"per_sample","activation_bytes_per_sample":1073741824,
        "mode":"inference","kv_cache":false,"overhead":{"fraction":0,"bytes":2147483648}})");
    EXPECT_EQ(max_batch(p, 10 * kGiB - 2e6), 7);  // 1e6 params × 2 B of weights
    EXPECT_EQ(max_batch(p, 1 * kGiB), 0);
}

// Seed 001's default (161.4 GB) does not fit one H100; the planner finds the fewest GPUs.
TEST(Plan, FindsTheFewestGpusThatFit) {
    const Scenario s = default_scenario();
    const double cap = find_gpu("h100-sxm-80gb")->capacity_bytes;
    const Plan p = plan_layout(s, cap);
    ASSERT_TRUE(p.found);
    EXPECT_LE(p.best.total_bytes, cap);
    EXPECT_TRUE(validate(p.best.scenario).empty());
    EXPECT_EQ(p.best.gpus, p.best.scenario.parallel.tp * p.best.scenario.parallel.pp * p.best.scenario.parallel.dp);
    EXPECT_DOUBLE_EQ(estimate(p.best.scenario).total, p.best.total_bytes);
    // Fewest: 2 GPUs suffice (ZeRO-3 over 2 halves 128 GB of model states), 1 does not.
    EXPECT_EQ(p.best.gpus, 2);
    EXPECT_GT(p.evaluated, 0);
    // Llama 3.1 405B needs many; the search still ends and fits.
    const Plan big = plan_layout(parsed(R"({"model":"llama-3.1-405b"})"), cap);
    ASSERT_TRUE(big.found);
    EXPECT_LE(big.best.total_bytes, cap);
    EXPECT_GE(big.best.gpus, 32);
}

TEST(Plan, NothingFitsIsReported) {
    const Plan p = plan_layout(parsed(R"({"model":"llama-3.1-405b"})"), 1e9, PlanOptions{.max_gpus = 8});
    EXPECT_FALSE(p.found);
}
