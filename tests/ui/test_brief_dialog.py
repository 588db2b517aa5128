"""The Brief dialog: preview inside the dialog, save, remembered choices, no frozen window."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings

from briefer.brief import load_settings
from briefer.core.filter import EventFilter
from briefer.ui.brief_dialog import BriefDialog


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make(qtbot, ws, qsettings, selected=(), f=EventFilter()) -> BriefDialog:
    dialog = BriefDialog(ws, f, list(selected), settings=qsettings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_defaults_come_from_the_workspace(qtbot, demo_workspace, qsettings) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    assert dialog.marking.currentText() == "UNCLASSIFIED // FOR TRAINING"
    assert dialog.day.text() == "27 Oct 2019"  # the latest precisely dated demo event
    assert not dialog.scope_radios["selection"].isEnabled()


def test_preview_builds_in_a_thread_and_shows_every_page(qtbot, demo_workspace, qsettings) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.template.setCurrentIndex(dialog.template.findData("period"))
    with qtbot.waitSignal(dialog.built, timeout=60000) as blocker:
        dialog.preview()
        assert dialog.is_building()  # returned at once; the window keeps running its event loop
        assert dialog.progress.isVisible() and not dialog.preview_button.isEnabled()
    result = blocker.args[0]
    assert result.pages > 3 and result.has_toc
    assert dialog.preview_page_count() == result.pages
    pixmap = dialog.page_labels[0].pixmap()
    assert pixmap.width() > 400 and pixmap.height() > pixmap.width()
    qtbot.waitUntil(lambda: dialog.page_labels[-1].y() > 0)  # laid out
    labels = dialog.page_labels
    for label in labels:  # each page shown whole, one under the other
        assert label.height() >= label.pixmap().height()
    for above, below in zip(labels, labels[1:]):
        assert below.y() >= above.y() + above.height()
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled())
    assert not dialog.progress.isVisible()


def test_save_writes_the_selection_and_remembers_the_bluf(qtbot, demo_workspace, qsettings, tmp_path) -> None:
    events = demo_workspace.search_events()
    chosen = [events[2].uid, events[5].uid, events[9].uid]
    dialog = make(qtbot, demo_workspace, qsettings, selected=chosen)
    dialog.template.setCurrentIndex(dialog.template.findData("period"))
    dialog.scope_radios["selection"].setChecked(True)
    dialog.bluf.setPlainText("- Three events matter today.")
    dialog.marking.setCurrentText("TLP:GREEN")
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("letter"))
    out = tmp_path / "brief.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=60000):
        dialog.save_to(out)
    reader = pypdf.PdfReader(str(out))
    text = " ".join(p.extract_text() for p in reader.pages)
    for i in (2, 5, 9):
        assert events[i].title in text
    assert events[0].title not in text
    assert "Three events matter today." in text and "TLP:GREEN" in text
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)
    remembered = load_settings(demo_workspace)
    assert remembered.bluf == "- Three events matter today." and remembered.marking == "TLP:GREEN"
    dialog.close()

    again = make(qtbot, demo_workspace, qsettings, selected=chosen)
    assert again.template.currentData() == "period"
    assert again.page_size.currentData() == "letter"
    assert again.scope_key() == "selection"
    assert again.bluf.toPlainText() == "- Three events matter today."
    # the remembered bottom line is not today's: the form says so, and so will the brief
    assert again.bluf_note.isVisibleTo(again) and "Carried over from brief No. 1" in again.bluf_note.text()
    assert again.brief_settings().bluf_carried
    again.bluf.setPlainText("- Today's judgement.")
    assert not again.bluf_note.isVisibleTo(again) and not again.brief_settings().bluf_carried


def test_previews_do_not_advance_the_number_a_save_does(qtbot, demo_workspace, qsettings, tmp_path) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.day.setText("9 Feb 2019")
    dialog.next_due.setText("10 Feb 2019 07:00")
    dialog.contact.setText("Levant desk, ext. 4411")
    dialog.omit_bluf.setChecked(True)
    for _ in range(2):
        with qtbot.waitSignal(dialog.built, timeout=60000) as blocker:
            dialog.preview()
        qtbot.waitUntil(lambda: not dialog.is_building())
        assert blocker.args[0].number == 1
    out = tmp_path / "daily.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=60000):
        dialog.save_to(out)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    assert "Next brief due 10 Feb 2019 07:00" in text and "Levant desk, ext. 4411" in text
    assert "Bottom line up front" not in text
    with qtbot.waitSignal(dialog.built, timeout=60000) as blocker:
        dialog.preview()
    assert blocker.args[0].number == 2
    assert load_settings(demo_workspace, "daily").next_due == "10 Feb 2019 07:00"


def test_saving_after_a_preview_writes_the_previewed_file(qtbot, demo_workspace, qsettings, tmp_path) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    with qtbot.waitSignal(dialog.built, timeout=60000):
        dialog.preview()
    qtbot.waitUntil(lambda: not dialog.is_building())
    previewed = dialog.last_result.path.read_bytes()
    out = tmp_path / "daily.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_to(out)
    assert out.read_bytes() == previewed


def test_empty_scope_says_so_and_writes_nothing(qtbot, demo_workspace, qsettings, tmp_path) -> None:
    dialog = make(qtbot, demo_workspace, qsettings, f=EventFilter(tags=("no-such-tag",)))
    dialog.template.setCurrentIndex(dialog.template.findData("period"))  # a daily brief is printed even empty
    out = tmp_path / "empty.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.save_to(out)
    assert "no events" in dialog.status.text().lower()
    assert not out.exists()


def test_bad_day_names_the_field(qtbot, demo_workspace, qsettings) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.day.setText("Feb 2019")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.preview()
    assert dialog.status.text().startswith("Day:")


def test_cancel_stops_the_build(qtbot, demo_workspace, qsettings, tmp_path) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.template.setCurrentIndex(dialog.template.findData("period"))
    out = tmp_path / "cancelled.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        dialog.save_to(out)
        dialog.cancel_build()
    assert "cancelled" in dialog.status.text()
    assert not out.exists()


def test_daily_brief_of_the_24_hours_up_to_a_cutoff(qtbot, demo_workspace, qsettings, tmp_path) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.day.setText("")
    dialog.cutoff.setText("10 Feb 2019 06:00")
    out = tmp_path / "cutoff.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=60000):
        dialog.save_to(out)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert "9 Feb 2019 06:00 UTC – 10 Feb 2019 06:00 UTC" in " ".join(text.split())
    assert "SDF pause the offensive on Baghouz" in " ".join(text.split())  # 9 Feb, inside the 24 h
    assert "Trump expects Islamic State defeated" not in " ".join(text.split())  # 6 Feb, outside


@pytest.mark.parametrize("day, cutoff, field", [("9 Feb 2019", "10 Feb 2019 06:00", "Day and Cut-off"),
                                                ("", "10 Feb 2019", "Cut-off:"), ("", "yesterday-ish", "Cut-off:"),
                                                ("Febtember", "", "Day:")])
def test_bad_day_or_cutoff_names_the_field(qtbot, demo_workspace, qsettings, day, cutoff, field) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.day.setText(day)
    dialog.cutoff.setText(cutoff)
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.preview()
    assert dialog.status.text().startswith(field)


def test_a_long_brief_previews_its_first_pages_only(qtbot, demo_workspace, qsettings, monkeypatch) -> None:
    from briefer.ui import brief_dialog

    monkeypatch.setattr(brief_dialog, "PREVIEW_PAGES", 2)
    dialog = make(qtbot, demo_workspace, qsettings)
    dialog.template.setCurrentIndex(dialog.template.findData("period"))
    fractions: list[float] = []
    with qtbot.waitSignal(dialog.built, timeout=60000) as blocker:
        dialog.preview()
        dialog.worker.progressed.connect(lambda f, _: fractions.append(f))
    assert blocker.args[0].pages > 2 and dialog.preview_page_count() == 2
    assert "first 2 pages" in dialog.status.text()
    assert fractions == sorted(fractions)  # the bar never runs backwards


def test_file_brief_opens_on_the_windows_filter_and_selection(window, answer, demo_workspace) -> None:
    from briefer.core.filter import EventFilter as Filter
    from briefer.ui.brief_dialog import BriefDialog

    path = demo_workspace.path
    demo_workspace.close()
    assert window.open_path(path)
    session = window.session
    session.set_filter(Filter(text="Baghouz"))
    ids = session.ws.event_ids(session.filter)[:2]
    session.set_selection(ids)
    seen: dict = {}

    def look(dialog: BriefDialog) -> None:
        seen["filter"] = dialog.current_filter
        seen["selected"] = dialog.selected_uids
        seen["selection enabled"] = dialog.scope_radios["selection"].isEnabled()
        seen["filter label"] = dialog.scope_radios["filter"].text()

    answer(BriefDialog, look)
    window.act_brief.trigger()
    assert seen["filter"] == session.filter
    assert seen["selected"] == [e.uid for e in session.ws.events_by_ids(ids)] and len(ids) == 2
    assert seen["selection enabled"]
    assert f"({session.ws.count_events(session.filter)} events)" in seen["filter label"]


def test_saving_a_previewed_brief_never_overwrites_the_workspace_nor_follows_a_link(
        qtbot, demo_workspace, qsettings, tmp_path) -> None:
    dialog = make(qtbot, demo_workspace, qsettings)
    with qtbot.waitSignal(dialog.built, timeout=60000):
        dialog.preview()
    qtbot.waitUntil(lambda: not dialog.is_building())
    workspace_file = Path(demo_workspace.path)
    before = workspace_file.read_bytes()
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.save_to(workspace_file)
    assert workspace_file.read_bytes() == before and "not written" in dialog.status.text()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "brief.pdf"
    link.symlink_to(victim)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_to(link)
    assert victim.read_text() == "keep me"  # the link was replaced by the PDF, not followed
    assert not link.is_symlink() and link.read_bytes().startswith(b"%PDF")
