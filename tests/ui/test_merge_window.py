"""Merging in the window: File ▸ Merge Workspace… is one Undo step, open conflicts show in
the status bar until decided in the review dialog, and Details says who changed what."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from briefer.core.model import Actor
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


def _conflicted(window, tmp_path, monkeypatch):
    """A desk window after merging a laptop that changed two fields of event-0 and event-2
    differently, and made an actor the desk has too."""
    with seeded(tmp_path / "desk.briefer") as desk:
        desk.make_peer_copy(tmp_path / "laptop.briefer")
        desk.analyst = "Amal"
        for uid in ("event-0", "event-2"):
            desk.update_event(replace(desk.get_event(uid), title=f"Desk {uid}", place="Hajin"))
        desk.add_actor(Actor("Kurdish Red Crescent", uid="krc-desk"))
    with Workspace.open(tmp_path / "laptop.briefer") as laptop:
        laptop.analyst = "Bashir"
        for uid in ("event-0", "event-2"):
            laptop.update_event(replace(laptop.get_event(uid), title=f"Laptop {uid}", place="Susa"))
        laptop.add_actor(Actor("Kurdish Red Crescent", uid="krc-laptop"))
    assert window.open_path(tmp_path / "desk.briefer")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    merge_file(window, window.session, tmp_path / "laptop.briefer")
    assert window.session.ws.open_conflict_count() == 4
    dialog = ConflictDialog(window.session, window)
    dialog.show()
    return window.session, dialog


def _select(dialog, predicate) -> None:
    dialog.tree.clearSelection()
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        for item in [top] + [top.child(j) for j in range(top.childCount())]:
            if predicate(item):
                item.setSelected(True)


def test_each_decision_is_one_undo_step_and_undo_opens_the_conflicts_again(window, tmp_path, monkeypatch) -> None:
    session, dialog = _conflicted(window, tmp_path, monkeypatch)
    stack, ws = session.undo_stack, session.ws
    after_merge = content(ws)
    badge = window.exchange.badge

    # one field
    _select(dialog, lambda item: item.text(0) == "title" and item.parent().text(0).startswith("Event “Desk event-0”"))
    dialog.take_theirs.click()
    assert ws.get_event("event-0").title == "Laptop event-0" and ws.get_event("event-0").place == "Hajin"
    assert stack.count() == 2 and stack.undoText() == "Take Theirs for title of “Desk event-0”"
    assert "3 open conflicts" in badge.text()
    dialog.undo_action.trigger()  # the dialog's own Undo (Ctrl+Z)
    assert content(ws) == after_merge and ws.open_conflict_count() == 4
    assert dialog.tree.topLevelItem(0).childCount() == 2  # the dialog shows the conflict again
    stack.redo()
    assert ws.get_event("event-0").title == "Laptop event-0" and ws.open_conflict_count() == 3
    stack.undo()

    # one record: both its fields, one step
    _select(dialog, lambda item: item.text(0).startswith("Event “Desk event-2”"))
    dialog.take_theirs.click()
    assert (ws.get_event("event-2").title, ws.get_event("event-2").place) == ("Laptop event-2", "Susa")
    assert stack.undoText() == "Take Theirs for “Desk event-2”" and ws.open_conflict_count() == 2
    stack.undo()
    assert content(ws) == after_merge

    # all at once, one step; the merge before it is still undoable
    dialog.all_theirs.click()
    assert stack.undoText() == "Take Theirs for All 4 Conflicts" and ws.open_conflict_count() == 0
    assert not badge.isVisible() or "conflict" not in badge.text()
    stack.undo()
    assert content(ws) == after_merge and ws.open_conflict_count() == 4
    stack.undo()
    assert stack.undoText() == "" and ws.open_conflict_count() == 0


def test_merging_a_proposed_duplicate_is_one_undo_step(window, tmp_path, monkeypatch) -> None:
    session, dialog = _conflicted(window, tmp_path, monkeypatch)
    ws, stack = session.ws, session.undo_stack
    after_merge = content(ws)
    assert len(ws.conflicts("proposed")) == 1
    _select(dialog, lambda item: item.text(0) == "actor")
    dialog.merge_pair.click()
    assert "krc-laptop" not in ws.all_uids("actor") and not ws.conflicts("proposed")
    assert stack.undoText().startswith("Merge “Kurdish Red Crescent")
    stack.undo()
    assert content(ws) == after_merge and len(ws.conflicts("proposed")) == 1
    stack.redo()
    assert "krc-laptop" not in ws.all_uids("actor")


def test_the_review_shows_both_values_in_full_under_the_list(window, tmp_path, monkeypatch) -> None:
    long = "Local sources report heavy shelling overnight and hundreds of civilians leaving towards Hajin " * 3
    with seeded(tmp_path / "desk.briefer") as desk:
        desk.make_peer_copy(tmp_path / "laptop.briefer")
        desk.update_event(replace(desk.get_event("event-0"), summary="The desk's summary."))
    with Workspace.open(tmp_path / "laptop.briefer") as laptop:
        laptop.analyst = "Bashir"
        laptop.update_event(replace(laptop.get_event("event-0"), summary=long))
    assert window.open_path(tmp_path / "desk.briefer")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    report = merge_file(window, window.session, tmp_path / "laptop.briefer")
    assert report.summary() == "1 conflict"
    dialog = ConflictDialog(window.session, window)
    field = dialog.tree.topLevelItem(0).child(0)
    assert field.text(3).endswith("…")  # the list shortens it...
    dialog.tree.setCurrentItem(field)
    text = dialog.detail.toPlainText()
    assert long.strip() in text and "The desk's summary." in text and "Bashir" in text  # ...the pane does not
    assert dialog.width() <= dialog.screen().availableGeometry().width()
