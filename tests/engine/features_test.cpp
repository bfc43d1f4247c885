// The model beyond the seeds: LoRA/QLoRA, Lion/Adafactor, ZeRO-Offload, MoE with expert
// parallelism, MLA, sliding windows, MQA, gradient accumulation, the input/output layers.
// Each case names its source; tolerances are exact unless stated.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "headroom/estimate.h"
#include "headroom/format.h"
#include "headroom/report.h"

#include "scenario_helpers.h"

using namespace headroom;
using headroom::testing::parsed;
using headroom::testing::model_states;

// Hugging Face PEFT's README: Llama-2-7b with LoRA r=8 on q_proj and v_proj prints
// "trainable params: 4,194,304". Llama-3-8B, r=16 on all linear layers: 41,943,040.
TEST(Lora, TrainableParamsMatchPeft) {
    EXPECT_EQ(estimate(parsed(R"({"model":"llama-2-7b","finetune":"lora","lora":{"rank":8,"modules":["q","v"]}})"))
                  .params_trainable,
              4194304);
    EXPECT_EQ(estimate(parsed(R"({"finetune":"lora"})")).params_trainable, 41943040);
}

// LoRA (Hu et al. 2021, §4.1): only the adapters carry gradients, master weights and optimizer
// state; the frozen base keeps its weights; activations are unchanged (seed 003's FAQ).
TEST(Lora, OnlyAdaptersCarryTrainingState) {
    const Estimate full = estimate(parsed("{}"));
    const Estimate lora = estimate(parsed(R"({"finetune":"lora","lora":{"rank":16}})"));
    const double a = 41943040;
    EXPECT_DOUBLE_EQ(lora[Component::Weights], full[Component::Weights] + a * 2);
    EXPECT_DOUBLE_EQ(lora[Component::Gradients], a * 2);
    EXPECT_DOUBLE_EQ(lora[Component::MasterWeights], a * 4);
    EXPECT_DOUBLE_EQ(lora[Component::OptimizerStates], a * 8);
    EXPECT_DOUBLE_EQ(lora[Component::Activations], full[Component::Activations]);
    EXPECT_LT(lora.total, full.total);
}

// QLoRA (Dettmers et al. 2023, §3): the base's linear layers in NF4, 4 bits, plus
// double-quantised constants, 8/64 + 32/(64·256) = 0.127 bits per parameter; bitsandbytes
// leaves the embeddings, the output layer and the norms in 16 bits (PEFT's
// prepare_model_for_kbit_training, transformers' skip of lm_head).
TEST(Lora, QloraBaseInNf4WithDoubleQuantisation) {
    const Estimate q = estimate(parsed(R"({"finetune":"qlora","lora":{"rank":16}})"));
    const double n = 8030261248.0, a = 41943040;
    const double kept = 2 * 128256.0 * 4096 + 65 * 4096.0;  // two embeddings, 65 norms
    EXPECT_NEAR(q[Component::Weights], (n - kept) * (4 + 0.127) / 8 + kept * 2 + a * 2, n * 0.0001);
}

// Lion keeps one momentum (Chen et al. 2023, §2): half of AdamW's two states. Adafactor's
// factored second moment (Shazeer & Stern 2018, §3) is rows + cols per matrix.
TEST(Optimizers, LionAndAdafactor) {
    const Estimate adam = estimate(parsed("{}"));
    const Estimate lion = estimate(parsed(R"({"optimizer":"lion"})"));
    EXPECT_DOUBLE_EQ(lion[Component::OptimizerStates] * 2, adam[Component::OptimizerStates]);
    const Scenario s = parsed(R"({"optimizer":"adafactor"})");
    EXPECT_DOUBLE_EQ(estimate(s)[Component::OptimizerStates], factored_state_elements(s.model) * 4);
    // Llama 3.1 8B by hand: per layer q (4096+4096), k and v (4096+1024) each, o (4096+4096),
    // gate and up (4096+14336) each, down (14336+4096), two norms 4096 each; two embeddings
    // (128256+4096); the final norm 4096.
    const double layer = 2 * 8192.0 + 2 * 5120.0 + 3 * 18432.0 + 2 * 4096.0;
    EXPECT_DOUBLE_EQ(factored_state_elements(s.model), 32 * layer + 2 * 132352.0 + 4096);
}

