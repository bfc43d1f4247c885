#include "app_state.h"

#include <cmath>
#include <string>

#include "headroom/format.h"
#include "headroom/gpu.h"
#include "imgui.h"

namespace {

std::string BuildSummary(const AppState& app) {
    const headroom::Estimate& e = app.estimate;
    std::string s = "Total per GPU: " + headroom::format_gb(e.total) + " (" +
                    headroom::format_gib(e.total) + ").";
    for (headroom::Component c : headroom::kAllComponents) {
        if (e[c] <= 0) continue;
        s += " ";
        s += headroom::component_label(c);
        s += ": " + headroom::format_gb(e[c]) + ".";
    }
    if (e.host_total > 0) s += " Host memory (offloaded): " + headroom::format_gb(e.host_total) + ".";
    if (const headroom::GpuSpec* gpu = headroom::find_gpu(app.good_scenario.gpu)) {
        for (const headroom::Fit& f : e.fits) {
            if (f.gpu != gpu->id) continue;
            s += " ";
            s += gpu->name;
            s += f.fits ? ": fits, " + headroom::format_gb(f.free_bytes) + " free."
                        : ": does not fit, " + headroom::format_gb(-f.free_bytes) + " short.";
        }
    }
    if (app.showing_stale) s += " Showing the last valid result: fix the highlighted fields.";
    return s;
}

}  // namespace

void Recompute(AppState& app) {
    app.errors = headroom::validate(app.scenario);
    const bool was_stale = app.showing_stale;
    app.showing_stale = !app.errors.empty();
    if (app.errors.empty()) {
        app.good_scenario = app.scenario;
        app.estimate = headroom::estimate(app.scenario);
    } else if (was_stale) {
        return;  // the summary already says the result is stale
    }
    // Whole bytes, as the JSON contract (estimate_to_json) writes them.
    app.summary_total_bytes = std::to_string(std::llround(app.estimate.total));
    app.summary_text = BuildSummary(app);
    ++app.summary_version;
}

void RecordItemRect(AppState& app, std::string_view name) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 size = ImGui::GetItemRectSize();
    for (int i = 0; i < app.item_rect_count; ++i) {
        if (app.item_rects[i].name == name) {
            app.item_rects[i] = {name, min.x, min.y, size.x, size.y};
            return;
        }
    }
    if (app.item_rect_count < kMaxItemRects) app.item_rects[app.item_rect_count++] = {name, min.x, min.y, size.x, size.y};
}

const ItemRect* FindItemRect(const AppState& app, std::string_view name) {
    for (int i = 0; i < app.item_rect_count; ++i)
        if (app.item_rects[i].name == name) return &app.item_rects[i];
    return nullptr;
}

const headroom::FieldError* FindFieldError(const AppState& app, std::string_view field) {
    for (const headroom::FieldError& e : app.errors)
        if (e.field == field) return &e;
    return nullptr;
}
