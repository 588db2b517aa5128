"""The analyst's preferences (this laptop's, not the workspace's): colour scheme, the marking
new workspaces start with, how dates are written, the first day of the week and the time
zone times are shown in.  `when_text` is the one place dates are written for display."""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timezone

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from ..core.errors import WhenError
from ..core.when import MONTH_ABBR, Precision, When
from . import theme
from .forms import build_form

DATE_ORDERS = {"dmy": "9 Feb 2019", "mdy": "Feb 9, 2019", "iso": "2019-02-09 (EDTF)"}
WEEK_STARTS = {0: "Monday", 6: "Sunday", 5: "Saturday"}
_MONTHS = "|".join(MONTH_ABBR)


@dataclass
class Preferences:
    marking: str = ""  # what a new workspace's briefs are marked (empty: the brief's default)
    date_order: str = "dmy"
    week_start: int = 0  # 0 Monday … 6 Sunday
    time_zone: str = "UTC"

    @classmethod
    def load(cls, settings: QSettings) -> "Preferences":
        prefs = cls()
        order = settings.value("prefs/dateOrder", "dmy")
        prefs.date_order = order if order in DATE_ORDERS else "dmy"
        try:
            week = int(settings.value("prefs/weekStart", 0))
        except (TypeError, ValueError):
            week = 0
        prefs.week_start = week if week in WEEK_STARTS else 0
        zone = str(settings.value("prefs/timeZone", "UTC") or "UTC")
        prefs.time_zone = zone if valid_zone(zone) else "UTC"
        prefs.marking = str(settings.value("prefs/marking", "") or "")
        return prefs

    def save(self, settings: QSettings) -> None:
        settings.setValue("prefs/dateOrder", self.date_order)
        settings.setValue("prefs/weekStart", self.week_start)
        settings.setValue("prefs/timeZone", self.time_zone)
        settings.setValue("prefs/marking", self.marking)


CURRENT = Preferences()  # in force in this window (set at start and by the dialog)


def apply(prefs: Preferences) -> None:
    from .timeline import axis  # here: the timeline writes its dates through this module

    global CURRENT
    CURRENT = prefs
    axis.WEEK_START = prefs.week_start


def valid_zone(name: str) -> bool:
    if name == "UTC":
        return True
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _in_zone(when: When, prefs: Preferences) -> datetime | None:
    """A time of day in the analyst's zone; None for a date, an interval, or a zone that is UTC."""
    if when.precision is Precision.MINUTE and prefs.time_zone != "UTC" and not when.interval:
        return when.earliest.replace(tzinfo=timezone.utc).astimezone(zoneinfo.ZoneInfo(prefs.time_zone))
    return None


def when_text(when: When, prefs: Preferences | None = None) -> str:
    """A date as the analyst asked to read it: day-month-year, month-day-year or EDTF, and a
    time of day in their time zone (the store keeps UTC)."""
    prefs = prefs or CURRENT
    if prefs.date_order == "iso":
        return when.edtf
    label = when.label
    moment = _in_zone(when, prefs)
    if moment is not None:
        label = f"{moment.day} {MONTH_ABBR[moment.month - 1]} {moment.year} {moment:%H:%M} {moment.tzname()}"
    if prefs.date_order == "mdy":
        label = re.sub(rf"\b(\d{{1,2}})–(\d{{1,2}}) ({_MONTHS}) (\d{{4}})", r"\3 \1–\2, \4", label)
        label = re.sub(rf"\b(\d{{1,2}}) ({_MONTHS}) (\d{{4}})", r"\2 \1, \3", label)
        label = re.sub(rf"\b(\d{{1,2}}) ({_MONTHS})\b", r"\2 \1", label)
    return label


