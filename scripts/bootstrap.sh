#!/usr/bin/env bash
# Installs everything the build and the tests need; skips whatever is already there.
set -euo pipefail
source "$(dirname "$0")/env.sh"
say() { echo "bootstrap: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none})"
  cargo install wasm-bindgen-cli --version "=$want" --locked || cargo install wasm-bindgen-cli --version "=$want" --force
fi
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"; cargo install --locked wasm-pack
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from apt"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium chromium-driver
fi

# npm devDependencies (binaryen's wasm-opt, playwright-core, the benchmark's comparators).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm devDependencies"; npm ci --no-audit --no-fund --loglevel=error
fi
say "ready (wasm-bindgen $want, $(wasm-opt --version | head -1), $(/usr/bin/chromium --version 2>/dev/null | head -1))"
