"""A page of results is the same slice of the same order, whichever plan finds it."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from briefer.core.filter import EventFilter
from briefer.core.model import Actor, Event, Participant
from briefer.core.when import When
from briefer.store import Workspace, query


@pytest.fixture
def busy(workspace):
    rng = random.Random(7)
    actors = [workspace.add_actor(Actor(f"Group {i}")) for i in range(4)]
    shapes = ["day", "day", "day", "month", "year", "interval", "open_end", "open_start"]
    events = []
    for i in range(600):
        day = date(2010, 1, 1) + timedelta(days=rng.randrange(365 * 10))
        shape = rng.choice(shapes)
        when = {"day": lambda: When.day(day), "month": lambda: When.month(day.year, day.month),
                "year": lambda: When.year(day.year),
                "interval": lambda: When.parse(f"{day.isoformat()}/{(day + timedelta(days=rng.randrange(900))).isoformat()}"),
                "open_end": lambda: When.parse(f"{day.isoformat()}/.."),
                "open_start": lambda: When.parse(f"../{day.isoformat()}")}[shape]()
        word = rng.choice(["clash", "raid", "talks"])
        events.append(Event(f"{word} number {i}", when, event_type=rng.choice(["Battles", "Protests"]),
                            tags=("hajin",) if i % 4 == 0 else (),
                            participants=tuple(Participant(a.uid) for a in rng.sample(actors, rng.randint(0, 2)))))
    workspace.add_events(events)
    return workspace, actors


@pytest.mark.parametrize("text_set_above", [0, 10**9])
@pytest.mark.parametrize("scan_above", [0, 10**9])
def test_pages_are_slices_of_the_full_date_order(busy, monkeypatch: pytest.MonkeyPatch, scan_above: int,
                                                 text_set_above: int) -> None:
    ws, actors = busy
    monkeypatch.setattr(query, "_SCAN_ABOVE", scan_above)
    monkeypatch.setattr(query, "_DRIVE_UP_TO_IN_RANGE", scan_above)
    monkeypatch.setattr(query, "_TEXT_SET_ABOVE", text_set_above)
    filters = [
        EventFilter(),
        EventFilter(start=When.parse("2014"), end=When.parse("2016-06")),
        EventFilter(start=When.parse("2014-03-01")),
        EventFilter(end=When.parse("2012")),
        EventFilter(text="clash"),
        EventFilter(text="raid", start=When.parse("2013"), end=When.parse("2017")),
        EventFilter(actors=(actors[0].uid,), start=When.parse("2015")),
        EventFilter(actors=(actors[0].uid, actors[1].uid), actor_mode="all"),
        EventFilter(actors=(actors[0].uid, actors[1].uid), start=When.parse("2012"), end=When.parse("2018")),
        EventFilter(actors=(actors[1].uid,), text="raid", end=When.parse("2016-05-31T12:00")),
        EventFilter(actors=(actors[2].uid,), text="talks", start=When.parse("2011"), end=When.parse("2018")),
        # the events running at a period's start, with conditions tested on their rows
        EventFilter(start=When.parse("2015-07"), end=When.parse("2015-08"), event_types=("Protests",)),
        EventFilter(start=When.parse("2013-02-14T09:00"), end=When.parse("2019"), tags=("hajin",), text="clash"),
        EventFilter(start=When.parse("2019-12-31"), actors=(actors[3].uid, actors[0].uid), text="talks"),
    ]
    for f in filters:
        everything = [e.uid for e in ws.search_events(f)]
        assert len(everything) == ws.count_events(f)
        for offset in (0, 7, 50, len(everything) - 3, len(everything) + 5):
            page = [e.uid for e in ws.search_events(f, limit=25, offset=max(offset, 0))]
            assert page == everything[max(offset, 0):max(offset, 0) + 25], (f, offset)


def test_counts_and_id_lists_agree_with_the_events_found(workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter of one condition is counted straight from its index; the answer must be
    the one reading every event gives: an actor in two roles counts once, a date range
    with a time of day is not widened to whole days."""
    from briefer.core.model import Citation, Role, Source

    rng = random.Random(3)
    actors = [workspace.add_actor(Actor(f"Group {i}")) for i in range(3)]
    sources = [workspace.add_source(Source(f"Outlet {i}", reliability=grade)) for i, grade in enumerate("BD")]
    events = []
    for i in range(300):
        day = date(2018, 1, 1) + timedelta(days=rng.randrange(365))
        when = When.parse(f"{day.isoformat()}T{rng.randrange(24):02d}:00") if i % 3 == 0 else When.day(day)
        a = rng.choice(actors).uid
        roles = (Participant(a, Role.INITIATOR), Participant(a, Role.TARGET)) if i % 5 == 0 else (Participant(a),)
        events.append(Event(f"{rng.choice(['clash', 'raid'])} {i}", when, participants=roles,
                            tags=tuple(rng.sample(["hajin", "raqqa"], rng.randint(0, 2))),
                            citations=tuple(Citation(s.uid, 2) for s in rng.sample(sources, rng.randint(0, 2)))))
    workspace.add_events(events)
    filters = [
        EventFilter(text="clash"), EventFilter(actors=(actors[0].uid,)),
        EventFilter(actors=(actors[0].uid, actors[1].uid)), EventFilter(tags=("hajin",)),
        EventFilter(sources=(sources[0].uid,)), EventFilter(min_reliability="B"),
        EventFilter(start=When.parse("2018-03"), end=When.parse("2018-05")),
        EventFilter(start=When.parse("2018-03-04T10:00"), end=When.parse("2018-03-20T06:00")),
        EventFilter(end=When.parse("2018-02")), EventFilter(start=When.parse("2018-11-30")),
        EventFilter(actors=(actors[0].uid,), start=When.parse("2018-02")),
        EventFilter(actors=(actors[0].uid, actors[2].uid), start=When.parse("2018-02"), text="raid"),
    ]
    for f in filters:
        found = {e.uid for e in workspace.search_events(f)}
        ids = workspace.matching_ids(f)
        assert workspace.count_events(f) == len(found) == len(ids) == len(set(ids)), f
        assert sorted(workspace.events_by_ids(list(ids)), key=lambda e: e.uid) == sorted(
            workspace.search_events(f), key=lambda e: e.uid), f
    assert workspace.count_events(EventFilter(actors=(actors[0].uid,))) < sum(
        len(e.participants) for e in events if e.participants[0].actor_uid == actors[0].uid)


