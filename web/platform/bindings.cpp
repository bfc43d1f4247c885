// Embind API behind window.headroom (assets/boot.js). Text in, text out: the same scenario
// JSON the CLI reads, the same result JSON and CSV it writes (the PDF comes from the extras
// module, web/extras/extras.cpp). And the one test hook,
// Module.uiProbe, which reads what the page drew (ui/probe.h) and changes nothing.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cfloat>
#include <string>
#include <utility>
#include <vector>

#include "headroom/report.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/probe.h"

namespace {

using emscripten::val;

// [SECTION] window.headroom

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

// The current scenario's link (base URL + "#s=..."), for tests and scripts.
std::string ShareLink() {
    const AppState* app = CurrentApp();
    return app ? app->share.link : std::string();
}

// The scenario being edited (possibly invalid), as contract JSON.
std::string ScenarioJson() {
    const AppState* app = CurrentApp();
    return app ? headroom::scenario_to_json(app->scenario) : std::string("{}");
}

// Replaces the scenario being edited (URL state, tests). Returns "" or '{"errors":[...]}'.
std::string LoadScenarioJson(const std::string& scenario_json) {
    AppState* app = CurrentApp();
    headroom::ParsedScenario parsed = headroom::parse_scenario(scenario_json);
    if (!parsed.ok()) return headroom::errors_to_json(parsed.errors);
    if (app) LoadScenario(*app, std::move(parsed.scenario));
    return "";
}

// [SECTION] The test hook

// Where a named widget was drawn last frame, in CSS pixels of the page, or null; `clip` is
// the part of the page its window shows (a widget outside it is scrolled out of view).
val Rect(const AppState& app, const std::string& name) {
    const ItemRect* r = FindItemRect(app, name);
    if (!r) return val::null();
    const float k = app.scale > 0 ? app.scale : 1.0f;
    val out = val::object();
    out.set("x", r->x / k);
    out.set("y", r->y / k);
    out.set("w", r->w / k);
    out.set("h", r->h / k);
    val clip = val::object();
    clip.set("x", r->clip_x0 / k);
    clip.set("y", r->clip_y0 / k);
    clip.set("w", (r->clip_x1 - r->clip_x0) / k);
    clip.set("h", (r->clip_y1 - r->clip_y0) / k);
    out.set("clip", clip);
    return out;
}

// What each combo box drawn last frame shows: [{field, label, preview, fits}].
val Combos(const AppState& app) {
    val out = val::array();
    for (const ComboPreview& c : ComboPreviews(app)) {
        val o = val::object();
        o.set("field", c.field);
        o.set("label", c.label);
        o.set("preview", c.preview);
        o.set("fits", c.fits);
        out.call<void>("push", o);
    }
    return out;
}

// A face's line height and the width it gives `text`, in device pixels, or null for a face
// the app does not have: the font atlas's tests (tests/e2e/ui_font.test.mjs).
val TextSize(const AppState& app, const std::string& face, const std::string& text) {
    const ImFont* font = face == "body" ? app.fonts.body
                         : face == "heading" ? app.fonts.heading
                         : face == "display" ? app.fonts.display : nullptr;
    if (!font) return val::null();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    val out = val::object();
    out.set("width", size.x);
    out.set("line", font->FontSize);
    return out;
}

// Module.uiProbe(what, arg): one read of the page's state for the tests, without drawing a
// frame (so reading the frame count does not advance it).
//   'rect', name          -> {x, y, w, h, clip} in CSS pixels, or null
//   'fieldMessage', field -> the message drawn beside the field last frame, or ''
//   'comboPreviews'       -> [{field, label, preview, fits}]
//   'textSize', [face, text] -> {width, line} in device pixels, or null
//   'frames' 'columns' 'dark' 'scale' 'unit' 'savedRows' 'otherScenario' 'importMessage'
//   'inputsInvalid'       -> that piece of AppState
// undefined before the app starts or for an unknown `what`.
val UiProbe(const std::string& what, val arg) {
    const AppState* app = PeekApp();
    if (!app) return val::undefined();
    if (what == "rect") return Rect(*app, arg.as<std::string>());
    if (what == "fieldMessage") return val(FieldMessage(*app, arg.as<std::string>()));
    if (what == "comboPreviews") return Combos(*app);
    if (what == "textSize") return TextSize(*app, arg[0].as<std::string>(), arg[1].as<std::string>());
    if (what == "frames") return val(static_cast<double>(app->frame_count));
    if (what == "columns") return val(app->columns);
    if (what == "dark") return val(app->dark);
    if (what == "scale") return val(app->scale);
    if (what == "unit") return val(app->unit == headroom::ByteUnit::Binary ? "GiB" : "GB");
    if (what == "savedRows") return val(static_cast<int>(app->saved.size()));
    // The scenario B of the comparison (A is scenario()), or "" when not comparing.
    if (what == "otherScenario") return val(app->compare_on ? headroom::scenario_to_json(app->other) : std::string());
    if (what == "importMessage") return val(app->import_message);
    if (what == "inputsInvalid") return val(InputsInvalid(*app));
    return val::undefined();
}
val UiProbeOf(const std::string& what) { return UiProbe(what, val::undefined()); }

}  // namespace

EMSCRIPTEN_BINDINGS(headroom) {
    emscripten::function("estimate", &EstimateJson);
    emscripten::function("csv", &Csv);
    emscripten::function("shareLink", &ShareLink);
    emscripten::function("scenarioJson", &ScenarioJson);
    emscripten::function("loadScenario", &LoadScenarioJson);
    emscripten::function("uiProbe", &UiProbeOf);  // uiProbe(what) and uiProbe(what, arg)
    emscripten::function("uiProbe", &UiProbe);
}
