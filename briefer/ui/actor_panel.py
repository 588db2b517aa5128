"""The actor panel: who is involved, by kind or by affiliation, with their event counts.

A QStandardItemModel rebuilt from the store on every change is plenty for the few
hundred actors a workspace holds (event counts come from one grouped query).  A proxy
model filters on names *and* aliases, so typing "Daesh" finds Islamic State.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLineEdit,
    QMessageBox, QPlainTextEdit, QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..core.model import Actor, ActorKind
from ..store import Workspace
from . import commands, icons
from .lazy_panel import FilteringPanel
from .screen_fit import fit_to_screen
from .session import Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1
PLACE_ROLE = Qt.ItemDataRole.UserRole + 12  # (name, kind, affiliation): what decides a row's place
NAMES_ROLE = Qt.ItemDataRole.UserRole + 2
GROUPINGS = {"flat": "All actors", "kind": "By kind", "tree": "By affiliation"}


class _NameFilter(QSortFilterProxyModel):
    """Matches the search text against an actor's name and aliases; keeps parents of matches."""

    text = ""  # casefolded search text; kept as plain text (a regular expression would escape "-", "." or Arabic)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 - Qt's name
        text = self.text
        if not text:
            return True
        index = self.sourceModel().index(row, 0, parent)
        names = index.data(NAMES_ROLE) or ""
        if text in names:
            return True
        model = self.sourceModel()
        return any(self.filterAcceptsRow(r, index) for r in range(model.rowCount(index)))


# Past this many events the actors' event counts are read on a worker thread (one index
# range per actor: about a second with a million events and a cold disk cache) while the
# panel already lists the actors; the window is usable before they arrive.
COUNT_IN_BACKGROUND_ABOVE = 100_000


