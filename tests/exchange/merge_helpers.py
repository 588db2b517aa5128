"""Two analysts' copies of one workspace, and their content compared as a person would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.core.fields import KINDS
from briefer.core.model import Actor, ActorKind, Citation, Event, Participant, Role, Source
from briefer.core.when import When
from briefer.store import Workspace


def seeded(path: Path) -> Workspace:
    """A small workspace: two actors, two sources, three events."""
    ws = Workspace.create(path)
    ws.analyst = "Desk"
    ws.add_actor(Actor("Islamic State", ActorKind.ARMED_GROUP, aliases=("ISIS", "Daesh"), uid="actor-is"))
    ws.add_actor(Actor("Syrian Democratic Forces", ActorKind.ARMED_GROUP, aliases=("SDF",), uid="actor-sdf"))
    ws.add_source(Source("Reuters", reliability="B", url="https://reuters.example", uid="source-reuters"))
    ws.add_source(Source("SOHR", reliability="C", uid="source-sohr"))
    for i, (title, when) in enumerate([("Assault on Baghouz begins", "2019-02-09"),
                                       ("Civilians leave the pocket", "2019-02"),
                                       ("Last pocket falls", "2019-03-23")]):
        ws.add_event(Event(title, When.parse(when), place="Baghouz",
                           participants=(Participant("actor-sdf", Role.INITIATOR), Participant("actor-is", Role.TARGET)),
                           citations=(Citation("source-reuters", 2, f"quote {i}", uid=f"cite-{i}"),),
                           uid=f"event-{i}"))
    return ws


def pair(tmp_path: Path) -> tuple[Workspace, Workspace]:
    """The desk's workspace and an analyst's copy of it (made by Briefer: a peer)."""
    a = seeded(tmp_path / "amal.briefer")
    a.make_peer_copy(tmp_path / "bashir.briefer")
    a.analyst = "Amal"
    b = Workspace.open(tmp_path / "bashir.briefer")
    b.analyst = "Bashir"
    return a, b


def content(ws: Workspace) -> dict[str, Any]:
    """Every record's fields by kind and uid: what two workspaces must agree on."""
    return {kind: ws.current_fields(kind, sorted(ws.all_uids(kind))) for kind in KINDS}
