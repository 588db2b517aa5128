"""A happening the assistant missed, added by the analyst from the selected words of the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.errors import BrieferError
from briefer.intake.assistant import analyse, analyse_text
from briefer.intake.by_hand import event_from_text
from briefer.intake.landing import accept, merge_events
from briefer.intake.proposals import proposal_date_text
from briefer.intake.reading import read_article

MARKET = ("Headline: Market fire blamed on troops\nDate: 3 May 2023\nOutlet: Valley Courier\n\n"
          "The army denied that its troops had burned the market in Kafr Nabl, a spokesman told Reuters.\n\n"
          "Residents said soldiers looted shops in the old quarter on Tuesday before the fire.\n")


def _span_of(analysis, words: str) -> tuple[int, int]:
    start = analysis.document.text.index(words)
    return start, start + len(words)


def test_words_the_assistant_missed_become_an_event_the_analyst_can_accept(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "river_road.txt"))
    assert not any("Families" in e.quote for e in analysis.all_events)  # the displacement is missed
    start, end = _span_of(analysis, "Families left the valley by the hundreds")
    added = event_from_text(workspace, analysis, start - 2, end + 1)  # the blanks around the words are left out
    assert added in analysis.events and added.quote == "Families left the valley by the hundreds"
    assert added.span == (start, end) and added.status == "reported"
    assert added.when is None and added.participants == [] and added.citations == []
    assert proposal_date_text(added, analysis.document.published) == \
        "on or before 12 Jun 2022 (no date in the selection)"
    landed = accept(workspace, analysis, {added.id: True})
    stored = workspace.get_event(landed.events[0])
    assert stored.title == "Families left the valley by the hundreds"
    assert stored.when.edtf == "../2022-06-12"  # undated: on or before publication, as any undated proposal
    assert "no date in the selected words, so it is on or before the publication day (12 Jun 2022)" in stored.notes
    assert stored.citations[0].quote == "Families left the valley by the hundreds"
    assert workspace.get_document(stored.citations[0].document_uid).title == "Fighting spreads along the river road"


def test_a_drag_that_cuts_words_takes_them_whole_with_their_date_and_actor(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "river_road.txt"))
    start, end = _span_of(analysis, "orthern Shield Brigade shelled the village of Tel Hamra on Satur")
    added = event_from_text(workspace, analysis, start, end)
    assert added.quote == "Northern Shield Brigade shelled the village of Tel Hamra on Saturday"
    assert added.when.edtf == "2022-06-11" and "on Saturday" in added.when_rule
    assert [analysis.actor(p.actor).name for p in added.participants] == ["Northern Shield Brigade"]
    # a date partly selected ("on Saturday" without its "on") still dates the words
    killing = event_from_text(workspace, analysis, *_span_of(analysis, "Saturday, killing four people"))
    assert killing.when.edtf == "2022-06-11"
    # no date of their own, inside words the assistant dated: that date, and why
    village = event_from_text(workspace, analysis, *_span_of(analysis, "killing four people"))
    assert village.when.edtf == "2022-06-11" and village.when_rule.startswith("the date of the proposal whose words")
    # told in the committee's statement, as the assistant's own proposal of that clause is
    assert (added.status, added.claimed_by) == ("claimed", "Karam Civic Committee")
    assert [analysis.citation(c).speaker for c in added.citations] == ["Karam Civic Committee"]
    # a long selection is cut to a title the analyst can edit; the quote keeps every word
    longer = event_from_text(workspace, analysis, *_span_of(analysis, "Brigade shelled the village of Tel Hamra on "
                                                                      "Saturday, killing four people, the Karam Civic Committee sa"))
    assert longer.title.endswith(" …") and len(longer.title) <= 92 and longer.quote.endswith("Committee said")


def test_words_of_a_denial_stay_a_denial_through_the_source_that_carried_it(workspace) -> None:
    analysis = analyse_text(workspace, MARKET)
    added = event_from_text(workspace, analysis, *_span_of(analysis, "its troops had burned the market in Kafr Nabl"))
    assert added.status == "denied" and added in analysis.expectations and added not in analysis.events
    assert added.source == "Reuters" and added.citations


@pytest.mark.parametrize("selection", ["Residents said soldiers looted shops in the old quarter on Tuesday before the fire",
                                       "Families left the valley by the hundreds"])
def test_the_same_words_are_not_proposed_twice(workspace, fixtures: Path, selection: str) -> None:
    analysis = analyse(workspace, read_article(fixtures / "river_road.txt")) if "Families" in selection \
        else analyse_text(workspace, MARKET)
    span = _span_of(analysis, selection)
    if "Families" in selection:
        event_from_text(workspace, analysis, *span)
    count = len(analysis.all_events)
    with pytest.raises(BrieferError, match="already proposed as"):
        event_from_text(workspace, analysis, *span)
    assert len(analysis.all_events) == count


def test_after_a_merge_a_new_proposal_takes_an_unused_id(workspace, fixtures: Path) -> None:
    analysis = analyse(workspace, read_article(fixtures / "dam_talks.txt"))
    merge_events(analysis, [analysis.events[0].id, analysis.events[1].id])
    added = event_from_text(workspace, analysis, *_span_of(analysis, "Negotiations collapsed"))
    ids = [e.id for e in analysis.all_events]
    assert len(set(ids)) == len(ids) and added.id in ids


def test_a_selection_that_tells_a_stored_event_again_is_offered_as_its_citation(workspace, fixtures: Path) -> None:
    first = analyse(workspace, read_article(fixtures / "river_road.txt"))
    accept(workspace, first, {next(e for e in first.events if "shelled" in e.quote).id: True})
    # months later, a report retells it on its own day: compared as of that day, not of publication
    later = analyse_text(workspace, "Headline: Looking back\nDate: 1 September 2022\nOutlet: Town Crier\n\n"
                                    "Aid returned to the valley this week. In June the Northern Shield Brigade "
                                    "shelled the village of Tel Hamra on 11 June, killing four people.\n")
    added = event_from_text(workspace, later, *_span_of(later, "the Northern Shield Brigade shelled the village of "
                                                               "Tel Hamra on 11 June"))
    assert added.when.edtf == "2022-06-11"
    assert added.match is not None and added.corroborate


@pytest.mark.parametrize("start, end, message", [(0, 0, "select the words"), (5, 5, "select the words"),
                                                 (0, 9000, "at most 5,000")])
def test_an_empty_or_huge_selection_is_refused_and_adds_nothing(workspace, start, end, message) -> None:
    analysis = analyse_text(workspace, "Headline: H\nDate: 2 June 2022\nOutlet: Town Crier\n\n   \n" + "Word " * 2000)
    before = list(analysis.all_events)
    with pytest.raises(BrieferError, match=message):
        event_from_text(workspace, analysis, start, end)
    assert analysis.all_events == before
