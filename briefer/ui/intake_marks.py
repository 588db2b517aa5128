"""What the article review shows of the assistant's proposals: the coloured marks over
the report's text (one colour per kind, the selected proposal in orange; the colours are
`theme.mark_colours`, chosen for the scheme in force), the rows of
its actors, statements, sources and dates, and the lists that hold them."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QTextEdit, QTreeWidget, QTreeWidgetItem

from ..intake.proposals import ActorProposal, Analysis, CitationProposal, DateProposal, SourceProposal
from ..intake.reading import SUPPORTED_SUFFIXES
from .intake_match import ID_ROLE, SPAN_ROLE, Utf16
from .preferences import when_text

__all__ = ["marks", "actor_item", "citation_item", "source_item", "date_item", "proposal_tree", "dropped_report"]


def marks(analysis: Analysis, document: QTextDocument, utf16: Utf16, focus: Optional[tuple[int, int]],
          colours: dict[str, tuple[QColor, QColor]]) -> list[QTextEdit.ExtraSelection]:
    """The report's text marked: every proposal in its kind's colours (`theme.mark_colours`: a
    background and the text colour that reads on it), `focus` in bold orange."""
    selections = []

    def add(span, kind: str, bold: bool = False) -> None:
        if not span:
            return
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(utf16(span[0]))
        cursor.setPosition(utf16(span[1]), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        back, ink = colours[kind]
        fmt.setBackground(back)
        fmt.setForeground(ink)
        if bold:
            fmt.setFontWeight(700)
        sel.cursor = cursor
        sel.format = fmt
        selections.append(sel)

    for e in analysis.all_events:
        add(e.span, "event")
    for c in analysis.citations:
        add(c.span, "citation")
    for actor in analysis.actors:
        for span in actor.spans:
            add(span, "actor")
    for src in analysis.sources:
        for span in src.spans:
            add(span, "source")
    for d in analysis.dates:
        add(d.span, "date")
    if focus:
        add(focus, "focus", bold=True)
    return selections


def _checkable(item: QTreeWidgetItem, pid: str, span: object, editable: bool = False) -> QTreeWidgetItem:
    item.setData(0, ID_ROLE, pid)
    item.setData(0, SPAN_ROLE, span)
    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    item.setCheckState(0, Qt.CheckState.Checked)
    return item


def actor_item(actor: ActorProposal) -> QTreeWidgetItem:
    item = QTreeWidgetItem(["", actor.name, actor.kind.replace("_", " "), "known" if actor.known else "new",
                            ", ".join(actor.aliases_seen)])
    _checkable(item, actor.id, actor.spans[0] if actor.spans else None, editable=not actor.known)
    if actor.title:
        item.setToolTip(1, actor.title)
    return item


def citation_item(c: CitationProposal) -> QTreeWidgetItem:
    item = _checkable(QTreeWidgetItem(["", c.speaker, c.source, c.channel, c.quote]), c.id, c.span)
    item.setToolTip(4, f"{c.quote}\n\nWhy: {c.rule}")
    return item


def source_item(src: SourceProposal) -> QTreeWidgetItem:
    return _checkable(QTreeWidgetItem(["", src.name, src.kind.replace("_", " "), "known" if src.known else "new",
                                       src.why]), src.id, src.spans[0] if src.spans else None)


def date_item(d: DateProposal) -> QTreeWidgetItem:
    item = QTreeWidgetItem([d.text, when_text(d.when), d.rule])
    item.setData(0, ID_ROLE, d.id)
    item.setData(0, SPAN_ROLE, d.span)
    item.setToolTip(2, d.rule)
    return item


def proposal_tree(name: str, headers: list[str]) -> QTreeWidget:
    """One list of the review: ticks, several rows selectable, cells edited by double-click."""
    tree = QTreeWidget(objectName=name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    tree.setUniformRowHeights(True)
    # a little air per row: tick boxes as tall as the text run together into one strip
    tree.setStyleSheet("QTreeWidget::item { padding: 3px 0px; }")
    return tree


def dropped_report(event) -> Optional[str]:
    """The first dropped local file the review can read, or None."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in SUPPORTED_SUFFIXES:
            return url.toLocalFile()
    return None
