"""Benchmark: importing an ACLED-shaped CSV (target >= 70% of the floor below, peak RSS < 300 MB).

The CSV is synthetic and written by this script (invented actors, places, sources and
notes in ACLED's 31-column layout, with quoted notes holding commas, a few line breaks,
week and month precisions, one to three sources and associated actors), so no ACLED data
is needed or copied.  Baselines measured in the same run:

  * csv.reader pass   — only reading and splitting the file (the floor for any importer);
  * raw executemany   — csv.reader plus plain executemany of one row per event into
                        the event table and its text index, no actors, sources or
                        checks (the floor for any importer that keeps events searchable);
  * raw, every table  — csv.reader plus plain executemany of every row Briefer writes
                        for an event (links, citations, date span), with the indexes
                        and text index built once at the end (the floor for any
                        importer that keeps what Briefer keeps).

Two stages of Briefer's own import are timed too, to show where the time goes: the ACLED
reader alone, and the reader with each row checked and its columns built (what the
import's reader process does while the writer lands the previous batch).  `ratio` is
Briefer's import time against the floor's, the floor measured just before and just
after it (averaged: the machine is shared and its load moves).

The Briefer import runs in a child process so that its peak RSS is its own.

    python benchmarks/import_bench.py [--events N] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CACHE = Path(os.environ.get("BRIEFER_BENCH_DIR", "/tmp/briefer-bench"))

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
           "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
           "timestamp")
TYPES = [("Battles", "Armed clash", "Political violence"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
         ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
         ("Violence against civilians", "Attack", "Political violence"),
         ("Protests", "Peaceful protest", "Demonstrations"),
         ("Riots", "Mob violence", "Demonstrations"),
         ("Strategic developments", "Looting/property destruction", "Strategic developments")]
COUNTRIES = [("Northland", 901, "Eastern Region"), ("Southmark", 902, "Eastern Region"),
             ("Westvale", 903, "Western Region"), ("Lowcoast", 904, "Western Region")]
SYLLABLES = ["al", "bar", "kan", "dor", "mir", "sel", "tav", "qun", "ras", "hal", "zen", "oud", "fer", "lim"]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()


def write_csv(path: Path, n: int, seed: int = 7) -> Path:
    """An ACLED-shaped file of n rows (cached: the same n and seed give the same file)."""
    if path.exists():
        return path
    rng = random.Random(seed)
    places = [(_place(rng), _place(rng), _place(rng)) for _ in range(3000)]
    armed = [f"{_place(rng)} Brigade" for _ in range(150)] + [f"Military Forces of {c[0]}" for c in COUNTRIES]
    groups = [f"Civilians ({c[0]})" for c in COUNTRIES] + [f"Protesters ({c[0]})" for c in COUNTRIES]
    sources = [f"{_place(rng)} {kind}" for kind in ("Times", "Observer", "Monitor", "Radio", "Post")
               for _ in range(40)]
    first = date(2010, 1, 1)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(n):
            country, iso, region = rng.choice(COUNTRIES)
            etype, sub, disorder = rng.choice(TYPES)
            day = first + timedelta(days=rng.randrange(5000))
            loc, adm2, adm1 = rng.choice(places)
            a1 = rng.choice(armed)
            a2 = rng.choice(armed + groups) if rng.random() < 0.7 else ""
            killed = rng.choice((0, 0, 0, 1, 2, 3, 5, 12))
            note = (f"On {day.day} {day:%B} {day.year}, {a1} and {a2 or 'unknown assailants'} clashed near {loc}, "
                    f"{adm1}; {killed} people were reported killed, and several houses were damaged.")
            if rng.random() < 0.01:
                note += "\nA second report, dated the next day, gave a different toll."
            writer.writerow((
                f"NRT{i + 1}", f"{day.day:02d} {day:%B} {day.year}", day.year, rng.choice("1111111123"),
                disorder, etype, sub, a1, rng.choice(armed) if rng.random() < 0.2 else "", 2,
                a2, "", 7 if a2.startswith("Civ") else 2, 27, "", iso, region, country, adm1, adm2, "", loc,
                f"{rng.uniform(-30, 40):.4f}", f"{rng.uniform(-20, 50):.4f}", rng.choice("123"),
                "; ".join(rng.sample(sources, rng.randint(1, 3))), "National", note, killed,
                "", 1600000000 + i))
    tmp.replace(path)
    return path


def csv_pass(path: Path) -> float:
    start = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - start


def _remove(target: Path) -> Path:
    """`target` gone, with its WAL and shared-memory files: each run starts from nothing."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    return target


