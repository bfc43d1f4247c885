// Scenario JSON: defaults, round trips and one named error per bad field (DESIGN.md contract).
#include <gtest/gtest.h>

#include <cmath>

#include "headroom/estimate.h"
#include "headroom/scenario.h"

using namespace headroom;

namespace {

std::vector<std::string> error_fields(const char* doc) {
    std::vector<std::string> fields;
    for (const FieldError& e : parse_scenario(doc).errors) {
        EXPECT_FALSE(e.message.empty()) << e.field;
        fields.push_back(e.field);
    }
    return fields;
}

using Fields = std::vector<std::string>;

}  // namespace

TEST(Scenario, EmptyObjectIsTheDefault) {
    const ParsedScenario p = parse_scenario("{}");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(scenario_to_json(p.scenario), scenario_to_json(default_scenario()));
    EXPECT_TRUE(validate(default_scenario()).empty());
}

TEST(Scenario, JsonRoundTrips) {
    const char* doc = R"({"mode":"inference","model":{"preset":"mistral-7b","layers":30},"batch":3,"seq_len":1000,
        "kv_tokens":2000,"dtypes":{"weights":"int4","kv_cache":"fp8"},"parallel":{"tp":2,"pp":2},"gpu":"l4-24gb"})";
    const ParsedScenario a = parse_scenario(doc);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.scenario.model.layers, 30);
    EXPECT_EQ(a.scenario.model.hidden, 4096);  // from the preset it overrides
    const ParsedScenario b = parse_scenario(scenario_to_json(a.scenario));
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(scenario_to_json(a.scenario), scenario_to_json(b.scenario));
    EXPECT_EQ(estimate(a.scenario).total, estimate(b.scenario).total);
}

TEST(Scenario, MasterWeightsDefaultFollowsTheWeights) {
    EXPECT_TRUE(parse_scenario(R"({"dtypes":{"weights":"bf16"}})").scenario.dtypes.master_weights.has_value());
    EXPECT_FALSE(parse_scenario(R"({"dtypes":{"weights":"fp32"}})").scenario.dtypes.master_weights.has_value());
    EXPECT_FALSE(parse_scenario(R"({"dtypes":{"master_weights":"none"}})").scenario.dtypes.master_weights.has_value());
}

TEST(Scenario, NotJsonOrNotAnObject) {
    EXPECT_EQ(error_fields(""), Fields{""});
    EXPECT_EQ(error_fields("{batch: 1"), Fields{""});
    EXPECT_EQ(error_fields("[1,2]"), Fields{""});
    EXPECT_EQ(error_fields("NaN"), Fields{""});
}

TEST(Scenario, EachBadFieldIsNamed) {
    EXPECT_EQ(error_fields(R"({"batch":0})"), Fields{"batch"});
    EXPECT_EQ(error_fields(R"({"batch":-1})"), Fields{"batch"});
    EXPECT_EQ(error_fields(R"({"batch":1e30})"), Fields{"batch"});
    EXPECT_EQ(error_fields(R"({"batch":2.5})"), Fields{"batch"});
    EXPECT_EQ(error_fields(R"({"batch":"eight"})"), Fields{"batch"});
    EXPECT_EQ(error_fields(R"({"seq_len":0})"), Fields{"seq_len"});
    EXPECT_EQ(error_fields(R"({"model":"gpt-9"})"), Fields{"model"});
    EXPECT_EQ(error_fields(R"({"gpu":"h900"})"), Fields{"gpu"});
    EXPECT_EQ(error_fields(R"({"mode":"serving"})"), Fields{"mode"});
    EXPECT_EQ(error_fields(R"({"optimizer":"adam9"})"), Fields{"optimizer"});
    EXPECT_EQ(error_fields(R"({"dtypes":{"weights":"fp64"}})"), Fields{"dtypes.weights"});
    EXPECT_EQ(error_fields(R"({"parallel":{"zero":4}})"), Fields{"parallel.zero"});
    EXPECT_EQ(error_fields(R"({"parallel":{"tp":3}})"), Fields{"parallel.tp"});  // 32 heads
    EXPECT_EQ(error_fields(R"({"parallel":{"pp":64}})"), Fields{"parallel.pp"});  // 32 layers
    EXPECT_EQ(error_fields(R"({"overhead":{"fraction":-0.1}})"), Fields{"overhead.fraction"});
    EXPECT_EQ(error_fields(R"({"model":{"params":-5}})"), (Fields{"model.params", "model.layers", "model.hidden", "model.heads"}));
    EXPECT_EQ(error_fields(R"({"model":{"preset":"llama-3.1-8b","kv_heads":5}})"), Fields{"model.kv_heads"});
    EXPECT_EQ(error_fields(R"({"bacth":8})"), Fields{"bacth"});
}

TEST(Scenario, SeveralBadFieldsAreAllNamed) {
    EXPECT_EQ(error_fields(R"({"batch":0,"seq_len":-4,"gpu":"x"})"), (Fields{"batch", "seq_len", "gpu"}));
}

TEST(Scenario, ParamsAloneIsValidWhereTheArchitectureIsNotNeeded) {
    EXPECT_TRUE(parse_scenario(R"({"model":{"params":7e9},"activation_model":"per_sample"})").ok());
    // ...but not for transformer activations, which need the shape.
    EXPECT_FALSE(parse_scenario(R"({"model":{"params":7e9}})").ok());
    // ...nor for an inference KV cache.
    EXPECT_FALSE(parse_scenario(R"({"mode":"inference","model":{"params":7e9},"activation_model":"per_sample"})").ok());
}

// Found by the fuzzer: a whole number beyond the field's integer type is named, not converted
// (the conversion would be undefined behaviour).
TEST(Scenario, IntegerBeyondItsTypeIsNamed) {
    EXPECT_EQ(error_fields(R"({"model":{"preset":"llama-3.1-8b","layers":7e9}})"), Fields{"model.layers"});
    EXPECT_EQ(error_fields(R"({"parallel":{"tp":-3e9}})"), Fields{"parallel.tp"});
}

TEST(Scenario, OutOfRangeErrorsCarryTheirBounds) {
    // Fronts that show a field in other units (% or GB) restate the bounds in those.
    Scenario s = default_scenario();
    s.overhead.fraction = 15;
    s.batch = 0;
    const std::vector<FieldError> errors = validate(s);
    ASSERT_EQ(errors.size(), 2u);
    for (const FieldError& e : errors) {
        if (e.field == "overhead.fraction") {
            EXPECT_EQ(e.lo, 0);
            EXPECT_EQ(e.hi, 10);
            EXPECT_EQ(e.value, 15);
        } else {
            EXPECT_EQ(e.field, "batch");
            EXPECT_EQ(e.lo, 1);
            EXPECT_EQ(e.value, 0);
        }
    }
    s = default_scenario();
    s.model.params = -5;
    const std::vector<FieldError> params = validate(s);
    ASSERT_EQ(params.size(), 1u);
    EXPECT_EQ(params[0].lo, 1);
    EXPECT_EQ(params[0].value, -5);
    // An error that is not about a range has no bounds.
    s = default_scenario();
    s.gpu = "nope";
    ASSERT_EQ(validate(s).size(), 1u);
    EXPECT_TRUE(std::isnan(validate(s)[0].lo));
}
