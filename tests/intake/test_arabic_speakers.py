"""Issue 13, Arabic: who speaks, on sentences written for these tests (not taken from any report):
words between the verb and its speaker, the clause said right after the verb, a subject before
"قد", the one told ("لوكالة ..."), an outlet that published someone's words, a spokesperson named
once and then by the title alone, and a body named with and without the word for what it is."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUB = date(2025, 3, 6)


def _analyse(workspace, body: str):
    return analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB)


def _speakers(analysis) -> list[tuple[str, str]]:
    return [(c.speaker, c.channel) for c in analysis.citations]


def test_an_aside_between_the_verb_and_the_speaker(workspace) -> None:
    analysis = _analyse(workspace, "وأكد من جهته وزير النقل سعيد البدري أن الطريق سيفتح قريبا.\n")
    assert [s for s, _ in _speakers(analysis)] == ["سعيد البدري"]


def test_after_the_complementiser_comes_what_was_said_not_who_said_it(workspace) -> None:
    analysis = _analyse(workspace, "وقال مصدر في الشرطة إن الحادث وقع ليلا.\n"
                                   "وأضاف أن الجيش أغلق الطريق المؤدي إلى الجسر.\n")
    assert [s for s, _ in _speakers(analysis)] == ["مصدر في الشرطة", "مصدر في الشرطة"]


def test_a_subject_before_qad_and_a_verb_inside_what_was_said(workspace) -> None:
    analysis = _analyse(workspace, "وكان الطبيب الألماني يوهان كرامر قد أعلن في العام الماضي أنه كشف علاجا جديدا.\n")
    assert [s for s, _ in _speakers(analysis)] == ["يوهان كرامر"]
    analysis = _analyse(workspace, "وقال رئيس البلدية أحمد سالم إنه كشف موقع الحفر القديم.\n")
    assert [s for s, _ in _speakers(analysis)] == ["أحمد سالم"]  # the site he uncovered says nothing


def test_the_one_told_is_the_channel_and_the_spokesperson_speaks_for_the_body(workspace) -> None:
    analysis = _analyse(workspace, "وأدلى المتحدث باسم وزارة الزراعة المغربية بتصريح لوكالة فرانس برس قال فيه: "
                                   "إن الموسم جيد.\n")
    assert _speakers(analysis) == [("وزارة الزراعة المغربية", "وكالة فرانس برس")]
    analysis = _analyse(workspace, "وفي حديث لوكالة الأناضول قال فيه: إن الموسم جيد.\n")
    assert not any("الأناضول" in s for s, _ in _speakers(analysis))  # the agency told is no speaker
    analysis = _analyse(workspace, "وأدلى وزير الري سامر حداد بتصريحات عن السد الجديد.\n")
    assert [s for s, _ in _speakers(analysis)] == ["سامر حداد"]


def test_a_spokesperson_named_once_is_the_same_person_under_the_title_alone(workspace) -> None:
    analysis = _analyse(workspace, "صرح تشو لي تشنغ المتحدث باسم وزارة الخارجية الصينية أن بكين ترفض العقوبات.\n"
                                   "وأكد المتحدث باسم الخارجية الصينية أن التجارة مستمرة.\n")
    assert [s for s, _ in _speakers(analysis)] == ["تشو لي تشنغ", "تشو لي تشنغ"]
    names = [a.name for a in analysis.actors]
    assert "وزارة الخارجية الصينية" in names and "الخارجية الصينية" not in names  # one body, not two


def test_a_body_without_the_word_for_what_it_is_speaks_under_its_full_name(workspace) -> None:
    analysis = _analyse(workspace, "وقالت وزارة الداخلية الأردنية إن الحدود مفتوحة.\n"
                                   "وأوضحت الداخلية الأردنية أن الحركة طبيعية.\n")
    assert [s for s, _ in _speakers(analysis)] == ["وزارة الداخلية الأردنية"] * 2


def test_an_outlet_that_published_someones_words_is_their_channel_not_a_speaker(workspace) -> None:
    analysis = _analyse(workspace, "ونشرت وكالة رويترز تصريح وزير المالية كمال الصافي بأن الميزانية ستقر.\n")
    assert _speakers(analysis) == [("كمال الصافي", "وكالة رويترز")]
