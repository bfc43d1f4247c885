// Build-time facts from the engine, for the page (web/CMakeLists.txt runs it under node):
// - no argument: the default scenario's result as HTML (headroom::estimate_to_html), which
//   index.html shows while the calculator loads, so the numbers are on screen before the wasm
//   has compiled (web/tools/make_page.mjs puts it in place);
// - --scenario-keys: the query keys that carry a scenario (headroom::scenario_key_pattern), the
//   regular expression assets/boot.js asks before the first paint (make_page.mjs puts it in);
// - --palette: the component colours (headroom/palette.h) as JSON, {"weights": "#4c8bf5", ...},
//   for the icon (web/tools/make_icons.mjs).
// Both come from the same engine as everything else, so they cannot drift from it.
#include <cstdio>
#include <cstring>
#include <string>

#include "headroom/estimate.h"
#include "headroom/palette.h"
#include "headroom/report.h"
#include "headroom/share.h"

namespace {

std::string PaletteJson() {
    std::string json = "{";
    for (headroom::Component c : headroom::kAllComponents) {
        const headroom::Rgb8 rgb = headroom::component_color(c);
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", rgb.r, rgb.g, rgb.b);
        if (json.size() > 1) json += ", ";
        json += "\"" + std::string(headroom::component_id(c)) + "\": \"" + hex + "\"";
    }
    return json + "}";
}

}  // namespace

int main(int argc, char** argv) {
    std::string out;
    if (argc > 1 && !std::strcmp(argv[1], "--palette")) {
        out = PaletteJson();
    } else if (argc > 1 && !std::strcmp(argv[1], "--scenario-keys")) {
        out = headroom::scenario_key_pattern();
    } else {
        const headroom::Scenario s = headroom::default_scenario();
        out = headroom::estimate_to_html(s, headroom::estimate(s));
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
    return 0;
}
