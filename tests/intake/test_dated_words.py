"""A happening a sentence tells in passing, with a date of its own that no proposal has, is
proposed apart with that date (`dated_words`); an event word on a day already proposed is not
(most often the same happening told again).  Sentences written for these tests; published on
Tuesday 5 March 2019."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 3, 5)  # a Tuesday


def _events(ws, body: str):
    return analyse_text(ws, "Headline: Test report\nOutlet: Desk Wire\n\n" + body, published=PUBLISHED).all_events


@pytest.mark.parametrize("body, words, edtf", [
    # a clause of reference: "since" an older happening with its year
    ("Eastland Army troops shelled the village of Kafr Saba on Monday, the first attack on the village since "
     "Northern Shield Brigade fighters captured it in 2016.", "captured it in 2016", "2016"),
    # a clause on someone, telling what they did years before
    ("Eastland Army troops on Monday arrested Amos Tarik, a commander who fled the country in 2009.",
     "fled the country in 2009", "2009"),
])
def test_a_happening_told_in_passing_with_its_own_date_is_proposed_apart(workspace, body: str, words: str,
                                                                         edtf: str) -> None:
    events = _events(workspace, body)
    apart = [e for e in events if words in e.quote and len(e.quote) < len(body) - 20]  # its own quote, not the sentence
    assert apart, [e.quote for e in events]
    assert apart[0].when is not None and apart[0].when.edtf == edtf
    assert apart[0].status == "reported"
    # the sentence's own happening is still proposed, on its own day
    assert any(e.when is not None and e.when.edtf == "2019-03-04" for e in events)


def test_an_event_word_on_a_day_already_proposed_is_not_proposed_again(workspace) -> None:
    events = _events(workspace, "Eastland Army troops shelled Kafr Saba on Monday, killing at least nine people in "
                                "the market on Monday.")
    assert len(events) == 1, [e.quote for e in events]
    assert events[0].when.edtf == "2019-03-04"


def test_the_happening_told_in_passing_is_quoted_without_the_clauses_joined_to_it(workspace) -> None:
    # its quote is its own predication: a second deed joined to the verb by "and" is not part of it
    events = _events(workspace, "Eastland Army troops on Monday arrested Amos Tarik, a commander who fled the country "
                                "in 2009 and later took command of a smuggling ring.")
    apart = [e for e in events if e.when is not None and e.when.edtf == "2009"]
    assert apart, [(e.quote, e.when) for e in events]
    assert "fled the country in 2009" in apart[0].quote
    assert "smuggling" not in apart[0].quote, apart[0].quote
