"""Issue 13, Arabic: the ways wire reports name who spoke and through what, on sentences written for these
tests (not taken from any report): a spokesperson's name before "في بيان", a source "قوله" (his saying)
relayed by an outlet, witnesses who told an agency, a statement issued by a body, a press conference, and
a body's seat that is no party."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text

PUB = date(2023, 5, 9)


def _said(workspace, body: str) -> list[tuple[str, str]]:
    analysis = analyse_text(workspace, "Headline: خبر\n\n" + body + "\n", published=PUB)
    return [(c.speaker, c.channel) for c in analysis.citations]


def test_a_spokespersons_name_ends_before_in_a_statement(workspace) -> None:
    assert _said(workspace, "قال المتحدث باسم الجيش الأردني العقيد سامي نصر في بيان إن الحدود آمنة.") == \
        [("سامي نصر", "بيان")]


def test_his_saying_is_no_part_of_the_source_relayed(workspace) -> None:
    assert _said(workspace, "ونقلت قناة العربية عن مسؤول عسكري قوله إن الهدنة صامدة.") == \
        [("مسؤول عسكري", "قناة العربية")]


def test_witnesses_who_told_an_agency_have_it_for_channel(workspace) -> None:
    assert _said(workspace, "وقال سكان لرويترز إن الجسر انهار.") == [("سكان", "رويترز")]


def test_a_statement_issued_by_a_body_and_a_press_conference(workspace) -> None:
    assert _said(workspace, "وذكر بيان صادر عن منظمة الصحة العالمية أن الوباء انحسر.") == \
        [("منظمة الصحة العالمية", "بيان")]
    assert _said(workspace, "وقال وزير الخارجية الأردني أيمن الصفدي خلال مؤتمر صحفي إن المحادثات مستمرة.") == \
        [("أيمن الصفدي", "مؤتمر صحفي")]


def test_the_seat_of_a_body_is_a_place(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nوقال المرصد السوري لحقوق الإنسان، ومقره بريطانيا، "
                                       "إن القصف توقف.\n", published=PUB)
    assert "United Kingdom" not in {a.name for a in analysis.actors}


def test_a_state_opening_a_paragraph_with_and_in_is_a_place(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nوفي ليبيا، قالت حكومة الوحدة الوطنية إن الانتخابات "
                                       "ستجرى في موعدها.\n", published=PUB)
    assert "Libya" not in {a.name for a in analysis.actors}


def test_an_office_the_lexicon_knows_before_a_name_is_the_persons_title(workspace) -> None:
    analysis = analyse_text(workspace, "Headline: خبر\n\nوقال الأمين العام للأمم المتحدة جان بيير كلود إن "
                                       "الهدنة ضرورية.\nوأشاد المبعوث الذي يقوده الدبلوماسي ماريو روسي بالاتفاق.\n",
                            published=PUB)
    assert [c.speaker for c in analysis.citations][0] == "جان بيير كلود"
    names = {a.name for a in analysis.actors}
    assert "UN Secretary-General" not in names and not any(n.startswith("الدبلوماسي") for n in names)


def test_an_interview_or_a_statement_given_to_an_outlet_has_the_outlet_for_channel(workspace) -> None:
    assert _said(workspace, "وقال وزير المالية المصري أحمد كجوك في تصريح لـ«الشروق» إن الدين تراجع.") == \
        [("أحمد كجوك", "الشروق")]
    assert _said(workspace, "وقال النائب سامي فرح في حديث لقناة الحدث إن الجلسة تأجلت.") == \
        [("سامي فرح", "قناة الحدث")]
    assert _said(workspace, "وصرح المتحدث باسم الشرطة العراقية لسكاي نيوز عربية بأن الطريق فتح.") == \
        [("الشرطة العراقية", "سكاي نيوز عربية")]


def test_wrote_and_tweeted_are_verbs_of_saying(workspace) -> None:
    assert [s for s, _ in _said(workspace, "وغرد وزير الخارجية الأردني أيمن الصفدي على منصة إكس أن المعبر فتح.")] == \
        ["أيمن الصفدي"]


def test_a_body_after_statement_of_and_an_outlet_under_two_names_is_one_speaker(workspace) -> None:
    assert _said(workspace, "ووفق بيان للجيش الأردني، فإن الطائرة سقطت.") == [("الجيش الأردني", "بيان")]
    said = _said(workspace, "وقالت صحيفة «هآرتس» إن الحكومة ستسقط.\nوكتبت هآرتس أن الائتلاف منقسم.")
    assert len({s for s, _ in said}) == 1 and len(said) == 2


def test_an_outlet_that_said_it_quoting_others_and_a_quoted_outlet_told(workspace) -> None:
    assert _said(workspace, "وذكرت قناة العربية نقلا عن مصادر دبلوماسية أن الوفد غادر.") == \
        [("مصادر دبلوماسية", "قناة العربية")]
    assert _said(workspace, "ووفقا لما نقلته وكالة الأنباء الأردنية عن وزير الداخلية، فإن الحدود مغلقة.") == \
        [("وزير الداخلية", "وكالة الأنباء الأردنية")]
    assert _said(workspace, "وقال شهود لـ«الأيام» إن السوق احترق.") == [("شهود", "الأيام")]


def test_unnamed_authorities_diplomats_and_a_witness_are_speakers(workspace) -> None:
    said = [s for s, _ in _said(workspace, "وقالت السلطات المحلية إن المدارس أغلقت.\nوأكد دبلوماسيون أوروبيون أن "
                                           "الاجتماع تأجل.\nوأفاد شاهد عيان بأن النيران امتدت.")]
    assert said == ["السلطات المحلية", "دبلوماسيون أوروبيون", "شاهد عيان"]


def test_two_parties_joined_by_and_both_say_it(workspace) -> None:
    assert [s for s, _ in _said(workspace, "ودعت مصر وقطر، الوسيطتان في المفاوضات، إلى ضبط النفس.")] == \
        ["مصر", "قطر"]
    assert [s for s, _ in _said(workspace, "وأكدت الأردن و مصر أن المعبر سيفتح.")] == ["الأردن", "مصر"]
