"""The filter bar over every view: what the analyst is looking at, and how many.

It turns the fields into one `EventFilter` and hands it to the session; a field that
cannot be understood (an unknown actor, a date like "soon", search text with nothing
to search) is marked in place with the reason and the previous filter stays in force,
so a typo never empties the screen or raises.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QSizePolicy, QToolButton,
    QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.filter import EventFilter
from ..core.when import When
from . import theme
from .preferences import field_text
from .session import Session

ANY = "Any"


class _MultiCompleter(QCompleter):
    """Completes the last of several comma-separated names, in a list wide enough for
    whole names ("Islamic State (Syria)" and "Islamic State (Iraq)" told apart), however
    narrow the field."""

    def __init__(self, names: QStringListModel, edit: QLineEdit) -> None:
        super().__init__(names, edit)
        names.modelReset.connect(self._fit_names)

    def _fit_names(self) -> None:
        popup = self.popup()
        metrics = popup.fontMetrics()
        widest = max((metrics.horizontalAdvance(n) for n in self.model().stringList()), default=0)
        screen = self.widget().screen().availableGeometry().width() if self.widget().screen() else 1200
        # QCompleter sizes the list to the field; a minimum width keeps whole names visible
        popup.setMinimumWidth(min(widest + popup.verticalScrollBar().sizeHint().width() + 24, screen // 2))

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt's name
        text = self.widget().text()
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + index.data()


class FilterBar(QWidget):
    """Text, dates, actors, sources, type, tag, reliability, saved views, and the count."""

    problem = Signal(str)  # a field could not be understood ("" when all is well)

    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("filterBar")
        self.text = QLineEdit(placeholderText="Search events…", clearButtonEnabled=True, objectName="filterText")
        self.start = QLineEdit(placeholderText="from (e.g. 2018)", objectName="filterFrom")
        self.end = QLineEdit(placeholderText="to (e.g. Feb 2019)", objectName="filterTo")
        self.actors = QLineEdit(placeholderText="actors, by name or alias", objectName="filterActors")
        self.sources = QLineEdit(placeholderText="sources", objectName="filterSources")
        for field_, width in ((self.start, 130), (self.end, 130)):
            field_.setMaximumWidth(width)
        self.event_type = QComboBox(objectName="filterType")
        self.tag = QComboBox(objectName="filterTag")
        self.reliability = QComboBox(objectName="filterReliability")
        self.reliability.addItem("Any grade", None)
        for grade in "ABCDE":
            self.reliability.addItem(f"Source {grade} or better", grade)
        self.views = QComboBox(objectName="filterViews")
        for combo in (self.event_type, self.tag, self.reliability, self.views):  # narrow windows still fit
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.currentTextChanged.connect(combo.setToolTip)  # the whole choice, when the box cuts it
        self.save_view = QToolButton(text="Save view…", objectName="saveView")
        self.clear = QToolButton(text="Clear", objectName="clearFilter")
        self.count = QLabel(objectName="filterCount")
        self.message = QLabel(objectName="filterMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._actor_names = QStringListModel(self)
        self._source_names = QStringListModel(self)
        for edit, names in ((self.actors, self._actor_names), (self.sources, self._source_names)):
            completer = _MultiCompleter(names, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.text, 3)
        top.addWidget(self.start)
        top.addWidget(QLabel("–"))
        top.addWidget(self.end)
        top.addWidget(self.actors, 2)
        top.addWidget(self.sources, 1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        for widget in (self.event_type, self.tag, self.reliability, QLabel("View:"), self.views, self.save_view,
                       self.clear):
            bottom.addWidget(widget)
        bottom.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply)
        for edit in (self.text, self.start, self.end, self.actors, self.sources):
            edit.textEdited.connect(self._debounce.start)
            edit.returnPressed.connect(self.apply)
        for combo in (self.event_type, self.tag, self.reliability):
            combo.currentIndexChanged.connect(self.apply)
        self.views.activated.connect(self._recall_view)
        self.save_view.clicked.connect(self._save_view)
        self.clear.clicked.connect(self.clear_all)
        session.workspaceChanged.connect(self.refresh_choices)
        session.changed.connect(self._changes)
        session.filterChanged.connect(self._update_count)
        session.preferencesChanged.connect(self._show_dates)
        self.refresh_choices()

    def _changes(self, changes) -> None:
        """Names to complete, types and tags to choose follow edits, each as far as the edit
        touched it (reading every type and tag of a million events takes a good part of a
        second); the count follows events."""
        ws = self.session.ws
        if changes.everything or ws is None:
            self.refresh_choices()
            self._update_count()
            return
        if changes.touches("actors"):
            names = sorted({n for n, _ in ws.actor_names()}, key=str.casefold)
            if names != self._actor_names.stringList():  # a description edited names no one new
                self._actor_names.setStringList(names)
        if changes.touches("sources"):
            self._source_names.setStringList(sorted((s.name for s in ws.sources()), key=str.casefold))
        grown = changes.events.added | changes.events.changed
        if len(grown) > 200:
            self.refresh_choices()
        elif grown:  # an edited or added event may bring a new type or tag (one no event has any more stays listed)
            events = ws.events_by_uids(sorted(grown))
            for combo, values in ((self.event_type, {e.event_type for e in events if e.event_type}),
                                  (self.tag, {t for e in events for t in e.tags})):
                new = sorted(v for v in values if combo.findData(v) < 0)
                if new:
                    known = [combo.itemData(i) for i in range(1, combo.count())]
                    self._fill_combo(combo, combo.itemText(0), sorted([*known, *new], key=str.casefold))
        if changes.touches("events"):
            self._update_count()

    def _fill_combo(self, combo, label: str, values) -> None:
        current = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(label, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    # -- choices --------------------------------------------------------------------
    def refresh_choices(self) -> None:
        ws = self.session.ws
        self._actor_names.setStringList(sorted({n for n, _ in ws.actor_names()}, key=str.casefold) if ws else [])
        self._source_names.setStringList(sorted((s.name for s in ws.sources()), key=str.casefold) if ws else [])
        for combo, label, values in ((self.event_type, "Any type", ws.event_types() if ws else []),
                                     (self.tag, "Any tag", ws.tags() if ws else [])):
            self._fill_combo(combo, label, values)
        with QSignalBlocker(self.views):
            self.views.clear()
            self.views.addItem("—", None)
            for name in (ws.views() if ws else {}):
                self.views.addItem(name, name)
        self.setEnabled(ws is not None)

    # -- fields -> filter -----------------------------------------------------------------
    def build_filter(self) -> EventFilter:
        """The filter the fields describe; raises BrieferError naming the field at fault."""
        ws = self.session.ws
        start = self._when(self.start, "From")
        end = self._when(self.end, "To")
        actors = tuple(self._resolve(self.actors.text(), ws.find_actor, "actor"))
        sources = tuple(self._resolve(self.sources.text(), ws.find_source, "source"))
        f = EventFilter(
            start=start, end=end, actors=actors, sources=sources,
            event_types=(self.event_type.currentData(),) if self.event_type.currentData() else (),
            tags=(self.tag.currentData(),) if self.tag.currentData() else (),
            min_reliability=self.reliability.currentData(), text=self.text.text().strip(),
        )
        self.session.count(f)  # a search text the index cannot take fails here, with its reason
        return f

    @staticmethod
    def _when(edit: QLineEdit, label: str) -> Optional[When]:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return When.parse_friendly(text)
        except BrieferError as error:
            raise BrieferError(f"{label}: {error}") from None

    @staticmethod
    def _resolve(text: str, find, what: str) -> list[str]:
        uids = []
        for name in (n.strip() for n in text.split(",")):
            if not name:
                continue
            record = find(name)
            if record is None:
                raise BrieferError(f"no {what} is called '{name}'")
            uids.append(record.uid)
        return uids

    def apply(self) -> None:
        self._debounce.stop()
        if self.session.ws is None:
            return
        try:
            f = self.build_filter()
        except BrieferError as error:
            self.message.setStyleSheet(theme.error_style(self))  # for the scheme in force now
            self.message.setText(str(error))
            self.message.setToolTip(str(error))
            self.problem.emit(str(error))
            return
        if self.message.text():  # (clearing an empty label still lays the bar out and repaints it)
            self.message.clear()
        self.problem.emit("")
        self.session.set_filter(f)

    def set_filter_fields(self, f: EventFilter) -> None:
        """Show `f` in the fields (recalling a saved view) and apply it."""
        ws = self.session.ws
        actors, sources = self.session.actors, self.session.sources
        self.text.setText(f.text)
        self.start.setText(field_text(f.start) if f.start else "")
        self.end.setText(field_text(f.end) if f.end else "")
        self.actors.setText(", ".join(actors[u].name for u in f.actors if u in actors))
        self.sources.setText(", ".join(sources[u].name for u in f.sources if u in sources))
        for combo, values in ((self.event_type, f.event_types), (self.tag, f.tags)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(values[0]) if values else 0))
        with QSignalBlocker(self.reliability):
            self.reliability.setCurrentIndex(max(0, self.reliability.findData(f.min_reliability)))
        if ws is not None:
            self.apply()

    def _show_dates(self) -> None:
        """The dates of the filter in force, written as the analyst now asks; a field holding
        something else (a date being typed, one that could not be read) is left as it is."""
        for edit, when in ((self.start, self.session.filter.start), (self.end, self.session.filter.end)):
            try:
                if when is not None and When.parse_friendly(edit.text().strip()) == when:
                    edit.setText(field_text(when))
            except BrieferError:
                continue

    def clear_all(self) -> None:
        self.set_filter_fields(EventFilter())
        with QSignalBlocker(self.views):
            self.views.setCurrentIndex(0)

    def show_actors(self, names: list[str]) -> None:
        self.actors.setText(", ".join(names))
        self.apply()

    def show_sources(self, names: list[str]) -> None:
        self.sources.setText(", ".join(names))
        self.apply()

    # -- saved views -----------------------------------------------------------------------
    def _save_view(self) -> None:
        self.apply()
        name, ok = QInputDialog.getText(self, "Save view", "Name of this view:")
        if ok and name.strip():
            self.session.ws.save_view(name.strip(), self.session.filter)
            self.refresh_choices()
            with QSignalBlocker(self.views):
                self.views.setCurrentIndex(self.views.findData(name.strip()))

    def _recall_view(self, index: int) -> None:
        name = self.views.itemData(index)
        if name is None:
            return
        views = self.session.ws.views()
        if name not in views:
            QMessageBox.information(self, "Saved view", f"The view '{name}' no longer exists.")
            return
        self.set_filter_fields(views[name])

    def _update_count(self, *_: object) -> None:
        ws = self.session.ws
        if ws is None:
            self.count.clear()
            return
        total = self.session.count(EventFilter())
        shown = self.session.count()
        self.count.setText(f"{shown:,} of {total:,} events")
