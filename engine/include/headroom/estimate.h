// The estimator: a pure function from Scenario to Estimate. One function per component,
// each computing its bytes and its formula (symbolic, substituted, cited) in one place.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "headroom/gpu.h"
#include "headroom/scenario.h"

namespace headroom {

struct CalibrationSummary;

// What a GPU holds, disjoint; they add up to the device total. The first six are the model's
// (the seeds' components); the next five are a runtime's own (zero without one); the overhead
// is the seeds' allowance for what is not modelled (10% without a runtime, 0 with one).
enum class Component {
    Weights, MasterWeights, Gradients, OptimizerStates, Activations, KvCache,
    Temporaries,       // short-lived tensors at the peak: AMP's cast weights, the loss's logits, the optimizer step's
    Workspaces,        // cuBLAS / cuDNN workspaces, dequantization buffers
    CudaGraphs,        // memory CUDA graphs keep (vLLM)
    AllocatorReserve,  // what the caching allocator holds beyond the tensors (reserved − allocated)
    Communication,     // NCCL and all-reduce buffers (tp, pp or dp > 1), outside the allocator
    CudaContext,       // the CUDA context and its loaded kernels
    Overhead
};
inline constexpr int kComponentCount = 13;
inline constexpr Component kAllComponents[kComponentCount] = {
    Component::Weights,     Component::MasterWeights, Component::Gradients,        Component::OptimizerStates,
    Component::Activations, Component::KvCache,       Component::Temporaries,      Component::Workspaces,
    Component::CudaGraphs,  Component::AllocatorReserve, Component::Communication, Component::CudaContext,
    Component::Overhead};

// The three levels a GPU's memory is read at (DESIGN.md): what tensors hold
// (torch.cuda.max_memory_allocated), what the caching allocator holds (max_memory_reserved), and
// what the device must have free (nvidia-smi's figure for the process).
enum class Level { Allocated, Reserved, Device };
Level component_level(Component c);

// Where the peak falls. Training: in the backward pass (activations at their largest) or, with a
// runtime, in the optimizer step (activations freed, the update's temporaries held). Inference:
// the prompt's prefill (its activations) or the last decode step (the whole KV cache).
enum class Phase { Backward, OptimizerStep, Prefill, Decode };
inline constexpr std::string_view kPhaseNames[] = {"backward", "optimizer_step", "prefill", "decode"};
inline std::string_view phase_name(Phase p) { return kPhaseNames[static_cast<int>(p)]; }

// The components an estimate lists (and writes a formula for): the seeds' seven without a
// runtime, all thirteen with one.
inline constexpr int kSeedComponentCount = 7;
int listed_components(const Scenario& s);
bool is_listed(const Scenario& s, Component c);

std::string_view component_id(Component c);     // "optimizer_states"
std::string_view component_label(Component c);  // "Optimizer states"

// One component's formula. The text is a view into the Estimate it was read from, valid while
// that Estimate lives unchanged; a copy of an Estimate has its own text.
struct Formula {
    Component component;
    std::string_view formula;      // symbolic, e.g. "N × b_w / shard"
    std::string_view substituted;  // the same with the scenario's numbers and the result
    std::string_view source;       // citation
};

// An estimate's formulas, at most one per component, in the order added. Their text is held
// in one buffer, by offsets: copying or moving the list copies or moves the text with it, and
// the Formula read from a list points into that list.
class Formulas {
public:
    class iterator {
    public:
        using value_type = Formula;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        iterator(const Formulas* list, size_t i) : list_(list), i_(i) {}
        Formula operator*() const { return (*list_)[i_]; }
        iterator& operator++() { ++i_; return *this; }
        iterator operator++(int) { iterator was = *this; ++i_; return was; }
        bool operator==(const iterator& o) const { return i_ == o.i_; }
    private:
        const Formulas* list_ = nullptr;
        size_t i_ = 0;
    };

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Formula operator[](size_t i) const;
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size_}; }

    // Adds component c's formula (the estimator's; at most kComponentCount of them).
    void push_back(Component c, std::string_view formula, std::string_view substituted, std::string_view source);
    void reserve_text(size_t bytes) { text_.reserve(bytes); }

private:
    struct Entry {
        Component component;
        size_t formula, substituted, source, end;  // where each part starts in text_, and where the last ends
    };
    std::string text_;  // each entry's formula, substituted and source, back to back
    std::array<Entry, kComponentCount> entries_{};
    size_t size_ = 0;
};

struct Fit {
    std::string_view gpu;   // catalogue id
    std::string_view name;
    double capacity_bytes;
    bool fits;
    double free_bytes;      // capacity - total; negative when it does not fit
};

// Every catalogue GPU's fit, in catalogue order (or none), held in place: no allocation.
class Fits {
public:
    const Fit* begin() const { return items_.data(); }
    const Fit* end() const { return items_.data() + size_; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Fit& operator[](size_t i) const { return items_[i]; }

    // Adds a GPU's fit (the estimator's; at most kGpuCatalogueSize of them).
    void push_back(const Fit& f) {
        if (size_ < items_.size()) items_[size_++] = f;
    }

private:
    std::array<Fit, kGpuCatalogueSize> items_;
    size_t size_ = 0;
};

struct Estimate {
    std::array<double, kComponentCount> bytes{};  // per GPU, disjoint, index by Component
    double total = 0;                             // bytes per GPU, the sum of `bytes`: the device level
    double allocated = 0;                         // the components at Level::Allocated
    double reserved = 0;                          // ... and at Level::Reserved
    Phase phase = Phase::Backward;                // where the peak falls (training with a runtime)
    // Host (CPU) memory per GPU's process, bytes, index by Component: the states ZeRO-Offload /
    // ZeRO-Infinity keep there (weights, master weights, gradients, optimizer states). Disjoint
    // from `bytes`: an offloaded state counts here and not on the GPU.
    std::array<double, kComponentCount> host{};
    double host_total = 0;
    double params_total = 0;
    double params_active = 0;
    double params_trainable = 0;
    // vLLM: the tokens its KV-cache pool holds (whole blocks), and how many sequences of seq_len
    // tokens fit in it at once (the "maximum concurrency" vLLM prints). 0 for other runtimes.
    double kv_pool_tokens = 0;
    double max_concurrency = 0;
    // How estimates of this runtime and mode did against published measurements
    // (calibration.h), or nullptr: no runtime, or no measured runs of its kind.
    const CalibrationSummary* calibration = nullptr;
    // The seeds' seven components, and a runtime's own when one is chosen, in kAllComponents order.
    Formulas formulas;
    Fits fits;                      // every catalogue GPU, catalogue order

    double operator[](Component c) const { return bytes[static_cast<int>(c)]; }
    // A part's share of the total, in percent (0 when the total is 0).
    double share_percent(double part) const { return total > 0 ? 100.0 * part / total : 0.0; }
};

// Precondition: validate(s) is empty. Result is finite and non-negative.
Estimate estimate(const Scenario& s);

// What to build besides the bytes. Searches that call the estimator many times and read only
// the totals turn both off: the formula text is most of an estimate's cost.
struct EstimateOptions {
    bool formulas = true;  // off: `formulas` is empty
    bool fits = true;      // off: `fits` is empty
};
// The bytes, host bytes, totals and parameter counts are identical whatever the options.
Estimate estimate(const Scenario& s, const EstimateOptions& options);

// Activation bytes for one transformer layer (Korthikanti et al. 2022), exposed for the
// per-layer view of seed 003.
double activation_bytes_per_layer(const Scenario& s);

}  // namespace headroom
