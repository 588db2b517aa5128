"""Events in Arabic reports: one draft per clause that tells something happening, with its date
by clause (a clause with no date of its own is not dated by publication), its status (reported,
claimed, expected, conditional, denied) and the actors' roles.

Arabic news chains clauses with و/ف/ثم and opens background with كان; a summary lead is told
again further on with its day.  Every pass is linear in the report.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional, Sequence

from ..core.model import Role
from ..core.status import HAPPENED
from ..core.when import When
from . import arabic_lexicon as AL
from .arabic import future_verb_in
from .arabic_event_dates import carries, clause_date, counted_from, fighting_party, not_its_day, now, said_on
from .arabic_text import AR, GLUED, MARKS, NOT_AR_AFTER, NOT_AR_BEFORE, WEEKDAYS, alternation, fold, marked_alternation, unmarked
from .dates import DateMention
from .event_dates import undated_rule
from .clauses import Clause
from .events import EventDraft
from .names import Entity, Mention
from .statements import Statement
from .text import Sentence

__all__ = ["arabic_drafts"]

_SUFFIX = r"(?:ت|وا|ا|ن|ه|ها|هم|ات|ته|تها|تهم|ين|ون)?"
# words that only look like event words: "وزارة" (a ministry) is not و + "زار" (visited) + ه, "بأسره"
# (entirely) no capture, "طالبا" (asking) no demand
# "فجر اليوم" and "فجر الأحد" are the dawn of that day, not a detonation ("فجرت"); "عاد الهدوء" (calm
# returned) and "عادت الحياة" tell a state settling back, not a return of anybody
_DAY_AFTER = alternation(("اليوم", "أمس", "غد", "يوم", *WEEKDAYS))
_STATES = alternation(("الهدوء", "الحياة", "الأمن", "الاستقرار", "النظام", "التيار", "الكهرباء", "المياه",
                       "الاتصالات", "الإنترنت", "الحركة", "الأوضاع", "الوضع", "الأمور"))
_LOOKALIKES = (rf"(?:وزاره|وزارات|وزارتي|وزارتها|وزارته|باسره|باسرها|باسرهم|طالبا){NOT_AR_AFTER}"
               rf"|[وف]?(?:ال)?فجر\s+(?:{_DAY_AFTER}){NOT_AR_AFTER}"
               rf"|[وف]?(?:عاد|عادت|يعود|تعود|عوده)\s+(?:[^\s.،]+\s+){{0,2}}?(?:{_STATES}){NOT_AR_AFTER}")
_TRIGGER_RE = re.compile(rf"{NOT_AR_BEFORE}(?!{_LOOKALIKES}){GLUED}(?P<word>{marked_alternation(AL.EVENT_WORDS)})[{MARKS}]*{_SUFFIX}"
                         rf"[{MARKS}]*{NOT_AR_AFTER}")
_HARM_RE = re.compile(rf"{NOT_AR_BEFORE}{GLUED}(?:مقتل|قتل|قتلى|إصابة|اصابة|جرح|جرحى|اختطاف|خطف|اعتقال|اعتقل|أسر|إعدام|اعدام)")
_FUTURE_RE = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:سوف|من المفترض|مقررا|مقرراً|يجب|ينبغي|يأمل|تأمل|يأملون|يريد|تريد|يرغب|ترغب|يعتزم|تعتزم|يعتزمون|من المقرر|من المتوقع|يتوقع|يُتوقع|المرتقب|سيتم|ستبدأ|سيبدأ|ستقوم|سيقوم|"
                        rf"ينوي|تنوي|يخطط|تخطط|يدرس|تدرس|المزمع|من المزمع|مشروع قرار|اقتراح|مقترح)")
_COND_RE = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:(?:إذا|اذا|لو|في حال|ربما|يمكن|من المرجح|من المُرجح|المرجح|يرجح|من المحتمل|يحتمل|إمكانية|امكانية|احتمال|يخشى|تخشى|يخشون|خشية|مخاوف|تخوف|التخوف|تخوفات|يبدو|يبدوا){NOT_AR_AFTER}|قد\s+ي)")
# a call or demand: what is called for has not happened ("دعا الحكومة إلى القضاء على ...", "طالب بمحاكمة")
_DEMAND = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:دعا|دعت|دعوا|يدعو|تدعو|طالب|طالبت|طالبوا|يطالب|تطالب|حث|حثت|ناشد|ناشدت)"
                     rf"{NOT_AR_AFTER}[^.؛:]{{0,80}}?{NOT_AR_BEFORE}(?:إلى|الى|ب)")
# a warning: what is warned of may come, it has not happened ("حذرت الأمم المتحدة من أن ... تفشي ...")
_WARNED = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:حذر|حذرت|حذروا|يحذر|تحذر|أنذر|أنذرت){NOT_AR_AFTER}[^.؛]{{0,80}}?"
                     rf"{NOT_AR_BEFORE}من{NOT_AR_AFTER}")
# an opinion, not a happening: "وحسب رأي X، ..."
_OPINION = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:حسب|بحسب|في|ب)\s*راي(?:ه|ها|هم){{0,1}}{NOT_AR_AFTER}")
# the negator governs the verb right after it ("لم يتم الإفراج", "لن تنسحب"), not a happening further on
_NEGATED = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:لم|لن|ليس|لا)\s+(?:(?:[^\s.،]+\s+)?|"
                      rf"(?:[يت](?:علن|تم|صدر|تبن|سجل|رد|عرف|سفر|قع)[{AR}]*)\s+(?:[^\s.،]+\s+){{0,5}})$")
# where one sentence tells two happenings: "..., فيما شن الطيران ...", "... في حين استهدف ..."
# (not at a word whose own first letter is و: "، وفق ما أفاد", "، وسط مخاوف", "، وزير الخارجية")
_OWN_WAW = r"(?:وفق|وسط|وزير|وزار|ولاي|وكال|وقت|وحد|وضع|وجود|وصول|وفد|وفا[ةه]|وثيق|وطني|واشنطن|واقع)"
_CLAUSE_SPLIT = re.compile(rf"\s*[،,]?\s+(?=(?:فيما|في حين|بينما|كما)\s)|\s*[،,]\s*(?=و[{AR}])(?!{_OWN_WAW})|\s+\.\.+\s+")
# background told without its date: "بعد استعادة الجيش ...", "منذ سيطر ...", "كان قد ...", "احتدام المعارك"
_BACKGROUND = re.compile(rf"{NOT_AR_BEFORE}(?:بعد|منذ|عقب|اثر|سبق|احتدام|استمرار)\s+(?:ان\s+)?[{AR}]*$"
                         rf"|{NOT_AR_BEFORE}(?:كان|كانت)\s+[{AR}\s]{{0,40}}قد\s+")
# "وكان الوزير استقال ...", "وكانت قد ...": a clause opened by كان tells what came before the story;
# "في وقت سابق" (earlier), "مؤخرا" (recently), "قبل فترة" (a while ago) say so too
_PLUPERFECT = re.compile(rf"[\s،,.:\"«]*(?:[وف]?قد\s+)?[وف]?(?:كان|كانت|كانوا|كانا){NOT_AR_AFTER}")
_EARLIER = re.compile(rf"{NOT_AR_BEFORE}(?:في\s+وقت\s+سابق|[وف]?مؤخرا|[وف]?مؤخراً|قبل\s+فتره|منذ\s+فتره|[وف]?سابقا){NOT_AR_AFTER}")
_GOES_ON = re.compile(r"[\s\"«“(]*(?:و|ف(?!ي\s)|ثم\s|كما\s)")
# the present tense: the listed forms, and ت/ي before a listed past of the فاعل form ("تحاصر" of "حاصر",
# "تهاجم" of "هاجم"; a ت before other stems may open a past of its own: "تقرر", "توصل")
_PAST_STEMS = frozenset(fold(w) for w in AL.EVENT_WORDS if not w.startswith(("ي", "ت", "ال")) and " " not in w)
_IMPERFECT = frozenset(fold(w) for w in AL.IMPERFECT_EVENT_WORDS) | frozenset(
    fold(w) for w in AL.EVENT_WORDS if w[:1] in "يت" and len(w) == 5 and w[2] == "ا" and fold(w[1:]) in _PAST_STEMS)
# a clause opened by a verb in the present: "ويعيش آلاف المدنيين ...", "وتستمر في ...", "يذكر أن ..."
# (ي + stem; ت + the stems of the derived forms, whose perfects do not open with تست/تن/تت)
_PRESENT_HEAD = re.compile(rf"[\s،,\"«(]*(?:[وف]|(?:كما|ثم)\s+)?(?:ي[{AR}]{{3,}}|ت(?:ست|ت|ن)[{AR}]{{2,}}){NOT_AR_AFTER}")
# "منذ ذلك الحين", "منذ اندلاع الحرب": what has gone on since another time is no happening of one day
_SPAN = re.compile(rf"{NOT_AR_BEFORE}[وف]?منذ{NOT_AR_AFTER}")
_SINCE = re.compile(rf"{NOT_AR_BEFORE}منذ\s+(?:ايام|اسابيع|اشهر|شهور){NOT_AR_AFTER}")

def _clauses_of(text: str, s: Sentence, dateline: Optional[tuple[int, int]] = None) -> list[tuple[int, int]]:
    out, start = [], s.start
    if dateline is not None and s.start <= dateline[0] < s.end:
        start = min(dateline[1], s.end)  # a sentence opened by the wire's dateline: the clause starts after it
    for m in _CLAUSE_SPLIT.finditer(text, s.start, s.end):
        if m.start() - start >= 25:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, s.end))
    return out


def arabic_drafts(text: str, sentences: Sequence[Sentence], body: Sequence[int], dates: Sequence[DateMention],
                  mentions: Sequence[Mention], entities: Sequence[Entity], statements: Sequence[Statement],
                  published: Optional[When], outlet: str,
                  dateline: Optional[tuple[int, int]] = None) -> list[EventDraft]:
    """One draft per clause that tells something happening (a trigger word); the first actor
    after a verb-first trigger acts.  A clause with no date of its own takes the day of the
    clause before it when that day is within a week of publication, else publication."""
    by_id = {e.id: e for e in entities}
    folded = fold(text)
    stmt = {st.sentence: st for st in statements}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    drafts: list[EventDraft] = []
    carried: Optional[DateMention] = None
    dates = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    for si in body:
        s = sentences[si]
        s_dates = list(dates[bisect_left(date_starts, s.start):bisect_left(date_starts, s.end)])
        if s.first_in_paragraph and (not _GOES_ON.match(folded, s.start, s.end) or
                                     (si > 0 and not sentences[si - 1].first_in_paragraph)):
            carried = None  # a paragraph that opens without و/ف/ثم/كما starts another part of the story
        future_before = False  # the clause before, in this sentence, speaks of what is to come
        for c0, c1 in _clauses_of(text, s, dateline):
            st = stmt.get(si)
            # "الاحتجاجات التي عصفت بالمدن الأسبوع الماضي": a relative clause with a date of its own
            # tells a happening of its own, dated there (the main clause does not take that date)
            rels = _relatives(text, folded, c0, c1, s_dates)
            taken = {id(d) for _r0, _r1, r_dates in rels for d in r_dates}
            for r0, r1, r_dates in rels:
                trigger = _TRIGGER_RE.search(folded, r0, r1) or _TRIGGER_DEF.search(folded, r0, r1)
                date_r = clause_date(r_dates, trigger.start())
                drafts.append(_draft(text, folded, si, r0, r1, trigger, date_r, by_sentence, by_id, st, outlet,
                                     published, None, background=date_r is None))
            trigger = _TRIGGER_RE.search(folded, c0, c1)
            while trigger is not None and (any(r0 <= trigger.start() < r1 for r0, r1, _d in rels)
                                           or _POINTS_BACK.search(folded, max(c0, trigger.start() - 8), trigger.end())
                                           or _ISSUED_WORDS.match(folded, trigger.start())):
                trigger = _TRIGGER_RE.search(folded, trigger.end(), c1)
            accused = False
            if trigger is not None and _BLAMING.match(folded, trigger.start()):
                # what one party blames on another is said, not told as a happening; an accusation names
                # the deed after ب ("اتهمت الشبكة القوات بارتكاب مجزرة"): the accuser claims it of the accused
                accused = _ACCUSING.match(folded, trigger.start()) is not None
                trigger = _accused_deed(folded, trigger.end(), c1) if accused else None
            if trigger is None or _OPINION.search(folded, c0, trigger.start()):
                # "واستمرت الاضطرابات حتى صباح اليوم الإثنين": a clause that tells no happening of its
                # own still moves the story to its day; the next undated clause is told on that day
                own = [d for d in s_dates if c0 <= d.start < c1 and id(d) not in taken and not d.forward]
                if own and carries(own[-1].when, published):
                    carried = own[-1]
                continue
            # the sentence's only date serves a clause without one, unless it is told in a later clause
            # of its own opened by "في حين", "بينما", "فيما" (another happening at another time)
            c_dates = [d for d in s_dates if c0 <= d.start < c1 and id(d) not in taken and not not_its_day(folded, d)] or \
                (s_dates if len(s_dates) == 1 and not taken and not _contrasted(folded, c1, s_dates[0].start)
                 and not _EARLIER.search(folded, c0, c1) and not not_its_day(folded, s_dates[0])
                 else [])  # ("ومؤخرا أعلنت ...": another, earlier time)
            # a clause in the future is dated by what it names ahead ("سيقوم ... في ديسمبر المقبل"), not by
            # the day it was said ("أعلن اليوم الإثنين")
            if accused:  # the accusation's day is when it was made; the deed's is only one written after it
                c_dates = [d for d in c_dates if d.start > trigger.start()]
            ahead = future_verb_in(folded, c0, c1) or _FUTURE_RE.search(text, c0, c1) is not None
            told = [d for d in c_dates if not said_on(folded, st, d, trigger.start())]
            if told and len(told) < len(c_dates):
                c_dates = told  # "قال ... أمس إن القوات قتلت عشرة مسلحين اليوم": what is said has its own day
            date_m = clause_date(c_dates, trigger.start(), ahead)
            if date_m is None and carried is not None:
                date_m = counted_from(text, folded, c0, c1, carried)
            if date_m is not None and date_m.forward and not ahead and not _FORWARD_VERB.search(folded, c0, c1) \
                    and unmarked(trigger.group("word"))[:1] not in "يت":  # (a verb opening with ي/ت may be a present)
                # "أرسلت رسالة تطلب ... قبل نهاية العام": a date ahead in a clause told in the past dates
                # what is asked or planned, not the happening told
                date_m = None
            if _ELSEWHERE.match(folded, c0):
                carried = None  # "وفي سياق متصل، ...", "من جهة أخرى": another matter, told at its own time
            if date_m is not None and carries(date_m.when, published) and not _told_before(folded, c0, c1):
                if not ahead and said_on(folded, st, date_m, trigger.start()) and date_m.start >= st.quote_span[1]:
                    # the day of the source a past happening is attributed to after it is told is no day the
                    # story moves to; the sentence's own happening's day is ("ارتفعت حصيلة الزلزال الذي ضرب
                    # أمس ...، بحسب ما أعلنت الوزارة اليوم"; a day opening what is said is the story's: "أكدت
                    # مصادر، اليوم السبت، أن مسلحين نصبوا كمينا")
                    own = [clause_date(r_dates, r0) for r0, _r1, r_dates in rels if r_dates]
                    carried = next((d for d in reversed(own) if d is not None and carries(d.when, published)), None)
                else:
                    carried = date_m  # (a background clause's day, "وكانت القوات قد قصفت أمس", does not move the story)
            # "وسوف يشيع جثمانه ...، ويدفن في ...": a present verb joined by و to a future clause shares its future
            joined = future_before and _JOINED_PRESENT.match(folded, c0) is not None
            draft = _draft(text, folded, si, c0, c1, trigger, date_m, by_sentence, by_id, st, outlet, published,
                           None if joined or accused else carried, future=joined)
            if accused and draft.status in HAPPENED:
                draft.status, draft.claimed_by = "claimed", st.speaker if st is not None else ""
                draft.status_why = f"an accusation{f' by {st.speaker}' if st is not None else ''}: not confirmed"
                if date_m is None:
                    draft.when_rule = "a deed an accusation names, without a date of its own: set one (not dated by publication)"
            if draft.status == "claimed" and date_m is not None and fighting_party(st, by_id) and \
                    said_on(folded, st, date_m, trigger.start()):
                # "أعلنت القوات، مساء أمس، استعادة المدينة", "سيطرت الجبهة على البلدة، بحسب ما أعلن متحدث
                # باسمها أمس": a party's day of saying is not the day of what it claims
                draft.when, draft.date = None, None
                draft.when_rule = (f"'{date_m.text}' is the day {st.speaker} said it, not the day it happened: "
                                   "set one (not dated by publication)")
                if carried is date_m:
                    carried = None
            future_before = draft.status == "expected"
            own_date = date_m is not None and c0 <= date_m.start < c1
            if draft.status in HAPPENED and (not own_date or now(date_m, published)) and si != body[0] and \
                    (unmarked(trigger.group("word")) in _IMPERFECT or _PRESENT_HEAD.match(folded, c0)) and \
                    not _SINCE.search(folded, c0, c1):
                continue  # "وتستمر الحركة في تنفيذ هجمات": a present with no date of its own tells what goes on
            drafts.append(draft)
    _date_retellings(folded, drafts)
    return _drop_retellings(folded, drafts)


# verbs whose date ahead is their own: a postponement, an extension, a deadline set ("أجلت ... إلى الأحد المقبل")
_FORWARD_VERB = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:تاجل|تاجلت|اجل|اجلت|ارجئ|ارجئت|مدد|مددت|حدد|حددت){NOT_AR_AFTER}")
_CONTRAST = re.compile(rf"[\s،,]*(?:فيما|في حين|بينما){NOT_AR_AFTER}")


# connectors that turn to another matter: "في سياق متصل", "من جهة أخرى", "على صعيد آخر", "في تطور آخر"
_ELSEWHERE = re.compile(rf"[\s،,\"«]*[وف]?(?:في\s+سياق|من\s+جهه\s+(?:اخري|ثانيه)|علي\s+صعيد|في\s+تطور\s+(?:اخر|منفصل)|"
                        rf"في\s+شان\s+اخر){NOT_AR_AFTER}")


def _told_before(folded: str, c0: int, c1: int) -> bool:
    """A clause told as what came before the story: "وكان ... قد", "في وقت سابق"."""
    return _PLUPERFECT.match(folded, c0) is not None or _EARLIER.search(folded, c0, c1) is not None


def _contrasted(folded: str, c1: int, at: int) -> bool:
    """Is the date at `at` in a clause after c1 opened by a contrast ("..., في حين بلغ ... في أبريل")?"""
    return at >= c1 and _CONTRAST.match(folded, c1) is not None


_JOINED_PRESENT = re.compile(rf"[\s،,]*و[يت][{AR}]{{2,}}")


def _draft(text: str, folded: str, si: int, c0: int, c1: int, trigger: re.Match, date_m: Optional[DateMention],
           by_sentence: dict[int, list[Mention]], by_id: dict[str, Entity], st: Optional[Statement], outlet: str,
           published: Optional[When], carried: Optional[DateMention], background: bool = False,
           future: bool = False) -> EventDraft:
    """The draft of the clause text[c0:c1] whose event word is `trigger`: its date, status and roles."""
    if date_m is not None:
        when, rule = date_m.when, f"{date_m.text}: {date_m.rule}"
    elif background:
        when, rule = None, "background named in a relative clause without its date: set one (not dated by publication)"
    elif _BACKGROUND.search(folded, max(c0, trigger.start() - 12), trigger.end()) or \
            _PLUPERFECT.match(folded, c0) or _EARLIER.search(folded, c0, c1):
        when, rule = None, "background told without a date of its own: set one (not dated by publication)"
    elif carried is not None and _SPAN.search(folded, c0, c1):
        when, rule = None, "a span told since another time ('منذ'), not a day: set one (not dated by publication)"
    elif carried is not None:
        when, rule = carried.when, f"no date in the clause: the day of the clause before ({carried.text})"
    else:
        when, rule = None, undated_rule(published)
    ments = [m for m in by_sentence.get(si, []) if c0 <= m.start < c1 and by_id.get(m.entity) is not None
             and not m.modifier]
    roles = _roles(text, ments, by_id, st, trigger)
    head = text[c0:trigger.end()]
    status, why, claimed = "reported", "", ""
    if _NEGATED.search(folded, max(c0, trigger.start() - 50), trigger.start()):
        status, why = "denied", "negated: the report says it did not happen"
    elif _COND_RE.search(head) or _WARNED.search(head):
        status, why = "conditional", "put as a condition, a possibility or a warning"
    elif (demand := _DEMAND.search(text, c0, min(c1, trigger.end() + 90))) is not None and \
            demand.start() <= trigger.start():  # (the demand verb may be the event word itself: "طالب ... بقانون")
        status, why = "expected", "called for or demanded: it has not happened"
    elif future or _FUTURE_RE.search(head) or future_verb_in(folded, c0, trigger.end()) or \
            (date_m is not None and date_m.forward):
        status, why = "expected", "said of what is to come"
    elif st is not None and st.denial and c0 > st.quote_span[0] and _CONTRAST.match(folded, c0):
        pass  # "نفت الحركة أي صلة لها بالهجوم، في حين اعتقلت الشرطة شخصين": the contrast is the report's
    elif st is not None and st.denial:
        status, why = "denied", f"{st.speaker} denies it"
    elif st is not None and st.speaker and st.speaker != outlet and _interested(st, by_id):
        status, why, claimed = "claimed", f"said by {st.speaker}, a party to it", st.speaker
    start = c0 + len(text[c0:c1]) - len(text[c0:c1].lstrip(" ،,"))
    quote = " ".join(text[start:c1].split()).strip(" .،")
    title = quote if len(quote) <= 110 else quote[:110].rsplit(" ", 1)[0] + "…"
    return EventDraft(Clause(si, start, c1), title, when, rule, date_m, "", list(roles.items()), st,
                      quote, status, why, claimed)


# "أصدر الاتحاد بيانا نعى فيه ...": issuing a statement is saying something, not a happening
_ISSUED_WORDS = re.compile(rf"[وف]?(?:اصدر|اصدرت|اصدروا){NOT_AR_AFTER}(?:\s+[^\s.،]+){{0,4}}?\s+(?:بيانا|بيان|تصريحا|تصريح)"
                           rf"{NOT_AR_AFTER}")
# "اتهمت الشبكة القوات بارتكاب ...", "أدان الوزير الهجوم": blaming or condemning is saying, not a happening
# (the nouns stay: "أثار ... إدانات واتهامات" tells a reaction)
_ACCUSING = re.compile(rf"[وف]?(?:اتهم|يتهم|تتهم)(?:ت|وا)?{NOT_AR_AFTER}")
# the deed an accusation names: glued to ب ("بقصف المستشفى") or after "بارتكاب"، "بتنفيذ"، "بشن"
_DEED_OPEN = re.compile(rf"{NOT_AR_BEFORE}ب(?:ال)?(?:ارتكاب|تنفيذ|شن)\s+(?:[^\s.،]+\s+)?$")


def _accused_deed(folded: str, start: int, c1: int) -> Optional[re.Match]:
    """The event word of the deed an accusation names after `start`, or None."""
    m = _TRIGGER_RE.search(folded, start, c1)
    while m is not None:
        if folded[m.start():m.start("word")].endswith("ب") or _DEED_OPEN.search(folded, max(start, m.start() - 30), m.start()):
            return m
        m = _TRIGGER_RE.search(folded, m.end(), c1)
    return None


_BLAMING = re.compile(rf"[وف]?(?:اتهم|ادان|دان|ندد|استنكر|شجب)(?:ت|وا)?{NOT_AR_AFTER}(?!\s+المحكمه)")  # (a court's is a verdict)
# "في اجتماعها", "خلال زيارته", "بعد هجومهم": a happening told before, pointed back to by its
# possessor; not a new one
_POINTS_BACK = re.compile(rf"{NOT_AR_BEFORE}(?:[وف]?(?:في|خلال|اثناء|عقب|بعد|اثر)\s+|[وف]?[بل])"
                          rf"[{AR}]{{3,}}(?:ها|هم|هما){NOT_AR_AFTER}$")
_RELATIVE = re.compile(rf"{NOT_AR_BEFORE}(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان){NOT_AR_AFTER}")
_REL_END = re.compile(rf"[،,.:;؛]|{NOT_AR_BEFORE}(?:الذي|التي|الذين){NOT_AR_AFTER}")
# an event noun with the article, as the head of a relative clause: "الاحتجاجات التي ..."
_TRIGGER_DEF = re.compile(rf"{NOT_AR_BEFORE}[وف]?(?:بال|لل|ال)(?:{alternation(w for w in AL.EVENT_WORDS if len(w) >= 4)}){NOT_AR_AFTER}")


# the relative clause opens with an event verb in the past: "التي أبرمتها", "الذي اندلع", "التي توصلت إليها"
_PAST_EVENT = re.compile(rf"\s+(?:{alternation(w for w in AL.EVENT_WORDS if not w.startswith(('ي', 'ت', 'ال')))}){_SUFFIX}{NOT_AR_AFTER}")


_LAST_WORD = re.compile(rf"[{AR}]+\s+$")
_NOUN_BEFORE = re.compile(rf"[{AR}]+\s+$")
_ADJECTIVE = re.compile(rf"ال[{AR}]{{2,}}(?:يه|ي)")  # "الرئاسية", "الانتحاري" (folded)
# a plural noun without the article, then a past event verb: "مواجهات اندلعت", "مدرسين اختطفوا"
# (not the subject of what is said, whose verb follows it: "قالت الصحيفة إن 25 صاروخا سقطت ...")
_THAT_BEFORE = re.compile(rf"{NOT_AR_BEFORE}(?:ان|بان|لان)\s+(?:[^\s.،]+\s+){{0,3}}$")
_UNMARKED_RELATIVE = re.compile(rf"{NOT_AR_BEFORE}(?P<head>(?![وف]?(?:ال|لل|بال))[{AR}]{{3,}}(?:ات|ين|ون))\s+"
                                rf"(?P<verb>(?:{alternation(w for w in AL.EVENT_WORDS if not w.startswith(('ي', 'ت', 'ال')) and ' ' not in w)})"
                                rf"(?:ت|وا)?){NOT_AR_AFTER}")


# "الهجوم الذي وقع في ...": the happening told in the clause itself, pointed at by where it occurred
_OCCURRED = re.compile(rf"\s+(?:وقع|وقعت|حدث|حدثت|جرى|جرت){NOT_AR_AFTER}")


def _relatives(text: str, folded: str, c0: int, c1: int, s_dates: Sequence[DateMention]
               ) -> list[tuple[int, int, list[DateMention]]]:
    """Relative clauses of text[c0:c1] that hold a date of their own and tell a happening, each with
    the noun they describe: (start, end, their dates)."""
    out = []
    for rel in _UNMARKED_RELATIVE.finditer(folded, c0, c1):
        # "بعد مواجهات اندلعت ليل الجمعة", "سراح مدرسين اختطفوا الشهر الماضي": an indefinite noun's
        # relative clause has no "التي"; its verb, agreeing with the noun, and its date are its own
        end = _REL_END.search(folded, rel.end("head"), c1)
        r1 = end.start() if end is not None else c1
        r_dates = [d for d in s_dates if rel.end("head") < d.start < r1 and not d.forward]
        if r_dates and unmarked(rel.group("verb")).endswith(("ت", "وا")) and \
                not _THAT_BEFORE.search(folded, max(c0, rel.start() - 40), rel.start()):
            out.append((rel.start("head"), r1, r_dates))
    for rel in _RELATIVE.finditer(folded, c0, c1):
        end = _REL_END.search(folded, rel.end(), c1)
        r1 = end.start() if end is not None else c1
        r_dates = [d for d in s_dates if rel.end() <= d.start < r1 and not d.forward]
        head = _LAST_WORD.search(folded, max(c0, rel.start() - 30), rel.start())
        r0 = rel.start() - len(head.group()) if head is not None else rel.start()
        noun = _NOUN_BEFORE.search(folded, max(c0, r0 - 30), r0) if head is not None and _ADJECTIVE.fullmatch(head.group().strip()) else None
        if noun is not None and _TRIGGER_DEF.match(folded, noun.start()):
            r0 = noun.start()  # "الانتخابات الرئاسية التي جرت ...": the clause describes the noun and its adjective
        if r_dates and (_TRIGGER_RE.search(folded, rel.end(), r1) or _TRIGGER_DEF.match(folded, r0)):
            out.append((r0, r1, r_dates))
        elif not r_dates and _PAST_EVENT.match(folded, rel.end()) and not _OCCURRED.match(folded, rel.end()):
            # "الاتفاقية التي أبرمتها إيران ...", "الثورة التي أنهت حكم ...": a past happening named in
            # passing, told without its date: background of its own, not the day of the main clause
            out.append((r0, r1, []))
    return out


_CONTENT = re.compile(rf"[{AR}]{{3,}}")
_FUNCTION = {fold(w) for w in AL.NAME_STOPS} | {fold(w) for w in (
    "الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "وقال", "قال", "قالت", "وقالت", "أكثر", "أيضا", "عدد", "نحو",
    "حوالي", "الأقل", "بعض", "كل", "كان", "كانت", "وكان", "وكانت", "إنه", "أنه", "إنها", "أنها", "إلا", "غير", "شخصا")}
_RETOLD_WINDOW = 60  # drafts: a retelling is looked for among this many on either side (linear in the report)


_GLUED_START = re.compile(r"^(?:[وف]?(?:بال|لل|كال|ال)|[وف](?=[^ا][^\s]{3}))")
_ENDING = re.compile(r"(?:وا|ون|ين|ات|ها|هم|ه|ت)$")


def _words(folded: str, start: int, end: int) -> set[str]:
    """The content words of a clause without their glued conjunction, preposition or article."""
    out = set()
    for m in _CONTENT.finditer(folded, start, end):
        w = unmarked(m.group())
        if w in _FUNCTION:
            continue
        w = _GLUED_START.sub("", w)
        if len(w) >= 5:  # "اقتحموا" and "اقتحم", "مسلحين" and "مسلحون" meet
            w = _ENDING.sub("", w)
        if len(w) >= 4 and w.endswith("ا"):  # the accusative's alif: "هجوما" and "هجوم", "سوقا" and "سوق" meet
            w = w[:-1]
        if len(w) >= 3:
            out.add(w)
    return out


_RETOLD_RULE = "told again with a date"


def _date_retellings(folded: str, drafts: list[EventDraft]) -> None:
    """A happening told first without a date ("a summary lead") and again with one: the undated
    telling takes the date of the dated one that shares two or more of its content words, an event
    word among them (a lead "فجرت سيارات مفخخة" and "وفجرت ... سيارات مفخخة اليوم الجمعة")."""
    dated = [(i, d) for i, d in enumerate(drafts) if d.date is not None and not d.date.forward
             and d.status in HAPPENED and d.date.when.precision.value >= 5]  # a day
    if not dated:
        return
    words = {i: _words(folded, d.clause.start, d.clause.end) for i, d in dated}
    order = [i for i, _d in dated]
    for i, d in enumerate(drafts):
        if d.when is not None or d.date is not None or d.status not in HAPPENED or \
                d.when_rule.startswith("background named in a relative clause"):
            continue  # (a relative clause's happening is told inside the dated clause: not a retelling)
        mine = _words(folded, d.clause.start, d.clause.end)
        at = bisect_left(order, i)  # a window of candidates on either side: linear in the report
        after = [(j, o) for j, o in dated[at:at + _RETOLD_WINDOW] if j <= i + _RETOLD_WINDOW]
        before = [(j, o) for j, o in reversed(dated[max(0, at - _RETOLD_WINDOW):at]) if j >= i - _RETOLD_WINDOW]
        best = None  # the first telling after it (a lead is told again below), else the nearest before
        for j, other in after + before:
            shared = mine & words[j]
            if len(shared) >= 4 or (len(shared) >= 3 and any(_TRIGGER_RE.fullmatch(w) for w in shared)):
                best = other
                break
        if best is not None:
            d.when, d.date = best.when, best.date
            d.when_rule = f"{_RETOLD_RULE} ({best.date.text}): {best.date.rule}"
    # "... كما فجرت سيارات مفخخة، فيما شن الطيران ... غارة": a lead told again with its day below dates
    # the other happenings told with it in the same sentence, told without a date of their own
    lent = {d.clause.sentence: d for d in drafts if d.when_rule.startswith(_RETOLD_RULE)}
    for d in drafts:
        by = lent.get(d.clause.sentence)
        if by is not None and by is not d and d.when is None and d.status in HAPPENED and \
                d.when_rule.startswith("the report gives no date"):
            d.when = by.when
            d.when_rule = f"no date of its own; told in one sentence with a happening {by.when_rule}"


# "وقالت مصادر طبية إن ...", "وذكرت الإذاعة أن ...": a source's telling of what the report has told
_SAID_THAT = re.compile(rf"[\s\"«]*[وف]?(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت|أضاف|أضافت|أوضح|أوضحت|أكد|أكدت)"
                        rf"{NOT_AR_AFTER}[^.،]{{0,80}}?{NOT_AR_BEFORE}(?:إن|أن|ان){NOT_AR_AFTER}".translate(str.maketrans("أإ", "اا")))


_ANOTHER = re.compile(rf"{NOT_AR_BEFORE}(?:اخر|اخري|ثان|ثانيه|جديد|جديده|مماثل|مماثله){NOT_AR_AFTER}")


def _quoted(d: EventDraft, trigger: Optional[re.Match]) -> bool:
    """Is the draft's happening told inside what a source says ("وقالت الشبكة، وهي ...، في بيان، إن ...")?"""
    st = d.statement
    return st is not None and trigger is not None and st.quote_span[0] <= trigger.start() < st.quote_span[1]


