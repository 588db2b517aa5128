"""Agreement between two annotators of an evaluation set: the ceiling of what "right" can mean.

    python benchmarks/intake_agreement.py --set benchmarks/intake_eval4 --second DIR [--json]

The set's own annotations (`SET/annotations/*.json`) are the first annotator's; DIR holds a second
annotation of some of its reports, written blind to the first, by the same guideline, with one extra
key on each event: `quote`, the report's own words that tell it.  The second annotation is scored
against the first exactly as Briefer's proposals are (`intake_eval.score_report`, same matching
rules), so the figures read like Briefer's: how a second careful person would score on the set.

How the second annotation is turned into "proposals":
* dates: text and resolved value; actors: name, with the listed alternatives as the forms seen;
* speakers: each statement of a speaker the second annotator did not mark generic, with its channels
  (a generic speaker is not scored on either side);
* events: the annotated description (`what`), `quote` and keywords are the text the first annotator's
  keywords are looked for in; reported and claimed ones are events, expected and conditional ones
  expectations, denied ones nothing (as a denial in Briefer's `expectations`);
  initiator and target are the roles.

Only the aggregate table is printed: it quotes no annotation, so it can be read about a held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake_eval import git_commit, print_table, score_report, totals  # noqa: E402


def as_proposals(second: dict) -> dict:
    """A second annotation in the shape of `briefer-cli intake --json`, for the scorer."""
    citations = []
    for s in second.get("statements", []):
        if s.get("generic"):
            continue
        channels = [c for c in (s.get("channels") or [s.get("channel")]) if c] or [None]
        citations += [{"speaker": s["speaker"], "channel": c} for c in channels]
    events, expectations = [], []
    for e in second.get("events", []):
        status = e.get("status", "reported")
        roles = [{"name": e[r], "role": r} for r in ("initiator", "target") if e.get(r)]
        proposal = {"title": e.get("what", ""), "quote": e.get("quote", ""),
                    "summary": " ".join(e.get("keywords", [])), "when": e.get("date"),
                    "status": status, "actors": roles}
        # an expected or conditional one stays in `events`: the scorer reads its status
        (expectations if status == "denied" else events).append(proposal)
    return {
        "document": {"published": second.get("published")},
        "dates": [{"text": d["text"], "when": d.get("value")} for d in second.get("dates", [])],
        "actors": [{"name": a["name"], "aliases_seen": list(a.get("alt", []))} for a in second.get("actors", [])],
        "citations": citations,
        "events": events,
        "expectations": expectations,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, required=True, help="the set whose annotations are the first annotator's")
    ap.add_argument("--second", type=Path, required=True, help="folder of the second annotator's JSON files")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = ap.parse_args(argv)

    seconds = sorted(args.second.glob("*.json"))
    unknown = [p.name for p in seconds if not (args.set / "annotations" / p.name).is_file()]
    if unknown:
        print(f"{args.second}: {', '.join(unknown)} annotate no report of {args.set}", file=sys.stderr)
        return 2
    if not seconds:
        print(f"{args.second}: no second annotations (*.json)", file=sys.stderr)
        return 2
    by_lang: dict[str, list[dict]] = {}
    for path in seconds:
        try:
            second = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            print(f"{path}: not a readable annotation ({error})", file=sys.stderr)
            return 2
        first = json.loads((args.set / "annotations" / path.name).read_text(encoding="utf-8"))
        by_lang.setdefault(first.get("lang", "en"), []).append(score_report(first, as_proposals(second)))
    overall = {lang: totals(scores) for lang, scores in by_lang.items()}
    meta = {"reports": len(seconds), "commit": git_commit(), "date": time.strftime("%Y-%m-%d", time.gmtime()), "seconds": 0.0,
            "set": f"{args.set} (second annotator {args.second.name} against the first)"}
    if args.json:
        print(json.dumps({"meta": meta, "overall": overall}, ensure_ascii=False, indent=1))
    else:
        print_table(meta, overall, [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
