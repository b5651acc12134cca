#!/bin/sh
# Trunk post_build hook: runs in the project folder with the finished site in $TRUNK_STAGING_DIR.
# 1. GitHub Pages answers unknown paths with 404.html; making it the app shell lets every deep
#    link (e.g. /backend-guide/chapters/databases) load the app, which then routes to the right
#    view.
# 2. The service worker's precache list and version, from the final files (scripts/precache.sh).
set -eu
cp "$TRUNK_STAGING_DIR/index.html" "$TRUNK_STAGING_DIR/404.html"
sh "$(dirname "$0")/precache.sh" "$TRUNK_STAGING_DIR"
