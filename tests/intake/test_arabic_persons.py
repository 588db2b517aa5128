"""Issue 13, Arabic: people by the words around their names, on sentences written for these tests
(not taken from any report): a title before the name or after it, a family name with the article that
ends the name, the family name alone for the person named before, and phrases that only look like
names after a title."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUB = date(2024, 5, 9)  # a Thursday


def _analyse(workspace, body: str):
    return analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB)


def test_a_person_after_a_title_speaks_and_is_an_actor(workspace) -> None:
    analysis = _analyse(workspace, "وقالت رئيسة الوزراء في الجمهورية الجديدة سلمى حداد إن الحكومة ستستقيل.\n")
    assert ("سلمى حداد", "person") in {(a.name, a.kind) for a in analysis.actors}
    assert [c.speaker for c in analysis.citations] == ["سلمى حداد"]


def test_a_name_before_its_title_and_the_family_name_alone_afterwards(workspace) -> None:
    analysis = _analyse(workspace, "أعلن اليوم الخميس كريم منصور وزير الداخلية أن الشرطة اعتقلت عشرة أشخاص.\n"
                                   "وقال منصور إن التحقيق مستمر.\n")
    persons = [a for a in analysis.actors if a.kind == "person"]
    assert [a.name for a in persons] == ["كريم منصور"]
    assert [c.speaker for c in analysis.citations] == ["كريم منصور", "كريم منصور"]


def test_a_family_name_with_the_article_ends_the_name(workspace) -> None:
    analysis = _analyse(workspace, "وصل الرئيس سامي العلي إلى المدينة أمس على رأس وفد رسمي.\n")
    assert "سامي العلي" in {a.name for a in analysis.actors}


def test_what_follows_a_title_is_not_always_a_name(workspace) -> None:
    analysis = _analyse(workspace, "قضت المحكمة بغرامة مالية بحق مدير الشركة بسبب الإهمال.\n"
                                   "وفي معرض رد الوزير على سؤال قال إن العمل سيستأنف.\n"
                                   "ودعا رئيس البعثة في منظمة الإغاثة الدولية إلى فتح المعابر.\n")
    assert not [a.name for a in analysis.actors if a.kind == "person"]


def test_the_office_beside_a_name_is_a_title_and_a_government_is_its_state(workspace) -> None:
    analysis = _analyse(workspace, "أعلن نادر فهمي وزير الخارجية المصري لإذاعة محلية أن المحادثات ستستأنف.\n"
                                   "ورحبت الحكومة السعودية بالخطوة.\n")
    names = {a.name for a in analysis.actors}
    assert "نادر فهمي" in names and "Saudi Arabia" in names
    assert not any(n.startswith("وزير") for n in names)
    assert [(c.speaker, c.channel) for c in analysis.citations][0] == ("نادر فهمي", "إذاعة محلية")


def test_words_said_in_a_speech_are_the_speakers(workspace) -> None:
    analysis = _analyse(workspace, "وألقت رنا سليم المديرة العامة لمنظمة الإغاثة كلمة أكدت فيها أن المساعدات ستصل.\n")
    assert [c.speaker for c in analysis.citations] == ["رنا سليم"]


def test_a_group_by_its_quoted_name_and_the_internet_is_no_body(workspace) -> None:
    analysis = _analyse(workspace, "وتبنت مجموعة \"الظل\" الهجوم على شبكة الإنترنت الحكومية.\n")
    names = {a.name for a in analysis.actors}
    assert "مجموعة الظل" in names and not any("الإنترنت" in n for n in names)


def test_a_name_with_a_comma_before_its_title_and_a_name_that_opens_with_the_article(workspace) -> None:
    analysis = _analyse(workspace, "وتلقى الحزب دعما من جمال عيسى، رئيس الكتلة النيابية.\n"
                                   "وقال الرئيس اليمني السابق الطاهر العبدلي إن الحوار فشل.\n"
                                   "وتحدث الوزير نزار حمدان مطولا عن الإصلاحات.\n")
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert persons == {"جمال عيسى", "الطاهر العبدلي", "نزار حمدان"}


def test_titles_in_construct_occupations_and_the_feminine(workspace) -> None:
    analysis = _analyse(workspace, "وخضع لرئيس وزراء الجزيرة الخضراء فادي نعمان لفحص طبي ليلة أمس.\n"
                                   "ورحب رئيس مجلس الشورى سليم حمدي بالقرار.\n"
                                   "وتوفي الروائي المعروف سامر خليل في منزله.\n"
                                   "وقالت زوجته الدكتورة ملكة يوسف إنه كان مريضا.\n")
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert persons == {"فادي نعمان", "سليم حمدي", "سامر خليل", "ملكة يوسف"}


def test_a_description_after_a_plain_title_is_no_name_but_the_name_before_it_is(workspace) -> None:
    analysis = _analyse(workspace, "وطالب مازن رشيد، وهو فقيه مغربي معروف، بمحاكمة الكاتب.\n"
                                   "وقال إنه يرفض التعريض لرسول الله، سيد الخلق.\n"
                                   "وترأس وزير الدفاع هاني سعيد اللجنة الوزارية المكلفة بالملف.\n")
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert persons == {"مازن رشيد", "هاني سعيد"}


def test_a_body_named_with_its_complement_and_states_that_are_only_places(workspace) -> None:
    analysis = _analyse(workspace, "وانتقدت الجمعية الوطنية لحقوق العمال القرار.\n"
                                   "وسيشارك البرنامج مع الوكالة الأوروبية لسلامة البحار.\n"
                                   "وانتشر المرض في كل من الهند وباكستان.\n")
    names = {a.name for a in analysis.actors}
    assert {"الجمعية الوطنية لحقوق العمال", "الوكالة الأوروبية لسلامة البحار"} <= names
    assert not names & {"India", "Pakistan"}


def test_a_speaker_named_after_a_kinship_word_and_a_title(workspace) -> None:
    analysis = _analyse(workspace, "وبقي الكاتب مهتما بما يجري حوله حسب ما أفادت زوجته الدكتورة هالة صبري.\n")
    assert [c.speaker for c in analysis.citations] == ["هالة صبري"]


def test_the_agency_that_asked_the_question_is_the_channel(workspace) -> None:
    analysis = _analyse(workspace, "وأكد الوزير كريم منصور، جوابا على سؤال وكالة فرانس برس، أن الحوار مستمر.\n")
    assert [(c.speaker, c.channel) for c in analysis.citations] == [("كريم منصور", "وكالة فرانس برس")]


def test_a_title_over_a_named_outlet_and_an_agency_told_is_no_part_of_a_bodys_name(workspace) -> None:
    analysis = _analyse(workspace, "وصدر حكم بغرامة بحق مدير قناة الأفق نبيل سعدون بسبب بث فيلم.\n"
                                   "وقال أحد أعضاء الجمعية الوطنية لوكالة الصحافة الفرنسية إن الخلاف مستمر.\n")
    names = {a.name for a in analysis.actors}
    assert "نبيل سعدون" in names
    assert not any("لوكالة" in n for n in names)


def test_a_body_speaks_in_its_statement_and_more_verbs_of_saying(workspace) -> None:
    analysis = _analyse(workspace, "وأشار بيان منظمة الإغاثة الدولية إلى أن المساعدات لم تصل.\n"
                                   "واعترف الوزير كريم منصور بأن الخطة تأخرت.\n")
    assert [(c.speaker, c.channel) for c in analysis.citations] == [
        ("منظمة الإغاثة الدولية", "بيان"), ("كريم منصور", "")]


def test_states_listed_as_examples_are_places_and_a_name_given_before_qad(workspace) -> None:
    analysis = _analyse(workspace, "وعمل الطبيب في دول أفريقية مثل مالاوي والسنغال والنيجر.\n"
                                   "وكانت المرأة وتدعى هالة سعيد سليم قد وصلت إلى المطار.\n")
    names = {a.name for a in analysis.actors}
    assert not names & {"Senegal", "Niger"}
    assert "هالة سعيد سليم" in names


def test_a_body_named_before_speaks_through_its_statement_carried_by_an_agency(workspace) -> None:
    analysis = _analyse(workspace, "وكان مجلس النواب الوطني قد دعا الحكومة إلى فتح المعابر فورا حسبما نقلت "
                                   "وكالة الأنباء المحلية عن بيان للمجلس.\n")
    assert [(c.speaker, c.channel) for c in analysis.citations] == [("مجلس النواب الوطني", "وكالة الأنباء المحلية")]


def test_an_outlet_under_a_foreign_name_reports_and_a_plain_description_is_no_outlet(workspace) -> None:
    analysis = _analyse(workspace, "وتراجع الجيش عن المدينة.\n"
                                   "وحسب صحيفة نيويورك تايمز صباح اليوم، كانت الخسائر كبيرة.\n"
                                   "وقالت صحيفة محلية إن السكان غادروا.\n")
    assert [c.speaker for c in analysis.citations] == ["صحيفة نيويورك تايمز"]


def test_an_official_a_scholar_and_one_of_the_leaders_name_the_person_before_them(workspace) -> None:
    analysis = _analyse(workspace, "وقالت نادية فرحات مسؤولة الإغاثة في المنظمة إن القوافل توقفت.\n"
                                   "وأوضح سمير داود عالم الآثار في الجامعة أن الموقع قديم.\n"
                                   "وقال فادي نصار أحد قادة الحركة إن المفاوضات فشلت.\n"
                                   "وقال مسؤول في الوزارة طالبا عدم كشف اسمه إن الاجتماع تأجل.\n")
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert {"نادية فرحات", "سمير داود", "فادي نصار"} <= persons
    assert not any("طالبا" in a.name for a in analysis.actors)  # asking not to be named is no name
    assert {"نادية فرحات", "سمير داود", "فادي نصار"} <= {c.speaker for c in analysis.citations}


def test_a_relative_clause_a_preposition_or_a_happening_word_after_a_title_is_no_name(workspace) -> None:
    analysis = _analyse(workspace, "واستذكر الكاتب بنبرة حزينة آخر لقاء جمعه بالشاعر العراقي الذي غيبه الموت.\n"
                                   "وانتقدت الصحيفة القانون القاضي بفرض ضرائب جديدة على الوقود.\n")
    names = {a.name for a in analysis.actors}
    assert not any(w in n for n in names for w in ("غيبه", "لقاء", "بفرض"))


def test_the_spokesperson_named_before_their_title_speaks_not_the_one_they_speak_for(workspace) -> None:
    analysis = _analyse(workspace, "وقال وزير الخارجية جمال حداد إن الخطة جاهزة.\n"
                                   "إلا أن سلوى مراد، المتحدثة باسم حداد، نفت أن تكون للخطة أي جدول زمني.\n")
    denial = [c for c in analysis.citations if "جدول" in c.quote]
    assert [c.speaker for c in denial] == ["سلوى مراد"]


def test_with_great_enthusiasm_is_not_hamas(workspace) -> None:
    analysis = _analyse(workspace, "واستقبل الجمهور الأغنية بحماس كبير في ختام الحفل.\n")
    assert "Hamas" not in {a.name for a in analysis.actors}
    analysis = _analyse(workspace, "وقالت حماس إن وفدها وصل إلى القاهرة.\n")
    assert "Hamas" in {a.name for a in analysis.actors}


def test_a_name_that_opens_with_hamza_and_lam_a_short_name_word_and_the_doctor_abbreviation(workspace) -> None:
    analysis = _analyse(workspace, "وكان الباحث الفرنسي إلياس مروان قد نشر دراسته في العام الماضي.\n"
                                   "وصرح تشن وو لي المتحدث باسم وزارة التجارة أن الرسوم لن تتغير.\n"
                                   "وأكد وزير الزراعة في الحكومة د. هشام زيدان أن المحصول جيد.\n")
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert {"إلياس مروان", "تشن وو لي", "هشام زيدان"} <= persons
    assert {"تشن وو لي", "هشام زيدان"} <= {c.speaker for c in analysis.citations}


def test_two_nouns_joined_by_and_after_a_head_are_one_name(workspace) -> None:
    analysis = _analyse(workspace, "وطالبت هيئة الإغاثة والتنمية الدول المانحة بزيادة الدعم.\n"
                                   "وقالت وزارة الصحة والجيش إن الوضع تحت السيطرة.\n")
    names = {a.name for a in analysis.actors}
    assert "هيئة الإغاثة والتنمية" in names
    assert not any("والجيش" in n for n in names)  # a body of its own is no second noun of the name


def test_a_name_then_so_he_is_a_title_and_a_university_is_a_body(workspace) -> None:
    analysis = _analyse(workspace, "أما نبيل حداد، فهو طبيب من حلب ترك البلاد قبل سنوات.\n"
                                   "وقال باحثون من الجامعة الأردنية إن العينات قديمة.\n")
    names = {a.name for a in analysis.actors}
    assert "نبيل حداد" in names and "الجامعة الأردنية" in names


def test_an_office_with_an_adjective_before_the_name_a_un_unit_and_a_group_under_two_heads(workspace) -> None:
    analysis = _analyse(workspace, "وألقى الرئيس الليبي المؤقت السابق سالم الفيتوري كلمة.\n"
                                   "وقالت الأمم المتحدة إن بعثة الأمم المتحدة ستبقى في البلاد.\n"
                                   "وأعلن تنظيم جند الفجر الجديد مسؤوليته، ثم نفت جماعة جند الفجر الجديد ذلك.\n")
    names = [a.name for a in analysis.actors]
    assert "سالم الفيتوري" in names and not any(n.startswith("الرئيس") for n in names)
    assert names.count("United Nations") == 1 and "United Nations Mission" not in names
    assert len([n for n in names if "جند الفجر" in n]) == 1
