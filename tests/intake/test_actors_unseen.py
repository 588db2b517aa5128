"""Actors on reports like the ones the rules were never tuned on (issue 13, tenth pass): the false
actors that generalise worst are bodies named only as whose voice, post or office someone holds,
and one actor proposed twice under two names. Reports in the project's own words."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text


def actor_names(workspace, body: str) -> list[str]:
    return [a.name for a in analyse_text(workspace, "Valley report\n\n" + body, published=date(2019, 3, 5)).actors]


def test_a_body_named_only_as_whose_spokesman_speaks_is_no_actor(workspace) -> None:
    found = actor_names(workspace, "Korba Water Authority spokesman Lemma Tadesse said ten wells near Korbessa "
                                   "were poisoned on Monday.")
    assert "Lemma Tadesse" in found, found
    assert "Korba Water Authority" not in found, found


def test_a_spokesman_named_after_the_comma_is_the_speaker_not_his_body(workspace) -> None:
    found = actor_names(workspace, "Lemma Tadesse, a Palace of Korba spokesman, said the talks would resume.")
    assert "Lemma Tadesse" in found and "Palace of Korba" not in found, found


def test_an_unnamed_spokesman_speaks_for_the_body(workspace) -> None:
    found = actor_names(workspace, "A Korba Water Authority spokesman said ten wells near Korbessa were poisoned "
                                   "on Monday.")
    assert "Korba Water Authority" in found, found


def test_a_post_of_two_words_after_the_possessive_names_no_party(workspace) -> None:
    found = actor_names(workspace, "The Valley Union's foreign policy chief, Ana Morel, called the shelling of "
                                   "Korbessa shocking.")
    assert "Ana Morel" in found and "Valley Union" not in found, found


def test_a_single_official_of_a_body_does_not_make_the_body_a_party(workspace) -> None:
    found = actor_names(workspace, "Rebels shelled Korbessa on Monday. A Valley Council official saw 14 bodies "
                                   "in a grave near the market.")
    assert "Valley Council" not in found, found
