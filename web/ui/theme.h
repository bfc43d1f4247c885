// Colours, spacing and the one display-scale factor. Sizes are in em (multiples of the
// font size) or base pixels times AppState::scale, never raw pixels.
#pragma once
#include "headroom/estimate.h"
#include "imgui.h"

namespace theme {

inline constexpr float kBodyPt = 15.0f;     // body text, CSS pixels
inline constexpr float kDisplayPt = 38.0f;  // the big total, CSS pixels

inline constexpr ImU32 kText = IM_COL32(228, 231, 236, 255);
inline constexpr ImU32 kTextDim = IM_COL32(150, 158, 171, 255);
inline constexpr ImU32 kError = IM_COL32(255, 107, 107, 255);
inline constexpr ImU32 kGood = IM_COL32(92, 196, 128, 255);
inline constexpr ImU32 kBad = IM_COL32(240, 96, 96, 255);
inline constexpr ImU32 kAccent = IM_COL32(94, 154, 255, 255);
inline constexpr ImU32 kPanel = IM_COL32(30, 33, 40, 255);
inline constexpr ImU32 kTrack = IM_COL32(48, 53, 63, 255);

// One colour per memory component, distinguishable on the dark background.
ImU32 ComponentColor(headroom::Component c);

// Sets the style for a display scale (devicePixelRatio); call again when it changes.
void ApplyStyle(float scale);

// Font size in ImGui pixels; 1 em.
float Em();

// The one call-to-action style (accent-coloured button).
bool PrimaryButton(const char* label);

}  // namespace theme
