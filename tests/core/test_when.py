"""Fuzzy dates: what analysts type, what they read back, and how the bounds behave."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from edtf import parse_edtf
from hypothesis import assume, given
from hypothesis import strategies as st

from briefer.core.when import MAX_DATETIME, MIN_DATETIME, Point, Precision, When, WhenError


@pytest.mark.parametrize(
    "text, label, earliest, latest",
    [
        ("2019-02-09", "9 Feb 2019", datetime(2019, 2, 9), datetime(2019, 2, 9, 23, 59, 59)),
        ("2019-02", "Feb 2019", datetime(2019, 2, 1), datetime(2019, 2, 28, 23, 59, 59)),
        ("2020-02", "Feb 2020", datetime(2020, 2, 1), datetime(2020, 2, 29, 23, 59, 59)),
        ("2013", "2013", datetime(2013, 1, 1), datetime(2013, 12, 31, 23, 59, 59)),
        ("2013~", "c. 2013", datetime(2013, 1, 1), datetime(2013, 12, 31, 23, 59, 59)),
        ("2013?", "2013?", datetime(2013, 1, 1), datetime(2013, 12, 31, 23, 59, 59)),
        ("2013%", "c. 2013?", datetime(2013, 1, 1), datetime(2013, 12, 31, 23, 59, 59)),
        ("2019-02-04/2019-02-09", "4–9 Feb 2019", datetime(2019, 2, 4), datetime(2019, 2, 9, 23, 59, 59)),
        ("2019-02-04/2019-03-09", "4 Feb – 9 Mar 2019", datetime(2019, 2, 4), datetime(2019, 3, 9, 23, 59, 59)),
        ("2019-01/2019-02", "Jan–Feb 2019", datetime(2019, 1, 1), datetime(2019, 2, 28, 23, 59, 59)),
        ("2013/2015", "2013–2015", datetime(2013, 1, 1), datetime(2015, 12, 31, 23, 59, 59)),
        ("../2019-04", "on or before Apr 2019", MIN_DATETIME, datetime(2019, 4, 30, 23, 59, 59)),
        ("../2021-03-10", "on or before 10 Mar 2021", MIN_DATETIME, datetime(2021, 3, 10, 23, 59, 59)),
        ("2021-03-10/..", "on or after 10 Mar 2021", datetime(2021, 3, 10), MAX_DATETIME),
        ("2014/..", "on or after 2014", datetime(2014, 1, 1), MAX_DATETIME),
        ("201X", "2010s", datetime(2010, 1, 1), datetime(2019, 12, 31, 23, 59, 59)),
        ("2019-XX", "2019, month unknown", datetime(2019, 1, 1), datetime(2019, 12, 31, 23, 59, 59)),
        ("2019-02-09T14:30:00Z", "9 Feb 2019 14:30 UTC", datetime(2019, 2, 9, 14, 30),
         datetime(2019, 2, 9, 14, 30, 59)),
    ],
)
def test_edtf_gives_label_and_bounds(text: str, label: str, earliest: datetime, latest: datetime) -> None:
    when = When.parse(text)
    assert when.edtf == text
    assert when.label == label
    assert when.earliest == earliest
    assert when.latest == latest


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("2019-02-30", "no day 30"),
        ("2019-13", "month 13"),
        ("19-2-9", "four digits"),
        ("", "no date"),
        ("   ", "no date"),
        ("soon", "not a date"),
        ("2019/2018", "ends before it starts"),
        ("../..", "at least one known end"),
        ("2019-02-09T25:00:00Z", "not a time of day"),
        ("2019-02-09T14:30:15Z", "to the minute"),
        ("2019-XX-09", "needs a known month"),
        ("2019-02-09/2019-02-10/2019-02-11", "one '/'"),
        ("201X/2019", "unspecified digits"),
        ("2019-02-09T10:00:00Z/2019-02-10", "time of day cannot be used in an interval"),
    ],
)
def test_invalid_dates_raise_one_error_type_that_says_why(text: str, fragment: str) -> None:
    with pytest.raises(WhenError) as caught:
        When.parse(text)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "typed, edtf",
    [
        ("9 Feb 2019", "2019-02-09"),
        ("February 9, 2019", "2019-02-09"),
        ("Feb 2019", "2019-02"),
        ("c. 2013", "2013~"),
        ("circa 2013", "2013~"),
        ("2013?", "2013?"),
        ("4–9 Feb 2019", "2019-02-04/2019-02-09"),
        ("4-9 Feb 2019", "2019-02-04/2019-02-09"),
        ("4 Feb – 9 Mar 2019", "2019-02-04/2019-03-09"),
        ("Feb–Apr 2019", "2019-02/2019-04"),
        ("by April 2019", "../2019-04"),
        ("until 10 Mar 2021", "../2021-03-10"),
        ("up to 2019", "../2019"),
        ("since 2014", "2014/.."),
        ("on or before 10 Mar 2021", "../2021-03-10"),
        ("on or after 2014", "2014/.."),
        ("from 2014", "2014/.."),
        ("starting Feb 2019", "2019-02/.."),
        ("2010s", "201X"),
        ("9 Feb 2019 14:30", "2019-02-09T14:30:00Z"),
        ("2019-02-09 14:30", "2019-02-09T14:30:00Z"),
    ],
)
def test_friendly_forms(typed: str, edtf: str) -> None:
    assert When.parse_friendly(typed).edtf == edtf


@pytest.mark.parametrize("typed, edtf, label", [
    # "before" and "after" leave the date named out: one day, month or year away, at its precision
    ("before 10 Mar 2021", "../2021-03-09", "on or before 9 Mar 2021"),
    ("before Apr 2019", "../2019-03", "on or before Mar 2019"),
    ("before 2019", "../2018", "on or before 2018"),
    ("after 2014", "2015/..", "on or after 2015"),
    ("after 9 Feb 2019", "2019-02-10/..", "on or after 10 Feb 2019"),
    ("After April 2019", "2019-05/..", "on or after May 2019"),
    ("before 2019-04", "../2019-03", "on or before Mar 2019"),
    # across a month's or a year's turn, and leap years
    ("before 1 Mar 2020", "../2020-02-29", "on or before 29 Feb 2020"),
    ("before 1 Mar 2021", "../2021-02-28", "on or before 28 Feb 2021"),
    ("before 1 Jan 2019", "../2018-12-31", "on or before 31 Dec 2018"),
    ("before Jan 2019", "../2018-12", "on or before Dec 2018"),
    ("after 28 Feb 2020", "2020-02-29/..", "on or after 29 Feb 2020"),
    ("after 31 Dec 2019", "2020-01-01/..", "on or after 1 Jan 2020"),
    ("after Dec 2019", "2020-01/..", "on or after Jan 2020"),
    # a qualified date has no clean unit beside it: the inclusive reading, and the label says so
    ("before c. 2013", "../2013~", "on or before c. 2013"),
    ("after Feb 2019?", "2019-02?/..", "on or after Feb 2019?"),
])
def test_before_and_after_are_strict(typed: str, edtf: str, label: str) -> None:
    when = When.parse_friendly(typed)
    assert (when.edtf, when.label) == (edtf, label)
    assert When.parse_friendly(when.label) == when  # the label reads back as the same dates


@pytest.mark.parametrize("typed, fragment", [
    ("before 1 Jan 0001", "nothing before 1 Jan 0001"),
    ("before 0001", "nothing before 0001"),
    ("after Dec 9999", "nothing after Dec 9999"),
    ("after 31 Dec 9999", "nothing after 31 Dec 9999"),
    ("before 2010s", "an open end is a day, a month or a year"),
    ("since 2010s", "an open end is a day, a month or a year"),
    ("after 9 Feb 2019 14:30", "an open end is a day, a month or a year"),
])
def test_open_ends_briefer_cannot_hold_say_why(typed: str, fragment: str) -> None:
    with pytest.raises(WhenError, match=fragment):
        When.parse_friendly(typed)


@pytest.mark.parametrize("typed, edtf, label", [
    # a time told at a UTC offset is the same instant in UTC, which Briefer keeps and shows
    ("2019-02-09 14:00+03:00", "2019-02-09T11:00:00Z", "9 Feb 2019 11:00 UTC"),
    ("2019-02-09T14:00+03", "2019-02-09T11:00:00Z", "9 Feb 2019 11:00 UTC"),
    ("2019-02-09T14:00:00+0300", "2019-02-09T11:00:00Z", "9 Feb 2019 11:00 UTC"),
    ("2019-02-09 14:00 +03:00", "2019-02-09T11:00:00Z", "9 Feb 2019 11:00 UTC"),
    ("2019-02-09T14:00-05:30", "2019-02-09T19:30:00Z", "9 Feb 2019 19:30 UTC"),
    ("2019-02-09T01:30+03:00", "2019-02-08T22:30:00Z", "8 Feb 2019 22:30 UTC"),  # the day before, in UTC
    ("2019-12-31T22:00-05:00", "2020-01-01T03:00:00Z", "1 Jan 2020 03:00 UTC"),
    ("9 Feb 2019 14:00 +03:00", "2019-02-09T11:00:00Z", "9 Feb 2019 11:00 UTC"),
    ("Feb 9, 2019 14:00+03:00", "2019-02-09T11:00:00Z", "9 Feb 2019 11:00 UTC"),
    ("2019-02-09T14:00+00:00", "2019-02-09T14:00:00Z", "9 Feb 2019 14:00 UTC"),
])
def test_a_time_at_a_utc_offset_keeps_its_instant(typed: str, edtf: str, label: str) -> None:
    when = When.parse_friendly(typed)
    assert (when.edtf, when.label) == (edtf, label)
    assert When.parse_friendly(when.label) == when


@pytest.mark.parametrize("typed, fragment", [
    ("2019-02-09T14:00+15:00", "+15:00 is not a UTC offset"),
    ("2019-02-09T14:00-13:00", "-13:00 is not a UTC offset"),
    ("9 Feb 2019 14:00 +03:75", "+03:75 is not a UTC offset"),
    ("0001-01-01T00:30+01:00", "falls outside the years 0001 to 9999"),
    ("2019-02-09T14:00+03:00~", "a time of day cannot be qualified"),
    ("c. 9 Feb 2019 14:00", "a time of day cannot be qualified"),
    ("2019-02-09+03:00", "not a date"),  # an offset needs a time
])
def test_a_time_or_offset_briefer_cannot_keep_says_why(typed: str, fragment: str) -> None:
    with pytest.raises(WhenError, match=re.escape(fragment)):
        When.parse_friendly(typed)


def test_friendly_parse_of_nonsense_names_the_forms_it_accepts() -> None:
    with pytest.raises(WhenError, match="not a date Briefer understands"):
        When.parse_friendly("next Tuesday-ish")


def test_precision_and_qualifiers_are_exposed_for_drawing() -> None:
    assert When.parse("2019-02-09").is_point
    assert not When.parse("2019-02").is_point
    assert When.parse("2019-02").precision is Precision.MONTH
    assert When.parse("2013~").approximate and not When.parse("2013~").uncertain
    assert When.parse("../2019-04").open_start and not When.parse("../2019-04").open_end
    assert When.parse("2014/..").open_end


def test_values_are_immutable_and_hashable() -> None:
    when = When.parse("2019-02")
    with pytest.raises(AttributeError):
        when.start = None  # type: ignore[misc]
    assert {when, When.parse("2019-02")} == {when}


# -- properties ------------------------------------------------------------------------
ALL_SHAPES = ("year", "month", "day", "time", "decade", "month_x", "day_x")
PLAIN_SHAPES = ("year", "month", "day")


@st.composite
def points(draw: st.DrawFn, shapes: tuple[str, ...] = ALL_SHAPES, min_year: int = 1) -> Point:
    year = draw(st.integers(min_year, 9999))
    shape = draw(st.sampled_from(shapes))
    q = dict(uncertain=draw(st.booleans()), approximate=draw(st.booleans()))
    if shape == "decade":
        assume(year >= 10)
        return Point(f"{year:04d}"[:3] + "X", **q)
    if shape == "year":
        return Point.of(year, **q)
    month = draw(st.integers(1, 12))
    if shape == "month_x":
        return Point(f"{year:04d}", "XX", **q)
    if shape == "month":
        return Point.of(year, month, **q)
    if shape == "day_x":
        return Point(f"{year:04d}", f"{month:02d}", "XX", **q)
    day = draw(st.integers(1, 28))
    if shape == "time":
        return Point.of(year, month, day, time=f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}")
    return Point.of(year, month, day, **q)


@st.composite
def whens(draw: st.DrawFn, plain: bool = False) -> When:
    """Any When; `plain` ones have labels that read back (no X digits, no times, years >= 1000)."""
    kind = draw(st.sampled_from(["single", "interval", "open_start", "open_end"]))
    min_year = 1000 if plain else 1
    if kind == "single":
        return When(draw(points(PLAIN_SHAPES if plain else ALL_SHAPES, min_year)))
    # EDTF level 1 intervals have neither unspecified digits nor times at their ends
    a = draw(points(PLAIN_SHAPES, min_year))
    if kind == "open_start":
        return When(None, a, True)
    if kind == "open_end":
        return When(a, None, True)
    b = draw(points(PLAIN_SHAPES, min_year))
    if a.earliest > b.latest:
        a, b = b, a
    assume(a.earliest <= b.latest)
    return When(a, b, True)


@given(whens())
def test_parse_of_format_is_identity(when: When) -> None:
    assert When.parse(when.edtf) == when


@given(whens())
def test_the_edtf_library_accepts_what_briefer_writes(when: When) -> None:
    parse_edtf(when.edtf)


@given(whens())
def test_earliest_is_not_after_latest(when: When) -> None:
    assert when.earliest <= when.latest
    assert when.earliest_ts <= when.latest_ts


@given(whens(), whens())
def test_sort_order_follows_the_bounds(a: When, b: When) -> None:
    if a.earliest < b.earliest:
        assert a.sort_key < b.sort_key
    if a.sort_key < b.sort_key:
        assert (a.earliest, a.latest) <= (b.earliest, b.latest)


@given(whens(plain=True))
def test_labels_of_simple_dates_read_back(when: When) -> None:
    """What Briefer prints, an analyst can type back in (where the label is unambiguous)."""
    assert When.parse_friendly(when.label).earliest == when.earliest
    assert When.parse_friendly(when.label).latest == when.latest


@pytest.mark.parametrize("typed, fragment", [
    ("9/2/2019", "could be read two ways"),  # 9 Feb or 2 Sep: never guessed
    ("Feb 31 2019", "Feb 2019 has no day 31"),  # understood, but there is no such day
    ("31 Feb 2019", "Feb 2019 has no day 31"),
])
def test_friendly_forms_that_cannot_be_taken_say_why(typed: str, fragment: str) -> None:
    with pytest.raises(WhenError, match=fragment):
        When.parse_friendly(typed)


@pytest.mark.parametrize("typed, edtf, label", [
    ("early Feb 2019", "2019-02-01/2019-02-10", "1–10 Feb 2019"),
    ("mid Feb 2019", "2019-02-11/2019-02-20", "11–20 Feb 2019"),
    ("late Feb 2019", "2019-02-21/2019-02-28", "21–28 Feb 2019"),
    ("mid-February 2019", "2019-02-11/2019-02-20", "11–20 Feb 2019"),
    ("late 2019", "2019-09/2019-12", "Sep–Dec 2019"),
    ("Q1 2019", "2019-01/2019-03", "Jan–Mar 2019"),
    ("q4 2018", "2018-10/2018-12", "Oct–Dec 2018"),
    ("spring 2019", "2019-21", "Spring 2019"),
    ("Autumn 2018", "2018-23", "Autumn 2018"),
    ("fall 2018", "2018-23", "Autumn 2018"),
    ("09.02.2019", "2019-02-09", "9 Feb 2019"),
    ("9.2.2019", "2019-02-09", "9 Feb 2019"),
    ("Feb-Mar 2019", "2019-02/2019-03", "Feb–Mar 2019"),
    ("Feb–Mar 2019", "2019-02/2019-03", "Feb–Mar 2019"),
])
def test_the_calendar_words_analysts_write(typed: str, edtf: str, label: str) -> None:
    when = When.parse_friendly(typed)
    assert (when.edtf, when.label) == (edtf, label)
    parse_edtf(when.edtf)  # the oracle takes what Briefer writes
    assert When.parse(when.edtf) == when


def test_seasons_are_edtf_seasons_with_three_months_of_bounds() -> None:
    spring, winter = When.parse("2019-21"), When.parse("2019-24")
    assert (spring.earliest, spring.latest) == (datetime(2019, 3, 1), datetime(2019, 5, 31, 23, 59, 59))
    assert (winter.earliest, winter.latest) == (datetime(2019, 12, 1), datetime(2020, 2, 29, 23, 59, 59))
    assert winter.label == "Winter 2019" and When.parse("2019-22~").label == "c. Summer 2019"
    for bad, fragment in (("2019-25", "season"), ("2019-21-03", "no day"), ("2019-21/2019-22", "not seasons"),
                          ("early spring 2019", "month or a year"), ("31.02.2019", "no day 31")):
        with pytest.raises(WhenError, match=fragment):
            When.parse_friendly(bad)


@pytest.mark.parametrize("edtf, shown", [
    ("2019-03-05/2019-03-05", "5 Mar 2019"), ("2019-03/2019-03", "Mar 2019"), ("2019/2019", "2019"),
    ("2019-03-05/2019-03-06", "5–6 Mar 2019"),
])
def test_an_interval_of_one_day_month_or_year_reads_as_that_date(edtf: str, shown: str) -> None:
    when = When.parse(edtf)
    assert when.label == shown
    assert (when.earliest, when.latest) == (When.parse_friendly(shown).earliest, When.parse_friendly(shown).latest)
