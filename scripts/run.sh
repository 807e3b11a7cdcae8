#!/usr/bin/env bash
# Sets up what is missing, builds, loads the demo city on first start and serves the portal on
# http://127.0.0.1:3000 (SQLite file ./data/sigap.db).
source "$(dirname "$0")/lib.sh"
ensure_rust_tools
ensure_npm_tools
build_site
build_server
SIGAP="$ROOT/target/debug/sigap"
"$SIGAP" seed-demo --scale small --if-empty
step "Serving on http://${SIGAP_BIND:-127.0.0.1:3000} (Ctrl-C to stop)"
exec "$SIGAP" serve
