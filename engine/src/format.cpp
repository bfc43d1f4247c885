#include "headroom/format.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace headroom {
namespace {

// printf's "%.*f", without printf in the common case: an estimate formats some thirty numbers
// and glibc's exact decimal conversion was a third of its time. The short path runs only where
// it cannot differ from printf: |v|·10^digits below 1e9 (one rounding error < 1.2e-7) and not
// within 1e-6 of a rounding tie, so rounding the computed value rounds the exact one the same way.
// Writes the text to end just before `end` and returns where it begins; nullptr where printf
// must decide.
char* short_fixed(double v, int digits, char* end) {
    static constexpr double kPow10[] = {1, 10, 100, 1000, 10000};
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    if (digits < 0 || digits > 4) return nullptr;
    const double scaled = std::fabs(v) * kPow10[digits];
    if (!(scaled < 1e9)) return nullptr;  // also NaN and infinities
    const auto whole = static_cast<uint32_t>(scaled);
    const double frac = scaled - whole;
    if (std::fabs(frac - 0.5) <= 1e-6) return nullptr;
    uint32_t n = whole + (frac > 0.5 ? 1 : 0);
    char* p = end;
    for (int i = 0; i < digits; ++i, n /= 10) *--p = static_cast<char>('0' + n % 10);
    if (digits > 0) *--p = '.';
    for (; n >= 100; n /= 100) {
        p -= 2;
        std::memcpy(p, kPairs + 2 * (n % 100), 2);
    }
    if (n >= 10) {
        p -= 2;
        std::memcpy(p, kPairs + 2 * n, 2);
    } else {
        *--p = static_cast<char>('0' + n);
    }
    if (std::signbit(v)) *--p = '-';  // printf keeps the sign of -0.001 as "-0.00"
    return p;
}

// Three significant digits of v in [0, 1000), trailing zeros trimmed: 8.03, 70.6, 405, 1.
// What printf's "%.3g" prints there, through append_fixed.
void append_three_significant(std::string& out, double v) {
    int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    const size_t at = out.size();
    append_fixed(out, v, decimals);
    const size_t point = out.size() - at - static_cast<size_t>(decimals) - 1;  // where "%.*f" puts the '.'
    if (decimals > 0 && point > static_cast<size_t>(3 - decimals)) {
        out.resize(at);  // rounding carried into a new digit: 9.996 -> 10.0
        append_fixed(out, v, --decimals);
    }
    if (decimals > 0) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
}

}  // namespace

void append_fixed(std::string& out, double v, int digits) {
    char buf[64];
    char* const end = buf + sizeof buf;
    if (const char* p = short_fixed(v, digits, end)) {
        out.append(p, static_cast<size_t>(end - p));
        return;
    }
    const int n = std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    if (n < static_cast<int>(sizeof buf)) {
        out.append(buf, static_cast<size_t>(n));
        return;
    }
    const size_t at = out.size();  // up to 309 digits before the point
    out.resize(at + static_cast<size_t>(n));
    std::snprintf(out.data() + at, static_cast<size_t>(n) + 1, "%.*f", digits, v);
}

std::string format_fixed(double v, int digits) {
    std::string out;
    append_fixed(out, v, digits);
    return out;
}

void append_gb(std::string& out, double bytes, int digits) {
    append_fixed(out, bytes / kGB, digits);
    out.append(" GB");
}

std::string format_gb(double bytes, int digits) {
    std::string out;
    append_gb(out, bytes, digits);
    return out;
}

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

void append_count(std::string& out, double n) {
    // Three significant digits with a unit: 8.03B, 70.6B, 1T. A count that rounds to 1000 of
    // one unit takes the next (999.7B is 1T, not printf's 1e+03B); whole counts below a million
    // print in full (4096).
    struct Unit { double scale; char suffix; };
    static constexpr Unit units[] = {{1e12, 'T'}, {1e9, 'B'}, {1e6, 'M'}};
    const double a = std::fabs(n);
    for (const Unit& u : units) {
        if (std::isfinite(a) && a >= u.scale * 0.9995) {
            if (n < 0) out.push_back('-');
            append_three_significant(out, a / u.scale);
            out.push_back(u.suffix);
            return;
        }
    }
    if (n == std::floor(n)) return append_fixed(out, n, 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g", n);
    out.append(buf);
}

std::string format_count(double n) {
    std::string out;
    append_count(out, n);
    return out;
}

}  // namespace headroom
