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
    "د",  # Arabic "د." (doctor) before a name
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
# Wire copy, e-mails and broadcast scripts often arrive hard-wrapped, each line ending
# inside a sentence; since a line break ends a sentence (headlines, datelines), such
# lines are joined first.  A break is joined
# * in any text, when the line visibly stops mid-sentence (no closing punctuation, and
#   the next line opens in lower case);
# * in a text wrapped at a width (most lines that go on are nearly as long as the longest);
# * in a text wrapped at uneven widths (a typist's or a converter's breaks: several lines
#   visibly go on), and in a text wrapped at a width, when the line does not end a sentence, is prose, and the next
#   line does not open a block of its own (a cue, a field, a label, a dateline, a bullet,
#   a heading in capitals): "the spokesman for the" / "World Food Program, says".
_HEADER_LINE_RE = re.compile(r"^[A-Za-z][A-Za-z \-]{1,24}:\s")
_CLOSES_RE = re.compile(r"[.!?:;\"”’')\]]$")
# a sentence's end: a full stop (! ?), perhaps inside a closing quote or bracket
_ENDS_SENTENCE_RE = re.compile(r"[.!?:]+[\"”’')\]]*$")
_ENDS_ABBREVIATION_RE = re.compile(r"(?:^|[\s(\"“])(?:(?:[A-Za-z]\.){1,3}|([A-Za-z]{2,5})\.)$")


_FIELD_LINE_RE = re.compile(r"^\s*[A-Z][A-Z \-]{1,24}=")  # a script's "DATE=12/2/99", "BYLINE=..."
_SCRIPT_LABEL_RE = re.compile(r"^[A-Z][A-Z \-]{1,24}:\s")  # a script's "INTRO: ...", "TEXT: ..." (prose follows)
# a line that opens a block of its own: a cue ("/// ACT ///"), a bullet or a number ("1." "2)"),
# a dateline ("KINSHASA, Dec 2 -", "MONROVIA (AP) --")
_OPENS_BLOCK_RE = re.compile(r"^\s*(?:/{2,}|[-*•–—]\s|\d{1,2}[.)]\s|\(\d{1,2}\)\s"
                             r"|[A-Z]{3,}[A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]+){0,3}"  # a place in capitals,
                             r"(?:,[^\n]{1,40}?)?\s*(?:\(|--|[-–—]\s))")  # a date, then an agency or a dash
_LOWER_WORD_RE = re.compile(r"(?<![^\s(\"“‘'])[a-z][a-z'’\-]*\b")


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


def _ends_sentence(line: str) -> bool:
    """Whether a line ends where a sentence ends: a full stop, ! ? or a colon (perhaps inside a
    closing quote or bracket), not a title or an initial ("Mr.", "Gen.", "John F.")."""
    line = line.rstrip()
    if not _ENDS_SENTENCE_RE.search(line):
        return False
    m = _ENDS_ABBREVIATION_RE.search(line)
    if m is None:
        return True
    if m.group(1) is not None:
        return m.group(1).lower() not in _ABBREVIATIONS_AT_BREAK
    return re.search(r"(?:[A-Za-z]\.){2,}$", line) is not None  # "the U.S." ends; an initial "F." does not


# titles and other words that are cut from the name they belong to when a line ends on them
_ABBREVIATIONS_AT_BREAK = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "rev", "prof",
                           "sen", "rep", "gov", "brig", "adm", "cmdr", "pres", "fr", "mt", "ft", "no", "vs"}


# words a line of prose does not stop on: a headline never ends "... by the"
_GOES_ON = {"a", "an", "the", "of", "by", "for", "to", "in", "on", "at", "and", "or", "but", "with", "from", "that",
            "as", "into", "whose", "who", "which", "its", "their", "his", "her"}


_LAST_WORD_RE = re.compile(r"([A-Za-z]+)$")


def _goes_on(line: str) -> bool:
    """Whether a line visibly stops inside a sentence: on a comma or on a word that a sentence
    does not end with ("the", "of", "and")."""
    line = line.rstrip()
    if line.endswith(","):
        return True
    m = _LAST_WORD_RE.search(line)
    return m is not None and m.group(1).lower() in _GOES_ON


def _prose(line: str) -> bool:
    """A line of running prose (three words in lower case; in a text set in capitals, five
    words), not a headline, a name or a date."""
    if _all_caps(line):
        return len(line.split()) >= 5
    count = 0
    for _ in _LOWER_WORD_RE.finditer(line):
        count += 1
        if count >= 3:
            return True
    return False


def _all_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _unevenly_wrapped(lines: list[str]) -> bool:
    """Whether the breaks are a wrap's, whatever the widths: several lines that stop before a
    sentence ends go on in lower case on the next (a paragraph a line never does)."""
    open_breaks = lower = 0
    for a, b in zip(lines, lines[1:]):
        b = b.lstrip()
        if not a.strip() or not b or _metadata(a) or _CLOSES_RE.search(a.rstrip()) or _opens_block(b, a):
            continue
        open_breaks += 1
        if b[0].islower() or _goes_on(a):
            lower += 1
    return lower >= 2 and lower >= 0.3 * open_breaks


def _opens_block(line: str, prev: str) -> bool:
    """Whether a line opens a block of its own: a cue, a bullet, a dateline, a field or a label,
    a heading in capitals under a line that is not."""
    if _OPENS_BLOCK_RE.match(line) or _FIELD_LINE_RE.match(line) or _SCRIPT_LABEL_RE.match(line.lstrip()):
        return True
    return _all_caps(line) and not _all_caps(prev)


def unwrap_lines(text: str) -> tuple[str, int]:
    """(text with the line breaks inside sentences joined, how many were joined)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text, 0
    width = _wrap_width(lines)
    wrapped_text = bool(width) or _unevenly_wrapped(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    out: list[list[str]] = [[lines[0]]]  # each line of the result, as the pieces it is joined from
    length = len(lines[0])  # of the line being built
    joined = 0
    for number, line in enumerate(lines[1:], 1):
        pieces = out[-1]
        head, prev = pieces[0], pieces[-1]
        stripped = line.strip()
        # a header line ("Date: ...") ends where it ends; a script's label ("TEXT: Rebels continue
        # their push down the") opens prose that the wrap cut like any other line
        label = _SCRIPT_LABEL_RE.match(head) is not None and (
            width and length >= 0.6 * width or not width and wrapped_text)
        if prev.strip() and stripped and (label or not _HEADER_LINE_RE.match(head)) \
                and not _HEADER_LINE_RE.match(line):
            wrapped = width and length >= 0.6 * width and not _opens_block(line, prev)
            mid_sentence = not _CLOSES_RE.search(prev.rstrip()) and stripped[0].islower()
            # the text's first line, alone, is a headline unless it visibly goes on ("... by the")
            headline = number - 1 == first and len(pieces) == 1 and not _goes_on(prev)
            cut = (wrapped_text and not headline and not _metadata(head) and not _ends_sentence(prev)
                   and _prose(prev) and not _opens_block(line, prev))
            if wrapped or mid_sentence or cut:
                if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and stripped[0].islower():
                    pieces[-1] = prev + stripped  # a word hyphenated at the break ("US-" / "backed")
                    length += len(stripped)
                else:
                    pieces[-1] = prev.rstrip()
                    pieces.append(stripped)
                    length = length - (len(prev) - len(pieces[-2])) + 1 + len(stripped)
                joined += 1
                continue
        out.append([line])
        length = len(line)
    return "\n".join(" ".join(pieces) for pieces in out), joined
