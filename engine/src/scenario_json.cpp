// Scenario JSON in and out (DESIGN.md's contract), through the engine's JSON (json.h): a bad
// document becomes field errors, never an exception.
#include <cmath>
#include <limits>
#include <string_view>

#include "headroom/fields.h"
#include "headroom/format.h"
#include "headroom/scenario.h"
#include "json.h"
#include "scenario_doc.h"

namespace headroom {

// Emscripten 3.1.6's clang gives a function whose std::optional<Enum> return type is not yet
// instantiated in this file the type void() when only its address is taken (as Reader::choice
// does), and wasm-ld then links a stub that traps at run time. Completing the types first
// keeps every signature right. tests/e2e covers each enum field in the browser.
static_assert(sizeof(std::optional<Mode>) + sizeof(std::optional<Optimizer>) + sizeof(std::optional<Finetune>) +
                  sizeof(std::optional<Recompute>) + sizeof(std::optional<ActivationModel>) +
                  sizeof(std::optional<DType>) + sizeof(std::optional<Runtime>) >
              0);

namespace {

using json::Value;

struct Reader {
    std::vector<FieldError>& errors;

    void fail(const std::string& field, std::string message) { errors.push_back({field, std::move(message)}); }

    // Whole numbers arrive as JSON integers or as floats with no fraction (1e3); anything
    // else is named, never rounded.
    bool integer_value(const Value& v, const std::string& path, long long& out) {
        if (!v.is_number()) {
            fail(path, "Must be a number; got " + v.dump() + ".");
            return false;
        }
        const double d = v.as_double();
        if (d != std::floor(d)) {
            fail(path, "Must be a whole number; got " + format_count(d) + ".");
            return false;
        }
        if (std::fabs(d) > 9e15) {
            fail(path, "Is far too large; got " + format_count(d) + ".");
            return false;
        }
        out = static_cast<long long>(d);
        return true;
    }
};


// "a, b or c": a Choice field's names, for its message.
std::string choices_text(const Field& f) {
    std::string out;
    for (size_t i = 0; i < f.names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == f.names.size() ? " or " : ", ") + std::string(f.names[i]);
    return out;
}

// One field's JSON value into the scenario, checked for its kind (ranges are validate()'s).
void read_field(Reader& r, const Field& f, const Value& v, Scenario& s) {
    const std::string path(f.path);
    switch (f.kind) {
        case FieldKind::Choice: {
            for (size_t i = 0; v.is_string() && i < f.names.size(); ++i)
                if (v.as_string() == f.names[i]) return f.set(s, double(i));
            r.fail(path, "Must be one of " + choices_text(f) + "; got " + v.dump() + ".");
            return;
        }
        case FieldKind::Integer: {
            // Out of range is named here, not stored: a member may be an int. The architecture's
            // own checks word its fields' messages (0 there means "not given").
            long long n = 0;
            if (!r.integer_value(v, path, n)) return;
            const double lo = f.in_model() ? -2147483647.0 : f.lo, hi = f.in_model() ? 2147483647.0 : f.hi;
            if (n < lo || n > hi) {
                FieldError e = range_error(f, s, double(n));
                if (!f.in_model() && f.hi_of) e = {path, std::string(f.label) + " is out of range; got " +
                                                             format_count(double(n)) + "."};
                r.errors.push_back(std::move(e));
                return;
            }
            f.set(s, double(n));
            return;
        }
        case FieldKind::Number:
            if (v.is_number()) f.set(s, v.as_double());
            else r.fail(path, "Must be a number; got " + v.dump() + ".");
            return;
        case FieldKind::Boolean:
            if (v.is_bool()) f.set(s, v.as_bool() ? 1 : 0);
            else r.fail(path, "Must be true or false; got " + v.dump() + ".");
            return;
        case FieldKind::Text:
            if (v.is_string()) f.set_text(s, v.as_string());
            else r.fail(path, "Must be a text string; got " + v.dump() + ".");
            return;
        case FieldKind::Modules: {
            unsigned mask = 0;
            bool ok = v.is_array();
            for (size_t i = 0; ok && i < v.size(); ++i) {
                const Value& item = v[i];
                size_t k = 0;
                while (k < f.names.size() && !(item.is_string() && item.as_string() == f.names[k])) ++k;
                ok = k < f.names.size();
                mask |= 1u << k;
            }
            if (ok) f.set(s, double(mask));
            else r.fail(path, "Must be a list from " + choices_text(f) + "; got " + v.dump() + ".");
            return;
        }
    }
}

// One field's value as JSON.
Value field_json(const Field& f, double v) {
    switch (f.kind) {
        case FieldKind::Choice: {
            const size_t i = static_cast<size_t>(v);
            return i < f.names.size() ? Value(f.names[i]) : Value();
        }
        case FieldKind::Integer: return static_cast<long long>(v);
        case FieldKind::Boolean: return v != 0;
        case FieldKind::Modules: {
            Value list = Value::array();
            for (size_t i = 0; i < f.names.size(); ++i)
                if (static_cast<unsigned>(v) & (1u << i)) list.push_back(f.names[i]);
            return list;
        }
        default: return v;
    }
}

// The custom model object's keys besides the table's: a preset it starts from, and its name.
constexpr const char* kModelExtras[] = {"preset", "name"};

void read_model(Reader& r, const Value& v, Scenario& s) {
    if (v.is_string()) {
        const std::string id = v.as_string();
        if (const ModelPreset* p = find_model(id)) {
            s.model_preset = id;
            s.model = p->arch;
        } else {
            r.fail("model", "Unknown model preset '" + id + "'.");
        }
        return;
    }
    if (!v.is_object()) {
        r.fail("model", "Must be a preset id or an architecture object.");
        return;
    }
    // An object describes a custom model; "preset" names a starting point it overrides.
    s.model = ModelArch{};
    s.model_preset.clear();
    if (const Value* base = v.find("preset")) {
        const ModelPreset* p = base->is_string() ? find_model(base->as_string()) : nullptr;
        if (p) s.model = p->arch;
        else r.fail("model.preset", "Unknown model preset " + base->dump() + ".");
    }
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string& key = v.key(i);
        bool known = false;
        for (const char* k : kModelExtras) known = known || key == k;
        if (known) continue;
        const Field* f = find_field("model." + key);
        if (f && f->in_model()) read_field(r, *f, v[i], s);
        else r.fail("model." + key, "Unknown field.");
    }
}

}  // namespace

