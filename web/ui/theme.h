// Colours, spacing and the one display-scale factor. Sizes are in em (multiples of the
// font size) or base pixels times AppState::scale, never raw pixels.
#pragma once
#include "headroom/estimate.h"
#include "imgui.h"

namespace theme {

inline constexpr float kBodyPt = 15.0f;     // body text, CSS pixels
inline constexpr float kDisplayPt = 38.0f;  // the big total, CSS pixels

// The colours of one theme. Semantic names, so panels never pick a colour for its looks.
struct Palette {
    ImU32 text, text_dim, error, good, bad, accent, panel, track, on_component;
};

// The active palette; set by ApplyStyle together with ImGui's style (it is part of the
// style, as ImGui's own colours are, so it lives beside ImGui::GetStyle(), not per panel).
const Palette& Colors();

// One colour per memory component, the same in both themes (pie, table, bars, formulas):
// the engine's palette (headroom/palette.h), which the PDF and the icon share.
ImU32 ComponentColor(headroom::Component c);

// Sets the style for a display scale (devicePixelRatio) and theme; call again on change.
void ApplyStyle(float scale, bool dark = true);

// Font size in ImGui pixels; 1 em.
float Em();

// The one call-to-action style (accent-coloured button).
bool PrimaryButton(const char* label);

}  // namespace theme
