"""Dates read in the order the analyst chose (Edit ▸ Preferences: "9 Feb 2019", "Feb 9, 2019"
or EDTF) in the Sources panel, the periods, the filter bar and the event editor too, as in the
table and the details; the panels on screen write them again when the choice changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from briefer.core.filter import EventFilter
from briefer.core.period import Period
from briefer.core.when import When
from briefer.ui import preferences
from briefer.ui.event_editor import EventEditor
from briefer.ui.periods_dialog import PeriodForm, PeriodsDialog
from briefer.ui.preferences import PreferencesDialog
from briefer.ui.source_panel import DocumentDialog, DocumentReader

ASSAULT = "Assault on last IS enclave waits for civilians to leave"  # a demo document, published 2019-02-09


@pytest.fixture
def choose_order(window, answer):
    """`choose_order("mdy")`: Edit ▸ Preferences, dates written as that, OK."""

    def choose(order: str) -> None:
        answer(PreferencesDialog, lambda d: d.date_order.setCurrentIndex(d.date_order.findData(order)))
        window.act_preferences.trigger()
        assert preferences.CURRENT.date_order == order

    yield choose
    preferences.apply(preferences.Preferences())


def _select(view, text: str):
    model = view.model()
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1,
                        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, f"{text} is not shown"
    view.selectionModel().select(found[0], view.selectionModel().SelectionFlag.ClearAndSelect
                                 | view.selectionModel().SelectionFlag.Rows)
    return found[0]


@pytest.mark.parametrize("order, published", [("mdy", "Feb 9, 2019"), ("iso", "2019-02-09")])
def test_the_sources_panel_writes_a_document_s_date_in_the_chosen_order(demo, choose_order, answer, qtbot,
                                                                        order, published) -> None:
    panel = demo.source_panel
    demo.docks["Sources"].raise_()
    assert _select(panel.view, ASSAULT).data(Qt.ItemDataRole.ToolTipRole).startswith("9 Feb 2019")
    choose_order(order)  # the panel on screen writes its dates again
    assert _select(panel.view, ASSAULT).data(Qt.ItemDataRole.ToolTipRole).startswith(published)
    panel.open_document()
    reader = panel.findChild(DocumentReader)
    qtbot.addWidget(reader)
    assert any(f"· {published} ·" in label.text() for label in reader.findChildren(QLabel))
    seen = []
    answer(DocumentDialog, lambda d: seen.append(d.published_label.text()))
    panel.edit()
    assert seen == [published]


def test_the_periods_are_written_in_the_chosen_order_and_kept_as_they_were(demo, choose_order, answer) -> None:
    session = demo.session
    session.ws.add_period(Period("Battle of Baghouz", When.parse("2019-02-09/2019-03-23")))
    session.ws.add_period(Period("Ceasefire", When.parse("2019-04-04/2019-04-09")))
    session.notify_changed()
    choose_order("mdy")
    dialogs = []
    answer(PeriodsDialog, dialogs.append)
    demo.act_periods.trigger()
    dialog = dialogs[0]
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["Feb 9 – Mar 23, 2019", "Apr 4–9, 2019"]
    forms = []
    answer(PeriodForm, forms.append)  # opened and left as it is: OK
    for row in range(2):
        dialog.table.selectRow(row)
        dialog.edit()
    # "Apr 4–9, 2019" would not read back as those days: the field has the EDTF instead
    assert [f.dates.text() for f in forms] == ["Feb 9 – Mar 23, 2019", "2019-04-04/2019-04-09"]
    assert [f.period.when.edtf for f in forms] == ["2019-02-09/2019-03-23", "2019-04-04/2019-04-09"]
    assert not session.undo_stack.canUndo()  # nothing changed


def test_the_filter_bar_s_dates_follow_the_chosen_order(demo, choose_order, qtbot) -> None:
    bar = demo.filter_bar
    qtbot.keyClicks(bar.start, "9 Feb 2019")
    qtbot.keyClick(bar.start, Qt.Key.Key_Return)
    qtbot.keyClicks(bar.end, "soon")  # being typed: not a date, left alone
    filter_before = demo.session.filter
    assert filter_before.start == When.parse("2019-02-09")
    choose_order("mdy")
    assert (bar.start.text(), bar.end.text()) == ("Feb 9, 2019", "soon")
    choose_order("iso")
    assert bar.start.text() == "2019-02-09"
    choose_order("mdy")
    bar.set_filter_fields(EventFilter(start=When.parse("2019-02"), end=When.parse("2019-03-23")))  # a saved view
    assert (bar.start.text(), bar.end.text()) == ("Feb 2019", "Mar 23, 2019")
    assert demo.session.filter.end == When.parse("2019-03-23")


@pytest.mark.parametrize("order, said", [("dmy", "9 Feb 2019   (2019-02-09)"), ("mdy", "Feb 9, 2019   (2019-02-09)"),
                                         ("iso", "2019-02-09")])
def test_the_event_editor_says_what_date_it_understood_in_the_chosen_order(demo, choose_order, qtbot,
                                                                           order, said) -> None:
    choose_order(order)
    editor = EventEditor(demo.session, None, demo)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.when, "9 February 2019")
    assert editor.when_label.text() == said


def test_the_table_and_the_details_on_screen_write_their_dates_again(demo, choose_order, qtbot) -> None:
    session = demo.session
    session.set_selection(session.ws.event_ids(EventFilter(text="Baghouz"))[:1])
    day = session.ws.events_by_ids(session.selection)[0].when
    assert preferences.when_text(day) in demo.details.browser.toPlainText()
    with qtbot.waitSignal(demo.table.model_.layoutChanged):  # the table's rows are drawn again
        choose_order("iso")
    assert f"{day.edtf} ({day.edtf}" in demo.details.browser.toPlainText()


@pytest.mark.parametrize("order, weeks, day", [
    ("dmy", ["4 Feb", "11 Feb", "18 Feb"], "9 Feb 2019"),
    ("mdy", ["Feb 4", "Feb 11", "Feb 18"], "Feb 9, 2019"),
    ("iso", ["2019-02-04", "2019-02-11", "2019-02-18"], "2019-02-09"),
])
def test_the_timeline_axis_writes_its_weeks_and_days_in_the_chosen_order(demo, choose_order, order, weeks,
                                                                         day) -> None:
    from datetime import datetime

    from briefer.ui.timeline import axis
    from briefer.ui.timeline.export import export_texts

    choose_order(order)
    view = demo.timeline
    width = view.time_width(view.canvas.width())
    view.set_range(axis.to_ts(datetime(2019, 2, 1)), axis.to_ts(datetime(2019, 3, 10)))  # five weeks: a tick a week
    unit = axis.choose_unit(view.t0, view.t1, width, view._measure)
    assert unit.name == "week"
    assert [label for _, label in axis.ticks(unit, view.t0, view.t1)][1:4] == weeks  # (the first: 28 Jan)
    view.set_range(axis.to_ts(datetime(2019, 2, 9, 6)), axis.to_ts(datetime(2019, 2, 9, 18)))  # hours: the day above
    unit = axis.choose_unit(view.t0, view.t1, width, view._measure)
    assert unit.major == "day" and axis.major_ticks(unit, view.t0, view.t1)[0][1] == day
    assert export_texts(view)["range"].startswith(f"{day} – {day}")  # the picture for a slide too


@pytest.mark.parametrize("order, shown", [("dmy", "9 Feb 2019 16:30 +02:00"), ("mdy", "Feb 9, 2019 16:30 +02:00")])
def test_a_time_in_a_field_is_written_in_the_analyst_s_zone_with_its_offset_and_reads_back(demo, order,
                                                                                          shown) -> None:
    """A zone's name ("EET") would not read back: the field said the UTC EDTF instead."""
    bar = demo.filter_bar
    strike = When.parse("2019-02-09T14:30:00Z")
    try:
        preferences.apply(preferences.Preferences(date_order=order, time_zone="Asia/Damascus"))
        assert preferences.when_text(strike).endswith("16:30 EET")  # as the table writes it
        bar.set_filter_fields(EventFilter(start=strike))
        assert bar.start.text() == shown
        bar.apply()  # read back from the field: the same instant
        assert demo.session.filter.start == strike
    finally:
        preferences.apply(preferences.Preferences())
