"""The article assistant's review: the report on one side, what it proposes on the other.

The analyst pastes a report or opens/drops a file, corrects the headline, outlet and
publication date if needed, then goes through the proposals: each is highlighted in
the text when selected, events can be edited in place (title, date, place), merged or
rejected, actors renamed, merged or rejected, statements kept or dropped.  Only the
events ticked as accepted land, in one transaction, when "Accept" is pressed; the
dialog then emits `landed` and closes with QDialog.Accepted so the window refreshes.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Optional

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import (
    QCompleter, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QStackedWidget, QTabWidget, QTextEdit,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.when import When
from ..intake.assistant import UNKNOWN_OUTLET, analyse
from ..intake.by_hand import event_from_text
from ..intake.landing import Landed, accept, merge_actor_proposals, merge_events
from ..intake.proposals import Analysis, proposal_date_text
from ..intake.reading import SUPPORTED_SUFFIXES, Article, article_from_text, read_article
from .intake_marks import actor_item, citation_item, date_item, dropped_report, marks, proposal_tree, source_item
from .intake_match import ID_ROLE, SPAN_ROLE, MatchPanel, Utf16, event_item, title_tip
from .preferences import when_text
from .theme import mark_colours

__all__ = ["IntakeDialog"]


def _count(items, one: str, many: str = "") -> str:
    return f"{len(items)} {one if len(items) == 1 else many or one + 's'}"

_MAX_COLUMN = 200  # px: the widest a column of the lists opens (it can be dragged wider)
_MAX_WHEN = 360  # px: the events' When opens as wide as its dates, "on or before 5 Oct 2017 (no date in the report)" too
_MIN_TITLE = 160  # px: the events' Title takes the width the columns up to When leave, but no less
_WHEN, _PLACE = 3, 4  # the events list's columns typed in (after Accept, Title, Status)


class IntakeDialog(QDialog):
    """File ▸ Import ▸ Article…: review the assistant's proposals and accept some."""

    landed = Signal(object)  # briefer.intake.landing.Landed

    def __init__(self, ws, parent: Optional[QWidget] = None, path: Optional[str] = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.article: Optional[Article] = None
        self.analysis: Optional[Analysis] = None
        self.result_landed: Optional[Landed] = None
        self._filling = False
        self._focus: Optional[tuple[int, int]] = None  # the proposal marked in orange
        self._said = ""  # the status line's message, as written
        self.setObjectName("intakeDialog")
        self.setWindowTitle("Import article")
        self.setAcceptDrops(True)
        self.resize(1280, 780)

        # -- the report's metadata, editable -----------------------------------------
        self.headline = QLineEdit(objectName="intakeHeadline")
        self.outlet = QLineEdit(objectName="intakeOutlet", placeholderText="the source that published it")
        completer = QCompleter(QStringListModel([s.name for s in ws.sources()], self), self.outlet)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.outlet.setCompleter(completer)
        self.outlet_note = QLabel(objectName="intakeOutletNote")
        self.outlet.textEdited.connect(self._outlet_typed)
        completer.activated.connect(self._outlet_typed)  # a name picked from the list is checked too
        self.author = QLineEdit(objectName="intakeAuthor")
        self.published = QLineEdit(objectName="intakePublished", placeholderText="2019-02-09")
        self.published_note = QLabel(objectName="intakePublishedNote")
        self.reread = QPushButton("Re-read with this date", objectName="intakeReread")
        self.reread.clicked.connect(self._reanalyse)
        meta = QFormLayout()
        meta.addRow("Headline", self.headline)
        outlet_row = QHBoxLayout()
        outlet_row.addWidget(self.outlet, 1)
        outlet_row.addWidget(self.outlet_note)
        meta.addRow("Outlet", outlet_row)
        meta.addRow("Author", self.author)
        pub_row = QHBoxLayout()
        pub_row.addWidget(self.published)
        pub_row.addWidget(self.published_note, 1)
        pub_row.addWidget(self.reread)
        meta.addRow("Published", pub_row)
        self.meta_box = QWidget()
        self.meta_box.setLayout(meta)

        # -- page 1: paste or open ----------------------------------------------------
        self.paste = QPlainTextEdit(objectName="intakePaste")
        self.paste.setPlaceholderText("Paste a news report here, or open or drop a file "
                                      f"({', '.join(SUPPORTED_SUFFIXES)}).")
        self.open_button = QPushButton("Open file…", objectName="intakeOpen")
        self.open_button.clicked.connect(self._choose_file)
        self.analyse_button = QPushButton("Analyse", objectName="intakeAnalyse")
        self.analyse_button.clicked.connect(self._analyse_pasted)
        self.analyse_button.setDefault(True)
        paste_page = QWidget()
        p_layout = QVBoxLayout(paste_page)
        p_layout.addWidget(self.paste, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.analyse_button)
        p_layout.addLayout(row)

        # -- page 2: review -------------------------------------------------------------
        self.text_view = QTextEdit(objectName="intakeText", readOnly=True)
        self.text_view.setAcceptDrops(False)
        self.tabs = QTabWidget(objectName="intakeTabs")
        self.events_tree = proposal_tree("intakeEvents", ["Accept", "Title", "Status", "When", "Place", "Actors", "Source"])
        self.actors_tree = proposal_tree("intakeActors", ["Keep", "Name", "Kind", "Workspace", "Seen as"])
        self.citations_tree = proposal_tree("intakeCitations", ["Keep", "Speaker", "Source", "Channel", "Quote"])
        self.sources_tree = proposal_tree("intakeSources", ["Keep", "Name", "Kind", "Workspace", "Why"])
        self.dates_tree = proposal_tree("intakeDates", ["Text", "When", "Rule"])
        for tree in (self.events_tree, self.actors_tree, self.citations_tree, self.sources_tree, self.dates_tree):
            tree.currentItemChanged.connect(self._focus_item)
        self.events_tree.itemChanged.connect(self._event_edited)
        self.events_tree.viewport().installEventFilter(self)
        self.actors_tree.itemChanged.connect(self._actor_edited)
        self.events_tree.itemChanged.connect(lambda *_: self._update_accept())

        events_page = QWidget()
        e_layout = QVBoxLayout(events_page)
        e_layout.setContentsMargins(0, 0, 0, 0)
        e_layout.addWidget(self.events_tree, 1)
        self.match_panel = MatchPanel(self._corroboration_changed)
        self.events_tree.currentItemChanged.connect(self._show_match)
        e_layout.addWidget(self.match_panel)
        e_buttons = QHBoxLayout()
        self.accept_all_button = QPushButton("Accept all", objectName="intakeAcceptAll")
        self.reject_all_button = QPushButton("Reject all", objectName="intakeRejectAll")
        self.merge_events_button = QPushButton("Merge selected", objectName="intakeMergeEvents")
        self.accept_all_button.clicked.connect(lambda: self._check_all(self.events_tree, True))
        self.reject_all_button.clicked.connect(lambda: self._check_all(self.events_tree, False))
        self.merge_events_button.clicked.connect(self._merge_events)
        # a happening the assistant missed: select its words in the report, then add it
        self.add_event_button = QPushButton("Add selected words as event", objectName="intakeAddFromText",
                                            enabled=False, toolTip="Select the words of the report that tell it first.")
        self.add_event_button.clicked.connect(self._add_from_text)
        self.text_view.copyAvailable.connect(self.add_event_button.setEnabled)
        for b in (self.accept_all_button, self.reject_all_button, self.merge_events_button, self.add_event_button):
            e_buttons.addWidget(b)
        e_buttons.addWidget(QLabel("Double-click a title, date or place to edit it.", wordWrap=True,
                                   alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), 1)
        e_layout.addLayout(e_buttons)

        actors_page = QWidget()
        a_layout = QVBoxLayout(actors_page)
        a_layout.setContentsMargins(0, 0, 0, 0)
        a_layout.addWidget(self.actors_tree, 1)
        a_buttons = QHBoxLayout()
        self.merge_actors_button = QPushButton("Merge selected", objectName="intakeMergeActors")
        self.merge_actors_button.clicked.connect(self._merge_actors)
        a_buttons.addWidget(self.merge_actors_button)
        a_buttons.addStretch(1)
        a_buttons.addWidget(QLabel("Untick an actor to leave it out; double-click a new actor's name to rename it."))
        a_layout.addLayout(a_buttons)

        self.tabs.addTab(events_page, "Events")
        self.tabs.addTab(actors_page, "Actors")
        self.tabs.addTab(self.citations_tree, "Statements")
        self.tabs.addTab(self.dates_tree, "Dates")
        self.tabs.addTab(self.sources_tree, "Sources")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.text_view)
        splitter.addWidget(self.tabs)
        splitter.setSizes([520, 760])
        review_page = QWidget()
        r_layout = QVBoxLayout(review_page)
        r_layout.setContentsMargins(0, 0, 0, 0)
        r_layout.addWidget(splitter, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(paste_page)
        self.pages.addWidget(review_page)

        self.status = QLabel(objectName="intakeStatus", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = self.buttons.addButton("Accept", QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("intakeAccept")
        self.accept_button.setEnabled(False)
        self.back_button = self.buttons.addButton("Another report…", QDialogButtonBox.ButtonRole.ResetRole)
        self.back_button.setVisible(False)
        self.back_button.clicked.connect(self._back)
        self.buttons.accepted.connect(self._land)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.meta_box)
        layout.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.meta_box.setVisible(False)
        if path:
            self.open_file(path)

    # -- input ----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt name)
        if dropped_report(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt name)
        path = dropped_report(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)

    def _choose_file(self) -> None:
        pattern = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, "Open a report", "", f"Reports ({pattern});;All files (*)")
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        try:
            article = read_article(path)
        except BrieferError as error:
            self._error(str(error))
            return False
        self.set_article(article)
        return True

    def _analyse_pasted(self) -> None:
        text = self.paste.toPlainText()
        if not text.strip():
            self._error("Paste a report first, or open a file.")
            return
        self.set_article(article_from_text(text))

    def set_article(self, article: Article) -> None:
        """Show a report and what the assistant proposes for it."""
        self.article = article
        self.headline.setText(article.title)
        self.outlet.setText(article.outlet)
        self.author.setText(article.author)
        self.published.setText(article.published.isoformat() if article.published else "")
        self._run_analysis(article.published)

    def _reanalyse(self) -> None:
        if self.article is None:
            return
        text = self.published.text().strip()
        day: Optional[date] = None
        if text:
            try:
                when = When.parse_friendly(text)
            except BrieferError as error:
                self._error(str(error))
                return
            day = when.earliest.date()
        self.article.published = day
        self.article.title = self.headline.text().strip() or self.article.title
        self.article.outlet = self.outlet.text().strip()
        self.article.author = self.author.text().strip()
        by_hand = [e.span for e in self.analysis.all_events if e.by_hand] if self.analysis else []
        self._run_analysis(day)
        if by_hand and self.analysis is not None:  # what the analyst added is read again too
            kept = set()
            for span in by_hand:
                try:
                    kept.add(event_from_text(self.ws, self.analysis, *span).id)
                except BrieferError:  # the assistant now proposes those very words
                    pass
            self._refresh_events(check=kept)
            self._say(f"{self._said} Added by hand and kept: {_count(kept, 'event')}.")

    def _run_analysis(self, day: Optional[date]) -> None:
        assert self.article is not None
        try:
            self.analysis = analyse(self.ws, self.article, published=day)
        except BrieferError as error:
            self._error(str(error))
            return
        doc = self.analysis.document
        self.outlet.setText("" if doc.outlet == UNKNOWN_OUTLET else doc.outlet)
        self._outlet_typed(self.outlet.text())
        self.published_note.setText(
            when_text(doc.published) if doc.published else "unknown: relative dates cannot be resolved; type one")
        self.meta_box.setVisible(True)
        self.pages.setCurrentIndex(1)
        self.back_button.setVisible(True)
        self._fill()
        notes = [n for n in doc.notes if n.startswith(("this text is already", "the text is not", "outlet: no"))]
        a = self.analysis
        matched = sum(1 for e in a.all_events if e.match is not None)
        found = [_count(a.events, "event"), _count(a.expectations, "expectation or denial", "expectations or denials")
                 + " (in italics)", _count(a.actors, "actor"), _count(a.citations, "statement"), _count(a.dates, "date")]
        counts = (", ".join(found) + " proposed"
                  + (f"; {matched} likely already in the workspace (select one to compare)" if matched else "")
                  + ". Tick the events to accept.")
        notes += [n for n in doc.notes if n.startswith(("no English parse", "a long text"))]
        self._say(" ".join([counts, *(n[:1].upper() + n[1:] + ("" if n.endswith(".") else ".") for n in notes)]))
        self._update_accept()

    def _back(self) -> None:
        self.analysis = None
        self.article = None
        self.meta_box.setVisible(False)
        self.pages.setCurrentIndex(0)
        self.back_button.setVisible(False)
        self.paste.clear()
        self.status.clear()  # it spoke of the report just left
        self._update_accept()

    # -- showing proposals -------------------------------------------------------------
    def _fill(self) -> None:
        assert self.analysis is not None
        a = self.analysis
        self._filling = True
        try:
            self.text_view.setPlainText(a.document.text)
            self._utf16 = Utf16(a.document.text)
            self.events_tree.clear()
            for e in a.all_events:
                self.events_tree.addTopLevelItem(event_item(a, e))
            for tree, items in ((self.actors_tree, map(actor_item, a.actors)),
                                (self.citations_tree, map(citation_item, a.citations)),
                                (self.sources_tree, map(source_item, a.sources)),
                                (self.dates_tree, map(date_item, a.dates))):
                tree.clear()
                tree.addTopLevelItems(list(items))
            for tree in (self.events_tree, self.actors_tree, self.citations_tree, self.sources_tree, self.dates_tree):
                for column in range(tree.columnCount()):
                    tree.resizeColumnToContents(column)
                    # one long cell ("claimed by <a long name>") must not push the next columns
                    # off a laptop's screen: the full text is in the cell's tooltip
                    cap = _MAX_WHEN if (tree, column) == (self.events_tree, _WHEN) else _MAX_COLUMN
                    tree.setColumnWidth(column, min(tree.columnWidth(column), cap))
            self._fit_event_title()
        finally:
            self._filling = False
        self._highlight(None)

    def _fit_event_title(self) -> None:
        """Title takes what Accept, Status and When leave of the list's width, so a date is read
        whole without scrolling sideways (a long title is in its tooltip)."""
        tree = self.events_tree
        others = sum(tree.columnWidth(column) for column in (0, 2, _WHEN))
        tree.setColumnWidth(1, max(_MIN_TITLE, tree.viewport().width() - others))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark while open: the marks follow
            self._highlight(self._focus)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if watched is self.events_tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_event_title()
        return super().eventFilter(watched, event)

    def _show_match(self, current: Optional[QTreeWidgetItem], _previous=None) -> None:
        if self.analysis is not None:
            pid = current.data(0, ID_ROLE) if current is not None else None
            self.match_panel.show_event(self.analysis, next((e for e in self.analysis.all_events if e.id == pid), None))

    def _corroboration_changed(self, event) -> None:
        for i in range(self.events_tree.topLevelItemCount()):
            item = self.events_tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == event.id:
                self._filling = True
                item.setText(6, f"→ cite in “{event.match.title}”" if event.corroborate else event.source)
                self._filling = False

    def _highlight(self, focus: Optional[tuple[int, int]]) -> None:
        if self.analysis is None:
            return
        self._focus = focus
        colours = mark_colours(self)  # the dialog's palette: on a switch it changes before the text pane's
        self.text_view.setExtraSelections(marks(self.analysis, self.text_view.document(), self._utf16, focus, colours))
        if focus:
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(self._utf16(focus[0]))
            self.text_view.setTextCursor(cursor)
            self.text_view.ensureCursorVisible()

    def _focus_item(self, current: Optional[QTreeWidgetItem], _previous=None) -> None:
        if current is None:
            return
        span = current.data(0, SPAN_ROLE)
        self._highlight(tuple(span) if span else None)

    # -- editing ----------------------------------------------------------------------------
    def _event_edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or self.analysis is None:
            return
        event = next((e for e in self.analysis.all_events if e.id == item.data(0, ID_ROLE)), None)
        if event is None:
            return
        text = item.text(column).strip()
        self._filling = True
        try:
            if column == 1:
                if text:
                    event.title = text
                    item.setToolTip(1, title_tip(event))
                else:
                    item.setText(1, event.title)
            elif column == _WHEN:
                try:
                    event.when = When.parse_friendly(text)
                    event.when_rule = "set by the analyst"
                    item.setText(_WHEN, when_text(event.when))
                    item.setToolTip(_WHEN, f"{event.when.edtf}\nWhy: set by the analyst")
                    self._say(f"Date of '{event.title}': {when_text(event.when)} ({event.when.edtf})")
                except BrieferError as error:
                    item.setText(_WHEN, proposal_date_text(event, self.analysis.document.published, when_text))
                    self._error(str(error))
            elif column == _PLACE:
                event.place = text
            else:  # status, actors and source are not typed in
                fresh = event_item(self.analysis, event)
                item.setText(column, fresh.text(column))
        finally:
            self._filling = False

    def _actor_edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or self.analysis is None or column != 1:
            return
        actor = self.analysis.actor(item.data(0, ID_ROLE))
        text = item.text(1).strip()
        if text and not actor.known:
            found = self.ws.find_actor(text)
            if found is not None:  # renamed to an actor the workspace has: it is that actor
                actor.name, actor.uid, actor.known, actor.kind = found.name, found.uid, True, found.kind.value
                self._filling = True
                item.setText(1, found.name)
                item.setText(2, actor.kind.replace("_", " "))
                item.setText(3, "known")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self._filling = False
                self._say(f"{text}: the workspace's actor {found.name}.")
            else:
                actor.name = text
            self._refresh_events()
        else:
            self._filling = True
            item.setText(1, actor.name)
            self._filling = False

    def _check_all(self, tree: QTreeWidget, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(tree.topLevelItemCount()):
            tree.topLevelItem(i).setCheckState(0, state)
        self._update_accept()

    def _selected_ids(self, tree: QTreeWidget) -> list[str]:
        rows = sorted((tree.indexOfTopLevelItem(i), i.data(0, ID_ROLE)) for i in tree.selectedItems())
        return [pid for _row, pid in rows]

    def _merge_events(self) -> None:
        if self.analysis is None:
            return
        try:
            merged = merge_events(self.analysis, self._selected_ids(self.events_tree))
        except BrieferError as error:
            self._error(str(error))
            return
        self._refresh_events(check={merged.id})
        self._say(f"Merged into '{merged.title}'.")

    def _add_from_text(self) -> None:
        cursor = self.text_view.textCursor()
        if self.analysis is None:
            return
        try:
            added = event_from_text(self.ws, self.analysis, self._utf16.offset(cursor.selectionStart()),
                                    self._utf16.offset(cursor.selectionEnd()))
        except BrieferError as error:
            self._error(str(error))
            return
        self._refresh_events(check={added.id})
        tree = self.events_tree  # its date, "on or before … (no date in the selection)" too, is read whole
        tree.setColumnWidth(_WHEN, max(tree.columnWidth(_WHEN), min(_MAX_WHEN, tree.sizeHintForColumn(_WHEN))))
        self._fit_event_title()
        self.tabs.setCurrentIndex(0)
        tree.setCurrentItem(next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                                 if tree.topLevelItem(i).data(0, ID_ROLE) == added.id))
        status = added.status + (f" by {added.claimed_by}" if added.claimed_by else "")
        when = proposal_date_text(added, self.analysis.document.published, when_text)
        self._say(f"Added '{added.title}': {status}, {when}. "
                  "The When cell's tip says why; double-click a cell to edit.")

    def _merge_actors(self) -> None:
        if self.analysis is None:
            return
        try:
            kept = merge_actor_proposals(self.analysis, self._selected_ids(self.actors_tree))
        except BrieferError as error:
            self._error(str(error))
            return
        checked = self._checked(self.events_tree)
        self._fill()
        self._restore_checks(checked)
        self._say(f"Merged into {kept.name}.")

    def _checked(self, tree: QTreeWidget) -> set[str]:
        return {tree.topLevelItem(i).data(0, ID_ROLE) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked}

    def _restore_checks(self, checked: set[str]) -> None:
        for i in range(self.events_tree.topLevelItemCount()):
            item = self.events_tree.topLevelItem(i)
            if item.data(0, ID_ROLE) in checked:
                item.setCheckState(0, Qt.CheckState.Checked)
        self._update_accept()

    def _refresh_events(self, check: set[str] = frozenset()) -> None:
        checked = self._checked(self.events_tree) | set(check)
        self._filling = True
        try:
            self.events_tree.clear()
            for e in self.analysis.all_events:
                self.events_tree.addTopLevelItem(event_item(self.analysis, e))
        finally:
            self._filling = False
        self._restore_checks(checked)
        self._highlight(None)

    # -- landing ------------------------------------------------------------------------------
    def choices(self) -> dict[str, bool]:
        """What the analyst decided, by proposal id: ticked events are accepted, unticked
        actors and statements rejected."""
        choices: dict[str, bool] = {}
        for tree in (self.events_tree, self.actors_tree, self.citations_tree, self.sources_tree):
            for i in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(i)
                choices[item.data(0, ID_ROLE)] = item.checkState(0) == Qt.CheckState.Checked
        for pid in list(choices):
            if pid.startswith(("actor-", "source-")) and choices[pid]:
                del choices[pid]  # kept actors and sources land only with an accepted event
        return choices

    def _outlet_typed(self, text: str) -> None:
        """Say whether the outlet as typed is a source the workspace has, as the analyst types."""
        text = text.strip()
        if not text:
            self.outlet_note.setText("needed before accepting")
        else:
            self.outlet_note.setText("known source" if self.ws.find_source(text) is not None else "new source")

    def _update_accept(self) -> None:
        count = len(self._checked(self.events_tree)) if self.analysis is not None else 0
        self.accept_button.setEnabled(count > 0)
        self.accept_button.setText(f"Accept {count} event{'s' if count != 1 else ''}" if count else "Accept")

    def _land(self) -> None:
        if self.analysis is None:
            return
        doc = self.analysis.document
        doc.title = self.headline.text().strip()
        outlet = self.outlet.text().strip()
        if not outlet or outlet == UNKNOWN_OUTLET:  # nothing lands without saying where it came from
            self._error("Name the outlet that published this report (or where it came from) before accepting.")
            self.outlet.setFocus()
            self.outlet.selectAll()
            return
        if outlet != doc.outlet:
            doc.outlet, doc.outlet_uid, doc.outlet_known = outlet, None, False
        doc.author = self.author.text().strip()
        try:
            landed = accept(self.ws, self.analysis, self.choices())
        except BrieferError as error:
            self._error(str(error))
            return
        self.result_landed = landed
        if landed.skipped:
            QMessageBox.information(self, "Some events did not land", "\n".join(landed.skipped))
        self.landed.emit(landed)
        self.accept()

    def _error(self, message: str) -> None:
        self._say(message, "#c0392b")

    def _say(self, message: str, colour: str = "") -> None:
        """The status line: the report's words in it are shown as written, never as markup."""
        self._said = message
        text = html.escape(message, quote=False)
        self.status.setText(f"<span style='color:{colour}'>{text}</span>" if colour else text)
