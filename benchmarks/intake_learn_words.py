"""Experiment (dev material only): English event recall one level below the proposals.

The rules make at most one event per clause (events.draft_events: the clause's first event word that
triggers.event_word accepts), drop clauses with no party, date or news tense, then fold retellings.
This script lists every *event word* (triggers.TRIGGER_RE) of every body sentence, gives each its own
candidate proposal (its predication's span as the quote, its own date by event_dates.clause_date),
and asks:

1. ceiling: how many annotated events the rules miss would one proposal per candidate word recover
   (the scorer's own keyword rule, right date and any date), and at what cost in extra proposals;
2. learned: a small logistic regression on parse features, trained on candidates labelled by the
   missed events' keywords, chooses which candidates to add; cross-validated by report inside each
   body and across bodies (intake_train -> dev+retired, and the reverse), scored with the real scorer.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_words.py collect   # runs Briefer once per report
    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_words.py ceiling
    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_words.py learn
    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_words.py compare     # needs scikit-learn
    PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_words.py breakdown

Findings (5 Dec 2026, main at 52d96a7): benchmarks/intake_learn_words.md.  The cache is LEARN_WORDS_CACHE
(default /tmp/learn3-candidates.pkl); benchmarks/intake_learn_reader.py reads its candidates with a transformer.

Never run on a held-out set.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import intake_eval as E  # noqa: E402

SETS = {"train": Path("benchmarks/intake_train"), "dev": Path("benchmarks/intake_dev"),
        "retired": Path("benchmarks/intake_eval")}
CACHE = Path(os.environ.get("LEARN_WORDS_CACHE", "/tmp/learn3-candidates.pkl"))

# ---------------------------------------------------------------- collecting candidates

_CAPTURE: dict = {}


def _install_hooks() -> None:
    from briefer.intake import assistant

    real_draft, real_words = assistant.draft_events, assistant.dated_words

    def draft_events(text, sentences, body, dates, mentions, entities, statements, pub, parsed=None, outlet="", **kw):
        drafts = real_draft(text, sentences, body, dates, mentions, entities, statements, pub, parsed, outlet, **kw)
        if not kw:  # the first drafting, not dated_words' own
            _CAPTURE.update(text=text, sentences=sentences, body=body, dates=dates, mentions=mentions,
                            entities=entities, statements=statements, pub=pub, parsed=parsed or {},
                            first=list(drafts))
        return drafts

    def dated_words(drafts, *args, **kw):  # the last step: its drafts are the final ones
        out = real_words(drafts, *args, **kw)
        _CAPTURE["final"] = list(out)
        _CAPTURE["candidates"] = candidates_of(_CAPTURE, out)
        return out

    assistant.draft_events, assistant.dated_words = draft_events, dated_words


def _governing(token):
    t = token
    for _ in range(5):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t


_CUT = {"conj", "ccomp", "advcl", "parataxis", "relcl", "cc"}


def _span(token):
    """The event word's own predication: its verb's subtree without the verb's other clauses."""
    v = _governing(token)
    keep = {v.i}
    for c in v.children:
        if c.dep_ in _CUT and token not in c.subtree:
            continue
        keep |= {x.i for x in c.subtree}
    doc = v.doc
    a, b = min(keep), max(keep)
    return doc[a].idx, doc[b].idx + len(doc[b]), v


