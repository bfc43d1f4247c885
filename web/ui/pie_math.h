// The maths of the allocation pie, apart from any drawing: which share each value takes,
// the angles of its slice, where its label goes, and which slice a point is over.
// Angles are radians, clockwise from 12 o'clock in screen space (y grows downwards).
#pragma once
#include <span>
#include <vector>

namespace pie {

inline constexpr float kPi = 3.14159265358979f;
inline constexpr float kStart = -kPi / 2;  // 12 o'clock

struct Slice {
    int index = 0;          // index into the input values
    double fraction = 0;    // of the sum, 0..1
    float angle0 = 0, angle1 = 0;
    float mid() const { return 0.5f * (angle0 + angle1); }
};

struct Point {
    float x = 0, y = 0;
};

// One slice per positive, finite value, in input order, covering [kStart, kStart + 2π).
// Empty when no value is positive (nothing to draw, never NaN).
std::vector<Slice> Slices(std::span<const double> values);

Point OnCircle(Point centre, float radius, float angle);

// Arc segments for a smooth edge at this radius (pixels): about one per 4 px of arc.
int ArcSegments(const Slice& s, float radius);

// Index of the slice under `p`, or -1 (outside the ring between inner and outer radius).
int SliceAt(std::span<const Slice> slices, Point centre, float inner, float outer, Point p);

// Whether the slice is wide enough to carry a percentage label inside it.
bool HasRoomForLabel(const Slice& s, float ring_width, float label_width, float mid_radius);

}  // namespace pie
