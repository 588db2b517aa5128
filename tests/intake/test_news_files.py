"""The real reports in ../shared/data/news, tried as a user would: some lost their commas
and apostrophes, some are in Arabic.  No crash, and sensible proposals."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.intake.assistant import analyse
from briefer.intake.landing import accept, accept_all_choices
from briefer.intake.reading import read_article


def _files(shared_data: Path, folder: str) -> list[Path]:
    files = sorted((shared_data / "news" / folder).glob("*.txt"))
    assert files
    return files


def test_english_reports_give_dated_sourced_events(demo_workspace, shared_data: Path) -> None:
    for path in _files(shared_data, "en_txt"):
        analysis = analyse(demo_workspace, read_article(path))
        assert analysis.document.published is not None, path.name
        assert analysis.events, path.name
        for event in analysis.events:
            # a date of its own, or none and a rule naming the publication day (it lands on or before it)
            assert event.when is not None or "published" in event.when_rule, path.name
            assert event.title and event.quote, path.name
            assert analysis.document.text[event.span[0]:event.span[1]].strip()
        landed = accept(demo_workspace, analysis, accept_all_choices(analysis))
        assert landed.document_uid is not None, path.name


def test_the_trt_report_without_commas(demo_workspace, shared_data: Path) -> None:
    analysis = analyse(demo_workspace, read_article(shared_data / "news/en_txt/fakes_1919191766_trt.txt"))
    assert analysis.document.published.edtf == "2017-05-02"
    assert analysis.document.outlet == "TRT"
    names = {a.name: a for a in analysis.actors}
    assert names["Islamic State"].known and "Daesh" in names["Islamic State"].aliases_seen
    assert names["Rami Abdel Rahman"].kind == "person" and "Abdel Rahman" in names["Rami Abdel Rahman"].aliases_seen
    assert "FA-KES" not in names  # the header block is not the report
    speakers = {c.speaker for c in analysis.citations}
    assert {"Syrian Observatory for Human Rights", "Rami Abdel Rahman"} <= speakers
    killed = next(e for e in analysis.events if "24 people were killed" in e.quote)
    assert killed.when.edtf == "2017-05-02"  # "on Tuesday", published on a Tuesday


def test_arabic_reports_degrade_gracefully(demo_workspace, shared_data: Path) -> None:
    for path in _files(shared_data, "ar_txt"):
        analysis = analyse(demo_workspace, read_article(path))
        assert analysis.document.title
        assert any("an Arabic report" in note for note in analysis.document.notes)  # issue 13: read, not degraded
        islamic_state = next(a for a in analysis.actors if a.name == "Islamic State")
        assert islamic_state.known and "داعش" in islamic_state.aliases_seen
        # sentences telling something happening are offered as events, never an empty page
        assert analysis.events
        for event in analysis.events:
            assert analysis.document.text[event.span[0]:event.span[1]].strip()
            assert event.status in ("reported", "claimed")
    dated = {p.name: analyse(demo_workspace, read_article(p)).document.published for p in _files(shared_data, "ar_txt")}
    # the publication day comes from the address when it holds one; the crawl date is never taken
    assert dated["saudinewsnet_2015-08-06_716_aleqtisadiya.txt"].edtf == "2015-08-06"
    assert dated["saudinewsnet_2015-08-09_939_alweeam.txt"] is None


@pytest.mark.parametrize("name", ["fa-kes_syria_subset10.csv", "saudinewsnet_ar_subset3.json"])
def test_dataset_files_are_refused_with_the_file_named(shared_data: Path, name: str) -> None:
    from briefer.intake.reading import IntakeError

    with pytest.raises(IntakeError, match=name):
        read_article(shared_data / "news" / name)


def test_names_run_together_by_lost_commas_are_told_apart(workspace, shared_data: Path) -> None:
    names: set[str] = set()
    for path in _files(shared_data, "en_txt"):
        names |= {a.name for a in analyse(workspace, read_article(path)).actors}
    assert {"Igor Konashenkov", "Panos Moumtzis", "Robert Mardini", "Human Rights Watch"} <= names
    for glued in ("Maj", "Deir al-Zor Moumtzis", "Robert Mardini ICRC", "Hama Human Rights Watch",
                  "Kenneth Roth Human Rights Watch", "Chechen The Pentagon", "Russias Aerospace Forces",
                  "Bashar al Assads"):
        assert glued not in names