def _drop_retellings(folded: str, drafts: list[EventDraft]) -> list[EventDraft]:
    """The same happening told again in another sentence on the same day ("أجري له عمل جراحي ليلة
    أمس" and, further on, "شعر بألم حاد أمس ... فأجري له عمل جراحي"): the later telling is dropped when
    its event words are among the earlier one's and the two share four or more content words.  Each draft is
    compared with the last _RETOLD_WINDOW kept ones: linear in the report."""
    kept: list[tuple[EventDraft, set[str], set[str], set[str]]] = []
    out = []
    for d in drafts:
        first = _TRIGGER_RE.search(folded, d.clause.start, d.clause.end)
        day = first is not None and d.when is not None and d.when.is_point and d.when.precision.value >= 5 \
            and d.status in HAPPENED
        told = {unmarked(m.group("word")) for m in _TRIGGER_RE.finditer(folded, d.clause.start, d.clause.end)} if day else set()
        mine = _words(folded, d.clause.start, d.clause.end) if day else set()
        said = (_SAID_THAT.match(folded, d.clause.start) is not None or _quoted(d, first)) and \
            not _ANOTHER.search(folded, d.clause.start, d.clause.end)  # ("في هجوم آخر": another one)
        what = _words(folded, first.start(), d.clause.end) if day else set()
        actors = _actors(d) if day else set()
        owned = day and _OWNED.match(folded, first.start()) is not None
        # "وأصيب ستة آخرون في الهجوم": a toll of "the" happening, pointed back to by the article, told on its day
        toll = day and (_HURT.match(folded, first.start()) is not None and
                        _IN_THE.search(folded, first.end(), d.clause.end) is not None
                        or _RESULTED.match(folded, d.clause.start) is not None
                        or owned)
        told_by = day and next((o for o, theirs_told, theirs, theirs_actors in reversed(kept[-_RETOLD_WINDOW:])
                                if o.when == d.when and o.clause.sentence != d.clause.sentence and (toll or
                (told <= theirs_told and len(mine & theirs) >= 4) or
                # a source's telling ("وقالت مصادر طبية إن الانفجار وقع ..."): three shared words, an event word among them
                (said and len(mine & theirs) >= 3 and any(_TRIGGER_RE.fullmatch(w) for w in mine & theirs)) or
                # told again in other words ("شنت ... هجوما استهدف سوقا" after "قصف سوق"): no actor the first
                # telling did not name, and four content words shared from its event word on
                (not _ANOTHER.search(folded, d.clause.start, d.clause.end) and actors <= theirs_actors
                 and len(what & theirs) >= 4 and not o.when_rule.startswith(_RETOLD_RULE)))), None)
        if told_by:
            if owned:  # who owns the happening is its initiator
                have = {eid for eid, _role in told_by.participants}
                told_by.participants.extend((eid, Role.INITIATOR) for eid in sorted(actors) if eid not in have)
            continue  # (a telling that adds a happening of its own, "... وصدور حكم بغرامة", stays)
        out.append(d)
        if day:
            kept.append((d, told, mine, actors))
    return out


