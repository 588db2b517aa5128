"""Issue 13, which time an Arabic clause without a date of its own is told at, on sentences written for
these tests (not taken from any report): a background clause ("وكانت ... قد") or a clause turning to
another matter ("وفي سياق متصل") does not move the story to its day; a clause of what has gone on
"منذ" another time takes no day; a night ("خلال ساعات الليل") carries like a day; the date after
"أول ... منذ" is a yardstick, not the happening's; "، وسط ..." opens no clause of its own; and a
part of a month written with its year ("منتصف أبريل 2023") is that month of that year."""

from __future__ import annotations

from datetime import date

from briefer.intake.arabic import arabic_dates
from briefer.intake.assistant import analyse_text
from briefer.intake.reading import article_from_text

PUB = date(2024, 5, 9)  # a Thursday


def _events(workspace, body: str):
    analysis = analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB)
    return {e.quote.split()[0]: e for e in analysis.events + analysis.expectations}


def test_a_background_clause_does_not_move_the_story_to_its_day(workspace) -> None:
    events = _events(workspace, "قتل ثلاثة مدنيين في قصف على القرية.\n"
                                "وكانت المدفعية قد قصفت أمس الأربعاء أطراف البلدة.\n"
                                "واستهدفت الطائرات مواقع في الجبل.\n")
    assert events["وكانت"].when.edtf == "2024-05-08"
    assert events["واستهدفت"].when is None


def test_another_matter_is_not_told_on_the_day_before(workspace) -> None:
    events = _events(workspace, "قصفت الطائرات السوق صباح الأربعاء.\n"
                                "وفي سياق متصل، اعتقلت الشرطة خمسة رجال في المدينة.\n")
    assert events["قصفت"].when.edtf == "2024-05-08"
    assert events["وفي"].when is None


def test_what_has_gone_on_since_another_time_takes_no_day(workspace) -> None:
    events = _events(workspace, "قتل جنديان في كمين مساء الأربعاء.\n"
                                "وقتل أكثر من مئة شخص في المنطقة منذ ذلك الحين.\n")
    assert events["قتل"].when.edtf == "2024-05-08"
    assert events["وقتل"].when is None and "منذ" in events["وقتل"].when_rule


def test_a_night_is_carried_like_a_day(workspace) -> None:
    events = _events(workspace, "سقطت قذائف على البلدة خلال ساعات الليل.\n"
                                "ودمرت قذيفة منزلا في الحي الشرقي.\n")
    assert events["سقطت"].when.edtf == "2024-05-08/2024-05-09"
    assert events["ودمرت"].when.edtf == "2024-05-08/2024-05-09"


def test_the_date_after_a_first_since_is_a_yardstick(workspace) -> None:
    events = _events(workspace, "وأسقطت الطائرات المساعدات على المدينة في أول عملية من نوعها منذ مارس الماضي.\n")
    assert events["وأسقطت"].when is None


def test_a_word_whose_own_first_letter_is_waw_opens_no_clause(workspace) -> None:
    events = _events(workspace, "قتل خمسة مدنيين في غارة على السوق الأربعاء، وسط مخاوف من هجوم جديد على المدينة.\n")
    assert list(events) == ["قتل"] and events["قتل"].when.edtf == "2024-05-08"


def test_a_part_of_a_month_with_its_year() -> None:
    found = [(d.text, d.when.edtf) for d in arabic_dates("ومنذ منتصف أبريل 2023 تدور حرب في البلاد", PUB)]
    assert found == [("منذ منتصف أبريل 2023", "2023-04/..")]
    found = [(d.text, d.when.edtf) for d in arabic_dates("اندلعت الاحتجاجات في أواخر مارس 2011", PUB)]
    assert found == [("في أواخر مارس 2011", "2011-03")]


def test_a_header_date_written_in_arabic() -> None:
    for written in ("الخميس، 9 مايو 2024", "9 أيار 2024", "٩ مايو ٢٠٢٤"):
        assert article_from_text(f"Headline: خبر\nDate: {written}\n\nقتل خمسة أمس.\n").published == PUB


def test_the_morrow_of_is_the_day_before_the_sentences_day(workspace) -> None:
    found = [(d.text, d.when.edtf) for d in arabic_dates("قصفت الطائرات البلدة الأربعاء، غداة إعلان الهدنة.", PUB)]
    assert found == [("الأربعاء", "2024-05-08"), ("غداة", "2024-05-07")]
    events = _events(workspace, "قصفت الطائرات البلدة الأربعاء، غداة هجوم على الحاجز.\n")
    assert events["قصفت"].when.edtf == "2024-05-08"


def test_a_deadline_by_the_end_of_the_year_is_that_year_and_does_not_date_a_past_happening(workspace) -> None:
    found = [(d.text, d.when.edtf) for d in arabic_dates("على الوزارات تنفيذ القرار قبل نهاية العام الجاري", PUB)]
    assert found == [("قبل نهاية العام الجاري", "2024")]
    events = _events(workspace, "أرسل الوزير رسالة إلى المحافظين يطلب فيها إغلاق المعابر قبل نهاية العام الجاري.\n")
    assert events["أرسل"].when is None and events["أرسل"].status == "reported"


def test_a_present_of_the_faa3ala_form_tells_what_goes_on(workspace) -> None:
    events = _events(workspace, "قصفت الطائرات السوق صباح الأربعاء.\n"
                                "وقال المسؤول إن القوات تحاصر الأحياء الشرقية.\n")
    assert list(events) == ["قصفت"]


def test_the_weekday_written_beside_today_is_the_day_meant() -> None:
    friday = date(2024, 5, 10)  # the report dated the day after it was written
    found = [(d.text, d.when.edtf) for d in arabic_dates("قتل ثلاثة أشخاص اليوم الخميس في قصف على البلدة", friday)]
    assert found == [("اليوم الخميس", "2024-05-09")]
    found = [(d.text, d.when.edtf) for d in arabic_dates("قتل ثلاثة أشخاص اليوم الجمعة في قصف على البلدة", friday)]
    assert found == [("اليوم الجمعة", "2024-05-10")]


def test_a_return_and_a_distribution_are_happenings(workspace) -> None:
    events = _events(workspace, "وعاد مئات النازحين إلى قراهم صباح الأربعاء.\n"
                                "ووزعت المنظمة الطحين على الأسر في المخيم.\n")
    assert events["وعاد"].when.edtf == "2024-05-08"
    assert "ووزعت" in events


def test_blaming_or_condemning_is_said_not_told_as_a_happening(workspace) -> None:
    events = _events(workspace, "قصفت الطائرات السوق صباح الأربعاء.\n"
                                "واتهمت المنظمة القوات بارتكاب مجزرة في القرية.\n"
                                "وأدان الوزير الهجوم على المدنيين.\n"
                                "وأدانت المحكمة الضابط بقتل المتظاهرين.\n")
    assert set(events) == {"قصفت", "واتهمت", "وأدانت"}  # (the accused deed: see test_arabic_told_again)
