"""Benchmark: merging two large workspaces that differ by CHANGES events on each side
(target at 1M events and 10,000 per side: < 10 s), and building a change package of
10,000 events (target < 3 s, proportional to the changes, not the workspace).

A synthetic workspace of N events (benchmarks/generate.py) is copied as a peer (as an
analyst's laptop copy is made); each side then adds 80 % of CHANGES new events, edits
15 % and deletes 5 % (different events on each side).  Measured, in the same run:

  * merge            — `briefer-cli merge`'s engine: the other file's changes since the
                       sync point, three-way, written in one transaction;
  * package 10% / 100% — building and writing a change package of a tenth of the changes
                       and of all of them (their ratio shows proportionality);
  * baselines        — the store's own bulk insert of the same number of new events
                       (the floor for any merge that must write them), and json.dumps +
                       SHA-256 of the changed events' fields (the floor for any package).

Each timed step starts after `os.sync()`, so that writing back the setup's copies of the
workspace (gigabytes at 1M events) does not land in it; each is reported as wall-clock time
and as this process's CPU time (on a shared machine the wall clock also counts waiting for
a core).

Workspaces are kept in $BRIEFER_BENCH_DIR (default /tmp/briefer-bench-merge).

    python benchmarks/merge_bench.py [--events N] [--changes C] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import events as synthetic_events, make_workspace  # noqa: E402
from briefer.core.fields import event_fields  # noqa: E402
from briefer.exchange.changes import changes_since, write_package  # noqa: E402
from briefer.exchange.merge import merge_path  # noqa: E402
from briefer.store import Workspace  # noqa: E402

FOLDER = Path(os.environ.get("BRIEFER_BENCH_DIR", "/tmp/briefer-bench-merge"))


def _base(n: int) -> Path:
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"base-{n}.briefer"
    if not path.exists():
        tmp = FOLDER / f".building-{n}-{os.getpid()}.briefer"
        make_workspace(tmp, n, seed=3)
        tmp.replace(path)
    return path


def _copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)


def _diverge(ws: Workspace, changes: int, seed: int, name: str) -> None:
    """Add 80 %, edit 15 %, delete 5 % of `changes` events; sides pick different events."""
    rng = random.Random(seed)
    actors, sources = ws.actors(), ws.sources()
    adds, edits = int(changes * 0.8), int(changes * 0.15)
    deletes = changes - adds - edits
    new = list(synthetic_events(rng, adds, actors, sources))
    ws.add_events([replace(e, external_id=f"{name}-{i}") for i, e in enumerate(new)])
    total = ws.conn.execute("SELECT max(id) FROM event").fetchone()[0]
    half = total // 2
    lo = 1 if seed % 2 else half  # the two sides edit different halves
    ids = rng.sample(range(lo, lo + half - 1), edits + deletes)
    with ws.transaction():
        for event in ws.events_by_ids(ids[:edits]):
            ws.update_event(replace(event, title=event.title + f" (checked by {name})"))
        for event in ws.events_by_ids(ids[edits:]):
            ws.delete_event(event.uid)


class Timer:
    """Wall-clock and CPU seconds of one step, started after the disk has caught up."""

    def __enter__(self) -> "Timer":
        os.sync()
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def bench(n: int, changes: int) -> dict:
    base = _base(n)
    a_path, b_path = FOLDER / f"amal-{n}.briefer", FOLDER / f"bashir-{n}.briefer"
    _copy(base, a_path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(b_path) + suffix).unlink(missing_ok=True)
    with Workspace.open(a_path) as a:
        a.make_peer_copy(b_path)
        _diverge(a, changes, 1, "amal")
    with Workspace.open(b_path) as b:
        _diverge(b, changes, 2, "bashir")
        a_id = b.peer_list_id = b.peers()[0]["workspace"]
        since = b.peer(a_id)["acked"]
        # package of all changes, and of a tenth of them (the first tenth of revisions)
        with Timer() as package_all:
            cs = changes_since(b, since, a_id)
            write_package(cs, FOLDER / "all.briefer-changes")
        package_size = (FOLDER / "all.briefer-changes").stat().st_size
        events_in_package = len(cs.records["event"])
        # baseline: the changed events' fields as JSON with their SHA-256
        with Timer() as package_floor:
            fields = [event_fields(e) for e in b.events_by_uids([u for u, c in cs.records["event"].items() if c.fields])]
            hashlib.sha256(json.dumps(fields).encode()).hexdigest()
        last = b.max_revision()
        small_since = b.conn.execute(
            "SELECT coalesce(max(rev), 0) FROM event WHERE rev > ? AND rev < ?", (since, last)).fetchone()[0]
    with Workspace.open(b_path) as b:  # a small package: the last edit transaction only
        with Timer() as package_small:
            small = changes_since(b, small_since, a_id)
            write_package(small, FOLDER / "small.briefer-changes")
        small_count = small.size
    with Workspace.open(a_path) as a:
        with Timer() as merge:
            report = merge_path(a, b_path)
    # baseline: the store's bulk insert of as many new events into a copy of the base
    floor_path = FOLDER / f"floor-{n}.briefer"
    _copy(base, floor_path)
    with Workspace.open(floor_path) as ws:
        rng = random.Random(9)
        new = list(synthetic_events(rng, int(changes * 0.8), ws.actors(), ws.sources()))
        new = [replace(e, external_id=f"floor-{i}") for i, e in enumerate(new)]
        with Timer() as insert_floor:
            ws.add_events(new)
    for path in (floor_path, a_path, b_path):
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    return {
        "events": n, "changes_per_side": changes, "load": os.getloadavg(),
        "merge_s": round(merge.wall, 3), "merge_cpu_s": round(merge.cpu, 3), "merge_summary": report.summary(),
        "merge_insert_floor_s": round(insert_floor.wall, 3), "merge_insert_floor_cpu_s": round(insert_floor.cpu, 3),
        "package_s": round(package_all.wall, 3), "package_cpu_s": round(package_all.cpu, 3),
        "package_events": events_in_package, "package_bytes": package_size,
        "package_floor_s": round(package_floor.wall, 3), "package_floor_cpu_s": round(package_floor.cpu, 3),
        "small_package_s": round(package_small.wall, 3), "small_package_cpu_s": round(package_small.cpu, 3),
        "small_package_records": small_count,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark merging workspaces and building change packages.")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--changes", type=int, default=10_000, help="events that differ on each side")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    result = bench(args.events, args.changes)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['events']:,} events, {result['changes_per_side']:,} changed on each side "
          f"(load {', '.join(f'{x:.1f}' for x in result['load'])})")
    def row(label: str, key: str, extra: str = "") -> None:
        print(f"  {label:<58} {result[key]:7.2f} s wall {result[key.replace('_s', '_cpu_s')]:7.2f} s CPU{extra}")
    row("merge", "merge_s", f"   ({result['merge_summary']})")
    row("baseline: bulk insert of the new events", "merge_insert_floor_s")
    row(f"change package, {result['package_events']:,} events", "package_s",
        f"   ({result['package_bytes'] / 1e6:.1f} MB)")
    row(f"change package, {result['small_package_records']:,} records", "small_package_s")
    row("baseline: fields + JSON + SHA-256 of the changed events", "package_floor_s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
