// Reference vectors from the literature, each with its source and tolerance. (Seed examples,
// the ZeRO paper's Figure 1, Korthikanti's Table 2 with t and SP, and the catalogue counts are
// in estimate_test.cpp, features_test.cpp and model_test.cpp; these are the rest.)
#include <gtest/gtest.h>

#include "headroom/estimate.h"
#include "headroom/format.h"

#include "scenario_helpers.h"

using namespace headroom;
using headroom::testing::parsed;
using headroom::testing::model_states;

// Llama 2 7B (32 layers, 32 KV heads of 128) at 4,096 tokens in fp16: 2 × 32 × 4096 × 4096 × 2 B
// = 2 GiB per sequence: NVIDIA, "Mastering LLM Techniques: Inference Optimization" (2023):
// "1 * 4096 * 2 * 32 * 4096 * 2 bytes, which is ~2 GB". Exact.
TEST(Reference, Llama2_7bKvCacheIsTwoGiBPerSequenceAt4k) {
    const Estimate e = estimate(parsed(R"({"mode":"inference","model":"llama-2-7b","seq_len":4096,"dtypes":{"kv_cache":"fp16"}})"));
    EXPECT_DOUBLE_EQ(e[Component::KvCache], 2.0 * kGiB);
}

// Kwon et al. 2023 (vLLM, PagedAttention), §3: "for the 13B parameter OPT model, the KV cache of
// a single token demands 800 KB of space, calculated as 2 (key and value vectors) × 5120 (hidden
// state size) × 40 (number of layers) × 2 (bytes per FP16)". Exact: 819,200 B.
TEST(Reference, VllmOpt13bKvPerToken) {
    const Estimate e = estimate(parsed(R"({"mode":"inference","seq_len":1,"dtypes":{"kv_cache":"fp16"},
        "model":{"layers":40,"hidden":5120,"heads":40,"vocab":50272,"ffn":20480}})"));
    EXPECT_DOUBLE_EQ(e[Component::KvCache], 819200);
}

// Rajbhandari et al. 2020 (ZeRO), §3.1: "a GPT-2 model with 1.5B parameters ... requires at
// least 24 GB of memory" for its model states with mixed-precision Adam (16Ψ bytes). Exact.
TEST(Reference, ZeroGpt2ModelStatesAre16BytesPerParameter) {
    const Estimate e = estimate(parsed(R"({"model":{"params":1.5e9},"activation_model":"per_sample",
        "dtypes":{"weights":"fp16","gradients":"fp16"}})"));
    EXPECT_DOUBLE_EQ(model_states(e), 24e9);
}

