"""Repairs of the parse where the small English model is known to go wrong on news prose.

* **A named body the tagger missed** ("Holy Brigades, a previously unknown group, claims
  ..."): the appositive says what the name is.

* **A fronted time before the subject** ("On Friday Vladimir Putin spoke with ..."): after
  any earlier sentence the parser reads "Friday Vladimir Putin" as one noun phrase, the
  object of "On", and the verb is left without a subject. News leads open this way all the
  time. When a sentence opens with a preposition of time, a date, then a name, and its verb
  has no subject, the name is the subject and the date the preposition's object.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# what an appositive calls a body: "X, a previously unknown group, claimed ..."
BODY_NOUNS = {
    "group",
    "organization",
    "organisation",
    "movement",
    "militia",
    "faction",
    "network",
    "coalition",
    "party",
    "alliance",
    "front",
    "brigade",
}
TIME_PREPS = {
    "on",
    "in",
    "at",
    "during",
    "since",
    "after",
    "before",
    "by",
    "late",
    "early",
    "earlier",
    "later",
}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


@Language.component("tidings_named_bodies")
def named_bodies(doc: Doc) -> Doc:
    """A capitalised name the tagger left out that an appositive calls a body ("Holy Brigades
    of X, a previously unknown group, claimed ...") is an organisation."""
    found = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.lemma_.lower() not in BODY_NOUNS or tok.head.i > tok.i:
            continue
        head = tok.head
        if head.pos_ != "PROPN" or head.ent_type_:
            continue
        start = min(t.i for t in head.subtree if t.i <= head.i and (t.dep_ == "compound" or t.i == head.i))
        if all(t.is_title or t.is_upper for t in doc[start : head.i + 1]):
            found.append(Span(doc, start, head.i + 1, label="ORG"))
    if found:
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        new = [e for e in found if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = (*doc.ents, *new)
    return doc


@Language.component("tidings_fronted_time")
def fronted_time(doc: Doc) -> Doc:
    for sent in doc.sents:
        _repair(doc, sent)
    return doc


def _repair(doc: Doc, sent: Span) -> None:
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
    if first is None or first.lower_ not in TIME_PREPS or first.dep_ != "prep":
        return
    verb = first.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in verb.children):
        return
    name = _name_after_date(doc, first, sent.end)
    if name is None:
        return
    head = name.root
    if head.head.i != first.i or head.dep_ != "pobj":
        return
    date_tokens = doc[first.i + 1 : name.start]
    date_root = date_tokens[-1]
    for t in date_tokens[:-1]:
        if t.head.i >= name.start:
            t.head = date_root
    for t in name:
        if t.i != head.i and t.head.i < name.start:  # a title the date had taken
            t.head = head
    date_root.head, date_root.dep_ = first, "pobj"
    head.head, head.dep_ = verb, "nsubj"


def _name_after_date(doc: Doc, prep: Token, end: int) -> Span | None:
    """The name, with any title before it, that follows the preposition's date directly
    ("On Friday | Vladimir Putin", "On Monday | President Ana Soto of Peru"), or None."""
    i = prep.i + 1
    while i < end and doc[i].ent_type_ == "DATE":
        i += 1
    start = i
    while i < end and i - start < 4 and doc[i].is_title and doc[i].ent_type_ in ("", "NORP"):
        i += 1  # a title ("President", "Chilean Foreign Minister")
    if start == prep.i + 1 or i >= end or doc[i].ent_type_ not in ACTOR_LABELS or doc[i].ent_iob_ != "B":
        return None
    j = i + 1
    while j < end and doc[j].ent_iob_ == "I":
        j += 1
    return doc[start:j]
