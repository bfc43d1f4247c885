// One form row for any scenario field, drawn from the engine's table of fields (headroom/
// fields.h): its label, unit, help (the row's tooltip), kind, and whether it applies to the
// scenario. The form (inputs.cpp) lists which fields go in which group; a new field needs no
// code here.
#include <optional>
#include <string>
#include <vector>

#include "headroom/fields.h"
#include "imgui.h"
#include "ui/widgets.h"

namespace ui {
namespace {

using headroom::Field;
using headroom::FieldKind;

// A choice's labels: what a person calls each value, or its JSON names.
std::span<const std::string_view> Labels(const Field& f) { return f.labels.empty() ? f.names : f.labels; }

}  // namespace

bool FieldRow(AppState& app, std::string_view path) {
    const Field* f = headroom::find_field(path);
    headroom::Scenario& s = app.scenario;
    if (!f || !f->used_by(s) || !f->get) return false;
    const std::string label(f->label);
    const std::optional<double> value = f->value(s);
    SetNextRowHelp(f->help);
    bool changed = false;
    std::optional<double> next;
    switch (f->kind) {
        case FieldKind::Choice: {
            int i = static_cast<int>(value.value_or(0));
            if (RowCombo(app, label.c_str(), f->path, &i, Labels(*f))) next = i;
            break;
        }
        case FieldKind::Integer:
            if (!f->labels.empty()) {  // a small range read as a choice (ZeRO stages)
                int i = static_cast<int>(value.value_or(f->lo) - f->lo);
                if (RowCombo(app, label.c_str(), f->path, &i, f->labels)) next = f->lo + i;
                break;
            }
            [[fallthrough]];
        case FieldKind::Number: {
            const fields::Shown shown = fields::ShownAs(*f, app.unit);
            double v = value.value_or(0) * shown.display.scale;
            if (RowDouble(app, label.c_str(), f->path, &v, shown.display, shown.format)) next = v / shown.display.scale;
            break;
        }
        case FieldKind::Boolean: {
            bool on = value.value_or(0) != 0;
            if (RowCheckbox(app, label.c_str(), f->path, &on)) next = on ? 1 : 0;
            break;
        }
        case FieldKind::Text:
        case FieldKind::Modules: SetNextRowHelp({}); return false;  // drawn by their own rows
    }
    if (next) {
        f->set(s, next);
        changed = true;
    }
    // An optional field the user set can go back to following its default.
    if (f->optional() && f->effective && f->get(s)) {
        RowLabel("");
        ImGui::TableSetColumnIndex(1);
        ImGui::PushID(f->path.data(), f->path.data() + f->path.size());
        if (ImGui::SmallButton("Use the default")) {
            f->set(s, std::nullopt);
            changed = true;
        }
        ImGui::PopID();
    }
    return changed;
}

}  // namespace ui
