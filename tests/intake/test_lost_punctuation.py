"""Reports that lost their commas, full stops and apostrophes on the way (scraped datasets
do that): names that run into each other are still told apart.  The fixture is in the
project's own words, modelled on the real reports in ../shared/data/news."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.intake.assistant import analyse
from briefer.intake.proposals import Analysis
from briefer.intake.reading import read_article


@pytest.fixture
def analysis(workspace, fixtures: Path) -> Analysis:
    return analyse(workspace, read_article(fixtures / "lost_punctuation.txt"))


def actor(analysis: Analysis, name: str):
    found = [a for a in analysis.actors if a.name == name]
    assert found, [a.name for a in analysis.actors]
    return found[0]


def test_dotted_titles_stay_with_the_name(analysis: Analysis) -> None:
    hallaq = actor(analysis, "Idris Hallaq")
    assert hallaq.kind == "person" and "Maj" in hallaq.title
    assert not any(a.name in ("Maj", "Gen") for a in analysis.actors)
    assert any(c.speaker == "Idris Hallaq" for c in analysis.citations)


def test_a_surname_glued_to_a_place_is_the_person(analysis: Analysis) -> None:
    farouk = actor(analysis, "Lina Farouk")
    assert "Farouk" in farouk.aliases_seen
    assert not any("Stonebridge" in a.name for a in analysis.actors)


def test_an_acronym_after_a_name_is_not_part_of_it(analysis: Analysis) -> None:
    assert actor(analysis, "Samir Haddad").kind == "person"
    assert not any("Haddad ICRC" in a.name for a in analysis.actors)


def test_a_capital_the_starts_a_new_name(analysis: Analysis) -> None:
    assert not any("Tall" in a.name for a in analysis.actors)
    assert any("Pentagon" in c.speaker for c in analysis.citations)


def test_a_known_name_glued_to_a_place_is_split_off(analysis: Analysis) -> None:
    assert actor(analysis, "Valley Relief Committee")
    assert not any(a.name.startswith("Harran") for a in analysis.actors)
    assert {c.speaker for c in analysis.citations if "Three attacks" in c.quote} == {"Valley Relief Committee"}


def test_a_possessive_without_its_apostrophe_is_the_name(analysis: Analysis) -> None:
    assert not any(a.name.endswith("Eastlands") for a in analysis.actors)
    text = analysis.document.text
    for a in analysis.actors:
        for start, end in a.spans:
            assert text[start:end].strip()


def test_a_plural_ending_a_name_is_not_taken_for_a_lost_apostrophe(workspace) -> None:
    from datetime import date

    from briefer.intake.assistant import analyse_text

    text = ("Dam report\n\nThe Eastland Air Force struck the ridge on Monday. "
            "Valley Democratic Forces fighters said the Valley Democratic Forces held the dam.")
    names = {a.name for a in analyse_text(workspace, text, published=date(2019, 2, 9)).actors}
    assert "Valley Democratic Forces" in names and "Valley Democratic Force" not in names


def test_glued_country_names_and_names_with_particles_are_places_not_actors(workspace) -> None:
    from datetime import date

    from briefer.intake.assistant import analyse_text

    text = ("Strikes in the valley\n\n"
            "Fighters from the former Soviet Union Tunisia and Egypt were killed near Deir ez-Zor on Saturday "
            "the ministry said. The Pentagon said one of the best known faces of Daesh was killed in Raqqa "
            "on Friday.")
    result = analyse_text(workspace, text, published=date(2017, 10, 8))
    names = {a.name for a in result.actors}
    assert not {n for n in names if "Soviet Union" in n or "Tunisia" in n}, names
    places = {e.place for e in result.events}
    assert "Deir ez-Zor" in " ".join(places) and "Deir" not in places and "Daesh" not in places, places


def test_a_full_stop_that_lost_its_space_still_ends_the_sentence() -> None:
    from briefer.intake.text import split_sentences

    found = [s.text for s in split_sentences("Fighters entered the capital.The video was posted on Monday. "
                                             "U.S. troops left; see reuters.com for more.")]
    assert found == ["Fighters entered the capital.", "The video was posted on Monday.",
                     "U.S. troops left; see reuters.com for more."]
