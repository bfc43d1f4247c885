// GPU memory capacities. HBM and GDDR are built in binary sizes, so a card sold as "80GB"
// carries 80 GiB; what a process can use is a little lower (the driver's reservation), as
// cudaMemGetInfo reports it: tests/calibration/reference/gpu-usable-memory.json holds each
// figure with its quote. Where no report was found, the card is estimated from a sibling of the
// same generation with the same driver reservation, and says so.
#include <array>

#include "headroom/gpu.h"

namespace headroom {
namespace {

constexpr double GiB = 1024.0 * 1024 * 1024;
constexpr double MiB = 1024.0 * 1024;

constexpr std::array kGpus = {
    GpuSpec{"a100-40gb", "A100 40GB", "NVIDIA", "data centre", 40 * GiB, "NVIDIA A100 Tensor Core GPU datasheet (2021)",
            42298834944.0, "CUDA deviceQuery on A100-SXM4-40GB, 42,298,834,944 bytes (bottlerocket-os/bottlerocket PR #3873)", 80, 108},
    GpuSpec{"a100-80gb", "A100 80GB", "NVIDIA", "data centre", 80 * GiB, "NVIDIA A100 Tensor Core GPU datasheet (2021)",
            79.25 * GiB, "PyTorch: \"GPU 0 has a total capacity of 79.25 GiB\" on an A100 80GB (HiDream-ai/VAREdit #6)", 80, 108},
    GpuSpec{"h100-sxm-80gb", "H100 SXM 80GB", "NVIDIA", "data centre", 80 * GiB, "NVIDIA H100 Tensor Core GPU datasheet (2023)",
            79.19 * GiB, "vLLM v0.19 \"total_memory=79.19GiB\" on H100 80GB HBM3 (llm-d-planner accuracy logs, PR #205); nvidia-smi 81,559 MiB less 479 MiB reserved", 90, 132},
    GpuSpec{"h100-nvl-94gb", "H100 NVL 94GB", "NVIDIA", "data centre", 94 * GiB, "NVIDIA H100 Tensor Core GPU datasheet (2023)",
            94 * GiB * (79.19 / 80), "estimated: the H100 SXM's share (79.19 of 80 GiB); no report found", 90, 132},
    GpuSpec{"h200-141gb", "H200 141GB", "NVIDIA", "data centre", 141 * GiB, "NVIDIA H200 Tensor Core GPU datasheet (2024)",
            (143771.0 - 614) * MiB, "nvidia-smi -q: Total 143,771 MiB, Reserved 614 MiB (utkuozdemir/nvidia_gpu_exporter capture, driver 590.48); Total less Reserved is what cudaMemGetInfo gives, as on the H100", 90, 132},
    GpuSpec{"b200-192gb", "B200 192GB", "NVIDIA", "data centre", 192 * GiB, "NVIDIA DGX B200 datasheet (2024), per GPU",
            178.35 * GiB, "totalGlobalMem \"178.35 GB\" (GiB) on a B200 (pytorch/ao PR #4002); NVIDIA sells it as 180 GB usable", 100, 148},
    GpuSpec{"l4-24gb", "L4 24GB", "NVIDIA", "data centre", 24 * GiB, "NVIDIA L4 Tensor Core GPU datasheet (2023)",
            (23034.0 - 469) * MiB, "estimated: nvidia-smi 23,034 MiB (modal-labs/modal-client PR #2797) less the 469 MiB the L40S (same Ada generation) shows between nvidia-smi and PyTorch", 89, 58},
    GpuSpec{"l40s-48gb", "L40S 48GB", "NVIDIA", "data centre", 48 * GiB, "NVIDIA L40S GPU datasheet (2023)",
            44.53 * GiB, "PyTorch: \"GPU 0 has a total capacity of 44.53 GiB\" on an L40S (Wan-Video/Wan2.1 #205)", 89, 142},
    GpuSpec{"a10-24gb", "A10 24GB", "NVIDIA", "data centre", 24 * GiB, "NVIDIA A10 Tensor Core GPU datasheet (2021)",
            (23028.0 - 621) * MiB, "estimated: NVML total 23,028 MiB (mayooot/detect-gpu #3) less the 621 MiB the A100 40GB (same Ampere generation) shows between nvidia-smi and deviceQuery", 86, 72},
    GpuSpec{"t4-16gb", "T4 16GB", "NVIDIA", "data centre", 16 * GiB, "NVIDIA T4 Tensor Core GPU datasheet (2019)",
            14.75 * GiB, "PyTorch: \"GPU 0 has a total capacity of 14.75 GiB\" on a Colab T4 (hpcaitech/Open-Sora #697)", 75, 40},
    GpuSpec{"v100-32gb", "V100 32GB", "NVIDIA", "data centre", 32 * GiB, "NVIDIA V100 Tensor Core GPU datasheet (2020)",
            32 * GiB * (16160.0 / 16384), "estimated: the V100 16GB's share (nvidia-smi 16,160 of 16,384 MiB, Hugging Face perf_train_gpu_one); no report found", 70, 80},
    GpuSpec{"rtx-6000-ada-48gb", "RTX 6000 Ada 48GB", "NVIDIA", "workstation", 48 * GiB, "NVIDIA RTX 6000 Ada Generation datasheet (2022)",
            44.43 * GiB, "PyTorch: \"GPU 0 has a total capacity of 44.43 GiB\" (DINGYANB/MTVCrafter #21)", 89, 142},
    GpuSpec{"rtx-a6000-48gb", "RTX A6000 48GB", "NVIDIA", "workstation", 48 * GiB, "NVIDIA RTX A6000 datasheet (2020)",
            48 * GiB * (23.70 / 24), "estimated: the RTX 3090's share (23.70 of 24 GiB, same Ampere generation); no report found", 86, 84},
    GpuSpec{"rtx-5090-32gb", "GeForce RTX 5090 32GB", "NVIDIA", "consumer", 32 * GiB, "NVIDIA GeForce RTX 5090 specifications (2025)",
            33677180928.0, "CUDA deviceQuery on an RTX 5090, 33,677,180,928 bytes (aikitoria/open-gpu-kernel-modules #1)", 120, 170},
    GpuSpec{"rtx-4090-24gb", "GeForce RTX 4090 24GB", "NVIDIA", "consumer", 24 * GiB, "NVIDIA GeForce RTX 4090 specifications (2022)",
            23.64 * GiB, "PyTorch: \"23.64 GiB total capacity\" on an RTX 4090 (TMElyralab/MuseTalk #76); 23.52-23.68 GiB by driver", 89, 128},
    GpuSpec{"rtx-3090-24gb", "GeForce RTX 3090 24GB", "NVIDIA", "consumer", 24 * GiB, "NVIDIA GeForce RTX 3090 specifications (2020)",
            23.70 * GiB, "PyTorch: \"23.70 GiB total capacity\" on RTX 3090s (GaoLii/DSP #10, Lightning-AI/lit-llama #137)", 86, 82},
    GpuSpec{"rtx-4080-16gb", "GeForce RTX 4080 16GB", "NVIDIA", "consumer", 16 * GiB, "NVIDIA GeForce RTX 4080 specifications (2022)",
            (16376.0 - 434) * MiB, "nvidia-smi -q on an RTX 4080 SUPER, Linux: Total 16,376 MiB, Reserved 434 MiB (utkuozdemir/nvidia_gpu_exporter capture)", 89, 76},
    GpuSpec{"rtx-3060-12gb", "GeForce RTX 3060 12GB", "NVIDIA", "consumer", 12 * GiB, "NVIDIA GeForce RTX 3060 specifications (2021)",
            11.76 * GiB, "PyTorch: \"11.76 GiB total capacity\" on an RTX 3060 12GB (TencentARC/PhotoMaker #47)", 86, 28},
    GpuSpec{"mi250x-128gb", "Instinct MI250X 128GB", "AMD", "data centre", 128 * GiB, "AMD Instinct MI250X datasheet (2021)",
            2 * 63.984375 * GiB, "two GCDs of 63.98 GiB each, as torch.cuda.mem_get_info reports one on ROCm (jaglinux/pytorch-notes memory_stats.py, MI250)", 0, 220},
    GpuSpec{"mi300x-192gb", "Instinct MI300X 192GB", "AMD", "data centre", 192 * GiB, "AMD Instinct MI300X datasheet (2023)",
            192 * GiB * (63.984375 / 64), "estimated: the MI250 GCD's share on ROCm (63.98 of 64 GiB); no report found", 0, 304},
    GpuSpec{"mi325x-256gb", "Instinct MI325X 256GB", "AMD", "data centre", 256 * GiB, "AMD Instinct MI325X datasheet (2024)",
            256 * GiB * (63.984375 / 64), "estimated: the MI250 GCD's share on ROCm (63.98 of 64 GiB); no report found", 0, 304},
    GpuSpec{"rx-7900-xtx-24gb", "Radeon RX 7900 XTX 24GB", "AMD", "consumer", 24 * GiB, "AMD Radeon RX 7900 XTX specifications (2022)",
            24 * GiB * (63.984375 / 64), "estimated: the MI250 GCD's share on ROCm (63.98 of 64 GiB); no report found", 0, 96},
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
