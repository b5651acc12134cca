#!/bin/sh
# Usage: scripts/split-wasm.sh SITE_DIR   (the Trunk post_build hook runs it first)
#
# Splits the app's wasm into the main module and the chunks its pages load when they open
# (src/chunks.rs: the quiz, the diagram, the progress page), redoing Trunk's wasm pipeline from
# the untouched cargo artefact, which Trunk cannot split (trunk-rs/trunk#1022):
#   1. wasm-split-cli (crate wasm_split_cli_support): the main module, split_<chunk>.wasm for
#      each split point, chunk_<n>.wasm for code two chunks share, and the link file that
#      instantiates a chunk against the running main module (needs `--emit-relocs`,
#      .cargo/config.toml);
#   2. wasm-bindgen --keep-lld-exports on the main module (the chunks import its exports);
#   3. wasm-opt -Oz on every wasm file (release only; index.html has data-wasm-opt="0", so
#      Trunk does not optimise the unsplit file).
# The main module and its glue keep Trunk's names (index.html and its loader are unchanged);
# the link file and the chunks get the same hashed stem (<stem>_split.js, <stem>_split_quiz.wasm,
# ...), so a tab from an older deployment never instantiates a newer chunk. Everything lands in
# SITE_DIR, where scripts/precache.sh lists it for the service worker.
set -eu

site=${1:?usage: $0 SITE_DIR}
fail() { echo "split-wasm: $*" >&2; exit 1; }

glue=$(cd "$site" && ls backend-guide-*.js 2>/dev/null | grep -v '_split\.js$' || true)
[ "$(printf '%s\n' "$glue" | grep -c .)" = 1 ] || fail "expected one backend-guide-<hash>.js in $site, found: $glue"
stem=${glue%.js}

case "${TRUNK_PROFILE:-release}" in release) profile=release ;; *) profile=debug ;; esac
target_dir=$(cargo metadata --offline --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
artefact="$target_dir/wasm32-unknown-unknown/$profile/backend-guide.wasm"
[ -f "$artefact" ] || fail "no cargo artefact at $artefact"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wasm-split-cli --target web --out-name "$stem" "$artefact" "$work/split" >&2 ||
  fail "wasm-split-cli failed on $artefact"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir "$work/out" --out-name "$stem" "$work/split/$stem.wasm"

# The link file and the chunks, renamed under the stem; the glue imports the renamed link file
# (the import statements only: the wasm's own import module stays "./__wasm_split.js").
sed -i "s|from \"\./__wasm_split\.js\"|from \"./${stem}_split.js\"|g" "$work/out/$stem.js"
grep -q "${stem}_split.js" "$work/out/$stem.js" || fail "the glue does not import the link file"
cp "$work/split/__wasm_split.js" "$work/out/${stem}_split.js"
for chunk in "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
  [ -f "$chunk" ] || continue
  name=$(basename "$chunk")
  sed -i "s|\"\./$name\"|\"./${stem}_$name\"|g" "$work/out/${stem}_split.js"
  cp "$chunk" "$work/out/${stem}_$name"
done

if [ "$profile" = release ]; then
  for wasm in "$work"/out/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-reference-types --enable-sign-ext --enable-mutable-globals \
      "$wasm" -o "$wasm.opt" 2>/dev/null &
  done
  wait
  for wasm in "$work"/out/*.wasm; do
    [ -s "$wasm.opt" ] || fail "wasm-opt failed on $(basename "$wasm")"
    mv "$wasm.opt" "$wasm"
  done
fi

rm -f "$site/$stem.js" "$site/${stem}_bg.wasm" "$site/${stem}"_split*.js "$site/${stem}"_*.wasm
cp "$work"/out/* "$site/"
echo "split-wasm: $(cd "$work/out" && for f in *; do printf '%s %s B; ' "$f" "$(wc -c <"$f")"; done)" >&2
