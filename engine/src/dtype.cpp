#include "headroom/dtype.h"

namespace headroom {

double dtype_bytes(DType t) {
    switch (t) {
        case DType::FP32: return 4;
        case DType::BF16:
        case DType::FP16: return 2;
        case DType::FP8:
        case DType::INT8: return 1;
        case DType::INT4:
        case DType::FP4: return 0.5;
    }
    return 0;
}

std::string_view dtype_name(DType t) {
    switch (t) {
        case DType::FP32: return "fp32";
        case DType::BF16: return "bf16";
        case DType::FP16: return "fp16";
        case DType::FP8: return "fp8";
        case DType::INT8: return "int8";
        case DType::INT4: return "int4";
        case DType::FP4: return "fp4";
    }
    return "?";
}

std::optional<DType> parse_dtype(std::string_view name) {
    for (DType t : kAllDTypes)
        if (dtype_name(t) == name) return t;
    return std::nullopt;
}

}  // namespace headroom
