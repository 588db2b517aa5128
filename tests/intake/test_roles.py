"""Roles in candidate events, on sentences in the project's own words."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 2, 9)


def roles(workspace, sentence: str) -> dict[str, str]:
    analysis = analyse_text(workspace, "Dam report\n\n" + sentence, published=PUBLISHED)
    assert len(analysis.events) == 1, [e.quote for e in analysis.events]
    return {analysis.actor(p.actor).name: p.role.value for p in analysis.events[0].participants}


def test_a_dotted_acronym_leading_others_is_only_mentioned(workspace) -> None:
    found = roles(workspace, "U.S.-led aircraft struck Black Flag Movement positions near the dam on Monday.")
    assert found == {"U.S.": "mentioned", "Black Flag Movement": "target"}


def test_fighting_between_two_sides(workspace) -> None:
    found = roles(workspace, "Fighting between the Valley Guard and the Black Flag Movement killed 11 people on Sunday.")
    assert found == {"Valley Guard": "initiator", "Black Flag Movement": "target"}


def test_a_yardstick_date_is_not_the_events_date(workspace) -> None:
    analysis = analyse_text(workspace, "Dam report\n\nThe valley saw its worst fighting since the battle for the "
                                       "dam last year, the Harbour Police said on Thursday.", published=PUBLISHED)
    assert [e.when.edtf for e in analysis.events] == ["2019-02-07"]
    analysis = analyse_text(workspace, "Dam report\n\nThe Valley Guard has held the dam since 2014.",
                            published=PUBLISHED)
    assert [e.when.edtf for e in analysis.events] == ["2014/.."]


def test_a_state_acting_in_a_sentence_is_a_state_actor_and_a_place_stays_a_place(workspace) -> None:
    analysis = analyse_text(workspace, "Dam report\n\nTurkey has sent engineers to the dam on Monday, and Jordan "
                                       "said it would help. The province that borders Iraq was shelled on Sunday.",
                            published=PUBLISHED)
    kinds = {a.name: a.kind for a in analysis.actors}
    assert kinds.get("Turkey") == "state" and kinds.get("Jordan") == "state"
    assert "Iraq" not in kinds  # the object of "borders", not a party


def test_a_modifier_like_un_brokered_is_not_a_place(workspace) -> None:
    analysis = analyse_text(workspace, "Dam report\n\nThe eighth round of UN-brokered talks on the dam collapsed "
                                       "on Monday.", published=PUBLISHED)
    event = analysis.events[0]
    assert event.place != "UN-brokered"
    assert [(analysis.actor(p.actor).name, p.role.value) for p in event.participants] == [("UN", "mentioned")]


@pytest.mark.parametrize("sentence, edtf", [
    ("On Tuesday the next round of talks on the dam will open.", "2019-02-12"),
    ("On Tuesday the engineers said they will open the dam.", "2019-02-05"),  # said then: past
    ("Talks opened on Tuesday.", "2019-02-05"),
])
def test_a_weekday_opening_a_sentence_about_the_future_is_the_next_one(workspace, sentence: str, edtf: str) -> None:
    analysis = analyse_text(workspace, "Dam report\n\n" + sentence, published=PUBLISHED)
    assert [d.when.edtf for d in analysis.dates] == [edtf]


def test_the_subject_of_a_passive_verb_suffered_it(workspace) -> None:
    found = roles(workspace, "Dozens of Black Flag Movement militants were killed by the Northern Shield Brigade "
                             "near the dam on Monday.")
    assert found == {"Black Flag Movement": "target", "Northern Shield Brigade": "initiator"}


def test_a_force_saying_it_did_something_is_its_initiator(workspace) -> None:
    found = roles(workspace, "The Harbour Police said it killed 12 Black Flag Movement fighters near the dam on "
                             "Monday.")
    assert found == {"Harbour Police": "initiator", "Black Flag Movement": "target"}


def test_a_nominal_event_by_one_of_another(workspace) -> None:
    found = roles(workspace, "The bombing of the Valley Guard headquarters by the Black Flag Movement killed four "
                             "people on Monday.")
    assert found == {"Valley Guard": "target", "Black Flag Movement": "initiator"}
    found = roles(workspace, "A Valley Guard convoy came under attack from the Black Flag Movement near the dam "
                             "on Monday.")
    assert found == {"Valley Guard": "target", "Black Flag Movement": "initiator"}


def test_claiming_responsibility_is_doing_it(workspace) -> None:
    found = roles(workspace, "The Black Flag Movement claimed responsibility for a bombing at the dam on Monday "
                             "that killed four Valley Guard soldiers.")
    assert found["Black Flag Movement"] == "initiator"


def test_the_militants_are_the_armed_group_named_before(workspace) -> None:
    found = roles(workspace, "The Northern Shield Brigade holds the hills above the valley. On Monday the "
                             "militants shelled the dam.")
    assert found == {"Northern Shield Brigade": "initiator"}
    found = roles(workspace, "The Northern Shield Brigade holds the hills above the valley. On Monday rebel "
                             "fighters shelled the dam.")
    assert found == {"Northern Shield Brigade": "initiator"}


def test_who_lost_a_town_suffered_it_and_who_took_it_acted(workspace) -> None:
    found = roles(workspace, "The Black Flag Movement lost the dam to Valley Guard troops in fighting on Monday.")
    assert found == {"Black Flag Movement": "target", "Valley Guard": "initiator"}


def test_a_name_in_a_side_clause_is_only_mentioned(workspace) -> None:
    found = roles(workspace, "The Valley Guard shelled the dam on Monday as the Northern Shield Brigade "
                             "commander toured the valley.")
    assert found == {"Valley Guard": "initiator", "Northern Shield Brigade": "mentioned"}


def test_a_force_saying_its_own_troops_suffered_is_the_target(workspace) -> None:
    found = roles(workspace, "The Valley Guard said its soldiers were ambushed near the dam on Monday.")
    assert found == {"Valley Guard": "target"}


def test_whom_talks_are_held_with_is_no_victim(workspace) -> None:
    found = roles(workspace, "The Black Flag Movement on Monday rejected an offer to hold talks with the mayor "
                             "Omar Haddad.")
    assert found == {"Black Flag Movement": "initiator", "Omar Haddad": "target"}


@pytest.mark.parametrize("sentence, expected", [
    # the saying is the deed: whoever declares the curfew or makes the threat acts
    ("The Valley Guard declared a curfew in the valley on Monday.", {"Valley Guard": "initiator"}),
    ("The Harbour Police threatened the Black Flag Movement on Monday.",
     {"Harbour Police": "initiator", "Black Flag Movement": "target"}),
])
def test_a_speaker_whose_words_are_the_deed_is_its_initiator(workspace, sentence, expected) -> None:
    assert roles(workspace, sentence) == expected
