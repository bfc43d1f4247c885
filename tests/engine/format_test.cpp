// The number formatting every formula, table and export prints through.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "headroom/format.h"

// format_fixed skips printf where it safely can; it must print exactly what printf prints.
TEST(FormatFixed, MatchesPrintfEverywhere) {
    auto printf_fixed = [](double v, int digits) {
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", digits, v);
        return std::string(buf);
    };
    std::mt19937_64 rng(20261123);
    std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
    std::uniform_int_distribution<int> exponent(-8, 14), digits(0, 4);
    for (int i = 0; i < 200000; ++i) {
        const double v = mantissa(rng) * std::pow(10.0, exponent(rng));
        const int d = digits(rng);
        ASSERT_EQ(headroom::format_fixed(v, d), printf_fixed(v, d)) << v << " to " << d << " digits";
    }
    // Ties and near-ties, where a shortcut would round the wrong way; signs and extremes.
    for (double v : {0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1.0049999999999999, 161.41249999999999, 0.0, -0.0,
                     -0.001, -0.5, 999999999.5, 1e9, 4.35e9, 1e300, 5e-324, 0.045, 0.055, 16.065}) {
        for (int d = 0; d <= 4; ++d) EXPECT_EQ(headroom::format_fixed(v, d), printf_fixed(v, d)) << v << " to " << d;
    }
}

TEST(FormatCount, ThreeSignificantDigitsWithAUnit) {
    EXPECT_EQ(headroom::format_count(8.03e9), "8.03B");
    EXPECT_EQ(headroom::format_count(70.56e9), "70.6B");
    EXPECT_EQ(headroom::format_count(405.85e9), "406B");
    EXPECT_EQ(headroom::format_count(1e12), "1T");
    EXPECT_EQ(headroom::format_count(9.996e9), "10B");
    EXPECT_EQ(headroom::format_count(99.96e6), "100M");
    EXPECT_EQ(headroom::format_count(999.7e9), "1T");      // not "1e+03B"
    EXPECT_EQ(headroom::format_count(999.4e9), "999B");
    EXPECT_EQ(headroom::format_count(999999.6), "1M");      // not "1e+06"
    EXPECT_EQ(headroom::format_count(4096), "4096");
    EXPECT_EQ(headroom::format_count(0.5), "0.5");
    EXPECT_EQ(headroom::format_count(-2.5e9), "-2.5B");
    EXPECT_EQ(headroom::format_count(2), "2");
}

// Between the unit boundaries the digits are printf's %.3g of the scaled count.
TEST(FormatCount, MatchesPrintfWithinAUnit) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> scaled(1.0, 999.0);
    for (int i = 0; i < 100000; ++i) {
        const double v = scaled(rng);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3gB", v);
        ASSERT_EQ(headroom::format_count(v * 1e9), buf) << v;
    }
}
