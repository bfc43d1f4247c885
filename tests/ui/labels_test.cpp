// Byte formatting and enum labels the UI prints (engine/include/headroom/labels.h).
#include "headroom/fields.h"
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

// Every choice the form offers has one label per value, each different (fields.h's labels).
TEST(Choices, EveryChoiceFieldLabelsEachValueOnce) {
    for (const headroom::Field& f : headroom::scenario_fields()) {
        if (f.labels.empty()) continue;
        if (f.kind == headroom::FieldKind::Choice) EXPECT_EQ(f.labels.size(), f.names.size()) << f.path;
        else EXPECT_EQ(static_cast<double>(f.labels.size()), f.hi - f.lo + 1) << f.path;
        std::set<std::string_view> distinct(f.labels.begin(), f.labels.end());
        EXPECT_EQ(distinct.size(), f.labels.size()) << f.path;
        for (std::string_view l : f.labels) EXPECT_FALSE(l.empty()) << f.path;
    }
}

}  // namespace
