// The browser edge: GLFW + WebGL2 setup, the main loop, canvas size × devicePixelRatio,
// fonts, and the JS hooks (file download, DOM summary, ready signal). The app code never
// calls emscripten_* or GLFW; it leaves requests in AppState and this file acts on them.
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <algorithm>
#include <memory>
#include <vector>

#include "app_state.h"
#include "browser_io.h"
#include "fonts.h"
#include "headroom/report.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "platform.h"
#include "renderer.h"
#include "ui/panels.h"
#include "ui/theme.h"

// [SECTION] JS hooks
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, js_css_width, (), { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().width)); });
EM_JS(int, js_css_height, (), { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().height)); });
// Saves `len` bytes as a file through a Blob link; the bytes are copied, so no lifetime ties.
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
    const blob = new Blob([HEAPU8.slice(data, data + len)], { type: UTF8ToString(mime) });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});
EM_JS(void, js_set_summary, (const char* text, const char* total_bytes, int version), {
    const el = document.getElementById('summary');
    if (!el) return;
    el.textContent = UTF8ToString(text);
    el.dataset.totalBytes = UTF8ToString(total_bytes);
    el.dataset.version = String(version);
});
// Browser.setCanvasSize, not glfwSetWindowSize: Emscripten's GLFW goes fullscreen when asked
// for exactly the screen's size, which a full-window canvas at devicePixelRatio 1 is.
EM_JS(void, js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });
// Emscripten's GLFW has no cursor shapes; ImGui's wish is mapped to CSS instead.
EM_JS(void, js_set_cursor, (const char* css), { Module.canvas.style.cursor = UTF8ToString(css); });
EM_JS(void, js_first_frame, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });
EM_JS(void, js_start_failed, (const char* why), { if (Module.onStartFailed) Module.onStartFailed(UTF8ToString(why)); });
// Frames are drawn on demand (see Frame): any input event, resize or visibility change asks
// for a few. Capture phase, passive: this only listens, GLFW still handles the events.
EM_JS(void, js_request_frames_on_events, (), {
    const wake = () => _headroom_request_frames();
    for (const type of ['mousemove', 'mousedown', 'mouseup', 'mouseout', 'wheel', 'keydown', 'keyup', 'keypress',
                        'touchstart', 'touchmove', 'touchend', 'focus', 'blur', 'resize', 'visibilitychange'])
        window.addEventListener(type, wake, { capture: true, passive: true });
});

namespace {

struct Platform {
    GLFWwindow* window = nullptr;
    Renderer renderer;
    std::unique_ptr<AppState> app;
    int css_w = 0, css_h = 0;
    float ratio = 0;  // devicePixelRatio the fonts and style were built for
    int published_summary = -1;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_Arrow;
    bool first_frame_done = false;
    bool shaders_checked = false;
    // On-demand frames: how many more to draw before the main loop pauses, and whether it is.
    int frames_left = 0;
    bool paused = false;
};

// Frames drawn after each event: ImGui settles layout, popups and hover state over two or three.
constexpr int kFramesPerEvent = 4;

std::unique_ptr<Platform> g_platform;

// Inter, with DejaVu merged in for the maths glyphs Inter lacks.
// Horizontal oversampling keeps glyphs sharp at fractional x positions; from devicePixelRatio 2
// a pixel is small enough without it, and the atlas (rasterised at start) is four times larger.
ImFont* AddFont(const unsigned char* data, unsigned int size, const ImWchar* ranges, float px, float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes are static
    cfg.OversampleH = ratio >= 2.0f ? 1 : 2;
    cfg.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px,
                                                  &cfg, ranges);
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontSymbols), static_cast<int>(kFontSymbols_size), px,
                                   &merge, kFontSymbols_ranges);
    return font;
}

void BuildFontsAndStyle(AppState& app, float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    app.fonts.body = AddFont(kFontRegular, kFontRegular_size, kFontRegular_ranges, std::round(theme::kBodyPt * ratio), ratio);
    app.fonts.heading = AddFont(kFontSemiBold, kFontSemiBold_size, kFontSemiBold_ranges, std::round(theme::kBodyPt * ratio), ratio);
    app.fonts.display = AddFont(kFontSemiBold, kFontSemiBold_size, kFontSemiBold_ranges, std::round(theme::kDisplayPt * ratio), ratio);
    io.FontDefault = app.fonts.body;
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
        js_set_canvas_size(static_cast<int>(std::lround(w * ratio)), static_cast<int>(std::lround(h * ratio)));
        p.css_w = w;
        p.css_h = h;
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

// Emscripten 3.1.6's GLFW passes raw DOM wheel deltas (pixels, down positive) where ImGui
// wants notches (up positive), so the wheel is taken from the DOM here instead.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
    double per_notch = 100.0;  // DOM_DELTA_PIXEL: Chrome and Safari send 100 px per notch
    if (e->deltaMode == DOM_DELTA_LINE) per_notch = 3.0;
    if (e->deltaMode == DOM_DELTA_PAGE) per_notch = 1.0 / 8.0;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel -= static_cast<float>(e->deltaY / per_notch);
    io.MouseWheelH -= static_cast<float>(e->deltaX / per_notch);
    return EM_TRUE;  // the page itself never scrolls
}

