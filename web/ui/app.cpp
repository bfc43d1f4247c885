// The page: one borderless window over the whole canvas, inputs on the left, results on the
// right (stacked in one column when the window is narrow).
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

constexpr float kInputsWidthEm = 25.0f;
constexpr float kTwoColumnMinEm = 52.0f;  // results narrower than this stack their cards

void BeginFrameState(AppState& app) {
    app.item_rect_count = 0;
    app.highlighted_component = app.hovered_component;
    app.hovered_component = -1;
}

void DrawHeader(AppState& app) {
    ImGui::PushFont(app.fonts.heading);
    ui::TextColored(theme::kAccent, "Headroom");
    ImGui::PopFont();
    ImGui::SameLine();
    ui::TextDim("GPU memory per device, computed in your browser");
    ImGui::Spacing();
}

void DrawResults(AppState& app) {
    const float em = theme::Em();
    if (ui::BeginCard("summary_card")) {
        DrawSummary(app);
        ui::EndCard();
    }
    if (ui::BeginCard("share_card")) {
        ui::CardTitle(app, "Export and share");
        DrawShare(app);
        ui::EndCard();
    }
    const bool two = ImGui::GetContentRegionAvail().x >= kTwoColumnMinEm * em;
    const float gap = 0.5f * em;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, {two ? gap : 0.0f, gap});
    const bool grid = ImGui::BeginTable("grid", two ? 2 : 1, ImGuiTableFlags_NoPadOuterX);
    ImGui::PopStyleVar();
    if (!grid) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ui::BeginCard("breakdown_card")) {
        ui::CardTitle(app, "Breakdown per GPU");
        DrawBreakdown(app);
        ui::EndCard();
    }
    if (!two) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ui::BeginCard("pie_card")) {
        ui::CardTitle(app, "Allocation");
        DrawPie(app);
        ui::EndCard();
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ui::BeginCard("fits_card")) {
        ui::CardTitle(app, "Fits on");
        DrawFits(app);
        ui::EndCard();
    }
    if (!two) ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ui::BeginCard("formulas_card")) {
        ui::CardTitle(app, "Formulas");
        DrawFormulas(app);
        ui::EndCard();
    }
    ImGui::EndTable();
}

}  // namespace

void DrawApp(AppState& app) {
    BeginFrameState(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Headroom", nullptr, flags);
    if (app.share.embed) {  // ?embed=1: results only, no page chrome
        DrawEmbed(app);
        ImGui::End();
        return;
    }
    const float em = theme::Em();
    const bool wide = vp->WorkSize.x >= (kInputsWidthEm + 30.0f) * em;
    DrawHeader(app);
    if (wide) {
        ImGui::BeginChild("inputs", {kInputsWidthEm * em, 0}, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        if (DrawInputs(app)) Recompute(app);
        ImGui::EndChild();
        ImGui::SameLine(0, 0.8f * em);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
        ImGui::BeginChild("results", {0, 0});
        DrawResults(app);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    } else {
        // Narrow: one scrolling column, results first so the answer is on screen.
        DrawResults(app);
        if (ui::BeginCard("inputs_card")) {
            if (DrawInputs(app)) Recompute(app);
            ui::EndCard();
        }
    }
    ImGui::End();
}
