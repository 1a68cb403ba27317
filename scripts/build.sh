#!/usr/bin/env bash
# Builds the npm package into dist/: release wasm, wasm-bindgen glue (ES module + .d.ts),
# wasm-opt -Oz, the stylesheet. Prints the sizes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_BOOTSTRAP:-}" = 1 ] || bash scripts/bootstrap.sh

cargo build --profile wasm-release --target wasm32-unknown-unknown -p omise-checkout
rm -rf dist
wasm-bindgen --target web --out-dir dist --out-name omise_checkout \
  target/wasm32-unknown-unknown/wasm-release/omise_checkout.wasm
# The features rustc enables by default for wasm32-unknown-unknown.
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/omise_checkout_bg.wasm -o dist/omise_checkout_bg.wasm
# Minify the glue (exports, import names and `import.meta.url` are kept): 8.8 → 5.8 KB gzip.
esbuild dist/omise_checkout.js --minify --format=esm --target=es2022 --log-level=warning \
  --outfile=dist/omise_checkout.min.js
mv dist/omise_checkout.min.js dist/omise_checkout.js
if [ -f styles/omise-checkout.css ]; then cp styles/omise-checkout.css dist/; fi
rm -f dist/.gitignore dist/package.json

size() { local f=$1; printf '%-32s %8d B raw %8d B gzip -9\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"; }
for f in dist/omise_checkout_bg.wasm dist/omise_checkout.js dist/omise-checkout.css; do
  if [ -f "$f" ]; then size "$f"; fi
done
