"""How long a brief takes to build, against plain reportlab doing the same text.

    python benchmarks/brief_bench.py [--events 500] [--repeat 3] [--json]

Measures, in one run:
  * the daily brief of the demo workspace (target < 1 s);
  * a period summary of N synthetic events (default 500) with its chart, TOC and
    "page X of Y" (target < 3 s);
  * the baseline: one plain reportlab SimpleDocTemplate pass over the same events'
    text, the same actor table and the same sources list, in the same fonts, without
    chart, TOC, bidi or page totals.  The ratio says what the brief's extras cost.
Times are the median of --repeat runs after one warm-up (fonts registered once per
process, as in the app); the warm-up time is reported as `cold`.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from briefer.brief import BriefSettings, build_brief, collect_brief, render_brief  # noqa: E402
from briefer.brief.text import FONT, FONT_BOLD, esc, register_fonts  # noqa: E402
from briefer.core.when import When  # noqa: E402
from briefer.demo import create_demo_workspace  # noqa: E402
from briefer.store import Workspace  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, float, object]:
    started = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - started
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return cold, statistics.median(times), result


def baseline(data, out: io.BytesIO) -> int:
    """The same events, actors and sources as plain paragraphs and a table: one pass."""
    body = ParagraphStyle("b", fontName=FONT, fontSize=9, leading=12)
    bold = ParagraphStyle("bb", parent=body, fontName=FONT_BOLD)
    small = ParagraphStyle("s", parent=body, fontSize=7.8, leading=10)
    story = []
    refs: dict[tuple, int] = {}
    for n, e in enumerate(data.events, start=1):
        story.append(Paragraph(f"E{n} · {esc(e.title)}", bold))
        story.append(Paragraph(" · ".join(esc(x) for x in (e.when.label, e.place, e.event_type) if x), small))
        names = [f"{esc(data.actors[p.actor_uid].name)} ({p.role.label})" for p in e.participants
                 if p.actor_uid in data.actors]
        story.append(Paragraph("Actors: " + "; ".join(names), small))
        story.append(Paragraph(esc(e.summary), body))
        marks = [refs.setdefault((c.source_uid, c.document_uid), len(refs) + 1) for c in e.citations]
        story.append(Paragraph("Sources: " + " ".join(f"[{m}]" for m in marks), small))
    counts: dict[str, int] = {}
    for e in data.events:
        for uid in set(e.actor_uids):
            counts[uid] = counts.get(uid, 0) + 1
    rows = [["Actor", "Also known as", "Kind", "Part of", "Events"]]
    for uid, count in counts.items():
        a = data.actors[uid]
        parent = data.actors.get(a.member_of) if a.member_of else None
        rows.append([Paragraph(esc(a.name), small), Paragraph(esc(", ".join(a.aliases)), small), a.kind.label,
                     Paragraph(esc(parent.name) if parent else "—", small), str(count)])
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7.8),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey)]))
    story.append(table)
    for e in data.events:
        for c in e.citations:
            s = data.sources.get(c.source_uid)
            story.append(Paragraph(f"[{refs[(c.source_uid, c.document_uid)]}] {esc(s.name if s else '')} — "
                                   f"{s.reliability if s else ''} · credibility {c.credibility}", small))
            if c.quote:
                story.append(Paragraph(f"“{esc(c.quote)}”", small))
    doc = SimpleDocTemplate(out, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm, bottomMargin=22 * mm)
    doc.build(story)
    return doc.page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=500, help="events in the period summary (default 500)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    register_fonts()
    import generate  # benchmarks/generate.py

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        demo = create_demo_workspace(tmp_path / "demo.briefer")
        daily = BriefSettings(template="daily", day=When.parse("2019-02-09"), title="Morning brief")
        d_cold, d_med, d_res = timed(lambda: build_brief(demo, daily, None, tmp_path / "daily.pdf"), args.repeat)
        demo.close()

        ws = Workspace.open(generate.cached_workspace(args.events))
        period = BriefSettings(template="period", title="Period summary")
        data = collect_brief(ws, period, None)
        started = time.perf_counter()
        collect_brief(ws, period, None)
        collect_s = time.perf_counter() - started
        p_cold, p_med, p_res = timed(lambda: build_brief(ws, period, None, tmp_path / "period.pdf"), args.repeat)
        r_cold, r_med, _ = timed(lambda: render_brief(data, tmp_path / "render.pdf"), args.repeat)
        b_cold, b_med, b_pages = timed(lambda: baseline(data, io.BytesIO()), args.repeat)
        ws.close()

    figures = {
        "daily_s": round(d_med, 3), "daily_cold_s": round(d_cold, 3), "daily_pages": d_res.pages,
        "daily_events": d_res.events,
        "period_events": p_res.events, "period_s": round(p_med, 3), "period_cold_s": round(p_cold, 3),
        "period_pages": p_res.pages, "period_toc": p_res.has_toc, "period_collect_s": round(collect_s, 3),
        "period_render_s": round(r_med, 3),
        "baseline_s": round(b_med, 3), "baseline_pages": b_pages,
        "ratio": round(p_med / b_med, 2) if b_med else None,
        "targets": {"daily_s": 1.0, "period_s": 3.0},
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    rows = [
        ("Daily brief, demo workspace", f"{d_res.events} events", f"{d_res.pages}", f"{d_med:.3f} s",
         f"{d_cold:.3f} s", "< 1 s"),
        (f"Period summary with chart + TOC", f"{p_res.events} events", f"{p_res.pages}", f"{p_med:.3f} s",
         f"{p_cold:.3f} s", "< 3 s"),
        ("  of which: reading the store", "", "", f"{collect_s:.3f} s", "", ""),
        ("Baseline: plain reportlab, same text/tables", f"{p_res.events} events", f"{b_pages}", f"{b_med:.3f} s",
         f"{b_cold:.3f} s", ""),
    ]
    head = ("Build", "Scope", "Pages", "Median", "First run", "Target")
    widths = [max(len(str(r[i])) for r in (*rows, head)) for i in range(len(head))]
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    print(f"\nperiod summary / baseline = {figures['ratio']}x "
          f"(chart, TOC, two layout passes for 'page X of Y', bidi-aware paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
