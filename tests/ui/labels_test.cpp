// Byte formatting and enum labels the UI prints (engine/include/headroom/labels.h).
#include "headroom/labels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

namespace {

using headroom::ByteUnit;
using headroom::format_size;

TEST(FormatSize, GigabytesAreHome) {
    EXPECT_EQ(format_size(161.41e9, ByteUnit::Decimal), "161.4 GB");  // seed 001's total
    EXPECT_EQ(format_size(108.03 * 1073741824.0, ByteUnit::Binary, 2), "108.03 GiB");  // seed 002
    EXPECT_EQ(format_size(999.94e9, ByteUnit::Decimal), "999.9 GB");
}

TEST(FormatSize, GrowsToTerabytes) {
    EXPECT_EQ(format_size(1.25e12, ByteUnit::Decimal), "1.25 TB");
    EXPECT_EQ(format_size(1000e9, ByteUnit::Decimal), "1.00 TB");
    EXPECT_EQ(format_size(1000.0 * 1073741824.0, ByteUnit::Binary), "0.98 TiB");  // never "1000.0 GiB"
    EXPECT_EQ(format_size(2.0 * 1099511627776.0, ByteUnit::Binary), "2.00 TiB");
}

TEST(FormatSize, SmallSizesInMegabytes) {
    EXPECT_EQ(format_size(52.4e6, ByteUnit::Decimal), "52.4 MB");
    EXPECT_EQ(format_size(0, ByteUnit::Decimal), "0.0 GB");
    EXPECT_EQ(format_size(-2.5e9, ByteUnit::Decimal), "-2.5 GB");  // deltas keep their sign
}

TEST(FormatSize, NeverPrintsNan) {
    EXPECT_EQ(format_size(std::numeric_limits<double>::quiet_NaN(), ByteUnit::Decimal), "—");
    EXPECT_EQ(format_size(std::numeric_limits<double>::infinity(), ByteUnit::Binary), "—");
}

TEST(FormatSize, UnitNames) {
    EXPECT_EQ(headroom::unit_name(ByteUnit::Decimal, 2), "MB");
    EXPECT_EQ(headroom::unit_name(ByteUnit::Binary, 3), "GiB");
    EXPECT_DOUBLE_EQ(headroom::in_unit(2e6, ByteUnit::Decimal, 2), 2.0);
    EXPECT_DOUBLE_EQ(headroom::in_unit(1048576.0, ByteUnit::Binary, 2), 1.0);
}

template <typename Enum>
void ExpectCompleteAndDistinct(std::span<const headroom::Choice<Enum>> choices, std::size_t n) {
    const int count = static_cast<int>(n);
    ASSERT_EQ(static_cast<int>(choices.size()), count);
    std::set<std::string_view> labels;
    std::set<int> values;
    for (const auto& c : choices) {
        EXPECT_FALSE(c.label.empty());
        labels.insert(c.label);
        values.insert(static_cast<int>(c.value));
        EXPECT_EQ(headroom::choice_index(choices, c.value), static_cast<int>(&c - choices.data()));
    }
    EXPECT_EQ(static_cast<int>(labels.size()), count);
    EXPECT_EQ(static_cast<int>(values.size()), count);
}

TEST(Choices, EveryEnumValueOnceWithALabel) {
    // One label per JSON name: an enum value added without a label fails here.
    ExpectCompleteAndDistinct(headroom::optimizer_choices(), std::size(headroom::kOptimizerNames));
    ExpectCompleteAndDistinct(headroom::recompute_choices(), std::size(headroom::kRecomputeNames));
    ExpectCompleteAndDistinct(headroom::finetune_choices(), std::size(headroom::kFinetuneNames));
    ExpectCompleteAndDistinct(headroom::activation_model_choices(), std::size(headroom::kActivationModelNames));
    ExpectCompleteAndDistinct(headroom::dtype_choices(), 7);
    for (const auto& c : headroom::dtype_choices()) EXPECT_EQ(c.label, headroom::dtype_name(c.value));
}

}  // namespace
