#!/usr/bin/env bash
# Every test suite, in order of speed: lint, host tests (core + sandbox), the built package in
# Node, browser tests of the wasm exports, then the browser suites against the sandbox.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source scripts/sandbox.sh
bash scripts/bootstrap.sh

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (host and wasm32), warnings are errors"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p omise-checkout --all-targets -- -D warnings
# Each wasm module the package ships, built alone (scripts/build.sh).
for features in checkout,js-texts charge,js-texts status,js-texts validators; do
  cargo clippy --target wasm32-unknown-unknown -p omise-checkout --no-default-features --features "$features,dist" -- -D warnings
done
step "cargo test --workspace"
cargo test --workspace
step "build the package"
SKIP_BOOTSTRAP=1 bash scripts/build.sh
step "node: the package's ESM + initSync"
node --test tests/node/
step "browser tests (wasm-bindgen-test in headless Chromium, against the sandbox)"
sandbox_up
# Chrome under chromedriver leaves its profile behind (about 20 MB per test binary, 116 MB a
# run) in the temporary directory: it gets one of its own, removed afterwards.
browser_tmp="$(mktemp -d)"
status=0
TMPDIR="$browser_tmp" wasm-pack test --headless --chrome || status=$?
rm -rf "$browser_tmp"
[ "$status" -eq 0 ] || exit "$status"
for extra in scripts/test-*.sh; do
  [ -f "$extra" ] || continue
  step "$extra"
  bash "$extra"
done
echo
echo "all suites passed"
