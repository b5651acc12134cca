#!/bin/sh
# Renders the PNG app icons from icons/icon.svg. Run by hand after changing the SVG, and commit
# the PNGs: builds and CI only copy them. Needs rsvg-convert (apt-get install librsvg2-bin);
# optipng and pngquant (apt-get install optipng pngquant) make them smaller if they are there.
#
#   icon-192.png, icon-512.png   the icon as it is (rounded square), purpose "any"
#   icon-maskable-512.png        full-bleed square, the mark scaled into the maskable safe zone
#                                (the middle 80% circle), purpose "maskable"
#   apple-touch-icon.png         180 px, full bleed (iOS rounds the corners itself)
set -eu
cd "$(dirname "$0")/../icons"
maskable=$(mktemp)
trap 'rm -f "$maskable"' EXIT
# Square corners, and the mark at 80% around the centre.
sed -e 's/ rx="[0-9]*"//' \
    -e 's|<path |<path transform="translate(256 256) scale(.8) translate(-256 -256)" |' \
    icon.svg >"$maskable"
rsvg-convert -w 192 -h 192 icon.svg -o icon-192.png
rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
rsvg-convert -w 512 -h 512 "$maskable" -o icon-maskable-512.png
rsvg-convert -w 180 -h 180 "$maskable" -o apple-touch-icon.png
for png in icon-192.png icon-512.png icon-maskable-512.png apple-touch-icon.png; do
  if command -v optipng >/dev/null; then optipng -quiet -o7 -strip all "$png"; fi
  # A palette (with alpha) is visually the same for two flat colours, and often smaller.
  if command -v pngquant >/dev/null; then
    pngquant --quality=90-100 --speed 1 --strip --force --output "$png.q" "$png"
    if command -v optipng >/dev/null; then optipng -quiet -o7 "$png.q"; fi
    if [ "$(wc -c <"$png.q")" -lt "$(wc -c <"$png")" ]; then mv "$png.q" "$png"; else rm "$png.q"; fi
  fi
done
ls -l icon-192.png icon-512.png icon-maskable-512.png apple-touch-icon.png
