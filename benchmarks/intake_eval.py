"""Held-out evaluation of the article assistant: what it finds in reports it was never developed on.

    python benchmarks/intake_eval.py [--json] [--per-report] [--only ID|PATTERN ...] [--set DIR]

Held out means held out: whoever works on the assistant reads only the aggregate figures (the
table, or --json without --per-report) and never the reports, the annotations or the per-report
lists of what was missed (--per-report), which quote the annotations.

The set is `benchmarks/intake_eval/`: `reports/*.txt` (real VOA and Wikinews reports, sources and
licences in each header and in SOURCES.md) and `annotations/*.json`, written by hand before Briefer
ran on them, following GUIDELINES.md.  Each report is read and analysed exactly as `briefer-cli intake
FILE --json` does it (read_article, then analyse against a fresh, empty workspace: no gazetteer
help, nothing lands), offline.  The proposals are scored against the annotation, per language.

Matching rules
--------------
Names are *folded* before any comparison: Unicode NFKC, case-folded, Arabic diacritics and tatweel
removed, أ/إ/آ -> ا, ى -> ي, ة -> ه, a leading "ال" dropped from each Arabic word, punctuation and
hyphens -> spaces, a leading "the" dropped, spaces collapsed.

* Publication date: the document's `published` equals the annotated one (a day, or a month when only
  the month is known); a report annotated without one is right only if none is proposed.
* Date expressions: a proposed date matches an annotated one when the folded texts overlap (one
  contains the other) and the resolved values are equal (EDTF strings after dropping the
  uncertainty marks ~ ? %).  "found" counts the text alone.  Duplicate proposals (same folded text
  and value) count once, and a proposal repeating an expression already matched ("Monday" after
  "on Monday", same value) is not counted at all.
* Actors: a proposed actor matches an annotated one when its folded name, or one of the forms it
  was seen as (`aliases_seen`), equals the annotated name or one of its listed alternatives, or
  holds one of them (four letters or more) as whole words ("Somali militant group al-Shabab"
  holds "al-Shabab"); a cut name ("Movement for Oneness") does not match.
  Matching is one to one: a second proposal for an actor already matched is a false positive (the
  analyst has to merge it).
* Speakers: the proposed statements (`citations`) are grouped by folded speaker name.  A speaker
  matches an annotated one by the same name rule (the annotated speaker's own alternatives plus
  those of the actor of that name).  Speakers the annotation marks generic ("officials",
  "witnesses") are not scored: proposing them is neither right nor wrong.  Channel: the
  proposal's `channel` field if the output has one, else its `source` (the outlet it came
  through); a channel spelled exactly as the report's own outlet (the default for "the report
  itself") counts as none.  A matched
  speaker's channel is right when one of its proposed channels and one of the annotated channels
  are the same name (folded, one containing the other, or one the initials of the other: VOA /
  Voice of America), or when neither names one.  "channels found" = annotated non-empty channels whose speaker was
  matched with that channel, over all annotated non-empty channels of non-generic speakers.
* Events: annotated events with status reported or claimed are the events to find; expected and
  conditional ones are "expectations"; denied ones are to be left alone.  A proposal is an
  expectation when the output gives it a `status` of expected or conditional (in its `events` or
  its `expectations` list; a denial in `expectations` proposes nothing), else an event.  A
  proposed event matches an annotated one when at least one of its keywords (folded) occurs in the
  proposal's title, quote, summary or place, and the dates are equal (both absent, or equal EDTF
  values).  "any date" drops the date condition.  Matching is one to one, best keyword overlap first.
  Proposals that match only an expectation or a denied event count against event precision and are
  also counted as "forecasts proposed as events".
* Status, roles (only when the output has them): for matched events, the proposed `status` equals
  the annotated one; the initiator (target) is right when a participant with role initiator
  (target) matches the annotated initiator (target) by the actor name rule.
* A report whose analysis fails (exception, or more than --timeout seconds) is scored with no
  proposals: zero for it, not a crash of the script; the error is listed.

Precision = matched proposals / proposals; recall = matched annotations / annotations; both are
micro-averaged over the reports of a language.  The output's fields are read with .get(), so new
fields (status, channel, roles) are used when present and their figures read "n/a" when absent.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SET_DIR = Path(__file__).resolve().parent / "intake_eval"


def held_out(set_dir: Path) -> bool:
    """Sets whose reports and annotations nobody working on the assistant reads: intake_eval2 and
    later (validation and held-out sets). intake_eval itself is retired to development."""
    return re.fullmatch(r"intake_eval(?:[2-9]|[1-9]\d+)", Path(set_dir).resolve().name) is not None

EVENT_STATUSES = {"reported", "claimed"}
EXPECTATION_STATUSES = {"expected", "conditional"}

# ---------------------------------------------------------------- folding and matching

_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def fold(text: str | None) -> str:
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    s = _AR_MARKS.sub("", s)
    s = s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}))
    s = s.replace("’", "'").replace("'s ", " ")
    s = re.sub(r"[^\w\s]|_", " ", s)
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in s.split()]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def overlaps(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def initials(text: str) -> set[str]:
    words = text.split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in {"of", "for", "the", "and", "to"})}


def same_name(a: str, b: str) -> bool:
    """Folded names: one contains the other, or one is the other's initials (VOA, Voice of America)."""
    if not a or not b:
        return False
    return overlaps(a, b) or (" " not in a and a in initials(b)) or (" " not in b and b in initials(a))


