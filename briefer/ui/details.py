"""The inspector: everything known about the selected event, and who says so.

Read-only HTML (every user string escaped) so it can show the sources' grades and
each citation's credibility next to the quoted words; "Edit…" opens the editor.
"""

from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ..core.errors import BrieferError
from ..core.model import CREDIBILITY_LABELS, RELIABILITY_LABELS, Event
from . import theme
from .desk_link import read_or
from .preferences import when_text
from .session import Session

MAX_LISTED = 50
MAX_HISTORY = 30  # steps of an event's history shown (newest first)


class DetailsPanel(QWidget):
    editRequested = Signal(int)

    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("detailsPanel")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 14)  # never a column of single words
        self.browser = QTextBrowser(objectName="detailsBrowser")
        self.browser.setOpenLinks(False)
        self.edit_button = QPushButton("Edit…", objectName="detailsEdit")
        self.edit_button.clicked.connect(lambda: self.session.selection and self.editRequested.emit(
            self.session.selection[0]))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        session.selectionChanged.connect(self.refresh)
        session.changed.connect(self._changed)
        session.workspaceChanged.connect(self.refresh)
        session.preferencesChanged.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: colours in the HTML follow
            self.refresh()

    def _changed(self, changes) -> None:
        """Read the selected events again only when the edit touched them or the names they show."""
        if changes.everything or changes.touches("actors") or changes.touches("sources") \
                or changes.touches("documents") or self._shown_uids & changes.events.touched:
            self.refresh()

    def refresh(self, *_: object) -> None:
        ws = self.session.ws
        ids = self.session.selection
        self.edit_button.setEnabled(bool(ids))
        self._shown_uids: frozenset[str] = frozenset()
        if ws is None or not ids:
            self.browser.setHtml("<p style='color:gray'>Select an event on the timeline or in the table.</p>")
            return
        events = read_or(ws, lambda: ws.events_by_ids(ids[:MAX_LISTED]), None)
        if events is None:
            self.browser.setHtml("<p style='color:gray'>The desk cannot be reached just now: the details come "
                                 "back when the window reconnects.</p>")
            return
        self._shown_uids = frozenset(e.uid for e in events)
        if len(ids) == 1 and events:
            self.browser.setHtml(self.event_html(events[0]))
        else:
            items = "".join(f"<li>{escape(when_text(e.when))} — {escape(e.title)}</li>" for e in events)
            more = f"<p>…and {len(ids) - MAX_LISTED:,} more</p>" if len(ids) > MAX_LISTED else ""
            self.browser.setHtml(f"<h3>{len(ids):,} events selected</h3><ul>{items}</ul>{more}")

    def event_html(self, event: Event) -> str:
        actors, sources = self.session.actors, self.session.sources
        when = event.when
        qualifiers = [q for q, on in (("uncertain", when.uncertain), ("approximate", when.approximate)) if on]
        parts = [f"<h3>{escape(event.title)}</h3>",
                 f"<p><b>{escape(when_text(when))}</b> <span style='color:gray'>({escape(when.edtf)}"
                 f"{', ' + ', '.join(qualifiers) if qualifiers else ''})</span>"]
        place = event.where
        if place:
            coords = (f" ({event.latitude:.4f}, {event.longitude:.4f})"
                      if event.latitude is not None and event.longitude is not None else "")
            parts.append(f"<br>{escape(place)}{coords}")
        kind = " › ".join(t for t in (event.event_type, event.sub_event_type) if t)
        if kind:
            parts.append(f"<br>{escape(kind)}")
        parts.append(f"<br>Analyst's confidence: {escape(event.confidence.label)}")
        if event.fatalities is not None:
            parts.append(f"<br>Fatalities: {event.fatalities}")
        parts.append("</p>")
        if event.summary:
            parts.append(f"<p>{escape(event.summary)}</p>")
        if event.participants:
            rows = "".join(f"<li>{escape(actors[p.actor_uid].name if p.actor_uid in actors else '?')} "
                           f"<span style='color:gray'>({escape(p.role.label)})</span></li>" for p in event.participants)
            parts.append(f"<p><b>Actors</b></p><ul>{rows}</ul>")
        if event.citations:
            rows = []
            for c in event.citations:
                source = sources.get(c.source_uid)
                name = escape(source.name) if source else "?"
                grade = f"{source.reliability} ({RELIABILITY_LABELS[source.reliability]})" if source else "?"
                quote = f"<br>“{escape(c.quote)}”" if c.quote else ""
                rows.append(f"<li><b>{name}</b> — source {grade}; information {c.credibility} "
                            f"({CREDIBILITY_LABELS[c.credibility]}){quote}</li>")
            parts.append(f"<p><b>Sources</b></p><ul>{''.join(rows)}</ul>")
        else:
            parts.append(f"<p style='color:{theme.error_colour(self)}'>No source cited.</p>")
        if event.tags:
            parts.append(f"<p>Tags: {escape(', '.join(event.tags))}</p>")
        if event.notes:
            parts.append(f"<p><b>Notes</b><br>{escape(event.notes)}</p>")
        if event.external_id:
            parts.append(f"<p style='color:gray'>Imported record {escape(event.external_id)}</p>")
        parts.append(f"<p style='color:gray'>{self.provenance_html(event)}</p>")
        parts.append(self.history_html(event))
        return "".join(parts)

    def history_html(self, event: Event) -> str:
        """Who changed what, when: the event's history, newest first (every step of it on a
        desk or a file that keeps provenance); a change whose earlier version was not kept
        is listed with who and when only."""
        ws = self.session.ws
        try:
            entries = ws.event_history(event.uid)
            here = ws.workspace_id
        except BrieferError:
            return ""
        if not entries:
            return ""
        rows = []
        for entry in entries[:MAX_HISTORY]:
            when = entry.at.replace("T", " ")[:16] + " UTC" if entry.at else "at an unknown time"
            who = escape(entry.analyst or "someone")
            where = (f" in {escape(entry.workspace_name or entry.workspace[:8])}"
                     if entry.workspace and entry.workspace != here else "")
            if entry.action == "changed" and entry.changes:
                what = "<br>".join(escape(line[:1].upper() + line[1:]) for line in (c.text() for c in entry.changes))
                rows.append(f"<li>{escape(when)} — <b>{who}</b>{where} changed:<br>{what}</li>")
            elif entry.action == "changed":
                rows.append(f"<li>{escape(when)} — <b>{who}</b>{where} changed it (what was not kept)</li>")
            else:
                rows.append(f"<li>{escape(when)} — <b>{who}</b>{where} {escape(entry.action)} it</li>")
        more = (f"<p style='color:gray'>…and {len(entries) - MAX_HISTORY} earlier</p>"
                if len(entries) > MAX_HISTORY else "")
        return f"<p><b>History</b></p><ul>{''.join(rows)}</ul>{more}"

    def provenance_html(self, event: Event) -> str:
        """Created and last changed: when (UTC), by whom, in which workspace."""
        ws = self.session.ws
        try:
            prov = ws.provenance("event", event.uid)
            names = ws.workspace_names()
        except BrieferError:
            return f"Created {event.created:%d %b %Y %H:%M}, changed {event.updated:%d %b %Y %H:%M} UTC"
        lines = []
        for label, stamp in (("Created", prov.created), ("Changed", prov.modified)):
            if stamp is None:
                continue
            when = stamp.at.replace("T", " ")[:16]
            where = names.get(stamp.workspace) or stamp.workspace[:8]
            lines.append(f"{label} {escape(when)} UTC by {escape(stamp.analyst or 'unknown')} in {escape(where)}")
        return "<br>".join(lines)
