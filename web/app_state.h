// Everything the web app remembers between frames, in one struct. Panels read and edit it;
// platform.cpp owns the one instance and acts on its requests (downloads, DOM summary).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "browser_io.h"
#include "headroom/estimate.h"
#include "headroom/scenario.h"

struct ImFont;

// Screen rectangle of a named widget, in ImGui pixels (device pixels), recorded each frame
// so the browser tests can click real widgets on the canvas.
struct ItemRect {
    std::string_view name;  // static string literal
    float x = 0, y = 0, w = 0, h = 0;
};
inline constexpr int kMaxItemRects = 128;  // every field of the form, plus buttons

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* display = nullptr;  // the big total
};

struct AppState {
    // [Model] The scenario being edited. Data flows one way: scenario -> validate -> estimate.
    headroom::Scenario scenario = headroom::default_scenario();
    std::vector<headroom::FieldError> errors;  // validate(scenario); empty when it is good

    // [Result] From the last scenario that validated; shown while the current one is bad.
    headroom::Scenario good_scenario = scenario;
    headroom::Estimate estimate;
    bool showing_stale = false;  // errors exist, so `estimate` is from `good_scenario`

    // Text summary of `estimate` for the page's aria-live region; bumped when it changes.
    std::string summary_text;
    std::string summary_total_bytes;  // whole bytes, for #summary's data-total-bytes
    int summary_version = 0;

    // [UI] Display scale (devicePixelRatio): fonts are rasterised for it, sizes multiply it.
    float scale = 1.0f;
    Fonts fonts;
    bool show_custom_model = false;  // model fields expanded while a preset is selected
    int hovered_component = -1;      // set this frame by pie/legend/table hover, kAllComponents index
    int highlighted_component = -1;  // last frame's hover: what this frame highlights

    // [Share] Exports, link, import and embed mode (web/browser_io.h, web/ui/share.cpp).
    ShareState share;

    // [Requests] Set by panels, carried out by platform.cpp after the frame.
    bool request_csv_download = false;

    // [Test hooks] Named widget rectangles from the last frame.
    std::array<ItemRect, kMaxItemRects> item_rects{};
    int item_rect_count = 0;
};

// Validates the scenario and, when it is good, re-estimates and refreshes the summary.
// Call after any edit; cheap enough to call every frame the scenario changes.
void Recompute(AppState& app);

// Records the last ImGui item's rectangle under `name` (a string literal).
void RecordItemRect(AppState& app, std::string_view name);
const ItemRect* FindItemRect(const AppState& app, std::string_view name);

// The message for one scenario field, or nullptr when the field is fine.
const headroom::FieldError* FindFieldError(const AppState& app, std::string_view field);
