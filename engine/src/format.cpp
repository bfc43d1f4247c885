#include "headroom/format.h"

#include <cmath>
#include <cstdio>

namespace headroom {

// printf's "%.*f", without printf in the common case: an estimate formats some thirty numbers
// and glibc's exact decimal conversion was a third of its time. The short path runs only where
// it cannot differ from printf: |v|·10^digits below 1e9 (one rounding error < 1.2e-7) and not
// within 1e-6 of a rounding tie, so rounding the computed value rounds the exact one the same way.
std::string format_fixed(double v, int digits) {
    static constexpr double kPow10[] = {1, 10, 100, 1000, 10000};
    if (digits >= 0 && digits <= 4 && std::isfinite(v)) {
        const double scaled = std::fabs(v) * kPow10[digits];
        const double whole = std::floor(scaled);
        const double frac = scaled - whole;
        if (scaled < 1e9 && std::fabs(frac - 0.5) > 1e-6) {
            auto n = static_cast<unsigned long long>(whole) + (frac > 0.5 ? 1 : 0);
            char buf[32];
            char* p = buf + sizeof buf;
            for (int i = 0; i < digits; ++i, n /= 10) *--p = static_cast<char>('0' + n % 10);
            if (digits > 0) *--p = '.';
            do { *--p = static_cast<char>('0' + n % 10); } while (n /= 10);
            if (std::signbit(v)) *--p = '-';  // printf keeps the sign of -0.001 as "-0.00"
            return std::string(p, buf + sizeof buf);
        }
    }
    char buf[64];
    const int n = std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    if (n < static_cast<int>(sizeof buf)) return buf;
    std::string big(static_cast<size_t>(n), '\0');  // up to 309 digits before the point
    std::snprintf(big.data(), big.size() + 1, "%.*f", digits, v);
    return big;
}

std::string format_gb(double bytes, int digits) { return format_fixed(bytes / kGB, digits) + " GB"; }
std::string format_gib(double bytes, int digits) { return format_fixed(bytes / kGiB, digits) + " GiB"; }

std::string format_int(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

namespace {

// Three significant digits of v in [0, 1000), trailing zeros trimmed: 8.03, 70.6, 405, 1.
// What printf's "%.3g" prints there, through format_fixed.
std::string three_significant(double v) {
    int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    std::string s = format_fixed(v, decimals);
    if (decimals > 0 && s.find('.') > static_cast<size_t>(3 - decimals))
        s = format_fixed(v, --decimals);  // rounding carried into a new digit: 9.996 -> 10.0
    if (decimals > 0) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

}  // namespace

std::string format_count(double n) {
    // Three significant digits with a unit: 8.03B, 70.6B, 1T. A count that rounds to 1000 of
    // one unit takes the next (999.7B is 1T, not printf's 1e+03B); whole counts below a million
    // print in full (4096).
    struct Unit { double scale; const char* suffix; };
    static constexpr Unit units[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}};
    const double a = std::fabs(n);
    for (const Unit& u : units) {
        if (std::isfinite(a) && a >= u.scale * 0.9995) return (n < 0 ? "-" : "") + three_significant(a / u.scale) + u.suffix;
    }
    if (n == std::floor(n)) return format_fixed(n, 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", n);
    return buf;
}

}  // namespace headroom
