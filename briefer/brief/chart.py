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

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional, Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..core.style import LANE_COLOURS  # the palette the window's timeline draws with too
from ..core.when import MONTH_ABBR, from_timestamp, to_timestamp
from .text import FONT, FONT_BOLD, esc, has_rtl, para, register_fonts

__all__ = ["ChartItem", "ChartPeriod", "TimelineChart", "LANE_COLOURS", "axis_ticks", "chart_span"]

HEADER_W = 92.0
AXIS_H = 16.0
ROW_H = 11.0
LANE_PAD = 3.0
LEGEND_H = 14.0
LABEL_SIZE = 6.0
COUNT_SIZE = 5.6
POINT_R = 2.6
HIST_H = 22.0  # a histogram band
HIST_AFTER = 60  # a lane with more events than this is drawn as a histogram
_NEW_ROWS = 3  # rows for the new events labelled above a histogram
_MIN_CAP = 2  # a shrinking chart keeps at least this many rows in a crowded lane
PERIOD_H = 10.0  # the strip under the axis that names the periods (eras) in view
PERIOD_SIZE = 6.0


@dataclass(frozen=True)
class ChartPeriod:
    """A period (era) as the chart draws it: from `lo_ts` up to `hi_ts`, in `colour` (#rrggbb)."""

    lo_ts: int
    hi_ts: int
    name: str
    colour: str


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
    labelled: bool = True
    label_left: bool = False  # no room for the label at the plot's right: it goes left of the glyph


@dataclass
class _Lane:
    """One lane as laid out: labelled glyphs in rows, or a histogram band (with the new
    events labelled in rows above it when they all fit)."""

    glyphs: list[_Glyph]
    rows: int
    count: int  # distinct events in the lane
    histogram: Optional[list[int]] = None  # events per bin; None: every event is a glyph
    long_running: int = 0  # events longer than a bin: in the lane's count, not in its bars

    @property
    def height(self) -> float:
        return self.rows * ROW_H + (HIST_H if self.histogram is not None else 0.0) + 2 * LANE_PAD


def _bin_edges(lo: int, hi: int, plot_w: float) -> tuple[list[int], str]:
    """Bin edges (seconds) of the chart's histograms and the unit's name: the finest of
    day, week, month, quarter, year whose bars are at least 2.5 pt wide."""
    span = max(hi - lo, 1)
    start = from_timestamp(lo).replace(hour=0, minute=0, second=0, microsecond=0)
    for unit, days in (("day", 1), ("week", 7)):
        if plot_w * days * _DAY / span >= 2.5:
            first = start - timedelta(days=start.weekday()) if days == 7 else start
            edges = []
            moment = first
            while to_timestamp(moment) <= hi:
                edges.append(to_timestamp(moment))
                moment += timedelta(days=days)
            return edges + [to_timestamp(moment)], unit
    for unit, months in (("month", 1), ("quarter", 3), ("year", 12), ("decade", 120)):
        if plot_w * months * 30.44 * _DAY / span >= 2.5 or unit == "decade":
            moment = datetime(start.year - (start.year % 10 if unit == "decade" else 0),
                              1 if months >= 12 else start.month - (start.month - 1) % months, 1)
            edges = []
            while to_timestamp(moment) <= hi and moment.year < 9999 - months // 12:
                edges.append(to_timestamp(moment))
                moment = _add_months(moment, months)
            return edges + [to_timestamp(moment)], unit
    return [lo, hi], "period"


