#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (briefer.spec) and try it headless:
# `briefer-cli --version`, then real commands on a new demo workspace.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/setup.sh" package
cd "$ROOT"
"$ROOT/.venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$ROOT/dist" --workpath "$ROOT/build" briefer.spec
APP="$ROOT/dist/briefer"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$APP/briefer-cli" --version
"$APP/briefer-cli" init "$WORK/demo.briefer" --demo
"$APP/briefer-cli" -w "$WORK/demo.briefer" search --actor Daesh --from 2019 --json > "$WORK/found.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d, 'no events found'; print(f'built app found {len(d)} events for Daesh in 2019')" "$WORK/found.json"
QT_QPA_PLATFORM=offscreen "$APP/briefer" --version
echo "built: $APP"
