#!/usr/bin/env bash
# Installs what is missing, builds native and wasm, runs every GoogleTest through CTest and
# every browser end-to-end test in headless Chromium. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_root=${HEADROOM_BUILD:-$root/build}

"$root/scripts/setup.sh"
"$root/scripts/build.sh" all

echo "== GoogleTest (CTest)"
ctest --test-dir "$build_root/native" --output-on-failure -j 2

echo "== Browser end-to-end (headless Chromium)"
HEADROOM_SITE="$build_root/wasm/site" HEADROOM_CLI="$build_root/native/shell/headroom" \
  node --test --test-concurrency=1 "$root"/tests/e2e/*.test.mjs
