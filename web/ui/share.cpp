// Exports and sharing: Download PDF / JSON, Import JSON, Copy link, the embed snippet; and
// the compact embed page (?embed=1). Requests go to AppState::share; browser_io carries them out.
#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

bool Button(AppState& app, const char* label, std::string_view rect, const char* tip) {
    const bool pressed = ImGui::Button(label);
    RecordItemRect(app, rect);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    return pressed;
}

void Message(const ShareState& sh) {
    if (sh.message.empty()) return;
    ImGui::PushTextWrapPos(0.0f);
    if (sh.message_is_error)
        ui::TextColored(IM_COL32(235, 87, 87, 255), sh.message.c_str());  // readable on light and dark themes
    else
        ui::TextDim(sh.message.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

void DrawShare(AppState& app) {
    ShareState& sh = app.share;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    auto same_line_if_room = [&](const char* next) {
        const float w = ImGui::CalcTextSize(next).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectMax().x + ImGui::GetCursorScreenPos().x > w + gap)
            ImGui::SameLine();
    };
    if (Button(app, "Download PDF", "share.pdf", "Report with inputs, breakdown, pie and formulas: headroom.pdf"))
        sh.request_pdf = true;
    same_line_if_room("Download JSON");
    if (Button(app, "Download JSON", "share.json", "The scenario as JSON (the CLI reads it): headroom-scenario.json"))
        sh.request_json = true;
    same_line_if_room("Import JSON");
    if (Button(app, "Import JSON", "share.import", "Open a scenario JSON file; it is read in this page, never uploaded"))
        sh.request_import = true;
    same_line_if_room("Copy link");
    if (Button(app, "Copy link", "share.copy_link", "A link that opens this exact scenario"))
        sh.request_copy_link = true;

    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##link", sh.link.data(), sh.link.size() + 1, ImGuiInputTextFlags_ReadOnly);
    RecordItemRect(app, "share.link");

    if (ImGui::TreeNode("Embed in a docs page")) {
        ImGui::PushTextWrapPos(0.0f);
        ui::TextDim("Paste into any HTML page: a compact view of this scenario that sizes itself.");
        ImGui::PopTextWrapPos();
        ImGui::InputTextMultiline("##snippet", sh.embed_snippet.data(), sh.embed_snippet.size() + 1,
                                  {-1, 4.5f * ImGui::GetTextLineHeightWithSpacing()},
                                  ImGuiInputTextFlags_ReadOnly);
        if (Button(app, "Copy snippet", "share.copy_snippet", "The <iframe> snippet, with this scenario"))
            sh.request_copy_snippet = true;
        ImGui::TreePop();
    }
    Message(sh);
}

// ?embed=1: the answer only (total, fit, breakdown, pie), sized to its content; the height
// goes to the parent page so the iframe needs no scrollbar.
void DrawEmbed(AppState& app) {
    const float em = theme::Em();
    if (ui::BeginCard("summary_card")) {
        DrawSummary(app);
        ui::EndCard();
    }
    const bool two = ImGui::GetContentRegionAvail().x >= 34.0f * em;
    if (ImGui::BeginTable("embed_grid", two ? 2 : 1, ImGuiTableFlags_NoPadOuterX)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ui::BeginCard("breakdown_card")) {
            DrawBreakdown(app);
            ui::EndCard();
        }
        if (!two) ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ui::BeginCard("pie_card")) {
            DrawPie(app);
            ui::EndCard();
        }
        ImGui::EndTable();
    }
    Message(app.share);
    ui::TextDim("Headroom \xC2\xB7 computed in your browser");
    const float bottom = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    app.share.content_height = bottom / (app.scale > 0 ? app.scale : 1.0f);
}