// ZeRO-Offload (Ren et al. 2021, §4.1): the GPU keeps the fp16 parameters (2Ψ bytes) and the
// host the fp16 gradients and fp32 parameters, momentum and variance (2Ψ + 12Ψ = 14Ψ).
TEST(Offload, ZeroOffloadSplitsTwoAndFourteenBytesPerParameter) {
    const Scenario s = parsed(R"({"model":{"params":10e9},"activation_model":"per_sample","overhead":{"fraction":0},
        "dtypes":{"weights":"fp16","gradients":"fp16"},"parallel":{"zero":2},"offload":{"optimizer":true}})");
    const Estimate e = estimate(s);
    EXPECT_DOUBLE_EQ(e.total, 2 * 10e9);
    EXPECT_DOUBLE_EQ(e.host_total, 14 * 10e9);
    // The result JSON reports host memory beside per_gpu.
    const nlohmann::json r = nlohmann::json::parse(estimate_to_json(e));
    EXPECT_EQ(r["host"]["total"], 140000000000LL);
    EXPECT_EQ(r["host"]["optimizer_states"], 80000000000LL);
    EXPECT_EQ(r["per_gpu"]["optimizer_states"], 0);
}

// ZeRO-Infinity parameter offload (Rajbhandari et al. 2021, §4.1): the weights go to the host,
// the GPU keeps the working set: the largest block (here one Llama layer, 218.1M parameters,
// against the 525M-parameter embedding) and the one being prefetched.
TEST(Offload, ParamOffloadNeedsStage3AndKeepsAWorkingSet) {
    EXPECT_FALSE(parse_scenario(R"({"parallel":{"zero":2},"offload":{"params":true}})").ok());
    EXPECT_FALSE(parse_scenario(R"({"offload":{"optimizer":true}})").ok());
    const Estimate e = estimate(parsed(R"({"parallel":{"zero":3,"dp":8},"offload":{"optimizer":true,"params":true}})"));
    const double n = 8030261248.0;
    EXPECT_DOUBLE_EQ(e[Component::Weights], 2 * (128256.0 * 4096) * 2);
    EXPECT_DOUBLE_EQ(e.host[static_cast<int>(Component::Weights)], n * 2 / 8);
    EXPECT_DOUBLE_EQ(e.host_total, n * (2 + 4 + 2 + 8) / 8);
}

// Mixture of experts with expert parallelism (Lepikhin et al. 2021, GShard; Rajbhandari et al.
// 2022, DeepSpeed-MoE): routed experts are spread over ep ranks, the rest replicated.
TEST(Moe, ExpertParallelismShardsOnlyTheExperts) {
    const Scenario s = parsed(R"({"model":"mixtral-8x7b","parallel":{"dp":8,"ep":8}})");
    const double n = derived_params(s.model), experts = derived_expert_params(s.model);
    EXPECT_DOUBLE_EQ(estimate(s)[Component::Weights], ((n - experts) + experts / 8) * 2);
    EXPECT_FALSE(parse_scenario(R"({"parallel":{"dp":8,"ep":8}})").ok());                           // dense model
    EXPECT_FALSE(parse_scenario(R"({"model":"mixtral-8x7b","parallel":{"dp":4,"ep":8}})").ok());   // ep ∤ dp
    EXPECT_FALSE(parse_scenario(R"({"model":"mixtral-8x7b","parallel":{"dp":6,"ep":3}})").ok());   // ep ∤ experts
}

