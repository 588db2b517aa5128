"""What the analyst may change in this window, and saying so when it is nothing.

A window is read-only when the desk's role is reader, when the workspace file cannot be
written, or while the connection to a desk is lost.  It says so in its title and in a
permanent note in the status bar; every command that would change the workspace is
greyed out (its tooltip says why), and an attempt that can still be made (double-clicking
an event, renaming an actor in place) is answered with the reason instead.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QMainWindow, QMessageBox, QToolButton

from ..core.errors import BrieferError
from ..store.desk import access
from .desk_link import DeskLink, is_desk

# the panels' buttons that write (their object names)
EDIT_BUTTONS = ("actor_add", "actor_edit", "actor_merge", "actor_delete", "source_add", "source_add_document",
                "source_edit", "source_delete", "detailsEdit")


def desk_role(ws) -> str:
    """'reader', 'editor' or 'admin' on a desk; '' for a file (or when the desk does not say)."""
    if not is_desk(ws):
        return ""
    try:
        return access(ws)
    except BrieferError:
        return ""


class WindowAccess:
    """Keeps the window's editing commands in step with what it may do."""

    def __init__(self, window: QMainWindow, link: DeskLink, actions: list, panels_views: list[QAbstractItemView],
                 selection: Callable[[], list]) -> None:
        self.window, self.link, self.selection = window, link, selection
        self.actions = actions  # every action that changes the workspace
        self.views = [(view, view.editTriggers()) for view in panels_views]  # in-place renames
        self.role = ""
        self.reason = ""
        self.note = QLabel(objectName="readOnlyNote")
        self.note.setVisible(False)
        window.statusBar().addPermanentWidget(self.note)
        for button in window.findChildren(QAbstractButton):
            if button.objectName() in EDIT_BUTTONS:
                button.setProperty("plainTip", button.toolTip())
        self.tips = {action: action.toolTip() for action in actions}

    @property
    def read_only(self) -> bool:
        return bool(self.reason)

    def workspace_changed(self, ws) -> None:
        self.role = desk_role(ws) if ws is not None else ""
        self.refresh(ws)

    def refresh(self, ws) -> None:
        """Work out why (if at all) the window is read-only, and show it."""
        if ws is None:
            self.reason = ""
        elif is_desk(ws) and not self.link.online:
            self.reason = (f"the connection to the desk was lost at {self.link.lost_at:%H:%M}: you see what was "
                           "loaded; editing comes back when it reconnects (File ▸ Reconnect)")
        elif self.role == "reader":
            self.reason = ("your role on this desk is reader: you may read, filter, export and print briefs, "
                           "not change it; the desk's administrator can make you an editor")
        elif getattr(ws, "read_only", False):
            self.reason = "the workspace file (or its folder) cannot be written: you may read it, not change it"
        else:
            self.reason = ""
        for action in self.actions:
            if ws is not None:
                action.setEnabled(not self.read_only)
            action.setToolTip(f"Read-only: {self.reason}" if self.read_only else self.tips[action])
        for button in self.window.findChildren(QAbstractButton):
            if button.objectName() in EDIT_BUTTONS:
                if self.read_only:
                    button.setEnabled(False)
                    button.setToolTip(f"Read-only: {self.reason}")
                elif button.toolTip().startswith("Read-only: "):
                    button.setEnabled(button.objectName() != "detailsEdit" or bool(self.selection()))
                    button.setToolTip(button.property("plainTip") or "")
        for view, triggers in self.views:
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if self.read_only else triggers)
        offline = is_desk(ws) and not self.link.online
        label = "Offline — read-only" if offline else ("Read-only — reader" if self.role == "reader" else "Read-only")
        self.note.setText(f"<b>{label}</b>" if self.read_only else "")
        self.note.setToolTip(self.reason)
        self.note.setVisible(self.read_only)

    def title_suffix(self) -> str:
        if not self.read_only:
            return ""
        return " (offline, read-only)" if not self.link.online else " (read-only)"

    def refuse(self, what: str = "change it") -> bool:
        """True (after explaining) when the window may not change the workspace."""
        if not self.read_only:
            return False
        QMessageBox.information(self.window, "Read-only", f"You cannot {what}: {self.reason}.")
        return True
