"""The conflict review: what a merge could not decide, field by field, both values with who
changed them and when; decided per row, per record or all at once.  Proposed duplicates
(an actor or source that came twice as different records) are merged or kept apart here.

Each decision is written at once (one transaction), travels to the peer at the next
exchange, and is one Undo step ("Undo Take Theirs for title of “Baghouz”"): deciding one
field, one record or all at once, merging a proposed pair or keeping it apart.  Undo puts
the records, their provenance and the conflict (open again) back as they were.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QTextBrowser,
    QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..edit import operations as ops
from ..exchange.conflicts import Decision, decide_conflicts, undo_decision
from .screen_fit import fit_to_screen
from .session import Session

ID_ROLE = Qt.ItemDataRole.UserRole


def show_value(value: Any, limit: int = 120) -> str:
    """A field's value as a person reads it."""
    if value is None:
        return "(deleted)"
    if isinstance(value, dict):
        if "credibility" in value:  # a citation
            text = f"credibility {value['credibility']}" + (f": “{value.get('quote')}”" if value.get("quote") else "")
        elif "title" in value or "name" in value:
            text = str(value.get("title") or value.get("name"))
        else:
            text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        text = ", ".join(map(str, value)) or "(none)"
    else:
        text = str(value) if value != "" else "(empty)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def show_field(field: str, value: Any) -> str:
    """A value in full, for the pane under the list (HTML)."""
    return escape(show_value(value, 4000)).replace("\n", "<br>")


def show_stamp(stamp: Optional[list]) -> str:
    if not stamp:
        return ""
    return f"{stamp[1] or 'unknown'}, {stamp[0].replace('T', ' ')[:16]} UTC"


SIDES = {"mine": "Keep Mine", "theirs": "Take Theirs"}


def _field_name(field: str) -> str:
    return "whole record" if field == "(deleted)" else field.split(":")[0].replace("_", " ")


def decision_text(side: str, conflicts: list[dict[str, Any]], everything: bool) -> str:
    """The Undo entry a person reads: what was decided, for which record."""
    verb = SIDES[side]
    if everything:
        return f"{verb} for All {len(conflicts)} Conflicts"
    records = {(c["kind"], c["uid"]) for c in conflicts}
    title = show_value(conflicts[0]["title"], 40) if conflicts else ""
    if len(conflicts) == 1:
        return f"{verb} for {_field_name(conflicts[0]['field'])} of “{title}”"
    if len(records) == 1:
        return f"{verb} for “{title}”"
    return f"{verb} for {len(conflicts)} Conflicts"


class DecideCommand(QUndoCommand):
    """Deciding conflicts (one field, one record's, or all): one Undo step."""

    def __init__(self, session: Session, side: str, ids: list[int], text: str) -> None:
        super().__init__(text)
        self.session, self.side, self.ids = session, side, ids
        self.decision: Optional[Decision] = None
        self._first = True

    def run_first(self) -> None:
        self.decision = decide_conflicts(self.session.ws, self.side, self.ids)

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.decision = decide_conflicts(self.session.ws, self.side, self.ids)
        self.session.notify_changed()

    def undo(self) -> None:
        if self.decision is not None:
            undo_decision(self.session.ws, self.decision)
        self.session.notify_changed()


class ProposalCommand(QUndoCommand):
    """Merging proposed duplicates into the records here, or keeping them apart: one Undo step."""

    def __init__(self, session: Session, proposals: list[dict[str, Any]], merge: bool) -> None:
        names = ", ".join(f"“{show_value(p['title'], 30)}”" for p in proposals[:2]) + ("…" if len(proposals) > 2 else "")
        super().__init__(f"{'Merge' if merge else 'Keep Apart'} {names}")
        self.session, self.proposals, self.merge = session, proposals, merge
        self.edits: list[Any] = []
        self._first = True

    def _apply(self) -> None:
        ws = self.session.ws
        self.edits = []
        with ws.transaction():
            for p in self.proposals:
                if self.merge and ws.revisions_of(p["kind"], [p["mine"]]) and ws.revisions_of(p["kind"], [p["theirs"]]):
                    if p["kind"] == "actor":
                        edit = ops.merge_actors(ws, ws.get_actor(p["mine"]), ws.get_actor(p["theirs"]))
                    else:
                        edit = ops.merge_sources(ws, ws.get_source(p["mine"]), ws.get_source(p["theirs"]))
                    edit.apply(ws)
                    self.edits.append(edit)
                ws.set_conflict_status(p["id"], "merged" if self.merge else "apart")

    def run_first(self) -> None:
        self._apply()

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._apply()
        self.session.notify_changed()

    def undo(self) -> None:
        ws = self.session.ws
        with ws.transaction():
            for edit in reversed(self.edits):
                edit.revert(ws)
            for p in self.proposals:
                ws.set_conflict_status(p["id"], "proposed")
        self.session.notify_changed()


