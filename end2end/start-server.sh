#!/usr/bin/env bash
# Starts the built `sigap` binary on a fresh demo database for the browser tests.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
# One data folder per port, so two runs on different ports do not wipe each other.
export SIGAP_DATA_DIR="$PWD/.tmp/data-${SIGAP_BIND##*:}"
export LEPTOS_SITE_ROOT="$ROOT/target/site"
# The browser projects present themselves as different clients (X-Forwarded-For, see
# playwright.config.ts), as people behind a proxy would, so one project's sign-ins do not use
# up another's per-address limit.
export SIGAP_TRUST_PROXY=true
rm -rf "$SIGAP_DATA_DIR"
SIGAP="${SIGAP_BIN:-$ROOT/target/debug/sigap}"
"$SIGAP" seed-demo --scale small
exec "$SIGAP" serve
