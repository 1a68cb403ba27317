#!/usr/bin/env bash
# Builds the widget and runs the demo on the local test-mode sandbox (one process).
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash scripts/build.sh
exec cargo run --release -q -p omise-sandbox -- --port "${PORT:-8787}" --www www --dist dist "$@"
