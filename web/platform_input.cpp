// The browser edge for issue 5's feel, beside platform.cpp's loop: the system clipboard for
// ImGui (Emscripten 3.1.6's GLFW has none), prefers-color-scheme, the Hugging Face
// config.json file picker and drag-and-drop (read with FileReader on this device, never
// uploaded), and touch: taps and drag scrolling (GLFW's own touch handling clicks where the
// mouse last was, not under the finger, and cannot scroll).
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "app_state.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
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
    // Touch. Emscripten's GLFW turns a touch into a press at the last mouse position, not the
    // finger's, so touches on the canvas are kept from it (and from the browser's own panning
    // and mouse emulation) and handled here: a finger that moves more than a few pixels
    // scrolls the panel it started on, the content following it, and flings on when it
    // lifts while moving; a finger that stays put is a tap, given to GLFW as a click there.
    // The pointer then leaves the canvas, so nothing stays hovered (or tooltipped) on a phone.
    const canvas = Module.canvas;
    const mouse = (type, x, y) => canvas.dispatchEvent(new MouseEvent(type, {
        clientX: x, clientY: y, button: 0, buttons: type === 'mousedown' ? 1 : 0, bubbles: true, cancelable: true }));
    const afterFrames = (n, f) => requestAnimationFrame(() => (n > 1 ? afterFrames(n - 1, f) : f()));
    let tracking = false, scrolling = false, startX = 0, startY = 0, lastY = 0, lastT = 0, velocity = 0, fling = 0;
    const own = (e) => {
        if (e.target !== canvas) return false;
        e.preventDefault();
        e.stopPropagation();
        return true;
    };
    window.addEventListener('touchstart', (e) => {
        if (!own(e)) return;
        cancelAnimationFrame(fling);
        tracking = e.touches.length === 1;
        if (!tracking) return;
        const t = e.touches[0];
        startX = t.clientX;
        startY = lastY = t.clientY;
        lastT = e.timeStamp;
        scrolling = false;
        velocity = 0;
        mouse('mousemove', t.clientX, t.clientY);  // the wheel scrolls the window under here
    }, { capture: true, passive: false });
    window.addEventListener('touchmove', (e) => {
        if (!own(e) || !tracking || e.touches.length !== 1) return;
        const t = e.touches[0];
        if (!scrolling && Math.hypot(t.clientX - startX, t.clientY - startY) > 8) scrolling = true;
        if (!scrolling) return;
        const dy = t.clientY - lastY, dt = e.timeStamp - lastT;
        _headroom_touch_scroll(dy);
        if (dt > 0) velocity = 0.8 * (dy / dt) + 0.2 * velocity;  // CSS px per ms
        lastY = t.clientY;
        lastT = e.timeStamp;
    }, { capture: true, passive: false });
    const leave = () => afterFrames(3, () => { if (!tracking) mouse('mousemove', -1e4, -1e4); });
    const end = (e) => {
        if (!own(e) || !tracking) return;
        tracking = false;
        const t = e.changedTouches[0];
        if (e.type === 'touchcancel') return leave();
        if (!scrolling) {
            mouse('mousedown', t.clientX, t.clientY);
            mouse('mouseup', t.clientX, t.clientY);
            return leave();
        }
        if (e.timeStamp - lastT > 100 || Math.abs(velocity) < 0.2) return leave();  // it stopped before lifting
        let v = velocity, prev = performance.now();
        const step = (now) => {
            const dt = Math.min(now - prev, 50);
            prev = now;
            v *= Math.pow(0.996, dt);  // friction: about a second to come to rest
            if (Math.abs(v) < 0.02) return leave();
            _headroom_touch_scroll(v * dt);
            fling = requestAnimationFrame(step);
        };
        fling = requestAnimationFrame(step);
    };
    window.addEventListener('touchend', end, { capture: true, passive: false });
    window.addEventListener('touchcancel', end, { capture: true, passive: false });
});
// The on-screen keyboard. A phone shows one only for a focused DOM text field, and the canvas
// is none, so after a touch, while ImGui edits a field (io.WantTextInput), a hidden <input>
// (#text-input, transparent, under the finger, ignoring pointers) takes the focus and what is
// typed in it goes to ImGui through the key and character queue; it is blurred, closing the
// keyboard, when ImGui stops editing. A mouse (desktop) never focuses it. Each event's text
// is taken and the input's value reset to one space, so it never grows and a Backspace
// always has something to delete (an empty field sends no 'input' for it).
// One path per key: GLFW hears keydown, keypress and keyup on the window, whatever has the
// focus. A keypress GLFW turned into a character (a hardware keyboard, iOS's) is not typed
// again from the 'input' that follows; Backspace's keydown GLFW takes and cancels, so no
// 'input' follows. Keyboards sending keyCode 229 (Android) reach ImGui by 'input' alone.
EM_JS(void, js_install_text_input, (), {
    const input = document.createElement('input');
    input.id = 'text-input';
    input.type = 'text';
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    input.inputMode = 'decimal';  // most fields are numbers
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('autocorrect', 'off');
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('enterkeyhint', 'done');
    document.body.appendChild(input);
    const blank = ' ';
    const reset = () => { input.value = blank; input.setSelectionRange(blank.length, blank.length); };
    let touch = false, tapX = 0, tapY = 0, charPressed = false, composing = false;
    window.addEventListener('pointerdown', (e) => { touch = e.pointerType === 'touch'; }, { capture: true, passive: true });
    window.addEventListener('touchstart', (e) => {
        touch = true;
        if (e.touches.length) { tapX = e.touches[0].clientX; tapY = e.touches[0].clientY; }
    }, { capture: true, passive: true });
    window.addEventListener('keydown', () => { charPressed = false; }, { capture: true, passive: true });
    window.addEventListener('keypress', (e) => {  // as GLFW.onKeyPress decides
        if (e.target === input && !e.ctrlKey && !e.metaKey && e.charCode >= 32) charPressed = true;
    }, { capture: true, passive: true });
    const type = (text) => Array.from(text).forEach((ch) => _headroom_text_char(ch.codePointAt(0)));
    input.addEventListener('compositionstart', () => { composing = true; });
    input.addEventListener('compositionend', (e) => { composing = false; type(e.data || ''); reset(); });
    input.addEventListener('input', (e) => {
        const kind = e.inputType || 'insertText', byKeypress = charPressed;
        charPressed = false;
        if (composing || e.isComposing) return;  // typed whole at compositionend
        if (kind === 'deleteContentBackward') _headroom_text_key(259);     // GLFW_KEY_BACKSPACE
        else if (kind === 'deleteContentForward') _headroom_text_key(261);  // GLFW_KEY_DELETE
        else if (kind === 'insertLineBreak' || kind === 'insertParagraph') _headroom_text_key(257);  // GLFW_KEY_ENTER
        else if (kind.startsWith('insert') && kind !== 'insertFromPaste' && !byKeypress) type(e.data || '');
        reset();  // a paste is typed by the 'paste' listener above
    });
    const focus = () => {
        input.style.left = Math.max(0, Math.min(tapX, window.innerWidth - 40)) + 'px';
        input.style.top = Math.max(0, Math.min(tapY - 12, window.innerHeight - 24)) + 'px';
        if (document.activeElement === input) return;
        reset();
        input.focus({ preventScroll: true });
    };
    // iOS opens the keyboard only for a focus within the touch's own handler, before ImGui
    // has seen the tap: a tap lifted over a text field (ImGui's text cursor, from the hover
    // the touch's start gave it) focuses there and then. Also reopens a keyboard closed
    // while the field stayed active. Otherwise the frame that activates the field does it.
    window.addEventListener('touchend', (e) => {
        const t = e.changedTouches[0];
        if (e.target !== Module.canvas || !t || Math.hypot(t.clientX - tapX, t.clientY - tapY) > 8) return;
        if (Module.canvas.style.cursor === 'text') focus();
    }, { capture: true, passive: true });
    Module.headroomTextInput = (want, decimal) => {
        if (!want) { if (document.activeElement === input) input.blur(); return; }
        input.inputMode = decimal ? 'decimal' : 'text';
        if (touch) focus();
    };
});
EM_JS(void, js_text_input, (int want, int decimal), { Module.headroomTextInput(want, decimal); });
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

