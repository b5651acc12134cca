#!/bin/sh
# Trunk post_build hook: runs in the project folder with the finished site in $TRUNK_STAGING_DIR.
# 1. The app shell as Trunk wrote it (a loading screen the app replaces) becomes 404.html:
#    GitHub Pages answers unknown paths with it, so every deep link loads the app, which then
#    routes to the right view (or shows "Page not found"). The service worker answers offline
#    navigations without a page of their own with it too.
# 2. Every other route gets its own copy of that shell, `<route>.html`: GitHub Pages serves `/x`
#    from `x.html` with status 200, so links are real pages for search engines and link checkers.
# 3. The home page (index.html) and every chapter page (chapters/<id>.html) are prerendered: the
#    shell with the view's text, title and description in place of the loading screen
#    (crates/guide-content/examples/prerender.rs), painted before the wasm has loaded.
# 4. Every page gets the Content-Security-Policy, with the hashes of its inline scripts as they
#    are now (crates/guide-content/examples/csp.rs).
# 5. The service worker's precache list and version, from the final files (scripts/precache.sh).
set -eu
site=$TRUNK_STAGING_DIR
cp "$site/index.html" "$site/404.html"
shell_copy() {
  mkdir -p "$(dirname "$site/$1")"
  cp "$site/404.html" "$site/$1.html"
}
for page in progress diagram quiz quiz/guide quiz/review quiz/retry; do
  shell_copy "$page"
done
for chapter in content/chapters/*.md; do
  shell_copy "quiz/$(basename "$chapter" .md)"
done
cargo run --offline --quiet -p guide-content --features pipeline --example prerender -- "$site" content
cargo run --offline --quiet -p guide-content --features pipeline --example csp -- "$site"
sh "$(dirname "$0")/precache.sh" "$site"
