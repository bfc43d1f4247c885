// GPU catalogue: capacities in bytes, with sources.
#pragma once
#include <cstddef>
#include <span>
#include <string_view>

namespace headroom {

struct GpuSpec {
    std::string_view id;          // stable id used in scenario JSON and URLs
    std::string_view name;        // display name, e.g. "H100 SXM 80GB"
    std::string_view vendor;      // "NVIDIA", "AMD"
    std::string_view segment;     // "data centre", "workstation", "consumer"
    double capacity_bytes;        // device memory in bytes
    std::string_view source;      // datasheet
};

std::span<const GpuSpec> gpu_catalogue();
inline constexpr size_t kGpuCatalogueSize = 22;  // gpu_catalogue().size(), for storage sized at compile time
const GpuSpec* find_gpu(std::string_view id);

}  // namespace headroom
