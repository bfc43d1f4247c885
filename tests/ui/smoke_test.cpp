// Headless smoke test: every panel runs for hundreds of frames against ImGui with no renderer
// (io.DisplaySize set, the font atlas built, ImGui::Render with no backend), at the four
// window sizes of issue 5, in both themes, through the actions a user takes. It checks the
// layout chosen, that errors are placed beside their fields, and that the last good result
// stays while an input is bad.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <string_view>

#include "app_state.h"
#include "headroom/estimate.h"
#include "imgui.h"
#include "ui/panels.h"
#include "ui/probe.h"
#include "ui/theme.h"

namespace {

class Headless : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        ImFontConfig cfg;
        cfg.SizePixels = theme::kBodyPt;
        app = std::make_unique<AppState>();
        app->fonts.body = io.Fonts->AddFontDefault(&cfg);
        app->fonts.heading = app->fonts.body;
        cfg.SizePixels = theme::kDisplayPt;
        app->fonts.display = io.Fonts->AddFontDefault(&cfg);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as a backend would
        theme::ApplyStyle(1.0f, true);
        Recompute(*app);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // Draws `n` frames of the whole page in a window `w` x `h` pixels.
    void Frames(float w, float h, int n = 3) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {w, h};
        io.DeltaTime = 1.0f / 60.0f;
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            DrawApp(*app);
            ImGui::Render();
            ASSERT_NE(ImGui::GetDrawData(), nullptr);
        }
    }

    std::unique_ptr<AppState> app;
};

TEST_F(Headless, ColumnsFollowTheWindowWidth) {
    Frames(1280, 800);
    EXPECT_EQ(app->columns, 3);
    Frames(1024, 768);
    EXPECT_EQ(app->columns, 2);
    Frames(768, 1024);
    EXPECT_EQ(app->columns, 2);
    Frames(390, 844);
    EXPECT_EQ(app->columns, 1);
    Frames(1280, 800);  // and back, live
    EXPECT_EQ(app->columns, 3);
}

TEST_F(Headless, HundredsOfFramesInBothThemesAndUnits) {
    for (bool dark : {true, false}) {
        app->dark = dark;  // DrawApp applies the style
        for (auto unit : {headroom::ByteUnit::Decimal, headroom::ByteUnit::Binary}) {
            app->unit = unit;
            for (float w : {1280.0f, 1024.0f, 768.0f, 390.0f}) Frames(w, 800, 25);
        }
    }
    EXPECT_TRUE(app->errors.empty());
    EXPECT_TRUE(std::isfinite(app->estimate.total));
}

TEST_F(Headless, BadInputKeepsLastGoodResultAndShowsItsMessageBesideTheField) {
    Frames(1280, 800);
    const double good = app->estimate.total;
    app->scenario.batch = 0;
    Recompute(*app);
    Frames(1280, 800);
    ASSERT_NE(FindFieldError(*app, "batch"), nullptr);
    EXPECT_NE(FindItemRect(*app, "batch"), nullptr) << "the message is drawn beside the batch field";
    EXPECT_TRUE(app->showing_stale);
    EXPECT_DOUBLE_EQ(app->estimate.total, good);
    app->scenario.batch = 2;
    Recompute(*app);
    EXPECT_FALSE(app->showing_stale);
    EXPECT_GT(app->estimate.total, good);
}

// The message drawn beside `field` last frame, or "".
std::string Shown(const AppState& app, std::string_view field) { return FieldMessage(app, field); }

TEST_F(Headless, MessagesBesideFieldsUseTheUnitsTheFieldsShow) {
    Frames(1280, 800);
    app->scenario.overhead.fraction = 15;  // shown as 1,500 %
    app->scenario.overhead.bytes = -2e9;   // shown as -2 GB
    Recompute(*app);
    Frames(1280, 800);
    EXPECT_EQ(Shown(*app, "overhead.fraction"), "Framework overhead must be between 0% and 1,000%; got 1,500%.");
    EXPECT_EQ(Shown(*app, "overhead.bytes"), "Fixed overhead must be between 0\u00A0GB and 10,000,000\u00A0GB; got -2\u00A0GB.");
    app->unit = headroom::ByteUnit::Binary;  // the field and its message follow the switch
    Frames(1280, 800);
    EXPECT_NE(Shown(*app, "overhead.bytes").find("GiB; got -1.86265\u00A0GiB."), std::string::npos) << Shown(*app, "overhead.bytes");
}

