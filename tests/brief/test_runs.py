"""The brief's own lines (citation marks, credibility lines) drawn as runs, and the
event titles they link back to."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefer.brief import BriefSettings, build_brief
from briefer.brief.runs import Run, RunLine
from briefer.brief.text import FONT, register_fonts


def test_every_event_link_in_the_sources_lands_on_that_events_page(demo_workspace, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    out = tmp_path / "period.pdf"
    build_brief(demo_workspace, BriefSettings(template="period", title="The last pocket"), None, out)
    reader = pypdf.PdfReader(str(out))
    drawn = pdfium.PdfDocument(str(out))
    texts = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    first_sources = next(i for i, t in enumerate(texts) if "Reliability of sources:" in t)
    checked = 0
    for index in range(first_sources, len(reader.pages)):
        textpage = drawn[index].get_textpage()
        for annot in reader.pages[index].get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Dest") is None:
                continue
            left, bottom, right, top = (float(v) for v in annot["/Rect"])
            label = textpage.get_text_bounded(left, bottom, right, top).strip()
            found = re.fullmatch(r"E(\d+)", label)
            assert found, f"a link in the sources section covers {label!r}, not one event number"
            target = page_of[annot["/Dest"][0].idnum]
            assert f"E{found[1]} · " in texts[target], f"E{found[1]} links to page {target + 1}, not to its event"
            checked += 1
    assert checked >= 5


def test_a_run_line_wraps_inside_its_width_keeps_links_whole_and_splits_by_line() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=FONT, fontSize=8, leading=10)
    runs = [Run("Sources: ")] + [Run(f"[{n} B3]", target=f"ref{n}") for n in range(1, 40)] + [Run(" ⚠ single source")]
    runs = [runs[0]] + [r for pair in zip(runs[1:-1], [Run(" ")] * 39) for r in pair] + [runs[-1]]
    line = RunLine(runs, style)
    width, height = line.wrap(120, 1000)
    assert height == len(line._lines) * 10 and len(line._lines) > 3
    for pieces in line._lines:
        x, text, _colour, _target, _w = pieces[-1]
        assert x + stringWidth(text.rstrip(" "), FONT, 8) <= 120 + 1e-6
    drawn = "".join(text for pieces in line._lines for _x, text, *_ in pieces)
    assert drawn == "".join(r.text for r in runs)  # nothing lost or repeated
    assert all(text.startswith("[") and text.endswith("]") for pieces in line._lines
               for _x, text, _c, target, _w in pieces if target)
    head, tail = line.split(120, 25)
    assert len(head._lines) == 2 and len(head._lines) + len(tail._lines) == len(line._lines)
    assert line.split(120, 5) == []


@pytest.mark.parametrize("text", ["<img src='/etc/passwd'/>", "قسد"])
def test_a_run_line_refuses_what_only_a_paragraph_may_hold(text: str) -> None:
    with pytest.raises(ValueError):
        RunLine([Run(text)], ParagraphStyle("t"))
