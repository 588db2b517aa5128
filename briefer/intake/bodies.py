"""A state's forces and institutions named without a proper name: "the Nigerian army",
"Sri Lanka's military", "Somali troops", "Iraqi police", "government forces", "Kenya's interior ministry".

An analyst codes these as actors (the guideline's "designated bodies": a specific
institution in context), while the rules see only a nationality ("Nigerian", which is
never an actor by itself) or nothing at all.  Each phrase becomes one mention whose name
says which body it is; the army, the military, the troops and the soldiers of one state
are one actor (named as the report first names it), its police another, its
government a third; "the U.S.-led coalition" is one actor too, not "U.S.", and "coalition forces" are
that coalition (else one party of their own); so are three states' troops told as one ("Zimbabwean,
Namibian and Congolese troops": one allied force; two states' troops stay each state's own);
"a Defense Department employee" names a person, not an actor.  Police and security
forces told with no article ("police fired", "according to police", "police in Burundi
said") are a party too, the one state's, but not as a thing's or a member's word ("a police
station", "police officers"); a state's police and its security forces named in one report
are one party (named as the report first names them); "the armed forces", "the security forces" and "the
interim government" are, like "the army", the one state's when a report names one state's bodies (not "the
armed forces of Liberia": that names its state), and the report's own state's (the one it names most) where other
states act too, unless the sentence names another state or that kind's last body was another's ("French police ...
killed by police"); "government troops" in a report that names
the bodies of one state and none of its forces are that state's security forces, else its government.
Plain rules on the words, so they work with or without the parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from . import lexicon as L
from .names import Mention
from .text import Sentence, fold

__all__ = ["body_mentions", "state_key", "nationality"]

# nationality -> state (general knowledge, as the lexicon's COUNTRIES)
_STATE_OF = {
    "afghan": "afghanistan", "albanian": "albania", "algerian": "algeria", "american": "united states",
    "u.s.": "united states", "us": "united states", "u-s": "united states", "angolan": "angola",
    "armenian": "armenia", "azerbaijani": "azerbaijan", "bangladeshi": "bangladesh", "belarusian": "belarus",
    "bosnian": "bosnia", "british": "united kingdom", "burkinabe": "burkina faso", "burmese": "myanmar",
    "burundian": "burundi", "cameroonian": "cameroon", "central african": "central african republic",
    "chadian": "chad", "chinese": "china", "colombian": "colombia", "congolese": "congo", "croatian": "croatia",
    "cuban": "cuba", "djiboutian": "djibouti", "egyptian": "egypt", "eritrean": "eritrea", "ethiopian": "ethiopia",
    "filipino": "philippines", "philippine": "philippines", "french": "france", "georgian": "georgia",
    "german": "germany", "haitian": "haiti", "indian": "india", "indonesian": "indonesia", "iranian": "iran",
    "iraqi": "iraq", "israeli": "israel", "italian": "italy", "ivorian": "ivory coast", "japanese": "japan",
    "jordanian": "jordan", "kenyan": "kenya", "kosovar": "kosovo", "kuwaiti": "kuwait", "lebanese": "lebanon",
    "liberian": "liberia", "libyan": "libya", "macedonian": "north macedonia", "malian": "mali",
    "mauritanian": "mauritania", "mexican": "mexico", "moroccan": "morocco", "mozambican": "mozambique",
    "namibian": "namibia", "nepalese": "nepal", "nigerian": "nigeria", "nigerien": "niger",
    "north korean": "north korea", "pakistani": "pakistan", "palestinian": "palestine", "polish": "poland",
    "qatari": "qatar", "russian": "russia", "rwandan": "rwanda", "saudi": "saudi arabia",
    "senegalese": "senegal", "serb": "serbia", "serbian": "serbia", "sierra leonean": "sierra leone",
    "somali": "somalia", "somalian": "somalia", "south african": "south africa", "south korean": "south korea",
    "south sudanese": "south sudan", "soviet": "soviet union", "sri lankan": "sri lanka", "sudanese": "sudan",
    "syrian": "syria", "tajik": "tajikistan", "tanzanian": "tanzania", "thai": "thailand", "tunisian": "tunisia",
    "turkish": "turkey", "ugandan": "uganda", "ukrainian": "ukraine", "uzbek": "uzbekistan",
    "venezuelan": "venezuela", "vietnamese": "vietnam", "yemeni": "yemen", "yugoslav": "yugoslavia",
    "zambian": "zambia", "zimbabwean": "zimbabwe", "emirati": "united arab emirates", "bahraini": "bahrain",
    "omani": "oman", "canadian": "canada", "australian": "australia", "dutch": "netherlands", "belgian": "belgium",
    "spanish": "spain", "norwegian": "norway", "swedish": "sweden", "danish": "denmark",
}
_FORCE_HEADS = {"army": "military", "military": "military", "troops": "military", "forces": "military",
                "soldiers": "military", "armed forces": "military", "ground forces": "military",
                "security forces": "security", "police": "police", "police force": "police", "navy": "navy",
                "air force": "air force", "government": "government", "authorities": "government",
                "government forces": "military", "government troops": "military", "government soldiers": "military",
                "army troops": "military", "national army": "military", "special forces": "military",
                "unit": "military", "units": "military", "assembly": "parliament", "parliament": "parliament",
                "coalition": "coalition"}
# "Kenya's interior ministry", "the Israeli defense ministry": a state's ministry, named by what it does
_FORCE_HEADS.update({f"{what} ministry": f"{what} ministry" for what in (
    "foreign", "defense", "defence", "interior", "health", "information", "justice", "finance", "home")})
_HEAD_NAMES = {"security": "security forces"}  # how a body of that kind is called after its state's name
_HEADS = sorted(_FORCE_HEADS, key=len, reverse=True)
_NATIONS = sorted(_STATE_OF, key=len, reverse=True)
_NATION_RE = "|".join(re.escape(n) for n in _NATIONS)
_COUNTRY_RE = "|".join(re.escape(c) for c in sorted(L.COUNTRIES, key=len, reverse=True))
_HEAD_RE = "|".join(re.escape(h) for h in _HEADS)
_HEAD_ONLY_RE = re.compile(rf"\b(?P<head>{_HEAD_RE})\b", re.I)
_CAPITAL_RE = "|".join(re.escape(c) for c in sorted(L.CAPITALS, key=len, reverse=True))
_ACRONYM_STATES = {"CAR": "central african republic", "DRC": "congo"}  # "CAR military officials"
_BEFORE_RE = re.compile(
    rf"\b(?:(?:(?:{_NATION_RE})\s+)?(?P<nation>{_NATION_RE})|(?P<country>{_COUNTRY_RE})['’]s"
    rf"|(?P<acronym>CAR|DRC)|(?P<capital>{_CAPITAL_RE}))\s+"
    # "Bosnian Serb assembly": two peoples' words, one body; "Somalia's Ethiopian-backed interim
    # government", "British peacekeeping troops": words that say which of its bodies
    r"(?:(?:elite|federal|regular|interim|transitional|central|national|peacekeeping|[A-Za-z.]+-(?:backed|led|"
    r"supported))\s+){0,2}$", re.I)
# an actor's own name goes on ("Kenyan Defense Forces", "Iraqi Security Forces Command"): not a designation
_NAME_GOES_ON_RE = re.compile(r"\s+(?:[A-Z][a-z]+|of\s+[A-Z])")


_PROPER_FORCE_RE = re.compile(
    rf"\b(?P<name>(?P<nation>(?i:{_NATION_RE}|{_COUNTRY_RE}))(?:['’]s)?\s+(?:[A-Z][a-z]+\s+){{0,3}}"
    r"(?P<head>Forces|Army|Armed Forces|Military|Police))\b")


_ALLIED_RE = re.compile(rf"\b(?:{_NATION_RE})\s*,\s*(?:{_NATION_RE})(?:\s*,)?\s+and\s+$", re.I)
_AND_NATION_RE = re.compile(rf"\b(?P<nation>{_NATION_RE})(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$", re.I)
_RULER_RE = re.compile(r"\b(?P<ruler>(?:[A-Z][\w\-]+\s+){0,2}[A-Z][\w\-]+)['’]s\s+(?P<head>government|administration|"
                       r"regime|cabinet)\b")
# "the Trump administration", "the Assad regime": a ruler's government named by the ruler's name
_RULER_BARE_RE = re.compile(r"\b[Tt]he\s+(?P<ruler>[A-Z][a-z][\w\-]+)\s+(?P<head>administration|regime)\b")
# "the government", "the interim government", "the armed forces": a state's body named by its kind alone
_BARE_BEFORE_RE = re.compile(r"(?<![\w\-])[Tt]he\s+(?:(?:interim|transitional)\s+)?$")
_BARE_HEADS = {"government", "army", "military", "police", "armed forces", "security forces"}
_OF_A_NAME_RE = re.compile(r"\s+of\s+[A-Z]")  # "the armed forces of Liberia": a body named by its state
_BARE_AFTER_RE = re.compile(r"(?:['’]s\s+[a-z]+\s+(?:forces|troops|soldiers)|\s*-|\s+[A-Z]|\s+(?:forces|troops|soldiers|"
                            r"officials?|spokes\w+|sources?|statement|official))")
_DESCRIBES_RE = re.compile(r"\s+(?:employee|officer|worker|staffer|contractor|teacher|doctor|nurse|engineer)s?\b")
_A_BEFORE_RE = re.compile(r"\b(?:a|an)\s+(?:[a-z\-]+\s+)?$", re.I)
_LED_RE = re.compile(r"\b(?P<name>(?:U\.S\.|US|U-S|UN|U\.N\.|NATO|[A-Z][a-z]+)-(?:led|backed)\s+"
                     r"(?:(?:international|military|multinational|Arab)\s+)?(?:coalition|alliance|mission|forces))\b")

_COALITION_RE = re.compile(r"(?<![\w\-])(?<!-led )[Cc]oalition\s+(?:forces|troops|soldiers)\b")

# forces a report names on their own, with no article and no state ("police said", "security forces raided")
_ON_THEIR_OWN = {"police", "security forces"}
_IN_COUNTRY_RE = re.compile(rf"\s+in\s+(?P<country>(?=[A-Z])(?i:{_COUNTRY_RE}))\b(?!['’]s)")
# "police station", "police officers were killed": the head names a thing or a member, not the force
_THING_AFTER_RE = re.compile(r"\s+(?:stations?|posts?|checkpoints?|camps?|headquarters|officers?|commanders?|chiefs?|"
                             r"force|academy|cadets|cars?|vehicles?|patrols?|units?|buildings?|compounds?|barracks|"
                             r"guards?|sources?|recruits|training|cent(?:er|re)s?|lines?|custody|reports?|raids?)\b")
# "the country's security forces", "joint security forces", "their police": someone's, not the state's own
_OWNER_BEFORE_RE = re.compile(r"(?:['’]s|\b(?:joint|private|own|its|their|his|her|our|your|secret|religious|tribal|"
                              r"rebel|militia|opposition|the|a|an|local|regional|municipal|federal|state))\s+$", re.I)
# a body of the United Nations named by what it does: "the U.N. human rights office", "United Nations relief
# agencies", "the U.N. mission in Congo": a definite one, not "a U.N. office", "under U.N. command", nor one the
# report names ("the U.N. cultural agency UNESCO": that name is the body)
_UN_BODY_RE = re.compile(r"(?:\b[Tt]he\s+|(?:^|(?<=[.!?]\s)|(?<=\n)))"
                         rf"(?P<name>{L.UN_PREFIX}\s+(?:[a-z][a-z'’\-]*\s+){{0,3}}"
                         r"(?:agency|agencies|office|mission|team|commission|command|operation))\b(?!,?\s+[A-Z]{2,})", re.M)
_STATE_WORD_RE = re.compile(rf"\b(?:{_NATION_RE}|{_COUNTRY_RE})\b", re.I)


def _dominant_state(text: str, spans: Sequence[tuple[int, int]] = ()) -> tuple[str, int]:
    """The state a report is about and how many times it is named: named (or its people) at least
    twice as often as any other, in the report's own sentences (`spans`, not its header), and not as
    an outlet's language service ("VOA's Somali service"); ("", 0) when none is."""
    counts: dict[str, int] = {}
    for start, end in spans or [(0, len(text))]:
        for m in _STATE_WORD_RE.finditer(text, start, end):
            word = m.group().lower()
            if not m.group()[0].isupper() and word not in ("u.s.", "us"):
                continue
            if _SERVICE_AFTER_RE.match(text, m.end()):
                continue
            state = _STATE_OF.get(word) or fold(word)
            state = _SAME_STATE.get(state, state)
            counts[state] = counts.get(state, 0) + 1
    if not counts:
        return "", 0
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return "", 0
    return ranked[0]


