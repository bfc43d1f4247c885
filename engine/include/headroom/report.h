// Writers for the result: JSON of the contract, CSV (RFC 4180), and the one-call text API
// that the CLI and the Embind binding share.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "headroom/estimate.h"
#include "headroom/scenario.h"

namespace headroom {

std::string estimate_to_json(const Estimate& e, int indent = -1);
std::string errors_to_json(const std::vector<FieldError>& errors, int indent = -1);

// The inputs as the CSV and PDF list them: every field the scenario uses, by its JSON path, in
// effect (a default that follows another field shows the value it follows), the architecture's
// additions only where set, and the parameter count after the model. `grouped` writes numbers
// for people ("4,096"); CSV writes them plainly.
struct InputRow {
    std::string_view item;
    std::string value;
    std::string_view unit;
};
std::vector<InputRow> input_rows(const Scenario& s, const Estimate& e, bool grouped);

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
// One table: the inputs, then each component with bytes, GB, GiB and share of total.
std::string estimate_to_csv(const Scenario& s, const Estimate& e);

// The headline and breakdown as an HTML fragment, every text escaped: what the page shows
// while its calculator is still loading (web/tools/preview.cpp writes the default scenario's
// into index.html at build time). Decimal units, as the calculator starts in.
std::string estimate_to_html(const Scenario& s, const Estimate& e);
// Text safe inside HTML elements and quoted attributes: & < > " escaped.
std::string html_escape(std::string_view text);

// Scenario JSON text in, result JSON text (or {"errors": [...]}) out. Never throws.
std::string estimate_json(std::string_view scenario_json, int indent = -1);
// Scenario JSON text in, CSV out; empty string with errors filled when invalid.
std::string estimate_csv(std::string_view scenario_json, std::vector<FieldError>* errors);

}  // namespace headroom
