#include "table.h"

#include <cstdio>

#include "headroom/calibration.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/labels.h"

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
    constexpr size_t kName = 24;  // "Communication buffers" and room
    out += pad("component", kName, false) + pad("GB", 12, true) + pad("GiB", 12, true) + pad("% total", 10, true) + "\n";
    auto row = [&](std::string_view label, double bytes) {
        const double share = e.share_percent(bytes);
        out += pad(std::string(label), kName, false) + pad(format_fixed(bytes / kGB, 2), 12, true) +
               pad(format_fixed(bytes / kGiB, 2), 12, true) + pad(format_fixed(share, 1), 10, true) + "\n";
    };
    for (Component c : kAllComponents)
        if (is_listed(s, c)) row(component_label(c), e[c]);
    out += std::string(kName + 34, '-') + "\n";
    row("Total per GPU", e.total);
    if (s.runtime != Runtime::None) {
        // The three levels: what tensors hold, what the caching allocator holds, what the device
        // must have free (the total above).
        row("  allocated (tensors)", e.allocated);
        row("  reserved (allocator)", e.reserved);
        out += "  peak during: " + std::string(phase_name(e.phase)) + "\n";
    }
    if (e.kv_pool_tokens > 0)
        out += "  KV-cache pool: " + format_int(e.kv_pool_tokens) + " tokens, maximum concurrency " +
               format_fixed(e.max_concurrency, 2) + "x\n";
    if (e.calibration) out += "\n" + calibration_line(*e.calibration, true) + "\n";

    out += "\nFits on:\n";
    for (const Fit& f : e.fits)
        out += "  " + pad(std::string(f.name), 26, false) + fit_sentence(f, ByteUnit::Decimal) + "\n";

    out += "\nFormulas:\n";
    for (const Formula& f : e.formulas) {
        out.append("  ").append(component_label(f.component)).append(": ").append(f.formula).append("\n");
        out.append("      ").append(f.substituted).append("\n");
        if (!f.source.empty()) out.append("      source: ").append(f.source).append("\n");
    }
    return out;
}