@pytest.mark.parametrize("text_set_above", [0, 10**9])
def test_an_actor_in_a_period_follows_edits_merges_and_new_words(workspace, monkeypatch: pytest.MonkeyPatch,
                                                                 text_set_above: int) -> None:
    """The store answers "actor X in period P with word W" from copies (the links' dates,
    a gathered set of the word's events); every edit must reach them."""
    from dataclasses import replace

    monkeypatch.setattr(query, "_TEXT_SET_ABOVE", text_set_above)

    sdf, dup = workspace.add_actor(Actor("SDF")), workspace.add_actor(Actor("S.D.F."))
    events = [Event(f"clash near Hajin {i}", When.day(date(2018, 1, 1) + timedelta(days=i)),
                    participants=(Participant(sdf.uid),)) for i in range(60)]
    workspace.add_events(events)
    january = EventFilter(actors=(sdf.uid,), start=When.parse("2018-01"), end=When.parse("2018-01"), text="clash")
    assert workspace.count_events(january) == 31

    moved = replace(events[0], when=When.parse("2018-03-01"))
    workspace.update_event(moved)
    assert workspace.count_events(january) == 30
    assert moved.uid in {e.uid for e in workspace.search_events(
        EventFilter(actors=(sdf.uid,), start=When.parse("2018-03"), text="clash"))}

    workspace.add_event(Event("another clash", When.parse("2018-01-15"), participants=(Participant(dup.uid),)))
    assert workspace.count_events(january) == 30
    workspace.merge_actors(sdf.uid, dup.uid)
    assert workspace.count_events(january) == 31
    assert len(workspace.page_ids(january, 100)) == 31

    workspace.update_event(replace(events[1], title="talks near Hajin"))
    assert workspace.count_events(january) == 30


def test_panel_counts_count_events_not_links(workspace) -> None:
    """The Actors panel's number is events: an actor both initiator and spokesperson of
    one event counts once; the Sources panel's number is citations."""
    from briefer.core.model import Citation, Role, Source

    sdf, bali = workspace.add_actor(Actor("SDF")), workspace.add_actor(Actor("Mustafa Bali"))
    reuters = workspace.add_source(Source("Reuters", reliability="B"))
    workspace.add_events([
        Event("SDF pause the offensive", When.parse("2019-02-09"),
              participants=(Participant(sdf.uid, Role.INITIATOR), Participant(sdf.uid, Role.SPOKESPERSON),
                            Participant(bali.uid, Role.SPOKESPERSON)),
              citations=(Citation(reuters.uid, 2, "one"), Citation(reuters.uid, 3, "two"))),
        Event("SDF resume the offensive", When.parse("2019-02-10"), participants=(Participant(sdf.uid),)),
    ])
    assert workspace.actor_event_counts() == {sdf.uid: 2, bali.uid: 1}
    assert workspace.source_citation_counts() == {reuters.uid: 2}


