"""How fast the article assistant answers: a 2,000-word report, cold and after first use.

    python benchmarks/intake_bench.py [--events N] [--words W] [--large] [--json]

The article is built from the project's own fixture report (tests/intake/fixtures),
its paragraphs repeated with varied names, places and dates until it has W words
(default 2,000).  It is analysed against the demo workspace and against a generated
workspace of N events (default 10,000; ~300 actors with aliases, ~60 sources).  Per
workspace it prints the first analysis (cold: lazy imports, name index), then the
median and worst of the next runs (warm).  The baseline, measured in the same run, is
reading the file and splitting it into sentences: the floor any analysis pays.
Target: warm analysis < 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate  # noqa: E402

from briefer.demo import create_demo_workspace  # noqa: E402
from briefer.intake.text import split_sentences  # noqa: E402
from briefer.store import Workspace  # noqa: E402

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "intake" / "fixtures" / "dam_talks.txt"
NAMES = ["Northern Shield Brigade", "Eastern Falcon Brigade", "River Guard", "Hill Watch Battalion",
         "Valley Defence Units"]
PEOPLE = ["Commander Idris Hallaq", "Colonel Maher Saad", "Sheikh Omar Badr", "General Lina Karam"]
PLACES = ["Karam dam", "Tal Hamra", "the old bridge", "Sahl camp", "the grain silos"]
WHEN = ["on Friday", "last week", "this week", "in 2018", "by April", "within two weeks", "over the past two years",
        "last month", "on 3 March"]


def build_article(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    text = FIXTURE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    out = [head, ""]
    count = 0
    while count < words:
        p = rng.choice(paragraphs)
        p = p.replace("Northern Shield Brigade", rng.choice(NAMES)).replace("Commander Idris Hallaq", rng.choice(PEOPLE))
        p = p.replace("Karam dam", rng.choice(PLACES)).replace("on Friday", rng.choice(WHEN))
        p = p.replace("last week", rng.choice(WHEN)).replace("in 2018", rng.choice(WHEN))
        out.append(p)
        out.append("")
        count += len(p.split())
    return "\n".join(out)


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(ws, path: Path, runs: int) -> dict:
    from briefer.intake.assistant import analyse
    from briefer.intake.reading import read_article

    def baseline() -> None:
        split_sentences(read_article(path).text)

    def full() -> None:
        analyse(ws, read_article(path))

    first = _time(full)
    warm = [_time(full) for _ in range(runs)]
    base = [_time(baseline) for _ in range(runs)]
    analysis = analyse(ws, read_article(path))
    return {
        "first_s": round(first, 3), "warm_median_s": round(statistics.median(warm), 3),
        "warm_max_s": round(max(warm), 3), "baseline_median_s": round(statistics.median(base), 4),
        "events": len(analysis.events), "actors": len(analysis.actors), "dates": len(analysis.dates),
        "citations": len(analysis.citations),
    }


def measure_large(ws, folder: Path) -> dict:
    """Linear time: a 1 MB report (paragraphs, and the same on one line) analysed once,
    against splitting it into sentences; a 10 MB single line refused (time to say so)."""
    from briefer.intake.assistant import analyse
    from briefer.intake.reading import IntakeError, read_article

    out = {}
    text = build_article(170_000)  # about 1 MB
    head, _, body = text.partition("\n\n")
    for name, t in (("1MB_paragraphs", text), ("1MB_one_line", head + "\n\n" + " ".join(body.split()))):
        path = folder / f"{name}.txt"
        path.write_text(t, encoding="utf-8")
        base = _time(lambda: split_sentences(read_article(path).text))
        full = _time(lambda: analyse(ws, read_article(path)))
        out[name] = {"chars": len(t), "baseline_s": round(base, 3), "analysis_s": round(full, 2)}
    huge = folder / "10MB_one_line.txt"
    huge.write_bytes(b"word " * 2_100_000)
    start = time.perf_counter()
    try:
        read_article(huge)
        refused = ""
    except IntakeError as error:
        refused = str(error)
    out["10MB_one_line"] = {"refused_in_s": round(time.perf_counter() - start, 3), "message": refused}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="size of the generated workspace")
    parser.add_argument("--words", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--large", action="store_true", help="also time a 1 MB report and a refused 10 MB line")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    article = folder / "article.txt"
    text = build_article(args.words)
    article.write_text(text, encoding="utf-8")
    words = len(text.split())
    results = {"words": words}
    demo = create_demo_workspace(folder / "demo.briefer")
    try:
        results["demo"] = measure(demo, article, args.runs)
    finally:
        demo.close()
    with Workspace.open(generate.cached_workspace(args.events)) as big:
        results[f"generated_{args.events}"] = measure(big, article, args.runs)
        results[f"generated_{args.events}"]["workspace_actors"] = len(big.actors())
    results["target_warm_s"] = 1.0
    results["ok"] = all(v["warm_max_s"] < 1.0 for k, v in results.items() if isinstance(v, dict))
    if args.large:
        demo = Workspace.open(folder / "demo.briefer")
        try:
            results["large"] = large = measure_large(demo, folder)
        finally:
            demo.close()
        results["ok"] = results["ok"] and all(v.get("analysis_s", 0) < 10 for v in large.values())
    if args.json:
        print(json.dumps(results))
        return 0 if results["ok"] else 1
    print(f"Article assistant on a {words}-word report ({args.runs} warm runs)")
    print(f"{'workspace':<22}{'baseline':>10}{'first':>9}{'warm p50':>10}{'warm max':>10}"
          f"{'events':>8}{'actors':>8}{'dates':>7}")
    for key, v in results.items():
        if not isinstance(v, dict) or key == "large":
            continue
        print(f"{key:<22}{v['baseline_median_s'] * 1000:>8.1f}ms{v['first_s']:>8.2f}s{v['warm_median_s']:>9.3f}s"
              f"{v['warm_max_s']:>9.3f}s{v['events']:>8}{v['actors']:>8}{v['dates']:>7}")
    for name, v in results.get("large", {}).items():
        if "analysis_s" in v:
            print(f"{name:<22}{v['chars']:>10,} chars  baseline {v['baseline_s']:.2f}s  analysis {v['analysis_s']:.2f}s")
        else:
            print(f"{name:<22}refused in {v['refused_in_s']:.3f}s: {v['message']}")
    print(f"target: warm < 1 s{', 1 MB < 10 s' if args.large else ''} -> {'OK' if results['ok'] else 'MISSED'}")
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
