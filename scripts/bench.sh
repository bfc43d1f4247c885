#!/usr/bin/env bash
# Measures Headroom: native engine benchmarks (Google Benchmark, Release build), the first-load
# bundle (every file the page fetches, raw and gzip -9), and browser timings in headless
# Chromium (median of BENCH_RUNS runs, default 3). Prints one table; writes bench/results.json.
# Meant to run after scripts/test.sh; builds whatever is missing first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_root=${HEADROOM_BUILD:-$root/build}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
runs=${BENCH_RUNS:-3}
out=${BENCH_OUT:-$root/bench/results.json}

"$root/scripts/setup.sh"
"$root/scripts/build.sh" native >/dev/null
"$root/scripts/build.sh" wasm >/dev/null

native_json=$(mktemp)
trap 'rm -f "$native_json"' EXIT
bench_bin="$build_root/native/bench/engine_bench"
if [ -x "$bench_bin" ]; then
  # Each benchmark warms up first: right after a build the first ones otherwise read ~2x slow.
  echo "== native engine benchmarks (median of 3 repetitions)"
  "$bench_bin" --benchmark_min_warmup_time=0.3 --benchmark_min_time=0.2 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_format=json --benchmark_out="$native_json" --benchmark_out_format=json >/dev/null
else
  echo "bench: $bench_bin not built (is libbenchmark-dev installed?); native figures skipped" >&2
  rm -f "$native_json"
fi

echo "== bundle and browser timings (headless Chromium, $runs runs)"
node "$root/bench/browser.mjs" --site "$build_root/wasm/site" --native "$native_json" --runs "$runs" --out "$out" \
  ${BENCH_LABEL:+--label "$BENCH_LABEL"}
