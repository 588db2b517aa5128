"""The timeline as a picture for a slide: light whatever the window's theme, with a title,
the dates shown, the workspace's handling marking and a source line."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyleFactory

from ...brief.settings import load_settings
from ..preferences import day_text

if TYPE_CHECKING:
    from .view import TimelineView

TITLE_H = 58.0  # the band above the timeline: title, dates, marking
FOOTER_H = 24.0  # the source line below it


def export_texts(view: TimelineView) -> dict[str, str]:
    """What the picture says besides the timeline itself."""
    ws = view.ws
    lo, hi = view.visible_range()
    marking = load_settings(ws).marking if ws is not None else ""
    name = ws.name if ws is not None else "Briefer"
    shown = int(view.data.visible.sum())
    subject = f"{shown:,} event{'' if shown == 1 else 's'}" + ("" if view.filter.is_empty else " (filtered)")
    return {"title": f"{name} — timeline", "range": f"{day_text(lo)} – {day_text(hi)} · {subject}",
            "marking": marking, "source": f"Source: Briefer workspace {name}, exported "
                                          f"{day_text(datetime.now(timezone.utc))}"}


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def paint_export(view: TimelineView, painter: QPainter, width: int, height: int) -> None:
    """The whole picture: title band, the timeline as scrolled on screen (light), source line."""
    saved, own = view.palette(), view.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
    light = light_palette()
    view.setPalette(light)  # the painting reads the widget's palette: light for the slide
    try:
        texts = export_texts(view)
        painter.fillRect(QRectF(0, 0, width, height), light.color(QPalette.ColorRole.Base))
        text = light.color(QPalette.ColorRole.Text)
        title_font = QFont(view.font())
        title_font.setPointSizeF(view.font().pointSizeF() * 1.5)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(QRectF(12, 6, width - 24, 28), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         texts["title"])
        if texts["marking"]:
            marking = QFont(view.font())
            marking.setBold(True)
            painter.setFont(marking)
            painter.setPen(QColor("#b3261e"))
            painter.drawText(QRectF(12, 6, width - 24, 28), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             texts["marking"])
        painter.setFont(view.font())
        quiet = QColor(text)
        quiet.setAlphaF(0.7)
        painter.setPen(quiet)
        painter.drawText(QRectF(12, 34, width - 24, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         texts["range"])
        painter.save()
        painter.translate(0, TITLE_H)
        painter.setClipRect(QRectF(0, 0, width, height - TITLE_H - FOOTER_H))
        view.paint(painter, width, int(height - TITLE_H - FOOTER_H), export=True)
        painter.restore()
        painter.setFont(view.font())
        painter.setPen(quiet)
        painter.drawText(QRectF(12, height - FOOTER_H, width - 24, FOOTER_H),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, texts["source"])
    finally:
        view.setPalette(saved if own else QPalette())  # back to following the application's scheme
