"""What an actor mention is (`Mention`), the words that shape the reading of one, and
the small helpers every part shares: an organisation's actor, a person's document id, the
words that are never actors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..kb import Organization, norm
from ..names import person_key
from ..records import Actor

PRONOUNS = {"he", "she", "him", "her"}


FIRST_PERSON = {"we", "our", "i", "my"}
SINGULAR_FIRST_PERSON = {"i", "my"}
# "Russian-backed separatists": the country backs the group that acts
BACKING = {"backed", "allied", "aligned", "sponsored", "supported", "funded", "armed", "trained"}


PAIR_NOUNS = {
    "leaders",
    "presidents",
    "ministers",
    "sides",
    "parties",
    "men",
    "women",
    "counterparts",
    "heads",
    "officials",
    "diplomats",
    "chancellors",
    "premiers",
    "secretaries",
}


STATE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}  # their bodies' names are descriptions


SEATED = {"base", "headquarter", "station"}  # "a newspaper based in Beirut" belongs there


UNOWNED_GROUPS = {
    "CVL",
    "LAB",
    "EDU",
    "AGR",
    "REF",
    "REB",
    "COP",
    "MIL",
    "UAF",
    "CRM",
    "OPP",
    "MED",
    "JRN",
    "REL",
}


GENERIC_ROLES = {
    "leader",
    "leaders",
    "official",
    "officials",
    "delegation",
    "member",
    "members",
    "representatives",
    "representative",
    "chief",
    "head",
}


@dataclass(frozen=True)
class Mention:
    """An actor named in the text: token span, character span and what is known of it."""

    start: int  # token offsets in the Doc
    end: int
    actor: Actor
    kind: str  # person, org, country, group
    key: str  # doc-level identity of a person ("sims" links to "joe sims")


def _lower_title_word(tok: Token, taken: int) -> bool:
    """A lower-case word of a title written before a name ("opposition leader", "foreign
    minister" in "Syrian foreign minister X"), at most four words back."""
    return taken < 4 and tok.is_lower and tok.is_alpha and tok.pos_ in ("NOUN", "ADJ", "PROPN")


def org_actor(org: Organization) -> Actor:
    """A known organisation as an actor; its code (a country, or IGO/NGO) is its country."""
    return Actor(id=org.id, name=org.name, org=org.id, country=org.code, sector=org.sector)


@cache
def not_actor_words() -> frozenset[str]:
    """Head words of documents and occasions (data/not_actors.txt): never an actor's name."""
    text = resources.files("tidings").joinpath("data/not_actors.txt").read_text("utf-8")
    return frozenset(
        w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


def _quoted(tok: Token) -> bool:
    """Whether a token stands inside quotation marks of its paragraph (an odd number open before it)."""
    text = tok.doc.text
    para = text.rfind("\n", 0, tok.idx) + 1
    before = text[para : tok.idx]
    return (before.count('"') % 2 == 1) or before.count("\u201c") > before.count("\u201d")


def _phrase_goes_on(doc: Doc, j: int) -> bool:
    """ "a long-time, close friend": a comma before a lowercase modifier does not end a phrase."""
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return nxt is not None and nxt.is_lower and nxt.pos_ in ("ADJ", "ADV", "NOUN", "NUM")


def _merge(a: Actor, b: Actor) -> Actor:
    longer = a if len(a.name) >= len(b.name) else b
    return Actor(
        id=longer.id,
        name=longer.name,
        org=a.org or b.org,
        role=a.role or b.role,
        country=a.country or b.country,
        sector=a.sector or b.sector,
    )


def person_id(name: str) -> str:
    """The document-level id of a person: "person:to-lam" for "General Secretary Tô Lâm"."""
    from ..kb import load_kb  # noqa: PLC0415

    return "person:" + (person_key(name, load_kb()) or norm(name)).replace(" ", "-")
