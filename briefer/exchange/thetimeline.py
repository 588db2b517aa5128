"""Files of the Timeline desktop app (thetimelineproj): the XML format (1.0 and later)
and the line format of versions before 1.0 (`EVENT:start;end;text;category[;description:...]`).

Events become Briefer events: start and end as a day (or a minute, for a point with a
time of day) or an interval of days, `fuzzy` as approximate, the category as a tag,
the description as the summary.  Every event cites a source named after the file, and
gets an external id from its dates and text, so importing a file twice adds nothing.
The XML is read as a stream (iterparse), one event at a time.
"""

from __future__ import annotations

import hashlib
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import Iterator, Optional, Union

from ..core.errors import WhenError
from ..core.model import SourceKind
from ..core.when import Point, When
from .importing import Row
from .json_format import ExchangeError
from .report import ImportReport, Problem
from .tabular import open_text

__all__ = ["TimelineFileReader", "parse_timeline_moment"]

_MOMENT = re.compile(r"^\s*(-?\d{1,4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$")


def parse_timeline_moment(text: str) -> datetime:
    """ "2013-03-30 11:16:00" or the old unpadded "2009-7-13 0:0:0"."""
    m = _MOMENT.match(text or "")
    if not m:
        raise WhenError(f"'{text}' is not a Timeline date (YYYY-MM-DD hh:mm:ss)")
    year = int(m[1])
    if not 1 <= year <= 9999:
        raise WhenError(f"the year {year} cannot be kept (Briefer's dates run from year 1 to 9999)")
    try:
        return datetime(year, int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    except ValueError as error:
        raise WhenError(f"'{text}' is not a date ({error})") from None


def when_from(start: str, end: str, fuzzy: bool = False) -> When:
    a, b = parse_timeline_moment(start), parse_timeline_moment(end or start)
    if b < a:
        raise WhenError(f"ends ({end}) before it starts ({start})")
    if a == b:
        if a.hour or a.minute:
            return When(Point.of(a.year, a.month, a.day, time=f"{a.hour:02d}:{a.minute:02d}"))
        return When(Point.of(a.year, a.month, a.day, approximate=fuzzy))
    if a.date() == b.date():
        return When(Point.of(a.year, a.month, a.day, approximate=fuzzy))
    return When.between(Point.of(a.year, a.month, a.day, approximate=fuzzy),
                        Point.of(b.year, b.month, b.day, approximate=fuzzy))


def _external_id(start: str, end: str, text: str) -> str:
    return "timeline:" + hashlib.sha1(f"{start}|{end}|{text}".encode("utf-8")).hexdigest()[:20]


class TimelineFileReader:
    format = "Timeline (.timeline)"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.text = open_text(self.path)
        self.encoding = self.text.encoding
        head = "\n".join(self.text.head(3)).lstrip("\ufeff").lstrip()
        if head.startswith("<"):
            self.kind = "xml"
        elif head.startswith("#") or head.startswith("PREFERRED-PERIOD") or head.startswith("EVENT:"):
            self.kind = "text"
        else:
            raise ExchangeError(f"{self.path}: not a Timeline file (neither its XML nor its older line format)")
        self.dataset_source: Optional[tuple[str, SourceKind]] = (f"Timeline file {self.path.name}", SourceKind.OTHER)
        self._position = 0

    def fraction(self) -> float:
        if self.kind == "text":
            return self.text.bytes_read / self.text.size if self.text.size else 1.0
        return min(1.0, self._position / self.text.size) if self.text.size else 1.0

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        if self.kind == "xml":
            yield from self._xml(report)
        else:
            yield from self._lines(report)

    def _row(self, line: Optional[int], where: str, start: str, end: str, text: str, category: str,
             description: str, fuzzy: bool) -> Union[Row, Problem]:
        try:
            when = when_from(start, end, fuzzy)
        except WhenError as error:
            return Problem(line, str(error), where)
        title = " ".join(text.split()) or "Untitled event"
        fields = {"title": title, "when": when, "summary": description.strip(),
                  "tags": (category.strip(),) if category.strip() else ()}
        return Row(line, fields, _external_id(start, end, text), [], [], where)

    def _lines(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        for number, line in enumerate(self.text.lines(), 1):
            if number in self.text.bad_lines:
                yield Problem(number, self.text.bad_lines[number])
                continue
            line = line.rstrip("\r\n")
            if not line.startswith("EVENT:"):
                continue
            parts = line[len("EVENT:"):].split(";")
            if len(parts) < 3:
                yield Problem(number, "an EVENT line needs start;end;text")
                continue
            start, end, text = parts[0], parts[1], parts[2]
            category, description = "", ""
            for extra in parts[3:]:
                if extra.startswith("description:"):
                    description = extra[len("description:"):].replace("\\n", "\n")
                elif not category:
                    category = extra
            yield self._row(number, "", start, end, text, category, description, False)

    def _xml(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        index = 0
        handle = open(self.path, "rb")
        try:
            for _, element in ET.iterparse(handle, events=("end",)):
                self._position = handle.tell()
                if element.tag == "timetype" and (element.text or "").strip() not in ("", "gregoriantime"):
                    raise ExchangeError(f"{self.path}: uses the '{element.text}' time type; only Gregorian dates "
                                        "can be imported")
                if element.tag != "event":
                    continue
                index += 1

                def get(name: str) -> str:
                    child = element.find(name)
                    return (child.text or "") if child is not None else ""

                yield self._row(None, f"event {index}", get("start"), get("end"), get("text"), get("category"),
                                get("description"), get("fuzzy").strip().lower() == "true")
                element.clear()
        except ET.ParseError as error:
            yield Problem(error.position[0] if error.position else None,
                          f"the XML is broken ({error}); the rest of the file was not read")
        finally:
            handle.close()
