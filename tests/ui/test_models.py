"""The window's Qt models keep Qt's model contract (pytest-qt's qtmodeltester), also across edits."""

from __future__ import annotations

from dataclasses import replace

from briefer.core.filter import EventFilter
from briefer.ui import commands


def test_the_event_table_model_keeps_the_contract_through_filters_and_edits(window, qtbot, qtmodeltester,
                                                                          demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    model = window.table.model_
    qtmodeltester.check(model)
    window.filter_bar.text.setText("Baghouz")
    window.filter_bar.apply()
    qtmodeltester.check(model)
    ws = window.session.ws
    event = ws.events_by_ids(ws.event_ids(EventFilter(text="Baghouz"))[:1])[0]
    commands.apply(window.session, commands.edit_event(window.session, event, replace(event, title="Renamed")))
    qtmodeltester.check(model)
    assert model.data(model.index(window.table.model_.row_for_id(ws.event_ids(EventFilter(uids=(event.uid,)))[0]), 1)) \
        == "Renamed"
    window.session.undo_stack.undo()
    qtmodeltester.check(model)


def test_the_actor_and_source_panels_models_keep_the_contract(window, qtbot, qtmodeltester, demo_workspace) -> None:
    path = demo_workspace.path
    demo_workspace.close()
    window.open_path(path)
    for panel in (window.actor_panel, window.source_panel):
        panel.reload()
        qtmodeltester.check(panel.view.model())
    sdf = window.session.ws.find_actor("SDF")
    commands.apply(window.session, commands.edit_actor(window.session, sdf, replace(sdf, description="x")))
    window.actor_panel.reload()
    qtmodeltester.check(window.actor_panel.view.model())
