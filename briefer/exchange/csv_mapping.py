"""Any CSV or TSV of events, through a column mapping the user makes once and reuses.

A mapping says which column holds what (title, date, end date, summary, place,
coordinates, country, types, fatalities, tags, actors with a role, sources, an id), how
lists inside a cell are separated, and how ambiguous dates such as 03/04/2019 are meant.
It is saved as a small JSON file, so the CLI takes it with `--mapping FILE` and the
import dialog offers the ones saved before.

Dates are read as EDTF or the friendly forms Briefer prints ("9 Feb 2019", "c. 2013",
"Feb 2019"), then as numeric dates in the mapping's day/month order, then by
`dateparser` (English, offline) as a last resort; each distinct text is parsed once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from ..core.errors import WhenError, too_deep
from ..core.files import write_text
from ..core.model import ActorKind, Role, SourceKind
from ..core.when import Point, When
from .importing import Row
from .json_format import ExchangeError
from .report import ImportReport, Problem
from .tabular import open_text, parse_count, records, sniff_delimiter

__all__ = ["ColumnMapping", "MappedCsvReader", "guess_mapping", "preview", "TARGETS", "parse_any_date"]

# What a column can be mapped to, with the label the dialog shows.
TARGETS = {
    "title": "Title", "date": "Date", "end_date": "End date", "summary": "Summary", "place": "Place",
    "latitude": "Latitude", "longitude": "Longitude", "country": "Country", "event_type": "Event type",
    "sub_event_type": "Sub-type", "fatalities": "Fatalities", "tags": "Tags", "sources": "Sources",
    "external_id": "Id", "notes": "Notes",
}
ROLE_TARGETS = {f"actor:{r.value}": f"Actor ({r.label})" for r in Role}

_GUESSES = {
    "title": ("title", "headline", "event", "name", "event_name", "subject"),
    "date": ("date", "event_date", "start", "start_date", "day", "when", "sqldate", "startdate"),
    "end_date": ("end", "end_date", "enddate", "until"),
    "summary": ("summary", "description", "notes", "text", "details", "body"),
    "place": ("place", "location", "city", "town", "village", "site", "where", "locality", "area"),
    "latitude": ("latitude", "lat", "y"),
    "longitude": ("longitude", "lon", "lng", "long", "x"),
    "country": ("country",),
    "event_type": ("event_type", "type", "category"),
    "sub_event_type": ("sub_event_type", "subtype", "sub_type"),
    "fatalities": ("fatalities", "deaths", "killed", "dead", "casualties"),
    "tags": ("tags", "tag", "keywords", "labels"),
    "sources": ("source", "sources", "outlet", "publisher"),
    "external_id": ("id", "event_id", "event_id_cnty", "uid", "identifier", "ref", "reference"),
    "actor:initiator": ("actor", "actor1", "actor_1", "perpetrator", "initiator", "by", "who", "who_did_it",
                        "attacker", "side_a"),
    "actor:target": ("actor2", "actor_2", "target", "victim", "against", "against_whom", "side_b"),
}


@dataclass
class ColumnMapping:
    """target → column name (or 1-based column number when the file has no header)."""

    columns: dict[str, str] = field(default_factory=dict)
    actors: list[dict[str, str]] = field(default_factory=list)  # [{"column": ..., "role": ...}]
    delimiter: str = ""  # "" = detect
    has_header: bool = True
    date_order: str = "dmy"  # how 03/04/2019 is read: dmy, mdy or ymd
    list_separator: str = ";"
    id_prefix: str = ""
    source: str = ""  # a source every row cites (default: the file's name)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False)

    def save(self, path: str | os.PathLike[str]) -> Path:
        target = Path(path)
        write_text(target, self.to_json())
        return target

    @classmethod
    def from_dict(cls, data: Any, where: str = "mapping") -> "ColumnMapping":
        if not isinstance(data, dict):
            raise ExchangeError(f"{where}: a mapping is a JSON object")
        known = {f for f in cls.__dataclass_fields__}
        unknown = set(data) - known
        if unknown:
            if unknown <= set(TARGETS):  # {"title": "Headline"}: columns written at the top level
                first = sorted(unknown)[0]
                raise ExchangeError(f"{where}: {', '.join(sorted(unknown))} go under \"columns\", as in "
                                    f"{{\"columns\": {{\"{first}\": \"{data[first]}\", \"date\": ...}}}}")
            raise ExchangeError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
        mapping = cls(**data)
        mapping.check(where)
        return mapping

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "ColumnMapping":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ExchangeError(f"{path}: no such mapping file") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ExchangeError(f"{path}: not a JSON mapping ({error})") from None
        except RecursionError:
            raise ExchangeError(too_deep(path)) from None
        return cls.from_dict(data, str(path))

    def check(self, where: str = "mapping") -> None:
        if not isinstance(self.columns, dict):
            raise ExchangeError(f"{where}: 'columns' must map targets to columns")
        for target in self.columns:
            if target not in TARGETS:
                raise ExchangeError(f"{where}: '{target}' is not a target (one of: {', '.join(TARGETS)})")
        if "date" not in self.columns:
            raise ExchangeError(f"{where}: no column is mapped to the date")
        for actor in self.actors:
            if not isinstance(actor, dict) or "column" not in actor:
                raise ExchangeError(f"{where}: each actor needs a 'column'")
            Role.parse(actor.get("role", "mentioned"), "actor role")
        if self.date_order not in ("dmy", "mdy", "ymd"):
            raise ExchangeError(f"{where}: date_order is dmy, mdy or ymd, not '{self.date_order}'")


def guess_mapping(header: list[str]) -> ColumnMapping:
    """A first mapping from column names; the user corrects it in the dialog."""
    mapping = ColumnMapping()
    lowered = [h.strip().lower().replace(" ", "_") for h in header]
    for target, names in _GUESSES.items():
        for name in names:
            if name in lowered:
                column = header[lowered.index(name)]
                if target.startswith("actor:"):
                    if not any(a["column"] == column for a in mapping.actors):
                        mapping.actors.append({"column": column, "role": target.split(":", 1)[1]})
                elif column not in mapping.columns.values():
                    mapping.columns[target] = column
                break
    return mapping


def preview(path: str | os.PathLike[str], mapping: Optional[ColumnMapping] = None, rows: int = 20,
            encoding: Optional[str] = None) -> tuple[list[str], list[list[str]], str, str]:
    """(header, first rows, delimiter, encoding label) for the mapping step's table."""
    import csv

    text = open_text(path, encoding)
    lines = text.head(rows + 40)
    delimiter = (mapping.delimiter if mapping and mapping.delimiter else "") or sniff_delimiter(lines)
    parsed = list(csv.reader(lines, delimiter=delimiter))
    parsed = [r for r in parsed if r]
    has_header = mapping.has_header if mapping else True
    if has_header and parsed:
        header, body = parsed[0], parsed[1:rows + 1]
    else:
        width = max((len(r) for r in parsed), default=0)
        header, body = [str(i + 1) for i in range(width)], parsed[:rows]
    return header, body, delimiter, text.encoding


