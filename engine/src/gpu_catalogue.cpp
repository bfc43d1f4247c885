// GPU memory capacities. HBM and GDDR are built in binary sizes, so a card sold as "80GB"
// carries 80 GiB; the usable amount is a little lower (CUDA context, ECC reservations),
// which the overhead term is there to cover.
#include <array>

#include "headroom/gpu.h"

namespace headroom {
namespace {

constexpr double GiB = 1024.0 * 1024 * 1024;

constexpr std::array kGpus = {
    GpuSpec{"a100-40gb", "A100 40GB", "NVIDIA", "data centre", 40 * GiB, "NVIDIA A100 Tensor Core GPU datasheet (2021)"},
    GpuSpec{"a100-80gb", "A100 80GB", "NVIDIA", "data centre", 80 * GiB, "NVIDIA A100 Tensor Core GPU datasheet (2021)"},
    GpuSpec{"h100-sxm-80gb", "H100 SXM 80GB", "NVIDIA", "data centre", 80 * GiB, "NVIDIA H100 Tensor Core GPU datasheet (2023)"},
    GpuSpec{"h100-nvl-94gb", "H100 NVL 94GB", "NVIDIA", "data centre", 94 * GiB, "NVIDIA H100 Tensor Core GPU datasheet (2023)"},
    GpuSpec{"h200-141gb", "H200 141GB", "NVIDIA", "data centre", 141 * GiB, "NVIDIA H200 Tensor Core GPU datasheet (2024)"},
    GpuSpec{"b200-192gb", "B200 192GB", "NVIDIA", "data centre", 192 * GiB, "NVIDIA DGX B200 datasheet (2024), per GPU"},
    GpuSpec{"l4-24gb", "L4 24GB", "NVIDIA", "data centre", 24 * GiB, "NVIDIA L4 Tensor Core GPU datasheet (2023)"},
    GpuSpec{"l40s-48gb", "L40S 48GB", "NVIDIA", "data centre", 48 * GiB, "NVIDIA L40S GPU datasheet (2023)"},
    GpuSpec{"a10-24gb", "A10 24GB", "NVIDIA", "data centre", 24 * GiB, "NVIDIA A10 Tensor Core GPU datasheet (2021)"},
    GpuSpec{"t4-16gb", "T4 16GB", "NVIDIA", "data centre", 16 * GiB, "NVIDIA T4 Tensor Core GPU datasheet (2019)"},
    GpuSpec{"v100-32gb", "V100 32GB", "NVIDIA", "data centre", 32 * GiB, "NVIDIA V100 Tensor Core GPU datasheet (2020)"},
    GpuSpec{"rtx-6000-ada-48gb", "RTX 6000 Ada 48GB", "NVIDIA", "workstation", 48 * GiB, "NVIDIA RTX 6000 Ada Generation datasheet (2022)"},
    GpuSpec{"rtx-a6000-48gb", "RTX A6000 48GB", "NVIDIA", "workstation", 48 * GiB, "NVIDIA RTX A6000 datasheet (2020)"},
    GpuSpec{"rtx-5090-32gb", "GeForce RTX 5090 32GB", "NVIDIA", "consumer", 32 * GiB, "NVIDIA GeForce RTX 5090 specifications (2025)"},
    GpuSpec{"rtx-4090-24gb", "GeForce RTX 4090 24GB", "NVIDIA", "consumer", 24 * GiB, "NVIDIA GeForce RTX 4090 specifications (2022)"},
    GpuSpec{"rtx-3090-24gb", "GeForce RTX 3090 24GB", "NVIDIA", "consumer", 24 * GiB, "NVIDIA GeForce RTX 3090 specifications (2020)"},
    GpuSpec{"rtx-4080-16gb", "GeForce RTX 4080 16GB", "NVIDIA", "consumer", 16 * GiB, "NVIDIA GeForce RTX 4080 specifications (2022)"},
    GpuSpec{"rtx-3060-12gb", "GeForce RTX 3060 12GB", "NVIDIA", "consumer", 12 * GiB, "NVIDIA GeForce RTX 3060 specifications (2021)"},
    GpuSpec{"mi250x-128gb", "Instinct MI250X 128GB", "AMD", "data centre", 128 * GiB, "AMD Instinct MI250X datasheet (2021)"},
    GpuSpec{"mi300x-192gb", "Instinct MI300X 192GB", "AMD", "data centre", 192 * GiB, "AMD Instinct MI300X datasheet (2023)"},
    GpuSpec{"mi325x-256gb", "Instinct MI325X 256GB", "AMD", "data centre", 256 * GiB, "AMD Instinct MI325X datasheet (2024)"},
    GpuSpec{"rx-7900-xtx-24gb", "Radeon RX 7900 XTX 24GB", "AMD", "consumer", 24 * GiB, "AMD Radeon RX 7900 XTX specifications (2022)"},
};
static_assert(kGpus.size() == kGpuCatalogueSize, "gpu.h's kGpuCatalogueSize counts the catalogue");

}  // namespace

std::span<const GpuSpec> gpu_catalogue() { return kGpus; }

const GpuSpec* find_gpu(std::string_view id) {
    for (const GpuSpec& g : kGpus)
        if (g.id == id) return &g;
    return nullptr;
}

}  // namespace headroom
