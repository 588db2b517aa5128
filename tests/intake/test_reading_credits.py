"""A wire report's closing credits name the desk's reporters and editors, not the story's actors."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

REPORT = ("Headline: Convoy reaches the besieged town\nOutlet: Desk Wire\n\n"
          "GENEVA (Desk Wire) - A convoy of 40 lorries reached the besieged town of Kafr Nabl on Tuesday, "
          "the Red Crescent said. Its spokeswoman Layla Haddad said the road was shelled the day before. "
          "(Reporting by Jonas Albrecht in Geneva; additional reporting by Mirela Kovac; editing by "
          "Peter Lindqvist)")


def test_names_in_the_closing_credits_are_not_proposed_as_actors(workspace) -> None:
    analysis = analyse_text(workspace, REPORT, published=date(2021, 3, 9))
    names = {a.name for a in analysis.actors}
    assert "Layla Haddad" in names  # the story's people are still found
    assert not names & {"Jonas Albrecht", "Mirela Kovac", "Peter Lindqvist"}
    assert not any("Albrecht" in c.speaker or "Lindqvist" in c.speaker for c in analysis.citations)
    assert any("credits" in note for note in analysis.document.notes)
