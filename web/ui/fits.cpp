// "Fits on": every catalogue GPU with a headroom bar. Clicking a row makes it the target GPU.
#include <algorithm>
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

// "+44.7 GB" free, or "−75.5 GB" short.
std::string Room(const AppState& app, const headroom::Fit& f) {
    return f.fits ? "+" + Size(app, f.free_bytes) : "−" + Size(app, -f.free_bytes);
}

}  // namespace

void DrawFits(AppState& app) {
    const float em = theme::Em();
    const headroom::Estimate& e = app.estimate;
    int fitting = 0;
    for (const headroom::Fit& f : e.fits) fitting += f.fits ? 1 : 0;
    ImGui::Text("Fits on %d of %d GPUs", fitting, static_cast<int>(e.fits.size()));
    // What the columns need: the longest name, capacity and headroom. On a narrow card the
    // capacity column goes (each name ends with it) and the bar narrows before a name is cut.
    float name_w = 0, mem_w = 0, room_w = 0;
    for (const headroom::Fit& f : e.fits) {
        name_w = std::max(name_w, ui::TextWidth(f.name));
        mem_w = std::max(mem_w, ui::TextWidth(headroom::format_gib(f.capacity_bytes, 0)));
        room_w = std::max(room_w, ui::TextWidth(Room(app, f)));
    }
    const float gap = 0.8f * em, cell = 2 * ImGui::GetStyle().CellPadding.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool memory = avail >= name_w + mem_w + 5.0f * em + room_w + 2 * gap + 4 * cell;
    const float bar_w = std::clamp(avail - name_w - room_w - gap - 3 * cell - (memory ? mem_w + gap + cell : 0.0f),
                                   2.5f * em, 5.0f * em);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("fits", memory ? 4 : 3, flags)) return;
    ImGui::TableSetupColumn("GPU", ImGuiTableColumnFlags_WidthStretch);
    if (memory) ImGui::TableSetupColumn("Memory", ImGuiTableColumnFlags_WidthFixed, mem_w + gap);
    ImGui::TableSetupColumn("Bar", ImGuiTableColumnFlags_WidthFixed, bar_w);
    ImGui::TableSetupColumn("Headroom", ImGuiTableColumnFlags_WidthFixed, room_w + gap);
    for (const headroom::Fit& f : e.fits) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = ui::Fitted(f.name) + "##" + std::string(f.gpu);
        const bool selected = f.gpu == app.scenario.gpu;
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
            app.scenario.gpu = std::string(f.gpu);
            Recompute(app);
        }
        if (memory) {
            ImGui::TableNextColumn();
            // GiB: the unit vendors' "80GB" actually means.
            ui::TextRight(headroom::format_gib(f.capacity_bytes, 0).c_str(), theme::Colors().text_dim);
        }
        ImGui::TableNextColumn();
        HeadroomBar(f, e.total, ImGui::GetContentRegionAvail().x, 0.45f * em);
        ImGui::TableNextColumn();
        ui::TextRight(Room(app, f).c_str(), f.fits ? theme::Colors().good : theme::Colors().bad);
    }
    ImGui::EndTable();
}
