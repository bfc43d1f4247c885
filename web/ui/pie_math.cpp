#include "ui/pie_math.h"

#include <cmath>

namespace pie {

std::vector<Slice> Slices(std::span<const double> values) {
    double sum = 0;
    for (double v : values)
        if (std::isfinite(v) && v > 0) sum += v;
    std::vector<Slice> out;
    if (!(sum > 0)) return out;
    double acc = 0;
    for (int i = 0; i < static_cast<int>(values.size()); ++i) {
        const double v = values[i];
        if (!(std::isfinite(v) && v > 0)) continue;
        Slice s;
        s.index = i;
        s.fraction = v / sum;
        s.angle0 = kStart + static_cast<float>(2 * kPi * acc);
        acc += s.fraction;
        s.angle1 = kStart + static_cast<float>(2 * kPi * acc);
        out.push_back(s);
    }
    out.back().angle1 = kStart + 2 * kPi;  // close the circle exactly despite rounding
    return out;
}

Point OnCircle(Point centre, float radius, float angle) {
    return {centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
}

int ArcSegments(const Slice& s, float radius) {
    const float length = (s.angle1 - s.angle0) * radius;
    const int n = static_cast<int>(length / 4.0f);
    return n < 2 ? 2 : (n > 256 ? 256 : n);
}

int SliceAt(std::span<const Slice> slices, Point centre, float inner, float outer, Point p) {
    const float dx = p.x - centre.x, dy = p.y - centre.y;
    const float r = std::sqrt(dx * dx + dy * dy);
    if (r < inner || r > outer) return -1;
    float a = std::atan2(dy, dx);  // -π..π
    while (a < kStart) a += 2 * kPi;
    while (a >= kStart + 2 * kPi) a -= 2 * kPi;
    for (const Slice& s : slices)
        if (a >= s.angle0 && a < s.angle1) return s.index;
    return -1;
}

bool HasRoomForLabel(const Slice& s, float ring_width, float label_width, float mid_radius) {
    const float arc = (s.angle1 - s.angle0) * mid_radius;
    return arc > label_width * 1.15f && ring_width > label_width * 0.45f;
}

}  // namespace pie
