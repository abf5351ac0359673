"""A linear event-type classifier over the parse of a predicate: the second opinion of the coder.

The trigger lexicon says which words report which event; this model reads how they are said
("must hand over" asks, "is ready to send troops" promises, "opened an investigation"
accuses) and catches events whose verb the lexicon lacks. It is a multinomial logistic
regression over sparse features of the predicate and its sentence, trained by
``scripts/train_classifier.py`` on the example sentences written for this project
(``data/training/*.jsonl``) and shipped as ``data/classifier.json``. Scoring is a sum of
weights per feature: no extra model, no numpy, microseconds per predicate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from .nlp import sent_of

NONE = "NONE"
REPORTING = {
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "add",
    "claim",
    "declare",
    "note",
    "quote",
    "confirm",
    "write",
    "insist",
    "assert",
    "disclose",
    "reveal",
}
MODALS = {"will", "would", "shall", "must", "could", "might", "may", "should", "can", "'ll", "wo"}
STANCE_ADJ = {"ready", "willing", "prepared", "able", "determined", "eager", "keen", "set", "likely"}
CONTENT = {"NOUN", "VERB", "ADJ", "PROPN"}


def main_predicate(sent: Span) -> Token:
    """The predicate a sentence reports: its root, or what a reporting verb introduces
    ("X said Y attacked Z" -> attacked)."""
    root = sent.root
    for _ in range(2):
        if root.lemma_.lower() not in REPORTING:
            break
        inner = [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if not inner:
            break
        root = inner[0]
    return root


def features(anchor: Token) -> list[str]:
    """Sparse features of a predicate (a verb, or an event noun) and its sentence."""
    lemma = anchor.lemma_.lower()
    feats = [f"L={lemma}", f"POS={anchor.pos_}"]
    for child in anchor.children:
        dep, low = child.dep_, child.lemma_.lower()
        if dep in ("prt",):
            feats.append(f"LP={lemma}_{low}")
        elif dep in ("dobj", "attr", "oprd"):
            feats += [f"O={low}", f"LO={lemma}_{low}"]
        elif dep == "prep":
            feats.append(f"LPR={lemma}_{low}")
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    feats.append(f"PO={low}_{pobj.lemma_.lower()}")
        elif dep in ("xcomp", "ccomp"):
            feats += [f"X={child.lemma_.lower()}", f"LX={lemma}_{child.lemma_.lower()}"]
            feats += [
                f"XO={child.lemma_.lower()}_{g.lemma_.lower()}" for g in child.children if g.dep_ == "dobj"
            ]
        elif dep in ("aux", "auxpass") and child.lower_ in MODALS:
            feats.append(f"M={child.lower_}")
        elif dep == "neg":
            feats.append("NEG")
        elif dep == "acomp" and low in STANCE_ADJ:
            feats.append(f"ADJ={low}")
        elif dep == "nsubjpass":
            feats.append("PASS")
    head = anchor.head
    if anchor.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "advcl", "conj") and head.i != anchor.i:
        feats += [f"G={head.lemma_.lower()}", f"GL={head.lemma_.lower()}_{lemma}"]
        feats += [f"M={c.lower_}" for c in head.children if c.dep_ == "aux" and c.lower_ in MODALS]
        if head.dep_ == "acomp" or head.lemma_.lower() in STANCE_ADJ:
            feats.append(f"ADJ={head.lemma_.lower()}")
        if head.head.i != head.i and head.lemma_.lower() in STANCE_ADJ | {"be"}:
            feats += [f"M={c.lower_}" for c in head.head.children if c.dep_ == "aux" and c.lower_ in MODALS]
    return feats + _sentence_words(anchor)


def _sentence_words(anchor: Token) -> list[str]:
    """The content words of the anchor's sentence as features, read once per sentence (a
    sentence has several triggers): kept in the document's ``user_data``."""
    sent = sent_of(anchor)
    cache = anchor.doc.user_data.setdefault("tidings_sentence_words", {})
    words = cache.get(sent.start)
    if words is None:
        words = cache[sent.start] = [
            f"W={t.lemma_.lower()}" for t in sent if t.pos_ in CONTENT and not t.ent_type_
        ]
    return words


@dataclass(frozen=True)
class TypeClassifier:
    labels: tuple[str, ...]
    weights: dict[str, list[float]]
    bias: list[float]

    @cached_property
    def _matrix(self) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
        """The weights as one matrix (a row per feature), for one sum per prediction."""
        rows = {f: i for i, f in enumerate(self.weights)}
        matrix = np.array(list(self.weights.values()), dtype=np.float64).reshape(len(rows), len(self.labels))
        return rows, matrix, np.array(self.bias, dtype=np.float64)

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        rows, matrix, bias = self._matrix
        found = sorted({rows[f] for f in feats if f in rows})
        scores = bias + matrix[found].sum(axis=0) if found else bias
        exps = np.exp(scores - scores.max())
        return dict(zip(self.labels, (exps / exps.sum()).tolist(), strict=True))

    def predict(self, anchor: Token) -> dict[str, float]:
        return self.probabilities(features(anchor))


@cache
def load_classifier() -> TypeClassifier | None:
    """The shipped model, or None when it has not been trained (the lexicon alone codes)."""
    path = resources.files("tidings").joinpath("data/classifier.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text("utf-8"))
    return TypeClassifier(tuple(raw["labels"]), raw["weights"], raw["bias"])
