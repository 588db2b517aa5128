"""The story of a brief: its sections in reading order.

Page 1 is for the reader who has two minutes: the header, the bottom line, the key
figures of the window, then the first new events (a daily brief) or the timeline
shrunk to the room left (a period summary).  Events merely continuing through the
window follow the new ones, one line each.
"""

from __future__ import annotations

from typing import Optional, Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ..core.model import Actor, Event
from ..core.period import period_colour
from ..core.status import status_label
from .chart import ChartItem, ChartPeriod, TimelineChart, chart_span
from .citations import References, event_flags, source_flowables
from .data import BriefData
from .labels import long_day
from .page import Contents, heading
from .runs import Run, RunLine, anchored
from .sections import NO_NEW_EVENTS, WARNING, actor_table, bluf, continuing_flowables, header, key_figures_table
from .text import esc, ltr_para, para

__all__ = ["story", "TOC_MAX_GROUPS"]

TOC_MAX_GROUPS = 30  # more groups than this: the contents list the sections only
_CONTEXT_BEFORE = 35 * 86400  # what a daily brief's chart shows around its day
_CONTEXT_AFTER = 4 * 86400
_WARNING = HexColor(WARNING)


def _group_key(event: Event, grouping: str, actors: dict[str, Actor]) -> tuple:
    """(sort key, heading) of the group an event is listed under; each event in one group."""
    when = event.when
    if grouping in ("day", "month"):
        a, b = when.earliest, when.latest
        if grouping == "day":
            if not when.open_start and not when.open_end and a.date() == b.date():
                return (0, a.date().isoformat()), long_day(a)
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
        key, title = _group_key(event, grouping, actors)
        groups.setdefault(key, (title, []))[1].append(event)
    return [groups[k] for k in sorted(groups)]


def _event_flowables(number: int, event: Event, data: BriefData, refs: References,
                     styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [anchored(f"E{number} · {esc(status_label(event.tags, event.title))}", styles["event"],
                                    f"ev{number}")]
    meta = [esc(event.when.label)]
    if event.where:
        meta.append(esc(event.where))
    kind = " / ".join(x for x in (event.event_type, event.sub_event_type) if x)
    if kind:
        meta.append(esc(kind))
    if event.fatalities is not None:
        meta.append(f"fatalities: {event.fatalities}")
    meta.append(f"confidence: {esc(event.confidence.value)}")
    if event.external_id and event.external_id != event.uid:
        meta.append(f"dataset id {esc(event.external_id)}")  # ACLED event_id_cnty, GDELT GlobalEventID...
    out.append(ltr_para(" · ".join(meta), styles["meta"]))
    if event.participants:
        names = []
        for p in event.participants:
            actor = data.actors.get(p.actor_uid)
            if actor is not None:
                names.append(f"{esc(actor.name)} ({esc(p.role.label)})")
        if names:
            out.append(ltr_para("Actors: " + "; ".join(names), styles["small"]))
    if event.summary.strip():
        out.append(para(esc(event.summary.strip()), styles["body"]))
    line = [Run("Sources: "), *(refs.mark_runs(number, event, data.sources) or [Run("none")])]
    flags = event_flags(event, data.sources)
    if flags:
        line.append(Run(" ⚠ " + "; ".join(flags), _WARNING))
    out.append(RunLine(line, styles["small"]))
    return out


def _chart(data: BriefData, numbers: dict[str, int], width: float, height: float) -> Optional[Flowable]:
    settings = data.settings
    if not data.events:
        return None
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
    new = {e.uid for e in data.new} if data.window is not None else set()
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
                               w.approximate, w.open_start, w.open_end, tuple(dict.fromkeys(lanes)),
                               event.uid in new))
    lo = data.period_start.earliest_ts if data.period_start is not None and not data.period_start.open_start else None
    hi = data.period_end.latest_ts if data.period_end is not None and not data.period_end.open_end else None
    highlight = (lo, hi) if lo is not None and hi is not None else None
    if settings.template == "daily" and highlight is not None:
        # a day alone shows every multi-day event as a full-width bar: show the weeks
        # that led to it, and shade the day itself
        lo, hi = lo - _CONTEXT_BEFORE, hi + _CONTEXT_AFTER
    lo, hi = chart_span(items, lo, hi)
    max_rows = 30 if settings.template == "daily" else 40
    # the chart gives up rows (and draws crowded lanes as histograms) to fit the room left on the page
    periods = [ChartPeriod(p.when.earliest_ts, p.when.latest_ts + 1, p.name, period_colour(p, k))
               for k, p in enumerate(data.periods)]
    return TimelineChart(items, names, lo, hi, width, max_rows=max_rows, highlight=highlight, shrink=True,
                         periods=periods)


