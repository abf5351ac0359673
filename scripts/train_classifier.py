"""Train the event-type classifier (tidings.classify) on the project's own example sentences.

    .venv/bin/pip install -e ".[train]"   # scikit-learn, for training only
    .venv/bin/python scripts/train_classifier.py [--c 4.0] [--folds 5]

Reads src/tidings/data/training/*.jsonl ({text, event}) and the trigger lexicon, prints the
cross-validated accuracy on those sentences, and writes src/tidings/data/classifier.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

from tidings.classify import NONE, features, main_predicate
from tidings.config import resolve_options
from tidings.pipeline import Pipeline

DATA = Path(__file__).resolve().parent.parent / "src" / "tidings" / "data"


def examples(pipe: Pipeline) -> tuple[list[dict[str, float]], list[str]]:
    rows = [
        json.loads(line)
        for f in sorted((DATA / "training").glob("*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
    ]
    X, y = [], []
    for row, doc in zip(rows, pipe.nlp.pipe([r["text"] for r in rows], batch_size=64), strict=True):
        sent = next(doc.sents)
        X.append(dict.fromkeys(features(main_predicate(sent)), 1.0))
        y.append(row["event"] or NONE)
    # The lexicon as a prior: each trigger word alone votes for its type.
    for phrase, triggers in {**pipe.lexicon.verbs, **pipe.lexicon.nouns}.items():
        words = phrase.split()
        key = (
            f"LP={words[0]}_{words[1]}" if len(words) == 2 and triggers[0].pos == "verb" else f"L={words[-1]}"
        )
        X.append({key: 1.0})
        y.append(triggers[0].event)
    return X, y


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    pipe = Pipeline(resolve_options())
    X, y = examples(pipe)
    vec = DictVectorizer()
    M = vec.fit_transform(X)
    model = LogisticRegression(C=args.c, max_iter=3000)
    if args.folds > 1:
        scores = cross_val_score(model, M, y, cv=StratifiedKFold(args.folds, shuffle=True, random_state=0))
        print(
            f"{len(y)} examples, {M.shape[1]} features; {args.folds}-fold accuracy "
            f"{scores.mean():.3f} (+/- {scores.std():.3f})"
        )
    model.fit(M, y)
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        col = [round(float(model.coef_[k, j]), 4) for k in range(len(model.classes_))]
        if max(abs(c) for c in col) >= 0.01:
            weights[str(name)] = col
    out = {
        "labels": [str(c) for c in model.classes_],
        "bias": [round(float(b), 4) for b in model.intercept_],
        "weights": weights,
        "trained_on": len(y),
        "c": args.c,
    }
    (DATA / "classifier.json").write_text(json.dumps(out, separators=(",", ":")), "utf-8")
    print(f"wrote {DATA / 'classifier.json'}: {len(weights)} features, {len(model.classes_)} labels")


if __name__ == "__main__":
    main()