class _CountWorker(QThread):
    """Counts every actor's events on its own connection to the workspace file."""

    counted = Signal(int, object)  # generation, {actor uid: events}

    def __init__(self, path, generation: int, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.path, self.generation = path, generation

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            with Workspace.open(self.path) as ws:
                self.counted.emit(self.generation, ws.actor_event_counts())
        except BrieferError:
            self.counted.emit(self.generation, None)  # the panel counts on the main thread instead


class ActorPanel(FilteringPanel):
    filter_field = "actors"
    shows = ("actors",)  # the edits that change the rows
    counts_events = True
    filter_extra = {"actor_mode": "any"}
    countsReady = Signal()  # counts read in the background have been filled in

    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self._workers: set[_CountWorker] = set()
        self.setObjectName("actorPanel")
        self.search = QLineEdit(placeholderText="Find actor or alias…", clearButtonEnabled=True,
                                objectName="actorSearch")
        self.grouping = QComboBox(objectName="actorGrouping")
        for key, label in GROUPINGS.items():
            self.grouping.addItem(label, key)
        self.model = QStandardItemModel(self)
        self.proxy = _NameFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTreeView(objectName="actorTree")
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._loading = False
        self._aliases_width = 85
        self._fitting = False
        self.view.header().sectionResized.connect(self._aliases_resized)
        self.view.setUniformRowHeights(True)
        self.view.installEventFilter(self)  # a narrow panel drops the aliases column before the names
        self.filter_toggle = QToolButton(text="Filter", objectName="actorFilterToggle", checkable=True)
        self.filter_toggle.setIcon(icons.icon("filter"))
        self.filter_toggle.setToolTip("On: show only the events of the selected actors.\n"
                                      "Off: select (highlight) their events on the timeline and in the table.")
        buttons = QHBoxLayout()
        for name, tip, slot, icon in (("add", "Add actor", self.add, "add"), ("edit", "Edit actor", self.edit, "edit"),
                                      ("merge", "Merge selected actors", self.merge, "merge"),
                                      ("delete", "Delete actor", self.delete, "delete")):
            button = QToolButton(objectName=f"actor_{name}")
            button.setIcon(icons.icon(icon))
            button.setToolTip(tip)
            button.clicked.connect(lambda *_, s=slot: self._guarded(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.filter_toggle)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.grouping)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._search)
        self.grouping.currentIndexChanged.connect(self.reload)
        self.watch_filtering()
        self.add_context_menu([("Edit Actor…", self.edit), ("Merge Selected Actors…", self.merge),
                               ("Delete Actor", self.delete), ("Add Actor…", self.add)])
        self.view.doubleClicked.connect(lambda index: index.column() != 1 and self._guarded(self.edit))
        self.model.itemChanged.connect(self._aliases_edited)
        self.watch()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: Optional[int] = None) -> None:
        """Names keep room for a dozen characters however narrow the dock: the aliases
        give way first (narrower, then hidden: they still show in the actor's tooltip).
        The width the analyst gave the aliases is remembered, not the squeezed one."""
        width = self.view.viewport().width() if width is None else width
        em = self.fontMetrics().horizontalAdvance("M")
        room = width - 12 * em - self.view.columnWidth(2)
        narrow = room < 5 * em
        self._fitting = True
        try:
            self.view.setColumnHidden(1, narrow)
            if not narrow:
                self.view.setColumnWidth(1, min(self._aliases_width, room))
        finally:
            self._fitting = False

    def _aliases_resized(self, column: int, old: int, new: int) -> None:
        if column == 1 and new > 0 and not self._fitting and not self._loading:
            self._aliases_width = new  # the analyst dragged it

    def _guarded(self, slot) -> None:
        try:
            slot()
        except BrieferError as error:
            QMessageBox.warning(self, "Actors", str(error))

    # -- contents ---------------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        selected = set(self.selected_uids())
        self._loading = True
        try:
            self._fill()
            self._reselect(selected)
        finally:
            self._loading = False

    def _fill(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(["Actor", "Aliases", "Events"])
        ws = self.session.ws
        if ws is None:
            return
        actors = sorted(self.session.actors.values(), key=lambda a: a.name.casefold())
        counts = self._counts_now(ws)
        mode = self.grouping.currentData()
        root = self.model.invisibleRootItem()
        items: dict[str, QStandardItem] = {}

        def row_for(actor: Actor) -> list[QStandardItem]:
            name = QStandardItem(actor.name)
            name.setData(actor.uid, UID_ROLE)
            name.setIcon(icons.icon("actor" if actor.kind == ActorKind.PERSON else "group"))
            name.setEditable(False)
            aliases = QStandardItem()
            aliases.setData(actor.uid, UID_ROLE)
            aliases.setToolTip("Double-click to edit the aliases (comma-separated)")
            self._describe(name, aliases, actor)
            count = QStandardItem()
            count.setData(actor.uid, UID_ROLE)
            if counts is not None:
                count.setData(counts.get(actor.uid, 0), Qt.ItemDataRole.DisplayRole)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setEditable(False)
            items[actor.uid] = name
            return [name, aliases, count]

        if mode == "kind":
            groups: dict[ActorKind, QStandardItem] = {}
            for kind in ActorKind:
                group = QStandardItem(kind.label.capitalize() + ("s" if not kind.label.endswith("s") else ""))
                group.setData(kind.label, NAMES_ROLE)
                group.setEditable(False)
                groups[kind] = group
            for actor in actors:
                groups[actor.kind].appendRow(row_for(actor))
            for group in groups.values():
                if group.rowCount():
                    root.appendRow([group, QStandardItem(), QStandardItem()])
        elif mode == "tree":
            rows = {a.uid: row_for(a) for a in actors}
            for actor in actors:
                parent = items.get(actor.member_of) if actor.member_of else None
                (parent or root).appendRow(rows[actor.uid])
        else:
            for actor in actors:
                root.appendRow(row_for(actor))
        self.view.expandAll()
        self.view.resizeColumnToContents(2)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)  # names first; aliases show in full on hover
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        self._fit_columns()

    @staticmethod
    def _describe(name: QStandardItem, aliases: QStandardItem, actor: Actor) -> None:
        """What a row says of its actor besides its name and place in the list."""
        name.setData(" ".join(n.casefold() for n in actor.names), NAMES_ROLE)
        name.setData((actor.name, actor.kind, actor.member_of), PLACE_ROLE)
        name.setToolTip(actor.kind.label + (f" · also {', '.join(actor.aliases)}" if actor.aliases else ""))
        aliases.setText(", ".join(actor.aliases))

    def _changes(self, changes) -> None:
        """An actor edited without moving in the list (its description, its aliases) has its
        row rewritten; anything else reloads the list."""
        if not changes.everything and changes.actors.only_changed and not changes.touches("events") \
                and self._rewrite_rows(changes.actors.changed):
            return
        super()._changes(changes)

    def _rewrite_rows(self, uids: frozenset[str]) -> bool:
        rows: dict[str, tuple[QStandardItem, QStandardItem]] = {}

        def walk(parent: QStandardItem) -> None:
            for row in range(parent.rowCount()):
                name = parent.child(row, 0)
                if name is not None and name.data(UID_ROLE) in uids:
                    rows[name.data(UID_ROLE)] = (name, parent.child(row, 1))
                if name is not None and name.hasChildren():
                    walk(name)

        walk(self.model.invisibleRootItem())
        actors = self.session.actors
        if set(rows) != set(uids) or any(
                uid not in actors or rows[uid][0].data(PLACE_ROLE) != (actors[uid].name, actors[uid].kind,
                                                                       actors[uid].member_of) for uid in uids):
            return False  # renamed, regrouped or moved under another actor: the list is rebuilt
        self._loading = True
        try:
            for uid, (name, aliases) in rows.items():
                self._describe(name, aliases, actors[uid])
        finally:
            self._loading = False
        return True

    def _counts_now(self, ws: Workspace) -> Optional[dict[str, int]]:
        """The counts, or None while a worker reads them for a large workspace."""
        self._count_generation = getattr(self, "_count_generation", 0) + 1
        if self.session.count(EventFilter()) <= COUNT_IN_BACKGROUND_ABOVE:
            return ws.actor_event_counts()
        worker = _CountWorker(ws.path, self._count_generation, self)
        worker.counted.connect(self._counted)
        worker.finished.connect(lambda w=worker: self._workers.discard(w))
        self._workers.add(worker)
        worker.start()
        return None

    def refresh_counts(self) -> None:
        counts = self._counts_now(self.session.ws)
        if counts is not None:
            self._counted(self._count_generation, counts)

    def wait_for_counts(self) -> None:
        """Let running counts finish (a thread must not outlive its panel)."""
        for worker in list(self._workers):
            worker.wait()

    def _counted(self, generation: int, counts: Optional[dict[str, int]]) -> None:
        if generation != self._count_generation or self.session.ws is None:
            return  # the workspace changed meanwhile: a newer count is on its way
        if counts is None:
            counts = self.session.ws.actor_event_counts()
        self._loading = True
        # one change per list of rows rather than per count: the proxy sorted again and the
        # view measured the column again after each (300 actors' counts held the window 0.5 s)
        self.model.blockSignals(True)
        try:
            self._set_counts(self.model.invisibleRootItem(), counts)
        finally:
            self.model.blockSignals(False)
            self._loading = False
        self._counts_changed(QModelIndex())
        self.view.resizeColumnToContents(2)
        self.countsReady.emit()

    def _counts_changed(self, parent: QModelIndex) -> None:
        rows = self.model.rowCount(parent)
        if rows:
            self.model.dataChanged.emit(self.model.index(0, 2, parent), self.model.index(rows - 1, 2, parent),
                                        [Qt.ItemDataRole.DisplayRole])
            for row in range(rows):
                child = self.model.index(row, 0, parent)
                if self.model.hasChildren(child):
                    self._counts_changed(child)

    def _set_counts(self, parent: QStandardItem, counts: dict[str, int]) -> None:
        for row in range(parent.rowCount()):
            name, count = parent.child(row, 0), parent.child(row, 2)
            if count is not None and count.data(UID_ROLE):
                count.setData(counts.get(count.data(UID_ROLE), 0), Qt.ItemDataRole.DisplayRole)
            if name is not None and name.hasChildren():
                self._set_counts(name, counts)

    def _aliases_edited(self, item: QStandardItem) -> None:
        """Aliases edited in place: one undoable edit; a refused alias puts the old text back."""
        if self._loading or item.column() != 1:
            return
        # the edit reloads this model, so it runs once Qt has finished with the item
        uid, text = item.data(UID_ROLE), item.text()
        QTimer.singleShot(0, self, lambda: self._save_aliases(uid, text))

    def _save_aliases(self, uid: str, text: str) -> None:
        if self.session.ws is None or uid not in self.session.actors:
            return
        old = self.session.ws.get_actor(uid)
        aliases = tuple(dict.fromkeys(a.strip() for a in text.split(",") if a.strip()))
        if aliases == old.aliases:
            return
        try:
            commands.apply(self.session, commands.edit_actor(self.session, old, replace(old, aliases=aliases)))
        except BrieferError as error:
            QMessageBox.warning(self, "Aliases", str(error))
            self.reload()

    def _reselect(self, uids: set[str]) -> None:
        if not uids:
            return
        selection = self.view.selectionModel()
        for row in range(self.proxy.rowCount()):
            self._reselect_under(self.proxy.index(row, 0), uids, selection)

    def _reselect_under(self, index: QModelIndex, uids: set[str], selection) -> None:
        if index.data(UID_ROLE) in uids:
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        for row in range(self.proxy.rowCount(index)):
            self._reselect_under(self.proxy.index(row, 0, index), uids, selection)

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self.view.expandAll()

    def selected_uids(self) -> list[str]:
        uids = [i.data(UID_ROLE) for i in self.view.selectionModel().selectedRows(0)] if self.view.model() else []
        return [u for u in uids if u]

    def chosen_uids(self) -> list[str]:
        return self.selected_uids()

    def records(self) -> dict:
        return self.session.actors

    def select_uid(self, uid: str) -> None:
        self._reselect({uid})

    # -- edits --------------------------------------------------------------------------
    def add(self) -> None:
        dialog = ActorDialog(self.session, None, self)
        if fit_to_screen(dialog).exec():
            commands.apply(self.session, commands.add_actor(self.session, dialog.actor))

    def edit(self) -> None:
        uids = self.selected_uids()
        if not uids:
            return
        old = self.session.ws.get_actor(uids[0])
        dialog = ActorDialog(self.session, old, self)
        if fit_to_screen(dialog).exec() and dialog.actor != old:
            from .edit_conflict import save_checked  # someone may have saved it meanwhile

            save_checked(self.session, self, "actor", old, dialog.actor,
                         lambda theirs, new: commands.edit_actor(self.session, theirs, new))

    def merge(self) -> None:
        """Merge the selected actors into the one the analyst picks to keep."""
        uids = self.selected_uids()
        if len(uids) < 2:
            raise BrieferError("select two or more actors to merge (Ctrl-click)")
        actors = [self.session.ws.get_actor(u) for u in uids]
        names = [a.name for a in actors]
        keep_name, ok = QInputDialog.getItem(self, "Merge actors", "Keep which actor? The others become its aliases.",
                                             names, 0, False)
        if not ok:
            return
        keep = actors[names.index(keep_name)]
        drops = [a for a in actors if a.uid != keep.uid]
        stack = self.session.undo_stack
        if len(drops) > 1:  # one undo step for the whole merge
            stack.beginMacro(f"Merge {len(drops)} actors into {keep.name}")
        try:
            for drop in drops:
                keep_now = self.session.ws.get_actor(keep.uid)
                commands.apply(self.session, commands.merge_actors(self.session, keep_now, drop))
        finally:
            if len(drops) > 1:
                stack.endMacro()

    def delete(self) -> None:
        uids = self.selected_uids()
        if not uids:
            return
        actor = self.session.ws.get_actor(uids[0])
        used = self.session.ws.actor_event_counts().get(actor.uid, 0)
        if used:
            box = QMessageBox(QMessageBox.Icon.Question, "Delete actor",
                              f"“{actor.name}” takes part in {used} event(s).", parent=self)
            box.setInformativeText("Remove the actor from those events, or merge it into another actor?")
            remove = box.addButton("Remove from events", QMessageBox.ButtonRole.DestructiveRole)
            merge = box.addButton("Merge into…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is merge:
                others = sorted((a for a in self.session.actors.values() if a.uid != actor.uid),
                                key=lambda a: a.name.casefold())
                name, ok = QInputDialog.getItem(self, "Merge actor", f"Merge “{actor.name}” into:",
                                                [a.name for a in others], 0, False)
                if ok:
                    keep = next(a for a in others if a.name == name)
                    commands.apply(self.session, commands.merge_actors(self.session, keep, actor))
                return
            if box.clickedButton() is not remove:
                return
        commands.apply(self.session, commands.delete_actor(self.session, actor))


class ActorDialog(QDialog):
    """Name, kind, aliases (one per line or comma-separated), affiliation, description."""

    def __init__(self, session: Session, actor: Optional[Actor], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.original = actor
        self.actor: Optional[Actor] = None
        self.setWindowTitle("Edit actor" if actor else "New actor")
        self.name = QLineEdit(actor.name if actor else "", objectName="actorName")
        self.kind = QComboBox(objectName="actorKind")
        for kind in ActorKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData((actor.kind if actor else ActorKind.ARMED_GROUP).value))
        self.aliases = QLineEdit(", ".join(actor.aliases) if actor else "", objectName="actorAliases",
                                 placeholderText="e.g. ISIS, ISIL, Daesh")
        self.member_of = QComboBox(objectName="actorMemberOf")
        self.member_of.addItem("(none)", None)
        for other in sorted(session.actors.values(), key=lambda a: a.name.casefold()):
            if actor is None or other.uid != actor.uid:
                self.member_of.addItem(other.name, other.uid)
        self.member_of.setCurrentIndex(max(0, self.member_of.findData(actor.member_of if actor else None)))
        self.description = QPlainTextEdit(actor.description if actor else "", objectName="actorDescription")
        self.description.setMaximumHeight(90)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Aliases:", self.aliases)
        form.addRow("&Member of:", self.member_of)
        form.addRow("&Description:", self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        aliases = tuple(dict.fromkeys(a.strip() for a in self.aliases.text().replace("\n", ",").split(",")
                                      if a.strip()))
        try:
            fields = dict(name=self.name.text().strip(), kind=ActorKind(self.kind.currentData()), aliases=aliases,
                          member_of=self.member_of.currentData(), description=self.description.toPlainText().strip())
            self.actor = (Actor(**fields, uid=self.original.uid) if self.original else Actor(**fields))
        except BrieferError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        super().accept()
