"""Deeds a conflict analyst codes that plain wire sentences tell in words of their own: blowing up,
gunning down, swapping prisoners, curfews and blockades, sanctions, leaders resigning, sworn in or named,
bases handed over, aircraft downed, operations started.  And the aim of a deed said by a participle
("an operation aimed at ...") is the deed's purpose, not a happening to come.  Sentences in the
project's own words (found with benchmarks/intake_probes.json)."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

MONDAY = date(2021, 3, 8)


def proposals(workspace, body: str):
    analysis = analyse_text(workspace, "Hill country report\n\n" + body, published=MONDAY)
    return analysis.events, analysis.expectations


@pytest.mark.parametrize("sentence", [
    "Fighters of the Tarbul Front blew up a bridge near Oskel on Saturday, the police said.",
    "A water pipeline was blown up near Oskel overnight, the governor said.",
    "Unknown gunmen gunned down a village elder in Oskel on Sunday.",
    "The Tarbul Front and the Hill Guard swapped prisoners at the Oskel crossing on Sunday.",
    "The Hill Guard imposed a curfew on Oskel on Saturday.",
    "The Hill Guard lifted the curfew on Oskel on Sunday.",
    "The Hill Council imposed sanctions on two Tarbul Front commanders on Friday.",
    "The Hill Guard lifted its blockade of Oskel on Sunday.",
    "The governor of Oskel resigned on Saturday.",
    "The commander of the Hill Guard stepped down on Friday.",
    "Anna Velko was sworn in as governor of Oskel on Sunday.",
    "The Hill Council appointed a new governor of Oskel on Friday.",
    "The Hill Guard handed over the Oskel barracks to the police on Saturday.",
    "Fighters of the Tarbul Front downed a Hill Guard drone near Oskel on Sunday.",
    "The Hill Guard rescued six hostages from a farm near Oskel on Saturday.",
    "Looters ransacked the Oskel post office on Sunday.",
    "The Hill Guard started an operation against the Tarbul Front near Oskel on Friday.",
    "The Hill Guard reopened the Oskel crossing on Sunday.",
    "The Hill Council dissolved the Oskel town council on Friday.",
    "The Hill Council severed its ties with the Tarbul Front on Friday.",
    "Hill Guard troops moved into the centre of Oskel on Saturday.",
    "Fighters of the Tarbul Front crossed into the hill country on Saturday.",
    "The Oskel assembly elected Anna Velko as its speaker on Friday.",
    "The Oskel police foiled a plan to bomb the Hill Council on Sunday.",
    "The Hill Council banned the Tarbul Front on Friday.",
    "The governor of Oskel issued a decree on Saturday closing all schools.",
    "The Tarbul Front recruited forty boys in Oskel last month, the Hill Council said.",
    "The Hill Guard gave the Tarbul Front an ultimatum on Friday.",
    "A court in Oskel convicted three Tarbul Front fighters of arson on Friday.",
    "The former governor of Oskel was acquitted of fraud on Saturday.",
    "A crowd lynched a suspected informer of the Tarbul Front in Oskel on Sunday.",
    "Supporters of the Tarbul Front rallied in the centre of Oskel on Saturday.",
    "A Hill Guard helicopter crashed near Oskel on Sunday.",
])
def test_deeds_told_in_words_of_their_own_are_events(workspace, sentence: str) -> None:
    events, expectations = proposals(workspace, sentence)
    assert len(events) == 1 and not expectations, (events, expectations)


@pytest.mark.parametrize("sentence", [
    "On Friday the Hill Guard started an operation aimed to retake Oskel from the Tarbul Front.",
    "The Hill Guard began an operation on Friday aimed at capturing the Oskel road from the Tarbul Front.",
])
def test_the_aim_of_a_deed_is_no_happening_to_come(workspace, sentence: str) -> None:
    events, expectations = proposals(workspace, sentence)
    assert not expectations, [e.status_why for e in expectations]
    assert len(events) == 1 and "operation" in events[0].quote and events[0].when.edtf == "2021-03-05", events


@pytest.mark.parametrize("sentence", [
    "The Hill Guard moved 300 soldiers to Oskel on Friday in a move designed to retake the dam.",
])
def test_an_aim_hung_on_a_deed_of_no_event_word_is_not_proposed(workspace, sentence: str) -> None:
    # the blockade is not ended, the dam not retaken: neither done nor said to be coming
    events, expectations = proposals(workspace, sentence)
    assert not events and not expectations, (events, expectations)


def test_an_aim_hung_on_a_deed_verb_is_not_proposed_but_the_deed_is(workspace) -> None:
    # building is a deed (triggers.deed_word), done last year; ending the blockade is neither done nor to come
    events, expectations = proposals(
        workspace, "The Hill Council built a new road to Oskel last year aimed at ending the blockade of the town.")
    assert not expectations, expectations
    assert len(events) == 1 and events[0].status == "reported" and events[0].when.edtf == "2020", events


@pytest.mark.parametrize("sentence", [
    "The Hill Council sent 300 soldiers to Oskel on Saturday.",
    "Two hundred police officers were sent to Oskel on Sunday, the Hill Council said.",
])
def test_sending_people_is_a_deed(workspace, sentence: str) -> None:
    events, _ = proposals(workspace, sentence)
    assert len(events) == 1, events


@pytest.mark.parametrize("sentence", [
    "The Hill Council sent a letter to the Tarbul Front on Saturday.",
    "The Hill Council sent blankets to Oskel on Saturday.",
    # a word that only begins like one: "sentiment", "sentinel"
    "The Hill Council noted on Saturday the sentiment of the Oskel elders about the new road.",
])
def test_sending_a_thing_is_no_deed(workspace, sentence: str) -> None:
    events, expectations = proposals(workspace, sentence)
    assert not events and not expectations, (events, expectations)


@pytest.mark.parametrize("sentence", [
    "The Tarbul Front has increasingly recruited boys from the Oskel valley, the Hill Council said on Friday.",
    "New recruits of the Tarbul Front wear green scarves, the Hill Council said on Friday.",
    "Escaped convicts of the Oskel prison wear green scarves, the Hill Council said on Friday.",
])
def test_a_trend_or_people_named_by_a_deed_is_no_deed(workspace, sentence: str) -> None:
    events, expectations = proposals(workspace, sentence)
    assert not events and not expectations, (events, expectations)


@pytest.mark.parametrize("sentence, deed", [
    ("The Hill Guard handed the Oskel barracks over to the police on Saturday.", True),
    ("The Tarbul Front blew the Oskel bridge up on Sunday.", True),
    # the same verbs without their particle tell no deed
    ("The governor of Oskel handed a letter to the Hill Council on Saturday.", False),
    ("A cold wind blew across Oskel on Sunday, the Hill Council said.", False),
])
def test_a_phrasal_deed_counts_with_its_particle_wherever_it_stands(workspace, sentence: str, deed: bool) -> None:
    events, expectations = proposals(workspace, sentence)
    assert (len(events) == 1) == deed and not expectations, (events, expectations)


def test_a_party_s_own_aim_as_its_main_verb_stays_what_it_meant_to_do(workspace) -> None:
    # "aimed" is the clause's own verb, not a participle hung on a deed: the party's intention, as before
    events, expectations = proposals(workspace, "The Hill Guard had aimed to retake Oskel before the rains.")
    assert not events and len(expectations) == 1, (events, expectations)
