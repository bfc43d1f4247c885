// Properties over many random valid scenarios (fixed-seed PRNG, so every run checks the same
// ones): every component finite and non-negative, components add up to the total, memory never
// falls when batch, sequence or layers grow, never rises when the ZeRO stage, tp, pp or the
// recompute level rises (none ≥ selective ≥ full; √L checkpointing ≤ none), LoRA never above
// full fine-tuning, QLoRA never above LoRA.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "headroom/estimate.h"

using namespace headroom;

namespace {

constexpr int kScenarios = 3000;

// Draws from a fixed-seed engine by hand (the standard distributions differ across libraries).
struct Draw {
    std::mt19937_64 rng{20240611};
    long long upto(long long n) { return n <= 1 ? 0 : static_cast<long long>(rng() % static_cast<unsigned long long>(n)); }
    long long between(long long lo, long long hi) { return lo + upto(hi - lo + 1); }
    bool coin(int percent = 50) { return upto(100) < percent; }
    template <typename T, size_t N>
    T pick(const T (&items)[N]) { return items[upto(N)]; }
    long long pow2(int max_exp) { return 1LL << upto(max_exp + 1); }
};

Scenario random_scenario(Draw& d) {
    Scenario s = default_scenario();
    const auto presets = model_catalogue();
    if (d.coin(70)) {
        const ModelPreset& p = presets[d.upto(presets.size())];
        s.model_preset = std::string(p.id);
        s.model = p.arch;
    } else {
        ModelArch m;
        m.heads = int(d.pow2(6));
        m.hidden = m.heads * int(d.between(8, 256));
        m.layers = int(d.between(1, 96));
        m.kv_heads = d.coin() ? m.heads / int(d.pow2(3) > m.heads ? 1 : d.pow2(3)) : 0;
        m.ffn = d.coin() ? int(d.between(1, 8 * m.hidden)) : 0;
        m.vocab = int(d.between(1, 300000));
        m.gated_ffn = d.coin();
        m.tied_embeddings = d.coin();
        if (d.coin(20)) {
            m.experts = int(d.pow2(6));
            m.experts_active = int(d.between(1, m.experts));
            m.shared_experts = int(d.upto(3));
            m.dense_layers = int(d.upto(m.layers + 1));
            m.moe_ffn = d.coin() ? int(d.between(1, 4 * m.hidden)) : 0;
        }
        if (d.coin(15)) m.kv_lora_rank = int(d.between(1, 1024)), m.rope_head_dim = int(d.upto(128));
        if (d.coin(15)) m.sliding_window = int(d.between(1, 8192)), m.global_layers = int(d.upto(m.layers + 1));
        if (d.coin(10)) m.params = double(d.between(1, 1000)) * 1e9;
        s.model_preset.clear();
        s.model = m;
    }
    s.mode = d.coin(75) ? Mode::Training : Mode::Inference;
    s.batch = d.between(1, 64);
    s.seq_len = d.between(1, 32768);
    if (d.coin(20)) s.kv_tokens = d.between(1, 65536);
    if (d.coin(10)) s.kv_cache = d.coin();
    s.dtypes.weights = d.pick(kAllDTypes);
    s.dtypes.gradients = d.pick(kAllDTypes);
    s.dtypes.activations = d.pick(kAllDTypes);
    s.dtypes.kv_cache = d.pick(kAllDTypes);
    s.dtypes.optimizer_state = d.pick(kAllDTypes);
    s.dtypes.logits = d.pick(kAllDTypes);
    s.dtypes.master_weights = d.coin(30) ? std::nullopt : std::optional<DType>(d.pick(kAllDTypes));
    constexpr Optimizer optimizers[] = {Optimizer::AdamW, Optimizer::AdamW8bit, Optimizer::SgdMomentum,
                                        Optimizer::Sgd, Optimizer::Adafactor, Optimizer::Lion};
    s.optimizer = d.pick(optimizers);
    constexpr Recompute recomputes[] = {Recompute::None, Recompute::Selective, Recompute::Full, Recompute::Sqrt};
    s.recompute = d.pick(recomputes);
    s.flash_attention = d.coin();
    constexpr ActivationModel models[] = {ActivationModel::Transformer, ActivationModel::Transformer,
                                          ActivationModel::Multiplier, ActivationModel::PerSample};
    s.activation_model = d.pick(models);
    s.activation_multiplier = double(d.between(1, 40));
    s.checkpoint_factor = double(d.between(1, 100)) / 100;
    s.activation_bytes_per_sample = double(d.upto(1LL << 32));
    Parallel& p = s.parallel;
    p.tp = int(d.pow2(3));
    if (s.model.heads % p.tp != 0) p.tp = 1;
    p.pp = int(std::min<long long>(d.pow2(4), s.model.layers));
    p.dp = int(d.pow2(7));
    p.zero = int(d.upto(4));
    p.sp = d.coin();
    if (is_moe(s.model) && d.coin()) p.ep = std::min(p.dp, s.model.experts);
    if (d.coin(20)) s.grad_accum = d.between(1, 64);
    s.embeddings_and_logits = d.coin(30) && s.model.vocab > 0;
    constexpr Finetune finetunes[] = {Finetune::Full, Finetune::Full, Finetune::Lora, Finetune::Qlora};
    s.finetune = d.pick(finetunes);
    s.lora.rank = int(d.between(1, 64));
    s.lora.modules = unsigned(d.between(1, 0x7F));
    s.offload.optimizer = p.zero > 0 && d.coin(20);
    s.offload.params = p.zero == 3 && d.coin(20);
    s.overhead.fraction = double(d.upto(30)) / 100;
    s.overhead.bytes = double(d.upto(1LL << 31));
    return s;
}

// A valid random scenario; ones that fail validation are drawn again.
Scenario valid_scenario(Draw& d) {
    for (;;) {
        Scenario s = random_scenario(d);
        if (validate(s).empty()) return s;
    }
}

double total(const Scenario& s) { return estimate(s).total; }

// Relative slack for sums of large doubles.
bool no_more(double a, double b) { return a <= b * (1 + 1e-12) + 1e-6; }

}  // namespace

