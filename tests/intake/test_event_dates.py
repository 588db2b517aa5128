"""Which date dates an event: the one that governs its verb in the parse, not merely the
first of the sentence.  Sentences written for these tests; published on Tuesday 5 March 2019."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 3, 5)  # a Tuesday


def _when(ws, body: str, words: str):
    a = analyse_text(ws, "Headline: Test report\nOutlet: Desk Wire\n\n" + body, published=PUBLISHED)
    found = [e for e in a.all_events if words in e.quote]
    assert found, [e.quote for e in a.all_events]
    return found[0]


@pytest.mark.parametrize("body, words, edtf", [
    # the date hangs on the event's own verb, past a relative clause's date
    ("Eastland troops captured Tal Hamra on Monday, a town the Northern Shield Brigade had held since 2016.",
     "captured Tal Hamra", "2019-03-04"),
    # a participle going on with the same happening keeps its date
    ("The Northern Shield Brigade attacked the Eastland base at Kafr Saba, killing nine soldiers on Sunday.",
     "attacked the Eastland base", "2019-03-03"),
    # the day of saying dates what was said in the present perfect, when nothing closer does (not a
    # happening reported in the past: test_date_steps)
    ("The Northern Shield Brigade said on Monday that its fighters have shelled the Eastland base.",
     "shelled the Eastland base", "2019-03-04"),
    # a participle on a noun naming a happening dates that happening
    ("Eastland accused the Northern Shield Brigade of violating a truce signed in January.",
     "truce signed in January", "2019-01"),
    # a present participle on a noun tells the scene of the happening: its day is the happening's
    ("Gunmen killed nine villagers attending a wedding in Tal Hamra Sunday evening, witnesses said.",
     "killed nine villagers", "2019-03-03"),
    # a relative clause telling another happening does not date the main one
    ("The Northern Shield Brigade fighters, who took Kafr Saba last year, attacked Tal Hamra on Monday.",
     "attacked Tal Hamra", "2019-03-04"),
    # "which took place on Sunday" only places the attack it hangs on
    ("The attack on Tal Hamra, which took place on Sunday, killed nine soldiers of the Eastland Army.",
     "took place on Sunday", "2019-03-03"),
    # a clause of time places the happening it hangs on about its own date
    ("The Eastland Army shelled Kafr Saba after its troops came under fire from the town on Saturday.",
     "shelled Kafr Saba", "2019-03-02"),
    # ... also when "when" heads it (parsed as an adverb of the clause, not as its mark)
    ("Officials say an Eastland Army truck was destroyed when it hit a mine Sunday near Kafr Saba.",
     "truck was destroyed", "2019-03-03"),
    # a weekday in what was said on a day is the last such day on or before that day
    ("On Monday, the Eastland Army said the Northern Shield Brigade had shelled the camp at Tal Hamra on Tuesday.",
     "shelled the camp", "2019-02-26"),
    ("On Monday, the Eastland Army said the Northern Shield Brigade had shelled the camp at Tal Hamra on Saturday.",
     "shelled the camp", "2019-03-02"),
    # ... counted from that day even when it is weeks before publication (Wednesday 20 February)
    ("On 20 February, the Eastland Army said the Northern Shield Brigade had shelled the camp at Tal Hamra on "
     "Saturday.", "shelled the camp", "2019-02-16"),
    # two days joined: the happening spans both
    ("The Northern Shield Brigade shelled Kafr Saba on Monday and Tuesday.", "shelled Kafr Saba",
     "2019-03-04/2019-03-05"),
    # the happening measured against is dated when it is itself the event told
    ("Fear has spread in Tal Hamra since the defeat of the Eastland Army last week.", "Army last week",
     "2019-02-25/2019-03-03"),
    # "the largest ... since July": July is the yardstick, not the event's date
    ("It was the largest offensive of the Northern Shield Brigade since July, officials said.",
     "largest offensive", None),
    # a background year counted from the year told just before
    ("The Northern Shield Brigade took Kafr Saba in 2014. Two years later the Eastland Army captured the town.",
     "captured the town", "2016"),
])
def test_the_date_that_governs_the_event(workspace, body: str, words: str, edtf: str | None) -> None:
    event = _when(workspace, body, words)
    assert (event.when.edtf if event.when is not None else None) == edtf, event.when_rule


@pytest.mark.parametrize("body, words", [
    # the date tells when it was reported, in a clause of its own: the killing gives no date
    ("The Northern Shield Brigade killed twelve villagers in Tal Hamra, the third such massacre reported this week.",
     "killed twelve villagers"),
    # the date belongs to the relative clause (the holding), not to the capture
    ("The Northern Shield Brigade captured the town, which Eastland troops had held since 2016.", "captured the town"),
])
def test_a_date_of_another_clause_does_not_date_the_event(workspace, body: str, words: str) -> None:
    event = _when(workspace, body, words)
    assert event.when is None and "the report gives no date" in event.when_rule


def test_a_truce_signed_on_a_date_read_as_a_clause_of_its_own_still_has_it(workspace) -> None:
    # the small English model reads "a cease-fire signed ..." here as "a cease-fire [that] signed"
    event = _when(workspace, "Each side is claiming that the other began the latest clashes in the south, violating "
                             "a cease-fire signed two months ago.", "cease-fire signed")
    assert event.when is not None and event.when.edtf.startswith("2019-01"), event.when_rule


def test_a_happening_told_with_also_right_after_a_dated_one_is_of_its_day(workspace) -> None:
    body = ("Residents said the Eastland Army shelled the grain market in Kafr Saba on Monday. They said the "
            "Northern Shield Brigade also attacked the old bridge at Tal Hamra.")
    event = _when(workspace, body, "old bridge")
    assert event.when is not None and event.when.edtf == "2019-03-04", event.when_rule
    assert "also" in event.when_rule


def test_also_does_not_carry_a_day_to_a_present_clause_or_past_an_undated_one(workspace) -> None:
    body = ("Residents said the Eastland Army shelled the grain market in Kafr Saba on Monday. The Northern Shield "
            "Brigade is also shelling the old bridge at Tal Hamra.")
    assert _when(workspace, body, "old bridge").when is None
    body = ("The Northern Shield Brigade seized the grain market in Kafr Saba. The brigade also seized the old bridge "
            "at Tal Hamra.")
    assert _when(workspace, body, "old bridge").when is None


def test_a_weekday_on_a_promise_made_in_the_past_is_the_day_of_the_promise(workspace) -> None:
    a = analyse_text(workspace, "Headline: Test report\nOutlet: Desk Wire\n\nThe Eastland defence minister vowed "
                     "Friday to carry the fight into Kafr Saba.", published=PUBLISHED)
    assert [(d.text, d.when.edtf) for d in a.dates] == [("Friday", "2019-03-01")]


def test_what_is_to_happen_is_to_come(workspace) -> None:
    # "is to" + a verb speaks of what is to come: a month in it is the next one, the clause an expectation
    a = analyse_text(workspace, "Headline: Test report\nOutlet: Desk Wire\n\nThe Eastland government offered an "
                     "amnesty to the Northern Shield Brigade, which is to expire in April. Eastland troops are to "
                     "withdraw from Kafr Saba in June.", published=PUBLISHED)
    assert [(d.text, d.when.edtf) for d in a.dates] == [("in April", "2019-04"), ("in June", "2019-06")]
    withdraw = [e for e in a.all_events if "withdraw" in e.quote]
    assert withdraw and all(e.status == "expected" for e in withdraw), [(e.quote, e.status) for e in a.all_events]


def test_who_is_to_blame_speaks_of_what_happened(workspace) -> None:
    # "were to blame for" names who is responsible for a past happening: not "is to" + what is to come
    a = analyse_text(workspace, "Headline: Test report\nOutlet: Desk Wire\n\nOfficials said the Northern Shield "
                     "Brigade was to blame for the bombing of the grain market in Kafr Saba on Monday.",
                     published=PUBLISHED)
    assert [(d.text, d.when.edtf) for d in a.dates] == [("on Monday", "2019-03-04")]
    bombing = [e for e in a.all_events if "bombing" in e.quote]
    assert bombing and all(e.status in ("reported", "claimed") for e in bombing), \
        [(e.quote, e.status) for e in a.all_events]
