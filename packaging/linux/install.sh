#!/usr/bin/env bash
# Install a built RenoDesk bundle on Linux, with its menu entry, icons and AppStream data.
#   bash packaging/linux/install.sh [--bundle dist/RenoDesk]            for this user (~/.local)
#   sudo bash packaging/linux/install.sh --system [--bundle dist/RenoDesk]   for everyone (/opt)
#   bash packaging/linux/install.sh --uninstall [--system]             remove the program
# The data stays in ~/.local/share/RenoDesk (per user) when the program is removed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BUNDLE="$HERE/../../dist/RenoDesk"
SYSTEM=0
UNINSTALL=0
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE="$2"; shift 2 ;;
    --system) SYSTEM=1; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
ID=nl.renodesk.RenoDesk
if [ "$SYSTEM" = 1 ]; then
  PROGRAM=/opt/renodesk; BIN=/usr/local/bin; SHARE=/usr/local/share
else
  PROGRAM="$HOME/.local/lib/renodesk"; BIN="$HOME/.local/bin"; SHARE="$HOME/.local/share"
fi

if [ "$UNINSTALL" = 1 ]; then
  rm -rf "$PROGRAM" "$BIN/renodesk" "$SHARE/applications/$ID.desktop" \
    "$SHARE/metainfo/$ID.metainfo.xml"
  find "$SHARE/icons/hicolor" -name "$ID.*" -delete 2>/dev/null || true
  echo "RenoDesk removed; your data was kept."
  exit 0
fi

[ -x "$BUNDLE/renodesk" ] || { echo "no bundle at $BUNDLE: run packaging/build.sh" >&2; exit 1; }
rm -rf "$PROGRAM"
mkdir -p "$PROGRAM" "$BIN" "$SHARE/applications" "$SHARE/metainfo"
cp -a "$BUNDLE/." "$PROGRAM/"
ln -sf "$PROGRAM/renodesk" "$BIN/renodesk"
# The menu entry names the program by its full path: ~/.local/bin is not always on PATH.
sed "s#^Exec=renodesk#Exec=$PROGRAM/renodesk#" "$HERE/$ID.desktop" \
  > "$SHARE/applications/$ID.desktop"
cp "$HERE/$ID.metainfo.xml" "$SHARE/metainfo/"
cp -r "$HERE/icons/hicolor" "$SHARE/icons/" 2>/dev/null \
  || { mkdir -p "$SHARE/icons" && cp -r "$HERE/icons/hicolor" "$SHARE/icons/"; }
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
echo "RenoDesk installed in $PROGRAM; start it from the menu or with: $BIN/renodesk"
