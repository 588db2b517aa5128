"""Issue 13, the way Arabic wire reports write their dates, on sentences written for these tests
(not taken from any report): a month in both calendars side by side ("مارس آذار"), "منذ" before a
day (since that day, the end open), a night named by its two days without a dash, a day's number
with the article ("الـ10"), a weekday called "الفائت", an ordinal day of "this" month; and the wire's dateline opening the body
("حلب (سوريا) 11 مارس آذار (رويترز) -"), which is neither a date of the story nor an actor."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.arabic import arabic_dates
from briefer.intake.assistant import analyse_text
from briefer.intake.reading import article_from_text

PUB = date(2024, 3, 12)  # a Tuesday


@pytest.mark.parametrize("text, span, edtf", [
    ("قصفت المدفعية البلدة يوم الاثنين 11 مارس آذار", "يوم الاثنين 11 مارس آذار", "2024-03-11"),
    ("وصل الوفد إلى المدينة في 3 فبراير شباط 2023", "3 فبراير شباط 2023", "2023-02-03"),
    ("تحاصر القوات البلدة منذ 7 أكتوبر", "منذ 7 أكتوبر", "2023-10-07/.."),
    ("نزح آلاف السكان منذ السابع من الشهر الماضي", "منذ السابع من الشهر الماضي", "2024-02-07/.."),
    ("دارت اشتباكات عنيفة ليل الأحد الاثنين قرب الحدود", "ليل الأحد الاثنين", "2024-03-10/2024-03-11"),
    ("انفجرت عبوة ناسفة في الـ10 من مارس", "الـ10 من مارس", "2024-03-10"),
    ("اعتقلت الشرطة ثلاثة رجال يوم الثلاثاء الفائت", "يوم الثلاثاء الفائت", "2024-03-05"),
    ("سقطت القذائف على الحي في الخامس من مارس الجاري", "في الخامس من مارس الجاري", "2024-03-05"),
])
def test_wire_date_expressions(text: str, span: str, edtf: str) -> None:
    assert [(d.text, d.when.edtf) for d in arabic_dates(text, PUB)] == [(span, edtf)]


def test_two_weekdays_that_do_not_follow_each_other_are_no_night() -> None:
    found = arabic_dates("زار الوزير المدينة ليل الأحد الخميس", PUB)
    assert [d.text for d in found] != ["ليل الأحد الخميس"]


WIRE = """Headline: قصف على سوق في بلدة شمالية
Date: 2024-03-12
Outlet: الوكالة

حلب (سوريا) 11 مارس آذار (رويترز) - قال مسعفون إن عشرة أشخاص قتلوا يوم الأحد في قصف مدفعي استهدف سوقا شعبيا في البلدة.
"""


def test_an_arabic_wire_dateline_is_skipped() -> None:
    article = article_from_text(WIRE)
    assert article.dateline is not None
    assert article.text[article.dateline[0]:article.dateline[1]].startswith("حلب (سوريا) 11 مارس آذار (رويترز)")


def test_the_dateline_dates_nothing_and_names_no_actor(workspace) -> None:
    analysis = analyse_text(workspace, WIRE)
    assert [d.text for d in analysis.dates] == ["يوم الأحد"]
    assert "Syria" not in {a.name for a in analysis.actors}
    shelling = next(e for e in analysis.events if "قصف" in e.quote)
    assert shelling.when.edtf == "2024-03-10" and not shelling.quote.startswith("حلب")


def test_a_dateline_with_its_year_gives_the_publication_day() -> None:
    article = article_from_text("Headline: غارة\n\nالخرطوم 5 مايو أيار 2023 (أ ف ب) - قتل خمسة مدنيين أمس في غارة جوية.\n")
    assert article.published == date(2023, 5, 5)


def test_a_dateline_on_a_line_of_its_own() -> None:
    article = article_from_text("Headline: غارات\n\n((الصحيفة)) الأحد 5 مايو 2024 / المدينة\nقصفت الطائرات السوق.\n")
    assert article.text[article.dateline[0]:article.dateline[1]].strip() == "((الصحيفة)) الأحد 5 مايو 2024 / المدينة"
    assert article.published == date(2024, 5, 5)
    article = article_from_text("Headline: غارات\nDate: 2024-05-05\n\nالمدينة ـ وكالات\nقصفت الطائرات السوق.\n")
    assert article.text[article.dateline[0]:article.dateline[1]].strip() == "المدينة ـ وكالات"
    article = article_from_text("Headline: غارات\nDate: 2024-05-05\n\nقصف على المدينة\nقصفت الطائرات السوق.\n")
    assert article.dateline is None
