"""A clause with no date of its own, dated by the happening it goes on telling (`date_steps`):
a step told in the simple past right after a dated happening carries its day; a lead told in the
present perfect with no date words of its own, background and other happenings stay undated.  Sentences written for these tests; published on Tuesday
5 March 2019."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 3, 5)  # a Tuesday


def _event(ws, body: str, words: str):
    a = analyse_text(ws, "Headline: Test report\nOutlet: Desk Wire\n\n" + body, published=PUBLISHED)
    found = [e for e in a.all_events if words in e.quote]
    assert found, [e.quote for e in a.all_events]
    return found[-1]


@pytest.mark.parametrize("body, words, edtf, says", [
    # a step of Monday's happening, told just after it, carries Monday and says so
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "Witnesses said a car bomb exploded at the gate of the Eastland Army base.",
     "exploded at the gate", "2019-03-04", "same happening as"),
    # ... and so does the step after that one
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "Witnesses said a car bomb exploded at the gate of the Eastland Army base. "
     "Later, a second bomber attacked Eastland Army soldiers near the gate.",
     "second bomber attacked", "2019-03-04", "same happening as"),
])
def test_a_clause_without_a_date_carries_the_day_of_the_happening_it_tells(
        workspace, body: str, words: str, edtf: str, says: str) -> None:
    event = _event(workspace, body, words)
    assert event.when is not None and event.when.edtf == edtf, event.when_rule
    assert says in event.when_rule


@pytest.mark.parametrize("body, words", [
    # another happening, said to be apart
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "Meanwhile, the Eastland Army arrested two men in Tal Hamra.", "arrested two men"),
    # ... or told "in a separate" incident
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "In a separate incident, two gunmen shot at a police post in Tal Hamra.", "shot at a police post"),
    # a deed told as done again and again ("repeated", as "repeatedly") is no step of the day before it
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "The Eastland Army rejected repeated calls for a truce.", "rejected repeated calls"),
    # a state told in the present perfect is not a step of the day before it
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "The Eastland Army has pushed the brigade out of most towns of the valley.", "pushed the brigade"),
    # background with a clause of time of its own
    ("Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
     "The Northern Shield Brigade burned the old market while they held the town.", "burned the old market"),
    # a lead in the present perfect with no date words of its own stays undated, even when the report
    # dates another happening of that kind to its day (the guideline: null when the report gives none)
    ("Northern Shield Brigade commanders say the Eastland Army has shelled their headquarters at Tal Hamra, "
     "killing nine fighters. A second camp near Kafr Saba was shelled today, the commanders said.",
     "has shelled their headquarters"),
    # ... as it does in a report that dates no happening of that kind
    ("Northern Shield Brigade commanders say the Eastland Army has shelled their headquarters at Tal Hamra, "
     "killing nine fighters.", "has shelled their headquarters"),
])
def test_background_and_other_happenings_stay_undated(workspace, body: str, words: str) -> None:
    event = _event(workspace, body, words)
    assert event.when is None, event.when_rule
    assert event.when_rule.startswith("the report gives no date")


def test_a_step_of_a_night_carries_that_night(workspace) -> None:
    # "overnight" is a span of two days, not one day: the step still happened in it
    event = _event(workspace, "Six guards were killed in an overnight raid on the Eastland Army depot at Kafr Saba. "
                              "Officials say gunmen of the Northern Shield Brigade then stormed a police post in Tal Hamra.",
                   "stormed a police post")
    assert event.when is not None and event.when.edtf == "2019-03-04/2019-03-05", event.when_rule
    assert "same happening as" in event.when_rule


def test_a_retelling_folded_in_does_not_set_its_step_apart() -> None:
    # `telling` quotes a folded retelling after " … "; its "since" tells that telling's own time,
    # not the step's: the step is still undated and free to take the day before it
    from types import SimpleNamespace

    from briefer.intake.date_steps import _undated

    def draft(quote: str):
        return SimpleNamespace(when=None, date=None, status="claimed", quote=quote,
                               when_rule="the report gives no date; published 5 Mar 2019")

    assert _undated(draft("Officials say gunmen stormed a police post in Tal Hamra. \u2026 The brigade had "
                          "promised since the talks failed to strike harder."))
    assert not _undated(draft("Gunmen have stormed police posts in Tal Hamra since the talks failed."))


def test_a_plain_undated_clause_between_does_not_end_the_telling(workspace) -> None:
    # a state told in the present between a dated happening and its step: the step still tells Monday's attack
    event = _event(workspace, "Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
                              "Eastland Army helicopters are shelling the hills near Tal Hamra. "
                              "Witnesses said a car bomb exploded at the gate of the Eastland Army base.",
                   "exploded at the gate")
    assert event.when is not None and event.when.edtf == "2019-03-04", event.when_rule


@pytest.mark.parametrize("between", [
    "Local officials say the brigade had shelled the town of Tal Hamra twice before.",  # background
    "So far, the brigade has seized nine bases in the valley.",  # set apart by its own time
])
def test_background_or_a_clause_set_apart_ends_the_telling(workspace, between: str) -> None:
    event = _event(workspace, "Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
                              f"{between} Witnesses said a car bomb exploded at the gate of the Eastland Army base.",
                   "exploded at the gate")
    assert event.when is None, event.when_rule


@pytest.mark.parametrize("body, words, edtf", [
    # the day is on the saying, the capture is told in the past perfect: it came before, on no day given
    ("On Monday, the Northern Shield Brigade said its fighters had captured the town of Kafr Saba.",
     "had captured the town", None),
    # ... nor in the simple past: reported that day, done before it, on no day the report gives
    ("On Monday, the Northern Shield Brigade said its fighters captured the town of Kafr Saba.",
     "captured the town", None),
    ("Police in Kafr Saba said Sunday that a gunman attacked the Eastland Army checkpoint.",
     "gunman attacked", None),
    # a source named after the telling, with the day it spoke, leaves the day to the fresh happening
    ("A gunman attacked the Eastland Army checkpoint in Kafr Saba, police said Sunday.",
     "gunman attacked", "2019-03-03"),
    # the report's own day is the happening's: a newscast's "also today, police say ..."
    ("Also today, police in Kafr Saba say a gunman attacked the Eastland Army checkpoint.",
     "gunman attacked", "2019-03-05"),
    # a state the saying shifts back into the past ("expected": expects) keeps the day it was said
    ("On Monday, the Eastland Army commander said he expected the brigade to be crushed within a week.",
     "expected the brigade", "2019-03-04"),
    # what is said in the present perfect keeps the day it was said
    ("On Monday, the Northern Shield Brigade said its fighters have captured the town of Kafr Saba.",
     "captured the town", "2019-03-04"),
])
def test_a_day_said_does_not_date_a_happening_reported_in_the_past(workspace, body: str, words: str,
                                                                    edtf) -> None:
    event = _event(workspace, body, words)
    assert (event.when.edtf if event.when else None) == edtf, event.when_rule
    if edtf is None:
        assert event.when_rule.startswith(("told as background (past perfect), before the day it was said",
                                           "reported on the day it was said"))
        assert "published 5 Mar 2019" in event.when_rule


def test_hours_later_after_a_day_told_carries_that_day_even_a_sayings(workspace) -> None:
    # "Hours later" ties the clause to the telling just before it: the announcement's Monday, though a
    # day on a saying dates no plain step
    event = _event(workspace, "The Northern Shield Brigade announced on Monday a three-day truce for the harvest. "
                              "Hours later, a roadside bomb killed seven farmers near Kafr Saba.",
                   "roadside bomb killed")
    assert event.when is not None and event.when.edtf == "2019-03-04", event.when_rule
    assert "told 'Hours later' after" in event.when_rule


def test_without_a_link_word_the_step_after_a_saying_stays_undated(workspace) -> None:
    event = _event(workspace, "The Northern Shield Brigade announced on Monday a three-day truce for the harvest. "
                              "A roadside bomb killed seven farmers near Kafr Saba.",
                   "roadside bomb killed")
    assert event.when is None, event.when_rule


def test_a_past_perfect_aside_does_not_end_the_telling(workspace) -> None:
    # the clause between is in the simple past; only its relative clause goes back in time
    event = _event(workspace, "Northern Shield Brigade fighters stormed the Eastland Army base at Kafr Saba on Monday. "
                              "The onslaught was provoked by Eastland Army troops, who had earlier entered brigade "
                              "villages. Two mortar shells exploded near the grain market in Tal Hamra, killing seven "
                              "people.", "shells exploded")
    assert event.when is not None and event.when.edtf == "2019-03-04", event.when_rule
    assert "same happening as" in event.when_rule


@pytest.mark.parametrize("body, edtf", [
    # the telling it counts from is more than two sentences back: no tie
    ("The Northern Shield Brigade announced on Monday a three-day truce for the harvest. The truce covers the "
     "villages of the plain. Farmers in the plain grow wheat and barley. Hours later, a roadside bomb killed seven "
     "farmers near Kafr Saba.", None),
    # "later" as a word of the clause, not a link of its own ("Later attacks", "Soon after midnight")
    ("The Northern Shield Brigade announced on Monday a three-day truce for the harvest. Later attacks killed "
     "seven farmers near Kafr Saba.", None),
    # the telling just before has a year, not a day: nothing to count hours from
    ("The Northern Shield Brigade announced on Monday a three-day truce for the harvest. In 2017 the brigade "
     "stormed Tal Hamra. Hours later, a roadside bomb killed seven farmers near Kafr Saba.", None),
    # it counts from the last day told (Sunday's assault), not from the saying before it
    ("The Northern Shield Brigade announced on Monday a three-day truce for the harvest. Brigade fighters stormed "
     "the Eastland Army base at Kafr Saba on Sunday. Eastland troops had shelled the brigade's villages for weeks. "
     "Hours later, a roadside bomb killed seven farmers near Kafr Saba.", "2019-03-03"),
])
def test_hours_later_counts_from_the_day_told_just_before(workspace, body: str, edtf) -> None:
    event = _event(workspace, body, "killed seven")
    assert (event.when.edtf if event.when else None) == edtf, event.when_rule
