"""A sentence that opens with "Earlier" tells a happening before the one just told, not that one
again: it is proposed apart even on the same day and at the same place.  Sentences written for
these tests; published on Tuesday 5 March 2019."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 3, 5)  # a Tuesday


def _events(ws, body: str):
    return analyse_text(ws, "Headline: Test report\nOutlet: Desk Wire\n\n" + body, published=PUBLISHED).all_events


def test_a_sentence_opening_with_earlier_is_another_happening(workspace) -> None:
    events = _events(workspace, "Northern Shield Brigade fighters stormed a police post in Kafr Saba on Monday, "
                                "killing four officers. Earlier on Monday in Kafr Saba, Eastland Army troops killed "
                                "two fighters.")
    assert len(events) == 2, [e.quote for e in events]
    earlier = next(e for e in events if "two fighters" in e.quote)
    assert "police post" not in earlier.quote
    assert earlier.when is not None and earlier.when.edtf == "2019-03-04"


def test_the_same_happening_told_again_is_still_one_proposal(workspace) -> None:
    # without "Earlier", the next sentence tells the storming again, in more detail
    events = _events(workspace, "Northern Shield Brigade fighters stormed a police post in Kafr Saba on Monday, "
                                "killing four officers. On Monday in Kafr Saba, the fighters killed the officers "
                                "with rifles.")
    assert len(events) == 1, [e.quote for e in events]
