// The result as an HTML fragment (the page's preview while the calculator loads): the same
// numbers the engine's other writers give, in well-formed, escaped HTML.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/labels.h"
#include "headroom/report.h"
#include "scenario_helpers.h"

using namespace headroom;
using headroom::testing::parsed;

namespace {

// Every tag closed in order, and no '<' or '>' outside a tag: text is escaped.
bool WellFormed(const std::string& html) {
    std::vector<std::string> open;
    for (size_t i = 0; i < html.size();) {
        if (html[i] == '>') return false;
        if (html[i] != '<') { ++i; continue; }
        const size_t end = html.find('>', i);
        if (end == std::string::npos) return false;
        std::string tag = html.substr(i + 1, end - i - 1);
        const bool closing = !tag.empty() && tag[0] == '/';
        tag = tag.substr(closing ? 1 : 0, tag.find(' ') == std::string::npos ? std::string::npos : tag.find(' ') - (closing ? 1 : 0));
        if (closing) {
            if (open.empty() || open.back() != tag) return false;
            open.pop_back();
        } else {
            open.push_back(tag);
        }
        i = end + 1;
    }
    return open.empty();
}

}  // namespace

TEST(ResultHtml, DefaultScenarioHeadlineMatchesTheEstimate) {
    const Scenario s = default_scenario();
    const Estimate e = estimate(s);
    const std::string html = estimate_to_html(s, e);
    EXPECT_TRUE(WellFormed(html)) << html;
    EXPECT_NE(html.find("Training · memory per GPU"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"total\" elementtiming=\"result\"><strong>" + format_size(e.total, ByteUnit::Decimal, 1) + "</strong>"),
              std::string::npos) << html;
    EXPECT_NE(html.find(format_size(e.total, ByteUnit::Binary, 2)), std::string::npos);
    EXPECT_NE(html.find("Llama 3.1 8B · 8.03B params"), std::string::npos) << html;
    // The chosen GPU and its verdict, as the summary card words it.
    const GpuSpec* gpu = find_gpu(s.gpu);
    ASSERT_NE(gpu, nullptr);
    EXPECT_NE(html.find(std::string(gpu->name)), std::string::npos);
    EXPECT_NE(html.find("Does not fit · " + format_size(e.total - gpu->capacity_bytes, ByteUnit::Decimal, 1) + " over"),
              std::string::npos) << html;
}

TEST(ResultHtml, BreakdownListsTheHeldComponentsAndTheTotal) {
    const Scenario s = parsed(R"({"mode":"inference","model":"llama-3.1-8b","batch":4,"seq_len":8192,"gpu":"h100-sxm-80gb"})");
    const Estimate e = estimate(s);
    const std::string html = estimate_to_html(s, e);
    EXPECT_TRUE(WellFormed(html)) << html;
    EXPECT_NE(html.find("Inference · memory per GPU"), std::string::npos);
    for (Component c : kAllComponents) {
        const std::string row = "<tr><td>" + std::string(component_label(c)) + "</td><td>" +
                                format_fixed(e[c] / kGB, 2) + "</td>";
        EXPECT_EQ(html.find(row) != std::string::npos, e[c] > 0) << component_label(c) << "\n" << html;
    }
    EXPECT_GT(e[Component::KvCache], 0);
    EXPECT_NE(html.find("<tr><th>Total per GPU</th><th>" + format_fixed(e.total / kGB, 2) + "</th><th>100.0%</th></tr>"),
              std::string::npos) << html;
    EXPECT_NE(html.find("Fits · "), std::string::npos);
}

TEST(ResultHtml, OffloadedStatesAreNamedAsHostMemory) {
    const Scenario s = parsed(R"({"mode":"training","model":"llama-3.1-8b","parallel":{"dp":8,"zero":2},"offload":{"optimizer":true}})");
    const Estimate e = estimate(s);
    ASSERT_GT(e.host_total, 0);
    EXPECT_NE(estimate_to_html(s, e).find("+ " + format_size(e.host_total, ByteUnit::Decimal, 1) + " host memory per GPU"),
              std::string::npos);
}

TEST(ResultHtml, EscapesEveryCharacterThatCouldEndTextOrAnAttribute) {
    EXPECT_EQ(html_escape(R"(a<b> & "c")"), "a&lt;b&gt; &amp; &quot;c&quot;");
    EXPECT_EQ(html_escape("8.03B × 2 B"), "8.03B × 2 B");  // UTF-8 passes through
}
