// The PDF report: inputs, breakdown table, the allocation pie and every formula with its
// citation, as a PDF 1.4 document. Pure: a string out, deterministic (no date), never throws.
// Text is Helvetica (a standard Type1 font, not embedded) in WinAnsiEncoding; characters
// WinAnsi lacks are written as ASCII (√ sqrt, ⌈ ⌉ ceil( ), − -, ≈ ~, Greek by name).
// Every byte of the file is 7-bit ASCII (other bytes are octal escapes), so it survives
// any text channel (Embind strings, stdout).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "headroom/estimate.h"
#include "headroom/scenario.h"

namespace headroom {

std::string estimate_to_pdf(const Scenario& s, const Estimate& e);

// Scenario JSON text in, PDF out; empty string with errors filled when invalid.
std::string estimate_pdf(std::string_view scenario_json, std::vector<FieldError>* errors);

// UTF-8 text as WinAnsi bytes with the ASCII fallbacks above (exposed for the tests).
std::string to_winansi(std::string_view utf8);

}  // namespace headroom