def test_filter_choices_list_each_tag_and_type_once_in_order(workspace) -> None:
    workspace.add_events([
        Event(f"event {i}", When.parse("2019"), event_type=kind, tags=tags)
        for i, (kind, tags) in enumerate([("Battles", ("hajin", "Baghouz")), ("", ("hajin",)),
                                           ("Protests", ()), ("Battles", ("airstrikes",))])])
    assert workspace.event_types() == ["Battles", "Protests"]
    assert workspace.tags() == ["airstrikes", "Baghouz", "hajin"]


def test_a_bulk_insert_merges_the_text_index_and_every_word_is_still_found(workspace,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.store import events as store_events

    monkeypatch.setattr(store_events, "_SETTLE_TEXT_INDEX_FROM", 10)
    workspace.add_events([Event(f"shelling of Hajin day {i}", When.day(date(2019, 1, 1) + timedelta(days=i)))
                          for i in range(30)])
    workspace.add_events([Event(f"talks in Baghouz round {i}", When.parse("2019-02")) for i in range(40)])
    if workspace.backend == "sqlite":  # FTS5's own check of its segments
        workspace.conn.execute("INSERT INTO event_fts(event_fts) VALUES ('integrity-check')")
    assert workspace.count_events(EventFilter(text="Hajin")) == 30
    assert workspace.count_events(EventFilter(text="baghouz round")) == 40
    assert len(workspace.search_events(EventFilter(text="shelling", start=When.parse("2019-01-10")), limit=5)) == 5


def test_pages_read_one_after_another_or_by_jumps_are_the_sorted_list_even_as_it_changes(workspace) -> None:
    """A desk reads the next page after the last one's sort key (keyset); every page is
    still exactly that slice of the date order, and a change anywhere is seen."""
    for day in range(1, 29):
        workspace.add_events([Event(f"event {day}-{k}", When.parse(f"2019-02-{day:02d}")) for k in range(3)])
    f = EventFilter(start=When.parse("2019-02-03"), end=When.parse("2019-02-25"))
    everything = workspace.event_ids(f)
    size = 7
    for offset in [*range(0, len(everything) + size, size), 35, 14, 63, 0, 70, 3, 66]:
        assert workspace.page_ids(f, size, offset) == everything[offset:offset + size], offset
    if workspace.backend == "sqlite":  # a new file's header is still in its WAL: write it through
        from briefer.store.external import write_through
        write_through(workspace)
    with Workspace.open(str(workspace.path)) as other:  # another analyst adds one early in the period
        other.add_event(Event("early", When.parse("2019-02-03")))
    now = workspace.event_ids(f)
    assert now != everything
    for offset in (63, 70, 0, 7, 14):
        assert workspace.page_ids(f, size, offset) == now[offset:offset + size], offset


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("walk_from", [-1.0, 2.0])
def test_a_desk_walking_an_actors_links_or_not_pages_the_same(busy, monkeypatch: pytest.MonkeyPatch,
                                                              walk_from: float) -> None:
    """A desk pages "actors in a period (with words)" by walking the actor's links in date
    order, or (a rare word) from the word's index: either way the same pages."""
    from briefer.store.pg import workspace as desk

    ws, actors = busy
    monkeypatch.setattr(desk, "_WALK_WORD_SHARE", walk_from)
    filters = [EventFilter(actors=(actors[1].uid,), text="raid", end=When.parse("2016-05-31T12:00")),
               EventFilter(actors=(actors[2].uid,), text="talks", start=When.parse("2011"), end=When.parse("2018")),
               EventFilter(actors=(actors[0].uid, actors[3].uid), start=When.parse("2014"), end=When.parse("2019"),
                           tags=("hajin",))]
    for f in filters:
        everything = ws.event_ids(f)
        assert len(everything) == ws.count_events(f) > 0
        for offset in (0, 5, len(everything) - 2):
            assert ws.page_ids(f, 10, offset) == everything[offset:offset + 10], (f, offset)
