"""A named person is an actor wherever the report names them: after "the head of" or "went to" as
well as before "said", and with the small words of their name ("al-", "van")."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text


def actors(workspace, body: str) -> dict[str, str]:
    analysis = analyse_text(workspace, "Valley report\n\n" + body, published=date(2015, 3, 5))
    return {a.name: a.kind.value if hasattr(a.kind, "value") else a.kind for a in analysis.actors}


def test_a_person_after_of_or_to_is_no_place(workspace) -> None:
    found = actors(workspace, "Gunmen stopped the convoy near Korbessa on Monday. One of them put his gun to the "
                              "head of Luis Moreno, a 52-year-old engineer with the aid agency, and fired. He "
                              "then went to Helga van Dijk, a Dutch nurse, and shot her too.")
    assert found.get("Luis Moreno") == "person", found
    assert found.get("Helga van Dijk") == "person", found


def test_a_place_after_a_place_noun_stays_a_place(workspace) -> None:
    found = actors(workspace, "Residents of Kafr Nabl said the shelling went on. Aid reached the town of "
                              "Tal Abyad and the village of Deir Hafer on Monday. The convoy went to Kafr Nabl.")
    assert not {"Kafr Nabl", "Tal Abyad", "Deir Hafer"} & set(found), found


def test_a_name_with_al_is_a_persons_name(workspace) -> None:
    found = actors(workspace, "According to a local activist, Mohammed al-Hariri, the army shelled the town on "
                              "Monday. The court also charged his brother Seif al-Din.")
    assert found.get("Mohammed al-Hariri") == "person", found
    assert found.get("Seif al-Din") == "person", found


def test_a_person_of_a_body_is_the_person_and_the_body(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nRefugees are fleeing the fighting. Ruth Okafor of the "
                            "World Food Program says the families she met had not eaten for two days.",
                            published=date(2015, 3, 5))
    found = {a.name: a.kind.value if hasattr(a.kind, "value") else a.kind for a in analysis.actors}
    assert found.get("Ruth Okafor") == "person", found
    assert found.get("World Food Program") == "organisation", found
    assert [c.speaker for c in analysis.citations] == ["Ruth Okafor"]


def test_a_city_written_before_a_person_is_no_part_of_the_name(workspace) -> None:
    analysis = analyse_text(workspace, "Valley report\n\nThe head of the rights group in Nairobi Amina Wekesa "
                            "said the shelling went on all night.", published=date(2015, 3, 5))
    found = {a.name: a.kind.value if hasattr(a.kind, "value") else a.kind for a in analysis.actors}
    assert found.get("Amina Wekesa") == "person", found
    assert [c.speaker for c in analysis.citations] == ["Amina Wekesa"]
