// Builds Dear ImGui's font atlas from glyphs the browser measures and fills (see font_atlas.h).
//
// Why: the fonts compiled into the wasm (Inter subsets, DejaVu for the maths) and ImGui's
// TrueType rasteriser were 36 KB of the page's ~230 KB gzip. The browser already holds a
// rasteriser and the user's own UI font, with fallback for every script and symbol.
//
// Glyphs are snapped to whole pixels: advances are rounded (ImGui's PixelSnapH), so every glyph
// lands on the pixel grid ImGui::RenderText floors text to, and one bitmap per glyph stays
// sharp without oversampling. Digits share one advance (the widest), as CSS tabular-nums sets
// them in the preview, so columns of numbers line up.
#include "platform/font_atlas.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

// [SECTION] JavaScript (font_atlas.js): Canvas 2D in the page's font-family.
extern "C" {
// The font's ascent and descent at `em_px`, then per code point: advance, then the ink's extent
// left, right, up and down of the pen at the alphabetic baseline (TextMetrics): 2 + 5n floats.
void js_glyph_metrics(const char* weight, float em_px, const unsigned* code_points, int n, float* out);
// A transparent canvas the atlas's size to draw glyphs on, white: coverage in the alpha channel.
void js_glyphs_begin(int w, int h);
// Fills each code point with its pen at (x, y) on the alphabetic baseline.
void js_glyphs_fill(const char* weight, float em_px, const unsigned* code_points, const int* pens, int n);
// Copies the alpha channel into the atlas's one-byte pixels and lets the canvas go.
void js_glyphs_end(unsigned char* alpha, int w, int h);
}

namespace {

// One glyph of one face: its box in the atlas and where it sits relative to the pen.
struct Glyph {
    const ImFontConfig* face = nullptr;
    unsigned code_point = 0;
    int w = 0, h = 0;                 // bitmap size, 0 for a glyph with no ink (space)
    int offset_x = 0, baseline_y = 0;  // bitmap's top-left from the pen; top = baseline_y
    float advance = 0;
    int x = 0, y = 0;                  // position in the atlas
};

constexpr float kReferenceEm = 100.0f;

// The family's regular a-z advances, in em: the width FaceEm holds every face to.
float AlphabetEm() {
    unsigned alphabet[26];
    for (unsigned i = 0; i < 26; ++i) alphabet[i] = 'a' + i;
    float m[2 + 5 * 26] = {};
    js_glyph_metrics("400", kReferenceEm, alphabet, 26, m);
    float em = 0;
    for (int i = 0; i < 26; ++i) em += m[2 + 5 * i] / kReferenceEm;
    return em;
}

// The face's pixels per em: its ascent + descent fill `line_px` (as stbtt_ScaleForPixelHeight
// sizes ImGui fonts), unless the family's regular a-z (`alphabet_em`) would then be wider than
// `max_alphabet_per_line` lines; then it is set smaller, centred in the line, the bold faces by
// the same factor (as CSS's size-adjust tames a wide fallback font).
float FaceEm(const char* weight, float line_px, float max_alphabet_per_line, float alphabet_em) {
    float font[2] = {};
    js_glyph_metrics(weight, kReferenceEm, nullptr, 0, font);
    const float line_per_em = (font[0] + font[1]) / kReferenceEm;
    if (!(line_per_em > 0) || !(alphabet_em > 0)) return line_px;  // a browser without the metrics
    return std::min(line_px / line_per_em, max_alphabet_per_line * line_px / alphabet_em);
}

std::vector<unsigned> CodePoints(const ImWchar* ranges) {
    std::vector<unsigned> out;
    for (const ImWchar* r = ranges; r[0] && r[1]; r += 2)
        for (unsigned c = r[0]; c <= r[1]; ++c) out.push_back(c);
    return out;
}

bool IsDigit(unsigned c) { return c >= '0' && c <= '9'; }

// Measures one face's glyphs and sets its ascent and descent. Returns its pixels per em.
float MeasureFace(ImFontAtlas* atlas, ImFontConfig& face, float alphabet_em, std::vector<Glyph>& glyphs) {
    const Face& source = *static_cast<const Face*>(face.FontData);
    const float em = FaceEm(source.css_weight, face.SizePixels, source.max_alphabet_per_line, alphabet_em);
    const std::vector<unsigned> code_points = CodePoints(face.GlyphRanges);
    const int n = static_cast<int>(code_points.size());
    std::vector<float> m(2 + 5 * code_points.size());
    js_glyph_metrics(source.css_weight, em, code_points.data(), n, m.data());
    const float ascent = std::round(m[0] + (face.SizePixels - m[0] - m[1]) * 0.5f);
    ImFontAtlasBuildSetupFont(atlas, face.DstFont, &face, ascent, ascent - face.SizePixels);

    const size_t first = glyphs.size();
    float digit_advance = 0;
    for (int i = 0; i < n; ++i) {
        const float* g = &m[2 + 5 * i];
        Glyph glyph;
        glyph.face = &face;
        glyph.code_point = code_points[i];
        glyph.advance = std::round(g[0]);
        if (g[1] + g[2] > 0 && g[3] + g[4] > 0) {
            // One pixel of margin on every side: antialiasing reaches past the ink's box.
            const int left = static_cast<int>(std::floor(-g[1])) - 1, right = static_cast<int>(std::ceil(g[2])) + 1;
            const int top = static_cast<int>(std::floor(-g[3])) - 1, bottom = static_cast<int>(std::ceil(g[4])) + 1;
            glyph.w = right - left;
            glyph.h = bottom - top;
            glyph.offset_x = left;
            glyph.baseline_y = top;
        }
        if (IsDigit(glyph.code_point)) digit_advance = std::max(digit_advance, glyph.advance);
        glyphs.push_back(glyph);
    }
    for (size_t i = first; i < glyphs.size(); ++i) {
        Glyph& g = glyphs[i];
        if (!IsDigit(g.code_point)) continue;
        g.offset_x += static_cast<int>(std::floor((digit_advance - g.advance) * 0.5f));
        g.advance = digit_advance;
    }
    return em;
}

// A box to place: a glyph's or one of ImGui's own (mouse cursors, baked lines).
struct Box {
    int w, h;
    int* x;
    int* y;
};

// Shelf packing, tallest first: the glyphs of one face are nearly one height, so the shelves
// waste little. Returns the height used.
int PackShelves(std::vector<Box>& boxes, int width, int padding) {
    std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.h > b.h; });
    int x = padding, y = padding, shelf = 0;
    for (Box& b : boxes) {
        if (x + b.w + padding > width) {
            x = padding;
            y += shelf + padding;
            shelf = 0;
        }
        *b.x = x;
        *b.y = y;
        x += b.w + padding;
        shelf = std::max(shelf, b.h);
    }
    return y + shelf + padding;
}