def _key_events(data: BriefData, groups: list[tuple[str, list[Event]]], numbers: dict[str, int], refs: References,
                styles: dict[str, ParagraphStyle], daily: bool) -> list[Flowable]:
    out: list[Flowable] = []
    if not daily:
        # the room check comes before the section's heading, not between it and its first
        # group: a break there left "Key events" alone at the foot of a page
        out.append(CondPageBreak(50 * mm))
    out.append(heading(f"Key events ({len(data.new)})", styles["h1"], 0, "events"))
    if not data.new:
        out.append(para(NO_NEW_EVENTS, styles["none"]))
    for g, (title, events) in enumerate(groups):
        if g:
            out.append(CondPageBreak(40 * mm))
        group_heading = heading(esc(title), styles["h2"], 1, f"group{g}")
        if len(groups) > TOC_MAX_GROUPS:  # a contents page per decade helps no one: the outline has them
            group_heading.toc_markup = None
        out.append(group_heading)
        for event in events:
            out.append(KeepTogether(_event_flowables(numbers[event.uid], event, data, refs, styles)))
    return out


def story(data: BriefData, styles: dict[str, ParagraphStyle], width: float, height: float,
          with_toc: bool) -> list[Flowable]:
    s = data.settings
    daily = s.template == "daily"
    out: list[Flowable] = header(data, styles, width)
    contents: list[Flowable] = []
    toc = None
    if with_toc:  # after page 1's matter: the reader in a hurry gets the bottom line, not a list of pages
        toc = Contents(levelStyles=[styles["toc1"], styles["toc2"]], dotsMinLevel=0)
        contents = [CondPageBreak(60 * mm), heading("Contents", styles["h1"], 0, "contents"), toc]
        contents[1].toc_markup = None
    out += bluf(data, styles)
    out += key_figures_table(data, styles, width)
    groups = _ordered_groups(data.new, s.grouping, data.actors)
    numbers: dict[str, int] = {}
    for _, events in groups:
        for event in events:
            numbers[event.uid] = len(numbers) + 1
    for event in data.continuing:
        numbers[event.uid] = len(numbers) + 1
    refs = References()
    chart: list[Flowable] = []
    if s.chart and data.events:
        # not kept with its heading: platypus would measure the chart for a whole page and
        # move both on; alone, the chart is told the room left and shrinks to it
        chart = [CondPageBreak(45 * mm), heading("Timeline", styles["h1-loose"], 0, "timeline"),
                 _chart(data, numbers, width, height)]
    events = _key_events(data, groups, numbers, refs, styles, daily)
    # a daily brief leads with its new events, the chart after them; a period summary
    # leads with its chart, shrunk to the room left on page 1
    out += (contents + events + chart) if daily else (chart + contents + events)
    out += continuing_flowables(data.continuing, numbers, refs, data, styles)
    table = actor_table(data, styles, width)
    # a long table may start at the foot of a page (its header row repeats): keeping it
    # with its heading would push the whole table, and leave a gap, onto the next page
    out.append(CondPageBreak(30 * mm))
    out.append(heading("Actors involved", styles["h1-loose"], 0, "actors"))
    out.append(table if table is not None else para("No actor is recorded for these events.", styles["note"]))
    out.append(heading("Sources", styles["h1"], 0, "sources"))
    out.append(para("Reliability of sources: A (completely reliable) to E (unreliable), F ungraded (reliability "
                    "cannot be judged); credibility of each item: 1 (confirmed by other sources) to 6 (truth cannot "
                    "be judged). A mark [2 B3] is reference 2, a source graded B, information graded 3.",
                    styles["note"]))
    sources = source_flowables(data, refs, styles)
    out += sources if sources else [para("No source is cited for these events.", styles["note"])]
    if toc is not None:
        # the headings are known before layout, only their pages are not (see BriefDoc)
        toc.set_entries([(f.outline_level, f.toc_markup, 0, f.outline_key) for f in out
                         if getattr(f, "toc_markup", None) is not None])
    return out
