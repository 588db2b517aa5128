"""Shapes of names the finder reads words by: two words of one name, a longer name that goes
on from a body's name ("... in the Greater Sahara"), a region of a continent, a name that
only is (a city that "has been" something, not a state acting), the name members are known
as ("the rebels, known as ...")."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from . import lexicon as L
from .text import Token, fold

__all__ = ["a_place", "gap_ok", "is_dateline", "landform", "title_word", "name_extension", "signs_off",
           "REGION_RE", "BEING_RE", "OUTLET_BEFORE_RE", "OWNER_RE", "FACILITIES",
           "UNIT_WORDS", "KNOWN_AS_RE", "KIND_AFTER_RE", "PLURAL_NAME_WORDS", "ARTICLE_PREFIX_RE",
           "KNOWN_AS_BODIES", "ARMED_MEMBERS", "NAMED_AS"]


def gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    if gap[:1] in ("'", "’") and a.text.endswith("s") and gap[1:] == " ":
        return True  # "Kurdistan Workers' Party": a plural's apostrophe inside a name
    return gap.strip() == "" and "\n" not in gap


# "West Africa", "Southern Africa", "Central Asia": a region of a continent, a place
REGION_RE = re.compile(r"(?:West|East|North|South|Central|Western|Eastern|Northern|Southern|Sub-Saharan)\s+"
                       r"(?:Africa|Asia|Europe|America)")
# "the state news agency SUNA", "the Kenyan daily Nation": the noun before says the name is an outlet's
OUTLET_BEFORE_RE = re.compile(r"\b(?:news\s+agency|press\s+agency|agency|broadcaster|newspaper|daily|television|TV|"
                              r"radio(?:\s+station)?|news\s+website)\s+$")
OWNER_RE = re.compile(r"([A-Z][\w\-]*)['’]s\s+(?:$|(?=[A-Z]))")  # "VOA's (Somali Service)": whose part it is
# "al-Qaida", "Al-Shabab", "ash-Sham": the Arabic article before a name (a name word though lower-case)
ARTICLE_PREFIX_RE = re.compile(r"^(?:al|el|ad|as|an|ar|ash|at|az|ath)-(?=\w)")
# the plural nouns for the members of an armed group ("the rebels, known as ...")
ARMED_MEMBERS = r"rebels|militants|insurgents|fighters|guerrillas|militias?|gunmen|separatists"
# ", also known as", "called", "known locally as": a description given its name
NAMED_AS = r"\s*,?\s+(?:also\s+|better\s+)?(?:known|called)\s+(?:locally\s+)?as\s+"
# "the rebels, known as ...", "militants also called ...", "a coalition of gangs known locally as ...": the name of
# the members' own body
KNOWN_AS_RE = re.compile(rf"\b(?P<members>{ARMED_MEMBERS}|"
                         r"gangs|group|movement|party|organi[sz]ation|mission|coalition|alliance|network)"
                         rf"{NAMED_AS}$")
KNOWN_AS_BODIES = {"group", "movement", "party", "organisation", "organization", "mission", "coalition", "alliance",
                   "network"}  # (the others name armed groups)
# "Arafat's Fatah movement", "the Hashid confederation": the common noun after a name says what it names
KIND_AFTER_RE = re.compile(r"\s+(movement|confederation|federation|alliance|coalition|organi[sz]ation|"
                           r"network|faction)\b")
# Plurals that end names ("Syrian Democratic Forces" beside "Air Force"): never a lost "'s".
PLURAL_NAME_WORDS = {
    "forces", "units", "nations", "states", "rights", "services", "affairs", "guards", "brigades", "battalions",
    "militias", "islands", "emirates", "helmets", "troops", "arms", "allies", "operations", "relations", "news",
    "times", "resources", "works", "crossings", "heights", "territories", "lands", "mountains", "hills", "fields",
    "springs", "falls", "brothers", "sisters", "friends", "partners", "fighters", "rebels", "workers", "doctors",
    "mothers", "martyrs", "defenders", "volunteers", "guardians", "eagles", "lions", "tigers", "knights", "sons",
    "commandos", "regiments", "divisions", "corps", "legions", "squadrons", "councils", "committees", "movements",
    "parties", "groups", "agencies", "ministries", "courts", "borders", "americas", "philippines", "netherlands",
}
BEING_RE = re.compile(r"\s+(?:is|was|has been|had been|remains|remained|lies)\b")
# a facility is where something happens: "Mogadishu International Airport", "the Sergei Prokofiev Airport"
FACILITIES = {"airport", "airbase", "airfield", "harbour", "harbor", "seaport", "stadium", "bridge", "dam", "square",
              "mosque", "church", "cathedral", "highway", "motorway", "crossing", "checkpoint", "station", "hotel"}
# a landform is a place, whatever word of a body its name holds: "the Red Sea", "the Gaza Strip", "the Swat Valley"
_LANDFORMS = {"sea", "ocean", "gulf", "strait", "straits", "river", "lake", "mountains", "heights", "desert", "peninsula",
              "strip", "valley"}


def landform(keys: Sequence[str]) -> bool:
    """A name of two or three words ending on a landform, or "the West Bank" / "the East Bank" (a "Central
    Bank" is a bank); not a body's long name that goes on to one ("Al-Qaida in the Korba Valley")."""
    return 1 < len(keys) <= 3 and not {"of", "in", "for", "and", "the"} & set(keys) and (
        keys[-1] in _LANDFORMS or len(keys) == 2 and keys[0] in ("west", "east") and keys[1] == "bank")


# "I'm Jonathan Jones." opening a line or following a sentence, outside any quotation: a newscast's
# presenter; "'I am Ahmed Nur, and I saw ...'" in a witness's own words is someone
_SIGN_OFF_BEFORE_RE = re.compile(r"(?:\A|\n|[.!?]\s)\s*I(?:'|’| a)m\s+\Z")
_SIGN_OFF_AFTER_RE = re.compile(r"\s*(?:[.,]|\Z|\n|reporting\b|in\s+[A-Z])")  # "I'm X reporting", "I'm X in Nairobi"


def signs_off(text: str, start: int, end: int) -> bool:
    """The name text[start:end] is a newscast's presenter giving their own name ("I'm Jonathan Jones."): no party."""
    return bool(_SIGN_OFF_BEFORE_RE.search(text[max(0, start - 12):start])) and bool(_SIGN_OFF_AFTER_RE.match(text, end))


_DATELINE_RE = re.compile(r"(?:\s*,\s*[A-Z][A-Z .'\-]{2,30})?\s*(?:\([^)\n]{1,30}\)\s*)?[—–]|"
                          r"(?:\s*,\s*[A-Z][A-Z .'\-]{2,30})?\s*(?:\([^)\n]{1,30}\)\s*)?\s-\s")


def is_dateline(text: str, start: int, end: int) -> bool:
    """A city in capitals opening a paragraph before a dash: "KABUL, AFGHANISTAN —"."""
    word = text[start:end]
    return word.upper() == word and any(c.isalpha() for c in word) and bool(_DATELINE_RE.match(text, end)) \
        and not text[max(0, start - 2):start].strip()


def title_word(key: str) -> bool:
    """A title's word, or titles joined by hyphens ("Major-General", "Secretary-General")."""
    return key.rstrip(".") in L.TITLES or "-" in key and all(part in L.TITLES for part in key.split("-"))


# a numbered unit of a force ("the 15th Division") is part of it, no name of its own
UNIT_WORDS = {"division", "brigade", "battalion", "regiment", "corps", "company", "squadron", "platoon", "fleet"}
_REGION_WORDS = {"north", "south", "east", "west", "middle", "central", "northern", "southern", "eastern", "western",
                 "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
                 "southwest"}


def name_extension(text: str, tokens: list[Token], j: int) -> Optional[int]:
    """Where "in the Greater Sahara" ends when it goes on a body's name ("Islamic State in
    the Greater Sahara", "al-Qaida in the Arabian Peninsula"): "in" or "of", "the", then one
    to three capitalised words that are no country, no compass region ("in the North",
    "in the Middle East"), no place noun ("in the Euphrates Valley") and no body of their
    own; None when the words after the name are anything else."""
    if j + 2 >= len(tokens) or tokens[j].key not in ("in", "of") or not tokens[j].text.islower() \
            or tokens[j + 1].key != "the" or not tokens[j + 1].text.islower():
        return None
    k = j + 2
    words: list[Token] = []
    while k < len(tokens) and tokens[k].text[:1].isupper() and gap_ok(text, tokens[k - 1], tokens[k]):
        words.append(tokens[k])
        k += 1
    keys = [w.key for w in words]
    if not 1 <= len(words) <= 3 or set(keys) & (L.ORG_WORDS | L.ARMED_WORDS | _REGION_WORDS) \
            or keys[-1] in L.PLACE_NOUNS or " ".join(keys) in L.COUNTRIES or " ".join(keys) in L.CAPITALS \
            or any(w.all_caps for w in words):
        return None
    return k


def a_place(text: str, name: str) -> bool:
    """A state's name, or a name the report sets after "in" ("in Darfur"; not "in Suspected Boko Haram Attacks")."""
    return fold(name) in L.COUNTRIES or bool(re.search(rf"\bin[ \t]+{re.escape(name)}(?![\w\-]|\s+[A-Z])", text))
