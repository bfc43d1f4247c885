// headroom: the command-line shell over the engine.
//   headroom [--json|--csv] [scenario.json]   reads stdin when no file is given (and the
//                                             default scenario when stdin is a terminal)
//   headroom --models | --gpus                lists the catalogues
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "headroom/estimate.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/report.h"
#include "table.h"

using namespace headroom;

namespace {

constexpr const char* kUsage =
    "usage: headroom [--json|--csv] [scenario.json]\n"
    "       headroom --models | --gpus\n"
    "Reads a scenario JSON document (DESIGN.md's contract) from the file or stdin and prints the\n"
    "per-GPU memory breakdown as a table, the result JSON (--json) or the CSV export (--csv).\n"
    "An invalid document prints its errors and exits 2.\n";

enum class Output { Table, Json, Csv };

int list_models() {
    for (const ModelPreset& p : model_catalogue())
        std::printf("%-22s %-24s %s params\n", std::string(p.id).c_str(), std::string(p.name).c_str(),
                    format_count(derived_params(p.arch)).c_str());
    return 0;
}

int list_gpus() {
    for (const GpuSpec& g : gpu_catalogue())
        std::printf("%-20s %-26s %s\n", std::string(g.id).c_str(), std::string(g.name).c_str(),
                    format_gib(g.capacity_bytes, 0).c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Output output = Output::Table;
    std::string path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--json") output = Output::Json;
        else if (arg == "--csv") output = Output::Csv;
        else if (arg == "--models") return list_models();
        else if (arg == "--gpus") return list_gpus();
        else if (arg == "-h" || arg == "--help") { std::fputs(kUsage, stdout); return 0; }
        else if (arg.starts_with("-") && arg != "-") { std::fprintf(stderr, "headroom: unknown option %s\n%s", arg.c_str(), kUsage); return 2; }
        else if (path.empty()) path = arg;
        else { std::fputs(kUsage, stderr); return 2; }
    }

    std::string text;
    if (!path.empty() && path != "-") {
        std::ifstream in(path, std::ios::binary);
        if (!in) { std::fprintf(stderr, "headroom: cannot read %s\n", path.c_str()); return 2; }
        text.assign(std::istreambuf_iterator<char>(in), {});
    } else if (path.empty() && isatty(STDIN_FILENO)) {
        text = "{}";
    } else {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    }

    const ParsedScenario parsed = parse_scenario(text);
    if (!parsed.ok()) {
        if (output == Output::Json) {
            std::puts(errors_to_json(parsed.errors, 2).c_str());
        } else {
            for (const FieldError& e : parsed.errors)
                std::fprintf(stderr, "headroom: %s%s%s\n", e.field.c_str(), e.field.empty() ? "" : ": ", e.message.c_str());
        }
        return 2;
    }
    const Estimate e = estimate(parsed.scenario);
    switch (output) {
        case Output::Json: std::puts(estimate_to_json(e, 2).c_str()); break;
        case Output::Csv: std::fputs(estimate_to_csv(parsed.scenario, e).c_str(), stdout); break;
        case Output::Table: std::fputs(breakdown_table(parsed.scenario, e).c_str(), stdout); break;
    }
    return 0;
}