def candidates_of(cap: dict, final: list) -> list[dict]:
    from briefer.intake import events as EV
    from briefer.intake.event_dates import clause_date
    from briefer.intake.parse import SPEECH_LEMMAS, clause_status, token_at
    from briefer.intake.telling import _ANOTHER_RE, _points_back
    from briefer.intake.triggers import (TRIGGER_RE, _ongoing, _subordinate, agent_noun, event_stem, tells,
                                         told_as_news, told_at_place)

    text, sentences, parsed = cap["text"], cap["sentences"], cap["parsed"]
    dates, mentions, pub = cap["dates"], cap["mentions"], cap["pub"]
    by_id = {e.id: e for e in cap["entities"]}
    actors = [m for m in mentions if m.entity and m.entity in by_id and by_id[m.entity].actor]
    places = [m for m in mentions if m.kind == "place"]
    stmt_sent = {s.sentence for s in cap["statements"]}
    # the trigger the rules chose for each first and final draft
    kept_at: dict[int, str] = {}
    for label, drafts in (("first", cap["first"]), ("final", final)):  # final overwrites first
        for d in drafts:
            doc = parsed.get(d.clause.sentence)
            s0 = sentences[d.clause.sentence].start
            m = EV._trigger(text[d.clause.start:d.clause.end], d.clause.start - s0, doc) if doc is not None else None
            if m is not None:
                kept_at[d.clause.start + m.start()] = label
    final_spans = [(d.clause.start, d.clause.end) for d in final]
    first_spans = [(d.clause.start, d.clause.end) for d in cap["first"]]
    out = []
    body = list(cap["body"])
    seen_stems: Counter = Counter()
    upper = sum(c.isupper() for c in text) > 0.6 * max(1, sum(c.isalpha() for c in text))
    for rank, si in enumerate(body):
        doc = parsed.get(si)
        if doc is None:
            continue
        s = sentences[si]
        s0 = s.start
        seen_span = set()
        words = list(TRIGGER_RE.finditer(text, s.start, s.end))
        for wi, m in enumerate(words):
            tok = token_at(doc, m.start() - s0)
            if tok is None:
                continue
            a, b, v = _span(tok)
            start, end = s0 + a, s0 + b
            at = m.start()
            stem = event_stem(m.group()) or m.group().lower()
            c_dates = [d for d in dates if start <= d.start < end]
            when, rule, _ = clause_date(text, start, end, c_dates, pub, doc, s0, at)
            date_from = "span"
            if not c_dates:  # none of its own: the sentence's, as the rules date a whole clause
                s_dates = [d for d in dates if s.start <= d.start < s.end]
                if s_dates:
                    when, rule, _ = clause_date(text, s.start, s.end, s_dates, pub, doc, s0, at)
                    date_from = "sentence"
            status, _ = clause_status(doc, a, b, at - s0)
            in_final = any(x <= at < y for x, y in final_spans)
            in_first = any(x <= at < y for x, y in first_spans)
            anc = []
            t = tok
            for _ in range(8):
                if t.head.i == t.i:
                    break
                anc.append(t.dep_)
                t = t.head
            under_speech = any(x.lemma_.lower() in SPEECH_LEMMAS for x in tok.ancestors)
            aux = sorted({c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")})
            q = text[start:end]
            f = {
                "lemma": tok.lemma_.lower(), "stem": stem, "pos": tok.pos_, "tag": tok.tag_, "dep": tok.dep_,
                "head_dep": tok.head.dep_, "head_lemma": tok.head.lemma_.lower(), "gov_lemma": v.lemma_.lower(),
                "gov_tag": v.tag_, "gov_dep": v.dep_, "aux": "+".join(aux) or "-",
                "neg": any(c.dep_ == "neg" for c in v.children),
                "tells": tells(tok, upper), "subordinate": _subordinate(tok), "ongoing": _ongoing(tok),
                "agent": agent_noun(tok), "news": told_as_news(doc, at - s0), "at_place": told_at_place(doc, at - s0),
                "kept": kept_at.get(at, "no"), "in_final": in_final, "in_first": in_first,
                "under_speech": under_speech, "stmt_sentence": si in stmt_sent,
                "has_date": bool(c_dates), "date_from": date_from, "rule": rule.split(":")[0][:40], "status": status,
                "has_actor": any(start <= x.start < end for x in actors),
                "has_place": any(start <= x.start < end for x in places),
                "sent_rank": min(rank, 6), "word_rank": min(wi, 4), "n_words": min(len(words), 6),
                "span_len": min(len(q.split()) // 5, 6), "quoted": q.count('"') + q.count("“") > 0,
                "anc": "/".join(anc[:3]), "stem_seen": min(seen_stems[stem], 3),
                "has_det_the": any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children),
                "upper": upper,
                "points_back": _points_back(tok), "another": bool(_ANOTHER_RE.search(s.text)),
                "gov_speech": v.lemma_.lower() in SPEECH_LEMMAS,
                "n_actors": min(sum(1 for x in actors if start <= x.start < end), 3),
                "person": any(start <= x.start < end and by_id[x.entity].kind == "person" for x in actors),
                "finals_here": min(sum(1 for x, y in final_spans if s.start <= x < s.end), 2),
                "past_perfect": "had" in aux,
            }
            seen_stems[stem] += 1
            dup = (start, end) in seen_span or (start, end) in final_spans
            seen_span.add((start, end))
            prev = sentences[body[rank - 1]] if rank else None
            out.append({"at": at, "word": m.group(), "span": (start, end), "dup": dup, "features": f,
                        "sent": (s.start, s.end), "prev": (prev.start, prev.end) if prev else None,
                        "proposal": {"title": EV._title(q), "quote": " ".join(q.split()), "place": "",
                                     "when": when.edtf if when else None, "status": status}})
    return out


def collect() -> None:
    _install_hooks()
    data = {}
    for name, root in SETS.items():
        reports = sorted(p for p in (root / "reports").glob("*.txt") if not p.stem.startswith("ar"))
        for path in reports:
            _CAPTURE.clear()
            res = E.run_all([path], 120)[path.stem]
            gold = json.loads((root / "annotations" / f"{path.stem}.json").read_text())
            if gold.get("lang", "en") != "en":
                continue
            data[(name, path.stem)] = {"gold": gold, "output": res["output"],
                                       "candidates": _CAPTURE.get("candidates", []),
                                       "text": _CAPTURE.get("text", ""),
                                       "sentences": [(x.start, x.end) for x in
                                                     (_CAPTURE.get("sentences") or [])],
                                       "body": list(_CAPTURE.get("body") or [])}
            print(name, path.stem, len(data[(name, path.stem)]["candidates"]), flush=True)
    CACHE.write_bytes(pickle.dumps(data))


# ---------------------------------------------------------------- scoring with extras

def score(item: dict, chosen: list[dict]) -> dict:
    out = dict(item["output"])
    out["events"] = list(out.get("events") or []) + [c["proposal"] for c in chosen
                                                     if c["proposal"]["status"] in ("reported", "claimed")]
    out["expectations"] = list(out.get("expectations") or []) + [
        c["proposal"] for c in chosen if c["proposal"]["status"] not in ("reported", "claimed")]
    return E.score_report(item["gold"], out)


def totals(items: dict, choose) -> dict:
    n = Counter()
    for key, item in items.items():
        c = score(item, choose(key, item))
        for k in ("events_gold", "events_pred", "events_right", "events_any"):
            n[k] += c[k]
    p = n["events_right"] / max(1, n["events_pred"])
    r = n["events_right"] / max(1, n["events_gold"])
    pa = n["events_any"] / max(1, n["events_pred"])
    ra = n["events_any"] / max(1, n["events_gold"])
    f = 2 * p * r / max(1e-9, p + r)
    return {"P": round(p, 3), "R": round(r, 3), "F": round(f, 3), "Pany": round(pa, 3), "Rany": round(ra, 3),
            "pred": n["events_pred"], "gold": n["events_gold"], "right": n["events_right"], "any": n["events_any"]}


def _text_of(p: dict) -> str:
    return E.fold(" ".join(str(p.get(k) or "") for k in ("title", "quote", "summary", "place")))


def label(item: dict) -> None:
    """A candidate is positive when its proposal would match, at the right date, an annotated
    reported/claimed event the rules' proposals do not match (at the right date)."""
    gold = item["gold"]
    g = gold.get("events", [])
    main_g = [i for i, e in enumerate(g) if e.get("status", "reported") in E.EVENT_STATUSES]
    out = item["output"]
    p_events = [e for e in out.get("events") or [] if str(e.get("status", "")).lower() not in E.EXPECTATION_STATUSES]

    def hits(ge, pe):
        t = _text_of(pe)
        return sum(1 for k in ge.get("keywords", []) if E.fold(k) and E.fold(k) in t)

    right = E.greedy([(hits(g[gi], p_events[pi]), gi, pi) for gi in main_g for pi in range(len(p_events))
                      if hits(g[gi], p_events[pi]) and E.norm_when(g[gi].get("date")) == E.norm_when(p_events[pi].get("when"))])
    anym = E.greedy([(hits(g[gi], p_events[pi]), gi, pi) for gi in main_g for pi in range(len(p_events))
                     if hits(g[gi], p_events[pi])])
    matched_right = {gi for gi, _ in right}
    matched_any = {gi for gi, _ in anym}
    item["missed_right"] = [gi for gi in main_g if gi not in matched_right]
    item["missed_any"] = [gi for gi in main_g if gi not in matched_any]
    item["main_g"] = main_g
    for c in item["candidates"]:
        pe = c["proposal"]
        c["hits_missed"] = [gi for gi in item["missed_right"] if hits(g[gi], pe)]
        c["hits_missed_date"] = [gi for gi in c["hits_missed"]
                                 if E.norm_when(g[gi].get("date")) == E.norm_when(pe.get("when"))]
        c["hits_any_missed"] = [gi for gi in item["missed_any"] if hits(g[gi], pe)]
        c["y"] = int(bool(c["hits_missed_date"]) and pe["status"] in ("reported", "claimed"))


def context(item: dict) -> None:
    """Features that relate a candidate to what the rules already propose in the report."""
    from briefer.intake.telling import _STRONG, _kind

    out = item["output"]
    whens = {e.get("when") for e in (out.get("events") or []) + (out.get("expectations") or [])}
    kinds = {_kind(c["features"]["stem"].lower()) for c in item["candidates"] if c["features"]["kept"] == "final"}
    for c in item["candidates"]:
        f = c["features"]
        f["date_new"] = c["proposal"]["when"] not in whens  # a date no proposal has
        f["undated"] = c["proposal"]["when"] is None
        f["kind_told"] = _kind(f["stem"].lower()) in kinds  # a kind of happening a proposal already tells
        f["strong"] = f["stem"].lower() in _STRONG


def load() -> dict:
    data = pickle.loads(CACHE.read_bytes())
    for item in data.values():
        label(item)
        context(item)
    return data


def ceiling() -> None:
    data = load()
    for body in ("train", "dev", "retired", "all"):
        items = {k: v for k, v in data.items() if body in ("all", k[0])}
        gold = sum(len(v["main_g"]) for v in items.values())
        miss_r = sum(len(v["missed_right"]) for v in items.values())
        miss_a = sum(len(v["missed_any"]) for v in items.values())
        rec_kw = sum(len({gi for c in v["candidates"] for gi in c["hits_any_missed"]}) for v in items.values())
        rec_kwr = sum(len({gi for c in v["candidates"] for gi in c["hits_missed"]}) for v in items.values())
        rec_dt = sum(len({gi for c in v["candidates"] for gi in c["hits_missed_date"]}) for v in items.values())
        ncand = sum(len(v["candidates"]) for v in items.values())
        nnew = sum(1 for v in items.values() for c in v["candidates"] if not c["dup"] and c["features"]["kept"] != "final")
        print(f"\n== {body}: {len(items)} reports, {gold} events; missed any date {miss_a}, missed right date {miss_r}")
        print(f"   candidate words {ncand}, new (not a final draft's trigger, not a final clause) {nnew}")
        print(f"   missed-any events with a candidate holding a keyword: {rec_kw} / {miss_a}")
        print(f"   missed-right events with a candidate holding a keyword: {rec_kwr} / {miss_r}; and its date right: {rec_dt}")
        base = totals(items, lambda k, it: [])
        allc = totals(items, lambda k, it: [c for c in it["candidates"] if not c["dup"] and c["features"]["kept"] != "final"])
        oracle = totals(items, lambda k, it: [c for c in it["candidates"] if c["y"] and not c["dup"]])
        tells = totals(items, lambda k, it: [c for c in it["candidates"] if not c["dup"] and c["features"]["kept"] != "final"
                                             and c["features"]["tells"]])
        print(f"   baseline            {base}")
        print(f"   + every candidate   {allc}")
        print(f"   + those tells() keeps {tells}")
        print(f"   + oracle positives  {oracle}")


# ---------------------------------------------------------------- a small logistic regression (numpy)

def featurize(c: dict) -> list[str]:
    f = c["features"]
    out = [f"{k}={v}" for k, v in f.items()]
    out += [f"stem*kept={f['stem']}|{f['kept']}", f"tag*kept={f['tag']}|{f['kept']}",
            f"status*date={f['status']}|{f['has_date']}", f"pos*dep={f['pos']}|{f['dep']}",
            f"gov*aux={f['gov_tag']}|{f['aux']}", f"infinal*sub={f['in_final']}|{f['subordinate']}"]
    return out


class LR:
    def __init__(self, c: float = 1.0, min_count: int = 2, steps: int = 2000):
        self.c, self.min_count, self.steps = c, min_count, steps

    def fit(self, X: list[list[str]], y: list[int]) -> "LR":
        import numpy as np

        cnt = Counter(x for row in X for x in set(row))
        self.vocab = {k: i for i, k in enumerate(sorted(k for k, n in cnt.items() if n >= self.min_count))}
        A = self._matrix(X)
        yv = np.array(y, dtype=float)
        w = np.zeros(A.shape[1])
        b = 0.0
        pos = max(1.0, yv.sum())
        cw = np.where(yv > 0, (len(yv) - pos) / pos, 1.0) ** 0.5  # lean toward the rare positives
        for _ in range(self.steps):  # plain full-batch gradient descent
            z = A @ w + b
            p = 1 / (1 + np.exp(-z))
            g = A.T @ (cw * (p - yv)) / len(yv) + w / (self.c * len(yv))
            gb = float((cw * (p - yv)).mean())
            w -= 0.5 * g
            b -= 0.5 * gb
        self.w, self.b = w, b
        return self

    def _matrix(self, X):
        import numpy as np

        A = np.zeros((len(X), len(self.vocab)))
        for i, row in enumerate(X):
            for x in row:
                j = self.vocab.get(x)
                if j is not None:
                    A[i, j] = 1.0
        return A

    def predict(self, X):
        import numpy as np

        return 1 / (1 + np.exp(-(self._matrix(X) @ self.w + self.b)))


def _pool(items: dict) -> list[tuple]:
    return [(k, c) for k, it in items.items() for c in it["candidates"] if not c["dup"] and c["features"]["kept"] != "final"]


def evaluate(train: dict, test: dict, thresholds=(0.5, 0.6, 0.7, 0.8, 0.9), c: float = 1.0) -> dict:
    tr = _pool(train)
    model = LR(c).fit([featurize(x) for _, x in tr], [x["y"] for _, x in tr])
    te = _pool(test)
    probs = model.predict([featurize(x) for _, x in te]) if te else []
    for (k, x), p in zip(te, probs):
        x["p"] = float(p)
    res = {}
    for t in thresholds:
        res[t] = totals(test, lambda k, it: [x for x in it["candidates"] if not x["dup"]
                                             and x["features"]["kept"] != "final" and x.get("p", 0) >= t])
    return res


def learn() -> None:
    data = load()
    train = {k: v for k, v in data.items() if k[0] == "train"}
    devret = {k: v for k, v in data.items() if k[0] != "train"}
    pool = _pool(data)
    print(f"candidates {len(pool)}, positives {sum(x['y'] for _, x in pool)}")
    for name, (a, b) in {"train->dev+retired": (train, devret), "dev+retired->train": (devret, train)}.items():
        print(f"\n== {name}: baseline {totals(b, lambda k, it: [])}")
        for t, r in evaluate(a, b).items():
            print(f"   threshold {t}: {r}")
        for body in ("dev", "retired"):
            part = {k: v for k, v in b.items() if k[0] == body}
            if part:
                print(f"   {body} baseline {totals(part, lambda k, it: [])}")
                for t in (0.5, 0.7, 0.9):
                    print(f"   {body} @ {t}: {totals(part, lambda k, it, t=t: [x for x in it['candidates'] if not x['dup'] and x['features']['kept'] != 'final' and x.get('p', 0) >= t])}")
    # cross-validation by report inside each body
    for body, items in (("train", train), ("dev+retired", devret)):
        keys = sorted(items)
        random.Random(7).shuffle(keys)
        folds = [keys[i::5] for i in range(5)]
        for fold in folds:
            tr = {k: items[k] for k in keys if k not in fold}
            evaluate(tr, {k: items[k] for k in fold})
        print(f"\n== cv5 by report in {body}: baseline {totals(items, lambda k, it: [])}")
        for t in (0.5, 0.6, 0.7, 0.8, 0.9):
            print(f"   threshold {t}: {totals(items, lambda k, it, t=t: [x for x in it['candidates'] if not x['dup'] and x['features']['kept'] != 'final' and x.get('p', 0) >= t])}")


def _auc(y, p) -> float:
    import numpy as np

    y, p = np.array(y), np.array(p)
    order = np.argsort(p)
    ranks = np.empty(len(p))
    ranks[order] = np.arange(len(p))
    n1 = y.sum()
    return float((ranks[y == 1].sum() - n1 * (n1 - 1) / 2) / (n1 * (len(y) - n1)))


def compare() -> None:
    """Other learners on the same features, across bodies: ranking quality (AUC) and the share of
    positives among the 20 / 40 candidates each ranks highest.  Needs scikit-learn (dev only)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    data = load()
    train = {k: v for k, v in data.items() if k[0] == "train"}
    devret = {k: v for k, v in data.items() if k[0] != "train"}
    labels = {"right date": lambda x: x["y"],
              "any date": lambda x: int(bool(x["hits_any_missed"]) and x["proposal"]["status"] in ("reported", "claimed"))}
    learners = {"numpy LR (the script's)": None,
                "sklearn LR C=0.1": lambda: LogisticRegression(C=0.1, max_iter=2000, class_weight="balanced"),
                "sklearn LR C=1": lambda: LogisticRegression(C=1, max_iter=2000, class_weight="balanced"),
                "random forest": lambda: RandomForestClassifier(400, min_samples_leaf=3, class_weight="balanced",
                                                                random_state=0, n_jobs=1),
                "gradient boosting": lambda: HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05,
                                                                            max_iter=200, random_state=0)}
    for lname, lab in labels.items():
        for name, make in learners.items():
            row = []
            for a, b in ((train, devret), (devret, train)):
                tr, te = _pool(a), _pool(b)
                y = np.array([lab(x) for _, x in te])
                if make is None:
                    p = LR().fit([featurize(x) for _, x in tr], [lab(x) for _, x in tr]).predict(
                        [featurize(x) for _, x in te])
                else:
                    dv = DictVectorizer()
                    X = dv.fit_transform([{f: 1 for f in featurize(x)} for _, x in tr])
                    Xt = dv.transform([{f: 1 for f in featurize(x)} for _, x in te])
                    if name == "gradient boosting":
                        X, Xt = X.toarray(), Xt.toarray()
                    p = make().fit(X, [lab(x) for _, x in tr]).predict_proba(Xt)[:, 1]
                o = np.argsort(-p)
                row.append(f"AUC {_auc(y, p):.3f} top20 {y[o[:20]].mean():.2f} top40 {y[o[:40]].mean():.2f} "
                           f"base {y.mean():.2f}")
            print(f"{lname:10} {name:24} train->dev+ret: {row[0]} | dev+ret->train: {row[1]}")


def breakdown() -> None:
    """Why each annotated event the rules miss (right date) is missed, and how noisy the labels are."""
    data = load()
    for body in ("train", "dev+retired"):
        cat: Counter = Counter()
        kinds: Counter = Counter()
        for k, it in data.items():
            if (body == "train") != (k[0] == "train"):
                continue
            g = it["gold"]["events"]
            for gi in it["missed_right"]:
                cs = [c for c in it["candidates"] if gi in c["hits_missed"]]
                right = [c for c in cs if gi in c["hits_missed_date"]]
                if not cs:
                    cat["no candidate word's span holds a keyword"] += 1
                elif not right:
                    cat["candidates only at another date"] += 1
                    kinds[("annotated dated" if g[gi].get("date") else "annotated undated") + " / " +
                          ("candidate dated" if cs[0]["proposal"]["when"] else "candidate undated")] += 1
                else:
                    f = right[0]["features"]
                    cat["right date: " + ("inside a final proposal's clause" if f["in_final"] else
                                          "drafted, then folded or dropped" if f["in_first"] else
                                          "never drafted")] += 1
        print(body, dict(cat))
        print("   the other dates:", dict(kinds))
    pool = _pool(data)
    pos = [(k, c) for k, c in pool if c["y"]]
    events = Counter((k, gi) for k, c in pos for gi in c["hits_missed_date"])
    own = sum(1 for k, c in pos if any(
        c["features"]["stem"].lower()[:5] in E.fold(kw) for gi in c["hits_missed_date"]
        for kw in data[k]["gold"]["events"][gi]["keywords"] if E.fold(kw) in _text_of(c["proposal"])))
    print(f"positives {len(pos)} of {len(pool)} new candidates; they match {len(events)} distinct missed events, "
          f"{sum(1 for v in events.values() if v > 1)} of them through 2+ candidates; {own} positives match through a "
          f"keyword holding the candidate's own word, {len(pos) - own} only through other words of the span "
          f"(names, places); {sum(1 for k, c in pool if not c['y'] and c['hits_missed'])} negatives hold a missed "
          f"event's keyword but at another date")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["collect", "ceiling", "learn", "compare", "breakdown"])
    args = ap.parse_args()
    {"collect": collect, "ceiling": ceiling, "learn": learn, "compare": compare, "breakdown": breakdown}[args.what]()


if __name__ == "__main__":
    main()