_HURT = re.compile(rf"[وف]?(?:{marked_alternation(('قتل', 'قتلوا', 'قتلت', 'مقتل', 'أصيب', 'أصيبوا', 'أصيبت', 'إصابة', 'جرح', 'لقي', 'لقوا', 'استشهد', 'استشهاد'))}){NOT_AR_AFTER}")
_EVENT_NOUNS = alternation(w for w in AL.EVENT_WORDS if len(w) >= 4)
# "تبنت الجماعة الهجوم", "أعلن مسؤوليته عن التفجير": owning "the" happening told is part of it
_OWNED = re.compile(rf"[وف]?(?:تبني|تبنت|تبنوا|اعلن\s+مسؤوليته\s+عن|اعلنت\s+مسؤوليتها\s+عن)"
                    rf"(?:\s+[^\s.،]+){{0,3}}?\s+ال(?:{_EVENT_NOUNS}){NOT_AR_AFTER}")
_IN_THE = re.compile(rf"{NOT_AR_BEFORE}(?:في|جراء|اثر|خلال)\s+ال(?:{_EVENT_NOUNS}){NOT_AR_AFTER}")
# "وأسفرت المواجهات عن ...", "وأسفرت مواجهات الأمس عن عشرة قتلى": the toll of a happening named with the
# article (not "وأسفر هجوم لقوات ... عن", a happening of its own)
_RESULTED = re.compile(rf"[\s\"«]*[وف]?(?:اسفر|اسفرت|ادي|ادت)\s+(?:ال(?:{_EVENT_NOUNS})|(?:{_EVENT_NOUNS})\s+ال[{AR}]+)"
                       rf"{NOT_AR_AFTER}")


