// Prints the default scenario's result as HTML (headroom::estimate_to_html) for index.html,
// which shows it while the calculator loads: the numbers are on screen before the wasm has
// compiled. Built for node and run at build time (web/tools/make_page.cmake), so the preview
// comes from the same engine as everything else and cannot drift from it.
#include <cstdio>
#include <string>

#include "headroom/estimate.h"
#include "headroom/report.h"

int main() {
    const headroom::Scenario s = headroom::default_scenario();
    const std::string html = headroom::estimate_to_html(s, headroom::estimate(s));
    std::fwrite(html.data(), 1, html.size(), stdout);
    std::fputc('\n', stdout);
    return 0;
}
