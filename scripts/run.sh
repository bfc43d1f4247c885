#!/usr/bin/env bash
# Installs what is missing, builds the web app and serves it on http://127.0.0.1:8080/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_root=${HEADROOM_BUILD:-$root/build}
port=${PORT:-8080}

"$root/scripts/setup.sh"
"$root/scripts/build.sh" wasm
exec node "$root/scripts/serve.mjs" "$build_root/wasm/site" "$port"
