"""Someone else saved the record you are editing: reload, overwrite, or merge fields.

The dialog names who changed it and when, and lays out, field by field, the version you
opened, theirs and yours, so the choice is made knowing what each one keeps:

- Reload: their version comes into the editor; your changes are dropped.
- Overwrite: yours is saved over theirs (Undo brings theirs back).
- Merge fields: their changes are kept, and yours where they differ from what you
  opened (a field both of you changed: yours).

Deleting an event someone changed since the window loaded it asks the same way
(`DeleteConflictDialog`): Reload (nothing deleted; the window shows theirs), Delete
Anyway (Undo brings theirs back) or Cancel.
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable, Optional

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..edit import ChangeSet
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

RELOAD, OVERWRITE, MERGE, DELETE = "reload", "overwrite", "merge", "delete"


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


class _ChangedMeanwhile(QDialog):
    """What both conflict dialogs share: a heading naming who changed the record and when,
    what each answer does, the fields that differ, the answers; `choice` is the answer
    taken (None: Cancel)."""

    def __init__(self, parent: Optional[QWidget], name: str, title: str, by: str, at: str, since: str,
                 explain: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle("Changed by someone else")
        self.choice: Optional[str] = None
        self.heading = QLabel(f"<b>“{escape(title)}” was changed by {escape(who_and_when(by, at))}</b> {since}.",
                              objectName="editConflictHeading")
        self.heading.setWordWrap(True)
        self.explain = QLabel(explain)
        self.explain.setWordWrap(True)

    def _lay_out(self, buttons: QDialogButtonBox, width: int, height: int) -> None:
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.explain):
            layout.addWidget(widget)
        layout.addWidget(self.fields, 1)
        layout.addWidget(buttons)
        self.resize(width, height)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class EditConflictDialog(_ChangedMeanwhile):
    """`exec()`, then `choice` is RELOAD, OVERWRITE, MERGE, or None (back to editing)."""

    def __init__(self, session: Session, base: Any, mine: Any, theirs: Any, by: str, at: str,
                 parent: Optional[QWidget] = None) -> None:
        name = by or "another analyst"
        super().__init__(parent, "editConflictDialog", getattr(base, "title", None) or getattr(base, "name", ""),
                         by, at, "since you opened it",
                         "<b>Reload</b> shows their version (your changes are dropped) · <b>Overwrite</b> saves "
                         f"yours over theirs · <b>Merge fields</b> keeps {escape(name)}'s changes and yours "
                         "(a field you both changed: yours).")
        self.merge = merge_fields(base, mine, theirs)
        self.fields = field_table(session, ["As you opened it", f"{name}'s version", "Yours", "Merged"],
                                  (base, theirs, mine, self.merge.record), changed=(2, 3))
        self.buttons, buttons = choice_buttons(self, "Back to Editing", (
            (RELOAD, "&Reload", f"Edit {name}'s version; your changes are dropped"),
            (OVERWRITE, "&Overwrite", f"Save your version over {name}'s (Undo brings theirs back)"),
            (MERGE, "&Merge Fields", f"Keep {name}'s changes and yours where they differ from what you opened")),
            default=MERGE)
        self._lay_out(buttons, 1000, 320)


def field_table(session: Session, headings: list[str], records: tuple, changed: tuple[int, ...]) -> QTreeWidget:
    """The fields in which `records` differ, one row each, a column per record (the first
    is the base; a value in a `changed` column that differs from it is bold)."""
    table = QTreeWidget(objectName="editConflictFields")
    table.setRootIsDecorated(False)
    table.setHeaderLabels(["Field", *headings])
    for field in edited_fields(records[0]):
        values = [getattr(r, field) for r in records]
        if all(v == values[0] for v in values):
            continue
        item = QTreeWidgetItem([LABELS.get(field, field)] + [field_text(session, field, v) for v in values])
        for column, value in enumerate(values, start=1):  # the whole value, where the column cuts it short
            item.setToolTip(column, field_text(session, field, value, limit=2000))
        for column in changed:
            if values[column - 1] != values[0]:  # what each side changed
                font = item.font(column)
                font.setBold(True)
                item.setFont(column, font)
        table.addTopLevelItem(item)
    header = table.header()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    for column in range(1, len(records) + 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(True)
    return table


def choice_buttons(dialog: Any, cancel_text: str, choices: tuple[tuple[str, str, str], ...], default: str
                   ) -> tuple[dict[str, QPushButton], QDialogButtonBox]:
    """A dialog's answers: one button per (choice, text, tooltip) that sets `dialog.choice`
    and accepts, and Cancel (`cancel_text`) that rejects."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons: dict[str, QPushButton] = {}
    for choice, text, tip in choices:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(f"conflict_{choice}")
        button.setToolTip(tip)
        button.clicked.connect(lambda *_, c=choice: dialog._choose(c))
        buttons[choice] = button
    buttons[default].setDefault(True)
    buttons[default].setFocus()
    box.rejected.connect(dialog.reject)
    return buttons, box


