"""The article review dialog: paste or open, see the proposals, accept only some."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog

from briefer.core.model import Source
from briefer.ui.intake_review import IntakeDialog

FIXTURES = Path(__file__).resolve().parents[1] / "intake" / "fixtures"


@pytest.fixture
def dialog(qtbot, workspace):
    dlg = IntakeDialog(workspace)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _row(tree, column: int, fragment: str):
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if fragment in item.text(column):
            return item
    raise AssertionError(f"no row with {fragment!r}")


def test_paste_analyse_and_accept_only_the_ticked_event(qtbot, dialog, workspace) -> None:
    dialog.paste.setPlainText((FIXTURES / "dam_talks.txt").read_text())
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    assert dialog.headline.text() == "Talks over northern dam stall as militia keeps its guns"
    assert dialog.outlet.text() == "Valley Courier" and dialog.outlet_note.text() == "new source"
    assert dialog.published.text() == "2021-03-14"
    assert dialog.events_tree.topLevelItemCount() >= 4
    assert not dialog.accept_button.isEnabled()  # nothing is accepted by default
    seized = _row(dialog.events_tree, 1, "seized")
    seized.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.accept_button.isEnabled() and dialog.accept_button.text() == "Accept 1 event"
    with qtbot.waitSignal(dialog.landed) as landed:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(landed.args[0].events) == 1
    events = workspace.search_events()
    assert [e.when.edtf for e in events] == ["2018"]
    assert events[0].citations[0].document_uid == landed.args[0].document_uid


def test_selecting_a_proposal_highlights_its_text(qtbot, dialog) -> None:
    assert dialog.open_file(str(FIXTURES / "dam_talks.html"))
    dialog.tabs.setCurrentIndex(3)
    item = _row(dialog.dates_tree, 0, "within two weeks")
    dialog.dates_tree.setCurrentItem(item)
    cursor = dialog.text_view.textCursor()
    text = dialog.text_view.toPlainText()
    assert text[cursor.position():].startswith("within two weeks")
    assert "forward" in item.text(2)
    selections = dialog.text_view.extraSelections()
    focus = selections[len(selections) - 1]
    assert QTextCursor(focus.cursor).selectedText() == "within two weeks"


def test_edit_reject_and_merge(qtbot, dialog, workspace) -> None:
    dialog.open_file(str(FIXTURES / "dam_talks.txt"))
    quote = _row(dialog.events_tree, 1, "thieves")
    quote.setText(3, "not a date")  # the When column: refused, the old date stays
    assert "not a date" in dialog.status.text() and quote.text(3) != "not a date"
    quote.setText(3, "Mar 2021")
    quote.setText(1, "Hallaq refuses to leave the dam")
    quote.setCheckState(0, Qt.CheckState.Checked)
    hallaq = _row(dialog.actors_tree, 1, "Idris Hallaq")
    hallaq.setCheckState(0, Qt.CheckState.Unchecked)  # rejected
    talks = _row(dialog.events_tree, 1, "Negotiations collapsed")
    seized = _row(dialog.events_tree, 1, "seized")
    count = dialog.events_tree.topLevelItemCount()
    talks.setSelected(True)
    seized.setSelected(True)
    qtbot.mouseClick(dialog.merge_events_button, Qt.MouseButton.LeftButton)
    assert dialog.events_tree.topLevelItemCount() == count - 1
    merged = _row(dialog.events_tree, 1, "Negotiations collapsed")
    assert merged.checkState(0) == Qt.CheckState.Checked
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    titles = {e.title: e for e in workspace.search_events()}
    assert set(titles) == {"Hallaq refuses to leave the dam", merged.text(1)}
    assert titles["Hallaq refuses to leave the dam"].when.edtf == "2021-03"
    assert workspace.find_actor("Idris Hallaq") is None


def test_dropping_a_file_opens_it(qtbot, dialog) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "dam_talks.eml"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    assert dialog.headline.text() == "Talks over northern dam stall as militia keeps its guns"
    assert dialog.pages.currentIndex() == 1


def test_a_bad_file_says_why_and_changes_nothing(qtbot, dialog, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"")
    assert not dialog.open_file(str(bad))
    assert "notes.txt" in dialog.status.text()
    assert dialog.pages.currentIndex() == 0


def test_cancel_lands_nothing(qtbot, dialog, workspace) -> None:
    dialog.open_file(str(FIXTURES / "dam_talks.txt"))
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert workspace.count_events() == 0 and workspace.documents() == []


def test_real_report_in_the_demo_workspace(qtbot, demo_workspace, shared_data: Path) -> None:
    dlg = IntakeDialog(demo_workspace, path=str(shared_data / "articles/2019-02-09-sdf-offensive-on-hold.txt"))
    qtbot.addWidget(dlg)
    assert dlg.published.text() == "2019-02-09"
    assert _row(dlg.actors_tree, 1, "Islamic State").text(3) == "known"
    assert "Daesh" in _row(dlg.actors_tree, 1, "Islamic State").text(4)
    assert _row(dlg.citations_tree, 1, "Mustafa Bali").text(2) == "Reuters"
    assert _row(dlg.sources_tree, 1, "Reuters").text(3) == "known"
    assert _row(dlg.sources_tree, 1, "Syrian Observatory for Human Rights").text(3) == "known"


def test_on_a_laptop_screen_the_when_column_is_in_view(qtbot, demo_workspace, shared_data: Path) -> None:
    # a long "claimed by <organisation>" status must not push the dates off a 1280-px window
    dlg = IntakeDialog(demo_workspace, path=str(shared_data / "articles/2019-02-09-sdf-offensive-on-hold.txt"))
    qtbot.addWidget(dlg)
    dlg.resize(1280, 720)
    dlg.show()
    qtbot.waitExposed(dlg)
    tree = dlg.events_tree
    when_at = tree.header().sectionViewportPosition(3)
    assert 0 <= when_at and when_at + 60 < tree.viewport().width()


def test_typing_the_publication_date_resolves_relative_dates(qtbot, dialog, workspace) -> None:
    dialog.paste.setPlainText("Ferry service resumes\n\nThe Harbour Authority said on Monday that the ferry to "
                              "Sahl island will resume within a week.")
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    assert dialog.published.text() == ""
    assert "unknown" in dialog.published_note.text()
    assert dialog.dates_tree.topLevelItemCount() == 0
    dialog.published.setText("2022-06-08")
    dialog.outlet.setText("Island Gazette")
    qtbot.mouseClick(dialog.reread, Qt.MouseButton.LeftButton)
    assert dialog.published_note.text() == "8 Jun 2022"
    assert _row(dialog.dates_tree, 0, "on Monday").text(1) == "6 Jun 2022"
    assert _row(dialog.dates_tree, 0, "within a week").text(1) == "8–15 Jun 2022"
    dialog.events_tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    document = workspace.documents()[0]
    assert workspace.get_source(document.source_uid).name == "Island Gazette"
    assert document.published.edtf == "2022-06-08"


def test_an_actor_renamed_to_a_known_one_and_two_merged(qtbot, dialog, workspace) -> None:
    from briefer.core.model import Actor, ActorKind

    known = workspace.add_actor(Actor("Abu Idris", ActorKind.PERSON))  # the analyst knows him by his kunya
    dialog.open_file(str(FIXTURES / "dam_talks.txt"))
    hallaq = _row(dialog.actors_tree, 1, "Idris Hallaq")
    assert hallaq.text(3) == "new"
    hallaq.setText(1, "abu idris")
    assert (hallaq.text(1), hallaq.text(3)) == ("Abu Idris", "known")
    count = dialog.actors_tree.topLevelItemCount()
    brigade = _row(dialog.actors_tree, 1, "Northern Shield Brigade")
    hallaq.setSelected(True)
    brigade.setSelected(True)
    qtbot.mouseClick(dialog.merge_actors_button, Qt.MouseButton.LeftButton)
    assert dialog.actors_tree.topLevelItemCount() == count - 1
    seized = _row(dialog.events_tree, 1, "seized")
    seized.setCheckState(0, Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    event = workspace.search_events()[0]
    actors = {p.actor_uid for p in event.participants}
    assert known.uid in actors
    assert workspace.find_actor("Idris Hallaq") is None and workspace.find_actor("Northern Shield Brigade") is None


def test_nothing_lands_until_the_outlet_is_named(qtbot, dialog, workspace) -> None:
    dialog.paste.setPlainText("Ferry service resumes\n\n9 June 2022\nThe Harbour Authority said on Monday that "
                              "the ferry to Sahl island resumed after the storm damaged the pier.")
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    assert dialog.outlet.text() == "" and dialog.outlet_note.text() == "needed before accepting"
    dialog.events_tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert "Name the outlet" in dialog.status.text() and dialog.isVisible()
    assert workspace.count_events() == 0 and workspace.documents() == [] and workspace.sources() == []
    workspace.add_source(Source("Harbour Radio"))
    qtbot.keyClicks(dialog.outlet, "harbour radio")
    assert dialog.outlet_note.text() == "known source"  # said as it is typed, before any re-read
    dialog.outlet.clear()
    qtbot.keyClicks(dialog.outlet, "Island Gazette")
    assert dialog.outlet_note.text() == "new source"
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert workspace.count_events() == 1
    assert workspace.get_source(workspace.documents()[0].source_uid).name == "Island Gazette"


UNDATED_REPORT = ("Headline: Customs post attacked\nOutlet: Desk Wire\nDate: 2019-03-05\n\n"
                  "The Northern Shield Brigade attacked a customs post near Tal Hamra. The Northern Shield Brigade "
                  "fighters also seized a warehouse in Kafr Saba. On Sunday the Eastland police arrested four "
                  "smugglers at the ferry landing in Tal Hamra.")


def test_an_undated_proposal_says_where_it_lands_and_the_analyst_can_date_it(qtbot, dialog, workspace) -> None:
    dialog.paste.setPlainText(UNDATED_REPORT)
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    attacked = _row(dialog.events_tree, 1, "customs post")
    seized = _row(dialog.events_tree, 1, "warehouse")
    arrested = _row(dialog.events_tree, 1, "smugglers")
    assert attacked.text(3) == "on or before 5 Mar 2019 (no date in the report)"
    assert "the report gives no date; published 5 Mar 2019" in attacked.toolTip(3)
    assert arrested.text(3) == "3 Mar 2019"
    seized.setText(3, "2 Mar 2019")  # the analyst knows the day
    assert seized.text(3) == "2 Mar 2019"
    for item in (attacked, seized, arrested):
        item.setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.landed) as landed:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert landed.args[0].notes and "on or before the publication day (5 Mar 2019)" in landed.args[0].notes[0]
    when = {e.title: e.when.edtf for e in workspace.search_events()}
    assert when == {attacked.text(1): "../2019-03-05", seized.text(1): "2019-03-02", arrested.text(1): "2019-03-03"}
    notes = {e.title: e.notes for e in workspace.search_events()}
    assert "on or before the publication day" in notes[attacked.text(1)]
    assert "the report gives no date" not in notes[seized.text(1)]


def test_the_status_column_is_not_typed_into(qtbot, dialog) -> None:
    dialog.paste.setPlainText(UNDATED_REPORT)
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    attacked = _row(dialog.events_tree, 1, "customs post")
    attacked.setText(2, "2 Mar 2019")
    assert attacked.text(2) == "reported"
    assert attacked.text(3).endswith("(no date in the report)")


def test_the_counts_of_what_was_proposed_read_as_english(qtbot, dialog) -> None:
    import re

    dialog.paste.setPlainText(UNDATED_REPORT)
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    counts = re.findall(r"(\d+) (event|actor|statement|date)(s?)\b", dialog.status.text())
    assert len(counts) == 4 and ("1", "date", "") in counts  # (this report has one date: 'On Sunday')
    assert all((n == "1") == (plural == "") for n, _, plural in counts)


@pytest.mark.parametrize("order, undated, dated, published", [
    ("mdy", "on or before Mar 5, 2019 (no date in the report)", "Mar 3, 2019", "Mar 5, 2019"),
    ("iso", "../2019-03-05 (no date in the report)", "2019-03-03", "2019-03-05"),
])
def test_the_review_writes_dates_in_the_analyst_s_order(qtbot, dialog, order, undated, dated, published) -> None:
    """Dates in the review read as everywhere else in the window (Edit ▸ Preferences)."""
    from briefer.ui import preferences

    preferences.apply(preferences.Preferences(date_order=order))
    try:
        dialog.paste.setPlainText(UNDATED_REPORT)
        qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
        assert _row(dialog.events_tree, 1, "customs post").text(3) == undated
        assert _row(dialog.events_tree, 1, "smugglers").text(3) == dated
        assert _row(dialog.dates_tree, 0, "Sunday").text(1) == dated
        assert dialog.published_note.text() == published
    finally:
        preferences.apply(preferences.Preferences())


def test_at_1280_px_an_undated_proposal_s_whole_date_is_in_view(qtbot, dialog) -> None:
    dialog.resize(1280, 720)
    dialog.paste.setPlainText(UNDATED_REPORT)
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(dialog)
    tree = dialog.events_tree
    attacked = _row(tree, 1, "customs post")
    text = attacked.text(3)
    assert text == "on or before 5 Mar 2019 (no date in the report)"
    assert tree.columnWidth(3) >= tree.fontMetrics().horizontalAdvance(text)  # not cut to "on or before 5 Mar…"
    assert tree.header().sectionViewportPosition(3) + tree.columnWidth(3) <= tree.viewport().width()  # no scrolling
    assert text in attacked.toolTip(3)
    # the narrower Title keeps its whole text in reach, after an edit too
    assert attacked.toolTip(1).startswith(attacked.text(1))
    attacked.setText(1, "Brigade fighters attacked the customs post near Tal Hamra on the northern road at dawn")
    assert attacked.toolTip(1).startswith("Brigade fighters attacked the customs post near Tal Hamra on the northern")


def _contrast(a, b) -> float:
    def luminance(c) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_marks_in_the_report_read_in_light_and_after_switching_to_dark(qtbot, dialog) -> None:
    from briefer.ui import theme

    theme.apply_scheme("light")
    try:
        dialog.paste.setPlainText(UNDATED_REPORT)
        qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
        dialog.tabs.setCurrentIndex(1)
        dialog.actors_tree.setCurrentItem(dialog.actors_tree.topLevelItem(0))  # one mark in focus too
        for scheme in ("light", "dark"):
            theme.apply_scheme(scheme)  # switched while the dialog is open: the marks follow
            qtbot.waitUntil(lambda: theme.is_dark(dialog.text_view) == (scheme == "dark"))  # the palette reached it
            selections = dialog.text_view.extraSelections()
            assert len({s.format.background().color().name() for s in selections}) >= 3  # events, actors, dates, focus
            for s in selections:
                back, ink = s.format.background().color(), s.format.foreground().color()
                assert _contrast(ink, back) >= 4.5, (scheme, s.cursor.selectedText(), back.name(), ink.name())
                # a mark is a tint of the pane's shade, not a pale patch on a dark pane (or a dark one on a light)
                assert (back.lightness() < 128) == (scheme == "dark"), (scheme, s.cursor.selectedText(), back.name())
    finally:
        theme.apply_scheme("system")


def test_words_the_assistant_missed_are_selected_in_the_report_and_added_as_an_event(qtbot, dialog, workspace) -> None:
    dialog.resize(1280, 720)
    assert dialog.open_file(str(FIXTURES / "river_road.txt"))
    qtbot.waitExposed(dialog)
    count = dialog.events_tree.topLevelItemCount()
    assert not dialog.add_event_button.isEnabled()  # nothing selected yet
    text = dialog.text_view.toPlainText()
    words = "Families left the valley by the hundreds"
    cursor = dialog.text_view.textCursor()
    cursor.setPosition(text.index(words))
    cursor.setPosition(text.index(words) + len(words), QTextCursor.MoveMode.KeepAnchor)
    dialog.text_view.setTextCursor(cursor)
    assert dialog.add_event_button.isEnabled()
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_event_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == 0 and dialog.events_tree.topLevelItemCount() == count + 1
    added = dialog.events_tree.currentItem()
    assert added.text(1) == words and added.checkState(0) == Qt.CheckState.Checked
    assert added.text(3) == "on or before 12 Jun 2022 (no date in the selection)"
    tree = dialog.events_tree  # read whole, without scrolling, on a laptop's width
    assert tree.columnWidth(3) >= tree.fontMetrics().horizontalAdvance(added.text(3))
    assert tree.header().sectionViewportPosition(3) + tree.columnWidth(3) <= tree.viewport().width()
    assert dialog.status.text() == (f"Added '{words}': reported, on or before 12 Jun 2022 (no date in the selection). "
                                    "The When cell's tip says why; double-click a cell to edit.")
    assert dialog.accept_button.text() == "Accept 1 event"
    added.setText(3, "11 Jun 2022")  # the analyst knows the day
    with qtbot.waitSignal(dialog.landed):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    [event] = workspace.search_events()
    assert (event.title, event.when.edtf, event.citations[0].quote) == (words, "2022-06-11", words)


def test_adding_with_only_blanks_selected_says_what_to_do(qtbot, dialog) -> None:
    assert dialog.open_file(str(FIXTURES / "river_road.txt"))
    count = dialog.events_tree.topLevelItemCount()
    text = dialog.text_view.toPlainText()
    cursor = dialog.text_view.textCursor()
    at = text.index("\n\n")
    cursor.setPosition(at)
    cursor.setPosition(at + 2, QTextCursor.MoveMode.KeepAnchor)
    dialog.text_view.setTextCursor(cursor)
    qtbot.mouseClick(dialog.add_event_button, Qt.MouseButton.LeftButton)
    assert "select the words of the report" in dialog.status.text()
    assert dialog.events_tree.topLevelItemCount() == count


def test_a_selection_after_characters_outside_the_basic_plane_maps_to_the_right_words() -> None:
    from briefer.ui.intake_match import Utf16
    text = "𝐀 قصف 😀 the shelling began"
    positions = Utf16(text)
    assert [positions.offset(positions(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert positions.offset(positions(text.index("the"))) == text.index("the") != positions(text.index("the"))


def _select(dialog, words: str) -> None:
    text = dialog.text_view.toPlainText()
    cursor = dialog.text_view.textCursor()
    cursor.setPosition(text.index(words))
    cursor.setPosition(text.index(words) + len(words), QTextCursor.MoveMode.KeepAnchor)
    dialog.text_view.setTextCursor(cursor)


def test_events_added_by_hand_survive_a_re_read_with_another_date(qtbot, dialog) -> None:
    assert dialog.open_file(str(FIXTURES / "river_road.txt"))
    count = dialog.events_tree.topLevelItemCount()
    _select(dialog, "Families left the valley by the hundreds")
    qtbot.mouseClick(dialog.add_event_button, Qt.MouseButton.LeftButton)
    dialog.published.setText("2022-06-13")
    qtbot.mouseClick(dialog.reread, Qt.MouseButton.LeftButton)
    assert dialog.events_tree.topLevelItemCount() == count + 1
    kept = _row(dialog.events_tree, 1, "Families left the valley")
    assert kept.checkState(0) == Qt.CheckState.Checked
    assert kept.text(3) == "on or before 13 Jun 2022 (no date in the selection)"
    assert "Added by hand and kept: 1 event." in dialog.status.text()


def test_the_status_line_shows_the_report_s_words_as_written(qtbot, dialog) -> None:
    dialog.paste.setPlainText("Headline: Signs\nDate: 2 June 2022\nOutlet: Town Crier\n\n"
                              "Protesters waved <b>banners</b> reading &lt;no&gt; outside the town hall.\n")
    qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    _select(dialog, "Protesters waved <b>banners</b> reading &lt;no&gt;")
    qtbot.mouseClick(dialog.add_event_button, Qt.MouseButton.LeftButton)
    assert dialog.status.textFormat() == Qt.TextFormat.RichText
    shown = QTextDocument()
    shown.setHtml(dialog.status.text())
    assert "Added 'Protesters waved <b>banners</b> reading &lt;no&gt;'" in shown.toPlainText()
