"""Periods (eras) of a workspace: named date ranges, kept in date order."""

from __future__ import annotations

import sqlite3

from ..core.period import Period
from ..core.when import When
from .connection import Connection
from .errors import WorkspaceError


class PeriodStore(Connection):
    def add_period(self, period: Period) -> Period:
        with self.transaction():
            self._clear_tombstones("period", [period.uid])
            try:
                self.conn.execute(
                    "INSERT INTO period(uid, name, edtf, earliest, latest, colour, notes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (period.uid, period.name.strip(), period.when.edtf, period.when.earliest_ts,
                     period.when.latest_ts, period.colour, period.notes))
            except sqlite3.IntegrityError:
                raise WorkspaceError(f"a period with id {period.uid} already exists") from None
        return period

    def update_period(self, period: Period) -> Period:
        with self.transaction():
            self._remember("period", period.uid)
            cur = self.conn.execute(
                "UPDATE period SET name = ?, edtf = ?, earliest = ?, latest = ?, colour = ?, notes = ? WHERE uid = ?",
                (period.name.strip(), period.when.edtf, period.when.earliest_ts, period.when.latest_ts,
                 period.colour, period.notes, period.uid))
            if cur.rowcount == 0:
                raise WorkspaceError(f"no period with id {period.uid}")
        return period

    def delete_period(self, uid: str) -> Period:
        with self.transaction():
            period = self.get_period(uid)
            self._remember("period", uid)
            self.conn.execute("DELETE FROM period WHERE uid = ?", (uid,))
        return period

    def get_period(self, uid: str) -> Period:
        row = self.conn.execute("SELECT name, edtf, colour, notes, uid FROM period WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise WorkspaceError(f"no period with id {uid}")
        return _period(row)

    def periods(self) -> list[Period]:
        """Every period, earliest first."""
        return [_period(row) for row in self.conn.execute(
            "SELECT name, edtf, colour, notes, uid FROM period ORDER BY earliest, latest, name")]


def _period(row: tuple) -> Period:
    name, edtf, colour, notes, uid = row
    return Period(name, When.parse(edtf), colour, notes, uid)
