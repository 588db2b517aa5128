"""People named in Arabic reports.  Arabic writes no capitals, so a name is found by the words
around it: a title before it ("رئيسة البرازيل ديلما روسيف", "الأمين العام للأمم المتحدة بان كي
مون", "زعيم الحركة خليل إبراهيم"), or a title right after it, in apposition ("لوران فابيوس وزير
الخارجية الفرنسي", "تيري ديران مدير العمليات").  A name is two to four words: given names,
"عبد"/"بن"/"آل"/"أبو" with the word they join, and at most one family name with the article
("هادي البحرة"), which ends it.  Once named, a person's family name alone is the same person
("وقالت روسيف").  Each pattern is one scan of the text: linear in its length.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from . import arabic_lexicon as AL
from .arabic_text import AR, MONTHS, WEEKDAYS, fold

_WORD = re.compile(rf"[{AR}]+|[^\s{AR}]+")

# titles, offices and the occupations the press names people by (folded; the article and a glued
# و/ف/ل are allowed before them); each also in the feminine (+ة), as Arabic forms it
_TITLE_WORDS = (
    "رئيس", "رئيسة", "زعيم", "زعيمة", "قائد", "قائدة", "وزير", "وزيرة", "نائب", "نائبة", "ممثل", "ممثلة", "مدير",
    "مديرة", "أمين", "سفير", "سفيرة", "مبعوث", "مبعوثة", "موفد", "مستشار", "مستشارة", "متحدث", "متحدثة", "ناطق",
    "ناطقة", "مدعي", "مدعية", "قاضي", "قاضية", "شيخ", "ملك", "أمير", "أميرة", "عميد", "لواء", "عقيد", "جنرال", "رائد",
    "نقيب", "فريق", "مشير", "قيادي", "قيادية", "ناشط", "ناشطة", "صحفي", "صحفية", "داعية", "عضو", "حاكم",
    "محافظ", "عمدة", "مولانا", "سيد", "سيدة", "دكتور", "مرشد", "إمام", "مفتي", "منسق", "منسقة", "مفوض", "مفوضة",
    "شاعر", "كاتب", "روائي", "أديب", "باحث", "فقيه", "هاكر", "مخرج", "فنان", "مغني", "مطرب", "ممثل", "طبيب",
    "محامي", "مهندس", "خبير", "أستاذ", "بروفيسور", "مراسل", "لاعب", "مدرب", "مسؤول",
)
# "ملكة", "أمينة" are names, "محافظة" a province, "مراسلة" a letter, "محكمة" no woman ruler
_NO_FEMININE = {"ملك", "فريق", "لواء", "عضو", "شيخ", "عميد", "رائد", "نقيب", "مشير", "عقيد", "جنرال", "أمين", "محافظ",
                "مراسل", "حاكم", "إمام"}
TITLES = {fold(w) for w in _TITLE_WORDS} | {fold(w) + "ه" for w in _TITLE_WORDS if not w.endswith(("ة", "ي", "ا"))
                                            and w not in _NO_FEMININE} \
    | {fold(w) + "ه" for w in _TITLE_WORDS if w.endswith("ي") and len(w) > 4}  # "محامية", "روائية"
# nouns a title governs in construct before the body it heads: "رئيس وزراء إسرائيل", "رئيس مجلس الأمة"
_CONSTRUCT = {fold(w) for w in ("وزراء", "حكومة", "جمهورية", "دولة", "إقليم", "ولاية")}
# words inside a title's description that are not definite: "في جنوب السودان", "بان"
_CHAIN_WORDS = {fold(w) for w in ("في", "لدى", "عن", "باسم", "بإسم", "السابق", "السابقة", "الأسبق", "المؤقت", "العام")}
_CONNECT = {fold(w) for w in ("عبد", "بن", "بنت", "آل", "أبو", "ابن", "ولد", "دي", "دو", "فون", "فان", "أبي")}
_STOPS = {fold(w) for w in AL.NAME_STOPS} | {fold(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "أوضح", "أوضحت", "أشار", "أشارت", "صرح", "صرحت",
    "نفى", "نفت", "اتهم", "اتهمت", "دعا", "دعت", "حذر", "حذرت", "وكان", "كان", "كانت", "وكانت", "هو", "هي", "هم",
    "يوم", "خلال", "إنه", "أنه", "إنها", "أنها", "لكن", "إلا", "حيث", "أيضا", "الذي", "التي", "الذين", "بينما", "فيما",
    "عام", "سنة", "شهر", "أمس", "اليوم", "غدا", "نحو", "حوالي", "كل", "بعض", "عدد", "أي", "هذا", "هذه", "ذلك", "تلك",
    "ثلاثة", "أربعة", "خمسة", "شخصا", "شخص", "قوات", "مسلحون", "مسلحين", "جنود", "مدنيين", "سكان", "أطفال",
    "جديد", "جديدا", "جديدة", "سابق", "سابقا", "خلفا", "بحق", "ضد", "لصالح", "بشأن", "تجاه", "معرض",
    "ليلة", "ليل", "مساء", "فجر", "ظهر", "عصر", "قد", "وقد", "غير",
    "طالبا", "طالبة", "عدم", "ذكر", "ذكرت", "ما", "بحسب", "حسب", "أما", "إما",
)}
_KEEP_FIRST = {fold("عبد"), fold("أبو")}  # connectors that may open a name ("عبد الله", "أبو بكر")
_STOPS.discard("علي")  # "على" folds to the given name "علي"
_ON = {"على", "وعلى", "فعلى"}
# before these comes a place or a thing, not a person ("في معرض رد الوزير"); "من", "مع" may name one
_PREPOSITIONS = {fold(w) for w in ("في", "على", "إلى", "عن", "وفي", "وعلى", "وإلى",
                                 "بين", "لدى", "حول", "نحو", "قرب", "داخل", "خارج")}
# a preposition with a pronoun ("إليها", "عليه", "منهم"), a verbal noun with a preposition ("بتقديم")
_NOT_A_NAME = re.compile(r"(?:[وف]?(?:الي|علي|لدي|عن|من|مع|في|عند|ب|ل)(?:ه|ها|هم|هما|هن|نا|كم))|[بل][تم][^\s]{3,}")
_ORG_HEADS = {fold(w) for w in AL.ORG_HEADS} | {fold(w) for w in AL.INSTITUTION_HEADS}
_MONTHS_DAYS = {fold(w) for w in (*MONTHS, *WEEKDAYS)}
_PREP_TITLE = re.compile(r"[وف]?(?:بال|لل)")
_RELATIVES = {fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين")}
_EVENT_WORDS = {fold(w) for w in AL.EVENT_WORDS}


_GLUED_BEFORE = re.compile(r"^(?:[وف]?[لب]?(?=ال)|[وف](?=[^ا]))")
_VERB_SHAPE = re.compile(r"[وف]?[اأ]?[^\s]{2,3}(?:ت|وا)")
_AR_WORD = re.compile(f"[{AR}]{{2,}}")
_PREP_GLUED = re.compile(r"[لب](?=[^\s]{3})")
_FUTURE_SHAPE = re.compile(r"س[يتن][^ا\s]")
_BA_NOUN = re.compile(r"با[^\s]{5,}")
_FUTURE_VERB = re.compile(r"س[يتن][^\s]{3,}")


def _bare(word: str) -> str:
    """The word without a glued و/ف (and ل/ب before a title: "لرئيس")."""
    return _GLUED_BEFORE.sub("", word) if len(word) > 3 else word


_VOCATIVES = {fold(w) for w in ("مولانا", "سيد", "سيدة", "شيخ", "دكتور", "دكتورة")}


# a scholar by the field in construct after him ("عالم الآثار إليات مزار"): without the article only,
# "العالم" is the world
_SCHOLAR = {fold(w) for w in ("عالم", "عالمة")}
# "أحد زعماء الحركة", "إحدى قيادات الحزب": one of the leaders, in apposition after a name
_ONE_OF = {fold(w) for w in ("أحد", "إحدى")}
_PLURAL_TITLES = {fold(w) for w in ("زعماء", "قادة", "قيادات", "أعضاء", "مسؤولي", "مؤسسي", "ناشطي")}


def _title(word: str) -> bool:
    if _bare(word) in _SCHOLAR:
        return True
    for w in (word, _bare(word), word[1:] if word[:1] in "لب" and len(word) > 4 else ""):  # "لرئيس"
        if (w[2:] if w.startswith("ال") else w) in TITLES:
            return True
    return False


def _definite(word: str) -> bool:
    return word.startswith(("ال", "لل", "وال", "بال")) and not _NOT_A_NAME.fullmatch(word)


def _verb_shaped(word: str) -> bool:
    """A perfect verb of the shapes the press uses before a name: "ألقت", "أكدت", "وصفت"."""
    return bool(_VERB_SHAPE.fullmatch(word)) and word not in _CONNECT


def _name_word(word: str, first: bool) -> bool:
    if not _AR_WORD.fullmatch(word) or word in _STOPS or _title(word) or word in _MONTHS_DAYS \
            or _NOT_A_NAME.fullmatch(word):
        return False
    if first and (_definite(word) or word.startswith("و") and len(word) > 2 or _bare(word) in _ORG_HEADS or word in _CONNECT
                  and word not in _KEEP_FIRST):
        return False
    if first and _PREP_GLUED.match(word) and word[1:] in _ORG_HEADS:
        return False  # "لمنظمة": a preposition and a body, not a name
    if first and (_FUTURE_SHAPE.match(word) or _BA_NOUN.fullmatch(word)):
        return False  # "سيحل" (a verb in the future), "بانشقاق" (ب and a verbal noun)
    if (word in _EVENT_WORDS or first and word[:1] in "بل" and word[1:] in _EVENT_WORDS) and word not in _CONNECT:
        return False  # "آخر لقاء جمعه", "القاضي بفرض عقوبات": a happening's word (with ب), not a name
    return True


def _name_from(words: list[tuple[int, int, str]], i: int, given: bool = False) -> Optional[tuple[int, int]]:
    """The name starting at words[i] (a given name already told apart from a verb when `given`):
    (index after it, number of words) or None."""
    if i >= len(words) or not (given or _name_word(words[i][2], True)):
        return None
    if words[i][2].startswith("ل") and i + 1 < len(words) and _definite(words[i + 1][2]):
        return None  # "لحقوق الإنسان", "لشؤون الاتصالات": ل and a noun of a phrase
    j, n = i + 1, 1
    while j < len(words) and n < 4:
        w = words[j][2]
        if words[j][0] - words[j - 1][1] > 1:  # punctuation or a line between: the name ended
            break
        if words[j - 1][2] in _CONNECT:  # "عبد الباسط", "بن زايد", "آل نهيان": joined to the word before
            j, n = j + 1, n + 1
            continue
        if _definite(w):
            if _title(w) or w in _STOPS or w in _MONTHS_DAYS or w[2:] in _ORG_HEADS or not w.startswith("ال"):
                break  # "موشيه يعلون اللجنة الوزارية": a body follows; "بالقرار": a preposition's object
            j, n = j + 1, n + 1  # a family name with the article ends it: "هادي البحرة"
            break
        if not _name_word(w, False) or w.startswith("و") and len(w) > 3 and w[1:] not in _CONNECT \
                or _FUTURE_VERB.fullmatch(w):  # "سيعلن": a verb in the future, not a name
            break
        j, n = j + 1, n + 1
        if n == 3 and not any(words[k][2] in _CONNECT for k in range(i, j)):
            nxt = words[j][2] if j < len(words) and words[j][0] - words[j - 1][1] <= 1 else ""
            if (nxt and not (nxt in _STOPS or _title(nxt) or nxt.startswith("و") or _definite(nxt))) or \
                    words[j - 1][2].endswith("ا"):  # "مطولا", "جدلا": an adverb or an object, not a name
                j, n = j - 1, 2  # "رياك مشار أحدث انقسامات": a third word running on is the sentence's
            break  # three plain words are a whole name ("لويس مورينو أوكامبو")
    if n < 2:
        return None
    return j, n


def find_persons(text: str, folded: str) -> Iterator[tuple[int, int, int]]:
    """(title start, name start, name end) of each person named by a title before or after them."""
    # "على" (on) folds to the name "علي": the text's own spelling tells them apart
    words = _words(text, folded)
    i = 0
    while i < len(words):
        w = words[i][2]
        if _title(w) or (i > 0 and _bare(w) in _PLURAL_TITLES and _bare(words[i - 1][2]) in _ONE_OF):
            # the title and its description: definite words, "لل..", "في X", adjectives
            j, chain = i + 1, 0
            while j < len(words) and chain < 8 and words[j][0] - words[j - 1][1] <= 1:
                x = words[j][2]
                if j + 1 < len(words) and words[j + 1][0] - words[j][1] <= 1 and not _definite(x) and \
                        (x in _CONSTRUCT or _bare(x) in _CONSTRUCT or _bare(x) in _ORG_HEADS):
                    # "رئيس وزراء إسرائيل", "رئيس مجلس الأمة", "مدير قناة نسمة": a noun in construct and
                    # the body it names
                    j, chain = j + (1 if _definite(words[j + 1][2]) else 2), chain + 1
                    continue
                if x in _RELATIVES:
                    break  # "بالشاعر الفلسطيني الذي غيبه الموت": a relative clause follows, not a name
                if _definite(x) or _title(x) or x in _CHAIN_WORDS:
                    if x in {fold("في"), fold("لدى"), fold("عن")} and j + 1 < len(words):
                        if _bare(words[j + 1][2]) in _ORG_HEADS:
                            j = -1  # "مدير العمليات في منظمة ...": a body's name follows, not the person's
                            break
                        j += 1  # "في جنوب السودان": the place's first word
                    j, chain = j + 1, chain + 1
                    continue
                break
            # an indefinite title followed by a plain word is a description ("فقيه مغربي محسوب"), not
            # a name's introduction: a name follows a definite title or one in construct
            bare_t = _bare(w)
            described = j == i + 1 and not _definite(bare_t) and bare_t not in _VOCATIVES
            found = _name_from(words, j) if j > 0 and not described else None
            if found is None and j > 0 and not described and j < len(words) and _FUTURE_SHAPE.match(words[j][2]) \
                    and given_name_at(folded, words[j][0], words[j][1]):
                found = _name_from(words, j, given=True)  # "الرئيس سيباستيان بينيرا": a name, not "سيـ" a future
            if found is not None:
                end, _n = found
                yield words[i][0], words[j][0], words[end - 1][1]
                i = end
                continue
            # a name of two words with the article closing the title's description: "الرئيس التونسي
            # المؤقت المنصف المرزوقي" (the second a family name in -ي, the first no adjective nor body)
            if j > i + 2 and _article_name(words[j - 2][2], words[j - 1][2]):
                yield words[i][0], words[j - 2][0], words[j - 1][1]
                i = j
                continue
            # a name right before the title, in apposition: "لوران فابيوس وزير الخارجية", "X Y، رئيس ..."
            # "محمد الفزازي، وهو فقيه مغربي": the name, a comma and "he is" before the title
            he = i > 2 and words[i - 1][2] in _HE_IS and words[i - 2][2] in ("،", ",")
            t = i - 1 if he else i
            if i > 2 and _bare(words[i - 1][2]) in _ONE_OF:
                t = i - 1  # "عبد الرؤوف أحد زعماء الحركة": the name before "one of" the title
            comma = t > 1 and words[t - 1][2] in ("،", ",") and words[t][0] - words[t - 1][1] <= 1
            # "جمعه بالشاعر": a title after a preposition is no apposition to what comes before it
            back = _name_before(words, t - 1 if comma else t) if not _PREP_TITLE.match(w) else None
            if back is not None:
                yield words[i][0], words[back][0], words[t - 2 if comma else t - 1][1]
        i += 1


_HE_IS = {fold(w) for w in ("وهو", "وهي", "فهو", "فهي")}
_HAMZA_LAM = re.compile("[أإ]ل")


def _words(text: str, folded: str) -> list[tuple[int, int, str]]:
    """The folded words with what folding hides put back: "على" (on) is no name "علي"; "إليات" opens
    with a hamza, not the article; "د." (doctor) is one title word, so its dot breaks no name."""
    words: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(folded):
        a, b, w = m.start(), m.end(), m.group()
        if text[a:b] in _ON:
            w = "،"
        elif _HAMZA_LAM.match(text, a) and w not in _STOPS and w not in _PREPOSITIONS and not _title(w) \
                and not _NOT_A_NAME.fullmatch(w):  # ("إليها" is a preposition with a pronoun)
            w = text[a] + w[1:]
        elif w == "." and words and words[-1][2] == "د" and words[-1][1] == a:
            words[-1] = (words[-1][0], b, _DOCTOR)
            continue
        words.append((a, b, w))
    return words


_DOCTOR = fold("دكتور")


def _article_name(first: str, second: str) -> bool:
    if not (first.startswith("ال") and second.startswith("ال") and second.endswith("ي")):
        return False
    bare = first[2:]
    return not (_title(first) or bare in _ORG_HEADS or first in _ORG_HEADS or bare.endswith(("ي", "يه", "ه", "ات"))
                or first in _STOPS or bare in _STOPS)


def _name_before(words: list[tuple[int, int, str]], t: int) -> Optional[int]:
    """The first word of a two- to four-word name that ends right before words[t], or None."""
    idx: list[int] = []
    k = t - 1
    while k >= 0 and len(idx) < 4 and words[k + 1][0] - words[k][1] <= 1:
        w = words[k][2]
        if _definite(w):
            if k == t - 1 or (k > 0 and words[k - 1][2] in _CONNECT):
                idx.append(k)  # a family name with the article ("البحرة"), or "عبد الباسط"
                k -= 1
                continue
            break
        if w in _CONNECT:
            if not idx:
                break
        elif not _name_word(w, True) or (_verb_shaped(w) and len(idx) >= 2):
            break
        idx.append(k)
        k -= 1
    if k >= 0 and words[k][2] in _PREPOSITIONS:
        return None  # "في معرض رد الوزير": after a preposition comes a thing or a place, not a name
    while idx and (words[idx[-1]][2] in _CONNECT and words[idx[-1]][2] not in _KEEP_FIRST
                   or _definite(words[idx[-1]][2])):
        idx.pop()
    if len(idx) >= 2 and words[idx[-1]][2].startswith("ل") and _definite(words[idx[-2]][2]):
        return None  # "لرسول الله", "لحقوق الإنسان": ل and a noun of a phrase, as in _name_from
    return idx[-1] if len(idx) >= 2 else None


_KIN = re.compile(r"(?:زوج|زوجت|شقيق|شقيقت|ابن|ابنت|والد|والدت|اخ|اخت)(?:ه|ها|هم)\s+")


# verbs that stand before their subject ("قال الوزير ...", "وكان الرئيس ..."): the shapes of the press
# ("كان" is left out: "كان الرئيس سيزور باريس", the president was to visit, is a future in the past)
_VERB_FIRST = {fold(w) for w in ("قال", "أكد", "أعلن", "أضاف", "أوضح", "أشار", "صرح", "نفى", "اتهم", "دعا", "حذر",
                                 "ذكر", "التقى", "زار", "وصل", "غادر", "وقع", "استقبل")}
_AFTER_NAME = {fold(w) for w in ("قد", "إن", "أن")}  # "الرئيس سيباستيان بينيرا قد أعلن", "... لافروف إن"
_FOREIGN_LINKS = {fold(w) for w in ("دي", "دو", "فون", "فان")}


def _verb_first(word: str) -> bool:
    w = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    return w in _VERB_FIRST or w in _EVENT_WORDS or _verb_shaped(w)


def given_name_at(folded: str, start: int, end: int) -> bool:
    """Is the word at folded[start:end], shaped like a verb in the future (س and the imperfect: "سيرغي",
    "سيباستيان", "ستافان"), a given name?  It is when a family name follows it ("... دي ميستورا", or a plain
    name word) and a title with its description stands before it, itself after a verb that comes before its
    subject ("أعلن الرئيس التشيلي سيباستيان بينيرا") or with a name that runs on to "قد"/"إن" or a verb
    ("الوزير سيرغي لافروف قد ..."), or right after such a verb with the name running on to "إن"/"قد"
    ("وقال سيرغي لافروف إن").  A title with a verb in the future is the title's deed: "الرئيس سيزور باريس"."""
    after = [m.group() for m in _WORD.finditer(folded, end, min(len(folded), end + 60))][:2]
    if not after or folded[end:end + 1] != " ":
        return False
    if after[0] in _FOREIGN_LINKS:
        return True
    if not _name_word(after[0], False) or _definite(after[0]) or after[0][:1] == "و" \
            or _FUTURE_VERB.fullmatch(after[0]) or after[0] in _PREPOSITIONS:
        return False
    before = [m.group() for m in _WORD.finditer(folded, max(0, start - 90), start)][::-1]
    nxt = after[1] if len(after) > 1 else ""
    if before and _verb_first(before[0]) and nxt in _AFTER_NAME:
        return True  # "وقال سيرغي لافروف إن ...": the name right after its verb
    k = 0
    while k < len(before) and k < 6 and not _title(before[k]) and (
            _definite(before[k]) or before[k] in _CHAIN_WORDS or k + 1 < len(before) and before[k + 1] in _CHAIN_WORDS):
        k += 1  # the title's description: "وزير الخارجية الروسي", "ممثل الأمم المتحدة في سوريا"
    if k >= len(before) or not _title(before[k]):
        return False
    return k + 1 < len(before) and _verb_first(before[k + 1]) or nxt in _AFTER_NAME or _verb_shaped(nxt)


def title_at(folded: str, at: int) -> bool:
    """Does a title open the text at this offset ("ممثلة الأمم المتحدة ...", "مولانا ..."), also after
    a kinship word ("زوجته الدكتورة ...")?"""
    kin = _KIN.match(folded, at)
    m = _WORD.match(folded, kin.end() if kin else at)
    return m is not None and _title(m.group())


def family_names(names: list[str]) -> dict[str, str]:
    """The family name (the last word, folded, three letters or more) -> the full name."""
    out: dict[str, str] = {}
    for name in names:
        last = fold(name.split()[-1])
        if len(last) >= 3 and last not in _STOPS and last not in _CONNECT:
            out.setdefault(last, name)
    return out
