"""One proposal per happening, and the date expressions the annotation guideline counts,
on reports in the project's own words (the parse is installed by the set-up)."""

from __future__ import annotations

from datetime import date

from briefer.intake.assistant import analyse_text
from briefer.intake.dates import anchor_dates, find_dates

THURSDAY = date(2015, 3, 5)


def events(workspace, body: str, published: date = THURSDAY):
    return analyse_text(workspace, "Valley report\n\n" + body, published=published).events


def test_a_lead_told_again_with_its_day_is_one_event_of_that_day(workspace) -> None:
    found = events(workspace, "Gunmen of the Black Flag Movement have attacked a market in northern Korbessa, "
                              "killing 12 people.\n\nWitnesses told reporters that the gunmen attacked the market "
                              "before dawn on Tuesday.")
    assert len(found) == 1, [e.quote for e in found]
    assert found[0].when.edtf == "2015-03-03"
    assert "before dawn on Tuesday" in found[0].quote and found[0].quote.startswith("Gunmen of the Black Flag")
    # told of another place, or said to be another one: another happening
    found = events(workspace, "Black Flag Movement gunmen attacked a checkpoint in Korbessa, killing two "
                              "policemen.\n\nBlack Flag Movement gunmen attacked a checkpoint in Dara Khel on "
                              "Wednesday.\n\nThe gunmen also attacked a market on Wednesday.")
    assert len(found) == 3, [e.quote for e in found]


def test_words_about_a_told_attack_are_no_new_event(workspace) -> None:
    found = events(workspace, "Gunmen of the Black Flag Movement attacked a market in Korbessa on Tuesday, "
                              "killing 12 people.\n\nThe Valley Council condemned the attack in a statement.\n\n"
                              "The movement carried out similar attacks on two markets in January.")
    quotes = [e.quote for e in found]
    assert not any("condemned" in q for q in quotes), quotes
    # other happenings of the same kind stay their own events
    assert any("in January" in q for q in quotes) and len(found) == 2


def test_the_day_something_was_said_gives_way_to_the_day_it_happened(workspace) -> None:
    found = events(workspace, "Officials said Wednesday that an air strike killed 11 people in the village of "
                              "Dara Khel.\n\nThe coalition confirmed that its aircraft struck the village on Monday "
                              "after coming under fire.", published=date(2015, 3, 4))
    assert len(found) == 1, [e.quote for e in found]
    assert found[0].when.edtf == "2015-03-02"


def test_date_expressions_the_guideline_counts() -> None:
    pub = date(2012, 8, 22)  # a Wednesday
    found = {d.text: d.when.edtf for d in find_dates(
        "Seven people were killed overnight. The town was shelled earlier in the week, and a man who fled "
        "three-months ago came back. Fighting went on in recent weeks.", pub, future_context=lambda _o: False)}
    assert found["overnight"] == "2012-08-21/2012-08-22"
    assert found["earlier in the week"] == "2012-08-20/2012-08-26"  # the Monday-Sunday week, as the guideline codes it
    assert found["three-months ago"].startswith("2012-05")
    assert not any("recent" in text for text in found)  # a vague span places nothing


def test_the_same_day_is_the_day_told_just_before() -> None:
    text = "The convoy was hit on Saturday. A car bomb went off in the capital the same day."
    pub = date(2013, 4, 8)  # a Monday
    found = find_dates(text, pub, future_context=lambda _o: False)
    anchored = anchor_dates(text, found, [0, text.index("A car")], pub)
    assert {d.text: d.when.edtf for d in anchored}["the same day"] == "2013-04-06"


def test_a_toll_or_a_sighting_is_no_happening(workspace) -> None:
    found = events(workspace, "Gunmen of the Black Flag Movement attacked a market in Korbessa on Tuesday.\n\n"
                              "Officials have not confirmed the death toll.\n\n"
                              "Two commanders of the movement were among the casualties, the police said.\n\n"
                              "The movement's leader has been seen only in its videos.")
    assert [e.quote[:22] for e in found] == ["Gunmen of the Black Fl"], [e.quote for e in found]


def test_a_month_of_last_year_is_one_expression() -> None:
    found = find_dates("The group attacked two bases in June and in September of last year.", date(2016, 1, 15),
                       future_context=lambda _o: False)
    assert [(d.text, d.when.edtf) for d in found] == [("in June", "2015-06"), ("in September of last year", "2015-09")]


def test_the_attack_points_back_to_a_strike_told_before(workspace) -> None:
    found = events(workspace, "A drone strike hit a house in Korbessa on Tuesday, killing five members of the "
                              "Black Flag Movement.\n\nThe Black Flag Movement said two of its commanders were "
                              "among those wounded in the attack.")
    assert len(found) == 1, [e.quote for e in found]


def test_clashes_and_fighting_are_one_kind_of_happening(workspace) -> None:
    found = events(workspace, "Fighting between the army and the Black Flag Movement killed 12 people in Korbessa "
                              "on Tuesday.\n\nThe Valley Council said two of its guards died in the clashes.")
    assert len(found) == 1, [e.quote for e in found]


