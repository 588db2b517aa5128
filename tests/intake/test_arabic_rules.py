"""Issue 13, Arabic: one behaviour per rule, on sentences written for these tests (not taken from
any report): dates as one expression, months without a year, vague spans, actors by institution
and nationality or by an organisation's own name, states that are only places, speakers by the
report's words with their channel, and events per clause with their status and date."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.arabic import arabic_dates
from briefer.intake.assistant import analyse_text

PUB = date(2024, 5, 9)  # a Thursday


@pytest.mark.parametrize("text, span, edtf", [
    ("قصفت الطائرات البلدة أمس الأربعاء", "أمس الأربعاء", "2024-05-08"),
    ("وقع الانفجار اليوم (الخميس) قرب السوق", "اليوم (الخميس)", "2024-05-09"),
    ("هاجم المسلحون القرية فجر اليوم الخميس", "فجر اليوم الخميس", "2024-05-09"),
    ("شنت الطائرات غارات فجر الاثنين 6 مايو على المدينة", "فجر الاثنين 6 مايو", "2024-05-06"),
    ("سقطت القذائف في 3 أيار/ مايو على الحي", "3 أيار/ مايو", "2024-05-03"),
])
def test_a_day_and_its_weekday_are_one_date(text: str, span: str, edtf: str) -> None:
    found = arabic_dates(text, PUB)
    assert [(d.text, d.when.edtf) for d in found] == [(span, edtf)]


@pytest.mark.parametrize("text, edtf", [
    ("تحاصر القوات المدينة منذ فبراير الماضي", "2024-02/.."),
    ("سيطر المقاتلون على المطار في مارس", "2024-03"),
    ("انسحبت القوات من البلدة في يونيو الماضي", "2023-06"),
    ("من المقرر أن تبدأ المحادثات في يوليو المقبل", "2024-07"),
    ("تراجعت المساعدات هذا العام", "2024"),
    ("سقطت عشرات القذائف خلال ساعات الليل", "2024-05-08/2024-05-09"),
])
def test_months_without_a_year_and_this_year_and_overnight(text: str, edtf: str) -> None:
    assert [d.when.edtf for d in arabic_dates(text, PUB)] == [edtf]


@pytest.mark.parametrize("text", ["تقاتل القوات المسلحين منذ سنوات", "ظهرت المسيرات قبل أشهر عدة"])
def test_vague_spans_are_not_dates(text: str) -> None:
    assert arabic_dates(text, PUB) == []


def _actors(workspace, text: str) -> set[str]:
    analysis = analyse_text(workspace, "Headline: خبر\n\n" + text, published=PUB)
    return {a.name for a in analysis.actors}


def test_armies_security_forces_and_un_bodies_are_actors(workspace) -> None:
    names = _actors(workspace, "قصفت قوات الدعم السريع مخيما للنازحين، فيما صد الجيش السوداني الهجوم. "
                               "وقالت منظمة الأمم المتحدة للطفولة إن أطفالا قتلوا. وندد الاتحاد الاوروبي بالهجوم.")
    assert {"Rapid Support Forces", "Sudanese Armed Forces", "UNICEF", "European Union"} <= names


def test_an_institution_by_nationality_and_an_organisation_by_its_own_name(workspace) -> None:
    names = _actors(workspace, "أعلنت وزارة الصحة الليبية مقتل ثلاثة أشخاص. واتهمت رابطة الأطباء المستقلين "
                               "وشبكة أطباء اليمن المسلحين بقصف المستشفى.")
    assert "وزارة الصحة الليبية" in names and "شبكة أطباء اليمن" in names
    assert "Yemen" not in names  # the country inside the network's name is not an actor of its own


def test_a_state_named_only_as_a_place_is_not_an_actor(workspace) -> None:
    names = _actors(workspace, "انفجرت عبوة ناسفة في العراق أمس. وأعلنت مصر إغلاق المعبر.")
    assert "Egypt" in names and "Iraq" not in names


def test_a_bare_army_is_the_army_named_before(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nقصف الجيش الصومالي مواقع للمسلحين أمس. "
                                       "وقال الجيش إنه قتل عشرة مسلحين.", published=PUB)
    armies = [a for a in analysis.actors if "Somali" in a.name or "الجيش" in a.name]
    assert [a.name for a in armies] == ["Somali National Army"]
    assert "الجيش" in armies[0].aliases_seen


def test_speakers_by_the_reports_words_with_their_channel(workspace) -> None:
    text = ("Headline: خبر\n\n"
            "قتل خمسة أشخاص في انفجار أمس، وقالت مصادر طبية إن العدد قد يرتفع، وفق ما نقلت وكالة الأنباء الفرنسية.\n"
            "وقال مصدر في الشرطة للجزيرة إن المهاجمين فروا.\n"
            "وقالت الهيئة الوطنية للإغاثة في بيان إن فرقها وصلت إلى المكان.\n"
            "وقال المتحدث باسم الهيئة سالم يوسف الخطيب إن المساعدات بدأت تصل.\n"
            "ونقلت وسائل إعلام محلية عن الجيش اليمني القول إنه أحبط هجوما آخر.\n")
    analysis = analyse_text(workspace, text, published=PUB)
    said = {c.speaker: c.channel for c in analysis.citations}
    assert said.get("مصادر طبية") == "وكالة الأنباء الفرنسية"
    assert said.get("مصدر في الشرطة") == "الجزيرة"
    assert said.get("الهيئة الوطنية للإغاثة", "").startswith("بيان")
    assert "سالم يوسف الخطيب" in said
    assert said.get("الجيش اليمني") == "وسائل إعلام محلية"
    assert "سالم يوسف الخطيب" in {a.name for a in analysis.actors}


def test_a_short_name_is_the_speaker_named_before(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nقال المرصد السوري لحقوق الإنسان إن عشرة قتلوا.\n"
                                       "وقال المرصد إن الاشتباكات تواصلت حتى الفجر.", published=PUB)
    linked = {analysis.actor(c.speaker_actor).name for c in analysis.citations if c.speaker_actor}
    assert linked == {"Syrian Observatory for Human Rights"}
    assert len(analysis.citations) == 2


def test_one_event_per_clause_and_the_day_of_the_clause_before(workspace) -> None:
    text = ("Headline: خبر\n\n"
            "قصفت المدفعية سوقا في المدينة أمس الأربعاء، فيما شنت الطائرات غارات على قرية مجاورة.\n"
            "وأسفر القصف عن مقتل سبعة مدنيين.\n"
            "ورفضت الحكومة اليمنية العقوبات الجديدة.\n")
    analysis = analyse_text(workspace, text, published=PUB)
    quotes = {e.quote: e for e in analysis.events}
    assert any(q.startswith("قصفت المدفعية") for q in quotes) and any(q.startswith("فيما شنت") for q in quotes)
    toll = next(e for q, e in quotes.items() if "مقتل سبعة" in q)
    assert toll.when.edtf == "2024-05-08"  # the day of the shelling, told the sentence before
    assert any("العقوبات" in q for q in quotes)  # politics happen too


def test_negated_hedged_and_background_clauses(workspace) -> None:
    text = ("Headline: خبر\n\n"
            "انفجرت سيارة مفخخة قرب الحاجز اليوم.\n"
            "ولم تعلن أي جهة حتى الآن مسؤوليتها عن التفجير.\n"
            "ومن المرجح أن مسلحين قتلوا في الغارة.\n"
            "وتصاعد القتال بعد سيطرة المسلحين على المعبر.\n")
    analysis = analyse_text(workspace, text, published=PUB)
    events = {e.quote.split()[0]: e for e in analysis.events}
    others = {e.quote.split()[0]: e for e in analysis.expectations}
    assert "انفجرت" in events
    assert "ولم" not in events and others["ولم"].status == "denied"
    assert "ومن" not in events and others["ومن"].status == "conditional"
    assert events["وتصاعد"].when is None  # background told without its date: not dated by publication


def test_a_source_that_is_not_a_party_reports_and_a_party_claims(workspace) -> None:
    text = ("Headline: خبر\n\n"
            "قالت مصادر طبية إن قذيفة سقطت على مدرسة أمس.\n"
            "وقال الجيش السوري إنه دمر مخزنا للأسلحة أمس.\n")
    analysis = analyse_text(workspace, text, published=PUB)
    status = {e.quote.split()[1]: e.status for e in analysis.events}
    assert status["مصادر"] == "reported" and status["الجيش"] == "claimed"


def test_a_report_dated_only_by_its_month(workspace) -> None:
    from briefer.intake.reading import article_from_text
    from briefer.intake.assistant import analyse

    text = ("Headline: خبر\nDate: 2013-07\n\n"
            "أغلقت السلطات المعبر أمس بعد اشتباكات.\n"
            "وكان الجيش قد سيطر على المدينة في 3 مايو.\n")
    analysis = analyse(workspace, article_from_text(text))
    assert analysis.document.published.edtf == "2013-07"
    closing = next(e for e in analysis.events if "أغلقت" in e.quote)
    assert closing.when.edtf.rstrip("~") == "2013-07"  # "yesterday" of a report known to the month
    assert any(d.text == "3 مايو" and d.when.edtf == "2013-05-03" for d in analysis.dates)


@pytest.mark.parametrize("text, span, edtf", [
    ("وقعت الاشتباكات في الخامس من أبريل 2023", "في الخامس من أبريل 2023", "2023-04-05"),
    ("تنتهي المهلة في الخامس عشر من الشهر الجاري", "في الخامس عشر من الشهر الجاري", "2024-05-15"),
    ("تراجعت الصادرات في العام 2022", "في العام 2022", "2022"),
    ("تدهور الوضع منذ ثورة 2011 في البلاد", "2011", "2011"),
    ("وصل الوفد الجمعة الماضية", "الجمعة الماضية", "2024-05-03"),
])
def test_ordinal_days_definite_years_and_years_named_as_time(text: str, span: str, edtf: str) -> None:
    assert [(d.text, d.when.edtf) for d in arabic_dates(text, PUB)] == [(span, edtf)]


def test_a_count_is_not_a_year() -> None:
    assert arabic_dates("فر 2000 شخص من القرية", PUB) == []


def test_a_spokesperson_named_after_a_long_body_and_stated_positions(workspace) -> None:
    text = ("Headline: خبر\n\n"
            "قال المتحدث باسم وزارة الخارجية الصينية وانغ بينغ إن بلاده ترفض العقوبات.\n"
            "وأعربت الصين عن رفضها للعقوبات الأمريكية.\n"
            "وتراجعت حركة التجارة عبر المعبر.\n")
    analysis = analyse_text(workspace, text, published=PUB)
    assert {c.speaker for c in analysis.citations} == {"وانغ بينغ", "الصين"}
    names = {a.name for a in analysis.actors}
    assert {"وانغ بينغ", "وزارة الخارجية الصينية", "China"} <= names
    assert not any("التجارة" in n for n in names)  # trade is not a movement


@pytest.mark.parametrize("header, published", [
    ("2013-07 (inferred from the text)", "2013-07"),
    ("July 2013", "2013-07"),
    ("تموز 2013", "2013-07"),
    ("2013-05-06 (inferred from the text)", "2013-05-06"),
])
def test_a_date_header_with_a_note_or_only_a_month(workspace, header: str, published: str) -> None:
    from briefer.intake.assistant import analyse
    from briefer.intake.reading import article_from_text

    analysis = analyse(workspace, article_from_text(f"Headline: خبر\nDate: {header}\n\nأغلقت السلطات المعبر أمس.\n"))
    assert analysis.document.published.edtf == published


@pytest.mark.parametrize("text, span, edtf", [
    ("قتل ثلاثة في 6 أيار (مايو) الماضي", "6 أيار (مايو) الماضي", "2024-05-06"),
    ("وقع الهجوم في 2/3/2024 قرب الحدود", "2/3/2024", "2024-03-02"),
    ("تبدأ المحادثات بعد غد", "بعد غد", "2024-05-11"),
    ("تراجعت المساعدات في وقت سابق من هذا الشهر", "في وقت سابق من هذا الشهر", "2024-05"),
    ("نما الاقتصاد في 2022 بنسبة ضئيلة", "2022", "2022"),
])
def test_levantine_pairs_numeric_dates_and_this_month(text: str, span: str, edtf: str) -> None:
    assert [(d.text, d.when.edtf) for d in arabic_dates(text, PUB)] == [(span, edtf)]


def test_the_day_of_a_happening_not_the_span_it_ends(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nبعد هدوء منذ 2019، قصفت الطائرات البلدة أمس.\n", published=PUB)
    assert [e.when.edtf for e in analysis.events] == ["2024-05-08"]
