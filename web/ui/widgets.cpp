#include "ui/widgets.h"

#include <string>

#include "imgui.h"
#include "ui/theme.h"

namespace ui {
namespace {

constexpr const char* kLongestUnit = "seq / GPU";

// Unique ImGui id from the field path; the label is drawn by RowLabel, not by the widget.
std::string HiddenId(std::string_view field) { return "##" + std::string(field); }

// Places the cursor in the field column and sizes the widget to leave room for the unit.
void BeginField(const char* label, const char* unit) {
    RowLabel(label);
    ImGui::TableSetColumnIndex(1);
    // Numeric fields share one right edge, leaving room for the longest unit; combos and
    // fields without a unit run to the column's end.
    const float unit_w = unit ? ImGui::CalcTextSize(kLongestUnit).x + ImGui::GetStyle().ItemInnerSpacing.x : 0.0f;
    ImGui::SetNextItemWidth(-unit_w - 1.0f);
}

bool EndField(AppState& app, std::string_view field, const char* unit, bool changed) {
    RecordItemRect(app, field);
    if (unit && *unit) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        TextDim(unit);
    }
    FieldErrorText(app, field);
    return changed;
}

}  // namespace

bool BeginForm(AppState& app, const char* title) {
    ImGui::Spacing();
    ImGui::PushFont(app.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().accent);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Separator();
    if (!ImGui::BeginTable(title, 2, ImGuiTableFlags_SizingFixedFit)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 8.2f * theme::Em());
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void EndForm() { ImGui::EndTable(); }

void RowLabel(const char* label) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
}

bool RowInt64(AppState& app, const char* label, std::string_view field, long long* v, const char* unit) {
    BeginField(label, unit);
    const bool changed = ImGui::InputScalar(HiddenId(field).c_str(), ImGuiDataType_S64, v);
    return EndField(app, field, unit, changed);
}

bool RowInt(AppState& app, const char* label, std::string_view field, int* v, const char* unit) {
    BeginField(label, unit);
    const bool changed = ImGui::InputScalar(HiddenId(field).c_str(), ImGuiDataType_S32, v);
    return EndField(app, field, unit, changed);
}

bool RowDouble(AppState& app, const char* label, std::string_view field, double* v, const char* unit,
               const char* format) {
    BeginField(label, unit);
    const bool changed = ImGui::InputDouble(HiddenId(field).c_str(), v, 0.0, 0.0, format);
    return EndField(app, field, unit, changed);
}

bool RowCombo(AppState& app, const char* label, std::string_view field, int* index,
              std::span<const std::string_view> items) {
    BeginField(label, nullptr);
    bool changed = false;
    const std::string preview(*index >= 0 && *index < static_cast<int>(items.size()) ? items[*index] : "");
    if (ImGui::BeginCombo(HiddenId(field).c_str(), preview.c_str())) {
        for (int i = 0; i < static_cast<int>(items.size()); ++i) {
            if (ImGui::Selectable(std::string(items[i]).c_str(), i == *index)) {
                changed = i != *index;
                *index = i;
            }
            if (i == *index) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return EndField(app, field, nullptr, changed);
}

bool RowCheckbox(AppState& app, const char* label, std::string_view field, bool* v) {
    BeginField(label, nullptr);
    const bool changed = ImGui::Checkbox(HiddenId(field).c_str(), v);
    return EndField(app, field, nullptr, changed);
}

void FieldErrorText(const AppState& app, std::string_view field) {
    const headroom::FieldError* e = FindFieldError(app, field);
    if (!e) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().error);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(e->message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

bool BeginCard(const char* id) {
    const float pad = 0.9f * theme::Em();
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, {pad, pad});
    const bool open = ImGui::BeginTable(id, 1, ImGuiTableFlags_PadOuterX);
    ImGui::PopStyleVar();  // captured by this table; nested tables get the normal padding
    if (!open) return false;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, theme::Colors().panel);
    return true;
}

void EndCard() { ImGui::EndTable(); }

void CardTitle(const AppState& app, const char* title) {
    ImGui::PushFont(app.fonts.heading);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::Spacing();
}

void TextColored(ImU32 color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void TextDim(const char* text) { TextColored(theme::Colors().text_dim, text); }

void Swatch(ImU32 color) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.2f}, {p.x + h * 0.6f, p.y + h * 0.8f}, color, 0.13f * h);
    ImGui::SetCursorScreenPos({p.x + h, p.y});
}

void TextRight(const char* text, ImU32 color) {
    const float w = ImGui::CalcTextSize(text).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    if (color) TextColored(color, text);
    else ImGui::TextUnformatted(text);
}

}  // namespace ui
