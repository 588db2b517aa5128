"""Names, tags and search text that look like SQL, placeholders or search syntax are
stored and found as the text they are, on both backends (nothing is ever formatted into
SQL), and a search never fails with a database error."""

from __future__ import annotations

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Citation, Event, Participant, Source
from briefer.core.when import When
from briefer.store import QueryError, WorkspaceError

HOSTILE = ["Robert'); DROP TABLE event; --", "%s %(x)s ? $1 \\x :name", 'name" OR 1=1 --', "ISIS' OR ''='",
           "a & b | !c <-> d:*", "ʼab*", "ŉ*", "x\\*", "قوات سوريا الديمقراطية", "x'; SELECT pg_sleep(5); --", "E'\\\\' || chr(39)"]


def test_hostile_names_round_trip_and_filter(workspace) -> None:
    ws = workspace
    uids = {}
    for i, name in enumerate(HOSTILE):
        actor = ws.add_actor(Actor(name, aliases=(f"{name} alias",)))
        source = ws.add_source(Source(name, url=f"https://example.org/{name}"))
        event = ws.add_event(Event(name, When.parse(f"201{i % 10}"), place=name, notes=name, tags=(name,),
                                   participants=(Participant(actor.uid),), citations=(Citation(source.uid, 3, name),)))
        uids[name] = (actor.uid, source.uid, event.uid)
    assert ws.event_count() == len(HOSTILE)
    for name, (actor_uid, source_uid, event_uid) in uids.items():
        assert ws.find_actor(name).uid == actor_uid
        assert ws.find_actor(f"{name} alias").uid == actor_uid
        assert ws.find_source(name).uid == source_uid
        assert ws.get_event(event_uid).title == name
        assert ws.event_uids(EventFilter(actors=(actor_uid,))) == [event_uid]
        assert ws.event_uids(EventFilter(tags=(name,))) == [event_uid]
        assert ws.event_uids(EventFilter(sources=(source_uid,))) == [event_uid]
        ws.save_view(name, EventFilter(text=name, tags=(name,)))
    assert set(ws.views()) == set(HOSTILE)
    assert set(ws.tags()) == set(HOSTILE)


@pytest.mark.parametrize("text", HOSTILE + ["'", "''", "\\", ":*", "!", "&&", "<->", "(", "a:*b", "*" * 3,
                                            "ISIS'", "O'Brien", "al-Baghuz*", "-", "–", "\u200f"])
def test_hostile_search_text_is_searched_never_run(workspace, text: str) -> None:
    ws = workspace
    ws.add_event(Event("O'Brien meets al-Baghuz elders", When.parse("2019")))
    try:
        count = ws.count_events(EventFilter(text=text))
    except QueryError as error:
        assert "no words" in str(error)
    else:
        assert count in (0, 1)
        assert len(ws.search_events(EventFilter(text=text), limit=10)) == count
    assert ws.search_documents(text) == [] if text.strip("'\\:*!&<->()–\u200f") else True
    assert ws.event_count() == 1


def test_words_with_apostrophes_and_hyphens_are_found(workspace) -> None:
    event = workspace.add_event(Event("O'Brien meets al-Baghuz elders", When.parse("2019")))
    for text in ("O'Brien", "obrien" if workspace.backend == "never" else "brien", "al-Baghuz", "baghuz", "al-bag*"):
        assert workspace.event_uids(EventFilter(text=text)) == [event.uid], text


def test_a_name_the_database_cannot_hold_is_a_clear_error(workspace) -> None:
    """PostgreSQL text cannot hold a NUL character: refused with a message, nothing written."""
    try:
        workspace.add_actor(Actor("bad\x00name"))
    except WorkspaceError as error:
        assert "bad" in str(error) or "NUL" in str(error) or "character" in str(error)
        assert workspace.actors() == []
    else:
        assert workspace.find_actor("bad\x00name") is not None
