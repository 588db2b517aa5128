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


def test_the_desk_introducing_its_reporter_and_the_presenter_are_no_actors(workspace) -> None:
    text = ("Headline: Valley clashes\nOutlet: Desk Radio\n\n"
            "Reporting from the studio, I'm Odile Verhaegen. Fighting spread across the Korbessa valley. "
            "Tomas Brandvik, who covered the first war there, has this look at the front. "
            "Rebels of the Korbessa Liberation Front shelled the town on Monday, its commander Dawit Horanso "
            "said. Ilse Marchetti adapted it for the evening edition. Ruben Okafor was the editor.\n"
            "(signed) KLM/RTP/ZX 09-Mar-2021 10:15 AM EDT")
    analysis = analyse_text(workspace, text, published=date(2021, 3, 9))
    names = {a.name for a in analysis.actors}
    assert "Dawit Horanso" in names and "Korbessa Liberation Front" in names, names  # the story's parties stay
    assert not names & {"Odile Verhaegen", "Tomas Brandvik", "Ilse Marchetti", "Ruben Okafor", "KLM", "RTP",
                        "EDT"}, names


def test_a_witness_giving_her_name_in_a_quotation_is_still_someone(workspace) -> None:
    text = ("Headline: Valley clashes\nOutlet: Desk Radio\n\n"
            "\"I'm Amina Dorsal, and I saw the shells fall on the market,\" a teacher told the radio on Monday.")
    names = {a.name for a in analyse_text(workspace, text, published=date(2021, 3, 9)).actors}
    assert "Amina Dorsal" in names, names


def test_a_party_who_has_more_or_was_an_editor_is_still_someone(workspace) -> None:
    # the desk's words are "X has more." and "X was the editor." closing a piece, not any sentence of that shape
    text = ("Headline: Valley clashes\nOutlet: Desk Radio\n\n"
            "Rebel commander Dawit Horanso has more than 300 fighters in the hills, villagers say. Soldiers "
            "arrested Selam Tesfaye in Korbessa on Monday. Selam Tesfaye was the editor of a banned weekly.")
    names = {a.name for a in analyse_text(workspace, text, published=date(2021, 3, 9)).actors}
    assert {"Dawit Horanso", "Selam Tesfaye"} <= names, names


def test_a_newscast_reporter_signing_off_is_no_actor(workspace) -> None:
    text = ("Headline: Valley clashes\nOutlet: VOA News\n\n"
            "Rebels of the Korbessa Liberation Front shelled the town on Monday, their commander Dawit Horanso "
            "said. Karin Oduya, VOA News, Nairobi. In other news, the Kenyan parliament voted on the budget.")
    names = {a.name for a in analyse_text(workspace, text, published=date(2021, 3, 9)).actors}
    assert "Dawit Horanso" in names, names
    assert not any("Oduya" in n for n in names), names


def test_a_reporters_beat_is_not_blanked_with_her_name(workspace) -> None:
    # "VOA's White House bureau chief X reports": the desk's reporter is X; the White House is still a body
    # the story can name, in a title or as a party
    text = ("Headline: Envoy in Kabul\nOutlet: VOA News\n\n"
            "VOA's White House bureau chief Nadia Forsberg reports. At the White House on Sunday, the two "
            "governments signed a ceasefire agreement.")
    analysis = analyse_text(workspace, text, published=date(2021, 3, 9))
    assert not any("Forsberg" in a.name for a in analysis.actors), [a.name for a in analysis.actors]
    assert any("White House" in e.title for e in analysis.events), [e.title for e in analysis.events]
