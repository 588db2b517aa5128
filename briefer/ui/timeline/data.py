"""What the timeline draws, as columns: no Qt here, so it is tested without a display.

Events are numpy columns in date order (start, end, precision, flags, row id).  Lanes
are "items": one per (event, lane) pair, sorted by lane then start, so each lane is a
contiguous slice and the events in view are found by binary search.  For density,
each lane also keeps its items' ends sorted, so the number of events overlapping any
time span is two binary searches — counts for all 1,920 pixel columns of a lane cost
microseconds, whatever the number of events.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import heapq
import sys
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

FLAG_UNCERTAIN, FLAG_APPROXIMATE, FLAG_OPEN_START, FLAG_OPEN_END, FLAG_INTERVAL = 1, 2, 4, 8, 16
DAY_PRECISION = 5  # Precision.DAY; MINUTE is 6
DAY = 86400.0
OPEN_START_TS = -62135596800.0  # an open start is stored as the first moment of year 1
OPEN_END_TS = 253402300800.0  # an open end as the last second of 9999 (plus one: ends are exclusive)


def release_freed_memory() -> None:
    """Hand memory freed by a rebuild back to the system (glibc only).

    Building lanes for a million events passes through several hundred MB of temporary
    arrays; glibc keeps freed heap pages for reuse, so without this the process would
    hold twice what the timeline needs (1M events by actor: 430 MB instead of 200 MB)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim): nothing to do
        pass


@dataclass
class Lane:
    name: str
    start: int  # slice of the items arrays
    stop: int
    offset: int = 0  # added to a moment (whole seconds) to find it among this lane's keys
    collapsed: bool = False

    @property
    def size(self) -> int:
        return self.stop - self.start


