"""The page around a brief's story: styles, headings that become bookmarks and contents
lines, the document template, "page X of Y", and the marking, running head and footer
drawn on every page."""

from __future__ import annotations

from typing import Optional

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.pdfdoc import PDFObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Table
from reportlab.platypus.tableofcontents import TableOfContents

from .data import BriefData
from .labels import stamp
from .settings import TLP_LEVELS
from .text import FONT, FONT_BOLD, Para, esc, has_rtl, ltr_para, para, plain, register_fonts, rtl_first

__all__ = ["make_styles", "heading", "BriefDoc", "BodyFrame", "Contents", "on_page", "marking_font_size"]


# -- styles -------------------------------------------------------------------------------
def make_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    ink = colors.HexColor("#1d232b")
    grey = colors.HexColor("#5b6470")
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, textColor=ink)
    s = {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13, textColor=grey, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16, spaceBefore=10,
                             spaceAfter=5, textColor=colors.HexColor("#17375e"), keepWithNext=1),
        "h1-loose": ParagraphStyle("h1-loose", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16,
                                   spaceBefore=10, spaceAfter=5, textColor=colors.HexColor("#17375e")),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=7,
                             spaceAfter=3, textColor=colors.HexColor("#17375e"), keepWithNext=1),
        "event": ParagraphStyle("event", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=5,
                                keepWithNext=1),
        "meta": ParagraphStyle("meta", parent=base, fontSize=7.8, leading=10, textColor=grey),
        "small": ParagraphStyle("small", parent=base, fontSize=7.8, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.8, leading=9.6),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=FONT_BOLD, fontSize=7.8, leading=9.6),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=7.8, leading=9.6,
                               textColor=colors.white),
        "quote": ParagraphStyle("quote", parent=base, fontSize=8, leading=10.5, leftIndent=14,
                                textColor=colors.HexColor("#333a44")),
        "bluf": ParagraphStyle("bluf", parent=base, fontSize=9.5, leading=13, leftIndent=10, bulletIndent=0),
        "ref": ParagraphStyle("ref", parent=base, fontSize=8.3, leading=10.8, spaceBefore=4),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=10, textColor=grey),
        "carried": ParagraphStyle("carried", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                  textColor=colors.HexColor("#8a3b00"), spaceAfter=2),
        "line": ParagraphStyle("line", parent=base, fontSize=8, leading=10.2, leftIndent=12, firstLineIndent=-12),
        "none": ParagraphStyle("none", parent=base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=2),
        "marking": ParagraphStyle("marking", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10,
                                  alignment=TA_CENTER, textColor=colors.HexColor("#7a1010")),
        "toc1": ParagraphStyle("toc1", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=13, leftIndent=0),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=8.5, leading=11, leftIndent=14),
    }
    return s


# -- flowables with outline entries -------------------------------------------------------
class _Heading(Para):
    """A heading that becomes a bookmark, an outline entry and a TOC line (unless its
    `toc_markup` is None)."""

    def __init__(self, markup: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(markup, style)
        self.outline_level = level
        self.outline_text = plain(markup)
        self.toc_markup = markup  # already escaped: TOC entries are markup too
        self.outline_key = key


def heading(markup: str, style: ParagraphStyle, level: int, key: str) -> Flowable:
    if has_rtl(markup):  # shaped, bidi-ordered paragraph with the outline attributes
        p = para(markup, style)
        p.outline_level, p.outline_text, p.toc_markup, p.outline_key = level, plain(markup), markup, key
        return p
    return _Heading(markup, style, level, key)


class BriefDoc(BaseDocTemplate):
    """The brief's document, laid out in ONE pass.

    "Page X of Y" and the contents' page numbers are not known until the last page, so
    each page draws them as a reference to a PDF form (an XObject) that is only
    defined once the layout is done (`_endBuild`).  reportlab's usual way, `multiBuild`,
    lays the whole brief out twice; holding pages back to number them at the end would
    break every link's destination."""

    def __init__(self, target: object, data: BriefData, styles: dict[str, ParagraphStyle], **kw: object) -> None:
        self.data = data
        self.styles = styles
        self.heading_pages: dict[str, int] = {}
        super().__init__(target, **kw)

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        key = flowable.outline_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level > 0)
        self.heading_pages[key] = self.page

    def _endBuild(self) -> None:
        self._doSave = 0
        super()._endBuild()
        canvas, total = self.canv, self.page
        for number in range(1, total + 1):
            canvas.beginForm(f"page{number}", -300, -10, 10, 20)
            canvas.setFont(FONT, 7.5)
            canvas.setFillColor(colors.HexColor("#5b6470"))
            canvas.drawRightString(0, 0, f"Page {number} of {total}")
            canvas.endForm()
        for key, (font, size) in getattr(canvas, "_briefer_toc_forms", {}).items():
            canvas.beginForm(f"toc-{key}", -100, -10, 10, 30)
            canvas.setFont(font, size)
            canvas.drawRightString(0, 0, str(self.heading_pages.get(key, "?")))
            canvas.endForm()
        canvas.save()


