"""How the main window copes with a large workspace: open, a filter change, an edit, lanes.

    python benchmarks/window_bench.py [--events N] [--json]

Default 1M events (the generator's cached workspace).  "Open" is from creating the
window to the first painted frame with table, timeline, panels and counts filled.
"Filter change" is the time from applying a filter in the filter bar until Qt has
repainted what the change invalidated (table, timeline, counts: the window shown, as on
screen), for a few typical filters, median of 3.  Its baseline, in the same run, is what
the store itself needs to answer the same filter for this window: the count and the first
page of events (the table's question) plus every matching row id (the timeline's: it
draws all matches, as glyphs or density), asked on a connection of its own (so neither
side reads from a cache the other warmed), so the ratio is what the window adds.  The
same formula holds for clearing the filter (every event matches: all their ids), where
the window asks the store for nothing it already holds; so that case is also printed
against the count and first page alone ("clear, strict"), the hardest reading.  The
old measures are printed beside them: the window with a forced render of the whole
window on top ("+render"), against the count and first page alone ("old ratio").

"Edit" is one undoable edit (an event's title, an actor's description) from the command
to the window repainted, against the store's own write of the same record (measured
through Qt's own repaint of what the edit invalidated, and with a whole-window render
forced on top, the old measure).

"Lanes by actor" is the timeline switching to one lane per actor: its first frame
painted (above 200k events the lanes a screen shows are read first and the others on a
thread, see `lanes()`), then every lane read and painted, with the longest the window
went without handling an event meanwhile; against the store reading all the (event,
actor) pairs.  Targets (issue 15): open < 1.5 s; edit repainted < 50 ms; filter change
within 3x the store; lanes by actor < 1 s.
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
from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefer.store import Workspace  # noqa: E402
from briefer.store import timeline as store_timeline  # noqa: E402
from briefer.ui import commands  # noqa: E402
from briefer.ui.main_window import MainWindow  # noqa: E402


def timed(action, image, window) -> float:
    start = time.perf_counter()
    action()
    window.render(image)
    return (time.perf_counter() - start) * 1000


class PaintCounter(QObject):
    """Adds up the area every widget is asked to repaint (a child's area counts again in its parent's, if that paints behind it)."""

    def __init__(self) -> None:
        super().__init__()
        self.pixels = 0

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:  # (the region's rects: its bounding rect may span two strips)
            self.pixels += sum(r.width() * r.height() for r in event.region())
        return False


def edits(window, image) -> dict[str, dict[str, float]]:
    """An event's title and an actor's description edited through the undo stack, median of 5
    (each followed by its undo, so the workspace ends as it began).  "window_ms" is the command
    until Qt has repainted what it invalidated (the window shown, as on screen: what a person
    waits for); "render_ms" adds a forced render of the whole window (the old measure, whose
    floor is the whole-window render); "repainted" is the share of the window's pixels painted."""
    from dataclasses import replace

    app = QApplication.instance()
    session, ws = window.session, window.session.ws
    event = ws.events_by_ids(ws.page_ids(session.filter, 1, 500_000 if ws.event_count() > 500_000 else 0))[0]
    actor = next(iter(session.actors.values()))
    counter = PaintCounter()
    area = window.width() * window.height()
    render_ms = []
    for _ in range(5):  # what painting the whole window costs with nothing changed: the floor of the old measure
        render_ms.append(timed(lambda: None, image, window))
    out = {"whole-window render": {"window_ms": statistics.median(render_ms), "render_ms": statistics.median(render_ms),
                                   "store_ms": 0.0, "repainted": 1.0}}
    app.installEventFilter(counter)
    for name, make, write in (
            ("edit event", lambda k: commands.edit_event(session, event, replace(event, title=f"{event.title} ({k})")),
             lambda k: ws.update_event(replace(event, title=f"{event.title} [{k}]"))),
            ("edit actor", lambda k: commands.edit_actor(session, actor, replace(actor, description=f"note {k}")),
             lambda k: ws.update_actor(replace(actor, description=f"note [{k}]")))):
        window_ms, full_ms, store_ms, shares = [], [], [], []
        for k in range(10):
            app.processEvents()
            counter.pixels = 0
            start = time.perf_counter()
            commands.apply(session, make(k))
            app.processEvents()
            if k % 2 == 0:  # the real repaint
                window_ms.append((time.perf_counter() - start) * 1000)
                shares.append(counter.pixels / area)
            else:  # the old measure: a render of the whole window on top
                window.render(image)
                full_ms.append((time.perf_counter() - start) * 1000)
            session.undo_stack.undo()
            app.processEvents()
            start = time.perf_counter()
            with ws.transaction():
                write(k)
            store_ms.append((time.perf_counter() - start) * 1000)
        ws.update_event(event, touch=False)
        ws.update_actor(actor)
        session.notify_changed()
        app.processEvents()
        out[name] = {"window_ms": statistics.median(window_ms), "render_ms": statistics.median(full_ms),
                     "store_ms": statistics.median(store_ms), "repainted": statistics.median(shares)}
    app.removeEventFilter(counter)
    return out