def _actors(d: EventDraft) -> set[str]:
    """The actors a draft names, its speaker aside."""
    speaker = d.statement.speaker_entity if d.statement is not None else None
    return {eid for eid, role in d.participants if eid != speaker and role != Role.SPOKESPERSON}


_PARTY_WORDS = re.compile(r"الجيش|عسكري|الشرطة|الحكومة|وزارة|وزير|الرئاسة|الحوثي|حماس|التنظيم|الحركة|الجماعة|المعارضة")


def _interested(st: Statement, by_id: dict[str, Entity]) -> bool:
    """Claimed is what a party says of itself or its foes (an army, a government, an armed group, an
    official): medical or security sources, witnesses, monitors and agencies report."""
    e = by_id.get(st.speaker_entity or "")
    if e is not None:
        return e.kind in ("armed_group", "state", "person") and not e.source
    return bool(_PARTY_WORDS.search(st.speaker))



def _roles(text: str, ments: Sequence[Mention], by_id: dict[str, Entity], st: Optional[Statement],
           trigger: re.Match) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    harmed = _HARM_RE.search(text, trigger.start(), trigger.end() + 200) is not None
    for m in (m for m in ments if by_id[m.entity].actor):
        if st is not None and st.speaker_entity == m.entity:
            role = Role.SPOKESPERSON
        elif m.start < trigger.start() and not (st is not None and m.start < st.quote_span[0]):
            role = Role.INITIATOR
        elif not any(r == Role.INITIATOR for r in roles.values()) and m.start - trigger.end() <= 25 \
                and not _HARM_RE.match(text, trigger.start()):
            role = Role.INITIATOR  # verb first: "قصفت طائرات التحالف ..."
        elif harmed and by_id[m.entity].kind not in ("state",):
            role = Role.AFFECTED if by_id[m.entity].kind == "person" else Role.TARGET
        else:
            role = Role.TARGET
        roles.setdefault(m.entity, role)
    return roles