def name_match(gold_forms: set[str], pred_forms: set[str]) -> bool:
    """A proposed name is right when it equals an annotated form, or holds one as whole words
    ("Somali militant group al-Shabab" holds "al-Shabab"); a shorter, cut name never is."""
    return any(g == p or (len(g) >= 4 and f" {g} " in f" {p} ") for g in gold_forms for p in pred_forms)


def norm_when(value) -> str | None:
    if value in (None, ""):
        return None
    return re.sub(r"[~?%]", "", str(value)).strip() or None


def forms(name: str, alt=(), actors_by_name=None) -> set[str]:
    found = {fold(name)} | {fold(a) for a in alt}
    if actors_by_name is not None and fold(name) in actors_by_name:
        found |= actors_by_name[fold(name)]
    return {f for f in found if f}


def greedy(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching from (score, gold index, proposal index), best score first."""
    used_g, used_p, out = set(), set(), []
    for _, g, p in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


# ---------------------------------------------------------------- running the assistant

class Timeout(Exception):
    pass


@contextmanager
def time_limit(seconds: int):
    if seconds <= 0 or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _raise(*_):
        raise Timeout(f"no answer after {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def analyse_in_process(path: Path, ws) -> dict:
    from briefer.intake.assistant import analyse
    from briefer.intake.reading import read_article

    return analyse(ws, read_article(path)).to_json()


def analyse_with_cli(path: Path, ws_path: Path, timeout: int) -> dict:
    """Fallback when the in-process entry point has moved: the CLI's --json output is the contract."""
    cmd = [sys.executable, "-m", "briefer.cli", "-w", str(ws_path), "intake", str(path), "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout or None,
                          cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise RuntimeError((done.stderr or done.stdout).strip().splitlines()[-1:] or ["CLI failed"])
    return json.loads(done.stdout)


def run_all(reports: list[Path], timeout: int) -> dict[str, dict]:
    from briefer.store import Workspace

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="briefer-eval-") as tmp:
        ws_path = Path(tmp) / "eval.briefer"
        ws = Workspace.create(ws_path)
        try:
            for path in reports:
                started = time.perf_counter()
                entry: dict = {}
                try:
                    with time_limit(timeout):
                        try:
                            entry["output"] = analyse_in_process(path, ws)
                        except (ImportError, AttributeError, TypeError) as api_error:
                            entry["note"] = f"in-process entry point failed ({api_error}); used the CLI"
                            entry["output"] = analyse_with_cli(path, ws_path, timeout)
                except BaseException as error:  # noqa: BLE001 - a failing report scores zero, never stops the run
                    if isinstance(error, KeyboardInterrupt):
                        raise
                    entry["error"] = f"{type(error).__name__}: {error}"[:300]
                    entry["output"] = {}
                entry["seconds"] = round(time.perf_counter() - started, 3)
                results[path.stem] = entry
        finally:
            ws.close()
    return results


# ---------------------------------------------------------------- scoring one report

def score_report(gold: dict, out: dict) -> dict:
    actor_forms = {fold(a["name"]): forms(a["name"], a.get("alt", ())) for a in gold.get("actors", [])}
    for a in gold.get("actors", []):
        for f in list(actor_forms[fold(a["name"])]):
            actor_forms.setdefault(f, actor_forms[fold(a["name"])])
    c: dict = {}

    # publication date
    doc = out.get("document") or {}
    c["pub_right"] = int(norm_when(doc.get("published")) == norm_when(gold.get("published")))

    # date expressions
    g_dates = [(fold(d["text"]), norm_when(d.get("value"))) for d in gold.get("dates", [])]
    p_dates = list(dict.fromkeys((fold(d.get("text")), norm_when(d.get("when"))) for d in out.get("dates") or []))
    right = greedy([(1, gi, pi) for gi, (gt, gv) in enumerate(g_dates) for pi, (pt, pv) in enumerate(p_dates)
                    if overlaps(gt, pt) and gv == pv])
    found = greedy([(1, gi, pi) for gi, (gt, _) in enumerate(g_dates) for pi, (pt, _) in enumerate(p_dates)
                    if overlaps(gt, pt)])
    used = {p for _, p in right}
    repeats = [pi for pi, (pt, pv) in enumerate(p_dates) if pi not in used
               and any(overlaps(gt, pt) and gv == pv for gt, gv in g_dates)]
    c.update(dates_gold=len(g_dates), dates_pred=len(p_dates) - len(repeats), dates_right=len(right),
             dates_found=len(found))

    # actors
    g_actors = [forms(a["name"], a.get("alt", ())) for a in gold.get("actors", [])]
    p_actors = [{fold(a.get("name"))} | {fold(x) for x in a.get("aliases_seen") or []} for a in out.get("actors") or []]
    matched = greedy([(1 + len(ga & pa), gi, pi) for gi, ga in enumerate(g_actors) for pi, pa in enumerate(p_actors)
                      if name_match(ga, pa)])
    c.update(actors_gold=len(g_actors), actors_pred=len(p_actors), actors_right=len(matched))
    c["actors_missed"] = [gold["actors"][gi]["name"] for gi in range(len(g_actors)) if gi not in {g for g, _ in matched}]
    c["actors_extra"] = [(out.get("actors") or [])[pi].get("name") for pi in range(len(p_actors))
                         if pi not in {p for _, p in matched}]

    # speakers and channels
    outlet = fold(doc.get("outlet"))
    speakers: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for cit in out.get("citations") or []:
        key = fold(cit.get("speaker"))
        if not key:
            continue
        names.setdefault(key, cit.get("speaker"))
        chan = fold(cit.get("channel", cit.get("source")))
        if chan == outlet:  # the outlet's own name is the default for "the report itself": no channel
            chan = ""
        speakers.setdefault(key, set()).add(chan)
    g_all = gold.get("statements", [])
    g_forms = [forms(s["speaker"], s.get("alt", ()), actor_forms) for s in g_all]
    pairs = [(1 + (key in gf), gi, pi) for gi, gf in enumerate(g_forms) for pi, key in enumerate(speakers)
             if name_match(gf, {key})]
    sp_matched = greedy(pairs)
    keys = list(speakers)
    generic_g = {gi for gi, s in enumerate(g_all) if s.get("generic")}
    ignored_p = {p for g, p in sp_matched if g in generic_g}
    scored = [(g, p) for g, p in sp_matched if g not in generic_g]
    c["speakers_gold"] = len(g_all) - len(generic_g)
    c["speakers_pred"] = len(keys) - len(ignored_p)
    c["speakers_right"] = len(scored)
    chan_right = chan_found = chan_gold = 0
    for gi, s in enumerate(g_all):
        if gi in generic_g:
            continue
        gch = [fold(x) for x in (s.get("channels") or [s.get("channel")]) if x]
        chan_gold += bool(gch)
        hit = next((p for g, p in scored if g == gi), None)
        if hit is None:
            continue
        pch = {x for x in speakers[keys[hit]] if x}
        ok = any(same_name(a, b) for a in gch for b in pch) if gch else not pch
        chan_right += ok
        chan_found += bool(gch) and ok
    c.update(channel_right=chan_right, channel_found=chan_found, channel_gold=chan_gold)
    c["speakers_missed"] = [g_all[gi]["speaker"] for gi in range(len(g_all))
                            if gi not in generic_g and gi not in {g for g, _ in scored}]
    c["speakers_extra"] = [names[keys[pi]] for pi in range(len(keys)) if pi not in {p for _, p in sp_matched}]

    # events
    g_events = gold.get("events", [])
    # proposals listed apart as expectations (briefer-cli intake --json: `expectations`) are
    # expectations too; a denial listed there is no proposal of anything
    p_events = list(out.get("events") or []) + [
        e for e in (out.get("expectations") or []) if str(e.get("status", "")).lower() in EXPECTATION_STATUSES]
    has_status = any("status" in e for e in p_events) or "expectations" in out
    p_expect = [i for i, e in enumerate(p_events) if str(e.get("status", "")).lower() in EXPECTATION_STATUSES]
    p_main = [i for i in range(len(p_events)) if i not in p_expect]

    def text_of(e: dict) -> str:
        return fold(" ".join(str(e.get(k) or "") for k in ("title", "quote", "summary", "place")))

    def kw_hits(ge: dict, pe: dict) -> int:
        t = text_of(pe)
        return sum(1 for k in ge.get("keywords", []) if fold(k) and fold(k) in t)

    def same_date(ge: dict, pe: dict) -> bool:
        return norm_when(ge.get("date")) == norm_when(pe.get("when"))

    main_g = [i for i, e in enumerate(g_events) if e.get("status", "reported") in EVENT_STATUSES]
    other_g = [i for i, e in enumerate(g_events) if i not in main_g]
    ev_right = greedy([(kw_hits(g_events[gi], p_events[pi]), gi, pi) for gi in main_g for pi in p_main
                       if kw_hits(g_events[gi], p_events[pi]) and same_date(g_events[gi], p_events[pi])])
    ev_any = greedy([(kw_hits(g_events[gi], p_events[pi]), gi, pi) for gi in main_g for pi in p_main
                     if kw_hits(g_events[gi], p_events[pi])])
    used_any = {p for _, p in ev_any}
    forecasts = {pi for gi in other_g for pi in p_main if pi not in used_any and kw_hits(g_events[gi], p_events[pi])}
    c.update(events_gold=len(main_g), events_pred=len(p_main), events_right=len(ev_right),
             events_any=len(ev_any), forecasts_as_events=len(forecasts))
    exp_g = [i for i in other_g if g_events[i].get("status") in EXPECTATION_STATUSES]
    ex_right = greedy([(kw_hits(g_events[gi], p_events[pi]), gi, pi) for gi in exp_g for pi in p_expect
                       if kw_hits(g_events[gi], p_events[pi])])
    c.update(expect_gold=len(exp_g), expect_pred=len(p_expect), expect_right=len(ex_right), has_status=has_status)
    st_n = st_ok = 0
    role = {"initiator": [0, 0], "target": [0, 0]}
    has_roles = False
    for gi, pi in ev_any:
        ge, pe = g_events[gi], p_events[pi]
        if "status" in pe:
            st_n += 1
            st_ok += str(pe.get("status")).lower() == ge.get("status")
        parts = pe.get("actors") or []
        has_roles = has_roles or any(p.get("role") in role for p in parts)
        for r in role:
            if ge.get(r):
                want = actor_forms.get(fold(ge[r]), {fold(ge[r])})
                role[r][0] += 1
                role[r][1] += any(p.get("role") == r and fold(p.get("name")) in want for p in parts)
    c.update(status_n=st_n, status_right=st_ok, has_roles=has_roles,
             initiator_n=role["initiator"][0], initiator_right=role["initiator"][1],
             target_n=role["target"][0], target_right=role["target"][1])
    return c


# ---------------------------------------------------------------- totals and output

SUM_KEYS = ["pub_right", "dates_gold", "dates_pred", "dates_right", "dates_found", "actors_gold", "actors_pred",
            "actors_right", "speakers_gold", "speakers_pred", "speakers_right", "channel_right", "channel_found",
            "channel_gold", "events_gold", "events_pred", "events_right", "events_any", "forecasts_as_events",
            "expect_gold", "expect_pred", "expect_right", "status_n", "status_right", "initiator_n",
            "initiator_right", "target_n", "target_right"]


def ratio(a: int, b: int):
    return a / b if b else None  # unrounded: the table rounds once (a JSON value rounded to 3 places, then
    # printed to 2, could round twice: 34/38 = 0.8947 -> 0.895 -> "0.90")


def totals(scores: list[dict]) -> dict:
    t = {k: sum(s[k] for s in scores) for k in SUM_KEYS}
    t["reports"] = len(scores)
    t["errors"] = sum(1 for s in scores if s.get("error"))
    has_status = any(s["has_status"] for s in scores)
    has_roles = any(s["has_roles"] for s in scores)
    f = {
        "reports": t["reports"], "errors": t["errors"],
        "publication_date": {"right": t["pub_right"], "of": t["reports"]},
        "dates": {"precision": ratio(t["dates_right"], t["dates_pred"]), "recall": ratio(t["dates_right"], t["dates_gold"]),
                  "found_recall": ratio(t["dates_found"], t["dates_gold"]), "gold": t["dates_gold"], "proposed": t["dates_pred"]},
        "actors": {"precision": ratio(t["actors_right"], t["actors_pred"]), "recall": ratio(t["actors_right"], t["actors_gold"]),
                   "gold": t["actors_gold"], "proposed": t["actors_pred"]},
        "speakers": {"precision": ratio(t["speakers_right"], t["speakers_pred"]),
                     "recall": ratio(t["speakers_right"], t["speakers_gold"]),
                     "channel_accuracy": ratio(t["channel_right"], t["speakers_right"]),
                     "channels_found": ratio(t["channel_found"], t["channel_gold"]),
                     "gold": t["speakers_gold"], "proposed": t["speakers_pred"]},
        "events": {"precision": ratio(t["events_right"], t["events_pred"]), "recall": ratio(t["events_right"], t["events_gold"]),
                   "any_date_precision": ratio(t["events_any"], t["events_pred"]),
                   "any_date_recall": ratio(t["events_any"], t["events_gold"]),
                   "forecasts_proposed_as_events": t["forecasts_as_events"],
                   "gold": t["events_gold"], "proposed": t["events_pred"]},
        "expectations": ({"precision": ratio(t["expect_right"], t["expect_pred"]), "recall": ratio(t["expect_right"], t["expect_gold"]),
                          "gold": t["expect_gold"], "proposed": t["expect_pred"]} if has_status else None),
        "status_accuracy": ratio(t["status_right"], t["status_n"]) if has_status else None,
        "initiator_accuracy": ratio(t["initiator_right"], t["initiator_n"]) if has_roles else None,
        "target_accuracy": ratio(t["target_right"], t["target_n"]) if has_roles else None,
    }
    return f


def fmt(v) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def print_table(meta: dict, by_lang: dict, errors: list[str]) -> None:
    langs = [lang for lang in ("en", "ar") if lang in by_lang]
    name = meta.get("set", str(SET_DIR))
    title = f"{'Held-out intake evaluation' if held_out(Path(name)) else 'Intake evaluation'} on {name}"
    print(f"{title}: {meta['reports']} reports "
          + ", ".join(f"{by_lang[lang]['reports']} {lang}" for lang in langs)
          + f"; commit {meta['commit']}; {meta['date']}; {meta['seconds']:.1f} s")
    print(f"{'':34}" + "    ".join(f"{('English' if lang == 'en' else 'Arabic'):>14}" for lang in langs))
    print(f"{'':34}" + "    ".join(f"{'P':>7}{'R':>7}" for _ in langs))

    def row(label, get):
        cells = []
        for lang in langs:
            p, r = get(by_lang[lang])
            cells.append(f"{p:>7}{r:>7}")
        print(f"{label:34}" + "    ".join(cells))

    row("publication date (right/of)", lambda f: ("", f"{f['publication_date']['right']}/{f['publication_date']['of']}"))
    row("date expressions (value)", lambda f: (fmt(f["dates"]["precision"]), fmt(f["dates"]["recall"])))
    row("  found (text only), recall", lambda f: ("", fmt(f["dates"]["found_recall"])))
    row("actors", lambda f: (fmt(f["actors"]["precision"]), fmt(f["actors"]["recall"])))
    row("speakers", lambda f: (fmt(f["speakers"]["precision"]), fmt(f["speakers"]["recall"])))
    row("  channel right (of matched)", lambda f: ("", fmt(f["speakers"]["channel_accuracy"])))
    row("  channels found (recall)", lambda f: ("", fmt(f["speakers"]["channels_found"])))
    row("events (right date)", lambda f: (fmt(f["events"]["precision"]), fmt(f["events"]["recall"])))
    row("  events (any date)", lambda f: (fmt(f["events"]["any_date_precision"]), fmt(f["events"]["any_date_recall"])))
    row("  forecasts proposed as events", lambda f: ("", str(f["events"]["forecasts_proposed_as_events"])))
    row("expectations", lambda f: (fmt((f["expectations"] or {}).get("precision")), fmt((f["expectations"] or {}).get("recall"))))
    row("status right (matched events)", lambda f: ("", fmt(f["status_accuracy"])))
    row("initiator / target right", lambda f: ("", f"{fmt(f['initiator_accuracy'])}/{fmt(f['target_accuracy'])}"))
    row("reports failed", lambda f: ("", str(f["errors"])))
    for line in errors:
        print("  " + line)


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent, timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--per-report", action="store_true",
                    help="also list, per report, what was missed and extra (quotes the annotations: not for "
                         "whoever tunes the assistant)")
    ap.add_argument("--only", nargs="*", metavar="ID",
                    help="only these report ids (shell patterns allowed: 'd2[3-9]*')")
    ap.add_argument("--set", type=Path, default=SET_DIR, help="the evaluation set (default: benchmarks/intake_eval)")
    ap.add_argument("--timeout", type=int, default=120, help="seconds allowed per report (0 = no limit)")
    ap.add_argument("--reports-from", type=Path, metavar="DIR",
                    help="also read reports from DIR: texts a set annotates but may not hold (not under a free "
                         "licence), kept outside the repository by whoever has them")
    args = ap.parse_args(argv)
    if args.per_report and held_out(args.set):
        print(f"{args.set}: a held-out set; --per-report would quote its annotations to whoever tunes the "
              "assistant. Run the aggregate table, or retire the set first (rename it and say so in its README)",
              file=sys.stderr)
        return 2

    reports = sorted((args.set / "reports").glob("*.txt"))
    annotated = {p.stem for p in (args.set / "annotations").glob("*.json")}
    if args.reports_from:
        held = {p.stem for p in reports}
        reports = sorted(reports + [p for p in args.reports_from.glob("*.txt")
                                    if p.stem in annotated and p.stem not in held], key=lambda p: p.stem)
    absent = sorted(annotated - {p.stem for p in reports})
    if absent and not args.only:
        print(f"{args.set}: {len(absent)} annotated reports are not here and are left out ({', '.join(absent[:3])}"
              f"{', …' if len(absent) > 3 else ''}); their texts are not under a free licence: see the set's "
              "README, and pass --reports-from DIR", file=sys.stderr)
    if args.only:
        reports = [p for p in reports if any(fnmatch.fnmatchcase(p.stem, pattern) for pattern in args.only)]
    if not reports:
        print(f"{args.set}: no reports to evaluate", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = run_all(reports, args.timeout)
    per_report, errors = {}, []
    by_lang_scores: dict[str, list[dict]] = {}
    for path in reports:
        gold = json.loads((args.set / "annotations" / f"{path.stem}.json").read_text(encoding="utf-8"))
        res = results[path.stem]
        try:
            s = score_report(gold, res.get("output") or {})
        except Exception as error:  # noqa: BLE001 - output of an unexpected shape scores zero
            res["error"] = res.get("error") or f"scoring: {type(error).__name__}: {error}"
            s = score_report(gold, {})
        s["error"] = res.get("error")
        s["seconds"] = res["seconds"]
        if res.get("error"):
            errors.append(f"{path.stem}: {res['error']}")
        per_report[path.stem] = s
        by_lang_scores.setdefault(gold.get("lang", "en"), []).append(s)
    by_lang = {lang: totals(scores) for lang, scores in by_lang_scores.items()}
    meta = {"reports": len(reports), "commit": git_commit(), "date": time.strftime("%Y-%m-%d", time.gmtime()),
            "seconds": round(time.perf_counter() - started, 1), "workspace": "empty",
            "set": str(args.set)}
    if args.json:
        names = ("actors_missed", "actors_extra", "speakers_missed", "speakers_extra")
        reports_out = {rid: ({k: v for k, v in s.items() if k not in names} if not args.per_report else s)
                       for rid, s in per_report.items()}
        print(json.dumps({"meta": meta, "overall": by_lang, "reports": reports_out}, ensure_ascii=False, indent=1))
        return 0
    print_table(meta, by_lang, errors)
    if args.per_report:
        for rid, s in per_report.items():
            print(f"\n{rid}: dates {s['dates_right']}/{s['dates_gold']} (proposed {s['dates_pred']}), actors "
                  f"{s['actors_right']}/{s['actors_gold']} (proposed {s['actors_pred']}), speakers "
                  f"{s['speakers_right']}/{s['speakers_gold']}, events {s['events_right']}/{s['events_gold']} "
                  f"(proposed {s['events_pred']}), {s['seconds']} s")
            for key in ("actors_missed", "actors_extra", "speakers_missed", "speakers_extra"):
                if s[key]:
                    print(f"  {key.replace('_', ' ')}: {', '.join(map(str, s[key]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
