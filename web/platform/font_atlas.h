// Dear ImGui's font atlas drawn by the browser: each glyph is measured and filled with the
// Canvas 2D API in the page's own font (its CSS font-family: the system UI font, as the
// preview uses), so the page ships no font file and no TrueType rasteriser. This replaces
// ImGui's stb_truetype builder (ImFontBuilderIO, the hook imgui_freetype.cpp also uses).
#pragma once
#include <imgui.h>

// A face of the page's font: its CSS weight (400 regular, 600 semibold), and the widest text
// the layout allows: the family's regular a-z advances as a multiple of the line (see FaceEm).
struct Face {
    const char* css_weight;  // static text
    float max_alphabet_per_line;
};

// Adds `source` with a line (ascent + descent) of `line_px` device pixels. `ranges` must
// outlive the atlas's next build, as ImGui requires.
ImFont* AddBrowserFont(ImFontAtlas& atlas, const Face& source, float line_px, const ImWchar* ranges);

// The builder AddBrowserFont's faces need; set as atlas.FontBuilderIO before the atlas builds.
const ImFontBuilderIO* BrowserFontBuilder();