class _InternalLink(PDFObject):
    """A link annotation to a bookmark in the brief, written straight out: reportlab's
    `LinkAnnotation` builds and formats a dictionary of PDF objects per link, a tenth
    of a period summary's time for its thousand links."""

    __slots__ = ("rect", "destination")

    def __init__(self, rect: tuple[float, float, float, float], destination: PDFObject) -> None:
        self.rect, self.destination = rect, destination

    def format(self, document: object) -> bytes:
        rect = " ".join(fp_str(v) for v in self.rect).encode("ascii")
        return (b"<< /Border [ 0 0 0 ] /Contents () /Dest " + self.destination.format(document)
                + b" /Rect [ " + rect + b" ] /Subtype /Link /Type /Annot >>")


class BriefCanvas(Canvas):
    """The brief's canvas: its internal links are `_InternalLink`s."""

    def linkRect(self, contents: str, destinationname: str, Rect: object = None, addtopage: int = 1,
                 name: object = None, relative: int = 1, thickness: float = 0, color: object = None,
                 dashArray: object = None, **kw: object) -> None:
        if contents or thickness or color is not None or dashArray or kw:  # not one of ours: reportlab's own
            return super().linkRect(contents, destinationname, Rect, addtopage, name, relative, thickness, color,
                                    dashArray, **kw)
        destination = self._bookmarkReference(destinationname)
        return self._addAnnotation(_InternalLink(self._absRect(Rect, relative), destination), name, addtopage)


class BodyFrame(Frame):
    """The page's one frame.  platypus deep-copies the current frame each time it
    measures a KeepTogether (every event of a brief): a shallow copy does as well (the
    copy's own generated content is dropped at once), at a fraction of the cost."""

    def __deepcopy__(self, memo: dict) -> "BodyFrame":
        twin = object.__new__(type(self))
        twin.__dict__ = dict(self.__dict__)
        return twin

_TOC_NUMBER_W = 22.0  # room kept at the right of a contents line for its page number


