#!/usr/bin/env bash
# Starts the built `sigap` binary on a fresh demo database for the browser tests.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
export SIGAP_DATA_DIR="$PWD/.tmp/data"
export LEPTOS_SITE_ROOT="$ROOT/target/site"
rm -rf "$SIGAP_DATA_DIR"
SIGAP="${SIGAP_BIN:-$ROOT/target/debug/sigap}"
"$SIGAP" seed-demo --scale small
exec "$SIGAP" serve