# one state under two names (general knowledge): "Myanmar, also known as Burma"
_SAME_STATE = {"burma": "myanmar", "zaire": "congo", "britain": "united kingdom", "great britain": "united kingdom",
               "turkiye": "turkey", "czechia": "czech republic", "holland": "netherlands", "persia": "iran"}
_SERVICE_AFTER_RE = re.compile(r"\s+(?:[Ss]ervices?|[Ss]ection|[Dd]esk|[Ee]dition|[Ll]anguage|[Bb]roadcasts?|news|"
                               r"newspapers?|daily|television|TV|radio|media|press|agency|broadcaster|network)\b")


def nationality(word: str) -> bool:
    """Whether a folded word is a state's nationality ("kosovar", "malian"; not "U.S.", which also
    names the state)."""
    return len(word) > 3 and word.isalpha() and word in _STATE_OF


def state_key(name: str) -> str:
    """The state a state's name names, as the bodies' keys have it ("U.S." -> "united states",
    "Britain" -> "united kingdom", "CAR" -> "central african republic"); "" for any other name."""
    folded = fold(re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.I))
    state = _ACRONYM_STATES.get(name.strip()) or _STATE_OF.get(folded)
    if state is None and folded in L.COUNTRIES:
        state = folded
    if state is None:
        return ""
    return _SAME_STATE.get(state, state)


