"""Date expressions resolved against the publication date, each with its rule."""

from __future__ import annotations

from datetime import date

import pytest

from briefer.intake.dates import find_dates, parse_date_text

PUB = date(2019, 2, 9)  # a Saturday


def one(text: str, published: date | None = PUB, future: bool = False):
    found = find_dates(text, published, future_context=lambda _offset: future)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, edtf", [
    ("this week", "2019-02-03/2019-02-09"),
    ("within a week", "2019-02-09/2019-02-16"),
    ("within two weeks", "2019-02-09/2019-02-23"),
    ("by April", "../2019-04"),
    ("by January", "../2020-01"),
    ("in 2013", "2013"),
    ("from 2014", "2014/.."),
    ("since 2014", "2014/.."),
    ("over the past two years", "2017-02-09/2019-02-09"),
    ("last month", "2019-01"),
    ("last week", "2019-01-28/2019-02-03"),
    ("yesterday", "2019-02-08"),
    ("on Saturday", "2019-02-09"),
    ("on Thursday", "2019-02-07"),
    ("three years ago", "2016~"),
    ("a year ago", "2018-02~"),  # one year back: about the month, not the whole year
    ("earlier this week", "2019-02-04/2019-02-10"),  # the whole Monday-Sunday week (guideline, held-out 6)
    ("in March", "2018-03"),
    ("between 2011 and 2013", "2011/2013"),
    ("9 February 2019", "2019-02-09"),
    ("February 9, 2019", "2019-02-09"),
    ("3 March", "2018-03-03"),
    ("in February 2019", "2019-02"),
    ("by April 2019", "../2019-04"),
    ("earlier this month", "2019-02"),  # the month, as "earlier this year" is the year
    ("since June last year", "2018-06/.."),
    ("in March last year", "2018-03"),
    ("by April next year", "../2020-04"),
])
def test_expressions(text: str, edtf: str) -> None:
    mention = one(f"It happened {text} there.")
    assert mention.text == text
    assert mention.when.edtf == edtf
    assert mention.rule


def test_within_is_forward_and_says_so() -> None:
    mention = one("He expects them to be defeated within a week.")
    assert mention.forward
    assert "forward" in mention.rule


def test_a_weekday_in_a_sentence_about_the_future_is_the_next_one() -> None:
    assert one("Troops will pull out on Tuesday.", future=True).when.edtf == "2019-02-12"
    assert one("Troops pulled out on Tuesday.").when.edtf == "2019-02-05"


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("It happened this week, in 2013.", None)[0].text == "in 2013"


def test_overlapping_expressions_take_the_longest() -> None:
    found = find_dates("on 9 February 2019 and by April 2019", PUB)
    assert [d.text for d in found] == ["9 February 2019", "by April 2019"]


@pytest.mark.parametrize("text, day", [
    ("09 February, 2019", date(2019, 2, 9)),
    ("5/2/2017", date(2017, 5, 2)),
    ("02.10.2017", date(2017, 10, 2)),
    ("2019-02-09T10:00:00+00:00", date(2019, 2, 9)),
    ("Sat, 9 Feb 2019 10:00:00 +0000", date(2019, 2, 9)),
    ("2 min read", None),
    ("Civilians are leaving", None),
])
def test_publication_date_lines(text: str, day: date | None) -> None:
    assert parse_date_text(text) == day


@pytest.mark.parametrize("text, edtf", [
    ("last January", "2019-01"),
    ("last March", "2018-03"),
    ("next March", "2019-03"),
    ("next January", "2020-01"),
    ("this December", "2019-12"),
    ("in mid-January", "2019-01"),
    ("during October", "2018-10"),
    ("over the weekend", "2019-02-09/2019-02-10"),
    ("last weekend", "2019-02-02/2019-02-03"),
    ("the day before yesterday", "2019-02-07"),
    ("two hours ago", "2019-02-09"),
    ("January of 2014", "2014-01"),
    ("the end of November", "2018-11"),
    ("overnight Thursday", "2019-02-06/2019-02-07"),
    ("overnight into Saturday", "2019-02-08/2019-02-09"),
    ("the first week of January", "2019-01"),
])
def test_months_placed_by_a_word_weekends_and_hours(text: str, edtf: str) -> None:
    mention = one(f"It happened {text} there.")
    assert mention.text == text
    assert mention.when.edtf == edtf
    assert mention.rule


