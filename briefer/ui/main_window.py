"""The window an analyst lives in: timeline in the middle, panels around it, menus.

The window owns the `Session` and wires the parts to it; the parts never call each
other.  Every edit is on disk the moment it is made (each is one store transaction),
so there is no Save: File offers "Save a Copy As" instead.  Window geometry, dock
layout, recent files and the last workspace come back at the next start (QSettings).
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget,
)

from .. import __version__
from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..edit import ChangeSet
from ..store import Workspace
from ..store import timeline as store_timeline
from ..store.workspace import WORKSPACE_SUFFIX
from . import commands, icons, preferences, theme
from .exchange_menu import ExchangeActions
from .access import WindowAccess
from .actor_panel import ActorPanel
from .desk_link import DeskLink, local_folder
from .details import DetailsPanel
from .event_editor import EventEditor
from .empty_state import EmptyState
from .event_table import EventTable
from .filter_bar import FilterBar
from .screen_fit import fit_to_screen
from .session import Session
from .source_panel import SourcePanel
from .timeline import TimelineView

MAX_RECENT = 8
FILE_FILTER = f"Briefer workspaces (*{WORKSPACE_SUFFIX})"


# keys for the standard actions that some platforms leave without one (Qt's generic Linux theme has
# no Quit or Preferences key); the platform's own binding wins where it has one
FALLBACK_KEYS = {QKeySequence.StandardKey.Quit: "Ctrl+Q", QKeySequence.StandardKey.Preferences: "Ctrl+,"}


def set_shortcuts(action: QAction, key: QKeySequence.StandardKey | str) -> None:
    """Every binding the platform has for a standard key (Redo is Ctrl+Y *and* Ctrl+Shift+Z)."""
    if isinstance(key, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(key)
        if not bindings and key in FALLBACK_KEYS:
            bindings = [QKeySequence(FALLBACK_KEYS[key])]
        action.setShortcuts(bindings)
    else:
        action.setShortcut(QKeySequence(key))


def show_error(parent: Optional[QWidget], title: str, error: BaseException | str) -> None:
    """One clear message; the user never sees a traceback."""
    QMessageBox.warning(parent, title, str(error))


class MainWindow(QMainWindow):
    def __init__(self, settings: Optional[QSettings] = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        preferences.apply(preferences.Preferences.load(self.settings))
        self.session = Session(self)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)

        self.filter_bar = FilterBar(self.session)
        self.timeline = TimelineView()
        self.timeline.setObjectName("timeline")
        work = QWidget()
        layout = QVBoxLayout(work)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.timeline, 1)
        self.empty_state = EmptyState(lambda: self._guarded(self.new_workspace), lambda: self._guarded(self.open_dialog),
                                      lambda: self._guarded(self.open_demo), self.recent_files)
        self.empty_state.openRequested.connect(self.open_path)
        self.central = QStackedWidget(objectName="central")
        self.central.addWidget(self.empty_state)
        self.central.addWidget(work)
        self.setCentralWidget(self.central)

        self.table = EventTable(self.session)
        self.actor_panel = ActorPanel(self.session)
        self.source_panel = SourcePanel(self.session)
        self.details = DetailsPanel(self.session)
        self.docks: dict[str, QDockWidget] = {}
        self._add_dock("Events", self.table, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._add_dock("Actors", self.actor_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_dock("Sources", self.source_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_dock("Details", self.details, Qt.DockWidgetArea.RightDockWidgetArea)
        for name, panel in (("Actors", self.actor_panel), ("Sources", self.source_panel)):
            self.docks[name].visibilityChanged.connect(lambda shown, p=panel: shown and p.reload_if_stale())
        self.tabifyDockWidget(self.docks["Actors"], self.docks["Sources"])
        self.docks["Actors"].raise_()

        self.link = DeskLink(self.session, lambda: self.timeline.data, self)  # on a desk: others' changes, reconnecting
        self._build_actions()
        self._build_menus()
        self._filter_error: Optional[str] = None
        self.filter_bar.problem.connect(self._filter_problem)

        # the timeline speaks in row ids, like the table; the session keeps them in step
        self.session.workspaceChanged.connect(self._workspace_changed)
        self.session.filterChanged.connect(self.timeline.set_filter)
        self.session.changed.connect(self.timeline.apply_changes)
        self.session.changed.connect(self._show_new_events)
        self.session.selectionChanged.connect(self._selection_to_timeline)
        self.timeline.selectionChanged.connect(lambda ids: self.session.set_selection(ids, self.timeline))
        self.timeline.eventActivated.connect(self.edit_event)
        self.table.eventActivated.connect(self.edit_event)
        self.details.editRequested.connect(self.edit_event)
        self.timeline.laneFilterRequested.connect(self._filter_to_lane)
        self.timeline.lanesFailed.connect(lambda error: self.link.check() and show_error(self, "Briefer", error))
        self.timeline.event_menu_actions = [self.act_edit_event, self.act_show_in_table, self.act_delete]
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.act_edit_event, self.act_show_on_timeline, self.act_delete])
        self.actor_panel.filterRequested.connect(self.filter_bar.show_actors)
        self.source_panel.filterRequested.connect(self.filter_bar.show_sources)
        self.source_panel.eventRequested.connect(self._select_event_uid)
        self.session.undo_stack.cleanChanged.connect(lambda *_: self._update_title())
        self.session.refused.connect(lambda text: self.link.check() and show_error(self, "Briefer", text))
        self.access = WindowAccess(self, self.link, self.editing_actions(), [self.actor_panel.view],
                                   lambda: self.session.selection)
        self.session.swapped.connect(lambda: setattr(self.timeline, "ws", self.session.ws))
        self.session.dataChanged.connect(self._refresh_access)  # after the exchange menu has set its own
        self.session.selectionChanged.connect(self._refresh_access)
        self.link.connectionChanged.connect(self._connection_changed)
        self.link.message.connect(lambda text: self.statusBar().showMessage(text, 15000))

        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and screen.width() > 0:  # first start: 1400x900, or 90% of a smaller screen
            self.resize(min(1400, int(screen.width() * 0.9)), min(900, int(screen.height() * 0.9)))
        else:
            self.resize(1400, 900)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        self._layout_restored = isinstance(state, QByteArray) and self.restoreState(state)
        self._workspace_changed()  # no workspace yet: its commands are off until one is open

    def _filter_problem(self, text: str) -> None:
        """A filter the bar could not read is said in the status bar until a filter succeeds."""
        if text:
            self._filter_error = text
            self.statusBar().showMessage(text, 8000)
        elif self._filter_error is not None and self.statusBar().currentMessage() == self._filter_error:
            self.statusBar().clearMessage()  # stale: the filter in force now is fine

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._layout_restored:  # first start: give the panels room
            self._layout_restored = True
            self.resizeDocks([self.docks["Events"]], [int(self.height() * 0.3)], Qt.Orientation.Vertical)
            self.resizeDocks([self.docks["Actors"], self.docks["Details"]], [360, 300], Qt.Orientation.Horizontal)

    def _add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[title] = dock

    # -- actions ----------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable, shortcut=None, icon: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            set_shortcuts(action, shortcut)
        if icon:
            action.setIcon(icons.icon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda *_: self._guarded(slot))
        return action

    def _guarded(self, slot: Callable) -> None:
        """Run a menu command; a BrieferError becomes a message, never a traceback."""
        try:
            slot()
        except BrieferError as error:
            if self.link.check():  # a lost connection says so itself, once
                show_error(self, "Briefer", error)

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.act_new = self._action("&New Workspace…", self.new_workspace, K.New, "new")
        self.act_open = self._action("&Open Workspace…", self.open_dialog, K.Open, "open")
        self.act_copy = self._action("Save a &Copy As…", self.save_copy, K.SaveAs, "save")
        self.act_import_article = self._action("&Article…", self.import_article, "Ctrl+Shift+A", "article",
                                               "Turn a news report into sourced events")
        self.act_import_dataset = self._action("&Dataset (ACLED, GDELT, CSV, TimelineJS…)…", self.import_dataset,
                                               "Ctrl+Shift+I", "import")
        self.act_export = self._action("&Export…", self.export_dataset, "Ctrl+Shift+E", "export")
        self.act_brief = self._action("&Brief…", self.brief, K.Print, "brief", "Print a PDF brief")
        self.act_close = self._action("&Close Workspace", self.close_workspace, K.Close)
        self.act_quit = self._action("&Quit", self.close, K.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_undo = self.session.undo_stack.createUndoAction(self, "&Undo")
        set_shortcuts(self.act_undo, K.Undo)
        self.act_undo.setIcon(icons.icon("undo"))
        self.act_redo = self.session.undo_stack.createRedoAction(self, "&Redo")
        set_shortcuts(self.act_redo, K.Redo)
        if QKeySequence("Ctrl+Y") not in self.act_redo.shortcuts():  # X11's Redo is Ctrl+Shift+Z alone
            self.act_redo.setShortcuts([*self.act_redo.shortcuts(), QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(icons.icon("redo"))
        self.act_new_event = self._action("New &Event…", self.new_event, "Ctrl+E", "add")
        self.act_edit_event = self._action("Edit Event…", self.edit_selected, "Ctrl+Return", "edit")
        self.act_delete = self._action("&Delete", self.delete_selected, K.Delete, "delete",
                                       "Delete the selected events (or actor, or source, in their panel)")
        self.act_find = self._action("&Find…", self.focus_find, K.Find, "find")
        self.act_show_in_table = self._action("Show in &Table", self.show_in_table)
        self.act_periods = self._action("&Periods…", self.edit_periods, tip="Named date ranges shaded on the timeline")
        self.act_show_on_timeline = self._action("Show on Time&line", lambda: self.timeline.fit_selection())
        self.act_preferences = self._action("&Preferences…", self.preferences, K.Preferences)
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_about = self._action("&About Briefer", self.about)
        self.act_reconnect = self._action("Reco&nnect to the Desk", self.link.reconnect,
                                          tip="Try the desk's server again now")
        self.act_reconnect.setVisible(False)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.workspace_actions = [self.act_copy, self.act_import_article, self.act_import_dataset, self.act_export,
                                  self.act_brief, self.act_close, self.act_new_event, self.act_edit_event,
                                  self.act_delete, self.act_find, self.act_show_in_table, self.act_show_on_timeline,
                                  self.act_periods]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self.act_copy)
        file_menu.addSeparator()
        import_menu = file_menu.addMenu("&Import")
        import_menu.addActions([self.act_import_article, self.act_import_dataset])
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_brief)
        file_menu.addSeparator()
        file_menu.addActions([self.act_close, self.act_quit])
        self.exchange = ExchangeActions(self, self.session, file_menu, before=self.act_close)
        file_menu.insertAction(self.act_close, self.act_reconnect)  # shown while a desk's connection is lost

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_new_event, self.act_edit_event, self.act_delete])
        edit_menu.addAction(self.act_periods)
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_find, self.act_preferences])

        view_menu = bar.addMenu("&View")
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        for action in self.timeline.actions_for_menu():
            if action is None:
                view_menu.addSeparator()
            else:
                view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addMenu(theme.scheme_menu(self, self.settings))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.act_new_event, self.act_import_article, self.act_brief])
        toolbar.addSeparator()
        toolbar.addActions([self.act_undo, self.act_redo])

    # -- workspace files --------------------------------------------------------------------------
    def open_path(self, path: str | Path, create: bool = False) -> bool:
        """Open (or create) a workspace; a file that cannot be opened leaves the current one open."""
        try:
            ws = Workspace.create(path) if create else Workspace.open(path)
        except BrieferError as error:
            show_error(self, "Cannot open workspace", error)
            return False
        if create and preferences.CURRENT.marking:  # the analyst's marking for new workspaces
            ws.set_setting("brief.marking", preferences.CURRENT.marking)
        ws.analyst = theme.analyst_name(self.settings)
        self.session.open(ws)
        self._remember(ws.path)
        return True

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New workspace", self._folder(), FILE_FILTER)
        if path:
            if not path.endswith(WORKSPACE_SUFFIX):
                path += WORKSPACE_SUFFIX
            if Path(path).exists():
                show_error(self, "New workspace", f"{path} already exists; open it instead, or choose another name")
                return
            self.open_path(path, create=True)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open workspace", self._folder(), FILE_FILTER + ";;All files (*)")
        if path:
            self.open_path(path)

    def save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save a copy", self._folder(), FILE_FILTER)
        if path:
            if not path.endswith(WORKSPACE_SUFFIX):
                path += WORKSPACE_SUFFIX
            try:
                self.session.ws.save_copy(path)
            except BrieferError as error:  # the workspace itself, its -wal, a folder, a full disk
                show_error(self, "Save a copy", str(error))
                return
            self.statusBar().showMessage(f"Saved a copy as {path}", 5000)

    def close_workspace(self) -> None:
        self.session.close()

    def _folder(self) -> str:
        return str(local_folder(self.session.ws))

    def _remember(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self.settings.setValue("lastWorkspace", str(path))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent") or []
        return [value] if isinstance(value, str) else list(value)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda *_, p=path: self.open_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _workspace_changed(self) -> None:
        ws = self.session.ws
        for action in self.workspace_actions:
            action.setEnabled(ws is not None)
        for panel in (self.actor_panel, self.source_panel):  # their add/edit buttons need a workspace
            panel.setEnabled(ws is not None)
        self.timeline.set_workspace(ws)
        self.central.setCurrentIndex(1 if ws is not None else 0)
        if ws is None:
            self.empty_state.refresh()
        if hasattr(self, "access"):
            self.access.workspace_changed(ws)
        self._update_title()

    def editing_actions(self) -> list[QAction]:
        """The commands that change the workspace (off in a read-only window)."""
        return [self.act_import_article, self.act_import_dataset, self.act_new_event, self.act_edit_event,
                self.act_delete, self.act_periods, *self.exchange.writing]

    def _refresh_access(self, *_: object) -> None:
        self.access.refresh(self.session.ws)
        self._update_title()

    def _connection_changed(self, online: bool) -> None:
        """The desk's connection dropped (the window stays open, read-only) or came back."""
        self.act_reconnect.setVisible(not online)
        timeline = self.timeline  # its lanes and colours are read from the desk as they are chosen
        for part in (self.filter_bar, self.actor_panel, self.source_panel, timeline.lanes_box,
                     timeline.colour_box):  # each asks the desk as it is used
            part.setEnabled(online and self.session.ws is not None)
        if not online:
            self.session.undo_stack.clear()  # its steps would write: they start afresh on reconnecting
        self._refresh_access()

    def open_demo(self) -> None:
        from ..demo import fresh_demo_copy

        self.open_path(fresh_demo_copy())

    def _show_new_events(self, changes: ChangeSet) -> None:
        """Events an edit adds (the editor, Redo of a delete) are selected and brought into view."""
        if changes.everything or not changes.events.added or self.session.ws is None or self.session.remote:
            return  # another analyst's new events are shown where they fall, not selected
        self.show_events(sorted(changes.events.added))

    def show_events(self, uids: list[str]) -> None:
        """Select these events and show them on the timeline and in the table; if the filter
        hides them, it is cleared first (they were just made: the analyst wants to see them)."""
        ws = self.session.ws
        wanted = EventFilter(uids=tuple(uids))
        ids = ws.event_ids(self.session.filter.with_(uids=tuple(uids)))
        if len(ids) < len(uids) and not self.session.filter.is_empty:
            self.filter_bar.clear_all()
            ids = ws.event_ids(wanted)
        self.session.set_selection(ids, None)

    def _update_title(self) -> None:
        ws = self.session.ws
        suffix = self.access.title_suffix() if hasattr(self, "access") else ""
        if ws is not None and getattr(self, "_named", (None,))[0] is not ws:
            self._named = (ws, ws.name)  # read once: a desk whose connection is lost still has its name
        self.setWindowTitle(f"{self._named[1]} — Briefer{suffix}" if ws else "Briefer")
        self.setWindowFilePath(str(ws.path) if ws is not None else "")

    # -- drag a workspace onto the window --------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(u.toLocalFile().endswith(WORKSPACE_SUFFIX) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(WORKSPACE_SUFFIX):
                self.open_path(url.toLocalFile())
                event.acceptProposedAction()
                return

    # -- events --------------------------------------------------------------------------------
    def _selection_to_timeline(self, ids: list[int], origin: object) -> None:
        if origin is not self.timeline:
            self.timeline.select_ids(ids, scroll=True)

    def _select_event_uid(self, uid: str) -> None:
        ids = self.session.ws.event_ids(self.session.filter.with_(uids=(uid,)))
        if not ids:
            self.filter_bar.clear_all()
            ids = self.session.ws.event_ids(self.session.filter.with_(uids=(uid,)))
        self.session.set_selection(ids, None)

    def new_event(self) -> None:
        if self.access.refuse("add events"):
            return
        editor = EventEditor(self.session, None, self)
        fit_to_screen(editor).exec()

    def edit_event(self, event_id: int) -> None:
        if self.access.refuse("edit events"):
            return
        events = self.session.ws.events_by_ids([event_id])
        if events:  # read as the editor opens it: a change someone makes meanwhile is a conflict, not lost
            fit_to_screen(EventEditor(self.session, self.session.ws.get_event(events[0].uid), self)).exec()

    def edit_selected(self) -> None:
        if self.session.selection:
            self.edit_event(self.session.selection[0])

    def delete_selected(self) -> None:
        """Delete what is selected where the keyboard focus is: actors, sources or events."""
        if self.access.refuse("delete"):
            return
        focus = QApplication.focusWidget()
        for panel in (self.actor_panel, self.source_panel):
            if focus is not None and (focus is panel or panel.isAncestorOf(focus)):
                panel.delete()
                return
        ids = self.session.selection
        if not ids:
            self.statusBar().showMessage("Select the events to delete first", 5000)
            return
        from .edit_conflict import delete_checked

        shown = self.table.model_.shown_events()  # as the window loaded them: a change since is asked about
        events = [shown.get(e.uid, e) for e in self.session.ws.events_by_ids(ids)]
        if delete_checked(self.session, self, events):
            self.session.set_selection([], None)
            self.statusBar().showMessage(f"Deleted {len(events)} event(s); Undo brings them back", 5000)

    def edit_periods(self) -> None:
        from .periods_dialog import PeriodsDialog

        fit_to_screen(PeriodsDialog(self.session, self)).exec()

    def show_in_table(self) -> None:
        self.docks["Events"].show()
        self.docks["Events"].raise_()
        self.table.show_ids(self.session.selection)

    def _filter_to_lane(self, mode: str, name: str) -> None:
        if mode == "actor":
            self.filter_bar.show_actors([name])
        elif mode == "source":
            self.filter_bar.show_sources([name])
        elif mode == "type":
            self.filter_bar.event_type.setCurrentIndex(max(0, self.filter_bar.event_type.findData(name)))

    def focus_find(self) -> None:
        self.filter_bar.text.setFocus()
        self.filter_bar.text.selectAll()

    # -- services (their dialogs live in their own modules) ------------------------------------
    def import_article(self) -> None:
        from .intake_review import IntakeDialog

        dialog = IntakeDialog(self.session.ws, self)
        fit_to_screen(dialog).exec()
        if dialog.result_landed is not None:  # like an import: one transaction, not an undoable edit
            self.session.undo_stack.clear()
        self.session.notify_changed()
        if dialog.result_landed is not None and dialog.result_landed.events:
            self.show_events(dialog.result_landed.events)  # what landed is selected and shown
        if dialog.result_landed is not None and dialog.result_landed.notes:
            text = "; ".join(dialog.result_landed.notes)
            self.statusBar().showMessage(text[:1].upper() + text[1:] + ".", 15000)

    def import_dataset(self) -> None:
        from .import_dialog import ImportDialog

        last = store_timeline.last_event_id(self.session.ws)
        dialog = ImportDialog(self.session.ws, self)
        fit_to_screen(dialog).exec()
        self.session.undo_stack.clear()  # an import is one transaction, not an undoable edit
        self.session.notify_changed()
        landed = store_timeline.event_ids_after(self.session.ws, last)
        if landed:  # the imported events are selected and shown
            self.session.set_selection(landed, None)

    def export_dataset(self) -> None:
        from .export_dialog import export_dialog

        export_dialog(self, self.session.ws, self.session.filter)

    def brief(self) -> None:
        from .brief_dialog import BriefDialog

        uids = [e.uid for e in self.session.ws.events_by_ids(self.session.selection)]
        fit_to_screen(BriefDialog(self.session.ws, self.session.filter, uids, self)).exec()

    def preferences(self) -> None:
        from .preferences import PreferencesDialog

        if fit_to_screen(PreferencesDialog(self, self.settings)).exec():  # dates and weeks as now asked
            self.session.preferencesChanged.emit()
            self.timeline.canvas.update()
            if self.session.ws is not None:
                self.session.ws.analyst = theme.analyst_name(self.settings)

    def about(self) -> None:
        import PySide6
        import reportlab

        QMessageBox.about(
            self, "About Briefer",
            f"<h3>Briefer {__version__}</h3><p>Events, actors and sources of a developing situation, "
            f"on a timeline, offline.</p><p>Python {'.'.join(map(str, __import__('sys').version_info[:3]))}"
            f" · Qt {PySide6.QtCore.qVersion()} · PySide6 {PySide6.__version__} · reportlab {reportlab.Version}"
            f"</p>",
        )

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.actor_panel.wait_for_counts()
        self.timeline.wait_for_lanes()
        self.link.close()
        self.session.close()
        super().closeEvent(event)


def install_excepthook(log_path: Path) -> None:
    """Unexpected errors become a message and a log entry; never a traceback on screen."""
    import sys

    def hook(kind, value, tb) -> None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(kind, value, tb)) + "\n")
        parent = QApplication.activeWindow()
        text = str(value) if isinstance(value, BrieferError) else (
            f"Something went wrong ({kind.__name__}: {value}).\nYour workspace is safe; details were written "
            f"to {log_path}.")
        QMessageBox.warning(parent, "Briefer", text)

    sys.excepthook = hook

