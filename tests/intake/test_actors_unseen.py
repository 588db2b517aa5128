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


def test_the_rebels_given_a_name_are_the_rebels_described_before(workspace) -> None:
    found = actor_names(workspace, "Malian rebels attacked the town of Dessa on Monday. Officials said talks broke "
                                   "down after the rebels, known as the Valley Defence Front, refused to disarm.")
    assert found == ["Valley Defence Front"], found


def test_a_body_described_where_it_serves_known_as_a_name_is_one_actor(workspace) -> None:
    found = actor_names(workspace, "The Valley Council mission in Dessa, known as VACOM, said the wells were "
                                   "poisoned.")
    assert len(found) == 1, found


def test_a_place_known_by_another_name_is_no_name_of_the_group(workspace) -> None:
    found = actor_names(workspace, "Malian rebels in Mali, also known as the Republic of Mali, say the army "
                                   "shelled their camp.")
    assert "Malian rebels" in found, found


def test_an_acronym_spelt_out_after_the_article_in_brackets_is_one_body(workspace) -> None:
    found = actor_names(workspace, "A gunman shot a nurse with VAMED (the Valley Medical Emergency Department) "
                                   "on Monday near Dessa.")
    assert len(found) == 1, found


def test_initials_for_the_words_cut_name_the_same_body(workspace) -> None:
    found = actor_names(workspace, "The Valley Nations Water Office says the wells of Dessa are poisoned. The V-N "
                                   "Water Office is sending tankers.")
    assert found == ["Valley Nations Water Office"], found


def test_two_bodies_ending_alike_keep_a_short_name_apart(workspace) -> None:
    found = actor_names(workspace, "The Valley Nations Water Office and the Village Nations Water Office met on "
                                   "Monday. The V-N Water Office said the wells of Dessa were poisoned.")
    assert len(found) == 3, found


def test_a_creed_description_is_the_one_armed_group_named_with_the_arabic_article(workspace) -> None:
    found = actor_names(workspace, "Islamist rebels shelled Dessa on Monday. The attacks started when the "
                                   "insurgent group al-Karvan fired mortars at a base.")
    assert len(found) == 1, found


def test_a_short_name_given_to_a_coalition_of_gangs_is_an_armed_group(workspace) -> None:
    found = actor_names(workspace, "Armed gangs blocked the fuel depot of Dessa on Tuesday. A coalition of gangs "
                                   "known as K7 has held the depot for weeks.")
    assert "K7" in found, found


def test_a_person_named_only_as_whose_named_adviser_someone_is_no_actor(workspace) -> None:
    found = actor_names(workspace, "Valley envoy Ana Morel, President Ivo Karan's top security adviser, left "
                                   "Dessa on Monday.")
    assert "Ana Morel" in found and "Ivo Karan" not in found, found


def test_a_person_named_only_as_a_relative_is_no_actor(workspace) -> None:
    found = actor_names(workspace, "The rebels who took Dessa are led by Omar Tesfay, a nephew of President Ivo "
                                   "Karan.")
    assert "Omar Tesfay" in found and "Ivo Karan" not in found, found


def test_a_person_whose_spokesman_speaks_stays_an_actor(workspace) -> None:
    found = actor_names(workspace, "President Ivo Karan's spokesman said the army took the dam at Dessa.")
    assert "Ivo Karan" in found, found
