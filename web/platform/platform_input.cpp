// The browser's input for ImGui, beside platform.cpp's loop: mouse, wheel, keys and typed
// characters from Emscripten's html5.h callbacks, fed to ImGui 1.86's io as its own backends
// do (io.KeysDown indexed by DOM keyCode); the system clipboard, prefers-color-scheme, the
// files dropped on the page (read on this device, never uploaded), touch (taps and drag
// scrolling), and the hidden input behind a phone's on-screen keyboard. The JavaScript half is
// platform_input.js. The state is one Input (platform_input.h), owned by platform.cpp.
#include "platform/platform_input.h"

#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "app_state.h"
#include "imgui.h"
#include "imgui_internal.h"  // the active field's edit state, for pastes
#include "platform/platform.h"

// [SECTION] JavaScript (platform_input.js, edge.js)
extern "C" {
// Listens for what html5.h does not cover: paste and copy, the colour scheme, dropped files,
// touch, and the hidden input behind the on-screen keyboard.
void js_input_install();
// Focuses (want, decimal or not) or blurs the hidden input behind the on-screen keyboard.
void js_text_input(int want, int decimal);
int js_is_apple();  // Cmd, not Ctrl, is the shortcut key
void js_copy(const char* text);  // the one clipboard writer (edge.js)
}


// [SECTION] Clipboard and paste
namespace {

// ImGui's copy (Ctrl+C in a field): kept for pastes inside the page, and written to the system
// clipboard (async; it needs the user gesture the key press gives).
void SetClipboardText(void* user_data, const char* text) {
    Input& in = *static_cast<Input*>(user_data);
    in.clipboard = text ? text : "";
    js_copy(in.clipboard.c_str());
}

// Null: ImGui's own Ctrl+V pastes nothing, every paste comes from the page's 'paste' event
// (or, without one, from headroom_paste_expected's fallback), typed into the field.
// Why: a page may not read the clipboard when it likes; it gets the text only with the 'paste'
// event that follows Ctrl+V's keydown (OnKey lets that keydown's default happen), and that
// event may come before or after the frame in which ImGui sees Ctrl+V. So the event's text goes
// straight into the field being edited, between frames (Paste). A browser that sends no
// 'paste' soon after the keys gets the text last copied in the page.
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
    RequestFrames();
}

// A 'paste' event's text (platform_input.js): typed into the field being edited.
void Paste(const std::string& text) {
    Input* in = CurrentInput();
    if (!in) return;
    in->paste_expected = false;
    in->clipboard = text;
    PasteIntoActiveField(text);
}

}  // namespace

// 1: a paste shortcut went down, its 'paste' event is awaited. 0: none came in time, so
// the text last copied in the page is pasted instead (a browser that keeps the system
// clipboard from the page, or one that fires no 'paste' over a canvas).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_paste_expected(int expected) {
    Input* in = CurrentInput();
    if (!in) return;
    const bool was = in->paste_expected;
    in->paste_expected = expected != 0;
    if (was && !in->paste_expected) PasteIntoActiveField(in->clipboard);
}

EMSCRIPTEN_BINDINGS(headroom_input) { emscripten::function("edgePaste", &Paste); }

// [SECTION] Colour scheme and touch scrolling
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_system_theme(int dark) {
    Input* in = CurrentInput();
    if (in && in->app && in->app->theme_follows_system) in->app->dark = dark != 0;
}

// `css_dy` CSS pixels the finger moved down; the content follows the finger. ImGui scrolls
// 5 em per wheel notch (1.86), so the finger's pixels are turned into notches of that size.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_touch_scroll(float css_dy) {
    Input* in = CurrentInput();
    if (!in || !in->app) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float font_px = io.FontDefault ? io.FontDefault->FontSize : ImGui::GetFontSize();
    const float notch_css = 5.0f * font_px / (in->app->scale > 0 ? in->app->scale : 1.0f);
    ImGui::GetIO().MouseWheel += css_dy / notch_css;
    RequestFrames();
}

