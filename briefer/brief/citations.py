"""Citations in a brief: reference numbers, the marks next to each event ([2 B3]), the
warnings an event's sourcing earns, and the Sources section.

One reference number per cited document, or per source for the citations that name no
document.  The Sources section lists each source once, its references under it, and
under each reference one line per credibility grade with the events citing it, so a
dataset cited by hundreds of events takes a few lines, not hundreds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from ..core.model import CREDIBILITY_LABELS, RELIABILITY_LABELS, Citation, Event, Source
from .data import BriefData
from .runs import Run, RunLine
from .text import esc, has_rtl, link, ltr_para, para

__all__ = ["References", "event_flags", "source_flowables", "grade_label", "LOW_GRADES", "DOUBTFUL"]

LOW_GRADES = frozenset("DE")  # "below C"; F is not low, it is ungraded
DOUBTFUL = frozenset((4, 5))  # information graded doubtful or improbable
_LINK = "#1f4e8c"
LINK_COLOUR = HexColor(_LINK)
_MAX_EVENTS_LISTED = 60  # a longer list of citing events is cut: "… and 340 more"
_MAX_EVENT_LINKS = 12  # a longer list is plain text: hundreds of tiny links cost a third of the layout


def grade_label(grade: str) -> str:
    """"B (usually reliable)"; F says it is ungraded rather than bad."""
    if grade == "F":
        return "F (ungraded: reliability cannot be judged)"
    return f"{grade} ({RELIABILITY_LABELS[grade].lower()})"


@dataclass
class References:
    """Reference numbers in order of first use, and which events use each."""

    numbers: dict[tuple[str, Optional[str]], int] = field(default_factory=dict)
    uses: dict[int, list[tuple[int, Citation]]] = field(default_factory=dict)  # ref -> [(event no., citation)]

    def cite(self, event_number: int, citation: Citation) -> int:
        key = (citation.source_uid, citation.document_uid or None)
        n = self.numbers.setdefault(key, len(self.numbers) + 1)
        self.uses.setdefault(n, []).append((event_number, citation))
        return n

    def _seen(self, event_number: int, event: Event, sources: dict[str, Source]) -> list[tuple[int, str]]:
        seen: dict[tuple[int, str], None] = {}
        for c in event.citations:
            n = self.cite(event_number, c)
            source = sources.get(c.source_uid)
            seen.setdefault((n, f"{source.reliability if source else 'F'}{c.credibility}"))
        return list(seen)

    def marks(self, event_number: int, event: Event, sources: dict[str, Source]) -> str:
        """The event's citation marks as linked markup: "[2 B3] [5 F6]"."""
        seen = self._seen(event_number, event, sources)
        if not seen:
            return ""
        return f'<font color="{_LINK}">' + " ".join(f'<a href="#ref{n}">[{n} {grade}]</a>' for n, grade in seen) + "</font>"

    def mark_runs(self, event_number: int, event: Event, sources: dict[str, Source]) -> list[Run]:
        """The same marks as runs of a `RunLine`."""
        runs: list[Run] = []
        for i, (n, grade) in enumerate(self._seen(event_number, event, sources)):
            if i:
                runs.append(Run(" "))
            runs.append(Run(f"[{n} {grade}]", LINK_COLOUR, f"ref{n}"))
        return runs


def event_flags(event: Event, sources: dict[str, Source]) -> list[str]:
    """What a reader should be warned of, each warning saying its reason."""
    uids = event.source_uids
    flags = []
    if not uids:
        flags.append("no source cited")
    elif len(uids) == 1:
        flags.append("single source")
    graded = [sources[u].reliability for u in uids if u in sources and sources[u].reliability != "F"]
    if graded and all(g in LOW_GRADES for g in graded):
        flags.append("only sources below C")
    if any(c.credibility in DOUBTFUL for c in event.citations):
        flags.append("information graded 4–5 (doubtful/improbable)")
    return flags


def _event_links(numbers: Sequence[int]) -> list[Run]:
    listed = numbers[:_MAX_EVENTS_LISTED]
    more = len(numbers) - len(listed)
    tail = [Run(f" … and {more} more")] if more > 0 else []
    if len(numbers) > _MAX_EVENT_LINKS:
        return [Run(", ".join(f"E{n}" for n in listed))] + tail
    runs: list[Run] = []
    for i, n in enumerate(listed):
        if i:
            runs.append(Run(", "))
        runs.append(Run(f"E{n}", LINK_COLOUR, f"ev{n}"))
    return runs + tail


def source_flowables(data: BriefData, refs: References, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    by_source: dict[str, list[int]] = {}
    by_number = {n: key for key, n in refs.numbers.items()}
    for n in sorted(by_number):
        by_source.setdefault(by_number[n][0], []).append(n)
    out: list[Flowable] = []
    for source_uid, numbers in by_source.items():
        source = data.sources.get(source_uid)
        name = esc(source.name) if source else "(deleted source)"
        grade = source.reliability if source else "F"
        head = f"<b>{name}</b> — reliability <b>{esc(grade_label(grade))}</b>"
        if source is not None:
            head += f" · {esc(source.kind.label)}"
            if source.url:
                head += " · " + link(source.url)
        block: list[Flowable] = [ltr_para(head, styles["ref"])]
        for n in numbers:
            document_uid = by_number[n][1]
            document = data.documents.get(document_uid) if document_uid else None
            if document is not None:
                parts = [f"Document “{esc(document.title)}”"]
                if document.published is not None:
                    parts.append(f"published {esc(document.published.label)}")
                if document.author:
                    parts.append(f"by {esc(document.author)}")
                if document.url:
                    parts.append(link(document.url))
                what = ", ".join(parts)
            else:
                what = "cited without a document"
            block.append(ltr_para(f'<a name="ref{n}"/>[{n}] {what}', styles["small"]))
            by_grade: dict[int, list[int]] = {}
            quotes: list[tuple[int, str]] = []
            for event_number, citation in refs.uses[n]:
                events = by_grade.setdefault(citation.credibility, [])
                if event_number not in events:
                    events.append(event_number)
                quote = citation.quote.strip()
                if quote and (event_number, quote) not in quotes:
                    quotes.append((event_number, quote))
            for cred in sorted(by_grade):
                block.append(RunLine([Run(f"credibility {cred} ({CREDIBILITY_LABELS[cred].lower()}): "),
                                      *_event_links(by_grade[cred])], styles["meta"]))
            for event_number, quote in quotes:
                text = esc(quote) if has_rtl(quote) else f"“{esc(quote)}”"
                # the event is named, not linked: the line above links it already (a link
                # annotation per quote was a sixth of a long brief's layout)
                block.append(para(f"E{event_number}: {text}" if not has_rtl(quote) else text, styles["quote"]))
        if len(block) <= 6:
            out.append(KeepTogether(block))
        else:
            out.append(KeepTogether(block[:3]))
            out.extend(block[3:])
    return out
