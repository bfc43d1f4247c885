#include "ui/fields.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "headroom/format.h"

namespace fields {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool EndsWithNoCase(std::string_view s, std::string_view tail) {
    if (tail.empty() || s.size() < tail.size()) return false;
    return std::equal(tail.begin(), tail.end(), s.end() - tail.size(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

// "“text”", as messages quote what was typed (cut short if long).
std::string Quoted(std::string_view text) {
    std::string s(text.substr(0, 24));
    if (text.size() > 24) s += "…";
    return "“" + s + "”";
}

// 1,234 groups: sign, one to three digits, then groups of three, then an optional fraction.
bool ThousandsGrouped(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    const std::size_t point = s.find('.');
    const std::string_view whole = s.substr(0, point);
    const std::size_t first = whole.find(',');
    if (first == 0 || first > 3 || first == std::string_view::npos) return false;
    for (std::size_t i = first; i < whole.size(); i += 4) {
        if (whole[i] != ',' || i + 4 > whole.size()) return false;
        for (std::size_t j = i + 1; j < i + 4; ++j)
            if (!std::isdigit(static_cast<unsigned char>(whole[j]))) return false;
    }
    for (std::size_t i = 0; i < first; ++i)
        if (!std::isdigit(static_cast<unsigned char>(whole[i]))) return false;
    return point == std::string_view::npos || s.substr(point + 1).find(',') == std::string_view::npos;
}

std::string WithUnit(double v, std::string_view unit) {
    std::string s = FormatShown(v);
    if (unit.empty()) return s;
    if (unit == "%") return s + "%";
    return s + "\u00A0" + std::string(unit);  // no line break between a number and its unit
}

Parsed Fail(std::string message) { return {false, 0, std::move(message)}; }

}  // namespace

std::string FormatShown(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "infinity" : "-infinity";
    const double a = std::fabs(v);
    char buf[64];
    if (a != 0 && (a < 1e-4 || a >= 1e15)) {
        std::snprintf(buf, sizeof buf, "%.3g", v);
        return buf;
    }
    const int magnitude = a == 0 ? 0 : static_cast<int>(std::floor(std::log10(a)));
    const int decimals = std::clamp(5 - magnitude, 0, 6);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, a);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    const std::size_t point = std::min(s.find('.'), s.size());
    std::string out = headroom::format_int(std::strtod(s.substr(0, point).c_str(), nullptr)) + s.substr(point);
    if (v < 0 && out != "0") out.insert(out.begin(), '-');
    return out;
}

Parsed ParseNumber(std::string_view text, const Display& d) {
    std::string_view s = Trim(text);
    if (EndsWithNoCase(s, d.unit)) s = Trim(s.substr(0, s.size() - d.unit.size()));  // "10 %", "2 GB"
    if (s.empty()) return Fail("Empty: type a number.");
    std::string digits(s);
    if (digits.find(',') != std::string::npos) {
        if (!ThousandsGrouped(digits))
            return Fail(Quoted(s) + ": write decimals with a point (1.5), and commas only between thousands.");
        digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    }
    // Digits, one sign, a point, an exponent: nothing else (strtod would also take "nan",
    // "inf" and hexadecimal, none of which is a size or a count).
    const bool plain = std::all_of(digits.begin(), digits.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E';
    });
    char* end = nullptr;
    const double v = plain ? std::strtod(digits.c_str(), &end) : 0.0;
    if (!plain || end == digits.c_str() || *end != '\0') return Fail(Quoted(s) + " is not a number.");
    if (!std::isfinite(v) || (d.max_magnitude > 0 && std::fabs(v) > d.max_magnitude))
        return Fail(Quoted(s) + " is far too large.");
    if (d.integer && v != std::floor(v)) return Fail("A whole number, please; got " + FormatShown(v) + ".");
    return {true, v == 0 ? 0.0 : v, {}};  // no -0
}

std::string Message(const headroom::FieldError& e, const Display& d) {
    const bool range = !std::isnan(e.lo) && !std::isnan(e.hi);
    if (!range || d.scale == 1.0 || d.name.empty()) return e.message;
    const double lo = e.lo * d.scale, hi = e.hi * d.scale, v = e.value * d.scale;
    std::string m(d.name);
    // A lower bound that rounds to nothing in these units (1 parameter, in billions) is "above 0".
    if (lo > 0 && lo < 1e-3)
        m += " must be above 0 and at most " + WithUnit(hi, d.unit);
    else
        m += " must be between " + WithUnit(lo, d.unit) + " and " + WithUnit(hi, d.unit);
    return m + "; got " + WithUnit(v, d.unit) + ".";
}

Shown ShownAs(const headroom::Field& f, headroom::ByteUnit unit) {
    Shown out;
    Display& d = out.display;
    d.name = f.label;
    d.unit = f.unit;
    if (f.kind == headroom::FieldKind::Integer) {
        d.integer = true;
        // What the field's C++ type holds: an int, unless its range needs more.
        d.max_magnitude = f.hi <= 2147483647.0 ? 2147483647.0 : 9.0e15;
        return out;
    }
    out.format = "%.4g";
    if (f.path == "model.params") {
        d.unit = "B";
        d.scale = 1e-9;
        out.format = "%.3f";
    } else if (f.path == "overhead.fraction") {
        d.unit = "%";
        d.scale = 100.0;
        out.format = "%.1f";
    } else if (f.path == "overhead.bytes") {
        const bool gib = unit == headroom::ByteUnit::Binary;
        d.unit = gib ? "GiB" : "GB";
        d.scale = 1.0 / (gib ? headroom::kGiB : headroom::kGB);
        out.format = "%.2f";
    } else if (f.path == "activation_bytes_per_sample") {
        d.unit = "MB";
        d.scale = 1.0 / headroom::kMB;
        out.format = "%.1f";
    } else if (f.hi <= 1.0) {
        out.format = "%.2f";  // shares and probabilities: 0.90, 0.05
    }
    return out;
}

}  // namespace fields
