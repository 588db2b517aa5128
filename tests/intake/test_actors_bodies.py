"""Bodies named without a proper name of their own, and names that are no bodies: a state
with "Republic" in its name, a government named for its seat or its ruler, a state's body
with words that say which one, a script file's header lines (reports in the project's own
words)."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text


def actors(workspace, body: str, head: str = "Valley report\n\n") -> dict[str, str]:
    found = analyse_text(workspace, head + body, published=date(2003, 6, 6)).actors
    return {a.name: a.kind.value if hasattr(a.kind, "value") else a.kind for a in found}


def test_a_state_with_republic_in_its_name_is_no_organisation(workspace) -> None:
    found = actors(workspace, "Rebels in the Central African Republic say the army shelled their camp on "
                              "Monday. The Democratic Republic of Congo closed its border the same day.")
    assert found.get("Central African Republic") in (None, "state"), found
    assert found.get("Democratic Republic of Congo") in (None, "state"), found


def test_bodies_named_for_their_seat_their_ruler_or_which_one_they_are(workspace) -> None:
    found = actors(workspace, "The U.N.-backed Tripoli government said on Monday its fighters held the old "
                              "airport. The Obama administration called for a truce. Somalia's Kenyan-backed "
                              "interim government said it would send more police. British peacekeeping troops "
                              "in the valley said they had found two bodies.")
    for name in ("Tripoli government", "Obama administration", "Somalia's Kenyan-backed interim government",
                 "British peacekeeping troops"):
        assert found.get(name) == "organisation", (name, found)
    assert "Tripoli" not in found and "Obama" not in found, found


def test_a_script_files_own_header_lines_name_no_one(workspace) -> None:
    script = ("SLUG: 2-300001 Korba Fighting (L)\nDATE:\nNOTE NUMBER:\n\nDATE=6/6/2003\n\n"
              "TYPE=CORRESPONDENT REPORT\n\nTITLE=KORBA / FIGHTING (L)\n\nBYLINE=ANNA WEST\n\nCONTENT=\n\n"
              "INTRO: Fighting has broken out near Korba.\n\n"
              "TEXT: Karvani rebels attacked the town on Wednesday, the Korban army said.\n")
    found = actors(workspace, script, head="Korba fighting\n\n")
    assert not {"SLUG", "DATE", "NOTE", "NOTE NUMBER"} & set(found), found
    assert "Karvani rebels" in found, found


def test_a_region_of_a_continent_and_a_capital_that_only_is_are_places(workspace) -> None:
    found = actors(workspace, "Omar Barre, the West Africa spokesman for the World Food Program, said the roads "
                              "were cut. Sanaa has been under rebel control since 2014, and Moscow said it would "
                              "send aid.")
    assert "West Africa" not in found and "Sanaa" not in found, found
    assert found.get("Moscow") == "state", found


def test_a_relative_with_the_same_surname_is_a_person_of_their_own(workspace) -> None:
    found = actors(workspace, "Former president Omar Haddad Kassim met the envoy on Sunday. Fighters loyal to "
                              "Kassim later clashed with the guards when Kassim accused them of attacking his "
                              "nephew, the commander of the palace guard, Yasin Kassim.")
    assert found.get("Omar Haddad Kassim") == "person" and found.get("Yasin Kassim") == "person", found
    assert "Kassim" not in found, found


def test_the_agent_of_a_passive_is_a_state_acting_and_a_title_in_a_name_says_a_person(workspace) -> None:
    found = actors(workspace, "The rebels forced the president to flee and ask for an intervention led by "
                              "Egypt. The town is surrounded by Chad on three sides. Arab League "
                              "Secretary-General Karim Haddad urged an end to the fighting.")
    assert found.get("Egypt") == "state", found
    assert "Chad" not in found, found
    assert found.get("Karim Haddad") == "person", found


def test_a_name_an_outlet_noun_introduces_is_an_outlet_not_an_actor(workspace) -> None:
    found = actors(workspace, "Police chief Omar Jama told the state news agency KORNA that the road was open, "
                              "and the Kenyan daily Taifa Leo said the bridge was closed.")
    assert "KORNA" not in found and "Taifa Leo" not in found, found
    assert found.get("Omar Jama") == "person", found


def test_a_capitals_dateline_and_a_hedge_name_no_actor(workspace) -> None:
    found = actors(workspace, "GAROWE, KORVIA — Suspected Islamist militants attacked an army base late on "
                              "Tuesday, officials said. Governor Abdi Salan told VOA's Korvian Service that the "
                              "attackers came in pickup trucks.")
    assert "KORVIA" not in found and "GAROWE" not in found, found
    assert found.get("Islamist militants") == "armed_group" and "Suspected Islamist" not in found, found
    assert not any("Korvian Service" in name for name in found), found  # an outlet's service, no actor
    cited = analyse_text(workspace, "Valley report\n\nGovernor Abdi Salan told VOA's Korvian Service that the "
                         "attackers came in pickup trucks.", published=date(2003, 6, 6)).citations
    assert cited and "Korvian Service" in cited[0].channel, [(c.speaker, c.channel) for c in cited]


def test_the_rebel_before_a_name_says_an_armed_group(workspace) -> None:
    found = actors(workspace, "The rebel Movement for Justice and Equality said its fighters repulsed an attack.")
    assert found.get("Movement for Justice and Equality") == "armed_group", found


def test_a_state_that_acts_and_its_forces_are_one_actor_each_speaking_under_its_own_name(workspace) -> None:
    result = analyse_text(workspace, "Valley report\n\nFrance said on Monday it would send more planes to the "
                                     "valley. French forces shelled the hills near Korba on Sunday, and the French "
                                     "military said two of its soldiers were wounded.", published=date(2003, 6, 6))
    names = [a.name for a in result.actors]
    assert len({"France", "French forces", "French military"} & set(names)) == 1, names
    speakers = {c.speaker for c in result.citations}
    assert {"France", "French forces"} <= speakers, speakers  # (its forces as the report first names them)


def test_police_told_on_their_own_are_the_one_states_police(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nPolice fired tear gas at hundreds of protesters in Lilongwe "
                            "on Monday, and security forces later arrested 40 of them, witnesses said. Malawi has "
                            "seen weeks of protests over fuel prices, and Malawi's opposition has called more "
                            "rallies.", published=date(2003, 6, 6))
    police = [a for a in analysis.actors if "police" in a.name.lower() or "security" in a.name.lower()]
    # one party: the state's police, among its security forces, named as the report first names them
    assert [a.name for a in police] == ["Malawi police"], [a.name for a in analysis.actors]
    assert "security forces" in police[0].aliases_seen


def test_police_in_a_state_are_that_states_police(workspace) -> None:
    found = actors(workspace, "Forty protesters were arrested after a night of rioting in the capital, police in "
                              "Malawi said on Monday.")
    assert "police in Malawi" in found, found


def test_a_police_station_and_police_officers_name_no_party(workspace) -> None:
    found = actors(workspace, "Gunmen attacked a police station in northern Malawi on Monday, killing two police "
                              "officers, officials said. Malawi has seen a rise in such attacks, and Malawi's "
                              "president has promised more troops.")
    assert not [name for name in found if "police" in name.lower()], found


def test_someone_elses_police_are_not_the_states(workspace) -> None:
    # police a party of its own keeps ("rebel police", "their own police") are not the one state's police
    found = actors(workspace, "Rebel police in the northern hills arrested six traders on Monday. Malawi's army "
                              "said it knew nothing of the arrests.")
    assert not [name for name in found if "police" in name.lower()], found


def test_a_un_body_named_by_what_it_does_is_that_body(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe U.N. human rights office said on Tuesday a mass grave "
                            "was found near Korbessa. United Nations relief agencies have reached three flooded villages. The "
                            "United Nations Refugee Agency says 4,000 people fled.", published=date(2003, 6, 6))
    names = {a.name for a in analysis.actors}
    assert {"U.N. human rights office", "United Nations relief agencies", "United Nations Refugee Agency"} <= names
    assert not {"U.N.", "United Nations"} & names, names
    assert "U.N. human rights office" in {c.speaker for c in analysis.citations}
    assert not analysis.sources  # a refugee agency is no news agency


def test_a_un_thing_or_a_un_body_named_after_is_no_body_of_its_own(workspace) -> None:
    found = actors(workspace, "The fort also houses a U.N. office. The government said it would not accept U.N. "
                              "command of the force. The U.N. cultural agency UNESCO has sent experts to the damaged "
                              "mosque.")
    assert not {"U.N. office", "U.N. command", "U.N. cultural agency"} & set(found), found


def test_the_armed_forces_and_the_interim_government_of_a_one_state_report_are_its_own(workspace) -> None:
    # a report about one state names its bodies by their kind alone: they are that state's parties
    found = actors(workspace, "Fighting spread across Chad on Tuesday, Chadian officials said. The armed forces "
                              "shelled rebel positions near Abeche, and the interim government said the rebels "
                              "had lost the town. Chad closed its eastern border.")
    assert "Chadian military" in found, found
    assert "Chadian government" in found, found
    # named by its state after "of", it is no bare body: nothing is proposed for it by kind alone
    found = actors(workspace, "Liberia's president said on Monday that he had ordered the armed forces of Liberia "
                              "to the north. Liberia says the invaders came from the west.")
    assert "Liberian military" not in found, found


def test_a_bare_force_is_the_reports_own_states_even_when_another_state_acts(workspace) -> None:
    # the report is about Chad (named five times); Sudanese troops act too, but "the police" are Chad's
    body = ("Chadian officials said on Monday that Sudanese troops had crossed into Chad near Adre and that "
            "Chadian soldiers had fought them. In the town, "
            "the police fired on a crowd that had gathered at the market. Chad has asked for talks, and Chad's "
            "president called his cabinet together.")
    found = actors(workspace, body)
    assert "Chadian police" in found, found
    # the police of a sentence that names another state are not said to be Chad's
    found = actors(workspace, body.replace("In the town, the police fired", "In Sudan, the police fired"))
    assert "Chadian police" not in found, found


def test_a_states_army_named_with_its_possessive_is_the_army_the_report_calls_the_military(workspace) -> None:
    found = actors(workspace, "Chad's Army said on Monday it had driven the rebels from Abeche. The military "
                              "says the rebels fled east. Chad and Chadian officials said Sudan had armed them; "
                              "Chad's president spoke on Tuesday.")
    assert "Chadian military" not in found, found
    assert "Chad's Army" in found, found


def test_bare_security_forces_are_the_reports_own_troops_already_named(workspace) -> None:
    found = actors(workspace, "Chadian troops and Sudanese troops clashed near Adre on Monday, Chadian officials "
                              "said. Chad says the security forces killed ten raiders. Chad and Chad's president "
                              "called for calm.")
    assert "Chadian troops" in found, found
    assert not any("security" in name for name in found), found
