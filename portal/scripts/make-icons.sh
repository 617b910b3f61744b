#!/usr/bin/env bash
# Makes the installed app's icons (public/icons/*.png) from public/favicon.svg with Debian's Chromium, once; the PNGs
# are committed, so the build does not need a browser. Run again only when the favicon changes:
#   bash scripts/make-icons.sh
# "any" icons: the favicon drawn edge to edge on a transparent background. "maskable": the favicon's symbol inside the
# 80 % safe zone on a full-bleed green square (the launcher cuts it to its own shape).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
svg="$(cat public/favicon.svg)"
mkdir -p public/icons

shot() { # size name html
    printf '%s' "$3" > "$work/$2.html"
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
        --window-size="$1,$1" --screenshot="$PWD/public/icons/$2.png" "file://$work/$2.html" 2>/dev/null
}

page() { # size padding background
    printf '<!doctype html><html><head><style>html,body{margin:0;width:%spx;height:%spx;background:%s;overflow:hidden}svg{display:block;box-sizing:border-box;width:100%%;height:100%%;padding:%spx}</style></head><body>%s</body></html>' \
        "$1" "$1" "$3" "$2" "$svg"
}

for size in 192 512; do
    shot "$size" "icon-$size" "$(page "$size" 0 transparent)"
    # The symbol (circles and triangle) fills the middle; 10 % padding keeps it inside the maskable safe zone.
    shot "$size" "maskable-$size" "$(page "$size" $((size / 10)) '#1f5f3a')"
done
ls -l public/icons
