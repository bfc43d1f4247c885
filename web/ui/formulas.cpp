// Each component's formula, the same with this scenario's numbers, and where it comes from.
// The text is the engine's (Estimate::formulas); this panel only lays it out.
#include <string>

#include "headroom/format.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

void DrawFormulas(AppState& app) {
    const float em = theme::Em();
    for (const headroom::Formula& f : app.estimate.formulas) {
        const int i = static_cast<int>(f.component);
        ImGui::PushID(i);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.2f}, {p.x + h * 0.6f, p.y + h * 0.8f},
                                                  theme::ComponentColor(f.component), 2.0f * app.scale);
        ImGui::SetCursorScreenPos({p.x + h, p.y});
        ImGui::PushFont(app.fonts.heading);
        ImGui::TextUnformatted(std::string(headroom::component_label(f.component)).c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ui::TextDim(Size(app, app.estimate[f.component], 2).c_str());

        ImGui::Indent(h);
        ImGui::PushTextWrapPos(0.0f);
        // Lines the engine leaves empty (a component with no source, say) take no space.
        if (!f.formula.empty()) ImGui::TextUnformatted(f.formula.data(), f.formula.data() + f.formula.size());
        if (!f.substituted.empty()) ui::TextColored(theme::Colors().accent, f.substituted);
        if (!f.source.empty()) ui::TextDim(f.source);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(h);
        ImGui::Dummy({0, 0.4f * em});
        ImGui::PopID();
    }
}