// `css_dy` CSS pixels the finger moved down; the content follows the finger. ImGui scrolls
// 5 em per wheel notch (1.86), so the finger's pixels are turned into notches of that size.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_touch_scroll(float css_dy) {
    if (!g_app) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float font_px = io.FontDefault ? io.FontDefault->FontSize : ImGui::GetFontSize();
    const float notch_css = 5.0f * font_px / (g_app->scale > 0 ? g_app->scale : 1.0f);
    ImGui::GetIO().MouseWheel += css_dy / notch_css;
    headroom_request_frames();
}

// [SECTION] Keyboard events, trickled
// ImGui 1.86 reads the keyboard as a state once per frame, and typed characters as a queue.
// Keys and characters are queued here as the browser sends them, and each frame takes them
// in order up to the first one that frame could not tell apart from an earlier one: the
// release of a key it saw pressed (a quick tap, or Ctrl+A then Ctrl+C in one slow frame), a
// key pressed again, or a character typed while a shortcut key is still seen down (ImGui
// ignores those) or after an editing key (ImGui applies characters before keys). So nothing
// typed is lost or reordered however slow the frames are.
namespace {

struct InputEvent {
    bool is_char = false;
    int key = 0, scancode = 0, action = 0, mods = 0;  // a key (GLFW codes)
    unsigned int c = 0;                               // a character
};
std::deque<InputEvent> g_input;

bool IsModifier(int key) {
    return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_SHIFT ||
           key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
           key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

// Keys whose state ImGui reads: modifiers, editing and navigation keys (GLFW codes from 256),
// and letters pressed with a shortcut key. A plain printable key matters only as its character.
bool Tracked(const InputEvent& e) {
    return e.key >= 256 || (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0;
}

void OnKey(GLFWwindow*, int key, int scancode, int action, int mods) {
    g_input.push_back({false, key, scancode, action, mods, 0});
    headroom_request_frames();
}

void OnChar(GLFWwindow*, unsigned int c) {
    g_input.push_back({true, 0, 0, 0, 0, c});
    headroom_request_frames();
}

}  // namespace

// A key typed on the on-screen keyboard's input (see js_install_text_input): pressed and
// released, each seen by its own frame (the queue splits them), and a character.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_text_key(int key) {
    g_input.push_back({false, key, 0, GLFW_PRESS, 0, 0});
    g_input.push_back({false, key, 0, GLFW_RELEASE, 0, 0});
    headroom_request_frames();
}
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_text_char(unsigned int c) {
    g_input.push_back({true, 0, 0, 0, 0, c});
    headroom_request_frames();
}

// A letter key macOS will never report released (see js_install_hooks).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_release_key(int key) {
    g_input.push_back({false, key, 0, GLFW_RELEASE, GLFW_MOD_SUPER, 0});
    headroom_request_frames();
}

