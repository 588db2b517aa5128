"""Dev set only: each annotated event with the proposal it matched (any date), each unmatched
proposal with its clause, and each missed event -- to see event precision and recall misses one by one.

    python benchmarks/intake_event_misses.py [--set benchmarks/intake_dev] [--only d04 ...] [--lang en]

Never run it on a held-out set (it quotes the annotations).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import intake_eval as E  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="benchmarks/intake_dev")
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--lang", default="en")
    ap.add_argument("--reports-from", type=Path, metavar="DIR",
                    help="also read the set's annotated reports from DIR (texts it may not hold)")
    args = ap.parse_args()
    root = Path(args.set)
    if E.held_out(root):
        sys.exit("dev sets only (intake_eval is retired to development)")
    texts = list((root / "reports").glob("*.txt"))
    if args.reports_from:
        held = {p.stem for p in texts}
        texts += [p for p in args.reports_from.glob("*.txt")
                  if p.stem not in held and (root / "annotations" / f"{p.stem}.json").exists()]
    reports = sorted((p for p in texts
                     if (not args.only or any(p.stem.startswith(o) for o in args.only))
                     and (args.lang != "en" or not p.stem.startswith("ar"))), key=lambda p: p.stem)
    results = E.run_all(reports, 60)
    for path in reports:
        gold = json.loads((root / "annotations" / f"{path.stem}.json").read_text())
        out = results[path.stem]["output"]
        g = gold.get("events", [])
        p = list(out.get("events") or []) + [e for e in (out.get("expectations") or [])
                                             if str(e.get("status", "")).lower() in E.EXPECTATION_STATUSES]

        def text_of(e):
            return E.fold(" ".join(str(e.get(k) or "") for k in ("title", "quote", "summary", "place")))

        def hits(ge, pe):
            t = text_of(pe)
            return sum(1 for k in ge.get("keywords", []) if E.fold(k) and E.fold(k) in t)

        expect = lambda e: str(e.get("status", "")).lower() in E.EXPECTATION_STATUSES  # noqa: E731
        main_g = [i for i, e in enumerate(g) if e.get("status", "reported") in E.EVENT_STATUSES]
        main_p = [i for i, e in enumerate(p) if not expect(e)]
        pairs = E.greedy([(hits(g[gi], p[pi]), gi, pi) for gi in main_g for pi in main_p if hits(g[gi], p[pi])])
        exp_g = [i for i in range(len(g)) if i not in main_g]
        exp_p = [i for i in range(len(p)) if expect(p[i])]
        xpairs = E.greedy([(hits(g[gi], p[pi]), gi, pi) for gi in exp_g for pi in exp_p if hits(g[gi], p[pi])])
        print(f"\n===== {path.stem}: gold {len(main_g)} events (+{len(exp_g)} other), "
              f"proposed {len(main_p)} events (+{len(exp_p)} expectations), matched {len(pairs)}")
        by_g = dict(pairs) | dict(xpairs)
        for gi, ge in enumerate(g):
            pi = by_g.get(gi)
            mark = "OK " if pi is not None else "MISS"
            print(f"  {mark} G{gi} [{ge.get('status')}] {ge.get('date')} kw={ge.get('keywords')} :: {ge.get('what', '')}")
            if pi is not None:
                pe = p[pi]
                dok = E.norm_when(ge.get("date")) == E.norm_when(pe.get("when"))
                roles = [(a.get("name"), a.get("role")) for a in pe.get("actors") or []]
                print(f"        -> P{pi} [{pe.get('status')}] {pe.get('when')} {'date-ok' if dok else 'DATE-WRONG'}"
                      f" init={ge.get('initiator')} tgt={ge.get('target')} roles={roles}")
                print(f"           {pe.get('quote', '')[:220]}")
        used = set(by_g.values())
        for pi, pe in enumerate(p):
            if pi in used:
                continue
            print(f"  EXTRA P{pi} [{pe.get('status')}] {pe.get('when')} :: {pe.get('quote', '')[:260]}")


if __name__ == "__main__":
    main()
