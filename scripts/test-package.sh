#!/usr/bin/env bash
# The npm package as merchants use it: `npm pack`, install the tarball into a scratch app
# outside the repository, bundle it with esbuild, serve it from the sandbox and tokenize a test
# card in Chromium; then type-check a TypeScript file against the shipped declarations.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source scripts/sandbox.sh

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(npm pack --silent --pack-destination "$work" 2>/dev/null | tail -1)"
echo "packed: $tarball ($(wc -c <"$work/$tarball") bytes)"
tar -tzf "$work/$tarball" | sort | sed 's/^/  /'

app="$work/app"
mkdir -p "$app/public"
cp tests/package/app/* "$app/"
cd "$app"
echo '{ "name": "scratch-shop", "private": true, "type": "module" }' >package.json
npm install --no-audit --no-fund --loglevel=error "$work/$tarball" 2>&1 | grep -v nodedir || true
"$ROOT/node_modules/.bin/esbuild" main.js --bundle --format=esm --outfile=public/bundle.js \
  --loader:.wasm=file --asset-names=[name]-[hash] --log-level=warning
cp index.html public/

echo "type-check: the public API compiles in strict TypeScript"
# wasm-bindgen's declarations use `Symbol.dispose` (lib esnext.disposable, TypeScript >= 5.2).
tsc() { "$ROOT/node_modules/.bin/tsc" --noEmit --strict --target es2022 --module esnext \
  --moduleResolution bundler --lib es2022,esnext.disposable,dom "$@"; }
tsc typed.ts
echo "type-check: misuse is rejected"
if tsc untyped-misuse.ts >/dev/null 2>&1; then
  echo "a numeric publicKey type-checked: the declarations are too loose" >&2
  exit 1
fi

cd "$ROOT"
# The scratch app served alone: the repository's dist/ must not be what the page finds.
sandbox_up "$app/public" /nonexistent
trap 'sandbox_down; rm -rf "$work"' EXIT
APP_URL="$OMISE_SANDBOX_URL" node tests/package/consume.mjs