def test_overnight_on_a_day_opening_a_sentence_is_that_night() -> None:
    found = {d.text: d.when.edtf for d in find_dates("Overnight on Thursday, the port was shelled.", PUB)}
    assert found == {"Overnight on Thursday": "2019-02-06/2019-02-07"}  # not the night before publication


def test_a_month_joined_to_another_takes_its_year() -> None:
    found = {d.text: d.when.edtf for d in find_dates("Fighting went on in November and December, and again in "
                                                      "December or January.", PUB, future_context=lambda _o: False)}
    assert found == {"in November": "2018-11", "December": "2018-12", "in December": "2018-12", "January": "2019-01"}


def test_a_name_that_is_also_a_month_is_no_date() -> None:
    assert find_dates("Ministers met May and Lord Smith on trade.", PUB) == []


@pytest.mark.parametrize("second, edtf", [
    ("Two more died the following morning.", "2019-02-05"),
    ("The town had been shelled the night before.", "2019-02-03"),
    ("A second blast hit the market later that day.", "2019-02-04"),
    ("Police closed the road earlier in the day.", "2019-02-04"),
    ("Crowds gathered on that same day.", "2019-02-04"),
])
def test_days_counted_from_the_day_told_before(second: str, edtf: str) -> None:
    from briefer.intake.dates import anchor_dates

    text = "The bomb went off on Monday. " + second
    found = anchor_dates(text, find_dates(text, PUB), [0, text.index(second)], PUB)
    assert [d.when.edtf for d in found] == ["2019-02-04", edtf], [(d.text, d.rule) for d in found]


@pytest.mark.parametrize("text, edtf", [
    ("on March 3-5", "2018-03-03/2018-03-05"),
    ("on 3-5 March 2014", "2014-03-03/2014-03-05"),
    ("on January 28-30", "2019-01-28/2019-01-30"),
    ("on Christmas Day", "2018-12-25"),
    ("on New Year's Eve", "2018-12-31"),
    ("on Easter Sunday", "2018-04-01"),  # Easter falls on 21 April in 2019, after publication
    ("on Good Friday", "2018-03-30"),
    ("on Easter Monday", "2018-04-02"),
])
def test_spans_of_days_and_feasts(text: str, edtf: str) -> None:
    mention = one(f"It happened {text} there.")
    assert mention.when.edtf == edtf and mention.text in text


def test_a_feast_in_a_sentence_about_what_is_to_come_is_the_next_one() -> None:
    assert one("Talks will resume after Christmas.", future=True).when.edtf == "2019-12-25"


def test_before_with_an_object_is_not_counted_from_the_day_told() -> None:
    from briefer.intake.dates import anchor_dates

    text = "The bomb went off on Monday. Fears grew two weeks before elections. Police came two days later."
    found = anchor_dates(text, find_dates(text, PUB), [0, 29, 63], PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("on Monday", "2019-02-04"), ("two days later", "2019-02-06")]


@pytest.mark.parametrize("text, future, edtf", [
    ("last summer", False, "2018-22"),  # EDTF seasons: 21 spring, 22 summer, 23 autumn, 24 winter
    ("in the spring of 1995", False, "1995-21"),
    ("this past winter", False, "2018-24"),  # the winter from December 2018 is still under way on 9 Feb
    ("next autumn", True, "2019-23"),
    ("in the 1990s", False, "1990/1999"),
    ("in the early 1980's", False, "1980/1983"),
    ("since the 1990s", False, "1990/1999"),  # a span keeps its own value ("since late 2014")
    ("by the end of the year", True, "2019"),
    ("at the end of last month", False, "2019-01"),
    ("on the 5th", False, "2019-02-05"),
    ("on the 20th", False, "2019-01-20"),  # still to come in February: the month before
    ("in two weeks", True, "2019-02-23"),
    ("three months from now", False, "2019-05"),
    ("during the past two-weeks", False, "2019-01-26/2019-02-09"),  # wire scripts hyphenate number and unit
    ("a dozen years ago", False, "2007~"),
    ("since Monday", False, "2019-02-04/.."),
    ("this week", True, "2019-02-09/2019-02-10"),  # what is left of it
])
def test_seasons_decades_ends_and_forward_counts(text: str, future: bool, edtf: str) -> None:
    mention = one(f"It happened {text}, they said.", future=future)
    assert mention.text in text and mention.when.edtf == edtf, mention
    assert mention.rule


