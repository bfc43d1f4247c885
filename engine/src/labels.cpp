#include "headroom/labels.h"

#include <cmath>

#include "headroom/format.h"

namespace headroom {
namespace {

constexpr Choice<Optimizer> kOptimizers[] = {
    {Optimizer::AdamW, "AdamW"},
    {Optimizer::AdamWFused, "AdamW (fused)"},
    {Optimizer::AdamW8bit, "AdamW 8-bit"},
    {Optimizer::SgdMomentum, "SGD + momentum"},
    {Optimizer::Sgd, "SGD"},
    {Optimizer::Adafactor, "Adafactor"},
    {Optimizer::Lion, "Lion"},
};
constexpr Choice<Recompute> kRecompute[] = {
    {Recompute::None, "None"},
    {Recompute::Selective, "Selective (Korthikanti)"},
    {Recompute::Full, "Full"},
    {Recompute::Sqrt, "√L checkpoints"},
};
constexpr Choice<Finetune> kFinetunes[] = {
    {Finetune::Full, "Full"}, {Finetune::Lora, "LoRA"}, {Finetune::Qlora, "QLoRA (4-bit base)"}};
constexpr Choice<ActivationModel> kActivationModels[] = {
    {ActivationModel::Transformer, "Transformer (Korthikanti)"},
    {ActivationModel::Multiplier, "Multiplier (seed 000)"},
    {ActivationModel::PerSample, "Per sample (seed 002)"},
};
constexpr Choice<DType> kDTypes[] = {
    {DType::FP32, "fp32"}, {DType::BF16, "bf16"}, {DType::FP16, "fp16"}, {DType::FP8, "fp8"},
    {DType::INT8, "int8"}, {DType::INT4, "int4"}, {DType::FP4, "fp4"},
};

}  // namespace

std::span<const Choice<Optimizer>> optimizer_choices() { return kOptimizers; }
std::span<const Choice<Recompute>> recompute_choices() { return kRecompute; }
std::span<const Choice<Finetune>> finetune_choices() { return kFinetunes; }
std::span<const Choice<ActivationModel>> activation_model_choices() { return kActivationModels; }
std::span<const Choice<DType>> dtype_choices() { return kDTypes; }

std::string_view unit_name(ByteUnit unit, int power) {
    constexpr std::string_view dec[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    constexpr std::string_view bin[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (power < 0) power = 0;
    if (power > 5) power = 5;
    return unit == ByteUnit::Decimal ? dec[power] : bin[power];
}

double in_unit(double bytes, ByteUnit unit, int power) {
    const double base = unit == ByteUnit::Decimal ? 1000.0 : 1024.0;
    return bytes / std::pow(base, power);
}

std::string format_size(double bytes, ByteUnit unit, int digits) {
    if (!std::isfinite(bytes)) return "—";
    const double base = unit == ByteUnit::Decimal ? 1000.0 : 1024.0;
    const double mag = std::fabs(bytes);
    // GB is the home unit (every seed prints it); MB only for sub-GB sizes, TB past 1000 GB.
    int power = 3;
    if (mag > 0 && mag < std::pow(base, 3) * 0.1) power = 2;
    if (mag >= std::pow(base, 4) * (unit == ByteUnit::Decimal ? 1.0 : 1000.0 / 1024.0)) power = 4;
    if (mag >= std::pow(base, 5)) power = 5;
    const int d = power >= 4 ? digits + 1 : digits;
    return format_fixed(in_unit(bytes, unit, power), d) + " " + std::string(unit_name(unit, power));
}

}  // namespace headroom
