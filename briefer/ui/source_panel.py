"""The source panel: who reported, how far to trust them, and what they published.

Sources carry their Admiralty grade (A–F) and how often events cite them; their
documents sit beneath them.  Opening a document shows its text with every passage an
event quotes highlighted; a click on a highlight selects that event, so the analyst
can go from the report to the timeline and back.
"""

from __future__ import annotations

import html
import re
from typing import Optional

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QTextBrowser, QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from ..core.errors import BrieferError
from ..core.model import CREDIBILITY_LABELS, RELIABILITY_LABELS, Document, Source, SourceKind
from ..core.when import When
from . import commands, icons, theme
from .lazy_panel import FilteringPanel
from .preferences import when_text
from .screen_fit import fit_to_screen
from .session import Session

UID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class SourcePanel(FilteringPanel):
    filter_field = "sources"
    shows = ("sources", "documents")  # the edits that change the rows
    counts_events = True
    eventRequested = Signal(str)  # event uid (from a highlight in a document)

    def __init__(self, session: Session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("sourcePanel")
        self.model = QStandardItemModel(self)
        self.view = QTreeView(objectName="sourceTree")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformRowHeights(True)
        self.filter_toggle = QToolButton(text="Filter", objectName="sourceFilterToggle", checkable=True, checked=True)
        self.filter_toggle.setIcon(icons.icon("filter"))
        self.filter_toggle.setToolTip("On: show only the events citing the selected sources.\n"
                                      "Off: select (highlight) those events on the timeline and in the table.")
        self._loading = False
        buttons = QHBoxLayout()
        for name, tip, slot, icon in (("add", "Add source", self.add_source, "add"),
                                      ("add_document", "Add document to the selected source", self.add_document,
                                       "document"),
                                      ("edit", "Edit", self.edit, "edit"),
                                      ("open", "Read the document", self.open_document, "article"),
                                      ("delete", "Delete", self.delete, "delete")):
            button = QToolButton(objectName=f"source_{name}")
            button.setIcon(icons.icon(icon))
            button.setToolTip(tip)
            button.clicked.connect(lambda *_, s=slot: self._guarded(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.filter_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.watch_filtering()
        self.add_context_menu([("Edit…", self.edit), ("Read the Document", self.open_document),
                               ("Add Document…", self.add_document), ("Delete", self.delete),
                               ("Add Source…", self.add_source)])
        self.view.doubleClicked.connect(lambda *_: self._guarded(self._activated))
        self.watch()
        session.preferencesChanged.connect(self._data_changed)  # the documents' dates, as now asked

    def _guarded(self, slot) -> None:
        try:
            slot()
        except BrieferError as error:
            QMessageBox.warning(self, "Sources", str(error))

    def reload(self) -> None:
        self._stale = False
        selected = {i.data(UID_ROLE) for i in self.view.selectionModel().selectedRows(0)}
        self._loading = True
        try:
            self._fill()
            selection = self.view.selectionModel()
            for row in range(self.model.rowCount()):
                source = self.model.index(row, 0)
                for index in [source] + [self.model.index(r, 0, source) for r in range(self.model.rowCount(source))]:
                    if index.data(UID_ROLE) in selected:
                        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        finally:
            self._loading = False

    def _fill(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels(["Source", "Grade", "Citations"])
        ws = self.session.ws
        if ws is None:
            return
        counts = ws.source_citation_counts()
        for source in sorted(self.session.sources.values(), key=lambda s: s.name.casefold()):
            name = QStandardItem(icons.icon("source"), source.name)
            name.setData(source.uid, UID_ROLE)
            name.setData("source", KIND_ROLE)
            name.setToolTip(f"{source.kind.label} · {source.reliability}: {RELIABILITY_LABELS[source.reliability]}"
                            + (f"\n{source.url}" if source.url else ""))
            grade = QStandardItem(source.reliability)
            grade.setToolTip(RELIABILITY_LABELS[source.reliability])
            grade.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            count = QStandardItem()
            count.setData(counts.get(source.uid, 0), Qt.ItemDataRole.DisplayRole)
            for document in ws.documents(source.uid):
                doc = QStandardItem(icons.icon("document"), document.title)
                doc.setData(document.uid, UID_ROLE)
                doc.setData("document", KIND_ROLE)
                doc.setToolTip(f"{when_text(document.published) if document.published else 'undated'}"
                               + (f" · {document.author}" if document.author else ""))
                cited = QStandardItem()
                cited.setData(len(ws.document_citations(document.uid)), Qt.ItemDataRole.DisplayRole)
                name.appendRow([doc, QStandardItem(), cited])
            self.model.appendRow([name, grade, count])
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        self.view.resizeColumnToContents(1)
        self.view.resizeColumnToContents(2)

    def refresh_counts(self) -> None:
        """Citations counted again, in place: an edited event changes no row."""
        ws = self.session.ws
        counts = ws.source_citation_counts()
        for row in range(self.model.rowCount()):
            name, count = self.model.item(row, 0), self.model.item(row, 2)
            count.setData(counts.get(name.data(UID_ROLE), 0), Qt.ItemDataRole.DisplayRole)
            for child in range(name.rowCount()):
                doc, cited = name.child(child, 0), name.child(child, 2)
                cited.setData(len(ws.document_citations(doc.data(UID_ROLE))), Qt.ItemDataRole.DisplayRole)

    def _selected(self, kind: str) -> list[str]:
        return [i.data(UID_ROLE) for i in self.view.selectionModel().selectedRows(0) if i.data(KIND_ROLE) == kind]

    def chosen_uids(self) -> list[str]:
        return self.selected_source_uids()

    def records(self) -> dict:
        return self.session.sources

    def selected_source_uids(self) -> list[str]:
        """The selected sources, a selected document standing for its source."""
        uids = []
        for index in self.view.selectionModel().selectedRows(0):
            if index.data(KIND_ROLE) == "document":
                index = index.parent()
            if index.data(UID_ROLE) not in uids:
                uids.append(index.data(UID_ROLE))
        return uids

    def _activated(self) -> None:
        if self._selected("document"):
            self.open_document()
        else:
            self.edit()

    # -- edits ------------------------------------------------------------------------------
    def add_source(self) -> None:
        dialog = SourceDialog(None, self)
        if fit_to_screen(dialog).exec():
            commands.apply(self.session, commands.add_source(self.session, dialog.source))

    def add_document(self) -> None:
        sources = self._selected("source")
        if not sources:
            raise BrieferError("select the source that published the document first")
        dialog = DocumentDialog(self.session, sources[0], None, self)
        if fit_to_screen(dialog).exec():
            commands.apply(self.session, commands.add_document(self.session, dialog.document))

    def edit(self) -> None:
        ws = self.session.ws
        if documents := self._selected("document"):
            old = ws.get_document(documents[0])
            dialog = DocumentDialog(self.session, old.source_uid, old, self)
            if fit_to_screen(dialog).exec() and dialog.document != old:
                commands.apply(self.session, commands.edit_document(self.session, old, dialog.document))
        elif sources := self._selected("source"):
            old = ws.get_source(sources[0])
            dialog = SourceDialog(old, self)
            if fit_to_screen(dialog).exec() and dialog.source != old:
                from .edit_conflict import save_checked  # someone may have saved it meanwhile

                save_checked(self.session, self, "source", old, dialog.source,
                             lambda theirs, new: commands.edit_source(self.session, theirs, new))

    def delete(self) -> None:
        ws = self.session.ws
        if documents := self._selected("document"):
            document = ws.get_document(documents[0])
            commands.apply(self.session, commands.delete_document(self.session, document))
        elif sources := self._selected("source"):
            source = ws.get_source(sources[0])
            used = ws.source_citation_counts().get(source.uid, 0)
            if used:
                box = QMessageBox(QMessageBox.Icon.Question, "Delete source",
                                  f"“{source.name}” is cited {used} time(s).", parent=self)
                box.setInformativeText("Delete it with its citations and documents, or move them to another "
                                       "source first? (Undo brings everything back.)")
                remove = box.addButton("Delete with citations", QMessageBox.ButtonRole.DestructiveRole)
                move = box.addButton("Move to…", QMessageBox.ButtonRole.AcceptRole)
                box.addButton(QMessageBox.StandardButton.Cancel)
                box.exec()
                if box.clickedButton() is move:
                    others = sorted((x for x in self.session.sources.values() if x.uid != source.uid),
                                    key=lambda x: x.name.casefold())
                    if not others:
                        raise BrieferError("there is no other source to move the citations to")
                    name, ok = QInputDialog.getItem(self, "Move citations", f"Move the citations of “{source.name}” "
                                                    "and its documents to:", [x.name for x in others], 0, False)
                    if ok:
                        keep = next(x for x in others if x.name == name)
                        commands.apply(self.session, commands.merge_sources(self.session, keep, source))
                    return
                if box.clickedButton() is not remove:
                    return
            commands.apply(self.session, commands.delete_source(self.session, source))

    def open_document(self) -> None:
        documents = self._selected("document")
        if not documents:
            raise BrieferError("select a document to read")
        reader = DocumentReader(self.session, documents[0], self)
        reader.eventRequested.connect(self.eventRequested)
        reader.show()


class SourceDialog(QDialog):
    def __init__(self, source: Optional[Source], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.original = source
        self.source: Optional[Source] = None
        self.setWindowTitle("Edit source" if source else "New source")
        self.name = QLineEdit(source.name if source else "", objectName="sourceName")
        self.kind = QComboBox(objectName="sourceKind")
        for kind in SourceKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData((source.kind if source else SourceKind.OUTLET).value))
        self.reliability = QComboBox(objectName="sourceReliability")
        for grade, label in RELIABILITY_LABELS.items():
            self.reliability.addItem(f"{grade} – {label}", grade)
        self.reliability.setCurrentIndex(self.reliability.findData(source.reliability if source else "F"))
        self.url = QLineEdit(source.url if source else "", objectName="sourceUrl")
        self.notes = QPlainTextEdit(source.notes if source else "", objectName="sourceNotes")
        self.notes.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Reliability:", self.reliability)
        form.addRow("&URL:", self.url)
        form.addRow("N&otes:", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            fields = dict(name=self.name.text().strip(), kind=SourceKind(self.kind.currentData()),
                          reliability=self.reliability.currentData(), url=self.url.text().strip(),
                          notes=self.notes.toPlainText().strip())
            self.source = Source(**fields, uid=self.original.uid) if self.original else Source(**fields)
        except BrieferError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        super().accept()


class DocumentDialog(QDialog):
    def __init__(self, session: Session, source_uid: str, document: Optional[Document],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.source_uid = source_uid
        self.original = document
        self.document: Optional[Document] = None
        self.setWindowTitle("Edit document" if document else "New document")
        self.resize(640, 480)
        self.title = QLineEdit(document.title if document else "", objectName="documentTitle")
        self.published = QLineEdit(document.published.edtf if document and document.published else "",
                                   objectName="documentPublished", placeholderText="e.g. 2019-02-09")
        self.published_label = QLabel()
        self.author = QLineEdit(document.author if document else "", objectName="documentAuthor")
        self.url = QLineEdit(document.url if document else "", objectName="documentUrl")
        self.text = QPlainTextEdit(document.text if document else "", objectName="documentText")
        self.text.setReadOnly(document is not None)  # the text is what was cited; its hash identifies it
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("&Published:", self.published)
        form.addRow("", self.published_label)
        form.addRow("&Author:", self.author)
        form.addRow("&URL:", self.url)
        form.addRow("Te&xt:", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.published.textChanged.connect(self._show_date)
        self._show_date()

    def _show_date(self) -> None:
        text = self.published.text().strip()
        if not text:
            self.published_label.setText("")
            return
        try:
            self.published_label.setText(when_text(When.parse_friendly(text)))
            self.published_label.setStyleSheet("")
        except BrieferError as error:
            self.published_label.setText(str(error))
            self.published_label.setStyleSheet(theme.error_style(self))

    def accept(self) -> None:
        try:
            text = self.published.text().strip()
            published = When.parse_friendly(text) if text else None
            if self.original:
                self.document = Document(self.source_uid, self.title.text().strip(), self.original.text, published,
                                         self.author.text().strip(), self.url.text().strip(),
                                         self.original.content_hash, self.original.uid)
            else:
                self.document = Document(self.source_uid, self.title.text().strip(), self.text.toPlainText(),
                                         published, self.author.text().strip(), self.url.text().strip())
        except BrieferError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        super().accept()


def highlighted_html(text: str, citations: list[tuple[str, str, int, str]]) -> str:
    """The document as HTML, every quoted passage a link to the event that cites it.

    Quotes are matched ignoring differences in spacing; a quote not found in the text
    is listed above it, so no citation goes unseen."""
    spans: list[tuple[int, int, str, str]] = []
    missing: list[tuple[str, str, str]] = []
    for event_uid, title, credibility, quote in citations:
        if not quote.strip():
            continue
        pattern = r"\s+".join(re.escape(w) for w in quote.split())
        match = re.search(pattern, text, re.IGNORECASE)
        if match and not any(a < match.end() and match.start() < b for a, b, _, _ in spans):
            spans.append((match.start(), match.end(), event_uid, f"{title} (credibility {credibility}: "
                                                                  f"{CREDIBILITY_LABELS[credibility]})"))
        else:
            missing.append((event_uid, title, quote))
    parts, last = [], 0
    for start, end, uid, tip in sorted(spans):
        parts.append(html.escape(text[last:start]))
        parts.append(f'<a href="event:{uid}" title="{html.escape(tip)}" '
                     f'style="background-color:#fde68a; color:#1f2933; text-decoration:none">'
                     f'{html.escape(text[start:end])}</a>')
        last = end
    parts.append(html.escape(text[last:]))
    body = "".join(parts).replace("\n", "<br>")
    head = "".join(f'<p><i>Quoted by <a href="event:{uid}">{html.escape(title)}</a> but not found in the text: '
                   f'“{html.escape(quote)}”</i></p>' for uid, title, quote in missing)
    return head + body


class DocumentReader(QDialog):
    eventRequested = Signal(str)

    def __init__(self, session: Session, document_uid: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        ws = session.ws
        document = ws.get_document(document_uid)
        source = ws.get_source(document.source_uid)
        self.setWindowTitle(f"{document.title} — {source.name}")
        self.resize(720, 640)
        self.citations = ws.document_citations(document_uid)
        self.browser = QTextBrowser(objectName="documentBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(highlighted_html(document.text, self.citations))
        self.browser.anchorClicked.connect(self._clicked)
        info = QLabel(f"<b>{html.escape(document.title)}</b><br>{html.escape(source.name)} "
                      f"({source.reliability}) · {when_text(document.published) if document.published else 'undated'}"
                      f"{' · ' + html.escape(document.author) if document.author else ''} · "
                      f"{len(self.citations)} citation(s) highlighted; click one to select its event")
        info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.browser, 1)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "event":
            self.eventRequested.emit(url.path())
