// The browser edge for issue 5's feel, beside platform.cpp's loop: the system clipboard for
// ImGui (Emscripten 3.1.6's GLFW has none), prefers-color-scheme, the Hugging Face
// config.json file picker and drag-and-drop (read with FileReader on this device, never
// uploaded), and touch-drag scrolling (GLFW turns touches into mouse clicks only).
#include <emscripten.h>

#include <string>

#include "app_state.h"
#include "imgui.h"
#include "imgui_internal.h"  // the active field's edit state, for pastes
#include "platform.h"

// [SECTION] JS hooks
// Copy: the text goes to the system clipboard (async; needs the user gesture the key press
// gives) and is kept for pastes inside the page when the browser refuses clipboard access.
EM_JS(void, js_clipboard_write, (const char* text), {
    const t = UTF8ToString(text);
    Module.headroomClipboard = t;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(() => {});
});
// Paste: a page may not read the clipboard when it likes; it gets the text only with the
// 'paste' event that follows Ctrl+V's keydown (GLFW lets that keydown's default happen),
// and that event may come before or after the frame in which ImGui sees Ctrl+V. So while
// ImGui's own Ctrl+V pastes nothing (GetClipboardText), and the event's text goes straight
// into the field being edited, between frames (SetPasteText). A browser that sends no
// 'paste' soon after the keys gets the text last copied in the page.
EM_JS(void, js_install_hooks, (), {
    let awaitingPaste = 0;
    window.addEventListener('keydown', (e) => {
        const k = String(e.key).toLowerCase();
        if (((e.ctrlKey || e.metaKey) && k === 'v') || (e.shiftKey && k === 'insert')) {
            _headroom_paste_expected(1);
            clearTimeout(awaitingPaste);
            awaitingPaste = setTimeout(() => _headroom_paste_expected(0), 250);
        }
    }, { capture: true, passive: true });
    document.addEventListener('paste', (e) => {
        clearTimeout(awaitingPaste);
        const t = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
        Module.uiSetPasteText(t);
        _headroom_request_frames();
    });
    // Copy: a Ctrl+C (or Cmd+C) keydown fires 'copy' before ImGui has seen the key, so the
    // text is not known yet; ImGui's copy reaches the clipboard after the frame
    // (js_clipboard_write). A copy from the browser's menu gets what ImGui copied last.
    // Select all belongs to the field being edited, not to the page's hidden DOM text.
    let keyCopy = false;
    window.addEventListener('keydown', (e) => {
        const k = String(e.key).toLowerCase();
        keyCopy = (e.ctrlKey || e.metaKey) && (k === 'c' || k === 'x');
        if (keyCopy) setTimeout(() => { keyCopy = false; }, 0);
        const editable = e.target && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
        if ((e.ctrlKey || e.metaKey) && k === 'a' && !editable) e.preventDefault();
    }, { capture: true });
    // macOS sends no keyup for a key pressed while Cmd is held, so ImGui would think V still
    // down and paste again on every key repeat: letters pressed with Cmd are released shortly
    // after (ImGui's key index for a letter is its DOM keyCode, as in GLFW).
    window.addEventListener('keydown', (e) => {
        if (e.metaKey && e.keyCode >= 65 && e.keyCode <= 90) {
            const code = e.keyCode;
            setTimeout(() => _headroom_release_key(code), 100);
        }
    }, { capture: true, passive: true });
    document.addEventListener('copy', (e) => {
        if (keyCopy || !Module.headroomClipboard || !e.clipboardData) return;
        e.clipboardData.setData('text/plain', Module.headroomClipboard);
        e.preventDefault();
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
// Apple keyboards: Cmd, not Ctrl, is the shortcut key (copy, paste, select all, undo).
EM_JS(int, js_is_apple, (), {
    const p = navigator.platform || (navigator.userAgentData && navigator.userAgentData.platform) || '';
    return /mac|iphone|ipad|ipod/i.test(p) ? 1 : 0;
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
bool g_paste_expected = false;  // a paste shortcut was pressed and its 'paste' event is awaited

void SetClipboardText(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_clipboard_write(g_clipboard.c_str());
}

// Null: ImGui's own Ctrl+V pastes nothing, every paste comes from the page's 'paste' event
// (or, without one, from headroom_paste_expected's fallback), typed into the field.
const char* GetClipboardText(void*) { return nullptr; }

// Pastes `text` into the field being edited, if any: it replaces the selection, or goes in
// at the caret. Called between frames. Through the field's edit state rather than as typed
// characters, which ImGui ignores while Ctrl (or Cmd) is held, as it still is when the
// 'paste' event comes; the field applies the new text on its next frame.
void PasteIntoActiveField(const std::string& text) {
    ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetActiveID());
    if (text.empty() || !state || (state->Flags & ImGuiInputTextFlags_ReadOnly)) return;
    const bool multiline = (state->Flags & ImGuiInputTextFlags_Multiline) != 0;
    for (const char* p = text.c_str(); *p;) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        if (c == '\r' || (c == '\n' && !multiline)) continue;  // one line stays one line
        if (c == '\t') c = ' ';
        if (c < 32 && c != '\n') continue;
        state->OnKeyPressed(static_cast<int>(c));  // deletes the selection, then inserts
    }
    headroom_request_frames();
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void headroom_system_theme(int dark) {
    if (g_app && g_app->theme_follows_system) g_app->dark = dark != 0;
}

// 1: a paste shortcut went down, its 'paste' event is awaited. 0: none came in time, so
// the text last copied in the page is pasted instead (a browser that keeps the system
// clipboard from the page, or one that fires no 'paste' over a canvas).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_paste_expected(int expected) {
    const bool was = g_paste_expected;
    g_paste_expected = expected != 0;
    if (was && !g_paste_expected) PasteIntoActiveField(g_clipboard);
}

// A letter key macOS will never report released (see js_install_hooks).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_release_key(int key) {
    ImGuiIO& io = ImGui::GetIO();
    if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[key] = false;
    headroom_request_frames();
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
    io.ConfigMacOSXBehaviors = js_is_apple() != 0;  // ImGui reads Cmd as the shortcut key
    js_install_hooks();
}

void CarryOutInputRequests(AppState& app) {
    if (app.request_hf_import) {
        app.request_hf_import = false;
        js_open_file_picker();
    }
}

void SetPasteText(const std::string& text) {
    g_paste_expected = false;
    g_clipboard = text;
    PasteIntoActiveField(text);
}

const AppState* PeekApp() { return g_app; }
