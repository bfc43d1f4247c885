// The page: one borderless window over the whole canvas. Its columns come from
// layout::Compute (ui/layout.h): inputs | results | formulas on a wide window, inputs |
// results on a medium one, and one scrolling column (results first) on a phone.
#include "imgui.h"
#include "ui/layout.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

void BeginFrameState(AppState& app) {
    // The theme toggle and prefers-color-scheme only set app.dark; the style follows here,
    // before any window is begun, so a whole frame is drawn in one theme.
    if (app.dark != app.style_dark || app.scale != app.style_scale) {
        theme::ApplyStyle(app.scale, app.dark);
        app.style_dark = app.dark;
        app.style_scale = app.scale;
    }
    ++app.frame_count;
    app.fields_shown.clear();
    app.highlighted_component = app.hovered_component;
    app.hovered_component = -1;
}

// A two-way switch drawn as two small buttons, the chosen one tinted with the accent (the
// header colour alone was barely told apart from the other in the dark theme).
bool Segment(AppState& app, const char* label, bool on, std::string_view rect_name) {
    ImVec4 tint = ImGui::ColorConvertU32ToFloat4(theme::Colors().accent);
    tint.w = app.dark ? 0.45f : 0.22f;
    ImGui::PushStyleColor(ImGuiCol_Button, on ? tint : ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    const bool pressed = ImGui::SmallButton(label);
    ImGui::PopStyleColor();
    RecordItemRect(app, rect_name);
    return pressed && !on;
}

void DrawHeader(AppState& app) {
    const float em = theme::Em();
    ImGui::PushFont(app.fonts.heading);
    ui::TextColored(theme::Colors().accent, "Headroom");
    ImGui::PopFont();
    const bool room_for_tagline = ImGui::GetContentRegionAvail().x > 40.0f * em;
    if (room_for_tagline) {
        ImGui::SameLine();
        ui::TextDim("GPU memory per device, computed in your browser");
    }
    // Unit and theme switches, right-aligned on the title line.
    const char* theme_label = app.dark ? "Light theme" : "Dark theme";
    const ImGuiStyle& st = ImGui::GetStyle();
    // Three small buttons: GB and GiB touching (a segmented switch), the theme 0.6 em after;
    // the last ends at the content's right edge, as the columns below do.
    const float w = ImGui::CalcTextSize("GB").x + ImGui::CalcTextSize("GiB").x + ImGui::CalcTextSize(theme_label).x +
                    6 * st.FramePadding.x + 0.6f * em;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0.0f, st.ItemSpacing.y});
    if (Segment(app, "GB", app.unit == headroom::ByteUnit::Decimal, "unit.gb")) app.unit = headroom::ByteUnit::Decimal;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Decimal gigabytes, 10⁹ bytes (what the reference calculators print)");
    ImGui::SameLine();
    if (Segment(app, "GiB", app.unit == headroom::ByteUnit::Binary, "unit.gib")) app.unit = headroom::ByteUnit::Binary;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Binary gibibytes, 2³⁰ bytes (what a GPU's \"80GB\" means)");
    ImGui::PopStyleVar();
    ImGui::SameLine(0, 0.6f * em);
    if (ImGui::SmallButton(theme_label)) {
        app.dark = !app.dark;
        app.theme_follows_system = false;  // the user chose; the system no longer decides
    }
    RecordItemRect(app, "theme.toggle");
    ImGui::Spacing();
}

void Card(AppState& app, const char* id, const char* title, void (*draw)(AppState&)) {
    if (!ui::BeginCard(id)) return;
    if (title) ui::CardTitle(app, title);
    draw(app);
    ui::EndCard();
}

void InputsCard(AppState& app) {
    if (DrawInputs(app)) Recompute(app);
}

// Breakdown and pie side by side when the column is wide enough, else one above the other.
void BreakdownAndPie(AppState& app) {
    const float em = theme::Em();
    const bool side = layout::CardsSideBySide(ImGui::GetContentRegionAvail().x / em);
    if (!side) {
        Card(app, "breakdown_card", "Breakdown per GPU", DrawBreakdown);
        Card(app, "pie_card", "Allocation", DrawPie);
        return;
    }
    const float gap = 0.5f * em;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, {gap, 0.0f});
    const bool grid = ImGui::BeginTable("grid", 2, ImGuiTableFlags_NoPadOuterX);
    ImGui::PopStyleVar();
    if (!grid) return;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    Card(app, "breakdown_card", "Breakdown per GPU", DrawBreakdown);
    ImGui::TableNextColumn();
    Card(app, "pie_card", "Allocation", DrawPie);
    ImGui::EndTable();
}

void DrawResults(AppState& app, bool with_formulas) {
    Card(app, "summary_card", nullptr, DrawSummary);
    Card(app, "share_card", "Export and share", DrawShare);
    BreakdownAndPie(app);
    Card(app, "fits_card", "Fits on", DrawFits);
    Card(app, "compare_card", "Compare A / B", DrawCompare);
    Card(app, "scenarios_card", "Scenario table", DrawScenarios);
    if (with_formulas) Card(app, "formulas_card", "Formulas", DrawFormulas);
}

// A column that scrolls on its own. Cards draw their own background, so the column has none.
bool BeginColumn(const char* id, float width) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
    const bool open = ImGui::BeginChild(id, {width, 0}, false);
    ImGui::PopStyleColor();
    return open;
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
    DrawHeader(app);
    const layout::Columns cols = layout::Compute(ImGui::GetContentRegionAvail().x / em);
    app.columns = cols.count;
    const float gap = layout::kGapEm * em;
    if (cols.count >= 2) {
        if (BeginColumn("inputs", cols.inputs_em * em)) Card(app, "inputs_card", nullptr, InputsCard);
        ImGui::EndChild();
        ImGui::SameLine(0, gap);
        if (BeginColumn("results", cols.count == 3 ? cols.results_em * em : 0.0f)) DrawResults(app, cols.count == 2);
        ImGui::EndChild();
        if (cols.count == 3) {
            ImGui::SameLine(0, gap);
            if (BeginColumn("formulas", 0.0f)) Card(app, "formulas_card", "Formulas", DrawFormulas);
            ImGui::EndChild();
        }
    } else {
        // Narrow: one scrolling column, the answer first, then the inputs, then the maths.
        Card(app, "summary_card", nullptr, DrawSummary);
        Card(app, "inputs_card", nullptr, InputsCard);
        BreakdownAndPie(app);
        Card(app, "fits_card", "Fits on", DrawFits);
        Card(app, "compare_card", "Compare A / B", DrawCompare);
        Card(app, "scenarios_card", "Scenario table", DrawScenarios);
        Card(app, "formulas_card", "Formulas", DrawFormulas);
        Card(app, "share_card", "Export and share", DrawShare);
    }
    ImGui::End();
    // Text typed into a field the form no longer shows (another mode, the architecture folded
    // away) is dropped: the field keeps its last good value, and nothing unseen stays invalid.
    std::erase_if(app.typed_texts, [&](const TypedText& t) { return !FieldShown(app, t.field); });
}
