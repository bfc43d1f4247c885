// Embind API behind window.headroom (see index.html). Text in, text out: the same scenario
// JSON the CLI reads, the same result JSON and CSV it writes.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "headroom/report.h"
#include "platform.h"

namespace {

using emscripten::val;

std::string EstimateJson(const std::string& scenario_json) { return headroom::estimate_json(scenario_json); }

// { ok: true, text: csv } or { ok: false, text: '{"errors":[...]}' }.
val Csv(const std::string& scenario_json) {
    std::vector<headroom::FieldError> errors;
    std::string csv = headroom::estimate_csv(scenario_json, &errors);
    val out = val::object();
    out.set("ok", errors.empty());
    out.set("text", errors.empty() ? csv : headroom::errors_to_json(errors));
    return out;
}

// Where a named widget was drawn last frame, in CSS pixels of the page, or null.
val UiItemRect(const std::string& name) {
    const AppState* app = CurrentApp();
    const ItemRect* r = app ? FindItemRect(*app, name) : nullptr;
    if (!r) return val::null();
    const float k = app->scale > 0 ? app->scale : 1.0f;
    val out = val::object();
    out.set("x", r->x / k);
    out.set("y", r->y / k);
    out.set("w", r->w / k);
    out.set("h", r->h / k);
    return out;
}

// The scenario being edited (possibly invalid), as contract JSON.
std::string ScenarioJson() {
    const AppState* app = CurrentApp();
    return app ? headroom::scenario_to_json(app->scenario) : std::string("{}");
}

}  // namespace

EMSCRIPTEN_BINDINGS(headroom) {
    emscripten::function("estimate", &EstimateJson);
    emscripten::function("csv", &Csv);
    emscripten::function("uiItemRect", &UiItemRect);
    emscripten::function("scenarioJson", &ScenarioJson);
}
