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


def test_each_one_listed_after_a_passive_verb_of_saying_speaks(workspace) -> None:
    analysis = _analyse(workspace, "وقد نعي الفنان الراحل من قبل عدة شخصيات مثل الوزير سالم العتيبي والنائبة هدى "
                                   "الكندري، ورئيس نقابة الفنانين خالد الرشيد.\n")
    assert [s for s, _ in _speakers(analysis)] == ["سالم العتيبي", "هدى الكندري", "خالد الرشيد"]


def test_a_force_by_another_word_for_it_is_the_force_and_two_forces_joined_are_two(workspace) -> None:
    analysis = _analyse(workspace, "وهاجمت مليشيا الدعم السريع القرية فجرا.\n"
                                   "واندلعت اشتباكات بين قوات الجيش والدعم السريع قرب المطار.\n")
    names = [a.name for a in analysis.actors]
    assert "Rapid Support Forces" in names
    assert not any("مليشيا" in n or "والدعم" in n for n in names)


def test_a_body_named_before_speaks_on_its_page_and_a_person_by_the_given_name_told_an_outlet(workspace) -> None:
    analysis = _analyse(workspace, "انتخب المجلس الوطني الليبي رئيسا جديدا.\n"
                                   "وأعلن المجلس على صفحته في موقع فيسبوك فوز المرشح.\n"
                                   "وقال منسق الإغاثة ماركو بيلي إن القوافل توقفت.\n"
                                   "وقال ماركو «للجزيرة» أمس، إن الوزير تحدث عن أرقام غير دقيقة، ثم أكد حسن فاضل وزير الصحة أن الأرقام صحيحة.\n")
    said = _speakers(analysis)
    assert ("المجلس الوطني الليبي", "صفحته") in said
    assert ("ماركو بيلي", "الجزيرة") in said
    assert all(channel != "الجزيرة" for speaker, channel in said if speaker != "ماركو بيلي")
    said = _speakers(_analyse(workspace, "وقال ماركو بيلي منسق الإغاثة في بيان إن القوافل توقفت، ثم أكد حسن فاضل "
                                         "وزير الصحة أن الأرقام صحيحة.\n"))
    assert said == [("ماركو بيلي", "بيان"), ("حسن فاضل", "")]  # the statement was the first speaker's


def test_a_state_in_a_persons_title_is_no_party_and_a_preposition_with_a_pronoun_is_no_name(workspace) -> None:
    analysis = _analyse(workspace, "وقالت رئيسة البرازيل ديلما روسيف إن الاستفتاء ضروري.\n"
                                   "وهي القبيلة التي ينتمي إليها الرئيس كمال.\n")
    names = {a.name for a in analysis.actors}
    assert "Brazil" not in names and "ديلما روسيف" in names
    assert not any("إليها" in n for n in names)


def test_a_report_named_by_its_noun_speaks_for_the_bodies_it_was_of(workspace) -> None:
    analysis = _analyse(workspace, "نشر أمس تقرير مشترك عن منظمة الصحة العالمية (WHO) ومفوضية اللاجئين حول المخيمات.\n"
                                   "وأشار التقرير إلى نقص حاد في الأدوية.\n")
    said = _speakers(analysis)
    assert ("منظمة الصحة العالمية", "تقرير") in said and ("مفوضية اللاجئين", "تقرير") in said


def test_words_in_a_written_document_have_it_for_channel_but_a_speech_is_none(workspace) -> None:
    analysis = _analyse(workspace, "وصدر التقرير السنوي للجمعية الوطنية للمحامين، وأكدت فيه تراجع استقلال القضاء.\n"
                                   "وألقت رنا سليم المديرة العامة لمنظمة الإغاثة كلمة أكدت فيها أن المساعدات ستصل.\n")
    said = _speakers(analysis)
    assert said[0][1] == "التقرير السنوي"
    assert ("رنا سليم", "") in said


def test_a_name_after_a_preposition_is_no_subject_and_a_life_is_no_speech(workspace) -> None:
    analysis = _analyse(workspace, "وفي رد الوزير على سؤال عن الضغوط على تركيا قال: \"لن نتراجع\".\n"
                                   "بدأ الكاتب سامي الحلو بكتابة القصص وهو صغير، ووصف فيها حياة القرية.\n")
    assert not [s for s, _ in _speakers(analysis)]


def test_a_person_who_expressed_something_and_a_groups_leadership_speak(workspace) -> None:
    analysis = _analyse(workspace, "وتسلم الجائزة الكاتب البولندي يان كوفالسكي أمس.\n"
                                   "وعبر كوفالسكي الفائز بالجائزة عن سعادته بهذا التكريم.\n"
                                   "وأعلنت القيادة العامة في جبهة التحرير الوطني تعيين ناطق جديد.\n")
    said = [s for s, _ in _speakers(analysis)]
    assert "يان كوفالسكي" in said and "جبهة التحرير الوطني" in said


def test_people_moving_are_no_movement(workspace) -> None:
    analysis = _analyse(workspace, "وقال المسؤول إن الأولوية لحركة الأفراد عبر المعبر.\n")
    assert not any("الأفراد" in a.name for a in analysis.actors)


def test_a_state_as_the_land_its_places_are_in_or_as_a_member_listed_is_no_party(workspace) -> None:
    analysis = _analyse(workspace, "وتضررت المحاصيل في بعض مناطق الأردن بسبب الجفاف.\n"
                                   "واجتمعت اللجنة الرباعية المكونة من مصر، الأردن، فرنسا وألمانيا أمس.\n")
    names = {a.name for a in analysis.actors}
    assert not names & {"Jordan", "Egypt", "France", "Germany"}


def test_a_programme_is_no_body_but_the_un_programmes_are(workspace) -> None:
    analysis = _analyse(workspace, "وناقش الوزراء البرنامج النووي الكوري وبرنامج الزيارة.\n"
                                   "وقال برنامج الأمم المتحدة الإنمائي إن الفقر ازداد.\n")
    names = {a.name for a in analysis.actors}
    assert "UNDP" in names and not any("برنامج" in n for n in names)