class DeleteConflictDialog(_ChangedMeanwhile):
    """`exec()`, then `choice` is RELOAD, DELETE, or None (Cancel: nothing deleted)."""

    def __init__(self, session: Session, shown: Any, theirs: Any, by: str, at: str, count: int,
                 parent: Optional[QWidget] = None) -> None:
        name = by or "another analyst"
        everything = f"all {count} selected events" if count > 1 else "it"
        super().__init__(parent, "deleteConflictDialog", shown.title, by, at, "since the window loaded it",
                         f"<b>Reload</b> shows their version and deletes nothing · <b>Delete Anyway</b> deletes "
                         f"{everything}, {escape(name)}'s change included (Undo brings it back) · <b>Cancel</b> "
                         "deletes nothing.")
        self.fields = field_table(session, ["As the window loaded it", f"{name}'s version"], (shown, theirs),
                                  changed=(2,))
        self.buttons, buttons = choice_buttons(self, "Cancel", (
            (RELOAD, "&Reload", f"Show {name}'s version; nothing is deleted"),
            (DELETE, "&Delete Anyway", f"Delete {everything} with {name}'s change (Undo brings it back)")),
            default=RELOAD)
        self._lay_out(buttons, 760, 280)


def delete_checked(session: Session, parent: QWidget, events: list[Any]) -> int:
    """Delete `events`, as the window showed them, as one undoable command, unless someone
    saved one of them meanwhile: then the analyst chooses Reload (nothing deleted; the
    window reads theirs again), Delete Anyway or Cancel.  Returns how many were deleted."""
    overwrite = False
    while True:
        try:
            commands.apply(session, commands.delete_events(session, events, overwrite=overwrite))
            return len(events)
        except EditConflict as conflict:
            if not conflict.deleting:
                raise
            shown = next(e for e in events if e.uid == conflict.uid)
            theirs = session.ws.get_event(conflict.uid)
            dialog = DeleteConflictDialog(session, shown, theirs, conflict.by, conflict.at, len(events), parent)
            dialog.exec()
            if dialog.choice == RELOAD:
                moved = (shown.when.earliest_ts, shown.when.latest_ts) != (theirs.when.earliest_ts,
                                                                            theirs.when.latest_ts)
                session.notify_changed(ChangeSet.of("events", changed=[theirs], moved=[theirs] if moved else []))
            if dialog.choice != DELETE:
                return 0
            overwrite = True


def save_checked(session: Session, parent: QWidget, kind: str, old: Any, mine: Any,
                 command: Callable[[Any, Any], Any]) -> bool:
    """Save `mine`, edited from `old` (an actor or a source), as one undoable command.  The
    store says whether someone saved the record since `old` was read (EditConflict, with who
    and when); then the analyst chooses, as in the event editor, Cancel (nothing saved),
    Overwrite or Merge Fields.  True when something was saved."""
    read = {"actor": session.ws.get_actor, "source": session.ws.get_source}[kind]
    base, saving = old, mine
    while True:
        try:
            commands.apply(session, command(base, saving))
            return True
        except EditConflict as conflict:
            theirs = read(old.uid)  # (read: the version the next save starts from)
            dialog = EditConflictDialog(session, base, saving, theirs, conflict.by, conflict.at, parent)
            dialog.exec()
            if dialog.choice not in (OVERWRITE, MERGE):
                return False
            base, saving = theirs, (saving if dialog.choice == OVERWRITE else dialog.merge.record)
