#include "ui/probe.h"

#include <utility>

#include "imgui.h"
#include "imgui_internal.h"  // the current window's clip rectangle

namespace {

// The probe, emptied when a new frame records into it; null when there is none.
Probe* ThisFrame(AppState& app) {
    Probe* p = app.probe.get();
    if (p && p->frame != app.frame_count) {
        p->frame = app.frame_count;
        p->rects.clear();
        p->field_messages.clear();
        p->combo_previews.clear();
    }
    return p;
}

const Probe* LastFrame(const AppState& app) {
    const Probe* p = app.probe.get();
    return p && p->frame == app.frame_count ? p : nullptr;
}

}  // namespace

void RecordItemRect(AppState& app, std::string_view name) {
    Probe* p = ThisFrame(app);
    if (!p) return;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 size = ImGui::GetItemRectSize();
    // The window's inner clip rectangle (a column or a popup, less its scrollbar): the part of
    // the screen where this item can be seen.
    const ImRect clip = ImGui::GetCurrentWindowRead()->InnerClipRect;
    const ItemRect r{name, min.x, min.y, size.x, size.y, clip.Min.x, clip.Min.y, clip.Max.x, clip.Max.y};
    for (ItemRect& old : p->rects) {
        if (old.name == name) {
            old = r;
            return;
        }
    }
    p->rects.push_back(r);
}

void RecordFieldMessage(AppState& app, std::string_view field, std::string_view message) {
    if (Probe* p = ThisFrame(app)) p->field_messages.emplace_back(field, message);
}

void RecordComboPreview(AppState& app, std::string_view field, std::string_view label, std::string_view preview,
                        float avail) {
    Probe* p = ThisFrame(app);
    if (!p) return;
    const bool fits = ImGui::CalcTextSize(preview.data(), preview.data() + preview.size()).x <= avail;
    p->combo_previews.push_back({std::string(field), std::string(label), std::string(preview), fits});
}

const ItemRect* FindItemRect(const AppState& app, std::string_view name) {
    if (const Probe* p = LastFrame(app))
        for (const ItemRect& r : p->rects)
            if (r.name == name) return &r;
    return nullptr;
}

std::string FieldMessage(const AppState& app, std::string_view field) {
    if (const Probe* p = LastFrame(app))
        for (const auto& [f, message] : p->field_messages)
            if (f == field) return message;
    return {};
}

const std::vector<ComboPreview>& ComboPreviews(const AppState& app) {
    static const std::vector<ComboPreview> kNone;
    const Probe* p = LastFrame(app);
    return p ? p->combo_previews : kNone;
}
