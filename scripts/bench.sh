#!/usr/bin/env bash
# The benchmark (issue #7): first-load bytes, Lighthouse, interaction latency, offline reload, search
# (index size, each keystroke's answer), a
# repeat visit against a first one on a throttled phone profile, and
# incremental build time of the release site, next to a plain-HTML reference of the same text.
# Installs what it needs first (scripts/setup.sh bench: pinned, only where missing), builds,
# measures, prints one table and writes the same figures to target/bench/report.json.
#
#   scripts/bench.sh
#
# Environment: BENCH_TRIALS (interaction trials, default 20), BENCH_OFFLINE_TRIALS (default 5),
# BENCH_ONLY (a comma-separated list of sections: bytes, lighthouse, latency, offline_reload,
# repeat_visit, ready, search).
# Takes about 4-5 minutes on 2 cores once the tools are installed.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"
say() { echo "bench: $*" >&2; }
# A failed install still leads to a table: the parts that lack their tool show ERROR rows.
scripts/setup.sh bench || say "setup failed (see above): measuring what can be measured"

site=target/bench-site
out=target/bench
reference=$out/reference
mkdir -p "$out"
build_json=$out/build.json
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# 1. The release site: make sure it is built, then time an incremental build after touching one
#    chapter (build.rs reruns the content pipeline, the app crate recompiles, wasm-bindgen and
#    wasm-opt run again). A failure is recorded and the measurements that need no fresh build
#    still run on whatever is there.
say "building the release site into $site"
t0=$(date +%s%N)
if trunk build --release --dist "$site" >"$out/build-initial.log" 2>&1; then
  initial=$(seconds "$t0" "$(date +%s%N)")
  touch content/chapters/databases.md
  t0=$(date +%s%N)
  if trunk build --release --dist "$site" >"$out/build-incremental.log" 2>&1; then
    incremental=$(seconds "$t0" "$(date +%s%N)")
    echo "{\"incremental_s\": $incremental, \"initial_s\": $initial, \"touched\": \"content/chapters/databases.md\"}" >"$build_json"
  else
    echo "{\"error\": \"incremental build failed (see $out/build-incremental.log)\"}" >"$build_json"
  fi
else
  echo "{\"error\": \"release build failed (see $out/build-initial.log)\"}" >"$build_json"
fi
say "build: $(cat "$build_json")"

# 2. The reference: the built site's own prerendered pages with the scripts taken out.
say "writing the reference site into $reference"
node tools/bench/reference.mjs "$site" "$reference" || say "the reference site could not be written"

# 3. Measure (every part on its own: a failure shows as an ERROR row), print the table.
say "measuring (bytes, Lighthouse, latency, offline reload)"
if ! node tools/bench/bench.mjs --site "$site" --reference "$reference" --out "$out" --build "$build_json"; then
  echo "| measurement | item | value | details |"
  echo "|---|---|---|---|"
  echo "| all | tools/bench/bench.mjs | ERROR | it stopped before printing (see above) |"
fi
say "finished in $(( $(date +%s) - started )) s"
