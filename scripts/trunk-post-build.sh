#!/bin/sh
# Trunk post_build hook: runs in the project folder with the finished site in $TRUNK_STAGING_DIR.
# 0. The wasm split into the main module and the chunks the quiz, diagram and progress pages
#    load when they open (scripts/split-wasm.sh): first, before anything hashes or lists files.
# 1. Every route is prerendered by the app's own components (src/bin/prerender.rs, feature
#    `ssr`, built natively): index.html (home), chapters/<id>.html, diagram.html, quiz.html,
#    quiz/<key>.html, progress.html — GitHub Pages serves `/x` from `x.html` with status 200 —
#    and 404.html ("Page not found"), which GitHub Pages sends for any other path with status
#    404. The text is painted before the wasm has loaded and read without JavaScript; the app
#    mounts over it. Also chapter-bodies/<id>.html, which the app fetches to open a chapter.
# 1b. Each page preloads the chunks it needs (scripts/preload-chunks.sh), before the CSP hashes.
# 2. Every page gets the Content-Security-Policy, with the hashes of its inline scripts as they
#    are now (crates/guide-content/examples/csp.rs).
# 3. The service worker's precache list and version, from the final files (scripts/precache.sh).
set -eu
site=$TRUNK_STAGING_DIR
sh "$(dirname "$0")/split-wasm.sh" "$site"
cargo run --offline --quiet --no-default-features --features ssr --bin prerender -- \
  "$site" content "${TRUNK_PUBLIC_URL:-/backend-guide/}"
sh "$(dirname "$0")/preload-chunks.sh" "$site" "${TRUNK_PUBLIC_URL:-/backend-guide/}"
cargo run --offline --quiet -p guide-content --features pipeline --example csp -- "$site"
sh "$(dirname "$0")/precache.sh" "$site"
