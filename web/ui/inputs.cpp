// The scenario form. Every field edits AppState::scenario directly; validation messages come
// from headroom::validate() and are shown beside the field they name.
#include <cfloat>
#include <span>
#include <string>
#include <vector>

#include "headroom/format.h"
#include "headroom/gpu.h"
#include "headroom/labels.h"
#include "headroom/model.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/search.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

using headroom::DType;
using headroom::Scenario;

// Every enum combo takes its values and labels from headroom/labels.h, so nothing here depends
// on the order of an enum's values.
template <typename Enum>
bool ChoiceRow(AppState& app, const char* label, std::string_view field, Enum* v,
               std::span<const headroom::Choice<Enum>> choices) {
    std::vector<std::string_view> labels;
    for (const auto& c : choices) labels.push_back(c.label);
    int i = headroom::choice_index(choices, *v);
    if (!ui::RowCombo(app, label, field, &i, labels) || i < 0) return false;
    *v = choices[i].value;
    return true;
}

bool DTypeRow(AppState& app, const char* label, std::string_view field, DType* t) {
    return ChoiceRow(app, label, field, t, headroom::dtype_choices());
}

constexpr std::string_view kZeroStages[] = {"0 · off", "1 · optimizer", "2 · + gradients", "3 · + weights"};

bool DrawModeSwitch(AppState& app) {
    Scenario& s = app.scenario;
    ui::RowLabel("Mode");
    ImGui::TableSetColumnIndex(1);
    bool changed = false;
    if (ImGui::RadioButton("Training", s.mode == headroom::Mode::Training)) {
        changed = s.mode != headroom::Mode::Training;
        s.mode = headroom::Mode::Training;
    }
    RecordItemRect(app, "mode.training");
    // Side by side when both fit in the cell, stacked otherwise: a narrow column must not clip.
    const float inference_width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                                  ImGui::CalcTextSize("Inference").x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < inference_width) ImGui::NewLine();
    if (ImGui::RadioButton("Inference", s.mode == headroom::Mode::Inference)) {
        changed = s.mode != headroom::Mode::Inference;
        s.mode = headroom::Mode::Inference;
    }
    RecordItemRect(app, "mode.inference");
    return changed;
}

void SubHeading(const char* text) {
    ui::RowLabel("");
    ImGui::TableSetColumnIndex(0);
    ui::TextDim(text);
}

// Mixture of experts, latent attention, attention span and the small parameters of older
// architectures; all optional (0 = not used).
bool DrawArchitectureExtras(AppState& app, headroom::ModelArch& m) {
    bool changed = false;
    SubHeading("Mixture of experts");
    changed |= ui::RowInt(app, "Experts", "model.experts", &m.experts, "");
    changed |= ui::RowInt(app, "Active experts", "model.experts_active", &m.experts_active, "per token");
    changed |= ui::RowInt(app, "Shared experts", "model.shared_experts", &m.shared_experts, "");
    changed |= ui::RowInt(app, "Expert FFN", "model.moe_ffn", &m.moe_ffn, "");
    changed |= ui::RowInt(app, "Dense layers", "model.dense_layers", &m.dense_layers, "");
    SubHeading("Latent attention (MLA)");
    changed |= ui::RowInt(app, "Q rank", "model.q_lora_rank", &m.q_lora_rank, "");
    changed |= ui::RowInt(app, "KV rank", "model.kv_lora_rank", &m.kv_lora_rank, "");
    changed |= ui::RowInt(app, "RoPE head dim", "model.rope_head_dim", &m.rope_head_dim, "");
    changed |= ui::RowInt(app, "V head dim", "model.v_head_dim", &m.v_head_dim, "");
    SubHeading("Attention span");
    changed |= ui::RowInt(app, "Sliding window", "model.sliding_window", &m.sliding_window, "tokens");
    changed |= ui::RowInt(app, "Global layers", "model.global_layers", &m.global_layers, "");
    SubHeading("Details");
    changed |= ui::RowInt(app, "Positions", "model.max_positions", &m.max_positions, "learned");
    changed |= ui::RowInt(app, "Norms / layer", "model.norms_per_layer", &m.norms_per_layer, "");
    changed |= ui::RowCheckbox(app, "Biases", "model.bias", &m.bias);
    changed |= ui::RowCheckbox(app, "QKV biases", "model.qkv_bias", &m.qkv_bias);
    changed |= ui::RowCheckbox(app, "LayerNorm", "model.layer_norm", &m.layer_norm);
    changed |= ui::RowCheckbox(app, "Pooler", "model.pooler", &m.pooler);
    return changed;
}

