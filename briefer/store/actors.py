"""Actors and the names they go by."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Optional

from ..core.model import Actor, ActorKind, normalize_name
from .versions import RowVersions
from .errors import WorkspaceError


class ActorStore(RowVersions):
    def _actor_id(self, uid: str) -> int:
        row = self.conn.execute("SELECT id FROM actor WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise WorkspaceError(f"no actor with id {uid}")
        return row[0]

    def _write_names(self, actor_id: int, actor: Actor) -> None:
        made = dict(self.conn.execute("SELECT key, created_rev FROM actor_name WHERE actor_id = ?", (actor_id,)))
        self.conn.execute("DELETE FROM actor_name WHERE actor_id = ?", (actor_id,))
        seen: set[str] = set()
        position = 0
        for name in actor.names:
            name = name.strip()
            key = normalize_name(name)
            if not key or key in seen:
                continue
            seen.add(key)
            holder = self.conn.execute(
                "SELECT a.name FROM actor_name n JOIN actor a ON a.id = n.actor_id WHERE n.key = ?", (key,)
            ).fetchone()
            if holder is not None:
                raise WorkspaceError(f"the name '{name}' already belongs to the actor '{holder[0]}'")
            self.conn.execute(
                "INSERT INTO actor_name(actor_id, position, name, key, created_rev) VALUES (?, ?, ?, ?, ?)",
                (actor_id, position, name, key, made.get(key)),
            )
            position += 1

    def add_actor(self, actor: Actor) -> Actor:
        """Add an actor; an alias another actor holds is an error naming that actor."""
        with self.transaction():
            self._clear_tombstones("actor", [actor.uid])
            member_id = self._actor_id(actor.member_of) if actor.member_of else None
            try:
                cur = self.conn.execute(
                    "INSERT INTO actor(uid, name, kind, description, member_of) VALUES (?, ?, ?, ?, ?)",
                    (actor.uid, actor.name.strip(), actor.kind.value, actor.description, member_id),
                )
            except sqlite3.IntegrityError:
                raise WorkspaceError(f"an actor with id {actor.uid} already exists") from None
            self._write_names(cur.lastrowid, actor)
        return self.get_actor(actor.uid)

    def update_actor(self, actor: Actor, *, overwrite: bool = False) -> Actor:
        """Replace an actor whole.  If another session changed it after this one read it,
        nothing is written: EditConflict says who and when (`overwrite=True` writes over)."""
        with self.transaction():
            actor_id = self._actor_id(actor.uid)
            self._check_version(actor.uid, actor.name, overwrite, "actor")
            self._remember("actor", actor.uid)
            member_id = self._actor_id(actor.member_of) if actor.member_of else None
            if member_id is not None and self._is_member_chain(member_id, actor_id):
                raise WorkspaceError(f"'{actor.name}' cannot be a member of an actor that belongs to it")
            self.conn.execute(
                "UPDATE actor SET name = ?, kind = ?, description = ?, member_of = ?, rev = NULL WHERE id = ?",
                (actor.name.strip(), actor.kind.value, actor.description, member_id, actor_id),
            )
            self._write_names(actor_id, actor)
        self._remember_version(actor.uid, "actor")
        return self.get_actor(actor.uid)

    def _is_member_chain(self, start_id: int, target_id: int) -> bool:
        current: Optional[int] = start_id
        seen = set()
        while current is not None and current not in seen:
            if current == target_id:
                return True
            seen.add(current)
            row = self.conn.execute("SELECT member_of FROM actor WHERE id = ?", (current,)).fetchone()
            current = row[0] if row else None
        return False

    def delete_actor(self, uid: str, *, overwrite: bool = False) -> Actor:
        """Delete an actor and its links to events; returns it as it was.  One another
        session changed after this one read it is kept (EditConflict)."""
        with self.transaction():
            actor = self.get_actor(uid)
            self._check_version(uid, actor.name, overwrite, "actor")
            self._remember("actor", uid)
            self.conn.execute("DELETE FROM actor WHERE uid = ?", (uid,))
        return actor

    def _actor_from_row(self, row: tuple) -> Actor:
        actor_id, uid, name, kind, description, member_uid = row
        names = [r[0] for r in self.conn.execute(
            "SELECT name FROM actor_name WHERE actor_id = ? ORDER BY position", (actor_id,)
        )]
        aliases = tuple(n for n in names if normalize_name(n) != normalize_name(name))
        return Actor(name, ActorKind(kind), description, aliases, member_uid, uid)

    _ACTOR_SELECT = (
        "SELECT a.id, a.uid, a.name, a.kind, a.description, m.uid FROM actor a "
        "LEFT JOIN actor m ON m.id = a.member_of"
    )

    def get_actor(self, uid: str) -> Actor:
        row = self.conn.execute(self._ACTOR_SELECT + " WHERE a.uid = ?", (uid,)).fetchone()
        if row is None:
            raise WorkspaceError(f"no actor with id {uid}")
        self._open_version("actor", uid)
        return self._actor_from_row(row)

    def find_actor(self, name: str) -> Optional[Actor]:
        """The actor that goes by this name or alias (case and accents ignored), if any."""
        row = self.conn.execute(
            self._ACTOR_SELECT + " JOIN actor_name n ON n.actor_id = a.id WHERE n.key = ?",
            (normalize_name(name),),
        ).fetchone()
        return None if row is None else self._actor_from_row(row)

    def resolve_actor(self, name: str) -> Actor:
        actor = self.find_actor(name)
        if actor is None:
            raise WorkspaceError(f"no actor is called '{name}' (add it first, or check the name)")
        return actor

    def actors(self) -> list[Actor]:
        rows = self.conn.execute(self._ACTOR_SELECT + " ORDER BY a.name COLLATE NOCASE").fetchall()
        names: dict[int, list[str]] = {}
        for actor_id, name in self.conn.execute("SELECT actor_id, name FROM actor_name ORDER BY actor_id, position"):
            names.setdefault(actor_id, []).append(name)
        result = []
        for actor_id, uid, name, kind, description, member_uid in rows:
            key = normalize_name(name)
            aliases = tuple(n for n in names.get(actor_id, []) if normalize_name(n) != key)
            result.append(Actor(name, ActorKind(kind), description, aliases, member_uid, uid))
        return result

    def actor_names(self) -> list[tuple[str, str]]:
        """Every (name or alias, actor uid) pair: what name completion offers."""
        return self.conn.execute(
            "SELECT n.name, a.uid FROM actor_name n JOIN actor a ON a.id = n.actor_id ORDER BY n.name COLLATE NOCASE"
        ).fetchall()

    def actor_event_counts(self) -> dict[str, int]:
        # one index range per actor, read in event order so that DISTINCT needs no sort
        # (a join with GROUP BY built a temporary index on every call)
        return dict(self.conn.execute(
            "SELECT a.uid, (SELECT count(*) FROM (SELECT DISTINCT event_id FROM event_actor "
            "INDEXED BY event_actor_actor WHERE actor_id = a.id) AS links) FROM actor a"
        ).fetchall())

    def merge_actors(self, keep_uid: str, drop_uid: str) -> Actor:
        """Fold `drop` into `keep`: its event links, names and members move to `keep`."""
        if keep_uid == drop_uid:
            raise WorkspaceError("cannot merge an actor into itself")
        with self.transaction():
            keep_id, drop_id = self._actor_id(keep_uid), self._actor_id(drop_uid)
            keep, drop = self.get_actor(keep_uid), self.get_actor(drop_uid)
            self._remember("actor", drop_uid)
            for event_uid, in self.conn.execute("SELECT DISTINCT e.uid FROM event_actor ea JOIN event e "
                                                "ON e.id = ea.event_id WHERE ea.actor_id = ?", (drop_id,)).fetchall():
                self.touch("event", event_uid)  # its actors change
            self.conn.execute(
                "INSERT OR IGNORE INTO event_actor(event_id, actor_id, role, position, earliest, latest) "
                "SELECT event_id, ?, role, position, earliest, latest FROM event_actor WHERE actor_id = ?",
                (keep_id, drop_id),
            )
            self.conn.execute("UPDATE actor SET member_of = ? WHERE member_of = ? AND id != ?", (keep_id, drop_id, keep_id))
            self.conn.execute("DELETE FROM actor WHERE id = ?", (drop_id,))
            merged = replace(
                keep,
                aliases=tuple(dict.fromkeys((*keep.aliases, *drop.names))),
                description=keep.description or drop.description,
                member_of=keep.member_of if keep.member_of != drop_uid else None,
            )
            return self.update_actor(merged)
