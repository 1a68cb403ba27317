#!/usr/bin/env bash
# End-to-end: the demo checkout driven as a customer would in Chromium (playwright-core),
# against a fresh sandbox. Screenshots of each final screen go to screenshots/ (git-ignored).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cargo build -q -p omise-sandbox
# A journey that hangs fails after 3 minutes instead of holding CI until its limit.
node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/
