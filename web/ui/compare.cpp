// A/B comparison (seed 002's baseline vs mixed precision, or any two scenarios): each side's
// components and total, and the engine's delta and savings % (headroom::compare). The form
// edits one side at a time; the switch here swaps which.
#include <string>

#include "headroom/compare.h"
#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

void CompareTable(AppState& app) {
    const float em = theme::Em();
    // A is the baseline: delta = A − B, positive when B saves memory.
    const headroom::Estimate& a = app.editing_b ? app.other_estimate : app.estimate;
    const headroom::Estimate& b = app.editing_b ? app.estimate : app.other_estimate;
    const headroom::Comparison c = headroom::compare(a, b);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("compare", 4, flags)) return;
    ImGui::TableSetupColumn("Component", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("A", ImGuiTableColumnFlags_WidthFixed, 5.2f * em);
    ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthFixed, 5.2f * em);
    ImGui::TableSetupColumn("A − B", ImGuiTableColumnFlags_WidthFixed, 5.6f * em);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ui::TextDim("Component");
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
        ImGui::TextUnformatted(std::string(headroom::component_label(comp)).c_str());
        ImGui::TableSetColumnIndex(1);
        ui::TextRight(Size(app, a[comp]).c_str());
        ImGui::TableSetColumnIndex(2);
        ui::TextRight(Size(app, b[comp]).c_str());
        ImGui::TableSetColumnIndex(3);
        const double d = c.component_delta[i];
        ui::TextRight(Size(app, d).c_str(), d > 0 ? theme::Colors().good : d < 0 ? theme::Colors().bad : theme::Colors().text_dim);
    }
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
    ImGui::PushFont(app.fonts.heading);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted("Total per GPU");
    ImGui::TableSetColumnIndex(1);
    ui::TextRight(Size(app, c.baseline_total).c_str());
    RecordItemRect(app, "compare.a_total");
    ImGui::TableSetColumnIndex(2);
    ui::TextRight(Size(app, c.candidate_total).c_str());
    RecordItemRect(app, "compare.b_total");
    ImGui::TableSetColumnIndex(3);
    ui::TextRight(Size(app, c.delta).c_str(), c.delta > 0 ? theme::Colors().good : c.delta < 0 ? theme::Colors().bad : 0);
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
