"""File ▸ Brief…: choose a template, scope, marking and bottom line; preview; save the PDF.

The store is read on the GUI thread (`collect_brief`, quick); the layout and the page
previews run in a worker thread (`render_brief` + pypdfium2, slow for long briefs), with
a progress bar and Cancel, so the window never freezes.  QtPdf is not in
PySide6-Essentials: previews are the built PDF rasterised by pypdfium2 into QImages.

Window-only choices (template, page size, grouping, scope...) are kept in QSettings;
the bottom line, marking, title and desk are kept in the workspace when a brief is
saved, so that tomorrow's brief starts from today's whoever opens the file.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QSettings, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLayout,
    QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QRadioButton, QScrollArea, QSplitter, QVBoxLayout,
    QWidget,
)

from ..brief import (
    BriefCancelled, BriefData, BriefResult, BriefSettings, GROUPINGS, PAGE_SIZES, TEMPLATES, collect_brief,
    load_settings, record_brief, render_brief,
)
from ..core.errors import BrieferError
from ..core.files import write_bytes
from ..core.filter import EventFilter
from ..core.when import Precision, When, WhenError
from ..store import Workspace

__all__ = ["BriefDialog", "BriefWorker"]

MARKING_PRESETS = [
    "UNCLASSIFIED", "UNCLASSIFIED // FOR OFFICIAL USE ONLY", "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER",
    "TLP:AMBER+STRICT", "TLP:RED",
]
PREVIEW_WIDTH = 520  # pixels of a previewed page
PREVIEW_PAGES = 60  # pages rasterised for the preview (~1.5 MB each); the saved PDF has them all
SCOPES = {"filter": "Current filter", "selection": "Selected events", "period": "Period only (ignore the filter)"}


def _parse(field: str, text: str) -> When:
    """A date typed in the form; a bad one is an error that names its field."""
    try:
        return When.parse_friendly(text)
    except WhenError as error:
        raise BrieferError(f"{field}: {error}") from None


class BriefWorker(QThread):
    """Lays out one brief into a file and rasterises its pages for the preview."""

    progressed = Signal(float, str)
    done = Signal(object, object)  # BriefResult, list[QImage]
    failed = Signal(str)

    def __init__(self, data: BriefData, out: Path, preview_width: int, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.data, self.out, self.preview_width = data, out, preview_width
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, fraction: float, text: str) -> bool:
        self.progressed.emit(fraction, text)
        return not self._cancel.is_set()

    def run(self) -> None:  # noqa: D401 - Qt's name
        try:
            result = render_brief(self.data, self.out, lambda f, text: self._progress(f * 0.9, text))
            images = []
            if self.preview_width:
                pages = min(result.pages, PREVIEW_PAGES)

                def step(done: int) -> bool:
                    return self._progress(0.9 + 0.1 * done / max(pages, 1), f"Drawing the preview ({done}/{pages})")

                # the PDF is complete by now: Cancel here only stops drawing the preview
                images = render_pages(self.out, self.preview_width, PREVIEW_PAGES, step)
            self.done.emit(result, images)
        except BriefCancelled as error:
            self.failed.emit(str(error))
        except BrieferError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must not take the window down with it
            self.failed.emit(f"the brief could not be built ({type(error).__name__}: {error})")


def render_pages(pdf: Path, width: int, limit: Optional[int] = None,
                 progress: Optional[Callable[[int], bool]] = None) -> list[QImage]:
    """The pages of `pdf` (the first `limit` of them) as QImages `width` pixels wide (safe
    off the GUI thread).  `progress(pages done)` returning False stops early."""
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index, page in enumerate(document):
            if limit is not None and index >= limit:
                page.close()
                break
            if progress is not None and progress(index) is False:
                page.close()
                break
            scale = width / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) byte order for QImage
            pil = bitmap.to_pil().convert("RGBA")
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, pil.width * 4, QImage.Format.Format_RGBA8888).copy()
            images.append(image)
            page.close()
    finally:
        document.close()
    return images


class BriefDialog(QDialog):
    """The Brief dialog.  `saved(Path)` is emitted after a brief was written."""

    saved = Signal(object)
    built = Signal(object)  # BriefResult of a preview or a save
    failed = Signal(str)

    def __init__(self, ws: Workspace, current_filter: EventFilter, selected_uids: list[str],
                 parent: Optional[QWidget] = None, settings: Optional[QSettings] = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current_filter = current_filter
        self.selected_uids = list(selected_uids)
        self.qsettings = settings or QSettings()
        self.worker: Optional[BriefWorker] = None
        self.last_result: Optional[BriefResult] = None
        self._preview_key: Optional[tuple] = None
        self._pending_save: Optional[Path] = None
        self._data: Optional[BriefData] = None
        self._tmp = Path(tempfile.mkdtemp(prefix="briefer-brief-"))
        self.setObjectName("briefDialog")
        self.setWindowTitle("Brief")
        self.resize(1180, 780)
        self._build_ui()
        self._load_choices()
        self._update_enabled()
        self._update_bluf_note()

    # -- widgets ------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.template = QComboBox()
        for key, label in TEMPLATES.items():
            self.template.addItem(label, key)
        self.day = QLineEdit()
        self.day.setPlaceholderText("e.g. 9 Feb 2019")
        self.cutoff = QLineEdit()
        self.cutoff.setPlaceholderText("or 24 h up to, e.g. 9 Feb 2019 06:00 UTC")
        self.cutoff.setToolTip("Instead of a Day: the 24 h up to this UTC time, e.g. 9 Feb 2019 06:00 "
                               "(both empty: the 24 h up to now)")
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("from (e.g. Jan 2019)")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("to (e.g. Mar 2019)")
        period_row = QHBoxLayout()
        period_row.addWidget(self.date_from)
        period_row.addWidget(QLabel("–"))
        period_row.addWidget(self.date_to)

        self.scope_buttons = QButtonGroup(self)
        scope_box = QVBoxLayout()
        n_filter = self.ws.count_events(self.current_filter)
        counts = {"filter": f" ({n_filter:,} events)", "selection": f" ({len(self.selected_uids):,} events)",
                  "period": ""}
        self.scope_radios: dict[str, QRadioButton] = {}
        for key, label in SCOPES.items():
            radio = QRadioButton(label + counts[key])
            radio.setProperty("scope", key)
            self.scope_buttons.addButton(radio)
            self.scope_radios[key] = radio
            scope_box.addWidget(radio)
        self.scope_radios["selection"].setEnabled(bool(self.selected_uids))

        self.title = QLineEdit()
        self.desk = QLineEdit()
        self.next_due = QLineEdit()
        self.next_due.setPlaceholderText("optional, e.g. 11 Feb 2019 07:00")
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("optional releasability or contact line")
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(MARKING_PRESETS)
        self.group_by = QComboBox()
        self.group_by.addItem("Template default", "")
        for key, label in GROUPINGS.items():
            self.group_by.addItem(label.capitalize(), key)
        self.page_size = QComboBox()
        for key, label in PAGE_SIZES.items():
            self.page_size.addItem(label, key)
        self.chart = QCheckBox("Timeline chart")
        self.chart.setChecked(True)
        self.bluf = QPlainTextEdit()
        self.bluf.setPlaceholderText("Key judgements; start a line with '- ' for a bullet")
        self.bluf.setMinimumHeight(90)
        self.bluf_note = QLabel("")
        self.bluf_note.setObjectName("blufCarried")
        self.bluf_note.setWordWrap(True)
        self.bluf_note.setStyleSheet("color: #b35c1e;")  # readable on light and dark palettes
        self.omit_bluf = QCheckBox("Leave the bottom line out")

        form = QFormLayout()
        form.addRow("&Template", self.template)
        form.addRow("&Day", self.day)
        form.addRow("C&ut-off", self.cutoff)
        period_label = QLabel("&Period")
        period_label.setBuddy(self.date_from)
        form.addRow(period_label, period_row)
        scope_group = QGroupBox("Scope")
        scope_group.setLayout(scope_box)
        form.addRow(scope_group)
        form.addRow("T&itle", self.title)
        form.addRow("D&esk", self.desk)
        form.addRow("&Next brief due", self.next_due)
        form.addRow("C&ontact", self.contact)
        form.addRow("&Marking", self.marking)
        form.addRow("&Group events", self.group_by)
        form.addRow("Page si&ze", self.page_size)
        form.addRow("", self.chart)
        bluf_label = QLabel("&Bottom line up front")
        bluf_label.setBuddy(self.bluf)
        form.addRow(bluf_label, self.omit_bluf)
        form.addRow(self.bluf_note)
        form.addRow(self.bluf)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("briefStatus")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton("&Preview")
        self.save_button = QPushButton("&Save PDF…")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel build")
        self.cancel_button.setVisible(False)
        self.close_button = QPushButton("Close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.status)
        left_layout.addStretch(1)
        left_layout.addLayout(buttons)

        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # the pages keep their size and the area scrolls (else the layout squeezes them on top of each other)
        self.pages_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.pages_label = QLabel("Press Preview to see the pages here.")
        self.pages_layout.addWidget(self.pages_label)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.pages_widget)
        self.preview_area.setObjectName("briefPreview")

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([430, 750])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.template.currentIndexChanged.connect(self._update_enabled)
        self.template.currentIndexChanged.connect(self._load_template_fields)
        self.bluf.textChanged.connect(self._update_bluf_note)
        self.omit_bluf.toggled.connect(self._update_bluf_note)
        self.scope_buttons.buttonClicked.connect(lambda _: self._update_enabled())
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self._ask_save)
        self.cancel_button.clicked.connect(self.cancel_build)
        self.close_button.clicked.connect(self.reject)

    # -- remembered choices -------------------------------------------------------------
    def _load_choices(self) -> None:
        remembered = load_settings(self.ws)
        q = self.qsettings
        self._select(self.template, str(q.value("brief/template", remembered.template)))
        self._select(self.page_size, str(q.value("brief/page_size", remembered.page_size)))
        self._select(self.group_by, str(q.value("brief/group_by", remembered.group_by)))
        self.chart.setChecked(str(q.value("brief/chart", "true")).lower() in ("true", "1"))
        scope = str(q.value("brief/scope", "filter"))
        if scope == "selection" and not self.selected_uids:
            scope = "filter"
        self.scope_radios.get(scope, self.scope_radios["filter"]).setChecked(True)
        self.date_from.setText(str(q.value("brief/from", "")))
        self.date_to.setText(str(q.value("brief/to", "")))
        self.marking.setCurrentText(remembered.marking)
        self._remembered_bluf = remembered  # its bottom line, and the brief it was written for
        self.bluf.setPlainText(remembered.bluf)
        self._load_template_fields()
        self.day.setText(self._default_day())

    def _load_template_fields(self) -> None:
        """Title, desk, next-due and contact as last used with the chosen template."""
        remembered = load_settings(self.ws, self.template.currentData())
        self.title.setText(remembered.title)
        self.desk.setText(remembered.desk)
        self.next_due.setText(remembered.next_due)
        self.contact.setText(remembered.contact)

    def _bluf_is_carried(self) -> bool:
        remembered = self._remembered_bluf
        return remembered.bluf_carried and self.bluf.toPlainText() == remembered.bluf

    def _update_bluf_note(self) -> None:
        self.bluf.setEnabled(not self.omit_bluf.isChecked())
        carried = self._bluf_is_carried() and not self.omit_bluf.isChecked()
        origin = self._remembered_bluf.bluf_origin
        self.bluf_note.setText(f"Carried over from {origin}: the brief will say so. Edit it for today's, "
                               "or leave it out." if carried and origin else "")
        self.bluf_note.setVisible(bool(self.bluf_note.text()))

    def _default_day(self) -> str:
        """The day of the latest precisely dated event in scope: a morning brief is about
        what just happened, and the demo's "today" is in 2019."""
        ids = self.ws.event_ids(self.current_filter)
        for event in reversed(self.ws.events_by_ids(ids[-50:])):
            if not event.when.open_end and not event.when.open_start:
                latest = event.when.latest
                return f"{latest.day} {latest:%b} {latest.year}"
        return ""

    def _save_choices(self) -> None:
        q = self.qsettings
        q.setValue("brief/template", self.template.currentData())
        q.setValue("brief/page_size", self.page_size.currentData())
        q.setValue("brief/group_by", self.group_by.currentData())
        q.setValue("brief/chart", "true" if self.chart.isChecked() else "false")
        q.setValue("brief/scope", self.scope_key())
        q.setValue("brief/from", self.date_from.text())
        q.setValue("brief/to", self.date_to.text())
        q.sync()

    @staticmethod
    def _select(combo: QComboBox, key: str) -> None:
        index = combo.findData(key)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _update_enabled(self) -> None:
        daily = self.template.currentData() == "daily"
        self.day.setEnabled(daily)
        self.cutoff.setEnabled(daily)
        self.date_from.setEnabled(not daily)
        self.date_to.setEnabled(not daily)

    # -- what to build ------------------------------------------------------------------
    def scope_key(self) -> str:
        button = self.scope_buttons.checkedButton()
        return button.property("scope") if button is not None else "filter"

    def brief_settings(self) -> BriefSettings:
        """The form as BriefSettings; raises BrieferError naming the field that is wrong."""
        template = self.template.currentData()
        changes: dict = {}
        if template == "daily":
            text = self.day.text().strip()
            cutoff = self.cutoff.text().strip()
            if text and cutoff:
                raise BrieferError("Day and Cut-off: give one of them (a day, or the 24 h up to a cut-off time)")
            if text:
                day = _parse("Day", text)
                if day.interval or not day.is_point:
                    raise BrieferError(f"Day: '{text}' is not one day")
                changes["day"] = day
            elif cutoff:
                moment = _parse("Cut-off", cutoff)
                if moment.interval or moment.precision is not Precision.MINUTE:
                    raise BrieferError(f"Cut-off: '{cutoff}' is not a time of day such as 9 Feb 2019 06:00")
                changes["cutoff"] = moment.earliest
        else:
            for key, field in (("start", self.date_from), ("end", self.date_to)):
                text = field.text().strip()
                if text:
                    changes[key] = _parse("Period", text)
        remembered = self._remembered_bluf
        if self._bluf_is_carried():
            changes.update(bluf_carried=True, bluf_number=remembered.bluf_number, bluf_day=remembered.bluf_day)
        return BriefSettings(
            template=template, title=self.title.text().strip(), desk=self.desk.text().strip(),
            next_due=self.next_due.text().strip(), contact=self.contact.text().strip(),
            marking=self.marking.currentText().strip(), bluf=self.bluf.toPlainText(),
            omit_bluf=self.omit_bluf.isChecked(), page_size=self.page_size.currentData(),
            group_by=self.group_by.currentData() or "", chart=self.chart.isChecked(),
            previous_number=remembered.previous_number, previous_cutoff=remembered.previous_cutoff, **changes)

    def scope(self) -> object:
        key = self.scope_key()
        if key == "selection":
            return list(self.selected_uids)
        if key == "period":
            return EventFilter()
        return self.current_filter

    # -- building -----------------------------------------------------------------------
    def is_building(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def preview(self) -> None:
        self._start(None)

    def _ask_save(self) -> None:
        name = (self.title.text().strip() or self.template.currentText()).replace("/", "-")
        folder = str(self.qsettings.value("brief/folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(self, "Save brief", str(Path(folder) / f"{name}.pdf"),
                                              "PDF files (*.pdf)")
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the brief to `path`: the previewed file when nothing changed since the
        preview, else a fresh build."""
        path = Path(path)
        self.qsettings.setValue("brief/folder", str(path.parent))
        try:
            key = self._key()
        except BrieferError as error:
            self._fail(str(error))
            return
        if self.last_result is not None and key == self._preview_key and self.last_result.path.exists():
            try:  # the safe writer: never over the workspace, never through a symlink, whole or not at all
                write_bytes(path, self.last_result.path.read_bytes())
            except BrieferError as error:
                self._fail(f"{error}; the brief was not written")
                return
            except OSError as error:
                self._fail(f"{path}: cannot write the brief ({error.strerror or error})")
                return
            self._finish_save(path, self.last_result)
            return
        self._start(path)

    def _key(self) -> tuple:
        settings = self.brief_settings()
        scope = self.scope()
        return (repr(settings), repr(scope))

    def _start(self, save_path: Optional[Path]) -> None:
        if self.is_building():
            return
        try:
            settings = self.brief_settings()
            key = self._key()
            data = collect_brief(self.ws, settings, self.scope())  # the store, on this thread
        except BrieferError as error:
            self._fail(str(error))
            return
        self._data = data
        self._pending_save = save_path
        self._building_key = key
        out = save_path if save_path is not None else self._tmp / f"preview-{id(data)}.pdf"
        self.worker = BriefWorker(data, out, PREVIEW_WIDTH, self)
        self.worker.progressed.connect(self._on_progress)
        self.worker.done.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_thread_finished)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.preview_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText("Building the brief…")
        self.worker.start()

    def cancel_build(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    @Slot(float, str)
    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(text + "…")

    @Slot(object, object)
    def _on_done(self, result: BriefResult, images: list) -> None:
        self.last_result = result
        self._preview_key = self._building_key
        self._show_pages(images)
        toc = ", with contents" if result.has_toc else ""
        shown = "" if len(images) >= result.pages else f"\nThe preview shows the first {len(images)} pages."
        news = f" ({result.new} new, {result.continuing} continuing)" if result.continuing or not result.new else ""
        self.status.setText(f"{result.pages} page{'s' if result.pages != 1 else ''}, {result.events} events{news}, "
                            f"{result.references} sources cited{toc} ({result.seconds:.1f} s)"
                            + "".join(f"\nNote: {w}" for w in result.warnings) + shown)
        if self._pending_save is not None:
            self._finish_save(self._pending_save, result)
        self.built.emit(result)

    def _finish_save(self, path: Path, result: BriefResult) -> None:
        try:
            record_brief(self.ws, self.brief_settings(), result.number, result.day, result.cutoff)
            self._remembered_bluf = load_settings(self.ws, self.template.currentData())
            self._update_bluf_note()
            self.status.setText(f"Saved {path} ({result.pages} pages)")
        except BrieferError as error:  # the PDF is written; only remembering failed
            self.status.setText(f"Saved {path}, but the workspace could not keep the settings: {error}")
        self._save_choices()
        self._pending_save = None
        self.saved.emit(path)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.status.setText(message[:1].upper() + message[1:])
        self.failed.emit(message)

    def _on_thread_finished(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.preview_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _show_pages(self, images: list) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.width() + 2, image.height() + 2)  # whole pages, never squeezed
            label.setToolTip(f"Page {number} of {len(images)}")
            label.setStyleSheet("border: 1px solid #9aa3ad; background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def preview_page_count(self) -> int:
        return len(getattr(self, "page_labels", []))

    # -- closing ------------------------------------------------------------------------
    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()
        self._save_choices()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(code)
