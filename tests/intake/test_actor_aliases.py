"""One actor under two forms (reports in the project's own words): an acronym given with
", or", a body's force named by its acronym."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text


def actor_names(workspace, body: str) -> list[str]:
    found = analyse_text(workspace, "Valley report\n\n" + body, published=date(2015, 3, 5)).actors
    return [a.name for a in found]


def test_an_acronym_given_with_or_is_the_same_body(workspace) -> None:
    names = actor_names(workspace, "The Eastern League Mission to Kenya, or ELMIK, said in a statement that its "
                                   "base was shelled on Monday. ELMIK said two of its guards were wounded.")
    assert "Eastern League Mission to Kenya" in names and "ELMIK" not in names, names  # (the state it is sent to)


def test_a_bodys_force_named_by_its_acronym_is_that_body(workspace) -> None:
    names = actor_names(workspace, "A car bomb hit troops of the Eastern League force ELFOK near Korba on "
                                   "Monday. The Eastern League said the blast wounded three of its soldiers.")
    assert len([n for n in names if n in ("ELFOK", "Eastern League")]) == 1, names


def actor_kinds(workspace, body: str) -> dict[str, str]:
    found = analyse_text(workspace, "Valley report\n\n" + body, published=date(2015, 3, 5)).actors
    return {a.name: a.kind.value if hasattr(a.kind, "value") else a.kind for a in found}


def test_militants_described_by_their_creed_are_the_one_armed_group_the_report_names(workspace) -> None:
    found = actor_kinds(workspace, "Islamist militants attacked a police post near Korba on Monday. The "
                                   "Korba Valley Brigades said their fighters held the post. Later the "
                                   "Islamist fighters withdrew to the hills.")
    assert "Korba Valley Brigades" in found, found
    assert not {"Islamist militants", "Islamist fighters"} & set(found), found


def test_a_group_introduced_by_its_kind_without_an_article_is_an_armed_group_and_its_description(workspace) -> None:
    found = actor_kinds(workspace, "Kurdish rebels said on Monday they had taken the town of Korbessa. A "
                                   "spokesman for Kurdish rebel group KLF said its fighters held the town. "
                                   "Separately, Islamist group Dar Wafa said it had shelled the airport.")
    assert found.get("KLF") == "armed_group" and found.get("Dar Wafa") == "armed_group", found
    assert "Kurdish rebels" not in found, found


def test_facilities_numbered_units_districts_clock_zones_and_nationalities_are_no_actors(workspace) -> None:
    found = actor_kinds(workspace, "Karvani rebels shelled Korbessa International Airport on Monday at 0330 UTC, "
                                   "the Korban army said. Soldiers of the army's 12th Brigade held the runway. "
                                   "The rebels signed a truce with the army in Varda Division in May. Ms. Anna "
                                   "Lindqvist, a Kosovar Albanian, says the truce failed.")
    assert not {"Korbessa International Airport", "UTC", "Brigade", "Varda Division", "Kosovar Albanian"} \
        & set(found), found
    assert "Karvani rebels" in found, found


def test_a_coalition_led_by_a_state_is_the_same_under_both_forms(workspace) -> None:
    names = actor_names(workspace, "A Kenyan-led coalition struck rebel positions near Korba on Monday. The Kenyan "
                                   "coalition said the strikes hit two arms depots.")
    assert len([n for n in names if n in ("Kenyan-led coalition", "Kenyan coalition")]) == 1, names


def test_a_body_named_only_as_the_owner_of_an_office_or_an_agency_is_no_actor(workspace) -> None:
    names = actor_names(workspace, "Karvani rebels shelled a U.N. office in Korbessa on Monday. The U.N. cultural "
                                   "agency said the old mosque was damaged, and the U.N. envoy called for a truce.")
    assert "Karvani rebels" in names and not {"U.N.", "United Nations"} & set(names), names


def test_a_states_parliament_and_its_assembly_are_one_legislature(workspace) -> None:
    names = actor_names(workspace, "The Kenyan parliament voted on Monday to extend the truce in the valley. The "
                                   "Kenyan assembly also called on the rebels to leave Korbessa.")
    assert len([n for n in names if n in ("Kenyan parliament", "Kenyan assembly")]) == 1, names


def test_a_body_named_only_as_whose_school_or_post_it_is_is_no_actor(workspace) -> None:
    names = actor_names(workspace, "Karvani rebels shelled a U.N.-run school in Korbessa on Monday, and the U.N.'s "
                                   "under secretary-general for aid called for a truce. The army said it would act "
                                   "without U.N. backing.")
    assert "Karvani rebels" in names and not {"U.N.", "United Nations"} & set(names), names
    # a body that backs someone is a party
    names = actor_names(workspace, "The Kenyan-led coalition backing the valley's government struck rebel "
                                   "positions near Korba on Monday.")
    assert any("coalition" in n for n in names), names


def test_a_civil_body_named_only_by_its_officials_or_targets_is_no_actor(workspace) -> None:
    names = actor_names(workspace, "Karvani rebels shelled Korbessa on Monday, U.N. officials said. Attacks on "
                                   "Kenyan government targets in the north have grown, and Kenyan army officials said two "
                                   "soldiers were killed.")
    assert "Karvani rebels" in names and not {"U.N.", "United Nations", "Kenyan government"} & set(names), names
    # a force's officials speak for the force
    assert "Kenyan army" in names, names


def test_a_body_that_holds_or_targets_something_is_still_a_party(workspace) -> None:
    # "held", "run" and "targets" as verbs say what a body does, not whose a thing is
    names = actor_names(workspace, "The Valley Council held an emergency meeting on Monday. The Korbessa Front "
                                   "targets army posts near the border.")
    assert {"Valley Council", "Korbessa Front"} <= set(names), names


def test_one_armed_group_in_the_press_spellings_and_with_its_nationality(workspace) -> None:
    names = actor_names(workspace, "The Taleban movement attacked a checkpoint in Korbessa on Monday. A former Afghan "
                                   "Taliban commander said the Taliban would not stop. Al-Shabaab and Shabab "
                                   "fighters were also seen, Somali officials said.")
    assert len([n for n in names if "Tal" in n]) == 1, names
    assert len([n for n in names if "Shaba" in n]) == 1, names


def test_a_group_told_by_an_islamic_creed_word_is_the_one_armed_group_named(workspace) -> None:
    # "Islamic" is a creed here, not a people: the description is the group the report names
    names = actor_names(workspace, "The Korbessa Brigade took the town of Dara on Monday. The fundamentalist "
                                   "Islamic militia now holds most of the valley, residents said.")
    assert "Korbessa Brigade" in names and "Islamic militia" not in names, names


def test_al_qaida_in_the_press_spellings_is_one_actor(workspace) -> None:
    names = actor_names(workspace, "Al-Qaeda fighters attacked a convoy near Korbessa on Monday. The army said al-Qaida "
                                   "had lost 20 men there, and a spokesman for al Qaeda denied it.")
    assert len([n for n in names if "Qa" in n]) == 1, names
