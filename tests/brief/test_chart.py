"""The brief's timeline chart: the app's conventions, every event in each of its lanes, on paper as vectors."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pypdf
import pytest

from briefer.brief import BriefSettings, build_brief
from briefer.brief.chart import ChartItem, ChartPeriod, TimelineChart, axis_ticks, glyph_label
from briefer.core.when import to_timestamp

DAY = 86400
T0 = to_timestamp(datetime(2019, 1, 1))


def item(number: int, start_day: int, days: int = 1, lanes: tuple[int, ...] = (0,), **flags: bool) -> ChartItem:
    lo = T0 + start_day * DAY
    return ChartItem(number, lo, lo + days * DAY - 1, days == 1, flags.get("uncertain", False),
                     flags.get("approximate", False), flags.get("open_start", False), flags.get("open_end", False),
                     lanes)


def test_labels_mark_uncertain_and_approximate_dates_as_the_app_does() -> None:
    assert glyph_label(item(3, 0)) == "E3"
    assert glyph_label(item(3, 0, uncertain=True)) == "? E3"
    assert glyph_label(item(3, 0, approximate=True)) == "~ E3"
    assert glyph_label(item(3, 0, uncertain=True, approximate=True)) == "?~ E3"


def test_each_event_sits_once_in_each_of_its_lanes() -> None:
    items = [item(1, 0, lanes=(0, 1)), item(2, 0, lanes=(0,)), item(3, 5, 20, lanes=(1, 2)), item(4, 40, lanes=(2,))]
    chart = TimelineChart(items, ["A", "B", "C"], T0, T0 + 60 * DAY, 500)
    placed = [sorted(g.item.number for g in lane) for lane in chart.glyphs]
    assert placed == [[1, 2], [1, 3], [3, 4]]
    # two events on the same day in one lane do not share a row
    rows = {g.item.number: g.row for g in chart.glyphs[0]}
    assert rows[1] != rows[2]


def test_a_shrinking_chart_draws_a_crowded_lane_as_a_histogram_and_takes_rows_back() -> None:
    items = [item(n, 0, lanes=(0,)) for n in range(1, 13)]  # twelve events on one day: twelve rows
    chart = TimelineChart(items, ["A"], T0 - 10 * DAY, T0 + 10 * DAY, 500, shrink=True)
    _, full = chart.wrap(500, 1000)
    assert chart.lanes[0].histogram is None and all(g.labelled for g in chart.glyphs[0])
    _, small = chart.wrap(500, full - 40)
    assert small <= full - 40
    lane = chart.lanes[0]
    assert lane.histogram is not None and sum(lane.histogram) == 12  # every event counted in a bar
    assert lane.count == 12 and not lane.glyphs  # nothing drawn over anything
    assert chart.wrap(500, 1000)[1] == full


def test_a_lane_out_of_rows_becomes_a_histogram_with_counts(tmp_path: Path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    items = [item(n, 0, lanes=(0,)) for n in range(1, 27)] + [item(27, 3, lanes=(1,))]
    chart = TimelineChart(items, ["Syrian Democratic Forces", "Militia (Pro-Government)"], T0 - 10 * DAY,
                          T0 + 10 * DAY, 500, max_rows=4)
    out = tmp_path / "chart.pdf"
    SimpleDocTemplate(str(out)).build([chart])
    text = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert chart.lanes[0].histogram is not None and chart.lanes[1].histogram is None
    assert "26" in text and "events per day, with counts" in text
    # a lane name too long for its header is elided, never cut mid-word ("(Pro-Gove" / "rnment)")
    assert "Militia (Pro-Go" in text and "rnment" not in text.replace("Government", "")


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[2] > b[0] and b[2] > a[0] and a[3] > b[1] and b[3] > a[1]


@pytest.mark.parametrize("count", [500, 5000])
def test_no_glyph_is_drawn_over_a_label_at_any_count(tmp_path: Path, count: int) -> None:
    """Hundreds of events a lane, a few new ones among them: render the page, then no
    glyph or bar meets a label that is not its own, no two labels meet, and every label
    the chart drew is text on the page."""
    import random

    import pypdfium2 as pdfium
    from reportlab.platypus import SimpleDocTemplate

    rng = random.Random(count)
    items = []
    for n in range(1, count + 1):
        start = rng.randrange(0, 360)
        days = 1 if rng.random() < 0.8 else rng.randrange(2, 60)
        lanes = tuple(sorted(rng.sample(range(8), rng.choice((1, 1, 2)))))
        items.append(item(n, start, days, lanes, approximate=rng.random() < 0.1) if n % 50 else
                     ChartItem(n, T0 + start * DAY, T0 + start * DAY + 3600, True, False, False, False, False,
                               lanes, True))
    names = ["Syrian Democratic Forces", "Islamic State", "Turkey", "Syrian Arab Army", "Russia",
             "Civilians", "Other actors", "No actor"]
    periods = [ChartPeriod(T0 + 30 * DAY, T0 + 75 * DAY, "Battle of Baghouz", "#8a63b8"),
               ChartPeriod(T0 + 200 * DAY, T0 + 320 * DAY, "Operation Peace Spring", "#3a9e5c")]
    chart = TimelineChart(items, names, T0, T0 + 365 * DAY, 515, max_rows=40, shrink=True, periods=periods)
    out = tmp_path / "chart.pdf"
    SimpleDocTemplate(str(out)).build([chart])
    assert all(lane.histogram is not None for lane in chart.lanes)  # ~60+ events a lane
    assert [b[1] for b in chart.boxes if b[0] == "period"] == [0, 1]  # both periods named
    labels = [b for b in chart.boxes if b[0] in ("label", "count", "period")]
    shapes = [b for b in chart.boxes if b[0] in ("glyph", "bar")]
    assert labels and shapes
    for label in labels:
        for shape in shapes:
            own = label[0] == "label" and shape[0] == "glyph" and shape[1] == label[1]
            assert own or not _overlaps(label[2:], shape[2:]), (label, shape)
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not _overlaps(a[2:], b[2:]), (a, b)
    for kind, number, left, _bottom, right, _top in chart.boxes:  # nothing runs past the chart's edges
        assert 0 <= left and right <= chart.width, (kind, number, left, right)
    text = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    for kind, number, *_ in chart.boxes:
        if kind == "label":
            assert f"E{number}" in text
    assert "Battle of Bag…" in text and "Operation Peace Spring" in text  # elided to its band
    assert sum(sum(lane.histogram) + lane.long_running for lane in chart.lanes) == \
        sum(len(i.lanes) for i in items)


def test_axis_ticks_are_round_dates_inside_the_span() -> None:
    lo, hi = T0, to_timestamp(datetime(2019, 12, 31))
    ticks = axis_ticks(lo, hi, 8)
    assert all(lo <= ts <= hi for ts, _ in ticks)
    assert [label for _, label in ticks] == ["2019", "Mar", "May", "Jul", "Sep", "Nov"]
    day = axis_ticks(to_timestamp(datetime(2019, 2, 9)), to_timestamp(datetime(2019, 2, 10)), 8)
    assert day[0][1] == "9 Feb" and day[-1][1] == "10 Feb" and "06:00" in [label for _, label in day]


def test_the_chart_is_drawn_as_vectors_with_marked_labels(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    build_brief(demo_workspace, BriefSettings(template="period"), None, out)
    reader = pypdf.PdfReader(str(out))
    page = next(p for p in reader.pages if "~ approximate" in (p.extract_text() or ""))
    text = page.extract_text()
    assert "? uncertain" in text and "open or cut end" in text
    assert "? E" in text and "~ E" in text  # the demo has uncertain and approximate dates
    xobjects = page["/Resources"].get("/XObject", {})
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


def test_the_workspaces_periods_are_shaded_and_named_in_the_briefs_chart(demo_workspace, tmp_path: Path) -> None:
    """Periods (eras) drawn on the timeline are drawn in the brief's chart too, in the same
    colours; a name in Arabic is shaped, in reading order, and searchable."""
    from briefer.core.period import Period, period_colour
    from briefer.core.when import When

    demo_workspace.add_period(Period("Battle of Baghouz", When.parse("2019-02-09/2019-03-23")))
    demo_workspace.add_period(Period("معركة الباغوز", When.parse("2019-01-01/2019-01-31"), colour="#c2463f"))
    out = tmp_path / "period.pdf"
    build_brief(demo_workspace, BriefSettings(template="period", title="Periods", start=When.parse("2018-12"),
                                              end=When.parse("2019-03")), None, out)
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(out))[0]  # the chart shrinks to fit page 1
    width, height = page.get_size()
    text = page.get_textpage().get_text_bounded(0, 0, width, height)  # what is on the page, not off it
    assert "Battle of Baghouz" in text
    assert "معركة الباغوز" in text  # ordinary letters in reading order, no presentation forms
    periods = demo_workspace.periods()
    assert [period_colour(p, k) for k, p in enumerate(periods)] == ["#c2463f", "#3a9e5c"]  # the timeline's too
