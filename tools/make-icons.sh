#!/usr/bin/env bash
# Renders the PNG icons from the SVGs with headless Chromium. Run by hand after
# changing an SVG; the PNGs are committed so builds don't need a browser.
set -euo pipefail
cd "$(dirname "$0")/../static/icons"
render() { # svg size out
  local page; page=$(mktemp --suffix=.html)
  printf '<html><body style="margin:0"><img src="file://%s" width="%s" height="%s"></body></html>' "$PWD/$1" "$2" "$2" > "$page"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$PWD/$3" "file://$page" 2>/dev/null
  rm -f "$page"
}
render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
render ../../tools/icons/maskable.svg 512 icon-maskable-512.png
# The manifest's shortcuts (long-press the app icon): in manifest-assets/, which the
# browser fetches when it installs the app and the service worker doesn't precache.
for name in connection check guide; do
  render "../../tools/icons/shortcut-$name.svg" 192 "../manifest-assets/shortcut-$name.png"
done
# Shrink them: 8-bit palette (the icons have few colours), then lossless recompression.
# Needs Debian's pngquant and optipng.
for png in icon-192.png icon-512.png icon-maskable-512.png ../manifest-assets/shortcut-*.png; do
  pngquant --force --quality 80-95 --speed 1 --strip --output "$png" "$png"
  optipng -quiet -o7 "$png"
done
