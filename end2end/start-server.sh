#!/usr/bin/env bash
# Starts the built `sigap` binary on a fresh demo database for the browser tests.
# With --object-store, its documents go to a local S3-compatible server (s3s-fs, installed into
# .tools by scripts/lib.sh) started here on the server's port + 1000, as a deployment of several
# servers keeps them (docs/DEPLOYMENT.md). Playwright stops the whole process group, so the S3
# server goes with the portal.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
PORT="${SIGAP_BIND##*:}"
# One data folder per port, so two runs on different ports do not wipe each other.
export SIGAP_DATA_DIR="$PWD/.tmp/data-$PORT"
export LEPTOS_SITE_ROOT="$ROOT/target/site"
# The browser projects present themselves as different clients (X-Forwarded-For, see
# playwright.config.ts), as people behind a proxy would, so one project's sign-ins do not use
# up another's per-address limit.
export SIGAP_TRUST_PROXY=true
rm -rf "$SIGAP_DATA_DIR"

if [ "${1:-}" = "--object-store" ]; then
  S3_PORT=$((PORT + 1000))
  S3_ROOT="$PWD/.tmp/s3-$PORT"
  # A server left by an interrupted run would answer in place of this one.
  pkill -f "s3s-fs --host 127.0.0.1 --port $S3_PORT " 2>/dev/null || true
  rm -rf "$S3_ROOT"
  mkdir -p "$S3_ROOT/sigap-dokumen"
  "${SIGAP_S3_SERVER:-$ROOT/.tools/bin/s3s-fs}" --host 127.0.0.1 --port "$S3_PORT" \
    --access-key sigap-e2e-access --secret-key sigap-e2e-secret-key-0123456789 "$S3_ROOT" \
    >"$PWD/.tmp/s3-$PORT.log" 2>&1 &
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null && break
    sleep 0.1
  done
  export SIGAP_STORAGE_URL="s3://sigap-dokumen/e2e"
  export AWS_ENDPOINT="http://127.0.0.1:$S3_PORT" AWS_ALLOW_HTTP=true AWS_REGION=us-east-1
  export AWS_ACCESS_KEY_ID=sigap-e2e-access AWS_SECRET_ACCESS_KEY=sigap-e2e-secret-key-0123456789
fi

SIGAP="${SIGAP_BIN:-$ROOT/target/debug/sigap}"
"$SIGAP" seed-demo --scale small
exec "$SIGAP" serve
