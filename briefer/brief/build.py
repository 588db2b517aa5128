"""Build a brief: read the scope from the store, lay it out with reportlab platypus.

Two steps, so that the GUI can keep the workspace on its own thread: `collect_brief`
asks the store (quick), `render_brief` lays out and writes the PDF (slow, touches
no workspace).  `build_brief` does both.

The PDF is written next to its destination and moved into place only when complete:
a failed or cancelled build never leaves half a brief, nor overwrites the last one.
"""

from __future__ import annotations

import io
import os
from ast import literal_eval
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, PageTemplate, Spacer, Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from .. import __version__
from ..core.errors import BrieferError
from ..core.files import check_output, write_bytes
from ..core.filter import EventFilter
from ..core.model import CREDIBILITY_LABELS, RELIABILITY_LABELS, Actor, Document, Event, Source
from ..core.status import status_label
from ..core.when import MONTH_ABBR, When
from .chart import AXIS_H, LANE_PAD, LEGEND_H, ROW_H, ChartItem, TimelineChart, chart_span
from .settings import TLP_LEVELS, BriefError, BriefSettings
from .text import FONT, FONT_BOLD, Para, esc, has_rtl, link, ltr_para, para, plain, register_fonts, rtl_first

__all__ = ["BriefData", "BriefResult", "BriefCancelled", "collect_brief", "render_brief", "build_brief",
           "Progress", "TOC_AFTER_PAGES", "MAX_EVENTS"]

Progress = Callable[[float, str], Optional[bool]]
"""progress(fraction 0..1, what is happening); returning False cancels the build."""

TOC_AFTER_PAGES = 3  # a brief longer than this gets a table of contents
MAX_EVENTS = 5000  # a larger scope is a filter mistake, not something to print
_TOC_MAX_GROUPS = 30  # more groups than this: the contents list the sections only
_GUESS_TOC_EVENTS = 25  # above this many events, lay out with a TOC first (saves a pass)
_LOW_GRADES = frozenset("DEF")  # "graded below C"
_CONTEXT_BEFORE = 35 * 86400  # what a daily brief's chart shows around its day
_CONTEXT_AFTER = 4 * 86400


class BriefCancelled(BriefError):
    """The user cancelled the build; nothing was written."""


# -- what a brief holds -------------------------------------------------------------------
@dataclass
class BriefData:
    """Everything a brief shows, read from the store in one go."""

    settings: BriefSettings
    events: list[Event]
    actors: dict[str, Actor]
    sources: dict[str, Source]
    documents: dict[str, Document]
    period_start: Optional[When]
    period_end: Optional[When]
    scope_label: str
    workspace_name: str
    number: int
    generated: datetime


@dataclass
class BriefResult:
    path: Path
    pages: int
    events: int
    actors: int
    sources: int
    references: int
    has_toc: bool
    seconds: float
    number: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"path": str(self.path), "number": self.number, "pages": self.pages, "events": self.events, "actors": self.actors,
                "sources": self.sources, "references": self.references, "toc": self.has_toc,
                "seconds": round(self.seconds, 3), "warnings": self.warnings}


Scope = Union[EventFilter, Sequence[str], None]


def _minute(moment: datetime) -> When:
    return When.parse(f"{moment:%Y-%m-%dT%H:%M}")


def brief_period(settings: BriefSettings, scope_filter: EventFilter) -> tuple[Optional[When], Optional[When]]:
    """The period the brief covers: the daily template's day (or the 24 h up to the
    cut-off), the period template's start/end, else the scope filter's own dates."""
    if settings.template == "daily":
        if settings.day is not None:
            return settings.day, settings.day
        cutoff = settings.cutoff or _utc_now().replace(second=0)
        return _minute(cutoff - timedelta(hours=24)), _minute(cutoff)
    if settings.start is not None or settings.end is not None:
        return settings.start, settings.end
    return scope_filter.start, scope_filter.end


def _describe_scope(f: EventFilter, ws: object, selection: bool) -> str:
    if selection:
        return f"{len(f.uids or ())} selected events"
    parts = []
    if f.actors:
        names = []
        for uid in f.actors:
            try:
                names.append(ws.get_actor(uid).name)  # type: ignore[attr-defined]
            except Exception:  # a deleted actor: say so rather than fail
                names.append("(unknown actor)")
        parts.append(("all of " if f.actor_mode == "all" and len(names) > 1 else "") + ", ".join(names))
    if f.sources:
        parts.append(f"{len(f.sources)} source(s)")
    if f.event_types:
        parts.append(", ".join(f.event_types))
    if f.tags:
        parts.append("tags " + ", ".join(f.tags))
    if f.min_reliability:
        parts.append(f"sources graded {f.min_reliability} or better")
    if f.text:
        parts.append(f"matching “{f.text}”")
    if f.uids is not None:
        parts.append(f"{len(f.uids)} chosen events")
    return "; ".join(parts) if parts else "all events"


