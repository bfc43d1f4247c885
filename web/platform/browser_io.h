// The browser edge for files, sharing and exports: the URL's fragment and query, downloads
// (CSV, JSON, PDF), the file picker and dropped files, the clipboard, and the embed mode's
// height messages to the parent page. Panels only set requests (ShareState, AppState); AfterFrame
// carries them out. The JavaScript half is browser_io.js.
#pragma once

struct AppState;

namespace browser_io {

// Reads ?embed, the query parameters and the #s= fragment into the scenario (fragment wins
// over query). A bad link keeps the defaults and says why in ShareState::message.
// Call once before the first Recompute.
void Start(AppState& app);

// After each frame: downloads, clipboard, file pickers, the URL fragment (debounced
// history.replaceState, not in embed mode) and the embed height message.
void AfterFrame(AppState& app);

}  // namespace browser_io