@pytest.mark.parametrize("text", [
    "They fought in two weeks of clashes.",  # a duration, not a day ahead
    "It happened on the 3rd Brigade's front.",
    "The convoy drove some 1500 kilometers.",
    "Rebels took the 15th century fort.",
    "Fighting followed the fall of the town.",  # a fall that is no autumn
    "Rebels took the town within three hours of entering it.",  # counted from the entering, not from publication
])
def test_counts_and_durations_are_no_dates(text: str) -> None:
    assert find_dates(text, PUB, future_context=lambda _o: "will" in text) == []


@pytest.mark.parametrize("second, edtf", [
    ("Two years later the rebels took the town.", "1996"),
    ("A year later, the truce collapsed.", "1995"),
    ("The following year was calm.", "1995"),
    ("Three months later it was retaken.", "1994-09"),
    ("Later that year the truce collapsed.", "1994"),
    ("The month before, talks had failed.", "1994-05"),
])
def test_years_and_months_counted_from_the_date_told_before(second: str, edtf: str) -> None:
    from briefer.intake.dates import anchor_dates

    text = "The war began in June 1994. " + second
    found = anchor_dates(text, find_dates(text, PUB), [0, text.index(second)], PUB)
    assert [d.when.edtf for d in found] == ["1994-06", edtf], [(d.text, d.rule) for d in found]


def test_last_week_is_the_monday_to_sunday_week_before_the_week_of_publication() -> None:
    # a report of Sunday 10 February belongs to the week of 4-10 February: last week ended on the 3rd
    assert one("Clashes erupted last week.", published=date(2019, 2, 10)).when.edtf == "2019-01-28/2019-02-03"
    assert one("Clashes erupted last week.").when.edtf == "2019-01-28/2019-02-03"  # a Saturday: the same week
    assert one("Clashes erupted last week.", published=date(2019, 2, 11)).when.edtf == "2019-02-04/2019-02-10"


@pytest.mark.parametrize("published, edtf", [
    (date(2019, 2, 9), "2019-02-04/2019-02-10"),  # a Saturday: the week now ending
    (date(2019, 2, 11), "2019-02-04/2019-02-10"),  # a Monday: the week that ended yesterday
])
@pytest.mark.parametrize("words", ["this past week", "This last week"])
def test_this_past_week_is_the_calendar_week_that_holds_the_day_before(words: str, published: date, edtf: str) -> None:
    mention = one(f"{words} the militia lost two villages.", published=published)
    assert (mention.text, mention.when.edtf) == (words, edtf)


@pytest.mark.parametrize("text, span", [
    ("On Friday the convoy was ambushed.", "On Friday"),
    ("Late Friday the convoy was ambushed.", "Late Friday"),
    ("The convoy was ambushed early Friday morning.", "early Friday morning"),
    ("Last Friday the convoy was ambushed.", "Last Friday"),
])
def test_a_weekday_keeps_the_words_that_place_it_in_its_span(text: str, span: str) -> None:
    # "late Friday" and "on Friday" in one report are two mentions of the same day; the span holds the word
    mention = one(text)
    assert (mention.text, mention.when.edtf) == (span, "2019-02-08")


@pytest.mark.parametrize("published, edtf", [
    (date(2019, 2, 9), "2019-02-04/2019-02-10"),  # a Saturday: the calendar week it ends
    (date(2019, 2, 11), "2019-02-04/2019-02-10"),  # a Monday: the week before it
])
def test_earlier_in_the_week_is_the_calendar_week_of_the_days_before_publication(published: date, edtf: str) -> None:
    found = find_dates("The rebels shelled the border towns earlier in the week.", published,
                       future_context=lambda _o: False)
    assert [(d.text, d.when.edtf) for d in found] == [("earlier in the week", edtf)]


@pytest.mark.parametrize("text, told", [
    # what is told after the comma happened that far before the day just named
    ("The rebels entered the town on Thursday, a day after they seized the airport.", ("a day after", "2019-02-06")),
    ("The envoy spoke on Thursday, a year to the day after the launch of the offensive.",
     ("a year to the day after", "2018-02-07")),
    ("The army left the valley on Thursday, two weeks before the vote.", ("two weeks before", "2019-02-21")),
])
def test_a_span_after_a_day_dates_what_it_introduces(text: str, told: tuple[str, str]) -> None:
    from briefer.intake.dates import anchor_dates

    found = anchor_dates(text, find_dates(text, PUB), [0], PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("on Thursday", "2019-02-07"), told]


