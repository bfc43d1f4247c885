// What the share panel and the browser edge keep about exports, links and embedding: the panel
// (web/ui/share.cpp) sets requests and draws the link; the edge (web/platform/browser_io.cpp)
// carries the requests out after the frame and publishes to the page.
#pragma once
#include <string>

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
