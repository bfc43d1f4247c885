#!/usr/bin/env bash
# Builds Headroom into build/: `native` (engine, CLI, tests), `wasm` (the web app), or `all`.
# Build folders are kept between runs, so a build with nothing changed takes seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_root=${HEADROOM_BUILD:-$root/build}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}  # Debian's emscripten tools need acorn from here
jobs=${HEADROOM_JOBS:-2}

build_native() {
  [ -f "$build_root/native/build.ninja" ] ||
    cmake -S "$root" -B "$build_root/native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_root/native" -j "$jobs"
}
build_wasm() {
  [ -f "$build_root/wasm/build.ninja" ] ||
    emcmake cmake -S "$root" -B "$build_root/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_root/wasm" -j "$jobs"
}

case "${1:-all}" in
  native) build_native ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm ;;
  *) echo "usage: scripts/build.sh [native|wasm|all]" >&2; exit 2 ;;
esac