// Dettmers et al. 2023 (QLoRA), abstract and §1: finetuning LLaMA 65B in 16 bits needs
// "more than 780GB of GPU memory" (12 bytes per parameter: weights and gradients in 16-bit, Adam's
// two fp32 states); QLoRA brings it "to less than 48GB". LLaMA 65B: 80 layers, hidden 8192,
// 64 heads, FFN 22016, vocab 32000 (Touvron et al. 2023, Table 2); the paper's setup: r = 64 on
// every linear layer, gradient checkpointing, batch 1 of 512 tokens. Bounds as the paper states.
TEST(Reference, QloraFitsLlama65bUnder48GB) {
    const char* llama65 = R"("model":{"layers":80,"hidden":8192,"heads":64,"ffn":22016,"vocab":32000,"gated_ffn":true})";
    const Estimate full = estimate(parsed((std::string(R"({"activation_model":"per_sample","dtypes":{"master_weights":"none"},)") + llama65 + "}").c_str()));
    EXPECT_GT(model_states(full), 780e9);
    EXPECT_LT(model_states(full), 790e9);
    const Estimate q = estimate(parsed((std::string(R"({"finetune":"qlora","lora":{"rank":64},"recompute":"full","seq_len":512,
        "overhead":{"fraction":0},)") + llama65 + "}").c_str()));
    EXPECT_LT(q.total, 48e9);
    EXPECT_GT(q.total, 34e9);  // the 4-bit base alone is 65.2B × 0.516 B = 33.6 GB
}

// Seed 004: Llama-7B FP16 inference, "Weights: 7B * 2 bytes = 14 GB ... Total: ~15-16 GB" with
// "~1-2 GB" of activations; here 2,048 tokens, FlashAttention, KV cache, 10% overhead: 15-17 GB
// (the seed's range; its activations are approximate, DESIGN.md).
TEST(Reference, Seed004Llama7bInference) {
    const Estimate e = estimate(parsed(R"({"mode":"inference","model":{"params":7e9,"preset":"llama-2-7b"},
        "seq_len":2048,"flash_attention":true,"dtypes":{"weights":"fp16","kv_cache":"fp16","activations":"fp16"}})"));
    EXPECT_DOUBLE_EQ(e[Component::Weights], 14e9);
    EXPECT_GT(e.total, 15e9);
    EXPECT_LT(e.total, 17.5e9);
}

// Seed 000's formulas, exact: Activations = Batch × Sequence × Hidden × Layers × Multiplier ×
// Activation bytes × Checkpoint factor; KV cache = Batch × Cache tokens × Hidden × Layers × 2 ×
// bytes, here with its own KV precision (int8) and cache-token count (1,024 of a 2,048 sequence).
TEST(Reference, Seed000MultiplierModelAndKvCache) {
    const Estimate e = estimate(parsed(R"({"activation_model":"multiplier","activation_multiplier":10,
        "checkpoint_factor":0.5,"batch":8,"seq_len":2048,"kv_cache":true,"kv_tokens":1024,
        "dtypes":{"kv_cache":"int8"},"model":{"params":7e8,"layers":32,"hidden":4096,"heads":32}})"));
    EXPECT_DOUBLE_EQ(e[Component::Activations], 8.0 * 2048 * 4096 * 32 * 10 * 2 * 0.5);
    EXPECT_DOUBLE_EQ(e[Component::KvCache], 8.0 * 1024 * 4096 * 32 * 2 * 1);
    EXPECT_DOUBLE_EQ(e[Component::Weights], 7e8 * 2);
}

// Korthikanti et al. 2022, Table 2, the rows not checked elsewhere, t = 4: tensor parallel with
// selective recompute sbh(10 + 24/t); full recompute with SP 2sbh/t; sequence parallel with
// selective recompute sbh·34/t. Exact.
TEST(Reference, KorthikantiTable2RemainingRows) {
    const double sbh = 2048.0 * 2 * 4096;
    auto per_layer = [](const char* doc) { return activation_bytes_per_layer(parse_scenario(doc).scenario); };
    EXPECT_DOUBLE_EQ(per_layer(R"({"seq_len":2048,"batch":2,"recompute":"selective","parallel":{"tp":4}})"), sbh * (10 + 24.0 / 4));
    EXPECT_DOUBLE_EQ(per_layer(R"({"seq_len":2048,"batch":2,"recompute":"full","parallel":{"tp":4,"sp":true}})"), sbh * 2 / 4);
    EXPECT_DOUBLE_EQ(per_layer(R"({"seq_len":2048,"batch":2,"recompute":"selective","parallel":{"tp":4,"sp":true}})"), sbh * 34 / 4);
}

// Official counts, exact to the parameter where the hub reports them (derived from config.json;
// tolerance 0: these are integer sums).
TEST(Reference, ExactHubParameterCounts) {
    EXPECT_EQ(derived_params(find_model("llama-3.1-8b")->arch), 8030261248.0);
    EXPECT_EQ(derived_params(find_model("llama-3.2-1b")->arch), 1235814400.0);
    EXPECT_EQ(derived_params(find_model("mistral-7b")->arch), 7241732096.0);
    EXPECT_EQ(derived_params(find_model("mixtral-8x7b")->arch), 46702792704.0);
    EXPECT_EQ(derived_params(find_model("qwen2.5-7b")->arch), 7615616512.0);
    EXPECT_EQ(derived_params(find_model("gemma-2-2b")->arch), 2614341888.0);
    EXPECT_EQ(derived_params(find_model("phi-3-mini")->arch), 3821079552.0);
    EXPECT_EQ(derived_params(find_model("gpt2")->arch), 124439808.0);
    EXPECT_EQ(derived_params(find_model("bert-base")->arch) + 2 * 768, 109482240.0);  // + token types
}
