// The estimator against stated sources: the seeds' worked examples (shared/seeds/), the ZeRO
// paper's model-state example, and hand-worked KV-cache sizes.
#include <gtest/gtest.h>

#include <cmath>

#include "headroom/estimate.h"
#include "headroom/format.h"

#include "scenario_helpers.h"

using namespace headroom;
using headroom::testing::parsed;
using headroom::testing::model_states;

namespace {

double round1(double bytes) { return std::round(bytes / kGB * 10) / 10; }

}  // namespace

// Seed 001 (training memory calculator), its default: 8.0B params, 32 layers, bf16, batch 1,
// seq 4096, Adam, selective recompute, no ZeRO prints
//   16.1 + 16.1 + 96.4 + 18.3 + 14.7 = 161.4 GB
// where its "optimizer state (adam, 12N)" is our master weights 4N + optimizer states 8N.
TEST(Seed001, DefaultScenarioComponentsToTheTenthOfAGB) {
    const Estimate e = estimate(default_scenario());
    EXPECT_EQ(round1(e[Component::Weights]), 16.1);
    EXPECT_EQ(round1(e[Component::Gradients]), 16.1);
    EXPECT_EQ(round1(e[Component::MasterWeights] + e[Component::OptimizerStates]), 96.4);
    EXPECT_EQ(round1(e[Component::Activations]), 18.3);
    EXPECT_EQ(round1(e[Component::Overhead]), 14.7);
    EXPECT_EQ(round1(e.total), 161.4);
    EXPECT_EQ(e[Component::KvCache], 0);
}

// Seed 001 formulas: Adam-8bit ≈ 6 B per parameter (fp32 master 4 B + two 1-byte states),
// SGD-momentum ≈ 8 B (master 4 B + momentum 4 B).
TEST(Seed001, OptimizerBytesPerParameter) {
    Scenario s = default_scenario();
    const double n = total_params(s.model);
    auto state_bytes = [&](Optimizer o) {
        s.optimizer = o;
        const Estimate e = estimate(s);
        return (e[Component::MasterWeights] + e[Component::OptimizerStates]) / n;
    };
    EXPECT_DOUBLE_EQ(state_bytes(Optimizer::AdamW), 12);
    EXPECT_DOUBLE_EQ(state_bytes(Optimizer::AdamW8bit), 6);
    EXPECT_DOUBLE_EQ(state_bytes(Optimizer::SgdMomentum), 8);
    EXPECT_DOUBLE_EQ(state_bytes(Optimizer::Sgd), 4);
}

// Seed 001: "Full recompute keeps only ~2·s·b·h per layer" (Korthikanti et al. 2022, Table 2:
// full recomputation 2sbhL).
TEST(Seed001, FullRecomputeKeepsTwoSbhPerLayer) {
    const Scenario s = parsed(R"({"recompute": "full"})");
    EXPECT_DOUBLE_EQ(estimate(s)[Component::Activations], 2.0 * 4096 * 1 * 4096 * 32);
}

// Korthikanti et al. 2022, Table 2, no parallelism, no recompute: sbh(34 + 5as/h) per layer.
// The paper (and seed 001, "assumes vanilla transformer") counts eager attention, which stores the
// s × s scores; fused attention, the default, does not.
TEST(Korthikanti, NoRecomputeKeepsTheAttentionScores) {
    const Scenario s = parsed(R"({"recompute": "none", "flash_attention": false})");
    const double sbh = 4096.0 * 1 * 4096;
    EXPECT_DOUBLE_EQ(activation_bytes_per_layer(s), sbh * (34 + 5.0 * 32 * 4096 / 4096));
}

// Korthikanti et al. 2022, Table 2, with tensor parallel size t: sbh(10 + 24/t + 5as/(ht));
// with sequence parallelism sbh(34/t + 5as/(ht)); selective + SP: sbh·34/t.
TEST(Korthikanti, TensorAndSequenceParallelPerLayer) {
    const double sbh = 2048.0 * 4 * 8192, as_h = 64.0 * 2048 / 8192;
    const Scenario tp = parsed(R"({"model":"llama-3.1-70b","seq_len":2048,"batch":4,"recompute":"none","flash_attention":false,"parallel":{"tp":8}})");
    EXPECT_DOUBLE_EQ(activation_bytes_per_layer(tp), sbh * (10 + 24.0 / 8 + 5 * as_h / 8));
    const Scenario sp = parsed(R"({"model":"llama-3.1-70b","seq_len":2048,"batch":4,"recompute":"none","flash_attention":false,"parallel":{"tp":8,"sp":true}})");
    EXPECT_DOUBLE_EQ(activation_bytes_per_layer(sp), sbh * (34.0 / 8 + 5 * as_h / 8));
    const Scenario sel = parsed(R"({"model":"llama-3.1-70b","seq_len":2048,"batch":4,"recompute":"selective","parallel":{"tp":8,"sp":true}})");
    EXPECT_DOUBLE_EQ(activation_bytes_per_layer(sel), sbh * 34.0 / 8);
}

