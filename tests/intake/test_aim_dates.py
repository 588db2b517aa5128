"""A date at the end of an aim ("launched an offensive to retake the town on Sunday") dates the happening
the aim hangs on: wire copy puts the day last, and the parse hangs it on the aim's verb. An aim further
away, on another noun ("protests against the decision to run in elections next month"), keeps its date to
itself. Sentences written for these tests; published on Tuesday 5 March 2019."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 3, 5)  # a Tuesday


def _events(ws, body: str):
    return analyse_text(ws, "Headline: Test report\nOutlet: Desk Wire\n\n" + body, published=PUBLISHED).all_events


@pytest.mark.parametrize("body, day", [
    ("The Eastland Army launched an offensive to retake the hill town of Kafr Saba on Sunday.", "2019-03-03"),
    ("Hundreds of Eastland Army troops were deployed to guard the polling stations of Tel Arin on Monday.",
     "2019-03-04"),
])
def test_a_day_at_the_end_of_an_aim_dates_the_deed(workspace, body: str, day: str) -> None:
    events = _events(workspace, body)
    assert len(events) == 1, [e.quote for e in events]
    assert events[0].when is not None and events[0].when.edtf == day


def test_an_aim_on_another_noun_keeps_its_date(workspace) -> None:
    events = _events(workspace, "At least nine people have been killed in a week of protests in Tel Arin against "
                                "the governor's decision to run for a third term in elections next month.")
    killed = [e for e in events if "killed" in e.quote]
    assert killed and killed[0].when is None