def collect_brief(ws: object, settings: BriefSettings, scope: Scope = None) -> BriefData:
    """Read the events in scope and what they refer to.  Raise `BriefError` for an empty
    scope (a brief with nothing in it is a mistake, not a document)."""
    selection = scope is not None and not isinstance(scope, EventFilter)
    if scope is None:
        f = EventFilter()
    elif isinstance(scope, EventFilter):
        f = scope
    else:
        f = EventFilter(uids=tuple(scope))
    page_width = _page_size(settings.page_size)[0]
    if not settings.tlp and marking_font_size(settings.marking, page_width) is None:
        raise BriefError(f"the marking is too long to print on one line at the top and bottom of each page "
                         f"({len(settings.marking.strip())} characters); shorten it")
    start, end = brief_period(settings, f)
    f = f.with_(start=start, end=end)
    label = _describe_scope(f, ws, selection)
    count = ws.count_events(f)  # type: ignore[attr-defined]
    if count > MAX_EVENTS:  # refused before anything is read: ~180 pages per thousand events
        raise BriefError(f"the brief's scope holds {count:,} events ({label}); a brief takes at most "
                         f"{MAX_EVENTS:,}: narrow the period or the filter")
    events: list[Event] = ws.search_events(f)  # type: ignore[attr-defined]
    period = _period_label(start, end)
    if not events:
        where = f" in {period}" if period else ""
        raise BriefError(f"no events in the brief's scope ({label}{where}); no PDF was written")
    actors = {a.uid: a for a in ws.actors()}  # type: ignore[attr-defined]
    sources = {s.uid: s for s in ws.sources()}  # type: ignore[attr-defined]
    documents: dict[str, Document] = {}
    for event in events:
        for c in event.citations:
            if c.document_uid and c.document_uid not in documents:
                try:
                    documents[c.document_uid] = ws.get_document(c.document_uid)  # type: ignore[attr-defined]
                except Exception:  # a document deleted under us: cite the source alone
                    pass
    number = settings.number
    if number is None:
        from .settings import next_brief_number

        number = next_brief_number(ws)
    return BriefData(settings, events, actors, sources, documents, start, end, label,
                     getattr(ws, "name", ""), number, settings.generated or _utc_now())


# -- labels -------------------------------------------------------------------------------
def _period_label(start: Optional[When], end: Optional[When]) -> str:
    if start is None and end is None:
        return ""
    if start is not None and end is not None:
        if start.edtf == end.edtf:
            return start.label
        return f"{start.label} – {end.label}"
    if start is not None:
        return f"since {start.label}"
    return f"until {end.label}"  # type: ignore[union-attr]


def _events_span_label(events: Sequence[Event]) -> str:
    starts = [e.when for e in events if not e.when.open_start]
    ends = [e.when for e in events if not e.when.open_end]
    if not starts or not ends:
        return "open-ended"
    first = min(starts, key=lambda w: w.earliest)
    last = max(ends, key=lambda w: w.latest)
    a, b = first.earliest, last.latest
    if a.date() == b.date():
        return f"{a.day} {MONTH_ABBR[a.month - 1]} {a.year}"
    if (a.month, a.day) == (1, 1) and (b.month, b.day) == (12, 31):
        return str(a.year) if a.year == b.year else f"{a.year} – {b.year}"
    return f"{a.day} {MONTH_ABBR[a.month - 1]} {a.year} – {b.day} {MONTH_ABBR[b.month - 1]} {b.year}"


def _long_day(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B} {moment.year}"


