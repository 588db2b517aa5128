"""A working copy of a report for the reading rules: same length, same offsets.

Two kinds of text are not prose as the rules and the parse expect it:

* a broadcaster's **script**, as wire services distributed them in the 1990s
  (``DATE=12/2/99 TYPE=CORRESPONDENT REPORT ... BYLINE=... CONTENT= INTRO: ... TEXT: ...``,
  sound cues between ``///`` marks, a closing ``(SIGNED) NEB/...`` line): the fields,
  labels and cues are the desk's, not the story's;
* text set **all in capitals**: every word looks like a name.

`working_text` returns a copy where the script's markup is blanked out (spaces) and
capital-only lines are set in ordinary case (a word a dictionary knows in lower case
is lower case; a word it does not know, a state, a people or a title before a name is
capitalised; short unknown words stay acronyms).  The copy has exactly the original's
length, so every offset the assistant proposes still points into the report as stored;
quotes are taken from the original.  The reporter named by the script's byline, or
signing on ("VOA's Jane Doe reports from ..."), is blanked too: the one who writes the
report is neither an actor nor a speaker in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Optional

from . import lexicon as L

__all__ = ["Working", "working_text"]


@dataclass
class Working:
    text: str
    notes: list[str] = field(default_factory=list)
    byline: str = ""
    script_date: Optional[date] = None


_FIELD_RE = re.compile(r"(?<![A-Za-z])(DATE|TYPE|TITLE|NUMBER|BYLINE|DATELINE|TELEPHONE|EDITOR|CONTENT|INTERNET|"
                       r"ELECTRONIC|PRIORITY|SLUG)=")
_LABEL_RE = re.compile(r"(?<![A-Za-z])(?:VOICED AT|INTRO|TEXT|END ACT|END OPT|OPT|ACT|VOICE|TAG)\s*:")
# a script file's own header lines: "SLUG: 2-304071 Liberia Fighting (L)", "DATE:", "NOTE NUMBER:"
_HEADER_LINE_RE = re.compile(r"^[ \t]*(?:SLUG|DATE|NOTE NUMBER|NUMBER)[ \t]*:[^\n]*$", re.M)
_CUE_RE = re.compile(r"/{2,3}[^/\n]{0,300}?/{2,3}")
_SIGNED_RE = re.compile(r"\((?i:signed)\)[^\n]*(?:\n[ \t]*[A-Z]{2,4}(?:/[A-Z]{2,4})+[^\n]*)?|^\s*NNNN\s*$", re.M)
_STAFF_NAME = r"[A-Z][a-z]+(?:[ \t][A-Z]\.)?[ \t][A-Z][a-z]+"
_SIGN_ON_RE = re.compile(
    # (a beat before the role is no name: "VOA's White House bureau chief Jane Doe" is Jane Doe)
    r"(?:\b(?:V-O-A|VOA|Voice of America)['’]s[ \t]+(?:(?:[A-Z][a-z]+[ \t]+){0,3}"
    r"(?:correspondent|reporter|bureau[ \t]+chief|producer)[ \t]+)?"
    r"|\b(?:[Cc]orrespondent|[Rr]eporter)[ \t]+)"
    r"(?P<name>[A-Z][a-z]+(?:[ \t\-][A-Z][a-z]+){1,2})"
    rf"|(?P<name2>{_STAFF_NAME})[ \t]+reports[ \t]+(?:from|that|on)\b"
    # a newscast's reporter signing off: "Jane Doe, VOA News, Kigali."
    rf"|(?P<name6>{_STAFF_NAME}),[ \t]+(?:V-O-A|VOA|Voice[ \t]+of[ \t]+America)[ \t]+[Nn]ews\b"
    # the desk introducing its reporter's piece: "Jane Doe has more", "Jane Doe in Kigali has a report
    # from ...", "Jane Doe, who covered the war, has this look at ..."
    rf"|(?P<name3>{_STAFF_NAME})(?:[ \t]+in[ \t]+[A-Z][a-z]+|,[ \t]+who[^.\n\"“]{{1,80}},)?[ \t]+has[ \t]+"
    r"(?:more(?=[ \t]*(?:[.:]|$|(?:in|on|from|now)\b))|this[ \t]+(?:report|look|story)|a[ \t]+report)\b"
    # a newscast's presenter, not quoted: "Reporting by remote, I'm Jane Doe.", "I'm Jane Doe reporting."
    rf"|(?:^|(?<=[.!?,]\s)|(?<=\n))I['’]m[ \t]+(?P<name4>{_STAFF_NAME})(?=[ \t]*[.,\n]|[ \t]+reporting\b|[ \t]*$)"
    # the credits of an adapted story: "Jane Doe adapted it for Learning English. John Roe was the editor."
    rf"|(?P<name5>{_STAFF_NAME})[ \t]+(?:adapted[ \t]+(?:it|this[ \t]+story|this[ \t]+report)[ \t]+for\b"
    r"|was[ \t]+the[ \t]+editor(?=[ \t]*(?:\.|$)))", re.M)  # (not "X was the editor of the Sentinel")


# "Margaret Besheer at the United Nations contributed to this report.": the desk's credit, not the story
_CREDIT_RE = re.compile(
    r"(?:^|(?<=[.!?\n]))[ \t]*[A-Z][a-z'’\-]+(?:[ \t](?:[A-Z]\.|[A-Z][a-z'’\-]+)){1,3}"
    r"(?:,?[ \t]+(?:and|in|at|from|of)[ \t]+[^.\n]{0,60}?)?[ \t]+contributed[ \t]+"
    r"(?:to[ \t]+this[ \t]+(?:report|story|article)|reporting)[^.\n]{0,40}\.?", re.M)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _script_date(value: str) -> Optional[date]:
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", value.strip())
    if not m:
        return None
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900 if year > 30 else 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _strip_script(text: str, chars: list[str], work: Working) -> None:
    fields = list(_FIELD_RE.finditer(text))
    if len(fields) < 2:  # one "DATE=" is no script
        return
    labels = [m.start() for m in _LABEL_RE.finditer(text)]
    for n, m in enumerate(fields):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        ends = [line_end] + [x for x in labels if x >= m.end()][:1]
        if n + 1 < len(fields):
            ends.append(fields[n + 1].start())
        end = min(ends)
        value = text[m.end():end].strip()
        if m.group(1) == "DATE" and work.script_date is None:
            work.script_date = _script_date(value)
        elif m.group(1) == "BYLINE" and value and not work.byline:
            work.byline = value.title()
        _blank(chars, m.start(), end)
    for m in _LABEL_RE.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _HEADER_LINE_RE.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _CUE_RE.finditer(text):
        _blank(chars, m.start(), m.end())
    for m in _SIGNED_RE.finditer(text):
        _blank(chars, m.start(), m.end())
    work.notes.append("a broadcast script: its fields (DATE=, BYLINE=, ...), labels (INTRO:, TEXT:) and sound cues "
                      "were not read as the story")


# -- capitals -----------------------------------------------------------------------------
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?(?:-[A-Za-z]+(?:['’][A-Za-z]+)?)*\.?")
_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "sen", "rep", "gov", "brig",
           "adm", "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_PROPER = (L.COUNTRIES | L.DEMONYMS | L.MONTH_WORDS | {n for n in L.NEWS_AGENCIES if " " not in n}
           | {"god", "allah", "islam", "christmas", "ramadan", "easter"})
_NOT_PROPER = {"international", "foreign", "western", "eastern", "northern", "southern", "islamic", "muslim",
               "christian", "may", "march", "mar", "jan", "dec", "sep", "oct", "nov", "aug", "jun", "jul", "apr",
               "feb", "sept", "english"}
_KEEP_CAPS = {"UN", "U-N", "U-S", "USA", "UK", "EU", "NATO", "KLA", "PKK", "PLO", "OSCE", "ICRC", "UNHCR",
              "UNICEF", "AU", "AMISOM", "ISIS", "ISIL", "AFP", "AP", "BBC", "CNN", "VOA", "V-O-A", "U-N-H-C-R"}


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """English words in lower case: the stop words and, when the English model is there,
    its lemmatizer's word index (WordNet's words); else the assistant's own word lists."""
    words: set[str] = set(L.COMMON_CAPS) | set(L.SPEECH_VERBS) | set(L.ORG_WORDS) | set(L.ARMED_WORDS) \
        | set(L.ARMED_CUES) | set(L.PERSON_NOUNS) | set(L.SPEAKER_NOUNS) | set(L.TITLES) | set(L.PLACE_NOUNS) \
        | set(L.DIRECTIONS)
    try:
        from spacy.lang.en.stop_words import STOP_WORDS

        words |= set(STOP_WORDS)
    except Exception:  # spaCy absent: the word lists above
        pass
    try:
        from .parse import model

        nlp = model()
        if nlp is not None:
            lookups = nlp.get_pipe("lemmatizer").lookups
            for table in ("lemma_index",):
                if lookups.has_table(table):
                    for values in lookups.get_table(table).values():
                        words.update(w for w in values if "_" not in w)
            if lookups.has_table("lemma_exc"):
                for values in lookups.get_table("lemma_exc").values():
                    words.update(values.keys())
    except Exception:  # no model, or one without the tables: the lists above
        pass
    return frozenset(w.lower() for w in words)


