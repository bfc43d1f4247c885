#include "app_state.h"

#include <cmath>
#include <string>
#include <utility>

#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/hf_config.h"
#include "ui/probe.h"

AppState::AppState() : probe(std::make_unique<Probe>()) {}
AppState::~AppState() = default;

namespace {

std::string BuildSummary(const AppState& app) {
    const headroom::Estimate& e = app.estimate;
    std::string s = "Total per GPU: " + headroom::format_gb(e.total) + " (" +
                    headroom::format_gib(e.total) + ").";
    for (headroom::Component c : headroom::kAllComponents) {
        if (e[c] <= 0) continue;
        s += " ";
        s += headroom::component_label(c);
        s += ": " + headroom::format_gb(e[c]) + ".";
    }
    if (e.host_total > 0) s += " Host memory (offloaded): " + headroom::format_gb(e.host_total) + ".";
    if (const headroom::GpuSpec* gpu = headroom::find_gpu(app.good_scenario.gpu)) {
        for (const headroom::Fit& f : e.fits) {
            if (f.gpu != gpu->id) continue;
            s += " ";
            s += gpu->name;
            s += f.fits ? ": fits, " + headroom::format_gb(f.free_bytes) + " free."
                        : ": does not fit, " + headroom::format_gb(-f.free_bytes) + " short.";
        }
    }
    if (app.showing_stale) s += " Showing the last valid result: fix the highlighted fields.";
    return s;
}

}  // namespace

void Recompute(AppState& app) {
    app.errors = headroom::validate(app.scenario);
    const bool was_stale = app.showing_stale;
    app.showing_stale = !app.errors.empty();
    if (app.errors.empty()) {
        app.good_scenario = app.scenario;
        app.estimate = headroom::estimate(app.scenario);
    } else if (was_stale) {
        return;  // the summary already says the result is stale
    }
    // Whole bytes, as the JSON contract (estimate_to_json) writes them.
    app.summary_total_bytes = std::to_string(std::llround(app.estimate.total));
    app.summary_text = BuildSummary(app);
    ++app.summary_version;
}

void LoadScenario(AppState& app, headroom::Scenario s) {
    app.scenario = std::move(s);
    app.show_custom_model = app.scenario.model_preset.empty();
    Recompute(app);
}

bool FieldShown(const AppState& app, std::string_view field) {
    for (std::string_view f : app.fields_shown)
        if (f == field) return true;
    return false;
}

const headroom::FieldError* FindFieldError(const AppState& app, std::string_view field) {
    for (const headroom::FieldError& e : app.errors)
        if (e.field == field) return &e;
    return nullptr;
}

TypedText* FindTypedText(AppState& app, std::string_view field) {
    for (TypedText& t : app.typed_texts)
        if (t.field == field) return &t;
    return nullptr;
}

const TypedText* FindTypedText(const AppState& app, std::string_view field) {
    return FindTypedText(const_cast<AppState&>(app), field);
}

bool InputsInvalid(const AppState& app) { return app.showing_stale || !app.typed_texts.empty(); }

void ImportHfConfig(AppState& app, const headroom::HfImport& imp) {
    if (!imp.ok()) {
        app.import_failed = true;
        app.import_message = "config.json not imported:";
        for (const headroom::FieldError& e : imp.errors) app.import_message += " " + e.field + ": " + e.message;
        return;
    }
    app.import_failed = false;
    app.scenario.model = imp.arch;
    app.scenario.model_preset.clear();
    app.show_custom_model = true;
    app.import_message = "Imported " + (imp.model_type.empty() ? std::string("model") : imp.model_type) + " config.";
    for (const std::string& n : imp.notes) app.import_message += " " + n;
    Recompute(app);
}

void SaveRow(AppState& app, std::string_view name) {
    std::string n(name);
    if (n.empty()) n = "Scenario " + std::to_string(app.saved.size() + 1);
    app.saved.push_back({std::move(n), app.good_scenario, app.estimate});
}

void LoadRow(AppState& app, int index) {
    if (index < 0 || index >= static_cast<int>(app.saved.size())) return;
    LoadScenario(app, app.saved[index].scenario);
}

bool SetOther(AppState& app, const headroom::Scenario& other) {
    if (!headroom::validate(other).empty()) return false;
    app.other = other;
    app.other_estimate = headroom::estimate(other);
    return true;
}

void SwapEdited(AppState& app) {
    // The form only ever edits a valid scenario's copy when swapping, so neither side is lost:
    // the one left behind is the last good version of what was being edited.
    headroom::Scenario left = app.good_scenario;
    app.scenario = app.other;
    SetOther(app, left);
    app.editing_b = !app.editing_b;
    Recompute(app);
}

void CompareFp32VsMixed(AppState& app) {
    using headroom::DType;
    headroom::Scenario fp32 = app.good_scenario;
    fp32.dtypes.weights = fp32.dtypes.gradients = fp32.dtypes.activations = DType::FP32;
    fp32.dtypes.master_weights.reset();
    headroom::Scenario mixed = app.good_scenario;
    mixed.dtypes.weights = mixed.dtypes.gradients = mixed.dtypes.activations = DType::BF16;
    mixed.dtypes.master_weights = DType::FP32;
    app.compare_on = true;
    // A is the fp32 baseline, B the mixed-precision candidate (seed 002's order).
    if (app.editing_b) {
        app.scenario = mixed;
        SetOther(app, fp32);
    } else {
        app.scenario = fp32;
        SetOther(app, mixed);
    }
    Recompute(app);
}

std::string Size(const AppState& app, double bytes, int digits) { return headroom::format_size(bytes, app.unit, digits); }
