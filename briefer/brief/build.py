"""Build a brief: read the scope from the store, lay it out with reportlab platypus.

Two steps, so that the GUI can keep the workspace on its own thread: `collect_brief`
asks the store (quick), `render_brief` lays out and writes the PDF (slow, touches
no workspace).  `build_brief` does both.  The sections themselves are laid out in
`story.py`, `sections.py` and `citations.py`; the page around them in `page.py`.

The PDF is written next to its destination and moved into place only when complete:
a failed or cancelled build never leaves half a brief, nor overwrites the last one.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import PageTemplate

from .. import __version__
from ..core.errors import BrieferError
from ..core.files import check_output, write_bytes
from ..core.filter import EventFilter
from ..core.model import Document, Event
from .data import BriefCancelled, BriefData, BriefResult, Scope
from .labels import events_span_label, period_label, utc_now
from .page import BodyFrame, BriefCanvas, BriefDoc, make_styles, marking_font_size, on_page
from .settings import BriefError, BriefSettings, next_brief_number
from .story import story
from .window import brief_period, key_figures, minute, previous_label, split_events, window_of

__all__ = ["BriefData", "BriefResult", "BriefCancelled", "collect_brief", "render_brief", "build_brief",
           "Progress", "TOC_AFTER_PAGES", "MAX_EVENTS"]

Progress = Callable[[float, str], Optional[bool]]
"""progress(fraction 0..1, what is happening); returning False cancels the build."""

TOC_AFTER_PAGES = {"period": 3, "daily": 5}  # a brief longer than this gets a table of contents
MAX_EVENTS = 5000  # a larger scope is a filter mistake, not something to print
_GUESS_TOC_EVENTS = 25  # above this many events, lay out with a TOC first (saves a pass)


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
    """Read the events in scope and what they refer to, and tell the new from the
    continuing.  A daily brief with nothing new is still a brief (the desk prints every
    day); a period summary with no event at all is a filter mistake: `BriefError`."""
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
    period = period_label(start, end)
    if not events and settings.template != "daily":
        where = f" in {period}" if period else ""
        raise BriefError(f"no events in the brief's scope ({label}{where}); no PDF was written")
    window = window_of(start, end)
    new, continuing = split_events(events, window)
    previous, label_before = None, ""
    if window is not None:  # the same counts for the window just before, to compare
        before = window.previous()
        previous = split_events(ws.search_events(  # type: ignore[attr-defined]
            f.with_(start=minute(before.lo), end=minute(before.hi))), before)[0]
        label_before = previous_label(window)
    figures = key_figures(new, previous, label_before)
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
    number = settings.number if settings.number is not None else next_brief_number(ws)
    return BriefData(settings, new + continuing, actors, sources, documents, start, end, label,
                     getattr(ws, "name", ""), number, settings.generated or utc_now(), new, continuing, window,
                     figures, list(ws.periods()))  # type: ignore[attr-defined]


# -- rendering ----------------------------------------------------------------------------
def _page_size(name: str) -> tuple[float, float]:
    return A4 if name == "a4" else LETTER


def _metadata(data: BriefData) -> dict[str, str]:
    s = data.settings
    period = period_label(data.period_start, data.period_end) or events_span_label(data.events)
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
    styles = make_styles()
    pagesize = _page_size(data.settings.page_size)
    margin_x, margin_top, margin_bottom = 18 * mm, 20 * mm, 22 * mm
    doc = BriefDoc(target, data, styles, pagesize=pagesize, leftMargin=margin_x, rightMargin=margin_x,
                    topMargin=margin_top, bottomMargin=margin_bottom, **_metadata(data))
    frame = BodyFrame(margin_x, margin_bottom, pagesize[0] - 2 * margin_x, pagesize[1] - margin_top - margin_bottom,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("brief", [frame], onPage=on_page)])
    width = frame._aW
    state = {"size": 1}

    def report(kind: str, value: int) -> None:
        if progress is None:
            return
        if kind == "SIZE_EST":
            state["size"] = max(1, value)
        elif kind == "PROGRESS":
            state["done"] = max(state.get("done", 0.0), min(value / state["size"], 1.0))
            if progress(share[0] + (share[1] - share[0]) * state["done"], "Laying out pages") is False:
                raise BriefCancelled("the brief was cancelled; nothing was written")

    doc.setProgressCallBack(report)
    doc.build(story(data, styles, width, frame._aH, with_toc), canvasmaker=BriefCanvas)  # one pass: see BriefDoc
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
    toc_after = TOC_AFTER_PAGES[data.settings.template]
    guess_toc = len(data.events) > _GUESS_TOC_EVENTS * (2 if data.settings.template == "daily" else 1)
    buffer = io.BytesIO()
    first_share = 0.9 if guess_toc else 0.5
    pages = _layout(data, buffer, guess_toc, progress, (0.0, first_share))
    with_toc = guess_toc
    if (pages > toc_after) != guess_toc:  # the guess was wrong: lay out again
        with_toc = not guess_toc
        buffer = io.BytesIO()
        pages = _layout(data, buffer, with_toc, progress, (first_share, 0.97))
    warnings = []
    if data.settings.template == "daily" and pages > 3:
        warnings.append(f"this daily brief runs to {pages} pages; narrow the scope for a 1–3 page brief")
    if data.window is not None and not data.new:
        warnings.append(f"no new events reported in this period ({len(data.continuing):,} continuing)")
    if out_path.is_dir():
        raise BriefError(f"{out_path}: is a folder; give the name of the PDF to write")
    try:  # whole or not at all, never over the workspace or an input, never through a symlink
        write_bytes(out_path, buffer.getvalue(), inputs=inputs)
    except BrieferError as error:
        raise BriefError(f"{error}; the brief was not written") from None
    keys = {(c.source_uid, c.document_uid or None) for e in data.events for c in e.citations}
    refs = len(keys)
    actors = len({u for e in data.events for u in e.actor_uids})
    sources = len({u for e in data.events for u in e.source_uids})
    if progress is not None:
        progress(1.0, "Done")
    return BriefResult(out_path, pages, len(data.events), actors, sources, refs, with_toc,
                       time.perf_counter() - started, data.number, warnings, len(data.new), len(data.continuing),
                       data.covers_day, data.cutoff, data.settings.bluf_origin if not data.settings.omit_bluf else "")


def build_brief(ws: object, settings: BriefSettings, filter_or_uids: Scope, out_path: Union[str, os.PathLike[str]],
                progress: Optional[Progress] = None,
                inputs: Sequence[Union[str, os.PathLike[str]]] = ()) -> BriefResult:
    """Build a brief of the events in scope (a filter, a list of event uids, or None for
    all) into `out_path`.  Raise `BriefError` when the scope is empty or the file
    cannot be written."""
    return render_brief(collect_brief(ws, settings, filter_or_uids), out_path, progress, inputs)

