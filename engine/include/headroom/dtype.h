// Numeric storage types and their sizes in bytes per element.
#pragma once
#include <optional>
#include <string_view>

namespace headroom {

enum class DType { FP32, BF16, FP16, FP8, INT8, INT4, FP4 };

// Bytes per element: fp32 4, bf16/fp16 2, fp8/int8 1, int4/fp4 0.5.
double dtype_bytes(DType t);
std::string_view dtype_name(DType t);
std::optional<DType> parse_dtype(std::string_view name);

inline constexpr DType kAllDTypes[] = {DType::FP32, DType::BF16, DType::FP16, DType::FP8,
                                       DType::INT8, DType::INT4, DType::FP4};

}  // namespace headroom
