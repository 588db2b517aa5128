"""Finding the names in a report's sentences: known names first (the gazetteer), then
new candidates, capitalised phrases that something marks as a person (a title, an
apposition, a speech verb), an organisation, an armed group or a state that acts.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Optional, Sequence

from . import lexicon as L
from .bodies import nationality
from .names import WELL_KNOWN_ACTOR_KEYS, Gazetteer, Mention, _countries, _Entry
from .name_shapes import BEING_RE as _BEING_RE
from .name_shapes import KIND_AFTER_RE as _KIND_AFTER_RE
from .name_shapes import PLURAL_NAME_WORDS as _PLURAL_NAME_WORDS
from .name_shapes import KNOWN_AS_RE as _KNOWN_AS_RE, KNOWN_AS_BODIES as _KNOWN_AS_BODIES
from .name_shapes import ARTICLE_PREFIX_RE as _ARTICLE_PREFIX_RE
from .name_shapes import FACILITIES as _FACILITIES
from .name_shapes import UNIT_WORDS as _UNIT_WORDS
from .name_shapes import OUTLET_BEFORE_RE as _OUTLET_BEFORE_RE
from .name_shapes import OWNER_RE as _OWNER_RE
from .name_shapes import REGION_RE as _REGION_RE
from .name_shapes import gap_ok as _gap_ok
from .name_shapes import name_extension as _name_extension
from .name_shapes import a_place, is_dateline, landform
from .name_shapes import title_word as _title
from .text import Sentence, Token, fold, tokenize

__all__ = ["MentionFinder", "peoples_of"]


def _split_modifiers(tokens: list[Token], text: str = "") -> tuple[list[Token], set[int]]:
    """"US-backed" gives the token "US" marked as a modifier; so does "U.S.-led"."""
    out: list[Token] = []
    modifiers: set[int] = set()
    skip_next = False
    for i, t in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (text and after is not None and t.text.endswith(".") and text[t.end:after.start] == "-"
                and after.key in L.MODIFIER_SUFFIXES):
            modifiers.add(len(out))
            out.append(t)
            skip_next = True
            continue
        if "-" in t.text:
            head, _, tail = t.text.rpartition("-")
            if tail.lower() in L.MODIFIER_SUFFIXES and head:
                modifiers.add(len(out))
                out.append(Token(head, t.start, t.start + len(head), fold(head)))
                continue
        out.append(t)
    return out, modifiers


def _word_keys(tok: Token) -> tuple[str, ...]:
    """"al-Qaida" is also "qaida", "Al-Shabab" also "shabab": the Arabic article says nothing of the kind."""
    bare = _ARTICLE_PREFIX_RE.sub("", tok.key)
    return (tok.key, bare) if bare != tok.key else (tok.key,)


def peoples_of(text: str) -> set[str]:
    """The peoples a report names as such ("ethnic Hutu", "the minority Tutsi"), folded."""
    return {fold(m.group("people")) for m in _PEOPLE_RE.finditer(text)}


def acronym_like(words: list[Token]) -> bool:
    return len(words) == 1 and words[0].all_caps and 2 <= len(words[0].text.replace(".", "")) <= 6



# Words after which a name opens a clause (and may be its subject): "and Turkey has ...".
_CLAUSE_OPENERS = {"and", "but", "while", "as", "when", "that", "after", "because", "since", "whereas",
                   "although", "though", "said", "says", "meanwhile", "then", "where", "before", "until", "if"}


# Common nouns for a body, capitalised in a title or at a sentence's start ("Army spokesman
# Philip Aguer", "Police said"): alone, such a word names no particular actor.
_BODY_NOUNS = {"army", "military", "police", "government", "forces", "troops", "ministry", "navy", "council",
               "court", "parliament", "authorities", "authority", "command", "coalition", "mission", "office",
               "department", "agency", "committee", "commission", "militia", "militants", "rebels", "opposition",
               "regime", "cabinet", "administration", "security", "intelligence", "embassy", "party", "group"}
# "militants linked to X", "fighters loyal to X": X is the party they belong to, not a place
_TIED_TO_RE = re.compile(r"\b(?:linked|tied|loyal|allied|affiliated|close|connected|aligned|allegiance)\s+(?:to|with)\s+(?:the\s+)?$",
                         re.I)
# "the militant group Hamas", "the rebel movement M23": the class noun says what the name is
# ("Islamist group Ansar Dine", "Tuareg rebel group MNLA": a capitalised word of kind, with no article)
_CLASS_NOUN_RE = re.compile(r"(?:\b(?:the|a|an)\s+|\b[A-Z][a-z]+\s+)(?:[a-z\-]+\s+){0,2}(?P<noun>group|movement|"
                            r"militia|organi[sz]ation|faction|party|alliance|network)\s+$")
_GROUP_APPOSITION_RE = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[a-z\-]+\s+){0,3}?(?P<noun>group|movement|militia|"
                                  r"organi[sz]ation|faction|network|coalition|alliance|party)\b")
_ARMED_MODIFIER_RE = re.compile(r"\b(?:militant|rebel|extremist|jihadist|jihadi|armed|insurgent|terrorist|separatist|"
                                r"islamist|guerrilla|paramilitary)\b", re.I)
# "ethnic Hutu", "the minority Tutsi": the word names a people (never an actor by itself)
_PEOPLE_RE = re.compile(r"\b(?:[Ee]thnic|[Mm]inority|[Mm]ajority|[Tt]ribal|[Ii]ndigenous)\s+(?P<people>[A-Z][a-z]+)\b")
_ADJECTIVE_RE = re.compile(r"(?:ist|ite|i|ian|ese)$")  # "Islamist", "Shiite", "Houthi", "Maoist"
# bodies known by one word that is their name (general knowledge, like the lexicon's lists)
_ONE_WORD_BODIES = {"pentagon", "kremlin", "unicef", "unhcr", "icrc", "unesco", "unrwa", "interpol", "knesset",
                    "duma", "ecowas", "amisom", "unamid", "monusco", "minusma", "kfor", "sfor", "ifor", "unprofor"}
_HEDGES = {"suspected", "alleged", "presumed", "unidentified", "unknown", "so-called", "purported", "apparent"}
_MEMBERS_OF = {"fighters", "militants", "members", "supporters", "leaders", "soldiers", "troops", "officials",
               "commanders", "gunmen", "rebels", "units", "elements", "remnants", "loyalists", "followers"}
_ARMED_MEMBERS = {"fighters", "militants", "rebels", "insurgents", "gunmen", "guerrillas", "militias", "militia",
                  "separatists", "extremists", "jihadists", "militiamen", "rebel", "insurgent", "guerrilla"}


class MentionFinder:
    def __init__(self, text: str, sentences: Sequence[Sentence], gazetteer: Gazetteer,
                 skipped: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.peoples = peoples_of(text)
        self.members_named: dict[str, str] = {}  # a people -> the name of the armed group of its members
        self.a_place = lru_cache(maxsize=None)(partial(a_place, text))  # one scan of the text per name
        self.sentences = sentences
        self.gaz = gazetteer
        self.skipped = skipped
        self.lower_words = {m.group() for m in re.finditer(r"\b[a-z][a-z'\-]+\b", text)}
        self.mentions: list[Mention] = []
        # A report that lost its apostrophes writes "Russias forces" for "Russia's forces".
        self.no_apostrophes = not re.search(r"\w['’]s\b", text)
        self.capital_words = {m.group() for m in re.finditer(r"\b[A-Z][\w\-]+", text)} if self.no_apostrophes else set()
        self.possessive: set[int] = set()  # token starts of such possessives, in the current sentence
        self.surnames: set[str] = set()  # last words of the full names found in the sentences before

    # -- known names ---------------------------------------------------------------
    def scan_known(self, si: int, tokens: list[Token], modifiers: set[int]) -> set[int]:
        used: set[int] = set()
        i = 0
        n_tok = len(tokens)
        while i < n_tok:
            matched = False
            longest = self.gaz.first_words.get(tokens[i].key, 0)  # (most words start no known name)
            for n in range(min(longest, n_tok - i), 0, -1):
                window = tokens[i:i + n]
                if n > 1 and not all(_gap_ok(self.text, a, b) for a, b in zip(window, window[1:])):
                    continue
                key = " ".join(t.key for t in window)
                entries = self.gaz.index.get(key)
                if not entries:
                    continue
                surface = self.text[window[0].start:window[-1].end]
                entries = [e for e in entries if self._case_ok(e, surface)]
                if not entries:
                    continue
                actor = next((e for e in entries if e.kind == "actor"), None)
                entry = actor or entries[0]
                if actor is not None and actor.actor_kind in ("armed_group", "organisation") \
                        and _name_extension(self.text, tokens, i + n) is not None:
                    break  # "Islamic State in the Greater Sahara": a longer name of its own, read as a run
                self.mentions.append(Mention(window[0].start, window[-1].end, surface, name=surface, known=entry,
                                             modifier=(i in modifiers and n == 1), sentence=si,
                                             kind=entry.actor_kind if entry.kind == "actor" else "source"))
                if entry.kind == "actor" and len(entries) > 1:
                    self.mentions[-1].also_source = next((e for e in entries if e.kind == "source"), None)
                used.update(range(i, i + n))
                i += n
                matched = True
                break
            if not matched:
                i += 1
        return used

    @staticmethod
    def _case_ok(entry: _Entry, surface: str) -> bool:
        if entry.case_sensitive:
            letters = [c for c in surface if c.isalpha()]
            return all(c.isupper() for c in letters)
        return any(c.isupper() for c in surface) or not entry.has_capitals

    # -- capitalised phrases ---------------------------------------------------------
    def runs(self, sentence: Sentence, tokens: list[Token], used: set[int]) -> list[list[int]]:
        runs: list[list[int]] = []
        current: list[int] = []
        pending: list[int] = []  # connectors waiting for a capitalised word
        first_index = 0
        for idx, tok in enumerate(tokens):
            capital = self._is_name_word(tok, idx == first_index or self._after_opening(sentence, tok))
            if idx in used:
                capital = False
            joined = bool(current) and self._joined(tokens[(pending or current)[-1]], tok)
            if capital:
                if current and joined and not (not pending and self._breaks_before(tokens, current, tok)):
                    current.extend(pending)
                    current.append(idx)
                else:
                    if current:
                        runs.append(current)
                    current = [idx]
                pending = []
            elif (current and joined and tok.key in L.CONNECTORS and tok.text.islower() and len(pending) < 2
                  and (tok.key != "the" or pending)):
                pending.append(idx)
            elif current and joined and not pending and tok.key in ("and", "in", "to") and tok.text.islower() \
                    and self._name_goes_on(tokens, current, idx):
                pending.append(idx)
            else:
                if current:
                    runs.append(current)
                current, pending = [], []
        if current:
            runs.append(current)
        return runs

    def _name_goes_on(self, tokens: list[Token], current: list[int], idx: int) -> bool:
        """"Movement for Oneness and Jihad in West Africa", "al-Qaida in the Maghreb": a body's
        name goes on over "and" or "in" when it has said what it is (an organisation's or armed
        group's word) and what it is for ("for", "of"), or is an armed group's one-word name;
        the words after bring no body of their own ("... and Amnesty International") and end
        the name (at most three, then no capital)."""
        if tokens[idx].key == "to":
            # "the African Union Mission to Somalia": a mission's name goes on to the state it is sent to
            after = [t.key for t in tokens[idx + 1:idx + 4]]
            return tokens[current[-1]].key in ("mission", "delegation", "embassy") and any(
                " ".join(after[:n]) in L.COUNTRIES for n in (1, 2, 3)) and tokens[idx + 1].text[:1].isupper()
        if self._known_body(tokens, current) and _name_extension(self.text, tokens, idx) is not None:
            return True  # "Islamic State" + "in the Greater Sahara"
        head = " ".join(tokens[i].key for i in current)
        if any(" ".join([head] + [t.key for t in tokens[idx:idx + n]]) in WELL_KNOWN_ACTOR_KEYS for n in range(2, 6)):
            return True  # "Islamic State" + "in Iraq" + "and the Levant": a name the press knows
        keys = [k for i in current for k in _word_keys(tokens[i])]
        run_words = self.text[tokens[current[0]].start:tokens[current[-1]].end].split()
        # ("Liberians United for Reconciliation and Democracy": a name that says what it is for is a body's)
        if not set(keys) & (L.ORG_WORDS | L.ARMED_WORDS) and not (tokens[idx].key == "and" and "for" in run_words[1:]):
            return False
        purpose = "for" in run_words or "of" in run_words
        if tokens[idx].key == "and" and not purpose:
            return False
        mission = tokens[current[-1]].key in ("mission", "force", "office", "operation", "delegation", "command")
        if tokens[idx].key == "in" and not (purpose or len(current) == 1 or mission):
            return False
        j = idx + 1
        if j < len(tokens) and tokens[j].key == "the" and tokens[idx].key == "in":
            j += 1
        after = []
        while j < len(tokens) and len(after) < 4 and tokens[j].text[:1].isupper() \
                and _gap_ok(self.text, tokens[j - 1], tokens[j]):
            after.append(tokens[j])
            j += 1
        if not after or len(after) > 3 or {t.key for t in after} & L.ORG_WORDS \
                or (len(after) > 1 and after[-1].key in L.ARMED_WORDS):
            return False  # "... and Amnesty International", "... and Islamic Jihad": a body of its own
        return True

    def _known_kind(self, key: str) -> str:
        """The kind of the body a name names when the workspace or the press's usage knows it
        ("islamic state"): an armed group or organisation; "" for any other name."""
        entries = self.gaz.index.get(key) or ()
        kind = next((e.actor_kind for e in entries if e.kind == "actor"), "")
        if kind in ("armed_group", "organisation"):
            return kind
        return "armed_group" if key in WELL_KNOWN_ACTOR_KEYS else ""

    def _known_body(self, tokens: list[Token], current: list[int]) -> bool:
        """The run ends with a known body's name ("Fighters of the Islamic State")."""
        keys = [tokens[i].key for i in current]
        return any(self._known_kind(" ".join(keys[k:])) for k in range(len(keys)) if tokens[current[k]].text[:1].isupper())

    def _trim_possessives(self, tokens: list[Token]) -> list[Token]:
        """"Russias" is "Russia" followed by a lost "'s" when the report has no apostrophes
        and writes "Russia" or "Russian" elsewhere; the name ends there."""
        self.possessive = set()
        if not self.no_apostrophes:
            return self._trim_written_possessives(tokens)
        out: list[Token] = []
        for t in tokens:
            word = t.text
            if (len(word) > 3 and word[0].isupper() and word.endswith("s") and word[-2].islower()
                    and word[-2] not in "su" and word.lower() not in _PLURAL_NAME_WORDS
                    and (word[:-1] in self.capital_words or word[:-1] + "n" in self.capital_words)):
                t = Token(word[:-1], t.start, t.end - 1, fold(word[:-1]))
                self.possessive.add(t.start)
            out.append(t)
        return out

    def _trim_written_possessives(self, tokens: list[Token]) -> list[Token]:
        """"Kabila's troops", "Moscow's forces": the name is "Kabila", and it ends there; inside
        a name ("Sudan People's Liberation Army": a capital goes on) the "'s" stays."""
        out: list[Token] = []
        for i, t in enumerate(tokens):
            word = t.text
            if len(word) > 3 and word[0].isupper() and word[-2:] in ("'s", "’s", "'S", "’S"):
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                j = i + 1  # ("Yasser Arafat's Fatah movement": the owner's name ends at the "'s")
                while j < len(tokens) and tokens[j].text[0].isupper():
                    j += 1
                if after is None or not after.text[0].isupper() or not _gap_ok(self.text, t, after) or (
                        j < len(tokens) and _KIND_AFTER_RE.match(" " + tokens[j].text)):
                    t = Token(word[:-2], t.start, t.end - 2, fold(word[:-2]))
                    self.possessive.add(t.start)
            out.append(t)
        return out

    def _breaks_before(self, tokens: list[Token], current: list[int], tok: Token) -> bool:
        """A lost comma or full stop between two names: "Omar the Chechen The Pentagon",
        "Robert Mardini ICRC regional director", "Russias Aerospace Forces"."""
        last = tokens[current[-1]]
        if last.start in self.possessive:
            return True
        if tok.text == "The":
            return True
        if tok.all_caps and len(current) >= 2 and not any(tokens[i].all_caps for i in current):
            return True
        return False

    def _joined(self, a: Token, b: Token) -> bool:
        """Adjacent words of one name; "Maj. Gen. Igor Konashenkov" keeps its dotted titles."""
        if _gap_ok(self.text, a, b):
            return True
        gap = self.text[a.end:b.start]
        return gap.startswith(".") and gap[1:].strip() == "" and "\n" not in gap and a.key in L.TITLES

    def _after_opening(self, sentence: Sentence, tok: Token) -> bool:
        before = self.text[sentence.start:tok.start].rstrip()
        return before.endswith(('"', "“", "‘", "(", ":", "—", "-")) and len(before) < 3

    def _is_name_word(self, tok: Token, sentence_start: bool) -> bool:
        if re.match(r"^(?:al|el|ad|as|ar|ash|at|az|ez|es|an|ibn|abu)-[A-Z]", tok.text):
            return True  # "al-Assad", "al-Baghdadi"
        if not tok.text[0].isupper() or tok.text[0].isdigit():
            return False
        if tok.key in L.MONTH_WORDS:
            return False
        if tok.all_caps and (len(tok.text.replace(".", "")) > 5 or tok.text in L.ALLCAPS_NOT_NAMES):
            return False  # shouting ("PICTURES"), a dateline city ("MOSCOW"), "URL"
        if sentence_start and not tok.all_caps:
            if tok.key in L.COMMON_CAPS or tok.text.lower() in self.lower_words:
                return False
        elif tok.key in L.COMMON_CAPS and tok.key not in ("the",) and len(tok.text) > 1 and tok.text != tok.text.upper():
            # "At least" in a title-case headline is not a name
            return tok.key not in {"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "by", "from"}
        return True

    def classify(self, sentence: Sentence, tokens: list[Token], run: list[int], si: int, modifiers: set[int]) -> None:
        words = [tokens[i] for i in run]
        # strip a leading title ("President", "Prime Minister", "Father")
        title_words: list[Token] = []
        while len(words) > 1 and _title(words[0].key) and (
                words[0].key not in L.TITLE_LEADS or (len(words) > 2 and words[1].key in L.TITLES)):
            title_words.append(words.pop(0))
        # a lone demonym, or demonyms in front of a name ("British", "Syrian Kurdish")
        if (len(words) > 1 and words[0].key in L.DEMONYMS and not self._org_like(words)
                and (words[1].key in L.TITLES or words[1].all_caps)):
            words.pop(0)
            while len(words) > 1 and _title(words[0].key) and (
                    words[0].key not in L.TITLE_LEADS or (len(words) > 2 and words[1].key in L.TITLES)):
                title_words.append(words.pop(0))
        # "Peshmerga General Hussein Nooraldin", "NATO Secretary-General George Robertson": the body
        # whose title it is, then the title, then the person's name
        at = next((k for k in (1, 2) if len(words) > k + 1 and _title(words[k].key)
                   and words[k].key not in L.TITLE_LEADS), None) if not title_words else None
        if at is not None and not any(_title(w.key) or w.key in L.CONNECTORS for w in words[:at]) \
                and all(w.text[:1].isupper() and not w.all_caps for w in words[at + 1:]):
            title_words, words = words[:at + 1], words[at + 1:]
            while len(words) > 1 and _title(words[0].key):
                title_words.append(words.pop(0))
        while len(words) > 1 and words[0].key in _HEDGES and not title_words:
            words.pop(0)  # "Suspected Islamist militants" at a sentence's start: the hedge is no part of a name
        while len(words) > 2 and words[0].key in _MEMBERS_OF and words[1].key in ("of", "from"):
            words = words[2:]  # "Fighters of the Movement for ...": the body is the name
            while words and words[0].key in L.CONNECTORS:
                words = words[1:]
        if not words:
            return
        before_words = self.text[max(sentence.start, words[0].start - 20):words[0].start]
        if words[0].key in ("ethnic", "minority", "majority", "tribal", "indigenous") and len(words) > 1:
            words = words[1:]  # "Ethnic Hutu" at a sentence's start
        if all(w.key in self.peoples or w.key in L.DEMONYMS or nationality(w.key) for w in words):
            if re.search(r"\b(?:a|an)\s*$", before_words):
                return  # "a Tuareg rebel group": a description, not a name
            # a people ("Hutu") is never an actor by itself; "Hutu rebels" is an armed group whose
            # members belong to it, named with them
            cue = re.match(r"\s+([a-z]+)\b", self.text[words[-1].end:sentence.end])
            if cue is not None and cue.group(1) in _ARMED_MEMBERS | {"forces", "troops", "soldiers", "army"} \
                    and not self.text[words[-1].end:words[-1].end + 2].startswith("'"):
                end = words[-1].end + cue.end()
                surface = self.text[words[0].start:end]
                # "Kurdish rebels" and then "Kurdish fighters": one armed group, named as first told
                people = " ".join(w.key for w in words)
                # ("Chechen rebel bases", "a Hutu rebel commander": the group is its members, "Chechen rebels")
                plural = "s" if cue.group(1) in ("rebel", "insurgent", "guerrilla") else ""
                name = self.members_named.setdefault(people, " ".join(surface.split()) + plural)
                self.mentions.append(Mention(words[0].start, end, surface, kind="armed_group", name=name, sentence=si))
            return
        if is_dateline(self.text, words[0].start, words[-1].end):
            return  # "KABUL, AFGHANISTAN —": a dateline's city, no actor
        if len(words) == 1 and words[0].key in _BODY_NOUNS and not words[0].all_caps and not title_words:
            return  # "Army spokesman ...", "Police said": a common noun in capitals
        if len(words) == 1 and words[0].key in _ONE_WORD_BODIES:
            self.mentions.append(Mention(words[0].start, words[0].end, words[0].text, kind="organisation",
                                         name=words[0].text, sentence=si))
            return  # "the Pentagon said": a body's one-word name
        while words and words[-1].key in L.CONNECTORS:
            words.pop()
        if not words:
            return
        if len(words) >= 3 and any(w.key in L.HEADLINE_VERBS for w in words):
            return  # a title-case headline quoted in the text, not a name
        start, end = words[0].start, words[-1].end
        if title_words:
            start_with_title = title_words[0].start
        else:
            start_with_title = start
        name = self.text[start:end]
        surface = self.text[start_with_title:end]
        keys = {k for w in words for k in _word_keys(w)}
        before = self.text[max(sentence.start, start_with_title - 40):start_with_title]
        after = self.text[end:min(sentence.end, end + 40)]
        prev_word = re.search(r"([A-Za-z\-']+)\W*$", re.sub(r"(?:\b(?:the|a|an)\s*)$", "", before.rstrip(), flags=re.I))
        prev = prev_word.group(1).lower() if prev_word else ""
        next_word = re.match(r"\W*([A-Za-z\-']+)", after)
        nxt = next_word.group(1).lower() if next_word else ""
        kind = ""
        title = " ".join(t.text for t in title_words)
        acronym = len(words) == 1 and words[0].all_caps and 2 <= len(words[0].text.replace(".", "")) <= 6
        class_noun = _CLASS_NOUN_RE.search(before)
        if title_words:
            kind = "person"
        elif words[-1].key in _FACILITIES and len(words) > 1:
            kind = "place"  # "Mogadishu International Airport": a place, whatever its "International"
        elif landform([w.key for w in words]) and nxt not in L.ARMED_CUES:
            kind = "place"  # "the West Bank", "the Red Sea": no bank, no Red Cross
        elif len(words) == 1 and words[0].key in _UNIT_WORDS and re.search(r"\b\d+(?:st|nd|rd|th)?\s+$", before):
            return  # "the 15th Division": a numbered unit of a force, not a name of its own
        elif words[-1].key == "division" and re.search(r"\b(?:in|of|across|throughout)\s+$", before):
            kind = "place"  # "in Malakand Division": an administrative division (a unit takes "the")
        elif class_noun is not None:
            armed = class_noun.group("noun") == "militia" or bool(_ARMED_MODIFIER_RE.search(class_noun.group()))
            kind = "armed_group" if armed else "organisation"
        elif re.search(r"\b(?:the|a|an)\s+(?:rebel|militant|insurgent|jihadist|extremist|separatist|guerrilla)\s+$", before, re.I):
            kind = "armed_group"  # "the rebel Movement for Justice and Equality"
        elif (known_as := _KNOWN_AS_RE.search(before)) is not None:  # "the rebels, known as ..."
            kind = "organisation" if known_as.group("members") in _KNOWN_AS_BODIES else "armed_group"
        elif _TIED_TO_RE.search(before):
            kind = "armed_group" if keys & L.ARMED_WORDS or acronym_like(words) or len(words) == 1 else "organisation"
            if len(words) == 1 and words[0].key in self.surnames:
                kind = "person"  # "fighters loyal to Saleh": the Saleh named before
        elif keys & L.ARMED_WORDS:
            kind = "armed_group"
        elif self._agency(name) or (_OUTLET_BEFORE_RE.search(before) and not title_words) or any(
                o is not None and self._agency(o.group(1)) for o in (_OWNER_RE.search(before), _OWNER_RE.match(name))):
            kind = "source"  # ("VOA's Somali Service": a part of an outlet is an outlet)
        elif keys & L.ORG_WORDS and len(words) > 1 and fold(" ".join(name.split())) not in L.COUNTRIES:
            kind = "organisation"  # ("Central African Republic" is a state, whatever its "Republic")
        elif acronym:
            kind = L.STATE_ACRONYMS.get(re.sub(r"[.\-]", "", words[0].text), "organisation")
            if nxt in L.ARMED_CUES and kind == "organisation":
                kind = "armed_group"
        elif nxt in L.ARMED_CUES and prev not in L.PLACE_PREPOSITIONS:
            kind = "armed_group" if nxt not in ("members", "commanders") or len(words) > 1 else ""
        elif _GROUP_APPOSITION_RE.match(after):
            # "Ansarul Islam, a group led by ...": the apposition says what the name is
            kind = "armed_group" if _GROUP_APPOSITION_RE.match(after).group("noun") in ("group", "militia", "faction") \
                or _ARMED_MODIFIER_RE.search(_GROUP_APPOSITION_RE.match(after).group()) else "organisation"
        elif (kind_after := _KIND_AFTER_RE.match(after)) is not None:  # "the Fatah movement"
            kind = "armed_group" if kind_after.group(1) == "faction" else "organisation"
        elif prev in L.PERSON_NOUNS and prev_word and prev_word.group(1).islower():
            kind, title = "person", prev
        elif re.match(r"\s*,\s*(?:(?:a|the|an)\s+)?(?:" + "|".join(sorted(L.PERSON_NOUNS)) + r")\b", after):
            kind = "person"
        elif (len(words) >= 2 and not self._org_like(words)
              and re.match(r"\s+[A-Z]{2,6}\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(L.PERSON_NOUNS)) + r")\b", after)):
            kind = "person"  # a report without commas: "Robert Mardini ICRC regional director"
        elif prev in ("told", "to") and re.match(r"\s*(?:[.,;]|$|news agency|in an interview|on\b|that\b)", after) and prev == "told":
            kind = "source"
        elif (prev in L.PLACE_PREPOSITIONS or prev in L.DIRECTIONS or nxt in L.PLACE_NOUNS or _REGION_RE.fullmatch(name)
              or (len(words) > 1 and words[-1].key in ("east", "west", "north", "south"))
              or self._place_noun_before(before)):
            kind = "place"
        elif ((fold(" ".join(w.text for w in words)) in L.COUNTRIES or fold(" ".join(w.text for w in words)) in L.CAPITALS)
              and nxt in L.STATE_VERBS
              and not re.match(r"\s*[,;]", after) and not re.search(r"\b(?:known|called|named)\s+as\s*$", before)
              and (prev in _CLAUSE_OPENERS or not before.strip() or before.rstrip()[-1] in ',;:"“(—')):
            kind = "state"  # "Russia is a close ally", "Turkey has hosted talks"
            if fold(" ".join(w.text for w in words)) in L.CAPITALS and _BEING_RE.match(after):
                kind = "place"  # "Sanaa has been under rebel control": the city, not its state acting
        elif nxt in L.SPEECH_VERBS and 2 <= len(words) <= 4:
            # "Doctors Without Borders says": a function word or a plural noun is in no one's name
            kind = "organisation" if any(w.key in L.COMMON_CAPS or w.key in _PLURAL_NAME_WORDS
                                         for w in words[1:]) else "person"
        elif re.match(r"\s*(?:'s|’s)?\s*(?:spokes(?:man|woman|person)|media office|leader|commander|fighters)", after):
            kind = "organisation"
        if kind in ("", "other", "place", "organisation"):
            # a body the workspace or the press knows, or a longer name that goes on from one
            # ("Islamic State in the Greater Sahara"): a body of that kind, wherever it stands
            keys_in_order = [w.key for w in words]
            cut = next((k for k in range(1, len(keys_in_order) - 1) if keys_in_order[k] in ("in", "of")
                        and keys_in_order[k + 1] == "the"), len(keys_in_order))
            kind = self._known_kind(" ".join(keys_in_order[:cut])) or kind
        if kind == "armed_group" and nxt == "group" and after.lower().lstrip().startswith("group"):
            end = end + after.lower().index("group") + len("group")
            surface = self.text[start_with_title:end]
        elif (kind == "armed_group" and len(words) == 1 and not keys & L.ARMED_WORDS and not acronym
              and (_ADJECTIVE_RE.search(words[0].text) or self.a_place(name))
              and nxt in _ARMED_MEMBERS and re.match(r"\s+[a-z]", after)):
            # "Islamist rebels", "Houthi rebels": an adjective names the armed group with its noun; so does a
            # place ("Darfur rebels", "the Congo rebels": the place is no party)
            end = end + len(re.match(r"\s+[a-z]+", after).group())
            surface = name = self.text[start_with_title:end]
        elif (not kind and len(words) == 1 and words[0].text.endswith("s") and re.search(r"\b[Tt]he\s*$", before)
              and nxt in L.STATE_VERBS and words[0].key[:-1] not in L.DEMONYMS and words[0].key not in L.DEMONYMS
              and words[0].key not in self.peoples and words[0].key[:-1] not in self.peoples):
            # "the Houthis said": a group called by its members' plural
            kind = "armed_group" if re.search(rf"\b{re.escape(words[0].text[:-1])}\s+(?:rebels|fighters|militants|"
                                              r"militia|forces|insurgents)\b", self.text) else "organisation"
        self.mentions.append(Mention(start_with_title, end, surface, kind=kind or "other", title=title, name=name,
                                     modifier=run[0] in modifiers and len(run) == 1, sentence=si))

    @staticmethod
    def _org_like(words: list[Token]) -> bool:  # noqa: D102
        keys = {w.key for w in words}
        return bool(keys & (L.ARMED_WORDS | L.ORG_WORDS))

    @staticmethod
    def _place_noun_before(before: str) -> bool:
        return bool(re.search(r"\b(?:town|city|village|province|governorate|district|region|area|neighbou?rhood|"
                              r"suburb|quarter|camp|county|state|municipality|island) of\s*$", before))

    @staticmethod
    def _agency(name: str) -> bool:
        return fold(" ".join(name.split())) in L.NEWS_AGENCIES

    def run(self, only: Optional[set[int]] = None) -> list[Mention]:
        for si, sentence in enumerate(self.sentences):
            if only is not None and si not in only:
                continue
            tokens, modifiers = _split_modifiers(tokenize(self.text, sentence.start, sentence.end), self.text)
            tokens = self._trim_possessives(tokens)
            used = self.scan_known(si, tokens, modifiers)
            seen = len(self.mentions)
            for run in self.runs(sentence, tokens, used):
                self.classify(sentence, tokens, run, si, modifiers)
            self.surnames.update(m.key.split()[-1] for m in self.mentions[seen:]
                                 if m.kind in ("person", "other") and " " in m.key)
        self.mentions = [m for m in self.mentions if not self._bracketed(m)]
        self.mentions.sort(key=lambda m: m.start)
        self._split_glued()
        return self.mentions

    def _split_glued(self) -> None:
        """Two names glued by a lost comma: "in Hama Human Rights Watch said" when the report
        names "Human Rights Watch" elsewhere, "Deir al-Zor Moumtzis said" after "Panos Moumtzis"."""
        kinds: dict[str, str] = {}
        surnames: dict[str, dict[str, int]] = {}  # surname -> full name -> where first written
        for m in self.mentions:
            key = m.key
            if key and m.kind not in ("", "other", "place"):
                kinds.setdefault(key, m.kind)
            words = key.split()
            if m.kind == "person" and len(words) > 1:
                surnames.setdefault(words[-1], {}).setdefault(key, m.start)
        out: list[Mention] = []
        place_keys = {m.key for m in self.mentions if m.kind == "place"}
        for m in self.mentions:
            toks = tokenize(self.text, m.start, m.end)
            countries = _countries(toks) if m.known is None and len(toks) >= 2 else None
            if countries:  # "the former Soviet Union Tunisia and Egypt": one name per country
                kind = "state" if m.kind == "state" else "place"
                for i, j in countries:
                    start, end = toks[i].start, toks[j - 1].end
                    out.append(Mention(start, end, self.text[start:end], kind=kind, name=self.text[start:end],
                                       sentence=m.sentence))
                continue
            split = None
            if m.known is None and not m.title and not m.reference and len(toks) >= 2:
                for k in range(1, len(toks)):
                    suffix = " ".join(t.key for t in toks[k:])
                    kind = kinds.get(suffix)
                    # ("Tarek Saleh" after "fighters loyal to Saleh": one word before a one-word name is a
                    # first name, unless the report has it as a place: "Hama Moumtzis said")
                    if kind is not None and kind != "person" and k < len(toks) \
                            and (len(toks) - k > 1 or k > 1 or toks[0].key in place_keys):
                        split = (k, kind)
                        break
                    # a person already introduced by full name, whose surname ends this run
                    owners = {o for o, at in surnames.get(suffix, {}).items() if at < m.start and o != m.key} \
                        if len(toks) - k == 1 else set()
                    if owners and not any(set(o.split()[:-1]) & {t.key for t in toks[:k]} for o in owners):
                        split = (k, "person")
                        break
            if split is None:
                out.append(m)
                continue
            k, kind = split
            head, tail = toks[:k], toks[k:]
            out.append(Mention(head[0].start, head[-1].end, self.text[head[0].start:head[-1].end], kind="other",
                               name=self.text[head[0].start:head[-1].end], sentence=m.sentence))
            out.append(Mention(tail[0].start, tail[-1].end, self.text[tail[0].start:tail[-1].end], kind=kind,
                               name=self.text[tail[0].start:tail[-1].end], sentence=m.sentence))
        self.mentions = out

    def _bracketed(self, m: Mention) -> bool:
        return bool(re.search(r"\[[^\]]*$", self.text[max(0, m.start - 30):m.start])) and "]" in self.text[m.end:m.end + 30]
