#!/bin/sh
# Trunk post_build hook: runs in the project folder with the finished site in $TRUNK_STAGING_DIR.
# 1. GitHub Pages answers unknown paths with 404.html; making it the app shell lets every deep
#    link load the app, which then routes to the right view (or shows "Page not found").
# 2. Every real route also gets its own copy of the shell, `<route>.html`: GitHub Pages serves
#    `/x` from `x.html` with status 200, so chapter links are real pages for search engines and
#    link checkers, not 404s. (The service worker does not precache these copies: offline, every
#    navigation is answered with the cached index.html.)
# 3. The service worker's precache list and version, from the final files (scripts/precache.sh).
set -eu
site=$TRUNK_STAGING_DIR
cp "$site/index.html" "$site/404.html"
shell_copy() {
  mkdir -p "$(dirname "$site/$1")"
  cp "$site/index.html" "$site/$1.html"
}
for page in progress diagram quiz quiz/guide quiz/review quiz/retry; do
  shell_copy "$page"
done
for chapter in content/chapters/*.md; do
  id=$(basename "$chapter" .md)
  shell_copy "chapters/$id"
  shell_copy "quiz/$id"
done
sh "$(dirname "$0")/precache.sh" "$site"
