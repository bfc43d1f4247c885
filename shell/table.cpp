#include "table.h"

#include <cstdio>

#include "headroom/format.h"
#include "headroom/gpu.h"

using namespace headroom;

namespace {

std::string pad(std::string s, size_t width, bool right) {
    // Display width, not bytes: formula text holds multi-byte UTF-8.
    size_t shown = 0;
    for (unsigned char c : s) shown += (c & 0xC0) != 0x80;
    std::string fill(width > shown ? width - shown : 0, ' ');
    return right ? fill + s : s + fill;
}

}  // namespace

std::string breakdown_table(const Scenario& s, const Estimate& e) {
    std::string out;
    const std::string model = s.model_preset.empty() ? "custom model" : s.model_preset;
    out += "Headroom: " + std::string(mode_name(s.mode)) + ", " + model + " (" + format_count(e.params_total) +
           " params), batch " + std::to_string(s.batch) + ", seq " + std::to_string(s.seq_len) + "\n\n";
    out += pad("component", 18, false) + pad("GB", 12, true) + pad("GiB", 12, true) + pad("% total", 10, true) + "\n";
    auto row = [&](std::string_view label, double bytes) {
        const double share = e.total > 0 ? 100 * bytes / e.total : 0;
        out += pad(std::string(label), 18, false) + pad(format_fixed(bytes / kGB, 2), 12, true) +
               pad(format_fixed(bytes / kGiB, 2), 12, true) + pad(format_fixed(share, 1), 10, true) + "\n";
    };
    for (Component c : kAllComponents) row(component_label(c), e[c]);
    out += std::string(52, '-') + "\n";
    row("Total per GPU", e.total);

    out += "\nFits on:\n";
    for (const Fit& f : e.fits)
        out += "  " + pad(std::string(f.name), 26, false) + (f.fits ? "yes" : "no ") + "  " +
               (f.fits ? format_gb(f.free_bytes, 1) + " free" : format_gb(-f.free_bytes, 1) + " short") + "\n";

    out += "\nFormulas:\n";
    for (const Formula& f : e.formulas) {
        out.append("  ").append(component_label(f.component)).append(": ").append(f.formula).append("\n");
        out.append("      ").append(f.substituted).append("\n");
        if (!f.source.empty()) out.append("      source: ").append(f.source).append("\n");
    }
    return out;
}
