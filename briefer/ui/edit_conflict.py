"""Someone else saved the record you are editing: reload, overwrite, or merge fields.

The dialog names who changed it and when, and lays out, field by field, the version you
opened, theirs and yours, so the choice is made knowing what each one keeps:

- Reload: their version comes into the editor; your changes are dropped.
- Overwrite: yours is saved over theirs (Undo brings theirs back).
- Merge fields: their changes are kept, and yours where they differ from what you
  opened (a field both of you changed: yours).
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable, Optional

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..edit.field_merge import edited_fields, merge_fields
from ..store.errors import EditConflict
from . import commands
from .preferences import when_text
from .session import Session

LABELS = {"title": "Title", "when": "Date", "summary": "Summary", "place": "Place", "latitude": "Latitude",
          "longitude": "Longitude", "country": "Country", "event_type": "Type", "sub_event_type": "Sub-type",
          "tags": "Tags", "fatalities": "Fatalities", "confidence": "Confidence", "notes": "Notes",
          "participants": "Actors", "citations": "Sources", "external_id": "Imported record", "name": "Name",
          "kind": "Kind", "description": "Description", "aliases": "Aliases", "member_of": "Member of",
          "reliability": "Reliability", "url": "Address"}

RELOAD, OVERWRITE, MERGE = "reload", "overwrite", "merge"


def field_text(session: Session, name: str, value: Any, limit: int = 90) -> str:
    """A field's value as the analyst reads it (actors and sources by name)."""
    if name == "when":
        text = when_text(value)
    elif name == "confidence":
        text = value.label
    elif name == "participants":
        actors = session.actors
        text = ", ".join(f"{actors[p.actor_uid].name if p.actor_uid in actors else '?'} ({p.role.label})"
                         for p in value)
    elif name == "citations":
        sources = session.sources
        text = "; ".join(f"{sources[c.source_uid].name if c.source_uid in sources else '?'} {c.credibility}"
                         + (f" “{c.quote}”" if c.quote else "") for c in value)
    elif name == "member_of":
        text = session.actors[value].name if value in session.actors else (value or "")
    elif hasattr(value, "label"):
        text = value.label
    elif isinstance(value, tuple):
        text = ", ".join(map(str, value))
    else:
        text = "" if value is None else str(value)
    text = " ".join(text.split()) or "(empty)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def who_and_when(by: str, at: str) -> str:
    when = at[11:16] if len(at) >= 16 else at
    return f"{by or 'another analyst'}" + (f" at {when} UTC" if when else "")


class EditConflictDialog(QDialog):
    """`exec()`, then `choice` is RELOAD, OVERWRITE, MERGE, or None (back to editing)."""

    def __init__(self, session: Session, base: Any, mine: Any, theirs: Any, by: str, at: str,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("editConflictDialog")
        self.setWindowTitle("Changed by someone else")
        self.choice: Optional[str] = None
        self.merge = merge_fields(base, mine, theirs)
        name = by or "another analyst"
        title = getattr(base, "title", None) or getattr(base, "name", "")
        self.heading = QLabel(f"<b>“{escape(title)}” was changed by {escape(who_and_when(by, at))}</b> "
                              "since you opened it.", objectName="editConflictHeading")
        self.heading.setWordWrap(True)
        explain = QLabel("<b>Reload</b> shows their version (your changes are dropped) · <b>Overwrite</b> saves "
                         f"yours over theirs · <b>Merge fields</b> keeps {escape(name)}'s changes and yours "
                         "(a field you both changed: yours).")
        explain.setWordWrap(True)
        self.fields = QTreeWidget(objectName="editConflictFields")
        self.fields.setRootIsDecorated(False)
        self.fields.setHeaderLabels(["Field", "As you opened it", f"{name}'s version", "Yours", "Merged"])
        for field in edited_fields(base):
            values = [getattr(r, field) for r in (base, theirs, mine, self.merge.record)]
            if values[0] == values[1] == values[2]:
                continue
            item = QTreeWidgetItem([LABELS.get(field, field)] + [field_text(session, field, v) for v in values])
            for column, value in enumerate(values, start=1):  # the whole value, where the column cuts it short
                item.setToolTip(column, field_text(session, field, value, limit=2000))
            for column, value in ((2, values[1]), (3, values[2])):
                if value != values[0]:  # what each side changed
                    font = item.font(column)
                    font.setBold(True)
                    item.setFont(column, font)
            self.fields.addTopLevelItem(item)
        header = self.fields.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Back to Editing")
        self.buttons: dict[str, QPushButton] = {}
        for choice, text, tip in (
                (RELOAD, "&Reload", f"Edit {name}'s version; your changes are dropped"),
                (OVERWRITE, "&Overwrite", f"Save your version over {name}'s (Undo brings theirs back)"),
                (MERGE, "&Merge Fields", f"Keep {name}'s changes and yours where they differ from what you opened")):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(f"conflict_{choice}")
            button.setToolTip(tip)
            button.clicked.connect(lambda *_, c=choice: self._choose(c))
            self.buttons[choice] = button
        self.buttons[MERGE].setDefault(True)
        self.buttons[MERGE].setFocus()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explain)
        layout.addWidget(self.fields, 1)
        layout.addWidget(buttons)
        self.resize(1000, 320)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def save_checked(session: Session, parent: QWidget, kind: str, old: Any, mine: Any,
                 command: Callable[[Any, Any], Any]) -> bool:
    """Save `mine`, edited from `old` (an actor or a source), as one undoable command, unless
    someone saved the record meanwhile: then the analyst chooses, as in the event editor,
    Reload (nothing saved; the panel shows theirs), Overwrite or Merge Fields.  True when
    something was saved."""
    ws = session.ws
    read = {"actor": ws.get_actor, "source": ws.get_source}[kind]
    current = read(old.uid)
    base = old
    while True:
        if current == base:
            saving = mine
        else:
            stamp = ws.provenance(kind, old.uid).modified
            dialog = EditConflictDialog(session, base, mine, current, *((stamp.analyst, stamp.at) if stamp else ("", "")),
                                        parent)
            dialog.exec()
            if dialog.choice not in (OVERWRITE, MERGE):
                return False
            saving = mine if dialog.choice == OVERWRITE else dialog.merge.record
        try:
            commands.apply(session, command(current, saving))
            return True
        except EditConflict:  # yet another change came in between: ask again about it
            base, mine, current = current, saving, read(old.uid)
