// One function per panel; each reads the Estimate and edits the Scenario through AppState.
#pragma once
#include "app_state.h"

// Whole-window layout (ui/layout.h): inputs | results | formulas, reflowing to two and one
// column as the window narrows. Calls Recompute on edits.
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
// A/B comparison of `scenario` with `other` (engine compare()), and the scenario table.
void DrawCompare(AppState& app);
void DrawScenarios(AppState& app);
