#!/usr/bin/env bash
# `npm run bench`: builds the package (skip with SKIP_BUILD=1) and measures it in headless
# Chromium: sizes, cold start, keystrokes, validator throughput, polling cost, memory,
# tokenize latency (provider page vs fetch, against the sandbox). Prints a
# table and writes bench/results.json. A report, never a pass/fail test (bench/README.md).
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_BOOTSTRAP:-}" = 1 ] || bash scripts/bootstrap.sh
[ "${SKIP_BUILD:-}" = 1 ] || SKIP_BOOTSTRAP=1 bash scripts/build.sh
# The tokenize section runs against a real sandbox.
cargo build -q -p omise-sandbox
node bench/run.mjs
