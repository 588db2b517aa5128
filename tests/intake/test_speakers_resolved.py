"""Speakers the report names by their kind ("the Observatory", "the group", "the
statement") are the actor it named before, on reports in the project's own words."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text


def speakers(workspace, body: str) -> list[str]:
    analysis = analyse_text(workspace, "Valley report\n\n" + body, published=date(2015, 3, 5))
    return [c.speaker for c in analysis.citations]


def test_the_observatory_and_the_group_are_the_body_named_before(workspace) -> None:
    found = speakers(workspace, "The Valley Observatory for Human Rights said 12 people were killed in Korbessa "
                                "on Monday. The Observatory said the dead included three children.\n\n"
                                "The Black Flag Movement said its fighters captured the dam on Tuesday. "
                                "The group said it took 40 prisoners.")
    assert found == ["Valley Observatory for Human Rights"] * 2 + ["Black Flag Movement"] * 2, found


def test_the_statement_is_its_issuers(workspace) -> None:
    found = speakers(workspace, "The Black Flag Movement said in a statement that its fighters captured the dam "
                                "on Tuesday. The statement said the fighters took 40 prisoners.")
    assert found == ["Black Flag Movement", "Black Flag Movement"], found


def test_a_surname_spelt_another_way_is_the_person_named(workspace) -> None:
    found = speakers(workspace, "Army spokesman Dawit Horanso said the rebels were driven out of Korbessa. "
                                "Horansso said 40 civilians had returned.")
    assert found == ["Dawit Horanso", "Dawit Horanso"], found


def test_a_coalition_led_by_a_state_is_one_actor(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe U.S.-led coalition said its aircraft struck a "
                                       "house in Korbessa on Saturday.", published=date(2015, 3, 5))
    names = [a.name for a in analysis.actors]
    assert "U.S.-led coalition" in names and "U.S." not in names, names
    assert [c.speaker for c in analysis.citations] == ["U.S.-led coalition"]


def channels(workspace, body: str) -> list[tuple[str, str]]:
    analysis = analyse_text(workspace, "Valley report\n\n" + body, published=date(2015, 3, 5))
    return [(c.speaker, c.channel) for c in analysis.citations]


def test_the_medium_of_a_condemnation_a_speech_or_a_call(workspace) -> None:
    found = channels(workspace, "Secretary-General Anna Korvel condemned the attack in a statement, saying the "
                                "dead were civilians.\n\n"
                                "In a speech to the Valley Assembly on Tuesday, Dawit Horanso urged the rebels to "
                                "lay down their arms.\n\n"
                                "Mayor Lena Ostrova said by phone that the town was quiet.")
    by_speaker = dict(found)
    assert "statement" in by_speaker.get("Anna Korvel", ""), found
    assert "Valley Assembly" in by_speaker.get("Dawit Horanso", ""), found
    assert by_speaker.get("Lena Ostrova") == "phone", found


def test_a_spokesman_for_the_house_speaks_for_it(workspace) -> None:
    found = speakers(workspace, "The Valley House of Representatives refused on Thursday to extend the state of "
                                "emergency. A spokesman for the House told reporters the president could still "
                                "deploy troops.")
    assert found[-1] == "Valley House of Representatives", found


def test_the_named_apposition_of_a_title_speaks(workspace) -> None:
    found = speakers(workspace, "The caretaker chairman of the Dara Council, Alhaji Bukar Tijani, confirmed the "
                                "attack on Wednesday.")
    assert found == ["Alhaji Bukar Tijani"], found


def test_a_states_president_named_after_the_title_speaks(workspace) -> None:
    found = speakers(workspace, "Chad's President Idriss Deby called on the rebel chief to give himself up, "
                                "saying his troops knew where he was hiding.")
    assert found == ["Idriss Deby"], found


def test_the_title_of_a_person_named_before_is_that_person(workspace) -> None:
    found = speakers(workspace, "On Monday, Interior Minister Abdi Warsame Korow said the rebels shelled the "
                                "market. Korba's interior minister said later he could not confirm the toll.")
    assert found == ["Abdi Warsame Korow", "Abdi Warsame Korow"], found


def test_an_agencys_reporter_is_no_word_of_the_agency(workspace) -> None:
    found = speakers(workspace, "A Reuters reporter and two residents said they saw a drone fire on the port "
                                "late on Sunday.")
    assert "Reuters" not in found, found


def test_no_one_speaks_in_did_not_say_or_are_said_to(workspace) -> None:
    found = speakers(workspace, "The Korban government did not say why it waited a week to announce the talks. "
                                "At the camp, two guards are said to have died in the fire.")
    assert found == [], found


def test_the_medium_a_sentence_opens_with_or_another_verb_of_the_speaker_gives(workspace) -> None:
    text = ("In a televised speech, Colonel Yusuf Abiko asked for an end to the blockade of the port. "
            "In a telephone interview with VOA, a fisherman, Omar Dhuule, described what he saw at dawn.\n\n"
            "Dhuule and other fishermen tell VOA that the boats were burned.\n\n"
            "President Ama Korle spoke by phone to the rebel leader on Monday and praised what he said was "
            "his \"courage and restraint.\"")
    cited = analyse_text(workspace, "Valley report\n\n" + text, published=date(2015, 3, 5)).citations
    channels = {}
    for c in cited:
        channels.setdefault(c.speaker, []).append(c.channel)
    assert [ch.removeprefix("a ") for ch in channels.get("Yusuf Abiko", [])] == ["televised speech"], channels
    assert channels.get("Omar Dhuule") == ["telephone interview with VOA", "VOA"], channels
    assert any("phone" in (ch or "") for ch in channels.get("Ama Korle", [])), channels


def test_an_outlet_quoting_a_speaker_or_spoken_to_is_the_channel(workspace) -> None:
    text = ("Reuters quoted a rebel spokesman, Ali Dheere, as saying the fighters had taken the town. "
            "Police chief Omar Jama said, quoted by the state news agency SUNA, that the road was open. "
            "Army spokesman Abdi Farah, speaking to VOA by telephone, said the town was retaken. "
            "Rebel commander Hassan Dahir said in an interview with the BBC that his men held the bridge. "
            "In remarks broadcast on state television, President Yusuf Adan said the army would win.")
    cited = analyse_text(workspace, "Valley report\n\n" + text, published=date(2015, 3, 5)).citations
    said = {c.speaker: c.channel for c in cited}
    assert "Reuters" not in said and "Reuters" in said.get("Ali Dheere", ""), said
    assert "SUNA" in said.get("Omar Jama", ""), said
    assert said.get("Abdi Farah") == "VOA" and "BBC" in said.get("Hassan Dahir", ""), said
    assert said.get("Yusuf Adan") == "state television", said


def test_a_broadcasters_spelt_out_name_is_the_whole_channel(workspace) -> None:
    cited = analyse_text(workspace, "Valley report\n\nRebel spokesman Peter Lado told V-O-A by satellite telephone "
                         "that the fighters overran the garrison.", published=date(1997, 3, 14)).citations
    assert [(c.speaker, c.channel) for c in cited] == [("Peter Lado", "V-O-A")], [(c.speaker, c.channel) for c in cited]


def test_called_on_credits_the_person_named_in_apposition(workspace) -> None:
    found = speakers(workspace, "The mission's head, Lena Holm, called on both sides to respect the truce signed "
                                "in February.")
    assert found == ["Lena Holm"], found


def test_unnamed_speakers_told_together_stay_together(workspace) -> None:
    found = speakers(workspace, "Security officials and witnesses said the fighting erupted early on Tuesday in "
                                "a remote village.")
    assert found == ["Security officials and witnesses"], found


def test_each_named_party_told_with_the_first_speaks_too(workspace) -> None:
    found = speakers(workspace, "Gunmen stormed the hotel on Sunday. Canada and Norway each say two of their "
                                "citizens were killed.")
    assert found == ["Canada", "Norway"], found


def test_welcoming_or_criticising_is_saying(workspace) -> None:
    found = speakers(workspace, "The two sides agreed a truce on Monday. Valley President Ivo Karan welcomed the "
                                "deal. Opposition leader Dawit Horanso criticized the talks as too slow.")
    assert found == ["Ivo Karan", "Dawit Horanso"], found
