// What the form takes from a typed number, and the messages beside its fields in the units
// each field shows (web/ui/fields.h).
#include "ui/fields.h"

#include <gtest/gtest.h>

#include <string>

#include "headroom/format.h"
#include "headroom/scenario.h"

namespace {

using fields::Display;
using fields::FormatShown;
using fields::Message;
using fields::ParseNumber;

const Display kBatch{"Batch", "seq / GPU", 1.0, true, 9.0e15};
const Display kLayers{"Layers", "", 1.0, true, 2147483647.0};
const Display kPercent{"Framework overhead", "%", 100.0};
const Display kGb{"Fixed overhead", "GB", 1.0 / headroom::kGB};
const Display kParams{"Parameters", "B", 1e-9};

double Value(std::string_view text, const Display& d) {
    const fields::Parsed p = ParseNumber(text, d);
    EXPECT_TRUE(p.ok) << text << ": " << p.message;
    return p.value;
}

std::string Why(std::string_view text, const Display& d) {
    const fields::Parsed p = ParseNumber(text, d);
    EXPECT_FALSE(p.ok) << text << " was taken as " << p.value;
    EXPECT_FALSE(p.message.empty()) << text;
    return p.message;
}

// The engine's error for a scenario with one bad field.
headroom::FieldError EngineError(void (*edit)(headroom::Scenario&)) {
    headroom::Scenario s = headroom::default_scenario();
    edit(s);
    const std::vector<headroom::FieldError> errors = headroom::validate(s);
    EXPECT_EQ(errors.size(), 1u);
    return errors.empty() ? headroom::FieldError{} : errors[0];
}

TEST(ParseNumber, TakesWhatPeopleType) {
    EXPECT_EQ(Value("2048", kBatch), 2048);
    EXPECT_EQ(Value("  8 ", kBatch), 8);
    EXPECT_EQ(Value("4,096", kBatch), 4096);          // thousands commas, as pasted from a page
    EXPECT_EQ(Value("1,000,000", kBatch), 1e6);
    EXPECT_EQ(Value("1e3", kBatch), 1000);            // a whole number in scientific notation
    EXPECT_EQ(Value("+3", kBatch), 3);
    EXPECT_EQ(Value("12.5", kPercent), 12.5);
    EXPECT_EQ(Value("10 %", kPercent), 10);           // the field's own unit
    EXPECT_EQ(Value("10%", kPercent), 10);
    EXPECT_EQ(Value("2 gb", kGb), 2);
    EXPECT_EQ(Value("0.5", kParams), 0.5);
    EXPECT_EQ(Value("-0", kPercent), 0);
}

TEST(ParseNumber, ZeroNegativeAndHugeAreLeftToTheEngine) {
    // They are numbers: the engine's range check names the bounds (see Message).
    EXPECT_EQ(Value("0", kBatch), 0);
    EXPECT_EQ(Value("-5", kBatch), -5);
    EXPECT_EQ(Value("1e12", kBatch), 1e12);
    EXPECT_EQ(Value("1e300", kPercent), 1e300);
}

TEST(ParseNumber, EachKindOfBadTextSaysWhy) {
    EXPECT_EQ(Why("", kBatch), "Empty: type a number.");
    EXPECT_EQ(Why("   ", kBatch), "Empty: type a number.");
    EXPECT_EQ(Why("%", kPercent), "Empty: type a number.");
    EXPECT_EQ(Why("abc", kBatch), "“abc” is not a number.");
    EXPECT_EQ(Why("NaN", kPercent), "“NaN” is not a number.");
    EXPECT_EQ(Why("nan", kBatch), "“nan” is not a number.");
    EXPECT_EQ(Why("inf", kPercent), "“inf” is not a number.");
    EXPECT_EQ(Why("0x10", kBatch), "“0x10” is not a number.");
    EXPECT_EQ(Why("1.2.3", kBatch), "“1.2.3” is not a number.");
    EXPECT_EQ(Why("12abc", kBatch), "“12abc” is not a number.");
    EXPECT_EQ(Why("1e", kBatch), "“1e” is not a number.");
    EXPECT_EQ(Why("4 GB", kBatch), "“4 GB” is not a number.");  // another field's unit
    EXPECT_EQ(Why("1e999", kPercent), "“1e999” is far too large.");
    EXPECT_EQ(Why("3000000000", kLayers), "“3000000000” is far too large.");  // beyond an int
    EXPECT_EQ(Why("2.5", kBatch), "A whole number, please; got 2.5.");
    EXPECT_EQ(Why("1,5", kPercent), "“1,5”: write decimals with a point (1.5), and commas only between thousands.");
    EXPECT_EQ(Why("12,34,567", kBatch).find("“12,34,567”:"), 0u);
}

TEST(ParseNumber, LongTextIsQuotedShort) {
    const std::string m = Why(std::string(60, 'x'), kBatch);
    EXPECT_LT(m.size(), 60u);
    EXPECT_NE(m.find("…"), std::string::npos);
}

TEST(FormatShown, ReadsLikeTheField) {
    EXPECT_EQ(FormatShown(0), "0");
    EXPECT_EQ(FormatShown(1000), "1,000");
    EXPECT_EQ(FormatShown(1500), "1,500");
    EXPECT_EQ(FormatShown(-5), "-5");
    EXPECT_EQ(FormatShown(2.5), "2.5");
    EXPECT_EQ(FormatShown(0.05), "0.05");
    EXPECT_EQ(FormatShown(1e7), "10,000,000");
    EXPECT_EQ(FormatShown(7.000000000000001), "7");  // 0.07 × 100
    EXPECT_EQ(FormatShown(1e-9), "1e-09");
    EXPECT_EQ(FormatShown(1e16), "1e+16");
}

TEST(Message, OverheadInPercentNotAsAFraction) {
    const headroom::FieldError e = EngineError([](headroom::Scenario& s) { s.overhead.fraction = 15; });
    EXPECT_EQ(e.field, "overhead.fraction");
    EXPECT_EQ(Message(e, kPercent), "Framework overhead must be between 0% and 1,000%; got 1,500%.");
    const headroom::FieldError neg = EngineError([](headroom::Scenario& s) { s.overhead.fraction = -0.05; });
    EXPECT_EQ(Message(neg, kPercent), "Framework overhead must be between 0% and 1,000%; got -5%.");
}

TEST(Message, BytesInTheFieldsGigabytes) {
    const headroom::FieldError e = EngineError([](headroom::Scenario& s) { s.overhead.bytes = -2e9; });
    EXPECT_EQ(Message(e, kGb), "Fixed overhead must be between 0\u00A0GB and 10,000,000\u00A0GB; got -2\u00A0GB.");
    const Display gib{"Fixed overhead", "GiB", 1.0 / headroom::kGiB};
    const headroom::FieldError g = EngineError([](headroom::Scenario& s) { s.overhead.bytes = -headroom::kGiB; });
    EXPECT_EQ(Message(g, gib), "Fixed overhead must be between 0\u00A0GiB and 9,313,226\u00A0GiB; got -1\u00A0GiB.");
}

TEST(Message, ParametersInBillions) {
    const headroom::FieldError e = EngineError([](headroom::Scenario& s) { s.model.params = -3e9; });
    EXPECT_EQ(Message(e, kParams), "Parameters must be above 0 and at most 100,000\u00A0B; got -3\u00A0B.");
}

TEST(Message, FieldsShownInJsonUnitsKeepTheEnginesWords) {
    const headroom::FieldError e = EngineError([](headroom::Scenario& s) { s.batch = 0; });
    EXPECT_EQ(Message(e, kBatch), e.message);
    EXPECT_NE(e.message.find("Batch size must be between 1 and"), std::string::npos);
    // Not a range error: nothing to convert, even in a scaled field.
    headroom::FieldError other{"overhead.fraction", "Something else."};
    EXPECT_EQ(Message(other, kPercent), "Something else.");
}

}  // namespace
