"""The import dialog's background work, each on its own connection to the workspace:
reading the files' actor names for the analyst to reconcile (`ScanWorker`), and the
import itself (`ImportWorker`), one transaction across all the chosen files."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional, Sequence

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QWidget

from ..core.errors import BrieferError
from ..exchange.csv_mapping import ColumnMapping
from ..exchange.formats import open_reader
from ..exchange.importing import propose_actors, run_import
from ..exchange.json_format import import_json
from ..exchange.reconcile import ActorPlan, Decision
from ..exchange.report import ImportReport
from ..store import Workspace

__all__ = ["ImportWorker", "ScanWorker"]


class _Worker(QThread):
    failed = Signal(str)

    def __init__(self, path: Path, files: Sequence[tuple[str, str]], mapping: Optional[ColumnMapping],
                 encoding: Optional[str], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.path, self.files, self.mapping, self.encoding = path, list(files), mapping, encoding
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def readers(self) -> list:
        return [open_reader(fmt, file, mapping=self.mapping, encoding=self.encoding) for file, fmt in self.files]

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            self.work()
        except BrieferError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"{error.filename or self.files[0][0]}: {error.strerror or error}")
        except Exception as error:  # a bug: the transaction was rolled back; say so rather than crash
            self.failed.emit(f"the import failed and nothing was changed ({type(error).__name__}: {error})")

    def work(self) -> None:
        raise NotImplementedError


class ScanWorker(_Worker):
    """Reads the files' actor names and proposes what each one is in this workspace."""

    found = Signal(object)  # list[Decision]

    def work(self) -> None:
        readers = self.readers()
        with Workspace.open(self.path) as ws:
            decisions = propose_actors(ws, readers, cancel=self._cancel.is_set)
        if not self._cancel.is_set():
            self.found.emit(decisions)


class ImportWorker(_Worker):
    """Runs one import (one file or several) on its own connection to the workspace file."""

    progressed = Signal(float, str)
    ask_bad_rows = Signal(object)  # the ImportReport so far; answer with `answer(bool)`
    done = Signal(object)  # the ImportReport

    def __init__(self, path: Path, files: Sequence[tuple[str, str]], mapping: Optional[ColumnMapping],
                 encoding: Optional[str], decisions: Sequence[Decision] = (), parent: Optional[QWidget] = None) -> None:
        super().__init__(path, files, mapping, encoding, parent)
        self.decisions = list(decisions)
        self._answered = threading.Event()
        self._answer = False

    def cancel(self) -> None:
        super().cancel()
        self._answered.set()

    def answer(self, import_good_rows: bool) -> None:
        self._answer = import_good_rows
        self._answered.set()

    def _decide(self, report: ImportReport) -> bool:
        self._answered.clear()
        self.ask_bad_rows.emit(report)
        self._answered.wait()
        return self._answer and not self._cancel.is_set()

    def _progress(self, fraction: float, report: ImportReport) -> None:
        where = ""
        if report.current_file and len(self.files) > 1:
            index = next((i for i, (f, _) in enumerate(self.files) if str(f) == report.current_file), 0)
            where = f"{Path(report.current_file).name} ({index + 1} of {len(self.files)}): "
        self.progressed.emit(fraction, f"{where}{report.rows_read:,} rows read")

    def work(self) -> None:
        with Workspace.open(self.path) as ws:
            file, fmt = self.files[0]
            if fmt == "json":
                result = import_json(ws, file)
                report = ImportReport(file=str(file), format="Briefer JSON", committed=True)
                report.added = {k: result.added.get(k, 0) for k in ("events", "actors", "sources")}
                report.unchanged = result.unchanged.get("events", 0)
                self.done.emit(report)
                return
            report = ImportReport(file=str(file) if len(self.files) == 1 else "")
            run_import(ws, self.readers(), on_bad_rows=self._decide, report=report, cancel=self._cancel.is_set,
                       progress=self._progress, actors=ActorPlan(self.decisions))
        self.done.emit(report)
