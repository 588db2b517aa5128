"""A clause with no event word still tells a happening when its verb is a deed (a verb whose first
WordNet sense is an act of competition, social life, motion, contact, possession, change or
creation), told by the report as done, by someone: a named party, or on the clause's own date.
Sentences in the project's own words."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

FRIDAY = date(2019, 6, 14)


def quotes(workspace, body: str) -> list[str]:
    analysis = analyse_text(workspace, "Valley report\n\n" + body, published=FRIDAY)
    return [e.quote for e in analysis.events]


@pytest.mark.parametrize("sentence, word", [
    ("The governor of Korbessa visited the flooded villages of the valley on Tuesday.", "visited"),
    ("The Valley Council granted new powers to the Korbessa police last week.", "granted"),
    ("The Dara Khel Brigade has blocked the only road to the dam.", "blocked"),  # a named party, no date
    ("Omar Tellu, the former governor of Korbessa, was deported to the capital in May.", "deported"),  # passive
])
def test_a_deed_told_by_a_verb_that_is_no_event_word_is_an_event(workspace, sentence: str, word: str) -> None:
    found = quotes(workspace, sentence)
    assert len(found) == 1 and word in found[0], found


@pytest.mark.parametrize("sentence", [
    # thinking, saying, feeling: no deed
    "The Valley Council discussed the harvest of Korbessa on Tuesday.",
    "The governor of Korbessa admired the new bridge on Tuesday.",
    # not told as done: to come, denied, a habit, the past perfect of a background
    "The governor of Korbessa will visit the flooded villages on Tuesday.",
    "The governor of Korbessa did not visit the flooded villages on Tuesday.",
    "The governor of Korbessa often visited the flooded villages in June.",
    "The governor of Korbessa had visited the flooded villages in June.",
    # what someone says of a deed: their account, not the report's
    "The Valley Council said the governor of Korbessa visited the flooded villages on Tuesday.",
    # done by no one
    "The river rose sharply in Korbessa on Tuesday.",
    # a deed verb used as a link to a state ("grew stronger", "stayed silent"): how someone was, not what was done
    "The Dara Khel Brigade grew stronger last year.",
    "The Valley Council stayed silent on Tuesday.",
    # by someone unnamed, on no day of its own (a named party only undergoes it)
    "Soldiers visited the flooded villages of the valley.",
    "Unknown men visited Omar Tellu, the former governor of Korbessa, at his home.",
])
def test_a_verb_that_tells_no_deed_done_is_no_event(workspace, sentence: str) -> None:
    assert quotes(workspace, sentence) == []
