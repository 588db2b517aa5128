"""User text on paper: escaped for reportlab's markup, shaped, and in bidi order.

Three traps live here so that the rest of the brief builder can forget them:

* reportlab's paragraph markup is live: `<img src=...>` opens local files, `<font
  size=500>` wrecks the layout and `&bogus;` aborts the build.  Every string a user
  typed goes through `esc` before it meets markup; `link` only makes http(s) and
  mailto URLs clickable.
* reportlab shapes Arabic (joining forms) through uharfbuzz when the font is
  "shapable", but it lays a line's words out left to right even when they are Arabic.
  `BidiParagraph` reorders each *laid-out line* with the Unicode bidi algorithm
  (python-bidi) at draw time, so a quote that wraps keeps its first words on its first
  line.  Harfbuzz already orders the glyphs inside an Arabic word.
* Shaping costs time, so only text that needs it (Arabic, Hebrew, combining marks)
  gets a shaping style; Latin text takes reportlab's fast path.
* reportlab shapes with discretionary and standard ligatures on ("eaﬆ", "ﬁghters" in
  any paragraph that also holds Arabic), and its fonts map each drawn glyph back to
  the code point it was found under: a presentation form (ﻗﺴﺪ) or a ligature, so
  searching the PDF for "district" or "قسد" finds nothing.  `register_fonts` turns
  those ligatures off (Arabic keeps its required ones, lam-alef) and maps
  presentation forms back to ordinary letters in the text a PDF reader extracts.
* In a right-to-left run, brackets are mirrored (rule L4 of the bidi algorithm):
  "(2019)" inside Arabic is drawn as the reader expects, not ")2019(".

Never let an inline font change (e.g. `<b>`) fall inside a word that holds Arabic:
reportlab shapes a whole word with its first font.  The builder puts font changes
at spaces only.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from functools import lru_cache
from typing import Optional
from xml.sax.saxutils import escape as _xml_escape

from bidi import algorithm as _uba
from bidi.mirror import MIRRORED as _MIRRORED
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from ..resources import resource_path

__all__ = [
    "FONT", "FONT_BOLD", "register_fonts", "esc", "link", "needs_shaping", "has_rtl",
    "BidiParagraph", "Para", "para", "ltr_para", "visual_order", "visual_tokens", "plain", "rtl_first",
]

FONT = "BrieferSans"
FONT_BOLD = "BrieferSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

# Strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo... and their
# presentation forms) and anything harfbuzz must position (combining marks).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_COMPLEX = re.compile("[\u0300-\u036f\u0483-\u0489\u0590-\u08ff\u0900-\u0dff\u1ab0-\u1aff"
                      "\u1dc0-\u1dff\u20d0-\u20ff\ufb1d-\ufdff\ufe20-\ufe2f\ufe70-\ufefc]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_TOKEN = re.compile(r"\s+|\S+")
_PART = re.compile(r"\w+|\W")
_X9 = frozenset(("RLE", "LRE", "RLO", "LRO", "PDF", "BN", "RLI", "LRI", "FSI", "PDI"))


def _patch_set_rise() -> None:
    """reportlab 5.1 fails (IndexError) when a shaped fragment starts with a raised glyph
    (an Arabic mark such as tanwin drawn leftmost) before it wrote any code; bidi
    reordering makes such fragments common.  An empty code entry is harmless."""
    from reportlab.pdfgen.textobject import PDFTextObject

    original = PDFTextObject.setRise
    if getattr(original, "_briefer_safe", False):
        return

    def set_rise(self: PDFTextObject, rise: float) -> None:
        if not self._code:
            self._code.append("")
        original(self, rise)

    set_rise._briefer_safe = True  # type: ignore[attr-defined]
    PDFTextObject.setRise = set_rise


SHAPING_FEATURES = {"kern": True, "liga": False, "dlig": False}  # reportlab's default has liga and dlig on

# code points a shaped glyph may be found under that a reader never typed
_PRESENTATION = ((0xFB00, 0xFB06), (0xFB13, 0xFB17), (0xFB1D, 0xFB4F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _extractable(code: int) -> str:
    """The text a glyph found under `code` stands for: an Arabic presentation form or a
    Latin ligature as its ordinary letters, anything else as itself."""
    if any(lo <= code <= hi for lo, hi in _PRESENTATION):
        plain_text = unicodedata.normalize("NFKC", chr(code))
        if plain_text.strip():
            # an Arabic ligature (lam-alef) is one glyph in a run drawn right to left: its
            # letters go in drawing order too, so a reader that reverses the run reads "لا"
            return plain_text[::-1] if len(plain_text) > 1 and has_rtl(plain_text) else plain_text
    return chr(code)


def _patch_shaping() -> None:
    """No discretionary or standard ligatures when shaping; ordinary letters in the
    ToUnicode map of every embedded font subset."""
    from reportlab.pdfbase import ttfonts

    shape = ttfonts.shapeFragWord
    if shape.__defaults__ and shape.__defaults__[0] is not SHAPING_FEATURES and len(shape.__defaults__) == 2:
        shape.__defaults__ = (SHAPING_FEATURES, shape.__defaults__[1])
    if getattr(ttfonts.makeToUnicodeCMap, "_briefer", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        cmap = original(fontname, subset)
        for i, code in enumerate(subset):
            text = _extractable(code)
            if text != chr(code):
                utf16 = text.encode("utf-16-be").hex().upper()
                cmap = cmap.replace("<%02X> <%04X>" % (i, code), "<%02X> <%s>" % (i, utf16), 1)
        return cmap

    to_unicode_cmap._briefer = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register the shipped fonts once per process (parsing a TTF takes ~50 ms)."""
    _patch_set_rise()
    _patch_shaping()
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)  # no oblique shipped: italics print upright
    addMapping(FONT, 1, 1, FONT_BOLD)
    return FONT, FONT_BOLD


