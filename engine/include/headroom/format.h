// Human formatting of numbers shared by every front (UI, CLI, CSV, formulas).
#pragma once
#include <string>

namespace headroom {

inline constexpr double kGB = 1e9;                  // decimal gigabyte
inline constexpr double kGiB = 1024.0 * 1024 * 1024;  // binary gibibyte
inline constexpr double kMB = 1e6;

// "16.1 GB" with `digits` after the point; bytes in, decimal units out (B, KB, MB, GB, TB).
std::string format_gb(double bytes, int digits = 1);
std::string format_gib(double bytes, int digits = 2);
// Short number for formulas: 8.03e9 -> "8.03B", 4096 -> "4096", 0.1 -> "0.1".
std::string format_count(double n);
// Fixed digits, no locale: format_fixed(1.5, 2) -> "1.50".
std::string format_fixed(double v, int digits);
// Integer with thousands separators: 16060000000 -> "16,060,000,000".
std::string format_int(double v);

// The same appended to `out`, with no string of their own (the estimator writes its formula
// text through these).
void append_gb(std::string& out, double bytes, int digits = 1);
void append_count(std::string& out, double n);
void append_fixed(std::string& out, double v, int digits);

}  // namespace headroom
