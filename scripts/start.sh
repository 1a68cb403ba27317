#!/usr/bin/env bash
# Builds the widget and runs the demo on the local test-mode sandbox (one process).
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash scripts/build.sh
# The first run compiles the sandbox and its dependencies in release: minutes on a small
# machine (README, "Two commands"). Built with cargo's own progress (not `cargo run -q`, which
# stayed silent all that time and looked hung), then the binary is started directly.
echo "start: building the sandbox (release). The first time takes several minutes; later runs, seconds."
cargo build --release -p omise-sandbox
# The demo shop hears every event at /demo/webhooks, and the developer's customers, schedules
# and charges are kept in .sandbox/ across restarts (OMISE_SANDBOX_DB=path elsewhere; empty: memory).
DB="${OMISE_SANDBOX_DB-.sandbox/sandbox.redb}"
DB_FLAGS=()
if [ -n "$DB" ]; then
  mkdir -p "$(dirname "$DB")"
  DB_FLAGS=(--db "$DB")
fi
exec "${CARGO_TARGET_DIR:-target}/release/omise-sandbox" --port "${PORT:-8787}" --www www --dist dist \
  --webhook /demo/webhooks "${DB_FLAGS[@]}" "$@"
