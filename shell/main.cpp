// headroom: the command-line shell over the engine.
//   headroom [--json|--csv|--pdf] [scenario.json]  reads stdin when no file is given (and the
//                                             default scenario when stdin is a terminal)
//   headroom --hf-config config.json [--json|--csv] [scenario.json]
//                                             uses a Hugging Face config.json as the model
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
#include "headroom/hf_config.h"
#include "headroom/pdf.h"
#include "headroom/report.h"
#include "table.h"

using namespace headroom;

namespace {

constexpr const char* kUsage =
    "usage: headroom [--json|--csv|--pdf] [--hf-config config.json] [scenario.json]\n"
    "       headroom --models | --gpus\n"
    "Reads a scenario JSON document (DESIGN.md's contract) from the file or stdin and prints the\n"
    "per-GPU memory breakdown as a table, the result JSON (--json), the CSV export (--csv) or the\n"
    "PDF report (--pdf, to stdout: redirect it to a file).\n"
    "--hf-config reads a Hugging Face config.json and uses its architecture as the model.\n"
    "An invalid document prints its errors and exits 2.\n";

enum class Output { Table, Json, Csv, Pdf };

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

bool read_file(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    text.assign(std::istreambuf_iterator<char>(in), {});
    return true;
}

int print_errors(const std::vector<FieldError>& errors, Output output, const char* prefix) {
    if (output == Output::Json) {
        std::puts(errors_to_json(errors, 2).c_str());
    } else {
        for (const FieldError& e : errors)
            std::fprintf(stderr, "headroom: %s%s%s%s\n", prefix, e.field.c_str(), e.field.empty() ? "" : ": ",
                         e.message.c_str());
    }
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Output output = Output::Table;
    std::string path, hf_path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--hf-config") {
            if (i + 1 >= argc) { std::fprintf(stderr, "headroom: --hf-config needs a path\n%s", kUsage); return 2; }
            hf_path = argv[++i];
        }
        else if (arg == "--json") output = Output::Json;
        else if (arg == "--csv") output = Output::Csv;
        else if (arg == "--pdf") output = Output::Pdf;
        else if (arg == "--models") return list_models();
        else if (arg == "--gpus") return list_gpus();
        else if (arg == "-h" || arg == "--help") { std::fputs(kUsage, stdout); return 0; }
        else if (arg.starts_with("-") && arg != "-") { std::fprintf(stderr, "headroom: unknown option %s\n%s", arg.c_str(), kUsage); return 2; }
        else if (path.empty()) path = arg;
        else { std::fputs(kUsage, stderr); return 2; }
    }

    std::string text;
    if (!path.empty() && path != "-") {
        if (!read_file(path, text)) { std::fprintf(stderr, "headroom: cannot read %s\n", path.c_str()); return 2; }
    } else if (path.empty() && isatty(STDIN_FILENO)) {
        text = "{}";
    } else {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
    }

    ParsedScenario parsed = parse_scenario(text);
    if (!parsed.ok()) return print_errors(parsed.errors, output, "");
    if (!hf_path.empty()) {
        std::string config;
        if (!read_file(hf_path, config)) { std::fprintf(stderr, "headroom: cannot read %s\n", hf_path.c_str()); return 2; }
        const HfImport hf = import_hf_config(config);
        if (!hf.ok()) return print_errors(hf.errors, output, "config.json: ");
        for (const std::string& note : hf.notes) std::fprintf(stderr, "headroom: note: %s\n", note.c_str());
        parsed.scenario.model = hf.arch;
        parsed.scenario.model_preset.clear();
        const std::vector<FieldError> errors = validate(parsed.scenario);
        if (!errors.empty()) return print_errors(errors, output, "");
    }
    const Estimate e = estimate(parsed.scenario);
    switch (output) {
        case Output::Json: std::puts(estimate_to_json(e, 2).c_str()); break;
        case Output::Csv: std::fputs(estimate_to_csv(parsed.scenario, e).c_str(), stdout); break;
        case Output::Pdf: std::fputs(estimate_to_pdf(parsed.scenario, e).c_str(), stdout); break;
        case Output::Table: std::fputs(breakdown_table(parsed.scenario, e).c_str(), stdout); break;
    }
    return 0;
}
