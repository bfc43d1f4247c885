// The browser edge for issue 5's feel, beside platform.cpp's loop: the system clipboard for
// ImGui (Emscripten 3.1.6's GLFW has none), prefers-color-scheme, the Hugging Face
// config.json file picker and drag-and-drop (read with FileReader on this device, never
// uploaded), and touch-drag scrolling (GLFW turns touches into mouse clicks only).
#include <emscripten.h>

#include <string>

#include "app_state.h"
#include "imgui.h"
#include "platform.h"

// [SECTION] JS hooks
// Copy: the text goes to the system clipboard (async; needs the user gesture the key press
// gives) and is kept for pastes inside the page when the browser refuses clipboard access.
EM_JS(void, js_clipboard_write, (const char* text), {
    const t = UTF8ToString(text);
    Module.headroomClipboard = t;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(() => {});
});
// Paste: a page may not read the clipboard when it likes, but it gets the text with the
// 'paste' event the browser fires right after Ctrl+V's keydown, before the next frame draws,
// so ImGui's Ctrl+V handling finds it waiting (headroom_set_paste).
EM_JS(void, js_install_hooks, (), {
    document.addEventListener('paste', (e) => {
        const t = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
        Module.uiSetPasteText(t);
        _headroom_request_frames();
    });
    document.addEventListener('copy', (e) => {
        // The page has no DOM selection; give the browser what ImGui copied last.
        if (Module.headroomClipboard && e.clipboardData) {
            e.clipboardData.setData('text/plain', Module.headroomClipboard);
            e.preventDefault();
        }
    });
    const media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    if (media) {
        _headroom_system_theme(media.matches ? 1 : 0);
        media.addEventListener('change', (e) => { _headroom_system_theme(e.matches ? 1 : 0); _headroom_request_frames(); });
    }
    // A config.json dropped anywhere on the page: Hugging Face configs become the model;
    // anything else is tried as a scenario document (the same JSON the CLI reads).
    const readDropped = (file) => {
        const reader = new FileReader();
        reader.onload = () => {
            const text = String(reader.result);
            let looksHf = false;
            try { const j = JSON.parse(text); looksHf = j && (j.model_type || j.architectures || j.num_hidden_layers || j.n_layer); } catch (_) {}
            if (looksHf || !Module.loadScenario) Module.uiImportHfConfig(text);
            else { const err = Module.loadScenario(text); if (err) Module.uiImportHfConfig(text); }
            _headroom_request_frames();
        };
        reader.readAsText(file);
    };
    Module.headroomReadFile = readDropped;
    window.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', (e) => {
        e.preventDefault();
        const f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (f) readDropped(f);
    });
    // Touch: a finger that moves more than a few pixels scrolls the panel under it (as the
    // wheel does); a finger that stays put is a tap, which GLFW already turns into a click.
    const canvas = Module.canvas;
    let lastY = 0, startY = 0, scrolling = false;
    canvas.addEventListener('touchstart', (e) => {
        if (e.touches.length !== 1) return;
        startY = lastY = e.touches[0].clientY;
        scrolling = false;
    }, { passive: true });
    canvas.addEventListener('touchmove', (e) => {
        if (e.touches.length !== 1) return;
        const y = e.touches[0].clientY;
        if (!scrolling && Math.abs(y - startY) > 8) scrolling = true;
        if (scrolling) _headroom_touch_scroll(y - lastY);
        lastY = y;
        e.preventDefault();
    }, { passive: false });
});
EM_JS(void, js_open_file_picker, (), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.onchange = () => { if (input.files && input.files[0]) Module.headroomReadFile(input.files[0]); };
    input.click();
});

extern "C" void headroom_request_frames();  // platform.cpp: draw a few frames

namespace {

AppState* g_app = nullptr;    // the one AppState, owned by platform.cpp
std::string g_clipboard;      // the last text copied or pasted; ImGui reads its c_str()

void SetClipboardText(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_clipboard_write(g_clipboard.c_str());
}

const char* GetClipboardText(void*) { return g_clipboard.c_str(); }

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void headroom_system_theme(int dark) {
    if (g_app && g_app->theme_follows_system) g_app->dark = dark != 0;
}

// `css_dy` CSS pixels the finger moved down; the content follows the finger. ImGui scrolls
// 5 em per wheel notch (1.86), so the finger's pixels are turned into notches of that size.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_touch_scroll(float css_dy) {
    if (!g_app) return;
    const float notch_css = 5.0f * ImGui::GetFontSize() / (g_app->scale > 0 ? g_app->scale : 1.0f);
    ImGui::GetIO().MouseWheel += css_dy / notch_css;
    headroom_request_frames();
}

void InstallInputHooks(AppState& app) {
    g_app = &app;
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = SetClipboardText;
    io.GetClipboardTextFn = GetClipboardText;
    io.ClipboardUserData = nullptr;
    js_install_hooks();
}

void CarryOutInputRequests(AppState& app) {
    if (app.request_hf_import) {
        app.request_hf_import = false;
        js_open_file_picker();
    }
}

void SetPasteText(const std::string& text) { g_clipboard = text; }

const AppState* PeekApp() { return g_app; }
