"""Issue 13, Arabic events proposed once, on sentences written for these tests (not taken from any
report): "فجر اليوم" is the dawn of a day, not a detonation; "عاد الهدوء" (calm returned) is a state
settling back, not a return of anybody; and a happening a source tells again in its own words on the
same day, naming no actor the first telling did not, is not proposed twice, while a source's telling of
another party's deed is; and the deed an accusation names ("اتهم X Y بـ...") is proposed as claimed by the
accuser, the accused its initiator, without the accusation's day."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUB = date(2024, 5, 9)  # a Thursday


def _quotes(workspace, body: str) -> list[str]:
    analysis = analyse_text(workspace, "Headline: خبر\n\n" + body, published=PUB)
    return [e.quote for e in analysis.events]


def test_dawn_of_a_day_is_no_detonation(workspace) -> None:
    quotes = _quotes(workspace, "قصفت طائرات التحالف الذي تقوده الدولة فجر اليوم الخميس مواقع للمسلحين في الجبل.\n")
    assert len(quotes) == 1 and quotes[0].startswith("قصفت")


def test_calm_returning_is_no_happening(workspace) -> None:
    quotes = _quotes(workspace, "اشتبك المسلحون مع الشرطة في السوق صباح الأربعاء.\n"
                                "وعاد الهدوء الحذر إلى المدينة مساء الأربعاء.\n"
                                "وعاد مئات النازحين إلى قراهم صباح الخميس.\n")
    assert [q.split()[0] for q in quotes] == ["اشتبك", "وعاد"] and "النازحين" in quotes[1]


def test_a_source_telling_the_same_strike_in_other_words_is_not_a_second_event(workspace) -> None:
    quotes = _quotes(workspace, "قصفت قوات الدعم السريع سوقا شعبية في مدينة الفاشر صباح الأربعاء.\n"
                                "وقال شهود، وهم من سكان الحي، إن مسلحي الدعم السريع شنوا هجوما بالقذائف على "
                                "السوق الشعبية وسط مدينة الفاشر.\n")
    assert len(quotes) == 1 and quotes[0].startswith("قصفت")


def test_a_source_telling_another_partys_deed_is_an_event_of_its_own(workspace) -> None:
    quotes = _quotes(workspace, "قصفت قوات الدعم السريع سوقا شعبية في مدينة الفاشر صباح الأربعاء.\n"
                                "وقال مصدر عسكري إن الجيش السوداني صد هجوما لقوات الدعم السريع على السوق "
                                "الشعبية وسط مدينة الفاشر.\n")
    assert len(quotes) == 2


def test_a_source_named_with_an_apposition_retells_the_blast(workspace) -> None:
    quotes = _quotes(workspace, "قتل خمسة أشخاص في انفجار عبوة ناسفة قرب محطة الحافلات صباح الأربعاء.\n"
                                "وقالت شبكة أطباء المدينة، وهي مجموعة محلية تعنى بالجرحى، في بيان، إن العبوة انفجرت قرب "
                                "المحطة.\n")
    assert len(quotes) == 1 and quotes[0].startswith("قتل")


def test_a_word_with_the_accusatives_alif_meets_its_bare_form(workspace) -> None:
    quotes = _quotes(workspace, "قتل 14 شخصا في انفجار استهدف زوارا قرب الضريح صباح الأربعاء.\n"
                                "وقالت مصادر أمنية إن الانفجار وقع قرب مقام الزوار.\n")
    assert len(quotes) == 1 and quotes[0].startswith("قتل")


def test_an_accusation_proposes_the_deed_claimed_with_the_accused_as_initiator(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nواتهم الجيش السوداني، أمس الأربعاء، قوات الدعم السريع "
                                       "بقصف المستشفى الرئيسي في المدينة.\n"
                                       "وأدان الوزير الهجوم على المدنيين.\n", published=PUB)
    names = {a.id: a.name for a in analysis.actors}
    [deed] = analysis.events
    roles = {names[p.actor]: p.role.value for p in deed.participants}
    assert deed.status == "claimed" and "الجيش السوداني" in deed.claimed_by
    assert roles["Rapid Support Forces"] == "initiator" and roles.get("Sudanese Armed Forces") != "initiator"
    assert deed.when is None  # yesterday is when the accusation was made, not when the hospital was shelled


def test_a_toll_of_the_attack_told_on_its_day_is_part_of_it(workspace) -> None:
    quotes = _quotes(workspace, "قتل خمسة جنود في كمين نصبه مسلحون قرب الحدود صباح الأربعاء.\n"
                                "وقالت مصادر طبية إن ثلاثة آخرين أُصيبوا في الهجوم ونقلوا إلى المستشفى.\n"
                                "وقُتل مدنيان في قصف على السوق.\n")
    assert [q.split()[0] for q in quotes] == ["قتل", "وقُتل"]


def test_a_lead_told_again_with_its_day_dates_the_happenings_told_with_it(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nاقتحم مسلحون قرية الصفا في الشمال، فيما شنت الطائرات غارات "
                                       "على مواقع في الجبل.\nوقال سكان إن مسلحين اقتحموا قرية الصفا في الشمال صباح "
                                       "الأربعاء وأحرقوا منازل فيها.\n", published=PUB)
    when = {e.quote.split()[0]: e.when.edtf if e.when else None for e in analysis.events}
    assert when == {"اقتحم": "2024-05-08", "فيما": "2024-05-08"}


def test_what_the_clashes_resulted_in_is_their_toll(workspace) -> None:
    quotes = _quotes(workspace, "اشتبك المتظاهرون مع الشرطة في العاصمة مساء الأربعاء.\n"
                                "وأسفرت مواجهات الأمس عن مقتل ثلاثة أشخاص.\n"
                                "وأسفر هجوم لمسلحين على مركز للشرطة عن مقتل شرطي.\n")
    assert [q.split()[0] for q in quotes] == ["اشتبك", "وأسفر"]


def test_a_present_dated_by_the_period_it_is_written_in_tells_what_goes_on(workspace) -> None:
    quotes = _quotes(workspace, "قصفت الطائرات السوق صباح الأربعاء.\n"
                                "ويعيش آلاف المدنيين تحت الحصار هذا العام في القرى المجاورة.\n"
                                "وتستقبل المدينة وفدا من الأمم المتحدة اليوم الخميس.\n")
    assert [q.split()[0] for q in quotes] == ["قصفت", "وتستقبل"]


def test_what_seems_so_is_hedged_not_reported(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nقصفت الطائرات السوق صباح الأربعاء.\n"
                                       "ويبدو أن قرار إغلاق المعبر لا رجوع عنه.\n", published=PUB)
    assert [e.quote.split()[0] for e in analysis.events] == ["قصفت"]
    assert [e.status for e in analysis.expectations] == ["conditional"]


def test_owning_the_attack_told_is_part_of_it_and_names_its_initiator(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nفجر انتحاري نفسه في سوق المدينة صباح الأربعاء.\n"
                                       "وتبنت حركة الشباب الهجوم في بيان نشرته على الإنترنت.\n", published=PUB)
    names = {a.id: a.name for a in analysis.actors}
    [attack] = analysis.events
    assert attack.quote.startswith("فجر")
    assert {names[p.actor]: p.role.value for p in attack.participants} == {"al-Shabaab": "initiator"}
