"""Which clauses the assistant proposes as events: an event word must be part of what the
clause tells (the parse is installed by the set-up). Sentences in the project's own words."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

FRIDAY = date(2019, 6, 14)


def quotes(workspace, body: str) -> list[str]:
    analysis = analyse_text(workspace, "Valley report\n\n" + body, published=FRIDAY)
    return [e.quote for e in analysis.events]


@pytest.mark.parametrize("sentence", [
    # a clause describing who someone is
    "Herders who fight over the wells every summer now sell charcoal along the Korbessa road.",
    "The Dara Khel Brigade, whose fighters control the northern hills, now runs two schools.",
    # a name's piece, an agent noun
    "The Korbessa Liberation Front now publishes a weekly newspaper.",
    "Many former fighters of the Korbessa militia now work as farmers.",
    # an aim, or what someone was urged to do
    "The governor of Korbessa went to the capital on Thursday to press for an end to the raids.",
    "The Valley Council urged the Dara Khel Brigade to release its prisoners and withdraw from the dam.",
    "The Valley Council has been calling for a cease-fire in Korbessa.",
    "The governor of Korbessa appealed on Thursday for the release of the Dara Khel prisoners.",
    # a light verb holding a view, not a place
    "The Korbessa police chief said on Thursday that the force takes every complaint seriously.",
    "Omar Tellu, a farmer of Korbessa, took cover under a bed with his children on Thursday.",
    # who someone is, who holds what
    "Supporters of the ousted governor of Korbessa now sell charcoal along the Dara Khel road.",
    "The governor of Korbessa says the Valley Guard now controls the whole of the Dara Khel road.",
    # a toll over a span of time
    "The Valley Council says the war in Korbessa has left thousands of people dead, while pushing the valley "
    "to the brink of famine.",
    "The Valley Council says more than 200 people have been killed in Korbessa since the violence erupted.",
])
def test_a_clause_that_tells_no_happening_is_no_event(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []


@pytest.mark.parametrize("sentence, word", [
    ("The Dara Khel Brigade attacked a police post in Korbessa on Thursday.", "attacked"),
    ("Residents said a bridge that the Dara Khel Brigade demolished on Tuesday was the only road out of Korbessa.", "demolished"),
    ("Soldiers of the Dara Khel Brigade looted the Korbessa market on Thursday.", "looted"),
    ("The Korbessa militia held the grain depot for three days last week.", "held"),
    ("The Dara Khel Brigade tried to seize the Korbessa airport on Thursday.", "seize"),
    # what happened to someone, told in a clause on them
    ("The brigade answers to Omar Tellu, who was dismissed by the Valley Council in May.", "dismissed"),
    ("The Dara Khel Brigade fought the Korbessa militia near the dam on Thursday.", "fought"),
    ("The Dara Khel Brigade started a campaign on Thursday to take the Korbessa dam.", "campaign"),
    ("The governor of Korbessa arrived in the capital on Thursday.", "arrived"),
    ("Valley Guard soldiers patrolled the streets of Korbessa on Thursday.", "patrolled"),
    ("The Dara Khel Brigade toppled the governor of Korbessa in May.", "toppled"),
])
def test_a_clause_that_tells_a_happening_is_an_event(workspace, sentence: str, word: str) -> None:
    found = quotes(workspace, sentence)
    assert len(found) == 1 and word in found[0], found


def test_a_vow_to_go_on_is_an_expectation_and_a_fear_elsewhere_is_not_the_clause_s(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe Dara Khel Brigade has vowed it will keep shelling "
                                       "the Korbessa hills until the militia leaves.\n\nThe Korbessa militia is "
                                       "fighting the Dara Khel Brigade near the dam, amid fears that the war could "
                                       "spread to the valley.", published=FRIDAY)
    shelling = [e for e in analysis.events + analysis.expectations if "shelling" in e.quote]
    assert [e.status for e in shelling] == ["expected"]
    fighting = [e for e in analysis.events + analysis.expectations if "fighting" in e.quote]
    assert [e.status for e in fighting] == ["reported"]


def test_a_side_telling_what_its_own_forces_did_is_the_initiator(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe Dara Khel Brigade said on Thursday that its fighters "
                                       "had captured the Korbessa airport.", published=FRIDAY)
    event = next(e for e in analysis.events if "airport" in e.quote)
    roles = {analysis.actor(p.actor).name: p.role.value for p in event.participants}
    assert roles.get("Dara Khel Brigade") == "initiator", roles


@pytest.mark.parametrize("sentence", [
    "The Dara Khel Brigade said on Thursday that the couple now run a school in Korbessa.",
    "The Dara Khel Brigade said on Thursday that stability has returned to Korbessa.",
    # nouns made on event words that name people or things
    "The Dara Khel Brigade said on Thursday that insurgents keep explosives in the surrounding villages.",
])
def test_words_that_only_begin_like_an_event_word_are_none(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []


@pytest.mark.parametrize("sentence, word", [
    ("Rebels have seized the town of Kalma, officials say.", "seized"),
    ("Gunmen have killed 12 people in an attack on a market in the north.", "killed"),
    ("A suicide bomber has blown himself up at a checkpoint, killing four policemen.", "killing"),
])
def test_a_present_perfect_lead_is_news_with_no_date_nor_named_party(workspace, sentence: str, word: str) -> None:
    found = quotes(workspace, sentence)
    assert len(found) == 1 and word in found[0], found


@pytest.mark.parametrize("sentence", [
    "The two sides have been fighting for control of the hills for decades.",
    "Critics have long demanded an offensive in the hills.",
])
def test_what_goes_on_or_was_asked_for_is_no_present_perfect_news(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []


@pytest.mark.parametrize("sentence, first, second", [
    ("Police arrested five men in Korbessa on Monday and released two of them on Wednesday.",
     "2019-06-10", "2019-06-12"),
    ("Soldiers killed 14 militants in a raid on Korbessa on Thursday, after the militants attacked a checkpoint "
     "on Tuesday.", "2019-06-13", "2019-06-11"),
])
def test_two_dated_happenings_in_one_sentence_are_two_events(workspace, sentence: str, first: str,
                                                               second: str) -> None:
    analysis = analyse_text(workspace, "Valley report\n\n" + sentence, published=FRIDAY)
    assert sorted(e.when.edtf for e in analysis.events if e.when) == sorted([first, second]), [
        (e.quote, e.when) for e in analysis.events]


def test_a_happening_in_a_clause_of_time_is_its_own_event_said_by_the_same_speaker(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe Valley Council says the Dara Khel Brigade was pushed "
                                       "back after the Black Flag Movement launched an offensive on the Korbessa "
                                       "dam.", published=FRIDAY)
    found = sorted((e.quote, e.status) for e in analysis.events)
    assert len(found) == 2 and any("pushed back" in q and "launched" not in q for q, _ in found) \
        and any(q.startswith("after the Black Flag Movement launched") for q, _ in found), found
    assert {status for _, status in found} == {"claimed"}, found
    # a clause of time with no happening of its own stays in its clause
    assert len(quotes(workspace, "The Dara Khel Brigade attacked the Korbessa dam after the rains ended.")) == 1


def test_sounds_that_could_be_heard_were_heard(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nExplosions could be heard in Korbessa on Thursday, "
                                       "residents said.\n\nThe Dara Khel Brigade could attack Korbessa on Sunday.",
                            published=FRIDAY)
    assert [e.quote.split()[0] for e in analysis.events] == ["Explosions"], [e.quote for e in analysis.events]
    assert [e.status for e in analysis.expectations] == ["conditional"]


def test_what_a_side_prepares_for_is_an_expectation(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nOfficials said on Thursday that the Valley Guard is "
                                       "preparing for a long campaign in Korbessa.", published=FRIDAY)
    assert analysis.events == [] and [e.status for e in analysis.expectations] == ["expected"], [
        (e.quote, e.status) for e in analysis.events + analysis.expectations]


@pytest.mark.parametrize("sentence", [
    "The Dara Khel Brigade still launches raids on police posts in Korbessa.",
    "Villagers in Korbessa say attacks on farmers by the Dara Khel Brigade are continuing.",
    "Attacks on farmers by the Dara Khel Brigade have been on the rise in Korbessa.",
    "The Valley Council has long supported talks with the Dara Khel Brigade.",
    "Clashes between the Valley Guard and the Dara Khel Brigade have been going on for weeks in Korbessa.",
    "Police posts in Korbessa are attacked by the Dara Khel Brigade every few weeks.",
    "The Korbessa market has also been attacked by the Dara Khel Brigade in the past.",
])
def test_what_goes_on_or_keeps_happening_is_no_event(workspace, sentence: str) -> None:
    # a habit, a state, happenings named as going on: background an analyst does not code as one event
    assert quotes(workspace, sentence) == []


@pytest.mark.parametrize("sentence, word", [
    ("There was heavy fighting between the Valley Guard and the Dara Khel Brigade in Korbessa on Thursday.", "fighting"),
    ("Tension has been rising in Korbessa since the defeat of the Dara Khel Brigade at the dam last week.", "defeat"),
    ("The Valley Guard is expected to retake the Korbessa dam within days.", "retake"),
])
def test_a_happening_beside_what_goes_on_is_still_told(workspace, sentence: str, word: str) -> None:
    analysis = analyse_text(workspace, "Valley report\n\n" + sentence, published=FRIDAY)
    assert [word in e.quote for e in analysis.events + analysis.expectations] == [True], [
        (e.quote, e.status) for e in analysis.events + analysis.expectations]


def test_a_happening_told_in_the_past_at_a_place_needs_no_named_party_nor_date(workspace) -> None:
    # a bomb at a named place is news even when nobody is named and no day is given
    found = quotes(workspace, "In the worst of the blasts, a bomb exploded in a market in the town of Korbessa, "
                              "killing four people.")
    assert len(found) == 1 and "exploded in a market" in found[0], found
    # not what goes on there, nor a happening with no place
    assert quotes(workspace, "Farmers in the town of Korbessa still fight over water every summer.") == []
    assert quotes(workspace, "In the worst of the blasts, a bomb exploded in a crowded market.") == []


@pytest.mark.parametrize("sentence, word", [
    ("Helicopters of the Valley Guard pounded positions of the Dara Khel Brigade near Korbessa on Thursday.", "pounded"),
    ("The Valley Council offered on Thursday to pay for the repair of the Korbessa dam.", "offered"),
    ("The Valley Council proposed on Thursday a joint commission on the Korbessa dam.", "proposed"),
    ("The governor of Korbessa cancelled a trip to the capital on Thursday.", "cancelled"),
    ("Hundreds of students of Korbessa marched to the Valley Council on Thursday.", "marched"),
    ("The Valley Guard repulsed the Dara Khel Brigade near the Korbessa dam on Thursday.", "repulsed"),
    ("The Valley Guard reinforced its posts around the Korbessa dam on Thursday.", "reinforced"),
    ("Gunmen of the Dara Khel Brigade shut down a school in Korbessa on Thursday.", "shut"),
    ("The Valley Guard pulled its troops out of Korbessa on Thursday.", "pulled"),
])
def test_offers_bombardments_marches_and_other_acts_are_events(workspace, sentence: str, word: str) -> None:
    found = quotes(workspace, sentence)
    assert len(found) == 1 and word in found[0], found



@pytest.mark.parametrize("sentence", [
    "The Valley Council said on Thursday there is no sign the Dara Khel Brigade will leave Korbessa.",
    "Omar Tellu said on Thursday that Korbessa has become the main target of the Dara Khel Brigade.",
])
def test_a_sign_or_a_target_named_is_no_happening(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []


def test_a_happening_in_a_clause_of_time_needs_no_party_of_its_own(workspace) -> None:
    # the clause of time hangs on its sentence: Omar Tellu is named in the clause it was cut from
    found = quotes(workspace, "Omar Tellu, the governor of Korbessa, was freed by the Dara Khel Brigade on Friday "
                              "after being detained for more than a week.")
    assert len(found) == 2 and any(q.startswith("after being detained") for q in found), found


@pytest.mark.parametrize("sentence", [
    # a verb of going on, in the present: a state of things, not a happening
    "The town of Korbessa continues to struggle with an insurgency led by the Dara Khel Brigade.",
    "As of Friday, Valley Council aid deliveries to Korbessa are continuing to be suspended.",
    # "still", "already", "increasingly" on a present verb
    "Korbessa is still recovering from years of war between the Valley Guard and the Dara Khel Brigade.",
    "Soldiers of the Valley Guard are already patrolling the road out of Korbessa.",
    "The Dara Khel Brigade increasingly is targeting farmers in Korbessa.",
])
def test_what_is_told_as_going_on_now_is_no_event(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []


@pytest.mark.parametrize("sentence, word", [
    # the past of a verb of going on is told: the day it went on
    ("Fighting between the Valley Guard and the Dara Khel Brigade continued in Korbessa on Thursday.", "Fighting"),
    # a happening named after a preposition of time is its own
    ("Korbessa is still recovering since the bombing of its market by the Dara Khel Brigade on Thursday.",
     "bombing"),
])
def test_a_happening_beside_a_state_going_on_is_told(workspace, sentence: str, word: str) -> None:
    assert [word in q for q in quotes(workspace, sentence)] == [True]


@pytest.mark.parametrize("sentence", [
    "The Valley Guard released no further details about the raid in Korbessa on Thursday.",
    "Neither the Valley Council nor the Dara Khel Brigade has made any progress toward opening talks in Korbessa.",
    "There was no fighting between the Valley Guard and the Dara Khel Brigade in Korbessa on Thursday.",
])
def test_what_is_said_not_done_is_no_event(workspace, sentence: str) -> None:
    analysis = analyse_text(workspace, "Valley report\n\n" + sentence, published=FRIDAY)
    assert [e.quote for e in analysis.events] == []


def test_nothing_done_is_read_on_the_happening_s_own_verb(workspace) -> None:
    # "no further details" are another verb's: the troops' surrounding of the town is told
    found = quotes(workspace, "No further details were immediately available on Thursday, and soldiers of the Valley "
                              "Guard have surrounded the town of Korbessa.")
    assert [("surrounded" in q) for q in found] == [True]
    # "no fewer than" counts the dead: the killing is told
    assert len(quotes(workspace, "No fewer than 20 farmers were killed by the Dara Khel Brigade in Korbessa on "
                                 "Thursday.")) == 1


@pytest.mark.parametrize("sentence", [
    "Governor Omar Tellu vowed on Thursday that the attackers of the market will be caught.",
    "The Valley Council warned on Thursday that fighters who refuse the amnesty would be eliminated.",
    "The Valley Council has announced plans to send 300 more soldiers to Korbessa.",
])
def test_a_saying_of_what_is_to_come_is_an_expectation(workspace, sentence: str) -> None:
    analysis = analyse_text(workspace, "Valley report\n\n" + sentence, published=FRIDAY)
    assert [e.quote for e in analysis.events] == []
    assert [e.status for e in analysis.expectations] == ["expected"]


def test_a_saying_of_what_was_done_is_still_told(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe governor of Korbessa announced on Thursday that the "
                                       "Valley Guard had retaken the dam.", published=FRIDAY)
    assert [e.status for e in analysis.events] == ["claimed"] and analysis.expectations == []


@pytest.mark.parametrize("sentence", [
    "Attacks on farmers in Korbessa have increased in recent weeks.",
    "Raids by the Dara Khel Brigade on villages near Korbessa have doubled since the spring.",
])
def test_happenings_counted_as_more_or_fewer_are_a_trend(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []


def test_what_is_under_someone_s_control_is_a_state(workspace) -> None:
    # who holds what, as "now controls": not a happening; taking control is one
    assert quotes(workspace, "Much of the Korbessa valley has been under the control of the Dara Khel Brigade "
                             "since May.") == []
    found = quotes(workspace, "Villages under Dara Khel Brigade control were shelled by the Valley Guard on "
                              "Thursday.\n\nThe Valley Guard took control of the Korbessa dam on Thursday.")
    assert len(found) == 2 and "shelled" in found[0] and "took control" in found[1], found
