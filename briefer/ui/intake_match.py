"""Pieces of the article review: an event proposal's row, and the panel that sets a
proposal beside the workspace event it likely tells again (corroboration)."""

from __future__ import annotations

import html
from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QTreeWidgetItem

from ..intake.proposals import Analysis, EventProposal, proposal_date_text
from .preferences import when_text

__all__ = ["event_item", "title_tip", "MatchPanel", "Utf16", "ID_ROLE", "SPAN_ROLE", "STATUS_TEXT"]

SPAN_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_TEXT = {"reported": "reported", "claimed": "claimed", "expected": "expected (an expectation)",
               "conditional": "conditional (an expectation)", "denied": "denied"}


def title_tip(e: EventProposal) -> str:
    """The Title cell's tooltip: the whole title (the column may cut it), then the report's words."""
    return e.title if e.quote.strip() == e.title.strip() else f"{e.title}\n\nIn the report: {e.quote}"


def event_item(analysis: Analysis, e: EventProposal) -> QTreeWidgetItem:
    """One row of the events list: expectations and denials in italics, a likely
    duplicate said in the Source column."""
    actors = ", ".join(f"{analysis.actor(p.actor).name} ({p.role.value})" for p in e.participants)
    status = e.status + (f" by {e.claimed_by}" if e.claimed_by else "")
    source = f"→ cite in “{e.match.title}”" if e.corroborate and e.match else e.source
    when = proposal_date_text(e, analysis.document.published, when_text)
    item = QTreeWidgetItem(["", e.title, status, when, e.place, actors, source])
    item.setData(0, ID_ROLE, e.id)
    item.setData(0, SPAN_ROLE, e.span)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
    item.setCheckState(0, Qt.CheckState.Unchecked)
    item.setToolTip(1, title_tip(e))
    item.setToolTip(2, f"{STATUS_TEXT.get(e.status, e.status)}" + (f": {e.status_why}" if e.status_why else ""))
    item.setToolTip(3, (f"{e.when.edtf}\nWhy: {e.when_rule}" if e.when else
                        f"{when}\nWhy: {e.when_rule}\nDouble-click to set a date."))
    if e.match is not None:
        item.setToolTip(6, f"Likely the workspace event “{e.match.title}” ({e.match.why})")
    if e.expectation:
        font = QFont(item.font(1))
        font.setItalic(True)
        for column in range(1, 7):
            item.setFont(column, font)
    return item


class MatchPanel(QGroupBox):
    """The selected proposal beside the workspace event it likely duplicates, with the
    choice: add this report as a citation to that event, or a new event."""

    def __init__(self, on_change: Callable[[EventProposal], None]) -> None:
        super().__init__("Already in the workspace?", objectName="intakeMatch")
        self._on_change = on_change
        self._event: Optional[EventProposal] = None
        self.mine = QLabel(objectName="intakeMatchMine", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.theirs = QLabel(objectName="intakeMatchTheirs", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        for label in (self.mine, self.theirs):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.cite = QCheckBox(objectName="intakeCorroborate")
        self.cite.toggled.connect(self._toggled)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("<b>This report</b>"), 0, 0)
        grid.addWidget(QLabel("<b>The workspace's event</b>"), 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        grid.addWidget(self.cite, 2, 0, 1, 2)
        self.setVisible(False)

    def show_event(self, analysis: Analysis, e: Optional[EventProposal]) -> None:
        self._event = None
        if e is None or e.match is None:
            self.setVisible(False)
            return
        esc = html.escape
        actors = ", ".join(analysis.actor(p.actor).name for p in e.participants)
        self.mine.setText(f"{esc(e.title)}<br>{esc(when_text(e.when) if e.when else '(no date)')}"
                          f"{' · ' + esc(e.place) if e.place else ''}<br><i>{esc(actors)}</i>")
        m = e.match
        self.theirs.setText(f"{esc(m.title)}<br>{esc(when_text(m.when))}{' · ' + esc(m.place) if m.place else ''}"
                            f"<br><i>{esc(', '.join(m.actors))}</i><br><small>{esc(m.why)}</small>")
        self.cite.blockSignals(True)
        self.cite.setText(f"Add this report as a citation to “{m.title}” instead of a new event")
        self.cite.setChecked(e.corroborate)
        self.cite.blockSignals(False)
        self._event = e
        self.setVisible(True)

    def _toggled(self, checked: bool) -> None:
        if self._event is not None:
            self._event.corroborate = checked
            self._on_change(self._event)


class Utf16:
    """Python offsets to Qt document positions (which count UTF-16 units)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.simple = all(ord(c) < 0x10000 for c in text)

    def __call__(self, offset: int) -> int:
        if self.simple:
            return offset
        return len(self.text[:offset].encode("utf-16-le")) // 2

    def offset(self, position: int) -> int:
        """The Python offset of a Qt document position (the inverse of calling this)."""
        if self.simple:
            return position
        units = 0
        for i, c in enumerate(self.text):
            if units >= position:
                return i
            units += 2 if ord(c) >= 0x10000 else 1
        return len(self.text)
