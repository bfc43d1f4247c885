// Subset fonts compiled in as bytes (generated at build time by tools/embed_fonts.py from the
// glyph lists in CMakeLists.txt). Each comes with the ImGui ranges of the glyphs it holds.
#pragma once
#include <imgui.h>

extern const unsigned char kFontRegular[];  // Inter Regular (CFF): all body text
extern const unsigned int kFontRegular_size;
extern const ImWchar kFontRegular_ranges[];
extern const unsigned char kFontSemiBold[];  // Inter SemiBold (CFF): headings and the total, ASCII
extern const unsigned int kFontSemiBold_size;
extern const ImWchar kFontSemiBold_ranges[];
extern const unsigned char kFontSymbols[];  // DejaVu Sans: only the maths glyphs Inter lacks (⌈ ⌉ ⋅)
extern const unsigned int kFontSymbols_size;
extern const ImWchar kFontSymbols_ranges[];
