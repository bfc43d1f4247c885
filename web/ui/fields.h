// Numbers typed into the form, and the messages beside its fields, in the units each field
// shows (the overhead in %, sizes in GB or GiB, parameters in billions). Pure logic, no ImGui:
// unit tested in tests/ui/fields_test.cpp. The engine validates in JSON units (fractions,
// bytes); the form restates its range errors here.
#pragma once
#include <string>
#include <string_view>

#include "headroom/fields.h"
#include "headroom/labels.h"
#include "headroom/scenario.h"

namespace fields {

// How a field shows its scenario value: shown = JSON value × scale, in `unit`.
struct Display {
    std::string_view name;     // the quantity, for messages: "Framework overhead"
    std::string_view unit;     // as printed beside the field: "%", "GB", "tokens", or ""
    double scale = 1.0;        // JSON units -> shown units (100 for a fraction shown in %)
    bool integer = false;      // whole numbers only (counts)
    double max_magnitude = 0;  // the largest |value| the field's C++ type holds; 0 = no limit
};

// How the form shows a scenario field: in its JSON unit, except sizes (in the page's GB or
// GiB; per-sample activations in MB), fractions (in %) and the parameter count (in billions).
// `format` prints the shown value for the field ("%.1f").
struct Shown {
    Display display;
    const char* format = "%.0f";
};
Shown ShownAs(const headroom::Field& f, headroom::ByteUnit unit);

struct Parsed {
    bool ok = false;
    double value = 0;     // in shown units, when ok
    std::string message;  // when not ok: one sentence for beside the field
};

// Reads what a user typed or pasted. Spaces around it, thousands commas ("4,096") and the
// field's own unit ("10 %", "2 GB") are accepted. Empty text, letters, NaN, infinity, a decimal
// comma, a fraction in a count, or a number beyond what the field can hold each get a message.
// Range checks are the engine's (validate), restated by Message.
Parsed ParseNumber(std::string_view text, const Display& d);

// The message for the engine's error on a field, in that field's units: a range error of a
// scaled field is restated with its bounds and value converted ("Framework overhead must be
// between 0% and 1,000%; got 1,500%."). Other messages are the engine's own.
std::string Message(const headroom::FieldError& e, const Display& d);

// A number as messages print it: thousands separators, up to six significant digits, no
// trailing zeros (1,000  0.05  2.5  1e-09).
std::string FormatShown(double v);

}  // namespace fields
