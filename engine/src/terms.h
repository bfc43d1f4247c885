// Internal to the estimator: the Term each component function returns, the parameter counts
// they share, the sharding rule, and the citations. Not part of the engine's API.
#pragma once
#include <string>

#include "headroom/estimate.h"

namespace headroom::detail {

inline constexpr const char* kTransformerMath = "EleutherAI, Transformer Math 101 (Anthony, Biderman, Schoelkopf 2023)";
inline constexpr const char* kZero =
    "Rajbhandari et al. 2020, ZeRO: Memory Optimizations Toward Training Trillion Parameter Models, §5";
inline constexpr const char* kZeroOffload = "Ren et al. 2021, ZeRO-Offload: Democratizing Billion-Scale Model Training, §4";
inline constexpr const char* kZeroInfinity =
    "Rajbhandari et al. 2021, ZeRO-Infinity, §4.1 (model-state working memory)";
inline constexpr const char* kKorthikanti =
    "Korthikanti et al. 2022, Reducing Activation Recomputation in Large Transformer Models, §4 and Table 2";
inline constexpr const char* kLora = "Hu et al. 2021, LoRA: Low-Rank Adaptation of Large Language Models, §4.1";
inline constexpr const char* kQlora = "Dettmers et al. 2023, QLoRA: Efficient Finetuning of Quantized LLMs, §3";

// A component's bytes on the GPU, its bytes in host memory (offloaded states), and its formula.
struct Term {
    double bytes = 0;
    double host = 0;
    Formula formula;
};

// What every component function reads. `text` off skips all formula strings (the planner's
// searches call the estimator hundreds of times and read only the bytes); the bytes are
// computed the same way either way, so text never feeds back into them.
struct Ctx {
    const Scenario& s;
    bool text = true;
};

// A formula's three strings, built by a component's callback only when the context wants text.
struct Text {
    std::string formula, substituted, source;
};

std::string gb(double bytes);        // "16.06 GB"
std::string num(double v);           // "8.03B"
std::string bytes_each(DType t);     // "2 B"
Term term(Component c, double bytes, Text text);
// The same state kept in host memory instead (ZeRO-Offload): 0 on the GPU.
Term host_term(Component c, double host_bytes, Text text);

template <class MakeText>
Term term(const Ctx& ctx, Component c, double bytes, MakeText&& make) {
    return ctx.text ? term(c, bytes, make()) : Term{bytes, 0, Formula{c, {}, {}, {}}};
}
// On the GPU, or in host memory when `in_host` (ZeRO-Offload of the optimizer's states).
template <class MakeText>
Term state_term(const Ctx& ctx, Component c, bool in_host, double bytes, MakeText&& make) {
    if (!in_host) return term(ctx, c, bytes, make);
    return ctx.text ? host_term(c, bytes, make()) : Term{0, bytes, Formula{c, {}, {}, {}}};
}
Term not_held(const Ctx& ctx, Component c, const char* why);
inline bool training(const Scenario& s) { return s.mode == Mode::Training; }

// Parameter counts every model-state term uses, computed once per estimate.
struct ParamCounts {
    double total = 0;             // N: every weight
    double expert = 0;            // of N, inside routed experts (sharded by ep)
    double trainable = 0;         // N for full fine-tuning, the adapters for LoRA/QLoRA; 0 in inference
    double trainable_expert = 0;  // of trainable, inside routed experts
    double adapters = 0;          // LoRA/QLoRA adapter parameters (also held in inference)
    double adapters_expert = 0;
    double factored = 0;          // Adafactor's state elements over the trainable set
};
ParamCounts param_counts(const Scenario& s);

// A weight-shaped count split over tensor and pipeline ranks, experts over ep, and over
// data-parallel ranks once the ZeRO stage reaches `stage` (1: optimizer states and master
// weights, 2: + gradients, 3: + weights).
struct Shard {
    double count;          // per GPU
    std::string text;      // "N ÷ (tp × dp)"; empty without ctx.text
    std::string substituted;
};
Shard shard(const Ctx& ctx, int stage, double n, double n_expert, const char* symbol);
std::string zero_source(const Scenario& s);

Term weights(const Ctx& ctx, const ParamCounts& p);
Term master_weights(const Ctx& ctx, const ParamCounts& p);
Term gradients(const Ctx& ctx, const ParamCounts& p);
Term optimizer_states(const Ctx& ctx, const ParamCounts& p);
Term activations(const Ctx& ctx);
Term kv_cache(const Ctx& ctx);

}  // namespace headroom::detail
