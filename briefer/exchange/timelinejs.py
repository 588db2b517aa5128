"""TimelineJS JSON in and out, so that people who built timelines with Knight Lab's
TimelineJS can move in and take their work back out.

Reads TimelineJS 3 (`{"title": ..., "events": [...], "eras": [...]}`, date parts as
numbers or strings, empty strings for missing parts) and the legacy TimelineJS 2 layout
(`{"timeline": {"date": [{"startDate": "2011,3,23", ...}]}}`).  Headlines and texts are
HTML; they are turned into plain text.  Eras become events tagged "era".  Every event
cites a source named after the timeline, and gets an external id from its unique_id, or
from its headline and dates, so importing the same file twice adds nothing.

Years before 1 or after 9999 (cosmological timelines) cannot be kept; those events are
reported as skipped.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from ..core.errors import WhenError
from ..core.filter import EventFilter
from ..core.model import Event, SourceKind
from ..core.period import Period
from ..core.when import SEASONS, Point, Precision, When
from ..store import Workspace
from .export_util import ExportProgress, chunks, written
from .importing import Row
from .json_format import ExchangeError
from .report import ImportReport, Problem

__all__ = ["TimelineJSReader", "export_timelinejs", "html_to_text"]

_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\s*/?\s*>", re.I)
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def html_to_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    text = _BREAKS.sub("\n", value)
    text = html.unescape(_TAGS.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _part(value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value)
    text = str(value).strip()
    if not text:
        return None
    return int(text)


def _point(d: Any, what: str) -> Point:
    """A TimelineJS 3 date object (or a TimelineJS 2 "2011,3,23" string) as a Point."""
    if isinstance(d, str):
        parts = [p.strip() for p in d.split(",")]
        if not parts or not all(p.lstrip("-").isdigit() for p in parts if p) or len(parts) > 6:
            raise WhenError(f"{what} '{d}' is not a date (expected year,month,day)")
        if len(parts) == 1 and len(parts[0]) > 5:
            raise WhenError(f"{what} '{d}' is not a date (expected year,month,day)")
        d = dict(zip(("year", "month", "day", "hour", "minute", "second"), parts))
    if not isinstance(d, dict):
        raise WhenError(f"{what} is not a date object")
    try:
        year, month, day = _part(d.get("year")), _part(d.get("month")), _part(d.get("day"))
        hour, minute = _part(d.get("hour")), _part(d.get("minute"))
    except ValueError:
        raise WhenError(f"{what} {json.dumps(d)} has a part that is not a number") from None
    if year is None:
        raise WhenError(f"{what} has no year")
    if not 1 <= year <= 9999:
        raise WhenError(f"{what}: the year {year} cannot be kept (Briefer's dates run from year 1 to 9999)")
    if day is not None and month is None:
        day = None
    time = None
    if day is not None and hour is not None:
        time = f"{hour:02d}:{minute or 0:02d}"
    return Point.of(year, month, day, time=time)


def _without_time(p: Point) -> Point:
    return Point(p.year, p.month, p.day, None, p.uncertain, p.approximate)


def when_of(start: Any, end: Any, what: str, report: ImportReport, where: str) -> When:
    first = _point(start, f"{what} start date")
    if end in (None, "", {}):
        return When(first)
    try:
        last = _point(end, f"{what} end date")
    except WhenError as error:
        report.warn(None, f"{error}; the event keeps its start date only", where)
        return When(first)
    if last.earliest < first.earliest:
        report.warn(None, f"the end date {last} is before the start date {first}; the event keeps its start date only",
                    where)
        return When(first)
    if str(first) == str(last):
        return When(first)
    return When.between(_without_time(first), _without_time(last))


def _external_id(unique_id: Any, item: Any) -> str:
    """The entry's own id, or a digest of the whole entry: the same entry imported
    again is recognised, two different entries on the same day are not confused."""
    if isinstance(unique_id, str) and unique_id.strip():
        # as written: an export of Briefer's carries each event's uid or dataset id, which
        # are how the workspace knows them again
        return unique_id.strip()
    digest = hashlib.sha1(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()[:20]
    return f"{_PREFIX}{digest}"


_PREFIX = "timelinejs:"  # an entry without an id is known by a digest of itself


class TimelineJSReader:
    format = "TimelineJS JSON"
    encoding = "UTF-8"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raise ExchangeError(f"{self.path}: no such file") from None
        except OSError as error:
            raise ExchangeError(f"{self.path}: cannot be read ({error.strerror})") from None
        try:
            self.data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise ExchangeError(f"{self.path}: not UTF-8 text (byte {error.start})") from None
        except json.JSONDecodeError as error:
            raise ExchangeError(f"{self.path}: not valid JSON (line {error.lineno}: {error.msg})") from None
        if not isinstance(self.data, dict) or not ("events" in self.data or "timeline" in self.data):
            raise ExchangeError(f"{self.path}: not a TimelineJS file (no \"events\" or \"timeline\")")
        self._done = False
        title = self._title()
        self.dataset_source: Optional[tuple[str, SourceKind]] = (
            f"TimelineJS: {title}" if title else f"TimelineJS: {self.path.stem}", SourceKind.OTHER)

    def _title(self) -> str:
        if "timeline" in self.data and isinstance(self.data["timeline"], dict):
            return html_to_text(self.data["timeline"].get("headline", ""))[:120].replace("\n", " ")
        t = self.data.get("title")
        if isinstance(t, dict) and isinstance(t.get("text"), dict):
            return html_to_text(t["text"].get("headline", ""))[:120].replace("\n", " ")
        return ""

    def fraction(self) -> float:
        return 1.0 if self._done else 0.5

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        if "timeline" in self.data and isinstance(self.data["timeline"], dict):
            yield from self._legacy(self.data["timeline"], report)
        else:
            for key, tag in (("events", ()), ("eras", ("era",))):
                items = self.data.get(key) or []
                if not isinstance(items, list):
                    raise ExchangeError(f"{self.path}: '{key}' is not a list")
                for i, item in enumerate(items):
                    yield self._v3(item, f"{key}[{i}]", tag, report)
        self._done = True

    def _v3(self, item: Any, where: str, tags: tuple[str, ...], report: ImportReport) -> Union[Row, Problem]:
        if not isinstance(item, dict):
            return Problem(None, "is not an object", where)
        text = item.get("text") if isinstance(item.get("text"), dict) else {}
        headline = html_to_text(text.get("headline", "")).replace("\n", " ")
        body = html_to_text(text.get("text", ""))
        try:
            when = when_of(item.get("start_date"), item.get("end_date"), "the", report, where)
        except WhenError as error:
            return Problem(None, str(error), where)
        title = headline or (body.split("\n", 1)[0][:100] if body else "") or "Untitled event"
        notes = _media_notes(item.get("media"))
        group = item.get("group")
        if isinstance(group, str) and group.strip():
            tags = tags + (group.strip(),)
        fields: dict[str, Any] = {"title": title, "when": when, "summary": body, "notes": notes, "tags": tags}
        location = item.get("location")
        if isinstance(location, dict):
            try:
                if location.get("lat") not in (None, "") and location.get("lon") not in (None, ""):
                    fields["latitude"], fields["longitude"] = float(location["lat"]), float(location["lon"])
            except (TypeError, ValueError):
                report.warn(None, "the location's lat/lon are not numbers; left out", where)
            if isinstance(location.get("name"), str):
                fields["place"] = location["name"].strip()
        return Row(None, fields, _external_id(item.get("unique_id"), item), [], [], where)

    def _legacy(self, timeline: dict, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        dates = timeline.get("date") or []
        if not isinstance(dates, list):
            raise ExchangeError(f"{self.path}: 'timeline.date' is not a list")
        for i, item in enumerate(dates):
            where = f"timeline.date[{i}]"
            if not isinstance(item, dict):
                yield Problem(None, "is not an object", where)
                continue
            headline = html_to_text(item.get("headline", "")).replace("\n", " ")
            body = html_to_text(item.get("text", ""))
            try:
                when = when_of(item.get("startDate"), item.get("endDate"), "the", report, where)
            except WhenError as error:
                yield Problem(None, str(error), where)
                continue
            asset = item.get("asset") if isinstance(item.get("asset"), dict) else {}
            tags = tuple(t.strip() for t in str(item.get("tag") or item.get("tags") or "").split(",") if t.strip())
            title = headline or (body.split("\n", 1)[0][:100] if body else "") or "Untitled event"
            fields = {"title": title, "when": when, "summary": body, "tags": tags,
                      "notes": _media_notes({"url": asset.get("media"), "credit": asset.get("credit"),
                                             "caption": asset.get("caption")})}
            yield Row(None, fields, _external_id(None, item), [], [], where)


def _media_notes(media: Any) -> str:
    if not isinstance(media, dict):
        return ""
    lines = []
    for key, label in (("url", "media"), ("caption", "media caption"), ("credit", "media credit")):
        value = media.get(key)
        if isinstance(value, str) and value.strip():
            lines.append(f"TimelineJS {label}: {html_to_text(value) if key != 'url' else value.strip()}")
    return "\n".join(lines)


# -- export -------------------------------------------------------------------------
def _date_object(p: Point) -> dict[str, str]:
    out = {"year": str(int(p.year.replace("X", "0")))}
    if p.month and p.month != "XX":
        out["month"] = str(SEASONS[p.season][0] if p.season else int(p.month))  # a season: its first month
        if p.day and p.day != "XX":
            out["day"] = str(int(p.day))
            if p.time:
                out["hour"], out["minute"] = (str(int(x)) for x in p.time.split(":"))
    return out


def _event_object(e: Event) -> dict[str, Any]:
    w = e.when
    start = w.start if w.start is not None else w.end
    obj: dict[str, Any] = {"start_date": _date_object(start)}  # type: ignore[arg-type]
    if w.interval and w.start is not None and w.end is not None:
        obj["end_date"] = _date_object(w.end)
    if w.label != w.edtf or w.precision is not Precision.DAY:
        obj["display_date"] = w.label
    obj["text"] = {"headline": html.escape(e.title),
                   "text": "<p>" + "</p><p>".join(html.escape(p) for p in e.summary.split("\n") if p) + "</p>"
                   if e.summary else ""}
    if e.event_type:
        obj["group"] = e.event_type
    # the id it came with (from any dataset), or Briefer's own: importing the export back adds nothing
    obj["unique_id"] = e.external_id.removeprefix(_PREFIX) or e.uid
    if e.latitude is not None and e.longitude is not None:
        obj["location"] = {"lat": e.latitude, "lon": e.longitude, "name": e.place}
    return obj


def export_timelinejs(ws: Workspace, path: str | os.PathLike[str], f: Optional[EventFilter] = None,
                      progress: Optional[ExportProgress] = None) -> int:
    """Write the filter's events (or all) as a TimelineJS 3 JSON file."""
    target = Path(path)
    ids = ws.event_ids(f or EventFilter())
    with written(target, newline=None) as handle:
        handle.write('{"title": ' + json.dumps({"text": {"headline": html.escape(ws.name), "text": ""}},
                                                 ensure_ascii=False) + ',\n "events": [\n')
        first = True
        for events in chunks(ws, ids, progress):
            for event in events:
                handle.write(("" if first else ",\n") + json.dumps(_event_object(event), ensure_ascii=False))
                first = False
        eras = [_era_object(period) for period in ws.periods()]
        handle.write("\n]" + (',\n "eras": ' + json.dumps(eras, ensure_ascii=False) if eras else "") + "}\n")
    return len(ids)


def _era_object(period: Period) -> dict[str, Any]:
    """A period as a TimelineJS era: its first and last day, and its name."""
    lo, hi = period.when.earliest, period.when.latest
    return {"start_date": {"year": str(lo.year), "month": str(lo.month), "day": str(lo.day)},
            "end_date": {"year": str(hi.year), "month": str(hi.month), "day": str(hi.day)},
            "text": {"headline": html.escape(period.name), "text": html.escape(period.notes)}}