@pytest.mark.parametrize("text, starts, told", [
    # the happening named after "a day after" is a day before the day told earlier in the sentence ...
    ("Police said on Thursday that a grenade killed two guards, a day after a bomb hit the depot.", [0],
     ("a day after", "2019-02-06")),
    # ... or in the sentence before, when the telling says it came that long after another happening
    ("The militia shelled the camp on Thursday. The shelling came two days after talks broke down.", [0, 42],
     ("two days after", "2019-02-05")),
    ("The militia shelled the camp on Thursday. This happened a week after the truce ended.", [0, 42],
     ("a week after", "2019-01-31")),
])
def test_a_happening_told_as_coming_days_after_another_dates_that_other(text: str, starts: list[int],
                                                                         told: tuple[str, str]) -> None:
    from briefer.intake.dates import anchor_dates

    found = anchor_dates(text, find_dates(text, PUB), starts, PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("on Thursday", "2019-02-07"), told], \
        [(d.text, d.rule) for d in found]
    assert "counted from 'on Thursday'" in found[-1].rule


def test_no_day_told_before_leaves_days_after_uncounted() -> None:
    from briefer.intake.dates import anchor_dates

    text = "Two days after the truce ended, the militia shelled the camp."
    assert anchor_dates(text, find_dates(text, PUB), [0], PUB) == []


def test_later_that_day_after_a_night_is_the_day_the_night_ends() -> None:
    from briefer.intake.dates import anchor_dates

    text = "Overnight on Thursday, six people were killed. At the funerals later that day, two more died."
    found = anchor_dates(text, find_dates(text, PUB), [0, text.index("At the")], PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("Overnight on Thursday", "2019-02-06/2019-02-07"),
                                                      ("later that day", "2019-02-07")], [d.rule for d in found]


def test_earlier_in_the_week_counts_from_the_day_told_in_its_sentence() -> None:
    from briefer.intake.dates import anchor_dates

    text = "It emerged on Thursday that the envoy had met the rebels earlier in the week."
    found = anchor_dates(text, find_dates(text, PUB), [0], PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("on Thursday", "2019-02-07"),
                                                      ("earlier in the week", "2019-02-04/2019-02-07")]


@pytest.mark.parametrize("second, edtf", [
    ("That year the rebels took the town.", "1994"),
    ("Two hours later a second blast hit the town.", "1994-06-12"),
    ("That night troops arrived.", "1994-06-12"),
])
def test_that_year_that_night_and_hours_later_are_of_the_date_told_before(second: str, edtf: str) -> None:
    from briefer.intake.dates import anchor_dates

    first = "The war began on 12 June 1994. " if "year" not in second else "The war began in 1994. "
    text = first + second
    found = anchor_dates(text, find_dates(text, PUB), [0, len(first)], PUB)
    assert found[-1].when.edtf == edtf, [(d.text, d.rule) for d in found]


@pytest.mark.parametrize("text, edtf", [
    ("in the 1998-99 season", "1998/1999"),
    ("In August, 1999", "1999-08"),
])
def test_short_year_spans_and_a_comma_before_the_year(text: str, edtf: str) -> None:
    assert one(f"{text} rebels attacked.").when.edtf == edtf


def test_a_span_with_no_count_dates_its_clause_but_is_not_offered(workspace) -> None:
    from briefer.intake.assistant import analyse_text

    a = analyse_text(workspace, "Headline: Test\nOutlet: Desk Wire\n\nThe Eastland Army shelled Kafr Saba on Monday. "
                     "Aid workers expect more fighting in the coming weeks.", published=PUB)
    assert [d.text for d in a.dates] == ["on Monday"]


def test_a_newspaper_or_a_day_named_after_an_event_is_no_weekday() -> None:
    assert find_dates("He told the Sunday Times that Bloody Sunday changed the town.", PUB) == []
    assert [d.text for d in find_dates("It was on Sunday President Adams said so.", PUB)] == ["on Sunday"]


@pytest.mark.parametrize("text, future, edtf", [
    ("from March 3 to 5", False, "2018-03-03/2018-03-05"),
    ("in a week's time", True, "2019-02-16"),
])
def test_day_spans_with_to_and_a_week_s_time(text: str, future: bool, edtf: str) -> None:
    assert one(f"It happens {text}.", future=future).when.edtf == edtf