class TimelineChart(Flowable):
    """A flowable that draws the timeline of a brief across the frame's width.

    A lane holds each of its events as a labelled glyph, in as many rows as the labels
    need.  A lane with more than `HIST_AFTER` events, or one whose labels would collide
    within the rows it may have, is drawn as a histogram of events per day (week,
    month...) with counts, and only its new events (dated in the brief's window) keep
    labelled glyphs, if they all fit.  No glyph is ever drawn over a label."""

    def __init__(self, items: Sequence[ChartItem], lanes: Sequence[str], lo_ts: int, hi_ts: int,
                 width: float, max_rows: int = 32, caption: str = "",
                 highlight: Optional[tuple[int, int]] = None, shrink: bool = False,
                 periods: Sequence[ChartPeriod] = ()) -> None:
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
        # the workspace's periods (eras) in view: shaded bands, named in a strip under the axis
        self.periods = [p for p in periods if p.hi_ts > lo_ts and p.lo_ts < hi_ts]
        self.period_h = PERIOD_H if self.periods else 0.0
        self.edges, self.unit = _bin_edges(lo_ts, hi_ts, width - HEADER_W - 6)
        self.boxes: list[tuple[str, int, float, float, float, float]] = []  # what was drawn, for tests
        # (item, glyph x0, x1, left and right end of glyph and label)
        self._lane_items: list[list[tuple[ChartItem, float, float, float, float]]] = [[] for _ in self.lane_names]
        for item in sorted(self.items, key=lambda i: (i.earliest_ts, i.latest_ts, i.number)):
            if item.latest_ts < self.lo or item.earliest_ts > self.hi:
                continue
            entry = (item, *self._extent(item))
            for lane in item.lanes:
                self._lane_items[lane].append(entry)
        # rows go to the lanes that need them, within a budget that keeps the chart on a page
        need = sorted(self._rows_needed(lane) for lane in range(len(self.lane_names)))
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

    def _extent(self, item: ChartItem) -> tuple[float, float, float, float]:
        """(x0, x1, left and right end of glyph and label) of an item."""
        if item.is_point:
            centre = self._x((item.earliest_ts + item.latest_ts) // 2)
            x0, x1 = centre - POINT_R, centre + POINT_R
        else:
            x0, x1 = self._x(item.earliest_ts), self._x(item.latest_ts)
            x1 = max(x1, x0 + 2 * POINT_R)
        label_w = stringWidth(glyph_label(item), FONT, LABEL_SIZE) + 3
        if not item.is_point and x1 - x0 >= label_w + 8:  # a bar carries its label inside when wide enough
            return x0, x1, x0, x1
        if x1 + label_w <= self.width - 6:  # else beside it, on the right...
            return x0, x1, x0, x1 + label_w
        return x0, x1, x0 - label_w, x1  # ...or on the left, at the plot's right end

    def _place(self, entries: Sequence[tuple[ChartItem, float, float, float, float]],
               cap: Optional[int]) -> Optional[tuple[list[_Glyph], int]]:
        """Labelled glyphs in rows where no label meets a glyph; None when `cap` rows are not enough."""
        ends: list[float] = []
        glyphs = []
        for item, x0, x1, left, right in entries:
            row = next((r for r, end in enumerate(ends) if end + 2 <= left), None)
            if row is None:
                if cap is not None and len(ends) >= cap:
                    return None
                row = len(ends)
                ends.append(0.0)
            ends[row] = right
            glyphs.append(_Glyph(item, x0, x1, row, item.earliest_ts < self.lo or item.open_start,
                                 item.latest_ts > self.hi or item.open_end, label_left=left < x0))
        return glyphs, len(ends)

    def _rows_needed(self, lane: int) -> int:
        entries = self._lane_items[lane]
        if len(entries) > HIST_AFTER:
            return 1 + _NEW_ROWS
        placed = self._place(entries, None)
        return placed[1] if placed else 1

    def _histogram(self, entries: Sequence[tuple[ChartItem, float, float, float, float]]) -> tuple[list[int], int]:
        counts = [0] * (len(self.edges) - 1)
        long_running = 0
        for item, *_ in entries:
            mid = (item.earliest_ts + item.latest_ts) // 2
            i = bisect_right(self.edges, mid) - 1
            if item.open_start or item.open_end or not 0 <= i < len(counts) or \
                    item.latest_ts - item.earliest_ts >= self.edges[i + 1] - self.edges[i]:
                long_running += 1
            else:
                counts[i] += 1
        return counts, long_running

    def _layout(self, cap: int) -> None:
        lanes = []
        for entries in self._lane_items:
            count = len({item.number for item, *_ in entries})
            placed = self._place(entries, cap) if len(entries) <= HIST_AFTER else None
            if placed is not None:
                lanes.append(_Lane(placed[0], max(1, placed[1]), count))
                continue
            counts, long_running = self._histogram(entries)
            new = [e for e in entries if e[0].new]
            shown = (self._place(new, min(cap, _NEW_ROWS)) if new else None) or ([], 0)
            lanes.append(_Lane(shown[0], shown[1], count, counts, long_running))
        self.lanes = lanes
        self.legend_rows = 1 if self._legend_width() <= self.width - HEADER_W else 2
        self.height = AXIS_H + self.period_h + sum(lane.height for lane in lanes) + LEGEND_H * self.legend_rows + 4

    @property
    def glyphs(self) -> list[list[_Glyph]]:
        return [lane.glyphs for lane in self.lanes]

    @property
    def rows(self) -> list[int]:
        return [lane.rows for lane in self.lanes]

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
        self.boxes = []
        self._rtl_names: list[tuple[float, float, float, str]] = []
        top = self.height - AXIS_H
        plot_right = self.width - 6
        grid = colors.HexColor("#d9dde3")
        ink = colors.HexColor("#333333")
        ticks = axis_ticks(self.lo, self.hi, max(2, int((plot_right - HEADER_W) / 55)))
        bottom = LEGEND_H * self.legend_rows + 4
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
        self._periods(d, bottom, top)
        y = top - self.period_h
        for index, lane in enumerate(self.lanes):
            if index % 2 == 0:
                d.add(Rect(0, y - lane.height, plot_right, lane.height, fillColor=colors.HexColor("#5b6470"),
                           fillOpacity=0.07, strokeColor=None))
            colour = colors.HexColor(LANE_COLOURS[index % len(LANE_COLOURS)])
            group = Group()
            for g in lane.glyphs:
                cy = y - LANE_PAD - g.row * ROW_H - ROW_H / 2
                self._glyph(group, g, cy, colour)
            if lane.histogram is not None:
                self._bars(group, lane.histogram, y - LANE_PAD - lane.rows * ROW_H - HIST_H, colour)
            d.add(group)
            y -= lane.height
        d.add(Line(HEADER_W, y, plot_right, y, strokeColor=grid, strokeWidth=0.4))
        self._legend(d, 2 + LEGEND_H * (self.legend_rows - 1))
        return d

    def _periods(self, d: Drawing, bottom: float, top: float) -> None:
        """Each period as a faint band behind the lanes, its span marked under the axis and its
        name in the strip there (elided to the band; left out where even three letters do
        not fit), as the window's timeline shows them."""
        for k, period in enumerate(self.periods):
            x0, x1 = self._x(period.lo_ts), self._x(period.hi_ts)
            width = max(x1 - x0, 0.8)
            colour = colors.HexColor(period.colour)
            d.add(Rect(x0, bottom, width, top - bottom, fillColor=colour, fillOpacity=0.10, strokeColor=None))
            d.add(Rect(x0, top - 2.2, width, 2.2, fillColor=colour, fillOpacity=0.7, strokeColor=None))
            label = _elide(period.name, width - 4, FONT, PERIOD_SIZE)
            if len(label.rstrip("…")) < 3:
                continue
            y = top - self.period_h + 2.2
            if has_rtl(label):  # shaped and in bidi order: a paragraph, drawn over the shapes (see `draw`)
                self._rtl_names.append((x0 + 2, y, width - 4, label))
            else:
                d.add(String(x0 + 2, y, label, fontName=FONT, fontSize=PERIOD_SIZE,
                             fillColor=colors.HexColor("#333333")))
            self.boxes.append(("period", k, x0 + 2, y - 1.2, x0 + 2 + stringWidth(label, FONT, PERIOD_SIZE),
                               y + PERIOD_SIZE * 0.75))

    def _bars(self, group: Group, counts: Sequence[int], base: float, colour: colors.Color) -> None:
        """A histogram band from `base` up HIST_H: bars below, counts above them where they fit."""
        peak = max(counts) if counts else 0
        if not peak:
            return
        room = HIST_H - COUNT_SIZE - 3
        dark = colors.Color(colour.red * 0.7, colour.green * 0.7, colour.blue * 0.7)
        labels: list[tuple[float, float]] = []
        order = sorted(range(len(counts)), key=lambda i: -counts[i])
        for i in order:
            if not counts[i]:
                break
            x0, x1 = self._x(self.edges[i]), self._x(self.edges[i + 1])
            h = max(1.0, room * counts[i] / peak)
            group.add(Rect(x0 + 0.3, base + 1, max(x1 - x0 - 0.6, 0.6), h, fillColor=colour, fillOpacity=0.55,
                           strokeColor=dark, strokeWidth=0.3))
            self.boxes.append(("bar", i, x0 + 0.3, base + 1, x1 - 0.3, base + 1 + h))
            text = str(counts[i])
            w = stringWidth(text, FONT, COUNT_SIZE)
            cx = (x0 + x1) / 2
            span = (max(cx - w / 2, HEADER_W), max(cx - w / 2, HEADER_W) + w)
            if all(span[1] + 1 < a or span[0] - 1 > b for a, b in labels):  # the tallest first, never two on one another
                labels.append(span)
                y = base + HIST_H - COUNT_SIZE
                group.add(String(span[0], y, text, fontName=FONT, fontSize=COUNT_SIZE,
                                 fillColor=colors.HexColor("#333333")))
                self.boxes.append(("count", i, span[0], y - 1.2, span[1], y + COUNT_SIZE * 0.75))
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
            width = g.x1 - g.x0
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
        if item.number:  # (not a legend sample)
            self.boxes.append(("glyph", item.number, g.x0, cy - 3.0 if not item.is_point else cy - POINT_R, g.x1,
                               cy + 3.0 if not item.is_point else cy + POINT_R))
        if g.label_left:
            label_x = g.x0 - 1.5 - stringWidth(glyph_label(item), FONT, LABEL_SIZE)
        if g.labelled:
            text = glyph_label(item)
            group.add(String(label_x, cy - LABEL_SIZE * 0.35, text, fontName=FONT,
                             fontSize=LABEL_SIZE, fillColor=colors.HexColor("#222222")))
            if item.number:
                self.boxes.append(("label", item.number, label_x, cy - LABEL_SIZE * 0.55,
                                   label_x + stringWidth(text, FONT, LABEL_SIZE), cy + LABEL_SIZE * 0.45))

    def _legend_entries(self) -> list[tuple[str, Optional[ChartItem]]]:
        entries: list[tuple[str, Optional[ChartItem]]] = [
            ("day", ChartItem(0, 0, 0, True, False, False, False, False, ())),
            ("month, year, span", ChartItem(0, 0, 0, False, False, False, False, False, ())),
            ("~ approximate", ChartItem(0, 0, 0, False, False, True, False, False, ())),
            ("? uncertain", ChartItem(0, 0, 0, False, True, False, False, False, ())),
            ("open or cut end", ChartItem(0, 0, 0, False, False, False, False, True, ())),
        ]
        if any(lane.histogram is not None for lane in getattr(self, "lanes", ())):
            labelled = any(lane.glyphs for lane in self.lanes if lane.histogram is not None)
            entries.append((f"events per {self.unit}, with counts" + ("; new events labelled" if labelled else ""),
                            None))
        return entries

    def _legend_width(self) -> float:
        return sum((2 * POINT_R if item is not None and item.is_point else 16.0) + 13 + stringWidth(label, FONT, 6.3)
                   for label, item in self._legend_entries())

    def _legend(self, d: Drawing, y: float) -> None:
        colour = colors.HexColor(LANE_COLOURS[0])
        x = HEADER_W
        group = Group()
        cy = y + 5
        for label, item in self._legend_entries():
            w = 2 * POINT_R if item is not None and item.is_point else 16.0
            if x + w + 3 + stringWidth(label, FONT, 6.3) > self.width and x > HEADER_W:  # the second row
                x, cy = HEADER_W, cy - LEGEND_H
            if item is None:  # a histogram sample: three bars
                for k, h in enumerate((3.0, 7.0, 5.0)):
                    group.add(Rect(x + k * 5.3, cy - 3.5, 4.7, h, fillColor=colour, fillOpacity=0.55,
                                   strokeColor=None))
            else:
                self._glyph(group, _Glyph(item, x, x + w, 0, False, item.open_end, False), cy, colour)
            group.add(String(x + w + 3, cy - 2.2, label, fontName=FONT, fontSize=6.3,
                             fillColor=colors.HexColor("#444444")))
            x += w + 3 + stringWidth(label, FONT, 6.3) + 10
        d.add(group)

    def draw(self) -> None:
        canvas = self.canv
        renderPDF.draw(self.drawing(), canvas, 0, 0)
        name_style = ParagraphStyle("period", fontName=FONT, fontSize=PERIOD_SIZE, leading=PERIOD_SIZE + 1,
                                    textColor=colors.HexColor("#333333"))
        for x, y, width, label in self._rtl_names:  # read from the right: set at the band's right end
            p = para(esc(label), name_style)
            p.wrap(width, PERIOD_H)
            p.drawOn(canvas, x, y - 1.5)
        style = ParagraphStyle("lane", fontName=FONT_BOLD, fontSize=6.8, leading=8, textColor=colors.HexColor("#222222"))
        count_style = ParagraphStyle("lane-count", parent=style, fontName=FONT, textColor=colors.HexColor("#666666"))
        y = self.height - AXIS_H - self.period_h
        for index, lane in enumerate(self.lanes):
            lane_h = lane.height
            name = self.lane_names[index]
            p = para(esc(name), style)
            _, h = p.wrap(HEADER_W - 26, lane_h)
            long_word = any(stringWidth(w, style.fontName, style.fontSize) > HEADER_W - 26 for w in name.split())
            if h > lane_h or long_word:  # too long for the lane, or a word would be cut in two: one line, elided
                p = para(esc(_elide(name, HEADER_W - 26, style.fontName, style.fontSize)), style)
                _, h = p.wrap(HEADER_W - 26, lane_h)
            p.drawOn(canvas, 3, y - LANE_PAD - min(h, lane_h - LANE_PAD))
            count = str(lane.count)
            c = para(count, count_style)
            c.wrap(40, ROW_H)
            c.drawOn(canvas, HEADER_W - 4 - stringWidth(count, FONT, 6.8), y - LANE_PAD - 8)
            if lane.long_running:  # in the lane's count, drawn in no bar
                canvas.saveState()
                canvas.setFont(FONT, 5.6)
                canvas.setFillColor(colors.HexColor("#666666"))
                canvas.drawRightString(HEADER_W - 4, y - LANE_PAD - 16, f"{lane.long_running} longer")
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

