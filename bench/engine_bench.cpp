// Native benchmarks of the engine: the calls the page makes on every change, and the writers.
// Release build; run by scripts/bench.sh. Each benchmark checks its input is valid first, so a
// figure never measures an error path by accident.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "headroom/estimate.h"
#include "headroom/plan.h"
#include "headroom/report.h"
#include "headroom/scenario.h"

namespace {

using namespace headroom;

// The default page: Llama 3.1 8B training, {}.
constexpr std::string_view kDefault = "{}";
// A large dense job: Llama 3.1 405B, 8-way tensor x 8-way pipeline x 16-way data with ZeRO-3.
constexpr std::string_view kLarge405b = R"({
  "model": "llama-3.1-405b", "batch": 2, "seq_len": 8192, "recompute": "selective",
  "flash_attention": true, "embeddings_and_logits": true,
  "parallel": {"dp": 16, "zero": 3, "tp": 8, "pp": 8, "sp": true}, "gpu": "h100-sxm-80gb"})";
// Mixture of experts with multi-head latent attention, expert parallelism and ZeRO-1.
constexpr std::string_view kMoe = R"({
  "model": "deepseek-v3", "batch": 1, "seq_len": 4096,
  "parallel": {"dp": 64, "zero": 1, "tp": 4, "pp": 8, "ep": 64, "sp": true}})";
// QLoRA fine-tuning of a 70B model on one GPU.
constexpr std::string_view kQlora = R"({
  "model": "llama-3.1-70b", "finetune": "qlora", "lora": {"rank": 64},
  "batch": 1, "seq_len": 2048, "recompute": "full", "optimizer": "adamw_8bit"})";
// Inference with a long KV cache.
constexpr std::string_view kInference = R"({
  "mode": "inference", "model": "llama-3.1-70b", "batch": 8, "seq_len": 32768,
  "dtypes": {"weights": "fp8", "kv_cache": "fp8"}, "parallel": {"tp": 4}})";

Scenario must_parse(std::string_view text) {
    ParsedScenario p = parse_scenario(text);
    if (!p.ok()) {
        std::fprintf(stderr, "engine_bench: invalid scenario: %s\n", errors_to_json(p.errors).c_str());
        std::abort();
    }
    return p.scenario;
}

void BM_Estimate(benchmark::State& state, std::string_view text) {
    const Scenario s = must_parse(text);
    for (auto _ : state) {
        Estimate e = estimate(s);
        benchmark::DoNotOptimize(e.total);
    }
}

// What the UI does per edit: validate the edited Scenario, then estimate.
void BM_ValidateEstimate(benchmark::State& state, std::string_view text) {
    const Scenario s = must_parse(text);
    for (auto _ : state) {
        auto errors = validate(s);
        benchmark::DoNotOptimize(errors.data());
        Estimate e = estimate(s);
        benchmark::DoNotOptimize(e.total);
    }
}

void BM_Parse(benchmark::State& state, std::string_view text) {
    must_parse(text);
    for (auto _ : state) {
        ParsedScenario p = parse_scenario(text);
        benchmark::DoNotOptimize(p.errors.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_Csv(benchmark::State& state, std::string_view text) {
    const Scenario s = must_parse(text);
    const Estimate e = estimate(s);
    for (auto _ : state) {
        std::string csv = estimate_to_csv(s, e);
        benchmark::DoNotOptimize(csv.data());
    }
}

void BM_Json(benchmark::State& state, std::string_view text) {
    const Scenario s = must_parse(text);
    const Estimate e = estimate(s);
    for (auto _ : state) {
        std::string json = estimate_to_json(e);
        benchmark::DoNotOptimize(json.data());
    }
}

// The whole text API the page's window.headroom.estimate() calls: parse, validate, estimate, JSON.
void BM_EstimateJsonApi(benchmark::State& state, std::string_view text) {
    must_parse(text);
    for (auto _ : state) {
        std::string out = estimate_json(text);
        benchmark::DoNotOptimize(out.data());
    }
}

// The planner's whole search for the fewest GPUs (H100 80 GB), as a user triggers it by typing.
void BM_PlanLayout(benchmark::State& state, std::string_view text) {
    const Scenario s = must_parse(text);
    long long evaluated = 0;
    for (auto _ : state) {
        Plan p = plan_layout(s, 80e9);
        evaluated = p.evaluated;
        benchmark::DoNotOptimize(p.best.total_bytes);
    }
    state.counters["estimates"] = static_cast<double>(evaluated);
}

void BM_MaxBatch(benchmark::State& state, std::string_view text) {
    const Scenario s = must_parse(text);
    for (auto _ : state) benchmark::DoNotOptimize(max_batch(s, 80e9));
}

}  // namespace

BENCHMARK_CAPTURE(BM_Estimate, default, kDefault);
BENCHMARK_CAPTURE(BM_Estimate, llama405b_tp8_pp8_zero3, kLarge405b);
BENCHMARK_CAPTURE(BM_Estimate, deepseek_v3_moe_ep64, kMoe);
BENCHMARK_CAPTURE(BM_Estimate, llama70b_qlora, kQlora);
BENCHMARK_CAPTURE(BM_Estimate, llama70b_inference_32k, kInference);
BENCHMARK_CAPTURE(BM_ValidateEstimate, default, kDefault);
BENCHMARK_CAPTURE(BM_ValidateEstimate, llama405b_tp8_pp8_zero3, kLarge405b);
BENCHMARK_CAPTURE(BM_Parse, default, kDefault);
BENCHMARK_CAPTURE(BM_Parse, llama405b_tp8_pp8_zero3, kLarge405b);
BENCHMARK_CAPTURE(BM_Parse, deepseek_v3_moe_ep64, kMoe);
BENCHMARK_CAPTURE(BM_Csv, default, kDefault);
BENCHMARK_CAPTURE(BM_Csv, llama405b_tp8_pp8_zero3, kLarge405b);
BENCHMARK_CAPTURE(BM_Json, default, kDefault);
BENCHMARK_CAPTURE(BM_Json, llama405b_tp8_pp8_zero3, kLarge405b);
BENCHMARK_CAPTURE(BM_EstimateJsonApi, default, kDefault);
BENCHMARK_CAPTURE(BM_EstimateJsonApi, llama405b_tp8_pp8_zero3, kLarge405b);
BENCHMARK_CAPTURE(BM_PlanLayout, default, kDefault);
BENCHMARK_CAPTURE(BM_PlanLayout, llama405b, kLarge405b);
BENCHMARK_CAPTURE(BM_PlanLayout, deepseek_v3_moe, kMoe);
BENCHMARK_CAPTURE(BM_MaxBatch, default, kDefault);

BENCHMARK_MAIN();