int AtlasWidth(const std::vector<Box>& boxes, int padding) {
    long long area = 0;
    for (const Box& b : boxes) area += static_cast<long long>(b.w + padding) * (b.h + padding);
    int width = 256;
    while (width < 4096 && static_cast<long long>(width) * width < area * 2) width *= 2;
    return width;
}

bool Build(ImFontAtlas* atlas) {
    IM_ASSERT(atlas->ConfigData.Size > 0);
    ImFontAtlasBuildInit(atlas);
    atlas->TexID = nullptr;
    atlas->ClearTexData();

    std::vector<Glyph> glyphs;
    std::vector<float> em_px;  // per face
    const float alphabet_em = AlphabetEm();
    for (ImFontConfig& face : atlas->ConfigData) em_px.push_back(MeasureFace(atlas, face, alphabet_em, glyphs));

    std::vector<int> custom_x(atlas->CustomRects.Size), custom_y(atlas->CustomRects.Size);
    std::vector<Box> boxes;
    for (Glyph& g : glyphs)
        if (g.w > 0) boxes.push_back({g.w, g.h, &g.x, &g.y});
    for (int i = 0; i < atlas->CustomRects.Size; ++i)
        boxes.push_back({atlas->CustomRects[i].Width, atlas->CustomRects[i].Height, &custom_x[i], &custom_y[i]});
    const int padding = std::max(1, atlas->TexGlyphPadding);
    atlas->TexWidth = AtlasWidth(boxes, padding);
    atlas->TexHeight = PackShelves(boxes, atlas->TexWidth, padding);
    atlas->TexUvScale = ImVec2(1.0f / atlas->TexWidth, 1.0f / atlas->TexHeight);
    for (int i = 0; i < atlas->CustomRects.Size; ++i) {
        atlas->CustomRects[i].X = static_cast<unsigned short>(custom_x[i]);
        atlas->CustomRects[i].Y = static_cast<unsigned short>(custom_y[i]);
    }

    const size_t pixels = static_cast<size_t>(atlas->TexWidth) * atlas->TexHeight;
    atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
    js_glyphs_begin(atlas->TexWidth, atlas->TexHeight);
    for (int f = 0; f < atlas->ConfigData.Size; ++f) {
        const ImFontConfig& face = atlas->ConfigData[f];
        std::vector<unsigned> code_points;
        std::vector<int> pens;
        for (const Glyph& g : glyphs) {
            if (g.face != &face || g.w == 0) continue;
            code_points.push_back(g.code_point);
            pens.push_back(g.x - g.offset_x);
            pens.push_back(g.y - g.baseline_y);
        }
        js_glyphs_fill(static_cast<const Face*>(face.FontData)->css_weight, em_px[f], code_points.data(), pens.data(),
                       static_cast<int>(code_points.size()));
    }
    js_glyphs_end(atlas->TexPixelsAlpha8, atlas->TexWidth, atlas->TexHeight);

    for (const Glyph& g : glyphs) {
        ImFont* font = g.face->DstFont;
        const float x0 = static_cast<float>(g.offset_x);
        const float y0 = font->Ascent + static_cast<float>(g.baseline_y);
        const ImVec2 uv = atlas->TexUvScale;
        font->AddGlyph(nullptr, static_cast<ImWchar>(g.code_point), x0, y0, x0 + g.w, y0 + g.h, g.x * uv.x,
                       g.y * uv.y, (g.x + g.w) * uv.x, (g.y + g.h) * uv.y, g.advance);
    }
    ImFontAtlasBuildFinish(atlas);
    return true;
}

const ImFontBuilderIO kBrowserFontBuilder = {Build};

}  // namespace

ImFont* AddBrowserFont(ImFontAtlas& atlas, const Face& source, float line_px, const ImWchar* ranges) {
    ImFontConfig cfg;
    // Where stb_truetype's builder would find font file bytes, this one finds the Face. AddFont
    // keeps a copy.
    cfg.FontData = const_cast<Face*>(&source);
    cfg.FontDataSize = sizeof(Face);
    cfg.FontDataOwnedByAtlas = false;
    cfg.SizePixels = line_px;
    cfg.GlyphRanges = ranges;
    return atlas.AddFont(&cfg);
}

const ImFontBuilderIO* BrowserFontBuilder() { return &kBrowserFontBuilder; }
