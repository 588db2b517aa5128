"""ACLED CSV files in, and events out in ACLED's column layout.

ACLED's files come in many shapes: the 2019 export tool (31 columns with data_id and
iso3), today's 31 columns, the one-actor-per-row ("monadic") layout, the 2016 API
written by pandas (alphabetical, `ally_actor_*` and `gwno`, an unnamed index column),
`NA` for empty cells, dates as "02 November 2019", "2019-11-02", "22-Feb-20" or
"5-Aug-24", CRLF, and notes with commas and line breaks.  Columns are found by name,
so their order and the extra ones do not matter.

What goes where:
  * time_precision 1 → the day; 2 (the source gave a week) → the seven days around
    the date; 3 (a month) → the month.
  * actor1 and its associated actors → initiators; actor2 and its → targets; the kind
    (state, armed group, ...) comes from the inter code.  Actors are matched by name
    or alias and created once.
  * source ("SOHR; SHAM") → one citation per source, and every event also cites ACLED.
  * notes → summary; location → place; event and sub-event type, fatalities,
    coordinates and country as they are; ACLED's tags → tags; admin levels, region,
    precision codes and the other columns → labelled lines in the event's notes, which
    the export reads back.
  * event_id_cnty → the event's external id, so re-importing adds nothing.
"""

from __future__ import annotations

import csv
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator, Optional, Union

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..core.model import Actor, ActorKind, Event, Role, SourceKind, normalize_name
from ..core.when import Precision, When
from ..store import Workspace
from .export_util import ExportProgress, chunks, written
from .importing import Row
from .json_format import ExchangeError
from .report import ImportReport, Problem
from .tabular import open_text, parse_count, records

__all__ = ["AcledReader", "export_acled", "ACLED_COLUMNS", "parse_acled_date", "is_acled_header"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)

# (gwno, the Gleditsch–Ward country number of 2016 files, is not ISO's number: it is kept
# under its own name and not written into `iso` on export)
_ALIASES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}

# Columns kept as labelled lines in the event's notes (and written back on export).
EXTRA_COLUMNS = ("region", "admin1", "admin2", "admin3", "iso", "geo_precision", "source_scale", "disorder_type",
                 "civilian_targeting", "inter1", "inter2", "interaction", "timestamp", "gwno")
_NOTE_PREFIX = "ACLED "

ACLED_SOURCE = ("ACLED", SourceKind.NGO)

_INTER_CODES = {
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3, "political militias": 3,
    "identity militia": 4, "identity militias": 4, "rioters": 5, "protesters": 6, "civilians": 7,
    "external/other forces": 8, "external/other force": 8,
}
_KIND_BY_CODE = {1: ActorKind.STATE, 2: ActorKind.ARMED_GROUP, 3: ActorKind.ARMED_GROUP, 4: ActorKind.ARMED_GROUP,
                 5: ActorKind.OTHER, 6: ActorKind.OTHER, 7: ActorKind.OTHER, 8: ActorKind.ORGANISATION}
_STATE_NAME = re.compile(r"^(Military|Police) Forces of ", re.I)

