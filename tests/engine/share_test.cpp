// The scenario as URL text: fragment round trips, versioning, query parameters.
#include <gtest/gtest.h>

#include <random>

#include "headroom/scenario.h"
#include "headroom/share.h"

namespace headroom {
namespace {

Scenario parsed(std::string_view json) {
    ParsedScenario p = parse_scenario(json);
    EXPECT_TRUE(p.ok()) << json;
    return p.scenario;
}

TEST(Share, Base64urlRoundTripsEveryLength) {
    std::string bytes;
    for (int n = 0; n < 40; ++n) {
        const std::string enc = base64url_encode(bytes);
        EXPECT_EQ(enc.find_first_of("+/="), std::string::npos);
        std::string dec;
        ASSERT_TRUE(base64url_decode(enc, &dec));
        EXPECT_EQ(dec, bytes);
        bytes += static_cast<char>(n * 37 + 200);
    }
    std::string out;
    EXPECT_FALSE(base64url_decode("ab$c", &out));
    EXPECT_FALSE(base64url_decode("a", &out));
}

TEST(Share, DefaultScenarioIsJustTheVersion) {
    EXPECT_EQ(scenario_to_shared_json(default_scenario()), R"({"v":2})");
    EXPECT_EQ(scenario_to_fragment(default_scenario()), "s=eyJ2IjoyfQ");
}

TEST(Share, FragmentCarriesOnlyChangedFields) {
    const Scenario s = parsed(R"({"mode":"inference","batch":4,"gpu":"a100-80gb","dtypes":{"kv_cache":"fp8"}})");
    EXPECT_EQ(scenario_to_shared_json(s),
              R"({"batch":4,"dtypes":{"kv_cache":"fp8"},"gpu":"a100-80gb","mode":"inference","v":2})");
}

// Version 1 links were made when attention defaulted to eager: one without flash_attention
// opens with eager attention, as it did; version 2 links take fused attention by default. A
// query of plain keys asks for today's estimate (today's defaults) unless it names its "v".
TEST(Share, Version1LinksKeepEagerAttention) {
    const ParsedScenario v1 = parse_fragment("#s=" + base64url_encode(R"({"v":1,"recompute":"none"})"));
    ASSERT_TRUE(v1.ok());
    EXPECT_FALSE(v1.scenario.flash_attention);
    const ParsedScenario v2 = parse_fragment("#s=" + base64url_encode(R"({"v":2,"recompute":"none"})"));
    ASSERT_TRUE(v2.ok());
    EXPECT_TRUE(v2.scenario.flash_attention);
    EXPECT_TRUE(parse_query("?mode=inference").scenario.flash_attention);
    EXPECT_FALSE(parse_query("?v=1&mode=inference").scenario.flash_attention);
    EXPECT_TRUE(parse_query("?v=2&mode=inference").scenario.flash_attention);
    EXPECT_FALSE(parse_query("?s=" + base64url_encode(R"({"recompute":"none"})") + "&mode=inference").scenario.flash_attention);
    EXPECT_TRUE(parse_query("?mode=inference&flash_attention=true").scenario.flash_attention);
}

TEST(Share, FragmentRoundTripsExactly) {
    for (const char* json : {
             "{}",
             R"({"mode":"inference","model":"llama-3.1-70b","batch":4,"kv_tokens":8192,"gpu":"h100-sxm-80gb"})",
             R"({"model":{"params":7e9,"layers":32,"hidden":4096,"heads":32},"activation_model":"multiplier"})",
             R"({"parallel":{"dp":8,"zero":3,"tp":2},"recompute":"full","optimizer":"adamw_8bit","overhead":{"fraction":0,"bytes":1e9}})",
             R"({"finetune":"qlora","lora":{"rank":64},"parallel":{"dp":4,"zero":2},"offload":{"optimizer":true},"flash_attention":true})",
         }) {
        const Scenario s = parsed(json);
        const ParsedScenario back = parse_fragment("#" + scenario_to_fragment(s));
        ASSERT_TRUE(back.ok()) << json << ": " << back.errors[0].field << " " << back.errors[0].message;
        EXPECT_EQ(scenario_to_json(back.scenario), scenario_to_json(s)) << json;
    }
}

TEST(Share, RandomEditsRoundTrip) {
    std::mt19937 rng(6);
    const char* modes[] = {"training", "inference"};
    const char* gpus[] = {"h100-sxm-80gb", "a100-40gb", "rtx-4090"};
    const char* dtypes[] = {"fp32", "bf16", "fp8", "int4"};
    for (int i = 0; i < 200; ++i) {
        const std::string json = std::string("{\"mode\":\"") + modes[rng() % 2] + "\",\"batch\":" +
                                 std::to_string(1 + rng() % 64) + ",\"seq_len\":" + std::to_string(128 << (rng() % 6)) +
                                 ",\"gpu\":\"" + gpus[rng() % 3] + "\",\"dtypes\":{\"weights\":\"" + dtypes[rng() % 4] +
                                 "\"},\"parallel\":{\"tp\":" + std::to_string(1 << (rng() % 3)) + "}}";
        ParsedScenario p = parse_scenario(json);
        if (!p.ok()) continue;  // a GPU id this catalogue lacks, say
        const ParsedScenario back = parse_fragment(scenario_to_fragment(p.scenario));
        ASSERT_TRUE(back.ok()) << json;
        EXPECT_EQ(scenario_to_json(back.scenario), scenario_to_json(p.scenario)) << json;
    }
}

// A v1 link written on the day sharing shipped. It must keep opening, to the same scenario,
// however many fields are added later: never regenerate this string.
TEST(Share, V1LinkWrittenTodayStillOpens) {
    const std::string link = "s=eyJiYXRjaCI6NCwiZ3B1IjoiaDEwMC1zeG0tODBnYiIsIm1vZGUiOiJpbmZlcmVuY2UiLCJtb2RlbCI6ImxsYW1hLTMuMS03MGIiLCJ2IjoxfQ";
    const ParsedScenario p = parse_fragment(link);
    ASSERT_TRUE(p.ok()) << p.errors[0].message;
    EXPECT_EQ(p.scenario.mode, Mode::Inference);
    EXPECT_EQ(p.scenario.model_preset, "llama-3.1-70b");
    EXPECT_EQ(p.scenario.batch, 4);
    EXPECT_EQ(p.scenario.gpu, "h100-sxm-80gb");
    // Fields the link does not name are the defaults (so fields added later take theirs).
    EXPECT_EQ(p.scenario.seq_len, default_scenario().seq_len);
}

TEST(Share, VersionIsChecked) {
    EXPECT_TRUE(parse_shared_json(R"({"batch":2})").ok());  // no "v": version 1
    ParsedScenario newer = parse_shared_json(R"({"v":99,"batch":2})");
    ASSERT_FALSE(newer.ok());
    EXPECT_EQ(newer.errors[0].field, "v");
    EXPECT_FALSE(parse_shared_json(R"({"v":"one"})").ok());
    EXPECT_FALSE(parse_shared_json(R"({"v":0})").ok());
}

TEST(Share, BadFragmentsAreNamedErrors) {
    EXPECT_EQ(parse_fragment("").errors.at(0).field, "s");
    EXPECT_EQ(parse_fragment("#s=!!!").errors.at(0).field, "s");
    EXPECT_FALSE(parse_fragment("#s=" + base64url_encode("not json")).ok());
    const ParsedScenario bad = parse_fragment("#s=" + base64url_encode(R"({"v":1,"batch":0})"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.errors[0].field, "batch");
    EXPECT_TRUE(fragment_has_scenario("#x=1&s=abc"));
    EXPECT_FALSE(fragment_has_scenario("#section-2"));
}

TEST(Share, QueryParametersSetTheScenario) {
    bool found = false;
    const ParsedScenario p =
        parse_query("?embed=1&model=llama-3.1-70b&gpu=h100-sxm-80gb&mode=inference&batch=4&dtypes.kv_cache=fp8&parallel.tp=2", &found);
    ASSERT_TRUE(p.ok()) << p.errors[0].field << ": " << p.errors[0].message;
    EXPECT_TRUE(found);
    EXPECT_EQ(p.scenario.model_preset, "llama-3.1-70b");
    EXPECT_EQ(p.scenario.mode, Mode::Inference);
    EXPECT_EQ(p.scenario.batch, 4);
    EXPECT_EQ(p.scenario.dtypes.kv_cache, DType::FP8);
    EXPECT_EQ(p.scenario.parallel.tp, 2);

    EXPECT_TRUE(parse_query("?embed=1", &found).ok());
    EXPECT_FALSE(found);

    const ParsedScenario bad = parse_query("batch=abc&gpu=nope");
    ASSERT_EQ(bad.errors.size(), 2u);

    // ?s= is the fragment's text; plain keys apply on top of it.
    const Scenario shared = parsed(R"({"batch":8,"mode":"inference"})");
    const ParsedScenario both = parse_query("?" + scenario_to_fragment(shared) + "&batch=2", &found);
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both.scenario.batch, 2);
    EXPECT_EQ(both.scenario.mode, Mode::Inference);
}

TEST(Share, PercentEncodedValues) {
    const ParsedScenario p = parse_query("model=llama%2D3.1%2D8b&mode=inference");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.scenario.model_preset, "llama-3.1-8b");
}

}  // namespace
}  // namespace headroom
