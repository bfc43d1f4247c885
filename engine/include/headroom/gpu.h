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
    double capacity_bytes;        // device memory in bytes, as sold ("80GB" HBM is 80 GiB)
    std::string_view source;      // datasheet
    // What a CUDA (or ROCm) process can use: cudaMemGetInfo's total, which PyTorch reports as
    // total_memory and vLLM as total_gpu_memory (the driver reserves the rest), on Linux.
    double usable_bytes;
    std::string_view usable_source;  // where it was read, or the sibling it is estimated from
    int sm;                       // CUDA compute capability × 10 (80 = Ampere A100, 90 = Hopper); 0 for AMD
    int sms;                      // streaming multiprocessors (AMD: compute units), from the datasheet
};

std::span<const GpuSpec> gpu_catalogue();
inline constexpr size_t kGpuCatalogueSize = 22;  // gpu_catalogue().size(), for storage sized at compile time
const GpuSpec* find_gpu(std::string_view id);

}  // namespace headroom
