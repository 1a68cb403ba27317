#!/usr/bin/env bash
# Builds the npm package into dist/: four wasm modules from the one crate (Cargo.toml features;
# `dist`: no_std with a panic handler that traps without formatting; linked with LTO),
# each with its wasm-bindgen glue (ES module + .d.ts), wasm-opt -Oz and esbuild; the stylesheet.
#   omise_checkout            the checkout page (card form, method picker, tokens, sources,
#                             authorize); loads the charge module when handleCharge/pollStatus
#                             first need it, and its texts one language at a time
#                             (omise_checkout_texts_<locale>.js)
#   omise_checkout_charge     after the charge: QR code, konbini, polling, status; on a page
#                             that loads it alone, its texts one language at a time
#                             (omise_checkout_charge_texts_<locale>.js)
#   omise_checkout_status     a return page's: the charge module without handleCharge's views
#                             and authorize (polling, status, messages); its texts one language
#                             at a time (omise_checkout_status_texts_<locale>.js)
#   omise_checkout_validators validators only (`omise-checkout/validators`)
# Prints the sizes; `npm run bench` compares them with bench/budget.json.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_BOOTSTRAP:-}" = 1 ] || bash scripts/bootstrap.sh

# The features rustc enables by default for wasm32-unknown-unknown.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
OUT=target/wasm32-unknown-unknown/wasm-release