def esc(text: object) -> str:
    """User text made inert for reportlab paragraph markup (quotes too, for attributes)."""
    if text is None:
        return ""
    return _xml_escape(str(text), {'"': "&quot;", "'": "&#39;"})


def link(url: str, label: Optional[str] = None) -> str:
    """A clickable URL when it is a web or mail address; other schemes (file:,
    javascript:...) print as plain text so a brief never points at a local file."""
    text = esc(label if label is not None else url)
    if url and url.strip().lower().startswith(_SAFE_SCHEMES):
        return f'<a href="{esc(url.strip())}" color="#1f4e8c">{text}</a>'
    return text


def needs_shaping(text: str) -> bool:
    return _COMPLEX.search(text) is not None


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def rtl_first(text: str) -> bool:
    """True when the text's first strong letter is right-to-left (it reads from the right)."""
    return has_rtl(text) and _uba.get_base_level(text) == 1


def plain(markup: str) -> str:
    """Markup back to the text a reader sees (for outlines and PDF metadata)."""
    text = re.sub(r"<[^>]*>", "", markup)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
        "&#39;", "'").replace("&amp;", "&")


# -- bidi ------------------------------------------------------------------------------
def _char_levels(text: str, base_level: int) -> list[int]:
    """Resolved embedding level of each character (UBA rules up to I1/I2)."""
    storage = _uba.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = ("L", "R")[base_level]
    _uba.get_embedding_levels(text, storage, False, False)
    _uba.explicit_embed_and_overrides(storage, False)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    return [c["level"] for c in storage["chars"]]


def visual_order(tokens: list[str], base_level: int = 0) -> list[int]:
    return _visual_order(tokens, base_level)[0]


def visual_tokens(tokens: list[str], base_level: int = 0) -> list[str]:
    """The tokens as drawn left to right, brackets at odd levels mirrored (rule L4)."""
    order, levels = _visual_order(tokens, base_level)
    return [_mirrored(tokens[i], levels[i]) for i in order]


def _mirrored(token: str, level: int) -> str:
    return _MIRRORED[token] if level % 2 and len(token) == 1 and token in _MIRRORED else token


def _visual_order(tokens: list[str], base_level: int = 0) -> tuple[list[int], list[int]]:
    """Indices of `tokens` (words and the spaces between them, in logical order) in
    the order they are drawn left to right.

    Each token keeps its inner order (harfbuzz already ordered an Arabic word's
    glyphs); the bidi algorithm decides where whole tokens go.  A token's level is
    the level of its first strong character; neutral tokens (spaces, dashes) take
    the level the algorithm resolved for them between their neighbours.
    """
    text = "".join(tokens)
    if not text:
        return list(range(len(tokens))), [base_level] * len(tokens)
    # python-bidi drops format characters (ZWJ, ZWNJ, soft hyphen, embeddings) under
    # rule X9, which would shift every level after them: count them as neutrals
    text = "".join("\ufffc" if unicodedata.bidirectional(c) in _X9 else c for c in text)
    levels = _char_levels(text, base_level)
    token_levels: list[int] = []
    pos = 0
    for token in tokens:
        chunk = levels[pos:pos + len(token)]
        strong = [lv for ch, lv in zip(token, chunk) if _uba.bidirectional(ch) in ("L", "R", "AL", "EN", "AN")]
        token_levels.append((strong or chunk or [base_level])[0])
        pos += len(token)
    # Rule L1: whitespace at the end of a line goes back to the paragraph level.
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].strip():
            break
        token_levels[i] = base_level
    order = list(range(len(tokens)))
    highest = max(token_levels)
    lowest_odd = min(lv for lv in token_levels) | 1
    for level in range(highest, lowest_odd - 1, -1):  # rule L2, token by token
        i = 0
        while i < len(order):
            if token_levels[order[i]] >= level:
                j = i
                while j < len(order) and token_levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order, token_levels


def _loose(ch: str) -> bool:
    """Punctuation that harfbuzz drew on the Arabic side of a word but the bidi algorithm
    must place itself (mirrored brackets stay with the word: harfbuzz mirrored them)."""
    return unicodedata.bidirectional(ch) in ("CS", "ON", "ET", "ES") and not unicodedata.mirrored(ch)


