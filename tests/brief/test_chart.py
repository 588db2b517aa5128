"""The brief's timeline chart: the app's conventions, every event in each of its lanes, on paper as vectors."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pypdf

from briefer.brief import BriefSettings, build_brief
from briefer.brief.chart import ChartItem, TimelineChart, axis_ticks, glyph_label
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


def test_a_shrinking_chart_gives_up_rows_to_fit_and_takes_them_back_when_there_is_room() -> None:
    items = [item(n, 0, lanes=(0,)) for n in range(1, 13)]  # twelve events on one day: twelve rows
    chart = TimelineChart(items, ["A"], T0 - 10 * DAY, T0 + 10 * DAY, 500, shrink=True)
    _, full = chart.wrap(500, 1000)
    _, small = chart.wrap(500, full - 40)
    assert small <= full - 40
    assert any(not g.labelled for g in chart.glyphs[0])  # the overflow overlaps, unlabelled
    assert len({g.item.number for g in chart.glyphs[0]}) == 12  # but every event is still drawn
    assert chart.wrap(500, 1000)[1] == full


def test_a_lane_out_of_rows_says_how_many_events_it_drew_without_a_label(tmp_path: Path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    items = [item(n, 0, lanes=(0,)) for n in range(1, 27)] + [item(27, 3, lanes=(1,))]
    chart = TimelineChart(items, ["Syrian Democratic Forces", "Militia (Pro-Government)"], T0 - 10 * DAY,
                          T0 + 10 * DAY, 500, max_rows=4)
    out = tmp_path / "chart.pdf"
    SimpleDocTemplate(str(out)).build([chart])
    text = pypdf.PdfReader(str(out)).pages[0].extract_text()
    labelled = sum(1 for g in chart.glyphs[0] if g.labelled)
    assert f"+{26 - labelled}" in text and "unlabelled" in text
    # a lane name too long for its header is elided, never cut mid-word ("(Pro-Gove" / "rnment)")
    assert "Militia (Pro-Go" in text and "rnment" not in text.replace("Government", "")


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
