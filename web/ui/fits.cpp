// "Fits on": every catalogue GPU with a headroom bar. Clicking a row makes it the target GPU.
#include <string>

#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

// Share of the card the job uses, drawn as a bar; the bar saturates red past 100 %.
void HeadroomBar(const headroom::Fit& f, double total, float width, float height) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetTextLineHeight() - height) / 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double used = f.capacity_bytes > 0 ? total / f.capacity_bytes : 1.0;
    const float fill = static_cast<float>(used > 1.0 ? 1.0 : used);
    dl->AddRectFilled({p.x, y}, {p.x + width, y + height}, theme::Colors().track, height / 2);
    dl->AddRectFilled({p.x, y}, {p.x + width * fill, y + height}, f.fits ? theme::Colors().good : theme::Colors().bad, height / 2);
    ImGui::Dummy({width, ImGui::GetTextLineHeight()});
}

}  // namespace

void DrawFits(AppState& app) {
    const float em = theme::Em();
    const headroom::Estimate& e = app.estimate;
    int fitting = 0;
    for (const headroom::Fit& f : e.fits) fitting += f.fits ? 1 : 0;
    ImGui::Text("Fits on %d of %d GPUs", fitting, static_cast<int>(e.fits.size()));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("fits", 4, flags)) return;
    ImGui::TableSetupColumn("GPU", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Memory", ImGuiTableColumnFlags_WidthFixed, 4.6f * em);
    ImGui::TableSetupColumn("Bar", ImGuiTableColumnFlags_WidthFixed, 5.0f * em);
    ImGui::TableSetupColumn("Headroom", ImGuiTableColumnFlags_WidthFixed, 5.6f * em);
    for (const headroom::Fit& f : e.fits) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        const std::string name(f.name);
        const bool selected = f.gpu == app.scenario.gpu;
        if (ImGui::Selectable(name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
            app.scenario.gpu = std::string(f.gpu);
            Recompute(app);
        }
        ImGui::TableSetColumnIndex(1);
        // GiB: the unit vendors' "80GB" actually means.
        ui::TextRight(headroom::format_gib(f.capacity_bytes, 0).c_str(), theme::Colors().text_dim);
        ImGui::TableSetColumnIndex(2);
        HeadroomBar(f, e.total, ImGui::GetContentRegionAvail().x, 0.45f * em);
        ImGui::TableSetColumnIndex(3);
        const std::string room = f.fits ? "+" + Size(app, f.free_bytes) : "−" + Size(app, -f.free_bytes);
        ui::TextRight(room.c_str(), f.fits ? theme::Colors().good : theme::Colors().bad);
    }
    ImGui::EndTable();
}
