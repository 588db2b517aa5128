"""Merging in the window: File ▸ Merge Workspace… is one Undo step, open conflicts show in
the status bar until decided in the review dialog, and Details says who changed what."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from briefer.exchange.merge import merge_path
from briefer.store import Workspace
from briefer.ui.conflict_dialog import ConflictDialog
from briefer.ui.exchange_menu import merge_file

from ..exchange.merge_helpers import content, seeded


def _two(tmp_path: Path) -> tuple[Path, Path]:
    with seeded(tmp_path / "desk.briefer") as desk:
        desk.make_peer_copy(tmp_path / "laptop.briefer")
        desk.analyst = "Amal"
        desk.update_event(replace(desk.get_event("event-0"), title="Desk's title"))
    with Workspace.open(tmp_path / "laptop.briefer") as laptop:
        laptop.analyst = "Bashir"
        laptop.update_event(replace(laptop.get_event("event-0"), title="Bashir's title"))
        laptop.update_event(replace(laptop.get_event("event-1"), place="Hajin"))
    return tmp_path / "desk.briefer", tmp_path / "laptop.briefer"


def test_a_merge_is_one_undo_step_and_its_conflicts_show_until_decided(window, tmp_path, monkeypatch) -> None:
    desk, laptop = _two(tmp_path)
    assert window.open_path(desk)
    session = window.session
    before = content(session.ws)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    report = merge_file(window, session, laptop)
    assert report is not None and "1 conflict" in shown[0]
    assert session.ws.get_event("event-1").place == "Hajin"
    badge = window.findChild(type(window.exchange.badge), "conflictBadge")
    assert badge.isVisible() and "1 open conflict" in badge.text()
    assert session.undo_stack.undoText() == "Merge laptop.briefer"

    session.undo_stack.undo()
    assert content(session.ws) == before and not badge.isVisible()
    session.undo_stack.redo()
    assert session.ws.get_event("event-1").place == "Hajin" and badge.isVisible()

    dialog = ConflictDialog(session, window)
    tree = dialog.tree
    record = tree.topLevelItem(0)
    assert record.text(0) == "Event “Desk's title” — merged from laptop"
    field = record.child(0)
    assert (field.text(0), field.text(3)) == ("title", "Bashir's title") and "Bashir" in field.text(4)
    assert field.text(1) == "Desk's title" and "Amal" in field.text(2)
    field.setSelected(True)
    dialog.take_theirs.click()
    assert session.ws.get_event("event-0").title == "Bashir's title"
    assert tree.topLevelItemCount() == 0 and not badge.isVisible()


def test_details_say_who_changed_the_event_and_where(window, tmp_path) -> None:
    desk, laptop = _two(tmp_path)
    window.open_path(desk)
    session = window.session
    merge_path(session.ws, laptop, prefer="theirs")
    session.notify_changed()
    event_id = session.ws.conn.execute("SELECT id FROM event WHERE uid = 'event-1'").fetchone()[0]
    session.set_selection([event_id])
    html = window.details.browser.toPlainText()
    assert "by Bashir in laptop" in html and "Created" in html and "by Desk" in html
