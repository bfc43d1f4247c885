// Subset fonts compiled in as bytes (generated at build time by tools/embed_fonts.py).
#pragma once
#include <imgui.h>

// The glyphs every font is subset to, as ImGui ranges (from HEADROOM_GLYPHS in CMakeLists.txt).
extern const ImWchar kGlyphRanges[];

extern const unsigned char kFontRegular[];  // Inter Regular (CFF)
extern const unsigned int kFontRegular_size;
extern const unsigned char kFontSemiBold[];  // Inter SemiBold (CFF)
extern const unsigned int kFontSemiBold_size;
extern const unsigned char kFontSymbols[];  // DejaVu Sans: maths glyphs Inter lacks (⌈ ⌉ ⋅ ...)
extern const unsigned int kFontSymbols_size;