def test_a_night_within_the_week_told_again_is_one_event(workspace) -> None:
    found = events(workspace, "Hospital officials said on Thursday that seven people were killed overnight in clashes "
                              "between two militias in the town of Dara Khel.\n\nMore than 40 people have been "
                              "wounded in fighting which broke out this week in the town.")
    assert len(found) == 1, [e.quote for e in found]


def test_a_country_wide_lead_narrowed_to_a_village_is_one_event(workspace) -> None:
    found = events(workspace, "Gunmen of the Black Flag Movement have attacked a village in northern Nigeria, "
                              "killing nine people.\n\nWitnesses said the gunmen attacked the village of Dara Khel near "
                              "Maiduguri before dawn on Tuesday.")
    assert len(found) == 1, [e.quote for e in found]
    assert found[0].when.edtf == "2015-03-03" and found[0].place == "Dara Khel"


def test_news_hung_on_a_told_happening_is_its_own_event(workspace) -> None:
    found = events(workspace, "A drone strike killed five members of the Black Flag Movement in Korbessa on "
                              "Tuesday.\n\nTuesday's strike came as the movement's fighters captured the Dara Khel "
                              "checkpoint.\n\nEach side blames the other for the latest fighting, breaking a truce "
                              "signed in January.")
    quotes = [e.quote for e in found]
    assert any("captured" in q for q in quotes) and any("truce" in q for q in quotes), quotes


def test_a_happening_told_after_one_told_before_is_its_own(workspace) -> None:
    found = events(workspace, "A drone strike killed five members of the Black Flag Movement in Korbessa on "
                              "Tuesday.\n\nFollowing the strike, the Valley Council held an emergency meeting with "
                              "the governor.")
    assert len(found) == 2 and "meeting" in found[1].quote, [e.quote for e in found]


def test_a_retelling_that_only_gives_the_day_dates_the_lead(workspace) -> None:
    """"The attack Thursday took place near ...": no new happening, but the lead's day."""
    found = events(workspace, "Officials say Black Flag Movement gunmen have attacked a police convoy in northern "
                              "Korbessa, killing six officers.\n\nThe attack Tuesday took place near the village "
                              "of Dara Khel.")
    assert len(found) == 1, [e.quote for e in found]
    assert found[0].when is not None and found[0].when.edtf == "2015-03-03"
    # the nearest telling of that kind is the one pointed back to: not an earlier one of another day
    found = events(workspace, "Black Flag Movement gunmen fought the army in Korbessa.\n\nThe Valley Guard "
                              "clashed with the Dara Khel Brigade in Wadi Ruz on Monday.\n\nThe fighting subsided "
                              "on Tuesday.")
    first = [e for e in found if "Korbessa" in e.quote]
    assert first and not any(e.when is not None and e.when.edtf == "2015-03-03" for e in first), [
        (e.quote, e.when) for e in found]


def test_a_first_attack_is_news_and_its_retelling_folds_into_it(workspace) -> None:
    """"launched their first attack": a new happening, not one pointed back to."""
    found = events(workspace, "Black Flag Movement gunmen last week launched their first attack on Korbessa in a "
                              "year.\n\nOmar Tellu, a farmer, was asleep at home when the attack began.")
    assert len(found) == 1 and "first attack" in found[0].quote, [e.quote for e in found]


def test_a_telling_that_adds_another_kind_of_happening_is_its_own(workspace) -> None:
    found = events(workspace, "Black Flag Movement gunmen clashed with the Valley Guard in Korbessa on Tuesday.\n\n"
                              "The Valley Council said an escalation of armed clashes and airstrikes in Korbessa has "
                              "killed dozens of people.")
    assert len(found) == 2, [e.quote for e in found]


def test_people_driven_from_their_homes_are_news_beside_the_fighting(workspace) -> None:
    found = events(workspace, "Fierce fighting has broken out in Korbessa between the Valley Guard and the Black "
                              "Flag Movement.\n\nBattles between the Valley Guard and the Black Flag Movement in "
                              "Korbessa have sent thousands of people fleeing to Dara Khel.")
    assert len(found) == 2 and "fleeing" in found[1].quote, [e.quote for e in found]


def test_a_count_of_the_dead_told_next_is_that_happenings_toll(workspace) -> None:
    found = events(workspace, "A second car bomb of the Black Flag Movement hit a Valley Guard convoy near the "
                              "Korbessa dam on Tuesday.\n\nAt least nine people were wounded, among them the district "
                              "governor, Omar Tellu.")
    assert len(found) == 1, [e.quote for e in found]
    assert "nine people were wounded" in found[0].quote
    # a count with someone doing the killing, or a happening of its own before the count, stays its own
    found = events(workspace, "A car bomb of the Black Flag Movement hit a Valley Guard convoy near the Korbessa "
                              "dam on Tuesday.\n\nThe Valley Guard said its soldiers killed 14 fighters of the "
                              "movement.")
    assert len(found) == 2, [e.quote for e in found]


