"""Hit-testing and what the pointer asks of the timeline: which glyph or lane is where,
selecting by click and by band, folding lanes, tooltips, right-click menus."""

from __future__ import annotations

import html
from typing import Optional

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QMenu

from ...core.errors import BrieferError
from ...core.model import RELIABILITY_LABELS
from ..preferences import when_text
from ..desk_link import read_or
from .frame import AXIS_H, ROW_H, Glyph, LaneLayout

FILTERABLE_LANES = ("actor", "source", "type")  # lanes whose name the filter bar can take


class HitsMixin:
    """The pointer half of `TimelineView`."""

    def glyph_at(self, pos: QPointF) -> Optional[Glyph]:
        best, best_d = None, 1e9
        for lane in self.frame().lanes:
            if not lane.y <= pos.y() <= lane.y + lane.height:
                continue
            for g in lane.glyphs:
                r = g.rect().adjusted(-3, -4, 3, 4)
                if r.contains(pos):
                    # a point: the nearest across; a line of the strip (5 px apart): the nearest up or down
                    d = abs(r.center().x() - pos.x()) if g.kind == "point" else \
                        abs(g.y - pos.y()) if g.kind == "line" else 0.0
                    if d < best_d:
                        best, best_d = g, d
        return best

    def click_event(self, event_id: int, modifiers: Qt.KeyboardModifier) -> None:
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.selection ^= {event_id}
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.selection.add(event_id)
        else:
            self.selection = {event_id}
        self.current_id = event_id
        self.canvas.update()
        self.selectionChanged.emit(self.selected_ids())

    def select_in_rect(self, rect: QRectF, modifiers: Qt.KeyboardModifier) -> None:
        hits = {g.event_id for lane in self.frame().lanes for g in lane.glyphs if rect.intersects(g.rect())}
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.selection |= hits
        else:
            self.selection = hits
        self.canvas.update()
        self.selectionChanged.emit(self.selected_ids())

    def lane_at(self, y: float) -> Optional[LaneLayout]:
        """The lane drawn at height y (below the axis), if any."""
        if y < AXIS_H:
            return None
        for lane in self.frame().lanes:
            if lane.y <= y < lane.y + lane.height:
                return lane
        return None

    def toggle_lane_at(self, y: float) -> None:
        """A click on a lane's header collapses it, or opens it again."""
        lane = self.lane_at(y)
        if lane is not None:
            self.set_lane_collapsed(lane.lane.name, not lane.lane.collapsed)

    def set_lane_collapsed(self, name: str, collapsed: bool) -> None:
        for lane in self.data.lanes:
            if lane.name == name:
                lane.collapsed = collapsed
        self._changed()

    def header_rect(self, lane: LaneLayout) -> QRectF:
        """Where a lane's name is drawn: at its top, or, while the lane is scrolled partly
        above the view, held just under the axis until the lane's end pushes it up."""
        top = min(max(lane.y, AXIS_H), lane.y + lane.height - ROW_H)
        return QRectF(0, top, self.header_w, ROW_H)

    def lane_tooltip(self, lane: LaneLayout) -> str:
        action = "expand" if lane.lane.collapsed else "collapse"
        return (f"<b>{html.escape(lane.lane.name)}</b><br>{lane.lane.size:,} event{'' if lane.lane.size == 1 else 's'}, "
                f"{lane.in_view:,} in view"
                f"<br><i>Click to {action}</i>")

    def tooltip_html(self, event_id: int) -> str:
        if self.ws is None:
            return ""
        events = read_or(self.ws, lambda: self.ws.events_by_ids([event_id]), [])
        if not events:
            return ""
        e = events[0]
        esc = html.escape
        actors = []
        for p in e.participants:
            try:
                actors.append(f"{esc(self.ws.get_actor(p.actor_uid).name)} ({esc(p.role.label)})")
            except BrieferError:
                continue
        sources = []
        for c in e.citations:
            try:
                s = self.ws.get_source(c.source_uid)
            except BrieferError:
                continue
            sources.append(f"{esc(s.name)} — {s.reliability} ({esc(RELIABILITY_LABELS[s.reliability])}), "
                           f"credibility {c.credibility}")
        parts = [f"<b>{esc(e.title)}</b>", esc(when_text(e.when))]
        if e.where:
            parts.append(esc(e.where))
        if actors:
            parts.append("Actors: " + ", ".join(actors))
        parts.append("Sources: " + ("<br>&nbsp;&nbsp;".join(sources) if sources else "<i>none cited</i>"))
        return "<br>".join(parts)


    # -- right-click ------------------------------------------------------------------------------
    def context_menu(self, pos: QPointF) -> QMenu:
        """What a right-click offers where it lands: a lane's name, an event, or the empty timeline."""
        menu = QMenu(self)
        if pos.x() < self.header_w:
            lane = self.lane_at(pos.y())
            if lane is not None:
                name, folded = lane.lane.name, lane.lane.collapsed
                menu.addAction("Unfold" if folded else "Fold", lambda: self.set_lane_collapsed(name, not folded))
                if self.lane_mode in FILTERABLE_LANES and name != "(none)":
                    menu.addAction(f"Filter to {name}", lambda: self.laneFilterRequested.emit(self.lane_mode, name))
                menu.addAction("Fit This Lane", lambda: self.fit_lane(name))
                menu.addSeparator()
            menu.addAction("Fold All Lanes", lambda: self.set_all_collapsed(True))
            menu.addAction("Unfold All Lanes", lambda: self.set_all_collapsed(False))
            return menu
        glyph = self.glyph_at(pos)
        if glyph is not None:
            if glyph.event_id not in self.selection:  # as in a file manager: the item clicked is what it acts on
                self.click_event(glyph.event_id, Qt.KeyboardModifier.NoModifier)
            menu.addActions(self.event_menu_actions)
            menu.addAction(self.act_fit_selection)
            return menu
        menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_fit_all, self.act_go_to])
        menu.addSeparator()
        menu.addActions(self._lane_actions)
        return menu

    def fit_lane(self, name: str) -> None:
        lane = next((lane for lane in self.data.lanes if lane.name == name), None)
        bounds = self.data.bounds(self.data.item_event[lane.start:lane.stop]) if lane is not None else None
        if bounds is not None:
            self._fit(bounds)

    def set_all_collapsed(self, collapsed: bool) -> None:
        self.complete_lanes()  # (all of them: those still being read too)
        for lane in self.data.lanes:
            lane.collapsed = collapsed
        self._changed()
