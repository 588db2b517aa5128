"""The fixed sections of a brief: the header (with the SITREP fields a reader looks
for), the bottom line, the key figures of the window, the compact list of continuing
events, and the actors table."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ..core.model import Event
from ..core.status import status_label
from .citations import References
from .data import BriefData
from .labels import dtg, events_span_label, period_label, stamp
from .page import heading
from .text import esc, ltr_para, para, rtl_first

__all__ = ["header", "bluf", "key_figures_table", "continuing_flowables", "actor_table", "table_style",
           "NO_NEW_EVENTS"]

NO_NEW_EVENTS = "No new events reported in this period."
_TOP = 5  # entries per key-figure row; the rest are counted
_NAVY = colors.HexColor("#17375e")
WARNING = "#b0491a"  # an event's sourcing warnings


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _rows_table(rows: Sequence[tuple[str, str]], styles: dict[str, ParagraphStyle], width: float,
                key_width: float = 30 * mm) -> Table:
    table = Table([[para(k, styles["cellbold"]), ltr_para(v, styles["cell"])] for k, v in rows],
                  colWidths=[key_width, width - key_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, _NAVY),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, _NAVY),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def header(data: BriefData, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    s = data.settings
    out: list[Flowable] = [
        para(esc(s.display_title), styles["title"]),
        ltr_para(f"{esc(s.template_label)} · No. {data.number}" + (f" · {esc(data.workspace_name)}"
                                                                  if data.workspace_name else ""), styles["subtitle"]),
    ]
    period = period_label(data.period_start, data.period_end) or events_span_label(data.events)
    cutoff = data.cutoff
    utc = " UTC" if s.template == "daily" and s.day is None else ""
    rows = [("Desk", esc(s.desk) if s.desk.strip() else "—")]
    if cutoff is not None:
        rows.append(("Date-time group", f"{dtg(cutoff)} (cut-off)"))
    rows += [
        ("Period covered", esc(period)),
        ("Cut-off", (stamp(cutoff) + utc) if cutoff else "—"),
    ]
    if s.template == "daily" and s.previous_number is not None and s.previous_number < data.number:
        since = f" (cut-off {stamp(s.previous_cutoff)})" if s.previous_cutoff is not None else ""
        rows.append(("Covers", f"events since brief No. {s.previous_number}{since}"))
    rows.append(("Generated", stamp(data.generated) + " UTC"))
    if data.window is not None:
        counts = f"{_plural(len(data.new), 'new event')} · {len(data.continuing):,} continuing"
    else:
        counts = _plural(len(data.events), "event")
    rows.append(("Scope", f"{esc(data.scope_label)} · {counts}"))
    if s.next_due.strip():
        rows.append(("Next brief due", esc(s.next_due.strip())))
    rows.append(("Handling", esc(s.marking.strip()) or "—"))
    if s.contact.strip():
        rows.append(("Releasability / contact", esc(s.contact.strip())))
    out.append(_rows_table(rows, styles, width, 36 * mm))
    return out


def bluf(data: BriefData, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    s = data.settings
    if s.omit_bluf:
        return []
    out: list[Flowable] = [heading("Bottom line up front", styles["h1"], 0, "bluf")]
    lines = [line.strip() for line in s.bluf.splitlines() if line.strip()]
    if not lines:
        out.append(para("No key judgements were written for this brief.", styles["note"]))
    elif s.bluf_origin:
        out.append(para(f"Carried over from {esc(s.bluf_origin)}", styles["carried"]))
    for line in lines:
        bullet = re.match(r"^([-*•])\s+", line)
        text = line[bullet.end():] if bullet else line
        for i, piece in enumerate(_pieces(text)):
            if bullet and i == 0 and rtl_first(text):  # an Arabic judgement: its bullet on the right
                p = para("• " + esc(piece), styles["bluf"])
            else:
                p = para(esc(piece), styles["bluf"])
                if bullet and i == 0:
                    p.bulletText = "•"
            out.append(p)
    return out


BLUF_PIECE = 2000  # characters: a longer paragraph is laid out in pieces of about this size


def _pieces(text: str) -> list[str]:
    """A paragraph cut at spaces into pieces of at most about BLUF_PIECE characters, printed one
    under the other with no gap: reportlab lays out the rest of a paragraph again at every page
    it splits, so one paragraph of hundreds of kilobytes took time quadratic in its length."""
    pieces = []
    while len(text) > BLUF_PIECE:
        cut = text.rfind(" ", BLUF_PIECE // 2, BLUF_PIECE)
        cut = cut if cut > 0 else BLUF_PIECE
        pieces.append(text[:cut])
        text = text[cut:].lstrip()
    return [*pieces, text] if text else pieces


def _top(pairs: Sequence[tuple[str, int]]) -> str:
    shown = " · ".join(f"{esc(name)} {count:,}" for name, count in pairs[:_TOP])
    rest = sum(count for _, count in pairs[_TOP:])
    return shown + (f" · {len(pairs) - _TOP} more {rest:,}" if rest else "")


def _change(now: int, before: Optional[int], label: str) -> str:
    if before is None:
        return ""
    if before == 0:
        return f" (none on {label})"
    diff = now - before
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return f" ({sign}{abs(diff):,} on {label}: {before:,})"


def key_figures_table(data: BriefData, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    f = data.figures
    if f is None:
        return []
    rows = [("New events", f"{f.new:,}" + _change(f.new, f.previous_new, f.previous_label))]
    if f.new:
        rows.append(("By type", _top(f.by_type)))
        rows.append(("By area", _top(f.by_area)))
    fatalities = "none recorded" if f.fatalities is None else f"{f.fatalities:,}"
    if f.previous_new and (f.fatalities is not None or f.previous_fatalities is not None):
        fatalities += _change(f.fatalities or 0, f.previous_fatalities or 0, f.previous_label)
    rows.append(("Fatalities", fatalities))
    return [heading("Key figures", styles["h1"], 0, "figures"), _rows_table(rows, styles, width)]


def continuing_flowables(events: Sequence[Event], numbers: dict[str, int], refs: References, data: BriefData,
                         styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """One line per event: number, date label, title, citation marks."""
    if not events:
        return []
    out: list[Flowable] = [
        heading(f"Continuing and background ({len(events):,})", styles["h1"], 0, "continuing"),
        para("Events that overlap the period without being dated in it: open-ended, dated only to a month or a "
             "year, or spanning longer.", styles["note"]),
    ]
    for event in events:
        n = numbers[event.uid]
        marks = refs.marks(n, event, data.sources) or f'<font color="{WARNING}">(no source cited)</font>'
        out.append(ltr_para(f'<a name="ev{n}"/>E{n} · {esc(event.when.label)} — {esc(status_label(event.tags, event.title))} {marks}',
                            styles["line"]))
    return out


def table_style() -> TableStyle:
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), _NAVY),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c5ccd6")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])


def actor_table(data: BriefData, styles: dict[str, ParagraphStyle], width: float) -> Optional[Flowable]:
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
    table.setStyle(table_style())
    return table
