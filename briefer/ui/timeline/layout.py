"""Laying out a frame: which lanes are in view, and in each, glyphs packed in rows or a density strip."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

import numpy as np

from ...store import timeline as store_timeline
from ..desk_link import read_or
from .data import DAY_PRECISION, FLAG_INTERVAL, FLAG_OPEN_END, FLAG_OPEN_START, Lane, pack_rows
from .frame import (
    AXIS_H, COLLAPSED_H, DENSITY_H, GLYPH_LIMIT, HEAT_FROM, LABEL_GAP, LABEL_MAX, LANE_PAD, LONG_MIN_PX, LONG_SHARE,
    MAX_ROWS, POINT_R, ROW_H, STACK_ROWS, STRIP_STEP, WHOLE_LANE_PACK, Frame, Glyph, LanePacking, LaneLayout,
    label_text,
)


class LayoutMixin:
    """The layout half of `TimelineView` (it reads the view's data, range and fonts)."""

    def _measure(self, text: str) -> float:
        width = self._width_cache.get(text)
        if width is None:
            width = self._metrics.horizontalAdvance(text)
            if len(self._width_cache) > 50000:
                self._width_cache.clear()
            self._width_cache[text] = width
        return width

    def _fetch_details(self, ids: np.ndarray, events: np.ndarray) -> None:
        """Title, precision and flags of events about to be drawn as glyphs, read once."""
        if self.ws is None:
            return
        need = {int(i) for i in ids[self.data.precision[events] < 0]}
        need.update(i for i in ids.tolist() if i not in self._titles)
        if not need:
            return
        details = read_or(self.ws, lambda: store_timeline.glyph_details(self.ws, sorted(need)), {})
        if len(self._titles) > 100000:
            self._titles.clear()
        found = list(details)
        self._titles.update((row_id, title) for row_id, (title, _, _) in details.items())
        # the positions are at hand: no need for the id index (its first build costs 70 ms at 1M)
        position = dict(zip(ids.tolist(), events.tolist()))
        self.data.fill_details(np.array([position[i] for i in found], dtype=np.int64),
                               [details[i][1] for i in found], [details[i][2] for i in found])

    def frame(self, width: Optional[int] = None, height: Optional[int] = None) -> Frame:
        width = width or self.canvas.width()
        height = height or self.canvas.height()
        frame = self._frame
        if frame is None or (frame.width, frame.height, frame.t0, frame.t1) != (width, height, self.t0, self.t1):
            frame = self._layout(width, height, self.vbar.value())
            if width == self.canvas.width() and height == self.canvas.height():
                self._frame = frame
        return frame

    def _layout(self, width: int, height: int, v_offset: float, cache: bool = True, through: int = -1) -> Frame:
        """Lanes from the top down to the bottom of the view (and on to lane `through`)."""
        data = self.data
        t0, t1 = self.t0, self.t1
        scale = self.time_width(width) / (t1 - t0)
        y = AXIS_H - v_offset
        lanes: list[LaneLayout] = []
        # Lanes laid out for this zoom are kept, so scrolling up and down only moves them.
        # Lanes below the view are not laid out (their height is guessed until they are
        # scrolled to); lanes above it keep their real height, so nothing in view jumps.
        key = (width, t0, t1, self._generation)
        if not cache:
            self._lane_cache_key = ()
        if key != self._lane_cache_key:
            self._lane_cache, self._lane_cache_key = {}, key
        counts_array = data.counts_in(t0, t1)
        counts = counts_array.tolist()
        before, after = (a.tolist() for a in data.counts_outside(t0, t1))
        order = self.lane_order(counts_array)
        last = order.index(through) if through in order else -1
        for position, number in enumerate(order):
            lane = data.lanes[number]
            if y > height and position > last:  # the rest is below the view: not laid out, only their heights guessed
                y += self._heights_below(order[position:], counts_array)
                break
            layout = self._lane_cache.get(number)
            if layout is not None and layout.lane is lane and (layout.mode == "collapsed") == lane.collapsed:
                layout.move_to(y)
            elif lane.collapsed:  # a thin strip of its density still shows where its events are
                layout = self._density(lane, number, y, counts[number], width, scale)
                layout.mode, layout.height = "collapsed", COLLAPSED_H
            else:
                in_view = counts[number]
                # too many to draw, but most may be long spans covering the whole view:
                # they become one band, and the rest are drawn as glyphs
                spanning = data.spanning_count(lane, t0, t1) if in_view > GLYPH_LIMIT else 0
                if spanning and in_view - spanning <= GLYPH_LIMIT:
                    layout = self._glyphs(lane, number, y, in_view, width, scale, spanning)
                elif in_view > GLYPH_LIMIT:
                    layout = self._density(lane, number, y, in_view, width, scale)
                else:
                    layout = self._glyphs(lane, number, y, in_view, width, scale)
            layout.before, layout.after = before[number], after[number]
            layout.position = position
            self._lane_cache[number] = layout
            lanes.append(layout)
            y += layout.height
        return Frame(width, height, t0, t1, lanes, y + v_offset - AXIS_H)

    def relayout_lanes_of(self, positions: np.ndarray) -> Optional[tuple[float, float]]:
        """After events changed in place (a title, a precision, not their dates or lanes): lay
        out again only the lanes laid out so far that hold them, the rest of the frame kept.
        Returns the band of the canvas (top, bottom) to repaint, or None if nothing drawn
        changed; a lane that grew or shrank moves every lane below it, so the band then runs
        to the foot of the view."""
        wanted = set(positions.tolist())
        data = self.data
        for key in [k for k in self._packings if k[2] - k[1] <= WHOLE_LANE_PACK and
                    np.isin(data.item_event[k[1]:k[2]], positions).any()]:
            del self._packings[key]  # its labels' widths may have changed
        hit = []
        for number, layout in list(self._lane_cache.items()):
            if layout.mode != "glyphs":
                continue  # a density strip draws no title, precision or flag
            lane = layout.lane
            if any(g.index in wanted for g in layout.glyphs) or (
                    lane.size <= WHOLE_LANE_PACK and np.isin(data.item_event[lane.start:lane.stop], positions).any()):
                hit.append((number, layout.y, layout.height))
                del self._lane_cache[number]
        if not hit:
            return None
        self._frame = None
        frame = self.frame()
        now = {lane.number: lane for lane in frame.lanes}
        top = min(y for _, y, _ in hit)
        bottom = max(y + h for _, y, h in hit)
        for number, y, height in hit:
            lane = now.get(number)
            if lane is None or lane.y != y or lane.height != height:
                return top, float(self.canvas.height())  # lanes below moved
        return top, bottom

    def _heights_below(self, numbers: list[int], counts: np.ndarray) -> float:
        """Total height of these lanes (below the view): as laid out before at this zoom,
        else a guess (a density strip, or up to three rows) made good when scrolled to."""
        rest = counts[numbers]
        heights = np.where(rest > GLYPH_LIMIT, DENSITY_H + 2 * LANE_PAD,
                           np.minimum(np.maximum(rest, 1), 3) * ROW_H + 2 * LANE_PAD)
        lanes = self.data.lanes
        for k, number in enumerate(numbers):
            lane = lanes[number]
            layout = self._lane_cache.get(number)
            if layout is not None and layout.lane is lane and (layout.mode == "collapsed") == lane.collapsed:
                heights[k] = layout.height
            elif lane.collapsed:
                heights[k] = COLLAPSED_H
        return float(heights.sum())

    def lane_order(self, counts: np.ndarray) -> list[int]:
        """The lanes' numbers in the order shown: by name (as the store lists them), by events
        in view, or by last activity; lanes with nothing in view left out when asked (unless
        every lane is empty: then their edge counts say where the events are)."""
        numbers = list(range(len(self.data.lanes)))
        if self.hide_empty_lanes and counts.any():
            numbers = [n for n in numbers if counts[n] > 0]
        if self.lane_sort == "events":
            numbers.sort(key=lambda n: -int(counts[n]))
        elif self.lane_sort == "recent":
            last = self.data.lane_last_activity()
            numbers.sort(key=lambda n: -last[n])
        return numbers

    def _density(self, lane: Lane, number: int, y: float, in_view: int, width: int, scale: float) -> LaneLayout:
        columns = int(self.time_width(width))
        edges = self.t0 + np.arange(columns + 1, dtype=np.float64) / scale
        counts = self.data.density(lane, edges)
        return LaneLayout(lane, number, y, DENSITY_H + 2 * LANE_PAD, "density", in_view, counts=counts)

    @staticmethod
    def _fit_labels_in_view(glyphs: list[Glyph], left: float) -> None:
        """A label that would start left of the events' area starts at its edge, elided to
        the room it had (never cut mid-word by the edge); one inside a bar whose start is
        out of view keeps within what is left of the bar."""
        for g in glyphs:
            if g.label_w <= 0:
                continue
            if g.label_after or g.kind == "point":
                start = g.x1 + LABEL_GAP
                if start < left + 4:
                    g.label_shift = left + 4 - start
                    room = g.label_w - g.label_shift
                    g.label_w = room if room >= 34 else 0.0
            elif g.clipped_left:
                room = g.x1 - 4 - g.label_x() + 6
                if room < g.label_w:
                    g.label_w = room if room >= 34 else 0.0

    def _lane_rows(self, lane: Lane, width: int, scale: float) -> LanePacking:
        """Rows of all of a lane's events at this zoom, kept while the view pans: a lane's
        height and each glyph's row then stay put however the view moves (rows packed from
        the events in view alone changed as events came and went)."""
        key = (lane.name, lane.start, lane.stop, width, scale, self._generation)
        packing = self._packings.get(key)
        if packing is not None:
            return packing
        data = self.data
        items = np.arange(lane.start, lane.stop)
        events = data.item_event[items]
        ids = data.ids[events]
        self._fetch_details(ids, events)
        starts, ends = data.start[events], data.end[events]
        prec, flags = data.precision[events], data.flags[events]
        ref = float(starts[0]) if len(starts) else 0.0  # x measured from the lane's first start
        x_start, x_end = (starts - ref) * scale, (ends - ref) * scale
        is_point = ((flags & FLAG_INTERVAL) == 0) & (prec >= DAY_PRECISION)
        centre = np.where(prec > DAY_PRECISION, x_start, (x_start + x_end) / 2)
        x0 = np.where(is_point, centre - POINT_R, x_start)
        x1 = np.where(is_point, centre + POINT_R, np.maximum(x_end, x_start + 3))
        label_w = self._label_widths(ids, flags)
        inside = x0 + np.where((flags & FLAG_OPEN_START) != 0, 12.0, 6.0)
        after = ~is_point & (x1 - 4 - inside < label_w - 6)
        label_x = np.where(is_point | after, x1 + LABEL_GAP, inside)
        long = self._long_running(is_point, x_end - x_start, flags, width)
        packing = self._pack(x0, x1, np.maximum(x1, label_x + label_w), long)
        if len(self._packings) > 300:
            self._packings.clear()
        self._packings[key] = packing
        return packing

    def _long_running(self, is_point: np.ndarray, length: np.ndarray, flags: np.ndarray, width: int) -> np.ndarray:
        """Bars that run long at this zoom (a third of the view, months or years) or are open."""
        least = max(LONG_MIN_PX, LONG_SHARE * self.time_width(width))
        return ~is_point & ((length >= least) | ((flags & (FLAG_OPEN_START | FLAG_OPEN_END)) != 0))

    @staticmethod
    def _pack(x0: np.ndarray, x1: np.ndarray, extent: np.ndarray, long: np.ndarray) -> LanePacking:
        """Rows with room for every label if they fit (else glyphs only).  When the lane's
        long-running bars would push its short events down, they go to a compact strip at
        the lane's top instead, as thin stacked lines, and the rest is packed below it."""
        def rows_of(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, int, bool]:
            rows, used = pack_rows(a, c, gap=6.0, max_rows=MAX_ROWS)
            if used <= MAX_ROWS:
                return rows, used, True
            rows, used = pack_rows(a, b, gap=3.0)
            return rows, used, False

        rows, used, full = rows_of(x0, x1, extent)
        short = ~long
        if not long.any() or not short.any():
            return LanePacking(rows, used, full)
        short_rows, short_used, short_full = rows_of(x0[short], x1[short], extent[short])
        lines, strip = pack_rows(x0[long], x1[long], gap=2.0)
        packed = LanePacking(np.zeros(len(x0), dtype=np.int64), short_used, short_full, long, strip)
        if (used - short_used) * ROW_H <= packed.strip_height():
            return LanePacking(rows, used, full)  # they push nothing down: bars with their labels
        packed.rows[short], packed.rows[long] = short_rows, lines
        return packed

    def _label_widths(self, ids: np.ndarray, flags: np.ndarray) -> np.ndarray:
        titles = [self._titles.get(int(i), "") for i in ids]
        return np.array([min(self._measure(label_text(t, int(f))) + 8.0, LABEL_MAX)
                         for t, f in zip(titles, flags)]) if titles else np.zeros(0)

    def _glyphs(self, lane: Lane, number: int, y: float, in_view: int, width: int, scale: float,
                spanning: int = 0) -> LaneLayout:
        data = self.data
        hw = self.header_w
        items = data.lane_items_in(lane, self.t0, self.t1, skip_spanning=bool(spanning))
        band = 1 if spanning else 0  # the band of spanning events takes the first row
        packing = self._lane_rows(lane, width, scale) if not spanning and lane.size <= WHOLE_LANE_PACK else None
        events = data.item_event[items]
        ids = data.ids[events]
        self._fetch_details(ids, events)
        starts, ends = data.start[events], data.end[events]
        prec, flags = data.precision[events], data.flags[events]
        left, right = self.header_w - 12.0, float(width) + 12.0
        x_start = self.header_w + (starts - self.t0) * scale
        x_end = self.header_w + (ends - self.t0) * scale
        is_point = ((flags & FLAG_INTERVAL) == 0) & (prec >= DAY_PRECISION)
        centre = np.where(prec > DAY_PRECISION, x_start, (x_start + x_end) / 2)
        x0 = np.where(is_point, centre - POINT_R, np.clip(x_start, left, right))
        x1 = np.where(is_point, centre + POINT_R, np.clip(np.maximum(x_end, x_start + 3), left, right))
        titles = [self._titles.get(int(i), "") for i in ids]
        label_w = self._label_widths(ids, flags)
        # with full labels if they fit, else glyphs only (labels elided to the room left)
        shown_left = np.maximum(x0, self.header_w)
        arrow_left = ((flags & FLAG_OPEN_START) != 0) | (x_start < left)
        inside = shown_left + np.where(arrow_left, 12.0, 6.0)
        after = ~is_point & (x_end <= right) & (x1 - 4 - inside < label_w - 6)
        label_x = np.where(is_point | after, x1 + LABEL_GAP, inside)
        if packing is None:
            extent = np.maximum(x1, label_x + label_w)  # the same rule as Glyph.label_x
            long = self._long_running(is_point, x_end - x_start, flags, width) if not spanning else \
                np.zeros(len(items), dtype=bool)
            packing = self._pack(x0, x1, extent, long)  # (glyphs only: as many rows as they take)
            rows, used, full_labels = packing.rows, packing.used, packing.full
            # a lane as busy as this is packed from the events in view; at least it never
            # shrinks while the view pans at this zoom
            zoom = (width, scale, self._generation)
            if zoom not in self._row_memory:
                self._row_memory = {zoom: {}}
            memory = self._row_memory[zoom]
            used = memory[lane.name] = max(used, memory.get(lane.name, 0))
        else:
            packing = replace(packing, rows=packing.rows[items - lane.start],
                              long=None if packing.long is None else packing.long[items - lane.start])
            rows, used, full_labels = packing.rows, packing.used, packing.full
        long = packing.long
        strip_h = packing.strip_height()
        if not full_labels and used > STACK_ROWS:
            # short glyphs that would stack into a tower (193 events within a few pixels, 193
            # rows): the lane shows how many there are per pixel instead, and zooming in opens
            # them up.  Long bars stay bars, however many.
            short = (x1 - x0) < 3 * ROW_H
            if np.count_nonzero(short) > STACK_ROWS and pack_rows(x0[short], x1[short], gap=3.0)[1] > STACK_ROWS:
                return self._density(lane, number, y, in_view, width, scale)
        glyphs: list[Glyph] = []
        hidden = self.hidden_values() if self.colour_by != "lane" else set()
        if self.colour_by != "lane":
            self.fetch_values(ids.tolist())
        for k in range(len(items)):
            if hidden and self.event_value(int(ids[k])) in hidden:
                continue  # its value is switched off in the colour legend
            if long is not None and long[k]:  # a thin line in the strip, with no label (its tooltip names it)
                glyphs.append(Glyph(int(ids[k]), int(events[k]), "line", float(x0[k]), float(x1[k]),
                                    y + LANE_PAD + rows[k] * STRIP_STEP + STRIP_STEP / 2, int(flags[k]), titles[k],
                                    0.0, bool(x_start[k] < left), bool(x_end[k] > right), False, hw))
                continue
            row_y = y + LANE_PAD + strip_h + (rows[k] + band) * ROW_H + ROW_H / 2
            glyphs.append(Glyph(int(ids[k]), int(events[k]), "point" if is_point[k] else "bar", float(x0[k]),
                                float(x1[k]), row_y, int(flags[k]), titles[k],
                                float(label_w[k]) if full_labels else 0.0,
                                bool(x_start[k] < left), bool(x_end[k] > right), bool(after[k]), hw))
        if full_labels:
            self._fit_labels_in_view(glyphs, hw)
        if not full_labels:  # room for a label runs to the next glyph in the same row
            by_row: dict[int, list[Glyph]] = {}
            for g in glyphs:
                if g.kind != "line":
                    by_row.setdefault(int(round((g.y - y - LANE_PAD - strip_h - ROW_H / 2) / ROW_H)), []).append(g)
            for row in by_row.values():
                row.sort(key=lambda g: g.x0)
                for a, b in zip(row, row[1:] + [None]):
                    limit = (b.x0 - 6) if b is not None else float(width)
                    room = limit - a.label_x()
                    if room < 28 and a.label_after:  # no room after a short bar: inside it
                        a.label_after = False
                        room = min(limit, a.x1 - 4 + 6) - a.label_x()
                    a.label_w = room if room >= 28 else 0.0
        for g in glyphs:  # labels end at the view's right edge, elided there
            if g.label_w > 0 or g.label_after:
                room = float(width) - 4 - g.label_x() + 6
                if room < 34 and g.label_after:  # no room after the bar: inside it, elided
                    g.label_after = False
                    room = min(float(width) - 4, g.x1 - 4) - g.label_x() + 6
                    g.label_w = max(g.label_w, room)
                if room < g.label_w:
                    g.label_w = room if room >= 34 else 0.0
        height = strip_h + (max(used, 1) + band) * ROW_H + 2 * LANE_PAD
        layout = LaneLayout(lane, number, y, height, "glyphs", in_view, glyphs, spanning=spanning)
        if in_view >= HEAT_FROM:  # a busy lane keeps its density as a faint heat behind the glyphs
            layout.counts = self._density(lane, number, y, in_view, width, scale).counts
        return layout

