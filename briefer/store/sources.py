"""Sources (agencies, outlets, NGOs...) and the documents they published."""

from __future__ import annotations

import sqlite3
from typing import Optional

from ..core.model import Document, Source, SourceKind, normalize_name
from ..core.when import When
from .versions import RowVersions
from .errors import WorkspaceError


class SourceStore(RowVersions):
    _SOURCE_SELECT = "SELECT name, kind, reliability, url, notes, uid FROM source"

    def _source_id(self, uid: str) -> int:
        row = self.conn.execute("SELECT id FROM source WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise WorkspaceError(f"no source with id {uid}")
        return row[0]

    @staticmethod
    def _source_from_row(row: tuple) -> Source:
        name, kind, reliability, url, notes, uid = row
        return Source(name, SourceKind(kind), reliability, url, notes, uid)

    def _check_source_name(self, source: Source) -> None:
        row = self.conn.execute(
            "SELECT name FROM source WHERE key = ? AND uid != ?", (normalize_name(source.name), source.uid)
        ).fetchone()
        if row is not None:
            raise WorkspaceError(f"a source called '{row[0]}' already exists")

    def add_source(self, source: Source) -> Source:
        with self.transaction():
            self._check_source_name(source)
            self._clear_tombstones("source", [source.uid])
            try:
                self.conn.execute(
                    "INSERT INTO source(uid, name, key, kind, reliability, url, notes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (source.uid, source.name.strip(), normalize_name(source.name), source.kind.value,
                     source.reliability, source.url, source.notes),
                )
            except sqlite3.IntegrityError:
                raise WorkspaceError(f"a source with id {source.uid} already exists") from None
        return source

    def update_source(self, source: Source, *, overwrite: bool = False) -> Source:
        """Replace a source whole.  If another session changed it after this one read it,
        nothing is written: EditConflict says who and when (`overwrite=True` writes over)."""
        with self.transaction():
            self._source_id(source.uid)
            self._check_version(source.uid, source.name, overwrite, "source")
            self._check_source_name(source)
            self._remember("source", source.uid)
            self.conn.execute(
                "UPDATE source SET name = ?, key = ?, kind = ?, reliability = ?, url = ?, notes = ? WHERE uid = ?",
                (source.name.strip(), normalize_name(source.name), source.kind.value, source.reliability,
                 source.url, source.notes, source.uid),
            )
        self._remember_version(source.uid, "source")
        return source

    def delete_source(self, uid: str, *, overwrite: bool = False) -> Source:
        """Delete a source, its documents and every citation of it; returns it as it was.
        One another session changed after this one read it is kept (EditConflict)."""
        with self.transaction():
            source = self.get_source(uid)
            self._check_version(uid, source.name, overwrite, "source")
            self._remember("source", uid)
            for document in self.documents(uid):
                self._remember("document", document.uid)
            self.conn.execute("DELETE FROM source WHERE uid = ?", (uid,))
        return source

    def get_source(self, uid: str) -> Source:
        row = self.conn.execute(self._SOURCE_SELECT + " WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise WorkspaceError(f"no source with id {uid}")
        self._open_version("source", uid)
        return self._source_from_row(row)

    def find_source(self, name: str) -> Optional[Source]:
        """The source with this name (case and accents ignored) or this URL, if any."""
        row = self.conn.execute(self._SOURCE_SELECT + " WHERE key = ?", (normalize_name(name),)).fetchone()
        if row is None and name.strip():
            row = self.conn.execute(self._SOURCE_SELECT + " WHERE url != '' AND url = ?", (name.strip(),)).fetchone()
        return None if row is None else self._source_from_row(row)

    def resolve_source(self, name: str) -> Source:
        source = self.find_source(name)
        if source is None:
            raise WorkspaceError(f"no source is called '{name}' (add it first, or check the name)")
        return source

    def sources(self) -> list[Source]:
        return [self._source_from_row(r) for r in self.conn.execute(self._SOURCE_SELECT + " ORDER BY name COLLATE NOCASE")]

    def source_citation_counts(self) -> dict[str, int]:
        return dict(self.conn.execute(
            # one index range per source (a join with GROUP BY built a temporary index each call)
            "SELECT s.uid, (SELECT count(*) FROM citation c WHERE c.source_id = s.id) FROM source s"
        ).fetchall())

    # -- documents -------------------------------------------------------------------
    def document_citations(self, document_uid: str) -> list[tuple[str, str, int, str]]:
        """(event uid, event title, credibility, quote) for each citation of a document:
        what the reader highlights."""
        return self.conn.execute(
            "SELECT e.uid, e.title, c.credibility, c.quote FROM citation c JOIN event e ON e.id = c.event_id "
            "JOIN document d ON d.id = c.document_id WHERE d.uid = ? ORDER BY e.earliest, c.position",
            (document_uid,)).fetchall()

    _DOC_SELECT = (
        "SELECT s.uid, d.title, d.text, d.published, d.author, d.url, d.content_hash, d.uid "
        "FROM document d JOIN source s ON s.id = d.source_id"
    )

    @staticmethod
    def _document_from_row(row: tuple) -> Document:
        source_uid, title, text, published, author, url, digest, uid = row
        return Document(source_uid, title, text, When.parse(published) if published else None, author, url, digest, uid)

    def add_document(self, document: Document) -> Document:
        """Add a document; the same text added twice returns the one already kept."""
        with self.transaction():
            if document.content_hash:
                existing = self.find_document_by_hash(document.content_hash)
                if existing is not None:
                    return existing
            self._clear_tombstones("document", [document.uid])
            try:
                self.conn.execute(
                    "INSERT INTO document(uid, source_id, title, published, author, url, text, content_hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (document.uid, self._source_id(document.source_uid), document.title,
                     document.published.edtf if document.published else None, document.author,
                     document.url, document.text, document.content_hash),
                )
            except sqlite3.IntegrityError:
                raise WorkspaceError(f"a document with id {document.uid} already exists") from None
        return document

    def update_document(self, document: Document) -> Document:
        with self.transaction():
            self._remember("document", document.uid)
            self.conn.execute(
                "UPDATE document SET source_id = ?, title = ?, published = ?, author = ?, url = ? WHERE uid = ?",
                (self._source_id(document.source_uid), document.title,
                 document.published.edtf if document.published else None, document.author, document.url,
                 document.uid),
            )
        return self.get_document(document.uid)

    def delete_document(self, uid: str) -> Document:
        with self.transaction():
            document = self.get_document(uid)
            self._remember("document", uid)
            self.conn.execute("DELETE FROM document WHERE uid = ?", (uid,))
        return document

    def get_document(self, uid: str) -> Document:
        row = self.conn.execute(self._DOC_SELECT + " WHERE d.uid = ?", (uid,)).fetchone()
        if row is None:
            raise WorkspaceError(f"no document with id {uid}")
        return self._document_from_row(row)

    def find_document_by_hash(self, digest: str) -> Optional[Document]:
        row = self.conn.execute(self._DOC_SELECT + " WHERE d.content_hash = ?", (digest,)).fetchone()
        return None if row is None else self._document_from_row(row)

    def documents(self, source_uid: Optional[str] = None) -> list[Document]:
        if source_uid is None:
            rows = self.conn.execute(self._DOC_SELECT + " ORDER BY d.id")
        else:
            rows = self.conn.execute(self._DOC_SELECT + " WHERE s.uid = ? ORDER BY d.id", (source_uid,))
        return [self._document_from_row(r) for r in rows]
