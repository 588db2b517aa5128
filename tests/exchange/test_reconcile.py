"""Actor names from datasets reconciled with the workspace's actors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from briefer.core.model import Actor, ActorKind
from briefer.exchange.formats import open_reader
from briefer.exchange.importing import propose_actors, run_import
from briefer.exchange.reconcile import ActorPlan, Decision, parse
from briefer.store import Workspace

from .test_import_many import HEADER


def acled_with_actors(path: Path, pairs: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for i, (a1, a2) in enumerate(pairs, 1):
            values = dict.fromkeys(HEADER, "")
            values.update(event_id_cnty=f"REC{i}", event_date="10 October 2019", year="2019", time_precision="1",
                          event_type="Battles", sub_event_type="Armed clash", actor1=a1, actor2=a2,
                          inter1="2", inter2="1", country="Syria", location="Ras al Ain", source="SOHR",
                          notes=f"Clash {i}.", fatalities="0")
            writer.writerow([values[h] for h in HEADER])
    return path


@pytest.mark.parametrize("raw, full, acronym, base, aliases", [
    ("QSD: Syrian Democratic Forces", "Syrian Democratic Forces", "QSD", "", ("QSD", "QSD: Syrian Democratic Forces")),
    ("Military Forces of Syria (2000-)", "Military Forces of Syria", "", "", ("Military Forces of Syria (2000-)",)),
    ("Police Forces of Bangladesh (2009-2024) Prison Guards", "Police Forces of Bangladesh Prison Guards", "",
     "Police Forces of Bangladesh", ("Police Forces of Bangladesh (2009-2024) Prison Guards",)),
    ("Islamic State (Syria)", "Islamic State (Syria)", "", "Islamic State", ()),
    ("QSD: Syrian Democratic Forces - Intelligence", "Syrian Democratic Forces - Intelligence", "QSD",
     "Syrian Democratic Forces", ("QSD", "QSD: Syrian Democratic Forces - Intelligence")),
    ("Hezbollah", "Hezbollah", "", "", ()),
])
def test_acled_names_are_taken_apart(raw: str, full: str, acronym: str, base: str, aliases: tuple) -> None:
    forms = parse(raw)
    assert (forms.full, forms.acronym, forms.base, forms.aliases) == (full, acronym, base, aliases)


def test_an_empty_workspace_gets_actors_under_their_full_names_and_reimports_match(
        workspace: Workspace, tmp_path: Path) -> None:
    path = acled_with_actors(tmp_path / "sdf.csv", [("QSD: Syrian Democratic Forces", "Military Forces of Turkey (2016-)"),
                                                    ("Military Forces of Turkey (2016-)", "")])
    report = run_import(workspace, open_reader("acled", path))
    assert report.added["actors"] == 2
    sdf = workspace.find_actor("Syrian Democratic Forces")
    assert sdf is not None and sdf.name == "Syrian Democratic Forces"
    assert set(sdf.aliases) == {"QSD", "QSD: Syrian Democratic Forces"}
    assert workspace.find_actor("Military Forces of Turkey (2016-)").name == "Military Forces of Turkey"
    again = run_import(workspace, open_reader("acled", acled_with_actors(
        tmp_path / "more.csv", [("QSD: Syrian Democratic Forces", "Military Forces of Turkey (2016-)")] * 3)))
    assert again.added["actors"] == 0 and len(workspace.actors()) == 2


# What the demo workspace's actors should be to ACLED's names in the tuning file (the
# Syria export of October 2019, the issue's example).
TUNED = {
    "QSD: Syrian Democratic Forces": ("existing", "Syrian Democratic Forces"),
    "YPG: Peoples Protection Units": ("existing", "People's Protection Units"),
    "Islamic State (Syria)": ("member", "Islamic State"),
    "Global Coalition Against Daesh": ("existing", "US-led coalition"),
    "Military Forces of United States": ("existing", "United States"),
    "QSD: Syrian Democratic Forces - Intelligence": ("member", "Syrian Democratic Forces"),
    "YPG: Peoples Protection Units - Anti-Terror Unit": ("member", "People's Protection Units"),
}
# Written down before the first run on these files (held out): every other name is new.
# First run: 10 proposals that were not "new" among 574 names, 9 right, 1 wrong (below);
# the annotation had missed 2 of the right ones, added after the run and marked.
HELD_OUT = {
    "acled_syria_2020-02_resaved_ddMonyy_sample.csv": {
        "QSD: Syrian Democratic Forces": ("existing", "Syrian Democratic Forces"),
        "YPG: Peoples Protection Units": ("existing", "People's Protection Units"),
        "Islamic State (Syria)": ("member", "Islamic State"),
        "Global Coalition Against Daesh": ("existing", "US-led coalition"),
        "Military Forces of United States": ("existing", "United States"),
    },
    "acled_africa_2016-07_legacy_realtime_pandas.csv": {
        "Islamic State (Tripoli)": ("member", "Islamic State"),
        # right, but missing from the annotation (made from a partial list of the names)
        "Military Forces of the United States": ("existing", "United States"),
    },
    "acled_benin_2009-2022_current31col_NA.csv": {
        "Islamic State (Sahel)": ("member", "Islamic State"),
        "Islamic State (West Africa)": ("member", "Islamic State"),  # right; missing from the annotation too
        # The first run matched "Islamic State (West Africa) and/or Boko Haram - ..." to
        # Islamic State itself ("it continues"): wrong, a joint attribution is new.
    },
    "acled_bangladesh_2024_monadic_ddMonyy_sample.csv": {},
}


def _proposals(ws: Workspace, path: Path) -> dict[str, tuple[str, str]]:
    return {d.name: (d.choice, d.actor_name if d.choice != "new" else "")
            for d in propose_actors(ws, [open_reader("acled", path)])}


def test_the_issues_names_are_matched_to_the_demo_actors_with_a_reason(demo_workspace: Workspace,
                                                                          shared_data: Path) -> None:
    proposals = _proposals(demo_workspace, shared_data / "acled" / "acled_syria_2019-10_exporttool.csv")
    assert {n: p for n, p in proposals.items() if p[0] != "new"} == TUNED


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_acled_files_against_the_demo_actors(demo_workspace: Workspace, shared_data: Path,
                                                       name: str) -> None:
    proposals = _proposals(demo_workspace, shared_data / "acled" / name)
    assert len(proposals) > 3
    assert {n: p for n, p in proposals.items() if p[0] != "new"} == HELD_OUT[name]


def test_only_sure_matches_are_applied_unless_the_analyst_chose_and_choices_are_remembered(
        demo_workspace: Workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    path = acled_with_actors(tmp_path / "syria.csv", [("Islamic State (Syria)", "QSD: Syrian Democratic Forces"),
                                                      ("Global Coalition Against Daesh", "Islamic State (Syria)")])
    before = len(ws.actors())
    plain = Workspace.create(tmp_path / "copy.briefer")
    plain.close()
    # without choices: the sure match (QSD) is applied, the rest are new and listed with the suggestion
    report = run_import(ws, open_reader("acled", path))
    unsure = {a["name"]: a["suggestion"] for a in report.actors if a.get("suggestion")}
    assert set(unsure) == {"Islamic State (Syria)", "Global Coalition Against Daesh"}
    assert "member Islamic State" in unsure["Islamic State (Syria)"]
    assert len(ws.actors()) == before + 2
    assert "Global Coalition Against Daesh" in report.to_text()


def test_the_analysts_choices_land_names_and_are_remembered_for_the_next_import(
        demo_workspace: Workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    islamic_state, coalition = ws.find_actor("Islamic State"), ws.find_actor("US-led coalition")
    path = acled_with_actors(tmp_path / "syria.csv", [("Islamic State (Syria)", "Global Coalition Against Daesh")])
    chosen = [Decision("Islamic State (Syria)", "member", islamic_state.uid, islamic_state.name),
              Decision("Global Coalition Against Daesh", "existing", coalition.uid, coalition.name)]
    before = len(ws.actors())
    report = run_import(ws, open_reader("acled", path), actors=ActorPlan(chosen))
    assert report.added["actors"] == 1 and len(ws.actors()) == before + 1
    branch = ws.find_actor("Islamic State (Syria)")
    assert branch.member_of == islamic_state.uid and branch.kind is ActorKind.ARMED_GROUP
    event = ws.find_event_by_external_id("REC1")
    assert {ws.get_actor(p.actor_uid).name for p in event.participants} == {"Islamic State (Syria)",
                                                                             "US-led coalition"}
    assert ws.find_actor("Global Coalition Against Daesh") is None  # the analyst's actor keeps its own names

    later = acled_with_actors(tmp_path / "later.csv", [("Global Coalition Against Daesh", "")])
    text = later.read_text(encoding="utf-8").replace("REC1", "REC9")
    later.write_text(text, encoding="utf-8")
    again = run_import(ws, open_reader("acled", later))  # no choices given: remembered for ACLED
    assert again.added["actors"] == 0
    assert [a["why"] for a in again.actors] == ["chosen for this dataset before"]
    proposal = propose_actors(ws, [open_reader("acled", later)])
    assert [(d.choice, d.actor_name, d.sure) for d in proposal] == [("existing", "US-led coalition", True)]


def test_a_new_actor_never_takes_a_name_another_actor_holds(workspace: Workspace, tmp_path: Path) -> None:
    workspace.add_actor(Actor("Syrian Democratic Forces", ActorKind.ARMED_GROUP))
    workspace.add_actor(Actor("Quds Brigade", ActorKind.ARMED_GROUP, aliases=("LaQ",)))
    path = acled_with_actors(tmp_path / "x.csv", [("LaQ: Liwa al Quds", "")])
    chosen = [Decision("LaQ: Liwa al Quds", "new", "", "Liwa al Quds")]
    report = run_import(workspace, open_reader("acled", path), actors=ActorPlan(chosen))
    assert report.committed
    made = workspace.find_actor("LaQ: Liwa al Quds")
    assert made.name == "Liwa al Quds" and "LaQ" not in made.aliases
    assert workspace.find_actor("LaQ").name == "Quds Brigade"
