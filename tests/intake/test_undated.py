"""A clause the report gives no date for: no date is made up from publication.  The
proposal has none and says so; accepting it lands it as "on or before the publication
day" and the event's note says why; with no publication date it does not land until the
analyst gives it one.  Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text
from briefer.intake.landing import accept, accept_all_choices
from briefer.intake.proposals import proposal_date_text

REPORT = ("The Northern Shield Brigade attacked a customs post near Tal Hamra. On Sunday the Eastland police "
          "arrested four smugglers at the ferry landing in Tal Hamra.")


def _analyse(ws, published=date(2019, 3, 5)):
    return analyse_text(ws, "Headline: Customs post attacked\nOutlet: Desk Wire\n\n" + REPORT, published=published)


def _event(analysis, words: str):
    return next(e for e in analysis.all_events if words in e.quote)


def test_an_undated_clause_gets_no_date_and_a_rule_naming_the_publication_day(workspace) -> None:
    a = _analyse(workspace)
    attacked, arrested = _event(a, "attacked a customs post"), _event(a, "arrested four smugglers")
    assert attacked.when is None
    assert attacked.when_rule == "the report gives no date; published 5 Mar 2019"
    assert proposal_date_text(attacked, a.document.published) == "on or before 5 Mar 2019 (no date in the report)"
    assert arrested.when.edtf == "2019-03-03"  # a date of its own: kept
    out = {e["quote"][:30]: e for e in a.to_json()["events"]}
    assert out["The Northern Shield Brigade at"]["when"] is None
    assert out["The Northern Shield Brigade at"]["lands_as"] == "../2019-03-05"


def test_accepting_lands_it_on_or_before_the_publication_day_and_says_so(workspace) -> None:
    a = _analyse(workspace)
    attacked, arrested = _event(a, "attacked a customs post"), _event(a, "arrested four smugglers")
    landed = accept(workspace, a, accept_all_choices(a))
    assert not landed.skipped
    events = {e.uid: e for e in workspace.search_events()}
    undated = events[landed.undated[0]]
    assert len(landed.undated) == 1 and undated.title == attacked.title
    assert undated.when.edtf == "../2019-03-05"
    assert "the report gives no date" in undated.notes and "on or before the publication day (5 Mar 2019)" in undated.notes
    dated = next(e for e in events.values() if e.title == arrested.title)
    assert dated.when.edtf == "2019-03-03" and "the report gives no date" not in dated.notes
    assert landed.notes == ["1 event with no date in the report landed as on or before the publication day "
                            "(5 Mar 2019); its note says so"]


def test_without_a_publication_date_it_is_skipped_with_its_reason(workspace) -> None:
    a = _analyse(workspace, published=None)
    attacked = _event(a, "attacked a customs post")
    assert attacked.when is None and "no publication date" in attacked.when_rule
    landed = accept(workspace, a, {attacked.id: True})
    assert landed.events == [] and not landed.undated
    assert landed.skipped == [f"'{attacked.title}': no date in the report and no publication date; "
                              "give it one to accept it"]


def test_a_date_the_analyst_gives_is_the_one_that_lands(workspace) -> None:
    from briefer.core.when import When

    a = _analyse(workspace)
    attacked = _event(a, "attacked a customs post")
    attacked.when, attacked.when_rule = When.parse_friendly("2 Mar 2019"), "set by the analyst"
    landed = accept(workspace, a, {attacked.id: True})
    assert not landed.undated and not landed.notes
    assert workspace.get_event(landed.events[0]).when.edtf == "2019-03-02"
