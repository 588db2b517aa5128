"""How smooth the timeline is: data load, frame time at 1920×1080, memory.

    python benchmarks/timeline_bench.py [--events N] [--json]

Default 1M events (the generator's cached workspace).  Frames (layout and painting)
are rendered offscreen at 24 zoom/pan positions, from all 30 years down to one day, with no lanes and with
lanes by actor.  The baseline, in the same run, is the naive design: a QGraphicsScene
with one QGraphicsRectItem per event (at 100k events, or N if smaller), timed to build
and to render the same sizes of view.  Targets: load < 1 s; frame p50 < 16 ms and
p95 < 33 ms; < 200 MB added by the timeline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import generate  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView  # noqa: E402

from briefer.store import Workspace  # noqa: E402
from briefer.store import timeline as store_timeline  # noqa: E402
from briefer.ui.timeline import TimelineView  # noqa: E402
from briefer.ui.timeline.data import DAY  # noqa: E402

WIDTH, HEIGHT = 1920, 1080


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def positions(lo: float, hi: float, count: int = 24) -> list[tuple[float, float]]:
    """From the whole span down to one day, geometrically, each at a different place."""
    result = []
    whole = hi - lo
    for k in range(count):
        span = whole * (DAY / whole) ** (k / (count - 1))
        centre = lo + whole * (0.15 + 0.7 * ((k * 0.61803) % 1.0))
        result.append((centre - span / 2, centre + span / 2))
    return result


def time_frames(view: TimelineView, spots: list[tuple[float, float]]) -> list[float]:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for t0, t1 in spots:
        start = time.perf_counter()  # laying the frame out (done on set_range) counts too
        view.set_range(t0, t1)
        view.canvas.render(image)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bench_timeline(path: Path) -> dict:
    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(path)
    before = rss_mb()
    view = TimelineView()
    view.resize(WIDTH + 20, HEIGHT + 60)
    view.canvas.resize(WIDTH, HEIGHT)
    start = time.perf_counter()
    view.set_workspace(ws)
    load_s = time.perf_counter() - start
    view.canvas.resize(WIDTH, HEIGHT)
    app.processEvents()
    bounds = view.data.bounds()
    spots = positions(*bounds)
    time_frames(view, spots[:2])  # warm-up: fonts, caches
    plain = time_frames(view, spots)
    start = time.perf_counter()
    view.set_lanes("actor")
    lanes_s = time.perf_counter() - start
    by_actor = time_frames(view, spots)
    memory = rss_mb() - before
    result = {
        "events": ws.event_count(), "load_s": load_s, "lanes_by_actor_s": lanes_s,
        "frame_ms_p50": statistics.median(plain + by_actor), "frame_ms_p95": p95(plain + by_actor),
        "frame_ms_p50_no_lanes": statistics.median(plain), "frame_ms_p95_no_lanes": p95(plain),
        "frame_ms_p50_actor_lanes": statistics.median(by_actor), "frame_ms_p95_actor_lanes": p95(by_actor),
        "memory_mb": memory, "positions": len(spots),
    }
    view.deleteLater()
    ws.close()
    return result


def bench_naive_scene(path: Path, limit: int) -> dict:
    """The design the issue warns against, for comparison: one item per event."""
    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(path)
    columns = store_timeline.event_columns(ws)
    ws.close()
    before = rss_mb()
    start = time.perf_counter()
    scene = QGraphicsScene()
    brush = QBrush(QColor("#3b82c4"))
    n = min(limit, len(columns["id"]))
    for k in range(n):
        lo = columns["earliest"][k] / DAY
        hi = max(columns["latest"][k] / DAY, lo + 0.5)
        item = scene.addRect(QRectF(lo, (k % 40) * 12.0, hi - lo, 10.0))
        item.setBrush(brush)
    build_s = time.perf_counter() - start
    view = QGraphicsView(scene)
    view.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    rect = scene.itemsBoundingRect()
    times = []
    for k in range(24):
        span = rect.width() * (1.0 / rect.width()) ** (k / 23)
        centre = rect.left() + rect.width() * (0.15 + 0.7 * ((k * 0.61803) % 1.0))
        view.fitInView(QRectF(centre - span / 2, rect.top(), span, rect.height()))
        start = time.perf_counter()
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        times.append((time.perf_counter() - start) * 1000)
    memory = rss_mb() - before
    return {"events": n, "build_s": build_s, "frame_ms_p50": statistics.median(times), "frame_ms_p95": p95(times),
            "memory_mb": memory}


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the timeline widget.")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    path = generate.cached_workspace(args.events)
    result = bench_timeline(path)
    baseline_path = generate.cached_workspace(min(args.events, 100_000))
    baseline = bench_naive_scene(baseline_path, 100_000)
    if args.json:  # one flat object: the timeline's figures, then the baseline's with a prefix
        figures = dict(result)
        figures.update({f"baseline_{key}": value for key, value in baseline.items()})
        print(json.dumps(figures, indent=1))
        return 0
    print(f"\nTimeline, {result['events']:,} events, {WIDTH}x{HEIGHT}, {result['positions']} positions "
          f"(30 years .. 1 day)")
    print(f"  load data                    {result['load_s'] * 1000:>8.0f} ms   (target < 1000)")
    print(f"  switch to lanes by actor     {result['lanes_by_actor_s'] * 1000:>8.0f} ms")
    print(f"  frame p50 / p95, no lanes    {result['frame_ms_p50_no_lanes']:>8.1f} / "
          f"{result['frame_ms_p95_no_lanes']:.1f} ms")
    print(f"  frame p50 / p95, actor lanes {result['frame_ms_p50_actor_lanes']:>8.1f} / "
          f"{result['frame_ms_p95_actor_lanes']:.1f} ms")
    print(f"  frame p50 / p95, all         {result['frame_ms_p50']:>8.1f} / {result['frame_ms_p95']:.1f} ms   "
          f"(target 16 / 33)")
    print(f"  memory added                 {result['memory_mb']:>8.0f} MB   (target < 200)")
    print(f"\nBaseline: QGraphicsScene, one item per event, {baseline['events']:,} events")
    print(f"  build scene                  {baseline['build_s'] * 1000:>8.0f} ms")
    print(f"  frame p50 / p95              {baseline['frame_ms_p50']:>8.1f} / {baseline['frame_ms_p95']:.1f} ms")
    print(f"  memory added                 {baseline['memory_mb']:>8.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
