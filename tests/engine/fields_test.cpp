// The table of scenario fields (fields.h) drives the JSON reader and writer, the share link and
// the CSV's input rows: every field, set to a value other than its default in a scenario it
// applies to, must come back unchanged through each of them.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "headroom/estimate.h"
#include "headroom/fields.h"
#include "headroom/report.h"
#include "headroom/share.h"

namespace {

using headroom::Field;
using headroom::FieldKind;
using headroom::Scenario;

// Scenarios that between them make every field apply: training and inference, with and
// without a runtime, LoRA, a custom architecture, experts and ZeRO, each quantization family,
// vLLM and llama.cpp.
std::vector<Scenario> Bases() {
    std::vector<Scenario> out;
    const auto custom = [](Scenario s) {
        s.model_preset.clear();  // the architecture's fields are read only for a custom model
        return s;
    };
    Scenario t = headroom::default_scenario();
    out.push_back(custom(t));
    t.runtime = headroom::Runtime::PyTorch;
    t.finetune = headroom::Finetune::Lora;
    out.push_back(custom(t));
    Scenario moe = custom(t);  // a mixture of experts, sharded with ZeRO-3 over 8 GPUs
    moe.model.experts = 8;
    moe.model.experts_active = 1;
    moe.parallel.dp = 8;
    moe.parallel.zero = 3;
    out.push_back(moe);
    t.activation_model = headroom::ActivationModel::Multiplier;
    out.push_back(t);
    t.activation_model = headroom::ActivationModel::PerSample;
    out.push_back(t);
    Scenario i = headroom::default_scenario();
    i.mode = headroom::Mode::Inference;
    i.runtime = headroom::Runtime::HfTransformers;
    i.quantization.method = headroom::QuantMethod::Gptq;
    out.push_back(i);
    i.runtime = headroom::Runtime::Vllm;
    out.push_back(i);
    i.runtime = headroom::Runtime::LlamaCpp;
    i.quantization.method = headroom::QuantMethod::Gguf;
    out.push_back(i);
    return out;
}

// Values to try for a field, other than the current one, inside its range.
std::vector<double> Candidates(const Field& f, const Scenario& s) {
    const double cur = f.get(s).value_or(std::nan(""));
    std::vector<double> raw;
    switch (f.kind) {
        case FieldKind::Choice:
            for (size_t i = 0; i < f.names.size(); ++i) raw.push_back(double(i));
            break;
        case FieldKind::Boolean: raw = {0, 1}; break;
        case FieldKind::Modules: raw = {1, 3, 0x7F}; break;
        case FieldKind::Integer:
        case FieldKind::Number: {
            const double hi = std::min(f.upper(s), f.lo + 1000);
            for (double v : {f.lo, f.lo + 1, 2.0, 4.0, 8.0, 64.0, (f.lo + hi) / 2, hi})
                if (v >= f.lo && v <= f.upper(s)) raw.push_back(f.kind == FieldKind::Integer ? std::round(v) : v);
            break;
        }
        case FieldKind::Text: break;
    }
    std::vector<double> out;
    for (double v : raw)
        if (v != cur) out.push_back(v);
    return out;
}

TEST(Fields, EveryFieldRoundTripsThroughJsonTheShareLinkAndCsv) {
    std::set<std::string_view> exercised;
    for (const Scenario& base : Bases()) {
        for (const Field& f : headroom::scenario_fields()) {
            if (f.kind == FieldKind::Text || !f.used_by(base) || exercised.count(f.path)) continue;
            for (double v : Candidates(f, base)) {
                Scenario s = base;
                f.set(s, v);
                if (!f.used_by(s) || !headroom::validate(s).empty() || f.get(s) != std::optional<double>(v)) continue;
                const headroom::ParsedScenario json = headroom::parse_scenario(headroom::scenario_to_json(s));
                ASSERT_TRUE(json.ok()) << f.path << " = " << v << ": " << json.errors[0].message;
                EXPECT_EQ(f.get(json.scenario), f.get(s)) << f.path << " through JSON";
                const headroom::ParsedScenario link = headroom::parse_fragment(headroom::scenario_to_fragment(s));
                ASSERT_TRUE(link.ok()) << f.path << " = " << v << ": " << link.errors[0].message;
                EXPECT_EQ(f.get(link.scenario), f.get(s)) << f.path << " through the share link";
                // The CSV lists it under its JSON path (unless a zero it omits).
                const headroom::Estimate e = headroom::estimate(s);
                bool listed = false;
                for (const headroom::InputRow& row : headroom::input_rows(s, e, false)) listed |= row.item == f.path;
                if (!((f.flags & headroom::kOmitZero) && v == 0)) EXPECT_TRUE(listed) << f.path << " in the CSV";
                exercised.insert(f.path);
                break;
            }
        }
    }
    for (const Field& f : headroom::scenario_fields())
        if (f.kind != FieldKind::Text) EXPECT_TRUE(exercised.count(f.path)) << f.path << " was never exercised";
}

}  // namespace