TEST(Properties, FiniteNonNegativeAndAddingUp) {
    Draw d;
    for (int i = 0; i < kScenarios; ++i) {
        const Scenario s = valid_scenario(d);
        const Estimate e = estimate(s);
        double sum = 0, host = 0;
        for (Component c : kAllComponents) {
            const double b = e[c], h = e.host[static_cast<int>(c)];
            ASSERT_TRUE(std::isfinite(b) && b >= 0) << scenario_to_json(s) << " " << component_id(c) << " = " << b;
            ASSERT_TRUE(std::isfinite(h) && h >= 0) << scenario_to_json(s) << " host " << component_id(c);
            sum += b;
            host += h;
        }
        ASSERT_NEAR(sum, e.total, e.total * 1e-12) << scenario_to_json(s);
        ASSERT_NEAR(host, e.host_total, e.host_total * 1e-12 + 1e-9);
        ASSERT_TRUE(std::isfinite(e.params_total) && e.params_total > 0);
        ASSERT_TRUE(e.params_trainable >= 0 && e.params_trainable <= e.params_total + e.params_total);
        ASSERT_EQ(e.formulas.size(), size_t(listed_components(s)));
        ASSERT_TRUE(e.allocated >= 0 && e.allocated <= e.reserved && e.reserved <= e.total) << scenario_to_json(s);
    }
}

TEST(Properties, NeverFallsWhenBatchSequenceOrLayersGrow) {
    Draw d;
    for (int i = 0; i < kScenarios; ++i) {
        const Scenario s = valid_scenario(d);
        const double base = total(s);
        Scenario t = s;
        t.batch = s.batch + d.between(1, 8);
        ASSERT_TRUE(no_more(base, total(t))) << "batch " << scenario_to_json(s);
        t = s;
        t.seq_len = s.seq_len * 2;
        if (validate(t).empty()) ASSERT_TRUE(no_more(base, total(t))) << "seq " << scenario_to_json(s);
        // More layers (when the count is derived: a given `params` stays fixed as layers grow).
        t = s;
        t.model_preset.clear();
        t.model.layers = s.model.layers + int(d.between(1, 4));
        if (s.model.params == 0 && validate(t).empty()) ASSERT_TRUE(no_more(base, total(t))) << "layers " << scenario_to_json(s);
    }
}

