#include "headroom/labels.h"

#include <cmath>

#include "headroom/format.h"

namespace headroom {

std::string_view unit_name(ByteUnit unit, int power) {
    constexpr std::string_view dec[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    constexpr std::string_view bin[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (power < 0) power = 0;
    if (power > 5) power = 5;
    return unit == ByteUnit::Decimal ? dec[power] : bin[power];
}

double in_unit(double bytes, ByteUnit unit, int power) {
    const double base = unit == ByteUnit::Decimal ? 1000.0 : 1024.0;
    return bytes / std::pow(base, power);
}

std::string format_size(double bytes, ByteUnit unit, int digits) {
    if (!std::isfinite(bytes)) return "—";
    const double base = unit == ByteUnit::Decimal ? 1000.0 : 1024.0;
    const double mag = std::fabs(bytes);
    // GB is the home unit (every seed prints it); MB only for sub-GB sizes, TB past 1000 GB.
    int power = 3;
    if (mag > 0 && mag < std::pow(base, 3) * 0.1) power = 2;
    if (mag >= std::pow(base, 4) * (unit == ByteUnit::Decimal ? 1.0 : 1000.0 / 1024.0)) power = 4;
    if (mag >= std::pow(base, 5)) power = 5;
    const int d = power >= 4 ? digits + 1 : digits;
    return format_fixed(in_unit(bytes, unit, power), d) + " " + std::string(unit_name(unit, power));
}

std::string params_line(const Scenario& s, const Estimate& e) {
    std::string out = format_count(e.params_total) + " params";
    if (e.params_active != e.params_total) out += " · " + format_count(e.params_active) + " active";
    if (s.mode == Mode::Training && e.params_trainable != e.params_total)
        out += " · " + format_count(e.params_trainable) + " trainable";
    return out;
}

std::string fit_sentence(const Fit& f, ByteUnit unit, int digits) {
    return f.fits ? "Fits · " + format_size(f.free_bytes, unit, digits) + " free"
                  : "Does not fit · " + format_size(-f.free_bytes, unit, digits) + " over";
}

}  // namespace headroom
