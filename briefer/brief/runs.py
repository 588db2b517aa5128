"""Lines of Briefer's own words (citation marks, warnings, credibility lines), drawn
without reportlab's markup parser.

A period summary has one "Sources: [2 B3] [5 F6] ⚠ single source" line per event and a
"credibility 3 (possibly true): E4, E9" line per reference.  As paragraph markup, each
colour change and link makes reportlab parse, break and draw the line word by word:
those lines cost as much as the rest of an event.  They hold no user text (numbers,
grades and fixed labels only), so they need neither escaping, shaping nor bidi, and
are laid out here as runs: text, colour, and the bookmark a run links to.

An anchored paragraph (`AnchoredPara`) is a plain paragraph that sets a bookmark at
its first line, as `<a name="…"/>` would, without turning the line into markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from .text import Para, has_rtl, needs_shaping, para

__all__ = ["Run", "RunLine", "AnchoredPara", "anchored"]


@dataclass(frozen=True)
class Run:
    """Text in the line's style; `colour` overrides its colour; `target` is the bookmark
    the run links to (the run is then never broken across lines)."""

    text: str
    colour: Optional[Color] = None
    target: Optional[str] = None


# one piece of a laid-out line: (x, text, colour, target, width)
_Piece = tuple[float, str, Optional[Color], Optional[str], float]


class RunLine(Flowable):
    """A left-aligned line (wrapped if need be) of runs in one font and size."""

    def __init__(self, runs: Sequence[Run], style: ParagraphStyle) -> None:
        super().__init__()
        for run in runs:  # only Briefer's own words come here: user text needs `para`
            if has_rtl(run.text) or "<" in run.text:
                raise ValueError(f"not a plain line of Briefer's words: {run.text!r}")
        self.runs = tuple(runs)
        self.style = style
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self._lines: list[list[_Piece]] = []
        self._laid_out_at: Optional[float] = None

    # -- layout ---------------------------------------------------------------------
    def _words(self) -> list[tuple[str, Optional[Color], Optional[str]]]:
        out = []
        for run in self.runs:
            if run.target is not None:
                out.append((run.text, run.colour, run.target))
                continue
            start = 0
            text = run.text
            while start < len(text):  # words with the spaces after them
                end = text.find(" ", start)
                end = len(text) if end < 0 else end + 1
                while end < len(text) and text[end] == " ":
                    end += 1
                out.append((text[start:end], run.colour, None))
                start = end
        return out

    def _layout(self, width: float) -> None:
        font, size = self.style.fontName, self.style.fontSize
        lines: list[list[_Piece]] = [[]]
        x = 0.0
        for text, colour, target in self._words():
            w = stringWidth(text, font, size)
            inked = stringWidth(text.rstrip(" "), font, size)
            if lines[-1] and x + inked > width:
                lines.append([])
                x = 0.0
            lines[-1].append((x, text, colour, target, w))
            x += w
        self._lines = lines
        self._laid_out_at = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._laid_out_at != availWidth:
            self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._laid_out_at != availWidth:
            self._layout(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit < 1 or fit >= len(self._lines):
            return []
        head, tail = RunLine(self.runs, self.style), RunLine(self.runs, self.style)
        head._lines, tail._lines = self._lines[:fit], self._lines[fit:]
        head._laid_out_at = tail._laid_out_at = availWidth
        tail.spaceBefore = head.spaceAfter = 0
        return [head, tail]

    # -- drawing --------------------------------------------------------------------
    def draw(self) -> None:
        canvas, style = self.canv, self.style
        font, size, leading = style.fontName, style.fontSize, style.leading
        y = self.height - size  # the first baseline, where a Paragraph puts it
        for line in self._lines:
            text = canvas.beginText(0, y)
            text.setFont(font, size, leading)
            current = None
            for _x, piece, colour, _target, _w in line:
                want = colour if colour is not None else style.textColor
                if want is not current:
                    text.setFillColor(want)
                    current = want
                text.textOut(piece)
            canvas.drawText(text)
            for x, piece, _colour, target, w in line:
                if target is not None:
                    canvas.linkRect("", target, (x, y - 0.25 * size, x + w, y + size), relative=1, thickness=0)
            y -= leading


class AnchoredPara(Para):
    """A paragraph whose first line is the destination `anchor` (as `<a name>` sets it)."""

    def __init__(self, markup: Optional[str], style: ParagraphStyle, anchor: Optional[str] = None,
                 **kw: object) -> None:
        super().__init__(markup, style, **kw)
        self.anchor = anchor

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], AnchoredPara):  # the anchor stays on the first line
            parts[0].anchor = self.anchor
        return parts

    def draw(self) -> None:
        super().draw()
        if self.anchor:  # where reportlab's <a name="…"/> at the start of the first line puts it
            self.canv.bookmarkHorizontal(self.anchor, 0, self.height - self.style.fontSize + self.style.leading)


def anchored(markup: str, style: ParagraphStyle, anchor: str) -> Flowable:
    """`para(markup)` that is also the destination `anchor`."""
    if needs_shaping(markup):  # shaped and bidi-ordered lines keep reportlab's own anchor
        return para(f'<a name="{anchor}"/>{markup}', style)
    return AnchoredPara(markup, style, anchor)
