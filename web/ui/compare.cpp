// A/B comparison (seed 002's baseline vs mixed precision, or any two scenarios): each side's
// components and total, and the engine's delta and savings % (headroom::compare). The form
// edits one side at a time; the switch here swaps which.
#include <algorithm>
#include <cmath>
#include <string>

#include "headroom/compare.h"
#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

// The longest component label, with its swatch: what the first column needs.
float LabelColumnWidth() {
    float w = 0;
    for (const auto comp : headroom::kAllComponents) w = std::max(w, ui::TextWidth(headroom::component_label(comp)));
    return w + ImGui::GetTextLineHeight();
}

void CompareTable(AppState& app) {
    const float em = theme::Em();
    // A is the baseline: delta = A − B, positive when B saves memory.
    const headroom::Estimate& a = app.editing_b ? app.other_estimate : app.estimate;
    const headroom::Estimate& b = app.editing_b ? app.estimate : app.other_estimate;
    const headroom::Comparison c = headroom::compare(a, b);
    // Sizes with their unit in each cell where the card is wide enough; on a narrow one (a
    // phone) bare numbers in one unit, named once in the header, so nothing is clipped.
    const double largest = std::max(std::fabs(c.baseline_total), std::fabs(c.candidate_total));
    const int power = headroom::in_unit(largest, app.unit, 4) >= 1.0 ? 4 : 3;  // TB from 1000 GB
    auto cell_w = [&](auto text) {
        float w = 0;
        for (int i = 0; i < headroom::kComponentCount; ++i)
            for (double v : {a[headroom::kAllComponents[i]], b[headroom::kAllComponents[i]], c.component_delta[i]})
                w = std::max(w, ui::TextWidth(text(v)));
        for (double v : {c.baseline_total, c.candidate_total, c.delta}) w = std::max(w, ui::TextWidth(text(v)));
        return w + 0.8f * em;
    };
    const auto with_unit = [&](double v) { return Size(app, v); };
    const auto bare = [&](double v) { return headroom::format_fixed(headroom::in_unit(v, app.unit, power), 1); };
    const float cell = 2 * ImGui::GetStyle().CellPadding.x;
    const float unit_w = cell_w(with_unit);
    const bool units = ImGui::GetContentRegionAvail().x >= LabelColumnWidth() + 3 * unit_w + 4 * cell;
    const auto text = [&](double v) { return units ? with_unit(v) : bare(v); };
    // Roomy where there is room; as wide as the widest number otherwise.
    const float w = units ? std::max(unit_w, 5.2f * em) : cell_w(bare);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("compare", 4, flags)) return;
    ImGui::TableSetupColumn("Component", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("A", ImGuiTableColumnFlags_WidthFixed, w);
    ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthFixed, w);
    ImGui::TableSetupColumn("A − B", ImGuiTableColumnFlags_WidthFixed, w);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ui::TextDim(units ? "Component" : (std::string(headroom::unit_name(app.unit, power)) + " per GPU").c_str());
    for (const char* h : {"A", "B", "A − B"}) {
        ImGui::TableNextColumn();
        ui::TextRight(h, theme::Colors().text_dim);
    }
    for (int i = 0; i < headroom::kComponentCount; ++i) {
        const auto comp = headroom::kAllComponents[i];
        if (a[comp] <= 0 && b[comp] <= 0) continue;
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ui::Swatch(theme::ComponentColor(comp));
        ImGui::TextUnformatted(ui::Fitted(headroom::component_label(comp)).c_str());
        ImGui::TableSetColumnIndex(1);
        ui::TextRight(text(a[comp]).c_str());
        ImGui::TableSetColumnIndex(2);
        ui::TextRight(text(b[comp]).c_str());
        ImGui::TableSetColumnIndex(3);
        const double d = c.component_delta[i];
        ui::TextRight(text(d).c_str(), d > 0 ? theme::Colors().good : d < 0 ? theme::Colors().bad : theme::Colors().text_dim);
    }
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::PushFont(app.fonts.heading);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(ui::Fitted(units ? "Total per GPU" : "Total").c_str());
    ImGui::TableSetColumnIndex(1);
    ui::TextRight(text(c.baseline_total).c_str());
    RecordItemRect(app, "compare.a_total");
    ImGui::TableSetColumnIndex(2);
    ui::TextRight(text(c.candidate_total).c_str());
    RecordItemRect(app, "compare.b_total");
    ImGui::TableSetColumnIndex(3);
    ui::TextRight(text(c.delta).c_str(), c.delta > 0 ? theme::Colors().good : c.delta < 0 ? theme::Colors().bad : 0);
    ImGui::PopFont();
    ImGui::EndTable();

    char line[96];
    if (c.delta >= 0)
        std::snprintf(line, sizeof line, "B saves %s per GPU (%s%%) against A", Size(app, c.delta, 2).c_str(),
                      headroom::format_fixed(c.savings_percent, 1).c_str());
    else
        std::snprintf(line, sizeof line, "B needs %s more per GPU (%s%%) than A", Size(app, -c.delta, 2).c_str(),
                      headroom::format_fixed(-c.savings_percent, 1).c_str());
    ImGui::PushTextWrapPos(0.0f);
    ui::TextColored(c.delta >= 0 ? theme::Colors().good : theme::Colors().bad, line);
    ImGui::PopTextWrapPos();
    RecordItemRect(app, "compare.savings");
}

}  // namespace

void DrawCompare(AppState& app) {
    if (!app.compare_on) {
        ImGui::PushTextWrapPos(0.0f);
        ui::TextDim("Compare this scenario (A) with a copy you edit (B), or with seed 002's fp32 baseline "
                    "against mixed precision.");
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Compare with a copy")) {
            SetOther(app, app.good_scenario);
            app.compare_on = true;
            app.editing_b = false;
            SwapEdited(app);  // the form now edits the copy, B
        }
        RecordItemRect(app, "compare.copy");
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize("fp32 vs mixed").x + 2 * ImGui::GetStyle().FramePadding.x)
            ImGui::NewLine();
        if (ImGui::Button("fp32 vs mixed")) CompareFp32VsMixed(app);
        RecordItemRect(app, "compare.fp32_mixed");
        return;
    }
    ui::TextDim("The form edits");
    ImGui::SameLine();
    if (ImGui::RadioButton("A", !app.editing_b) && app.editing_b) SwapEdited(app);
    RecordItemRect(app, "compare.edit_a");
    ImGui::SameLine();
    if (ImGui::RadioButton("B", app.editing_b) && !app.editing_b) SwapEdited(app);
    RecordItemRect(app, "compare.edit_b");
    ImGui::SameLine();
    if (ImGui::SmallButton("Stop comparing")) {
        if (app.editing_b) SwapEdited(app);  // keep A, the scenario the user started from
        app.compare_on = false;
    }
    RecordItemRect(app, "compare.stop");
    CompareTable(app);
}
