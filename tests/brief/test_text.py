"""User text in briefs: markup printed literally, Arabic shaped and in reading order."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from briefer.brief import BriefSettings, build_brief
from briefer.brief.text import FONT, FONT_BOLD, esc, link, register_fonts, visual_order
from briefer.core.model import Actor, ActorKind, Citation, Event, Participant, Role, Source
from briefer.core.when import When

from .conftest import flat, page_texts

HOSTILE = ['<img src="/etc/passwd"/>', "<font size=500>", "&bogus;"]
DAY = When.parse("2019-03-05")


def brief_of(ws, tmp_path: Path, name: str = "brief.pdf", **changes) -> Path:
    out = tmp_path / name
    build_brief(ws, BriefSettings(template="daily", day=DAY, **changes), None, out)
    return out


def test_markup_in_user_text_prints_literally_and_loads_nothing(workspace, tmp_path: Path) -> None:
    source = workspace.add_source(Source("<b>Wire</b> &amp; co", reliability="B", url="file:///etc/passwd"))
    actor = workspace.add_actor(Actor('<img src="/etc/passwd"/>', ActorKind.PERSON, aliases=("&bogus;",)))
    workspace.add_event(Event(
        HOSTILE[0], DAY, summary=HOSTILE[1] + " then " + HOSTILE[2], place="<para>Town</para>",
        participants=(Participant(actor.uid, Role.INITIATOR),),
        citations=(Citation(source.uid, 2, quote='<a href="javascript:alert(1)">x</a>'),)))
    out = brief_of(workspace, tmp_path, title="<font size=500>Title</font>", desk="&bogus;", bluf="- <img src=x/>",
                   marking="<b>SECRET</b>")
    whole = flat(" ".join(page_texts(out)))
    for text in (*HOSTILE, "<para>Town</para>", "<b>Wire</b> &amp; co", "<font size=500>Title</font>",
                 '<a href="javascript:alert(1)">x</a>', "<img src=x/>", "<b>SECRET</b>"):
        assert text in whole, text
    reader = pypdf.PdfReader(str(out))
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A", {})
            assert "file:" not in str(action.get("/URI", "")) and "javascript" not in str(action)


def test_escape_and_links() -> None:
    assert esc('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    assert link("https://example.org/?a=1&b=2").startswith('<a href="https://example.org/?a=1&amp;b=2"')
    assert "<a" not in link("file:///etc/passwd") and "<a" not in link("javascript:alert(1)")


def test_visual_order_reverses_arabic_runs_only() -> None:
    tokens = ["said", " ", "الدولة", " ", "الإسلامية", " ", "today"]
    assert visual_order(tokens) == [0, 1, 4, 3, 2, 5, 6]
    # an Arabic paragraph: everything right to left, a Latin name keeps its own order inside
    tokens = ["قالت", " ", "Reuters", " ", "اليوم"]
    assert visual_order(tokens, base_level=1) == [4, 3, 2, 1, 0]
    assert visual_order(["plain", " ", "latin"]) == [0, 1, 2]


ARABIC_NAME = "قوات سوريا الديمقراطية"
ARABIC_QUOTE = "الدولة الإسلامية في العراق والشام"


@pytest.fixture
def arabic_brief(workspace, tmp_path: Path) -> Path:
    source = workspace.add_source(Source("Enab Baladi", reliability="C"))
    actor = workspace.add_actor(Actor("Syrian Democratic Forces", ActorKind.ARMED_GROUP,
                                      aliases=("SDF", ARABIC_NAME, "قسد")))
    workspace.add_event(Event(
        f"Statement by {ARABIC_NAME} on Deir ez-Zor", DAY, summary="Crème brûlée in Zürich; Dall’Oglio; Ğ ş ñ ø.",
        place="Dayr az-Zawr", participants=(Participant(actor.uid, Role.INITIATOR),),
        citations=(Citation(source.uid, 3, quote=ARABIC_QUOTE),)))
    return brief_of(workspace, tmp_path, title="Brief عربي")


def _words_in(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_arabic_and_accented_text_come_back_out(arabic_brief: Path) -> None:
    whole = _words_in(" ".join(page_texts(arabic_brief)))
    assert "Crème brûlée in Zürich; Dall’Oglio; Ğ ş ñ ø." in flat(whole)
    for word in (*ARABIC_NAME.split(), *ARABIC_QUOTE.split(), "قسد"):
        # each word is shaped as a unit; a viewer may give its letters back in either order
        assert word in whole or word[::-1] in whole, word


def test_arabic_words_are_drawn_right_to_left(arabic_brief: Path) -> None:
    """In the quote, each word of the Arabic sentence sits left of the word before it
    (reportlab alone draws them left to right)."""
    pdfium = pytest.importorskip("pypdfium2")
    page = pdfium.PdfDocument(str(arabic_brief))[0].get_textpage()
    chars: list[str] = []
    centres: list[float] = []
    for i in range(page.count_chars()):
        left, _, right, _ = page.get_charbox(i)
        for ch in unicodedata.normalize("NFKC", page.get_text_range(i, 1)):
            chars.append(ch)
            centres.append((left + right) / 2)
    text = "".join(chars)
    xs = []
    for word in ARABIC_QUOTE.split():
        at = text.find(word)
        at = at if at >= 0 else text.find(word[::-1])
        assert at >= 0, word
        xs.append(sum(centres[at:at + len(word)]) / len(word))
    assert xs == sorted(xs, reverse=True), xs


def test_shipped_fonts_have_every_glyph_used() -> None:
    register_fonts()
    text = ARABIC_NAME + ARABIC_QUOTE + "قسد" + "عربي" + "Crème brûlée Zürich Dall’Oglio Ğşñø–—“”·⚠…"
    for name in (FONT, FONT_BOLD):
        font = pdfmetrics.getFont(name)
        missing = [c for c in set(text) if not c.isspace() and ord(c) not in font.face.charToGlyph]
        assert not missing, (name, missing)


def test_arabic_page_renders_with_ink(arabic_brief: Path, tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    image = pdfium.PdfDocument(str(arabic_brief))[0].render(scale=1).to_pil().convert("L")
    image.save(tmp_path / "arabic.png")
    assert image.getextrema()[0] < 80


def test_format_characters_do_not_shift_the_order() -> None:
    """python-bidi drops zero-width spaces, ZWNJ and friends; the words after them
    must keep their places."""
    tokens = ["\u200b", "by", " ", "قوات", " ", "سوريا", " ", "on"]
    assert visual_order(tokens) == [0, 1, 2, 5, 4, 3, 6, 7]
    tokens = ["by", " ", "می\u200cخواهم", " ", "قوات", " ", "on"]
    assert visual_order(tokens) == [0, 1, 4, 3, 2, 5, 6]


def test_punctuation_after_an_arabic_phrase_sits_where_the_bidi_algorithm_puts_it(workspace, tmp_path: Path) -> None:
    """In a Latin line, the full stop and the comma after an Arabic phrase go right of
    the whole phrase (harfbuzz alone draws them at the left of the phrase's last word)."""
    pdfium = pytest.importorskip("pypdfium2")
    workspace.add_event(Event("Statement", DAY, summary=f"Quoted: {ARABIC_QUOTE}. Then {ARABIC_NAME}, said Ali."))
    out = brief_of(workspace, tmp_path)
    page = pdfium.PdfDocument(str(out))[0].get_textpage()
    boxes = [(page.get_text_range(i, 1), page.get_charbox(i)) for i in range(page.count_chars())]
    y = next(box[1] for ch, box in boxes if ch == "Q")
    line = sorted(((box[0] + box[2]) / 2, ch) for ch, box in boxes if abs(box[1] - y) < 2 and ch.strip())
    visual = "".join(ch for _, ch in line)  # left to right, as drawn
    assert visual.startswith("Quoted:") and visual.endswith("saidAli.")
    assert ".Then" in visual and ",said" in visual, visual


def test_an_arabic_heading_in_the_contents_is_shaped_and_right_to_left(demo_workspace, tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    name = "مجلس دير الزور العسكري"
    actor = demo_workspace.add_actor(Actor(name, ActorKind.ARMED_GROUP))
    demo_workspace.add_event(Event("Council statement", When.parse("2019-02-10"),
                                   participants=(Participant(actor.uid, Role.INITIATOR),)))
    out = tmp_path / "by-actor.pdf"
    result = build_brief(demo_workspace, BriefSettings(template="period", group_by="actor"), None, out)
    assert result.has_toc
    page = pdfium.PdfDocument(str(out))[0].get_textpage()
    chars, centres = [], []
    for i in range(page.count_chars()):
        left, _, right, _ = page.get_charbox(i)
        for ch in unicodedata.normalize("NFKC", page.get_text_range(i, 1)):
            chars.append(ch)
            centres.append((left + right) / 2)
    text = "".join(chars)
    xs = []
    for word in name.split():  # shaped words come back whole (in either order of letters)
        at = text.find(word)
        at = at if at >= 0 else text.find(word[::-1])
        assert at >= 0, word
        xs.append(sum(centres[at:at + len(word)]) / len(word))
    assert xs == sorted(xs, reverse=True), xs
