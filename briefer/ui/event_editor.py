"""The event editor: every field of an event, checked as it is typed.

The date field takes EDTF or the friendly forms Briefer prints and shows what it
understood ("c. 2013", "4–9 Feb 2019") or, in place, why it cannot; OK stays off
until the event is valid.  Actors are picked by name or alias with completion (an
unknown name offers to create the actor); citations pair a source (and optionally one
of its documents) with a credibility grade and the quoted words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget, QTabWidget, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..store.errors import EditConflict
from ..core.event_types import ACLED_EVENT_TYPES
from ..core.model import CREDIBILITY_LABELS, Actor, ActorKind, Citation, Confidence, Event, Participant, Role
from ..core.when import When
from . import commands, theme
from .filter_bar import _MultiCompleter
from .preferences import when_text
from .session import Session



class EventEditor(QDialog):
    """New event (event=None) or edit one; OK pushes one undoable command."""

    def __init__(self, session: Session, event: Optional[Event], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.original = event
        self.result_event: Optional[Event] = None
        self.setObjectName("eventEditor")
        self.setWindowTitle("Edit event" if event else "New event")
        self.resize(760, 620)
        ws = session.ws

        self.title = QLineEdit(objectName="eventTitle")
        self.when = QLineEdit(objectName="eventWhen", placeholderText="2019-02-09, Feb 2019, c. 2013, before Apr 2019…")
        self.when_label = QLabel(objectName="eventWhenLabel")
        self.when_label.setWordWrap(True)  # a long bad date's message must not widen the dialog off the screen
        self.summary = QPlainTextEdit(objectName="eventSummary")
        self.summary.setMaximumHeight(90)
        self.summary.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.place = QLineEdit(objectName="eventPlace")
        self.country = QLineEdit(objectName="eventCountry")
        self.latitude = QLineEdit(objectName="eventLatitude", placeholderText="latitude", toolTip="Latitude")
        self.longitude = QLineEdit(objectName="eventLongitude", placeholderText="longitude", toolTip="Longitude")
        self.place.setPlaceholderText("place")
        self.country.setPlaceholderText("country")
        self.event_type = QComboBox(objectName="eventType", editable=True)
        self.event_type.addItems([""] + sorted(set(ACLED_EVENT_TYPES) | set(ws.event_types())))
        self.sub_type = QComboBox(objectName="eventSubType", editable=True)
        self.tags = QLineEdit(objectName="eventTags", placeholderText="comma-separated")
        tag_completer = _MultiCompleter(QStringListModel(ws.tags(), self), self.tags)
        tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(tag_completer)
        self.fatalities = QLineEdit(objectName="eventFatalities", placeholderText="unknown")
        self.confidence = QComboBox(objectName="eventConfidence")
        for level in Confidence:
            self.confidence.addItem(level.label, level.value)
        self.confidence.setCurrentIndex(self.confidence.findData(Confidence.MODERATE.value))
        self.notes = QPlainTextEdit(objectName="eventNotes")
        self.notes.setTabChangesFocus(True)

        general = QWidget()
        form = QFormLayout(general)
        form.addRow("&Title:", self.title)
        form.addRow("&When:", self.when)
        form.addRow("", self.when_label)
        form.addRow("&Summary:", self.summary)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 2)
        place_row.addWidget(self.country, 1)
        place_row.addWidget(self.latitude)
        place_row.addWidget(self.longitude)
        form.addRow(self._label("&Place, country:", self.place), place_row)
        type_row = QHBoxLayout()
        type_row.addWidget(self.event_type, 1)
        type_row.addWidget(self.sub_type, 1)
        form.addRow(self._label("T&ype:", self.event_type), type_row)
        form.addRow("Ta&gs:", self.tags)
        form.addRow("&Fatalities:", self.fatalities)
        form.addRow("&Confidence:", self.confidence)
        form.addRow("&Notes:", self.notes)

        self.actors = ParticipantTable(session)
        self.citations = CitationTable(session)
        tabs = QTabWidget()
        tabs.addTab(general, "Event")
        tabs.addTab(self.actors.container, "Actors")
        tabs.addTab(self.citations.container, "Sources")
        self.tabs = tabs

        self.message = QLabel(objectName="eventMessage")
        self.message.setStyleSheet(theme.error_style(self))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.event_type.currentTextChanged.connect(self._fill_sub_types)
        for edit in (self.title, self.when, self.latitude, self.longitude, self.fatalities):
            edit.textChanged.connect(self._validate)
        if event is not None:
            self._load(event)
        else:
            self._fill_sub_types("")
        self._validate()
        tabs.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # typing starts in the title, not on the tab bar
        self.title.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A form label for a row of several fields; its Alt-key goes to the first."""
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _load(self, e: Event) -> None:
        self.actors.table.setRowCount(0)
        self.citations.table.setRowCount(0)
        self.title.setText(e.title)
        self.when.setText(e.when.edtf)
        self.summary.setPlainText(e.summary)
        self.place.setText(e.place)
        self.country.setText(e.country)
        self.latitude.setText("" if e.latitude is None else str(e.latitude))
        self.longitude.setText("" if e.longitude is None else str(e.longitude))
        self.event_type.setCurrentText(e.event_type)
        self._fill_sub_types(e.event_type)
        self.sub_type.setCurrentText(e.sub_event_type)
        self.tags.setText(", ".join(e.tags))
        self.fatalities.setText("" if e.fatalities is None else str(e.fatalities))
        self.confidence.setCurrentIndex(self.confidence.findData(e.confidence.value))
        self.notes.setPlainText(e.notes)
        for p in e.participants:
            self.actors.add_row(p)
        for c in e.citations:
            self.citations.add_row(c)

    def _fill_sub_types(self, event_type: str) -> None:
        current = self.sub_type.currentText()
        self.sub_type.clear()
        self.sub_type.addItems([""] + list(ACLED_EVENT_TYPES.get(event_type, ())))
        self.sub_type.setCurrentText(current)

    # -- checking --------------------------------------------------------------------------
    def _validate(self) -> bool:
        text = self.when.text().strip()
        if text:
            try:
                when = When.parse_friendly(text)
                shown = when_text(when)
                self.when_label.setText(shown if shown == when.edtf else f"{shown}   ({when.edtf})")
                self.when_label.setStyleSheet("")
            except BrieferError as error:
                self.when_label.setText(str(error))
                self.when_label.setStyleSheet(theme.error_style(self))
        else:
            self.when_label.setText("")
        try:
            self.build()
        except BrieferError as error:
            self.message.setText(str(error))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self.message.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    @staticmethod
    def _number(edit: QLineEdit, what: str, kind=float):
        text = edit.text().strip()
        if not text:
            return None
        try:
            return kind(text)
        except ValueError:
            raise BrieferError(f"{what} '{text}' is not a number") from None

    def build(self, resolve_actors: bool = False) -> Event:
        """The event the fields describe; raises BrieferError naming the field at fault."""
        if not self.when.text().strip():
            raise BrieferError("the date is empty: write one like 2019-02-09, Feb 2019 or c. 2013")
        try:
            when = When.parse_friendly(self.when.text().strip())
        except BrieferError as error:
            raise BrieferError(f"date: {error}") from None
        fields = dict(
            title=self.title.text().strip(), when=when, summary=self.summary.toPlainText().strip(),
            place=self.place.text().strip(), country=self.country.text().strip(),
            latitude=self._number(self.latitude, "latitude"), longitude=self._number(self.longitude, "longitude"),
            event_type=self.event_type.currentText().strip(), sub_event_type=self.sub_type.currentText().strip(),
            tags=tuple(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip())),
            fatalities=self._number(self.fatalities, "fatalities", int),
            confidence=Confidence(self.confidence.currentData()), notes=self.notes.toPlainText().strip(),
            participants=self.actors.participants(resolve_actors, self),
            citations=self.citations.citations(),
        )
        if (fields["latitude"] is None) != (fields["longitude"] is None):
            raise BrieferError("give both latitude and longitude, or neither")
        if self.original is not None:
            return replace(self.original, **fields)
        return Event(**fields)

    def accept(self) -> None:
        try:
            event = self.build(resolve_actors=True)
            command = None
            if self.original is None:
                command = commands.add_events(self.session, [event])
            elif event != self.original:
                command = commands.edit_event(self.session, self.original, event)
            if command is not None:  # actors created from the picker land with the event, in one undo step
                commands.apply(self.session, commands.creating_actors(command, self.actors.new_actors))
        except EditConflict as conflict:  # the store's check: saved by someone else since the editor opened it
            self._conflict(event, conflict)
            return
        except BrieferError as error:
            self.message.setText(str(error))
            return
        self.result_event = event
        super().accept()

    # -- someone else saved it meanwhile -----------------------------------------------
    def _conflict(self, mine: Event, conflict: EditConflict) -> None:
        """The store refused the save: someone else saved the event since the version this
        editor started from.  The store alone checks; EditConflict says who and when.  Then
        Reload, Overwrite or Merge Fields, or back to editing (saving again asks again)."""
        from .edit_conflict import MERGE, OVERWRITE, RELOAD, EditConflictDialog

        theirs = self.session.ws.get_event(conflict.uid)  # (read: the version the next save starts from)
        by, at = conflict.by, conflict.at
        dialog = EditConflictDialog(self.session, self.original, mine, theirs, by, at, self)
        dialog.exec()
        if dialog.choice == RELOAD:
            self.original = theirs
            self._load(theirs)
            self.message.setText(f"Reloaded {by or 'their'} version; your changes were dropped")
            return
        if dialog.choice not in (OVERWRITE, MERGE):
            return  # back to editing: the store still compares with the version opened
        saving = mine if dialog.choice == OVERWRITE else dialog.merge.record
        self.original = theirs  # what is stored now: Undo brings it back
        try:
            command = commands.edit_event(self.session, theirs, saving)
            commands.apply(self.session, commands.creating_actors(command, self.actors.new_actors))
        except EditConflict as again:
            self._conflict(mine, again)  # yet another change came meanwhile
            return
        except BrieferError as error:
            self.message.setText(str(error))
            return
        self.result_event = saving
        super().accept()