// The preset picker: a combo whose popup starts with a search box (typing filters the list
// by every word, see ui/search.h), then the matching presets and "Custom architecture".
bool DrawPresetPicker(AppState& app) {
    Scenario& s = app.scenario;
    const auto presets = headroom::model_catalogue();
    const headroom::ModelPreset* current = headroom::find_model(s.model_preset);
    const std::string_view name = current ? current->name : "Custom architecture";
    ui::RowLabel("Preset");
    ImGui::TableSetColumnIndex(1);
    ImGui::SetNextItemWidth(-1.0f);
    const std::string preview = ui::ComboPreview(app, "model", name);
    bool changed = false;
    const float em = theme::Em();
    ImGui::SetNextWindowSizeConstraints({0, 0}, {FLT_MAX, 22.0f * em});
    if (ImGui::BeginCombo("##model", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        if (ImGui::IsWindowAppearing()) {
            app.preset_filter.fill('\0');
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputTextWithHint("##preset_filter", "Search presets…", app.preset_filter.data(), app.preset_filter.size());
        RecordItemRect(app, "model.search");
        const std::string_view query = app.preset_filter.data();
        int shown = 0;
        for (const headroom::ModelPreset& p : presets) {
            const std::string name(p.name);
            if (!search::Matches(name, query) && !search::Matches(p.id, query)) continue;
            ++shown;
            if (ImGui::Selectable(name.c_str(), current == &p)) {
                s.model_preset = std::string(p.id);
                s.model = p.arch;
                changed = true;
            }
            if (shown == 1) RecordItemRect(app, "model.first_match");
        }
        if (shown == 0) ui::TextDim("No preset matches; try fewer words.");
        ImGui::Separator();
        if (ImGui::Selectable("Custom architecture", current == nullptr)) {
            s.model_preset.clear();  // keep the preset's numbers as a starting point
            app.show_custom_model = true;
            changed = true;
        }
        ImGui::EndCombo();
    }
    RecordItemRect(app, "model");
    if (preview != name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(name).c_str());
    ui::FieldErrorText(app, "model");
    // Hugging Face config.json: read in the browser (web/platform/browser_io.cpp), never uploaded.
    ui::RowLabel("");
    ImGui::TableSetColumnIndex(1);
    if (ImGui::Button("Import config.json…")) app.request_hf_import = true;
    RecordItemRect(app, "model.import");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A Hugging Face config.json, read on this device (or drop the file on the page)");
    if (!app.import_message.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ui::TextColored(app.import_failed ? theme::Colors().error : theme::Colors().text_dim, app.import_message.c_str());
        ImGui::PopTextWrapPos();
    }
    return changed;
}

bool DrawModel(AppState& app) {
    Scenario& s = app.scenario;
    bool changed = false;
    changed |= DrawPresetPicker(app);
    if (const headroom::ModelPreset* p = headroom::find_model(s.model_preset)) {
        ui::RowLabel("");
        ImGui::TableSetColumnIndex(1);
        const std::string parts[] = {headroom::format_count(p->published_params) + " params",
                                     std::to_string(p->arch.layers) + " layers", "hidden " + std::to_string(p->arch.hidden)};
        ui::TextDimParts(parts);
    }
    const bool custom = s.model_preset.empty();
    if (!custom) {
        ui::RowLabel("");
        ImGui::TableSetColumnIndex(1);
        ImGui::Checkbox("Edit architecture", &app.show_custom_model);
        if (!app.show_custom_model) return changed;
    }
    ui::RowLabel("");
    ImGui::TableSetColumnIndex(1);
    ImGui::PushTextWrapPos(0.0f);
    ui::TextDim("0 = derive: parameters from the architecture, KV heads = heads, head dim = hidden ÷ heads, "
                "FFN = 4 × hidden.");
    ImGui::PopTextWrapPos();

    // Editing any architecture field turns the preset into a custom model.
    headroom::ModelArch& m = s.model;
    bool arch = false;
    double params_b = m.params / 1e9;  // display unit: billions
    if (ui::RowDouble(app, "Parameters", "model.params", &params_b, {"Parameters", "B", 1e-9}, "%.3f")) {
        m.params = params_b * 1e9;
        arch = true;
    }
    arch |= ui::RowInt(app, "Layers", "model.layers", &m.layers, "");
    arch |= ui::RowInt(app, "Hidden size", "model.hidden", &m.hidden, "");
    arch |= ui::RowInt(app, "Heads", "model.heads", &m.heads, "");
    arch |= ui::RowInt(app, "KV heads", "model.kv_heads", &m.kv_heads, "");
    arch |= ui::RowInt(app, "Head dim", "model.head_dim", &m.head_dim, "");
    arch |= ui::RowInt(app, "FFN size", "model.ffn", &m.ffn, "");
    arch |= ui::RowInt(app, "Vocabulary", "model.vocab", &m.vocab, "tokens");
    arch |= ui::RowCheckbox(app, "Gated FFN", "model.gated_ffn", &m.gated_ffn);
    arch |= ui::RowCheckbox(app, "Tied embed.", "model.tied_embeddings", &m.tied_embeddings);
    arch |= DrawArchitectureExtras(app, m);
    if (arch) s.model_preset.clear();
    return changed || arch;
}

bool DrawPrecision(AppState& app) {
    Scenario& s = app.scenario;
    headroom::Precision& d = s.dtypes;
    const bool training = s.mode == headroom::Mode::Training;
    bool changed = DTypeRow(app, "Weights", "dtypes.weights", &d.weights);
    if (training) changed |= DTypeRow(app, "Gradients", "dtypes.gradients", &d.gradients);
    changed |= DTypeRow(app, "Activations", "dtypes.activations", &d.activations);
    changed |= DTypeRow(app, "KV cache", "dtypes.kv_cache", &d.kv_cache);
    if (training) {
        // "none" first, then every dtype: no master copy is a choice, not a missing value.
        const auto dtypes = headroom::dtype_choices();
        std::vector<std::string_view> labels = {"none"};
        for (const auto& c : dtypes) labels.push_back(c.label);
        int master = d.master_weights ? headroom::choice_index(dtypes, *d.master_weights) + 1 : 0;
        if (ui::RowCombo(app, "Master weights", "dtypes.master_weights", &master, labels)) {
            d.master_weights = master <= 0 ? std::nullopt : std::optional<DType>(dtypes[master - 1].value);
            changed = true;
        }
        changed |= DTypeRow(app, "Optimizer state", "dtypes.optimizer_state", &d.optimizer_state);
    }
    if (s.embeddings_and_logits) changed |= DTypeRow(app, "Logits", "dtypes.logits", &d.logits);
    return changed;
}

bool DrawTraining(AppState& app) {
    Scenario& s = app.scenario;
    bool changed = false;
    changed |= ChoiceRow(app, "Optimizer", "optimizer", &s.optimizer, headroom::optimizer_choices());
    changed |= ChoiceRow(app, "Recompute", "recompute", &s.recompute, headroom::recompute_choices());
    long long accum = headroom::effective_grad_accum(s);  // shows the default (pp) until edited
    if (ui::RowInt64(app, "Grad. accum.", "grad_accum", &accum, "µbatches")) {
        s.grad_accum = accum;
        changed = true;
    }
    changed |= ChoiceRow(app, "Fine-tuning", "finetune", &s.finetune, headroom::finetune_choices());
    if (s.finetune != headroom::Finetune::Full) {
        changed |= ui::RowInt(app, "LoRA rank", "lora.rank", &s.lora.rank, "r");
        ui::RowLabel("LoRA on");
        ImGui::TableSetColumnIndex(1);
        for (headroom::Module mod : headroom::kAllModules) {
            const unsigned bit = 1u << static_cast<unsigned>(mod);
            bool on = s.lora.has(mod);
            const std::string name(headroom::module_name(mod));
            if (mod != headroom::kAllModules[0] && ImGui::GetContentRegionAvail().x > 4.0f * theme::Em()) ImGui::SameLine();
            if (ImGui::Checkbox(name.c_str(), &on)) {
                s.lora.modules = on ? (s.lora.modules | bit) : (s.lora.modules & ~bit);
                changed = true;
            }
        }
        RecordItemRect(app, "lora.modules");
        ui::FieldErrorText(app, "lora.modules");
    }
    return changed;
}

// How activations are counted; shown under Training or Inference, whichever the mode is.
bool DrawActivationRows(AppState& app) {
    Scenario& s = app.scenario;
    bool changed = false;
    changed |= ui::RowCheckbox(app, "FlashAttention", "flash_attention", &s.flash_attention);
    changed |= ui::RowCheckbox(app, "Embed. + logits", "embeddings_and_logits", &s.embeddings_and_logits);
    changed |= ChoiceRow(app, "Activations", "activation_model", &s.activation_model, headroom::activation_model_choices());
    switch (s.activation_model) {
        case headroom::ActivationModel::Transformer: break;
        case headroom::ActivationModel::Multiplier:
            changed |= ui::RowDouble(app, "Multiplier", "activation_multiplier", &s.activation_multiplier,
                                     {"Activation multiplier", "×"}, "%.2f");
            changed |= ui::RowDouble(app, "Checkpoint", "checkpoint_factor", &s.checkpoint_factor,
                                     {"Checkpoint factor", "kept"}, "%.2f");
            break;
        case headroom::ActivationModel::PerSample: {
            double mb = s.activation_bytes_per_sample / headroom::kMB;  // display unit: MB
            if (ui::RowDouble(app, "Per sample", "activation_bytes_per_sample", &mb,
                              {"Activation memory per sample", "MB", 1.0 / headroom::kMB}, "%.1f")) {
                s.activation_bytes_per_sample = mb * headroom::kMB;
                changed = true;
            }
            break;
        }
    }
    return changed;
}

bool DrawParallelism(AppState& app) {
    headroom::Parallel& p = app.scenario.parallel;
    bool changed = ui::RowInt(app, "Data parallel", "parallel.dp", &p.dp, "GPUs");
    int zero = p.zero;
    if (zero < 0 || zero > 3) zero = 0;
    if (ui::RowCombo(app, "ZeRO / FSDP", "parallel.zero", &zero, kZeroStages)) {
        p.zero = zero;
        changed = true;
    }
    changed |= ui::RowInt(app, "Tensor parallel", "parallel.tp", &p.tp, "GPUs");
    changed |= ui::RowInt(app, "Pipeline", "parallel.pp", &p.pp, "stages");
    changed |= ui::RowCheckbox(app, "Sequence par.", "parallel.sp", &p.sp);
    changed |= ui::RowInt(app, "Expert parallel", "parallel.ep", &p.ep, "GPUs");
    headroom::Offload& o = app.scenario.offload;
    if (app.scenario.mode == headroom::Mode::Training)
        changed |= ui::RowCheckbox(app, "Offload optim.", "offload.optimizer", &o.optimizer);
    changed |= ui::RowCheckbox(app, "Offload params", "offload.params", &o.params);
    return changed;
}

bool DrawKvCache(AppState& app) {
    Scenario& s = app.scenario;
    bool changed = false;
    bool kv = headroom::kv_cache_enabled(s);
    if (ui::RowCheckbox(app, "KV cache", "kv_cache", &kv)) {
        s.kv_cache = kv;
        changed = true;
    }
    if (!kv) return changed;
    long long tokens = s.kv_tokens ? *s.kv_tokens : headroom::effective_kv_tokens(s);
    if (ui::RowInt64(app, "Cache tokens", "kv_tokens", &tokens, "tokens")) {
        s.kv_tokens = tokens;
        changed = true;
    }
    if (s.kv_tokens) {
        ui::RowLabel("");
        ImGui::TableSetColumnIndex(1);
        if (ImGui::SmallButton("Use sequence length")) {
            s.kv_tokens.reset();
            changed = true;
        }
    }
    return changed;
}

bool DrawOverhead(AppState& app) {
    headroom::Overhead& o = app.scenario.overhead;
    bool changed = false;
    double percent = headroom::effective_overhead_fraction(app.scenario) * 100.0;  // display unit: percent
    if (ui::RowDouble(app, "Framework", "overhead.fraction", &percent, {"Framework overhead", "%", 100.0}, "%.1f")) {
        o.fraction = percent / 100.0;
        changed = true;
    }
    // Display unit: the page's GB or GiB.
    const bool gib = app.unit == headroom::ByteUnit::Binary;
    const double unit_bytes = gib ? headroom::kGiB : headroom::kGB;
    double size = o.bytes / unit_bytes;
    if (ui::RowDouble(app, "Fixed", "overhead.bytes", &size, {"Fixed overhead", gib ? "GiB" : "GB", 1.0 / unit_bytes},
                      "%.2f")) {
        o.bytes = size * unit_bytes;
        changed = true;
    }
    return changed;
}

bool DrawGpu(AppState& app) {
    Scenario& s = app.scenario;
    const auto gpus = headroom::gpu_catalogue();
    std::vector<std::string_view> names;
    int index = -1;
    for (std::size_t i = 0; i < gpus.size(); ++i) {
        names.push_back(gpus[i].name);
        if (gpus[i].id == s.gpu) index = static_cast<int>(i);
    }
    if (!ui::RowCombo(app, "GPU", "gpu", &index, names)) return false;
    s.gpu = std::string(gpus[index].id);
    return true;
}

// Errors for fields this form does not show (so no message is ever lost).
void DrawOtherErrors(AppState& app) {
    for (const headroom::FieldError& e : app.errors) {
        if (FieldShown(app, e.field)) continue;
        RecordFieldMessage(app, e.field, e.message);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().error);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::Text("%s: %s", e.field.c_str(), e.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

}  // namespace

bool DrawInputs(AppState& app) {
    Scenario& s = app.scenario;
    bool changed = false;
    if (ui::BeginForm(app, "Workload")) {
        changed |= DrawModeSwitch(app);
        changed |= ui::RowInt64(app, "Batch", "batch", &s.batch, "seq / GPU");
        changed |= ui::RowInt64(app, "Sequence", "seq_len", &s.seq_len, "tokens");
        ui::EndForm();
    }
    if (ui::BeginForm(app, "Model")) {
        changed |= DrawModel(app);
        ui::EndForm();
    }
    if (ui::BeginForm(app, "Precision")) {
        changed |= DrawPrecision(app);
        ui::EndForm();
    }
    // Only the group of the chosen mode is drawn: fields that do not apply are not shown.
    if (s.mode == headroom::Mode::Training && ui::BeginForm(app, "Training")) {
        changed |= DrawTraining(app);
        changed |= DrawActivationRows(app);
        changed |= DrawKvCache(app);
        ui::EndForm();
    }
    if (ui::BeginForm(app, "Parallelism")) {
        changed |= DrawParallelism(app);
        ui::EndForm();
    }
    if (s.mode == headroom::Mode::Inference && ui::BeginForm(app, "Inference")) {
        changed |= DrawKvCache(app);
        changed |= DrawActivationRows(app);
        ui::EndForm();
    }
    if (ui::BeginForm(app, "Overhead")) {
        changed |= DrawOverhead(app);
        ui::EndForm();
    }
    if (ui::BeginForm(app, "GPU")) {
        changed |= DrawGpu(app);
        ui::EndForm();
    }
    DrawOtherErrors(app);
    return changed;
}