def _known(word: str, words: frozenset[str]) -> bool:
    w = word.lower().rstrip(".")
    w = re.sub(r"['’]s$", "", w)
    if w in words:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                         ("ly", ""), ("er", ""), ("est", ""), ("d", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and w[: len(w) - len(suffix)] + repl in words:
            return True
    return False


def _case_word(word: str, words: frozenset[str]) -> tuple[str, bool]:
    """(the word in ordinary case, whether it is a name)."""
    bare = word.rstrip(".")
    if bare in _KEEP_CAPS:
        return word, True
    if "-" in bare and not bare.lower().rstrip("s") in words:
        parts = bare.split("-")
        cased = []
        name = False
        for i, p in enumerate(parts):
            c, n = _case_word(p, words)
            if i > 0 and not n:
                c = c.lower()
            cased.append(c)
            name = name or n
        return "-".join(cased) + word[len(bare):], name
    low = word.lower()
    key = re.sub(r"['’]s$", "", low.rstrip("."))
    if key in _ABBREV and word.endswith("."):
        return word[0] + low[1:], False
    if key in _PROPER and key not in _NOT_PROPER:
        return word[0] + low[1:], True
    if _known(word, words):
        return low, False
    letters = re.sub(r"[^A-Za-z]", "", bare)
    if len(letters) <= 3 or not re.search(r"[AEIOUY]", letters):
        return word, True  # an acronym
    return word[0] + low[1:], True


def _truecase_line(text: str, chars: list[str], start: int, end: int, words: frozenset[str]) -> None:
    tokens = list(_WORD_RE.finditer(text, start, end))
    decided: list[tuple[str, bool]] = [_case_word(m.group(), words) for m in tokens]
    # a title word just before a name is part of it ("PRESIDENT LAURENT KABILA")
    for i in range(len(tokens) - 2, -1, -1):
        low = tokens[i].group().lower().rstrip(".")
        if decided[i + 1][1] and (low in L.TITLES or low in _ABBREV) \
                and text[tokens[i].end():tokens[i + 1].start()].strip(" .") == "":
            decided[i] = (tokens[i].group()[0] + tokens[i].group()[1:].lower(), True)
    _names_after_titles(text, tokens, decided)
    _organisation_names(tokens, decided)
    for i, (m, (word, _)) in enumerate(zip(tokens, decided)):
        before = text[start:m.start()].rstrip(" \"“'(\t")
        opens = not before or before.endswith((".", "!", "?", ":", "\n", "--")) or before[-1] == "\n"
        if opens and word[:1].islower():
            word = word[0].upper() + word[1:]
        for k, ch in enumerate(word):
            chars[m.start() + k] = ch


def _names_after_titles(text: str, tokens: list, decided: list[tuple[str, bool]]) -> None:
    """"COMMANDER BERNARD JANVIER", "SPOKESMAN FRANCO VELTRI", "COMMANDER LEIGHTON SMITH, SAID": after a
    title, a word the dictionary knows next to a name it does not is part of that name (a first name
    before, a surname after, when the name ends there: a comma or a verb of saying follows)."""
    words = [m.group().lower().rstrip(".") for m in tokens]
    for i in range(len(tokens) - 2):
        if words[i] not in L.TITLES or text[tokens[i].end():tokens[i + 2].start()].count(",") \
                or not words[i + 1].isalpha() or not words[i + 2].isalpha():
            continue
        first, second = decided[i + 1][1], decided[i + 2][1]
        if not first and second and words[i + 1] not in _STOP_AFTER_TITLE:
            decided[i + 1] = (tokens[i + 1].group()[0] + words[i + 1][1:], True)
        elif first and not second and words[i + 2] not in _STOP_AFTER_TITLE \
                and words[i + 2] not in L.SPEECH_VERBS and i + 3 < len(tokens) \
                and (text[tokens[i + 2].end():tokens[i + 3].start()].strip() == ","
                     or words[i + 3] in L.SPEECH_VERBS):
            decided[i + 2] = (tokens[i + 2].group()[0] + words[i + 2][1:], True)


# words that follow a title without being a name ("PRESIDENT AND ...", "COMMANDER OF ...")
_STOP_AFTER_TITLE = {"and", "or", "of", "for", "the", "a", "an", "in", "on", "at", "to", "who", "has", "had", "is",
                     "was", "will", "would", "said", "says", "also", "has", "general", "minister", "secretary"}
_ORG_HEADS = {"front", "movement", "party", "rally", "alliance", "league", "union", "congress", "council",
              "brigade", "brigades", "organization", "organisation", "army", "coalition", "assembly", "committee"}
_NOT_NAME_LEADS = {"ruling", "main", "opposition", "rebel", "rebels", "local", "government", "new", "same", "other",
                   "national", "regional", "provincial", "state", "federal", "security", "military", "this", "that",
                   "its", "their", "his", "her", "a", "an", "another", "one", "two", "three", "former", "interim",
                   "transitional", "joint", "peace", "general", "country's", "city's", "region's"}


def _organisation_names(tokens: list, decided: list[tuple[str, bool]]) -> None:
    """"THE VALLEY LIBERATION FRONT", "UGANDAN-BACKED CONGOLESE LIBERATION MOVEMENT": a run of
    dictionary words ending in an organisation's head noun, opened by "the" or a name, with
    at least two words before the head, is a name ("... RALLY FOR DEMOCRACY" too)."""
    words = [m.group().lower().rstrip(".") for m in tokens]
    for h, head in enumerate(words):
        if head not in _ORG_HEADS:
            continue
        i = h
        while i > 0 and h - i < 4 and not decided[i - 1][1] and words[i - 1] not in ("the", "a", "an") \
                and words[i - 1] not in L.SPEECH_VERBS and re.fullmatch(r"[a-z'’\-]+", words[i - 1]):
            i -= 1
        opener = words[i - 1] if i > 0 else ""
        if h - i < 1 or not (opener == "the" or (i > 0 and decided[i - 1][1]) or opener.endswith("-backed")):
            continue
        if words[i] in _NOT_NAME_LEADS:
            continue
        end = h + 1
        if end + 1 < len(words) and words[end] in ("for", "of") and not decided[end + 1][1] \
                and words[end + 1] not in ("the", "a", "an"):
            end += 2
        for k in range(i, end):
            w = tokens[k].group()
            if words[k] in ("for", "of", "and"):
                decided[k] = (w.lower(), False)
            else:
                decided[k] = (w[0] + w[1:].lower(), True)


_UPPER_RE = re.compile(r"[A-Z]+")
_LOWER_RE = re.compile(r"[a-z]+")


def _truecase(text: str, chars: list[str], work: Working) -> None:
    words = None
    changed = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        upper = len(line) - len(_UPPER_RE.sub("", line))
        if upper < 30:
            continue
        lower = len(line) - len(_LOWER_RE.sub("", line))
        if upper < 0.85 * (upper + lower):
            continue
        if words is None:
            words = _dictionary()
        _truecase_line(text, chars, start, end, words)
        changed += 1
    if changed:
        work.notes.append("the text is set in capitals: it was read in ordinary case (words an English dictionary "
                          "knows in lower case), so fewer names are found in it")


def _blank_reporters(text: str, chars: list[str], work: Working) -> None:
    names = set()
    if work.byline:
        names.add(work.byline)
    for m in _SIGN_ON_RE.finditer(text):
        name = next(n for n in m.group("name", "name2", "name3", "name4", "name5", "name6") if n)
        if name.split()[-1].lower() in ("service", "services", "desk", "section", "bureau", "program", "programme"):
            continue  # "told VOA's Somali Service": a part of the outlet, no reporter's name
        if name.split()[0].lower() not in L.COMMON_CAPS:
            names.add(name)
    for name in names:
        parts = [re.escape(p) for p in name.split()]
        if not parts:
            continue
        for m in re.finditer(r"\b" + r"\s+".join(parts) + r"\b", text, re.I):
            _blank(chars, m.start(), m.end())
        # the surname alone, once the reporter is named ("Heinlein says"): only for a byline
    return None


def working_text(text: str, body_start: int = 0) -> Working:
    """The copy the assistant reads (see the module's doc); `body_start` keeps the header
    block ("Headline: ...") as it is."""
    work = Working(text)
    if _FIELD_RE.search(text, 0, body_start):  # a script's first line is no headline to keep
        body_start = 0
    credits = [m.span() for m in _CREDIT_RE.finditer(text, body_start)]
    # a wire's sign-off line, "(signed) NEB/LRW 06-Sep-1999 06:51 AM EDT", script or not: the desk's initials
    credits += [m.span() for m in _SIGNED_RE.finditer(text, body_start) if m.group().startswith("(")]
    if not (credits or _FIELD_RE.search(text) or _SIGN_ON_RE.search(text)
            or re.search(r"[A-Z]{2,}\W+[A-Z]{2,}\W+[A-Z]{2,}", text)):
        return work  # ordinary prose: nothing to change
    if credits:
        chars = list(text)
        for a, b in credits:
            _blank(chars, a, b)
        work.notes.append("a reporter's credit or the desk's sign-off line is not the story: left out")
        text = "".join(chars)
    chars = list(text)
    body = text[body_start:]
    if _FIELD_RE.search(body) or _LABEL_RE.search(body):
        _strip_script(text, chars, work)
        if body_start:
            chars[:body_start] = list(text[:body_start])
    cased = "".join(chars)
    chars2 = list(cased)
    _truecase(cased, chars2, work)
    if body_start:
        chars2[:body_start] = list(text[:body_start])
    cased = "".join(chars2)
    chars3 = list(cased)
    _blank_reporters(cased, chars3, work)
    if body_start:
        chars3[:body_start] = list(text[:body_start])
    work.text = "".join(chars3)
    assert len(work.text) == len(text)
    return work
