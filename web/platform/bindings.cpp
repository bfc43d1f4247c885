// Embind API behind window.headroom (assets/boot.js). Text in, text out: the same scenario
// JSON the CLI reads, the same result JSON, CSV and PDF it writes.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cfloat>
#include <string>
#include <utility>
#include <vector>

#include "headroom/pdf.h"
#include "headroom/report.h"
#include "imgui.h"
#include "platform/platform.h"

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

// { ok, text }: the PDF (7-bit ASCII, so a JS string holds it byte for byte) or errors JSON.
val Pdf(const std::string& scenario_json) {
    std::vector<headroom::FieldError> errors;
    std::string pdf = headroom::estimate_pdf(scenario_json, &errors);
    val out = val::object();
    out.set("ok", errors.empty());
    out.set("text", errors.empty() ? pdf : headroom::errors_to_json(errors));
    return out;
}

// The current scenario's link (base URL + "#s=..."), for tests and scripts.
std::string ShareLink() {
    const AppState* app = CurrentApp();
    return app ? app->share.link : std::string();
}

// Where a named widget was drawn last frame, in CSS pixels of the page, or null; `clip` is
// the part of the page its window shows (a widget outside it is scrolled out of view).
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
    val clip = val::object();
    clip.set("x", r->clip_x0 / k);
    clip.set("y", r->clip_y0 / k);
    clip.set("w", (r->clip_x1 - r->clip_x0) / k);
    clip.set("h", (r->clip_y1 - r->clip_y0) / k);
    out.set("clip", clip);
    return out;
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

// Issue 5 test and glue hooks. These peek (no frames drawn), so reading the frame count does
// not itself advance it.
int UiColumns() { return PeekApp() ? PeekApp()->columns : 0; }
bool UiDark() { return PeekApp() && PeekApp()->dark; }
float UiScale() { return PeekApp() ? PeekApp()->scale : 0.0f; }
double FrameCount() { return PeekApp() ? static_cast<double>(PeekApp()->frame_count) : 0.0; }
std::string UiUnit() { return PeekApp() && PeekApp()->unit == headroom::ByteUnit::Binary ? "GiB" : "GB"; }
int UiSavedRows() { return PeekApp() ? static_cast<int>(PeekApp()->saved.size()) : 0; }
// The scenario B of the comparison (A is scenario()), or "" when not comparing.
std::string UiOtherScenario() {
    const AppState* app = PeekApp();
    return app && app->compare_on ? headroom::scenario_to_json(app->other) : std::string();
}
// The message drawn beside a field last frame ("" when none), as the page showed it.
std::string UiFieldMessage(const std::string& field) {
    const AppState* app = PeekApp();
    if (!app) return {};
    for (const auto& [f, message] : app->field_messages)
        if (f == field) return message;
    return {};
}
// A face's line height and the width it gives `text`, in device pixels, or null for a face
// the app does not have: the font atlas's tests (tests/e2e/ui_font.test.mjs).
val UiTextSize(const std::string& face, const std::string& text) {
    const AppState* app = PeekApp();
    if (!app) return val::null();
    const ImFont* font = face == "body" ? app->fonts.body
                         : face == "heading" ? app->fonts.heading
                         : face == "display" ? app->fonts.display : nullptr;
    if (!font) return val::null();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    val out = val::object();
    out.set("width", size.x);
    out.set("line", font->FontSize);
    return out;
}

// What each combo box drawn last frame shows: [{field, label, preview, fits}].
val UiComboPreviews() {
    val out = val::array();
    if (const AppState* app = PeekApp()) {
        for (const AppState::ComboPreview& c : app->combo_previews) {
            val o = val::object();
            o.set("field", c.field);
            o.set("label", c.label);
            o.set("preview", c.preview);
            o.set("fits", c.fits);
            out.call<void>("push", o);
        }
    }
    return out;
}
bool UiInputsInvalid() { return PeekApp() && InputsInvalid(*PeekApp()); }
std::string UiImportMessage() { return PeekApp() ? PeekApp()->import_message : std::string(); }

}  // namespace

EMSCRIPTEN_BINDINGS(headroom) {
    emscripten::function("estimate", &EstimateJson);
    emscripten::function("csv", &Csv);
    emscripten::function("pdf", &Pdf);
    emscripten::function("shareLink", &ShareLink);
    emscripten::function("uiItemRect", &UiItemRect);
    emscripten::function("scenarioJson", &ScenarioJson);
    emscripten::function("loadScenario", &LoadScenarioJson);
    emscripten::function("uiColumns", &UiColumns);
    emscripten::function("uiDark", &UiDark);
    emscripten::function("uiScale", &UiScale);
    emscripten::function("uiUnit", &UiUnit);
    emscripten::function("uiSavedRows", &UiSavedRows);
    emscripten::function("uiOtherScenario", &UiOtherScenario);
    emscripten::function("frameCount", &FrameCount);
    emscripten::function("uiImportMessage", &UiImportMessage);
    emscripten::function("uiFieldMessage", &UiFieldMessage);
    emscripten::function("uiInputsInvalid", &UiInputsInvalid);
    emscripten::function("uiComboPreviews", &UiComboPreviews);
    emscripten::function("uiTextSize", &UiTextSize);
}
