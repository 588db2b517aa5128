"""File ▸ Merge Workspace… and File ▸ Exchange ▸ …: combining analysts' work in the window.

A merge is one transaction and one Undo step ("Undo Merge bashir.briefer"); undo puts
every record, the sync point and the conflicts back as they were.  Open conflicts show in
the status bar until they are decided (Review Conflicts…).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox, QPushButton

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..exchange.changes import PACKAGE_SUFFIX, ChangeSet, export_package
from ..exchange.merge import MergeReport, apply_changes, read_other, undo_merge
from ..store.workspace import WORKSPACE_SUFFIX
from .conflict_dialog import ConflictDialog
from .desk_link import is_desk, is_lost, local_folder
from .session import Session

OTHER_FILTER = ("Briefer workspaces, exports and change packages (*.briefer *.json *.briefer-changes);;"
                "All files (*)")


class MergeCommand(QUndoCommand):
    """A merge as one undo step: redo applies the other side's changes, undo takes them back."""

    def __init__(self, session: Session, cs: ChangeSet, label: str) -> None:
        super().__init__(f"Merge {label}")
        self.session, self.cs = session, cs
        self.report: Optional[MergeReport] = None
        self._first = True

    def run_first(self) -> MergeReport:
        self.report = apply_changes(self.session.ws, self.cs)
        return self.report

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.report = apply_changes(self.session.ws, self.cs)
        self.session.notify_changed()

    def undo(self) -> None:
        if self.report is not None:
            undo_merge(self.session.ws, self.report)
        self.session.notify_changed()