// Seed 003 (activation memory calculator) defaults: 7B-class (h 4096, 32 layers), 4K
// sequence, micro-batch 2, 34 bytes per token per hidden (no s² term): ~36.5e9 bytes,
// "36 GB of activations dwarf the 14 GB of weights".
TEST(Seed003, DefaultActivationsAndSqrtCheckpointing) {
    const Scenario s = parsed(R"({"model":"llama-2-7b","batch":2,"seq_len":4096,"recompute":"none","flash_attention":true})");
    const double expected = 34.0 * 4096 * 2 * 4096 * 32;
    EXPECT_NEAR(expected, 36.5e9, 0.05e9);  // the seed's figure, to its precision
    EXPECT_DOUBLE_EQ(estimate(s)[Component::Activations], expected);
    EXPECT_DOUBLE_EQ(activation_bytes_per_layer(s), expected / 32);

    // √L checkpointing (Chen et al. 2016) cuts "~80%" here: at the peak, 5 other checkpoints of
    // 2sbh plus one 6-layer segment of 34sbh (whose input is its own checkpoint) = 214 sbh
    // against 1088 sbh, an 80.3% cut.
    Scenario ck = s;
    ck.recompute = Recompute::Sqrt;
    const double cut = 1 - estimate(ck)[Component::Activations] / expected;
    EXPECT_NEAR(cut, 0.80, 0.02);
    EXPECT_DOUBLE_EQ(estimate(ck)[Component::Activations], 214.0 * 4096 * 2 * 4096);
}

// Seed 002 (mixed-precision savings), its 7B overview: 7,000M params, batch 8, 2 GB fixed
// overhead; baseline fp32 weights/gradients, Adam states 2 × 4 B, activations 1.72 GB; mixed
// fp16 weights/gradients, fp32 master weights, activations 1.09 GB. Totals 108.03 and 107.40
// (the seed's "GB" are GiB: 7e9 × 4 B = 26.08 "GB"). Activations per sample: 220 MiB
// (1.72 GiB / 8) and 140 MiB (1.09 GiB / 8).
TEST(Seed002, SevenBillionOverview) {
    const Scenario baseline = parsed(R"({"model":{"params":7e9},"batch":8,"activation_model":"per_sample",
        "activation_bytes_per_sample":230686720,
        "dtypes":{"weights":"fp32","gradients":"fp32","master_weights":"none","optimizer_state":"fp32"},
        "overhead":{"fraction":0,"bytes":2147483648}})");
    const Scenario mixed = parsed(R"({"model":{"params":7e9},"batch":8,"activation_model":"per_sample",
        "activation_bytes_per_sample":146800640,
        "dtypes":{"weights":"fp16","gradients":"fp16","master_weights":"fp32","optimizer_state":"fp32"},
        "overhead":{"fraction":0,"bytes":2147483648}})");
    const Estimate b = estimate(baseline), m = estimate(mixed);
    auto gib2 = [](double bytes) { return std::round(bytes / kGiB * 100) / 100; };
    EXPECT_EQ(gib2(b[Component::Weights]), 26.08);
    EXPECT_EQ(gib2(b[Component::OptimizerStates]), 52.15);
    EXPECT_EQ(gib2(b[Component::Activations]), 1.72);
    EXPECT_EQ(gib2(b.total), 108.03);
    EXPECT_EQ(gib2(m[Component::Weights]), 13.04);
    EXPECT_EQ(gib2(m[Component::MasterWeights]), 26.08);
    EXPECT_EQ(gib2(m.total), 107.40);
}

// Seed 004 (NN memory usage), BERT-base training in FP32 with Adam: weights 110M × 4 B =
// 440 MB, gradients 440 MB, Adam states 110M × 8 B = 880 MB.
TEST(Seed004, BertBaseModelStates) {
    const Scenario s = parsed(R"({"model":{"params":110e6},"activation_model":"per_sample",
        "dtypes":{"weights":"fp32","gradients":"fp32","master_weights":"none"}, "overhead":{"fraction":0}})");
    const Estimate e = estimate(s);
    EXPECT_DOUBLE_EQ(e[Component::Weights], 440e6);
    EXPECT_DOUBLE_EQ(e[Component::Gradients], 440e6);
    EXPECT_DOUBLE_EQ(e[Component::OptimizerStates], 880e6);
    EXPECT_EQ(e[Component::MasterWeights], 0);
}

// Rajbhandari et al. 2020 (ZeRO), §5 / Figure 1: Ψ = 7.5B, mixed-precision Adam (K = 12),
// N_d = 64: baseline (2 + 2 + K)Ψ = 120 GB; P_os 31.4 GB; P_os+g 16.6 GB; P_os+g+p 1.9 GB.
TEST(Zero, PaperModelStateExample) {
    auto model_states = [](int stage) {
        Scenario s = default_scenario();
        s.model = ModelArch{};
        s.model.params = 7.5e9;
        s.model_preset.clear();
        s.activation_model = ActivationModel::PerSample;
        s.dtypes.weights = s.dtypes.gradients = DType::FP16;
        s.parallel.dp = 64;
        s.parallel.zero = stage;
        EXPECT_TRUE(validate(s).empty());
        const Estimate e = estimate(s);
        return e[Component::Weights] + e[Component::Gradients] + e[Component::MasterWeights] +
               e[Component::OptimizerStates];
    };
    EXPECT_NEAR(model_states(0) / kGB, 120.0, 0.05);
    EXPECT_NEAR(model_states(1) / kGB, 31.4, 0.05);
    EXPECT_NEAR(model_states(2) / kGB, 16.6, 0.05);
    EXPECT_NEAR(model_states(3) / kGB, 1.9, 0.05);
}