_NUMERIC = re.compile(r"^(\d{1,4})[./\-](\d{1,2})[./\-](\d{1,4})$")


def parse_any_date(text: str, order: str = "dmy") -> When:
    text = text.strip()
    if not text:
        raise WhenError("the date is empty")
    m = _NUMERIC.match(text)
    if m:
        a, b, c = m.groups()
        try:
            if len(a) == 4:
                return When.day(date(int(a), int(b), int(c)))
            year = int(c) + (2000 if len(c) == 2 and int(c) < 70 else 1900 if len(c) == 2 else 0)
            day, month = (int(a), int(b)) if order == "dmy" else (int(b), int(a))
            return When.day(date(year, month, day))
        except ValueError as error:
            raise WhenError(f"'{text}' is not a date ({error})") from None
    try:
        return When.parse_friendly(text)
    except WhenError:
        pass
    import dateparser  # slow to import; only files with unusual dates need it

    order_setting = {"dmy": "DMY", "mdy": "MDY", "ymd": "YMD"}[order]
    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": order_setting,
                                                                 "PREFER_DAY_OF_MONTH": "first",
                                                                 "REQUIRE_PARTS": ["year"]})
    if parsed is None:
        raise WhenError(f"'{text}' is not a date Briefer can read")
    return When.day(parsed.date())


def _day(p: Point) -> Point:
    return Point(p.year, p.month, p.day, None, p.uncertain, p.approximate)


def _span(first: When, last: When) -> When:
    """From the start of `first` to the end of `last`."""
    p = first.start if first.start is not None else first.end
    q = last.end if last.interval and last.end is not None else (last.start if last.start is not None else last.end)
    assert p is not None and q is not None
    if str(p) == str(q):
        return first
    return When.between(_day(p), _day(q))


