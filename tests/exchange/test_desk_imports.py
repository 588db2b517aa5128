"""A dataset import into a desk remembers the analyst's actor choices there, as a file
does (the desk's migration adds the table), on a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from briefer.core.model import Actor, ActorKind, Event
from briefer.core.when import When
from briefer.exchange.formats import open_reader
from briefer.exchange.importing import propose_actors, run_import
from briefer.exchange.reconcile import ActorPlan, Decision
from briefer.store import Workspace

from .test_reconcile import acled_with_actors


@pytest.fixture
def desk(pg_server):
    url = pg_server.new_desk()
    ws = Workspace.open(url)
    yield ws
    ws.close()
    pg_server.drop(url)


def test_a_desk_remembers_the_actor_chosen_for_a_dataset_name(desk: Workspace, tmp_path: Path) -> None:
    coalition = desk.add_actor(Actor("US-led coalition", ActorKind.ARMED_GROUP))
    path = acled_with_actors(tmp_path / "syria.csv", [("Global Coalition Against Daesh", "")])
    chosen = [Decision("Global Coalition Against Daesh", "existing", coalition.uid, coalition.name)]
    run_import(desk, open_reader("acled", path), actors=ActorPlan(chosen))
    assert desk.find_actor("Global Coalition Against Daesh") is None

    later = tmp_path / "later.csv"
    later.write_text(path.read_text(encoding="utf-8").replace("REC1", "REC9"), encoding="utf-8")
    proposal = propose_actors(desk, [open_reader("acled", later)])
    assert [(d.choice, d.actor_name, d.sure) for d in proposal] == [("existing", "US-led coalition", True)]
    again = run_import(desk, open_reader("acled", later))  # no choices given: remembered for ACLED
    assert again.added["actors"] == 0
    assert [a["why"] for a in again.actors] == ["chosen for this dataset before"]
    # the import's event ids came from a block of the desk's sequence: an analyst's next event does not collide
    added = desk.add_event(Event("Talks in Raqqa", When.parse("2019-03")))
    assert desk.event_count() == 3 and desk.get_event(added.uid).title == "Talks in Raqqa"
    assert desk.find_event_by_external_id("REC9") is not None


def test_a_desk_made_before_the_table_gets_it_when_opened(pg_server) -> None:
    url = pg_server.new_desk()
    try:
        with psycopg.connect(url, autocommit=True) as conn:  # as an older Briefer left it
            conn.execute("DROP TABLE import_actor_map")
            conn.execute("DELETE FROM schema_migration WHERE version >= 4")
        with Workspace.open(url) as ws:
            actor = ws.add_actor(Actor("US-led coalition"))
            from briefer.store.external import remember_actors, remembered_actors
            remember_actors(ws, "ACLED", {"Global Coalition Against Daesh": actor.uid})
            assert remembered_actors(ws, "ACLED") == {"global coalition against daesh": actor.uid}
    finally:
        pg_server.drop(url)
