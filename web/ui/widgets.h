// Form rows shared by the input panels: label | field + unit, with the validation message
// for that field in red underneath. Each returns true when the user changed the value.
#pragma once
#include <span>
#include <string_view>

#include "app_state.h"
#include "imgui.h"
#include "ui/fields.h"

namespace ui {

// A titled group of rows; rows go between BeginForm and EndForm.
bool BeginForm(AppState& app, const char* title);
void EndForm();

// `field` is the scenario's JSON path ("batch", "model.layers"), a string literal (kept for the
// frame), used to find its error and to name the widget's rectangle for the browser tests.
// Numbers are typed as text and read by fields::ParseNumber: text that is not a number the
// field takes stays in the field with a message beside it, and the value keeps its last good
// number.
bool RowInt64(AppState& app, const char* label, std::string_view field, long long* v, const char* unit);
bool RowInt(AppState& app, const char* label, std::string_view field, int* v, const char* unit);
// `v` is in the units the field shows (`shown.unit`; shown.scale converts the scenario's JSON
// units to them, for the engine's messages); `format` prints it ("%.1f").
bool RowDouble(AppState& app, const char* label, std::string_view field, double* v, const fields::Display& shown,
               const char* format);
bool RowCombo(AppState& app, const char* label, std::string_view field, int* index,
              std::span<const std::string_view> items);
bool RowCheckbox(AppState& app, const char* label, std::string_view field, bool* v);

// A row for the scenario field at `path` (the engine's table of fields, headroom/fields.h),
// drawn by its kind with its label, unit and help; nothing when the field does not apply to the
// scenario. An optional field the user set gets a button back to its default. Text and module
// lists have rows of their own.
bool FieldRow(AppState& app, std::string_view path);

// The one-line help the next row shows as its tooltip (over its label and its widget).
void SetNextRowHelp(std::string_view help);

// What a combo box `field` shows of its current `label`: the whole label, or a shorter form
// when the box is too narrow (layout::FitLabel), never a clipped one. Call right before
// BeginCombo, after the item width is set.
std::string ComboPreview(AppState& app, std::string_view field, std::string_view label);

// A left-aligned label in the form's first column (for rows with custom content).
void RowLabel(const char* label);
// The field's message in red, wrapped, if it has one: its typed text's, else the engine's
// (in the units of `shown`, when given). Every field the form draws calls it, so it also notes
// the field as shown this frame (AppState::fields_shown).
void FieldErrorText(AppState& app, std::string_view field, const fields::Display* shown = nullptr);

// A padded panel with the card background, as a one-cell table so it sizes to its content.
bool BeginCard(const char* id);
void EndCard();
// A panel title in the heading font.
void CardTitle(const AppState& app, const char* title);

// Dim text made of parts joined by " · ", wrapped between parts only, never inside one
// ("8.03B params · 32 layers" / "hidden 4096", not "... · hidden" / "4096").
void TextDimParts(std::span<const std::string> parts);

// Text in a colour; `Dim` for secondary text.
void TextColored(ImU32 color, std::string_view text);
void TextDim(std::string_view text);
// A small square of a component's colour at the cursor, text following on the same line.
void Swatch(ImU32 color);
// Right-aligns `text` in the current table cell.
void TextRight(const char* text, ImU32 color = 0);
// Width of `text` in the current font.
float TextWidth(std::string_view text);
// `label` as it fits the rest of the current cell or line (layout::FitLabel), never clipped.
std::string Fitted(std::string_view label);

}  // namespace ui
