// The browser's input for ImGui, beside platform.cpp's loop: mouse, wheel, keys and typed
// characters from Emscripten's html5.h callbacks, fed to ImGui 1.86's io as its own backends
// do (io.KeysDown indexed by DOM keyCode); the system clipboard, prefers-color-scheme, the
// Hugging Face config.json file picker and drag-and-drop (read with FileReader on this
// device, never uploaded), touch (taps and drag scrolling), and the hidden input behind a
// phone's on-screen keyboard.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

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
// 'paste' event that follows Ctrl+V's keydown (OnKeyDown lets that keydown's default happen),
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
    // after (ImGui's key index is the DOM keyCode).
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
    // Touch. Touches on the canvas are kept from the browser's own panning and mouse
    // emulation (which would click late, and scroll nothing) and handled here: a finger that
    // moves more than a few pixels scrolls the panel it started on, the content following
    // it, and flings on when it lifts while moving; a finger that stays put is a tap, given
    // to the mouse callbacks as a click there.
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
// One path per key: the key callbacks hear keydown, keypress and keyup on the window,
// whatever has the focus. A keypress OnKeyPress turned into a character (a hardware
// keyboard, iOS's) is not typed again from the 'input' that follows; Backspace's keydown
// OnKeyDown cancels, so no 'input' follows. Keyboards sending keyCode 229 (Android) reach
// ImGui by 'input' alone.
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
    window.addEventListener('keypress', (e) => {  // as OnKeyPress decides
        if (e.target === input && !e.ctrlKey && !e.metaKey && e.charCode >= 32) charPressed = true;
    }, { capture: true, passive: true });
    const type = (text) => Array.from(text).forEach((ch) => _headroom_text_char(ch.codePointAt(0)));
    input.addEventListener('compositionstart', () => { composing = true; });
    input.addEventListener('compositionend', (e) => { composing = false; type(e.data || ''); reset(); });
    input.addEventListener('input', (e) => {
        const kind = e.inputType || 'insertText', byKeypress = charPressed;
        charPressed = false;
        if (composing || e.isComposing) return;  // typed whole at compositionend
        if (kind === 'deleteContentBackward') _headroom_text_key(8);     // Backspace's keyCode
        else if (kind === 'deleteContentForward') _headroom_text_key(46);  // Delete
        else if (kind === 'insertLineBreak' || kind === 'insertParagraph') _headroom_text_key(13);  // Enter
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

// A key pressed or released, a typed character, or the page gaining or losing the focus, in
// the order the browser sent them (see ApplyQueuedInput).
struct InputEvent {
    enum Kind { Key, Char, Focus } kind = Key;
    int key = 0;            // Key: the DOM keyCode, which is ImGui's io.KeysDown index here
    bool down = false;      // Key: pressed (else released); Focus: gained (else lost)
    bool shortcut = false;  // Key: Ctrl or Cmd was held
    unsigned int c = 0;     // Char: the code point
};

// This file's state.
struct Input {
    AppState* app = nullptr;        // the one AppState, owned by platform.cpp
    std::string clipboard;          // the last text copied or pasted; ImGui reads its c_str()
    bool paste_expected = false;    // a paste shortcut was pressed and its 'paste' event is awaited
    std::deque<InputEvent> queue;   // keys, characters and focus not yet given to ImGui
    // The mouse, in CSS pixels of the canvas: nowhere until it first moves (a phone hovers
    // nothing). A button pressed since the last frame is held for that frame even if already
    // released, so a click quicker than a frame still clicks.
    float mouse_x = -FLT_MAX, mouse_y = -FLT_MAX;
    bool held[3] = {}, pressed[3] = {};
};
Input g_in;

void SetClipboardText(void*, const char* text) {
    g_in.clipboard = text ? text : "";
    js_clipboard_write(g_in.clipboard.c_str());
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
    if (g_in.app && g_in.app->theme_follows_system) g_in.app->dark = dark != 0;
}

// 1: a paste shortcut went down, its 'paste' event is awaited. 0: none came in time, so
// the text last copied in the page is pasted instead (a browser that keeps the system
// clipboard from the page, or one that fires no 'paste' over a canvas).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_paste_expected(int expected) {
    const bool was = g_in.paste_expected;
    g_in.paste_expected = expected != 0;
    if (was && !g_in.paste_expected) PasteIntoActiveField(g_in.clipboard);
}

// `css_dy` CSS pixels the finger moved down; the content follows the finger. ImGui scrolls
// 5 em per wheel notch (1.86), so the finger's pixels are turned into notches of that size.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_touch_scroll(float css_dy) {
    if (!g_in.app) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float font_px = io.FontDefault ? io.FontDefault->FontSize : ImGui::GetFontSize();
    const float notch_css = 5.0f * font_px / (g_in.app->scale > 0 ? g_in.app->scale : 1.0f);
    ImGui::GetIO().MouseWheel += css_dy / notch_css;
    headroom_request_frames();
}

