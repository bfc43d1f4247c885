// Planning on top of estimate(): how many GPUs, what they cost, the largest batch that fits,
// and the layout (tp × pp × dp × ZeRO × micro-batch × recompute) that fits on the fewest GPUs.
// Pure functions; each calls estimate() as often as it needs and nothing else.
#pragma once
#include <string>
#include <vector>

#include "headroom/estimate.h"

namespace headroom {

// Seed 002: "Ceiling(Training Memory ÷ Selected GPU Memory)". A naive count that treats the
// memory as perfectly divisible; the planner below is the faithful answer. 0 for 0 bytes.
long long gpus_needed(double bytes, double capacity_bytes);
// Seed 002: "Required GPU Count × GPU Hourly Rate × Training Hours".
double training_cost(long long gpus, double hourly_rate, double hours);

// The largest micro-batch (sequences per GPU) whose estimate fits in `capacity_bytes`, with
// every other field of `s` kept; 0 when not even batch 1 fits. Precondition: validate(s) is
// empty. Memory never falls as the batch grows, so a doubling then bisecting search is exact.
long long max_batch(const Scenario& s, double capacity_bytes);

struct PlanOptions {
    long long max_gpus = 4096;   // the largest world size (tp × pp × dp) to consider
    int max_tp = 8;              // tensor parallelism stays within a node
    bool vary_recompute = true;  // may choose none / selective / full recompute (training)
    bool vary_micro_batch = true;  // may lower the micro-batch (gradient accumulation keeps the step)
};

struct Layout {
    Scenario scenario;        // the input scenario with the layout applied
    long long gpus = 0;       // tp × pp × dp
    double total_bytes = 0;   // per GPU
};

struct Plan {
    bool found = false;
    Layout best;               // fewest GPUs; ties: less recompute, larger micro-batch, less tp, lower ZeRO
    long long evaluated = 0;   // estimates computed
};

// Searches tp (dividing the heads, ≤ max_tp) × pp (powers of two ≤ layers) × dp (powers of
// two) × ZeRO 0-3 × recompute × micro-batch (the scenario's, halved down to 1) for the
// layout with the fewest GPUs whose per-GPU memory fits `capacity_bytes`. With a MoE model
// expert parallelism takes the largest ep dividing both the experts and dp. Inference plans
// tp × pp only. Precondition: validate(s) is empty.
Plan plan_layout(const Scenario& s, double capacity_bytes, const PlanOptions& options = {});

}  // namespace headroom
