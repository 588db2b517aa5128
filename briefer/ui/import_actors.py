"""The import dialog's actor step: every actor name the files hold, with what it will
become, for the analyst to confirm or change before anything lands.

Names are read by `import_workers.ScanWorker` in the background (the files are read once for this);
each row shows the name as the dataset writes it, what it becomes (the same actor as
an existing one, a new actor that is a branch of one, or a new actor), which actor,
and why Briefer proposes it.  Suggestions that are not certain come first.  The
analyst's choices go to the import as an `ActorPlan` and are remembered for the
dataset, so the next import proposes them as certain.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QStyledItemDelegate, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.model import Actor
from ..exchange.reconcile import Decision, parse

__all__ = ["ActorChoices"]

CHOICE_LABELS = {"existing": "the same as", "member": "a new branch of", "new": "a new actor"}
NAME, CHOICE, ACTOR, WHY = range(4)
_ORDER = {("existing", False): 0, ("member", False): 1, ("member", True): 1, ("new", False): 2, ("new", True): 2,
          ("existing", True): 3}


class _Delegate(QStyledItemDelegate):
    """Edits "becomes" with a list of the three choices, and "actor" with the workspace's
    actors (or, for a new actor, its name as free text)."""

    def __init__(self, table: "ActorChoices") -> None:
        super().__init__(table.table)
        self.choices = table

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802 - Qt's name
        if index.column() == CHOICE:
            combo = QComboBox(parent)
            for key, label in CHOICE_LABELS.items():
                combo.addItem(label, key)
            return combo
        if index.column() == ACTOR and self.choices.choice(index.row()) != "new":
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for actor in self.choices.actors:
                combo.addItem(actor.name, actor.uid)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.UserRole))
            editor.setCurrentIndex(max(found, 0))
        else:
            editor.setText(index.data() or "")

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802 - Qt's name
        if isinstance(editor, QComboBox):
            if index.column() == ACTOR:
                found = editor.findText(editor.currentText(), Qt.MatchFlag.MatchFixedString)
                if found < 0:
                    return  # not an actor: keep what was there
                editor.setCurrentIndex(found)
            model.setData(index, editor.currentText())
            model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        elif editor.text().strip():
            model.setData(index, editor.text().strip())
        self.choices.changed_by_hand(index.row(), index.column())


class ActorChoices(QWidget):
    """The table of names and what each becomes."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.actors: list[Actor] = []
        self.summary = QLabel("Reading the actor names in the files…")
        self.summary.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Find a name…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("actorChoices")
        self.table.setHorizontalHeaderLabels(["Name in the dataset", "Becomes", "Actor", "Why"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACTOR, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setItemDelegate(_Delegate(self))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def show_decisions(self, decisions: list[Decision], actors: list[Actor]) -> None:
        self.actors = sorted(actors, key=lambda a: a.name.casefold())
        ordered = sorted(decisions, key=lambda d: (_ORDER[(d.choice, d.sure)], d.name.casefold()))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(ordered))
        for row, d in enumerate(ordered):
            name = QTableWidgetItem(d.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, d)
            name.setToolTip(d.name)
            choice = QTableWidgetItem(CHOICE_LABELS[d.choice])
            choice.setData(Qt.ItemDataRole.UserRole, d.choice)
            actor = QTableWidgetItem(d.actor_name)
            actor.setData(Qt.ItemDataRole.UserRole, d.actor)
            why = QTableWidgetItem(("" if d.sure or d.choice == "new" else "Suggested: ") + d.why)
            why.setFlags(why.flags() & ~Qt.ItemFlag.ItemIsEditable)
            why.setToolTip(why.text())
            for column, item in enumerate((name, choice, actor, why)):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(NAME)
        self.table.setColumnWidth(NAME, min(self.table.columnWidth(NAME), 340))
        self.table.setColumnWidth(ACTOR, 220)
        counts = {key: sum(1 for d in decisions if d.choice == key) for key in CHOICE_LABELS}
        unsure = sum(1 for d in decisions if not d.sure and d.choice != "new")
        self.summary.setText(
            f"{len(decisions):,} actor names: {counts['existing']:,} match an actor in this workspace, "
            f"{counts['member']:,} look like branches of one, {counts['new']:,} will be new actors."
            + (f" {unsure:,} are suggestions (listed first): check them." if unsure else "")
            + " Double-click a cell to change it.")

    def choice(self, row: int) -> str:
        return self.table.item(row, CHOICE).data(Qt.ItemDataRole.UserRole)

    def changed_by_hand(self, row: int, column: int) -> None:
        """A new choice: "new" names the actor after the dataset's name; the others need an actor."""
        actor = self.table.item(row, ACTOR)
        decision: Decision = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
        if column == CHOICE and self.choice(row) == "new" and actor.data(Qt.ItemDataRole.UserRole):
            actor.setText(parse(decision.name).full)
            actor.setData(Qt.ItemDataRole.UserRole, "")
        elif column == CHOICE and self.choice(row) != "new" and not actor.data(Qt.ItemDataRole.UserRole):
            actor.setText("")
            self.table.editItem(actor)
        why = self.table.item(row, WHY)
        why.setText("Chosen by you")

    def set_choice(self, name: str, choice: str, actor: Optional[Actor] = None, new_name: str = "") -> None:
        """What the analyst does with the mouse, for tests and scripts."""
        row = next(r for r in range(self.table.rowCount()) if self.table.item(r, NAME).text() == name)
        self.table.item(row, CHOICE).setText(CHOICE_LABELS[choice])
        self.table.item(row, CHOICE).setData(Qt.ItemDataRole.UserRole, choice)
        target = self.table.item(row, ACTOR)
        target.setText(actor.name if actor else new_name)
        target.setData(Qt.ItemDataRole.UserRole, actor.uid if actor else "")
        self.table.item(row, WHY).setText("Chosen by you")

    def decisions(self) -> list[Decision]:
        """What the analyst confirmed: every row, as shown."""
        out = []
        for row in range(self.table.rowCount()):
            d: Decision = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            choice = self.choice(row)
            actor = self.table.item(row, ACTOR)
            uid = actor.data(Qt.ItemDataRole.UserRole) or ""
            out.append(Decision(d.name, choice, uid if choice != "new" else "", actor.text().strip(),
                                "chosen by the analyst", True, d.kind, dataset=d.dataset))
        return out

    def missing_actor(self) -> Optional[str]:
        """The first name whose choice needs an actor and has none."""
        for row in range(self.table.rowCount()):
            if self.choice(row) != "new" and not self.table.item(row, ACTOR).data(Qt.ItemDataRole.UserRole):
                return self.table.item(row, NAME).text()
        return None

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            shown = not needle or any(needle in (self.table.item(row, c).text() or "").casefold()
                                      for c in (NAME, ACTOR))
            self.table.setRowHidden(row, not shown)