// Routed activations: each token keeps the MLP intermediates (16 of Korthikanti's 34) for each
// of its k experts at the expert's width: Mixtral, k = 2, f = 3.5h: 34 + 16·(2·3.5/4 − 1) = 46.
TEST(Moe, RoutedActivations) {
    const Scenario s = parsed(R"({"model":"mixtral-8x7b","recompute":"selective"})");
    EXPECT_DOUBLE_EQ(activation_bytes_per_layer(s), 4096.0 * 4096 * 46);
}

// DeepSeek-V2 §2.1.2, Table 1: MLA caches (d_c + d_h^R) = 512 + 64 elements per token per
// layer. DeepSeek-V3 (61 layers) at 32,768 tokens in bf16: 61 × 576 × 32768 × 2 B.
TEST(KvCacheVariants, MultiHeadLatentAttention) {
    const Estimate e = estimate(parsed(R"({"mode":"inference","model":"deepseek-v3","seq_len":32768})"));
    EXPECT_DOUBLE_EQ(e[Component::KvCache], 61.0 * 576 * 32768 * 2);
    // Against MHA with 128 heads of 128 + 64 keys and 128 values: 57× smaller (the paper's "93.3%"
    // reduction is against DeepSeek 67B).
    EXPECT_LT(e[Component::KvCache] * 50, 61.0 * 128 * (192 + 128) * 32768 * 2);
}

// Sliding-window attention caps a layer's cache at the window (Jiang et al. 2023, Mistral 7B
// §2, rolling buffer cache): past 4,096 tokens Mistral 7B's cache stops growing. Gemma 2 caps
// only its local half (Gemma Team 2024, §2).
TEST(KvCacheVariants, SlidingWindowCaps) {
    const double at4k = estimate(parsed(R"({"mode":"inference","model":"mistral-7b","seq_len":4096})"))[Component::KvCache];
    const double at32k = estimate(parsed(R"({"mode":"inference","model":"mistral-7b","seq_len":32768})"))[Component::KvCache];
    EXPECT_DOUBLE_EQ(at4k, 2.0 * 32 * 8 * 128 * 4096 * 2);
    EXPECT_DOUBLE_EQ(at32k, at4k);
    const double gemma = estimate(parsed(R"({"mode":"inference","model":"gemma-2-9b","seq_len":8192})"))[Component::KvCache];
    EXPECT_DOUBLE_EQ(gemma, 2.0 * (21 * 8192 + 21 * 4096) * 8 * 256 * 2);
}

// MHA / GQA / MQA: the cache scales with kv_heads (Shazeer 2019; Ainslie et al. 2023). KV
// quantised to int4 is a quarter of bf16.
TEST(KvCacheVariants, AttentionVariantsAndQuantisation) {
    auto kv = [](const char* model) {
        std::string doc = std::string(R"({"mode":"inference","model":{"preset":"llama-2-7b",)") + model + "}}";
        return estimate(parsed(doc.c_str()))[Component::KvCache];
    };
    EXPECT_DOUBLE_EQ(kv(R"("kv_heads":32)") / kv(R"("kv_heads":8)"), 4);
    EXPECT_DOUBLE_EQ(kv(R"("kv_heads":32)") / kv(R"("kv_heads":1)"), 32);
    const double bf16 = estimate(parsed(R"({"mode":"inference"})"))[Component::KvCache];
    EXPECT_DOUBLE_EQ(estimate(parsed(R"({"mode":"inference","dtypes":{"kv_cache":"int4"}})"))[Component::KvCache] * 4, bf16);
    EXPECT_DOUBLE_EQ(estimate(parsed(R"({"mode":"inference","dtypes":{"kv_cache":"fp8"}})"))[Component::KvCache] * 2, bf16);
}