// [SECTION] Mouse and wheel
namespace {

// Pressed on the canvas (not on the page's own bar and button above it); moved and released
// anywhere in the window, so a drag that ends off the canvas still ends. The canvas fills
// the window (headroom.css), so the event's client position is the canvas position.
EM_BOOL OnMouse(int type, const EmscriptenMouseEvent* e, void* user_data) {
    Input& in = *static_cast<Input*>(user_data);
    in.mouse_x = static_cast<float>(e->clientX);
    in.mouse_y = static_cast<float>(e->clientY);
    const int button = e->button == 1 ? 2 : e->button == 2 ? 1 : e->button;  // DOM: left, middle, right
    if (button >= 0 && button < 3 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) in.held[button] = in.pressed[button] = true;
    if (button >= 0 && button < 3 && type == EMSCRIPTEN_EVENT_MOUSEUP) in.held[button] = false;
    RequestFrames();
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
    RequestFrames();
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

void Queue(Input& in, const InputEvent& e) {
    in.queue.push_back(e);
    RequestFrames();
}

// Every Cmd (or Windows) key, left or right, in any browser, is one index, so a shortcut
// works whichever is held. 0 for keys ImGui has no use for: 229 is a key composing text
// (IME, Android), which reaches ImGui as characters.
int KeyIndex(const EmscriptenKeyboardEvent& e) {
    if (!std::strcmp(e.key, "Meta") || !std::strcmp(e.key, "OS")) return kMeta;
    const int key = static_cast<int>(e.keyCode);
    return key > 0 && key < 256 && key != 229 ? key : 0;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void* user_data) {
    Input& in = *static_cast<Input*>(user_data);
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const int key = KeyIndex(*e);
    // A held key's repeats are left out: ImGui repeats held keys itself.
    if (key && !(down && e->repeat)) Queue(in, {InputEvent::Key, key, down, e->ctrlKey || e->metaKey, 0});
    // Backspace and Tab would go back a page or move the focus; any other keydown keeps its
    // default, without which no keypress (the character) follows.
    return down && (key == kBackspace || key == kTab);
}

// The typed character, with the keyboard's layout and Shift applied.
EM_BOOL OnKeyPress(int, const EmscriptenKeyboardEvent* e, void* user_data) {
    // With Ctrl or Cmd a key is a shortcut, not text; below 32 are control characters.
    if (!e->ctrlKey && !e->metaKey && e->charCode >= 32)
        Queue(*static_cast<Input*>(user_data), {InputEvent::Char, 0, false, false, static_cast<unsigned int>(e->charCode)});
    return EM_FALSE;
}

// The window gaining or losing the focus (alt-tab, another window): losing it, keys may be
// released where the page cannot hear it, so ImGui forgets every held key.
EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void* user_data) {
    Queue(*static_cast<Input*>(user_data), {InputEvent::Focus, 0, type == EMSCRIPTEN_EVENT_FOCUS, false, 0});
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

// A key typed on the on-screen keyboard's input (platform_input.js): pressed and released,
// each seen by its own frame (the queue splits them), and a character.
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_text_key(int key) {
    if (Input* in = CurrentInput()) {
        Queue(*in, {InputEvent::Key, key, true, false, 0});
        Queue(*in, {InputEvent::Key, key, false, false, 0});
    }
}
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_text_char(unsigned int c) {
    if (Input* in = CurrentInput()) Queue(*in, {InputEvent::Char, 0, false, false, c});
}

// A letter key macOS will never report released (platform_input.js).
extern "C" EMSCRIPTEN_KEEPALIVE void headroom_release_key(int key) {
    if (Input* in = CurrentInput()) Queue(*in, {InputEvent::Key, key, false, true, 0});
}

bool ApplyQueuedInput(Input& in, float px_per_css) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = in.mouse_x == -FLT_MAX ? ImVec2(-FLT_MAX, -FLT_MAX)
                                         : ImVec2(in.mouse_x * px_per_css, in.mouse_y * px_per_css);
    for (int i = 0; i < 3; ++i) {
        io.MouseDown[i] = in.held[i] || in.pressed[i];
        in.pressed[i] = false;
    }

    std::vector<int> pressed, released;  // tracked keys this frame has seen go down, up
    bool editing_key = false;            // a special key, not a modifier, went down this frame
    bool first = true;                   // the first event is always taken: the queue moves
    while (!in.queue.empty()) {
        const InputEvent e = in.queue.front();
        if (e.kind == InputEvent::Char) {
            const bool ignored = (io.KeyCtrl && !io.KeyAlt) || io.KeySuper;
            if (!first && (ignored || editing_key)) break;
            io.AddInputCharacter(e.c);
        } else if (e.kind == InputEvent::Focus) {
            io.AddFocusEvent(e.down);
            // Focus lost: ImGui clears the keys at the next NewFrame, so what follows waits.
            if (!e.down) {
                in.queue.pop_front();
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
        in.queue.pop_front();
        first = false;
    }
    return !in.queue.empty();
}

bool InputPending(const Input& in) { return !in.queue.empty(); }

// [SECTION] Installing, and the on-screen keyboard
void InstallInput(Input& in, AppState& app) {
    in.app = &app;
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = SetClipboardText;
    io.GetClipboardTextFn = GetClipboardText;
    io.ClipboardUserData = &in;
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
    emscripten_set_keydown_callback(window, &in, true, OnKey);
    emscripten_set_keyup_callback(window, &in, true, OnKey);
    emscripten_set_keypress_callback(window, &in, true, OnKeyPress);
    emscripten_set_focus_callback(window, &in, false, OnFocus);  // the window's own, not its elements'
    emscripten_set_blur_callback(window, &in, false, OnFocus);
    emscripten_set_mousedown_callback("#canvas", &in, false, OnMouse);
    emscripten_set_mousemove_callback(window, &in, false, OnMouse);
    emscripten_set_mouseup_callback(window, &in, false, OnMouse);
    emscripten_set_wheel_callback("#canvas", &in, false, OnWheel);
    js_input_install();
}

void SyncTextInput(Input& in) {
    int want = 0;
    if (ImGui::GetIO().WantTextInput) {
        const bool number = in.app && in.app->number_field_id != 0 && in.app->number_field_id == ImGui::GetActiveID();
        want = number ? 2 : 1;  // a number field (ui/widgets NumberField) gets a decimal keyboard
    }
    if (want == in.keyboard_shown) return;
    in.keyboard_shown = want;
    js_text_input(want != 0, want == 2);
}
