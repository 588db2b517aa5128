"""Does every entry point answer in time proportional to its input?

Each input that can grow (an article for intake, a Briefer JSON file, ACLED and GDELT files,
a TimelineJS file, a column mapping, a bottom-line file, the text of a search, the scope of a
brief) is fed to `briefer-cli` (its `main`, in this process, so start-up is not measured) at
a size n and at k·n (k = 4 or 8). Beside it, a baseline measured in the same run reads and
parses the same input with the standard library (json.load, csv.reader, a word scan), or
for search and brief reads the same events from the workspace. The growth of each is
compared with the growth of the input: the exponent log(t(kn)/t(n)) / log(size(kn)/size(n))
is 1 for linear work, below 1 when a fixed cost dominates, and 2 for quadratic work. An
exponent above 1.2 is flagged SUPERLINEAR.

Each time is the best of --repeat runs (the machine is shared: the best run is the one least
disturbed). Nothing here is a pass/fail test: the documented limits (an input above them is
refused by name before it is parsed) are tested in tests/hostile.

    python benchmarks/scaling_bench.py [--json] [--repeat N] [--only NAME] [--scale F]
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import csv
import io
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate  # noqa: E402
import import_bench  # noqa: E402
import intake_bench  # noqa: E402

from briefer.cli import main as cli  # noqa: E402
from briefer.core.filter import EventFilter  # noqa: E402
from briefer.store import Workspace  # noqa: E402

SUPERLINEAR = 1.2


@dataclass
class Case:
    name: str
    unit: str  # what n counts
    n: int
    k: int
    make: Callable[[Path, int], Path]  # writes the input of size n into the folder, returns it
    argv: Callable[[Path, Path], list[str]]  # (workspace copy, input) -> briefer-cli arguments
    baseline: Callable[[Path], object]  # reads and parses the same input
    workspace: Callable[[Path, int], Path]  # the workspace the command runs on (copied for each run)


# -- inputs ------------------------------------------------------------------------------
def _article(folder: Path, words: int) -> Path:
    path = folder / f"report-{words}.txt"
    path.write_text(intake_bench.build_article(words), encoding="utf-8")
    return path


def _acled(folder: Path, rows: int) -> Path:
    return import_bench.write_csv(folder / f"acled-{rows}.csv", rows)


def _gdelt(folder: Path, rows: int) -> Path:
    rng = random.Random(5)
    actors = ["HARBOUR POLICE", "FISHERMEN", "PROTESTER", "MILITARY", "REBEL", "GOVERNMENT", "CIVILIAN", "MILITIA"]
    path = folder / f"gdelt-{rows}.export.CSV"
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(rows):
            cells = [""] * 61
            day = f"20{rng.randint(15, 20)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            root = rng.choice(("14", "19", "18", "17"))
            cells[0], cells[1], cells[6], cells[16] = str(800000000 + i), day, rng.choice(actors), rng.choice(actors)
            cells[12] = "COP"
            cells[26], cells[27], cells[28] = root + "1", root + "1", root
            cells[30], cells[31], cells[34] = "-6.5", str(rng.randint(1, 20)), "-3.2"
            cells[52] = f"Town {rng.randint(1, 500)}, Coast, Eastland"
            cells[56], cells[57] = f"{rng.uniform(-30, 40):.4f}", f"{rng.uniform(-20, 50):.4f}"
            cells[59] = day + "101500"
            cells[60] = f"https://news{rng.randint(1, 40)}.example/story/{i}"
            handle.write("\t".join(cells) + "\n")
    return path


def _briefer_json(folder: Path, events: int) -> Path:
    path = folder / f"export-{events}.json"
    source = generate.cached_workspace(events, seed=3)
    with _quiet():
        cli(["-w", str(source), "export", "--json", str(path)])
    return path


def _timelinejs(folder: Path, events: int) -> Path:
    rng = random.Random(9)
    items = []
    for i in range(events):
        year, month = rng.randint(1990, 2024), rng.randint(1, 12)
        items.append({"start_date": {"year": str(year), "month": str(month), "day": str(rng.randint(1, 28))},
                      "text": {"headline": f"Event {i} at {rng.choice(generate.NOUNS)}",
                               "text": f"<p>{' '.join(rng.choice(generate.VERBS) for _ in range(30))}</p>"},
                      "group": rng.choice(("Politics", "Fighting", "Aid")), "unique_id": f"ev-{i}"})
    path = folder / f"timeline-{events}.json"
    path.write_text(json.dumps({"title": {"text": {"headline": "Scaling"}}, "events": items}), encoding="utf-8")
    return path


_MAPPED_ROWS = 50


def _mapping(folder: Path, entries: int) -> Path:
    """A mapping with ENTRIES actor entries over the 4 actor columns of a 50-row CSV (the CSV stays)."""
    data = folder / "mapped.csv"
    if not data.exists():
        with open(data, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Ref", "Day", "Headline", "A1", "A2", "A3", "A4"])
            for i in range(_MAPPED_ROWS):
                writer.writerow([f"R-{i}", f"{1 + i % 28:02d}/03/2019", f"Report {i}", "North Brigade",
                                 "River Guard", f"Unit {i % 7}", "Civilians"])
    roles = ["initiator", "target", "affected", "mentioned"]
    mapping = {"columns": {"external_id": "Ref", "date": "Day", "title": "Headline"}, "date_order": "dmy",
               "actors": [{"column": f"A{1 + i % 4}", "role": roles[i % 4]} for i in range(entries)]}
    path = folder / f"mapping-{entries}.json"
    path.write_text(json.dumps(mapping, indent=1), encoding="utf-8")
    return path


def _bluf(folder: Path, kilobytes: int) -> Path:
    """A bottom line of one long paragraph (the worst case for a line breaker)."""
    rng = random.Random(4)
    words, size = [], 0
    while size < kilobytes * 1000:
        word = rng.choice(generate.VERBS + generate.NOUNS + generate.ADJECTIVES)
        words.append(word)
        size += len(word) + 1
    path = folder / f"bluf-{kilobytes}.txt"
    path.write_text(" ".join(words), encoding="utf-8")
    return path


def _query(folder: Path, words: int) -> Path:
    rng = random.Random(8)
    path = folder / f"query-{words}.txt"
    path.write_text(" ".join(rng.choice(generate.VERBS + generate.NOUNS) for _ in range(words)), encoding="utf-8")
    return path


def _scope(folder: Path, events: int) -> Path:
    """The scope of a brief: a workspace holding EVENTS events, all in scope."""
    return generate.cached_workspace(events, seed=2)


# -- baselines: reading and parsing the same input --------------------------------------
def _read_words(path: Path) -> object:
    return re.findall(r"\w+", path.read_text(encoding="utf-8"))


def _read_json(path: Path) -> object:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _read_csv(path: Path) -> object:
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle, delimiter="\t" if path.suffix == ".CSV" else ","))


def _read_events(path: Path) -> object:
    with Workspace.open(path) as ws:
        return len(ws.search_events(EventFilter()))


def _empty(folder: Path, _: int) -> Path:
    path = folder / "empty.briefer"
    if not path.exists():
        Workspace.create(path).close()
    return path


def _demo(folder: Path, _: int) -> Path:
    path = folder / "demo.briefer"
    if not path.exists():
        from briefer.demo import create_demo_workspace

        create_demo_workspace(path).close()
    return path


def _searched(folder: Path, _: int) -> Path:
    return generate.cached_workspace(2000, seed=6)


CASES = [
    Case("intake text", "words", 4000, 8, _article, lambda w, f: ["-w", str(w), "intake", str(f), "--json"],
         _read_words, _demo),
    Case("Briefer JSON import", "events", 400, 8, _briefer_json, lambda w, f: ["-w", str(w), "import", "--json", str(f)],
         _read_json, _empty),
    Case("ACLED CSV import", "rows", 1000, 8, _acled,
         lambda w, f: ["-w", str(w), "import", "--format", "acled", str(f), "--json"], _read_csv, _empty),
    Case("GDELT import", "rows", 1000, 8, _gdelt,
         lambda w, f: ["-w", str(w), "import", "--format", "gdelt", str(f), "--json"], _read_csv, _empty),
    Case("TimelineJS import", "events", 500, 8, _timelinejs,
         lambda w, f: ["-w", str(w), "import", "--format", "timelinejs", str(f), "--json"], _read_json, _empty),
    Case("column-mapping file", "actor entries", 2000, 8, _mapping,
         lambda w, f: ["-w", str(w), "import", "--format", "csv", "--mapping", str(f), str(f.parent / "mapped.csv"),
                       "--json"], _read_json, _empty),
    Case("BLUF file (one paragraph)", "KB", 32, 8, _bluf,
         lambda w, f: ["-w", str(w), "brief", "--template", "daily", "--date", "2019-02-09", "--bluf-file", str(f),
                       "--no-chart", "--out", str(w.with_name("bluf.pdf"))], _read_words, _demo),
    Case("search text", "words", 500, 8, _query,
         lambda w, f: ["-w", str(w), "search", "--text", f.read_text(encoding="utf-8"), "--json"], _read_words,
         _searched),
    Case("brief scope", "events", 150, 4, _scope,
         lambda w, f: ["-w", str(w), "brief", "--template", "period", "--no-chart", "--out",
                       str(w.with_name("scope.pdf"))], _read_events, lambda folder, n: _scope(folder, n)),
]


@contextlib.contextmanager
def _quiet():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _size(case: Case, path: Path) -> int:
    if case.name == "brief scope":
        with Workspace.open(path) as ws:
            return len(ws.search_events(EventFilter()))
    return path.stat().st_size


def measure(case: Case, folder: Path, repeat: int) -> dict:
    row: dict = {"case": case.name, "unit": case.unit, "sizes": [], "times": [], "baselines": []}
    for n in (case.n, case.n * case.k):
        source = case.make(folder, n)
        base_ws = case.workspace(folder, n)
        run_dir = folder / "run"

        def once() -> None:
            shutil.rmtree(run_dir, ignore_errors=True)
            run_dir.mkdir()
            ws = run_dir / base_ws.name
            shutil.copy2(base_ws, ws)
            with _quiet() as (_, err):
                code = cli(case.argv(ws, source))
            if code != 0:
                raise SystemExit(f"{case.name} at n={n}: briefer-cli exited {code}: {err.getvalue()[-500:]}")

        row["times"].append(_best(once, repeat))
        row["baselines"].append(_best(lambda: case.baseline(source), repeat))
        row["sizes"].append(_size(case, source))
        row.setdefault("n", []).append(n)
    growth = row["sizes"][1] / row["sizes"][0]
    row["input_growth"] = round(growth, 2)
    row["time_growth"] = round(row["times"][1] / row["times"][0], 2)
    row["baseline_growth"] = round(row["baselines"][1] / row["baselines"][0], 2)
    row["exponent"] = round(math.log(row["times"][1] / row["times"][0]) / math.log(growth), 2)
    row["baseline_exponent"] = round(math.log(max(row["baselines"][1], 1e-9) / max(row["baselines"][0], 1e-9))
                                     / math.log(growth), 2)
    row["superlinear"] = row["exponent"] > SUPERLINEAR
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n by this")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefer-scaling-") as tmp:
        folder = Path(tmp)
        os.environ["BRIEFER_DATA_DIR"] = str(folder / "data")  # import reports and settings stay here
        for case in CASES:
            if args.only and args.only.lower() not in case.name.lower():
                continue
            if args.scale != 1.0:
                case = dataclasses.replace(case, n=max(1, round(case.n * args.scale)))
            row = measure(case, folder, args.repeat)
            rows.append(row)
            if not args.json:
                print(f"{row['case']:<27} n={row['n'][0]:>6,} → {row['n'][1]:>7,} {row['unit']:<13} "
                      f"input ×{row['input_growth']:<5} time {row['times'][0]:7.3f} → {row['times'][1]:7.3f} s "
                      f"(×{row['time_growth']:<6}) exponent {row['exponent']:5.2f}  "
                      f"baseline {row['baselines'][0] * 1000:8.2f} → {row['baselines'][1] * 1000:8.2f} ms "
                      f"(exponent {row['baseline_exponent']:5.2f})"
                      + ("  SUPERLINEAR" if row["superlinear"] else ""), flush=True)
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    if args.json:
        print(json.dumps({"load": load, "repeat": args.repeat, "cases": rows}, indent=1))
    else:
        print(f"load average {' '.join(load)}; best of {args.repeat} runs each")
    return 1 if any(r["superlinear"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
