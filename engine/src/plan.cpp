// Planning on top of estimate(): GPU count and cost (seed 002), the largest batch that fits,
// and the layout search.
#include "headroom/plan.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace headroom {

namespace {

// The searches read only the per-GPU total: skip the formula text and the fits list.
double total_bytes(const Scenario& s) { return estimate(s, EstimateOptions{.formulas = false, .fits = false}).total; }

}  // namespace

long long gpus_needed(double bytes, double capacity_bytes) {
    if (!(bytes > 0) || !(capacity_bytes > 0)) return 0;
    const double n = std::ceil(bytes / capacity_bytes);
    return n < 9e18 ? static_cast<long long>(n) : LLONG_MAX;  // saturates rather than overflow
}

double training_cost(long long gpus, double hourly_rate, double hours) { return double(gpus) * hourly_rate * hours; }

long long max_batch(const Scenario& s, double capacity_bytes) {
    Scenario t = s;
    auto fits = [&](long long b) {
        t.batch = b;
        return total_bytes(t) <= capacity_bytes;
    };
    if (!fits(1)) return 0;
    long long lo = 1, hi = 2;  // invariant: fits(lo) and, once the loop ends, !fits(hi)
    while (hi <= kMaxBatchSize && fits(hi)) {
        lo = hi;
        hi *= 2;
    }
    if (hi > kMaxBatchSize) {
        if (fits(kMaxBatchSize)) return kMaxBatchSize;
        hi = kMaxBatchSize;
    }
    while (hi - lo > 1) {
        const long long mid = lo + (hi - lo) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

namespace {

std::vector<int> powers_of_two_upto(long long limit) {
    std::vector<int> out;
    for (long long v = 1; v <= limit && v <= (1 << 20); v *= 2) out.push_back(int(v));
    return out;
}

int recompute_rank(Recompute r) { return r == Recompute::None ? 0 : r == Recompute::Selective ? 1 : 2; }

// Lexicographic preference among layouts with the same GPU count: less recompute (faster),
// larger micro-batch (better utilisation), less tensor parallelism (less communication),
// lower ZeRO stage, fewer pipeline stages.
bool preferred(const Layout& a, const Layout& b) {
    const Scenario &x = a.scenario, &y = b.scenario;
    if (recompute_rank(x.recompute) != recompute_rank(y.recompute))
        return recompute_rank(x.recompute) < recompute_rank(y.recompute);
    if (x.batch != y.batch) return x.batch > y.batch;
    if (x.parallel.tp != y.parallel.tp) return x.parallel.tp < y.parallel.tp;
    if (x.parallel.zero != y.parallel.zero) return x.parallel.zero < y.parallel.zero;
    return x.parallel.pp < y.parallel.pp;
}

}  // namespace

Plan plan_layout(const Scenario& s, double capacity_bytes, const PlanOptions& o) {
    Plan out;
    const bool train = s.mode == Mode::Training;
    const ModelArch& m = s.model;

    std::vector<int> tps;
    for (int t : powers_of_two_upto(o.max_tp))
        if (m.heads <= 0 ? t == 1 : m.heads % t == 0) tps.push_back(t);
    const std::vector<int> pps = powers_of_two_upto(std::max(1, m.layers));
    std::vector<int> zeros = {s.parallel.zero};
    std::vector<Recompute> recomputes = {s.recompute};
    std::vector<long long> micro = {s.batch};
    if (train) {
        zeros = {0, 1, 2, 3};
        if (o.vary_recompute && s.recompute != Recompute::Sqrt)
            recomputes = {Recompute::None, Recompute::Selective, Recompute::Full};
        if (o.vary_micro_batch)
            for (long long b = s.batch / 2; b >= 1; b /= 2) micro.push_back(b);
    }

    // The per-GPU total when `t` is valid and fits; negative otherwise.
    auto fitting_total = [&](const Scenario& t) {
        if (!validate(t).empty()) return -1.0;
        ++out.evaluated;
        const double total = total_bytes(t);
        return total <= capacity_bytes ? total : -1.0;
    };

    // Fewest GPUs first: every (tp, pp, dp) with tp·pp·dp = g, for g = 1, 2, 4, ...
    for (long long g = 1; g <= o.max_gpus && !out.found; g *= 2) {
        for (int tp : tps)
            for (int pp : pps) {
                if (g % (static_cast<long long>(tp) * pp) != 0) continue;
                const long long dp = g / (static_cast<long long>(tp) * pp);
                if (!train && dp > 1) continue;  // data parallelism adds no memory relief in inference
                Scenario t = s;
                t.parallel.tp = tp, t.parallel.pp = pp, t.parallel.dp = int(dp);
                t.parallel.sp = s.parallel.sp && tp > 1;
                if (is_moe(m) && s.parallel.ep >= 1) t.parallel.ep = std::gcd(m.experts, int(dp));
                // Prune: if the most frugal setting of this (tp, pp, dp) does not fit, none will.
                Scenario frugal = t;
                frugal.parallel.zero = zeros.back();
                frugal.recompute = recomputes.back();
                frugal.batch = micro.back();
                if (train && s.offload.params) frugal.parallel.zero = 3;
                if (fitting_total(frugal) < 0) continue;
                // The preferred fitting setting for this (tp, pp, dp).
                bool done = false;
                for (Recompute r : recomputes) {
                    for (long long b : micro) {
                        for (int z : zeros) {
                            if (dp == 1 && z > 0 && !s.offload.optimizer) continue;  // ZeRO needs dp > 1
                            t.recompute = r, t.batch = b, t.parallel.zero = z;
                            const double total = fitting_total(t);
                            if (total < 0) continue;
                            const Layout l{t, g, total};
                            if (!out.found || preferred(l, out.best)) out.best = l;
                            out.found = true;
                            done = true;
                            break;
                        }
                        if (done) break;
                    }
                    if (done) break;
                }
            }
    }
    return out;
}

}  // namespace headroom
