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

__all__ = ["Token", "Sentence", "fold", "tokenize", "split_sentences", "Span"]

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
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", text):
        text = text.replace(".", "")
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
_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|[.!?]+[\"”’')\]]*$|(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def _is_boundary(text: str, end_match: re.Match) -> bool:
    before = text[:end_match.start()]
    word = re.search(r"([^\W\d_]+)\.?$", before)
    if end_match.group().startswith(".") and word is not None:
        w = word.group(1)
        if w.lower() in _ABBREVIATIONS:
            return False
        if len(w) == 1 and w.isupper():  # an initial ("John F. Kennedy", "U.S.")
            return False
    rest = text[end_match.end():].lstrip()
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
            if not _is_boundary(text[line_start:line_end], _shift(match, line_start)):
                continue
            _add(sentences, text, cursor, match.end(), paragraph, first)
            first = False
            cursor = match.end()
        _add(sentences, text, cursor, line_end, paragraph, first)
        paragraph += 1
    return sentences


class _Shifted:
    def __init__(self, match: re.Match, offset: int) -> None:
        self._m, self._o = match, offset

    def start(self) -> int:
        return self._m.start() - self._o

    def end(self) -> int:
        return self._m.end() - self._o

    def group(self) -> str:
        return self._m.group()


def _shift(match: re.Match, offset: int) -> "_Shifted":
    return _Shifted(match, offset)  # type: ignore[return-value]


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int, first: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], paragraph, first))
