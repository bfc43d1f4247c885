#include "ui/theme.h"

#include "headroom/palette.h"

namespace theme {
namespace {

constexpr Palette kDark = {
    .text = IM_COL32(228, 231, 236, 255),
    .text_dim = IM_COL32(150, 158, 171, 255),
    .error = IM_COL32(255, 107, 107, 255),
    .good = IM_COL32(92, 196, 128, 255),
    .bad = IM_COL32(240, 96, 96, 255),
    .accent = IM_COL32(94, 154, 255, 255),
    .panel = IM_COL32(30, 33, 40, 255),
    .track = IM_COL32(48, 53, 63, 255),
    .on_component = IM_COL32(16, 18, 22, 255),
};
constexpr Palette kLight = {
    .text = IM_COL32(28, 32, 40, 255),
    .text_dim = IM_COL32(96, 104, 118, 255),
    .error = IM_COL32(196, 38, 46, 255),
    .good = IM_COL32(30, 142, 72, 255),
    .bad = IM_COL32(208, 52, 52, 255),
    .accent = IM_COL32(32, 96, 208, 255),
    .panel = IM_COL32(255, 255, 255, 255),
    .track = IM_COL32(226, 230, 236, 255),
    .on_component = IM_COL32(16, 18, 22, 255),
};

// Mirrors ImGui's global style (one per ImGui context, and the page has one context).
Palette g_palette = kDark;

ImVec4 F(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void DarkColors(ImVec4* c) {
    const ImVec4 accent = F(kDark.accent);
    c[ImGuiCol_Text] = F(kDark.text);
    c[ImGuiCol_TextDisabled] = F(kDark.text_dim);
    c[ImGuiCol_WindowBg] = ImVec4(0.086f, 0.094f, 0.114f, 1.0f);
    c[ImGuiCol_ChildBg] = F(kDark.panel);
    c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.16f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.24f, 0.26f, 0.31f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.153f, 0.169f, 0.204f, 1.0f);
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
    c[ImGuiCol_TextSelectedBg] = ImVec4(accent.x, accent.y, accent.z, 0.35f);
    c[ImGuiCol_NavHighlight] = accent;
}

void LightColors(ImVec4* c) {
    const ImVec4 accent = F(kLight.accent);
    c[ImGuiCol_Text] = F(kLight.text);
    c[ImGuiCol_TextDisabled] = F(kLight.text_dim);
    c[ImGuiCol_WindowBg] = ImVec4(0.937f, 0.945f, 0.957f, 1.0f);
    c[ImGuiCol_ChildBg] = F(kLight.panel);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.82f, 0.86f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.925f, 0.933f, 0.949f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.886f, 0.902f, 0.925f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.85f, 0.87f, 0.90f, 1.0f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_Button] = ImVec4(0.87f, 0.885f, 0.91f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.82f, 0.84f, 0.88f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.77f, 0.80f, 0.85f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.90f, 0.97f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.90f, 0.93f, 0.98f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.82f, 0.87f, 0.96f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.84f, 0.86f, 0.89f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.95f, 0.955f, 0.965f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.84f, 0.86f, 0.89f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.025f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.75f, 0.77f, 0.81f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.65f, 0.68f, 0.73f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.55f, 0.58f, 0.64f, 1.0f);
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_TextSelectedBg] = ImVec4(accent.x, accent.y, accent.z, 0.25f);
    c[ImGuiCol_NavHighlight] = accent;
}

}  // namespace

const Palette& Colors() { return g_palette; }

ImU32 ComponentColor(headroom::Component c) {
    const headroom::Rgb8 rgb = headroom::component_color(c);
    return IM_COL32(rgb.r, rgb.g, rgb.b, 255);
}

void ApplyStyle(float scale, bool dark) {
    ImGuiStyle style;  // fresh defaults, so repeated calls do not compound the scale
    if (dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
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
    style.PopupBorderSize = 1;
    style.TouchExtraPadding = ImVec2(0, 0);
    if (dark) DarkColors(style.Colors);
    else LightColors(style.Colors);
    g_palette = dark ? kDark : kLight;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

float Em() { return ImGui::GetFontSize(); }

bool PrimaryButton(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.19f, 0.36f, 0.66f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.25f, 0.45f, 0.80f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.16f, 0.31f, 0.58f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(4);
    return pressed;
}

}  // namespace theme