// [SECTION] Mouse and wheel
namespace {

// Pressed on the canvas (not on the page's own bar and button above it); moved and released
// anywhere in the window, so a drag that ends off the canvas still ends. The canvas fills
// the window (headroom.css), so the event's client position is the canvas position.
EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void*) {
    g_in.mouse_x = static_cast<float>(e->clientX);
    g_in.mouse_y = static_cast<float>(e->clientY);
    const int button = e->button == 1 ? 2 : e->button == 2 ? 1 : e->button;  // DOM: left, middle, right
    if (button >= 0 && button < 3 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) g_in.held[button] = g_in.pressed[button] = true;
    if (button >= 0 && button < 3 && type == EMSCRIPTEN_EVENT_MOUSEUP) g_in.held[button] = false;
    headroom_request_frames();
    return EM_FALSE;  // the defaults stay: a press focuses the canvas, blurring any DOM input
}

// DOM wheel deltas are pixels (or lines, or pages), down positive; ImGui wants notches, up
// positive.
EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
    double per_notch = 100.0;  // DOM_DELTA_PIXEL: Chrome and Safari send 100 px per notch
    if (e->deltaMode == DOM_DELTA_LINE) per_notch = 3.0;
    if (e->deltaMode == DOM_DELTA_PAGE) per_notch = 1.0 / 8.0;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel -= static_cast<float>(e->deltaY / per_notch);
    io.MouseWheelH -= static_cast<float>(e->deltaX / per_notch);
    headroom_request_frames();
    return EM_TRUE;  // the page itself never scrolls
}

}  // namespace

// [SECTION] Keyboard events, trickled
// ImGui 1.86 reads the keyboard as a state once per frame, and typed characters as a queue.
// Keys and characters are queued here as the browser sends them, and each frame takes them
// in order up to the first one that frame could not tell apart from an earlier one: the
// release of a key it saw pressed (a quick tap, or Ctrl+A then Ctrl+C in one slow frame), a
// key pressed again, or a character typed while a shortcut key is still seen down (ImGui
// ignores those) or after an editing key (ImGui applies characters before keys). So nothing
// typed is lost or reordered however slow the frames are.
namespace {

// DOM keyCodes: ImGui's key indices for the keys it reads (io.KeyMap) and the modifiers.
constexpr int kBackspace = 8, kTab = 9, kEnter = 13, kShift = 16, kCtrl = 17, kAlt = 18, kMeta = 91;

bool IsModifier(int key) { return key == kShift || key == kCtrl || key == kAlt || key == kMeta; }

// Keys that type no character: editing, navigation, function and modifier keys.
bool IsSpecial(int key) {
    return key < 32 || (key >= 33 && key <= 46) || (key >= 91 && key <= 93) || (key >= 112 && key <= 145);
}

// Keys whose state ImGui reads: modifiers, editing and navigation keys, and letters pressed
// with a shortcut key. A plain printable key matters only as its character.
bool Tracked(const InputEvent& e) { return IsSpecial(e.key) || e.shortcut; }

void Queue(const InputEvent& e) {
    g_in.queue.push_back(e);
    headroom_request_frames();
}

// Every Cmd (or Windows) key, left or right, in any browser, is one index, so a shortcut
// works whichever is held. 0 for keys ImGui has no use for: 229 is a key composing text
// (IME, Android), which reaches ImGui as characters.
int KeyIndex(const EmscriptenKeyboardEvent& e) {
    if (!std::strcmp(e.key, "Meta") || !std::strcmp(e.key, "OS")) return kMeta;
    const int key = static_cast<int>(e.keyCode);
    return key > 0 && key < 256 && key != 229 ? key : 0;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const int key = KeyIndex(*e);
    // A held key's repeats are left out: ImGui repeats held keys itself.
    if (key && !(down && e->repeat)) Queue({InputEvent::Key, key, down, e->ctrlKey || e->metaKey, 0});
    // Backspace and Tab would go back a page or move the focus; any other keydown keeps its
    // default, without which no keypress (the character) follows.
    return down && (key == kBackspace || key == kTab);
}

// The typed character, with the keyboard's layout and Shift applied.
EM_BOOL OnKeyPress(int, const EmscriptenKeyboardEvent* e, void*) {
    // With Ctrl or Cmd a key is a shortcut, not text; below 32 are control characters.
    if (!e->ctrlKey && !e->metaKey && e->charCode >= 32)
        Queue({InputEvent::Char, 0, false, false, static_cast<unsigned int>(e->charCode)});
    return EM_FALSE;
}

// The window gaining or losing the focus (alt-tab, another window): losing it, keys may be
// released where the page cannot hear it, so ImGui forgets every held key.
EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void*) {
    Queue({InputEvent::Focus, 0, type == EMSCRIPTEN_EVENT_FOCUS, false, 0});
    return EM_FALSE;
}

void SetKey(ImGuiIO& io, int key, bool down) {
    io.KeysDown[key] = down;
    io.KeyCtrl = io.KeysDown[kCtrl];
    io.KeyShift = io.KeysDown[kShift];
    io.KeyAlt = io.KeysDown[kAlt];
    io.KeySuper = io.KeysDown[kMeta];
}

}  // namespace

