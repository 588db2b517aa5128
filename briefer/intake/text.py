"""Words and sentences of an article, with their character offsets.

Every proposal the assistant makes carries the span of text that supports it, so the
analyst can see why it was made; everything here therefore keeps offsets into the
article text exactly as stored, never into a cleaned copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Token", "Sentence", "fold", "tokenize", "split_sentences", "unwrap_lines", "Span"]

Span = tuple[int, int]

# A word: letters/digits joined by inner apostrophes or hyphens ("Dall'Oglio",
# "US-backed", "al-Baghdadi"), or a dotted acronym ("U.S.").
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a word: the key names match by."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", text) or re.fullmatch(r"[A-Z](?:-[A-Z]){1,5}", text):
        text = text.replace(".", "").replace("-", "")  # "U.S.", and a broadcaster's spelt-out "U-S", "P-K-K"
    return text.casefold()


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # folded

    @property
    def capitalized(self) -> bool:
        first = self.text[0]
        return first.isupper()

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), fold(m.group()))
            for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    first_in_paragraph: bool

    @property
    def span(self) -> Span:
        return (self.start, self.end)


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "fr", "rev", "prof", "sen", "rep",
    "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
    "etc", "inc", "ltd", "co", "corp", "mt", "ft", "brig", "adm", "cmdr", "sgt", "pres", "approx",
}
# (and a full stop that lost its space, "the capital.The video": a word, a stop, a capitalised word)
_END_RE = re.compile(r"[.!?؟]+[\"”’')\]]*(?=\s)|[.!?]+[\"”’')\]]*$|(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def _is_boundary(text: str, end_match: re.Match, line_start: int, line_end: int) -> bool:
    """Whether a full stop (or ! ?) ends a sentence; it looks only a few characters either
    side, so splitting stays linear in the length of the text (even of one long line)."""
    before = text[max(line_start, end_match.start() - 40):end_match.start()]
    word = re.search(r"([^\W\d_]+)\.?$", before)
    if end_match.group().startswith(".") and word is not None:
        w = word.group(1)
        if w.lower() in _ABBREVIATIONS:
            return False
        if len(w) == 1 and w.isupper():  # an initial ("John F. Kennedy", "U.S.")
            return False
    rest = text[end_match.end():min(line_end, end_match.end() + 40)].lstrip()
    if not rest:
        return True
    # The next sentence starts with a capital, a digit or an opening quote.
    return bool(re.match(r"[\"“‘'(\[]?[^\W_a-z]", rest)) and not rest[0].islower()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of each line-paragraph; a line break always ends a sentence
    (headlines, datelines and captions have no full stop)."""
    sentences: list[Sentence] = []
    paragraph = 0
    pos = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        cursor = line_start
        first = True
        for match in _END_RE.finditer(text, line_start, line_end):
            if not _is_boundary(text, match, line_start, line_end):
                continue
            _add(sentences, text, cursor, match.end(), paragraph, first)
            first = False
            cursor = match.end()
        _add(sentences, text, cursor, line_end, paragraph, first)
        paragraph += 1
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int, first: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], paragraph, first))


# -- hard-wrapped text ----------------------------------------------------------------
# Wire copy and e-mails often arrive wrapped at a fixed width, each line ending inside a
# sentence; since a line break ends a sentence (headlines, datelines), such lines are
# joined first.  A break is joined when the text is wrapped at a width (most lines
# that go on into another line are nearly as long as the longest), or, in any text,
# when the line visibly stops mid-sentence (no closing punctuation, and the next line
# opens in lower case).
_HEADER_LINE_RE = re.compile(r"^[A-Za-z][A-Za-z \-]{1,24}:\s")
_CLOSES_RE = re.compile(r"[.!?:;\"”’')\]]$")


_FIELD_LINE_RE = re.compile(r"^\s*[A-Z][A-Z \-]{1,24}=")  # a script's "DATE=12/2/99", "BYLINE=..."
_SCRIPT_LABEL_RE = re.compile(r"^[A-Z][A-Z \-]{1,24}:\s")  # a script's "INTRO: ...", "TEXT: ..." (prose follows)


def _metadata(line: str) -> bool:
    """A header field ("Date: ...", "DATE=..."), not a line of prose: it says nothing of the width."""
    return bool(_FIELD_LINE_RE.match(line) or (_HEADER_LINE_RE.match(line) and not _SCRIPT_LABEL_RE.match(line)))


def _wrap_width(lines: list[str]) -> int:
    """The width the text is wrapped at, or 0 when it is not hard-wrapped."""
    running = [len(a) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip() and not _metadata(a)]
    if len(running) < 3:
        return 0
    lengths = sorted(running)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= 110:
        return 0
    near = sum(1 for n in running if n >= 0.7 * width)
    return width if near >= 0.7 * len(running) else 0


def unwrap_lines(text: str) -> tuple[str, int]:
    """(text with the line breaks inside sentences joined, how many were joined)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text, 0
    width = _wrap_width(lines)
    out: list[str] = [lines[0]]
    joined = 0
    for line in lines[1:]:
        prev = out[-1]
        stripped = line.strip()
        # a header line ("Date: ...") ends where it ends; a script's label ("TEXT: Rebels continue
        # their push down the") opens prose that the wrap cut like any other line
        label = _SCRIPT_LABEL_RE.match(prev) is not None and width and len(prev) >= 0.6 * width
        if prev.strip() and stripped and (label or not _HEADER_LINE_RE.match(prev)) and not _HEADER_LINE_RE.match(line):
            wrapped = width and len(prev) >= 0.6 * width and not stripped.startswith(("-", "*", "•"))
            mid_sentence = not _CLOSES_RE.search(prev.rstrip()) and stripped[0].islower()
            if wrapped or mid_sentence:
                if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and stripped[0].islower():
                    out[-1] = prev + stripped  # a word hyphenated at the break ("US-" / "backed")
                else:
                    out[-1] = prev.rstrip() + " " + stripped
                joined += 1
                continue
        out.append(line)
    return "\n".join(out), joined
