"""Deleting an event another analyst changed since the window loaded it (a real desk):
the window asks — Reload (nothing deleted; theirs shown), Delete Anyway (Undo brings
theirs back) or Cancel — instead of deleting their change unseen or showing a bare error."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Event
from briefer.core.when import When
from tests.ui.test_desk_window import amal, desk, titles  # noqa: F401 - the fixtures

CHOICES = ["reload", "delete", None]


def _select(window, uid: str) -> None:
    window.table.setFocus()
    window.session.set_selection(window.session.ws.event_ids(EventFilter(uids=(uid,))), None)


@pytest.mark.parametrize("choice", CHOICES, ids=["reload", "delete anyway", "cancel"])
def test_deleting_an_event_changed_meanwhile_asks_first(window, qtbot, desk, amal, monkeypatch,  # noqa: F811
                                                        choice) -> None:
    from briefer.ui.edit_conflict import DeleteConflictDialog

    event = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    amal.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    assert window.open_path(desk)
    assert titles(window) == ["Shelling of Hajin", "Talks in Raqqa"]
    _select(window, event.uid)
    # Amal changes it; the window has not heard yet (no event loop ran): it shows the old version
    theirs = amal.update_event(replace(amal.get_event(event.uid), title="Shelling of Hajin and Baghouz",
                                       notes="two sources"))
    at = amal.provenance("event", event.uid).modified.at[11:16]
    asked = []

    def decide(dialog) -> int:
        asked.append((dialog.heading.text(), [dialog.fields.topLevelItem(i).text(0)
                                              for i in range(dialog.fields.topLevelItemCount())]))
        if choice is None:
            dialog.reject()
        else:
            dialog.buttons[choice].click()
        return dialog.result()

    monkeypatch.setattr(DeleteConflictDialog, "exec", decide)
    window.delete_selected()
    heading, rows = asked[0]
    assert f"“Shelling of Hajin” was changed by Amal at {at} UTC" in heading and "since the window loaded it" in heading
    assert rows == ["Title", "Notes"] and len(asked) == 1
    stack = window.session.undo_stack
    if choice == "delete":  # deleted, their change with it; Undo brings back theirs, not what was shown
        assert amal.event_count() == 1 and stack.count() == 1
        assert "Deleted 1 event" in window.statusBar().currentMessage()
        stack.undo()
        assert amal.get_event(event.uid) == theirs
    else:  # nothing deleted, nothing to undo
        assert amal.get_event(event.uid) == theirs and stack.count() == 0
    qtbot.waitUntil(lambda: titles(window) == ["Shelling of Hajin and Baghouz", "Talks in Raqqa"])


def test_an_event_whose_change_the_window_shows_is_deleted_without_asking(window, qtbot, desk, amal,  # noqa: F811
                                                                         monkeypatch) -> None:
    from briefer.ui.edit_conflict import DeleteConflictDialog

    event = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    assert window.open_path(desk)
    amal.update_event(replace(amal.get_event(event.uid), title="Shelling of Hajin and Baghouz"))
    qtbot.waitUntil(lambda: titles(window) == ["Shelling of Hajin and Baghouz"])  # heard and shown
    monkeypatch.setattr(DeleteConflictDialog, "exec", lambda dialog: pytest.fail("asked"))
    _select(window, event.uid)
    window.delete_selected()
    assert amal.event_count() == 0


def test_the_store_refuses_to_delete_an_event_that_differs_from_what_the_caller_showed(desk, amal) -> None:  # noqa: F811
    from briefer.store import EditConflict, Workspace

    event = amal.add_event(Event("Shelling of Hajin", When.parse("2019-02-09")))
    with Workspace.open(desk) as omar:
        omar.analyst = "Omar"
        shown = omar.events_by_ids(omar.event_ids(EventFilter()))[0]
        amal.update_event(replace(amal.get_event(event.uid), notes="two sources"))
        with pytest.raises(EditConflict, match="changed by Amal .* delete it anyway") as refused:
            omar.delete_event(event.uid, expect=shown)
        assert refused.value.deleting and amal.event_count() == 1
        assert omar.delete_event(event.uid, overwrite=True).notes == "two sources"  # what was deleted
    assert amal.event_count() == 0
