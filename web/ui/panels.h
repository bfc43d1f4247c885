// One function per panel; each reads the Estimate and edits the Scenario through AppState.
#pragma once
#include "app_state.h"

// Whole-window layout: inputs on the left, results on the right. Calls Recompute on edits.
void DrawApp(AppState& app);

// Returns true when the scenario changed this frame.
bool DrawInputs(AppState& app);
void DrawSummary(AppState& app);
void DrawBreakdown(AppState& app);
void DrawPie(AppState& app);
void DrawFits(AppState& app);
void DrawFormulas(AppState& app);
// Exports and sharing (ui/share.cpp), and the compact ?embed=1 page in place of the layout.
void DrawShare(AppState& app);
void DrawEmbed(AppState& app);
