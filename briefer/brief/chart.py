"""The brief's timeline chart: vector shapes (reportlab.graphics) on paper.

It draws with the app's timeline conventions so that a reader of both sees the same
thing: a dot for a day (or a time of day), a bar across the bounds for a month, a
year or an interval; faded fill for approximate (~) and a dashed edge for uncertain
(?) dates; an arrow where an open interval runs off ("since 2014") and a small one
where a bar is cut by the edge of the period.  One lane per actor (an event with
three actors sits in three lanes); events that overlap in a lane stack into rows.
Each glyph carries the event's number in the brief (E1, E2...), not its title:
the list below the chart has the titles.

Lane names are drawn as paragraphs, not `String`s, because a name may be Arabic and
only paragraphs are shaped and bidi-ordered (see `text.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional, Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..core.when import MONTH_ABBR, from_timestamp, to_timestamp
from .text import FONT, FONT_BOLD, esc, para, register_fonts

__all__ = ["ChartItem", "TimelineChart", "LANE_COLOURS", "axis_ticks", "chart_span"]

# the app's timeline palette (briefer/ui/timeline/view.py), repeated here: no Qt in briefer.brief
LANE_COLOURS = ["#3b82c4", "#e07b39", "#3a9e5c", "#c2463f", "#8a63b8", "#8c6d3f", "#d160a6", "#6f7b87",
                "#b5a31f", "#2aa5b8"]

HEADER_W = 92.0
AXIS_H = 16.0
ROW_H = 11.0
LANE_PAD = 3.0
LEGEND_H = 14.0
LABEL_SIZE = 6.0
POINT_R = 2.6
_MIN_CAP = 2  # a shrinking chart keeps at least this many rows in a crowded lane


@dataclass(frozen=True)
class ChartItem:
    """One event as the chart sees it; `lanes` are indices into the lane names."""

    number: int
    earliest_ts: int
    latest_ts: int
    is_point: bool
    uncertain: bool
    approximate: bool
    open_start: bool
    open_end: bool
    lanes: tuple[int, ...]
    new: bool = False  # dated in the brief's window: labelled even where its lane is a histogram


def glyph_label(item: ChartItem) -> str:
    """An event's label on the chart: its number, marked "?" when its date is uncertain
    and "~" when approximate, as the app's timeline marks its labels."""
    marks = ("?" if item.uncertain else "") + ("~" if item.approximate else "")
    return f"{marks} E{item.number}" if marks else f"E{item.number}"


# -- axis ---------------------------------------------------------------------------------
_HOUR, _DAY = 3600, 86400


