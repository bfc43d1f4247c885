// libFuzzer target over everything that reads untrusted text: the engine's JSON parser and
// writer, the scenario parser and validator, estimate() and every writer, the Hugging Face
// config.json import, and the planner's max_batch. A crash, a sanitizer report, a NaN or
// infinity, a negative size, a component sum that misses the total, an error without a message,
// JSON text written that does not read back to the same value, or a valid scenario that does
// not round-trip aborts the run.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "headroom/compare.h"
#include "headroom/estimate.h"
#include "headroom/hf_config.h"
#include "headroom/plan.h"
#include "headroom/report.h"
#include "../../engine/src/json.h"

using namespace headroom;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

void check_estimate(const Scenario& s) {
    const Estimate e = estimate(s);
    double sum = 0;
    for (Component c : kAllComponents) {
        check(std::isfinite(e[c]) && e[c] >= 0);
        check(std::isfinite(e.host[static_cast<int>(c)]) && e.host[static_cast<int>(c)] >= 0);
        sum += e[c];
    }
    check(std::isfinite(e.total) && std::fabs(sum - e.total) <= e.total * 1e-9 + 1e-6);
    check(std::isfinite(e.params_total) && std::isfinite(e.params_active) && std::isfinite(e.params_trainable));
    check(e.formulas.size() == size_t(listed_components(s)));
    check(std::isfinite(e.allocated) && e.allocated >= 0 && e.allocated <= e.reserved && e.reserved <= e.total);
    check(!estimate_to_json(e).empty());
    check(!estimate_to_csv(s, e).empty());
    check(std::isfinite(compare(e, e).savings_percent));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // The engine's JSON: an error names its place; a value is written as text (compact and
    // indented) that reads back to the same value and is written the same way again.
    const json::Parsed j = json::parse(text);
    if (j.ok()) {
        const std::string compact = j.value.dump();
        const json::Parsed again = json::parse(compact);
        check(again.ok() && again.value == j.value && again.value.dump() == compact);
        check(json::parse(j.value.dump(2)).value == j.value);
    } else {
        check(!j.error.empty() && j.offset <= size && j.value.is_null());
    }

    const ParsedScenario p = parse_scenario(text);
    if (!p.ok()) {
        for (const FieldError& e : p.errors) check(!e.message.empty());
        check(!errors_to_json(p.errors).empty());
    } else {
        check(validate(p.scenario).empty());
        check_estimate(p.scenario);
        // The scenario written back parses to the same scenario.
        const std::string again = scenario_to_json(p.scenario);
        const ParsedScenario q = parse_scenario(again);
        check(q.ok() && scenario_to_json(q.scenario) == again);
        check(estimate_json(text).find("per_gpu") != std::string::npos);
        // A bounded batch search (small capacity keeps it short).
        const long long b = max_batch(p.scenario, 1e9);
        check(b >= 0 && b <= kMaxBatchSize);
    }

    // The same bytes as a Hugging Face config.json, used as the model of the default scenario.
    const HfImport hf = import_hf_config(text);
    for (const FieldError& e : hf.errors) check(!e.message.empty());
    if (hf.ok()) {
        Scenario s = default_scenario();
        s.model = hf.arch;
        s.model_preset.clear();
        if (validate(s).empty()) check_estimate(s);
    }
    return 0;
}
