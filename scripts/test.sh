#!/usr/bin/env bash
# Runs every test of The Backend Guide. Installs missing tools and browsers first.
#  1. formatting and lints (cargo fmt, cargo clippy -D warnings)
#  2. the worked example of "Build your first API" run for real (scripts/check-first-api.sh)
#  3. the release site build (Trunk, into target/e2e-site, served under /backend-guide/)
#  4. cargo test for the whole workspace: host unit tests, content-pipeline tests, and the
#     end-to-end tests in Chromium, Firefox and WebKit against that release build
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"

step() { echo; echo "== $* ($(( $(date +%s) - started )) s)"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets --offline -- -D warnings
# The build-time prerenderer: the app's components with Leptos's `ssr` feature, natively.
cargo clippy --offline --no-default-features --features ssr --lib --bins -- -D warnings

step "worked example: content/chapters/first-api.md"
scripts/check-first-api.sh

step "release build of the site"
site=target/e2e-site
trunk build --release --dist "$site"

step "cargo test (host, content, and end-to-end in three browsers)"
log=target/test-output.log
status=0
E2E_SITE_DIR="$site" cargo test --workspace --offline 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over every test binary.
echo
echo "finished in $(( $(date +%s) - started )) s"
awk '/^test result:/ { for (i = 1; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "summary: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
