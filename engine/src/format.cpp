#include "headroom/format.h"

#include <cmath>
#include <cstdio>

namespace headroom {

std::string format_fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
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

std::string format_count(double n) {
    // Up to three significant digits after the unit, trailing zeros trimmed: 8.03B, 70.6B, 4096.
    struct Unit { double scale; const char* suffix; };
    static constexpr Unit units[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}};
    char buf[64];
    for (const Unit& u : units) {
        if (std::fabs(n) >= u.scale) {
            std::snprintf(buf, sizeof buf, "%.3g%s", n / u.scale, u.suffix);
            return buf;
        }
    }
    if (n == std::floor(n) && std::fabs(n) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", n);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.4g", n);
    return buf;
}

}  // namespace headroom
