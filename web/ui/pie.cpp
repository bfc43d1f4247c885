// The allocation pie (a ring, so the total fits in the middle) and its legend.
// Angles and hit-testing come from pie_math; this file only draws.
#include <algorithm>
#include <cstdio>
#include <string>

#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/pie_math.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

ImVec2 ToImVec(pie::Point p) { return {p.x, p.y}; }

void DrawRing(AppState& app, ImVec2 centre, float outer, float inner, const std::vector<pie::Slice>& slices) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float ring = outer - inner;
    const float mid = 0.5f * (outer + inner);
    const float lift = 0.08f * ring;  // hovered slice grows outwards by this much
    for (const pie::Slice& s : slices) {
        const auto c = headroom::kAllComponents[s.index];
        const bool hot = s.index == app.highlighted_component;
        const float r = hot ? mid + 0.5f * lift : mid;
        dl->PathArcTo(centre, r, s.angle0, s.angle1, pie::ArcSegments(s, outer));
        dl->PathStroke(theme::ComponentColor(c), 0, hot ? ring + lift : ring);
    }
    // Thin gaps between slices keep neighbours of similar colour apart.
    if (slices.size() > 1) {
        for (const pie::Slice& s : slices) {
            const ImVec2 a = ToImVec(pie::OnCircle({centre.x, centre.y}, inner - 1, s.angle0));
            const ImVec2 b = ToImVec(pie::OnCircle({centre.x, centre.y}, outer + lift + 1, s.angle0));
            dl->AddLine(a, b, ImGui::GetColorU32(ImGuiCol_ChildBg), 2.0f * app.scale);
        }
    }
    for (const pie::Slice& s : slices) {
        char label[16];
        std::snprintf(label, sizeof label, "%.0f%%", s.fraction * 100.0);
        const ImVec2 size = ImGui::CalcTextSize(label);
        if (!pie::HasRoomForLabel(s, ring, size.x, mid)) continue;
        const ImVec2 p = ToImVec(pie::OnCircle({centre.x, centre.y}, mid, s.mid()));
        dl->AddText({p.x - size.x / 2, p.y - size.y / 2}, theme::Colors().on_component, label);
    }
}

void DrawCentre(AppState& app, ImVec2 centre) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string total = Size(app, app.estimate.total);
    ImGui::PushFont(app.fonts.heading);
    const ImVec2 t = ImGui::CalcTextSize(total.c_str());
    dl->AddText({centre.x - t.x / 2, centre.y - t.y * 0.85f}, theme::Colors().text, total.c_str());
    ImGui::PopFont();
    const char* sub = "per GPU";
    const ImVec2 u = ImGui::CalcTextSize(sub);
    dl->AddText({centre.x - u.x / 2, centre.y + t.y * 0.2f}, theme::Colors().text_dim, sub);
}

// Swatch + the longest component label.
float LegendNameWidth() {
    float w = 0;
    for (headroom::Component c : headroom::kAllComponents) {
        const std::string label(headroom::component_label(c));
        w = std::max(w, ImGui::CalcTextSize(label.c_str()).x);
    }
    return w + ImGui::GetTextLineHeight();
}

float LegendWidth() {
    const ImGuiStyle& st = ImGui::GetStyle();
    return LegendNameWidth() + 3.2f * theme::Em() + 4 * st.CellPadding.x;
}

float LegendHeight(const AppState& app) {
    int rows = 0;
    for (headroom::Component c : headroom::kAllComponents) rows += app.estimate[c] > 0 ? 1 : 0;
    return rows * (ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y);
}

void DrawLegend(AppState& app) {
    const float em = theme::Em();
    const headroom::Estimate& e = app.estimate;
    // Label and share only: the breakdown table beside it has the sizes.
    if (!ImGui::BeginTable("legend", 2, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, LegendNameWidth());
    ImGui::TableSetupColumn("pct", ImGuiTableColumnFlags_WidthFixed, 3.2f * em);
    for (int i = 0; i < headroom::kComponentCount; ++i) {
        const auto c = headroom::kAllComponents[i];
        if (e[c] <= 0) continue;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.2f}, {p.x + h * 0.6f, p.y + h * 0.8f},
                                                  theme::ComponentColor(c), 2.0f * app.scale);
        ImGui::SetCursorScreenPos({p.x + h, p.y});
        const std::string label(headroom::component_label(c));
        ImGui::Selectable(label.c_str(), i == app.highlighted_component, ImGuiSelectableFlags_SpanAllColumns);
        if (ImGui::IsItemHovered()) {
            app.hovered_component = i;
            ImGui::SetTooltip("%s: %s", label.c_str(), Size(app, e[c], 2).c_str());
        }
        ImGui::TableSetColumnIndex(1);
        char pct[16];
        std::snprintf(pct, sizeof pct, "%.1f%%", e.share_percent(e[c]));
        ui::TextRight(pct, theme::Colors().text_dim);
    }
    ImGui::EndTable();
}

}  // namespace

void DrawPie(AppState& app) {
    const float em = theme::Em();
    const float avail = ImGui::GetContentRegionAvail().x;
    // Legend beside the ring when both fit, else below it.
    const bool beside = avail >= LegendWidth() + 10.0f * em;
    const float diameter = std::min(beside ? avail - LegendWidth() - 2.0f * em : avail - em, 13.0f * em);
    const float outer = diameter / 2;
    const float inner = outer * 0.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 centre(origin.x + outer + 0.5f * em, origin.y + outer + 0.5f * em);

    const std::vector<pie::Slice> slices = pie::Slices(app.estimate.bytes);
    ImGui::InvisibleButton("pie", {diameter + em, diameter + em});
    if (ImGui::IsItemHovered()) {
        const ImVec2 m = ImGui::GetMousePos();
        const int hit = pie::SliceAt(slices, {centre.x, centre.y}, inner, outer, {m.x, m.y});
        if (hit >= 0) {
            app.hovered_component = hit;
            const auto c = headroom::kAllComponents[hit];
            ImGui::SetTooltip("%s: %s (%.1f%%)", std::string(headroom::component_label(c)).c_str(),
                              Size(app, app.estimate[c], 2).c_str(), slices.empty() ? 0.0 : app.estimate[c] / app.estimate.total * 100.0);
        }
    }
    DrawRing(app, centre, outer, inner, slices);
    DrawCentre(app, centre);

    if (!beside) {
        DrawLegend(app);
        return;
    }
    ImGui::SameLine(0, 1.0f * em);
    ImGui::BeginGroup();
    ImGui::Dummy({0, std::max(0.0f, outer + 0.5f * em - 0.5f * LegendHeight(app))});  // centre on the ring
    DrawLegend(app);
    ImGui::EndGroup();
}
