// Everything the web app remembers between frames, in one struct. Panels read and edit it;
// the browser edge (web/platform/) owns the one instance and acts on its requests (downloads,
// file pickers, the DOM summary).
#pragma once
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "headroom/estimate.h"
#include "headroom/hf_config.h"
#include "headroom/labels.h"
#include "headroom/scenario.h"
#include "share_state.h"

struct ImFont;

struct Probe;  // ui/probe.h: the test hook, which nothing here reads

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* display = nullptr;  // the big total
};

// A scenario the user saved as a named row of the scenario table (seed 000's table).
struct SavedScenario {
    std::string name;
    headroom::Scenario scenario;  // valid: only good scenarios are saved
    headroom::Estimate estimate;
};

// Text typed into a numeric field that is not a number the field can take ("abc", nothing,
// "2.5" for a count). It stays in the field, with its message beside it, until it is fixed;
// the scenario keeps the field's last good value, so the result shown is the last good one.
struct TypedText {
    std::string field;    // the scenario's JSON path, as in FieldError
    std::string text;     // what was typed
    std::string message;  // why it is not taken (ui/fields.h)
    double shown = 0;     // the field's value then: a change from elsewhere (a loaded row) drops it
};

struct AppState {
    AppState();   // with a Probe (ui/probe.h)
    ~AppState();

    // [Model] The scenario being edited. Data flows one way: scenario -> validate -> estimate.
    headroom::Scenario scenario = headroom::default_scenario();
    std::vector<headroom::FieldError> errors;  // validate(scenario); empty when it is good
    std::vector<TypedText> typed_texts;        // fields holding text that is not a number
    unsigned int number_field_id = 0;          // ImGui ID of the number field last active (platform: decimal keyboard)

    // [Result] From the last scenario that validated; shown while the current one is bad.
    headroom::Scenario good_scenario = scenario;
    headroom::Estimate estimate;
    bool showing_stale = false;  // errors exist, so `estimate` is from `good_scenario`

    // Text summary of `estimate` for the page's aria-live region; bumped when it changes.
    std::string summary_text;
    std::string summary_total_bytes;  // whole bytes, for #summary's data-total-bytes
    int summary_version = 0;

    // [Compare] A/B: the form edits `scenario`; `other` is the scenario it is compared with.
    // Switching which one the form edits swaps them, so every panel keeps reading `scenario`.
    bool compare_on = false;
    bool editing_b = false;  // `scenario` is B and `other` is A
    headroom::Scenario other = scenario;
    headroom::Estimate other_estimate;  // of `other`, which is always valid (see SetOther)

    // [Scenario table] Named rows, in the order saved.
    std::vector<SavedScenario> saved;
    std::array<char, 48> row_name{};  // the name typed for the next row

    // [Import] The outcome of the last Hugging Face config.json import, for the Model group.
    std::string import_message;
    bool import_failed = false;

    // [UI] Theme: follows prefers-color-scheme until the user picks one with the toggle.
    bool dark = true;
    bool theme_follows_system = true;
    // The style last applied: DrawApp re-applies it when the theme or the scale changes.
    bool style_dark = true;
    float style_scale = 0;
    // Units of every size on the page: GB (10^9) or GiB (2^30).
    headroom::ByteUnit unit = headroom::ByteUnit::Decimal;
    std::array<char, 64> preset_filter{};  // the searchable preset picker's query
    int columns = 0;  // columns laid out last frame (1, 2, 3), for tests
    long long frame_count = 0;  // frames drawn; tests check it stays still while the page idles

    // [UI] Display scale (devicePixelRatio): fonts are rasterised for it, sizes multiply it.
    float scale = 1.0f;
    Fonts fonts;
    bool show_custom_model = false;  // model fields expanded while a preset is selected
    int hovered_component = -1;      // set this frame by pie/legend/table hover, kAllComponents index
    int highlighted_component = -1;  // last frame's hover: what this frame highlights

    // [Share] Exports, link, import and embed mode (share_state.h, web/ui/share.cpp).
    ShareState share;

    // [Requests] Set by panels, carried out by the browser edge after the frame.
    bool request_csv_download = false;
    bool request_hf_import = false;  // open the browser's file picker for a config.json

    // [Frame] What the frame being drawn has shown so far, rebuilt every frame.
    // The fields the form drew (FieldErrorText): an error of a field not among them is listed
    // under the form, and text typed into one is dropped (ui/app.cpp). String literals.
    std::vector<std::string_view> fields_shown;

    // [Test hook] What the page drew, recorded for the tests (ui/probe.h); the app never reads
    // it. Null: nothing is recorded, and the page works the same.
    std::unique_ptr<Probe> probe;
};

// Validates the scenario and, when it is good, re-estimates and refreshes the summary.
// Call after any edit; cheap enough to call every frame the scenario changes.
void Recompute(AppState& app);

// The one way a whole scenario replaces the one being edited (a link, an imported or dropped
// file, a saved row, window.headroom.load): the architecture is shown when it has no preset,
// and the result recomputed.
void LoadScenario(AppState& app, headroom::Scenario s);

// Takes an imported Hugging Face config.json (headroom::import_hf_config, run in the extras
// module on the page) as a custom model. On success the scenario's model is replaced and the
// import's notes are kept in import_message; on failure the scenario is untouched and
// import_message names the missing keys.
void ImportHfConfig(AppState& app, const headroom::HfImport& imp);

// Saves the current (last good) scenario as a named row; an empty name gets "Scenario N".
void SaveRow(AppState& app, std::string_view name);
// Makes row `index` the scenario being edited.
void LoadRow(AppState& app, int index);

// Comparison: sets the scenario the current one is compared with (it must be valid; an
// invalid one is ignored and false returned), or swaps which of A and B the form edits.
bool SetOther(AppState& app, const headroom::Scenario& other);
void SwapEdited(AppState& app);
// Seed 002's preset: A = the current scenario in fp32 throughout (no master copy), B = the
// same in mixed precision (bf16 weights, gradients and activations with fp32 master weights).
void CompareFp32VsMixed(AppState& app);

// A size in the page's chosen unit: "161.4 GB" or "150.3 GiB".
std::string Size(const AppState& app, double bytes, int digits = 1);

// Whether the form drew `field` this frame (AppState::fields_shown).
bool FieldShown(const AppState& app, std::string_view field);

// [Test hook] Records what the page drew, for the tests (ui/probe.h); no-ops without a probe.
// The last ImGui item's rectangle under `name` (a string literal); the message drawn beside a
// field; what a combo box showed of its choice (`label`) in `avail` pixels.
void RecordItemRect(AppState& app, std::string_view name);
void RecordFieldMessage(AppState& app, std::string_view field, std::string_view message);
void RecordComboPreview(AppState& app, std::string_view field, std::string_view label, std::string_view preview,
                        float avail);

// The message for one scenario field, or nullptr when the field is fine.
const headroom::FieldError* FindFieldError(const AppState& app, std::string_view field);
// The text a field holds that is not a number, or nullptr.
TypedText* FindTypedText(AppState& app, std::string_view field);
const TypedText* FindTypedText(const AppState& app, std::string_view field);
// Whether anything in the form is invalid, so the result shown is the last good one.
bool InputsInvalid(const AppState& app);
