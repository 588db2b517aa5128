"""Workbench conventions an analyst expects of a desktop tool: dialogs that fit a laptop,
fields that say what they understood, messages that go when they no longer hold."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from briefer.core.model import Source
from briefer.core.when import When
from briefer.ui.screen_fit import available_area, fit_to_screen
from briefer.ui.timeline.widgets import GoToDateDialog


def open_demo(window, demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)


def test_go_to_date_keeps_the_text_and_says_why_on_an_error(window, qtbot, answer, demo_workspace) -> None:
    open_demo(window, demo_workspace)
    seen = []

    def type_bad(dialog: GoToDateDialog) -> None:
        dialog.text.setText("9 Febuary 2019")
        seen.append(dialog)

    answer(GoToDateDialog, type_bad)
    before = (window.timeline.t0, window.timeline.t1)
    window.timeline.act_go_to.trigger()
    dialog = seen[0]
    assert dialog.text.text() == "9 Febuary 2019"  # kept, to correct
    assert "Febuary" in dialog.error.text() and not dialog.error.isHidden()
    assert (window.timeline.t0, window.timeline.t1) == before

    answer(GoToDateDialog, lambda d: d.text.setText("early Feb 2019"))
    window.timeline.act_go_to.trigger()
    lo, hi = window.timeline.visible_range()
    assert lo.date() <= When.parse("2019-02-01").earliest.date() and hi.date() >= When.parse("2019-02-10").latest.date()


def test_a_filter_error_leaves_the_status_bar_once_a_filter_succeeds(window, qtbot, demo_workspace) -> None:
    open_demo(window, demo_workspace)
    bar = window.filter_bar
    bar.start.setText("Febtober 2019")
    bar.apply()
    assert "Febtober" in window.statusBar().currentMessage()
    bar.start.setText("Feb 2019")
    bar.apply()
    assert window.statusBar().currentMessage() == ""
    window.statusBar().showMessage("Saved a copy", 5000)  # someone else's message is left alone
    bar.apply()
    assert window.statusBar().currentMessage() == "Saved a copy"


def test_the_actors_panel_keeps_the_names_in_a_narrow_dock(qtbot, demo_workspace) -> None:
    from briefer.ui.actor_panel import ActorPanel
    from briefer.ui.session import Session

    session = Session()
    session.open(demo_workspace)
    panel = ActorPanel(session)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    em = panel.fontMetrics().horizontalAdvance("M")
    panel.view.setColumnWidth(1, 400)  # the analyst once gave the aliases a lot of room
    for width in (600, 190, 300, 600, 230, 350, 160, 600):
        panel.resize(width, 400)
        qtbot.waitUntil(lambda: panel.view.width() <= width)
        room = panel.view.viewport().width() - panel.view.columnWidth(2)
        assert panel.view.columnWidth(0) >= min(12 * em, room) - 2, (width, panel.view.columnWidth(0))
    assert not panel.view.isColumnHidden(1)  # wide again: the aliases are back, at the width they were given
    assert panel.view.columnWidth(1) == min(400, panel.view.viewport().width() - 12 * em - panel.view.columnWidth(2))
    session.ws = None  # the fixture closes it


def test_picking_an_outlet_from_the_list_says_whether_it_is_known(qtbot, workspace) -> None:
    from briefer.ui.intake_review import IntakeDialog

    workspace.add_source(Source("Reuters", reliability="B"))
    dialog = IntakeDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.outlet.setText("Nobody")
    dialog._outlet_typed("Nobody")
    assert dialog.outlet_note.text() == "new source"
    completer = dialog.outlet.completer()
    completer.activated.emit("Reuters")  # what a pick from the popup sends
    assert dialog.outlet_note.text() == "known source"


def test_tall_dialogs_fit_the_screen_with_their_buttons_in_sight(qtbot, demo_workspace, tmp_path) -> None:
    from briefer.core.filter import EventFilter
    from briefer.ui.brief_dialog import BriefDialog
    from briefer.ui.intake_review import IntakeDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for dialog in (IntakeDialog(demo_workspace), BriefDialog(demo_workspace, EventFilter(), [], settings=settings)):
        qtbot.addWidget(dialog)
        fit_to_screen(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        area = available_area(dialog)
        assert dialog.width() <= area.width() and dialog.height() <= area.height()
        for box in dialog.findChildren(QDialogButtonBox):
            if box.isVisible():
                corner = box.mapTo(dialog, QPoint(box.width(), box.height()))
                assert corner.y() <= dialog.height() and corner.x() <= dialog.width(), type(dialog).__name__
        dialog.close()


def test_with_no_workspace_the_window_offers_new_open_recent_and_the_demo(window, qtbot, demo_workspace) -> None:
    assert window.central.currentWidget() is window.empty_state
    assert not window.empty_state.recent_title.isVisibleTo(window.empty_state)  # nothing recent yet
    window.empty_state.buttons["demo"].click()
    assert window.session.ws is not None and window.session.ws.event_count() > 0
    assert window.central.currentIndex() == 1
    demo = str(window.session.ws.path)
    window.close_workspace()
    assert window.central.currentWidget() is window.empty_state
    links = [b for b in window.empty_state.findChildren(type(window.empty_state.buttons["new"]), "emptyRecent")]
    assert [b.toolTip() for b in links] == [demo]
    links[0].click()
    assert str(window.session.ws.path) == demo


def test_a_new_event_is_selected_and_shown_even_past_a_filter(window, qtbot, answer, demo_workspace) -> None:
    from briefer.ui.event_editor import EventEditor

    open_demo(window, demo_workspace)
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    window.timeline.go_to(When.parse("2030"))

    def fill(editor: EventEditor) -> None:
        editor.title.setText("Ceasefire talks resume")
        editor.when.setText("2016-05-03")

    answer(EventEditor, fill)
    window.act_new_event.trigger()
    ws = window.session.ws
    from briefer.core.filter import EventFilter

    new_id = ws.event_ids(EventFilter(text='"Ceasefire talks resume"'))[0]
    assert window.session.selection == [new_id]
    assert window.table.selected_ids() == [new_id]
    assert window.timeline.event_rect(new_id)  # drawn: the view went to it
    assert window.session.filter.is_empty  # the filter that hid it was let go


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_right_click_menus_on_glyphs_lanes_rows_actors_and_sources(window, qtbot, demo_workspace) -> None:
    open_demo(window, demo_workspace)
    timeline, ws = window.timeline, window.session.ws
    from briefer.core.filter import EventFilter

    target = ws.event_ids(EventFilter(text="caliphate"))[0]
    timeline.go_to(When.parse("2014-06"))
    rect = timeline.event_rect(target)[0]
    menu = timeline.context_menu(rect.center())
    assert menu_texts(menu)[:3] == ["Edit Event…", "Show in &Table", "&Delete"]
    assert window.session.selection == [target]  # the event right-clicked is the one acted on
    empty = timeline.context_menu(QPoint(timeline.header_w + 5, timeline.canvas.height() - 3).toPointF())
    assert "&Fit All" in menu_texts(empty)

    timeline.set_lanes("actor")
    lane = timeline.lane_layouts()[0]
    name = lane.lane.name
    menu = timeline.context_menu(timeline.header_rect(lane).center())
    texts = menu_texts(menu)
    assert texts[:3] == ["Fold", f"Filter to {name}", "Fit This Lane"] and "Fold All Lanes" in texts
    next(a for a in menu.actions() if a.text() == f"Filter to {name}").trigger()
    assert window.session.filter.actors == (ws.find_actor(name).uid,)
    next(a for a in timeline.context_menu(timeline.header_rect(timeline.lane_layouts()[0]).center()).actions()
         if a.text() == "Fold All Lanes").trigger()
    assert all(lane.collapsed for lane in timeline.data.lanes)

    table_texts = [a.text() for a in window.table.actions()]
    assert window.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert table_texts == ["Edit Event…", "Show on Time&line", "&Delete"]

    window.filter_bar.clear_all()
    panel = window.actor_panel
    panel.reload()
    panel.select_uid(ws.find_actor("Islamic State").uid)
    actions = {a.text(): a for a in panel.view.actions()}
    assert {"Edit Actor…", "Merge Selected Actors…", "Delete Actor", "Filter to These"} <= set(actions)
    actions["Filter to These"].trigger()
    assert window.session.filter.actors == (ws.find_actor("Islamic State").uid,)
    assert "Filter to These" in [a.text() for a in window.source_panel.view.actions()]


def test_periods_are_added_edited_deleted_with_undo_and_shaded_on_the_timeline(window, qtbot, answer,
                                                                              demo_workspace) -> None:
    from briefer.ui.periods_dialog import PeriodForm, PeriodsDialog

    open_demo(window, demo_workspace)
    ws, stack = window.session.ws, window.session.undo_stack
    dialogs = []
    answer(PeriodsDialog, lambda d: dialogs.append(d))
    window.act_periods.trigger()
    dialog = dialogs[0]
    answer(PeriodForm, lambda f: (f.name.setText("Battle of Baghouz"), f.dates.setText("9 Feb - 23 Mar 2019")))
    dialog.add()
    assert [(p.name, p.when.edtf) for p in ws.periods()] == [("Battle of Baghouz", "2019-02-09/2019-03-23")]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "9 Feb – 23 Mar 2019"
    window.timeline.go_to(When.parse("2019-03"))
    bands = window.timeline.period_bands(window.timeline.canvas.width())
    assert [name for _, _, name in bands] == ["Battle of Baghouz"]
    dialog.table.selectRow(0)
    answer(PeriodForm, lambda f: f.dates.setText("spring 2019"))
    dialog.edit()  # a season has both ends: it can be a period
    assert ws.periods()[0].when.edtf == "2019-21"
    stack.undo()
    assert ws.periods()[0].when.edtf == "2019-02-09/2019-03-23"
    dialog.table.selectRow(0)
    dialog.delete()
    assert ws.periods() == [] and dialog.table.rowCount() == 0
    assert window.timeline.period_bands(window.timeline.canvas.width()) == []
    stack.undo()
    assert [p.name for p in ws.periods()] == ["Battle of Baghouz"] and dialog.table.rowCount() == 1
    answer(PeriodForm, lambda f: (f.name.setText("Open"), f.dates.setText("since 2014")))
    seen = []
    original = PeriodForm.accept

    def spy(form):
        original(form)
        seen.append(form.error.text())
    PeriodForm.accept = spy
    try:
        dialog.add()
    finally:
        PeriodForm.accept = original
    assert "both ends" in seen[0] and len(ws.periods()) == 1


def test_preferences_marking_date_order_week_start_and_time_zone(window, qtbot, answer, tmp_path) -> None:
    from briefer.core.model import Event
    from briefer.ui import preferences
    from briefer.ui.preferences import Preferences, PreferencesDialog, when_text
    from briefer.ui.timeline import axis

    def choose(dialog: PreferencesDialog) -> None:
        dialog.marking.setText("TLP:AMBER")
        dialog.date_order.setCurrentIndex(dialog.date_order.findData("mdy"))
        dialog.week_start.setCurrentIndex(dialog.week_start.findData(6))
        dialog.time_zone.setCurrentText("Asia/Damascus")

    answer(PreferencesDialog, choose)
    try:
        window.act_preferences.trigger()
        prefs = Preferences.load(window.settings)
        assert (prefs.marking, prefs.date_order, prefs.week_start, prefs.time_zone) == \
            ("TLP:AMBER", "mdy", 6, "Asia/Damascus")
        assert when_text(When.parse("2019-02-09")) == "Feb 9, 2019"
        assert when_text(When.parse("2019-02-04/2019-02-09")) == "Feb 4–9, 2019"
        assert when_text(When.parse("2019-02-09T14:30:00Z")) == "Feb 9, 2019 16:30 EET"
        assert when_text(When.parse("../2021-03-10")) == "on or before Mar 10, 2021"
        monday = axis.ticks(axis.UNITS[[u.name for u in axis.UNITS].index("week")],
                            axis.to_ts(__import__("datetime").datetime(2019, 2, 1)),
                            axis.to_ts(__import__("datetime").datetime(2019, 2, 28)))
        assert all(axis.to_datetime(ts).weekday() == 6 for ts, _ in monday)  # weeks start on Sunday
        window.open_path(tmp_path / "new.briefer", create=True)
        ws = window.session.ws
        assert ws.setting("brief.marking") == "TLP:AMBER"  # a new workspace takes the analyst's marking
        ws.add_events([Event("Strike", When.parse("2019-02-09T14:30:00Z"))])
        window.session.notify_changed()
        assert window.table.model_.index(0, 0).data() == "Feb 9, 2019 16:30 EET"

        answer(PreferencesDialog, lambda d: d.time_zone.setCurrentText("Mars/Olympus"))
        window.act_preferences.trigger()  # refused, said why; nothing changed
        assert Preferences.load(window.settings).time_zone == "Asia/Damascus"
    finally:
        preferences.apply(Preferences())


def _shows_whole_placeholder(field) -> bool:
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field).width()
    margins = field.textMargins()
    return field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room - margins.left() - margins.right()


def _shown(qtbot, window, dialog):
    window.resize(1280, 720)
    dialog = fit_to_screen(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preferences_marking_field_shows_its_whole_example_on_a_laptop(window, qtbot, settings) -> None:
    from briefer.ui.preferences import PreferencesDialog

    field = _shown(qtbot, window, PreferencesDialog(window, settings)).marking
    assert field.placeholderText().startswith("e.g. TLP:") and not field.text()
    assert _shows_whole_placeholder(field)


def test_the_go_to_date_field_shows_its_whole_example(window, qtbot) -> None:
    field = _shown(qtbot, window, GoToDateDialog(window.timeline)).text
    assert "Q1 2019" in field.placeholderText() and _shows_whole_placeholder(field)


def test_the_brief_s_cut_off_field_shows_its_whole_example_on_a_laptop(window, qtbot, demo_workspace) -> None:
    from briefer.ui.brief_dialog import BriefDialog

    open_demo(window, demo_workspace)
    session = window.session
    field = _shown(qtbot, window, BriefDialog(session.ws, session.filter, [], window)).cutoff
    assert "UTC" in field.placeholderText() and _shows_whole_placeholder(field)
    assert "24 h up to" in field.placeholderText() + field.toolTip()
