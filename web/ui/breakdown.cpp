// The breakdown table (seed 004): each component in MB, GB and % of total, or MiB and GiB when
// the page shows binary units.
#include <algorithm>
#include <cstdio>
#include <string>

#include "headroom/format.h"
#include "headroom/labels.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

void NumberCells(const AppState& app, double bytes, ImU32 color) {
    ImGui::TableSetColumnIndex(1);
    ui::TextRight(headroom::format_int(headroom::in_unit(bytes, app.unit, 2)).c_str(), color);
    ImGui::TableSetColumnIndex(2);
    ui::TextRight(headroom::format_fixed(headroom::in_unit(bytes, app.unit, 3), 2).c_str(), color);
    ImGui::TableSetColumnIndex(3);
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.1f%%", app.estimate.share_percent(bytes));
    ui::TextRight(pct, color);
}

void HeaderRight(const char* label) {
    ImGui::TableNextColumn();
    ui::TextRight(label, theme::Colors().text_dim);
}

}  // namespace

void DrawBreakdown(AppState& app) {
    const float em = theme::Em();
    const headroom::Estimate& e = app.estimate;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    // The number columns: roomy on a wide card, as wide as their widest number on a narrow
    // one (a phone), so the component names keep the room they need.
    const std::string mb_unit(headroom::unit_name(app.unit, 2)), gb_unit(headroom::unit_name(app.unit, 3));
    const bool roomy = ImGui::GetContentRegionAvail().x >= 28.0f * em;
    const float gap = 0.8f * em;
    const float mb_w = roomy ? 5.2f * em : gap + ui::TextWidth(headroom::format_int(headroom::in_unit(e.total, app.unit, 2)));
    const float gb_w = roomy ? 4.2f * em : gap + ui::TextWidth(headroom::format_fixed(headroom::in_unit(e.total, app.unit, 3), 2));
    const float pct_w = roomy ? 3.8f * em : gap + std::max(ui::TextWidth("100.0%"), ui::TextWidth("Share"));
    if (!ImGui::BeginTable("breakdown", 4, flags)) return;
    ImGui::TableSetupColumn("Component", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("MB", ImGuiTableColumnFlags_WidthFixed, mb_w);
    ImGui::TableSetupColumn("GB", ImGuiTableColumnFlags_WidthFixed, gb_w);
    ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthFixed, pct_w);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ui::TextDim("Component");
    HeaderRight(mb_unit.c_str());
    HeaderRight(gb_unit.c_str());
    HeaderRight("Share");

    for (int i = 0; i < headroom::kComponentCount; ++i) {
        const auto c = headroom::kAllComponents[i];
        const bool zero = e[c] <= 0;
        const ImU32 color = zero ? theme::Colors().text_dim : theme::Colors().text;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.2f}, {p.x + h * 0.6f, p.y + h * 0.8f},
                                                  zero ? theme::Colors().track : theme::ComponentColor(c), 2.0f * app.scale);
        ImGui::SetCursorScreenPos({p.x + h, p.y});
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        // A row-wide selectable gives the hover highlight that links the row to its pie slice.
        const std::string label = ui::Fitted(headroom::component_label(c)) + "##" + std::to_string(i);
        ImGui::Selectable(label.c_str(), !zero && i == app.highlighted_component, ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopStyleColor();
        if (!zero && ImGui::IsItemHovered()) app.hovered_component = i;
        NumberCells(app, e[c], color);
    }
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::TableSetColumnIndex(0);
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted("Total per GPU");
    NumberCells(app, e.total, theme::Colors().text);
    ImGui::PopFont();
    ImGui::EndTable();
}
