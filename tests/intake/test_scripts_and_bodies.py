"""Broadcast scripts, text in capitals, and forces named by their nation, on reports in
the project's own words."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

SCRIPT = """DATE=3/14/97
TYPE=CORRESPONDENT REPORT
TITLE=VALLEY FIGHTING (L ONLY)
NUMBER=2-111111
BYLINE=MARTA QUILLON
DATELINE=NAIROBI
CONTENT=
VOICED AT:
INTRO: REBELS OF THE VALLEY LIBERATION FRONT SAY THEY HAVE TAKEN THE TOWN OF KORBESSA AFTER TWO DAYS OF FIGHTING.
MARTA QUILLON REPORTS FROM NAIROBI.
TEXT: A SPOKESMAN FOR THE VALLEY LIBERATION FRONT, DAWIT HORANSO, SAYS HIS FIGHTERS ENTERED KORBESSA ON THURSDAY.
/// HORANSO ACT ///
MR. HORANSO SAYS GOVERNMENT TROOPS FLED TOWARD THE BORDER. THERE WAS NO INDEPENDENT CONFIRMATION.
(SIGNED)
NEB/MQ/RAE 14-MAR-97 10:32 AM EST
"""


def test_a_script_in_capitals_is_read_as_a_story(workspace) -> None:
    analysis = analyse_text(workspace, SCRIPT)
    names = {a.name for a in analysis.actors}
    # the desk's fields, labels and sign-off are no actors; the words of the story are no names
    assert not names & {"DATE", "TYPE", "INTRO", "TEXT", "NEB", "RAE", "ARE", "SAY", "THEY", "EST"}, names
    assert "Valley Liberation Front" in names and "Dawit Horanso" in names
    # the reporter is neither an actor nor a speaker
    assert not any("Quillon" in n for n in names)
    assert not any("Quillon" in c.speaker for c in analysis.citations)
    assert analysis.document.published.edtf == "1997-03-14"  # from the script's DATE= field
    assert analysis.document.author == "Marta Quillon"
    # the speaker is found, and his words are quoted as the report sets them, in capitals
    horanso = [c for c in analysis.citations if c.speaker == "Dawit Horanso"]
    assert horanso and horanso[0].quote.isupper()
    # the text stored is the report's own
    assert analysis.document.text == SCRIPT.strip()


def test_a_nations_forces_are_one_actor_named_for_them(workspace) -> None:
    text = ("Border report\n\nThe Chadian army said on Monday that its troops had retaken the town of Ouadi Kor. "
            "Chadian soldiers also arrested two smugglers near the town, and Chadian police closed the road.")
    analysis = analyse_text(workspace, text, published=date(2014, 5, 6))
    by_name = {a.name: a for a in analysis.actors}
    assert "Chadian" not in by_name  # a nationality is no actor by itself
    assert "Chadian army" in by_name and "Chadian soldiers" in by_name["Chadian army"].aliases_seen
    assert "Chadian police" in by_name  # its police are another body
    assert by_name["Chadian army"].kind == "organisation"


def test_a_forces_own_name_takes_in_its_troops(workspace) -> None:
    text = ("Border report\n\nThe Chadian Armed Forces said they repelled an attack on Monday. "
            "Chadian troops later entered the village of Ouadi Kor.")
    analysis = analyse_text(workspace, text, published=date(2014, 5, 6))
    forces = [a for a in analysis.actors if "Chadian" in a.name]
    assert len(forces) == 1 and forces[0].name == "Chadian Armed Forces"
    assert "Chadian troops" in forces[0].aliases_seen


def test_government_forces_of_the_one_state_named(workspace) -> None:
    text = ("Valley report\n\nGovernment forces shelled Korbessa on Monday. "
            "Ruritanian troops then entered the town, and Zorbian troops stayed at the border.")
    analysis = analyse_text(workspace, text, published=date(2014, 5, 6))
    # two nations (unknown ones: no body) - "government forces" stays an actor of its own
    assert any(a.name.lower() == "government forces" for a in analysis.actors)
    text = "Valley report\n\nGovernment forces shelled Korbessa on Monday. Kenyan troops then entered the town."
    analysis = analyse_text(workspace, text, published=date(2014, 5, 6))
    kenyan = [a for a in analysis.actors if a.name in ("Government forces", "Kenyan troops")]
    assert len(kenyan) == 1 and {"Government forces", "Kenyan troops"} <= set(kenyan[0].aliases_seen)


def test_an_outlets_language_service_is_a_channel_not_an_actor(workspace) -> None:
    text = ("Valley report\n\nA local official told VOA Hausa Service that gunmen attacked the village of Dakor "
            "on Sunday.")
    analysis = analyse_text(workspace, text, published=date(2014, 5, 6))
    assert not any("VOA" in a.name for a in analysis.actors)


def test_a_body_that_only_describes_a_person_is_no_actor(workspace) -> None:
    text = ("Valley report\n\nA car bomb killed a Valley Health Department employee in Korbessa on Monday. "
            "The Valley Health Department said the clinic would stay open.")
    analysis = analyse_text(workspace, text, published=date(2014, 5, 6))
    found = [a for a in analysis.actors if a.name == "Valley Health Department"]
    assert len(found) == 1 and len(found[0].spans) == 1, found  # the department that speaks, not the employee's


def test_a_surname_the_model_stops_short_of_stays_in_the_name(workspace) -> None:
    text = ("Valley report\n\nThe rebels say 60 soldiers were killed, but Deputy Korbessa Governor Abdirahman Farah "
            "Gulled told reporters that at least 40 soldiers were killed. The caretaker chairman of the Dara "
            "Council, Alhaji Bukar Tijani, confirmed the attack.")
    names = {a.name for a in analyse_text(workspace, text, published=date(2016, 1, 15)).actors}
    assert {"Abdirahman Farah Gulled", "Alhaji Bukar Tijani"} <= names, names


def test_one_peoples_fighters_told_two_ways_are_one_armed_group(workspace) -> None:
    text = ("Valley report\n\nKurdish rebels captured the bridge on Monday. Kurdish fighters then held it "
            "against two counterattacks, residents said.")
    groups = [a for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors if "Kurdish" in a.name]
    assert len(groups) == 1 and {"Kurdish rebels", "Kurdish fighters"} <= set(groups[0].aliases_seen), groups


def test_a_name_after_a_title_in_capitals_keeps_its_dictionary_words(workspace) -> None:
    script = ("DATE=3/14/97\nTYPE=CORRESPONDENT REPORT\nTITLE=VALLEY TRUCE\nNUMBER=2-111112\nCONTENT=\n"
              "TEXT: A STATEMENT ISSUED BY VALLEY COMMANDER FRANK ODUYA AND ARMY COMMANDER DAWIT STONE, SAID THE "
              "REBELS HAD LEFT KORBESSA. ARMY SPOKESMAN MARK HORANSO SAYS THE TRUCE IS HOLDING.\n")
    found = {a.name for a in analyse_text(workspace, "Valley truce\n\n" + script, published=date(1997, 3, 14)).actors}
    assert {"Frank Oduya", "Dawit Stone", "Mark Horanso"} <= found, found


def test_government_troops_of_the_one_state_whose_bodies_are_named(workspace) -> None:
    text = ("Valley report\n\nThe Malian government said on Monday that government troops had retaken the town "
            "of Korbessa. Government soldiers later searched the market, the government added.")
    actors = [a for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors]
    # no forces of Mali are named: its "government troops" are the Malian government's, one party
    mali = [a for a in actors if "government" in a.name.lower()]
    assert len(mali) == 1, actors
    assert mali[0].name == "Malian government"
    assert {"government troops", "Government soldiers"} <= set(mali[0].aliases_seen), mali[0].aliases_seen
    # with the bodies of two states named, whose troops they are stays open
    text = ("Valley report\n\nThe Malian government said on Monday that government troops had retaken the town "
            "of Korbessa, while Nigerien police closed the border.")
    names = {a.name.lower() for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors}
    assert "government troops" in names, names


def test_coalition_forces_are_one_party_the_coalition_named(workspace) -> None:
    text = ("Valley report\n\nCoalition forces raided a village near Korbessa on Monday. Two coalition soldiers were "
            "wounded, the Kenyan army said.")
    found = [a for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors if "oalition" in a.name]
    assert len(found) == 1 and found[0].name == "Coalition forces", found
    assert "coalition soldiers" in found[0].aliases_seen, found[0].aliases_seen
    # the coalition the report names by its leader takes them in
    text = ("Valley report\n\nThe Kenyan-led coalition struck rebel positions on Monday. Coalition troops then "
            "entered Korbessa.")
    found = [a for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors if "oalition" in a.name]
    assert len(found) == 1 and "Coalition troops" in found[0].aliases_seen, found


def test_a_states_ministry_in_lower_case_is_a_body(workspace) -> None:
    text = ("Valley report\n\nChad's interior ministry said on Monday that 40 people were killed in Korbessa. The "
            "Malian defense ministry said it would send troops.")
    found = {a.name: a for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors}
    assert {"Chad's interior ministry", "Malian defense ministry"} <= set(found), found
    assert not {"Chad", "Mali"} & set(found), found


def test_three_states_troops_told_as_one_are_one_allied_force(workspace) -> None:
    text = ("Valley report\n\nRebels have surrounded several thousand Kenyan, Ugandan and Rwandan troops at the "
            "Korbessa airport, a rebel spokesman said on Monday.")
    names = {a.name for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors}
    assert "Kenyan, Ugandan and Rwandan troops" in names, names
    assert not {"Ugandan troops", "Rwandan troops", "Kenyan troops"} & names, names
    # two states' troops stay each state's own
    text = "Valley report\n\nFrench and Malian troops entered Korbessa on Monday, the army said."
    names = {a.name for a in analyse_text(workspace, text, published=date(2014, 5, 6)).actors}
    assert {"French troops", "Malian troops"} <= names, names
