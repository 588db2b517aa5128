"""What a desk relies on, for any sequence of edits on two copies of one workspace:
merged both ways they agree, merging again changes nothing, nothing is lost unless
deleted, and every field both analysts changed differently is reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.core.model import Actor, Citation, Event, Participant, Role
from briefer.core.when import When
from briefer.exchange.merge import merge_path
from briefer.store import Workspace

from .helpers import dump
from .merge_helpers import content, pair

EVENTS = ["event-0", "event-1", "event-2"]
FIELDS = ["title", "summary", "place"]
SIDES = st.sampled_from(["a", "b"])

edit_op = st.tuples(st.just("edit"), SIDES, st.sampled_from(EVENTS), st.sampled_from(FIELDS),
                    st.sampled_from(["x", "y", "z"]))
add_op = st.tuples(st.just("add"), SIDES, st.integers(0, 3))
delete_op = st.tuples(st.just("delete"), SIDES, st.sampled_from(EVENTS))
cite_op = st.tuples(st.just("cite"), SIDES, st.sampled_from(EVENTS), st.sampled_from(["source-reuters", "source-sohr"]))
merge_actor_op = st.tuples(st.just("merge-actor"), SIDES)
new_actor_op = st.tuples(st.just("new-actor"), SIDES, st.integers(0, 2))
OPS = st.lists(st.one_of(edit_op, add_op, delete_op, cite_op, merge_actor_op, new_actor_op), max_size=12)


def _apply(ws: Workspace, op: tuple, counter: list[int]) -> None:
    kind, side = op[0], op[1]
    counter[0] += 1
    if kind == "edit":
        _, _, uid, field, value = op
        if uid in ws.all_uids("event"):
            ws.update_event(replace(ws.get_event(uid), **{field: f"{value} by {side}"}))
    elif kind == "add":
        ws.add_event(Event(f"new {op[2]} by {side}", When.parse("2019-03"),
                           participants=(Participant("actor-sdf", Role.INITIATOR),),
                           uid=f"new-{side}-{counter[0]}"))
    elif kind == "delete":
        if op[2] in ws.all_uids("event"):
            ws.delete_event(op[2])
    elif kind == "cite":
        if op[2] in ws.all_uids("event"):
            event = ws.get_event(op[2])
            ws.update_event(replace(event, citations=event.citations + (
                Citation(op[3], 3, f"quote by {side}", uid=f"cite-{side}-{counter[0]}"),)))
    elif kind == "merge-actor":  # both analysts fold the same duplicate into the same actor
        if "actor-is" in ws.all_uids("actor"):
            ws.merge_actors("actor-sdf", "actor-is")
    elif kind == "new-actor":
        name = f"Actor {side}{counter[0]}"
        ws.add_actor(Actor(name, uid=f"actor-{side}-{counter[0]}"))


@settings(max_examples=int(os.environ.get("BRIEFER_MERGE_EXAMPLES", "30")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_two_copies_edited_at_random_merge_to_one_picture(ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a, b = pair(Path(folder))
        base = content(a)
        counter = [0]
        for op in ops:
            _apply(a if op[1] == "a" else b, op, counter)
        mine, theirs = content(a), content(b)

        report = merge_path(a, b.path)
        reported = {(c["uid"], c["field"]) for c in report.conflicts}
        for uid in EVENTS:
            ma, mb, base_e = mine["event"].get(uid), theirs["event"].get(uid), base["event"][uid]
            if ma is None and mb is None:
                continue
            if ma is None or mb is None:
                if (mb if ma is None else ma) != base_e:  # deleted on one side, changed on the other
                    assert (uid, "(deleted)") in reported
                continue
            for field in FIELDS:
                if ma[field] != base_e[field] and mb[field] != base_e[field] and ma[field] != mb[field]:
                    assert (uid, field) in reported, (uid, field, ma[field], mb[field])

        merge_path(b, a.path)
        assert content(a) == content(b)
        assert not merge_path(a, b.path).changed
        assert not merge_path(b, a.path).changed

        merged = content(a)["event"]
        for uid in set(mine["event"]) | set(theirs["event"]):
            deleted_somewhere = uid not in mine["event"] or uid not in theirs["event"]
            if not deleted_somewhere:
                assert uid in merged  # nothing lost unless deleted
        a.close()
        b.close()


def test_a_merge_killed_halfway_leaves_the_workspace_as_it_was(tmp_path: Path) -> None:
    a, b = pair(tmp_path)
    b.add_events([Event(f"Report {i}", When.parse("2019-02"), uid=f"bulk-{i}") for i in range(3000)])
    for uid in EVENTS:
        b.update_event(replace(b.get_event(uid), summary="changed by Bashir"))
    a.close()
    b.close()
    target = tmp_path / "amal.briefer"
    before = dump(target)
    script = (
        "import os, signal, sys\n"
        "from briefer.store import Workspace\n"
        "from briefer.exchange import merge\n"
        "original = merge._Merger.add_events\n"
        "def killed(self, items):\n"
        "    original(self, items)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"  # after writing, before the commit
        "merge._Merger.add_events = killed\n"
        f"ws = Workspace.open({str(target)!r})\n"
        f"merge.merge_path(ws, {str(tmp_path / 'bashir.briefer')!r})\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL
    assert dump(target) == before
    with Workspace.open(target) as ws:
        report = merge_path(ws, tmp_path / "bashir.briefer")
        assert report.added["event"] == 3000 and report.updated["event"] == 3
