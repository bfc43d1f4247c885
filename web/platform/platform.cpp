// The browser edge's core: the WebGL2 context, the frame loop (animation frames, drawn on
// demand), canvas size × devicePixelRatio, fonts, and the page's signals (DOM summary, cursor,
// ready). Input is platform_input.cpp, files and links browser_io.cpp; the JavaScript half is
// platform.js. No GLFW: Emscripten's html5.h API is all the page needs, and its GLFW emulation
// cost ~10 KB gzip of JS. The app code never calls emscripten_*; it leaves requests in
// AppState and the edge acts on them.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "app_state.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/browser_io.h"
#include "platform/font_atlas.h"
#include "platform/platform.h"
#include "platform/platform_input.h"
#include "platform/renderer.h"
#include "ui/panels.h"
#include "ui/theme.h"

// [SECTION] JavaScript (platform.js)
extern "C" {
double js_pixel_ratio();
int js_css_width();  // the canvas's CSS size, whole pixels, at least 1
int js_css_height();
void js_set_summary(const char* text, const char* total_bytes, int version);  // #summary
void js_set_cursor(const char* css);  // ImGui's mouse cursor, as the canvas's CSS cursor
void js_first_frame();                // boot.js's Module.onFirstFrame: the preview goes
void js_start_failed(const char* why);  // boot.js's Module.onStartFailed
}

namespace {

// [SECTION] The edge's state: the renderer, the one AppState, the input (platform_input.h) and
// the loop's own, under the one global below.
struct Platform {
    Renderer renderer;
    std::unique_ptr<AppState> app;
    Input input;
    int css_w = 0, css_h = 0;  // the canvas's CSS size
    int fb_w = 0, fb_h = 0;    // its backing store: CSS size × devicePixelRatio
    float ratio = 0;           // devicePixelRatio the fonts and style were built for
    double last_frame_ms = 0;  // for io.DeltaTime
    int published_summary = -1;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_Arrow;
    bool first_frame_done = false;
    bool shaders_checked = false;
    // On-demand frames: how many more to draw, and whether an animation frame is requested.
    int frames_left = 0;
    bool looping = false;
    long caret_timer = 0;  // wakes the loop when an edited field's caret blinks
};

// Frames drawn after each event: ImGui settles layout, popups and hover state over two or three.
constexpr int kFramesPerEvent = 4;

std::unique_ptr<Platform> g_platform;

// [SECTION] Fonts, canvas and cursor

// The glyphs the page draws in body text: ASCII, Latin-1 and Latin Extended-A (names users
// type), Greek letters, dashes and quotes, superscripts, arrows and the maths the formulas
// print (Σ − √ ∞ ≈ ≠ ≤ ≥ ⋅ ⌈⌉⌊⌋), ✓ ✗. The browser draws them (font_atlas.cpp), so a glyph
// costs no download, only atlas space and a moment at start.
constexpr ImWchar kBodyGlyphs[] = {
    0x0020, 0x017F, 0x0391, 0x03A9, 0x03B1, 0x03C9, 0x2010, 0x2027, 0x2070, 0x2079, 0x2190, 0x2193,
    0x2211, 0x2212, 0x221A, 0x221A, 0x221E, 0x221E, 0x2248, 0x2248, 0x2260, 0x2260, 0x2264, 0x2265,
    0x22C5, 0x22C5, 0x2308, 0x230B, 0x2713, 0x2713, 0x2717, 0x2717, 0};
// Headings and the big total print only the UI's own labels and numbers.
constexpr ImWchar kHeadingGlyphs[] = {
    0x0020, 0x007E, 0x00A0, 0x00A0, 0x00B7, 0x00B7, 0x00D7, 0x00D7, 0x2013, 0x2014, 0x2026, 0x2026,
    0x2192, 0x2192, 0x2212, 0x2212, 0x2248, 0x2248, 0};

// The layout's em sizes were set with Inter (Debian fonts-inter 3.19), whose regular a-z
// advances are 13.88 em over a 1.2102 em line (hmtx and hhea of Inter-Regular.otf): text no
// wider than that, whatever the user's font. DejaVu Sans, Debian's default, is 10% wider and is
// drawn that much smaller; most system UI fonts (SF, Segoe UI, Roboto) are not wider.
constexpr float kMaxAlphabetPerLine = 13.88f / 1.2102f;
constexpr Face kRegular = {"400", kMaxAlphabetPerLine};
constexpr Face kSemiBold = {"600", kMaxAlphabetPerLine};

void BuildFontsAndStyle(AppState& app, float ratio) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas.FontBuilderIO = BrowserFontBuilder();
    app.fonts.body = AddBrowserFont(atlas, kRegular, std::round(theme::kBodyPt * ratio), kBodyGlyphs);
    app.fonts.heading = AddBrowserFont(atlas, kSemiBold, std::round(theme::kBodyPt * ratio), kHeadingGlyphs);
    app.fonts.display = AddBrowserFont(atlas, kSemiBold, std::round(theme::kDisplayPt * ratio), kHeadingGlyphs);
    ImGui::GetIO().FontDefault = app.fonts.body;
    app.scale = ratio;
    theme::ApplyStyle(ratio);
}

