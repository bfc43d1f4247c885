// The browser edge (web/platform/): the one place that talks to the browser. platform.cpp owns
// the frame loop and the one AppState; platform_input.cpp feeds ImGui the mouse, keys and
// touches; browser_io.cpp carries out exports, file pickers, the clipboard and the URL;
// renderer.cpp draws with WebGL 2; font_atlas.cpp has the browser draw the glyphs; bindings.cpp
// is the Embind API behind window.headroom. Their JavaScript is in the .js file beside each
// (Emscripten JS libraries, web/CMakeLists.txt), its state in one object, `Edge` (edge.js).
//
// The app (app_state, web/ui/) never calls Emscripten: it leaves requests in AppState, and
// the edge acts on them after each frame. This header joins the edge's files.
#pragma once
#include "app_state.h"

struct Input;

// The one AppState, for calls from JS, which come between frames, never during one; it asks
// for a few frames to show what the call changes. Null before main() has started.
AppState* CurrentApp();
// The same without asking for frames: for reading state (a test's frame count).
const AppState* PeekApp();
// The one Input (platform_input.h), for the input events JS forwards. Null before main().
Input* CurrentInput();

// A few frames, to show what an event changed (the loop draws only on demand).
void RequestFrames();
