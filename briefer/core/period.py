"""Periods (eras): named stretches of time an analyst reads events against, like
"Battle of Baghouz, 9 Feb – 23 Mar 2019".  Drawn as shaded bands on the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import BrieferError
from .model import new_uid
from .style import PERIOD_COLOURS
from .when import When



@dataclass(frozen=True)
class Period:
    name: str
    when: When
    colour: str = ""  # "#rrggbb"; empty: the next of PERIOD_COLOURS
    notes: str = ""
    uid: str = field(default_factory=new_uid)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise BrieferError("a period needs a name")
        if self.when.open_start or self.when.open_end:
            raise BrieferError(f"period '{self.name}': give both ends ({self.when.label} is open-ended)")
        if self.colour and not (len(self.colour) == 7 and self.colour.startswith("#")
                                and all(c in "0123456789abcdefABCDEF" for c in self.colour[1:])):
            raise BrieferError(f"period '{self.name}': colour '{self.colour}' is not #rrggbb")


def period_colour(period: Period, index: int) -> str:
    """The colour `period` is drawn in, the `index`-th of the workspace's periods in date
    order: its own, else the next of PERIOD_COLOURS (the timeline and the brief alike)."""
    return period.colour or PERIOD_COLOURS[index % len(PERIOD_COLOURS)]
