"""The hostile-input corpus through the window: File ▸ Open, the import worker, the intake
dialog and the brief writer each answer a hostile file with a message naming it, never a
traceback, and leave the workspace as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ..ui.conftest import settings, window  # noqa: F401 - the main window, on private settings
from .corpus import BAD_WORKSPACES
from .test_cli_corpus import answers_in_time, hostile  # noqa: F401 - the session's hostile files

IMPORTS = [  # (file, format the dialog would pass, fragment of the message)
    ("deep.json", "json", "nested too deeply"),
    ("deep_timelinejs.json", "timelinejs", "nested too deeply"),
    ("fifo.json", "json", "named pipe (FIFO)"),
    ("fifo.csv", "acled", "FIFO"),
    ("broken.json", "json", "not valid JSON"),
    ("list.json", "json", "list.json"),
    ("binary.csv", "acled", "binary.csv"),
    ("header_only.csv", "acled", "header_only.csv"),
    ("fatalities_huge.json", "json", "fatalities"),
    ("title_number.json", "json", "title"),
    ("missing.json", "json", "missing.json"),
]

INTAKES = [
    ("bomb.eml", "MIME bomb"), ("fifo.txt", "named pipe (FIFO)"), ("folder.txt", "folder"),
    ("empty.txt", "empty"), ("binary.txt", "not a text file"), ("binary.html", "binary.html"),
    ("report.pdf", "report.pdf"), ("missing.txt", "missing.txt"),
]


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a: said.append(text))
    return said


@pytest.mark.parametrize("name, says", BAD_WORKSPACES, ids=[n for n, _ in BAD_WORKSPACES])
def test_opening_a_hostile_workspace_file_says_why(window, hostile, said: list[str],  # noqa: F811
                                                   name: str, says: str) -> None:
    with answers_in_time(60):
        assert window.open_path(str(hostile["files"] / name)) is False
    assert len(said) == 1 and says in said[0] and name in said[0], said
    assert window.session.ws is None


@pytest.mark.parametrize("name, fmt, says", IMPORTS, ids=[n for n, _, _ in IMPORTS])
def test_importing_a_hostile_file_says_why(qtbot, hostile, tmp_path: Path,  # noqa: F811
                                           name: str, fmt: str, says: str) -> None:
    from briefer.ui.import_dialog import ImportWorker

    ws = tmp_path / "ws.briefer"
    shutil.copyfile(hostile["empty"], ws)
    before = ws.read_bytes()
    worker = ImportWorker(ws, [(str(hostile["files"] / name), fmt)], None, None)
    failed: list[str] = []
    worker.failed.connect(failed.append)
    worker.ask_bad_rows.connect(lambda _report: worker.answer(False))
    with answers_in_time(60):
        worker.run()  # the thread's body, here: what it says is what the dialog shows
    assert len(failed) == 1 and says in failed[0], failed
    assert "Traceback" not in failed[0] and "Error:" not in failed[0]
    assert ws.read_bytes() == before


@pytest.mark.parametrize("name, says", INTAKES, ids=[n for n, _ in INTAKES])
def test_intake_of_a_hostile_report_says_why(qtbot, demo_workspace, hostile, name: str, says: str) -> None:  # noqa: F811
    from briefer.ui.intake_review import IntakeDialog

    dialog = IntakeDialog(demo_workspace)
    qtbot.addWidget(dialog)
    shown: list[str] = []
    dialog._error = shown.append  # what the dialog would show in its message box
    with answers_in_time(60):
        assert dialog.open_file(str(hostile["files"] / name)) is False
    assert len(shown) == 1 and says in shown[0], shown


@pytest.mark.parametrize("target", ["{ws}", "{ws}-wal", "{ws}-shm", "{files}/folder.briefer", "{files}/fifo.txt"])
def test_a_brief_onto_the_workspace_or_a_non_file_is_refused(demo_workspace, hostile, target: str) -> None:  # noqa: F811
    from briefer.brief.build import build_brief
    from briefer.brief.settings import BriefError, load_settings

    path = target.format(ws=demo_workspace.path, files=hostile["files"])
    before = demo_workspace.path.read_bytes()
    settings = load_settings(demo_workspace).with_(template="period")
    with pytest.raises(BriefError) as refused:
        build_brief(demo_workspace, settings, None, path)
    assert Path(path).name in str(refused.value)
    assert demo_workspace.path.read_bytes() == before
