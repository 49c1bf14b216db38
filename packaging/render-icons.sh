#!/usr/bin/env bash
# Render the app icon (linux/icons/hicolor/scalable/apps/nl.renodesk.RenoDesk.svg) to
# every size the platforms expect. The results are committed; run again after changing it.
#   Linux    linux/icons/hicolor/<N>x<N>/apps/nl.renodesk.RenoDesk.png (16..512)
#   Windows  windows/renodesk.ico (16..256)
#   macOS    macos/RenoDesk.icns (16..1024)
# Needs rsvg-convert (Debian: librsvg2-bin) and Pillow (in the project venv via reportlab).
set -euo pipefail
cd "$(dirname "$0")"
SVG=linux/icons/hicolor/scalable/apps/nl.renodesk.RenoDesk.svg
PY="${PYTHON:-../.venv/bin/python}"
command -v rsvg-convert >/dev/null || { echo "install rsvg-convert (librsvg2-bin)" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

for n in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "linux/icons/hicolor/${n}x${n}/apps"
  rsvg-convert -w "$n" -h "$n" "$SVG" -o "linux/icons/hicolor/${n}x${n}/apps/nl.renodesk.RenoDesk.png"
done
rsvg-convert -w 1024 -h 1024 "$SVG" -o "$TMP/1024.png"

"$PY" - "$TMP/1024.png" <<'PYTHON'
import sys
from PIL import Image

big = Image.open(sys.argv[1]).convert("RGBA")
big.save("windows/renodesk.ico", sizes=[(n, n) for n in (16, 20, 24, 32, 40, 48, 64, 256)])
big.save("macos/RenoDesk.icns")
PYTHON
echo "icons written"
