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
# the services whose data files PyInstaller must carry: HTML extraction and dates, datasets, PDF fonts
"$APP/briefer-cli" -w "$WORK/demo.briefer" intake "$ROOT/tests/intake/fixtures/dam_talks.html" --json > "$WORK/intake.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['events'] and d['dates'], d; print(f\"built app proposed {len(d['events'])} events from an HTML report\")" "$WORK/intake.json"
# spaCy is not bundled: the assistant reads with its rules, and says so (lower recall)
"$APP/briefer-cli" -w "$WORK/demo.briefer" intake "$ROOT/tests/intake/fixtures/dam_talks.html" > "$WORK/intake.txt"
grep -q "rules alone" "$WORK/intake.txt" || { echo "the built app's intake does not say it reads with its rules alone" >&2; exit 1; }
grep "rules alone" "$WORK/intake.txt"
"$APP/briefer-cli" -w "$WORK/demo.briefer" import --format acled "$ROOT/tests/exchange/fixtures/acled_small.csv" --json > /dev/null
"$APP/briefer-cli" -w "$WORK/demo.briefer" export --format geojson "$WORK/events.geojson" > /dev/null
"$APP/briefer-cli" -w "$WORK/demo.briefer" brief --template period --from 2019-01 --to 2019-03 --out "$WORK/brief.pdf" > /dev/null
head -c 5 "$WORK/brief.pdf" | grep -q '%PDF-' || { echo "the built app wrote no PDF brief" >&2; exit 1; }
echo "built app imported ACLED, exported GeoJSON and wrote a PDF brief ($(stat -c %s "$WORK/brief.pdf") bytes)"
QT_QPA_PLATFORM=offscreen "$APP/briefer" --version
# the window itself, offscreen, on a fresh demo copy: still running after 8 s means it started
status=0
BRIEFER_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen timeout 8 "$APP/briefer" --demo || status=$?
if [ "$status" -ne 124 ]; then
    echo "the built GUI exited early (status $status); see $WORK/data/briefer.log" >&2
    exit 1
fi
test -f "$WORK/data/Demo.briefer" || { echo "the built GUI did not create its demo workspace" >&2; exit 1; }
echo "built: $APP ($(du -sh "$APP" | cut -f1), $(du -s --bytes "$APP" | cut -f1) bytes); the GUI started on a demo copy"
