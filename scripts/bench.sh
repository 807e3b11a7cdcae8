#!/usr/bin/env bash
# Runs the benchmark suite (BENCHMARKS.md): builds the release server, the browser bundle and
# the suite, then measures every figure against its baseline in the same run and writes
# bench/results/DATE.{json,md} and BENCHMARKS.md's table. Needs the PostgreSQL server the tests
# use (SIGAP_BENCH_PG, default postgres://postgres@127.0.0.1:5432/postgres).
# `./scripts/bench.sh --quick` skips the province and city seeds (figures 3 and 6).
source "$(dirname "$0")/lib.sh"
ensure_rust_tools
ensure_npm_tools
# brotli precompresses the assets as the portal serves them (figure 4).
apt_install brotli
build_site
step "Building the release server and the benchmark suite"
cargo build --release -p server -p sigap-bench --bin sigap --bin sigap-bench
step "Running the benchmarks"
exec "$ROOT/target/release/sigap-bench" run "$@"
