#!/usr/bin/env bash
# Starts the built `sigap` binary on a fresh demo database for the browser tests.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
# One data folder per port, so two runs on different ports do not wipe each other.
export SIGAP_DATA_DIR="$PWD/.tmp/data-${SIGAP_BIND##*:}"
export LEPTOS_SITE_ROOT="$ROOT/target/site"
rm -rf "$SIGAP_DATA_DIR"
SIGAP="${SIGAP_BIN:-$ROOT/target/debug/sigap}"
"$SIGAP" seed-demo --scale small
exec "$SIGAP" serve
