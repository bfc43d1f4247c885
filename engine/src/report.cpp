// Result writers shared by the CLI, the web app and the Embind API.
#include <cmath>
#include <cstdio>

#include "headroom/calibration.h"
#include "headroom/fields.h"
#include "headroom/format.h"
#include "headroom/report.h"
#include "json.h"

namespace headroom {
namespace {

using json::Value;

// Sizes are whole bytes in JSON: an integer reads the same in every language.
// Past 2^53 (9 PB) a double holds no odd integers anyway, so the number is written as it is.
Value whole_bytes(double bytes) {
    return std::fabs(bytes) < 9e15 ? Value(static_cast<long long>(std::llround(bytes))) : Value(bytes);
}

std::string csv_field(std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_row(std::initializer_list<std::string_view> fields) {
    std::string row;
    for (std::string_view f : fields) {
        if (!row.empty()) row += ',';
        row += csv_field(f);
    }
    return row + "\r\n";
}

std::string integer(double v) { return format_fixed(std::round(v), 0); }

}  // namespace

std::string estimate_to_json(const Estimate& e, int indent) {
    Value per_gpu = Value::object();
    for (Component c : kAllComponents) per_gpu[component_id(c)] = whole_bytes(e[c]);
    // The three levels (issue 12): what tensors hold at the peak, what the caching allocator
    // holds, and what the device must have free ("total", the sum of the components).
    per_gpu["allocated"] = whole_bytes(e.allocated);
    per_gpu["reserved"] = whole_bytes(e.reserved);
    per_gpu["total"] = whole_bytes(e.total);
    Value formulas = Value::array();
    for (const Formula& f : e.formulas) {
        Value row = Value::object();
        row["component"] = component_id(f.component);
        row["formula"] = f.formula;
        row["substituted"] = f.substituted;
        row["source"] = f.source;
        formulas.push_back(std::move(row));
    }
    Value fits = Value::array();
    for (const Fit& f : e.fits) {
        Value row = Value::object();
        row["gpu"] = f.gpu;
        row["name"] = f.name;
        row["capacity_bytes"] = whole_bytes(f.capacity_bytes);
        row["fits"] = f.fits;
        row["free_bytes"] = whole_bytes(f.free_bytes);
        fits.push_back(std::move(row));
    }
    // Host memory holds only offloaded model states; the overhead and activations stay on the GPU.
    Value host = Value::object();
    for (Component c : {Component::Weights, Component::MasterWeights, Component::Gradients, Component::OptimizerStates})
        host[component_id(c)] = whole_bytes(e.host[static_cast<int>(c)]);
    host["total"] = whole_bytes(e.host_total);
    Value params = Value::object();
    params["total"] = whole_bytes(e.params_total);
    params["active"] = whole_bytes(e.params_active);
    params["trainable"] = whole_bytes(e.params_trainable);
    Value doc = Value::object();
    doc["per_gpu"] = std::move(per_gpu);
    doc["peak_phase"] = phase_name(e.phase);
    if (e.kv_pool_tokens > 0) {  // vLLM's start-up figures
        doc["kv_pool_tokens"] = whole_bytes(e.kv_pool_tokens);
        doc["max_concurrency"] = e.max_concurrency;
    }
    if (const CalibrationSummary* c = e.calibration) {
        Value cal = Value::object();
        cal["runtime"] = c->runtime;
        cal["mode"] = c->mode;
        cal["cases"] = c->cases;
        cal["within_10_percent"] = c->within;
        cal["median_error"] = c->median;
        cal["p05_error"] = c->p05;
        cal["p95_error"] = c->p95;
        cal["line"] = calibration_line(*c);
        doc["calibration"] = std::move(cal);
    }
    doc["host"] = std::move(host);
    doc["params"] = std::move(params);
    doc["formulas"] = std::move(formulas);
    doc["fits"] = std::move(fits);
    return doc.dump(indent);
}

std::string errors_to_json(const std::vector<FieldError>& errors, int indent) {
    Value list = Value::array();
    for (const FieldError& e : errors) {
        Value row = Value::object();
        row["field"] = e.field;
        row["message"] = e.message;
        list.push_back(std::move(row));
    }
    Value doc = Value::object();
    doc["errors"] = std::move(list);
    return doc.dump(indent);
}

std::vector<InputRow> input_rows(const Scenario& s, const Estimate& e, bool grouped) {
    std::vector<InputRow> rows;
    for (const Field& f : scenario_fields()) {
        if (!f.used_by(s)) continue;
        if ((f.flags & kOmitZero) && f.get(s).value_or(0) == 0) continue;
        rows.push_back({f.path, field_value_text(f, s, grouped), f.unit});
        if (f.path == "model")
            rows.push_back({"params", grouped ? format_count(e.params_total) : integer(e.params_total), "parameters"});
    }
    return rows;
}

std::string estimate_to_csv(const Scenario& s, const Estimate& e) {
    std::string out = csv_row({"section", "item", "value", "unit", "bytes (B)", "size (GB = 1e9 B)",
                               "size (GiB = 2^30 B)", "share of total (%)"});
    auto input = [&](std::string_view item, const std::string& value, std::string_view unit) {
        out += csv_row({"input", item, value, unit, "", "", "", ""});
    };
    for (const InputRow& row : input_rows(s, e, false)) input(row.item, row.value, row.unit);
    auto size_row = [&](std::string_view item, double bytes) {
        const double share = e.share_percent(bytes);
        out += csv_row({"per_gpu", item, "", "", integer(bytes), format_fixed(bytes / kGB, 3),
                        format_fixed(bytes / kGiB, 3), format_fixed(share, 2)});
    };
    for (Component c : kAllComponents) size_row(component_id(c), e[c]);
    size_row("allocated", e.allocated);
    size_row("reserved", e.reserved);
    size_row("total", e.total);
    // Host memory (offloaded states); the share column is left empty: it is not part of the GPU total.
    for (Component c : {Component::Weights, Component::MasterWeights, Component::Gradients, Component::OptimizerStates}) {
        const double bytes = e.host[static_cast<int>(c)];
        if (bytes > 0)
            out += csv_row({"host", component_id(c), "", "", integer(bytes), format_fixed(bytes / kGB, 3),
                            format_fixed(bytes / kGiB, 3), ""});
    }
    if (e.host_total > 0)
        out += csv_row({"host", "total", "", "", integer(e.host_total), format_fixed(e.host_total / kGB, 3),
                        format_fixed(e.host_total / kGiB, 3), ""});
    if (e.kv_pool_tokens > 0) {
        out += csv_row({"result", "kv_pool_tokens", integer(e.kv_pool_tokens), "tokens", "", "", "", ""});
        out += csv_row({"result", "max_concurrency", format_fixed(e.max_concurrency, 2), "sequences", "", "", "", ""});
    }
    out += csv_row({"result", "peak_phase", phase_name(e.phase), "", "", "", "", ""});
    if (e.calibration) out += csv_row({"calibration", "measured_runs", calibration_line(*e.calibration, true), "", "", "", "", ""});
    return out;
}

std::string estimate_json(std::string_view scenario_json, int indent) {
    const ParsedScenario p = parse_scenario(scenario_json);
    if (!p.ok()) return errors_to_json(p.errors, indent);
    return estimate_to_json(estimate(p.scenario), indent);
}

std::string estimate_csv(std::string_view scenario_json, std::vector<FieldError>* errors) {
    ParsedScenario p = parse_scenario(scenario_json);
    if (!p.ok()) {
        if (errors) *errors = std::move(p.errors);
        return {};
    }
    return estimate_to_csv(p.scenario, estimate(p.scenario));
}

}  // namespace headroom
