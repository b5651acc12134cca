#!/bin/sh
# Usage: scripts/precache.sh SITE_DIR
#
# Writes the service worker's precache list and cache version into SITE_DIR/sw.js, from the
# final files in SITE_DIR (the Trunk post_build hook runs it on the staged build). Re-runnable:
# it rewrites the `const VERSION = …;` and `const FILES = …;` lines whatever they hold, so a
# changed site folder can be re-stamped as a new deployment (the e2e update test does that).
#
#   FILES    every file of the site but sw.js (every page is prerendered: each route's own
#            page answers its navigations offline), as [path relative to the site, sha256 hex]
#   VERSION  the first 16 hex digits of the SHA-256 of that list: any changed byte in any file
#            gives a new version (Trunk's hashed names do not change with every byte).
#
# POSIX sh, coreutils, find, awk: nothing CI has to install.
set -eu

site=${1:?usage: $0 SITE_DIR}
sw="$site/sw.js"
fail() { echo "precache: $*" >&2; exit 1; }
[ -f "$sw" ] || fail "$sw is missing (index.html copies it with <link data-trunk rel=\"copy-file\" href=\"sw.js\">)"

# "HASH  PATH" for every file but sw.js, in a stable order.
sums=$(cd "$site" && find . -type f ! -path ./sw.js |
  sed 's|^\./||' | LC_ALL=C sort |
  while IFS= read -r file; do
    # Paths go into a JavaScript string and a URL as they are: keep them plain.
    case "$file" in *[!A-Za-z0-9._/-]*) fail "unsupported character in file name: $file" ;; esac
    sha256sum -- "$file"
  done)
[ -n "$sums" ] || fail "$site holds no files"
printf '%s\n' "$sums" | grep -qx '[0-9a-f]\{64\}  index.html' || fail "$site has no index.html"

version=$(printf '%s\n' "$sums" | sha256sum | cut -c1-16)
files=$(printf '%s\n' "$sums" | awk '{ printf "%s[\"%s\", \"%s\"]", (NR > 1 ? ",\n  " : ""), $2, $1 }')

grep -q '^const VERSION = .*;$' "$sw" || fail "$sw has no 'const VERSION = …;' line"
grep -q '^const FILES = ' "$sw" || fail "$sw has no 'const FILES = …;' line"

# Replace the VERSION line, and the FILES statement (one line, or several up to the line
# ending in "];").
tmp="$sw.tmp.$$"
VERSION_LINE="const VERSION = \"$version\";" FILES_LINE="const FILES = [
  $files,
];" awk '
  /^const VERSION = .*;$/ { print ENVIRON["VERSION_LINE"]; next }
  /^const FILES = / { skipping = ($0 !~ /\];$/); print ENVIRON["FILES_LINE"]; next }
  skipping { if ($0 ~ /^\];$/) skipping = 0; next }
  { print }
' "$sw" >"$tmp"
mv "$tmp" "$sw"
count=$(printf '%s\n' "$sums" | wc -l)
echo "precache: $sw version $version, $count files" >&2
