"""The daily brief as a duty officer uses it: what is new, what continues, nothing
stale printed as today's, the SITREP fields, page 1 for the reader in a hurry."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pypdf

from briefer.brief import BriefSettings, build_brief, load_settings, record_brief
from briefer.core.model import Event
from briefer.core.when import When

from .conftest import flat, page_texts

MARKING = "UNCLASSIFIED // FOR TRAINING"


def daily(**changes) -> BriefSettings:
    return BriefSettings(template="daily", day=When.parse("2019-02-09"), marking=MARKING).with_(**changes)


def test_a_day_without_new_events_still_gives_a_brief_that_says_so(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "quiet.pdf"
    result = build_brief(demo_workspace, daily(day=When.parse("2030-01-01")), None, out)
    assert result.new == 0 and result.continuing >= 1  # the open-ended events still overlap 2030
    first = flat(page_texts(out)[0])
    assert "No new events reported in this period." in first
    assert "Key events (0)" in first and "0 new events" in first
    assert any("no new events" in w for w in result.warnings)


def test_a_day_counts_in_the_24_hours_that_hold_its_end(demo_workspace, tmp_path: Path) -> None:
    """Cut off at 06:00 on the 10th: an event dated only "9 Feb" is new; a time on the
    10th after the cut-off is not in scope; "Feb 2019" merely continues."""
    demo_workspace.add_event(Event("Night raid reported", When.parse("2019-02-10T04:30")))
    demo_workspace.add_event(Event("Rumour dated to the month", When.parse("2019-02")))
    out = tmp_path / "cutoff.pdf"
    result = build_brief(demo_workspace, BriefSettings(template="daily", cutoff=datetime(2019, 2, 10, 6, 0)),
                         None, out)
    whole = flat(" ".join(page_texts(out)))
    key, _, continuing = whole.partition("Continuing and background")
    assert "Night raid reported" in key
    assert "Rumour dated to the month" in continuing and "Rumour dated to the month" not in key
    assert result.new >= 2


def test_header_says_new_and_continuing_and_the_sitrep_fields(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "sitrep.pdf"
    settings = daily(day=None, cutoff=datetime(2019, 2, 10, 6, 0), next_due="11 Feb 2019 06:00 UTC",
                     contact="REL TO DEMO · Levant desk ext. 4411", previous_number=6,
                     previous_cutoff=datetime(2019, 2, 9, 6, 0), number=7)
    result = build_brief(demo_workspace, settings, None, out)
    first = flat(page_texts(out)[0])
    assert "Date-time group 100600Z FEB 19" in first
    assert "Covers events since brief No. 6 (cut-off 9 Feb 2019 06:00)" in first
    assert f"{result.new} new event" in first and f"{result.continuing} continuing" in first
    assert "Next brief due 11 Feb 2019 06:00 UTC" in first
    assert "REL TO DEMO · Levant desk ext. 4411" in first


def test_page_one_has_the_bottom_line_key_figures_and_the_first_new_event(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "daily.pdf"
    build_brief(demo_workspace, daily(bluf="- The assault waits."), None, out)
    first = flat(page_texts(out)[0])
    for text in ("Bottom line up front", "Key figures", "New events", "By type", "By area", "Fatalities",
                 "on the previous day", "Key events", "E1 · "):
        assert text in first, text
    assert first.index("Bottom line up front") < first.index("Key figures") < first.index("E1 · ")


def test_a_long_daily_brief_has_no_contents_under_six_pages(demo_workspace, tmp_path: Path) -> None:
    day = When.parse("2019-02-09")
    for n in range(22):
        demo_workspace.add_event(Event(f"Reported clash number {n}", day, summary="A clash was reported. " * 12))
    out = tmp_path / "long.pdf"
    result = build_brief(demo_workspace, daily(), None, out)
    assert 3 < result.pages < 6
    assert not result.has_toc and "Contents" not in flat(page_texts(out)[0])


def test_a_remembered_bottom_line_is_printed_as_carried_over(demo_workspace, tmp_path: Path) -> None:
    first = daily(bluf="- The pause will last days.", title="07:00 brief")
    result = build_brief(demo_workspace, first, None, tmp_path / "1.pdf")
    record_brief(demo_workspace, first, result.number, result.day, result.cutoff)
    assert result.bluf_carried_from == ""

    again = load_settings(demo_workspace, "daily").with_(day=When.parse("2019-03-01"))
    assert again.bluf_carried and again.title == "07:00 brief"
    out = tmp_path / "2.pdf"
    result = build_brief(demo_workspace, again, None, out)
    assert result.bluf_carried_from == "brief No. 1 of 9 Feb 2019" and result.number == 2
    first_page = flat(page_texts(out)[0])
    assert "Carried over from brief No. 1 of 9 Feb 2019" in first_page
    assert first_page.index("Carried over from") < first_page.index("The pause will last days.")

    out = tmp_path / "3.pdf"
    result = build_brief(demo_workspace, again.with_(omit_bluf=True), None, out)
    assert "The pause will last days" not in flat(" ".join(page_texts(out)))
    assert "Bottom line up front" not in flat(" ".join(page_texts(out)))
    assert result.bluf_carried_from == ""


def test_saving_a_carried_over_bottom_line_keeps_the_brief_it_was_written_for(demo_workspace, tmp_path) -> None:
    first = daily(bluf="- Written on the 9th.")
    record_brief(demo_workspace, first, 1, date(2019, 2, 9))
    carried = load_settings(demo_workspace, "daily")
    record_brief(demo_workspace, carried, 2, date(2019, 2, 10))
    again = load_settings(demo_workspace, "daily")
    assert again.bluf_origin == "brief No. 1 of 9 Feb 2019" and again.previous_number == 2


def test_titles_and_desks_are_remembered_per_template(demo_workspace, tmp_path: Path) -> None:
    record_brief(demo_workspace, daily(title="Morning brief", desk="Night shift"), 1, date(2019, 2, 9))
    period = load_settings(demo_workspace, "period")
    assert period.title == "" and period.desk == ""
    out = tmp_path / "period.pdf"
    build_brief(demo_workspace, period, None, out)
    assert pypdf.PdfReader(str(out)).metadata.title.startswith("Period summary")
    record_brief(demo_workspace, period.with_(title="February summary"), 2)
    assert load_settings(demo_workspace, "daily").title == "Morning brief"
    assert load_settings(demo_workspace, "period").title == "February summary"


def test_key_figures_compare_with_the_previous_day(demo_workspace, tmp_path: Path) -> None:
    for n, (day, dead) in enumerate((("2030-05-01", 2), ("2030-05-02", 5), ("2030-05-02", 1), ("2030-05-02", None))):
        demo_workspace.add_event(Event(f"Shelling {n}", When.parse(day), event_type="Explosions/Remote violence",
                                       place="Hajin" if n % 2 else "Baghouz", fatalities=dead))
    out = tmp_path / "figures.pdf"
    build_brief(demo_workspace, daily(day=When.parse("2030-05-02")), None, out)
    first = flat(page_texts(out)[0])
    assert "New events 3 (+2 on the previous day: 1)" in first
    assert "By type Explosions/Remote violence 3" in first and "By area Hajin 2 · Baghouz 1" in first
    assert "Fatalities 6 (+4 on the previous day: 2)" in first


def test_a_bottom_line_of_one_long_paragraph_is_laid_out_in_pieces_and_printed_whole(demo_workspace,
                                                                                       tmp_path: Path) -> None:
    """A paragraph of hundreds of kilobytes took time quadratic in its length (reportlab lays
    out the rest again at every page it splits): it goes in pieces of about 2,000 characters,
    one under the other, and every word is still printed, in order (benchmarks/scaling_bench.py
    measures the time)."""
    from types import SimpleNamespace

    from briefer.brief.page import make_styles
    from briefer.brief.sections import BLUF_PIECE, bluf

    words = [f"w{i}" for i in range(3000)]
    text = "- " + " ".join(words)
    flowables = bluf(SimpleNamespace(settings=daily(bluf=text)), make_styles())
    pieces = [f.text for f in flowables[1:]]
    assert len(pieces) > 5 and all(len(p) <= BLUF_PIECE for p in pieces)
    assert " ".join(pieces).split() == words  # nothing lost, nothing doubled
    assert flowables[1].bulletText == "•" and all(getattr(f, "bulletText", None) is None for f in flowables[2:])
    out = tmp_path / "daily.pdf"
    build_brief(demo_workspace, daily(bluf=text), None, out)
    printed = flat(" ".join(page_texts(out)))
    assert "w0 w1 w2" in printed and "w1499 w1500" in printed and "w2998 w2999" in printed
