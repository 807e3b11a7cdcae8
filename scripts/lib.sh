# Shared helpers for Sigap's scripts. Sourced, not run.
# Every install step is idempotent and skips what is already there.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export LEPTOS_OUTPUT_NAME=sigap
export LEPTOS_SITE_ROOT="$ROOT/target/site"
export LEPTOS_SITE_PKG_DIR=pkg
# Project-local tools come first: wasm-bindgen (crates.io) and wasm-opt (npm binaryen). Debian's
# binaryen must never be first on PATH (its wasm-opt 108 breaks the WASM in Chromium).
export PATH="$ROOT/.tools/bin:$ROOT/tools/node_modules/.bin:$PATH"

# Each step is stamped with the minutes and seconds since the script started, so a slow step
# shows in any run's log.
step() { printf '\n\033[1m==> [%d:%02d] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "${missing[@]}" ||
    { as_root apt-get update && as_root apt-get install -y --no-install-recommends "${missing[@]}"; }
}

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    step "Installing wasm-bindgen-cli $want into .tools (about 3 minutes, once)"
    # Not --locked: that fails on a crates index gap on these machines (BUILD-NOTES).
    cargo install wasm-bindgen-cli --version "$want" --root "$ROOT/.tools" --force
  fi
}

# A local S3-compatible server for the several-servers test (issue 9): s3s-fs from crates.io,
# pinned to the last release this toolchain builds.
S3S_FS_VERSION=0.14.1
ensure_s3_server() {
  if [ "$("$ROOT/.tools/bin/s3s-fs" --version 2>/dev/null | awk '{print $2}')" != "$S3S_FS_VERSION" ]; then
    step "Installing s3s-fs $S3S_FS_VERSION into .tools (a local S3 server for the tests; once)"
    cargo install s3s-fs --version "$S3S_FS_VERSION" --features binary --root "$ROOT/.tools" --force
  fi
}

ensure_npm_tools() {
  if [ ! -x tools/node_modules/.bin/wasm-opt ]; then
    step "Installing wasm-opt (npm binaryen)"
    (cd tools && npm ci --no-audit --no-fund)
  fi
}

ensure_browser_tools() {
  apt_install chromium brotli
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    step "Installing Playwright (without its browser download; Debian's Chromium is used)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

# Builds the browser bundle as cargo-leptos would: WASM (size profile) → wasm-bindgen →
# wasm-opt → target/site/pkg, plus the stylesheet and public assets, precompressed.
build_site() {
  step "Building the browser bundle (WASM)"
  cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
  local wasm=target/wasm32-unknown-unknown/wasm-release/frontend.wasm
  local pkg="$LEPTOS_SITE_ROOT/$LEPTOS_SITE_PKG_DIR"
  mkdir -p "$pkg"
  if [ ! -f "$pkg/sigap.wasm" ] || [ "$wasm" -nt "$pkg/sigap.wasm" ]; then
    wasm-bindgen --target web --no-typescript --remove-name-section \
      --out-name sigap --out-dir "$pkg" "$wasm"
    mv -f "$pkg/sigap_bg.wasm" "$pkg/sigap.wasm"
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$pkg/sigap.wasm" -o "$pkg/sigap.wasm"
  fi
  cp style/sigap.css "$pkg/sigap.css"
  cp -r public/. "$LEPTOS_SITE_ROOT/"
  local f
  for f in "$pkg"/sigap.js "$pkg"/sigap.wasm "$pkg"/sigap.css "$LEPTOS_SITE_ROOT"/*.svg; do
    gzip -9 -k -f "$f"
    if command -v brotli >/dev/null; then brotli -q 11 -f -k "$f"; fi
  done
}

build_server() {
  step "Building the sigap server"
  cargo build -p server --bin sigap
}