def test_a_month_named_on_its_own_is_the_last_one_before_publication() -> None:
    assert [(d.text, d.when.edtf) for d in find_dates("October was the deadliest month; the July offensive failed.", PUB)] \
        == [("October", "2018-10"), ("July", "2018-07")]
    assert find_dates("Black September and the May talks were named after it.", PUB) == []


def test_late_in_a_year_and_the_last_days_of_a_month() -> None:
    assert one("It began in late 2016 there.").when.edtf == "2016-09/2016-12"
    found = find_dates("Raids rose in the last 12 days of September.", PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("September", "2018-09")]


def test_a_group_named_after_a_day_is_no_date() -> None:
    assert find_dates("Talks with the March 23 Movement and the 14 March alliance resumed.", PUB) == []


@pytest.mark.parametrize("text, found", [
    ("Dozens have been killed since February 1 when troops seized the town.", [("February 1", "2019-02-01/..")]),
    ("Dozens have been killed since January 28, when troops seized the town.", [("January 28", "2019-01-28/..")]),
    ("Dozens have been killed since January.", [("since January", "2019-01/..")]),
])
def test_since_a_month_and_its_day_is_from_that_day(text: str, found: list) -> None:
    assert [(d.text, d.when.edtf) for d in find_dates(text, PUB)] == found


@pytest.mark.parametrize("text, edtf", [
    ("The siege began late last year.", "2018"),  # the year itself: "late" is not narrowed further
    ("Prices rose early this month.", "2019-02"),
    ("The camp has been cut off since late last year.", "2018/.."),
    ("Talks resume early next year.", "2020"),
    ("Clashes have killed 40 people since the start of the year.", "2019-01/.."),  # from January on
    ("He had promised a vote by the end of 2020.", "2020"),  # the whole span, not "of 2020" alone
    ("The road was mined in the first half of July.", "2018-07-01/2018-07-15"),
    ("The road was mined in the second half of January.", "2019-01-16/2019-01-31"),
    ("The dam was finished over a year ago.", "2018"),  # more than a year: the year, not a month
    ("The dam was finished a year ago.", "2018-02"),
])
def test_parts_of_periods_are_placed_as_a_reader_places_them(text: str, edtf: str) -> None:
    assert one(text).when.edtf.rstrip("~") == edtf


def test_a_span_back_opening_a_sentence_after_a_measuring_word_is_counted() -> None:
    # "Just 18 months earlier they ...": the span opens the sentence; "just" only measures it
    found = find_dates("Just 18 months earlier they had signed a pact.", PUB)
    assert [(d.text, d.when.edtf) for d in found] == [("18 months earlier", "2017-08")]


@pytest.mark.parametrize("text", [
    "Security worries are mounting ahead of the country's presidential election in August.",
    "Troops were sent north ahead of the vote on Sunday.",
])
def test_a_date_in_what_is_awaited_is_ahead(text: str) -> None:
    from briefer.intake.dates import future_reader
    from briefer.intake.text import split_sentences

    found = find_dates(text, PUB, future_context=future_reader(text, split_sentences(text), {}))
    assert len(found) == 1 and found[0].forward, found
    assert found[0].when.edtf in ("2019-08", "2019-02-10")


@pytest.mark.parametrize("text, expected", [
    # no day told before: the clause is of the report's day, and the happening named is that far from it
    ("The violence goes on, four months after the king took power.", ("four months after", "2018-10")),
    ("The shelling raised fears of war just two weeks before elections.", ("two weeks before", "2019-02-23")),
])
def test_a_span_after_a_happening_with_no_day_told_counts_from_publication(text: str, expected) -> None:
    from briefer.intake.dates import anchor_dates

    found = anchor_dates(text, find_dates(text, PUB), [0], PUB)
    assert [(d.text, d.when.edtf) for d in found] == [expected], [d.rule for d in found]


def test_a_span_after_a_happening_in_the_header_is_not_counted() -> None:
    from briefer.intake.dates import anchor_dates

    text = "Note: told by the page, two days after the raid.\nThe army left, two days after the raid."
    body = text.index("The army")
    found = anchor_dates(text, find_dates(text, PUB), [0, body], PUB, lambda offset: offset >= body)
    assert [d.start for d in found] == [text.index("two days after", body)]
    assert len(anchor_dates(text, find_dates(text, PUB), [0, body], PUB)) == 2  # (the header's, unfiltered)


