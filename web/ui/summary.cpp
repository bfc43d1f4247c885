// The headline: total bytes per GPU, parameter counts, whether it fits the chosen GPU, and
// the CSV export.
#include <string>

#include "headroom/calibration.h"
#include "headroom/format.h"
#include "headroom/gpu.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace {

const headroom::Fit* SelectedFit(const AppState& app) {
    for (const headroom::Fit& f : app.estimate.fits)
        if (f.gpu == app.good_scenario.gpu) return &f;
    return nullptr;
}

// Used share of the GPU as a bar; red past 100 %.
void CapacityBar(const AppState& app, const headroom::Fit& fit, float width) {
    const float em = theme::Em();
    const float h = 0.55f * em;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const double used = fit.capacity_bytes > 0 ? app.estimate.total / fit.capacity_bytes : 1.0;
    const float fill = static_cast<float>(used > 1.0 ? 1.0 : used);
    dl->AddRectFilled(p, {p.x + width, p.y + h}, theme::Colors().track, h / 2);
    dl->AddRectFilled(p, {p.x + width * fill, p.y + h}, fit.fits ? theme::Colors().good : theme::Colors().bad, h / 2);
    ImGui::Dummy({width, h});
}

void DrawFitLine(const AppState& app) {
    const headroom::Fit* fit = SelectedFit(app);
    if (!fit) return;
    const std::string name(fit->name);
    ImGui::Text("%s", name.c_str());
    ImGui::SameLine();
    ui::TextDim(headroom::format_gib(fit->capacity_bytes, 0).c_str());  // vendors' "80GB" is GiB
    ui::TextColored(fit->fits ? theme::Colors().good : theme::Colors().bad, headroom::fit_sentence(*fit, app.unit));
    CapacityBar(app, *fit, ImGui::GetContentRegionAvail().x);
}

// With a runtime, the total is what the device must have free; beside it, the two levels
// PyTorch reports, and how estimates of this kind did against measured runs.
void DrawLevels(AppState& app) {
    const headroom::Estimate& e = app.estimate;
    if (app.good_scenario.runtime == headroom::Runtime::None) return;
    const std::string parts[] = {"tensors " + Size(app, e.allocated), "allocator " + Size(app, e.reserved),
                                 "device " + Size(app, e.total)};
    ui::TextDimParts(parts);
    RecordItemRect(app, "levels");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Tensors: torch.cuda.max_memory_allocated at the peak (%s).\n"
                          "Allocator: what PyTorch's caching allocator holds, max_memory_reserved.\n"
                          "Device: what nvidia-smi shows for the process, the total above.",
                          std::string(headroom::phase_name(e.phase)).c_str());
    if (e.calibration) {
        ImGui::PushTextWrapPos(0.0f);
        ui::TextDim(headroom::calibration_line(*e.calibration));
        ImGui::PopTextWrapPos();
        RecordItemRect(app, "calibration");
    }
}

}  // namespace

void DrawSummary(AppState& app) {
    const float em = theme::Em();
    const headroom::Estimate& e = app.estimate;
    const bool two = ImGui::GetContentRegionAvail().x >= 34.0f * em;  // else fit line below
    if (!ImGui::BeginTable("summary", two ? 2 : 1, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("total", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    if (two) ImGui::TableSetupColumn("fit", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ui::TextDim(app.good_scenario.mode == headroom::Mode::Training ? "TRAINING · MEMORY PER GPU"
                                                                   : "INFERENCE · MEMORY PER GPU");
    ImGui::PushFont(app.fonts.display);
    ImGui::TextUnformatted(Size(app, e.total).c_str());
    RecordItemRect(app, "total");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.9f * em);
    // The other unit, small, so neither reader has to convert.
    const headroom::ByteUnit other = app.unit == headroom::ByteUnit::Decimal ? headroom::ByteUnit::Binary
                                                                              : headroom::ByteUnit::Decimal;
    ui::TextDim(headroom::format_size(e.total, other, 2).c_str());
    // The display face's line is tall below its baseline: the next line sits closer.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 0.4f * em);
    const std::string params = headroom::params_line(app.good_scenario, e);
    const char* button = "Download CSV";
    const float button_w = ImGui::CalcTextSize(button).x + 2 * ImGui::GetStyle().FramePadding.x;
    // One column: the button ends the parameters line when both fit, so no line holds it alone.
    const bool button_inline =
        !two && ui::TextWidth(params) + button_w + 2 * ImGui::GetStyle().ItemSpacing.x <= ImGui::GetContentRegionAvail().x;
    if (button_inline) ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(0.0f);
    ui::TextDim(params.c_str());
    ImGui::PopTextWrapPos();
    const auto download = [&] {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - button_w);
        if (theme::PrimaryButton(button)) app.request_csv_download = true;
        RecordItemRect(app, "download_csv");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Inputs and breakdown as headroom.csv");
    };
    if (button_inline) {
        ImGui::SameLine();
        download();
    }
    if (e.host_total > 0) {
        ImGui::PushTextWrapPos(0.0f);
        ui::TextDim(("+ " + Size(app, e.host_total) + " host memory per GPU (offloaded)").c_str());
        ImGui::PopTextWrapPos();
    }
    DrawLevels(app);

    if (two) {
        ImGui::TableSetColumnIndex(1);
    } else {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
    }
    if (!button_inline) download();
    ImGui::Dummy({0, 0.2f * em});
    DrawFitLine(app);
    ImGui::EndTable();

    if (InputsInvalid(app)) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::Colors().error);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("Some inputs are invalid (see the red messages): showing the last valid result.");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}
