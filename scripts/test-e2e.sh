#!/usr/bin/env bash
# End-to-end: the demo checkout driven as a customer would in Chromium (playwright-core),
# against a fresh sandbox. Screenshots of each final screen go to screenshots/ (git-ignored).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cargo build -q -p omise-sandbox
node --test --test-concurrency=1 tests/e2e/
