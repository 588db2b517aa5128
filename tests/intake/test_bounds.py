"""Inputs past what a report is get a clear refusal naming the file, and wire text
hard-wrapped inside sentences is read as the sentences it holds."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse, analyse_text
from briefer.intake.reading import MAX_TEXT_CHARS, IntakeError, article_from_text, read_article
from briefer.intake.text import split_sentences, unwrap_lines

WRAPPED = """Headline: Brigade takes the grain silos
Date: 2019-03-04

TAL HAMRA, March 4 (Wire) - Fighters of the Northern Shield Brigade
seized the grain silos outside Tal Hamra on Sunday after a night of
shelling, a commander of the brigade said.

The brigade said it expected the road to reopen within a week.
"""


def test_a_hard_wrapped_lead_is_one_sentence_and_keeps_its_event(demo_workspace) -> None:
    article = article_from_text(WRAPPED)
    assert "Northern Shield Brigade seized the grain silos outside Tal Hamra on Sunday" in article.text
    assert any("hard-wrapped" in note for note in article.notes)
    lead = [s for s in split_sentences(article.text) if "seized" in s.text]
    assert len(lead) == 1 and lead[0].text.startswith("TAL HAMRA") and lead[0].text.endswith("said.")
    analysis = analyse(demo_workspace, article)
    seized = [e for e in analysis.events if "seized" in e.quote]
    assert seized and seized[0].when.edtf == "2019-03-03"  # the Sunday before publication


def test_headlines_and_short_lines_are_not_joined() -> None:
    text = "Brigade takes the silos\nTal Hamra, 4 March 2019\nThe brigade took the silos on Sunday."
    assert unwrap_lines(text) == (text, 0)


def test_a_line_that_stops_mid_sentence_is_joined_even_in_unwrapped_text() -> None:
    text = "The brigade said that its fighters\nwould hold the bridge.\nA new paragraph."
    joined, n = unwrap_lines(text)
    assert n == 1 and joined == "The brigade said that its fighters would hold the bridge.\nA new paragraph."


def test_a_word_hyphenated_at_the_break_is_mended() -> None:
    text = "The brigade and the US-\nbacked forces met on Sunday."
    assert unwrap_lines(text)[0] == "The brigade and the US-backed forces met on Sunday."


def test_ten_megabytes_on_one_line_is_refused_by_name(tmp_path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"word " * 2_100_000)  # 10.5 MB, one line
    with pytest.raises(IntakeError, match=r"dump\.txt: .*MB is more than one report"):
        read_article(path)


def test_a_pasted_text_past_the_bound_is_refused(demo_workspace) -> None:
    with pytest.raises(IntakeError, match="more than one report"):
        analyse_text(demo_workspace, "a" * (MAX_TEXT_CHARS + 1))


def test_a_long_single_line_report_is_read_in_bounded_time(demo_workspace) -> None:
    # 200 sentences on one line: every sentence is found (splitting looks only near each stop)
    line = " ".join(f"Fighters of the brigade shelled village number {i} on Sunday." for i in range(200))
    analysis = analyse_text(demo_workspace, "Headline: Shelling\n\n" + line, published=date(2019, 3, 4))
    assert len(split_sentences(analysis.document.text)) >= 200


def _nested_email(depth: int) -> bytes:
    head = b"From: Desk <desk@example.org>\nSubject: nested\nDate: Mon, 4 Mar 2019 10:00:00 +0000\nMIME-Version: 1.0\n"
    body = b"Content-Type: text/plain\n\nThe brigade took the silos on Sunday.\n"
    for level in range(depth):
        boundary = b"b%d" % level
        body = (b"Content-Type: multipart/mixed; boundary=\"" + boundary + b"\"\n\n--" + boundary + b"\n" + body
                + b"\n--" + boundary + b"--\n")
    return head + body


def test_a_deeply_nested_email_is_refused_as_a_mime_bomb(tmp_path) -> None:
    path = tmp_path / "bomb.eml"
    path.write_bytes(_nested_email(400))
    with pytest.raises(IntakeError, match=r"bomb\.eml: .*MIME bomb"):
        read_article(path)


def test_an_email_nested_a_few_levels_is_still_read(tmp_path) -> None:
    path = tmp_path / "fine.eml"
    path.write_bytes(_nested_email(3))
    assert "took the silos" in read_article(path).text
