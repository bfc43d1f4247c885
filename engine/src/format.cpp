#include "headroom/format.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace headroom {
namespace {

// printf's "%.*f", without printf in the common case: an estimate formats some thirty numbers
// and glibc's exact decimal conversion was a third of its time. The short path runs only where
// it cannot differ from printf: |v|·10^digits below 1e9 (one rounding error < 1.2e-7) and not
// within 1e-6 of a rounding tie, so rounding the computed value rounds the exact one the same way.
// Writes into buf (capacity cap) and returns the length, which like snprintf's may exceed cap - 1.
int print_fixed(char* buf, int cap, double v, int digits) {
    static constexpr double kPow10[] = {1, 10, 100, 1000, 10000};
    if (digits >= 0 && digits <= 4 && std::isfinite(v) && cap >= 24) {
        const double scaled = std::fabs(v) * kPow10[digits];
        const double whole = std::floor(scaled);
        const double frac = scaled - whole;
        if (scaled < 1e9 && std::fabs(frac - 0.5) > 1e-6) {
            auto n = static_cast<unsigned long long>(whole) + (frac > 0.5 ? 1 : 0);
            char tmp[24];
            char* p = tmp + sizeof tmp;
            for (int i = 0; i < digits; ++i, n /= 10) *--p = static_cast<char>('0' + n % 10);
            if (digits > 0) *--p = '.';
            do { *--p = static_cast<char>('0' + n % 10); } while (n /= 10);
            if (std::signbit(v)) *--p = '-';  // printf keeps the sign of -0.001 as "-0.00"
            const int length = static_cast<int>(tmp + sizeof tmp - p);
            std::memcpy(buf, p, static_cast<size_t>(length));
            buf[length] = '\0';
            return length;
        }
    }
    return std::snprintf(buf, static_cast<size_t>(cap), "%.*f", digits, v);
}

// Three significant digits of v in [0, 1000), trailing zeros trimmed: 8.03, 70.6, 405, 1.
// What printf's "%.3g" prints there, through print_fixed. Above 1000 (a count past 999T), the
// whole number. Writes into buf[kWholeDoubleChars]; returns the length.
constexpr int kWholeDoubleChars = 320;  // DBL_MAX has 309 digits
int three_significant(char* buf, double v) {
    int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    int n = print_fixed(buf, kWholeDoubleChars, v, decimals);
    if (decimals > 0 && static_cast<const char*>(std::memchr(buf, '.', static_cast<size_t>(n))) - buf > 3 - decimals)
        n = print_fixed(buf, kWholeDoubleChars, v, --decimals);  // rounding carried into a new digit: 9.996 -> 10.0
    if (decimals > 0) {
        while (buf[n - 1] == '0') --n;
        if (buf[n - 1] == '.') --n;
    }
    return n;
}

}  // namespace

void append_fixed(std::string& out, double v, int digits) {
    char buf[64];
    const int n = print_fixed(buf, sizeof buf, v, digits);
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
            char buf[kWholeDoubleChars];
            const int length = three_significant(buf, a / u.scale);
            if (n < 0) out.push_back('-');
            out.append(buf, static_cast<size_t>(length));
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
