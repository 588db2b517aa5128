"""Colour by a field: glyphs take the colour of their event type, best source grade,
confidence or first tag instead of their lane's.  Each value keeps its colour across
sessions (the mapping is stored in the workspace), and the legend's entries hide or show
the events of a value."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from ...core.errors import BrieferError
from ...core.style import LANE_COLOURS
from ...store import timeline as store_timeline
from ..desk_link import read_or

COLOUR_BY = {"lane": "Lane", "type": "Event type", "grade": "Source grade", "confidence": "Confidence", "tag": "Tag"}
SETTING = "timeline.colours"  # {"by": field, "map": {field: {value: colour number}}, "hidden": {field: [values]}}
LEGEND_MAX = 14  # values a legend lists (a workspace may have hundreds of tags)


class ColoursMixin:
    """The colour-by half of `TimelineView`."""

    def make_colour_controls(self) -> None:
        self.colour_by = "lane"
        self._colour_map: dict[str, dict[str, int]] = {}
        self._hidden: dict[str, set[str]] = {}
        self._event_values: dict[int, str] = {}
        self.colour_box = QComboBox(objectName="timelineColourBy")
        self.colour_box.setToolTip("What the glyphs' colour says")
        for key, label in COLOUR_BY.items():
            self.colour_box.addItem(f"Colour: {label}", key)
        self.colour_box.currentIndexChanged.connect(lambda *_: self.set_colour_by(self.colour_box.currentData()))
        self.colour_legend = QWidget(objectName="timelineColourLegend")
        self._legend_row = QHBoxLayout(self.colour_legend)
        self._legend_row.setContentsMargins(6, 0, 6, 2)
        self.colour_legend.hide()

    # -- state --------------------------------------------------------------------------------
    def set_colour_by(self, field: str) -> None:
        if field not in COLOUR_BY:
            raise ValueError(f"cannot colour by {field!r}")
        self.colour_by = field
        self._event_values.clear()
        self._show_colour_choice()
        self._remember_colours()
        self._changed()

    def hidden_values(self) -> set[str]:
        return self._hidden.setdefault(self.colour_by, set())

    def toggle_value(self, value: str) -> None:
        """Hide the events of a value (a legend entry clicked), or show them again."""
        hidden = self.hidden_values()
        hidden.symmetric_difference_update({value})
        self._remember_colours()
        self.refresh_colour_legend()
        self._changed()

    def value_colour(self, value: str) -> QColor:
        """A value's colour: the one it was given when first seen in this workspace."""
        mapping = self._colour_map.setdefault(self.colour_by, {})
        if value not in mapping:
            mapping[value] = len(mapping)
        return QColor(LANE_COLOURS[mapping[value] % len(LANE_COLOURS)])

    def event_value(self, event_id: int) -> Optional[str]:
        return self._event_values.get(event_id)

    def fetch_values(self, ids) -> None:
        """The colour-by values of events about to be drawn, read once."""
        if self.colour_by == "lane" or self.ws is None:
            return
        need = [i for i in ids if i not in self._event_values]
        if need:
            if len(self._event_values) > 200_000:
                self._event_values.clear()
            self._event_values.update(read_or(self.ws, lambda: store_timeline.colour_values(
                self.ws, self.colour_by, need), {}))

    def forget_values(self, ids=None) -> None:
        if ids is None:
            self._event_values.clear()
        else:
            for i in ids:
                self._event_values.pop(i, None)

    # -- the workspace keeps it ------------------------------------------------------------------
    def restore_colours(self) -> None:
        saved = self.ws.setting(SETTING, {}) if self.ws is not None else {}
        saved = saved if isinstance(saved, dict) else {}
        self.colour_by = saved.get("by") if saved.get("by") in COLOUR_BY else "lane"
        maps = saved.get("map") if isinstance(saved.get("map"), dict) else {}
        self._colour_map = {k: {str(v): int(n) for v, n in m.items() if isinstance(n, int)}
                            for k, m in maps.items() if isinstance(m, dict)}
        hidden = saved.get("hidden") if isinstance(saved.get("hidden"), dict) else {}
        self._hidden = {k: {str(v) for v in vs} for k, vs in hidden.items() if isinstance(vs, list)}
        self._event_values.clear()
        self._show_colour_choice()

    def _remember_colours(self) -> None:
        if self.ws is None:
            return
        try:
            self.ws.set_setting(SETTING, {"by": self.colour_by, "map": self._colour_map,
                                          "hidden": {k: sorted(v) for k, v in self._hidden.items() if v}})
        except BrieferError:  # read-only: for this session only
            pass

    # -- the legend -----------------------------------------------------------------------------
    def _show_colour_choice(self) -> None:
        index = self.colour_box.findData(self.colour_by)
        if self.colour_box.currentIndex() != index:
            self.colour_box.blockSignals(True)
            self.colour_box.setCurrentIndex(index)
            self.colour_box.blockSignals(False)
        self.refresh_colour_legend()

    def refresh_colour_legend(self) -> None:
        """One entry per value (in its colour); a click hides or shows that value's events."""
        while self._legend_row.count():
            item = self._legend_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        shown = self.colour_by != "lane" and self.ws is not None
        self.colour_legend.setVisible(shown)
        if not shown:
            return
        choices = store_timeline.colour_choices(self.ws, self.colour_by)
        for value in choices:
            self.value_colour(value)  # every value has its colour from the start
        self._remember_colours()
        hidden = self.hidden_values()
        self._legend_row.addWidget(QLabel(f"{COLOUR_BY[self.colour_by]}:"))
        for value in choices[:LEGEND_MAX]:
            button = QToolButton(objectName="colourLegendEntry", text=value, checkable=True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setChecked(value not in hidden)
            swatch = QPixmap(12, 12)
            swatch.fill(self.value_colour(value) if value not in hidden else QColor("#bbbbbb"))
            button.setIcon(QIcon(swatch))
            button.setToolTip(f"Click to {'show' if value in hidden else 'hide'} the events of “{value}”")
            button.clicked.connect(lambda *_, v=value: self.toggle_value(v))
            self._legend_row.addWidget(button)
        if len(choices) > LEGEND_MAX:
            self._legend_row.addWidget(QLabel(f"… and {len(choices) - LEGEND_MAX:,} more"))
        self._legend_row.addStretch(1)
