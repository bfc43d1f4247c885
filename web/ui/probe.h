// The one test hook: what the page drew last frame, recorded for the tests and read only by
// them (web/platform/bindings.cpp's uiProbe for the browser tests, tests/ui/ natively). The app
// records it (RecordItemRect, RecordFieldMessage and RecordComboPreview in app_state.h) and never
// reads it back: nothing outside this header and its readers can see inside a Probe, so the
// page behaves the same with it or without it (AppState::probe null).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app_state.h"

// Screen rectangle of a named widget, in ImGui pixels (device pixels), so the browser tests
// can click real widgets on the canvas; with the clip rectangle of the window (column, popup)
// it was drawn in, which is what of it can be seen and clicked.
struct ItemRect {
    std::string_view name;  // static string literal
    float x = 0, y = 0, w = 0, h = 0;
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
};

// What a combo box showed of its current choice.
struct ComboPreview {
    std::string field, label, preview;  // the current choice's label, and what the box shows
    bool fits = true;                   // the preview fits the box
};

struct Probe {
    long long frame = -1;  // AppState::frame_count of the frame recorded below
    std::vector<ItemRect> rects;
    std::vector<std::pair<std::string, std::string>> field_messages;  // field, message as drawn
    std::vector<ComboPreview> combo_previews;
};

// From the last frame drawn; null, "" or empty when it drew no such thing (or has no probe).
const ItemRect* FindItemRect(const AppState& app, std::string_view name);
std::string FieldMessage(const AppState& app, std::string_view field);
const std::vector<ComboPreview>& ComboPreviews(const AppState& app);
