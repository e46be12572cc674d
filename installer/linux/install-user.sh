#!/usr/bin/env bash
# Installs the portable folder (dist/UnionDesk or an unpacked UnionDesk-linux.tar.gz) for the
# current user: program in ~/.local/opt/UnionDesk, command ~/.local/bin/UnionDesk, menu entry
# and icons. No root needed. Data stays in ~/.local/share/UnionDesk.
# Usage: install-user.sh [path/to/UnionDesk-folder]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SOURCE="${1:-$HERE/../../dist/UnionDesk}"
ICONS="${ICONS:-$HERE/../../resources/icons}"
[ -x "$SOURCE/UnionDesk" ] || { echo "no UnionDesk program in $SOURCE" >&2; exit 2; }
PREFIX="$HOME/.local"
if [ -e "$PREFIX/opt/UnionDesk/UnionDeskData" ]; then
    echo "$PREFIX/opt/UnionDesk holds portable data (UnionDeskData); move it first" >&2; exit 1
fi
rm -rf "$PREFIX/opt/UnionDesk"
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$PREFIX/share/applications"
cp -a "$SOURCE" "$PREFIX/opt/UnionDesk"
ln -sf "$PREFIX/opt/UnionDesk/UnionDesk" "$PREFIX/bin/UnionDesk"
for size in 16 24 32 48 64 128 256; do
    dest="$PREFIX/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dest"
    cp "$ICONS/uniondesk-$size.png" "$dest/uniondesk.png"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
cp "$ICONS/uniondesk.svg" "$PREFIX/share/icons/hicolor/scalable/apps/uniondesk.svg"
sed "s|^Exec=.*|Exec=$PREFIX/bin/UnionDesk|; s|^TryExec=.*|TryExec=$PREFIX/bin/UnionDesk|" \
    "$HERE/uniondesk.desktop" > "$PREFIX/share/applications/uniondesk.desktop"
update-desktop-database "$PREFIX/share/applications" 2>/dev/null || true
echo "installed: $PREFIX/bin/UnionDesk (menu: 办公 → 工会台账)"