TEST(Properties, NeverRisesWithMoreShardingOrRecompute) {
    Draw d;
    for (int i = 0; i < kScenarios; ++i) {
        const Scenario s = valid_scenario(d);
        const double base = total(s);
        // A higher ZeRO stage over the same dp (offload constrains the stages it allows).
        for (int z = s.parallel.zero + 1; z <= 3; ++z) {
            Scenario t = s;
            t.parallel.zero = z;
            if (validate(t).empty()) ASSERT_TRUE(no_more(total(t), base)) << "zero " << z << " " << scenario_to_json(s);
        }
        // Twice the tensor parallelism, when the heads still divide.
        Scenario t = s;
        t.parallel.tp = s.parallel.tp * 2;
        if (validate(t).empty()) ASSERT_TRUE(no_more(total(t), base)) << "tp " << scenario_to_json(s);
        // Twice the pipeline stages, when they divide the layers evenly (with uneven stages the
        // busiest one may hold ⌈L/p⌉·p > L layers' activations); without the input layer, whose
        // dropout mask Korthikanti counts per micro-batch in flight, sbh·p/t, which grows with p;
        // and not under √L checkpointing, whose ⌈√(L/p)⌉ checkpoints per micro-batch in flight
        // approach one per layer as the stages shrink; and over a uniform stack (a dense-first MoE
        // model's first stage holds its heavier dense layers, p micro-batches of them).
        t = s;
        t.parallel.pp = s.parallel.pp * 2;
        const bool uniform = !is_moe(s.model) || s.model.dense_layers == 0;
        if (s.model.layers % t.parallel.pp == 0 && !s.embeddings_and_logits && s.recompute != Recompute::Sqrt &&
            uniform && validate(t).empty())
            ASSERT_TRUE(no_more(total(t), base)) << "pp " << scenario_to_json(s);
        // Recompute: none ≥ selective ≥ full, and √L checkpointing ≤ none.
        auto with = [&](Recompute r) {
            Scenario u = s;
            u.recompute = r;
            return total(u);
        };
        const double none = with(Recompute::None), selective = with(Recompute::Selective),
                     full = with(Recompute::Full), sqrt = with(Recompute::Sqrt);
        ASSERT_TRUE(no_more(selective, none)) << scenario_to_json(s);
        ASSERT_TRUE(no_more(full, selective)) << scenario_to_json(s);
        ASSERT_TRUE(no_more(sqrt, none)) << scenario_to_json(s);
    }
}

// LoRA adds r·(rows + cols) adapter weights and drops the gradients and optimizer state of the
// frozen base. It stays below full fine-tuning when the adapters are small against the model
// (rank ≤ 64 here on models at least 64× wider) and the base's gradients and optimizer state
// sit on this GPU (no offload, no ZeRO sharding them over dp, which could make them smaller
// than the adapters' extra weights).
TEST(Properties, LoraNeverAboveFullFineTuning) {
    Draw d;
    int checked = 0;
    for (int i = 0; i < kScenarios; ++i) {
        Scenario s = valid_scenario(d);
        if (s.mode != Mode::Training || s.model.hidden < 64 * 64 || s.offload.optimizer || s.offload.params) continue;
        s.parallel.zero = 0;
        s.finetune = Finetune::Full;
        if (!validate(s).empty()) continue;
        Scenario lora = s, qlora = s;
        lora.finetune = Finetune::Lora;
        qlora.finetune = Finetune::Qlora;
        qlora.dtypes.weights = lora.dtypes.weights = s.dtypes.weights;
        if (!validate(lora).empty()) continue;
        ++checked;
        ASSERT_TRUE(no_more(total(lora), total(s))) << scenario_to_json(lora);
        if (dtype_bytes(s.dtypes.weights) >= 1) ASSERT_TRUE(no_more(total(qlora), total(lora))) << scenario_to_json(qlora);
    }
    EXPECT_GT(checked, 100);
}
