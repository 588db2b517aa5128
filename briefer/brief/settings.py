"""What a brief is asked to be, and what the workspace remembers of the last one.

The analyst's bottom line and the handling marking belong to the workspace (the
next morning's brief starts from today's, whoever opens the file); window-only
choices belong to the GUI's QSettings.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from typing import Any, Optional

from ..core.errors import BrieferError
from ..core.when import When, WhenError

__all__ = [
    "BriefError", "BriefSettings", "TEMPLATES", "GROUPINGS", "PAGE_SIZES", "TLP_LEVELS",
    "tlp_level", "load_settings", "save_settings", "next_brief_number", "record_brief",
    "DEFAULT_MARKING",
]

TEMPLATES = {"daily": "Daily brief", "period": "Period summary"}
GROUPINGS = {"day": "by day", "month": "by month", "actor": "by actor", "type": "by event type"}
PAGE_SIZES = {"a4": "A4", "letter": "US Letter"}
DEFAULT_MARKING = "UNCLASSIFIED"

# TLP 2.0: (text colour, background), as FIRST specifies them (colour on black).
TLP_LEVELS = {
    "CLEAR": ("#FFFFFF", "#000000"),
    "GREEN": ("#33FF00", "#000000"),
    "AMBER": ("#FFC000", "#000000"),
    "AMBER+STRICT": ("#FFC000", "#000000"),
    "RED": ("#FF2B2B", "#000000"),
}
_TLP = re.compile(r"^\s*TLP\s*[:\s]\s*(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)\s*$", re.IGNORECASE)

_SETTINGS_KEY = "brief.settings"
_MARKING_KEY = "brief.marking"  # also written by the demo workspace
_BLUF_KEY = "brief.bluf"
_NUMBER_KEY = "brief.last_number"


class BriefError(BrieferError):
    """A brief that cannot be built as asked; the message says why (nothing was written)."""


def tlp_level(marking: str) -> Optional[str]:
    """"TLP:AMBER+STRICT" -> "AMBER+STRICT"; None when the marking is not a TLP label.
    TLP 1.0's WHITE is read as CLEAR."""
    m = _TLP.match(marking or "")
    if not m:
        return None
    level = re.sub(r"\s+", "", m.group(1).upper())
    return "CLEAR" if level == "WHITE" else level


@dataclass(frozen=True)
class BriefSettings:
    """Everything that shapes one brief except its scope (the events it covers).

    `day` (daily template): the day covered; without it a daily brief covers the
    24 hours up to `cutoff`.  `start`/`end` (period template): the period; when both
    are None the period is the span of the events in scope.
    """

    template: str = "daily"
    title: str = ""
    desk: str = ""
    marking: str = DEFAULT_MARKING
    bluf: str = ""
    page_size: str = "a4"
    group_by: str = ""  # "" = the template's default (day for daily, month for period)
    day: Optional[When] = None
    start: Optional[When] = None
    end: Optional[When] = None
    cutoff: Optional[datetime] = None
    number: Optional[int] = None
    chart: bool = True
    max_chart_lanes: int = 8
    generated: Optional[datetime] = None  # fixed in tests; now when None

    def __post_init__(self) -> None:
        if self.template not in TEMPLATES:
            raise BriefError(f"template '{self.template}' is not one of: {', '.join(TEMPLATES)}")
        if self.page_size not in PAGE_SIZES:
            raise BriefError(f"page size '{self.page_size}' is not one of: {', '.join(PAGE_SIZES)}")
        if self.group_by and self.group_by not in GROUPINGS:
            raise BriefError(f"grouping '{self.group_by}' is not one of: {', '.join(GROUPINGS)}")
        if self.number is not None and self.number < 1:
            raise BriefError(f"brief number {self.number} is not a positive number")

    @property
    def grouping(self) -> str:
        return self.group_by or ("day" if self.template == "daily" else "month")

    @property
    def template_label(self) -> str:
        return TEMPLATES[self.template]

    @property
    def display_title(self) -> str:
        return self.title.strip() or self.template_label

    @property
    def tlp(self) -> Optional[str]:
        return tlp_level(self.marking)

    def with_(self, **changes: Any) -> "BriefSettings":
        return replace(self, **changes)

    # -- persistence -------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("day", "start", "end"):
            value = getattr(self, key)
            data[key] = value.edtf if value is not None else None
        for key in ("cutoff", "generated"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value is not None else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "BriefSettings":
        """Lenient: unknown keys and values that no longer parse fall back to defaults,
        so an old or hand-edited workspace never stops a brief."""
        known = {f.name for f in fields(cls)}
        clean: dict[str, Any] = {}
        for key, value in (data or {}).items():
            if key not in known or value is None:
                continue
            try:
                if key in ("day", "start", "end"):
                    value = When.parse(value)
                elif key in ("cutoff", "generated"):
                    value = datetime.fromisoformat(value)
                clean[key] = value
            except (WhenError, ValueError, TypeError):
                continue
        try:
            return cls(**clean)
        except (BriefError, TypeError):
            return cls()


def load_settings(ws: Any) -> BriefSettings:
    """The last brief's settings of this workspace (marking and BLUF included)."""
    settings = BriefSettings.from_json(ws.setting(_SETTINGS_KEY, {}) or {})
    marking = ws.setting(_MARKING_KEY)
    bluf = ws.setting(_BLUF_KEY)
    changes: dict[str, Any] = {}
    if isinstance(marking, str) and marking.strip():
        changes["marking"] = marking
    if isinstance(bluf, str):
        changes["bluf"] = bluf
    # a remembered day, period, number or timestamp would be stale tomorrow
    changes.update(day=None, start=None, end=None, cutoff=None, number=None, generated=None)
    return settings.with_(**changes)


def save_settings(ws: Any, settings: BriefSettings) -> None:
    data = settings.to_json()
    for key in ("day", "start", "end", "cutoff", "number", "generated"):
        data.pop(key, None)
    with ws.transaction():
        ws.set_setting(_SETTINGS_KEY, data)
        ws.set_setting(_MARKING_KEY, settings.marking)
        ws.set_setting(_BLUF_KEY, settings.bluf)


def next_brief_number(ws: Any) -> int:
    value = ws.setting(_NUMBER_KEY, 0)
    return (value if isinstance(value, int) and value > 0 else 0) + 1


def record_brief(ws: Any, settings: BriefSettings, number: int) -> None:
    """After a brief was written: remember its settings and its number."""
    with ws.transaction():
        save_settings(ws, settings)
        if number >= next_brief_number(ws):
            ws.set_setting(_NUMBER_KEY, number)
