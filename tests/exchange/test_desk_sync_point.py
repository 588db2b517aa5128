"""A laptop's sync point with a desk ("everything up to revision N") never skips a change:
two analysts' transactions interleave on a real PostgreSQL server, the one that started
first commits last, and a copy or a change package taken in between still lets the
laptop receive it later.

A desk hands out a revision when a transaction first needs one (an added event is
copied in with it), so A's revision is below B's although B commits first.  A sync point
read as "the highest revision committed" would then say the laptop has A's revision,
and the next package from the desk would leave A's events out for good."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefer.core.model import Event
from briefer.core.when import When
from briefer.exchange.changes import export_package
from briefer.exchange.merge import merge_path
from briefer.store import Workspace


@pytest.fixture
def desk_url(pg_server):
    url = pg_server.new_desk()
    yield url
    pg_server.drop(url)


@pytest.fixture
def analysts(desk_url):
    """Two analysts' sessions on one desk: two connections."""
    a, b = Workspace.open(desk_url), Workspace.open(desk_url)
    a.analyst, b.analyst = "Amal", "Omar"
    yield a, b
    a.close()
    b.close()


def _titles(ws: Workspace) -> set[str]:
    return {e.title for e in ws.search_events()}


def _package_to(desk: Workspace, laptop: Workspace, folder: Path, name: str) -> None:
    """The desk's changes the laptop has not had, as a change package, merged into it."""
    package = folder / f"{name}.zip"
    export_package(desk, desk.peer(laptop.workspace_id), package)
    merge_path(laptop, package)


def test_a_copy_taken_while_an_earlier_transaction_is_open_still_receives_it(analysts, tmp_path: Path) -> None:
    a, b = analysts
    talks = b.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    laptop_path = tmp_path / "laptop.briefer"
    with a.transaction():  # A starts and writes first: its revision is the lower one
        a.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
        convoy = b.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))  # B writes, commits
        b.update_event(replace(b.get_event(talks.uid), place="Raqqa"))
        b.make_peer_copy(laptop_path)  # the copy: B's changes, not A's (not committed yet)
    # A has committed now; the desk goes on with a record the copy has
    b.update_event(replace(b.get_event(convoy.uid), notes="left at night"))
    with Workspace.open(laptop_path) as laptop:
        assert _titles(laptop) == {"Talks in Raqqa", "Convoy leaves Baghouz"}
        _package_to(b, laptop, tmp_path, "next")
        assert _titles(laptop) == {"Talks in Raqqa", "Convoy leaves Baghouz", "Airstrike near Hajin"}
        assert laptop.get_event(talks.uid).place == "Raqqa"
        assert not laptop.conflicts()  # what the copy already had comes again without a conflict
        laptop.update_event(replace(laptop.get_event(talks.uid), notes="from the laptop"))
    report = merge_path(b, laptop_path)  # and back: only the laptop's own change, nothing lost
    assert (report.added["event"], report.updated["event"], report.deleted["event"]) == (0, 1, 0)
    assert not report.conflicts
    assert _titles(b) == {"Talks in Raqqa", "Convoy leaves Baghouz", "Airstrike near Hajin"}
    assert b.get_event(convoy.uid).notes == "left at night"
    assert b.get_event(talks.uid).notes == "from the laptop"


def test_a_change_package_made_while_an_earlier_transaction_is_open_does_not_skip_it(analysts,
                                                                                      tmp_path: Path) -> None:
    a, b = analysts
    b.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    laptop_path = tmp_path / "laptop.briefer"
    b.make_peer_copy(laptop_path)
    with Workspace.open(laptop_path) as laptop:
        with a.transaction():
            a.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
            b.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))
            _package_to(b, laptop, tmp_path, "first")  # while A's transaction is open:
            assert _titles(laptop) == {"Talks in Raqqa"}  # B's change waits above the sync point
        _package_to(b, laptop, tmp_path, "second")  # after A committed
        assert _titles(laptop) == {"Talks in Raqqa", "Convoy leaves Baghouz", "Airstrike near Hajin"}
        assert not laptop.conflicts()


def test_an_edit_after_the_copy_to_a_record_the_copy_has_is_no_conflict(analysts, tmp_path: Path) -> None:
    """The copy may hold changes above its sync point (committed while an earlier transaction
    was open): when the desk changes such a record again, the laptop takes that, no conflict."""
    a, b = analysts
    talks = b.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    laptop_path = tmp_path / "laptop.briefer"
    with a.transaction():
        a.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
        b.update_event(replace(b.get_event(talks.uid), place="Raqqa"))
        b.make_peer_copy(laptop_path)
    b.update_event(replace(b.get_event(talks.uid), place="Raqqa city"))
    with Workspace.open(laptop_path) as laptop:
        _package_to(b, laptop, tmp_path, "next")
        assert laptop.get_event(talks.uid).place == "Raqqa city"
        assert "Airstrike near Hajin" in _titles(laptop)
        assert not laptop.conflicts()


def test_a_copy_merged_straight_back_brings_only_its_own_changes(analysts, tmp_path: Path) -> None:
    """The desk's changes the copy holds above its sync point are the desk's own: merging
    the copy back does not send them again as the laptop's (they would clash with what the
    desk did to those records since)."""
    a, b = analysts
    laptop_path = tmp_path / "laptop.briefer"
    with a.transaction():
        strike = a.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
        convoy = b.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))
        b.make_peer_copy(laptop_path)
    b.update_event(replace(b.get_event(convoy.uid), notes="left at night"))
    with Workspace.open(laptop_path) as laptop:
        laptop.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    report = merge_path(b, laptop_path)
    assert (report.added["event"], report.updated["event"], report.deleted["event"]) == (1, 0, 0)
    assert not report.conflicts
    assert b.get_event(convoy.uid).notes == "left at night"
    assert b.get_event(strike.uid).title == "Airstrike near Hajin"


def test_only_an_open_transaction_holds_the_sync_point_back(analysts) -> None:
    a, b = analysts
    b.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    assert b.sync_point() == b.max_revision()
    with pytest.raises(RuntimeError):
        with a.transaction():
            a.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
            b.add_event(Event("Convoy leaves Baghouz", When.parse("2019-02-20")))
            assert b.sync_point() == b.max_revision() - 2  # below A's revision, which B's follows
            raise RuntimeError("given up")
    assert b.sync_point() == b.max_revision()  # a transaction given up holds nothing back
    with a.transaction():
        a.add_event(Event("Airstrike near Hajin", When.parse("2019-02-11")))
        a.add_event(Event("Strike on Baghouz", When.parse("2019-02-12")))  # a second revision: one claim
    assert b.sync_point() == b.max_revision()