def test_how_long_something_lasted_is_not_offered_as_a_date(workspace) -> None:
    from briefer.intake.assistant import analyse_text

    # "for the past three years" is a duration (not coded); "over the past two days" places the clashes
    a = analyse_text(workspace, "Headline: Test\nOutlet: Desk Wire\n\nThe Eastland Army has held Kafr Saba for the past "
                     "three years. Clashes over the past two days killed nine people.", published=PUB)
    assert [d.text for d in a.dates] == ["over the past two days"]


@pytest.mark.parametrize("sentence, expected", [
    # a clause not in the past: the calendar week (Monday to Sunday) of publication
    ("The holiday ends this week.", ("this week", "2019-02-04/2019-02-10")),
    ("The fighting has marred the talks this week.", ("this week", "2019-02-04/2019-02-10")),
    ("The talks could begin this week.", ("this week", "2019-02-04/2019-02-10")),
    # a happening over by publication: the days up to it
    ("Clashes erupted in the town this week.", ("this week", "2019-02-03/2019-02-09")),
    # "in two weeks" in the present is ahead; in the past it is how long something took
    ("The fasting month begins in two weeks.", ("in two weeks", "2019-02-23")),
])
def test_the_tense_of_the_clause_places_this_week_and_in_two_weeks(workspace, sentence: str, expected) -> None:
    from briefer.intake.assistant import analyse_text

    a = analyse_text(workspace, f"Headline: Test\nOutlet: Desk Wire\n\n{sentence}", published=PUB)
    assert [(d.text, d.when.edtf) for d in a.dates] == [expected], [d.rule for d in a.dates]


def test_in_two_weeks_in_a_past_clause_is_a_duration(workspace) -> None:
    from briefer.intake.assistant import analyse_text

    a = analyse_text(workspace, "Headline: Test\nOutlet: Desk Wire\n\nRebels captured the whole valley in two weeks.",
                     published=PUB)
    assert a.dates == []


@pytest.mark.parametrize("text, edtf", [
    ("Clashes over the past two days killed nine.", "2019-02-08/2019-02-09"),  # yesterday and today
    ("Clashes in the last nine days killed nine.", "2019-02-01/2019-02-09"),
    ("Clashes in the past 24 hours killed nine.", "2019-02-08/2019-02-09"),
    ("Clashes in the past two weeks killed nine.", "2019-01-26/2019-02-09"),  # weeks: counted back whole
])
def test_the_past_days_count_the_day_of_publication(text: str, edtf: str) -> None:
    assert one(text).when.edtf == edtf


def test_the_last_month_s_is_the_calendar_month_before() -> None:
    # a possessive names the period as a thing ("the last month's election"): the calendar month, not 30 days back
    mention = one("Both men ran in the last month's election.")
    assert (mention.text, mention.when.edtf) == ("last month", "2019-01")


@pytest.mark.parametrize("text, expected", [
    ('"We shelled their posts this morning," the commander said on Tuesday.', ("this morning", "2019-02-05")),
    ("The commander said Tuesday: \u201cYesterday we lost two men.\u201d", ("Yesterday", "2019-02-04")),
    ("Fighting resumed today, the commander said on Tuesday.", ("today", "2019-02-09")),  # not quoted: publication
])
def test_a_day_word_in_a_quotation_counts_from_the_day_of_the_remarks(text: str, expected) -> None:
    from briefer.intake.dates import anchor_dates

    found = anchor_dates(text, find_dates(text, PUB, future_context=lambda _o: False), [0], PUB)
    assert expected in [(d.text, d.when.edtf) for d in found], [(d.text, d.rule) for d in found]


@pytest.mark.parametrize("text", ["The night of Friday to Saturday was quiet.", "Overnight Friday to Saturday the town was shelled."])
def test_a_night_from_one_day_to_the_next_is_the_two_days(text: str) -> None:
    mention = one(text)
    assert mention.when.edtf == "2019-02-08/2019-02-09" and mention.text.endswith("Friday to Saturday")


@pytest.mark.parametrize("text, edtf", [
    ("The camp was built three or four months ago.", "2018-10/2018-11"),  # the months a reader can place
    ("The camp was built two or three years ago.", "2016/2017"),
])
def test_two_counts_back_give_the_span_between_them(text: str, edtf: str) -> None:
    assert one(text).when.edtf == edtf