class ConflictDialog(QDialog):
    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Review Conflicts")
        self.resize(1240, 640)  # clamped to the screen (fit_to_screen): a laptop's width, both values readable
        self.heading = QLabel(objectName="conflictHeading")
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(objectName="conflictTree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(["Record / field", "Mine (here)", "changed by", "Theirs", "changed by"])
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for column, mode in ((1, QHeaderView.ResizeMode.Stretch), (2, QHeaderView.ResizeMode.ResizeToContents),
                             (3, QHeaderView.ResizeMode.Stretch), (4, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(0, 150)
        self.keep_mine = QPushButton("Keep &Mine", objectName="keepMine")
        self.take_theirs = QPushButton("Take &Theirs", objectName="takeTheirs")
        self.all_mine = QPushButton("All Mine", objectName="allMine")
        self.all_theirs = QPushButton("All Theirs", objectName="allTheirs")
        self.merge_pair = QPushButton("Merge the Two", objectName="mergePair")
        self.keep_apart = QPushButton("Keep Apart", objectName="keepApart")
        for button, slot in ((self.keep_mine, lambda: self.decide("mine")),
                             (self.take_theirs, lambda: self.decide("theirs")),
                             (self.all_mine, lambda: self.decide("mine", everything=True)),
                             (self.all_theirs, lambda: self.decide("theirs", everything=True)),
                             (self.merge_pair, lambda: self.decide_pairs(True)),
                             (self.keep_apart, lambda: self.decide_pairs(False))):
            button.clicked.connect(slot)
        self.keep_mine.setToolTip("Keep this workspace's value for the selected fields (or whole records)")
        self.take_theirs.setToolTip("Take the other analyst's value for the selected fields (or whole records)")
        row = QHBoxLayout()
        for button in (self.keep_mine, self.take_theirs, self.all_mine, self.all_theirs):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.merge_pair)
        row.addWidget(self.keep_apart)
        stack = session.undo_stack  # the window's history: each decision is one step of it
        self.undo_action = stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.undo_button = QToolButton(objectName="conflictUndo")
        self.undo_button.setDefaultAction(self.undo_action)
        stack.indexChanged.connect(self._history_moved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.detail = QTextBrowser(objectName="conflictDetail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText("Select a field to read both values in full.")
        self.tree.currentItemChanged.connect(self._show_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(buttons, 1)
        layout.addLayout(bottom)
        self.tree.itemSelectionChanged.connect(self._enable)
        self._conflicts: dict[int, dict[str, Any]] = {}
        self.refresh()
        fit_to_screen(self)

    def _history_moved(self) -> None:
        if self.isVisible():  # an undo or redo while the review is open: show what is open now
            self.refresh()

    # -- content -------------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.session.ws
        self.tree.clear()
        conflicts = ws.conflicts("open") if ws is not None else []
        proposals = ws.conflicts("proposed") if ws is not None else []
        self._conflicts = {c["id"]: c for c in conflicts}
        self.detail.clear()
        records: dict[tuple[str, str], QTreeWidgetItem] = {}
        for c in conflicts:
            key = (c["kind"], c["uid"])
            if key not in records:
                parent = QTreeWidgetItem([f"{c['kind'].capitalize()} “{c['title']}” — merged from {c['peer_name']}"])
                parent.setData(0, ID_ROLE, ("record", key))
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                records[key] = parent
                self.tree.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)
            name = _field_name(c["field"])
            item = QTreeWidgetItem([name, show_value(c["mine"]), show_stamp(c["mine_by"]),
                                    show_value(c["theirs"]), show_stamp(c["theirs_by"])])
            item.setData(0, ID_ROLE, ("conflict", c["id"]))
            for column, value in ((1, c["mine"]), (3, c["theirs"])):
                item.setToolTip(column, escape(show_value(value, 2000)))
            records[key].addChild(item)
        if proposals:
            group = QTreeWidgetItem(["Proposed duplicates", "Here", "", "Theirs (added beside it)", ""])
            group.setData(0, ID_ROLE, ("proposals", None))
            self.tree.addTopLevelItem(group)
            names = {a.uid: a.name for a in ws.actors()} | {s.uid: s.name for s in ws.sources()}
            for p in proposals:
                item = QTreeWidgetItem([p["kind"], names.get(p["mine"], p["mine"]), "",
                                        names.get(p["theirs"], p["title"]), f"from {p['peer_name']}"])
                item.setData(0, ID_ROLE, ("proposal", p["id"]))
                group.addChild(item)
        self.tree.expandAll()
        count = len(conflicts)
        self.heading.setText(
            f"<b>{count} open conflict{'s' if count != 1 else ''}</b>: both sides changed these fields. "
            "This workspace keeps its own value until you decide."
            + (f" {len(proposals)} proposed duplicate{'s' if len(proposals) != 1 else ''}." if proposals else "")
            if count or proposals else "No open conflicts.")
        self._enable()

    def _show_detail(self, item: Optional[QTreeWidgetItem]) -> None:
        """Both values of the current field in full, with who changed each and when."""
        data = item.data(0, ID_ROLE) if item is not None else None
        c = self._conflicts.get(data[1]) if data and data[0] == "conflict" else None
        if c is None:
            self.detail.clear()
            return
        self.detail.setHtml(
            f"<p><b>{escape(c['title'])}</b> — {escape(_field_name(c['field']))}</p>"
            f"<p><b>Mine (here)</b>, {escape(show_stamp(c['mine_by']) or 'unknown')}:<br>{show_field(c['field'], c['mine'])}</p>"
            f"<p><b>Theirs ({escape(c['peer_name'])})</b>, {escape(show_stamp(c['theirs_by']) or 'unknown')}:"
            f"<br>{show_field(c['field'], c['theirs'])}</p>")

    def _selected(self, wanted: str) -> list[int]:
        ids: list[int] = []
        for item in self.tree.selectedItems():
            kind, value = item.data(0, ID_ROLE)
            children = [item.child(i) for i in range(item.childCount())] if kind in ("record", "proposals") else [item]
            for child in children:
                child_kind, child_id = child.data(0, ID_ROLE)
                if child_kind == wanted and child_id not in ids:
                    ids.append(child_id)
        return ids

    def _enable(self) -> None:
        has_conflicts = any(self.tree.topLevelItem(i).data(0, ID_ROLE)[0] == "record"
                            for i in range(self.tree.topLevelItemCount()))
        self.keep_mine.setEnabled(bool(self._selected("conflict")))
        self.take_theirs.setEnabled(bool(self._selected("conflict")))
        self.all_mine.setEnabled(has_conflicts)
        self.all_theirs.setEnabled(has_conflicts)
        self.merge_pair.setEnabled(bool(self._selected("proposal")))
        self.keep_apart.setEnabled(bool(self._selected("proposal")))

    # -- decisions -------------------------------------------------------------------------------
    def decide(self, side: str, everything: bool = False) -> None:
        ids = None if everything else self._selected("conflict")
        if ids == []:
            return
        conflicts = [c for c in self.session.ws.conflicts("open") if ids is None or c["id"] in ids]
        if not conflicts:
            return
        self._run(DecideCommand(self.session, side, [c["id"] for c in conflicts],
                                decision_text(side, conflicts, everything)))

    def decide_pairs(self, merge: bool) -> None:
        ids = self._selected("proposal")
        proposals = [p for p in self.session.ws.conflicts("proposed") if p["id"] in ids]
        if proposals:
            self._run(ProposalCommand(self.session, proposals, merge))

    def _run(self, command: Any) -> None:
        """Run a decision; on success it lands on the undo stack (one step)."""
        try:
            command.run_first()
        except BrieferError as error:
            QMessageBox.warning(self, "Review Conflicts", str(error))
            self.session.notify_changed()
        else:
            self.session.push(command)
        self.refresh()
