// Result writers shared by the CLI, the web app and the Embind API.
#include <cmath>
#include <cstdio>

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

std::string plain(double v) { return format_count(v); }
std::string integer(double v) { return format_fixed(std::round(v), 0); }

}  // namespace

std::string estimate_to_json(const Estimate& e, int indent) {
    Value per_gpu = Value::object();
    for (Component c : kAllComponents) per_gpu[component_id(c)] = whole_bytes(e[c]);
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

std::string estimate_to_csv(const Scenario& s, const Estimate& e) {
    std::string out = csv_row({"section", "item", "value", "unit", "bytes (B)", "size (GB = 1e9 B)",
                               "size (GiB = 2^30 B)", "share of total (%)"});
    auto input = [&](std::string_view item, const std::string& value, std::string_view unit) {
        out += csv_row({"input", item, value, unit, "", "", "", ""});
    };
    const ModelArch& m = s.model;
    input("mode", std::string(mode_name(s.mode)), "");
    input("model", s.model_preset.empty() ? "custom" : s.model_preset, "");
    input("params", integer(e.params_total), "parameters");
    input("layers", std::to_string(m.layers), "");
    input("hidden", std::to_string(m.hidden), "");
    input("heads", std::to_string(m.heads), "");
    input("kv_heads", std::to_string(effective_kv_heads(m)), "");
    input("head_dim", std::to_string(effective_head_dim(m)), "");
    input("batch", std::to_string(s.batch), "sequences");
    input("seq_len", std::to_string(s.seq_len), "tokens");
    input("kv_cache", kv_cache_enabled(s) ? "on" : "off", "");
    input("kv_tokens", std::to_string(effective_kv_tokens(s)), "tokens");
    input("dtype_weights", std::string(dtype_name(s.dtypes.weights)), "");
    input("dtype_gradients", std::string(dtype_name(s.dtypes.gradients)), "");
    input("dtype_activations", std::string(dtype_name(s.dtypes.activations)), "");
    input("dtype_kv_cache", std::string(dtype_name(s.dtypes.kv_cache)), "");
    input("dtype_master_weights", s.dtypes.master_weights ? std::string(dtype_name(*s.dtypes.master_weights)) : "none", "");
    input("dtype_optimizer_state", std::string(dtype_name(s.dtypes.optimizer_state)), "");
    input("optimizer", std::string(optimizer_name(s.optimizer)), "");
    input("recompute", std::string(recompute_name(s.recompute)), "");
    input("flash_attention", s.flash_attention ? "on" : "off", "");
    input("activation_model", std::string(activation_model_name(s.activation_model)), "");
    input("dp", std::to_string(s.parallel.dp), "GPUs");
    input("zero", std::to_string(s.parallel.zero), "stage");
    input("tp", std::to_string(s.parallel.tp), "GPUs");
    input("pp", std::to_string(s.parallel.pp), "stages");
    input("sp", s.parallel.sp ? "on" : "off", "");
    input("ep", std::to_string(s.parallel.ep), "GPUs");
    input("grad_accum", std::to_string(effective_grad_accum(s)), "micro-batches");
    input("embeddings_and_logits", s.embeddings_and_logits ? "on" : "off", "");
    input("dtype_logits", std::string(dtype_name(s.dtypes.logits)), "");
    input("finetune", std::string(finetune_name(s.finetune)), "");
    if (s.finetune != Finetune::Full) {
        std::string modules;
        for (Module m : kAllModules)
            if (s.lora.has(m)) modules += (modules.empty() ? "" : " ") + std::string(module_name(m));
        input("lora_rank", std::to_string(s.lora.rank), "");
        input("lora_modules", modules, "");
    }
    input("offload_optimizer", s.offload.optimizer ? "on" : "off", "");
    input("offload_params", s.offload.params ? "on" : "off", "");
    input("overhead_fraction", plain(s.overhead.fraction), "");
    input("overhead_bytes", integer(s.overhead.bytes), "B");
    input("gpu", s.gpu, "");
    auto size_row = [&](std::string_view item, double bytes) {
        const double share = e.total > 0 ? 100.0 * bytes / e.total : 0;
        out += csv_row({"per_gpu", item, "", "", integer(bytes), format_fixed(bytes / kGB, 3),
                        format_fixed(bytes / kGiB, 3), format_fixed(share, 2)});
    };
    for (Component c : kAllComponents) size_row(component_id(c), e[c]);
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