// Canvas backing store = CSS size × devicePixelRatio, so one ImGui pixel is one device pixel.
void SyncCanvas(Platform& p) {
    const float ratio = static_cast<float>(js_pixel_ratio());
    const int w = js_css_width(), h = js_css_height();
    if (ratio != p.ratio) {
        BuildFontsAndStyle(*p.app, ratio);
        RendererUploadFonts(p.renderer);
        p.ratio = ratio;
        p.css_w = 0;  // force the resize below
    }
    if (w != p.css_w || h != p.css_h) {
        p.css_w = w;
        p.css_h = h;
        p.fb_w = static_cast<int>(std::lround(w * ratio));
        p.fb_h = static_cast<int>(std::lround(h * ratio));
        // Only when it differs: setting a canvas's size, even to the same one, reallocates its
        // drawing buffer, which is slow on a software GPU (boot.js sized it before the wasm ran).
        int cur_w = 0, cur_h = 0;
        emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
        if (cur_w != p.fb_w || cur_h != p.fb_h) emscripten_set_canvas_element_size("#canvas", p.fb_w, p.fb_h);
    }
}

const char* CssCursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        case ImGuiMouseCursor_None: return "none";
        default: return "default";
    }
}

void CarryOutRequests(Platform& p) {
    if (ImGui::GetMouseCursor() != p.cursor) {
        p.cursor = ImGui::GetMouseCursor();
        js_set_cursor(CssCursor(p.cursor));
    }
    AppState& app = *p.app;
    if (app.summary_version != p.published_summary) {
        p.published_summary = app.summary_version;
        js_set_summary(app.summary_text.c_str(), app.summary_total_bytes.c_str(), app.summary_version);
    }
    browser_io::AfterFrame(app);  // downloads, file pickers, link, clipboard, embed height
    SyncTextInput(p.input);       // the on-screen keyboard's hidden input
}

// [SECTION] The frame loop, drawn on demand

// ImGui shows a field's caret 0.8 s and hides it 0.4 s, holding it on while the user types
// (CursorAnim < 0; imgui_widgets.cpp, InputTextEx): the seconds until it next changes, or -1.
double SecondsToCaretBlink() {
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetActiveID());
    if (!state || !ImGui::GetIO().ConfigInputTextCursorBlink) return -1;
    if (state->CursorAnim < 0) return 0.8 - state->CursorAnim;
    const double phase = std::fmod(state->CursorAnim, 1.2);
    return phase <= 0.8 ? 0.8 - phase : 1.2 - phase;
}

void StartLoop(Platform& p);
void OnCaretBlink(void*) {
    g_platform->caret_timer = 0;
    g_platform->frames_left = std::max(g_platform->frames_left, 1);
    StartLoop(*g_platform);
}

