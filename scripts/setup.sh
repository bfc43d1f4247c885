#!/usr/bin/env bash
# Installs what Headroom needs on a Debian machine, and only what is missing.
# Safe to run again: every step checks before it acts. Reaches only Debian's and npm's registries.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
third_party="$root/third_party"

# fonts-dejavu-core: a sans-serif for headless Chromium, in which the page draws its text (it
# ships no font: web/platform/font_atlas.cpp).
want_pkgs=(cmake g++ ninja-build emscripten nodejs nlohmann-json3-dev libgtest-dev libbenchmark-dev
           chromium fonts-dejavu-core poppler-utils dpkg-dev clang libclang-rt-14-dev)
missing=()
for p in "${want_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node from Debian has npm as a separate package; other Node builds bundle it.
command -v npm >/dev/null 2>&1 || missing+=(npm)

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

src_list=/etc/apt/sources.list.d/headroom-deb-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  # Dear ImGui is taken from Debian's source package, so apt needs a deb-src line.
  sudo_ tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ] || [ ! -d "$third_party/imgui" ]; then
  echo "setup: apt-get update"
  sudo_ apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$third_party/imgui/imgui.h" ]; then
  echo "setup: fetching Dear ImGui from Debian's source package"
  mkdir -p "$third_party/src"
  (cd "$third_party/src" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --skip-debianization imgui_*.dsc imgui-src >/dev/null 2>&1 || dpkg-source -x imgui_*.dsc imgui-src >/dev/null)
  rm -rf "$third_party/imgui"
  mv "$third_party/src/imgui-src" "$third_party/imgui"
  rm -rf "$third_party/src"
fi

if [ ! -f "$root/web/tools/node_modules/terser/package.json" ] || [ ! -f "$root/web/tools/node_modules/oxlint/package.json" ]; then
  echo "setup: npm ci (terser and oxlint, for the page's JS)"
  (cd "$root/web/tools" && npm ci --no-audit --no-fund --silent)
fi

if [ ! -f "$root/tests/e2e/node_modules/playwright-core/package.json" ]; then
  echo "setup: npm ci (playwright-core, no browser download)"
  (cd "$root/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