def _raw_connection(target: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to a new, empty workspace file, set up as Briefer sets up its own."""
    from briefer.store import Workspace

    Workspace.create(_remove(target)).close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")
    return conn


def raw_executemany(path: Path, folder: Path) -> float:
    conn = _raw_connection(folder / "raw.briefer")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER event_fts_insert")
    sql = ("INSERT INTO event(uid, title, summary, when_edtf, earliest, latest, precision, flags, place, latitude, "
           "longitude, country, event_type, sub_event_type, fatalities, confidence, notes, external_id, created, "
           "updated) VALUES (?,?,?,?,0,0,5,0,?,?,?,?,?,?,?,'moderate','',?,'','')")
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        batch = []
        for i, r in enumerate(reader):
            batch.append((str(i), r[6], r[27], r[1], r[21], float(r[22]), float(r[23]), r[17], r[5], r[6],
                          int(r[28]), r[0]))
            if len(batch) >= 2000:
                conn.executemany(sql, batch)
                batch = []
        conn.executemany(sql, batch)
    conn.execute("INSERT INTO event_fts(rowid, title, summary, notes, place) "
                 "SELECT id, title, summary, notes, place FROM event")
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


# The ACLED columns Briefer keeps as labelled lines in an event's notes (and indexes for
# search): the floor writes the same text.
NOTE_COLUMNS = (("region", 16), ("admin1", 18), ("admin2", 19), ("iso", 15), ("geo_precision", 24),
                ("source_scale", 26), ("disorder_type", 4), ("inter1", 9), ("inter2", 12), ("interaction", 13),
                ("timestamp", 30))


def raw_all_tables(path: Path, folder: Path, notes: bool = True) -> float:
    """The floor for any importer that writes what Briefer keeps: csv.reader and plain
    executemany of every row Briefer writes for an event (the event with the same notes
    text, its date span, two actor links, one citation per source plus one for the
    dataset, each with a UUID), without foreign-key checks, the text-index trigger or any
    non-unique index while loading; the text index and the indexes are built once at the
    end.  `notes=False` leaves the notes empty, as this floor did before."""
    target = folder / "raw-all.briefer"
    conn = _raw_connection(target)
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER event_fts_insert")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           "AND sql NOT LIKE 'CREATE UNIQUE%'").fetchall()
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    actors: dict[str, int] = {}
    sources: dict[str, int] = {}

    def named(table: str, ids: dict[str, int], name: str) -> int:
        found = ids.get(name)
        if found is None:
            found = ids[name] = len(ids) + 1
            if table == "actor":
                conn.execute("INSERT INTO actor(id, uid, name, kind) VALUES (?, ?, ?, 'armed_group')",
                             (found, f"actor-{found}", name))
            else:
                conn.execute("INSERT INTO source(id, uid, name, key, kind, reliability) VALUES (?, ?, ?, ?, 'other', 'C')",
                             (found, f"source-{found}", name, name.lower()))
        return found

    acled = named("source", sources, "ACLED")
    # the provenance every record carries (its revision), where the schema has it
    stamped = any(c[1] == "rev" for c in conn.execute("PRAGMA table_info(event)"))
    rev_cols, rev_vals = (", created_rev, rev", ", 1, 1") if stamped else ("", "")
    ev_sql = ("INSERT INTO event(id, uid, title, summary, when_edtf, earliest, latest, precision, flags, place, "
              "latitude, longitude, country, event_type, sub_event_type, fatalities, confidence, notes, "
              f"external_id, created, updated{rev_cols}) "
              f"VALUES (?,?,?,?,?,?,?,5,0,?,?,?,?,?,?,?,'moderate',?,?,?,?{rev_vals})")
    ea_sql = "INSERT OR IGNORE INTO event_actor(event_id, actor_id, role, position, earliest, latest) VALUES (?, ?, ?, ?, ?, ?)"
    ci_sql = (f"INSERT INTO citation(uid, event_id, source_id, credibility, position{rev_cols}) "
              f"VALUES (?, ?, ?, 6, ?{rev_vals})")
    sp_sql = "INSERT INTO event_span VALUES (?, ?, ?)"
    stamp = "2026-11-29T00:00:00+00:00"
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        ev, ea, ci, sp = [], [], [], []
        for i, r in enumerate(reader, start=1):
            lo = 1262304000 + (i % 5000) * 86400
            note = "\n".join([f"ACLED {name}: {r[k]}" for name, k in NOTE_COLUMNS if r[k]]) if notes else ""
            ev.append((i, f"0190f7a2-{i:04x}-7000-8000-000000000000", f"{r[6]}: {r[7]} vs {r[10]} in {r[21]}",
                       r[27], r[1], lo, lo + 86399, r[21], float(r[22]), float(r[23]), r[17], r[5], r[6],
                       int(r[28]), note, r[0], stamp, stamp))
            sp.append((i, lo // 86400, lo // 86400))
            ea.append((i, named("actor", actors, r[7]), "initiator", 0, lo, lo + 86399))
            if r[10]:
                ea.append((i, named("actor", actors, r[10]), "target", 1, lo, lo + 86399))
            for k, name in enumerate([*r[25].split("; "), "ACLED"]):
                ci.append((f"0190f7a2-{i:04x}-7{k:03x}-9000-000000000000", i,
                           acled if name == "ACLED" else named("source", sources, name), k))
            if len(ev) >= 2000:
                for sql, rows in ((ev_sql, ev), (ea_sql, ea), (ci_sql, ci), (sp_sql, sp)):
                    conn.executemany(sql, rows)
                    rows.clear()
        for sql, rows in ((ev_sql, ev), (ea_sql, ea), (ci_sql, ci), (sp_sql, sp)):
            conn.executemany(sql, rows)
    conn.execute("INSERT INTO event_fts(rowid, title, summary, notes, place) "
                 "SELECT id, title, summary, notes, place FROM event")
    conn.execute("INSERT INTO event_fts(event_fts) VALUES ('optimize')")
    for _, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    _remove(target)
    return elapsed


def reader_pass(path: Path) -> float:
    """Stage 1 of the import: the ACLED reader alone (parse, check, map a row), nothing built or written."""
    from briefer.exchange.acled import AcledReader
    from briefer.exchange.report import ImportReport

    start = time.perf_counter()
    for _ in AcledReader(path).rows(ImportReport()):
        pass
    return time.perf_counter() - start


def prepare_pass(path: Path) -> float:
    """Stages 1+2: the ACLED reader and the checking and building of every row's columns
    (what the import's reader process does), with nothing resolved or written."""
    from briefer.exchange.acled import AcledReader
    from briefer.exchange.importing import fast_uid
    from briefer.exchange.prepare import prepared
    from briefer.core.model import now_utc

    start = time.perf_counter()
    for _ in prepared([AcledReader(path)], now_utc(), 2000, fast_uid):
        pass
    return time.perf_counter() - start


def briefer_import(path: Path, folder: Path) -> dict:
    """Runs in a child process: the import alone, its time and peak memory."""
    from briefer.exchange.formats import open_reader
    from briefer.exchange.importing import run_import
    from briefer.store import Workspace

    target = _remove(folder / "import.briefer")
    ws = Workspace.create(target)
    start = time.perf_counter()
    report = run_import(ws, open_reader("acled", path))
    elapsed = time.perf_counter() - start
    events = ws.count_events()
    start = time.perf_counter()
    again = run_import(ws, open_reader("acled", path))
    again_s = time.perf_counter() - start
    ws.close()
    _remove(target)
    return {"seconds": elapsed, "events": events, "skipped": report.skipped_count,
            "actors": report.added["actors"], "sources": report.added["sources"],
            "reimport_seconds": again_s, "reimport_added": again.added["events"],
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "reader_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def bench(n: int) -> dict:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = write_csv(CACHE / f"acled_like_{n}.csv", n)
    # the floor is measured just before and just after Briefer's import, and the two
    # averaged: on a shared machine the load changes while the benchmark runs
    raw_all_before = raw_all_tables(path, CACHE)
    child = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True)
    if child.returncode != 0:
        raise SystemExit(child.stderr)
    result = json.loads(child.stdout)
    raw_all_after = raw_all_tables(path, CACHE)
    raw_all_s = (raw_all_before + raw_all_after) / 2
    csv_s = csv_pass(path)
    raw_s = raw_executemany(path, CACHE)
    reader_s = reader_pass(path)
    build_s = prepare_pass(path)
    return {
        "reader_only_rows_per_s": round(n / reader_s),
        "built_not_written_rows_per_s": round(n / build_s),
        "rows": n, "file_mb": round(path.stat().st_size / 1e6, 1),
        "import_rows_per_s": round(n / result["seconds"]),
        "ratio": round(raw_all_s / result["seconds"], 3),
        "raw_all_tables_before_after_rows_per_s": [round(n / raw_all_before), round(n / raw_all_after)],
        "reader_peak_rss_mb": round(result["reader_peak_rss_mb"], 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "csv_reader_rows_per_s": round(n / csv_s),
        "raw_executemany_rows_per_s": round(n / raw_s),
        "raw_all_tables_rows_per_s": round(n / raw_all_s),
        "peak_rss_mb": round(result["peak_rss_mb"], 1),
        "reimport_rows_per_s": round(n / result["reimport_seconds"]),
        "reimport_added": result["reimport_added"],
        "events": result["events"], "actors": result["actors"], "sources": result["sources"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="rows in the CSV (default 1M)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(briefer_import(Path(args.child), CACHE)))
        return
    r = bench(args.events)
    if args.json:
        print(json.dumps(r))
        return
    print(f"ACLED-shaped CSV, {r['rows']:,} rows ({r['file_mb']} MB)")
    print(f"  Briefer import        {r['import_rows_per_s']:>10,} rows/s")
    print(f"  csv.reader pass       {r['csv_reader_rows_per_s']:>10,} rows/s   (baseline)")
    print(f"  raw executemany       {r['raw_executemany_rows_per_s']:>10,} rows/s   (baseline: events + text index only)")
    print(f"  raw, every table      {r['raw_all_tables_rows_per_s']:>10,} rows/s   "
          "(baseline: all rows Briefer writes, indexes built at the end)")
    print(f"  re-import (no change) {r['reimport_rows_per_s']:>10,} rows/s   ({r['reimport_added']} added)")
    print(f"  stage: reader only    {r['reader_only_rows_per_s']:>10,} rows/s   (ACLED rows parsed and checked)")
    print(f"  stage: + rows built   {r['built_not_written_rows_per_s']:>10,} rows/s   "
          "(what the reader process does: rows checked, columns built)")
    print(f"  ratio to the floor    {r['ratio']:>10.0%}         (target >= 70%; floor before/after: "
          f"{r['raw_all_tables_before_after_rows_per_s'][0]:,} / {r['raw_all_tables_before_after_rows_per_s'][1]:,})")
    print(f"  peak RSS              {r['peak_rss_mb']:>10,.0f} MB       (target < 300 MB; "
          f"reader process {r['reader_peak_rss_mb']:,.0f} MB)")
    print(f"  load average          {r['load_average']}")
    print(f"  created               {r['events']:,} events, {r['actors']:,} actors, {r['sources']:,} sources")


if __name__ == "__main__":
    main()
