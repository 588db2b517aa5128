"""How long a brief takes to build, against plain reportlab doing the same text.

    python benchmarks/brief_bench.py [--events 500] [--large 5000] [--repeat 3] [--json]

Measures, in one run:
  * the daily brief of the demo workspace (target < 0.3 s);
  * a period summary of N synthetic events (default 500) with its chart, TOC and
    "page X of Y", against the baseline in the same run (target <= 2.0x);
  * a period summary of --large events (default 5,000; 0 skips it) against its
    baseline (target <= 2.5x), and its peak RSS, measured in a child process that
    builds only that brief (target < 300 MB);
  * the baseline: one plain reportlab SimpleDocTemplate pass over the same events'
    text, the same actor table and the same sources list, in the same fonts, without
    chart, TOC, bidi or page totals.  The ratio says what the brief's extras cost.
Times are the median of --repeat runs after one warm-up (fonts registered once per
process, as in the app), the brief and its baseline taking turns so that a change in
the machine's load hits both; the warm-up time is reported as `cold`.  The ratio of CPU times (`cpu_ratio`) is given beside
the wall-clock one: the build is single-threaded, so on a shared machine it says what the
brief costs without the time spent waiting for a core.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
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

from briefer.brief import BriefSettings, build_brief, collect_brief  # noqa: E402
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


def timed_once(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def turns(a, b, repeat: int) -> tuple[float, float, float, float, object, object, float]:
    """Warm both up, then time them alternately: (cold a, median a, cold b, median b, results,
    and the ratio of a's median CPU time to b's)."""
    cold_a, result_a = timed_once(a)
    cold_b, result_b = timed_once(b)
    times_a, times_b, cpu_a, cpu_b = [], [], [], []
    for _ in range(repeat):
        for fn, times, cpu in ((a, times_a, cpu_a), (b, times_b, cpu_b)):
            started, started_cpu = time.perf_counter(), time.process_time()
            fn()
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    cpu_ratio = statistics.median(cpu_a) / statistics.median(cpu_b) if statistics.median(cpu_b) else None
    return (cold_a, statistics.median(times_a), cold_b, statistics.median(times_b), result_a, result_b,
            cpu_ratio)


def child_peak(events: int) -> dict:
    """Build the period summary of `events` events in a fresh process: its time and peak RSS."""
    out = subprocess.run([sys.executable, __file__, "--child", str(events)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_child(events: int) -> int:
    import generate  # benchmarks/generate.py

    register_fonts()
    ws = Workspace.open(generate.cached_workspace(events))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = build_brief(ws, BriefSettings(template="period", title="Period summary"), None,
                             Path(tmp) / "period.pdf")
        seconds = time.perf_counter() - started
    ws.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": round(seconds, 3), "pages": result.pages, "peak_rss_mb": round(peak_kb / 1024, 1)}))
    return 0


def period_figures(events: int, repeat: int, tmp_path: Path) -> dict:
    import generate  # benchmarks/generate.py

    ws = Workspace.open(generate.cached_workspace(events))
    period = BriefSettings(template="period", title="Period summary")
    started = time.perf_counter()
    data = collect_brief(ws, period, None)
    collect_s = time.perf_counter() - started
    p_cold, p_med, b_cold, b_med, p_res, b_pages, cpu_ratio = turns(
        lambda: build_brief(ws, period, None, tmp_path / f"period-{events}.pdf"),
        lambda: baseline(data, io.BytesIO()), repeat)
    ws.close()
    return {"events": p_res.events, "s": round(p_med, 3), "cold_s": round(p_cold, 3), "pages": p_res.pages,
            "toc": p_res.has_toc, "collect_s": round(collect_s, 3), "baseline_s": round(b_med, 3),
            "baseline_cold_s": round(b_cold, 3), "baseline_pages": b_pages,
            "ratio": round(p_med / b_med, 2) if b_med else None,
            "cpu_ratio": round(cpu_ratio, 2) if cpu_ratio else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=500, help="events in the period summary (default 500)")
    parser.add_argument("--large", type=int, default=5000, help="events in the large summary (default 5000; 0: skip)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_child(args.child)
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        demo = create_demo_workspace(tmp_path / "demo.briefer")
        daily = BriefSettings(template="daily", day=When.parse("2019-02-09"), title="Morning brief")
        d_cold, d_med, d_res = timed(lambda: build_brief(demo, daily, None, tmp_path / "daily.pdf"), args.repeat)
        demo.close()
        small = period_figures(args.events, args.repeat, tmp_path)
        large = period_figures(args.large, 1, tmp_path) if args.large else None
    peak = child_peak(args.large) if args.large else None
    figures = {
        "daily_s": round(d_med, 3), "daily_cold_s": round(d_cold, 3), "daily_pages": d_res.pages,
        "daily_events": d_res.events, "period": small, "large": large, "large_child": peak,
        "load": round(__import__("os").getloadavg()[0], 2),
        "targets": {"daily_s": 0.3, "period_ratio": 2.0, "large_ratio": 2.5, "large_peak_rss_mb": 300},
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    rows = [("Daily brief, demo workspace", f"{d_res.events} events", f"{d_res.pages}", f"{d_med:.3f} s",
             f"{d_cold:.3f} s", "", "< 0.3 s")]
    for name, f, target in (("Period summary with chart + TOC", small, "<= 2.0x"),
                            ("Large period summary", large, "<= 2.5x")):
        if f is None:
            continue
        rows.append((name, f"{f['events']} events", f"{f['pages']}", f"{f['s']:.3f} s", f"{f['cold_s']:.3f} s",
                     f"{f['ratio']}x (CPU {f['cpu_ratio']}x)", target))
        rows.append(("  baseline: plain reportlab, same text", "", f"{f['baseline_pages']}",
                     f"{f['baseline_s']:.3f} s", f"{f['baseline_cold_s']:.3f} s", "", ""))
    if peak is not None:
        rows.append((f"  {args.large} events alone, fresh process", "", f"{peak['pages']}", f"{peak['seconds']:.3f} s",
                     "", f"{peak['peak_rss_mb']} MB peak", "< 300 MB"))
    head = ("Build", "Scope", "Pages", "Median", "First run", "vs baseline", "Target")
    widths = [max(len(str(r[i])) for r in (*rows, head)) for i in range(len(head))]
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    print(f"\nload average at the end: {figures['load']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