TEST_F(Headless, TextThatIsNotANumberStaysWithItsMessageUntilFixedOrHidden) {
    Frames(1280, 800);
    const double good = app->estimate.total;
    app->typed_texts.push_back({"batch", "abc", "“abc” is not a number.", 1});
    app->typed_texts.push_back({"kv_tokens", "", "Empty: type a number.", 4096});  // not shown in training
    Frames(1280, 800);
    EXPECT_EQ(Shown(*app, "batch"), "“abc” is not a number.");
    ASSERT_EQ(app->typed_texts.size(), 1u) << "the hidden field's text is dropped";
    EXPECT_TRUE(InputsInvalid(*app));
    EXPECT_DOUBLE_EQ(app->estimate.total, good);
    app->scenario.batch = 2;  // changed elsewhere (a loaded row): the typed text goes
    Recompute(*app);
    Frames(1280, 800);
    EXPECT_TRUE(app->typed_texts.empty());
    EXPECT_FALSE(InputsInvalid(*app));
    EXPECT_EQ(Shown(*app, "batch"), "");
}

// The test hook only records: without it (no probe) the form keeps and drops typed text, and
// lists the errors of fields it does not show, exactly as with it.
TEST_F(Headless, TheAppBehavesTheSameWithoutItsTestHook) {
    app->probe.reset();
    Frames(1280, 800);
    app->typed_texts.push_back({"batch", "abc", "“abc” is not a number.", 1});
    app->typed_texts.push_back({"kv_tokens", "", "Empty: type a number.", 4096});  // not shown in training
    Frames(1280, 800);
    ASSERT_EQ(app->typed_texts.size(), 1u) << "the hidden field's text is dropped";
    EXPECT_EQ(app->typed_texts[0].field, "batch");
    EXPECT_TRUE(FieldShown(*app, "batch"));
    EXPECT_FALSE(FieldShown(*app, "kv_tokens"));
    EXPECT_EQ(FindItemRect(*app, "batch"), nullptr) << "nothing recorded";
    app->scenario.mode = headroom::Mode::Inference;
    Recompute(*app);
    Frames(1280, 800);
    EXPECT_TRUE(FieldShown(*app, "kv_tokens"));
    EXPECT_FALSE(FieldShown(*app, "optimizer"));
}

TEST_F(Headless, FieldsThatDoNotApplyToTheModeAreHidden) {
    Frames(1280, 800);
    EXPECT_NE(FindItemRect(*app, "optimizer"), nullptr);
    EXPECT_NE(FindItemRect(*app, "dtypes.gradients"), nullptr);
    app->scenario.mode = headroom::Mode::Inference;
    Recompute(*app);
    Frames(1280, 800);
    EXPECT_EQ(FindItemRect(*app, "optimizer"), nullptr);
    EXPECT_EQ(FindItemRect(*app, "dtypes.gradients"), nullptr);
    EXPECT_EQ(FindItemRect(*app, "dtypes.master_weights"), nullptr);
    EXPECT_NE(FindItemRect(*app, "kv_tokens"), nullptr);
}

TEST_F(Headless, CompareScenarioTableAndImport) {
    CompareFp32VsMixed(*app);
    Frames(1280, 800);
    EXPECT_TRUE(app->compare_on);
    EXPECT_NE(FindItemRect(*app, "compare.savings"), nullptr);
    EXPECT_GT(app->estimate.total, app->other_estimate.total);  // A (fp32) needs more than B (mixed)
    SwapEdited(*app);
    EXPECT_TRUE(app->editing_b);
    EXPECT_EQ(app->scenario.dtypes.weights, headroom::DType::BF16);
    Frames(390, 844);

    SaveRow(*app, "mixed");
    SaveRow(*app, "");
    ASSERT_EQ(app->saved.size(), 2u);
    EXPECT_EQ(app->saved[1].name, "Scenario 2");
    app->scenario.batch = 4;
    Recompute(*app);
    LoadRow(*app, 0);
    EXPECT_EQ(app->scenario.batch, 1);
    Frames(1280, 800);
    EXPECT_NE(FindItemRect(*app, "scenarios.row0"), nullptr);

    // As the page does it: imported in the extras module, handed over as JSON.
    const auto import = [](std::string_view config) { return headroom::hf_import_from_json(headroom::hf_import_to_json(config)); };
    ImportHfConfig(*app, import(R"({"model_type":"gpt2","n_embd":768,"n_head":12,"n_layer":12,"n_positions":1024,"vocab_size":50257})"));
    EXPECT_FALSE(app->import_failed) << app->import_message;
    EXPECT_TRUE(app->scenario.model_preset.empty());
    EXPECT_EQ(app->scenario.model.layers, 12);
    const auto before = app->scenario.model.layers;
    ImportHfConfig(*app, import("{}"));
    EXPECT_TRUE(app->import_failed);
    EXPECT_NE(app->import_message.find("num_hidden_layers"), std::string::npos) << app->import_message;
    EXPECT_EQ(app->scenario.model.layers, before);  // a failed import changes nothing
    Frames(1280, 800);
}

}  // namespace