void Frame() {
    Platform& p = *g_platform;
    SyncCanvas(p);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(p.fb_w), static_cast<float>(p.fb_h));  // device pixels
    io.DisplayFramebufferScale = ImVec2(1, 1);
    // The time since the last frame drawn, which after an idle spell is long (ImGui only
    // needs it positive: it times key repeat, double clicks and the caret's blink).
    const double now = emscripten_get_now();
    io.DeltaTime = p.last_frame_ms > 0 ? static_cast<float>(std::max(now - p.last_frame_ms, 0.01) / 1000.0) : 1.0f / 60;
    p.last_frame_ms = now;
    ApplyQueuedInput(p.input, p.ratio);  // mouse, keys and characters (platform_input.cpp)
    ImGui::NewFrame();
    DrawApp(*p.app);
    ImGui::Render();

    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const float clear_rgb[3] = {bg.x, bg.y, bg.z};
    if (!RendererSameAsShown(p.renderer, *ImGui::GetDrawData(), p.fb_w, p.fb_h, clear_rgb))
        RendererDraw(p.renderer, *ImGui::GetDrawData(), p.fb_w, p.fb_h, clear_rgb);

    CarryOutRequests(p);
    if (!p.first_frame_done) {
        p.first_frame_done = true;
        js_first_frame();
    } else if (!p.shaders_checked) {
        p.shaders_checked = true;
        if (!RendererLinked(p.renderer)) js_start_failed("the WebGL 2 shaders did not compile");
    }

    // Nothing changes on screen without an event, so no frame is drawn until the next one (an
    // idle page costs no CPU). A held mouse button or key keeps frames coming (ImGui repeats
    // keys and drags per frame); a field's caret wakes the loop only when it blinks.
    bool held = InputPending(p.input);
    for (bool down : io.MouseDown) held = held || down;
    for (bool down : io.KeysDown) held = held || down;
    --p.frames_left;
    if (held) p.frames_left = std::max(p.frames_left, 1);
    if (p.caret_timer) emscripten_clear_timeout(p.caret_timer);
    p.caret_timer = 0;
    if (p.frames_left <= 0 && io.WantTextInput) {
        const double seconds = SecondsToCaretBlink();
        if (seconds >= 0) p.caret_timer = emscripten_set_timeout(OnCaretBlink, seconds * 1000 + 5, nullptr);
    }
}

// One frame per animation frame while frames are wanted; then the loop ends (returns false)
// until StartLoop starts it again.
EM_BOOL OnAnimationFrame(double, void*) {
    Platform& p = *g_platform;
    Frame();
    p.looping = p.frames_left > 0;
    return p.looping;
}

void StartLoop(Platform& p) {
    if (p.looping) return;
    p.looping = true;
    emscripten_request_animation_frame_loop(OnAnimationFrame, nullptr);
}


// The window's size or devicePixelRatio changed, or the page was shown again: redraw (each
// frame reads both, SyncCanvas).
EM_BOOL OnResize(int, const EmscriptenUiEvent*, void*) {
    RequestFrames();
    return EM_FALSE;
}
EM_BOOL OnVisibility(int, const EmscriptenVisibilityChangeEvent*, void*) {
    RequestFrames();
    return EM_FALSE;
}

}  // namespace

// [SECTION] What the edge's other files and its JavaScript reach (platform.h)

void RequestFrames() {
    if (!g_platform) return;
    g_platform->frames_left = std::max(g_platform->frames_left, kFramesPerEvent);
    StartLoop(*g_platform);
}

extern "C" EMSCRIPTEN_KEEPALIVE void headroom_request_frames() { RequestFrames(); }

AppState* CurrentApp() {
    RequestFrames();
    return g_platform ? g_platform->app.get() : nullptr;
}

const AppState* PeekApp() { return g_platform ? g_platform->app.get() : nullptr; }

Input* CurrentInput() { return g_platform ? &g_platform->input : nullptr; }

// [SECTION] main

int main() {
    g_platform = std::make_unique<Platform>();
    Platform& p = *g_platform;
    p.app = std::make_unique<AppState>();
    // boot.js created this context while the wasm compiled, sized the canvas for it, and asked
    // for the same attributes; getContext returns that one.
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = attrs.depth = attrs.stencil = attrs.antialias = EM_FALSE;
    attrs.enableExtensionsByDefault = EM_FALSE;  // WebGL2 core is all renderer.cpp uses
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("#canvas", &attrs);
    if (context <= 0 || emscripten_webgl_make_context_current(context) != EMSCRIPTEN_RESULT_SUCCESS) {
        js_start_failed("this browser has no WebGL 2");
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no file system; layout is fixed anyway
    io.LogFilename = nullptr;
    io.BackendPlatformName = "headroom_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;  // see CarryOutRequests
    InstallInput(p.input, *p.app);  // mouse, keyboard, clipboard, touch (platform_input.cpp)
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, false, OnResize);
    emscripten_set_visibilitychange_callback(nullptr, false, OnVisibility);
    RendererInit(p.renderer);  // first: the GPU process compiles while the fonts rasterise
    SyncCanvas(p);

    browser_io::Start(*p.app);  // scenario from the URL's #s= fragment or query
    Recompute(*p.app);
    // The first frame now, not at the next animation frame: the result shows sooner.
    p.frames_left = kFramesPerEvent;
    Frame();
    if (p.frames_left > 0) StartLoop(p);
    return 0;
}
