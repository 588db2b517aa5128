"""Arabic intake speed: is the analysis of an Arabic report linear in its length?

    python benchmarks/intake_arabic_bench.py [--json]

The text is the Arabic dev reports (benchmarks/intake_dev/reports/ar*.txt) repeated up to 20 KB,
200 KB and 1 MB, in paragraphs and on one line, analysed against an empty workspace as
`briefer-cli intake` does.  The same-run baseline is Briefer's own sentence splitting of the
same text (one linear pass over it): the ratio analysis / baseline should stay flat as the text
grows (it grew about 20-fold from 200 KB to 1 MB before the Arabic reader was made linear).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEV = Path(__file__).resolve().parent / "intake_dev" / "reports"


def _text(size: int, one_line: bool) -> str:
    body = "\n\n".join(p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted(DEV.glob("ar*.txt")))
    text = body
    while len(text) < size:
        text += "\n\n" + body
    text = text[:size]
    return text.replace("\n", " ") if one_line else text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from briefer.intake.assistant import analyse_text
    from briefer.intake.text import split_sentences
    from briefer.store import Workspace

    rows = []
    with tempfile.TemporaryDirectory(prefix="briefer-ar-bench-") as tmp:
        ws = Workspace.create(Path(tmp) / "bench.briefer")
        try:
            analyse_text(ws, "Headline: x\n\n" + _text(2_000, False), published=date(2024, 1, 1))  # warm
            for size, one_line in ((20_000, False), (200_000, False), (1_000_000, False), (1_000_000, True)):
                text = _text(size, one_line)
                t0 = time.perf_counter()
                split_sentences(text)
                base = time.perf_counter() - t0
                t0 = time.perf_counter()
                analysis = analyse_text(ws, "Headline: x\n\n" + text, published=date(2024, 1, 1))
                took = time.perf_counter() - t0
                rows.append({"chars": size, "layout": "one line" if one_line else "paragraphs",
                             "baseline_s": round(base, 3), "analysis_s": round(took, 2),
                             "ratio": round(took / base, 1) if base else None,
                             "events": len(analysis.events) + len(analysis.expectations)})
        finally:
            ws.close()
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        for r in rows:
            print(f"{r['chars']:>9,} chars, {r['layout']:<10}  baseline {r['baseline_s']:.3f} s  "
                  f"analysis {r['analysis_s']:.2f} s  ratio {r['ratio']}  ({r['events']} proposals)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
