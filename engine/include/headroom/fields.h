// The scenario's fields, in one table: each field's JSON path, label, unit, range and help, and
// how it is read from and written to a Scenario. The JSON reader and writer, the list of known
// keys, the share link and the query parameters, the CSV and PDF input rows and the field
// messages all go through it; the UI's rows read their label, unit and help from it. A new
// field is one entry here (plus its formula in the estimator).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "headroom/scenario.h"

namespace headroom {

enum class FieldKind : unsigned char {
    Choice,   // a JSON string from `names`; its value is the index (= the enum's value)
    Integer,  // a whole JSON number
    Number,   // any JSON number
    Boolean,  // true or false
    Text,     // a JSON string (gpu)
    Modules,  // a JSON array of names from `names`; its value is a bit mask
};

// What a field's flags say (bits of Field::flags).
enum FieldFlag : unsigned char {
    kOptional = 1,  // may be unset: its value then follows other fields (kv_tokens follows seq_len)
    kOmitZero = 2,  // written only when not 0 (the architecture's additions to the contract)
    kModel = 4,     // inside a custom model object ("model.layers"); read only when model is one
};

struct Field {
    std::string_view path = {};   // JSON path, "batch" or "dtypes.weights"
    std::string_view label = {};  // what a person calls it; the subject of its messages: "Batch size"
    std::string_view unit = {};   // "tokens", "GPUs"; "" when it has none
    std::string_view help = {};   // one line: what it is, and when to change it
    FieldKind kind = FieldKind::Number;
    unsigned char flags = 0;
    double lo = 0, hi = 0;   // Integer and Number: the range accepted, inclusive
    std::span<const std::string_view> names = {};  // Choice and Modules
    // What a person calls each value (Choice, by value; an Integer shown as a choice, from lo);
    // empty: the names.
    std::span<const std::string_view> labels = {};
    // The value as a number (Choice: the index; Boolean: 0 or 1; Modules: the mask), or nullopt
    // when unset. Text fields use text/set_text instead.
    std::optional<double> (*get)(const Scenario&) = nullptr;
    void (*set)(Scenario&, std::optional<double>) = nullptr;
    std::string_view (*text)(const Scenario&) = nullptr;
    void (*set_text)(Scenario&, std::string_view) = nullptr;
    // Whether the field is used by this scenario: an unused field is neither validated nor shown
    // (lora.rank only with LoRA). nullptr: always.
    bool (*applies)(const Scenario&) = nullptr;
    // The value in effect: get(), or what an unset field follows. nullptr: get().
    std::optional<double> (*effective)(const Scenario&) = nullptr;
    // An upper bound that depends on the scenario (dense layers ≤ layers). nullptr: hi.
    double (*hi_of)(const Scenario&) = nullptr;

    bool optional() const { return flags & kOptional; }
    bool in_model() const { return flags & kModel; }
    bool used_by(const Scenario& s) const { return !applies || applies(s); }
    double upper(const Scenario& s) const { return hi_of ? hi_of(s) : hi; }
    std::optional<double> value(const Scenario& s) const { return effective ? effective(s) : get(s); }
    // The JSON object the field sits in ("dtypes"), or "" for a top-level field, and its key.
    std::string_view group() const;
    std::string_view key() const;
};

// Every field, in the order the JSON writer writes them.
std::span<const Field> scenario_fields();
const Field* find_field(std::string_view path);

// The JSON objects fields sit in: "model", "dtypes", "parallel", ... .
bool is_field_group(std::string_view name);

// A field's value in effect, without a unit: "bf16", "4,096", "on", "0.1"; `grouped` false
// writes numbers plainly ("4096"), as CSV wants them.
std::string field_value_text(const Field& f, const Scenario& s, bool grouped = true);

// The range error for a value outside [lo, upper]: "Batch size must be between 1 and
// 1,000,000; got 0.", with the bounds and the value for fronts that show other units.
FieldError range_error(const Field& f, const Scenario& s, double value);

}  // namespace headroom
