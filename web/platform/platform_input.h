// The browser's input for ImGui (platform_input.cpp, platform_input.js): its state, owned by
// platform.cpp's Platform, and what the frame loop calls.
#pragma once
#include <cfloat>
#include <deque>
#include <string>

struct AppState;

// A key pressed or released, a typed character, or the page gaining or losing the focus, in
// the order the browser sent them (see ApplyQueuedInput).
struct InputEvent {
    enum Kind { Key, Char, Focus } kind = Key;
    int key = 0;            // Key: the DOM keyCode, which is ImGui's io.KeysDown index here
    bool down = false;      // Key: pressed (else released); Focus: gained (else lost)
    bool shortcut = false;  // Key: Ctrl or Cmd was held
    unsigned int c = 0;     // Char: the code point
};

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
    // What the hidden input behind the on-screen keyboard was last told: -1 nothing yet,
    // 0 blur, 1 text, 2 decimal (SyncTextInput).
    int keyboard_shown = -1;
};

// Hooks the window's mouse, wheel, key, focus, touch, clipboard, drop and colour-scheme events
// up to `in`. Once, after ImGui's context is created.
void InstallInput(Input& in, AppState& app);
// Before each NewFrame: hands ImGui the mouse (its CSS position times `px_per_css`) and the
// queued keys and characters this frame can take in order (see platform_input.cpp); true when
// some wait for the next frame.
bool ApplyQueuedInput(Input& in, float px_per_css);
// After the frame: whether input still waits, so the loop draws again.
bool InputPending(const Input& in);
// After each frame: focuses the hidden input behind the on-screen keyboard while ImGui edits a
// field after a touch, blurs it when editing ends.
void SyncTextInput(Input& in);
