// The one AppState, for the Embind bindings. Owned by platform.cpp; valid after main() starts.
#pragma once
#include <string>

#include "app_state.h"

// JS calls into it between frames, never during one.
AppState* CurrentApp();

// Without asking for frames (CurrentApp does): for reading state in tests (frame count).
const AppState* PeekApp();

// platform_input.cpp: mouse, wheel and keyboard (html5.h callbacks), clipboard,
// prefers-color-scheme, config.json picker and drop, touch scrolling. Install once, after
// ImGui's context is created.
void InstallInputHooks(AppState& app);
void CarryOutInputRequests(AppState& app);  // after each frame: the file picker
// Before each NewFrame: hands ImGui the mouse (its CSS position times `px_per_css`) and the
// queued keys and characters this frame can take in order (see platform_input.cpp); true
// when some wait for the next frame. InputPending() says the same after the frame, when the
// loop decides whether to draw again.
bool ApplyQueuedInput(float px_per_css);
bool InputPending();
void SetPasteText(const std::string& text);  // a 'paste' event's text: typed into the active field
// After each frame: focuses the hidden input behind the on-screen keyboard while ImGui edits a
// field after a touch, blurs it when editing ends (see platform_input.cpp).
void SyncTextInput();
