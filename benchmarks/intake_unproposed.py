"""Dev material only: annotated English events that no proposal touches at all, and why.

An annotated event (reported or claimed) is *unproposed* when no proposal (event or expectation) holds any
of its keywords (the scorer's test, `intake_eval.fold`).  Each is placed in the body sentence holding most
of its keywords and classed from the parse:

* background: the sentence is not read as body (a title, a caption, a box outside the body);
* not found: no sentence holds a keyword (the keywords are the annotator's words);
* no event word: no keyword of the sentence is an event word (`triggers.TRIGGER_RE`) nor any event
  word's clause; the keyword's own word is listed (verb / noun) to see which word classes are missing;
* then, for an event word among the keywords, where it stands: inside a quotation or a statement,
  a nominal ("the signing of ..."), a subordinate clause, or drafted and folded away / dropped (other).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_unproposed.py --set benchmarks/intake_train [-v]

Never run it on a held-out set (it quotes the annotations).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import intake_eval as E  # noqa: E402

_CAPTURE: dict = {}


def _install_hooks() -> None:
    from briefer.intake import assistant

    real_draft = assistant.draft_events

    def draft_events(text, sentences, body, dates, mentions, entities, statements, pub, parsed=None, outlet="",
                     clauses_of=None):
        drafts = real_draft(text, sentences, body, dates, mentions, entities, statements, pub, parsed, outlet,
                            clauses_of=clauses_of)
        if clauses_of is None:
            _CAPTURE.update(text=text, sentences=sentences, body=set(body), parsed=parsed or {},
                            statements=statements, first=list(drafts))
        return drafts

    assistant.draft_events = draft_events


_SUB = {"advcl", "relcl", "acl", "ccomp", "xcomp", "pcomp", "csubj", "conj"}


def classify(ge: dict, cap: dict) -> tuple[str, str, str]:
    from briefer.intake.parse import SPEECH_LEMMAS, token_at
    from briefer.intake.triggers import TRIGGER_RE

    text, sentences, parsed = cap["text"], cap["sentences"], cap["parsed"]
    kws = [E.fold(k) for k in ge.get("keywords", []) if E.fold(k)]
    best, best_n = None, 0
    for si, s in enumerate(sentences):
        st = E.fold(text[s.start:s.end])
        n = sum(1 for k in kws if k in st)
        if n > best_n or (n == best_n and n and best is not None and si in cap["body"] and best not in cap["body"]):
            best, best_n = si, n
    if best is None:
        return "not found", "", ""
    s = sentences[best]
    sent = " ".join(text[s.start:s.end].split())
    if best not in cap["body"]:
        return "background", "", sent
    doc = parsed.get(best)
    if doc is None:
        return "other (unparsed)", "", sent
    low = text[s.start:s.end].lower()
    words = []
    for k in ge.get("keywords", []):
        at = E.fold(text[s.start:s.end]).find(E.fold(k))
        if at < 0 or len(E.fold(text[s.start:s.end])) != len(low):
            at = low.find(k.lower())
        if at < 0:
            continue
        for off in range(at, at + len(k)):
            t = token_at(doc, off)
            if t is not None and t not in words:
                words.append(t)
    heads = [t for t in words if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX")]
    ev = [t for t in heads if TRIGGER_RE.match(t.text)]
    quoted = any(q in text[s.start:s.end] for q in ('"', "“", "”")) or best in {st.sentence for st in cap["statements"]}
    speech = any(t.lemma_.lower() in SPEECH_LEMMAS for t in doc if t.pos_ == "VERB")
    drafted = any(d.clause.sentence == best for d in cap["first"])
    desc = " ".join(f"{t.lemma_}/{t.pos_}/{t.dep_}" for t in heads)
    if not ev:
        # the keyword's word is no event word: which word would it be?
        return "no event word", desc, sent
    t = ev[0]
    anc = [a.dep_ for a in t.ancestors]
    if quoted or speech and any(a.lemma_.lower() in SPEECH_LEMMAS for a in t.ancestors):
        cls = "inside a statement"
    elif t.pos_ == "NOUN" and t.dep_ in ("pobj", "nsubj", "dobj", "nsubjpass", "attr", "appos", "conj", "compound"):
        cls = "nominal"
    elif t.dep_ in _SUB or any(d in _SUB for d in anc):
        cls = "subordinate"
    else:
        cls = "other"
    return cls + (" (drafted, folded)" if drafted else ""), desc, sent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="benchmarks/intake_dev")
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--json", type=Path, help="write the unproposed events here")
    args = ap.parse_args()
    root = Path(args.set)
    if E.held_out(root):
        sys.exit("dev sets only (intake_eval is retired to development)")
    _install_hooks()
    reports = sorted((p for p in (root / "reports").glob("*.txt")
                      if not p.stem.startswith("ar") and (not args.only or any(p.stem.startswith(o) for o in args.only))
                      and (root / "annotations" / f"{p.stem}.json").exists()), key=lambda p: p.stem)
    counts: Counter = Counter()
    total = 0
    rows = []
    from briefer.store import Workspace
    import tempfile
    with tempfile.TemporaryDirectory(prefix="briefer-unp-") as tmp:
        ws = Workspace.create(Path(tmp) / "u.briefer")
        try:
            for path in reports:
                _CAPTURE.clear()
                out = E.analyse_in_process(path, ws)
                gold = json.loads((root / "annotations" / f"{path.stem}.json").read_text())
                props = list(out.get("events") or []) + list(out.get("expectations") or [])
                texts = [E.fold(" ".join(str(p.get(k) or "") for k in ("title", "quote", "summary", "place")))
                         for p in props]
                for ge in gold.get("events", []):
                    if ge.get("status", "reported") not in E.EVENT_STATUSES:
                        continue
                    total += 1
                    kws = [E.fold(k) for k in ge.get("keywords", []) if E.fold(k)]
                    if any(k in t for k in kws for t in texts):
                        continue
                    cls, desc, sent = classify(ge, _CAPTURE)
                    counts[cls.split(" (")[0]] += 1
                    rows.append(dict(report=path.stem, cls=cls, what=ge.get("what"), date=ge.get("date"),
                                     keywords=ge.get("keywords"), words=desc, sentence=sent))
                    if args.v:
                        print(f"{path.stem} [{cls}] {ge.get('date')} {ge.get('keywords')} :: {ge.get('what')}\n"
                              f"    words: {desc}\n    {sent[:300]}")
        finally:
            ws.close()
    print(f"\n{root.name}: {total} annotated events (reported/claimed), {len(rows)} touched by no proposal")
    for cls, n in counts.most_common():
        print(f"  {n:4d}  {cls}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