def day_text(day: date, year: bool = True, prefs: Preferences | None = None) -> str:
    """A calendar day (a `date` or a `datetime`) as `when_text` writes it: "9 Feb 2019",
    "Feb 9, 2019" or EDTF; without the year (the timeline's week ticks, under the month),
    "9 Feb" or "Feb 9" (EDTF keeps its year: "2019-02-09")."""
    prefs = prefs or CURRENT
    text = when_text(When.parse(f"{day.year:04d}-{day.month:02d}-{day.day:02d}"), prefs)
    return text if year or prefs.date_order == "iso" else re.sub(r",? \d+$", "", text)


def field_text(when: When, prefs: Preferences | None = None) -> str:
    """A date put in a field the analyst may edit and keep (a period's dates, the filter's
    range): as `when_text` writes it where Briefer reads that back as the same date, else as
    EDTF ("Feb 4–9, 2019" does not read back).  A time in the analyst's zone carries its UTC
    offset instead of the zone's name, which would not read back: "9 Feb 2019 16:30 +02:00"."""
    prefs = prefs or CURRENT
    text = when_text(when, prefs)
    moment = _in_zone(when, prefs) if prefs.date_order != "iso" else None
    if moment is not None:
        offset = moment.strftime("%z")
        text = f"{text.rsplit(' ', 1)[0]} {offset[:3]}:{offset[3:]}"
    try:
        return text if When.parse_friendly(text) == when else when.edtf
    except WhenError:
        return when.edtf


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget, settings: QSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        prefs = Preferences.load(settings)
        self.scheme = QComboBox(objectName="prefScheme")
        for name, label in theme.LABELS.items():
            self.scheme.addItem(label, name)
        self.scheme.setCurrentIndex(self.scheme.findData(theme.current(settings)))
        self.analyst = QLineEdit(theme.analyst_name(settings), objectName="prefAnalyst")
        self.analyst.setToolTip("Recorded with every change you make, and shown to the analysts you merge with")
        # a short example: the dialog is only as wide as its widest choice, and on a 1280x720
        # laptop the field cut "e.g. TLP:AMBER — for the briefs of new workspaces" (the rest is the tooltip)
        self.marking = QLineEdit(prefs.marking, objectName="prefMarking", placeholderText="e.g. TLP:AMBER")
        self.marking.setToolTip("What the briefs of workspaces you create from now on are marked "
                                "(empty: each brief's default)")
        self.date_order = QComboBox(objectName="prefDateOrder")
        for key, label in DATE_ORDERS.items():
            self.date_order.addItem(label, key)
        self.date_order.setCurrentIndex(self.date_order.findData(prefs.date_order))
        self.week_start = QComboBox(objectName="prefWeekStart")
        for key, label in WEEK_STARTS.items():
            self.week_start.addItem(label, key)
        self.week_start.setCurrentIndex(self.week_start.findData(prefs.week_start))
        self.time_zone = QComboBox(objectName="prefTimeZone", editable=True)
        self.time_zone.addItems(["UTC", *sorted(z for z in zoneinfo.available_timezones() if "/" in z)])
        self.time_zone.setCurrentText(prefs.time_zone)
        self.error = build_form(self, [("Colour scheme:", self.scheme), ("Your name:", self.analyst),
                                       ("Marking of new workspaces:", self.marking),
                                       ("Dates written as:", self.date_order), ("Weeks start on:", self.week_start),
                                       ("Show times in:", self.time_zone)], "prefError")

    def accept(self) -> None:
        zone = self.time_zone.currentText().strip()
        if not valid_zone(zone):
            self.error.setText(f"'{zone}' is not a time zone (write it as Europe/Berlin, Asia/Damascus or UTC)")
            self.error.show()
            return
        theme.choose(self.settings, self.scheme.currentData())
        self.settings.setValue("analyst", self.analyst.text().strip())
        prefs = Preferences(self.marking.text().strip(), self.date_order.currentData(),
                            self.week_start.currentData(), zone)
        prefs.save(self.settings)
        apply(prefs)
        super().accept()
