"""Reading reports from every supported file type, with their metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefer.intake.reading import IntakeError, article_from_text, read_article

HEADLINE = "Talks over northern dam stall as militia keeps its guns"


@pytest.mark.parametrize("suffix", ["txt", "md", "html", "eml"])
def test_every_format_gives_headline_date_and_text(fixtures: Path, suffix: str) -> None:
    article = read_article(fixtures / f"dam_talks.{suffix}")
    assert article.title == HEADLINE
    assert article.published == date(2021, 3, 14)
    assert "Northern Shield Brigade" in article.text
    assert "**" not in article.text and "<p>" not in article.text and "](" not in article.text
    assert article.notes


def test_header_lines_give_outlet_and_author(fixtures: Path) -> None:
    article = read_article(fixtures / "dam_talks.txt")
    assert article.outlet == "Valley Courier"
    assert article.author == "Staff reporter"
    assert not article.text[article.body_start:].startswith("Headline")


def test_html_metadata_and_main_text_only(fixtures: Path) -> None:
    article = read_article(fixtures / "dam_talks.html")
    assert article.outlet == "Valley Courier"
    assert article.author == "Rana Haddad"
    assert article.url.startswith("https://www.valleycourier.example/")
    assert "Privacy" not in article.text and "Sport" not in article.text  # navigation and footer dropped


def test_email_subject_sender_and_date(fixtures: Path) -> None:
    article = read_article(fixtures / "dam_talks.eml")
    assert article.title == HEADLINE  # "Fwd:" dropped
    assert article.outlet == "Valley Courier Alerts"


def test_a_dateline_line_under_the_headline() -> None:
    article = article_from_text("Convoy reaches the valley\n\n2 min read\n12 March, 2020\nAid trucks reached the valley.")
    assert article.title == "Convoy reaches the valley"
    assert article.published == date(2020, 3, 12)
    assert len(article.skipped) == 2


def test_a_date_opening_the_body() -> None:
    article = article_from_text("Headline: Convoy reaches the valley\n\n12 March 2020 Aid trucks reached the valley.")
    assert article.published == date(2020, 3, 12)


def test_unsupported_and_empty_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "report.pdf"
    bad.write_bytes(b"%PDF")
    with pytest.raises(IntakeError, match="report.pdf"):
        read_article(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    with pytest.raises(IntakeError, match="empty.txt: the file is empty"):
        read_article(empty)
    image = tmp_path / "photo.txt"  # a PNG renamed: its header and chunk names would become a headline and actors
    image.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61")
                      + b"IDAT" + bytes(range(64)) + b"IEND")
    with pytest.raises(IntakeError, match="photo.txt: not a text file"):
        read_article(image)


def test_windows_1252_and_utf16_text(tmp_path: Path) -> None:
    cp = tmp_path / "cp.txt"
    cp.write_bytes("Caf\xe9 owners protest \u2019today\u2019\n\nThe caf\xe9 closed.".encode("cp1252"))
    assert "Café owners" in read_article(cp).text
    u16 = tmp_path / "u16.txt"
    u16.write_bytes("Headline: Aid arrives\n\nTrucks came.".encode("utf-16"))
    assert read_article(u16).title == "Aid arrives"


@pytest.mark.parametrize("url, day", [
    ("https://news.example/2015/08/06/article_979488.html", date(2015, 8, 6)),
    ("https://news.example/world/2019-02-09/offensive-on-hold", date(2019, 2, 9)),
    ("https://news.example/2019/02/31/no-such-day.html", None),
    ("https://news.example/article/427346/title", None),
])
def test_the_address_gives_the_publication_day_when_nothing_else_does(url: str, day) -> None:
    article = article_from_text(f"Headline: Convoy reaches the valley\nURL: {url}\n\nAid trucks reached the valley.")
    assert article.published == day
    if day is not None:
        assert any("address" in note for note in article.notes)


def test_a_date_in_the_report_wins_over_the_address() -> None:
    article = article_from_text("Headline: Convoy reaches the valley\nDate: 12 March 2020\n"
                                "URL: https://news.example/2015/08/06/a.html\n\nAid trucks reached the valley.")
    assert article.published == date(2020, 3, 12)


def test_a_collection_date_is_never_the_publication_date() -> None:
    article = article_from_text("Headline: Convoy reaches the valley\nDate-extracted: 2015-08-09 17:31:35\n\n"
                                "Aid trucks reached the valley.")
    assert article.published is None
    assert any("collected" in note for note in article.notes)


def test_a_dateline_after_a_header_date_is_not_an_event_date(workspace) -> None:
    from briefer.intake.assistant import analyse

    article = article_from_text("Headline: Car bomb near the camp\nDate: 11/6/2017\n\n"
                                "Published November 17 2017 A car bomb killed 26 people near the camp on Friday "
                                "the Harbour Police said.")
    assert article.published == date(2017, 11, 6)
    assert article.dateline is not None
    assert article.text[article.dateline[0]:article.dateline[1]] == "Published November 17 2017"
    assert any("differs" in note for note in article.notes)
    analysis = analyse(workspace, article)
    assert [d.text for d in analysis.dates] == ["on Friday"]
    bomb = next(e for e in analysis.events if "car bomb" in e.quote)
    assert bomb.when.edtf == "2017-11-03"
