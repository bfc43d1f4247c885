// The scenario form. Every field edits AppState::scenario directly; validation messages come
// from headroom::validate() and are shown beside the field they name.
#include <cfloat>
#include <initializer_list>
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

using headroom::Scenario;

// Rows for the fields at `paths`, each drawn from the engine's table of fields (FieldRow),
// skipping those that do not apply to the scenario.
bool Rows(AppState& app, std::initializer_list<std::string_view> paths) {
    bool changed = false;
    for (std::string_view p : paths) changed |= ui::FieldRow(app, p);
    return changed;
}

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
bool DrawArchitectureExtras(AppState& app) {
    bool changed = false;
    SubHeading("Mixture of experts");
    changed |= Rows(app, {"model.experts", "model.experts_active", "model.shared_experts", "model.moe_ffn",
                          "model.dense_layers"});
    SubHeading("Latent attention (MLA)");
    changed |= Rows(app, {"model.q_lora_rank", "model.kv_lora_rank", "model.rope_head_dim", "model.v_head_dim"});
    SubHeading("Attention span");
    changed |= Rows(app, {"model.sliding_window", "model.global_layers"});
    SubHeading("Details");
    changed |= Rows(app, {"model.max_positions", "model.norms_per_layer", "model.bias", "model.qkv_bias",
                          "model.fused_qkv", "model.layer_norm", "model.pooler", "model.dropout"});
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
    bool arch = Rows(app, {"model.params", "model.layers", "model.hidden", "model.heads", "model.kv_heads",
                           "model.head_dim", "model.ffn", "model.vocab", "model.gated_ffn", "model.tied_embeddings"});
    arch |= DrawArchitectureExtras(app);
    if (arch) s.model_preset.clear();
    return changed || arch;
}

// Quantization first: it decides what the weights' dtype means (the layers it leaves unpacked).
bool DrawPrecision(AppState& app) {
    return Rows(app, {"quantization.method", "quantization.bits", "quantization.group_size", "quantization.type",
                      "dtypes.weights", "dtypes.gradients", "dtypes.activations", "dtypes.kv_cache",
                      "dtypes.master_weights", "dtypes.optimizer_state", "dtypes.logits"});
}

bool DrawTraining(AppState& app) {
    Scenario& s = app.scenario;
    bool changed = Rows(app, {"optimizer", "paged_optimizer", "optimizer_in_backward", "recompute", "grad_accum",
                              "finetune", "lora.rank"});
    if (s.finetune != headroom::Finetune::Full) {
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
    changed |= Rows(app, {"lora.dropout", "lora.train_embeddings", "compile", "loss", "offload.activations"});
    return changed;
}

// How activations are counted; shown under Training or Inference, whichever the mode is.
bool DrawActivationRows(AppState& app) {
    return Rows(app, {"flash_attention", "attention", "embeddings_and_logits", "activation_model",
                      "activation_multiplier", "checkpoint_factor", "activation_bytes_per_sample"});
}

bool DrawParallelism(AppState& app) {
    return Rows(app, {"parallel.dp", "parallel.zero", "parallel.tp", "parallel.pp", "parallel.sp", "parallel.ep",
                      "offload.optimizer", "offload.params"});
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
    const bool training = s.mode == headroom::Mode::Training;
    bool changed = false;
    if (ui::BeginForm(app, "Workload")) {
        changed |= DrawModeSwitch(app);
        changed |= Rows(app, {"runtime", "cuda_lazy_loading", "batch", "seq_len"});
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
    // Only the group of the chosen mode (and runtime) is drawn: fields that do not apply are
    // not shown.
    if (training && ui::BeginForm(app, "Training")) {
        changed |= DrawTraining(app);
        changed |= DrawActivationRows(app);
        changed |= Rows(app, {"kv_cache", "kv_tokens"});
        ui::EndForm();
    }
    if (ui::BeginForm(app, "Parallelism")) {
        changed |= DrawParallelism(app);
        ui::EndForm();
    }
    if (!training && ui::BeginForm(app, "Inference")) {
        changed |= Rows(app, {"kv_cache", "kv_tokens", "transformers_version"});
        changed |= DrawActivationRows(app);
        ui::EndForm();
    }
    if (s.runtime == headroom::Runtime::Vllm && ui::BeginForm(app, "vLLM")) {
        changed |= Rows(app, {"vllm.gpu_memory_utilization", "vllm.max_num_seqs", "vllm.max_num_batched_tokens",
                              "vllm.enforce_eager", "vllm.block_size", "vllm.version"});
        ui::EndForm();
    }
    if (s.runtime == headroom::Runtime::LlamaCpp && ui::BeginForm(app, "llama.cpp")) {
        changed |= Rows(app, {"llama_cpp.n_gpu_layers", "llama_cpp.n_batch", "llama_cpp.n_ubatch", "llama_cpp.type_k",
                              "llama_cpp.type_v"});
        ui::EndForm();
    }
    if (ui::BeginForm(app, "Overhead")) {
        changed |= Rows(app, {"overhead.fraction", "overhead.bytes"});
        ui::EndForm();
    }
    if (ui::BeginForm(app, "GPU")) {
        changed |= DrawGpu(app);
        ui::EndForm();
    }
    DrawOtherErrors(app);
    return changed;
}