def test_the_next_sentence_telling_the_same_kind_of_happening_tells_it_in_more_detail(workspace) -> None:
    found = events(workspace, "Gunmen of the Black Flag Movement attacked an army barracks in Chad on Tuesday, "
                              "killing 12 soldiers, officials said.\n\nThe officials said about 40 gunmen stormed "
                              "the post in the town of Bol.")
    assert len(found) == 1 and "stormed the post" in found[0].quote, [e.quote for e in found]
    # a sentence in between, or a sentence that says it is another one: another happening
    found = events(workspace, "Gunmen of the Black Flag Movement attacked an army barracks in Chad on Tuesday, "
                              "killing 12 soldiers, officials said.\n\nThe Valley Council runs the markets of the "
                              "capital.\n\nThe officials said about 40 gunmen stormed the post in the "
                              "town of Bol.")
    assert len(found) == 2, [e.quote for e in found]


def test_a_happening_of_one_kind_told_again_with_the_same_day_is_one_event(workspace) -> None:
    found = events(workspace, "An air strike on a village in the Korbessa valley killed 11 people on Tuesday.\n\n"
                              "The Valley Council runs the markets of the capital.\n\nA Valley Guard "
                              "spokesman confirmed to reporters that its planes carried out one air strike in the "
                              "area on Tuesday.")
    assert len(found) == 1 and "carried out one air strike" in found[0].quote, [e.quote for e in found]


def test_later_that_day_is_another_happening(workspace) -> None:
    found = events(workspace, "Gunmen of the Black Flag Movement attacked a police post in Chad on Tuesday.\n\n"
                              "Later on Tuesday, gunmen of the Black Flag Movement attacked a market.")
    assert len(found) == 2, [e.quote for e in found]


def test_entering_a_town_told_after_its_capture_is_the_capture_told_again(workspace) -> None:
    found = events(workspace, "Valley Guard troops captured the town of Bol in Chad on Tuesday, officials said.\n\n"
                              "Officials said Valley Guard soldiers entered Bol before dawn.")
    assert len(found) == 1 and "entered Bol" in found[0].quote, [e.quote for e in found]


def test_a_count_of_fighters_killed_or_of_others_wounded_is_still_a_toll(workspace) -> None:
    # "fighters" names who died, and "16 others wounded" is a passive told without its auxiliary
    for toll in ("More than 40 fighters have been killed on both sides, said Omar Tellu.",
                 "Omar Tellu said 20 Valley Guard soldiers were killed and 16 others wounded."):
        found = events(workspace, "A car bomb of the Black Flag Movement hit a Valley Guard convoy near the "
                                  "Korbessa dam on Tuesday.\n\n" + toll)
        assert len(found) == 1, [e.quote for e in found]


def test_both_attacks_told_with_a_day_date_the_two_told_before(workspace) -> None:
    found = events(workspace, "Eastland officials say a soldier was killed when his patrol was ambushed near Kafr Saba. "
                              "Hours later, gunmen fired a rocket at a convoy near Tal Hamra, killing a driver. "
                              "Both attacks took place late Tuesday.")
    ambush = next(e for e in found if "ambushed" in e.quote)
    rocket = next(e for e in found if "fired a rocket" in e.quote)
    assert rocket.when is not None and rocket.when.edtf == "2015-03-03", rocket.when_rule
    assert ambush.when is not None and ambush.when.edtf == "2015-03-03", ambush.when_rule
    assert "told together with the next one" in ambush.when_rule


def test_what_a_happening_came_days_after_is_proposed_with_its_own_words(workspace) -> None:
    # "The ambush came two days after <another happening>": the day counted back is that other's, and its
    # proposal quotes it whole, not "The ambush came two"
    found = events(workspace, "Rebels ambushed an army convoy near Korbessa on Tuesday. The ambush came two days "
                              "after soldiers burned three villages in the valley.")
    by_day = {}
    for e in found:
        by_day.setdefault(e.when.edtf if e.when else None, []).append(e.quote)
    assert by_day.get("2015-03-01") and all(q.startswith("two days after soldiers burned") for q in by_day["2015-03-01"]), \
        by_day
    assert not [q for q in sum(by_day.values(), []) if q.rstrip(" .").endswith("came two")], by_day


def test_other_victims_counted_after_a_happening_add_to_its_toll(workspace) -> None:
    # "other" and "also" add victims to the toll; they do not make the count another happening
    for toll in ("Omar Tellu, a doctor in Korbessa, said at least 30 other people were wounded.",
                 "At least 30 people were also wounded, Omar Tellu said."):
        found = events(workspace, "A car bomb of the Black Flag Movement hit a Valley Guard convoy near the "
                                  "Korbessa dam on Tuesday, killing 12 soldiers.\n\n" + toll)
        assert len(found) == 1, [e.quote for e in found]
    # "another" still does
    found = events(workspace, "A car bomb of the Black Flag Movement hit a Valley Guard convoy near the Korbessa dam "
                              "on Tuesday, killing 12 soldiers.\n\nIn another blast near the dam on Tuesday, 30 people were "
                              "wounded.")
    assert len(found) == 2, [e.quote for e in found]