class Contents(TableOfContents):
    """reportlab's table of contents with its lines shaped and bidi-ordered like the rest
    of the brief (a group headed by an Arabic actor name), and its page numbers drawn
    as forms filled in when the layout is done (see `BriefDoc`).  The entries are all
    known before layout (`set_entries`)."""

    def set_entries(self, entries: list[tuple[int, str, int, str]]) -> None:
        self._lastEntries = list(entries)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]

        def draw_entry_end(canvas: Canvas, kind: str, label: str) -> None:
            level, key = label.split(",", 1)
            style = self.getLevelStyle(int(level))
            x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
            dot = " . "
            room = availWidth - _TOC_NUMBER_W - x
            count = int(room / stringWidth(dot, style.fontName, style.fontSize)) if room > 0 else 0
            if count:
                canvas.saveState()
                canvas.setFont(style.fontName, style.fontSize)
                canvas.drawRightString(availWidth - _TOC_NUMBER_W, y, dot * count)
                canvas.restoreState()
            forms = canvas.__dict__.setdefault("_briefer_toc_forms", {})
            forms[key] = (style.fontName, style.fontSize)
            canvas.saveState()
            canvas.translate(availWidth, y)
            canvas.doForm(f"toc-{key}")
            canvas.restoreState()

        self.canv.setNamedCB("drawTOCEntryEnd", draw_entry_end)
        rows = []
        for level, text, _page, key in entries:
            style = self.getLevelStyle(level)
            if key:
                text = f'<a href="#{key}">{text}</a>'
            # (a shaped line breaks in reportlab 5.1 when the page-number callback is glued to a word)
            gap = " " if has_rtl(text) else ""
            rows.append([ltr_para(f'{text}{gap}<onDraw name="drawTOCEntryEnd" label="{level},{esc(key or "")}"/>',
                                  style)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


def _draw_page_number(canvas: Canvas) -> None:
    width, _ = canvas._pagesize
    canvas.saveState()
    canvas.translate(width - 18 * mm, 13 * mm)
    canvas.doForm(f"page{canvas.getPageNumber()}")
    canvas.restoreState()


def _draw_marking(canvas: Canvas, data: BriefData, styles: dict[str, ParagraphStyle], y: float) -> None:
    width, _ = canvas._pagesize
    settings = data.settings
    level = settings.tlp
    canvas.saveState()
    if level:
        fg, bg = TLP_LEVELS[level]
        label = f"TLP:{level}"
        w = canvas.stringWidth(label, FONT_BOLD, 9) + 12
        canvas.setFillColor(colors.HexColor(bg))
        canvas.roundRect((width - w) / 2, y - 3, w, 13, 2, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(fg))
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawCentredString(width / 2, y, label)
    elif settings.marking.strip():
        size = marking_font_size(settings.marking, width) or _MARKING_SIZES[-1]
        style = ParagraphStyle("marking-fit", parent=styles["marking"], fontSize=size, leading=size + 1.5)
        p = para(esc(settings.marking.strip()), style)
        _, h = p.wrap(width - 40 * mm, 30)
        p.drawOn(canvas, 20 * mm, y - 2 + 10 - h)
    canvas.restoreState()


_MARKING_SIZES = (8.5, 8, 7.5, 7, 6.5, 6)


def marking_font_size(marking: str, page_width: float) -> Optional[float]:
    """The largest type size at which a classification line fits on one line across the
    page (it is printed at the top and bottom of every page); None when none does."""
    register_fonts()
    text = marking.strip()
    for size in _MARKING_SIZES:
        if stringWidth(text, FONT_BOLD, size) <= page_width - 40 * mm:
            return size
    return None


def _marking_width(data: BriefData, page_width: float) -> float:
    level = data.settings.tlp
    if level:
        return stringWidth(f"TLP:{level}", FONT_BOLD, 9) + 12
    text = data.settings.marking.strip()
    size = marking_font_size(text, page_width) or _MARKING_SIZES[-1]
    return min(stringWidth(text, FONT_BOLD, size), page_width - 40 * mm)


def _elide(text: str, room: float, font: str, size: float) -> str:
    """`text`, cut short with an ellipsis to fit `room` points ("" when nothing fits)."""
    if stringWidth(text, font, size) <= room:
        return text
    cut = len(text)
    while cut > 0 and stringWidth(text[:cut].rstrip() + "…", font, size) > room:
        cut -= 1
    return text[:cut].rstrip() + "…" if cut > 3 else ""


def on_page(canvas: Canvas, doc: BriefDoc) -> None:
    """What every page carries.  It is the same on every page but for the page number:
    drawn once, as a form, and placed on each page (hundreds of pages, one drawing)."""
    if not getattr(doc, "_furniture", False):
        canvas.beginForm("briefer-furniture")
        _draw_furniture(canvas, doc)
        canvas.endForm()
        doc._furniture = True
    canvas.doForm("briefer-furniture")
    _draw_page_number(canvas)


def _draw_furniture(canvas: Canvas, doc: BriefDoc) -> None:
    data, styles = doc.data, doc.styles
    width, height = canvas._pagesize
    _draw_marking(canvas, data, styles, height - 11 * mm)
    _draw_marking(canvas, data, styles, 7 * mm)
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#c5ccd6"))
    canvas.setLineWidth(0.5)
    canvas.line(18 * mm, height - 14 * mm, width - 18 * mm, height - 14 * mm)
    canvas.line(18 * mm, 17 * mm, width - 18 * mm, 17 * mm)
    canvas.restoreState()
    # running head: title and number; drawn as a paragraph since a title may be Arabic
    # it keeps clear of the marking centred above it: a long title is cut short
    room = (width - _marking_width(data, width)) / 2 - 18 * mm - 4 * mm
    number = f" · No. {data.number}"
    style = styles["note"]
    title = _elide(data.settings.display_title, room - stringWidth(number, style.fontName, style.fontSize),
                   style.fontName, style.fontSize)
    if room >= stringWidth(number, style.fontName, style.fontSize):  # else the marking needs the whole line
        head = para(esc(f"{title}{number}" if title else number.lstrip(" ·")), style)
        head.wrap(room, 20)
        x = 18 * mm if not rtl_first(title) else width - 18 * mm - room
        head.drawOn(canvas, x, height - 13 * mm)
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(colors.HexColor("#5b6470"))
    canvas.drawString(18 * mm, 13 * mm, f"Generated {stamp(data.generated)} UTC by Briefer")
    canvas.restoreState()

