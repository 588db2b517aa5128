"""Speakers named by their office or in an apposition, and sentences where no one speaks
(reports in the project's own words)."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text


def speakers(workspace, body: str, outlet: str = "") -> list[str]:
    head = f"Outlet: {outlet}\n\n" if outlet else "Valley report\n\n"
    analysis = analyse_text(workspace, head + body, published=date(2015, 3, 5))
    return [c.speaker for c in analysis.citations]


def test_the_leader_and_the_official_are_the_person_named_before(workspace) -> None:
    found = speakers(workspace, "Kenyan President Ivo Marek offered talks to the rebels on Sunday. The Kenyan "
                                "leader suggested that the army could withdraw from the valley.\n\n"
                                "Interior Minister Lena Varga said the rebels had broken the truce. The official "
                                "also accused the rebels of shelling the dam.")
    assert found == ["Ivo Marek", "Lena Varga", "Lena Varga"], found


def test_the_person_an_apposition_names_speaks_not_the_body_before_the_office(workspace) -> None:
    found = speakers(workspace, "The U.N. representative to Korba, Anna Lindqvist, condemned the attack on the "
                                "market.")
    assert found == ["Anna Lindqvist"], found


def test_no_one_speaks_in_a_passive_report_and_the_outlets_own_correspondent_is_the_report(workspace) -> None:
    found = speakers(workspace, "At least 50 people are reported to have been killed in recent days in attacks "
                                "by the Korban government and its militias. Valley News correspondent Omar "
                                "Dirie, who is in the town of Korbessa, reported most residents are cheered by "
                                "the retreat. The army had put the town on alert after commander Ivo Marek's death was "
                                "confirmed on Friday.",
                     outlet="Valley News")
    assert found == [], found


def test_an_outlet_quoting_someone_saying_is_the_channel_not_the_speaker(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nA bomb exploded in the market of Korbessa on Monday. The "
                                       "Reuters news agency quotes police saying the bomber was 13 years old.",
                            published=date(2015, 3, 5))
    said = [(c.speaker, c.channel) for c in analysis.citations]
    assert said and "Reuters" not in said[0][0] and "Reuters" in said[0][1], said


def test_a_statement_issued_by_someone_is_theirs_and_the_statement_is_the_channel(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nA statement issued by army commander Ivo Marek said the "
                                       "rebels had withdrawn from Korbessa on Sunday.", published=date(2015, 3, 5))
    said = [(c.speaker, c.channel) for c in analysis.citations]
    assert said == [("Ivo Marek", "statement")], said


def test_a_bodys_unnamed_officials_are_no_statement_of_the_body(workspace) -> None:
    found = speakers(workspace, "The Eastern League said on Monday it would send observers to Korbessa. Eastern "
                                "League officials say the truce is holding. Many Eastern League commanders said "
                                "the observers would arrive within a week.")
    assert found[0] == "Eastern League" and "Eastern League" not in found[1:], found


def test_officials_at_named_bodies_are_those_bodies_speaking(workspace) -> None:
    found = speakers(workspace, "The rebels rejected the offer of talks on Monday. In Korba, officials at both the "
                                "Valley Council and the Harbour Authority said the offer still stood.")
    assert "Valley Council" in found and "Harbour Authority" in found, found


def test_two_people_who_both_told_an_outlet_both_speak(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nMilitary spokesman Major-General Ivo Marek and government "
                                       "communications official Lena Varga both told VOA that the report is not true.",
                            published=date(2015, 3, 5))
    said = {(c.speaker.split()[-1], c.channel) for c in analysis.citations}
    assert said == {("Marek", "VOA"), ("Varga", "VOA")}, said