def _display(state: str) -> str:
    """How a state's body is called: "Libyan" (government), "South Sudanese", "U.S."; a state with no
    nationality word in the lexicon by its name ("Myanmar")."""
    if state == "united states":
        return "U.S."
    demonym = next((n for n, st in _STATE_OF.items() if st == state and n.replace(" ", "").isalpha()), None)
    if demonym is not None:
        return " ".join(w.capitalize() for w in demonym.split())
    return " ".join(w if w in ("of", "and", "the") else w.capitalize() for w in state.split())


def _cover(spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """For each offset a span holds, the furthest end of the spans that hold it: one look-up per
    question "is this inside a span?", in time linear in the spans' length (comparing every mention
    with every span was quadratic in a long report)."""
    reach: dict[int, int] = {}
    for a, b in spans:
        for p in range(a, b):
            if reach.get(p, p) < b:
                reach[p] = b
    return reach


def _states_in(text: str, sentence: Sentence) -> set[str]:
    """The states a sentence names (capitalised: "Iraqi", "Jordan's", "U.S.")."""
    found = set()
    for m in _STATE_WORD_RE.finditer(text, sentence.start, sentence.end):
        if m.group()[0].isupper():
            state = _STATE_OF.get(m.group().lower()) or fold(m.group())
            found.add(_SAME_STATE.get(state, state))
    return found


def _whose_before(found: Sequence[tuple[int, int, str, int]]) -> dict[str, tuple[list[int], list[str]]]:
    """For each kind of body, where the state bodies of that kind start and whose they are, in text order."""
    by_kind: dict[str, tuple[list[int], list[str]]] = {}
    for a, _, key, _ in sorted(found):
        state, _, kind = key.partition("|")
        if state and not key.startswith(("led|", "ruler|", "un|")):
            starts, states = by_kind.setdefault(kind, ([], []))
            starts.append(a)
            states.append(state)
    return by_kind


def _own_body(found: Sequence[tuple[int, int, str, int]]) -> str:
    """The key of the one state's security forces (else government) when every state body found is of
    one state; "" otherwise ("Kenyan police ... Somali government": whose troops, no one can say)."""
    keys = {key for _, _, key, _ in found if key.split("|")[0] and "|" in key
            and not key.startswith(("led|", "ruler|", "un|")) and not key.endswith("|bare")}
    if len({key.split("|")[0] for key in keys}) != 1:
        return ""
    return next((key for head in ("security", "government") for key in keys
                 if key.split("|")[1] == head), "")


def body_mentions(text: str, sentences: Sequence[Sentence], mentions: list[Mention],
                  only: set[int] | None = None) -> list[Mention]:
    """The mentions with the designated bodies added; a guessed name inside one
    ("Nigerian", "Sri Lankan") gives way, a known name never does."""
    found: list[tuple[int, int, str, int]] = []  # start, end, group key, sentence
    ruler_names: dict[str, str] = {}
    coordinated: dict[tuple[int, int], str] = {}  # "French" of "French and Malian troops" -> "French troops"
    starts = [x.start for x in sentences]
    # one pass over the head nouns ("army", "troops"), then the words just before each: linear time
    for h in _HEAD_ONLY_RE.finditer(text):
        si = bisect_right(starts, h.start()) - 1
        if si < 0 or (only is not None and si not in only):
            continue
        s = sentences[si]
        window_start = max(s.start, h.start() - 40)
        m = _BEFORE_RE.search(text, window_start, h.start())
        head = h.group("head")
        if m is not None:
            if head[0].isupper() and head != head.upper():  # "Kenyan Defense Forces": a proper name
                continue
            if _NAME_GOES_ON_RE.match(text, h.end()):
                continue
            if (m.group("acronym") and not m.group("acronym").isupper()) or (
                    m.group("capital") and (not m.group("capital")[0].isupper() or head.lower() != "government")):
                continue  # "car police" is no state's; a capital names only its government ("the Tripoli government")
            nation = m.group("nation")
            if m.group("acronym") or m.group("capital"):
                # "the Tripoli government": named for its seat (beside a rival one, often), a body of its own
                state = _ACRONYM_STATES.get(m.group("acronym") or "", fold(m.group("capital") or ""))
            else:
                state = _STATE_OF[nation.lower()] if nation else fold(m.group("country"))
            state = _SAME_STATE.get(state, state)
            allied = _ALLIED_RE.search(text, max(s.start, m.start() - 60), m.start()) if nation else None
            if allied is not None and _FORCE_HEADS[head.lower()] == "military":
                # "Zimbabwean, Namibian and Congolese troops": three states' troops told as one force
                name = text[allied.start():h.end()]
                found.append((allied.start(), h.end(), "led|" + fold(name), si))
                continue
            found.append((m.start(), h.end(), f"{state}|{_FORCE_HEADS[head.lower()]}", si))
            # "French and Malian troops": the French troops too
            other = _AND_NATION_RE.search(text, max(s.start, m.start() - 30), m.start())
            if other is not None and _STATE_OF[other.group("nation").lower()] != state:
                key = f"{_STATE_OF[other.group('nation').lower()]}|{_FORCE_HEADS[head.lower()]}"
                found.append((other.start("nation"), other.end("nation"), key, si))
                coordinated[(other.start("nation"), other.end("nation"))] = f"{other.group('nation')} {head.lower()}"
            continue
        if head.lower() in ("government forces", "government troops", "government soldiers"):
            pro = text[max(s.start, h.start() - 4):h.start()].lower() == "pro-"
            found.append((h.start() - 4 if pro else h.start(), h.end(), "|military", si))
        elif (country := _IN_COUNTRY_RE.match(text, h.end())) is not None and head.lower() in _ON_THEIR_OWN:
            # "Police in Burundi shot ...", "security forces in Algeria report": that state's, named so
            state = fold(country.group("country"))
            found.append((h.start(), country.end(), f"{_SAME_STATE.get(state, state)}|{_FORCE_HEADS[head.lower()]}", si))
        elif head in _BARE_HEADS and not _OF_A_NAME_RE.match(text, h.end()) \
                and _BARE_BEFORE_RE.search(text, window_start, h.start()) and not _BARE_AFTER_RE.match(text, h.end()):
            # "the government", "the army": the one state's, when the report names one state's bodies
            found.append((h.start(), h.end(), "|" + _FORCE_HEADS[head] + "|bare", si))
        elif head.lower() in _ON_THEIR_OWN and not _BARE_AFTER_RE.match(text, h.end()) \
                and not _THING_AFTER_RE.match(text, h.end()) and not _OWNER_BEFORE_RE.search(text, window_start, h.start()):
            # "police fired on the crowd", "according to police", "security forces raided ...": the police
            # and security forces a report names with no article are a party, the one state's
            found.append((h.start(), h.end(), "|" + _FORCE_HEADS[head.lower()] + "|bare", si))
    for m in _RULER_RE.finditer(text):  # "Slobodan Milosevic's government": that government, named so
        si = bisect_right(starts, m.start()) - 1
        if si >= 0 and (only is None or si in only) and m.group("ruler").split()[0].lower() not in L.COMMON_CAPS:
            words = m.group("ruler").split()
            while len(words) > 1 and fold(words[0]).rstrip(".") in L.TITLES:
                words.pop(0)  # "President Slobodan Milosevic's government": Milosevic's
            owner = " ".join(words)
            found.append((m.start("head"), m.end("head"), "ruler|" + fold(owner),  si))
            ruler_names["ruler|" + fold(owner)] = f"{owner}'s {m.group('head').lower()}"
    for m in _RULER_BARE_RE.finditer(text):
        si = bisect_right(starts, m.start()) - 1
        ruler = fold(m.group("ruler"))
        if si >= 0 and (only is None or si in only) and ruler not in L.COMMON_CAPS and ruler not in _STATE_OF \
                and ruler not in L.COUNTRIES and ruler not in L.CAPITALS:
            found.append((m.start("ruler"), m.end("head"), "ruler|" + ruler, si))
            ruler_names.setdefault("ruler|" + ruler, f"{m.group('ruler')} {m.group('head')}")
    for m in _UN_BODY_RE.finditer(text):  # "the U.N. human rights office said": that office, not the U.N.
        si = bisect_right(starts, m.start()) - 1
        if si >= 0 and (only is None or si in only):
            found.append((m.start("name"), m.end("name"), "un|" + fold(m.group("name")), si))
    for m in _LED_RE.finditer(text):  # "the U.S.-led coalition", "Saudi-led forces"
        si = bisect_right(starts, m.start()) - 1
        if si >= 0 and (only is None or si in only):
            found.append((m.start("name"), m.end("name"), "led|" + fold(m.group("name")), si))
    # "coalition forces captured ...": the coalition a report has named ("the U.S.-led coalition"), else one
    # party named so
    led = sorted({key for _, _, key, _ in found if key.startswith("led|") and key.endswith("coalition")})
    told = _cover([(a, b) for a, b, _, _ in found])  # (the matches do not overlap one another)
    for m in _COALITION_RE.finditer(text):
        si = bisect_right(starts, m.start()) - 1
        if si >= 0 and (only is None or si in only) and m.start() not in told:
            found.append((m.start(), m.end(), led[0] if len(led) == 1 else "led|coalition forces", si))
    # "a civilian Defense Department employee": the name describes a person, it is no party
    mentions = [m for m in mentions if not (m.known is None and m.kind in ("organisation", "other")
                                            and _DESCRIBES_RE.match(text, m.end)
                                            and _A_BEFORE_RE.search(text, max(0, m.start - 30), m.start))]
    if not found:
        return mentions
    bare_spans = {(a, b) for a, b, key, _ in found if key.endswith("|bare")}
    first_name: dict[str, str] = {}
    # the force's own name when the report gives it ("Kenya Defence Forces"): "Kenyan troops" are they
    proper: dict[str, str] = {}
    for m in _PROPER_FORCE_RE.finditer(text):
        state = _STATE_OF.get(m.group("nation").lower()) or fold(m.group("nation"))
        kind = "police" if m.group("head").lower() == "police" else "military"
        proper.setdefault(f"{state}|{kind}", m.group("name"))
    first_name.update(ruler_names)
    for a, b, key, _ in sorted(found):
        if (a, b) in coordinated:
            first_name.setdefault(key, coordinated[(a, b)])
        elif (a, b) not in bare_spans:
            first_name.setdefault(key, " ".join(re.sub(r"^(?:the\s+)", "", text[a:b], flags=re.I).split()))
    # "government forces" in a report that names one state's forces: those forces; "the
    # government", "the army" in a report that names one state's bodies: that state's (else no one's)
    all_states = {key.split("|")[0] for _, _, key, _ in found if key.split("|")[0] and not key.startswith("led|")}
    bare = [(a, b, key, si) for a, b, key, si in found if key.endswith("|bare")]
    found = [x for x in found if not x[2].endswith("|bare")]
    body_spans = [(x.start, x.end) for i, x in enumerate(sentences) if only is None or i in only]
    dominant, named = _dominant_state(text, body_spans) if bare else ("", 0)
    if bare and not all_states and dominant and named >= 2:
        all_states = {dominant}  # "the government" of the one state a report names (twice), with no body of it
    # and in a report where several states act, the state it is about (named at least three times, twice as
    # often as any other) when the sentence names no other state and the last body of that kind was its own
    if bare and dominant in all_states and (len(all_states) == 1 or named >= 3):
        one = dominant
        several = len(all_states) > 1
        whose_before = _whose_before(found) if several else {}
        said: dict[int, set[str]] = {}
        for a, b, key, si in bare:
            head = key.split("|")[1]
            if several:
                starts, owners = whose_before.get(head, ([], []))
                last = bisect_right(starts, a) - 1
                if (last >= 0 and owners[last] != one) or \
                        said.setdefault(si, _states_in(text, sentences[si])) - {one}:
                    continue  # "French police ... killed by police": that other state's, not the report's own
                if head == "security" and one in whose_before.get("military", ([], []))[1]:
                    head = "military"  # "Iraqi troops ... security forces killed": the one state's forces
            found.append((a, b, f"{one}|{head}", si))
            # "The government": named after its state, unless the report names it so itself
            first_name.setdefault(f"{one}|{head}", f"{_display(one)} {_HEAD_NAMES.get(head, head)}")
    # "police and security forces fired", "police in Somalia said ... killed by security forces": a state's
    # police are among its security forces, one party when a report names both
    # (named as the report first names them: "police and security forces" are the police)
    first_of: dict[str, str] = {}
    for _, _, key, _ in sorted(found):
        state, _, head = key.partition("|")
        if state and head in ("police", "security"):
            first_of.setdefault(state, key)
    found = [(a, b, first_of.get(key.partition("|")[0], key) if key.partition("|")[2] in ("police", "security")
              else key, si) for a, b, key, si in found]
    states = {key.split("|")[0] for _, _, key, _ in found if key.endswith("|military") and key.split("|")[0]}
    own = _own_body(found) if not states and any(key == "|military" for _, _, key, _ in found) else ""
    if own:
        # "the Somali government ... government troops": the one state whose bodies a report names, with
        # no forces of its own named, fights by its "government troops" (its security forces, else its
        # government); one party, named as the report first names that body
        found = [(a, b, own if key == "|military" else key, si) for a, b, key, si in found]
    elif len(states) == 1:
        only_state = states.pop()
        found = [(a, b, f"{only_state}|military" if key == "|military" else key, si) for a, b, key, si in found]
        first_name.setdefault(f"{only_state}|military", first_name.get("|military", ""))
        for a, b, key, _ in sorted(found):
            if key == f"{only_state}|military" and (a, b) not in bare_spans:
                first_name[key] = " ".join(re.sub(r"^(?:the\s+)", "", text[a:b], flags=re.I).split())
                break
    kept = []
    reach = _cover([(a, b) for a, b, _, _ in found])
    for m in mentions:
        inside = reach.get(m.start, m.start) >= max(m.end, m.start + 1)  # inside one body's phrase
        nation = fold(re.sub(r"['’]s$", "", m.text)) in _STATE_OF or fold(re.sub(r"['’]s$", "", m.text)) in L.COUNTRIES
        if inside and m.known is None and (nation or m.kind in ("other", "organisation", "armed_group", "source",
                                                                 "state", "")):
            continue
        kept.append(m)
    taken = _cover([(m.start, m.end) for m in kept if m.known is not None or m.kind == "person"])
    for a, b, key, si in found:
        if any(p in taken for p in range(a, b)):
            continue  # (a known name or a person overlaps the phrase)
        surface = text[a:b]
        name = proper.get(key) or first_name[key]
        kind = "organisation"
        kept.append(Mention(a, b, surface, kind=kind, name=name, sentence=si, body=key))
    kept.sort(key=lambda m: m.start)
    return kept