class TimelineData:
    """Columns of all events plus the current lanes and filter.

    Bounds and ids are loaded for every event; precision and flags only for the events
    drawn as glyphs (`fill_details`), -1 / 0 until then."""

    def __init__(self, columns: Optional[dict] = None, lanes: bool = True) -> None:
        """`lanes=False`: the caller sets the lanes next (`set_lanes`), so the single lane is not
        made first only to be thrown away (0.1 s at 1M events)."""
        columns = columns or {}
        self.ids = np.asarray(columns.get("id", ()), dtype=np.int64)
        earliest = np.asarray(columns.get("earliest", ()), dtype=np.int64)
        self._end_seconds = np.asarray(columns.get("latest", ()), dtype=np.int64) + 1  # latest is the last second
        self._start_seconds = earliest  # (whole seconds: what the lanes' keys are made of)
        self.start = earliest.astype(np.float64)
        self.end = self._end_seconds.astype(np.float64)
        self.precision = np.asarray(columns.get("precision", np.full(len(self.ids), -1)), dtype=np.int8)
        self.flags = np.asarray(columns.get("flags", np.zeros(len(self.ids))), dtype=np.int16)
        self.index_of_id = None  # built on first need
        self.visible = np.ones(len(self.ids), dtype=bool)
        self._all_visible = True
        self._shown_bounds: Optional[tuple] = None  # bounds() of the shown events, kept
        self._lane_pairs: Optional[tuple[np.ndarray, np.ndarray, list[str]]] = None
        # every event's span (every event is in some lane): the width of one lane's band of keys
        self._t_lo = int(self._start_seconds.min()) - 1 if len(self.ids) else 0
        self._band = (int(self._end_seconds.max()) if len(self.ids) else 1) - self._t_lo + 2
        self.mode = "none"
        if lanes:
            self.set_lanes("none")

    def __len__(self) -> int:
        return len(self.ids)

    # -- lookups -----------------------------------------------------------------------
    def _positions(self, ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        if self.index_of_id is None and len(ids) <= 8:  # a few (an edit's): a scan each beats the index's sort
            ids = np.asarray(ids if isinstance(ids, np.ndarray) else list(ids), dtype=np.int64)
            hits = [np.flatnonzero(self.ids == i) for i in ids.tolist()]
            found = np.array([len(h) > 0 for h in hits], dtype=bool)
            return np.array([h[0] for h in hits if len(h)], dtype=np.int64), found
        if self.index_of_id is None:
            top = int(self.ids.max()) if len(self.ids) else 0
            if 0 <= int(self.ids.min() if len(self.ids) else 0) and top < 4 * len(self.ids) + 4096:
                # row ids are dense: a table from id to position answers without a search
                # (2.5M lanes' pairs looked up in 0.6 s by binary search, in 0.02 s so)
                table = np.full(top + 1, -1, dtype=np.int32 if len(self.ids) < 2 ** 31 else np.int64)
                table[self.ids] = np.arange(len(self.ids), dtype=table.dtype)
                self.index_of_id = table
            else:
                order = np.argsort(self.ids, kind="stable")
                self.index_of_id = (self.ids[order], order.astype(np.int32 if len(self.ids) < 2 ** 31 else np.int64))
        ids = np.asarray(ids if isinstance(ids, np.ndarray) else list(ids), dtype=np.int64)
        if isinstance(self.index_of_id, np.ndarray):
            table = self.index_of_id
            if len(ids) and int(ids.min()) >= 0 and int(ids.max()) < len(table):  # (the usual case: one gather)
                pos = table[ids]
                found = pos >= 0
                return (pos if found.all() else pos[found]), found
            inside = (ids >= 0) & (ids < len(table))
            pos = np.full(len(ids), -1, dtype=np.int64)
            pos[inside] = table[ids[inside]]
            found = pos >= 0
            return pos[found], found
        sorted_ids, order = self.index_of_id
        if len(sorted_ids) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(len(ids), dtype=bool)
        pos = np.clip(np.searchsorted(sorted_ids, ids), 0, len(sorted_ids) - 1)
        found = sorted_ids[pos] == ids
        return order[pos[found]], found

    def fill_details(self, indices: np.ndarray, precision: Sequence[int], flags: Sequence[int]) -> None:
        """Precision and flags of these events, read for drawing them."""
        self.precision[indices] = np.asarray(precision, dtype=np.int8)
        self.flags[indices] = np.asarray(flags, dtype=np.int16)

    def indices_of(self, ids: Sequence[int]) -> np.ndarray:
        """Positions of row ids in the columns (unknown ids are dropped)."""
        return self._positions(ids)[0]

    def bounds(self, indices: Optional[np.ndarray] = None, ignore_open: bool = True) -> Optional[tuple[float, float]]:
        """The time span covered by these events (or all shown ones), open ends left out."""
        if indices is None:
            if self._shown_bounds is None:
                self._shown_bounds = (self.bounds(np.flatnonzero(self.visible), ignore_open),)
            return self._shown_bounds[0]
        if len(indices) == 0:
            return None
        starts, ends = self.start[indices], self.end[indices]
        if ignore_open:
            known_start = starts[starts > OPEN_START_TS]
            known_end = ends[ends < OPEN_END_TS]
            lo = known_start.min() if len(known_start) else (known_end.min() if len(known_end) else None)
            hi = known_end.max() if len(known_end) else (known_start.max() if len(known_start) else None)
            if lo is None:
                return None
            return float(lo), float(hi)
        return float(starts.min()), float(ends.max())

    @property
    def lane_pairs(self) -> Optional[tuple[np.ndarray, np.ndarray, list[str]]]:
        """(positions, lane numbers, lane names) of every event's lanes, shown or not (None: no lanes)."""
        return self._lane_pairs

    # -- filter and lanes ------------------------------------------------------------------
    def set_visible_ids(self, ids: Optional[Sequence[int]]) -> None:
        """Show only these row ids (None: all)."""
        if ids is None and self._all_visible:
            return  # nothing to rebuild (opening a workspace asks this several times: 0.1 s at 1M)
        if self._all_visible:  # the bounds of every event are kept for when a filter is cleared
            self._every_bounds = self._shown_bounds
        self._shown_bounds = None
        if ids is None:
            self.visible = np.ones(len(self.ids), dtype=bool)
            self._shown_bounds = getattr(self, "_every_bounds", None)
        else:
            self.visible = np.zeros(len(self.ids), dtype=bool)
            self.visible[self.indices_of(ids)] = True
        self._all_visible = ids is None
        self._build_lanes()

    def set_lanes(self, mode: str, pairs: Optional[tuple[Sequence[int], Sequence[int], list[str]]] = None,
                  complete: bool = True) -> None:
        """Lanes by "none", or by pairs (event ids, lane numbers, lane names) from the store
        (not `complete`: the first lanes only, the others to come, so no "(none)" lane yet)."""
        if (mode == "none" or pairs is None) and self.mode == "none" and self._lane_pairs is None \
                and hasattr(self, "lanes"):
            return  # already one lane of the shown events
        self.use_lanes(self.prepare_lanes(mode, pairs, complete))

    def prepare_lanes(self, mode: str, pairs: Optional[tuple[Sequence[int], Sequence[int], list[str]]],
                      complete: bool = True) -> tuple:
        """What `set_lanes` makes of the pairs, leaving what is drawn alone: another thread
        may make it while the view draws (it reads only the event columns, which never change,
        and the id index, once built)."""
        if mode == "none" or pairs is None:
            return "none", None, self._all_of(None)
        event_ids, lanes, names = pairs
        idx, found = self._positions(np.asarray(event_ids, dtype=np.int64))
        lanes = np.asarray(lanes)
        lanes = (lanes if found.all() else lanes[found]).astype(np.int32, copy=False)
        names = list(names)
        # events the pairs leave out (no actor, no source…) go to a last lane "(none)",
        # in date order like the rest (the store need not read every event's id for them)
        unnamed = np.zeros(len(self.ids), dtype=bool)
        if complete:
            unnamed[:] = True
            unnamed[idx] = False
        if unnamed.any():
            rest = np.flatnonzero(unnamed)
            if "(none)" not in names:
                names.append("(none)")
            idx = np.concatenate((idx, rest))
            lanes = np.concatenate((lanes, np.full(len(rest), names.index("(none)"), dtype=np.int32)))
        lane_pairs = (idx.astype(np.int32 if len(self.ids) < 2 ** 31 else np.int64), lanes, names)
        return mode, lane_pairs, self._all_of(lane_pairs)

    def use_lanes(self, prepared: tuple) -> None:
        """Draw the lanes `prepare_lanes` made."""
        self.mode, self._lane_pairs, (self._all_end_raw, self._all_end_keys, self._all_item_end, self._all) = prepared
        self._end_order: Optional[np.ndarray] = None
        self._build_lanes()

    def _build_lanes(self) -> None:
        """Items (event, lane) sorted by lane, then start.  Each lane's starts and ends are
        kept as whole-second integer keys shifted into a band of their own, so that one
        sorted array of starts and one of ends serve every lane (and every lane at once).

        The keys are made once for every event (`_all_of`, when the lanes change); a
        filter then keeps the shown ones by a mask, in order, where sorting the ends again
        took most of a filter change at a million events."""
        _, item_event, item_lane, start_keys, names = self._all
        collapsed = {lane.name for lane in getattr(self, "lanes", []) if lane.collapsed}
        if self._all_visible:
            end_keys = self._all_end_keys
        else:
            keep = self.visible[item_event]
            kept = np.flatnonzero(keep)
            if len(kept) * 16 < len(keep):  # a narrow filter: its few items' ends sorted anew
                item_event, item_lane, start_keys = item_event[kept], item_lane[kept], start_keys[kept]
                end_keys = np.sort(self._all_end_raw[kept], kind="stable")
            else:
                item_event, item_lane, start_keys = item_event[keep], item_lane[keep], start_keys[keep]
                if self._end_order is None:  # the first broad filter: which event each sorted end belongs to
                    self._end_order = self._all[1][np.argsort(self._all_end_raw, kind="stable")]
                end_keys = self._all_end_keys[self.visible[self._end_order]]
        self.item_event = item_event
        if self._all_visible:  # (kept: clearing a filter need not gather a million ends again)
            self.item_end = self._all_item_end
        else:
            self.item_end = self.end[item_event]
        bounds = np.searchsorted(item_lane, np.arange(len(names) + 1))
        self.lanes: list[Lane] = []
        for number, name in enumerate(names):
            a, b = int(bounds[number]), int(bounds[number + 1])
            if b > a or self._lane_pairs is None:
                self.lanes.append(Lane(name, a, b, number * self._band - self._t_lo, name in collapsed))
        self._offsets = np.array([lane.offset for lane in self.lanes], dtype=np.int64)
        self._start_keys = start_keys
        self._end_keys = end_keys
        self._last_activity: Optional[list[float]] = None

    def _all_of(self, lane_pairs) -> tuple:
        """The items and keys of every event, shown or not (bands by lane number): the ends'
        keys as made and sorted, the items' ends, and (pairs, items' events, their lanes,
        start keys, names)."""
        if lane_pairs is None:
            item_event = np.arange(len(self.ids))  # already in start order
            item_lane = np.zeros(len(item_event), dtype=np.int32)
            names = ["All events"]
        else:
            idx, lanes, names = lane_pairs
            # positions are in date order already, so (lane, position) is (lane, start): one integer
            # sort, unless the store gave them lane by lane in date order (as it does)
            n = max(len(self.ids), 1)
            key = lanes.astype(np.int64) * n + idx
            if len(key) > 1 and not (key[1:] > key[:-1]).all():
                key.sort()
                item_lane = key // n
                item_event = key - item_lane * n
            else:
                item_lane, item_event = lanes, idx
        item_event = item_event.astype(np.int32 if len(self.ids) < 2 ** 31 else np.int64, copy=False)
        starts = self._start_seconds[item_event]
        ends = self._end_seconds[item_event]
        shift = np.asarray(item_lane, dtype=np.int64) * self._band - self._t_lo
        end_raw = ends + shift  # bands keep lanes apart
        # each lane's ends are nearly in order already (its events are in start order), which
        # the stable sort (timsort) profits from: 25 ms for 2.5M items where quicksort takes 140
        end_keys = np.sort(end_raw, kind="stable")
        return end_raw, end_keys, self.end[item_event], (lane_pairs, item_event, item_lane, starts + shift, list(names))

    def _before(self, t, offset) -> np.ndarray:
        """Key of "starts before t" (a start s < t is s < ceil(t))."""
        t = np.clip(np.ceil(t), self._t_lo, self._t_lo + self._band - 1)
        return t.astype(np.int64) + offset

    def _at_or_before(self, t, offset) -> np.ndarray:
        """Key of "ends at or before t" (an end e <= t is e <= floor(t))."""
        t = np.clip(np.floor(t), self._t_lo, self._t_lo + self._band - 1)
        return t.astype(np.int64) + offset

    # -- questions a frame asks ----------------------------------------------------------------
    def lane_items_in(self, lane: Lane, t0: float, t1: float, skip_spanning: bool = False) -> np.ndarray:
        """Item positions of a lane's events overlapping [t0, t1), in start order (without
        those covering all of it, with `skip_spanning`).

        Starts are sorted, ends are not: every item starting before t1 is a candidate and
        the end test is vectorised; long intervals starting far left are kept."""
        stop = int(np.searchsorted(self._start_keys, self._before(t1, lane.offset), side="left"))
        candidates = np.arange(lane.start, stop)
        ends = self.item_end[lane.start:stop]
        if skip_spanning:
            started = self._start_keys[lane.start:stop] <= self._at_or_before(t0, lane.offset)
            return candidates[(ends > t0) & ~(started & (ends >= t1))]
        return candidates[ends > t0]

    def lanes_of(self, indices: np.ndarray) -> list[int]:
        """The numbers of the lanes showing any of these events."""
        if not len(indices) or not len(self.item_event):
            return []
        items = np.flatnonzero(np.isin(self.item_event, np.asarray(indices)))
        stops = np.array([lane.stop for lane in self.lanes], dtype=np.int64)
        return sorted(set(np.searchsorted(stops, items, side="right").tolist()))

    def lane_last_activity(self) -> list[float]:
        """When each lane's last event ends (its open ends aside), for sorting by last activity."""
        if self._last_activity is None:
            ends = np.where(self.item_end < OPEN_END_TS, self.item_end, -np.inf)
            self._last_activity = [float(ends[lane.start:lane.stop].max()) if lane.size else -np.inf
                                   for lane in self.lanes]
        return self._last_activity

    def spanning_count(self, lane: Lane, t0: float, t1: float) -> int:
        """How many of a lane's events cover all of [t0, t1) (they say nothing about where
        in the view something happened)."""
        stop = int(np.searchsorted(self._start_keys, self._at_or_before(t0, lane.offset), side="right"))
        return int(np.count_nonzero(self.item_end[lane.start:stop] >= t1))

    def counts_in(self, t0: float, t1: float) -> np.ndarray:
        """count_in for every lane, in one pair of binary searches."""
        started = np.searchsorted(self._start_keys, self._before(t1, self._offsets), side="left")
        ended = np.searchsorted(self._end_keys, self._at_or_before(t0, self._offsets), side="right")
        return started - ended

    def counts_outside(self, t0: float, t1: float) -> tuple[np.ndarray, np.ndarray]:
        """For every lane, how many of its events end at or before t0 (left of the view)
        and how many start at or after t1 (right of it)."""
        lane_lo = np.searchsorted(self._end_keys, self._t_lo + self._offsets, side="left")
        ended = np.searchsorted(self._end_keys, self._at_or_before(t0, self._offsets), side="right")
        started = np.searchsorted(self._start_keys, self._before(t1, self._offsets), side="left")
        stops = np.array([lane.stop for lane in self.lanes], dtype=np.int64)
        return ended - lane_lo, stops - started

    def count_in(self, lane: Lane, t0: float, t1: float) -> int:
        """How many of a lane's events overlap [t0, t1): #starts before t1 - #ends at or before t0."""
        started = np.searchsorted(self._start_keys, self._before(t1, lane.offset), side="left")
        ended = np.searchsorted(self._end_keys, self._at_or_before(t0, lane.offset), side="right")
        return int(started - ended)

    def density(self, lane: Lane, edges: np.ndarray) -> np.ndarray:
        """Events overlapping each span between consecutive `edges` (len(edges) - 1 counts)."""
        started = np.searchsorted(self._start_keys, self._before(edges[1:], lane.offset), side="left")
        ended = np.searchsorted(self._end_keys, self._at_or_before(edges[:-1], lane.offset), side="right")
        return started - ended


def pack_rows(x0: Sequence[float], x1: Sequence[float], gap: float = 4.0,
              max_rows: int = 1 << 30) -> tuple[np.ndarray, int]:
    """Greedy interval packing in pixel space: taken from left to right, each item goes
    to the lowest row whose last item ended `gap` pixels before it starts.  Returns row
    numbers (in the order given) and the number of rows used, or stops early with
    max_rows + 1 when that is exceeded.  Two heaps (rows busy by end, rows free by
    number) make it O(n log n), run on the items in view only."""
    starts = np.asarray(x0, dtype=np.float64)
    ends = np.asarray(x1, dtype=np.float64).tolist()
    rows = np.zeros(len(starts), dtype=np.int64)
    busy: list[tuple[float, int]] = []
    free: list[int] = []
    used = 0
    order = np.argsort(starts, kind="stable").tolist()
    start_list = starts.tolist()
    for i in order:
        start = start_list[i]
        while busy and busy[0][0] + gap <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            if used >= max_rows:
                return rows, max_rows + 1
            row = used
            used += 1
        rows[i] = row
        heapq.heappush(busy, (ends[i], row))
    return rows, used
