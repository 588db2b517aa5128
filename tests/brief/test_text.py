"""User text in briefs: markup printed literally, Arabic shaped and in reading order."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from briefer.brief import BriefSettings, build_brief
from briefer.brief.text import FONT, FONT_BOLD, esc, link, register_fonts, visual_order, visual_tokens
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


def test_arabic_and_accented_text_come_back_out(arabic_brief: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    assert "Crème brûlée in Zürich; Dall’Oglio; Ğ ş ñ ø." in flat(" ".join(page_texts(arabic_brief)))
    # pdfium, like poppler, reads a right-to-left run back in logical order (pypdf does not)
    whole = " ".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(arabic_brief)))
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
        for ch in page.get_text_range(i, 1):
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
    document = pdfium.PdfDocument(str(out))
    page = next(p.get_textpage() for p in document if "Contents" in p.get_textpage().get_text_range())
    chars, centres = [], []
    for i in range(page.count_chars()):
        left, _, right, _ = page.get_charbox(i)
        for ch in page.get_text_range(i, 1):
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


MIXED = "قتل ثلاثة مدنيين (2019) في البلدة [3]. قالت قوات سوريا الديمقراطية (SDF) إن الهجوم مستمر."


def _drawn_lines(pdf: Path) -> list[str]:
    """Each line of page 1 as drawn, left to right (pdfium's glyph boxes), unnormalised."""
    pdfium = pytest.importorskip("pypdfium2")
    page = pdfium.PdfDocument(str(pdf))[0].get_textpage()
    glyphs = []
    for i in range(page.count_chars()):
        left, bottom, right, top = page.get_charbox(i)
        ch = page.get_text_range(i, 1)
        if ch.strip():
            glyphs.append(((bottom + top) / 2, (left + right) / 2, ch))
    rows: dict[float, list[tuple[float, str]]] = {}
    for y, x, ch in glyphs:
        key = next((k for k in rows if abs(k - y) <= 3.5), y)
        rows.setdefault(key, []).append((x, ch))
    return ["".join(ch for _, ch in sorted(row)) for _, row in sorted(rows.items(), reverse=True)]


@pytest.fixture
def mixed_brief(workspace, tmp_path: Path) -> Path:
    source = workspace.add_source(Source("عنب بلدي", reliability="C", url="https://www.enabbaladi.net/"))
    workspace.add_event(Event("Statement", DAY, summary=MIXED, citations=(Citation(source.uid, 3),)))
    workspace.add_event(Event("Fighters east of the district", DAY,
                              summary="The first fighters left the district; قسد said so."))
    return brief_of(workspace, tmp_path)


def test_brackets_in_arabic_text_are_mirrored_as_a_reader_expects(mixed_brief: Path) -> None:
    """Rule L4: a bracket in a right-to-left run is drawn as its mirror image.  pdfium reads
    the page back in logical order (undoing the mirroring): "(2019)", never ")2019(", which
    is what a reader saw when the brackets were drawn unmirrored."""
    pdfium = pytest.importorskip("pypdfium2")
    text = pdfium.PdfDocument(str(mixed_brief))[0].get_textpage().get_text_range()
    for right in ("(2019)", "[3]"):
        assert right in text, right
    for wrong in (")2019(", "]3[", ")SDF"):
        assert wrong not in text, wrong


def test_visual_tokens_mirror_brackets_at_odd_levels() -> None:
    tokens = ["قالت", " ", "قوات", " ", "(", "SDF", ")", " ", "إن"]
    # an Arabic paragraph, drawn left to right: the brackets swap shapes, a Latin word keeps its own
    assert visual_tokens(tokens, 1) == ["إن", " ", "(", "SDF", ")", " ", "قوات", " ", "قالت"]
    assert visual_tokens(["مدنيين", " ", "(", "2019", ")", " ", "في"], 1) == ["في", " ", "(", "2019", ")", " ",
                                                                             "مدنيين"]
    assert visual_tokens(["said", " ", "(", "SDF", ")"], 0) == ["said", " ", "(", "SDF", ")"]


def test_a_source_line_with_an_arabic_name_reads_left_to_right(mixed_brief: Path) -> None:
    line = next(text for text in _drawn_lines(mixed_brief) if "enabbaladi" in text)
    # the name first (at the left), its grade after it, the web address whole at the right
    assert line.endswith("https://www.enabbaladi.net/"), line
    assert line.index("—") < line.index("reliability")
    name_at = min(i for i, ch in enumerate(line) if "\u0600" <= ch <= "\u06ff")
    assert name_at < line.index("—")


def test_no_ligatures_and_ordinary_letters_in_the_extracted_text(mixed_brief: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    whole = " ".join(page_texts(mixed_brief))  # pypdf
    assert "The first fighters left the district" in flat(whole)
    drawn = pdfium.PdfDocument(str(mixed_brief))[0].get_textpage().get_text_range()
    for text in (whole, drawn):
        assert not [ch for ch in text if 0xFB00 <= ord(ch) <= 0xFB06], "Latin ligature"
        assert not [ch for ch in text if 0xFB50 <= ord(ch) <= 0xFEFF], "Arabic presentation form"
    for word in ("ثلاثة", "قسد", "الديمقراطية"):  # a reader's search for the word finds it (lam-alef too)
        assert word in drawn, word
