// The one AppState, for the Embind bindings. Owned by platform.cpp; valid after main() starts.
#pragma once
#include "app_state.h"

// JS calls into it between frames, never during one.
AppState* CurrentApp();
