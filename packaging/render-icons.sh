#!/usr/bin/env bash
# Renders the application icon's PNGs from its SVGs (Debian: librsvg2-bin). The PNGs are
# committed: run this after changing resources/icons/*.svg, then look at them.
#   16 px comes from org.tandem.Tandem-16.svg (the motif on whole pixels), the rest from the
#   scalable icon.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../resources/icons"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not installed (apt install librsvg2-bin)" >&2; exit 1; }
for size in 16 22 24 32 48 64 128 256 512; do
    source=hicolor/scalable/apps/org.tandem.Tandem.svg
    [[ $size == 16 ]] && source=org.tandem.Tandem-16.svg
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$source" -o "hicolor/${size}x${size}/apps/org.tandem.Tandem.png"
done
echo "rendered $(ls hicolor/*/apps/*.png | wc -l) PNGs in resources/icons/hicolor"
