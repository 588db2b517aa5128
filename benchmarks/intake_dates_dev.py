"""Event dates on a development set, one by one: each annotated event's date beside the date
and the rule of the proposal matched to it (by keywords, as intake_eval.py matches "any date"),
and each annotated date expression the assistant missed or resolved otherwise.

    python benchmarks/intake_dates_dev.py [--set benchmarks/intake_dev] [ID-FRAGMENT ...]

For development sets only: it prints the annotations, so it refuses the held-out sets
(intake_eval2 and later; intake_eval is retired to development), whose reports and annotations nobody working on the assistant reads.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import intake_eval as E  # noqa: E402

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(Path(__file__).resolve().parent / "intake_dev"))
    parser.add_argument("only", nargs="*", help="report ids containing one of these")
    parser.add_argument("--reports-from", type=Path, metavar="DIR",
                        help="also read the set's annotated reports from DIR (texts it may not hold)")
    args = parser.parse_args(argv)
    root = Path(args.set).resolve()
    if E.held_out(root):
        print(f"{root.name} is held out: only intake_eval.py's aggregate table may be run on it", file=sys.stderr)
        return 2
    texts = list((root / "reports").glob("*.txt"))
    if args.reports_from:
        held = {p.stem for p in texts}
        texts += [p for p in args.reports_from.glob("*.txt") if p.stem not in held]
    reports = sorted((p for p in texts
                      if (not args.only or any(o in p.stem for o in args.only))
                      and (root / "annotations" / f"{p.stem}.json").exists()), key=lambda p: p.stem)
    results = E.run_all(reports, 60)
    right = matched = 0
    for path in reports:
        gold = json.loads((root / "annotations" / f"{path.stem}.json").read_text(encoding="utf-8"))
        out = results[path.stem]["output"]
        g_events = gold.get("events", [])
        proposals = list(out.get("events") or []) + [
            e for e in out.get("expectations") or [] if str(e.get("status", "")).lower() in E.EXPECTATION_STATUSES]
        main_g = [i for i, e in enumerate(g_events) if e.get("status", "reported") in E.EVENT_STATUSES]
        main_p = [i for i, e in enumerate(proposals) if str(e.get("status", "")).lower() not in E.EXPECTATION_STATUSES]

        def words(e: dict) -> str:
            return E.fold(" ".join(str(e.get(k) or "") for k in ("title", "quote", "summary", "place")))

        def hits(ge: dict, pe: dict) -> int:
            return sum(1 for k in ge.get("keywords", []) if E.fold(k) and E.fold(k) in words(pe))

        pairs = dict(E.greedy([(hits(g_events[g], proposals[p]), g, p) for g in main_g for p in main_p
                               if hits(g_events[g], proposals[p])]))
        print(f"=== {path.stem}  published {gold.get('published')}")
        for g in main_g:
            ge = g_events[g]
            if g not in pairs:
                print(f"  --  {ge.get('date')!s:24} (no proposal)  {ge['what'][:70]}")
                continue
            pe = proposals[pairs[g]]
            ok = E.norm_when(ge.get("date")) == E.norm_when(pe.get("when"))
            right += ok
            matched += 1
            print(f"  {'ok' if ok else 'XX'}  {ge.get('date')!s:24} got {pe.get('when')!s:24} {ge['what'][:60]}")
            if not ok:
                print(f"        rule: {pe.get('when_rule')}\n        quote: {pe.get('quote', '')[:200]}")
        proposed = [(E.fold(d.get("text")), E.norm_when(d.get("when")), d.get("text")) for d in out.get("dates") or []]
        for d in gold.get("dates", []):
            text, value = E.fold(d["text"]), E.norm_when(d.get("value"))
            if not any(E.overlaps(text, t) and value == v for t, v, _ in proposed):
                seen = [(raw, v) for t, v, raw in proposed if E.overlaps(text, t)]
                print(f"  date {d['text']!r} = {d.get('value')}: {'not found' if not seen else f'read as {seen[:2]}'}")
    print(f"\nmatched events with the right date: {right} of {matched}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