void CarryOutRequests(Platform& p) {
    if (ImGui::GetMouseCursor() != p.cursor) {
        p.cursor = ImGui::GetMouseCursor();
        js_set_cursor(CssCursor(p.cursor));
    }
    AppState& app = *p.app;
    if (app.request_csv_download) {
        app.request_csv_download = false;
        const std::string csv = headroom::estimate_to_csv(app.good_scenario, app.estimate);
        js_download("headroom.csv", "text/csv;charset=utf-8", csv.data(), static_cast<int>(csv.size()));
    }
    if (app.summary_version != p.published_summary) {
        p.published_summary = app.summary_version;
        js_set_summary(app.summary_text.c_str(), app.summary_total_bytes.c_str(), app.summary_version);
    }
    browser_io::AfterFrame(app);  // exports, link, import, embed height
    CarryOutInputRequests(app);   // config.json file picker
    SyncTextInput();              // the on-screen keyboard's hidden input
}

void Frame() {
    Platform& p = *g_platform;
    SyncCanvas(p);
    glfwPollEvents();
    ApplyQueuedInput();  // keys and characters, trickled (platform_input.cpp)
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    DrawApp(*p.app);
    ImGui::Render();

    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(p.window, &fb_w, &fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const float clear_rgb[3] = {bg.x, bg.y, bg.z};
    RendererDraw(p.renderer, *ImGui::GetDrawData(), fb_w, fb_h, clear_rgb);

    CarryOutRequests(p);
    if (!p.first_frame_done) {
        p.first_frame_done = true;
        js_first_frame();
    } else if (!p.shaders_checked) {
        p.shaders_checked = true;
        if (!RendererLinked(p.renderer)) js_start_failed("the WebGL 2 shaders did not compile");
    }

    // Nothing changes on screen without an event, so the loop pauses until the next one (an
    // idle page costs no CPU). A text field with the caret keeps drawing (the caret blinks,
    // held keys repeat), and so does a held mouse button (ImGui repeats and drags per frame).
    const ImGuiIO& io = ImGui::GetIO();
    bool held = io.WantTextInput || InputPending();
    for (bool down : io.MouseDown) held = held || down;
    if (held) p.frames_left = std::max(p.frames_left, 1);
    if (--p.frames_left <= 0) {
        p.paused = true;
        emscripten_pause_main_loop();
    }
}

void RequestFrames() {
    if (!g_platform) return;
    Platform& p = *g_platform;
    p.frames_left = kFramesPerEvent;
    if (p.paused) {
        p.paused = false;
        emscripten_resume_main_loop();
    }
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void headroom_request_frames() { RequestFrames(); }

// JS reaches the app through here, and may change it (load()): draw a few frames to show it.
AppState* CurrentApp() {
    RequestFrames();
    return g_platform ? g_platform->app.get() : nullptr;
}

int main() {
    if (!glfwInit()) {
        js_start_failed("GLFW could not start");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // An opaque canvas with no depth or stencil: the attributes boot.js creates the context with.
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    g_platform = std::make_unique<Platform>();
    Platform& p = *g_platform;
    p.app = std::make_unique<AppState>();
    // At the backing-store size boot.js gave the canvas: resizing it again would reallocate
    // the drawing buffer, which is slow on a software GPU.
    const double ratio = js_pixel_ratio();
    p.window = glfwCreateWindow(static_cast<int>(std::lround(js_css_width() * ratio)),
                                static_cast<int>(std::lround(js_css_height() * ratio)), "Headroom", nullptr, nullptr);
    if (!p.window) {
        js_start_failed("this browser has no WebGL 2");
        return 1;
    }
    glfwMakeContextCurrent(p.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no file system; layout is fixed anyway
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // see js_set_cursor
    ImGui_ImplGlfw_InitForOpenGL(p.window, true);
    InstallInputHooks(*p.app);  // after the backend: replaces its (empty) clipboard and key input
    glfwSetScrollCallback(p.window, nullptr);  // see OnWheel
    emscripten_set_wheel_callback("#canvas", nullptr, false, OnWheel);
    RendererInit(p.renderer);  // first: the GPU process compiles while the fonts rasterise
    SyncCanvas(p);

    browser_io::Start(*p.app);  // scenario from the URL's #s= fragment or query
    Recompute(*p.app);
    js_request_frames_on_events();
    p.frames_left = kFramesPerEvent;
    emscripten_set_main_loop(Frame, 0, false);
    Frame();  // the first frame now, not at the next animation frame: the result shows sooner
    return 0;
}
