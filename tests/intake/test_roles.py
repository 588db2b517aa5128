"""Roles in candidate events, on sentences in the project's own words."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUBLISHED = date(2019, 2, 9)


def roles(workspace, sentence: str) -> dict[str, str]:
    analysis = analyse_text(workspace, "Dam report\n\n" + sentence, published=PUBLISHED)
    assert len(analysis.events) == 1, [e.quote for e in analysis.events]
    return {analysis.actor(p.actor).name: p.role.value for p in analysis.events[0].participants}


def test_a_dotted_acronym_leading_others_is_only_mentioned(workspace) -> None:
    found = roles(workspace, "U.S.-led aircraft struck Black Flag Movement positions near the dam on Monday.")
    assert found == {"U.S.": "mentioned", "Black Flag Movement": "target"}


def test_fighting_between_two_sides(workspace) -> None:
    found = roles(workspace, "Fighting between the Valley Guard and the Black Flag Movement killed 11 people on Sunday.")
    assert found == {"Valley Guard": "initiator", "Black Flag Movement": "target"}


def test_a_yardstick_date_is_not_the_events_date(workspace) -> None:
    analysis = analyse_text(workspace, "Dam report\n\nThe valley saw its worst fighting since the battle for the "
                                       "dam last year, the Harbour Police said on Thursday.", published=PUBLISHED)
    assert [e.when.edtf for e in analysis.events] == ["2019-02-07"]
    analysis = analyse_text(workspace, "Dam report\n\nThe Valley Guard has held the dam since 2014.",
                            published=PUBLISHED)
    assert [e.when.edtf for e in analysis.events] == ["2014/.."]
