"""Personal and organisation names: the keys they are matched by.

A person's key folds diacritics and case and drops the titles news puts before a name
("General Secretary Tô Lâm", "Comrade To Lam" -> "to lam"). The short form is the word a
person is called by alone, which depends on the naming tradition (``data/name_order.tsv``):
"Sims" for Joe Sims, "Lam" for To Lam (Vietnamese: the given name comes last), "Xi" for
Xi Jinping (Chinese: the family name comes first and is the one used).

An organisation's key is order-free and reads country names as their codes, so "Communist
Party USA", "Communist Party of the United States of America" and "the USA's Communist
Party" share one key.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from .kb import KnowledgeBase, norm
from .nlp import HONORIFICS

FAMILY_FIRST_BY_COUNTRY = {
    "VNM": "vi",
    "CHN": "zh",
    "TWN": "zh",
    "HKG": "zh",
    "MAC": "zh",
    "SGP": "zh",
    "KOR": "ko",
    "PRK": "ko",
}
PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "del",
    "della",
    "du",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "el",
    "abu",
    "ter",
    "ten",
    "dos",
    "das",
}
ORG_STOPWORDS = {"of", "the", "for", "and", "&", "in", "on", "a"}


@cache
def _traditions() -> dict[str, str]:
    text = resources.files("tidings").joinpath("data/name_order.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name.strip(): tradition.strip() for name, tradition in rows}


def strip_titles(name: str, kb: KnowledgeBase) -> str:
    """ "General Secretary To Lam" -> "To Lam"; "Comrade Tô Lâm" -> "Tô Lâm". A name that is
    only a title is returned unchanged."""
    words = name.split()
    i = 0
    while i < len(words) - 1:
        for n in (3, 2, 1):  # the longest title first ("Deputy Prime Minister")
            phrase = " ".join(words[i : i + n])
            if i + n < len(words) and (norm(phrase) in HONORIFICS or _is_person_title(phrase, kb)):
                i += n
                break
        else:
            break
    return " ".join(words[i:])


def _is_person_title(phrase: str, kb: KnowledgeBase) -> bool:
    role = kb.roles.get(norm(phrase))
    return role is not None and role.kind == "person"


@lru_cache(maxsize=200_000)
def person_key(name: str, kb: KnowledgeBase) -> str:
    """The match key of a personal name: no titles, diacritics, case or punctuation."""
    text = norm(strip_titles(name, kb))
    text = re.sub(r"[.'\u2019]", "", text)
    return re.sub(r"\s+", " ", text.replace("-", " - ")).replace(" - ", "-").strip()


def tradition(key: str, country: str | None) -> str:
    """ "vi", "zh", "ko" (family name first) or "western"."""
    if country in FAMILY_FIRST_BY_COUNTRY:
        return FAMILY_FIRST_BY_COUNTRY[country]
    words = key.split()
    if len(words) >= 2 and country is None:
        return _traditions().get(words[0], "western")
    return "western"


def short_form(key: str, country: str | None) -> str:
    """The word(s) a person is called by alone: "sims", "lam" (vi), "xi" (zh), "von der leyen"."""
    words = key.split()
    if len(words) < 2:
        return key
    found = tradition(key, country)
    if found in ("zh", "ko"):
        return words[0]
    if found == "vi":
        return words[-1]
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
    return " ".join(words[start:])


@lru_cache(maxsize=200_000)
def org_key(name: str, kb: KnowledgeBase) -> str:
    """An order-free key with countries as ISO3 codes: "communist party usa"."""
    words = norm(name).replace("-", " ").split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (5, 4, 3, 2, 1):  # the longest country name first ("united states of america")
            iso3 = kb.country(" ".join(words[i : i + n])) if i + n <= len(words) else None
            if iso3 is not None:
                out.append(iso3.lower())
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(sorted(w for w in out if w not in ORG_STOPWORDS))


__all__ = ["org_key", "person_key", "short_form", "strip_titles", "tradition"]


def two_offices(a: str | None, b: str | None) -> bool:
    """Two capacities that share no word ("President", "Commander of the Armed Forces"): the
    people of one text who hold them are two people, whatever their names."""
    return bool(a and b) and not set(norm(a or "").split()) & set(norm(b or "").split())
