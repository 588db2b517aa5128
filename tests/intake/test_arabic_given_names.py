"""A given name shaped like a verb in the future (س and a letter of the imperfect: "سيلفانو", "ستيفن",
"سيرغي") is a name, not "سـ" + a verb: after a title that follows its verb ("أعلن الرئيس سيلفانو ...") or
with a name running on to "قد" ("وكان الوزير سيرغي ... قد"), or right after its verb and running on to "إن"
("وقال سيرغي ... إن"), the clause is a deed on its own weekday, not
what is to come.  A title with a real verb in the future ("الرئيس سيزور") stays an expectation."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUB = date(2025, 3, 13)  # a Thursday


def _analyse(workspace, body: str):
    return analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB)


def test_a_given_name_after_a_title_is_no_future(workspace) -> None:
    analysis = _analyse(workspace, "وأعلن الرئيس الفنزويلي سيلفانو مارتينيز، مساء الثلاثاء، حالة الطوارئ في البلاد.\n"
                                   "وكان وزير الداخلية سيرغي بوبوف قد أقال قائد الشرطة يوم الاثنين.\n")
    assert not analysis.expectations
    assert sorted(e.when.edtf for e in analysis.events if e.when) == ["2025-03-10", "2025-03-11"]


def test_a_given_name_right_after_its_verb_is_no_future(workspace) -> None:
    analysis = _analyse(workspace, "وقال سيرغي بوبوف إن قواته انسحبت من البلدة يوم الثلاثاء.\n")
    assert not analysis.expectations
    assert [e.when.edtf for e in analysis.events] == ["2025-03-11"]


def test_a_given_name_is_read_as_the_speaker(workspace) -> None:
    analysis = _analyse(workspace, "وقال وزير الخارجية الكندي ستيفن ماكلاود إن بلاده سحبت سفيرها يوم الأحد.\n")
    assert [c.speaker for c in analysis.citations] == ["ستيفن ماكلاود"]


def test_a_title_with_a_verb_in_the_future_stays_to_come(workspace) -> None:
    analysis = _analyse(workspace, "الوزير سيعقد اجتماعا مع المحتجين يوم السبت.\n"
                                   "وكان المحافظ سيوقع اتفاقا مع التجار يوم الأحد.\n")  # was to sign: a future in the past
    assert [e.when.edtf for e in analysis.expectations] == ["2025-03-15", "2025-03-16"]
    assert not analysis.events
