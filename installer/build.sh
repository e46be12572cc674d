#!/usr/bin/env bash
# Builds the one-folder UnionDesk bundle on Linux (dist/UnionDesk/) and checks it headless:
# `UnionDesk --version` and `UnionDesk selftest` in a clean environment without any venv.
# Usage: installer/build.sh [python]   (default python3.11, else python3)
set -euo pipefail

INSTALLER="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$INSTALLER")"
PYTHON="${1:-$(command -v python3.11 || command -v python3)}"
BUILD="$REPO/build/installer"
VENV="$BUILD/venv"
DIST="$REPO/dist"
START=$(date +%s)

echo "== build venv ($PYTHON) in $VENV"
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet "$REPO" pyinstaller

echo "== icons"
if [ ! -f "$REPO/resources/icons/uniondesk.ico" ]; then
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" "$INSTALLER/render_icons.py"
fi

echo "== pyinstaller"
# Run from the build folder so the repository's src/ is never imported instead of the
# installed package.
(cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --clean \
    --distpath "$DIST" --workpath "$BUILD/work" "$INSTALLER/uniondesk.spec")
BUILT=$(date +%s)

APP="$DIST/UnionDesk/UnionDesk"
CHECK_HOME="$(mktemp -d)"
trap 'rm -rf "$CHECK_HOME"' EXIT
# A clean environment: no venv, no PYTHONPATH, a fresh HOME, nothing of the project on PATH.
clean() {
    env -i HOME="$CHECK_HOME" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        XDG_RUNTIME_DIR="$CHECK_HOME" "$@"
}

echo "== $APP --version"
clean "$APP" --version
echo "== $APP selftest"
clean "$APP" selftest

echo "== bundle: $(du -sh "$DIST/UnionDesk" | cut -f1) in $DIST/UnionDesk"
echo "== build time: $((BUILT - START)) s (checks: $(($(date +%s) - BUILT)) s)"