def merge_file(window: QMainWindow, session: Session, path: str | Path) -> Optional[MergeReport]:
    """Merge OTHER into the open workspace; the report is shown, errors are one message."""
    try:
        cs = read_other(session.ws, path)
        command = MergeCommand(session, cs, Path(path).name)
        report = command.run_first()
    except BrieferError as error:
        QMessageBox.warning(window, "Merge Workspace", f"Nothing was merged.\n\n{error}")
        return None
    session.push(command)
    text = f"Merged {Path(path).name}: {report.summary()}."
    if report.open_conflicts:
        text += (f"\n\n{len(report.open_conflicts)} conflict(s) are open: this workspace keeps its own values "
                 "until you decide (Review Conflicts…).")
    if report.notes:
        text += "\n\n" + "\n".join(report.notes[:10])
    window.statusBar().showMessage(text.split("\n")[0], 10000)
    if report.open_conflicts or report.proposals:
        box = QMessageBox(QMessageBox.Icon.Information, "Merge Workspace", text, parent=window)
        review = box.addButton("Review Conflicts…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is review:
            ConflictDialog(session, window).exec()
    return report


class ExchangeActions:
    """The menu entries and the status-bar note, installed into the main window."""

    def __init__(self, window: QMainWindow, session: Session, file_menu, before: QAction) -> None:
        self.window, self.session = window, session
        self.act_merge = QAction("&Merge Workspace…", window, objectName="actMerge")
        self.act_merge.setToolTip("Merge another analyst's workspace, a Briefer JSON export or a change package")
        self.act_merge.triggered.connect(self.merge)
        self.act_export = QAction("&Export Changes for…", window, objectName="actExportChanges")
        self.act_export.triggered.connect(self.export_changes)
        self.act_import = QAction("&Import Changes…", window, objectName="actImportChanges")
        self.act_import.triggered.connect(self.merge)
        self.act_copy = QAction("Make a &Copy for an Analyst…", window, objectName="actPeerCopy")
        self.act_copy.setToolTip("A copy that works offline and merges back three-way")
        self.act_copy.triggered.connect(self.make_copy)
        self.act_review = QAction("&Review Conflicts…", window, objectName="actReviewConflicts")
        self.act_review.triggered.connect(self.review)
        file_menu.insertAction(before, self.act_merge)
        exchange = QMenu("E&xchange", file_menu)
        file_menu.insertMenu(before, exchange)
        exchange.addActions([self.act_copy, self.act_export, self.act_import])
        exchange.addSeparator()
        exchange.addAction(self.act_review)
        file_menu.insertSeparator(before)
        self.actions = [self.act_merge, self.act_export, self.act_import, self.act_copy, self.act_review]
        self.writing = [a for a in self.actions if a is not self.act_copy]  # a copy only reads: a reader may take one
        self.badge = QPushButton(objectName="conflictBadge")
        self.badge.setFlat(True)
        self.badge.setToolTip("Both sides of a merge changed these; click to decide")
        self.badge.clicked.connect(self.review)
        window.statusBar().addPermanentWidget(self.badge)
        session.dataChanged.connect(self.refresh)
        session.workspaceChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        ws = self.session.ws
        for action in self.actions:
            action.setEnabled(ws is not None)
        if is_desk(ws):
            self.act_copy.setText("&Take a Copy to Work Offline…")
            self.act_copy.setToolTip("A workspace file of the desk (or of what the filter shows) that works "
                                     "offline and merges back three-way")
        else:
            self.act_copy.setText("Make a &Copy for an Analyst…")
            self.act_copy.setToolTip("A copy that works offline and merges back three-way")
        count = ws.open_conflict_count() if ws is not None else 0
        proposals = len(ws.conflicts("proposed")) if ws is not None else 0
        parts = [f"⚠ {count} open conflict{'s' if count != 1 else ''}"] if count else []
        if proposals:
            parts.append(f"{proposals} proposed duplicate{'s' if proposals != 1 else ''}")
        self.badge.setText(" · ".join(parts) + (" — Review…" if parts else ""))
        self.badge.setVisible(bool(parts))

    def _folder(self) -> str:
        return str(local_folder(self.session.ws))

    def _beside(self, name: str) -> str:
        return str(local_folder(self.session.ws) / name)

    def merge(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Merge Workspace", self._folder(), OTHER_FILTER)
        if path:
            merge_file(self.window, self.session, path)

    def review(self) -> None:
        ConflictDialog(self.session, self.window).exec()
        self.refresh()

    def make_copy(self) -> None:
        """A copy that is a workspace of its own and merges back three-way: of a desk, to work
        offline (everything, or only the events the filter shows); of a file, for an analyst."""
        ws = self.session.ws
        title = "Take a Copy" if is_desk(ws) else "Make a Copy"
        if is_lost(ws):
            QMessageBox.warning(self.window, title, "The connection to the desk is lost: a copy can be taken once "
                                "it is back (File ▸ Reconnect to the Desk).")
            return
        part = None
        if not self.session.filter.is_empty:  # (the counts the table and filter bar just asked for)
            shown, total = self.session.count(self.session.filter), self.session.count(EventFilter())
            box = QMessageBox(QMessageBox.Icon.Question, title,
                              f"The filter shows {shown:,} of the {total:,} events. Copy only those (with every actor "
                              "and source, and the documents they cite), or everything?", parent=self.window)
            only = box.addButton(f"Only the {shown:,} Shown", QMessageBox.ButtonRole.AcceptRole)
            every = box.addButton("Everything", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(only)
            box.exec()
            if box.clickedButton() not in (only, every):
                return
            part = self.session.filter if box.clickedButton() is only else None
        path, _ = QFileDialog.getSaveFileName(self.window, title, self._beside(f"{ws.path.stem}-copy.briefer"),
                                              "Briefer workspaces (*.briefer)")
        if not path:
            return
        if not path.endswith(WORKSPACE_SUFFIX):
            path += WORKSPACE_SUFFIX
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if not is_desk(ws) and Path(path).resolve() == Path(ws.path).resolve():
                raise BrieferError(f"{path}: is this workspace itself; choose another name")
            ws.make_peer_copy(path, part)  # (the save dialog asked before replacing a file)
        except BrieferError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, title, f"No copy was made.\n\n{error}")
            return
        QApplication.restoreOverrideCursor()
        what = f"{self.session.count(part):,} events" if part is not None else "everything"
        self.window.statusBar().showMessage(f"Copied {what} to {path}; merge it back with File ▸ Merge Workspace…",
                                            8000)

    def export_changes(self) -> None:
        ws = self.session.ws
        peers = ws.peers()
        if not peers:
            QMessageBox.information(self.window, "Export Changes",
                                    "This workspace has not exchanged with another yet. Make a copy for an analyst, "
                                    "or merge their workspace first.")
            return
        labels = [f"{p['name'] or '(no name)'} — last exchange "
                  f"{p['at'].replace('T', ' ')[:16] + ' UTC' if p['at'] else 'never'} ({p['workspace'][:8]}…)"
                  for p in peers]
        label, ok = QInputDialog.getItem(self.window, "Export Changes", "Changes for:", labels, 0, False)
        if not ok:
            return
        peer = peers[labels.index(label)]
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export Changes", self._beside(f"{ws.path.stem}-for-{peer['name'] or 'peer'}{PACKAGE_SUFFIX}"),
            f"Change packages (*{PACKAGE_SUFFIX})")
        if not path:
            return
        try:
            cs, _ = export_package(ws, peer, path)
        except BrieferError as error:
            QMessageBox.warning(self.window, "Export Changes", str(error))
            return
        self.window.statusBar().showMessage(f"Wrote {cs.size} changed record(s) to {path}", 8000)
