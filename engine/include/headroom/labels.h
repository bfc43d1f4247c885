// Byte sizes for people, in decimal or binary units that grow to TB / TiB. Pure functions; the
// UI and any other front print from here. (The scenario's choices are labelled in its table of
// fields, headroom/fields.h.)
#pragma once
#include <string>
#include <string_view>

#include "headroom/dtype.h"
#include "headroom/estimate.h"
#include "headroom/scenario.h"

namespace headroom {

// Decimal (GB = 10^9 bytes, what the seeds print) or binary (GiB = 2^30 bytes, what vendors'
// "80GB" cards actually hold).
enum class ByteUnit { Decimal, Binary };

// Bytes in the largest unit that keeps the number under 1000 (1024 for binary), from MB up
// to TB: format_size(161.4e9, Decimal) -> "161.4 GB", 2.5e12 -> "2.50 TB" (TB gets one more
// digit, so 1.25 TB is not shown as 1.3 TB). Non-finite input prints "—", never "nan".
std::string format_size(double bytes, ByteUnit unit, int digits = 1);
// The unit names of a ByteUnit at a scale: {"MB","GB","TB"} or {"MiB","GiB","TiB"}.
std::string_view unit_name(ByteUnit unit, int power);  // power 2 = M, 3 = G, 4 = T
// bytes ÷ 1000^power (or 1024^power).
double in_unit(double bytes, ByteUnit unit, int power);

// The parameter line every front prints under the total: "8.03B params", then the active
// (mixture of experts) and trainable (LoRA) counts where they differ; no trainable count in
// inference, where nothing trains.
std::string params_line(const Scenario& s, const Estimate& e);

// Whether the estimate fits a GPU, in one sentence: "Fits · 8.8 GB free" or
// "Does not fit · 75.5 GB over".
std::string fit_sentence(const Fit& f, ByteUnit unit, int digits = 1);

}  // namespace headroom
