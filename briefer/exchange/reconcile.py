"""Matching a dataset's actor names to the workspace's actors before they land.

ACLED writes actors as "QSD: Syrian Democratic Forces" (acronym and name), "Islamic
State (Syria)" (a name and a country), "Military Forces of Syria (2000-)" (a state's
forces and the years of a government) and "Military Forces of Syria (2000-) State
Security" (a unit of them).  `parse` takes such a string apart; `ActorMatcher` matches
each incoming name against the workspace, best first, and says why:

  * exact — the name, or its full form without acronym and years, is an actor's name or
    alias; or the analyst mapped this name for this dataset before (remembered);
  * suggested — the acronym is an alias, the name continues an actor's name ("Global
    Coalition Against Daesh" and "Global Coalition"), it is "Military Forces of X" and X
    is an actor, or it is spelled almost like one (RapidFuzz);
  * branch — a country qualifier, a unit after the years, or " - Intelligence": a member
    of the actor the rest of the name matches ("Islamic State (Syria)" of Islamic State);
  * new — none of these.

A `Decision` says what the import does with a name: land it on an existing actor, make
a new actor that is a member of one, or make a new actor under its full name with the
acronym and ACLED's exact string as aliases (so the next import matches it exactly).
The CLI applies exact decisions by itself and lists the rest; the import dialog shows
all of them for the analyst to confirm or change; `--actor-map FILE` reads and writes
them as JSON.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Optional

from rapidfuzz import fuzz, process

from ..core.model import Actor, ActorKind, normalize_name
from .json_format import ExchangeError

__all__ = ["NameForms", "parse", "Decision", "ActorMatcher", "ActorPlan", "load_actor_map", "save_actor_map", "Choice",
           "with_analyst_choice"]

Choice = Literal["existing", "member", "new"]
CHOICES: tuple[Choice, ...] = ("existing", "member", "new")

_ACRONYM = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.&'\-]{0,11}):\s+(\S.*)$")
_YEARS = re.compile(r"\s*\((?:\d{4}-(?:\d{4})?|-\d{4})\)\s*")
_QUALIFIER = re.compile(r"^(.*\S)\s+\(([^()]+)\)$")
_BRANCH = re.compile(r"^(.*\S)\s+-\s+(\S.*)$")
_FORCES = re.compile(r"^(?:Military|Armed) Forces of (?:the )?(.+)$", re.I)
FUZZY_SCORE = 90  # RapidFuzz ratio, 0-100, for "spelled almost like"


def _loose(name: str) -> str:
    return " ".join(re.sub(r"['.\-]", lambda m: " " if m[0] == "-" else "", normalize_name(name)).split())


@dataclass(frozen=True)
class NameForms:
    """An incoming name taken apart."""

    raw: str  # exactly as the dataset writes it
    full: str  # without acronym and years: "Military Forces of Syria"
    acronym: str = ""
    qualifier: str = ""  # "(Syria)": a country or group the name is narrowed to
    base: str = ""  # what the branch/qualified name belongs to ("Islamic State")
    unit: str = ""  # "State Security" in "Military Forces of Syria (2000-) State Security"

    @property
    def aliases(self) -> tuple[str, ...]:
        """The other forms a new actor keeps as aliases (ACLED's own string among them)."""
        found = [self.acronym, self.raw]
        return tuple(dict.fromkeys(a for a in found if a and normalize_name(a) != normalize_name(self.full)))


def parse(raw: str) -> NameForms:
    name = " ".join(raw.split())
    acronym = ""
    m = _ACRONYM.match(name)
    if m and any(c.isupper() for c in m[1]) and " " not in m[1]:
        acronym, name = m[1], m[2]
    unit = base = ""
    years = _YEARS.search(name)
    if years:
        before, after = name[:years.start()].strip(), name[years.end():].strip()
        if after and before:  # "Military Forces of Syria (2000-) State Security": a unit of them
            unit, base = after, before
            name = f"{before} {after}"
        else:
            name = before or after
    qualifier = ""
    if not base:
        q = _QUALIFIER.match(name)
        b = _BRANCH.match(name)
        if q:
            base, qualifier = q[1], q[2]
        elif b:
            base, unit = b[1], b[2]
    return NameForms(raw=" ".join(raw.split()), full=name, acronym=acronym, qualifier=qualifier, base=base,
                     unit=unit)


@dataclass
class Decision:
    """What one incoming name becomes."""

    name: str  # as the dataset writes it
    choice: Choice
    actor: str = ""  # the existing actor's uid (existing, member), "" for new
    actor_name: str = ""  # its name, for people and the JSON file
    why: str = ""
    sure: bool = False  # exact or remembered (or confirmed by the analyst): the CLI applies it by itself
    kind: ActorKind = ActorKind.OTHER
    suggestion: str = ""  # when a proposal was not applied: what it was
    dataset: str = ""

    def as_json(self) -> dict:
        out = {"choice": self.choice}
        if self.choice != "new":
            out["actor"] = self.actor_name
        if self.why:
            out["why"] = self.why
        return out


class ActorMatcher:
    """Proposals for incoming names, against a snapshot of the workspace's actors
    (kept up to date with the actors the import adds)."""

    def __init__(self, actors: Iterable[Actor], remembered: Optional[dict[str, dict[str, str]]] = None) -> None:
        self.by_key: dict[str, Actor] = {}
        self.by_loose: dict[str, Actor] = {}
        self.by_uid: dict[str, Actor] = {}
        self.initials: dict[str, list[Actor]] = {}
        self.remembered = remembered if remembered is not None else {}  # dataset -> {folded name: actor uid}
        self._choices: Optional[dict[str, str]] = None
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        self.by_uid[actor.uid] = actor
        for name in actor.names:
            self.by_key.setdefault(normalize_name(name), actor)
            self.by_loose.setdefault(_loose(name), actor)
        words = [w for w in re.split(r"[\s\-]+", actor.name) if w and w[0].isupper()]
        if len(words) >= 2:
            self.initials.setdefault("".join(w[0] for w in words), []).append(actor)
        self._choices = None

    def _exact(self, name: str) -> Optional[Actor]:
        """By name or alias, ignoring case, accents and punctuation ("Peoples" is "People's")."""
        if not name:
            return None
        return self.by_key.get(normalize_name(name)) or self.by_loose.get(_loose(name))

    def propose(self, raw: str, kind: ActorKind = ActorKind.OTHER, dataset: str = "") -> Decision:
        forms = parse(raw)

        def existing(actor: Actor, why: str, sure: bool = False) -> Decision:
            return Decision(raw, "existing", actor.uid, actor.name, why, sure, kind)

        def member(actor: Actor, why: str) -> Decision:
            return Decision(raw, "member", actor.uid, actor.name, why, False, kind)

        found = self._exact(raw)
        if found is not None:
            return existing(found, f"'{raw}' is {self._called(found, raw)}", True)
        uid = self.remembered.get(dataset, {}).get(normalize_name(raw))
        if uid in self.by_uid:
            return existing(self.by_uid[uid], "chosen for this dataset before", True)
        found = self._exact(forms.full)
        if found is not None and forms.full != raw:
            return existing(found, f"'{forms.full}' is {self._called(found, forms.full)}", True)
        if forms.base:
            found = self._exact(forms.base) or self._exact(parse(forms.base).full) or self._exact(forms.acronym)
            if found is not None:
                part = f"({forms.qualifier})" if forms.qualifier else f"'{forms.unit}'"
                return member(found, f"{part} narrows {self._called(found, forms.base)}: a branch of it")
        if forms.acronym:
            found = self._exact(forms.acronym)
            if found is not None:
                return existing(found, f"its acronym '{forms.acronym}' is {self._called(found, forms.acronym)}")
        forces = _FORCES.match(forms.full)
        if forces and not forms.unit:
            country = forces[1]
            for form in (f"{country} Armed Forces", f"Armed Forces of {country}", f"{country} military", country):
                found = self._exact(form)
                if found is not None:
                    return existing(found, f"the military forces of {country}: {self._called(found, form)}")
        if re.fullmatch(r"[A-Z]{2,6}", forms.full.replace(".", "")):
            found_all = self.initials.get(forms.full.replace(".", ""), [])
            if len(found_all) == 1:
                return existing(found_all[0], f"'{forms.full}' are the initials of '{found_all[0].name}'")
        key = normalize_name(forms.full)
        words = key.split(" ")
        for n in range(len(words) - 1, 1, -1):  # the longest run of its first words that is a name
            head, rest = " ".join(words[:n]), " " + " ".join(words[n:])
            actor = self.by_key.get(head)
            if actor is not None and len(head) >= 8 and not rest.lstrip().startswith("(") and "/" not in rest \
                    and " - " not in rest:
                return existing(actor, f"it continues {self._called(actor, head)}")
        best = process.extractOne(key, self._choice_keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        if best is not None:
            actor = self.by_key[best[0]]
            return existing(actor, f"spelled almost like {self._called(actor, best[0])} ({best[1]:.0f}%)")
        return Decision(raw, "new", "", forms.full, "no actor of that name", False, kind)

    def _choice_keys(self) -> dict[str, str]:
        if self._choices is None:
            self._choices = {k: k for k in self.by_key if len(k) >= 5}
        return self._choices

    @staticmethod
    def _called(actor: Actor, name: str) -> str:
        if _loose(name) == _loose(actor.name):
            return f"the actor '{actor.name}'"
        return f"an alias of '{actor.name}'"


# -- the JSON file of choices (`import --actor-map FILE`) ------------------------------
def load_actor_map(path: str | os.PathLike[str]) -> tuple[str, dict[str, dict]]:
    """(dataset, {incoming name: {"choice": ..., "actor": ...}}) from a file the CLI wrote
    (and the analyst edited); a mistake names the file and the entry."""
    target = Path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except OSError as error:
        raise ExchangeError(f"{target}: {error.strerror or error}") from None
    except ValueError as error:
        raise ExchangeError(f"{target}: not a JSON actor map ({error})") from None
    actors = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(actors, dict):
        raise ExchangeError(f"{target}: not an actor map (it needs an \"actors\" object of name: choice)")
    for name, entry in actors.items():
        if not isinstance(entry, dict) or entry.get("choice") not in CHOICES:
            raise ExchangeError(f"{target}: \"{name}\": the choice must be one of {', '.join(CHOICES)}")
        if entry["choice"] != "new" and not str(entry.get("actor") or "").strip():
            raise ExchangeError(f"{target}: \"{name}\": a choice of {entry['choice']} needs the \"actor\" it names")
    return str(data.get("dataset") or ""), actors


def save_actor_map(path: str | os.PathLike[str], dataset: str, decisions: Iterable[Decision]) -> None:
    data = {"dataset": dataset,
            "help": "choice: existing (the same actor as \"actor\"), member (a new actor, a branch of \"actor\") "
                    "or new. Edit, then import again with --actor-map.",
            "actors": {d.name: d.as_json() for d in sorted(decisions, key=lambda d: d.name.casefold())}}
    from .export_util import written

    with written(Path(path)) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def with_analyst_choice(decision: Decision, entry: dict, find: Callable[[str], Optional[Actor]]) -> Decision:
    """A proposal changed to what the actor map (or the dialog) says; `find(name)` is
    the workspace's actor of that name or alias, or None."""
    choice = entry["choice"]
    if choice == "new":
        name = str(entry.get("actor") or "").strip() or parse(decision.name).full
        return replace(decision, choice="new", actor="", actor_name=name, why="chosen by the analyst", sure=True)
    actor = find(str(entry["actor"]))
    if actor is None:
        raise ExchangeError(f"\"{decision.name}\": no actor is called '{entry['actor']}' in this workspace")
    return replace(decision, choice=choice, actor=actor.uid, actor_name=actor.name, why="chosen by the analyst",
                   sure=True)


class ActorPlan:
    """What each incoming actor name becomes during one import.

    `chosen` holds the analyst's decisions (the dialog's, or an actor map's), by the
    name as the dataset writes it; other names are matched as they come: exact and
    remembered matches are applied, and the rest become new actors unless
    `suggestions` is set (then the proposal is applied too).  Names landed on an actor
    by the analyst's choice are remembered for the dataset when the import commits.
    """

    def __init__(self, chosen: Iterable[Decision] = (), *, suggestions: bool = False) -> None:
        self.chosen = {d.name: d for d in chosen}
        self.suggestions = suggestions
        self.done: list[tuple[str, Decision, str]] = []  # (dataset, decision, actor name it landed on)
        self.matcher: Optional[ActorMatcher] = None
        self._remember: dict[str, dict[str, str]] = {}
        self._report = None

    def start(self, ws: Any, report: Any) -> None:
        self.matcher = ActorMatcher(ws.actors())
        self._report = report

    def _matcher(self, ws: Any, dataset: str) -> ActorMatcher:
        if self.matcher is None:
            self.matcher = ActorMatcher(ws.actors())
        if dataset not in self.matcher.remembered:
            from ..store.external import remembered_actors
            self.matcher.remembered[dataset] = remembered_actors(ws, dataset)
        return self.matcher

    def decide(self, ws: Any, dataset: str, name: str, kind: ActorKind) -> Decision:
        matcher = self._matcher(ws, dataset)
        decision = self.chosen.get(name)
        if decision is not None:
            return replace(decision, kind=kind if decision.kind is ActorKind.OTHER else decision.kind)
        decision = matcher.propose(name, kind, dataset)
        if decision.sure or self.suggestions or decision.choice == "new":
            return decision
        return Decision(name, "new", "", parse(name).full, "not matched for sure", False, kind,
                        suggestion=f"{decision.choice} {decision.actor_name}: {decision.why}")

    def propose(self, ws: Any, dataset: str, name: str, kind: ActorKind) -> Decision:
        """The matcher's proposal for a name, whatever its certainty (for the analyst to confirm)."""
        return replace(self._matcher(ws, dataset).propose(name, kind, dataset), dataset=dataset)

    def land(self, ws: Any, dataset: str, name: str, kind: ActorKind) -> str:
        """The uid of the actor `name` lands on, made if the decision is new or member."""
        decision = self.decide(ws, dataset, name, kind)
        if decision.choice == "existing":
            uid = ws.get_actor(decision.actor).uid
            landed = decision.actor_name
        else:
            actor = ws.add_actor(self._new_actor(ws, dataset, decision))
            self._report.added["actors"] += 1
            self._matcher(ws, dataset).add(actor)
            uid, landed = actor.uid, actor.name
        if name in self.chosen:
            self._remember.setdefault(dataset, {})[name] = uid
        self.done.append((dataset, decision, landed))
        return uid

    @staticmethod
    def _new_actor(ws: Any, dataset: str, decision: Decision) -> Actor:
        forms = parse(decision.name)
        name = (decision.actor_name if decision.choice == "new" else "") or forms.full
        for candidate in (name, forms.full, forms.raw, f"{forms.raw} ({dataset})"):
            if ws.find_actor(candidate) is None:
                name = candidate
                break
        aliases = tuple(a for a in (forms.acronym, forms.full, forms.raw)
                        if a and normalize_name(a) != normalize_name(name) and ws.find_actor(a) is None)
        member_of = decision.actor if decision.choice == "member" else None
        return Actor(name, decision.kind, aliases=tuple(dict.fromkeys(aliases)), member_of=member_of)

    def remember(self, ws: Any) -> None:
        from ..store.external import remember_actors
        for dataset, chosen in self._remember.items():
            remember_actors(ws, dataset, chosen)

    def listed(self) -> list[dict]:
        """What the import did with every name that was not simply an actor's name or alias."""
        out = []
        for dataset, d, landed in self.done:
            if d.sure and d.choice == "existing" and d.why.startswith(f"'{d.name}' is "):
                continue
            entry = {"name": d.name, "dataset": dataset, "choice": d.choice, "actor": landed, "why": d.why,
                     "sure": d.sure}
            if d.choice == "member":
                entry["of"] = d.actor_name
            if d.suggestion:
                entry["suggestion"] = d.suggestion
            out.append(entry)
        return out
