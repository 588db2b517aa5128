"""The two templates built from the demo workspace, read back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from briefer.brief import BriefCancelled, BriefError, BriefSettings, build_brief
from briefer.core.filter import EventFilter
from briefer.core.model import Citation, Event
from briefer.core.when import When

from .conftest import flat, page_texts

MARKING = "UNCLASSIFIED // FOR TRAINING"  # what the demo workspace sets


def daily(**changes) -> BriefSettings:
    base = BriefSettings(template="daily", day=When.parse("2019-02-09"), title="Morning brief", desk="Levant desk",
                         marking=MARKING, bluf="- The assault waits for civilians to leave.")
    return base.with_(**changes)


def period(**changes) -> BriefSettings:
    return BriefSettings(template="period", title="The last pocket", desk="Levant desk", marking=MARKING).with_(
        **changes)


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def test_daily_brief_holds_each_event_of_the_day_once(demo_workspace, tmp_path: Path) -> None:
    """Key events are the events dated that day; the open-ended and coarse ones that merely
    overlap it are listed once each, one line, under "Continuing and background"."""
    out = tmp_path / "daily.pdf"
    result = build_brief(demo_workspace, daily(), None, out)
    scope = demo_workspace.search_events(EventFilter(start=When.parse("2019-02-09"), end=When.parse("2019-02-09")))
    of_the_day = [e for e in scope if e.when.edtf == "2019-02-09"]
    assert result.events == len(scope) > 3 and result.new == len(of_the_day) >= 1
    assert result.continuing == len(scope) - len(of_the_day) > 0
    texts = page_texts(out)
    assert 1 <= len(texts) == result.pages <= 3
    whole = flat(" ".join(texts))
    key, _, rest = whole.partition("Continuing and background")
    key = key.split("Key events", 1)[1]
    continuing = rest.split("Actors involved")[0]
    assert f"Key events ({len(of_the_day)})" in whole and f"Continuing and background ({result.continuing})" in whole
    for event in scope:
        title = re.escape(flat(event.title))
        if event in of_the_day:
            assert len(re.findall(r"E\d+ · " + title, key)) == 1, event.title
            assert event.title not in continuing
        else:  # one line: number, date label, title, citation marks
            assert event.title not in key, event.title
            line = r"E\d+ · " + re.escape(event.when.label) + " — " + title + r" (\[\d+ [A-F]\d\] ?)+"
            assert len(re.findall(line, continuing)) == 1, event.title
    # an event outside the day is not in it
    assert "Islamic State proclaims a caliphate" not in whole
    assert "Bottom line up front" in whole and "The assault waits for civilians to leave." in whole


def test_every_page_carries_the_marking_twice_and_its_number(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    result = build_brief(demo_workspace, period(), None, out)
    texts = page_texts(out)
    assert len(texts) == result.pages > 3
    for number, text in enumerate(texts, start=1):
        assert flat(text).count(MARKING) >= 2, f"page {number}"
        assert f"Page {number} of {len(texts)}" in text


def test_tlp_marking_on_every_page(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "tlp.pdf"
    build_brief(demo_workspace, daily(marking="tlp:amber+strict"), None, out)
    for text in page_texts(out):
        assert text.count("TLP:AMBER+STRICT") >= 2


def test_period_summary_has_contents_outline_and_metadata(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    result = build_brief(demo_workspace, period(), None, out)
    assert result.has_toc and result.events == demo_workspace.event_count()
    reader = pypdf.PdfReader(str(out))
    first = flat(reader.pages[0].extract_text())
    # page 1 is for the reader in a hurry: the bottom line, the figures and the chart, the contents after them
    assert "Key figures" in first and "Timeline" in first and "~ approximate" in first
    front = flat(reader.pages[0].extract_text() + reader.pages[1].extract_text())
    assert "Contents" in front and "Actors involved" in front and "Sources" in front
    titles = outline_titles(reader)
    for section in ("Bottom line up front", "Timeline", f"Key events ({result.events})", "Actors involved",
                    "Sources", "February 2019"):
        assert section in titles
    meta = reader.metadata
    assert meta.title.startswith("The last pocket")
    assert meta.author == "Levant desk"
    assert "Period summary" in meta.subject
    assert MARKING in meta.get("/Keywords") and "Islamic State" in meta.get("/Keywords")
    whole = flat(" ".join(page_texts(out)))
    for event in demo_workspace.search_events():
        assert len(re.findall(r"E\d+ · " + re.escape(flat(event.title)), whole)) == 1, event.title


def test_short_brief_has_no_contents(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    result = build_brief(demo_workspace, period(start=When.parse("2019-03"), end=When.parse("2019-03")), None, out)
    assert result.pages <= 3 and not result.has_toc
    assert "Contents" not in flat(page_texts(out)[0])


def test_citation_numbers_resolve_to_the_sources_section(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    build_brief(demo_workspace, period(), None, out)
    reader = pypdf.PdfReader(str(out))
    texts = [flat(p.extract_text()) for p in reader.pages]
    whole = " ".join(texts)
    events_part, _, sources_part = whole.rpartition("Reliability of sources:")
    cited = {int(n) for mark in re.findall(r"Sources: ((?:\[\d+ [A-F]\d\] ?)+)", events_part)
             for n in re.findall(r"\[(\d+) ", mark)}
    assert cited, "no citation marks found"
    listed = {int(n) for n in re.findall(r"\[(\d+)\] (?:Document|cited without a document)", sources_part)}
    assert cited == listed
    assert listed == set(range(1, len(listed) + 1))
    # and each mark is a link that jumps to a page of the sources section
    sources_first_page = next(i for i, t in enumerate(texts) if "Reliability of sources:" in t)
    events_first_page = next(i for i, t in enumerate(texts) if "E1 · " in t)  # after the contents' links
    assert events_first_page < sources_first_page
    import pypdfium2 as pdfium

    drawn = pdfium.PdfDocument(str(out))
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    jumps = []
    for index in range(events_first_page, sources_first_page):
        text = drawn[index].get_textpage()
        for annot in reader.pages[index].get("/Annots", []):
            annot = annot.get_object()
            dest = annot.get("/Dest")
            left, bottom, right, top = (float(v) for v in annot["/Rect"])
            if dest is not None and text.get_text_bounded(left, bottom, right, top).startswith("["):
                jumps.append(page_of[dest[0].idnum])  # a citation mark, not a contents line
    assert jumps and all(target >= sources_first_page for target in jumps)


def test_single_source_and_low_grade_events_are_flagged(demo_workspace, tmp_path: Path) -> None:
    amaq, sdf_office = demo_workspace.resolve_source("Amaq"), demo_workspace.resolve_source("SDF media office")
    reuters = demo_workspace.resolve_source("Reuters")
    day = When.parse("2019-02-20")
    demo_workspace.add_event(Event("Claimed ambush near Baghouz", day,
                                   citations=(Citation(amaq.uid, 6), Citation(sdf_office.uid, 5))))
    demo_workspace.add_event(Event("Convoy leaves the pocket", day, citations=(Citation(reuters.uid, 2),)))
    demo_workspace.add_event(Event("Rumour of a tunnel", day))
    out = tmp_path / "day.pdf"
    build_brief(demo_workspace, daily(day=day), None, out)
    whole = flat(" ".join(page_texts(out)))
    blocks = re.split(r"(?=E\d+ · )", whole.split("Actors involved")[0])
    flags = {b.split(" · ")[1].split(" 20 Feb")[0]: b for b in blocks if b.startswith("E")}
    assert "only sources below C" in flags["Claimed ambush near Baghouz"]
    assert "single source" not in flags["Claimed ambush near Baghouz"]
    assert "single source" in flags["Convoy leaves the pocket"]
    assert "below C" not in flags["Convoy leaves the pocket"]
    assert "no source cited" in flags["Rumour of a tunnel"]


def test_actor_section_counts_events_in_the_period(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "daily.pdf"
    build_brief(demo_workspace, daily(), None, out)
    whole = flat(" ".join(page_texts(out)))
    actors_part = whole.split("Actors involved", 1)[1].split("Reliability of sources", 1)[0]
    day = EventFilter(start=When.parse("2019-02-09"), end=When.parse("2019-02-09"))
    sdf = demo_workspace.resolve_actor("SDF")
    expected = demo_workspace.count_events(day.with_(actors=(sdf.uid,)))
    assert re.search(r"Syrian Democratic Forces SDF, QSD, .+? armed group — " + str(expected), actors_part)


@pytest.mark.parametrize("grouping", ["day", "month", "actor", "type"])
def test_each_grouping_lists_every_event_once(demo_workspace, tmp_path: Path, grouping: str) -> None:
    out = tmp_path / f"{grouping}.pdf"
    result = build_brief(demo_workspace, period(group_by=grouping), None, out)
    whole = flat(" ".join(page_texts(out)))
    numbers = re.findall(r"\bE(\d+) · ", whole.split("Actors involved")[-2])
    assert sorted(map(int, numbers)) == list(range(1, result.events + 1))


def test_selection_scope_is_exactly_the_selection(demo_workspace, tmp_path: Path) -> None:
    events = demo_workspace.search_events()
    chosen = [events[0].uid, events[-1].uid]
    out = tmp_path / "sel.pdf"
    result = build_brief(demo_workspace, period(), chosen, out)
    assert result.events == 2
    whole = flat(" ".join(page_texts(out)))
    assert flat(events[0].title) in whole and flat(events[-1].title) in whole
    assert flat(events[1].title) not in whole


def test_empty_period_scope_is_an_error_and_writes_nothing(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    with pytest.raises(BriefError, match="no events"):
        build_brief(demo_workspace, period(), EventFilter(text="nosuchwordanywhere"), out)
    assert not out.exists()


@pytest.mark.parametrize("size, width", [("a4", 595.3), ("letter", 612.0)])
def test_page_sizes(demo_workspace, tmp_path: Path, size: str, width: float) -> None:
    out = tmp_path / f"{size}.pdf"
    result = build_brief(demo_workspace, daily(page_size=size, marking="UNCLASSIFIED // FOR OFFICIAL USE ONLY"),
                         None, out)
    for page in pypdf.PdfReader(str(out)).pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
    # the demo's busiest day (9 events, 5 of them long-running) is still a 1-3 page daily brief
    assert result.pages <= 3 and not result.warnings


def test_progress_reaches_the_end_and_cancel_writes_nothing(demo_workspace, tmp_path: Path) -> None:
    seen: list[float] = []
    build_brief(demo_workspace, period(), None, tmp_path / "p.pdf", progress=lambda f, _: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) > 5
    assert all(b >= a - 1e-9 for a, b in zip(seen, seen[1:]))

    out = tmp_path / "cancelled.pdf"
    out.write_bytes(b"yesterday's brief")
    with pytest.raises(BriefCancelled):
        build_brief(demo_workspace, period(), None, out, progress=lambda f, _: f < 0.3)
    assert out.read_bytes() == b"yesterday's brief"
    assert not list(tmp_path.glob("*.briefer-tmp"))


def test_fuzzy_dates_print_honestly(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    build_brief(demo_workspace, period(), None, out)
    whole = flat(" ".join(page_texts(out)))
    for label in ("c. Jul 2013", "2013?", "4–9 Feb 2019", "on or before Apr 2019", "on or after 2014"):
        assert label in whole


def test_an_open_interval_prints_with_the_day_it_includes(workspace, tmp_path: Path) -> None:
    """`../2021-03-10` is EDTF for "on or before 10 Mar 2021" (that day included): the brief
    must not print "before 10 Mar 2021", which leaves the day out."""
    workspace.add_event(Event("Checkpoint closed", When.parse("../2021-03-10")))
    workspace.add_event(Event("Curfew in force", When.parse("2021-03-10/..")))
    out = tmp_path / "daily.pdf"
    build_brief(workspace, daily(day=When.parse("2021-03-10"), bluf=""), None, out)
    whole = flat(" ".join(page_texts(out)))
    assert "on or before 10 Mar 2021" in whole and "on or after 10 Mar 2021" in whole
    assert "Checkpoint closed (no source cited)" in whole  # (it ran into the title: "closed no source")
    assert not re.search(r"(?<!or )before 10 Mar 2021", whole)


def test_the_pages_render(demo_workspace, tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    out = tmp_path / "daily.pdf"
    build_brief(demo_workspace, daily(), None, out)
    pdf = pdfium.PdfDocument(str(out))
    image = pdf[0].render(scale=60 / 72).to_pil()
    png = tmp_path / "page1.png"
    image.save(png)
    assert png.stat().st_size > 5000
    assert image.convert("L").getextrema()[0] < 80  # there is dark ink on it


def test_contents_and_page_totals_point_at_the_right_pages(demo_workspace, tmp_path: Path) -> None:
    out = tmp_path / "period.pdf"
    result = build_brief(demo_workspace, period(), None, out)
    reader = pypdf.PdfReader(str(out))
    pages: dict[str, int] = {}

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[item.title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    contents = flat(" ".join(page.extract_text() for page in reader.pages[:2]))
    contents = contents[contents.index("Contents"):]
    for title in ("Bottom line up front", "Timeline", f"Key events ({result.events})", "February 2019",
                  "Actors involved", "Sources"):
        # pypdf extracts each line's dots and page number (drawn last) before its title
        listed = re.search(r"(?:\. ?)+(\d+) ?" + re.escape(title), contents)
        assert listed, title
        assert int(listed.group(1)) == pages[title], title
    for number, text in enumerate(page_texts(out), start=1):
        assert f"Page {number} of {result.pages}" in text


def test_many_groups_stay_in_the_outline_but_leave_the_contents(demo_workspace, tmp_path: Path, monkeypatch) -> None:
    from briefer.brief import story as story_module

    monkeypatch.setattr(story_module, "TOC_MAX_GROUPS", 3)
    out = tmp_path / "period.pdf"
    result = build_brief(demo_workspace, period(), None, out)
    reader = pypdf.PdfReader(str(out))
    contents = flat(reader.pages[0].extract_text() + " " + reader.pages[1].extract_text())
    contents = contents[contents.index("Contents"):contents.index("Key events", contents.index("Sources"))]
    assert result.has_toc and "Actors involved" in contents and "Sources" in contents
    assert "February 2019" not in contents
    assert "February 2019" in outline_titles(reader)


def test_a_long_classification_line_is_printed_whole_and_a_too_long_one_refused(demo_workspace, tmp_path) -> None:
    long_marking = "UNCLASSIFIED // FOR OFFICIAL USE ONLY // REL TO USA, GBR, AUS, CAN, NZL // EXERCISE ONLY"
    out = tmp_path / "long.pdf"
    build_brief(demo_workspace, daily(marking=long_marking), None, out)
    for text in page_texts(out):
        assert text.count(long_marking) == 3 if "Handling" in text else text.count(long_marking) == 2
    too_long = tmp_path / "too-long.pdf"
    with pytest.raises(BriefError, match="marking is too long"):
        build_brief(demo_workspace, daily(marking="SECRET // " * 30), None, too_long)
    assert not too_long.exists()


def test_a_scope_too_large_to_print_is_refused_before_reading_it(demo_workspace, tmp_path: Path, monkeypatch) -> None:
    from briefer.brief import build as build_module

    monkeypatch.setattr(build_module, "MAX_EVENTS", 5)
    read = []
    monkeypatch.setattr(type(demo_workspace), "search_events",
                        lambda self, *a, **k: read.append(1) or [])
    out = tmp_path / "huge.pdf"
    with pytest.raises(BriefError, match=r"holds 23 events .*at most 5: narrow"):
        build_brief(demo_workspace, period(), None, out)
    assert not read and not out.exists()


def test_source_flags_say_their_reason_and_f_is_ungraded(demo_workspace, tmp_path: Path) -> None:
    from briefer.core.model import Source

    acled = demo_workspace.add_source(Source("ACLED (test)", reliability="F"))
    rumour_mill = demo_workspace.add_source(Source("Rumour mill", reliability="E"))
    reuters = demo_workspace.resolve_source("Reuters")
    day = When.parse("2019-02-21")
    for n in range(3):  # a dataset row cited the ACLED way: F, credibility 6, with its id
        demo_workspace.add_event(Event(f"Armed clash {n}", day, external_id=f"SYR6859{n}",
                                       citations=(Citation(acled.uid, 6), Citation(reuters.uid, 2))))
    demo_workspace.add_event(Event("Graded down", day, citations=(Citation(rumour_mill.uid, 3),
                                                                 Citation(acled.uid, 6))))
    demo_workspace.add_event(Event("Improbable claim", day, citations=(Citation(reuters.uid, 5),
                                                                      Citation(acled.uid, 6))))
    out = tmp_path / "day.pdf"
    build_brief(demo_workspace, daily(day=day), None, out)
    whole = flat(" ".join(page_texts(out)))
    events_part, _, sources_part = whole.partition("Reliability of sources:")
    blocks = {b.split(" · ")[1].split(" 21 Feb")[0]: b for b in re.split(r"(?=E\d+ · )", events_part)
              if re.match(r"E\d+ · ", b)}
    clash = blocks["Armed clash 0"]
    assert "dataset id SYR68590" in clash and "⚠" not in clash  # F is not "below C"
    assert re.search(r"\[\d+ F6\]", clash) and re.search(r"\[\d+ B2\]", clash)  # the grade by each mark
    assert "only sources below C" in blocks["Graded down"]  # E counts, the F beside it does not lift it
    assert "information graded 4–5 (doubtful/improbable)" in blocks["Improbable claim"]
    # the Sources section: each source once, F said to be ungraded, one line per grade listing the events
    assert sources_part.count("ACLED (test) — reliability") == 1
    assert "F (ungraded: reliability cannot be judged)" in sources_part
    assert len(re.findall(r"credibility 6 \(truth cannot be judged\): E\d+, E\d+, E\d+, E\d+, E\d+",
                          sources_part)) == 1
