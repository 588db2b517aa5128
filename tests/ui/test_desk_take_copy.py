"""File ▸ Exchange ▸ Take a Copy to Work Offline… in a window on a desk (a real PostgreSQL
server): the whole desk or only what the filter shows, into a workspace file that knows
the desk as its peer and merges back; a reader may take one too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.core.filter import EventFilter
from briefer.core.model import Event
from briefer.core.when import When
from briefer.store import Workspace
from tests.ui.test_desk_window import amal, desk, login  # noqa: F401 - the fixtures


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch):
    """The save dialog answers `path` (and records the name it proposed)."""
    proposed: list[str] = []

    def install(path: Path) -> list[str]:
        def answer(parent, title, start, filters):
            proposed.append(start)
            return str(path), filters
        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
        return proposed
    return install


def _fill(amal: Workspace) -> None:  # noqa: F811
    amal.add_events([Event("Shelling of Hajin", When.parse("2019-02-09")),
                     Event("SDF capture Hajin", When.parse("2018-12-14")),
                     Event("Talks in Raqqa", When.parse("2019-03"))])


def test_take_a_copy_of_the_whole_desk_to_work_offline(window, desk, amal, save_as, tmp_path: Path) -> None:  # noqa: F811
    _fill(amal)
    assert window.open_path(desk)
    action = window.exchange.act_copy
    assert action.text() == "&Take a Copy to Work Offline…" and action.isEnabled()
    proposed = save_as(tmp_path / "laptop")  # the .briefer suffix is added
    action.trigger()
    assert Path(proposed[0]).parent == Path.home()  # a desk has no folder here: home is proposed
    laptop_path = tmp_path / "laptop.briefer"
    assert window.statusBar().currentMessage().startswith(f"Copied everything to {laptop_path}")
    with Workspace.open(laptop_path) as laptop:
        assert laptop.event_count() == 3 and laptop.peer(amal.workspace_id)["name"] == amal.name
        laptop.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
    from briefer.ui.exchange_menu import merge_file
    report = merge_file(window, window.session, laptop_path)  # and back into the desk
    assert report.added["event"] == 1 and not report.conflicts and amal.event_count() == 4


def test_take_a_copy_of_what_the_filter_shows(window, desk, amal, save_as, tmp_path: Path,  # noqa: F811
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(amal)
    assert window.open_path(desk)
    window.session.set_filter(EventFilter(text="hajin"))
    asked = []

    def only_the_shown(box) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().startswith("Only the 2")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", only_the_shown)
    save_as(tmp_path / "hajin.briefer")
    window.exchange.act_copy.trigger()
    assert asked == ["The filter shows 2 of the 3 events. Copy only those (with every actor and source, and the "
                     "documents they cite), or everything?"]
    assert window.statusBar().currentMessage().startswith("Copied 2 events to ")
    with Workspace.open(tmp_path / "hajin.briefer") as part:
        assert sorted(e.title for e in part.search_events()) == ["SDF capture Hajin", "Shelling of Hajin"]


def test_a_reader_may_take_a_copy(window, desk, amal, login, save_as, tmp_path: Path) -> None:  # noqa: F811
    _fill(amal)
    assert window.open_path(login("reader"))
    assert window.access.read_only and not window.exchange.act_merge.isEnabled()
    assert window.exchange.act_copy.isEnabled()  # a copy only reads
    save_as(tmp_path / "reader.briefer")
    window.exchange.act_copy.trigger()
    with Workspace.open(tmp_path / "reader.briefer") as copy:
        assert copy.event_count() == 3


def test_on_a_file_the_copy_is_proposed_beside_it_and_never_over_it(window, save_as, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.briefer"
    Workspace.create(path).close()
    assert window.open_path(path)
    assert window.exchange.act_copy.text() == "Make a &Copy for an Analyst…"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    proposed = save_as(path)
    window.exchange.act_copy.trigger()
    assert proposed == [str(tmp_path / "desk-copy.briefer")]
    assert warned and "is this workspace itself" in warned[0] and window.session.ws.event_count() == 0