// ZeRO stage 3 over 8 GPUs divides every model state by 8 (Rajbhandari et al. 2020, §5.3).
TEST(Zero, Stage3OverEightGpusDividesModelStatesByEight) {
    const Estimate one = estimate(parsed(R"({})"));
    const Estimate eight = estimate(parsed(R"({"parallel":{"dp":8,"zero":3}})"));
    for (Component c : {Component::Weights, Component::MasterWeights, Component::Gradients, Component::OptimizerStates})
        EXPECT_DOUBLE_EQ(eight[c] * 8, one[c]) << component_id(c);
    EXPECT_DOUBLE_EQ(eight[Component::Activations], one[Component::Activations]);
}

// KV cache, worked by hand for Llama 3.1 8B (config.json: 32 layers, 8 KV heads, head_dim
// 128) at 8,192 tokens, batch 4, bf16: 2 × 32 × 8 × 128 × 8192 × 4 × 2 B = 4,294,967,296 B
// (4 GiB), a quarter of what 32 full heads would need.
TEST(KvCache, GroupedQueryAttentionWorkedByHand) {
    const Estimate e = estimate(parsed(R"({"mode":"inference","batch":4,"seq_len":8192})"));
    EXPECT_DOUBLE_EQ(e[Component::KvCache], 4294967296.0);
    EXPECT_EQ(e[Component::Gradients], 0);
    EXPECT_EQ(e[Component::OptimizerStates], 0);
    EXPECT_EQ(e[Component::MasterWeights], 0);
    // Llama 2 7B has 32 KV heads (MHA): 4× the GQA cache at the same shape.
    const Estimate mha = estimate(parsed(R"({"mode":"inference","model":"llama-2-7b","batch":4,"seq_len":8192})"));
    EXPECT_DOUBLE_EQ(mha[Component::KvCache], 4 * 4294967296.0);
}

TEST(Estimate, ComponentsAddUpToTheTotal) {
    for (const char* doc : {R"({})", R"({"mode":"inference"})", R"({"parallel":{"dp":4,"zero":2,"tp":2}})"}) {
        const Estimate e = estimate(parsed(doc));
        double sum = 0;
        for (double b : e.bytes) sum += b;
        EXPECT_DOUBLE_EQ(sum, e.total) << doc;
        EXPECT_EQ(e.formulas.size(), size_t(kSeedComponentCount));
    }
}

TEST(Estimate, FitsAgainstTheCatalogue) {
    const Estimate e = estimate(default_scenario());  // 161.4 GB
    for (const Fit& f : e.fits) {
        EXPECT_EQ(f.fits, e.total <= f.capacity_bytes) << f.name;
        EXPECT_DOUBLE_EQ(f.free_bytes, f.capacity_bytes - e.total);
    }
}

TEST(Estimate, FormulasCarryTheirNumbersAndSources) {
    const Estimate e = estimate(default_scenario());
    const Formula& act = e.formulas[static_cast<int>(Component::Activations)];
    EXPECT_EQ(act.component, Component::Activations);
    EXPECT_NE(act.substituted.find("4096·1·4096"), std::string::npos) << act.substituted;
    EXPECT_NE(act.substituted.find("18.25 GB"), std::string::npos) << act.substituted;
    EXPECT_NE(act.source.find("Korthikanti"), std::string::npos);
}

// The web UI copies Estimates (A/B compare): a copy's formulas read the copy's own text, which
// outlives the original; a move carries the text along.
TEST(Estimate, FormulasSurviveCopiesAndMoves) {
    const Estimate reference = estimate(parsed(R"({"parallel":{"dp":8,"zero":3},"finetune":"lora"})"));
    Estimate copy, moved;
    {
        Estimate original = estimate(parsed(R"({"parallel":{"dp":8,"zero":3},"finetune":"lora"})"));
        copy = original;
        moved = std::move(original);
        original = estimate(parsed(R"({"mode":"inference"})"));  // reuse: must not touch the others
    }
    ASSERT_EQ(copy.formulas.size(), reference.formulas.size());
    ASSERT_EQ(moved.formulas.size(), reference.formulas.size());
    for (size_t i = 0; i < reference.formulas.size(); ++i) {
        for (const Estimate* e : {&copy, &moved}) {
            const Formula f = e->formulas[i];
            EXPECT_EQ(f.component, reference.formulas[i].component);
            EXPECT_EQ(f.formula, reference.formulas[i].formula);
            EXPECT_EQ(f.substituted, reference.formulas[i].substituted);
            EXPECT_EQ(f.source, reference.formulas[i].source);
        }
    }
    EXPECT_EQ(copy.fits.size(), reference.fits.size());
}
