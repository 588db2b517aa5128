"""How fast the workspace file is: bulk insert, open, and the filters every view runs.

    python benchmarks/store_bench.py [--events N] [--json] [--backend sqlite|postgresql|both]

Per size (default 10k, 100k and 1M events) it prints the bulk insert rate through
`Workspace.add_events`, the time to open the file, its size, and p50/p95 latency of
typical filters.  The baseline, measured in the same run, is raw `sqlite3.executemany`
of the very same rows into the same schema: the ratio is what the store's own work costs.
Targets: insert >= 50% of the raw rate; filter p95 < 50 ms and open < 0.5 s at 1M.
With `--backend postgresql` the same runs on a desk (a throwaway local server started
like the tests'), and the baseline is plain COPY of the same rows into the same schema.

Then, per size and backend, a team at once: two analysts (two processes, each its own
session) each add 1,000 events, ten per transaction, while a third session runs the
date+actor+text filter again and again; reported: events lost (target 0), the filter's
p95 meanwhile (target < 100 ms on a desk at 1M) against the same filter alone.  And the
main window opened on the workspace (offscreen, to its first full frame; target < 2 s
on a desk at 1M; `--no-window` leaves it out).  And the lazy table's paging: pages of 100
read one after another from deep positions (scrolling) and at random positions (jumps)
through `page_ids`, against plain LIMIT/OFFSET of the same pages.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate  # noqa: E402

from briefer.core.filter import EventFilter  # noqa: E402
from briefer.core.when import When  # noqa: E402
from briefer.store import Workspace  # noqa: E402
from briefer.store.events import DAY  # noqa: E402


def _prepare(folder: Path, n: int, seed: int, path=None) -> tuple[Path, list, list, list]:
    rng = random.Random(seed)
    path = path or folder / f"store-{n}.briefer"
    ws = Workspace.create(path)
    actors = generate._actors(rng)
    with ws.transaction():
        for actor in actors:
            ws.add_actor(actor)
        sources = [ws.add_source(s) for s in generate._sources(rng)]
    ws.close()
    return path, actors, sources, list(generate.events(rng, n, actors, sources))


def _raw_baseline(template: Path, target: Path, events: list) -> float:
    """The same rows, prepared as tuples beforehand, inserted with plain executemany."""
    shutil.copy(template, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    actor_ids = dict(conn.execute("SELECT uid, id FROM actor"))
    source_ids = dict(conn.execute("SELECT uid, id FROM source"))
    ev, ea, ci, tg, sp = [], [], [], [], []
    for i, e in enumerate(events, start=1):
        w = e.when
        ev.append((i, e.uid, e.title, e.summary, w.edtf, w.earliest_ts, w.latest_ts, w.precision.value, 0,
                   e.place, e.latitude, e.longitude, e.country, e.event_type, e.sub_event_type, e.fatalities,
                   e.confidence.value, e.notes, e.external_id, "2020-01-01T00:00:00", "2020-01-01T00:00:00"))
        sp.append((i, w.earliest_ts // DAY, w.latest_ts // DAY))
        ea.extend((i, actor_ids[p.actor_uid], p.role.value, k, w.earliest_ts, w.latest_ts)
                  for k, p in enumerate(e.participants))
        ci.extend((c.uid, i, source_ids[c.source_uid], None, c.credibility, c.quote, k)
                  for k, c in enumerate(e.citations))
        tg.extend((i, t) for t in e.tags)
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO event(id, uid, title, summary, when_edtf, earliest, latest, precision, flags, "
                     "place, latitude, longitude, country, event_type, sub_event_type, fatalities, confidence, "
                     "notes, external_id, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", ev)
    conn.executemany("INSERT OR IGNORE INTO event_actor VALUES (?, ?, ?, ?, ?, ?)", ea)
    conn.executemany("INSERT INTO citation(uid, event_id, source_id, document_id, credibility, quote, position) "
                     "VALUES (?,?,?,?,?,?,?)", ci)
    conn.executemany("INSERT OR IGNORE INTO event_tag VALUES (?, ?)", tg)
    conn.executemany("INSERT INTO event_span VALUES (?, ?, ?)", sp)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _pg_copy_baseline(url: str, actors: list, sources: list, events: list) -> float:
    """The same rows, prepared as tuples beforehand, written with plain COPY into a desk
    of the same schema (actors and sources added first, as in the store's run)."""
    import psycopg

    ws = Workspace.create(url)
    with ws.transaction():
        for actor in actors:
            ws.add_actor(actor)
        for source in sources:
            ws.add_source(source)
    ws.close()
    conn = psycopg.connect(url)
    actor_ids = dict(conn.execute("SELECT uid, id FROM actor"))
    source_ids = dict(conn.execute("SELECT uid, id FROM source"))
    ev, ea, ci, tg = [], {}, [], {}
    for i, e in enumerate(events, start=1):
        w = e.when
        ev.append((i, e.uid, e.title, e.summary, w.edtf, w.earliest_ts, w.latest_ts, w.precision.value, 0,
                   e.place, e.latitude, e.longitude, e.country, e.event_type, e.sub_event_type, e.fatalities,
                   e.confidence.value, e.notes, e.external_id, "2020-01-01T00:00:00", "2020-01-01T00:00:00"))
        for k, p in enumerate(e.participants):
            ea.setdefault((i, actor_ids[p.actor_uid], p.role.value), (k, w.earliest_ts, w.latest_ts))
        ci.extend((c.uid, i, source_ids[c.source_uid], None, c.credibility, c.quote, k)
                  for k, c in enumerate(e.citations))
        for t in e.tags:
            tg[(i, t)] = None
    tables = [("event (id, uid, title, summary, when_edtf, earliest, latest, precision, flags, place, latitude, "
               "longitude, country, event_type, sub_event_type, fatalities, confidence, notes, external_id, "
               "created, updated)", ev),
              ("event_actor (event_id, actor_id, role, position, earliest, latest)", [(*k, *v) for k, v in ea.items()]),
              ("citation (uid, event_id, source_id, document_id, credibility, quote, position)", ci),
              ("event_tag (event_id, tag)", list(tg))]
    start = time.perf_counter()
    with conn.transaction(), conn.cursor() as cur:
        for target, rows in tables:
            with cur.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _latency(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


TEAM_EVENTS, TEAM_BATCH = 1_000, 10


def _analyst(location: str, name: str, seed: int, actors: list, sources: list, done) -> None:
    """One analyst's session adding TEAM_EVENTS events, TEAM_BATCH per transaction; a
    write refused because the other holds the file is tried again (as a person would), so
    "lost" counts only writes that vanished without a word."""
    from briefer.store import WorkspaceError

    rng = random.Random(seed)
    events = [replace(e, external_id=f"{name}-{i}") for i, e in
              enumerate(generate.events(rng, TEAM_EVENTS, actors, sources))]
    retries, errors = 0, []
    for attempt in range(100):  # a file being written by the other analyst cannot be opened this instant
        try:
            ws = Workspace.open(location)
            break
        except WorkspaceError as error:
            retries += 1
            errors.append(str(error))
            time.sleep(0.05)
    with ws:
        ws.analyst = name
        for i in range(0, len(events), TEAM_BATCH):
            for attempt in range(1000):  # a refusal is said, never silent: the analyst saves again
                try:
                    ws.add_events(events[i:i + TEAM_BATCH])
                    break
                except WorkspaceError as error:
                    retries += 1
                    errors.append(str(error))
                    time.sleep(0.01)
    done.put((name, retries, errors[:1]))


def team_at_once(location: str, actors: list, sources: list, filter_once) -> dict:
    """Two analysts adding while a third filters: what was lost, and the filter's latency."""
    with Workspace.open(location) as ws:
        before = ws.event_count()
    context = multiprocessing.get_context("fork")  # no thread is running here yet
    done = context.Queue()
    adders = [context.Process(target=_analyst, args=(location, name, 100 + k, actors, sources, done))
              for k, name in enumerate(("Amal", "Omar"))]
    start = time.perf_counter()
    for process in adders:
        process.start()
    times = []
    finished: list = []
    while len(finished) < len(adders):
        t = time.perf_counter()
        filter_once()
        times.append((time.perf_counter() - t) * 1000)
        while not done.empty():
            finished.append(done.get())
        if all(not p.is_alive() for p in adders) and len(finished) < len(adders):
            while not done.empty():
                finished.append(done.get())
            break
    for process in adders:
        process.join()
    elapsed = time.perf_counter() - start
    with Workspace.open(location) as ws:
        after = ws.event_count()
    times.sort()
    return {"added": after - before, "lost": 2 * TEAM_EVENTS - (after - before), "seconds": elapsed,
            "retries": sum(r for _, r, _ in finished), "errors": sorted({e for *_, e in finished for e in e}),
            "filters": len(times),
            "filter_p50_ms": statistics.median(times) if times else None,
            "filter_p95_ms": times[min(len(times) - 1, int(len(times) * 0.95))] if times else None}


PAGE = 100  # the window's lazy table reads this many rows at a time


def paging(ws, rng: random.Random) -> dict:
    """The window's lazy table scrolling a big result: pages read one after another from a
    deep position (scroll), and pages at random deep positions (jump), through
    `page_ids`; the baseline is plain LIMIT/OFFSET of the same pages."""
    f = EventFilter()
    total = ws.count_events(f)
    if total < 100 * PAGE:
        return {}
    starts = [rng.randrange(total // 4, total - 60 * PAGE) for _ in range(5)]
    order = " ORDER BY e.earliest, e.latest, e.id LIMIT ? OFFSET ?"

    def plain(offset: int) -> list:
        return [r[0] for r in ws._run("SELECT e.id FROM event e" + order, [PAGE, offset])]

    result = {}
    for name, read in (("store", lambda o: ws.page_ids(f, PAGE, o)), ("offset", plain)):
        scroll, jump = [], []
        for start in starts:
            for k in range(50):
                t = time.perf_counter()
                read(start + k * PAGE)
                scroll.append((time.perf_counter() - t) * 1000)
        for _ in range(20):
            t = time.perf_counter()
            read(rng.randrange(0, total - PAGE))
            jump.append((time.perf_counter() - t) * 1000)
        scroll.sort()
        jump.sort()
        result[name] = {"scroll_p50_ms": statistics.median(scroll), "scroll_p95_ms": scroll[int(len(scroll) * 0.95)],
                        "jump_p50_ms": statistics.median(jump), "jump_p95_ms": jump[int(len(jump) * 0.95)]}
    return result


def window_open(location: str) -> float:
    """Seconds from creating the main window to its first full frame (offscreen), as
    `window_bench.py` measures it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import window_bench

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="briefer-bench-settings-"))
    try:
        window, seconds = window_bench.open_window(app, location, folder / "settings.ini")
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return seconds


def bench(n: int, folder: Path, seed: int = 1, server=None, window: bool = True) -> dict:
    """One size on one backend: a file in `folder`, or (with `server`) a desk on it."""
    if server is None:
        path, actors, sources, events = _prepare(folder, n, seed)
        template = folder / "template.briefer"
        shutil.copy(path, template)
        raw_s = _raw_baseline(template, folder / "raw.briefer", events)
    else:
        path, actors, sources, events = _prepare(folder, n, seed, path=server.new_database())
        raw_s = _pg_copy_baseline(server.new_database(), actors, sources, events)

    ws = Workspace.open(path)
    start = time.perf_counter()
    ws.add_events(events)
    insert_s = time.perf_counter() - start
    if server is None:
        ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size_mb = Path(path).stat().st_size / 1e6
    else:
        ws.conn.execute("VACUUM ANALYZE")  # what autovacuum does soon after a bulk import
        size_mb = ws.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
    ws.close()
    del events

    start = time.perf_counter()
    ws = Workspace.open(path)
    ws.count_events(EventFilter(text="x"))  # first real query: the schema is read here
    open_s = time.perf_counter() - start

    rng = random.Random(seed + 1)
    popular = [a.uid for a in actors[:20]]
    years = list(range(2000, 2025))

    def year_range() -> tuple[When, When]:
        y = rng.choice(years)
        return When.parse(str(y)), When.parse(f"{y}-{rng.randint(1, 12):02d}")

    def combined() -> None:
        a, b = year_range()
        ws.search_events(EventFilter(start=a, end=b, actors=(rng.choice(popular),),
                                     text=rng.choice(generate.VERBS)), limit=200)

    def date_only() -> None:
        a, b = year_range()
        ws.search_events(EventFilter(start=a, end=b), limit=200)

    def actor_only() -> None:
        ws.search_events(EventFilter(actors=(rng.choice(popular),)), limit=200)

    def text_only() -> None:
        ws.search_events(EventFilter(text=rng.choice(generate.VERBS)), limit=200)

    def count_combined() -> None:
        a, b = year_range()
        ws.count_events(EventFilter(start=a, end=b, actors=(rng.choice(popular),), text=rng.choice(generate.VERBS)))

    repeat = 100
    filters = {name: _latency(fn, repeat) for name, fn in [
        ("date+actor+text", combined), ("date range", date_only), ("actor", actor_only), ("text", text_only),
        ("count date+actor+text", count_combined)]}
    paged = paging(ws, random.Random(seed + 2))
    team = team_at_once(str(path), actors, sources, combined)
    ws.close()
    window_s = window_open(str(path)) if window else None
    return {
        "events": n,
        "insert_per_s": n / insert_s,
        "raw_insert_per_s": n / raw_s,
        "insert_ratio": raw_s / insert_s,
        "open_s": open_s,
        "backend": "sqlite" if server is None else "postgresql",
        "file_mb": size_mb,
        "filters_ms": {k: {"p50": v[0], "p95": v[1]} for k, v in filters.items()},
        "team": team,
        "paging": paged,
        "window_open_s": window_s,
    }


def print_table(result: dict) -> None:
    print(f"\n{result['events']:,} events ({result['backend']})")
    print(f"  bulk insert          {result['insert_per_s']:>10,.0f} events/s")
    raw = "raw executemany" if result["backend"] == "sqlite" else "plain COPY"
    print(f"  {raw:<21}{result['raw_insert_per_s']:>10,.0f} events/s   (baseline)")
    print(f"  ratio                {result['insert_ratio']:>10.0%}   (target >= 50%)")
    print(f"  open                 {result['open_s'] * 1000:>10.0f} ms   (target < 500 ms at 1M)")
    print(f"  file size            {result['file_mb']:>10.1f} MB")
    print("  filter (limit 200)        p50 ms    p95 ms")
    for name, v in result["filters_ms"].items():
        print(f"  {name:<24}{v['p50']:>8.1f}  {v['p95']:>8.1f}")
    pg = result["paging"]
    print(f"  lazy table, page of {PAGE}   scroll p50 / p95 ms   jump p50 / p95 ms")
    for name in ("store", "offset") if pg else ():
        v = pg[name]
        label = "page_ids" if name == "store" else "plain OFFSET (baseline)"
        print(f"  {label:<24}{v['scroll_p50_ms']:>8.1f} / {v['scroll_p95_ms']:<8.1f}{v['jump_p50_ms']:>8.1f} / "
              f"{v['jump_p95_ms']:.1f}")
    t = result["team"]
    alone = result["filters_ms"]["date+actor+text"]["p95"]
    print(f"  two analysts adding {TEAM_EVENTS:,} each ({t['seconds']:.1f} s, {t['retries']} retries), a third filtering:")
    print(f"    lost {t['lost']} of {t['added'] + t['lost']:,}   (target 0)")
    for error in t["errors"]:
        print(f"    a write was refused (then tried again): {error}")
    if t["filters"]:
        print(f"    date+actor+text meanwhile  p50 {t['filter_p50_ms']:.1f} ms  p95 {t['filter_p95_ms']:.1f} ms "
              f"over {t['filters']} runs  (alone: p95 {alone:.1f} ms; target < 100 ms)")
    if result["window_open_s"] is not None:
        print(f"  window open            {result['window_open_s'] * 1000:>10.0f} ms   (target < 2000 ms at 1M)")


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the workspace store.")
    parser.add_argument("--events", type=int, action="append", help="size (repeatable); default 10k, 100k, 1M")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="sqlite",
                        help="postgresql: a desk on a throwaway local server (Debian's postgresql package); "
                             "both: the file, then the desk, in the same run")
    parser.add_argument("--no-window", action="store_true", help="leave out the main window's open time")
    args = parser.parse_args()
    sizes = args.events or [10_000, 100_000, 1_000_000]
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    server = None
    if "postgresql" in backends:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.pgserver import PgServer, find_bindir

        bindir = find_bindir()
        if bindir is None:
            print("store_bench: PostgreSQL is not installed (tools/setup.sh installs it)", file=sys.stderr)
            return 1
        server = PgServer(bindir).start(durable=True)  # commits on disk, as a desk's server
    results = []
    try:
        for n in sizes:
            for backend in backends:
                with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
                    result = bench(n, Path(tmp), server=server if backend == "postgresql" else None,
                                   window=not args.no_window)
                results.append(result)
                if not args.json:
                    print_table(result)
    finally:
        if server is not None:
            server.stop()
    if args.json:
        print(json.dumps({"store": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