_MONTHS = {m.lower(): i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), 1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ \-/.]([A-Za-z]+)\.?[ \-/.,]+(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # ACLED starts in 1997: "97" is 1997, "24" is 2024
        year += 1900 if year >= 90 else 2000
    return year


def parse_acled_date(text: str) -> date:
    """A date as ACLED files write it; ValueError names what is wrong."""
    try:
        return _parse_date(text.strip())
    except ValueError as error:
        if str(error).startswith("event_date"):
            raise
        raise ValueError(f"event_date '{text.strip()}' is not a date ({error})") from None


def _parse_date(text: str) -> date:
    m = _ISO.match(text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = _DAY_MONTH_YEAR.match(text)
    if m:
        month = _MONTHS.get(m[2].lower())
        if month is None:
            raise ValueError(f"event_date '{text}': '{m[2]}' is not a month")
        return date(_year(m[3]), month, int(m[1]))
    m = _MONTH_DAY_YEAR.match(text)
    if m and m[1].lower() in _MONTHS:
        return date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    m = _SLASHED.match(text)
    if m:  # day/month/year unless that cannot be (Excel in the US writes month/day/year)
        a, b, y = int(m[1]), int(m[2]), _year(m[3])
        if b > 12 >= a:
            return date(y, a, b)
        return date(y, b, a)
    if not text:
        raise ValueError("event_date is empty")
    raise ValueError(f"event_date '{text}' is not a date (expected e.g. 02 November 2019, 2019-11-02 or 2-Nov-19)")


def _when(day: date, precision: str) -> When:
    if precision in ("", "1"):
        return When.day(day)
    if precision == "2":
        return When.between(When.day(day - timedelta(days=3)), When.day(day + timedelta(days=3)))
    if precision == "3":
        return When.month(day.year, day.month)
    raise ValueError(f"time_precision '{precision}' is not 1 (day), 2 (week) or 3 (month)")


def _inter_code(value: str) -> Optional[int]:
    value = value.strip()
    if value.isdigit():
        return int(value)
    return _INTER_CODES.get(value.lower())


def _kind(name: str, inter: str) -> ActorKind:
    if _STATE_NAME.match(name):
        return ActorKind.STATE
    return _KIND_BY_CODE.get(_inter_code(inter) or 0, ActorKind.OTHER)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip() and part.strip() != "NA"]


def is_acled_header(fields: list[str]) -> bool:
    names = {_ALIASES.get(f.strip().lower(), f.strip().lower()) for f in fields}
    return {"event_date", "event_type", "actor1"} <= names


class AcledReader:
    format = "ACLED CSV"

    def __init__(self, path: str | os.PathLike[str], encoding: Optional[str] = None) -> None:
        self.path = Path(path)
        self.text = open_text(self.path, encoding)
        self.encoding = self.text.encoding
        self.dataset_source: Optional[tuple[str, SourceKind]] = ACLED_SOURCE
        self._dates: dict[tuple[str, str], tuple[When, str]] = {}

    def fraction(self) -> float:
        return self.text.bytes_read / self.text.size if self.text.size else 1.0

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        stream = records(self.text, report)
        header: Optional[list[str]] = None
        for item in stream:
            if isinstance(item, Problem):
                if header is None:
                    raise ExchangeError(f"{self.path}: the header line cannot be read ({item.reason})")
                yield item
                continue
            header = item[1]
            break
        if header is None:
            raise ExchangeError(f"{self.path}: the file is empty")
        columns = [_ALIASES.get(h.strip().lstrip("\ufeff").lower(), h.strip().lstrip("\ufeff").lower())
                   for h in header]
        if not is_acled_header(columns):
            raise ExchangeError(
                f"{self.path}: not an ACLED file (the header lacks event_date, event_type and actor1); "
                "use the generic CSV import with a column mapping")
        col = {name: i for i, name in reversed(list(enumerate(columns))) if name}
        if "event_id_cnty" not in col:
            report.warn(1, "no event_id_cnty column: importing this file again will add its events again")
        width = len(columns)
        yield from self._rows(stream, col, width)

    def _rows(self, stream, col: dict[str, int], width: int) -> Iterator[Union[Row, Problem]]:
        # A column the file lacks reads the empty cell appended to every row (index `width`),
        # so the loop below indexes rows directly: it runs a million times.
        def at(name: str) -> int:
            return col.get(name, width)

        i_id, i_date, i_prec = at("event_id_cnty"), at("event_date"), at("time_precision")
        i_type, i_sub = at("event_type"), at("sub_event_type")
        i_a1, i_as1, i_in1 = at("actor1"), at("assoc_actor_1"), at("inter1")
        i_a2, i_as2, i_in2 = at("actor2"), at("assoc_actor_2"), at("inter2")
        i_inter = at("interaction")
        i_country, i_loc = at("country"), at("location")
        i_lat, i_lon = at("latitude"), at("longitude")
        i_src, i_notes, i_fat, i_tags, i_year = at("source"), at("notes"), at("fatalities"), at("tags"), at("year")
        extras = [(f"{_NOTE_PREFIX}{name}: ", col[name]) for name in EXTRA_COLUMNS if name in col]
        monadic = "actor2" not in col and "interaction" in col
        dates = self._dates
        kinds: dict[tuple[str, str], ActorKind] = {}
        initiator, target = Role.INITIATOR, Role.TARGET

        def kind(name: str, inter: str) -> ActorKind:
            k = kinds.get((name, inter))
            if k is None:
                k = kinds[(name, inter)] = _kind(name, inter)
            return k

        for item in stream:
            if isinstance(item, Problem):
                yield item
                continue
            line, r = item
            n = len(r)
            if n != width:
                if n < width and n > 1:
                    r = r + [""] * (width - n)
                elif n > width and not any(x.strip() for x in r[width:]):
                    r = r[:width]
                else:
                    yield Problem(line, f"has {n} fields where the header has {width}")
                    continue
            if "NA" in r:
                r = ["" if x == "NA" else x for x in r]
            r.append("")

            try:
                date_text, precision = r[i_date], r[i_prec].strip()
                known = dates.get((date_text, precision))
                if known is None:
                    day = parse_acled_date(date_text)
                    known = dates[(date_text, precision)] = (_when(day, precision), str(day.year))
                when, year = known
                lat_text, lon_text, fat_text = r[i_lat], r[i_lon], r[i_fat]
                latitude = float(lat_text) if lat_text else None
                longitude = float(lon_text) if lon_text else None
                fatalities = parse_count(fat_text, "fatalities")
            except ValueError as error:
                yield Problem(line, _explain(error, r, i_lat, i_lon, i_fat))
                continue
            year_text = r[i_year]
            if year_text and year_text != year and year_text.strip() != year:
                yield Problem(line, f"event_date '{date_text}' is not in the year {year_text.strip()} the row gives")
                continue

            event_type, sub_type = r[i_type].strip(), r[i_sub].strip()
            actor1, actor2 = r[i_a1].strip(), r[i_a2].strip()
            place = r[i_loc].strip()
            actors = []
            role1 = initiator
            if actor1:
                inter1 = r[i_in1]
                if monadic:
                    role1 = _monadic_role(inter1, r[i_inter])
                actors.append((actor1, role1, kind(actor1, inter1)))
            if r[i_as1]:
                actors.extend((name, role1, kind(name, "")) for name in _split(r[i_as1]))
            if actor2:
                actors.append((actor2, target, kind(actor2, r[i_in2])))
            if r[i_as2]:
                actors.extend((name, target, kind(name, "")) for name in _split(r[i_as2]))

            summary = r[i_notes].strip()
            if "[Briefer date:" in summary:  # exported by Briefer: the event's own date, whole
                exact, summary = _exact_date(summary)
                when = exact or when
            title = sub_type or event_type or "Event"
            if actor1:
                title = f"{title}: {actor1} vs {actor2}" if actor2 else f"{title}: {actor1}"
            if place:
                title = f"{title} in {place}"
            fields = {
                "title": title, "when": when, "summary": summary, "place": place,
                "latitude": latitude, "longitude": longitude, "country": r[i_country].strip(),
                "event_type": event_type, "sub_event_type": sub_type, "fatalities": fatalities,
                "notes": "\n".join([label + r[i].strip() for label, i in extras if r[i]]),
            }
            if r[i_tags]:
                fields["tags"] = tuple(_split(r[i_tags]))
            yield Row(line, fields, r[i_id].strip(), actors, _split(r[i_src]) if r[i_src] else [])


def _explain(error: ValueError, r: list[str], i_lat, i_lon, i_fat) -> str:
    text = str(error)
    if text.startswith(("event_date", "time_precision", "fatalities")):
        return text
    for name, i in (("latitude", i_lat), ("longitude", i_lon), ("fatalities", i_fat)):
        if r[i]:
            try:
                float(r[i])
            except ValueError:
                return f"{name} '{r[i]}' is not a number"
    return text


def _monadic_role(inter: str, interaction: str) -> Role:
    """In one-actor-per-row files, the interaction ("State forces-Rioters", or 15)
    tells whether this row's actor is the first side or the second."""
    mine = _inter_code(inter)
    if mine is None:
        return Role.INITIATOR
    interaction = interaction.strip()
    if interaction.isdigit() and len(interaction) == 2:
        first, second = int(interaction[0]), int(interaction[1])
    else:
        parts = interaction.split("-")
        if len(parts) != 2:
            return Role.INITIATOR
        first, second = _inter_code(parts[0]), _inter_code(parts[1])
    if first != mine and second == mine:
        return Role.TARGET
    return Role.INITIATOR


# -- export -------------------------------------------------------------------------
def _acled_date_and_precision(when: When) -> tuple[str, int]:
    """ACLED's nearest: a day (1), a week (2) or a month (3).  An open end keeps the known
    bound, at month precision: "on or before Apr 2019" is not a day in April."""
    lo, hi = when.earliest, when.latest
    if when.open_start or when.open_end:
        known = hi if when.open_start else lo
        return date(known.year, known.month, 15).isoformat(), 3
    if when.precision is Precision.MONTH and not when.interval:
        return date(lo.year, lo.month, 15).isoformat(), 3
    middle = (lo + (hi - lo) / 2).date()
    days = (hi.date() - lo.date()).days
    if days == 0:
        return lo.date().isoformat(), 1
    if days <= 7:
        return middle.isoformat(), 2
    return middle.isoformat(), 3


_EXACT_DATE = re.compile(r"\s*\[Briefer date: ([^\]]+)\]\s*$")


def _with_exact_date(notes: str, when: When, event_date: str, precision: int) -> str:
    """The notes, ending "[Briefer date: 2019]" when ACLED's day, week or month says less
    than the event's date (a year, a season, an open end): a reader sees it, and an
    import into Briefer takes the date back whole."""
    if _when(date.fromisoformat(event_date), str(precision)) == when:
        return notes
    return f"{notes} [Briefer date: {when.edtf}]"


def _exact_date(notes: str) -> tuple[Optional[When], str]:
    """An exported event's own date, when its notes carry one, and the notes without it."""
    found = _EXACT_DATE.search(notes)
    if found is None:
        return None, notes
    try:
        return When.parse(found.group(1).strip()), notes[:found.start()]
    except BrieferError:
        return None, notes


def _extras(notes: str) -> tuple[dict[str, str], str]:
    """The ACLED columns kept in an event's notes, and the rest of the notes."""
    found: dict[str, str] = {}
    rest = []
    for line in notes.splitlines():
        if line.startswith(_NOTE_PREFIX):
            name, sep, value = line[len(_NOTE_PREFIX):].partition(": ")
            if sep and name in EXTRA_COLUMNS:
                found[name] = value
                continue
        rest.append(line)
    return found, "\n".join(rest)


def export_acled(ws: Workspace, path: str | os.PathLike[str], f: Optional[EventFilter] = None,
                 progress: Optional[ExportProgress] = None) -> int:
    """Write events (a filter's, or all) as a CSV in ACLED's current column layout.
    Events that did not come from ACLED get their Briefer id as event_id_cnty."""
    target = Path(path)
    actor_names = {a.uid: _acled_name(a) for a in ws.actors()}
    source_names = {s.uid: s.name for s in ws.sources()}
    ids = ws.event_ids(f or EventFilter())
    count = 0
    with written(target) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(ACLED_COLUMNS)
        for events in chunks(ws, ids, progress):
            for event in events:
                writer.writerow(_acled_row(event, actor_names, source_names))
                count += 1
    return count


def _acled_name(actor: Actor) -> str:
    """An actor imported from ACLED under its full name keeps ACLED's string as an alias
    ("QSD: Syrian Democratic Forces"): the export writes that one, as ACLED would."""
    from .reconcile import parse

    key = normalize_name(actor.name)
    for alias in actor.aliases:
        if alias != actor.name and normalize_name(parse(alias).full) == key:
            return alias
    return actor.name


def _acled_row(e: Event, actor_names: dict[str, str], source_names: dict[str, str]) -> list[str]:
    extra, _ = _extras(e.notes)
    # ACLED has two sides: initiators (then spokespeople and the merely mentioned) and
    # targets (then the affected).
    order = {Role.INITIATOR: 0, Role.SPOKESPERSON: 1, Role.MENTIONED: 2, Role.TARGET: 0, Role.AFFECTED: 1}
    side_two = (Role.TARGET, Role.AFFECTED)
    ranked = sorted(enumerate(e.participants), key=lambda ip: (order[ip[1].role], ip[0]))
    first = [actor_names[p.actor_uid] for _, p in ranked if p.role not in side_two]
    second = [actor_names[p.actor_uid] for _, p in ranked if p.role in side_two]
    sources = [source_names[c.source_uid] for c in e.citations if source_names[c.source_uid] != ACLED_SOURCE[0]]
    event_date, precision = _acled_date_and_precision(e.when)
    values = {
        "event_id_cnty": e.external_id or e.uid, "event_date": event_date, "year": event_date[:4],
        "time_precision": str(precision), "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "actor1": first[0] if first else "", "assoc_actor_1": "; ".join(first[1:]),
        "actor2": second[0] if second else "", "assoc_actor_2": "; ".join(second[1:]),
        "country": e.country, "location": e.place,
        "latitude": "" if e.latitude is None else repr(e.latitude),
        "longitude": "" if e.longitude is None else repr(e.longitude),
        "source": "; ".join(sources), "notes": _with_exact_date(e.summary or e.title, e.when, event_date, precision),
        "fatalities": "" if e.fatalities is None else str(e.fatalities), "tags": "; ".join(e.tags),
        "timestamp": extra.get("timestamp") or str(int((e.updated - datetime(1970, 1, 1)).total_seconds())),
    }
    for name in EXTRA_COLUMNS:
        if name not in values or not values[name]:
            values.setdefault(name, "")
            if extra.get(name):
                values[name] = extra[name]
    return [values.get(name, "") for name in ACLED_COLUMNS]