def _visual_line(line: object, base_level: int) -> object:
    """A copy of one laid-out reportlab line (kind 1) with its words in visual order."""
    pieces: list[tuple[object, str]] = []
    for frag in line.words:
        text = getattr(frag, "text", None)
        if hasattr(frag, "cbDefn") or not text:
            pieces.append((frag, "\ufffc" if hasattr(frag, "cbDefn") else ""))
            continue
        for m in _TOKEN.finditer(text):
            token = text[m.start():m.end()]
            if token.isspace():
                pieces.append((frag, token))
            elif any(unicodedata.bidirectional(c) in ("R", "AL") for c in token):
                # an Arabic word: harfbuzz ordered its letters already, right to left,
                # and took its punctuation along ("مستمرة." comes as ".ةرمتسم").  Punctuation
                # goes back out as tokens of its own (in logical order) so the bidi
                # algorithm can place it: in a Latin line the full stop after an
                # Arabic phrase belongs right of the whole phrase, not of its last word.
                lead = 0
                while lead < len(token) - 1 and _loose(token[lead]):
                    lead += 1
                trail = len(token)
                while trail > lead + 1 and _loose(token[trail - 1]):
                    trail -= 1
                start = m.start()
                for k in range(len(token) - 1, trail - 1, -1):  # logically before the word
                    pieces.append((frag, text[start + k:start + k + 1]))
                pieces.append((frag, text[start + lead:start + trail]))
                for k in range(lead - 1, -1, -1):  # logically after it
                    pieces.append((frag, text[start + k:start + k + 1]))
            else:  # "Reuters." -> "Reuters" "." so the full stop can sit on the Arabic side
                start = m.start()
                for part in _PART.finditer(token):
                    pieces.append((frag, text[start + part.start():start + part.end()]))
    tokens = [t for _, t in pieces]
    if not any(has_rtl(t) for t in tokens) and base_level == 0:
        return line
    order, levels = _visual_order(tokens, base_level)
    words = []
    for i in order:
        frag, token = pieces[i]
        if hasattr(frag, "cbDefn") or not getattr(frag, "text", None):
            words.append(frag)
        else:
            words.append(frag.clone(text=_mirrored(token, levels[i])))  # rule L4: "(" drawn as ")"
    new = copy.copy(line)
    new.words = words
    return new


class Para(Paragraph):
    """A Paragraph that breaks its lines once per width.

    platypus wraps the same paragraph again and again at the same width (KeepTogether
    measures its content, then the frame measures each piece; every layout pass starts
    over), and breaking lines is most of a brief's layout time.  The lines are kept
    while `blPara` is the one they produced (`split` may delete it)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self.__dict__.get("_wrapped")
        if cached is not None and cached[0] == availWidth and self.__dict__.get("blPara") is cached[1]:
            self.width, self.height = cached[2]
            return cached[2]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.__dict__.get("blPara"), size)
        return size


class BidiParagraph(Para):
    """A Paragraph whose lines are put in visual (bidi) order when drawn.

    Line breaking stays in logical order (so splitting across pages keeps the words in
    reading order); only `drawPara` sees the reordered copy."""

    def __init__(self, text: str, style: ParagraphStyle, *args: object, **kwargs: object) -> None:
        super().__init__(text, style, *args, **kwargs)
        source = text if isinstance(text, str) else ""
        self._base_level = _uba.get_base_level(plain(source)) if source else 0

    def drawPara(self, debug: int = 0) -> None:
        blPara = self.blPara
        if blPara.kind != 1:  # only shaped paragraphs come here; kind 0 has no frags to move
            return super().drawPara(debug)
        base = getattr(self, "_base_level", 0)
        visual = copy.copy(blPara)
        visual.lines = [_visual_line(line, base) for line in blPara.lines]
        self.blPara = visual
        try:
            super().drawPara(debug)
        finally:
            self.blPara = blPara


# keyed by id(style); the original is kept in the value so its id is never reused
_SHAPED_STYLES: dict[tuple[int, bool], tuple[ParagraphStyle, ParagraphStyle]] = {}


def _shaped(style: ParagraphStyle, right: bool) -> ParagraphStyle:
    key = (id(style), right)
    found = _SHAPED_STYLES.get(key)
    if found is None:
        shaped = ParagraphStyle(style.name + ("-rtl" if right else "-shaped"), parent=style, shaping=1)
        if right:
            shaped.alignment = TA_RIGHT
        found = _SHAPED_STYLES[key] = (style, shaped)
    return found[1]


def ltr_para(markup: str, style: ParagraphStyle) -> Paragraph:
    """Like `para`, but the line stays left-to-right at its base even when it starts with
    Arabic (a contents line: its dots and page number follow it on the right)."""
    if not has_rtl(markup):
        return para(markup, style)
    p = BidiParagraph(markup, _shaped(style, False))
    p._base_level = 0
    return p


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of already-escaped markup, shaped and bidi-ordered only if it needs it.

    A paragraph whose first strong letter is right-to-left (an Arabic quote) is also
    aligned right, as its reader expects."""
    if not needs_shaping(markup):
        return Para(markup, style)
    if has_rtl(markup):
        return BidiParagraph(markup, _shaped(style, rtl_first(plain(markup))))
    return Para(markup, _shaped(style, False))
