// headroom-extras.wasm: the engine's features a page needs only on first use, in a module of
// their own so the first load stays within its budget (issue 7: <= 200,000 B gzip). The page
// fetches it when one of them is first asked for (web/platform/extras.js) and the service
// worker precaches it, so it works offline like the rest. No ImGui, no page state: text in,
// text out, like window.headroom.
//   pdf(scenarioJson)          -> {ok, text}: the PDF report (7-bit ASCII), or errors JSON
//   importConfig(configText)   -> JSON: {model: {...}, model_type, notes: [...]} or {errors: [...]}
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "headroom/hf_config.h"
#include "headroom/pdf.h"
#include "headroom/report.h"

namespace {

using emscripten::val;

val Pdf(const std::string& scenario_json) {
    std::vector<headroom::FieldError> errors;
    std::string pdf = headroom::estimate_pdf(scenario_json, &errors);
    val out = val::object();
    out.set("ok", errors.empty());
    out.set("text", errors.empty() ? pdf : headroom::errors_to_json(errors));
    return out;
}

std::string ImportConfig(const std::string& config_text) { return headroom::hf_import_to_json(config_text); }

}  // namespace

EMSCRIPTEN_BINDINGS(headroom_extras) {
    emscripten::function("pdf", &Pdf);
    emscripten::function("importConfig", &ImportConfig);
}
