// The browser edge for sharing and exports: URL fragment and query, clipboard, downloads of
// JSON and PDF, the JSON import file picker, and the embed mode's height messages to the
// parent page. Panels only set requests in ShareState; browser_io::AfterFrame carries them
// out (like platform.cpp's CarryOutRequests). No Emscripten include here: the header is pure.
#pragma once
#include <string>

struct AppState;

struct ShareState {
    bool embed = false;         // ?embed=1: compact results, no page chrome, height to the parent
    std::string base_url;       // the page's URL without query or fragment
    std::string link;           // base_url + "#s=..." for the current (last valid) scenario
    std::string embed_snippet;  // <iframe ...> for the current scenario
    std::string message;        // the last import / URL / copy outcome, shown under the buttons
    bool message_is_error = false;
    float content_height = 0;   // embed: height of what was drawn, CSS pixels (set by DrawEmbed)

    // [Requests] set by the share panel, carried out after the frame.
    bool request_pdf = false;
    bool request_json = false;
    bool request_import = false;
    bool request_copy_link = false;
    bool request_copy_snippet = false;

    // [Published] what AfterFrame last wrote to the page.
    int published_version = -1;  // AppState::summary_version behind `link` and the URL
    float posted_height = 0;
    std::string published_message;  // `message` as last written to #share-status
};

namespace browser_io {

// Reads ?embed, the query parameters and the #s= fragment into the scenario (fragment wins
// over query). A bad link keeps the defaults and says why in ShareState::message.
// Call once before the first Recompute.
void Start(AppState& app);

// After each frame: downloads, clipboard, file picker, the URL fragment (debounced
// history.replaceState, not in embed mode) and the embed height message.
void AfterFrame(AppState& app);

}  // namespace browser_io