ParsedScenario parse_scenario(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        ParsedScenario out{default_scenario(), {}};
        out.errors.push_back({"", "The scenario is empty: give a JSON object ({} for the defaults)."});
        return out;
    }
    const json::Parsed parsed = json::parse(text);
    if (!parsed.ok()) {
        ParsedScenario out{default_scenario(), {}};
        out.errors.push_back({"", "The scenario is not valid JSON."});
        return out;
    }
    return parse_scenario(parsed.value);
}

ParsedScenario parse_scenario(const Value& doc) {
    ParsedScenario out{default_scenario(), {}};
    Reader r{out.errors};
    if (!doc.is_object()) {
        r.fail("", "The scenario must be a JSON object.");
        return out;
    }
    Scenario& s = out.scenario;
    // Every key: a field, an object of fields, or one of the document's own ("version", "name").
    for (size_t i = 0; i < doc.size(); ++i) {
        const std::string& key = doc.key(i);
        const Value& v = doc[i];
        if (key == "version" || key == "name") continue;
        if (key == "model") {
            read_model(r, v, s);
        } else if (const Field* f = find_field(key)) {
            read_field(r, *f, v, s);
        } else if (is_field_group(key)) {
            if (!v.is_object()) {
                r.fail(key, "Must be an object of its fields (" + key + ".…).");
                continue;
            }
            for (size_t k = 0; k < v.size(); ++k) {
                const std::string path = key + "." + v.key(k);
                const Field* g = find_field(path);
                if (g && !g->in_model()) read_field(r, *g, v[k], s);
                else r.fail(path, "Unknown field.");
            }
        } else {
            r.fail(key, "Unknown field.");
        }
    }
    // Master weights default to fp32 when the weights are in a lower precision, none otherwise.
    const Value* dtypes = doc.find("dtypes");
    if (!(dtypes && dtypes->is_object() && dtypes->find("master_weights")))
        s.dtypes.master_weights = s.dtypes.weights == DType::FP32 ? std::nullopt : std::optional<DType>(DType::FP32);
    // Range checks too, for every field the parse did not already reject.
    for (FieldError& e : validate(s)) {
        bool named = false;
        for (const FieldError& seen : out.errors) named = named || seen.field == e.field;
        if (!named) out.errors.push_back(std::move(e));
    }
    return out;
}

std::string scenario_to_json(const Scenario& s, int indent) {
    Value doc = Value::object();
    const ModelPreset* preset = s.model_preset.empty() ? nullptr : find_model(s.model_preset);
    const bool custom = !(preset && preset->arch == s.model);
    for (const Field& f : scenario_fields()) {
        if (f.path == "model") {
            doc["model"] = custom ? Value::object() : Value(s.model_preset);
            continue;
        }
        if (f.in_model() && !custom) continue;
        if (f.kind == FieldKind::Text) {
            doc[std::string(f.path)] = f.text(s);
            continue;
        }
        // The groups that only a runtime or a quantization method reads are written when it does.
        const std::string_view group = f.group();
        const bool by_use = group == "quantization" || group == "vllm" || group == "llama_cpp";
        if (by_use && !f.used_by(s) && f.path != "quantization.method") continue;
        const std::optional<double> v = f.get(s);
        if (!v || ((f.flags & kOmitZero) && *v == 0)) continue;
        if (group.empty()) {
            doc[std::string(f.path)] = field_json(f, *v);
        } else {
            Value& obj = doc[std::string(group)];
            if (!obj.is_object()) obj = Value::object();
            obj[std::string(f.key())] = field_json(f, *v);
        }
    }
    return doc.dump(indent);
}

}  // namespace headroom
