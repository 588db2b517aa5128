"""How the main window copes with a large workspace: open, and a filter change.

    python benchmarks/window_bench.py [--events N] [--json]

Default 1M events (the generator's cached workspace).  "Open" is from creating the
window to the first painted frame with table, timeline, panels and counts filled.
"Filter change" is the time from setting a filter in the filter bar to table, timeline
and count all showing it, painted, for a few typical filters.  The baseline, in the
same run, is the store alone answering the same filters (count + first page), so the
ratio is what the window adds.  Targets: open < 2 s; filter change < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefer.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the main window on a large workspace.")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    path = generate.cached_workspace(args.events)
    app = QApplication.instance() or QApplication([])
    settings_path = Path(os.environ.get("TMPDIR", "/tmp")) / "briefer-window-bench.ini"
    settings_path.unlink(missing_ok=True)

    start = time.perf_counter()
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(1920, 1080)
    window.open_path(path)
    window.show()
    app.processEvents()
    window.grab()
    open_s = time.perf_counter() - start

    ws = window.session.ws
    actors = [a for a in window.session.actors.values()][:5]
    cases = [
        ("text", dict(text="ambush")),
        ("date range", dict(start="2019", end="2019")),
        ("actor", dict(actors=actors[0].name)),
        ("date+actor+text", dict(start="2015", end="2020", actors=actors[1].name, text="clash")),
        ("clear", dict()),
    ]
    bar = window.filter_bar
    image = QImage(window.size(), QImage.Format.Format_ARGB32_Premultiplied)
    rows = []
    for name, fields in cases * 3:
        bar.text.setText(fields.get("text", ""))
        bar.start.setText(fields.get("start", ""))
        bar.end.setText(fields.get("end", ""))
        bar.actors.setText(fields.get("actors", ""))
        start = time.perf_counter()
        bar.apply()
        window.render(image)
        ui_ms = (time.perf_counter() - start) * 1000
        f = window.session.filter
        start = time.perf_counter()
        ws.count_events(f)
        ws.search_events(f, limit=60)
        store_ms = (time.perf_counter() - start) * 1000
        rows.append((name, ui_ms, store_ms, window.table.model().rowCount()))
    by_name: dict[str, list[tuple[float, float, int]]] = {}
    for name, ui_ms, store_ms, count in rows:
        by_name.setdefault(name, []).append((ui_ms, store_ms, count))
    result = {"events": ws.event_count(), "open_s": open_s, "filters": {
        name: {"window_ms": statistics.median(v[0] for v in values),
               "store_ms": statistics.median(v[1] for v in values), "matches": values[0][2]}
        for name, values in by_name.items()}}
    window.close()
    if args.json:
        print(json.dumps({"window": result}, indent=1))
        return 0
    print(f"\nMain window, {result['events']:,} events")
    print(f"  open to first full frame   {open_s * 1000:>8.0f} ms   (target < 2000)")
    print("  filter change (median of 3)   window ms   store-only ms   matches   (target < 200)")
    for name, v in result["filters"].items():
        print(f"  {name:<26}{v['window_ms']:>12.0f}{v['store_ms']:>16.0f}{v['matches']:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