def _utc_now() -> datetime:
    """Now, as the workspace keeps times: naive UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def _stamp(moment: datetime) -> str:
    return f"{moment.day} {MONTH_ABBR[moment.month - 1]} {moment.year} {moment:%H:%M}"


# -- styles -------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    ink = colors.HexColor("#1d232b")
    grey = colors.HexColor("#5b6470")
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, textColor=ink)
    s = {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13, textColor=grey, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=10,
                             spaceAfter=5, textColor=colors.HexColor("#17375e"), keepWithNext=1),
        "h1-loose": ParagraphStyle("h1-loose", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16,
                                   spaceBefore=10, spaceAfter=5, textColor=colors.HexColor("#17375e")),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=7,
                             spaceAfter=3, textColor=colors.HexColor("#17375e"), keepWithNext=1),
        "event": ParagraphStyle("event", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=5,
                                keepWithNext=1),
        "meta": ParagraphStyle("meta", parent=base, fontSize=7.8, leading=10, textColor=grey),
        "small": ParagraphStyle("small", parent=base, fontSize=7.8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.8, leading=9.6),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=FONT_BOLD, fontSize=7.8, leading=9.6),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=7.8, leading=9.6,
                               textColor=colors.white),
        "quote": ParagraphStyle("quote", parent=base, fontSize=8, leading=10.5, leftIndent=14,
                                textColor=colors.HexColor("#333a44")),
        "bluf": ParagraphStyle("bluf", parent=base, fontSize=9.5, leading=13, leftIndent=10, bulletIndent=0),
        "ref": ParagraphStyle("ref", parent=base, fontSize=8.3, leading=10.8, spaceBefore=4),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=10, textColor=grey),
        "marking": ParagraphStyle("marking", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10,
                                  alignment=TA_CENTER, textColor=colors.HexColor("#7a1010")),
        "toc1": ParagraphStyle("toc1", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=13, leftIndent=0),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=8.5, leading=11, leftIndent=14),
    }
    return s


# -- flowables with outline entries -------------------------------------------------------
class _Heading(Para):
    """A heading that becomes a bookmark, an outline entry and a TOC line (unless its
    `toc_markup` is None)."""

    def __init__(self, markup: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(markup, style)
        self.outline_level = level
        self.outline_text = plain(markup)
        self.toc_markup = markup  # already escaped: TOC entries are markup too
        self.outline_key = key


def _heading(markup: str, style: ParagraphStyle, level: int, key: str) -> Flowable:
    if has_rtl(markup):  # shaped, bidi-ordered paragraph with the outline attributes
        p = para(markup, style)
        p.outline_level, p.outline_text, p.toc_markup, p.outline_key = level, plain(markup), markup, key
        return p
    return _Heading(markup, style, level, key)


class _BriefDoc(BaseDocTemplate):
    def __init__(self, target: object, data: BriefData, styles: dict[str, ParagraphStyle], **kw: object) -> None:
        self.data = data
        self.styles = styles
        super().__init__(target, **kw)

    def handle_documentBegin(self) -> None:
        self.canv._briefer_dry = getattr(self, "_dry", False)
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        key = flowable.outline_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level > 0)
        if flowable.toc_markup is not None:
            self.notify("TOCEntry", (level, flowable.toc_markup, self.page, key))


class _Frame(Frame):
    """A frame that only measures, without drawing, during a dry layout pass.

    The first pass of `multiBuild` is never the one saved (the page total cannot be
    satisfied before a second pass), so drawing it would be wasted work."""

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if not getattr(canv, "_briefer_dry", False):
            return super()._add(flowable, canv, trySplit)
        flowable.drawOn = _draw_nothing  # type: ignore[method-assign]
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add  # Frame binds `add` to its own _add


def _draw_nothing(*args: object, **kwargs: object) -> None:
    return None


class _Contents(TableOfContents):
    """reportlab's table of contents with its lines shaped and bidi-ordered like the rest
    of the brief (a group headed by an Arabic actor name).  `wrap` is reportlab's own,
    but for the paragraph it makes of each entry."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]

        def draw_entry_end(canvas: Canvas, kind: str, label: str) -> None:
            page, level, key = label.split(",")
            style = self.getLevelStyle(int(level))
            dot = " . " if self.dotsMinLevel >= 0 and int(level) >= self.dotsMinLevel else ""
            drawPageNumbers(canvas, style, [(int(page), literal_eval(key))], availWidth, availHeight, dot)

        self.canv.setNamedCB("drawTOCEntryEnd", draw_entry_end)
        rows = []
        for level, text, page, key in entries:
            style = self.getLevelStyle(level)
            if key:
                text = f'<a href="#{key}">{text}</a>'
                key_value = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
            else:
                key_value = None
            # (a shaped line breaks in reportlab 5.1 when the page-number callback is glued to a word)
            gap = " " if has_rtl(text) else ""
            rows.append([ltr_para(f'{text}{gap}<onDraw name="drawTOCEntryEnd" label="{page},{level},{key_value}"/>',
                                  style)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


class _PageTotal(IndexingFlowable):
    """Knows the page count of the previous layout pass, so each page can say "of Y".

    multiBuild lays out again until every indexing flowable is satisfied: this one is
    satisfied when two passes end on the same page count.  (A canvas that holds its
    pages back to number them at the end would break every link's destination.)"""

    def __init__(self, doc: "_BriefDoc") -> None:
        super().__init__()
        self.doc = doc
        self.previous: Optional[int] = None
        self.total: Optional[int] = None

    def isSatisfied(self) -> bool:
        return self.total is not None and self.previous == self.total

    def beforeBuild(self) -> None:
        self.previous = self.total
        self.doc._dry = self.total is None  # the first pass: never saved, see _Frame

    def afterBuild(self) -> None:
        self.total = self.doc.page

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def _draw_page_number(canvas: Canvas, total: Optional[int]) -> None:
    width, _ = canvas._pagesize
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(colors.HexColor("#5b6470"))
    canvas.drawRightString(width - 18 * mm, 13 * mm, f"Page {canvas.getPageNumber()} of {total or '?'}")
    canvas.restoreState()


def _draw_marking(canvas: Canvas, data: BriefData, styles: dict[str, ParagraphStyle], y: float) -> None:
    width, _ = canvas._pagesize
    settings = data.settings
    level = settings.tlp
    canvas.saveState()
    if level:
        fg, bg = TLP_LEVELS[level]
        label = f"TLP:{level}"
        w = canvas.stringWidth(label, FONT_BOLD, 9) + 12
        canvas.setFillColor(colors.HexColor(bg))
        canvas.roundRect((width - w) / 2, y - 3, w, 13, 2, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(fg))
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(width / 2, y, label)
    elif settings.marking.strip():
        size = marking_font_size(settings.marking, width) or _MARKING_SIZES[-1]
        style = ParagraphStyle("marking-fit", parent=styles["marking"], fontSize=size, leading=size + 1.5)
        p = para(esc(settings.marking.strip()), style)
        _, h = p.wrap(width - 40 * mm, 30)
        p.drawOn(canvas, 20 * mm, y - 2 + 10 - h)
    canvas.restoreState()


_MARKING_SIZES = (8.5, 8, 7.5, 7, 6.5, 6)


def marking_font_size(marking: str, page_width: float) -> Optional[float]:
    """The largest type size at which a classification line fits on one line across the
    page (it is printed at the top and bottom of every page); None when none does."""
    register_fonts()
    text = marking.strip()
    for size in _MARKING_SIZES:
        if stringWidth(text, FONT_BOLD, size) <= page_width - 40 * mm:
            return size
    return None


def _marking_width(data: BriefData, page_width: float) -> float:
    level = data.settings.tlp
    if level:
        return stringWidth(f"TLP:{level}", FONT_BOLD, 9) + 12
    text = data.settings.marking.strip()
    size = marking_font_size(text, page_width) or _MARKING_SIZES[-1]
    return min(stringWidth(text, FONT_BOLD, size), page_width - 40 * mm)


def _elide(text: str, room: float, font: str, size: float) -> str:
    """`text`, cut short with an ellipsis to fit `room` points ("" when nothing fits)."""
    if stringWidth(text, font, size) <= room:
        return text
    cut = len(text)
    while cut > 0 and stringWidth(text[:cut].rstrip() + "…", font, size) > room:
        cut -= 1
    return text[:cut].rstrip() + "…" if cut > 3 else ""


def _on_page(canvas: Canvas, doc: _BriefDoc) -> None:
    if getattr(canvas, "_briefer_dry", False):
        return
    data, styles = doc.data, doc.styles
    width, height = canvas._pagesize
    _draw_marking(canvas, data, styles, height - 11 * mm)
    _draw_marking(canvas, data, styles, 7 * mm)
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#c5ccd6"))
    canvas.setLineWidth(0.5)
    canvas.line(18 * mm, height - 14 * mm, width - 18 * mm, height - 14 * mm)
    canvas.line(18 * mm, 17 * mm, width - 18 * mm, 17 * mm)
    canvas.restoreState()
    # running head: title and number; drawn as a paragraph since a title may be Arabic
    # it keeps clear of the marking centred above it: a long title is cut short
    room = (width - _marking_width(data, width)) / 2 - 18 * mm - 4 * mm
    number = f" · No. {data.number}"
    style = styles["note"]
    title = _elide(data.settings.display_title, room - stringWidth(number, style.fontName, style.fontSize),
                   style.fontName, style.fontSize)
    if room >= stringWidth(number, style.fontName, style.fontSize):  # else the marking needs the whole line
        head = para(esc(f"{title}{number}" if title else number.lstrip(" ·")), style)
        head.wrap(room, 20)
        x = 18 * mm if not rtl_first(title) else width - 18 * mm - room
        head.drawOn(canvas, x, height - 13 * mm)
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(colors.HexColor("#5b6470"))
    canvas.drawString(18 * mm, 13 * mm, f"Generated {_stamp(data.generated)} UTC by Briefer")
    canvas.restoreState()
    _draw_page_number(canvas, doc.page_total.previous)


# -- the story ----------------------------------------------------------------------------
@dataclass
class _Refs:
    """Citation references: one number per cited (source, document), in order of first use."""

    numbers: dict[tuple[str, Optional[str]], int] = field(default_factory=dict)
    uses: dict[int, list[tuple[int, object]]] = field(default_factory=dict)  # ref -> [(event no., citation)]

    def cite(self, event_number: int, citation: object) -> int:
        key = (citation.source_uid, citation.document_uid)  # type: ignore[attr-defined]
        n = self.numbers.setdefault(key, len(self.numbers) + 1)
        self.uses.setdefault(n, []).append((event_number, citation))
        return n


def _group_key(event: Event, grouping: str, actors: dict[str, Actor]) -> tuple:
    """(sort key, heading) of the group an event is listed under; each event in one group."""
    when = event.when
    if grouping in ("day", "month"):
        a, b = when.earliest, when.latest
        if grouping == "day":
            if not when.open_start and not when.open_end and a.date() == b.date():
                return (0, a.date().isoformat()), _long_day(a)
            return (1, ""), "Spanning several days, or less precise dates"
        if not when.open_start and not when.open_end and (a.year, a.month) == (b.year, b.month):
            return (0, f"{a.year:04d}-{a.month:02d}"), f"{a:%B} {a.year}"
        return (1, ""), "Spanning several months, or less precise dates"
    if grouping == "actor":
        lead = next((p for p in event.participants if p.role.value == "initiator"), None) or \
            (event.participants[0] if event.participants else None)
        if lead is None or lead.actor_uid not in actors:
            return (1, ""), "No actor recorded"
        name = actors[lead.actor_uid].name
        return (0, name.casefold()), name
    kind = event.event_type or ""
    return ((0, kind.casefold()), kind) if kind else ((1, ""), "No event type recorded")


def _ordered_groups(events: Sequence[Event], grouping: str, actors: dict[str, Actor]) -> list[tuple[str, list[Event]]]:
    groups: dict[tuple, tuple[str, list[Event]]] = {}
    for event in events:  # events arrive in date order and keep it inside each group
        key, heading = _group_key(event, grouping, actors)
        groups.setdefault(key, (heading, []))[1].append(event)
    return [groups[k] for k in sorted(groups)]


def _flags(event: Event, sources: dict[str, Source]) -> list[str]:
    uids = event.source_uids
    flags = []
    if not uids:
        flags.append("no source cited")
    elif len(uids) == 1:
        flags.append("single source")
    grades = [sources[u].reliability for u in uids if u in sources]
    if grades and all(g in _LOW_GRADES for g in grades):
        flags.append("only sources graded below C")
    return flags


def _event_flowables(number: int, event: Event, data: BriefData, refs: _Refs,
                     styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [para(f'<a name="ev{number}"/>E{number} · {esc(status_label(event.tags, event.title))}',
                                styles["event"])]
    meta = [esc(event.when.label)]
    place = ", ".join(dict.fromkeys(x.strip() for x in (event.place, event.country) if x and x.strip()))
    if place:
        meta.append(esc(place))
    kind = " / ".join(x for x in (event.event_type, event.sub_event_type) if x)
    if kind:
        meta.append(esc(kind))
    if event.fatalities is not None:
        meta.append(f"fatalities: {event.fatalities}")
    meta.append(f"confidence: {esc(event.confidence.value)}")
    out.append(para(" · ".join(meta), styles["meta"]))
    if event.participants:
        names = []
        for p in event.participants:
            actor = data.actors.get(p.actor_uid)
            if actor is not None:
                names.append(f"{esc(actor.name)} ({esc(p.role.label)})")
        if names:
            out.append(para("Actors: " + "; ".join(names), styles["small"]))
    if event.summary.strip():
        out.append(para(esc(event.summary.strip()), styles["body"]))
    marks = [refs.cite(number, c) for c in event.citations]
    marks = list(dict.fromkeys(marks))
    line = "Sources: " + (" ".join(f'<a href="#ref{n}" color="#1f4e8c">[{n}]</a>' for n in marks) if marks else "none")
    flags = _flags(event, data.sources)
    if flags:
        line += ' <font color="#b0491a">⚠ ' + "; ".join(flags) + "</font>"
    out.append(para(line, styles["small"]))
    return out


def _actor_table(data: BriefData, styles: dict[str, ParagraphStyle], width: float) -> Optional[Flowable]:
    counts: dict[str, int] = {}
    for event in data.events:
        for uid in dict.fromkeys(event.actor_uids):
            counts[uid] = counts.get(uid, 0) + 1
    involved = [data.actors[u] for u in counts if u in data.actors]
    if not involved:
        return None
    involved.sort(key=lambda a: (-counts[a.uid], a.name.casefold()))
    cell, bold = styles["cell"], styles["cellbold"]
    rows: list[list[object]] = [[para(h, styles["head"]) for h in ("Actor", "Also known as", "Kind", "Part of",
                                                                    "Events")]]
    for actor in involved:
        parent = data.actors.get(actor.member_of) if actor.member_of else None
        rows.append([
            para(esc(actor.name), bold),
            para(esc(", ".join(actor.aliases)) or "—", cell),
            para(esc(actor.kind.label), cell),
            para(esc(parent.name) if parent else "—", cell),
            para(str(counts[actor.uid]), cell),
        ])
    widths = [0.27, 0.33, 0.13, 0.19, 0.08]
    table = Table(rows, colWidths=[w * width for w in widths], repeatRows=1)
    table.setStyle(_table_style())
    return table


def _table_style() -> TableStyle:
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#17375e")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c5ccd6")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])


def _source_flowables(data: BriefData, refs: _Refs, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = []
    by_number = {n: key for key, n in refs.numbers.items()}
    for n in sorted(by_number):
        source_uid, document_uid = by_number[n]
        source = data.sources.get(source_uid)
        name = esc(source.name) if source else "(deleted source)"
        grade = source.reliability if source else "F"
        head = (f'<a name="ref{n}"/>[{n}] <b>{name}</b> — reliability <b>{grade}</b> '
                f"({esc(RELIABILITY_LABELS[grade])})")
        if source is not None:
            head += f" · {esc(source.kind.label)}"
            if source.url:
                head += " · " + link(source.url)
        block = [para(head, styles["ref"])]
        document = data.documents.get(document_uid) if document_uid else None
        if document is not None:
            parts = [f"Document: “{esc(document.title)}”"]
            if document.published is not None:
                parts.append(f"published {esc(document.published.label)}")
            if document.author:
                parts.append(f"by {esc(document.author)}")
            if document.url:
                parts.append(link(document.url))
            block.append(para(", ".join(parts), styles["small"]))
        for event_number, citation in refs.uses[n]:
            cred = citation.credibility  # type: ignore[attr-defined]
            block.append(para(f'<a href="#ev{event_number}" color="#1f4e8c">E{event_number}</a> · credibility '
                              f"{cred} ({esc(CREDIBILITY_LABELS[cred])})", styles["meta"]))
            quote = citation.quote.strip()  # type: ignore[attr-defined]
            if quote:
                text = esc(quote) if has_rtl(quote) else f"“{esc(quote)}”"
                block.append(para(text, styles["quote"]))
        out.append(KeepTogether(block) if len(block) <= 6 else block[0])
        if len(block) > 6:
            out.extend(block[1:])
    return out


def _chart(data: BriefData, numbers: dict[str, int], width: float, height: float) -> Optional[Flowable]:
    settings = data.settings
    counts: dict[str, int] = {}
    for event in data.events:
        for uid in dict.fromkeys(event.actor_uids):
            if uid in data.actors:
                counts[uid] = counts.get(uid, 0) + 1
    top = sorted(counts, key=lambda u: (-counts[u], data.actors[u].name.casefold()))
    keep = top[: max(1, settings.max_chart_lanes - 1)] if len(top) > settings.max_chart_lanes else top
    lane_of = {uid: i for i, uid in enumerate(keep)}
    names = [data.actors[u].name for u in keep]
    other = none = None
    items = []
    for event in data.events:
        lanes = [lane_of[u] for u in dict.fromkeys(event.actor_uids) if u in lane_of]
        if any(u not in lane_of for u in event.actor_uids):
            if other is None:
                other = len(names)
                names.append("Other actors")
            lanes.append(other)
        if not event.actor_uids:
            if none is None:
                none = len(names)
                names.append("No actor")
            lanes.append(none)
        w = event.when
        items.append(ChartItem(numbers[event.uid], w.earliest_ts, w.latest_ts, w.is_point, w.uncertain,
                               w.approximate, w.open_start, w.open_end, tuple(dict.fromkeys(lanes))))
    lo = data.period_start.earliest_ts if data.period_start is not None and not data.period_start.open_start else None
    hi = data.period_end.latest_ts if data.period_end is not None and not data.period_end.open_end else None
    highlight = (lo, hi) if lo is not None and hi is not None else None
    if settings.template == "daily" and highlight is not None:
        # a day alone shows every multi-day event as a full-width bar: show the weeks
        # that led to it, and shade the day itself
        lo, hi = lo - _CONTEXT_BEFORE, hi + _CONTEXT_AFTER
    lo, hi = chart_span(items, lo, hi)
    if settings.template == "daily":
        max_rows = 30  # keeps the daily brief short
    else:  # a period summary may give the chart a page of its own (less its heading)
        max_rows = max(30, int((height - 40 - AXIS_H - LEGEND_H - 4 - 2 * LANE_PAD * len(names)) // ROW_H))
    # a daily brief is 1-3 pages: its chart gives up rows rather than leave page 1 half empty
    return TimelineChart(items, names, lo, hi, width, max_rows=max_rows, highlight=highlight,
                         shrink=settings.template == "daily")


def _header(data: BriefData, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    s = data.settings
    out: list[Flowable] = [
        para(esc(s.display_title), styles["title"]),
        para(f"{esc(s.template_label)} · No. {data.number}" + (f" · {esc(data.workspace_name)}"
                                                              if data.workspace_name else ""), styles["subtitle"]),
    ]
    period = _period_label(data.period_start, data.period_end) or _events_span_label(data.events)
    cutoff = s.cutoff or (data.period_end.latest if data.period_end is not None and not data.period_end.open_end
                          else None)
    rows = [
        ("Desk", esc(s.desk) if s.desk.strip() else "—"),
        ("Period covered", esc(period)),
        ("Cut-off", (_stamp(cutoff) + (" UTC" if s.template == "daily" and s.day is None else "")) if cutoff
         else "—"),
        ("Generated", _stamp(data.generated) + " UTC"),
        ("Scope", esc(data.scope_label) + f" · {len(data.events)} event{'s' if len(data.events) != 1 else ''}"),
        ("Handling", esc(s.marking.strip()) or "—"),
    ]
    table = Table([[para(k, styles["cellbold"]), para(v, styles["cell"])] for k, v in rows],
                  colWidths=[30 * mm, width - 30 * mm])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.HexColor("#17375e")),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.HexColor("#17375e")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    out.append(table)
    return out


def _bluf(data: BriefData, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_heading("Bottom line up front", styles["h1"], 0, "bluf")]
    lines = [line.strip() for line in data.settings.bluf.splitlines() if line.strip()]
    if not lines:
        out.append(para("No key judgements were written for this brief.", styles["note"]))
    for line in lines:
        bullet = re.match(r"^([-*•])\s+", line)
        text = line[bullet.end():] if bullet else line
        if bullet and rtl_first(text):  # an Arabic judgement: its bullet on the right, where it starts
            p = para("• " + esc(text), styles["bluf"])
        else:
            p = para(esc(text), styles["bluf"])
            if bullet:
                p.bulletText = "•"
        out.append(p)
    return out


def _story(data: BriefData, styles: dict[str, ParagraphStyle], width: float, height: float,
           with_toc: bool) -> list[Flowable]:
    s = data.settings
    story: list[Flowable] = _header(data, styles, width)
    if with_toc:
        toc = _Contents(levelStyles=[styles["toc1"], styles["toc2"]], dotsMinLevel=0)
        story += [Spacer(1, 6), para("Contents", styles["h2"]), toc]
    else:
        toc = None
    story += _bluf(data, styles)
    groups = _ordered_groups(data.events, s.grouping, data.actors)
    numbers: dict[str, int] = {}
    for _, events in groups:
        for event in events:
            numbers[event.uid] = len(numbers) + 1
    if s.chart:
        story.append(_heading("Timeline", styles["h1"], 0, "timeline"))
        story.append(_chart(data, numbers, width, height))
    refs = _Refs()
    # the room check comes before the section's heading, not between it and its first
    # group: a break there left "Key events" alone at the foot of a page
    story.append(CondPageBreak(50 * mm))
    story.append(_heading(f"Key events ({len(data.events)})", styles["h1"], 0, "events"))
    for g, (heading, events) in enumerate(groups):
        if g:
            story.append(CondPageBreak(40 * mm))
        group_heading = _heading(esc(heading), styles["h2"], 1, f"group{g}")
        if len(groups) > _TOC_MAX_GROUPS:  # a contents page per decade helps no one: the outline has them
            group_heading.toc_markup = None
        story.append(group_heading)
        for event in events:
            story.append(KeepTogether(_event_flowables(numbers[event.uid], event, data, refs, styles)))
    table = _actor_table(data, styles, width)
    # a long table may start at the foot of a page (its header row repeats): keeping it
    # with its heading would push the whole table, and leave a gap, onto the next page
    story.append(CondPageBreak(30 * mm))
    story.append(_heading("Actors involved", styles["h1-loose"], 0, "actors"))
    story.append(table if table is not None else para("No actor is recorded for these events.", styles["note"]))
    story.append(_heading("Sources", styles["h1"], 0, "sources"))
    story.append(para("Reliability of sources: A (completely reliable) to F (cannot be judged); credibility of each "
                      "item: 1 (confirmed by other sources) to 6 (cannot be judged).", styles["note"]))
    sources = _source_flowables(data, refs, styles)
    story += sources if sources else [para("No source is cited for these events.", styles["note"])]
    if toc is not None:
        # the headings are known before layout, only their pages are not: with the
        # entries in place the first pass lays the contents out at their final height,
        # so two passes settle both the contents and "page X of Y" (not three)
        toc.addEntries([(f.outline_level, f.toc_markup, 0, f.outline_key) for f in story
                        if getattr(f, "toc_markup", None) is not None])
    return story


# -- rendering ----------------------------------------------------------------------------
def _page_size(name: str) -> tuple[float, float]:
    return A4 if name == "a4" else LETTER


def _metadata(data: BriefData) -> dict[str, str]:
    s = data.settings
    period = _period_label(data.period_start, data.period_end) or _events_span_label(data.events)
    counts: dict[str, int] = {}
    for event in data.events:
        for uid in event.actor_uids:
            counts[uid] = counts.get(uid, 0) + 1
    top = [data.actors[u].name for u in sorted(counts, key=lambda u: -counts[u]) if u in data.actors][:6]
    keywords = ["brief", s.template_label, s.marking.strip(), *top]
    return {
        "title": f"{s.display_title} — {period}",
        "author": s.desk.strip() or "Briefer",
        "subject": f"{s.template_label} No. {data.number}: {data.scope_label}, {period}",
        "keywords": ", ".join(k for k in keywords if k),
        "creator": f"Briefer {__version__}",
        "producer": f"Briefer {__version__} (reportlab)",
    }


def _layout(data: BriefData, target: object, with_toc: bool, progress: Optional[Progress],
            share: tuple[float, float]) -> int:
    """Lay the brief out into `target`; return its page count."""
    styles = _styles()
    pagesize = _page_size(data.settings.page_size)
    margin_x, margin_top, margin_bottom = 18 * mm, 20 * mm, 22 * mm
    doc = _BriefDoc(target, data, styles, pagesize=pagesize, leftMargin=margin_x, rightMargin=margin_x,
                    topMargin=margin_top, bottomMargin=margin_bottom, **_metadata(data))
    frame = _Frame(margin_x, margin_bottom, pagesize[0] - 2 * margin_x, pagesize[1] - margin_top - margin_bottom,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("brief", [frame], onPage=_on_page)])
    width = frame._aW
    state = {"size": 1, "pass": 0}
    # the first (dry) pass measures the pages, the second draws them numbered "X of Y"
    weights = (0.4, 0.6)

    def report(kind: str, value: int) -> None:
        if progress is None:
            return
        if kind == "SIZE_EST":
            state["size"] = max(1, value)
        elif kind == "PASS":
            state["pass"] = value - 1
        elif kind == "PROGRESS":
            k = min(state["pass"], len(weights) - 1)
            done = sum(weights[:k]) + weights[k] * min(value / state["size"], 1.0)
            # a third pass (the contents moved a page break) must not run the bar backwards
            state["done"] = max(state.get("done", 0.0), min(done, 1.0))
            if progress(share[0] + (share[1] - share[0]) * state["done"], "Laying out pages") is False:
                raise BriefCancelled("the brief was cancelled; nothing was written")

    doc.setProgressCallBack(report)
    doc.page_total = _PageTotal(doc)
    doc.passes = doc.multiBuild([doc.page_total, *_story(data, styles, width, frame._aH, with_toc)], maxPasses=6)
    return doc.page


def render_brief(data: BriefData, out_path: Union[str, os.PathLike[str]],
                 progress: Optional[Progress] = None, inputs: Sequence[Union[str, os.PathLike[str]]] = ()) -> BriefResult:
    """Lay out and write the PDF.  Touches no workspace, so it may run on any thread.
    The PDF may not replace the workspace nor any of `inputs` (a bottom-line file)."""
    started = time.perf_counter()
    out_path = Path(out_path)
    try:
        check_output(out_path, inputs)  # say so before the layout, not after
    except BrieferError as error:
        raise BriefError(f"{error}; the brief was not written") from None
    if not out_path.parent.is_dir():
        raise BriefError(f"{out_path.parent}: no such folder; the brief was not written")
    if progress is not None and progress(0.0, "Preparing the brief") is False:
        raise BriefCancelled("the brief was cancelled; nothing was written")
    guess_toc = len(data.events) > _GUESS_TOC_EVENTS
    buffer = io.BytesIO()
    first_share = 0.9 if guess_toc else 0.5
    pages = _layout(data, buffer, guess_toc, progress, (0.0, first_share))
    with_toc = guess_toc
    if (pages > TOC_AFTER_PAGES) != guess_toc:  # the guess was wrong: lay out again
        with_toc = not guess_toc
        buffer = io.BytesIO()
        pages = _layout(data, buffer, with_toc, progress, (first_share, 0.97))
    warnings = []
    if data.settings.template == "daily" and pages > 3:
        warnings.append(f"this daily brief runs to {pages} pages; narrow the scope for a 1–3 page brief")
    if out_path.is_dir():
        raise BriefError(f"{out_path}: is a folder; give the name of the PDF to write")
    try:  # whole or not at all, never over the workspace or an input, never through a symlink
        write_bytes(out_path, buffer.getvalue(), inputs=inputs)
    except BrieferError as error:
        raise BriefError(f"{error}; the brief was not written") from None
    keys = {(c.source_uid, c.document_uid) for e in data.events for c in e.citations}
    refs = len(keys)
    actors = len({u for e in data.events for u in e.actor_uids})
    sources = len({u for e in data.events for u in e.source_uids})
    if progress is not None:
        progress(1.0, "Done")
    return BriefResult(out_path, pages, len(data.events), actors, sources, refs, with_toc,
                       time.perf_counter() - started, data.number, warnings)


def build_brief(ws: object, settings: BriefSettings, filter_or_uids: Scope, out_path: Union[str, os.PathLike[str]],
                progress: Optional[Progress] = None,
                inputs: Sequence[Union[str, os.PathLike[str]]] = ()) -> BriefResult:
    """Build a brief of the events in scope (a filter, a list of event uids, or None for
    all) into `out_path`.  Raise `BriefError` when the scope is empty or the file
    cannot be written."""
    return render_brief(collect_brief(ws, settings, filter_or_uids), out_path, progress, inputs)

