# Sourced by the test scripts: `sandbox_up [www] [dist]` builds and starts the local sandbox on a
# free port, serving those directories (the demo's `www` and `dist` by default), and exports
# OMISE_SANDBOX_URL; `sandbox_down` stops it, which happens when the calling script exits (a
# script with an EXIT trap of its own calls it there).
sandbox_down() {
  kill "$SANDBOX_PID" 2>/dev/null || true
  # Its log goes with it (one small file in the temporary directory per run otherwise).
  rm -f "$SANDBOX_LOG"
}
sandbox_up() {
  cargo build -q -p omise-sandbox
  local bin="${CARGO_TARGET_DIR:-target}/debug/omise-sandbox"
  SANDBOX_LOG="$(mktemp)"
  "$bin" --port 0 --quiet --www "${1:-www}" --dist "${2:-dist}" >"$SANDBOX_LOG" 2>&1 &
  SANDBOX_PID=$!
  trap sandbox_down EXIT
  for _ in $(seq 1 100); do
    OMISE_SANDBOX_URL=$(sed -n 's/^omise-sandbox listening on \(http[^ ]*\).*/\1/p' "$SANDBOX_LOG" | head -1)
    [ -n "$OMISE_SANDBOX_URL" ] && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$SANDBOX_LOG"; echo "sandbox exited" >&2; return 1; }
    sleep 0.1
  done
  [ -n "$OMISE_SANDBOX_URL" ] || { cat "$SANDBOX_LOG"; echo "sandbox did not start" >&2; return 1; }
  export OMISE_SANDBOX_URL
  echo "sandbox: $OMISE_SANDBOX_URL"
}