def _add_months(moment: datetime, months: int) -> datetime:
    total = moment.year * 12 + moment.month - 1 + months
    return datetime(total // 12, total % 12 + 1, 1)


def axis_ticks(lo: int, hi: int, max_ticks: int) -> list[tuple[int, str]]:
    """Round tick positions (seconds) with labels: the finest unit giving at most
    `max_ticks` ticks, from hours to centuries."""
    span = max(hi - lo, 1)
    start = from_timestamp(lo)
    for hours in (1, 2, 3, 6, 12):
        if span / (hours * _HOUR) <= max_ticks:
            first = start.replace(minute=0, second=0, microsecond=0)
            first += timedelta(hours=(-first.hour) % hours)
            ticks = []
            moment = first
            while to_timestamp(moment) <= hi:
                label = f"{moment:%H:%M}" if moment.hour else f"{moment.day} {MONTH_ABBR[moment.month - 1]}"
                ticks.append((to_timestamp(moment), label))
                moment += timedelta(hours=hours)
            return ticks
    for days in (1, 2, 7, 14):
        if span / (days * _DAY) <= max_ticks:
            moment = start.replace(hour=0, minute=0, second=0, microsecond=0)
            if moment < start:
                moment += timedelta(days=1)
            if days == 7:
                moment += timedelta(days=(-moment.weekday()) % 7)  # Mondays
            ticks = []
            while to_timestamp(moment) <= hi:
                ticks.append((to_timestamp(moment), f"{moment.day} {MONTH_ABBR[moment.month - 1]}"))
                moment += timedelta(days=days)
            return ticks
    for months in (1, 2, 3, 6):
        if span / (months * 30.44 * _DAY) <= max_ticks:
            moment = datetime(start.year, start.month, 1)
            if moment < start:
                moment = _add_months(moment, 1)
            moment = _add_months(moment, (-(moment.month - 1)) % months)
            ticks = []
            while to_timestamp(moment) <= hi:
                label = str(moment.year) if moment.month == 1 else MONTH_ABBR[moment.month - 1]
                ticks.append((to_timestamp(moment), label))
                moment = _add_months(moment, months)
            return ticks
    for years in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if span / (years * 365.25 * _DAY) <= max_ticks:
            year = start.year + (0 if (start.month, start.day, start.hour) == (1, 1, 0) else 1)
            year += (-year) % years
            ticks = []
            while year <= 9999 and to_timestamp(datetime(year, 1, 1)) <= hi:
                ticks.append((to_timestamp(datetime(year, 1, 1)), str(year)))
                year += years
            return ticks
    return []


# -- layout -------------------------------------------------------------------------------
@dataclass
class _Glyph:
    item: ChartItem
    x0: float
    x1: float
    row: int
    clipped_left: bool
    clipped_right: bool
    labelled: bool


class TimelineChart(Flowable):
    """A flowable that draws the timeline of a brief across the frame's width."""

    def __init__(self, items: Sequence[ChartItem], lanes: Sequence[str], lo_ts: int, hi_ts: int,
                 width: float, max_rows: int = 32, caption: str = "",
                 highlight: Optional[tuple[int, int]] = None, shrink: bool = False) -> None:
        super().__init__()
        register_fonts()
        if hi_ts <= lo_ts:
            hi_ts = lo_ts + _DAY
        self.items = list(items)
        self.lane_names = list(lanes)
        self.lo, self.hi = lo_ts, hi_ts
        self.width = width
        self.caption = caption
        self.highlight = highlight  # the period the brief covers, shaded when narrower than the chart
        # rows go to the lanes that need them, within a budget that keeps the chart on a page
        self._layout(None)
        need = sorted(self.rows)
        cap = max(need) if need else 1
        while cap > 1 and sum(min(n, cap) for n in need) > max_rows:
            cap -= 1
        self.full_cap = cap
        self.shrink = shrink  # may give up rows (labels) to fit the space left on the page
        self._layout(cap)

    # x position of a moment, clamped to the plot
    def _x(self, ts: int) -> float:
        plot_w = self.width - HEADER_W - 6
        frac = (ts - self.lo) / (self.hi - self.lo)
        return HEADER_W + max(0.0, min(1.0, frac)) * plot_w

    def _layout(self, cap: Optional[int]) -> None:
        per_lane: list[list[_Glyph]] = [[] for _ in self.lane_names]
        ends: list[list[float]] = [[] for _ in self.lane_names]
        for item in sorted(self.items, key=lambda i: (i.earliest_ts, i.latest_ts, i.number)):
            if item.latest_ts < self.lo or item.earliest_ts > self.hi:
                continue
            if item.is_point:
                centre = self._x((item.earliest_ts + item.latest_ts) // 2)
                x0, x1 = centre - POINT_R, centre + POINT_R
            else:
                x0, x1 = self._x(item.earliest_ts), self._x(item.latest_ts)
                x1 = max(x1, x0 + 2 * POINT_R)
            label_w = stringWidth(glyph_label(item), FONT, LABEL_SIZE) + 3
            # a bar carries its label inside when it is wide enough, a point beside it
            extent = x1 + label_w if (item.is_point or x1 - x0 < label_w + 8) else x1
            for lane in item.lanes:
                row_ends = ends[lane]
                row = next((r for r, end in enumerate(row_ends) if end + 2 <= x0), None)
                labelled = True
                if row is None:
                    if cap is None or len(row_ends) < cap:
                        row = len(row_ends)
                        row_ends.append(0.0)
                    else:  # lane is full: overlap in the least crowded row, unlabelled
                        row = min(range(len(row_ends)), key=row_ends.__getitem__)
                        labelled = False
                row_ends[row] = max(row_ends[row], extent if labelled else x1)
                per_lane[lane].append(_Glyph(item, x0, x1, row, item.earliest_ts < self.lo or item.open_start,
                                             item.latest_ts > self.hi or item.open_end, labelled))
        self.glyphs = per_lane
        self.rows = [max(1, len(e)) for e in ends]
        lanes_h = sum(r * ROW_H + 2 * LANE_PAD for r in self.rows)
        self.height = AXIS_H + lanes_h + LEGEND_H + 4

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.shrink:
            cap = self.full_cap
            self._layout(cap)
            while self.height > availHeight and cap > _MIN_CAP:
                cap -= 1
                self._layout(cap)
            if self.height > availHeight:  # not even so: whole, on the next page
                self._layout(self.full_cap)
        return self.width, self.height

    # -- drawing ------------------------------------------------------------------------
    def drawing(self) -> Drawing:
        """Every shape but the lane names, as a reportlab Drawing (y grows upwards)."""
        d = Drawing(self.width, self.height)
        top = self.height - AXIS_H
        plot_right = self.width - 6
        grid = colors.HexColor("#d9dde3")
        ink = colors.HexColor("#333333")
        ticks = axis_ticks(self.lo, self.hi, max(2, int((plot_right - HEADER_W) / 55)))
        bottom = LEGEND_H + 4
        if self.highlight is not None:
            x0, x1 = self._x(self.highlight[0]), self._x(self.highlight[1])
            if x1 - x0 < plot_right - HEADER_W - 1:
                d.add(Rect(x0, bottom, max(x1 - x0, 1.0), top - bottom, fillColor=colors.HexColor("#fff1b8"),
                           strokeColor=colors.HexColor("#e0b400"), strokeWidth=0.4))
        for ts, label in ticks:
            x = self._x(ts)
            d.add(Line(x, bottom, x, top, strokeColor=grid, strokeWidth=0.4))
            d.add(String(x + 1.5, top + 4, label, fontName=FONT, fontSize=6.5, fillColor=ink))
        d.add(Line(HEADER_W, top, plot_right, top, strokeColor=ink, strokeWidth=0.6))
        y = top
        for lane, rows in enumerate(self.rows):
            lane_h = rows * ROW_H + 2 * LANE_PAD
            if lane % 2 == 0:
                d.add(Rect(0, y - lane_h, plot_right, lane_h, fillColor=colors.HexColor("#5b6470"),
                           fillOpacity=0.07, strokeColor=None))
            colour = colors.HexColor(LANE_COLOURS[lane % len(LANE_COLOURS)])
            group = Group()
            for g in self.glyphs[lane]:
                cy = y - LANE_PAD - g.row * ROW_H - ROW_H / 2
                self._glyph(group, g, cy, colour)
            d.add(group)
            y -= lane_h
        d.add(Line(HEADER_W, y, plot_right, y, strokeColor=grid, strokeWidth=0.4))
        self._legend(d, 2)
        return d

    def _glyph(self, group: Group, g: _Glyph, cy: float, colour: colors.Color) -> None:
        item = g.item
        dark = colors.Color(colour.red * 0.7, colour.green * 0.7, colour.blue * 0.7)
        # the app's pens: dashed edge when uncertain (?), dotted when approximate (~)
        dash = [1.6, 1.2] if item.uncertain else ([0.5, 0.9] if item.approximate else None)
        if item.is_point:
            cx = (g.x0 + g.x1) / 2
            # the app's fill: fainter when uncertain than when approximate
            opacity = 0.35 if item.uncertain else (0.59 if item.approximate else 1.0)
            group.add(Circle(cx, cy, POINT_R, fillColor=colour, fillOpacity=opacity,
                             strokeColor=dark, strokeWidth=0.7, strokeDashArray=dash))
            label_x = g.x1 + 1.5
        else:
            h = 6.0
            width = g.x1 - g.x0
            if item.approximate:  # the ends fade out: three bands of rising opacity
                band = min(width * 0.2, 10.0)
                for k, opacity in enumerate((0.12, 0.22)):
                    inset = band * k / 2
                    group.add(Rect(g.x0 + inset, cy - h / 2, width - 2 * inset, h, rx=1.5, ry=1.5,
                                   fillColor=colour, fillOpacity=opacity, strokeColor=None))
                group.add(Rect(g.x0 + band, cy - h / 2, max(width - 2 * band, 0.5), h, fillColor=colour,
                               fillOpacity=0.3, strokeColor=None))
                if item.uncertain:
                    group.add(Rect(g.x0, cy - h / 2, width, h, rx=1.5, ry=1.5, fillColor=None,
                                   strokeColor=dark, strokeWidth=0.6, strokeDashArray=dash))
                else:  # a dotted edge that fades out with the ends
                    for y in (cy - h / 2, cy + h / 2):
                        group.add(Line(g.x0 + band, y, g.x1 - band, y, strokeColor=dark, strokeWidth=0.6,
                                       strokeDashArray=dash))
            else:
                group.add(Rect(g.x0, cy - h / 2, width, h, rx=1.5, ry=1.5, fillColor=colour,
                               fillOpacity=0.24 if item.uncertain else 0.41, strokeColor=dark, strokeWidth=0.6,
                               strokeDashArray=dash))
            for at_start, clipped, open_ in ((True, g.clipped_left, item.open_start),
                                            (False, g.clipped_right, item.open_end)):
                if clipped:
                    size = 3.2 if open_ else 2.2
                    tip = g.x0 + 0.5 if at_start else g.x1 - 0.5
                    back = tip + size if at_start else tip - size
                    group.add(Polygon([tip, cy, back, cy + size, back, cy - size], fillColor=dark, strokeColor=None))
            label_x = g.x0 + 4 if width >= stringWidth(glyph_label(item), FONT, LABEL_SIZE) + 8 else g.x1 + 1.5
        if g.labelled:
            group.add(String(label_x, cy - LABEL_SIZE * 0.35, glyph_label(item), fontName=FONT,
                             fontSize=LABEL_SIZE, fillColor=colors.HexColor("#222222")))

    def _legend(self, d: Drawing, y: float) -> None:
        colour = colors.HexColor(LANE_COLOURS[0])
        x = HEADER_W
        samples = [
            ("day", ChartItem(0, 0, 0, True, False, False, False, False, ())),
            ("month, year, span", ChartItem(0, 0, 0, False, False, False, False, False, ())),
            ("~ approximate", ChartItem(0, 0, 0, False, False, True, False, False, ())),
            ("? uncertain", ChartItem(0, 0, 0, False, True, False, False, False, ())),
            ("open or cut end", ChartItem(0, 0, 0, False, False, False, False, True, ())),
        ]
        group = Group()
        cy = y + 5
        for label, item in samples:
            w = 2 * POINT_R if item.is_point else 16.0
            self._glyph(group, _Glyph(item, x, x + w, 0, False, item.open_end, False), cy, colour)
            group.add(String(x + w + 3, cy - 2.2, label, fontName=FONT, fontSize=6.3,
                             fillColor=colors.HexColor("#444444")))
            x += w + 3 + stringWidth(label, FONT, 6.3) + 10
        if any(not g.labelled for lane in self.glyphs for g in lane):
            group.add(String(x, cy - 2.2, "+N", fontName=FONT, fontSize=6.3, fillColor=colors.HexColor("#8a5a00")))
            x += stringWidth("+N", FONT, 6.3) + 3
            group.add(String(x, cy - 2.2, "unlabelled", fontName=FONT,
                             fontSize=6.3, fillColor=colors.HexColor("#444444")))
        d.add(group)

    def draw(self) -> None:
        canvas = self.canv
        renderPDF.draw(self.drawing(), canvas, 0, 0)
        style = ParagraphStyle("lane", fontName=FONT_BOLD, fontSize=6.8, leading=8, textColor=colors.HexColor("#222222"))
        count_style = ParagraphStyle("lane-count", parent=style, fontName=FONT, textColor=colors.HexColor("#666666"))
        y = self.height - AXIS_H
        for lane, rows in enumerate(self.rows):
            lane_h = rows * ROW_H + 2 * LANE_PAD
            name = self.lane_names[lane]
            count = len({g.item.number for g in self.glyphs[lane]})
            p = para(esc(name), style)
            _, h = p.wrap(HEADER_W - 26, lane_h)
            long_word = any(stringWidth(w, style.fontName, style.fontSize) > HEADER_W - 26 for w in name.split())
            if h > lane_h or long_word:  # too long for the lane, or a word would be cut in two: one line, elided
                p = para(esc(_elide(name, HEADER_W - 26, style.fontName, style.fontSize)), style)
                _, h = p.wrap(HEADER_W - 26, lane_h)
            p.drawOn(canvas, 3, y - LANE_PAD - min(h, lane_h - LANE_PAD))
            c = para(str(count), count_style)
            c.wrap(22, ROW_H)
            c.drawOn(canvas, HEADER_W - 4 - stringWidth(str(count), FONT, 6.8), y - LANE_PAD - 8)
            # events drawn over others, without a label, when the lane ran out of rows: say how many
            hidden = len({g.item.number for g in self.glyphs[lane] if not g.labelled})
            if hidden:
                canvas.saveState()
                canvas.setFont(FONT, 5.6)
                canvas.setFillColor(colors.HexColor("#8a5a00"))
                canvas.drawRightString(HEADER_W - 4, y - LANE_PAD - 16, f"+{hidden}")
                canvas.restoreState()
            y -= lane_h
        if self.caption:
            canvas.saveState()
            canvas.setFont(FONT, 6.3)
            canvas.setFillColor(colors.HexColor("#444444"))
            canvas.drawString(3, self.height - AXIS_H + 4, self.caption)
            canvas.restoreState()


def _elide(text: str, width: float, font: str, size: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    cut = len(text)
    while cut > 1 and stringWidth(text[:cut] + "…", font, size) > width:
        cut -= 1
    return text[:cut].rstrip() + "…"


def chart_span(items: Sequence[ChartItem], lo: Optional[int] = None, hi: Optional[int] = None) -> tuple[int, int]:
    """The period to draw: the one asked for, else the known bounds of the events with a
    little margin (open ends do not stretch it to year 1 or 9999)."""
    if lo is not None and hi is not None:
        return lo, hi
    starts = [i.earliest_ts for i in items if not i.open_start]
    ends = [i.latest_ts for i in items if not i.open_end]
    known = starts + ends
    if not known:
        now = to_timestamp(datetime.now())
        return now - 365 * _DAY, now
    first = lo if lo is not None else min(known)
    last = hi if hi is not None else max(known)
    margin = max((last - first) // 40, _HOUR)
    return (first - margin if lo is None else first), (last + margin if hi is None else last)

