#include "ui/theme.h"

namespace theme {

ImU32 ComponentColor(headroom::Component c) {
    switch (c) {
        case headroom::Component::Weights: return IM_COL32(76, 139, 245, 255);
        case headroom::Component::MasterWeights: return IM_COL32(146, 124, 240, 255);
        case headroom::Component::Gradients: return IM_COL32(43, 179, 163, 255);
        case headroom::Component::OptimizerStates: return IM_COL32(242, 169, 59, 255);
        case headroom::Component::Activations: return IM_COL32(239, 93, 122, 255);
        case headroom::Component::KvCache: return IM_COL32(124, 196, 106, 255);
        case headroom::Component::Overhead: return IM_COL32(139, 147, 161, 255);
    }
    return IM_COL32(200, 200, 200, 255);
}

void ApplyStyle(float scale) {
    ImGuiStyle style;  // fresh defaults, so repeated calls do not compound the scale
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(18, 16);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.CellPadding = ImVec2(8, 4);
    style.ScrollbarSize = 12;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 0;

    ImVec4* c = style.Colors;
    const ImVec4 bg(0.086f, 0.094f, 0.114f, 1.0f);
    const ImVec4 panel = ImGui::ColorConvertU32ToFloat4(kPanel);
    const ImVec4 frame(0.153f, 0.169f, 0.204f, 1.0f);
    const ImVec4 accent = ImGui::ColorConvertU32ToFloat4(kAccent);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(kTextDim);
    c[ImGuiCol_WindowBg] = bg;
    c[ImGuiCol_ChildBg] = panel;
    c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.16f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.24f, 0.26f, 0.31f, 1.0f);
    c[ImGuiCol_FrameBg] = frame;
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.20f, 0.22f, 0.27f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.22f, 0.25f, 0.31f, 1.0f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.22f, 0.27f, 1.0f);  // also the combo arrows: quiet
    c[ImGuiCol_ButtonHovered] = ImVec4(0.26f, 0.29f, 0.36f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.30f, 0.34f, 0.42f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.20f, 0.23f, 0.29f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.28f, 0.36f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.31f, 0.40f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.24f, 0.26f, 0.31f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.14f, 0.155f, 0.19f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.24f, 0.26f, 0.31f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.20f, 0.22f, 0.26f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.025f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PlotHistogram] = accent;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

float Em() { return ImGui::GetFontSize(); }

bool PrimaryButton(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.19f, 0.36f, 0.66f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.25f, 0.45f, 0.80f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.16f, 0.31f, 0.58f, 1.0f));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(3);
    return pressed;
}

}  // namespace theme
