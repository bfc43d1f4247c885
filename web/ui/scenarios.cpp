// The scenario table (seed 000): the current scenario saved under a name, one row each, with
// the inputs that tell rows apart and the engine's total. Clicking a row loads it.
#include <string>

#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

std::string Precision(const headroom::Scenario& s) {
    std::string p(headroom::dtype_name(s.dtypes.weights));
    if (s.mode == headroom::Mode::Training && s.dtypes.master_weights)
        p += " + " + std::string(headroom::dtype_name(*s.dtypes.master_weights)) + " master";
    return p;
}

}  // namespace

void DrawScenarios(AppState& app) {
    const float em = theme::Em();
    const ImGuiStyle& st = ImGui::GetStyle();
    const char* save = "Save as row";
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(save).x - 2 * st.FramePadding.x -
                            st.ItemSpacing.x);
    const bool enter = ImGui::InputTextWithHint("##row_name", "Name, e.g. Llama 8B bf16", app.row_name.data(),
                                                app.row_name.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    RecordItemRect(app, "scenarios.name");
    ImGui::SameLine();
    if (theme::PrimaryButton(save) || enter) {
        SaveRow(app, app.row_name.data());
        app.row_name.fill('\0');
    }
    RecordItemRect(app, "scenarios.save");
    if (InputsInvalid(app) && ImGui::IsItemHovered()) ImGui::SetTooltip("Saves the last valid scenario");
    if (app.saved.empty()) {
        ui::TextDim("No rows yet.");
        return;
    }
    const bool wide = ImGui::GetContentRegionAvail().x > 34.0f * em;  // else drop the input columns
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("scenarios", wide ? 7 : 3, flags)) return;
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    if (wide) {
        ImGui::TableSetupColumn("Mode");
        ImGui::TableSetupColumn("Params");
        ImGui::TableSetupColumn("Precision");
        ImGui::TableSetupColumn("Batch × seq");
    }
    ImGui::TableSetupColumn("Total", ImGuiTableColumnFlags_WidthFixed, 5.5f * em);
    ImGui::TableSetupColumn("##delete", ImGuiTableColumnFlags_WidthFixed, 1.4f * em);
    ImGui::TableHeadersRow();
    int load = -1, remove = -1;
    for (int i = 0; i < static_cast<int>(app.saved.size()); ++i) {
        const SavedScenario& row = app.saved[i];
        ImGui::PushID(i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(row.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            load = i;
        if (i == 0) RecordItemRect(app, "scenarios.row0");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Load this scenario into the form");
        if (wide) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(headroom::mode_name(row.scenario.mode)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(headroom::format_count(row.estimate.params_total).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(Precision(row.scenario).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld × %lld", row.scenario.batch, row.scenario.seq_len);
        }
        ImGui::TableNextColumn();
        ui::TextRight(Size(app, row.estimate.total).c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("×")) remove = i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this row");
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (load >= 0) LoadRow(app, load);
    if (remove >= 0) app.saved.erase(app.saved.begin() + remove);
}
