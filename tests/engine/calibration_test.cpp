// The calibration table: every published measurement in tests/calibration/cases/ against the
// engine's estimate at the level it was measured (tests/calibration/README.md). Prints the table;
// fails when a scenario does not parse, when a case listed in tests/calibration/within.txt (within
// tolerance when the list was last written) leaves its tolerance, or when the engine's summary
// (engine/src/calibration_summary.inc, what the page shows beside the total) is stale.
// HEADROOM_CALIBRATION_UPDATE=1 rewrites within.txt and the summary from this run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "headroom/calibration.h"
#include "headroom/estimate.h"
#include "headroom/scenario.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace headroom {
namespace {

const fs::path kDir = HEADROOM_CALIBRATION_DIR;
const fs::path kSummary = HEADROOM_CALIBRATION_SUMMARY;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double unit_bytes(const std::string& unit) {
    if (unit == "GB") return 1e9;
    if (unit == "GiB") return 1024.0 * 1024 * 1024;
    if (unit == "MB") return 1e6;
    if (unit == "MiB") return 1024.0 * 1024;
    return 1;  // tokens, sequences
}

struct Row {
    std::string id, source, level, runtime, mode;
    double measured = 0, estimated = 0;  // in the case's own unit
    std::string unit;
    bool explained = true, counted = true;
    std::string error;  // a scenario that does not parse
    double err() const { return measured != 0 ? (estimated - measured) / measured : 0; }
};

// The estimate at a measured level, in bytes (or tokens / sequences).
double at_level(const Estimate& e, const std::string& level, bool* known) {
    *known = true;
    if (level == "allocated") return e.allocated;
    if (level == "reserved") return e.reserved;
    if (level == "device") return e.total;
    if (level == "weights") return e[Component::Weights];
    if (level == "model_size") return e[Component::Weights] + e.host[static_cast<int>(Component::Weights)];
    if (level == "host_weights") return e.host[static_cast<int>(Component::Weights)];
    if (level == "kv_cache") return e[Component::KvCache];
    if (level == "kv_cache_total") return e[Component::KvCache] + e.host[static_cast<int>(Component::KvCache)];
    if (level == "activation_peak" || level == "compute_buffer") return e[Component::Activations];
    if (level == "non_torch") return e[Component::Communication] + e[Component::Workspaces];
    if (level == "cuda_graphs") return e[Component::CudaGraphs];
    if (level == "kv_tokens") return e.kv_pool_tokens;
    if (level == "max_concurrency") return e.max_concurrency;
    *known = false;
    return 0;
}

std::vector<Row> run_cases() {
    std::vector<Row> rows;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kDir / "cases"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const json doc = json::parse(slurp(file));
        if (!doc.contains("cases")) continue;  // reference tables (gguf-types.json)
        const std::string source = doc["source"].value("id", file.stem().string());
        for (const json& c : doc["cases"]) {
            Row r;
            r.id = c["id"];
            r.source = source;
            const json& m = c["measured"];
            r.level = m["level"];
            r.unit = m["unit"];
            r.measured = m["value"].get<double>();
            r.explained = c.value("explained", true);
            r.runtime = c["scenario"].value("runtime", "none");
            r.mode = c["scenario"].value("mode", "training");
            r.counted = is_calibration_level(r.level);
            const ParsedScenario p = parse_scenario(c["scenario"].dump());
            if (!p.ok()) {
                r.error = p.errors[0].field + ": " + p.errors[0].message;
                rows.push_back(r);
                continue;
            }
            const Estimate e = estimate(p.scenario);
            bool known = false;
            double v = at_level(e, r.level, &known);
            if (!known) r.error = "unknown level " + r.level;
            // A figure summed over the GPUs of a run (the source's own total).
            if (m.value("per", "gpu") == "all_gpus") {
                const Parallel& par = p.scenario.parallel;
                v *= double(par.dp) * par.tp * par.pp;
            }
            r.estimated = v / unit_bytes(r.unit);
            rows.push_back(r);
        }
    }
    return rows;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const size_t i = static_cast<size_t>(pos);
    const double f = pos - double(i);
    return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

// The summary the engine compiles in: per runtime and mode, over the counted, explained cases.
std::string summary_source(const std::vector<Row>& rows) {
    std::map<std::pair<std::string, std::string>, std::vector<double>> groups;
    for (const Row& r : rows)
        if (r.counted && r.explained && r.error.empty()) groups[{r.runtime, r.mode}].push_back(r.err());
    std::string out =
        "// Generated by tests/engine/calibration_test.cpp (HEADROOM_CALIBRATION_UPDATE=1): how the estimates of\n"
        "// each runtime and mode did against the published measurements in tests/calibration/cases/.\n"
        "// {runtime, mode, cases, median error, 5th and 95th percentile error, within 10%}\n";
    char line[256];
    for (const auto& [key, errs] : groups) {
        int within = 0;
        for (double e : errs) within += std::fabs(e) <= kCalibrationTolerance;
        std::snprintf(line, sizeof line, "{\"%s\", \"%s\", %zu, %.4f, %.4f, %.4f, %d},\n", key.first.c_str(),
                      key.second.c_str(), errs.size(), percentile(errs, 0.5), percentile(errs, 0.05),
                      percentile(errs, 0.95), within);
        out += line;
    }
    return out;
}

TEST(Calibration, PublishedMeasurements) {
    const std::vector<Row> rows = run_cases();
    ASSERT_FALSE(rows.empty());
    std::set<std::string> listed;
    {
        std::istringstream in(slurp(kDir / "within.txt"));
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line[0] != '#') listed.insert(line);
    }
    std::printf("%-62s %-16s %-15s %12s %12s %-6s %8s\n", "case", "runtime", "level", "measured", "estimated",
                "unit", "error");
    std::map<std::string, std::vector<double>> by_runtime;
    std::vector<double> counted;
    std::string within_now = "# Cases within 10% of their measured figure (calibration_test writes this list).\n";
    for (const Row& r : rows) {
        EXPECT_TRUE(r.error.empty()) << r.id << ": " << r.error;
        if (!r.error.empty()) continue;
        const bool within = std::fabs(r.err()) <= kCalibrationTolerance;
        std::printf("%-62s %-16s %-15s %12.2f %12.2f %-6s %+7.1f%%%s%s\n", r.id.c_str(), r.runtime.c_str(),
                    r.level.c_str(), r.measured, r.estimated, r.unit.c_str(), 100 * r.err(), within ? "" : "  *",
                    r.explained ? (r.counted ? "" : "  (component, not counted)") : "  (unexplained)");
        if (within) within_now += r.id + "\n";
        if (r.counted && r.explained) {
            by_runtime[r.runtime].push_back(r.err());
            counted.push_back(r.err());
        }
        if (listed.count(r.id)) EXPECT_TRUE(within) << r.id << " left its tolerance: " << 100 * r.err() << "%";
    }
    std::printf("\n%-16s %6s %9s %9s %9s %9s\n", "runtime", "cases", "median", "p90 |e|", "within", "worst");
    auto line = [](const std::string& name, const std::vector<double>& errs) {
        std::vector<double> abs;
        int within = 0;
        for (double e : errs) abs.push_back(std::fabs(e)), within += std::fabs(e) <= kCalibrationTolerance;
        std::printf("%-16s %6zu %+8.1f%% %8.1f%% %8.1f%% %8.1f%%\n", name.c_str(), errs.size(),
                    100 * percentile(errs, 0.5), 100 * percentile(abs, 0.9), 100.0 * within / double(errs.size()),
                    100 * percentile(abs, 1.0));
    };
    for (const auto& [name, errs] : by_runtime) line(name, errs);
    line("all", counted);

    const std::string summary = summary_source(rows);
    if (std::getenv("HEADROOM_CALIBRATION_UPDATE")) {
        std::ofstream(kDir / "within.txt", std::ios::binary) << within_now;
        std::ofstream(kSummary, std::ios::binary) << summary;
    } else {
        EXPECT_EQ(slurp(kSummary), summary) << "engine/src/calibration_summary.inc is stale: run the test with "
                                                "HEADROOM_CALIBRATION_UPDATE=1 and commit what it writes";
    }
}

}  // namespace
}  // namespace headroom