class _RowTable:
    """A small editable table with Add/Remove buttons under it."""

    def __init__(self, headers: list[str], name: str) -> None:
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton("Add", objectName=f"{name}Add")
        self.remove_button = QPushButton("Remove", objectName=f"{name}Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.container = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.container)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)


class ParticipantTable(_RowTable):
    def __init__(self, session: Session) -> None:
        super().__init__(["Actor (name or alias)", "Role"], "eventActors")
        self.session = session
        names = sorted({n for n, _ in session.ws.actor_names()}, key=str.casefold)
        self.names = QStringListModel(names)
        self.new_actors: list[Actor] = []
        self.add_button.clicked.connect(lambda: self.add_row(None))

    def add_row(self, participant: Optional[Participant]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QLineEdit(objectName="participantName")
        completer = QCompleter(self.names, name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        name.setCompleter(completer)
        role = QComboBox(objectName="participantRole")
        for r in Role:
            role.addItem(r.label, r.value)
        if participant is not None:
            actor = self.session.actors.get(participant.actor_uid)
            name.setText(actor.name if actor else "")
            role.setCurrentIndex(role.findData(participant.role.value))
        self.table.setCellWidget(row, 0, name)
        self.table.setCellWidget(row, 1, role)
        if participant is None:
            name.setFocus()

    def participants(self, resolve: bool, parent: QWidget) -> tuple[Participant, ...]:
        """Actors by name or alias; with `resolve`, an unknown name offers to create the actor.

        Actors to create are kept in `new_actors`; the editor adds them together with
        the event, so one Undo takes back both."""
        result: list[Participant] = []
        if resolve:
            self.new_actors = []
        pending = {a.name.casefold(): a for a in self.new_actors}
        for row in range(self.table.rowCount()):
            name = self.table.cellWidget(row, 0).text().strip()
            role = Role(self.table.cellWidget(row, 1).currentData())
            if not name:
                continue
            actor = self.session.ws.find_actor(name) or pending.get(name.casefold())
            if actor is None:
                if not resolve:
                    continue  # checked when OK is pressed
                answer = QMessageBox.question(parent, "New actor", f"No actor is called “{name}”. Create it?")
                if answer != QMessageBox.StandardButton.Yes:
                    raise BrieferError(f"no actor is called '{name}'")
                actor = Actor(name, ActorKind.OTHER)  # its kind can be set in the Actors panel
                self.new_actors.append(actor)
                pending[name.casefold()] = actor
            if all(p.actor_uid != actor.uid for p in result):
                result.append(Participant(actor.uid, role))
        return tuple(result)


class CitationTable(_RowTable):
    def __init__(self, session: Session) -> None:
        super().__init__(["Source", "Document", "Credibility", "Quoted words"], "eventCitations")
        self.session = session
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        widest = max(self.table.fontMetrics().horizontalAdvance(f"{g} – {label}")
                     for g, label in CREDIBILITY_LABELS.items())
        for column, width in ((0, 180), (1, 140), (2, widest + 40)):  # a grade's words are read whole
            self.table.setColumnWidth(column, width)
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self._uids: dict[int, str] = {}

    def add_row(self, citation: Optional[Citation]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        source = QComboBox(objectName="citationSource")
        for s in sorted(self.session.sources.values(), key=lambda s: s.name.casefold()):
            source.addItem(f"{s.name} ({s.reliability})", s.uid)
        document = QComboBox(objectName="citationDocument")
        credibility = QComboBox(objectName="citationCredibility")
        for grade, label in CREDIBILITY_LABELS.items():
            credibility.addItem(f"{grade} – {label}", grade)
        quote = QLineEdit(objectName="citationQuote")

        def fill_documents() -> None:
            document.clear()
            document.addItem("(none)", None)
            if source.currentData():
                for d in self.session.ws.documents(source.currentData()):
                    document.addItem(d.title, d.uid)

        source.currentIndexChanged.connect(fill_documents)
        if citation is not None:
            source.setCurrentIndex(max(0, source.findData(citation.source_uid)))
            fill_documents()
            document.setCurrentIndex(max(0, document.findData(citation.document_uid)))
            credibility.setCurrentIndex(credibility.findData(citation.credibility))
            quote.setText(citation.quote)
            quote.setProperty("citation_uid", citation.uid)
        else:
            fill_documents()
            credibility.setCurrentIndex(credibility.findData(6))
        for column, widget in enumerate((source, document, credibility, quote)):
            self.table.setCellWidget(row, column, widget)

    def citations(self) -> tuple[Citation, ...]:
        result = []
        for row in range(self.table.rowCount()):
            source, document, credibility, quote = (self.table.cellWidget(row, c) for c in range(4))
            if not source.currentData():
                raise BrieferError("a citation needs a source: add the source in the Sources panel first")
            uid = quote.property("citation_uid")
            fields = dict(source_uid=source.currentData(), credibility=credibility.currentData(),
                          quote=quote.text().strip(), document_uid=document.currentData())
            result.append(Citation(**fields, uid=uid) if uid else Citation(**fields))
        return tuple(result)
