"""Run the hand-written probe sentences (benchmarks/intake_probes.json) through the article assistant.

Each sentence is read as a report of its own, exactly as `briefer-cli intake FILE --json` reads a
.txt file with a 'Headline:', 'Date:' and 'Outlet:' header, against a fresh, empty workspace.  Prints
what was proposed for each (event, expectation or nothing) beside what an analyst codes, and the
count of agreements.  These sentences are not an evaluation set: they show plain gaps (a deed with
no event word, a construction read the wrong way), and a fix still has to hold on the training, dev
and retired sets.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_probes.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def proposed(ws, text: str, published: str) -> tuple[str, str]:
    """('event' | 'expectation' | 'none', why) for one sentence read as a report."""
    from briefer.intake.assistant import analyse
    from briefer.intake.reading import read_article

    with tempfile.TemporaryDirectory(prefix="briefer-probe-") as tmp:
        path = Path(tmp) / "probe.txt"
        path.write_text(f"Headline: Probe\nDate: {published}\nOutlet: Test Agency\n\n{text}\n", encoding="utf-8")
        out = analyse(ws, read_article(path)).to_json()
    if out.get("events"):
        e = out["events"][0]
        return "event", f"{e.get('when') or 'undated'}; {e.get('status')}: {e.get('status_why', '')}"
    if out.get("expectations"):
        e = out["expectations"][0]
        return "expectation", e.get("status_why", "")
    return "none", ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--probes", type=Path, default=HERE / "intake_probes.json")
    ap.add_argument("--misses", action="store_true", help="print only the disagreements")
    args = ap.parse_args(argv)
    from briefer.store import Workspace

    data = json.loads(args.probes.read_text(encoding="utf-8"))
    agree = 0
    with tempfile.TemporaryDirectory(prefix="briefer-probes-") as tmp:
        ws = Workspace.create(Path(tmp) / "probes.briefer")
        try:
            for probe in data["probes"]:
                got, why = proposed(ws, probe["text"], data["published"])
                ok = got == probe["code"]
                agree += ok
                if not ok or not args.misses:
                    print(f"{'ok  ' if ok else 'MISS'} {probe['code']:>11} -> {got:<11} [{probe['deed']}] {probe['text']}"
                          + (f"  ({why})" if why else ""))
        finally:
            ws.close()
    print(f"{agree}/{len(data['probes'])} as an analyst codes them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