class MappedCsvReader:
    format = "CSV"

    def __init__(self, path: str | os.PathLike[str], mapping: ColumnMapping, encoding: Optional[str] = None) -> None:
        mapping.check()
        self.path = Path(path)
        self.mapping = mapping
        self.text = open_text(self.path, encoding)
        self.encoding = self.text.encoding
        self.delimiter = mapping.delimiter or sniff_delimiter(self.text.head(20))
        self.format = "TSV" if self.delimiter == "\t" else "CSV"
        self.dataset_source: Optional[tuple[str, SourceKind]] = (mapping.source or self.path.name, SourceKind.OTHER)
        self._dates: dict[str, When] = {}

    def fraction(self) -> float:
        return self.text.bytes_read / self.text.size if self.text.size else 1.0

    def _index(self, header: Optional[list[str]], column: str) -> int:
        if header is not None:
            names = [h.strip().lstrip("\ufeff") for h in header]
            if column in names:
                return names.index(column)
            lowered = [n.lower() for n in names]
            if column.strip().lower() in lowered:
                return lowered.index(column.strip().lower())
        if str(column).isdigit() and int(column) >= 1:
            return int(column) - 1
        raise ExchangeError(f"{self.path}: the mapping names a column '{column}' the file does not have"
                            + (f" (columns: {', '.join(header[:30])})" if header else ""))

    def _when(self, text: str) -> When:
        when = self._dates.get(text)
        if when is None:
            when = self._dates[text] = parse_any_date(text, self.mapping.date_order)
        return when

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        m = self.mapping
        stream = records(self.text, report, delimiter=self.delimiter)
        header: Optional[list[str]] = None
        if m.has_header:
            for item in stream:
                if isinstance(item, Problem):
                    raise ExchangeError(f"{self.path}: the header line cannot be read ({item.reason})")
                header = item[1]
                break
            if header is None:
                raise ExchangeError(f"{self.path}: the file is empty")
        col = {target: self._index(header, column) for target, column in m.columns.items() if column != ""}
        # a mapping that names one column in one role twice (or 16,000 times) reads it once
        actors = list(dict.fromkeys((self._index(header, a["column"]), Role.parse(a.get("role", "mentioned"), "actor role"))
                                    for a in m.actors if a.get("column")))
        sep = m.list_separator or ";"

        for item in stream:
            if isinstance(item, Problem):
                yield item
                continue
            line, r = item

            def get(target: str) -> str:
                i = col.get(target)
                return r[i].strip() if i is not None and i < len(r) else ""

            try:
                when = self._when(get("date"))
                end = get("end_date")
                if end:
                    last = self._when(end)
                    if last.latest < when.earliest:
                        raise WhenError(f"the end date '{end}' is before the date '{get('date')}'")
                    when = _span(when, last)
            except WhenError as error:
                yield Problem(line, f"{error}")
                continue
            try:
                lat, lon, fat = get("latitude"), get("longitude"), get("fatalities")
                latitude = float(lat) if lat else None
                longitude = float(lon) if lon else None
                fatalities = parse_count(fat, "fatalities")
            except ValueError as error:
                if "too large" in str(error):
                    yield Problem(line, str(error))
                    continue
                yield Problem(line, "latitude, longitude or fatalities is not a number "
                                    f"('{get('latitude')}', '{get('longitude')}', '{get('fatalities')}')")
                continue
            summary = get("summary")
            title = get("title") or " ".join(x for x in (get("event_type"), get("place") and f"in {get('place')}") if x) \
                or summary[:100]
            if not title:
                yield Problem(line, "has no title (and nothing to make one from)")
                continue
            names = []
            for i, role in actors:
                if i < len(r):
                    names.extend((n.strip(), role, ActorKind.OTHER) for n in r[i].split(sep) if n.strip())
            names = list(dict.fromkeys(names))  # "A; A" in a cell is one participant
            external = get("external_id")
            if external:
                external = f"{m.id_prefix}{external}"
            else:  # no id column: the row's content is its identity, so a second import adds nothing
                key = "|".join((title, when.edtf, get("place"), summary, *(n for n, _, _ in names)))
                external = "csv:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
            yield Row(line, {
                "title": title, "when": when, "summary": summary, "place": get("place"),
                "latitude": latitude, "longitude": longitude, "country": get("country"),
                "event_type": get("event_type"), "sub_event_type": get("sub_event_type"),
                "fatalities": fatalities, "notes": get("notes"),
                "tags": tuple(t.strip() for t in get("tags").split(sep) if t.strip()),
            }, external, names,
                [s.strip() for s in get("sources").split(sep) if s.strip()])
