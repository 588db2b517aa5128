"""What one frame of the timeline is made of: glyphs, lanes laid out, and the sizes they use.

The layout computes these once per view state; painting, hit-testing and the tests read
the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from PySide6.QtCore import QRectF

from ...core.style import LANE_COLOURS  # noqa: F401 - the timeline's name for it
from .data import DAY, FLAG_APPROXIMATE, FLAG_OPEN_END, FLAG_OPEN_START, FLAG_UNCERTAIN, Lane

HEADER_W = 170.0  # the lane names' column: as wide as they need, within these bounds
HEADER_MIN, HEADER_MAX = 110.0, 240.0
AXIS_H = 42.0
ROW_H = 22.0
LANE_PAD = 5.0
DENSITY_H = 30.0
COLLAPSED_H = 22.0
MAX_ROWS = 30  # rows a lane may take with every label in full; past that, glyphs only
STACK_ROWS = 12  # rows of bare glyphs a lane may take; past that, its density (events per pixel)
WHOLE_LANE_PACK = 1000  # lanes of up to this many events are packed whole, so panning moves no row
GLYPH_LIMIT = 400  # events of one lane in view above which it is drawn as density
HEAT_FROM = GLYPH_LIMIT // 4  # events in view from which a lane of glyphs shows its density behind them
LABEL_MAX = 320.0
DASHED_END = 48.0  # an uncertain bar longer than twice this is dashed only this far from each end
POINT_R = 5.0
LABEL_GAP = 5.5  # from a glyph to its label: clear of the selection's outer rim (4.2 px out)
BAR_H = 16.0
LINE_H = 3.0  # a long-running bar in a lane's compact strip: a thin line
STRIP_STEP = 5.0  # from one line of the strip to the next
STRIP_PAD = 3.0  # below the strip, before the rows of the other glyphs
LONG_MIN_PX = 240.0  # a bar at least this long (and a third of the view) is long-running, as is an open one
LONG_SHARE = 1 / 3
MIN_SPAN = 2 * 3600.0
MAX_SPAN = 400 * 365.25 * DAY
LANE_MODES = {"none": "No lanes", "actor": "By actor", "type": "By event type", "source": "By source",
              "country": "By country"}
LEGEND_ITEMS = [("point", 0, "day"), ("bar", 0, "month, year, span"), ("bar", FLAG_APPROXIMATE, "~ approx."),
                ("bar", FLAG_UNCERTAIN, "? uncertain"), ("bar", FLAG_OPEN_END, "open end")]
LEGEND_GAP = 10.0


@dataclass
class Glyph:
    event_id: int
    index: int  # position in the data columns
    kind: str  # "point", "bar", or "line" (a long-running bar in the lane's compact strip)
    x0: float
    x1: float
    y: float  # centre line of its row
    flags: int
    title: str
    label_w: float  # room for the label (0: none)
    clipped_left: bool = False
    clipped_right: bool = False
    label_after: bool = False  # a bar too short for its label has it after its end
    left: float = HEADER_W  # where the events' area starts (right of the lane names)
    label_shift: float = 0.0  # a label that would start left of the events' area is moved right this far

    def rect(self) -> QRectF:
        half = POINT_R if self.kind == "point" else LINE_H / 2 if self.kind == "line" else BAR_H / 2
        return QRectF(self.x0, self.y - half, max(self.x1 - self.x0, 1.0), 2 * half)

    @property
    def label(self) -> str:
        return label_text(self.title, self.flags)

    def label_x(self) -> float:
        """Where the label starts: right of a point or of a short bar, else inside the bar
        (past its left arrow, if any)."""
        if self.kind == "point" or self.label_after:
            return self.x1 + LABEL_GAP + self.label_shift
        return max(self.x0, self.left) + (12 if (self.flags & FLAG_OPEN_START or self.clipped_left) else 6)

    def label_rect(self) -> QRectF:
        """The room the label may take (empty when no label is drawn)."""
        return QRectF(self.label_x(), self.y - ROW_H / 2 + 2, max(self.label_w - 6, 0.0), ROW_H - 4)


def label_text(title: str, flags: int) -> str:
    """A glyph's label: its title, marked "?" when the date is uncertain, "~" when approximate."""
    marks = ("?" if flags & FLAG_UNCERTAIN else "") + ("~" if flags & FLAG_APPROXIMATE else "")
    return f"{marks} {title}" if marks and title else title


@dataclass
class LanePacking:
    """Rows of a lane's events (by position in the lane) at one zoom."""
    rows: np.ndarray  # (a long-running bar's: its line in the strip)
    used: int  # rows below the strip
    full: bool  # with room for every label
    long: Optional[np.ndarray] = None  # which go to the compact strip at the lane's top (None: none)
    strip: int = 0  # lines the strip takes

    def strip_height(self) -> float:
        return self.strip * STRIP_STEP + STRIP_PAD if self.strip else 0.0


@dataclass
class LaneLayout:
    lane: Lane
    number: int
    y: float
    height: float
    mode: str  # "glyphs", "density", "collapsed"
    in_view: int
    glyphs: list[Glyph] = field(default_factory=list)
    counts: Optional[np.ndarray] = None
    spanning: int = 0  # events covering the whole view, drawn as one band above the glyphs
    before: int = 0  # events of the lane left of the view (an edge marker says how many)
    after: int = 0  # and right of it
    position: int = 0  # its place among the lanes shown (they may be sorted)

    def move_to(self, y: float) -> None:
        dy = y - self.y
        if dy:
            self.y = y
            for g in self.glyphs:
                g.y += dy


@dataclass
class Frame:
    width: int
    height: int
    t0: float
    t1: float
    lanes: list[LaneLayout]
    total_height: float

