"""What a brief is asked to be, and what the workspace remembers of the last one.

The analyst's bottom line and the handling marking belong to the workspace (the
next morning's brief starts from today's, whoever opens the file); window-only
choices belong to the GUI's QSettings.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime
from typing import Any, Optional

from ..core.errors import BrieferError
from ..core.when import When, WhenError

__all__ = [
    "BriefError", "BriefSettings", "TEMPLATES", "GROUPINGS", "PAGE_SIZES", "TLP_LEVELS",
    "tlp_level", "load_settings", "save_settings", "next_brief_number", "record_brief",
    "DEFAULT_MARKING", "BLUF_FILE_LIMIT",
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
_BLUF_ORIGIN_KEY = "brief.bluf_origin"  # {"number": N, "day": "2019-02-09"}: the brief it was written for
_NUMBER_KEY = "brief.last_number"
_LAST_DAILY_KEY = "brief.last_daily"  # {"number": N, "cutoff": ISO}: what the next daily "covers since"
_TEMPLATE_KEY = "brief.template.{}"  # title, desk, next brief due, contact: each template its own
_PER_TEMPLATE = ("title", "desk", "next_due", "contact")
_TRANSIENT = ("day", "start", "end", "cutoff", "number", "generated", "bluf_carried", "bluf_number", "bluf_day",
              "omit_bluf", "previous_number", "previous_cutoff")
BLUF_FILE_LIMIT = 1024 * 1024  # a bottom line is a few lines; a bigger file is the wrong file


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
    next_due: str = ""  # "next brief due" in the header (optional, free text)
    contact: str = ""  # releasability / contact line (optional)
    omit_bluf: bool = False  # leave the bottom line out of this brief
    bluf_carried: bool = False  # the bottom line was written for an earlier brief...
    bluf_number: Optional[int] = None  # ...this one (None: an old workspace did not say)
    bluf_day: Optional[date] = None
    previous_number: Optional[int] = None  # the last brief saved, and its cut-off
    previous_cutoff: Optional[datetime] = None

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

    @property
    def bluf_origin(self) -> str:
        """"brief No. 3 of 9 Feb 2019" for a carried-over bottom line ("" for a fresh one)."""
        if not self.bluf_carried or not self.bluf.strip():
            return ""
        if self.bluf_number is None:
            return "an earlier brief"
        day = f" of {self.bluf_day.day} {self.bluf_day:%b} {self.bluf_day.year}" if self.bluf_day else ""
        return f"brief No. {self.bluf_number}{day}"

    def with_(self, **changes: Any) -> "BriefSettings":
        return replace(self, **changes)

    # -- persistence -------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("day", "start", "end"):
            value = getattr(self, key)
            data[key] = value.edtf if value is not None else None
        for key in ("cutoff", "generated", "bluf_day", "previous_cutoff"):
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
                elif key in ("cutoff", "generated", "previous_cutoff"):
                    value = datetime.fromisoformat(value)
                elif key == "bluf_day":
                    value = date.fromisoformat(value)
                clean[key] = value
            except (WhenError, ValueError, TypeError):
                continue
        try:
            return cls(**clean)
        except (BriefError, TypeError):
            return cls()


def load_settings(ws: Any, template: Optional[str] = None) -> BriefSettings:
    """The last brief's settings of this workspace, for `template` (default: the last
    one's): its marking, the title and desk last used with that template, and the
    bottom line marked as carried over from the brief it was written for."""
    settings = BriefSettings.from_json(ws.setting(_SETTINGS_KEY, {}) or {})
    template = template if template in TEMPLATES else settings.template
    changes: dict[str, Any] = {"template": template}
    own = ws.setting(_TEMPLATE_KEY.format(template))
    if isinstance(own, dict):
        changes.update({k: v for k, v in own.items() if k in _PER_TEMPLATE and isinstance(v, str)})
    elif template != settings.template:  # an older workspace kept one title: it was the other template's
        changes.update({k: "" for k in _PER_TEMPLATE})
    marking = ws.setting(_MARKING_KEY)
    if isinstance(marking, str) and marking.strip():
        changes["marking"] = marking
    bluf = ws.setting(_BLUF_KEY)
    changes["bluf"] = bluf if isinstance(bluf, str) else ""
    if changes["bluf"].strip():
        origin = ws.setting(_BLUF_ORIGIN_KEY)
        origin = origin if isinstance(origin, dict) else {}
        number = origin.get("number")
        try:
            day = date.fromisoformat(origin["day"]) if origin.get("day") else None
        except (TypeError, ValueError):
            day = None
        changes.update(bluf_carried=True, bluf_number=number if isinstance(number, int) else None, bluf_day=day)
    last = ws.setting(_LAST_DAILY_KEY)
    if isinstance(last, dict) and isinstance(last.get("number"), int):
        changes["previous_number"] = last["number"]
        try:
            cutoff = last.get("cutoff")
            changes["previous_cutoff"] = datetime.fromisoformat(cutoff) if isinstance(cutoff, str) else None
        except ValueError:
            pass
    # a remembered day, period, number or timestamp would be stale tomorrow
    changes.update(day=None, start=None, end=None, cutoff=None, number=None, generated=None)
    return settings.with_(**changes)


def save_settings(ws: Any, settings: BriefSettings, number: Optional[int] = None,
                  day: Optional[date] = None) -> None:
    """Remember the settings; a bottom line written for this brief (`number`, `day`) is
    kept with them, a carried-over or left-out one leaves the stored one as it was."""
    data = settings.to_json()
    for key in (*_TRANSIENT, *_PER_TEMPLATE):
        data.pop(key, None)
    with ws.transaction():
        ws.set_setting(_SETTINGS_KEY, data)
        ws.set_setting(_TEMPLATE_KEY.format(settings.template), {k: getattr(settings, k) for k in _PER_TEMPLATE})
        ws.set_setting(_MARKING_KEY, settings.marking)
        if not settings.bluf_carried and not settings.omit_bluf:
            ws.set_setting(_BLUF_KEY, settings.bluf)
            ws.set_setting(_BLUF_ORIGIN_KEY, {"number": number, "day": day.isoformat() if day else None})


def next_brief_number(ws: Any) -> int:
    value = ws.setting(_NUMBER_KEY, 0)
    return (value if isinstance(value, int) and value > 0 else 0) + 1


def record_brief(ws: Any, settings: BriefSettings, number: int, day: Optional[date] = None,
                 cutoff: Optional[datetime] = None) -> None:
    """After a brief was saved (never after a preview): remember its settings, its
    number and, for a daily brief, its cut-off (the next daily "covers events since
    brief No. N")."""
    with ws.transaction():
        save_settings(ws, settings, number, day)
        if number >= next_brief_number(ws):
            ws.set_setting(_NUMBER_KEY, number)
        if settings.template == "daily":
            ws.set_setting(_LAST_DAILY_KEY, {"number": number,
                                             "cutoff": cutoff.isoformat() if cutoff is not None else None})
