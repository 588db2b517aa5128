"""Issue 13, Arabic events on wire copy the rules were not written on (the tenth pass's invented reports,
benchmarks/intake_ar_own), on sentences written for these tests: a verb with its vowels written inside it
("اختُطف", "استُهدفت", "دُمّر") is still the event word; what a report sets against a party's denial with
"في حين" is the report's, not denied; "بعد يومين من <X>" dates X two days before its sentence's day; "في
وقت سابق من الأسبوع" is the calendar week of publication; a fighting party's day of saying does not date what
it claims; more verb classes; "سيطروا" is done, not to come; "في اليوم نفسه"/"قبل ذلك بيومين" count from the
clause before; an indefinite noun's relative clause ("مواجهات اندلعت ليل الجمعة") tells its own happening."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.assistant import analyse_text

PUB = date(2025, 3, 13)  # a Thursday


def _events(workspace, body: str):
    return analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB).events


def test_a_passive_vowel_inside_the_verb_keeps_it_an_event(workspace) -> None:
    events = _events(workspace, "اختُطف ثلاثة مهندسين يوم الثلاثاء على طريق يربط بين بلدتين في الشمال.\n")
    assert [e.when.edtf if e.when else None for e in events if e.quote.startswith("اختُطف")] == ["2025-03-11"]


def test_a_shadda_inside_the_verb_keeps_it_an_event(workspace) -> None:
    events = _events(workspace, "دُمِّرت ثلاثة جسور على النهر مساء الاثنين.\n")
    assert any(e.quote.startswith("دُمِّرت") and e.when is not None and e.when.edtf == "2025-03-10" for e in events)


def test_what_the_report_sets_against_a_denial_is_not_denied(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\n"
                            "قتل قاض برصاص مجهولين أمام المحكمة صباح اليوم الخميس.\n"
                            "ونفت حركة الشباب أي علاقة لها بالحادث، في حين اعتقلت الشرطة ثلاثة أشخاص للتحقيق.\n",
                            published=PUB)
    arrested = [e for e in analysis.events if "اعتقلت" in e.quote]
    assert len(arrested) == 1 and arrested[0].status == "reported"
    assert not any("اعتقلت" in e.quote for e in analysis.expectations)


def test_days_after_a_happening_count_back_from_the_sentence_day(workspace) -> None:
    events = _events(workspace, "انفجرت سيارة ملغومة قرب مقر البلدية صباح اليوم الخميس.\n"
                                "ويأتي الانفجار بعد يومين من هجوم بالقذائف على ثكنة للجيش في الضواحي.\n")
    shelling = [e for e in events if "هجوم" in e.quote]
    assert len(shelling) == 1 and shelling[0].when is not None and shelling[0].when.edtf == "2025-03-11"


def test_days_after_count_back_from_publication_when_the_sentence_has_no_day(workspace) -> None:
    events = _events(workspace, "وجاءت المداهمة بعد ثلاثة أيام على اغتيال مسؤول محلي في البلدة.\n")
    assert [e.when.edtf for e in events if e.when is not None] == ["2025-03-10"]


def test_earlier_in_the_week_is_the_calendar_week(workspace) -> None:
    events = _events(workspace, "وفي وقت سابق من الأسبوع، أصيب ثلاثة عمال بانفجار لغم في حقل زراعي.\n")
    assert [e.when.edtf for e in events] == ["2025-03-10/2025-03-16"]


def test_a_fighting_party_s_day_of_saying_does_not_date_what_it_claims(workspace) -> None:
    events = _events(workspace, "أعلنت فصائل المعارضة المسلحة، مساء أمس الأربعاء، استعادة السيطرة على بلدة جبلية في الجنوب.\n")
    retaken = [e for e in events if "استعادة" in e.quote]
    assert len(retaken) == 1 and retaken[0].status == "claimed" and retaken[0].when is None


def test_a_state_announcing_a_finding_keeps_its_day(workspace) -> None:
    events = _events(workspace, "وأعلنت كندا يوم الثلاثاء أول حالات إصابة مؤكدة بالفيروس في مقاطعتين.\n")
    assert [e.when.edtf for e in events if "إصابة" in e.quote] == ["2025-03-11"]


def test_what_a_party_says_keeps_the_day_told_inside_it(workspace) -> None:
    events = _events(workspace, "وقال متحدث باسم الجيش لوكالة محلية أمس إن القوات قتلت عشرة مسلحين اليوم في الوادي.\n")
    assert [e.when.edtf for e in events if "قتلت" in e.quote] == ["2025-03-13"]


def test_security_and_diplomatic_measures_are_happenings(workspace) -> None:
    events = _events(workspace, "استدعت وزارة الخارجية سفير الدولة المجاورة صباح الاثنين.\n"
                                "وأرسل الجيش تعزيزات إلى الحدود مساء الاثنين.\n"
                                "وفككت الشرطة خلية من ثلاثة عناصر في العاصمة يوم الثلاثاء.\n"
                                "وأعلنت الحكومة حالة الطوارئ في الإقليم اليوم الخميس.\n"
                                "وأعيد فتح المعبر الحدودي أمام المسافرين أمس.\n"
                                "وأعلن الرئيس الحداد العام في البلاد صباح الأربعاء.\n")
    dated = {e.quote.split()[0]: e.when.edtf for e in events if e.when is not None}
    assert dated == {"استدعت": "2025-03-10", "وأرسل": "2025-03-10", "وفككت": "2025-03-11", "وأعلنت": "2025-03-13",
                     "وأعيد": "2025-03-12", "وأعلن": "2025-03-12"}


def test_took_control_is_done_not_to_come(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nوقال قائد محلي إن المقاتلين سيطروا على التلال المطلة على الوادي "
                            "صباح الثلاثاء.\n", published=PUB)
    assert [e.when.edtf for e in analysis.events if "سيطروا" in e.quote] == ["2025-03-11"]
    assert not analysis.expectations


def test_a_day_counted_from_the_clause_before(workspace) -> None:
    events = _events(workspace, "قصفت المدفعية حيا سكنيا في المدينة مساء الاثنين.\n"
                                "وفي اليوم نفسه، انفجرت عبوة ناسفة قرب محطة الحافلات.\n"
                                "وقبل ذلك بيومين، اغتيل مسؤول محلي أمام منزله.\n"
                                "وفي اليوم التالي، اعتقلت الشرطة أربعة مشتبه بهم.\n")
    assert [e.when.edtf if e.when else None for e in events] == ["2025-03-10", "2025-03-10", "2025-03-08", "2025-03-09"]


def test_an_indefinite_noun_s_relative_clause_tells_its_own_happening(workspace) -> None:
    events = _events(workspace, "اعتقلت الشرطة، صباح اليوم الخميس، عشرة أشخاص بعد اشتباكات اندلعت مساء الثلاثاء "
                                "بين أنصار حزبين في ضاحية المدينة.\n")
    dated = sorted((e.when.edtf, e.quote.split()[0]) for e in events if e.when is not None)
    assert dated == [("2025-03-11", "اشتباكات"), ("2025-03-13", "اعتقلت")]


def test_the_subject_of_what_is_said_is_no_relative_clause(workspace) -> None:
    events = _events(workspace, "وقالت الإذاعة إن مسلحين اقتحموا مساء الثلاثاء مركزا للشرطة في قرية حدودية.\n")
    assert [(e.quote.split()[0], e.when.edtf) for e in events] == [("وقالت", "2025-03-11")]


def test_a_relative_clause_describes_the_noun_before_its_adjective(workspace) -> None:
    events = _events(workspace, "ألغت المحكمة، اليوم الخميس، نتائج الانتخابات البلدية التي جرت في العاشر من فبراير الماضي.\n")
    dated = sorted((e.when.edtf, e.quote.split()[0]) for e in events if e.when is not None)
    assert dated == [("2025-02-10", "الانتخابات"), ("2025-03-13", "ألغت")]


def test_the_day_of_a_trailing_attribution_does_not_move_the_story(workspace) -> None:
    events = _events(workspace, "ارتفعت حصيلة الفيضانات التي اجتاحت الإقليم أمس الأربعاء إلى ثلاثين قتيلا، بحسب ما أعلنت "
                                "السلطات المحلية اليوم الخميس.\n"
                                "كما تسببت السيول في انهيار جسر رئيسي على النهر.\n")
    bridge = [e for e in events if "انهيار" in e.quote]
    assert len(bridge) == 1 and bridge[0].when is not None and bridge[0].when.edtf == "2025-03-12"


def test_some_days_after_a_happening_is_no_date(workspace) -> None:
    events = _events(workspace, "وجاءت المداهمة بعد أيام من اغتيال مسؤول محلي في البلدة.\n")
    assert [e.when for e in events] == [None]


def test_the_same_day_written_before_its_noun_is_the_day_before_not_today(workspace) -> None:
    events = _events(workspace, "قصفت المدفعية حيا سكنيا في المدينة مساء الاثنين.\n"
                                "وفي نفس اليوم، انفجرت عبوة ناسفة قرب محطة الحافلات.\n")
    assert [e.when.edtf if e.when else None for e in events] == ["2025-03-10", "2025-03-10"]


def test_a_fighting_party_s_day_of_saying_is_not_carried_to_the_next_clause(workspace) -> None:
    events = _events(workspace, "أعلنت فصائل المعارضة المسلحة، مساء أمس الأربعاء، استعادة السيطرة على بلدة جبلية في الجنوب.\n"
                                "وقتل ثلاثة مدنيين في قصف على البلدة.\n")
    assert [e.when for e in events] == [None, None]


@pytest.mark.parametrize("counted, edtf", [("وقبل ذلك بأسبوعين", "2025-02-24"), ("وقبل ذلك بعشرة أيام", "2025-02-28"),
                                           ("وبعد ذلك بيوم", "2025-03-11")])
def test_a_count_of_days_from_the_clause_before_in_any_number_word(workspace, counted: str, edtf: str) -> None:
    # the number words are arabic.py's (one table): weeks and numbers past seven count too
    events = _events(workspace, "قصفت المدفعية حيا سكنيا في المدينة مساء الاثنين.\n"
                                f"{counted}، اعتقلت الشرطة أربعة مشتبه بهم.\n")
    assert [e.when.edtf if e.when else None for e in events] == ["2025-03-10", edtf]
