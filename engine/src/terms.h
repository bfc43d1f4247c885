// Internal to the estimator: the text a component function writes its formula into, the Term it
// returns, the parameter counts they share, the sharding rule, and the citations. Not part of
// the engine's API.
#pragma once
#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

#include "headroom/estimate.h"
#include "headroom/format.h"

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

// Numbers as the formulas print them, formatted straight into the text.
struct Num { double v; };          // "8.03B", "4096", "0.5"
struct Gb { double bytes; };       // "16.06 GB"
struct Fixed { double v; int digits; };  // "0.10" (2 digits)
struct BytesEach { DType type; };  // "2 B"
inline Num num(double v) { return {v}; }
inline Gb gb(double bytes) { return {bytes}; }
inline Fixed fixed(double v, int digits) { return {v, digits}; }
inline BytesEach bytes_each(DType t) { return {t}; }

// One of a formula's three texts, written as its component computes: strings append, numbers
// format in place. Off (a bytes-only estimate), it ignores what it is given.
class Part {
public:
    explicit Part(bool on) : on_(on) {
        if (on) text_.reserve(kLongest);
    }
    Part& operator<<(std::string_view s) {
        if (on_) text_.append(s);
        return *this;
    }
    Part& operator<<(const char* s) { return *this << std::string_view(s); }
    template <std::integral I>
        requires(!std::same_as<I, bool> && !std::same_as<I, char>)
    Part& operator<<(I v) {  // as std::to_string
        if (!on_) return *this;
        char buf[24];
        const char* end = std::to_chars(buf, buf + sizeof buf, v).ptr;
        return *this << std::string_view(buf, static_cast<size_t>(end - buf));
    }
    Part& operator<<(Num n) {
        if (on_) append_count(text_, n.v);
        return *this;
    }
    Part& operator<<(Gb g) {
        if (on_) append_gb(text_, g.bytes, 2);
        return *this;
    }
    Part& operator<<(Fixed f) {
        if (on_) append_fixed(text_, f.v, f.digits);
        return *this;
    }
    Part& operator<<(BytesEach b) { return *this << num(dtype_bytes(b.type)) << " B"; }
    // A piece of text a function writes, streamed like a manipulator: out << "2 × " << tokens.
    template <std::invocable<Part&> Write>
    Part& operator<<(Write&& write) {
        if (on_) write(*this);
        return *this;
    }

    std::string_view view() const { return text_; }
    void clear() { text_.clear(); }

private:
    static constexpr size_t kLongest = 512;  // the longest part seen is some 380 bytes
    std::string text_;
    bool on_;
};

// The formula of the component being computed: symbolic, with the scenario's numbers, and
// its source. The estimator takes it after each component and clears it for the next.
struct Text {
    explicit Text(bool on) : formula(on), substituted(on), source(on) {}
    Part formula, substituted, source;
    void clear() { formula.clear(), substituted.clear(), source.clear(); }
};

// What every component function reads, and the text it writes. The bytes are computed the
// same way whether the text is on or off, so text never feeds back into them.
struct Ctx {
    const Scenario& s;
    Text& text;
    Phase phase = Phase::Backward;  // the moment estimated, with a runtime (estimate.h)
};
inline bool with_runtime(const Scenario& s) { return s.runtime != Runtime::None; }

// A component's bytes on the GPU and in host memory (offloaded states). Its formula is in
// the context's text.
struct Term {
    Component component;
    double bytes = 0;
    double host = 0;
};

// Ends a component whose text is written: on the GPU, the substituted text closing with the
// result.
Term term(const Ctx& ctx, Component c, double bytes);
// On the GPU, or in host memory when `in_host` (ZeRO-Offload of the optimizer's states), where
// it takes 0 on the GPU.
Term state_term(const Ctx& ctx, Component c, bool in_host, double bytes);
// A component this scenario does not hold, and why; writes its whole text.
Term not_held(const Ctx& ctx, Component c, const char* why);
inline bool training(const Scenario& s) { return s.mode == Mode::Training; }

// Parameter counts every model-state term uses, computed once per estimate.
struct ParamCounts {
    double total = 0;             // N: every weight
    double derived = 0;           // derived from the architecture (N unless `params` overrides it)
    double active = 0;            // of derived, touched per token
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
// weights, 2: + gradients, 3: + weights). Written into a formula as symbols, "N ÷ (tp × dp)",
// or as numbers, "8.03B ÷ (2 × 8)".
struct Shard {
    double count;  // per GPU
    const char* symbol;
    double n, n_expert;
    const Parallel& parallel;
    bool zero;   // divided by dp
    bool by_ep;  // experts divided by ep

    struct Symbols { const Shard& shard; };
    struct Numbers { const Shard& shard; };
    Symbols symbols() const { return {*this}; }
    Numbers numbers() const { return {*this}; }
};
Shard shard(const Scenario& s, int stage, double n, double n_expert, const char* symbol);
Part& operator<<(Part& out, Shard::Symbols x);
Part& operator<<(Part& out, Shard::Numbers x);
// The ZeRO citation, "; sharding: Rajbhandari et al. 2020 ...", when ZeRO shards anything.
struct ZeroSource { bool sharded; };
ZeroSource zero_source(const Scenario& s);
Part& operator<<(Part& out, ZeroSource z);

Term weights(const Ctx& ctx, const ParamCounts& p);
Term master_weights(const Ctx& ctx, const ParamCounts& p);
Term gradients(const Ctx& ctx, const ParamCounts& p);
// Whether the gradients are all held while the activations are (model_states.cpp).
bool gradients_held_in_backward(const Scenario& s);
Term optimizer_states(const Ctx& ctx, const ParamCounts& p);
Term activations(const Ctx& ctx);
Term kv_cache(const Ctx& ctx);
// Activations as a runtime keeps them (runtime_activations.cpp), and vLLM's profile run (serving.cpp).
Term runtime_activations(const Ctx& ctx);
Term vllm_profile_activations(const Ctx& ctx);

// vLLM: gpu_memory_utilization of the GPU's usable memory, and the tokens a pool of `pool`
// bytes holds in whole blocks.
double vllm_budget(const Scenario& s);
double vllm_pool_tokens(const Scenario& s, double pool);
double vllm_concurrency(const Scenario& s, double pool_tokens);
double vllm_non_torch(const Scenario& s);

// K and V bytes per token of one sequence over the layers one GPU holds.
double kv_bytes_per_token(const Scenario& s);
// vLLM: the KV pool, what gpu_memory_utilization leaves after the weights, the profile run's
// activations and the non-torch memory (serving.cpp).
Term vllm_kv_pool(const Ctx& ctx);

// A runtime's own terms (runtime.cpp), each zero without a runtime.
Term temporaries(const Ctx& ctx, const ParamCounts& p);
Term workspaces(const Ctx& ctx);
Term cuda_graphs(const Ctx& ctx);
Term communication(const Ctx& ctx);
Term cuda_context(const Ctx& ctx);
// What the caching allocator holds beyond the tensors, given them (bytes at Level::Allocated).
Term allocator_reserve(const Ctx& ctx, double allocated);

}  // namespace headroom::detail
