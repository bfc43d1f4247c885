// The result as an HTML fragment: the same headline and breakdown the calculator draws first
// (its summary card and breakdown table), for a page to show before its app has started.
#include <string>
#include <string_view>

#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/labels.h"
#include "headroom/model.h"
#include "headroom/report.h"

namespace headroom {
namespace {

std::string element(std::string_view tag, std::string_view attributes, std::string_view html) {
    std::string out;
    out.reserve(2 * tag.size() + attributes.size() + html.size() + 6);
    out.append("<").append(tag);
    if (!attributes.empty()) out.append(" ").append(attributes);
    out.append(">").append(html).append("</").append(tag).append(">");
    return out;
}

std::string size(double bytes, int digits = 1) { return format_size(bytes, ByteUnit::Decimal, digits); }

std::string share(const Estimate& e, double bytes) { return format_fixed(e.share_percent(bytes), 1) + "%"; }

std::string headline(const Scenario& s, const Estimate& e) {
    const std::string_view mode = s.mode == Mode::Training ? "Training" : "Inference";
    std::string out = element("p", "class=\"kicker\"", std::string(mode) + " · memory per GPU");
    // elementtiming: the browser reports when the total was painted (scripts/bench.sh reads
    // it). On the paragraph: Chromium times text by its block, not by an inline element.
    out += element("p", "class=\"total\" elementtiming=\"result\"",
                   element("strong", "", size(e.total)) + " " +
                       element("span", "", format_size(e.total, ByteUnit::Binary, 2)));
    const ModelPreset* preset = find_model(s.model_preset);
    std::string model = preset ? html_escape(preset->name) + " · " : "";
    model += params_line(s, e);
    out += element("p", "class=\"dim\"", model);
    if (e.host_total > 0)
        out += element("p", "class=\"dim\"", "+ " + size(e.host_total) + " host memory per GPU (offloaded)");
    return out;
}

std::string fit_line(const Scenario& s, const Estimate& e) {
    const GpuSpec* gpu = find_gpu(s.gpu);
    if (!gpu) return "";
    for (const Fit& f : e.fits) {
        if (f.gpu != gpu->id) continue;
        const std::string verdict = fit_sentence(f, ByteUnit::Decimal);
        return element("p", f.fits ? "class=\"fit\"" : "class=\"fit over\"",
                       html_escape(f.name) + " " + element("span", "", format_size(f.capacity_bytes, ByteUnit::Binary, 0)) +
                           " " + element("b", "", verdict));
    }
    return "";
}

std::string breakdown(const Estimate& e) {
    std::string rows = element("tr", "", element("th", "", "Component") + element("th", "", "GB") + element("th", "", "Share"));
    for (Component c : kAllComponents) {
        if (e[c] <= 0) continue;
        rows += element("tr", "",
                        element("td", "", html_escape(component_label(c))) +
                            element("td", "", format_fixed(in_unit(e[c], ByteUnit::Decimal, 3), 2)) +
                            element("td", "", share(e, e[c])));
    }
    rows += element("tr", "",
                    element("th", "", "Total per GPU") + element("th", "", format_fixed(in_unit(e.total, ByteUnit::Decimal, 3), 2)) +
                        element("th", "", share(e, e.total)));
    return element("table", "", rows);
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

std::string estimate_to_html(const Scenario& s, const Estimate& e) {
    return element("section", "class=\"result\"", headline(s, e) + fit_line(s, e) + breakdown(e));
}

}  // namespace headroom