bool ApplyQueuedInput() {
    GLFWwindow* window = glfwGetCurrentContext();
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<int> pressed, released;  // tracked keys this frame has seen go down, up
    bool editing_key = false;            // a non-modifier key from 256 went down this frame
    bool first = true;                   // the first event is always taken: the queue moves
    while (!g_input.empty()) {
        const InputEvent e = g_input.front();
        if (e.is_char) {
            const bool ignored = (io.KeyCtrl && !io.KeyAlt) || io.KeySuper;
            if (!first && (ignored || editing_key)) break;
            ImGui_ImplGlfw_CharCallback(window, e.c);
        } else if (Tracked(e) || IsModifier(e.key)) {
            const auto seen = [&](const std::vector<int>& v) { return std::find(v.begin(), v.end(), e.key) != v.end(); };
            if (!first && e.action == GLFW_RELEASE && seen(pressed)) break;
            if (!first && e.action == GLFW_PRESS && seen(released)) break;
            ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
            (e.action == GLFW_RELEASE ? released : pressed).push_back(e.key);
            if (e.action == GLFW_PRESS && e.key >= 256 && !IsModifier(e.key)) editing_key = true;
        } else {
            ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
        }
        g_input.pop_front();
        first = false;
    }
    return !g_input.empty();
}

bool InputPending() { return !g_input.empty(); }

void InstallInputHooks(AppState& app) {
    g_app = &app;
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = SetClipboardText;
    io.GetClipboardTextFn = GetClipboardText;
    io.ClipboardUserData = nullptr;
    io.ConfigMacOSXBehaviors = js_is_apple() != 0;  // ImGui reads Cmd as the shortcut key
    // Keys and characters reach ImGui through the queue above (ApplyQueuedInput).
    glfwSetKeyCallback(glfwGetCurrentContext(), OnKey);
    glfwSetCharCallback(glfwGetCurrentContext(), OnChar);
    js_install_hooks();
    js_install_text_input();
}

void SyncTextInput() {
    static int shown = -1;  // what the hidden input was last told: -1 nothing, 0 blur, 1 text, 2 decimal
    int want = 0;
    if (ImGui::GetIO().WantTextInput) {
        const bool number = g_app && g_app->number_field_id != 0 && g_app->number_field_id == ImGui::GetActiveID();
        want = number ? 2 : 1;  // a number field (ui/widgets NumberField) gets a decimal keyboard
    }
    if (want == shown) return;
    shown = want;
    js_text_input(want != 0, want == 2);
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
