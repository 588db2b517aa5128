"""Merging two edits of one event field by field: theirs, with what I changed put over it."""

from __future__ import annotations

from dataclasses import replace

from briefer.core.model import Actor, Event
from briefer.core.when import When
from briefer.edit.field_merge import merge_fields


def test_their_changes_are_kept_and_mine_where_they_differ_from_what_i_read() -> None:
    base = Event("Raid", When.parse("2019-02"), place="Hajin", notes="one source")
    theirs = replace(base, title="Raid near Hajin", notes="two sources", country="Syria")
    mine = replace(base, place="Baghouz", when=When.parse("2019-02-09"), country="SY")
    merged = merge_fields(base, mine, theirs)
    record = merged.record
    assert (record.title, record.notes) == ("Raid near Hajin", "two sources")  # theirs
    assert (record.place, record.when) == ("Baghouz", When.parse("2019-02-09"))  # mine
    assert record.country == "SY" and merged.both == ("country",)  # both changed it: mine
    assert set(merged.mine) == {"place", "when", "country"} and set(merged.theirs) == {"title", "notes"}
    assert record.uid == base.uid and record.updated == theirs.updated  # bookkeeping is theirs


def test_a_field_both_set_alike_is_no_clash_and_any_record_merges() -> None:
    base = Actor("SDF")
    theirs, mine = replace(base, description="Kurdish-led"), replace(base, description="Kurdish-led")
    merged = merge_fields(base, mine, theirs)
    assert merged.record == theirs and merged.mine == merged.both == ()
