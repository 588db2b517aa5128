"""The one rule behind Merge Fields (the window's and `Workspace.merge_edit`): theirs, with
every field I changed put over it; a field both changed differently keeps mine."""

from __future__ import annotations

from briefer.core.fields import merge_edit_fields


def test_their_changes_stay_mine_go_over_them_and_a_field_both_changed_is_named() -> None:
    base = {"title": "Raid", "place": "Hajin", "notes": "one source", "country": ""}
    theirs = dict(base, title="Raid near Hajin", notes="two sources", country="Syria")
    mine = dict(base, place="Baghouz", country="SY")
    merge = merge_edit_fields(base, mine, theirs)
    assert merge.fields == {"title": "Raid near Hajin", "place": "Baghouz", "notes": "two sources", "country": "SY"}
    assert (merge.mine, merge.theirs, merge.both) == (("place", "country"), ("title", "notes"), ("country",))


def test_a_field_only_one_side_has_and_one_set_alike() -> None:
    base = {"title": "Raid"}
    theirs = {"title": "Raid", "citation:a": {"source": "s"}}  # they added a citation
    mine = {"title": "Raid", "tags": ["x"]}  # I added tags
    merge = merge_edit_fields(base, mine, theirs)
    assert merge.fields == {"title": "Raid", "citation:a": {"source": "s"}, "tags": ["x"]} and merge.both == ()
    alike = merge_edit_fields(base, {"title": "Raid!"}, {"title": "Raid!"})
    assert alike.fields == {"title": "Raid!"} and alike.mine == alike.both == ()


def test_without_the_base_every_difference_is_mine_and_a_clash() -> None:
    merge = merge_edit_fields(None, {"title": "Mine", "notes": "same"}, {"title": "Theirs", "notes": "same"})
    assert merge.fields == {"title": "Mine", "notes": "same"} and merge.both == ("title",)
