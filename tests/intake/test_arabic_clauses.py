"""Issue 13, Arabic event dates by clause, on sentences written for these tests (not taken from any
report): a clause with no date of its own is not dated by publication; a clause opened by كان tells
what came before; a summary lead told again with its day takes that day; a negation governs the verb
right after it, not a happening further on."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUB = date(2024, 5, 9)  # a Thursday


def _events(workspace, body: str):
    analysis = analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB)
    return analysis, {e.quote.split()[0]: e for e in analysis.events + analysis.expectations}


def test_a_clause_without_a_date_is_not_dated_by_publication(workspace) -> None:
    _, events = _events(workspace, "وأعلنت الحكومة فرض حظر التجول في المدينة.\n")
    event = events["وأعلنت"]
    assert event.when is None
    assert "gives no date" in event.when_rule and "9 May 2024" in event.when_rule


def test_a_clause_opened_by_kana_is_background_even_after_a_dated_one(workspace) -> None:
    _, events = _events(workspace, "اجتمع الوزراء في العاصمة أمس الأربعاء.\n"
                                   "وكان رئيس الحكومة استقال بعد احتجاجات واسعة.\n"
                                   "ووقعت الحكومة في وقت سابق اتفاقا مع النقابات.\n")
    assert events["اجتمع"].when.edtf == "2024-05-08"
    assert events["وكان"].when is None and events["ووقعت"].when is None


def test_a_summary_lead_takes_the_day_it_is_told_again_with(workspace) -> None:
    _, events = _events(workspace, "اقتحم مسلحون مبنى البلدية في البلدة الحدودية.\n\n"
                                   "وقالت الشرطة المحلية إن المسلحين اقتحموا مبنى البلدية صباح الثلاثاء.\n")
    assert events["اقتحم"].when.edtf == "2024-05-07"
    assert "told again" in events["اقتحم"].when_rule


def test_a_negation_governs_the_next_verb_not_a_happening_further_on(workspace) -> None:
    analysis, events = _events(workspace, "وفي حين يعيش السكان ظروفا لا يحتملها أحد اندلعت اشتباكات عنيفة في الحي.\n"
                                          "ولم تعلن أي جهة حتى الآن مسؤوليتها عن الهجوم.\n")
    assert events["وفي"].status == "reported" and events["وفي"] in analysis.events
    assert events["ولم"].status == "denied"


def test_a_night_between_two_days_and_yesterday_said_with_yawm() -> None:
    from briefer.intake.arabic import arabic_dates

    found = {d.text: d.when.edtf for d in arabic_dates("توقفت الخدمة ليلة الاثنين - الثلاثاء ثم عادت", PUB)}
    assert found == {"ليلة الاثنين - الثلاثاء": "2024-05-06/2024-05-07"}
    found = {d.text: d.when.edtf for d in arabic_dates("افتتح المعرض يوم أمس الأربعاء 8 مايو في المدينة", PUB)}
    assert found == {"يوم أمس الأربعاء 8 مايو": "2024-05-08"}


def test_a_named_day_is_not_today() -> None:
    from briefer.intake.arabic import arabic_dates

    assert arabic_dates("تحتفل المنظمة باليوم العالمي للاجئين وباليوم الوطني للمرأة", PUB) == []


def test_a_weekday_gives_way_to_the_written_out_date_of_the_same_night(workspace) -> None:
    _, events = _events(workspace, "تعطلت مواقع حكومية ليل الاثنين - الثلاثاء في 7 مايو 2024 بهجوم إلكتروني.\n")
    assert events["تعطلت"].when.edtf == "2024-05-07"


def test_a_relative_clause_with_its_own_date_is_a_happening_of_its_own(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nوعقد الوزراء اجتماعا أمس لبحث الاحتجاجات التي اجتاحت "
                                       "العاصمة الأسبوع الماضي.\n", published=PUB)
    dated = {e.quote: e.when.edtf for e in analysis.events}
    assert dated.get("الاحتجاجات التي اجتاحت العاصمة الأسبوع الماضي") == "2024-04-29/2024-05-05"
    meeting = next(e for q, e in zip(dated, analysis.events) if q.startswith("وعقد"))
    assert meeting.when.edtf == "2024-05-08"  # the main clause keeps its own day


def test_decades_the_start_of_the_year_two_ordinal_days_ahead_and_about_n_months() -> None:
    from briefer.intake.arabic import arabic_dates

    found = {d.text: d.when.edtf for d in arabic_dates(
        "هاجر في التسعينات، وعاد في مطلع العام، وستعقد الندوة في الثالث والرابع من يونيو. "
        "وتعيش المدينة منذ نحو ثلاثة أشهر بلا كهرباء.", PUB)}
    assert found == {"في التسعينات": "1990/1999", "في مطلع العام": "2024-01/2024-03",
                     "في الثالث والرابع من يونيو": "2024-06-03/2024-06-04",
                     "منذ نحو ثلاثة أشهر": "2024-02~/.."}
    assert arabic_dates("توفي وهو في الثمانينات من عمره", PUB) == []


def test_spellings_without_hamza_meet_by_folding() -> None:
    from briefer.intake.arabic import arabic_dates

    found = {d.text: d.when.edtf for d in arabic_dates("وصل الوفد الاحد بعد محادثات جرت في اكتوبر الماضي", PUB)}
    assert found == {"الاحد": "2024-05-05", "في اكتوبر الماضي": "2023-10"}


def test_a_lead_in_the_present_tense_tells_a_happening_and_a_possibility_is_conditional(workspace) -> None:
    analysis, events = _events(workspace, "ترفض الحكومة العقوبات الجديدة على صادراتها.\n"
                                          "ولمح الوزير إلى إمكانية فرض قيود على الواردات.\n")
    assert events["ترفض"] in analysis.events
    assert events["ولمح"].status == "conditional"


def test_father_is_not_the_month_of_august() -> None:
    from briefer.intake.arabic import arabic_dates

    assert arabic_dates("قتل أب وابنه في القصف", PUB) == []
    assert [d.when.edtf for d in arabic_dates("توقفت المحادثات في آب الماضي", PUB)] == ["2023-08"]


def test_a_past_happening_named_in_a_relative_clause_is_background_without_the_main_day(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nاجتمع الوزراء أمس الأربعاء لبحث الاتفاقية التي وقعتها "
                                       "الحكومة مع النقابات.\n", published=PUB)
    by_quote = {e.quote: e for e in analysis.events}
    signed = by_quote["الاتفاقية التي وقعتها الحكومة مع النقابات"]
    assert signed.when is None and "relative clause" in signed.when_rule
    assert next(e for q, e in by_quote.items() if q.startswith("اجتمع")).when.edtf == "2024-05-08"


def test_a_plan_or_a_proposal_is_an_expectation(workspace) -> None:
    _, events = _events(workspace, "وتدرس الحكومة فرض عقوبات على الشركات المخالفة.\n"
                                   "وقدم النواب اقتراحا بحظر الاستيراد.\n")
    assert events["وتدرس"].status == "expected" and events["وقدم"].status == "expected"


def test_a_happening_pointed_back_to_by_its_possessor_is_not_told_again(workspace) -> None:
    analysis, events = _events(workspace, "اجتمعت الوزيرة بممثلي النقابات أمس.\n\n"
                                          "وقالت الوزيرة في اجتماعها إن الأجور سترتفع.\n")
    assert "اجتمعت" in events and "وقالت" not in events


def test_a_death_is_an_event_and_what_is_called_for_or_feared_is_not(workspace) -> None:
    analysis, events = _events(workspace, "توفي الكاتب المعروف في المستشفى أمس.\n"
                                          "ودعا نائب في البرلمان، وهو من المعارضة، إلى محاكمة المسؤولين عن الإهمال.\n"
                                          "ويخشى الأطباء من تفشي المرض في المدينة.\n"
                                          "ويرى الخبراء أن هذا القرار يشكل خطرا على السكان.\n")
    assert events["توفي"] in analysis.events and events["توفي"].when.edtf == "2024-05-08"
    assert events["ودعا"].status == "expected" and events["ودعا"] not in analysis.events
    assert events["ويخشى"].status == "conditional"
    assert "ويرى" not in events  # "يشكل" (constitutes) tells nothing happening


def test_a_condition_glued_to_its_conjunction_and_an_opinion(workspace) -> None:
    analysis, events = _events(workspace, "وأضاف أنه فإذا اكتشف المهندسون اختراق النظام يكفي أن يعطلوه.\n"
                                          "وحسب رأي الباحث، وجود هذه المواد يعود إلى سيطرة جهة واحدة على اللجان.\n")
    assert events["وأضاف"].status == "conditional"
    assert "وحسب" not in events


def test_a_happening_told_again_the_same_day_is_one_event_unless_the_retelling_adds_one(workspace) -> None:
    analysis, events = _events(workspace, "أجريت للوزير سامي نور عملية جراحية في القلب أمس الأربعاء.\n"
                                          "وكان الوزير قد نقل إلى المستشفى أمس بعد أزمة حادة فأجريت له عملية جراحية في القلب.\n"
                                          "واحتفل الحزب بذكرى تأسيسه أمس الأربعاء في العاصمة.\n"
                                          "وتزامن احتفال الحزب بذكرى تأسيسه أمس مع صدور حكم بسجن أحد قادته.\n")
    told = [e.quote.split()[0] for e in analysis.events]
    assert "أجريت" in told and "وكان" not in told
    assert "واحتفل" in told and "وتزامن" in told


def test_a_toll_told_as_a_count_and_a_birth_are_happenings(workspace) -> None:
    analysis, events = _events(workspace, "وبلغ عدد ضحايا الفيضانات في الإقليم 40 شخصا خلال الأسبوع الماضي.\n"
                                          "وارتفعت حصيلة القتلى في المدينة إلى 12 أمس.\n"
                                          "ولد الكاتب في قرية صغيرة عام 1950.\n")
    assert {"وبلغ", "وارتفعت", "ولد"} <= {e.quote.split()[0] for e in analysis.events}
    assert events["ولد"].when.edtf == "1950"


def test_a_date_told_in_a_later_contrasted_clause_is_not_the_first_clauses(workspace) -> None:
    analysis, events = _events(workspace, "وفرضت السلطات حظر التجول في المدينة، في حين بلغ عدد ضحايا الاشتباكات 30 شخصا خلال مارس الماضي.\n")
    assert events["وفرضت"].when is None
    assert [e.when.edtf for e in analysis.events if e.quote.startswith("في حين")] == ["2024-03"]


def test_a_ministry_is_no_visit(workspace) -> None:
    analysis, events = _events(workspace, "وموقع وزارة الدفاع، وموقع وزارة التربية.\n"
                                          "وزار الوزير المدينة أمس.\n")
    assert [e.quote.split()[0] for e in analysis.events] == ["وزار"]


def test_more_happenings_by_their_verb_class(workspace) -> None:
    analysis, events = _events(workspace, "وعثرت الشرطة على جثث ثلاثة رجال في الوادي أمس.\n"
                                          "وأخلت السلطات القرية بعد انهيار السد.\n"
                                          "وجاء ذلك في بيان صادر عن الوزارة.\n")
    told = {e.quote.split()[0] for e in analysis.events}
    assert {"وعثرت", "وأخلت"} <= told and "وجاء" not in told


def test_what_must_or_is_hoped_to_happen_has_not_happened(workspace) -> None:
    analysis, events = _events(workspace, "وقال الوزير إنه يجب إغلاق المعابر فورا.\n"
                                          "وتأمل الحكومة توقيع الاتفاق مع النقابات.\n")
    assert events["وقال"].status == "expected" and events["وتأمل"].status == "expected"


def test_an_opinion_marked_inside_the_clause_is_no_happening(workspace) -> None:
    analysis, events = _events(workspace, "واستقال الوزير أمس.\n"
                                          "والحل في رأيه إجراء انتخابات مبكرة في البلاد.\n")
    assert "واستقال" in events and "والحل" not in events


def test_a_clause_about_the_future_is_dated_by_what_it_names_ahead(workspace) -> None:
    analysis, events = _events(workspace, "أعلن اليوم الخميس وزير الخارجية كريم منصور أن الحكومة ستقوم بتخفيض "
                                          "العقوبات في يونيو المقبل.\n")
    assert events["أعلن"].status == "expected" and events["أعلن"].when.edtf == "2024-06"


def test_what_is_warned_of_has_not_happened(workspace) -> None:
    analysis, events = _events(workspace, "واستقال الوزير أمس.\n"
                                          "وحذرت المنظمة من أن الأزمة قد تتفاقم مع تفشي الأمراض في المخيمات.\n")
    assert events["وحذرت"].status == "conditional" and events["وحذرت"] not in analysis.events


def test_a_funeral_to_come_and_what_was_scheduled_are_expectations(workspace) -> None:
    analysis, events = _events(workspace, "واستقال الوزير أمس.\n"
                                          "وسوف يشيع جثمانه من المستشفى ويدفن في مقبرة البلدة.\n"
                                          "وكان مقررا أن يناقش الاجتماع الإفراج عن السجناء.\n")
    assert events["وسوف"].status == "expected" and events["وكان"].status == "expected"
    assert events["وسوف"] in analysis.expectations


def test_the_attack_that_occurred_there_is_the_one_told_not_another(workspace) -> None:
    analysis, events = _events(workspace, "قتل خمسة جنود في هجوم على حاجز أمس.\n"
                                          "وأصيب ثلاثة آخرون في الهجوم الذي وقع في بلدة حدودية.\n")
    # one: the wounded are the toll of the attack told (test_arabic_told_again), and "الهجوم الذي وقع" is
    # that attack, not a background happening of its own
    assert [e.quote.split()[0] for e in analysis.events] == ["قتل"]


def test_a_fear_named_as_a_noun_is_a_possibility(workspace) -> None:
    analysis, events = _events(workspace, "واستقال الوزير أمس.\n"
                                          "وسئل عن التخوف من قيام الجيش بغارات على الحدود.\n")
    assert events["وسئل"].status == "conditional"


def test_a_present_verb_joined_to_a_future_clause_shares_its_future(workspace) -> None:
    analysis, events = _events(workspace, "واستقال الوزير أمس.\n"
                                          "وسوف يشيع جثمان الفقيد من المستشفى الكبير في العاصمة، ويدفن في مقبرة البلدة.\n")
    assert events["ويدفن"].status == "expected" and events["ويدفن"].when is None


def test_issuing_a_statement_is_saying_not_a_happening(workspace) -> None:
    analysis, events = _events(workspace, "واستقال الوزير أمس.\n"
                                          "وأصدرت النقابة بيانا نعت فيه الفقيد.\n"
                                          "وأصدرت المحكمة حكما بسجنه.\n")
    told = {e.quote.split()[0] for e in analysis.events}
    assert "وأصدرت" in told and len([e for e in analysis.events if e.quote.startswith("وأصدرت")]) == 1
    assert any("حكما" in e.quote for e in analysis.events)


def test_a_present_without_a_date_of_its_own_tells_what_goes_on(workspace) -> None:
    analysis, events = _events(workspace, "قصفت الطائرات سوقا في المدينة أمس الأربعاء.\n"
                                          "وتستمر الجماعة في تنفيذ هجمات في أنحاء البلاد.\n"
                                          "ويعيش آلاف المدنيين تحت الحصار في القرى.\n"
                                          "يذكر أن الجماعة تنفذ هجمات في المنطقة.\n"
                                          "وتحتفل البلدة يوم الأحد المقبل بعيدها.\n"
                                          "وتظاهر السكان في الساحة الرئيسية.\n")
    told = {e.quote.split()[0] for e in analysis.events}
    assert "قصفت" in told and "وتظاهر" in told  # (a perfect of a derived verb opens with ت too)
    assert not told & {"وتستمر", "ويعيش", "يذكر"}
    assert events["وتحتفل"].when.edtf == "2024-05-12"  # a present with a day of its own is a happening


def test_a_clause_that_tells_no_happening_still_moves_the_story_to_its_day(workspace) -> None:
    _, events = _events(workspace, "اشتبك المحتجون مع الشرطة في الساحة أمس الأربعاء، واستمرت الاضطرابات حتى صباح "
                                   "اليوم الخميس.\nوأدت المواجهات إلى مقتل خمسة أشخاص.\n")
    assert events["اشتبك"].when.edtf == "2024-05-08"
    assert events["وأدت"].when.edtf == "2024-05-09"  # the day the story had reached, not the day before


def test_a_passive_by_tamma_is_a_happening_and_a_demand_is_not_one_yet(workspace) -> None:
    analysis, events = _events(workspace, "انفجرت عبوة ناسفة قرب دورية للشرطة اليوم.\n"
                                          "وقال مسؤول إنه تم نقل الجرحى إلى مستشفى المدينة.\n"
                                          "وطالب السكان بتحقيق في الحادث.\n")
    told = {e.quote.split()[0] for e in analysis.events}
    assert "وقال" in told  # "تم نقل": the passive of any verb, told by its verbal noun
    assert "وطالب" not in told and events["وطالب"].status == "expected"


def test_a_present_said_with_a_date_of_another_clause_is_a_position(workspace) -> None:
    analysis, _ = _events(workspace, "اجتمع الوزراء في العاصمة أمس الأربعاء.\n"
                                     "وأكد الوزير أن بلاده ترفض العقوبات الجديدة، وأضاف أن الشرطة اعتقلت ثلاثة مشتبهين أمس.\n")
    told = {e.quote.split()[0] for e in analysis.events}
    assert "وأضاف" in told and "وأكد" not in told  # the day of the arrest is not the day of the position


def test_a_source_telling_what_the_report_told_is_not_another_happening(workspace) -> None:
    analysis, _ = _events(workspace, "قتل خمسة أشخاص في انفجار سيارة مفخخة قرب السوق اليوم الخميس.\n"
                                     "وقالت مصادر أمنية إن الانفجار وقع قرب السوق المركزي.\n"
                                     "وقالت مصادر أمنية إن الشرطة اعتقلت مشتبها به في حي آخر.\n")
    told = [e.quote.split()[0] for e in analysis.events]
    assert told.count("وقالت") == 1 and "قتل" in told  # the arrest stays, the explosion told again does not


def test_recently_and_a_while_ago_are_not_the_day_of_the_clause_before(workspace) -> None:
    _, events = _events(workspace, "أكدت الوزارة يوم الجمعة الماضي أن حالات الإصابة ارتفعت إلى مئة، ومؤخرا أعلنت "
                                   "المنظمة أن المرض تفشى في أنحاء العالم.\n"
                                   "وأعلنت الكويت قبل فترة عن حالة وفاة جديدة.\n")
    assert events["أكدت"].when.edtf == "2024-05-03"
    assert events["ومؤخرا"].when is None and events["وأعلنت"].when is None


def test_a_word_written_with_its_vowel_marks_tells_the_happening_all_the_same(workspace) -> None:
    analysis, _ = _events(workspace, "وأُفرج عن الرهائن الثلاثة صباح الأحد.\n"
                                     "وتعرضت دورية للشرطة لكمينٍ قرب الحدود.\n")
    told = {e.quote.split()[0] for e in analysis.events}
    assert {"وأُفرج", "وتعرضت"} <= told


def test_another_attack_told_by_a_source_on_the_same_day_stays(workspace) -> None:
    analysis, _ = _events(workspace, "قتل خمسة جنود في هجوم على حاجز للجيش اليوم الخميس.\n"
                                     "وقال الجيش إن مسلحين قتلوا ثلاثة مدنيين في هجوم آخر على سوق شعبي.\n")
    told = [e.quote.split()[0] for e in analysis.events]
    assert "قتل" in told and "وقال" in told


def test_a_present_going_on_for_days_is_a_happening_that_began(workspace) -> None:
    analysis, _ = _events(workspace, "اجتمع الوسطاء في العاصمة أمس الأربعاء.\n"
                                     "والأدهى أن الطرفين يقاطعان منذ أيام هذه المحادثات.\n")
    assert any("يقاطعان" in e.quote for e in analysis.events)