def lanes(window, image) -> dict[str, float]:
    """Switching to lanes by actor: to the first frame painted (on a large workspace, the lanes
    a screen shows, read at once), then to every lane read (on a thread) and painted, with
    the longest the window went without handling an event meanwhile (a 10 ms timer's
    lateness: what "responding" means); against the store's `lane_pairs` alone."""
    from PySide6.QtCore import QEventLoop, QTimer

    app = QApplication.instance()
    ws = window.session.ws
    start = time.perf_counter()
    store_timeline.lane_pairs(ws, "actor")
    store_ms = (time.perf_counter() - start) * 1000
    timeline = window.timeline
    start = time.perf_counter()
    window_ms = timed(lambda: timeline.set_lanes("actor"), image, window)
    ticks = [time.perf_counter()]
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    while timeline.lanes_partial:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    window.render(image)
    all_ms = (time.perf_counter() - start) * 1000
    timer.stop()
    stall = max((b - a for a, b in zip(ticks, ticks[1:])), default=0.0) * 1000
    lanes_count = len(timeline.lane_names())
    timeline.set_lanes("none")
    return {"window_ms": window_ms, "all_ms": all_ms, "stall_ms": stall, "store_ms": store_ms, "lanes": lanes_count}


def open_window(app: QApplication, path, settings_path: Path) -> tuple[MainWindow, float]:
    """The main window on a workspace (a file or a desk), and the seconds from creating it
    to its first full frame (`store_bench.py` measures a desk's with this too)."""
    start = time.perf_counter()
    window = MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(1920, 1080)
    window.open_path(path)
    window.show()
    app.processEvents()
    window.grab()
    return window, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the main window on a large workspace.")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    path = generate.cached_workspace(args.events)
    app = QApplication.instance() or QApplication([])
    settings_path = Path(os.environ.get("TMPDIR", "/tmp")) / "briefer-window-bench.ini"
    settings_path.unlink(missing_ok=True)

    window, open_s = open_window(app, path, settings_path)

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
    # the store alone on a connection of its own: the window's reads do not warm its cache, nor its the window's
    alone = Workspace.open(path)
    image = QImage(window.size(), QImage.Format.Format_ARGB32_Premultiplied)
    rows = []
    for k, (name, fields) in enumerate(cases * 6):
        bar.text.setText(fields.get("text", ""))
        bar.start.setText(fields.get("start", ""))
        bar.end.setText(fields.get("end", ""))
        bar.actors.setText(fields.get("actors", ""))
        app.processEvents()
        start = time.perf_counter()
        bar.apply()
        if k // len(cases) % 2 == 0:  # what a person waits for: Qt repaints what the change invalidated
            app.processEvents()
            ui_ms, render_ms = (time.perf_counter() - start) * 1000, None
        else:  # the old measure: a forced render of the whole window on top
            window.render(image)
            ui_ms, render_ms = None, (time.perf_counter() - start) * 1000
        f = window.session.filter
        start = time.perf_counter()
        alone.count_events(f)
        alone.search_events(f, limit=64)  # (the table's page)
        page_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        alone.matching_ids(f)  # the timeline's question: every match (the store's own, unsorted)
        ids_ms = (time.perf_counter() - start) * 1000
        rows.append((name, ui_ms, render_ms, page_ms, ids_ms, window.table.model().rowCount()))
    by_name: dict[str, list[tuple]] = {}
    for name, *values in rows:
        by_name.setdefault(name, []).append(values)

    def median(values) -> float:
        return statistics.median(v for v in values if v is not None)

    alone.close()
    edited = edits(window, image)
    laned = lanes(window, image)
    result = {"events": ws.event_count(), "open_s": open_s, "edits": edited, "lanes_by_actor": laned, "filters": {
        name: {"window_ms": median(v[0] for v in values), "render_ms": median(v[1] for v in values),
               "store_page_ms": median(v[2] for v in values), "store_ids_ms": median(v[3] for v in values),
               "store_ms": median(v[2] + v[3] for v in values), "matches": values[0][4]}
        for name, values in by_name.items()}}
    window.close()
    if args.json:
        print(json.dumps({"window": result}, indent=1))
        return 0
    print(f"\nMain window, {result['events']:,} events")
    print(f"  open to first full frame   {open_s * 1000:>8.0f} ms   (target < 1500)")
    print("  filter change (median of 3)   window ms  +render ms   store ms (page+ids)   ratio  (old ratio)   matches"
          "   (target: ratio <= 3)")
    for name, v in result["filters"].items():
        ratio = v["window_ms"] / max(v["store_ms"], 0.01)
        old = v["render_ms"] / max(v["store_page_ms"], 0.01)
        store = f"{v['store_ms']:.1f} ({v['store_page_ms']:.1f}+{v['store_ids_ms']:.1f})"
        print(f"  {name:<26}{v['window_ms']:>10.0f}{v['render_ms']:>12.0f}{store:>22}{ratio:>8.1f}{old:>12.1f}"
              f"{v['matches']:>10,}")
        if name == "clear":
            strict = v["window_ms"] / max(v["store_page_ms"], 0.01)
            print(f"  {'clear, strict':<26}{v['window_ms']:>10.0f}{'':>12}{v['store_page_ms']:>22.1f}{strict:>8.1f}"
                  "   (against the count and first page alone)")
    print("  edit, repainted (median of 5) window ms   + whole render ms   store write ms   repainted   (target < 50)")
    for name, v in result["edits"].items():
        print(f"  {name:<26}{v['window_ms']:>12.1f}{v['render_ms']:>20.1f}{v['store_ms']:>17.2f}"
              f"{v['repainted']:>11.1%}")
    v = result["lanes_by_actor"]
    print(f"  lanes by actor, first frame  {v['window_ms']:>8.0f} ms   (store pairs alone {v['store_ms']:.0f} ms; "
          "target < 1000)")
    print(f"  lanes by actor, all {v['lanes']} read {v['all_ms']:>8.0f} ms   (longest the window did not respond "
          f"meanwhile: {v['stall_ms']:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
