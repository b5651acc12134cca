#!/bin/sh
# Usage: scripts/preload-chunks.sh SITE_DIR PUBLIC_URL   (the post-build hook, after prerender)
#
# Lets the pages fetch their wasm chunks alongside the main module instead of after it (one
# round trip less on a slow connection). Each page names what to fetch in
# <meta name="guide-chunks" content="URL URL ...">, which the loader (Trunk.toml,
# pattern_script) turns into preloads when it starts the app, after the first paint: the
# chunks' link file (<stem>_split.js, imported by the glue) on every page; on the quiz pages
# (quiz.html, quiz/*.html), diagram.html and progress.html also their own chunk and the shared
# chunks it needs, as the link file names them (a "/* progress, quiz */" comment above each
# shared chunk), and its data file if it has one (data/quiz-<hash>.txt, data/diagram-<hash>.txt);
# those pages also preload all of it, with the main module and its glue, from the head. Home and chapter pages name no chunk. Re-runnable: a page that has the meta is
# left alone.
set -eu

site=${1:?usage: $0 SITE_DIR PUBLIC_URL}
base=${2:?usage: $0 SITE_DIR PUBLIC_URL}
link=$(cd "$site" && ls backend-guide-*_split.js)
stem=${link%_split.js}

# The chunk files a split module needs: its own and each shared chunk whose comment names it.
files_for() {
  echo "${stem}_split_$1.wasm"
  awk -v name="$1" -v stem="$stem" '
    /^\/\* .* \*\/$/ { names = $0; next }
    /^const __chunk_[0-9]+ = / {
      if (index(names " ", " " name ",") || index(names, " " name " ")) {
        sub(/^__/, "", $2); print stem "_" $2 ".wasm"
      }
    }
    { names = "" }
  ' "$site/$link"
}

# Adds `tags` before </head> of a page, once.
add_to_head() {
  page=$1 tags=$2
  grep -q 'name="guide-chunks"' "$page" && return 0
  TAGS="$tags" awk '!done && /<\/head>/ { sub(/<\/head>/, ENVIRON["TAGS"] "</head>"); done = 1 } { print }' \
    "$page" >"$page.tmp" && mv "$page.tmp" "$page"
}

# The data file a split module's pages fetch alongside its code (data/<module>-<hash>.txt).
data_for() {
  (cd "$site" && ls data/"$1"-*.txt 2>/dev/null) || true
}

preloads() {
  urls="$base$link"
  for module in "$@"; do
    for file in $(files_for "$module") $(data_for "$module"); do
      [ -f "$site/$file" ] || { echo "preload-chunks: $file is missing" >&2; exit 1; }
      urls="$urls $base$file"
    done
  done
  printf '<meta name="guide-chunks" content="%s">' "$urls"
  # A page whose content is the app (a quiz, the diagram, the progress page) asks for all of
  # its code from the head, at once: waiting for the first paint cost its first visit 0.3-0.5 s
  # on a slow connection (bench, "ready"). Reading pages leave it to the loader.
  [ $# -gt 0 ] && links "$base$stem.js" "$base${stem}_bg.wasm" $urls
  return 0
}

# Preload links for URLs: modules, wasm, data files.
links() {
  for url in "$@"; do
    case $url in
      *.js) printf '<link rel="modulepreload" crossorigin href="%s">' "$url" ;;
      *.wasm) printf '<link rel="preload" as="fetch" type="application/wasm" crossorigin href="%s">' "$url" ;;
      *) printf '<link rel="preload" as="fetch" crossorigin href="%s">' "$url" ;;
    esac
  done
}

for page in $(cd "$site" && find . -name '*.html' ! -path './chapter-bodies/*' | sed 's|^\./||'); do
  case "$page" in
    quiz.html | quiz/*.html) tags=$(preloads quiz) ;;
    diagram.html) tags=$(preloads diagram) ;;
    progress.html) tags=$(preloads progress) ;;
    *) tags=$(preloads) ;;
  esac
  add_to_head "$site/$page" "$tags"
done
echo "preload-chunks: $(grep -l 'name="guide-chunks"' "$site"/*.html "$site"/*/*.html 2>/dev/null | wc -l) pages" >&2