// A key typed on the on-screen keyboard's input (see js_install_text_input): pressed and
// released, each seen by its own frame (the queue splits them), and a character.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_text_key(int key) {
    Queue({InputEvent::Key, key, true, false, 0});
    Queue({InputEvent::Key, key, false, false, 0});
}
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_text_char(unsigned int c) {
    Queue({InputEvent::Char, 0, false, false, c});
}

// A letter key macOS will never report released (see js_install_hooks).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_release_key(int key) {
    Queue({InputEvent::Key, key, false, true, 0});
}

bool ApplyQueuedInput(float px_per_css) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = g_in.mouse_x == -FLT_MAX ? ImVec2(-FLT_MAX, -FLT_MAX)
                                           : ImVec2(g_in.mouse_x * px_per_css, g_in.mouse_y * px_per_css);
    for (int i = 0; i < 3; ++i) {
        io.MouseDown[i] = g_in.held[i] || g_in.pressed[i];
        g_in.pressed[i] = false;
    }

    std::vector<int> pressed, released;  // tracked keys this frame has seen go down, up
    bool editing_key = false;            // a special key, not a modifier, went down this frame
    bool first = true;                   // the first event is always taken: the queue moves
    while (!g_in.queue.empty()) {
        const InputEvent e = g_in.queue.front();
        if (e.kind == InputEvent::Char) {
            const bool ignored = (io.KeyCtrl && !io.KeyAlt) || io.KeySuper;
            if (!first && (ignored || editing_key)) break;
            io.AddInputCharacter(e.c);
        } else if (e.kind == InputEvent::Focus) {
            io.AddFocusEvent(e.down);
            // Focus lost: ImGui clears the keys at the next NewFrame, so what follows waits.
            if (!e.down) {
                g_in.queue.pop_front();
                break;
            }
        } else {
            if (Tracked(e)) {
                const auto seen = [&](const std::vector<int>& v) { return std::find(v.begin(), v.end(), e.key) != v.end(); };
                if (!first && !e.down && seen(pressed)) break;
                if (!first && e.down && seen(released)) break;
                (e.down ? pressed : released).push_back(e.key);
                if (e.down && IsSpecial(e.key) && !IsModifier(e.key)) editing_key = true;
            }
            SetKey(io, e.key, e.down);
        }
        g_in.queue.pop_front();
        first = false;
    }
    return !g_in.queue.empty();
}

bool InputPending() { return !g_in.queue.empty(); }

void InstallInputHooks(AppState& app) {
    g_in.app = &app;
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = SetClipboardText;
    io.GetClipboardTextFn = GetClipboardText;
    io.ClipboardUserData = nullptr;
    io.ConfigMacOSXBehaviors = js_is_apple() != 0;  // ImGui reads Cmd as the shortcut key
    // The keys ImGui 1.86 reads, as indices into io.KeysDown: DOM keyCodes.
    const int keymap[][2] = {
        {ImGuiKey_Tab, kTab}, {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
        {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33}, {ImGuiKey_PageDown, 34}, {ImGuiKey_Home, 36},
        {ImGuiKey_End, 35}, {ImGuiKey_Insert, 45}, {ImGuiKey_Delete, 46}, {ImGuiKey_Backspace, kBackspace},
        {ImGuiKey_Space, 32}, {ImGuiKey_Enter, kEnter}, {ImGuiKey_Escape, 27}, {ImGuiKey_A, 'A'},
        {ImGuiKey_C, 'C'}, {ImGuiKey_V, 'V'}, {ImGuiKey_X, 'X'}, {ImGuiKey_Y, 'Y'}, {ImGuiKey_Z, 'Z'}};
    for (const auto& [imgui_key, key] : keymap) io.KeyMap[imgui_key] = key;

    // Keys on the window, in the capture phase: heard whatever has the focus (the hidden
    // input behind the on-screen keyboard included).
    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_keydown_callback(window, nullptr, true, OnKey);
    emscripten_set_keyup_callback(window, nullptr, true, OnKey);
    emscripten_set_keypress_callback(window, nullptr, true, OnKeyPress);
    emscripten_set_focus_callback(window, nullptr, false, OnFocus);  // the window's own, not its elements'
    emscripten_set_blur_callback(window, nullptr, false, OnFocus);
    emscripten_set_mousedown_callback("#canvas", nullptr, false, OnMouse);
    emscripten_set_mousemove_callback(window, nullptr, false, OnMouse);
    emscripten_set_mouseup_callback(window, nullptr, false, OnMouse);
    emscripten_set_wheel_callback("#canvas", nullptr, false, OnWheel);
    js_install_hooks();
    js_install_text_input();
}

void SyncTextInput() {
    static int shown = -1;  // what the hidden input was last told: -1 nothing, 0 blur, 1 text, 2 decimal
    int want = 0;
    if (ImGui::GetIO().WantTextInput) {
        const bool number = g_in.app && g_in.app->number_field_id != 0 && g_in.app->number_field_id == ImGui::GetActiveID();
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
    g_in.paste_expected = false;
    g_in.clipboard = text;
    PasteIntoActiveField(text);
}

const AppState* PeekApp() { return g_in.app; }
