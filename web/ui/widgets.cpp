#include "ui/widgets.h"

#include <string>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"  // ImGui::GetActiveID: whether a field is being edited
#include "ui/layout.h"
#include "ui/theme.h"

namespace ui {
namespace {

constexpr const char* kLongestUnit = "seq / GPU";

std::string_view g_row_help;  // SetNextRowHelp's text, for the row being drawn

void HelpTooltip() {
    if (g_row_help.empty() || !ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(24.0f * theme::Em());
    ImGui::TextUnformatted(g_row_help.data(), g_row_help.data() + g_row_help.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Unique ImGui id from the field path; the label is drawn by RowLabel, not by the widget.
std::string HiddenId(std::string_view field) { return "##" + std::string(field); }

// Places the cursor in the field column and sizes the widget to leave room for the unit.
void BeginField(const char* label, const char* unit) {
    RowLabel(label);
    ImGui::TableSetColumnIndex(1);
    // Numeric fields share one right edge, leaving room for the longest unit; combos and
    // fields without a unit run to the column's end.
    const float unit_w = unit ? std::max(ImGui::CalcTextSize(kLongestUnit).x, ImGui::CalcTextSize(unit).x) +
                                    ImGui::GetStyle().ItemInnerSpacing.x
                              : 0.0f;
    ImGui::SetNextItemWidth(-unit_w - 1.0f);
}

bool EndField(AppState& app, std::string_view field, const char* unit, bool changed,
              const fields::Display* shown = nullptr) {
    RecordItemRect(app, field);
    HelpTooltip();
    g_row_help = {};
    if (unit && *unit) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        TextDim(unit);
    }
    FieldErrorText(app, field, shown);
    return changed;
}

bool Same(double a, double b) { return a == b || std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b)); }

// A number typed as text (see widgets.h). Returns true when `*shown` took a new value.
bool NumberField(AppState& app, std::string_view field, double* shown, const fields::Display& d, const char* format) {
    const std::string id = HiddenId(field);
    const bool editing = ImGui::GetActiveID() == ImGui::GetID(id.c_str());
    TypedText* typed = FindTypedText(app, field);
    if (typed && !editing && !Same(typed->shown, *shown)) {  // the value changed elsewhere
        std::erase_if(app.typed_texts, [&](const TypedText& t) { return t.field == field; });
        typed = nullptr;
    }
    char buf[64];
    if (typed) std::snprintf(buf, sizeof buf, "%s", typed->text.c_str());
    else std::snprintf(buf, sizeof buf, format, *shown);
    const bool changed = ImGui::InputText(id.c_str(), buf, sizeof buf, ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemActive()) app.number_field_id = ImGui::GetID(id.c_str());  // a phone shows a number keyboard
    if (!changed) return false;
    const fields::Parsed p = fields::ParseNumber(buf, d);
    if (!p.ok) {
        if (!typed) typed = &app.typed_texts.emplace_back(TypedText{std::string(field), {}, {}, *shown});
        typed->text = buf;
        typed->message = p.message;
        return false;
    }
    std::erase_if(app.typed_texts, [&](const TypedText& t) { return t.field == field; });
    if (Same(p.value, *shown)) return false;
    *shown = p.value;
    return true;
}

}  // namespace

std::string ComboPreview(AppState& app, std::string_view field, std::string_view label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float avail = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - 2 * st.FramePadding.x;
    const auto measure = [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; };
    std::string preview = layout::FitLabel(label, avail, measure);
    RecordComboPreview(app, field, label, preview, avail);
    return preview;
}

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

void SetNextRowHelp(std::string_view help) { g_row_help = help; }

void RowLabel(const char* label) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);  // a long label wraps in its column, never runs under the field
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    HelpTooltip();
}

bool RowInt64(AppState& app, const char* label, std::string_view field, long long* v, const char* unit) {
    BeginField(label, unit);
    // Counts beyond 2^53 are not exact in a double; no field's range comes near.
    const fields::Display d{label, unit ? unit : "", 1.0, true, 9.0e15};
    double shown = static_cast<double>(*v);
    const bool changed = NumberField(app, field, &shown, d, "%.0f");
    if (changed) *v = std::llround(shown);
    return EndField(app, field, unit, changed, &d);
}

bool RowInt(AppState& app, const char* label, std::string_view field, int* v, const char* unit) {
    BeginField(label, unit);
    const fields::Display d{label, unit ? unit : "", 1.0, true, 2147483647.0};
    double shown = *v;
    const bool changed = NumberField(app, field, &shown, d, "%.0f");
    if (changed) *v = static_cast<int>(std::lround(shown));
    return EndField(app, field, unit, changed, &d);
}

bool RowDouble(AppState& app, const char* label, std::string_view field, double* v, const fields::Display& shown,
               const char* format) {
    const std::string unit(shown.unit);
    BeginField(label, unit.c_str());
    const bool changed = NumberField(app, field, v, shown, format);
    return EndField(app, field, unit.c_str(), changed, &shown);
}

bool RowCombo(AppState& app, const char* label, std::string_view field, int* index,
              std::span<const std::string_view> items) {
    BeginField(label, nullptr);
    bool changed = false;
    const std::string_view current = *index >= 0 && *index < static_cast<int>(items.size()) ? items[*index] : "";
    const std::string preview = ComboPreview(app, field, current);
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
    if (preview != current && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(current).c_str());
    return EndField(app, field, nullptr, changed);
}

bool RowCheckbox(AppState& app, const char* label, std::string_view field, bool* v) {
    BeginField(label, nullptr);
    const bool changed = ImGui::Checkbox(HiddenId(field).c_str(), v);
    return EndField(app, field, nullptr, changed);
}

void FieldErrorText(AppState& app, std::string_view field, const fields::Display* shown) {
    app.fields_shown.push_back(field);
    std::string message;
    if (const TypedText* t = FindTypedText(app, field)) message = t->message;
    else if (const headroom::FieldError* e = FindFieldError(app, field)) message = fields::Message(*e, shown ? *shown : fields::Display{});
    if (message.empty()) return;
    RecordFieldMessage(app, field, message);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().error);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(message.c_str());
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

void TextColored(ImU32 color, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void TextDim(std::string_view text) { TextColored(theme::Colors().text_dim, text); }

void TextDimParts(std::span<const std::string> parts) {
    const float avail = ImGui::GetContentRegionAvail().x;
    std::string line;
    for (const std::string& part : parts) {
        const std::string joined = line.empty() ? part : line + " · " + part;
        if (!line.empty() && TextWidth(joined) > avail) {
            TextDim(line.c_str());
            line = part;
        } else {
            line = joined;
        }
    }
    if (!line.empty()) TextDim(line.c_str());
}

void Swatch(ImU32 color) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.2f}, {p.x + h * 0.6f, p.y + h * 0.8f}, color, 0.13f * h);
    ImGui::SetCursorScreenPos({p.x + h, p.y});
}

float TextWidth(std::string_view text) { return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x; }

std::string Fitted(std::string_view label) { return layout::FitLabel(label, ImGui::GetContentRegionAvail().x, TextWidth); }

void TextRight(const char* text, ImU32 color) {
    const float w = ImGui::CalcTextSize(text).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    if (color) TextColored(color, text);
    else ImGui::TextUnformatted(text);
}

}  // namespace ui
