"""GDELT event files: 1.0 (57 columns in the back files, 58 in the daily updates) and
2.0 (61 columns), tab-separated without a header.  The layout is told row by row by
its width, because files glued from both kinds exist.

What goes where: SQLDATE → the day; Actor1/Actor2 names → initiator and target (GDELT
writes them in capitals; they are title-cased and matched to known actors by name or
alias); the CAMEO root code → event type (its label), the full code → sub-type;
ActionGeo → place, country (the last part of the full name) and coordinates;
SOURCEURL's site → a cited source, and every event also cites GDELT; the tone and
mention counts → labelled lines in the notes; GLOBALEVENTID → external id "GDELT:<id>".
"""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path
from typing import Iterator, Optional, Union
from urllib.parse import urlsplit

from ..core.model import ActorKind, Role, SourceKind
from ..core.when import When
from .importing import Row
from .report import ImportReport, Problem
from .tabular import open_text, records

__all__ = ["GdeltReader", "CAMEO_ROOTS"]

CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}

_KINDS = {
    **dict.fromkeys(("GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY"), ActorKind.STATE),
    **dict.fromkeys(("REB", "INS", "SEP", "UAF", "MOD", "RAD"), ActorKind.ARMED_GROUP),
    **dict.fromkeys(("IGO", "NGO", "MNC", "BUS", "EDU", "MED", "HLH", "CVL", "LAB", "REF", "AGR", "CRM", "ELI",
                     "ENV", "IMG", "SET", "DEV", "HRI", "REL"), ActorKind.ORGANISATION),
}

GDELT_SOURCE = ("GDELT", SourceKind.OTHER)

# (action geo full name, country code, lat, long, date added, source url) by row width
_LAYOUTS = {57: (50, 51, 53, 54, 56, None), 58: (50, 51, 53, 54, 56, 57), 61: (52, 53, 56, 57, 59, 60)}
_NOTES = ((30, "Goldstein scale"), (31, "mentions"), (32, "sources"), (33, "articles"), (34, "average tone"),
          (29, "quad class"))


class GdeltReader:
    format = "GDELT events"

    def __init__(self, path: str | os.PathLike[str], encoding: Optional[str] = None) -> None:
        self.path = Path(path)
        self.text = open_text(self.path, encoding)
        self.encoding = self.text.encoding
        self.dataset_source: Optional[tuple[str, SourceKind]] = GDELT_SOURCE
        self._names: dict[str, str] = {}
        self._days: dict[str, When] = {}

    def fraction(self) -> float:
        return self.text.bytes_read / self.text.size if self.text.size else 1.0

    def _name(self, raw: str) -> str:
        name = self._names.get(raw)
        if name is None:
            name = self._names[raw] = raw.strip().title()
        return name

    def rows(self, report: ImportReport) -> Iterator[Union[Row, Problem]]:
        for item in records(self.text, report, delimiter="\t", quoting=csv.QUOTE_NONE):
            if isinstance(item, Problem):
                yield item
                continue
            line, r = item
            layout = _LAYOUTS.get(len(r))
            if layout is None:
                if line == 1 and r and r[0].strip().lower() in ("globaleventid", "tableid"):
                    continue  # a header someone added
                yield Problem(line, f"has {len(r)} columns; GDELT event rows have 57, 58 (1.0) or 61 (2.0)")
                continue
            i_place, i_cc, i_lat, i_lon, i_added, i_url = layout
            event_id, sqldate = r[0].strip(), r[1].strip()
            if not event_id.isdigit():
                yield Problem(line, f"GLOBALEVENTID '{event_id}' is not a number")
                continue
            try:
                when = self._days.get(sqldate)
                if when is None:
                    if len(sqldate) != 8 or not sqldate.isdigit():
                        raise ValueError
                    when = self._days[sqldate] = When.day(date(int(sqldate[:4]), int(sqldate[4:6]), int(sqldate[6:])))
                latitude = float(r[i_lat]) if r[i_lat].strip() else None
                longitude = float(r[i_lon]) if r[i_lon].strip() else None
            except ValueError:
                if not (len(sqldate) == 8 and sqldate.isdigit()):
                    yield Problem(line, f"SQLDATE '{sqldate}' is not a date (YYYYMMDD)")
                else:
                    yield Problem(line, f"ActionGeo coordinates '{r[i_lat]}', '{r[i_lon]}' are not numbers")
                continue
            a1, a2 = self._name(r[6]) if r[6].strip() else "", self._name(r[16]) if r[16].strip() else ""
            root = r[28].strip().zfill(2) if r[28].strip() else ""
            label = CAMEO_ROOTS.get(root, f"CAMEO {r[26].strip()}" if r[26].strip() else "Event")
            place = r[i_place].strip()
            title = label + (f": {a1}" if a1 else "") + (f" → {a2}" if a2 else "")
            actors = []
            if a1:
                actors.append((a1, Role.INITIATOR, _KINDS.get(r[12].strip(), ActorKind.OTHER)))
            if a2 and a2 != a1:
                actors.append((a2, Role.TARGET, _KINDS.get(r[22].strip(), ActorKind.OTHER)))
            notes = [f"GDELT {name}: {r[i].strip()}" for i, name in _NOTES if r[i].strip()]
            sources = []
            url = r[i_url].strip() if i_url is not None else ""
            if url:
                notes.append(f"GDELT source url: {url}")
                site = urlsplit(url).hostname or ""
                if site.startswith("www."):
                    site = site[4:]
                if site:
                    sources.append(site)
            notes.append(f"GDELT date added: {r[i_added].strip()}")
            fields = {
                "title": title, "when": when, "place": place, "latitude": latitude, "longitude": longitude,
                "country": place.rsplit(",", 1)[-1].strip() if place else r[i_cc].strip(),
                "event_type": label, "sub_event_type": f"CAMEO {r[26].strip()}" if r[26].strip() else "",
                "notes": "\n".join(notes),
            }
            yield Row(line, fields, f"GDELT:{event_id}", actors, sources)
