"""How soon an open window on a desk shows another analyst's change (issue 18: within a second).

    python benchmarks/desk_live_bench.py [--events N] [--rounds R] [--json]

A throwaway PostgreSQL server (tests/pgserver.py) holds a desk of N events (default 10,000);
a window is open on it.  Another session adds an event, changes one's title, and deletes
one, R times each; each figure is from that session's commit returning to the window's
table showing the change (the notification's trip, the change set read and applied, the
table row read).  The baseline, in the same run, is the same edit made in the window
itself, from the command to the table showing it: what the partial refresh costs anyway.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefer.core.model import Event  # noqa: E402
from briefer.core.when import When  # noqa: E402
from briefer.store import Workspace  # noqa: E402
from briefer.ui import commands  # noqa: E402
from briefer.ui.main_window import MainWindow  # noqa: E402
from tests.pgserver import PgServer, find_bindir  # noqa: E402


def wait_for(app: QApplication, done, timeout: float = 10.0) -> float:
    start = time.perf_counter()
    while not done():
        app.processEvents()
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the window never showed the change")
    return time.perf_counter() - start


def ms(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"median": round(statistics.median(values) * 1000, 1),
            "p95": round(values[min(len(values) - 1, int(len(values) * 0.95))] * 1000, 1),
            "max": round(values[-1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    server = PgServer(find_bindir()).start()
    try:
        url = server.new_desk()
        amal = Workspace.open(url)
        amal.analyst = "Amal"
        amal.add_events([Event(f"Report {i}", When.parse(f"{2000 + i % 20}-0{1 + i % 9}")) for i in range(args.events)])
        app = QApplication.instance() or QApplication(sys.argv[:1])
        window = MainWindow(QSettings(str(Path(server.folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.show()
        window.open_path(url)
        model, session = window.table.model_, window.session
        title_of = lambda row: model.index(row, 1).data()  # noqa: E731
        remote = {"add": [], "change": [], "delete": []}
        local = {"add": [], "change": [], "delete": []}
        for i in range(args.rounds):
            # another analyst
            total = model.rowCount()
            event = amal.add_event(Event(f"Theirs {i}", When.parse("1999-01-01")))  # first row in date order
            remote["add"].append(wait_for(app, lambda: model.rowCount() == total + 1 and title_of(0) == event.title))
            amal.update_event(replace(amal.get_event(event.uid), title=f"Theirs {i} renamed"))
            remote["change"].append(wait_for(app, lambda: title_of(0) == f"Theirs {i} renamed"))
            amal.delete_event(event.uid)
            remote["delete"].append(wait_for(app, lambda: model.rowCount() == total))
            # the same edits made in the window
            start = time.perf_counter()
            mine = Event(f"Mine {i}", When.parse("1999-01-01"))
            commands.apply(session, commands.add_events(session, [mine]))
            local["add"].append(time.perf_counter() - start + wait_for(app, lambda: title_of(0) == mine.title))
            stored = session.ws.get_event(mine.uid)
            start = time.perf_counter()
            commands.apply(session, commands.edit_event(session, stored, replace(stored, title=f"Mine {i} renamed")))
            local["change"].append(time.perf_counter() - start + wait_for(app, lambda: title_of(0) == f"Mine {i} renamed"))
            start = time.perf_counter()
            commands.apply(session, commands.delete_events(session, [session.ws.get_event(mine.uid)]))
            local["delete"].append(time.perf_counter() - start + wait_for(app, lambda: model.rowCount() == total))
        result = {"events": args.events, "rounds": args.rounds, "load": open("/proc/loadavg").read().split()[:3],
                  "another analyst's edit, shown (ms)": {k: ms(v) for k, v in remote.items()},
                  "the same edit made in the window, shown (ms)": {k: ms(v) for k, v in local.items()}}
        window.link.close()
        window.session.close()
        amal.close()
    finally:
        server.stop()
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{args.events:,} events, {args.rounds} rounds, load {' '.join(result['load'])}")
        for label in ("another analyst's edit, shown (ms)", "the same edit made in the window, shown (ms)"):
            print(label)
            for kind, figures in result[label].items():
                print(f"  {kind:7} median {figures['median']:7.1f}  p95 {figures['p95']:7.1f}  max {figures['max']:7.1f}")


if __name__ == "__main__":
    main()
