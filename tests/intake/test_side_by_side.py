"""Two happenings told side by side in one sentence, each with a subject of its own ("X shelled the town
and Y returned fire", "..., while a bomb hit a truck"), are two proposals, each quoting its own clause;
the second is dated by the sentence when it names no day of its own.  One happening told with two verbs
(one subject), the dead and the hurt of one happening, and a bare "while" of time stay one proposal.
Sentences written for these tests; published on Tuesday 5 March 2019."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 3, 5)  # a Tuesday
MONDAY = "2019-03-04"


def _events(ws, body: str):
    return analyse_text(ws, "Headline: Test report\nOutlet: Desk Wire\n\n" + body, published=PUBLISHED).all_events


@pytest.mark.parametrize("body, first, second", [
    ("Northern Shield Brigade fighters fired mortars at the airport of Kafr Saba on Monday and Eastland Army "
     "troops returned fire.", "fired mortars", "returned fire"),
    ("Eastland Army warplanes struck the market of Kafr Saba on Monday, while a roadside bomb destroyed a police "
     "truck near Tel Arin.", "warplanes struck", "roadside bomb destroyed"),
    # both said by the witnesses (the parse may read the second as said too, not as joined to the first)
    ("The villagers said that on Monday rebels fired rockets at the market and the school and government soldiers "
     "returned fire.", "rebels fired rockets", "returned fire"),
])
def test_two_happenings_with_their_own_subjects_are_two_proposals(workspace, body: str, first: str,
                                                                  second: str) -> None:
    events = _events(workspace, body)
    assert len(events) == 2, [e.quote for e in events]
    one = next(e for e in events if first in e.quote)
    other = next(e for e in events if second in e.quote)
    assert second not in one.quote and first not in other.quote
    # the second names no day: the sentence's Monday is its day too
    assert one.when is not None and one.when.edtf == MONDAY
    assert other.when is not None and other.when.edtf == MONDAY, other.when_rule


@pytest.mark.parametrize("body", [
    # one subject, two verbs: one raid
    "Eastland Army troops stormed Kafr Saba on Monday and arrested twenty men.",
    # the dead and the hurt of one happening
    "A guard was killed on Monday and his brother was wounded by Northern Shield Brigade gunmen in Kafr Saba.",
    # a count of the dead that no one is said to do: the toll of the fighting told first
    "Eastland Army troops attacked Kafr Saba on Monday, and four fighters died in the battle.",
    # a bare "while" tells when, not a second happening
    "Northern Shield Brigade fighters burned the shops of Kafr Saba on Monday while they searched the town.",
])
def test_one_happening_told_with_two_verbs_stays_one_proposal(workspace, body: str) -> None:
    events = _events(workspace, body)
    assert len(events) == 1, [e.quote for e in events]