rm -rf dist target/dist-staging
mkdir -p dist
module() {
  local name=$1 features=$2 entry_js=${3:-}
  local stage=target/dist-staging/$name
  # `cargo rustc --crate-type cdylib`, not `cargo build`: with the crate's two types (cdylib for
  # the wasm, rlib for the tests) Cargo silently builds the cdylib without the profile's
  # `lto = true` (rust-lang/cargo#9672). One type, and LTO runs (session 9: −7.2 KB gzip on the
  # checkout module's wasm).
  # A 256 KB stack instead of Rust's 1 MB (wasm-ld puts it first, below the data): each module's
  # memory starts at 384 KB instead of 1,152 KB (a checkout page with the charge module loaded
  # holds two), and the data's addresses, below 2^20, take one LEB128 byte less wherever the code
  # names them (−0.08 KB gzip on the checkout module). The widget has no deep recursion (JSON is
  # the browser's); an overflow runs down towards address 0 (see --low-memory-unused below) and
  # traps past it, never into the data.
  cargo rustc --profile wasm-release --target wasm32-unknown-unknown -p omise-checkout --lib \
    --crate-type cdylib --no-default-features --features "$features,dist" -- -C link-arg=-zstack-size=262144
  mkdir -p "$stage"
  cp "$OUT/omise_checkout.wasm" "$stage/$name.wasm"
  wasm-bindgen --target web --out-dir "$stage" --out-name "$name" "$stage/$name.wasm"
  node scripts/short-names.mjs "$stage/${name}_bg.wasm" "$stage/$name.js" "$stage/${name}_bg.wasm.d.ts"
  # --low-memory-unused: addresses below 1 KB are never used, so constant offsets fold into
  # loads and stores (−0.5 KB gzip). Rust links the stack first (wasm-ld --stack-first): the low
  # 1 KB is the far end of the 256 KB stack, reached only by an overflow, which corrupts memory
  # with or without this flag.
  # -ocimfs/-aimfs: binaryen's inliner at -Oz inlines every function that has one caller, however
  # large, and always inlines those of size 2 or less. Inlining single-caller functions only up
  # to size 30 and always those up to 3 makes every module smaller after gzip than -Oz's own
  # limits (on the LTO build, session 9: checkout −0.74 KB, charge −0.27, status −0.06,
  # validators −0.1); scanned over 0–100 × 2–8 (15/6, chosen before the build had LTO, was
  # 0.5 KB worse on the checkout module then). Without local-cse (it puts repeated expressions
  # in locals, which gzip would have compressed anyway): −0.07 KB checkout, −0.05 status.
  # First flattened and its control flow rebuilt by binaryen's relooper (--flatten --rereloop),
  # similar functions merged, then the pipeline a second time on its own output: checkout −0.46
  # KB, charge −0.13, status −0.09, validators −0.06 (a third run −0.02).
  local opt=(-Oz --converge --low-memory-unused -ocimfs=30 -aimfs=3 --skip-pass=local-cse --strip-debug
    --strip-producers --strip-target-features "${WASM_OPT_FEATURES[@]}")
  wasm-opt --flatten --rereloop --merge-similar-functions "${opt[@]}" "$stage/${name}_bg.wasm" -o "$stage/once.wasm"
  wasm-opt "${opt[@]}" "$stage/once.wasm" -o "dist/${name}_bg.wasm"
  # One file for the glue and its snippets (the checkout's loader of the charge module), minified
  # (exports, import names and `import.meta.url` are kept); the charge module and the texts
  # file stay separate files, loaded by their own names next to this one. The charge module's
  # entry is src/charge_entry.js (its init hands the wasm its texts) around the glue.
  local entry="$stage/$name.js"
  if [ -n "$entry_js" ]; then
    entry="$stage/entry.js"
    cp "$entry_js" "$entry"
    cp src/entry_texts.js "$stage/entry_texts.js"
    cp "$stage/$name.js" "$stage/${name}_glue.js"
  fi
  esbuild "$entry" --bundle --minify --format=esm --target=es2022 --log-level=warning \
    '--external:*omise_checkout_charge.js' \
    '--external:*_texts_en.js' '--external:*_texts_ja.js' '--external:*_texts_th.js' \
    --outfile="dist/$name.js"
  # V8's explicit compile hint (Chrome 136+; a comment elsewhere): compile every function of the
  # glue while the file loads, off the main thread, rather than each on its first call during
  # mount (about 100 import functions run then). A/B on the cold-start bench, 2 × 25 loads:
  # mount → ready 7.0–8.0 → 5.7–5.9 ms with the preload recipe, 8.4–9.2 → 6.5–7.1 ms plain.
  { printf '//# allFunctionsCalledOnLoad\n'; cat "dist/$name.js"; } >"$stage/hinted.js"
  mv "$stage/hinted.js" "dist/$name.js"
  cp "$stage/$name.d.ts" "dist/$name.d.ts"
  cp "$stage/${name}_bg.wasm.d.ts" "dist/${name}_bg.wasm.d.ts"
}
module omise_checkout checkout,js-texts src/checkout_entry.js
module omise_checkout_charge charge,js-texts src/charge_entry.js
module omise_checkout_status status,js-texts src/status_entry.js
# Each entry's init and initSync take { texts } (src/checkout_entry.js, src/charge_entry.js,
# src/status_entry.js): say so in their types.
node scripts/entry-types.mjs checkout dist/omise_checkout.d.ts
node scripts/entry-types.mjs charge dist/omise_checkout_charge.d.ts
node scripts/entry-types.mjs status dist/omise_checkout_status.d.ts
# A module's texts, one file per language (src/words.rs), from the core's tables with the
# features that module shows texts of (core/examples/texts.rs), and its types:
#   texts <file prefix> <whose, for the types> <element type> [cargo features…]
texts() {
  local prefix=$1 whose=$2 element=$3
  shift 3
  for locale in en ja th; do
    cargo run --quiet -p omise-checkout-core "$@" --example texts "$locale" >"dist/${prefix}_$locale.js"
    printf '%s\n' "/** $whose texts in one language, [message] (for its initSync's { texts: { $locale } }). */" \
      "declare const texts: ReadonlyArray<$element>;" 'export default texts;' >"dist/${prefix}_$locale.d.ts"
  done
}
texts omise_checkout_texts "The checkout module's" string
# For a page that loads it alone (on the checkout page the checkout module hands it its own).
texts omise_checkout_charge_texts "The after-the-charge module's" 'string | undefined' \
  --no-default-features --features view-texts
# The status module has no QR code or konbini views, so no texts of theirs.
texts omise_checkout_status_texts "The return page's module's" 'string | undefined' --no-default-features
module omise_checkout_validators validators
# The stylesheet minified (its comments, which explain the custom properties, stay in styles/).
esbuild styles/omise-checkout.css --minify --log-level=warning --outfile=dist/omise-checkout.css

size() { local f=$1; printf '%-36s %8d B raw %8d B gzip -9\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"; }
for f in dist/*.wasm dist/*.js dist/omise-checkout.css; do
  if [ -f "$f" ]; then size "$f"; fi
done