// 1F1B (Narayanan et al. 2021; Korthikanti §4.2.3): the first stage holds min(p, m) micro-batches.
TEST(Pipeline, GradientAccumulationBoundsTheMicroBatchesInFlight) {
    const double full = estimate(parsed(R"({"parallel":{"pp":4}})"))[Component::Activations];
    const double one = estimate(parsed(R"({"parallel":{"pp":4},"grad_accum":1})"))[Component::Activations];
    const double two = estimate(parsed(R"({"parallel":{"pp":4},"grad_accum":2})"))[Component::Activations];
    EXPECT_DOUBLE_EQ(full, 4096.0 * 4096 * 34 * 32);
    EXPECT_DOUBLE_EQ(one * 4, full);
    EXPECT_DOUBLE_EQ(two * 2, full);
    EXPECT_DOUBLE_EQ(estimate(parsed(R"({"parallel":{"pp":4},"grad_accum":64})"))[Component::Activations], full);
}

// Korthikanti et al. 2022, §4.3: input embedding dropout sbh·p/t and output layer
// 4sbh/t·(1 + v/h) (2-byte norm and projection inputs, fp32 logits), with t = 8 and SP.
TEST(Korthikanti, InputAndOutputLayers) {
    const Scenario base = parsed(R"({"model":"llama-3.1-70b","seq_len":2048,"batch":1,"recompute":"selective","parallel":{"tp":8,"sp":true}})");
    Scenario s = base;
    s.embeddings_and_logits = true;
    const double sbh = 2048.0 * 8192, t = 8, v = 128256, h = 8192;
    EXPECT_DOUBLE_EQ(estimate(s)[Component::Activations] - estimate(base)[Component::Activations],
                     sbh / t + 4 * sbh / t * (1 + v / h));
}

TEST(Validation, NewFieldsAreNamed) {
    auto fields = [](const char* doc) {
        std::vector<std::string> out;
        for (const FieldError& e : parse_scenario(doc).errors) out.push_back(e.field);
        return out;
    };
    using F = std::vector<std::string>;
    EXPECT_EQ(fields(R"({"finetune":"dora"})"), F{"finetune"});
    EXPECT_EQ(fields(R"({"finetune":"lora","lora":{"rank":0}})"), F{"lora.rank"});
    EXPECT_EQ(fields(R"({"finetune":"lora","lora":{"modules":["qkv"]}})"), F{"lora.modules"});
    EXPECT_EQ(fields(R"({"finetune":"lora","lora":{"modules":[]}})"), F{"lora.modules"});
    EXPECT_EQ(fields(R"({"grad_accum":0})"), F{"grad_accum"});
    EXPECT_EQ(fields(R"({"offload":{"params":1}})"), F{"offload.params"});
    EXPECT_EQ(fields(R"({"dtypes":{"logits":"fp64"}})"), F{"dtypes.logits"});
    EXPECT_EQ(fields(R"({"parallel":{"ep":0}})"), F{"parallel.ep"});
    EXPECT_EQ(fields(R"({"model":{"preset":"gemma-2-2b","sliding_window":-1}})"), F{"model.sliding_window"});
    EXPECT_EQ(fields(R"({"model":{"preset":"llama-3.1-8b","global_layers":33}})"), F{"model.global_layers"});
}

TEST(Validation, NewFieldsRoundTrip) {
    const char* doc = R"({"model":"mixtral-8x7b","finetune":"qlora","lora":{"rank":32,"modules":["q","down"]},
        "optimizer":"lion","grad_accum":8,"embeddings_and_logits":true,"dtypes":{"logits":"bf16"},
        "parallel":{"dp":4,"ep":4,"zero":3},"offload":{"optimizer":true,"params":true}})";
    const ParsedScenario a = parse_scenario(doc);
    ASSERT_TRUE(a.ok()) << a.errors[0].field << ": " << a.errors[0].message;
    const ParsedScenario b = parse_scenario(scenario_to_json(a.scenario));
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(scenario_to_json(a.scenario), scenario_to_json(b.scenario));
    EXPECT_EQ(b.scenario.lora.rank, 32);
    EXPECT_TRUE(b.scenario.lora.has(Module::Down));
    EXPECT_FALSE(b.scenario.lora.has(Module::V));
    EXPECT_EQ(estimate(a.scenario).total, estimate(b.scenario).total);
}
