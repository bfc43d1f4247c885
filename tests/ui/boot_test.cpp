// assets/boot.js decides before the first paint whether a link carries a scenario of its own
// (then the default result's preview is hidden). It must ask the engine's question: `s` among
// the fragment's keys (headroom::fragment_has_scenario), or `s` or a scenario field among the
// query's keys (headroom::parse_query's `found`). The JavaScript cannot call the engine, so
// its SCENARIO_KEY pattern is read from boot.js here and held to the engine's answer for every
// word the engine's sources quote (wherever a field's name is kept, it is a string literal),
// every key the pattern names, and keys that are no field; each alone and under a group.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "headroom/scenario.h"
#include "headroom/share.h"

namespace {

std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string BootJs() { return Read(HEADROOM_SOURCE_DIR "/assets/boot.js"); }

// Adds each match of `re`'s first group (or whole match) in `text`, and the same under a group.
void AddCandidates(const std::string& text, const std::regex& re, std::set<std::string>& keys) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
        const std::string key = it->size() > 1 ? (*it)[1].str() : it->str();
        keys.insert(key);
        keys.insert(key + ".x");
    }
}

// The pattern the build writes into boot.js (web/tools/make_page.mjs), in place of boot.js's
// placeholder: the engine's own.
std::string ScenarioKeyPattern() {
    if (BootJs().find("const SCENARIO_KEY = /headroom:scenario-keys/;") == std::string::npos) return {};
    return headroom::scenario_key_pattern();
}

bool EngineFindsScenario(const std::string& key) {
    bool found = false;
    headroom::parse_query(key + "=1", &found);
    return found;
}

TEST(BootJs, AsksTheEnginesQuestionOfAQuery) {
    const std::string pattern = ScenarioKeyPattern();
    ASSERT_FALSE(pattern.empty()) << "no SCENARIO_KEY placeholder in assets/boot.js";
    const std::regex boot(pattern, std::regex::ECMAScript);

    std::set<std::string> keys = {"", "s", "S", "embed", "utm_source", "top", "v", "version", "foo.bar",
                                  "model.layers", "dtypes", "dtypes.", "parallel", "offload.x"};
    // Every key the pattern names, and every word the engine quotes.
    AddCandidates(pattern, std::regex("[a-z_]+"), keys);
    const std::regex quoted("\"([a-z_]+)\"");
    for (const auto& dir : {"/engine/src", "/engine/include/headroom"})
        for (const auto& file : std::filesystem::directory_iterator(HEADROOM_SOURCE_DIR + std::string(dir)))
            AddCandidates(Read(file.path()), quoted, keys);
    ASSERT_GT(keys.size(), 200u);
    // Every key the engine writes, top-level and nested.
    const nlohmann::json doc = nlohmann::json::parse(headroom::scenario_to_json(headroom::default_scenario()));
    for (const auto& [key, value] : doc.items()) {
        keys.insert(key);
        if (value.is_object())
            for (const auto& [sub, _] : value.items()) keys.insert(key + "." + sub);
    }

    for (const std::string& key : keys)
        EXPECT_EQ(std::regex_match(key, boot), EngineFindsScenario(key)) << "query key '" << key << "'";
}

TEST(BootJs, AFragmentCarriesAScenarioOnlyWithS) {
    EXPECT_TRUE(headroom::fragment_has_scenario("#s=e30"));
    EXPECT_TRUE(headroom::fragment_has_scenario("#a=1&s=e30"));
    EXPECT_FALSE(headroom::fragment_has_scenario("#top"));
    EXPECT_FALSE(headroom::fragment_has_scenario("#batch=8"));
    // boot.js: the same rule, `s` among the fragment's decoded keys.
    EXPECT_NE(BootJs().find("keys(location.hash.slice(1)).includes('s')"), std::string::npos);
}

}  // namespace
