"""The actor knowledge base: countries, organisations and role words, loaded from data files.

Countries come from pycountry (ISO 3166) plus ``data/countries.tsv`` (the short names,
demonyms and capitals news uses); organisations from ``data/organizations.tsv``; role
words and their PLOVER sectors from ``data/roles.tsv``; leaders whose country reports rarely
repeat from ``data/leaders.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry
from anyascii import anyascii


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Fold a name for matching: no diacritics, lowercase, no leading article or possessive."""
    text = anyascii(text).lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9&'\-. ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    code: str  # ISO3, IGO, NGO, IMG
    sector: str | None
    kind: str


@dataclass(frozen=True)
class Leader:
    name: str
    country: str  # ISO3 or IGO
    sector: str
    role: str


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str
    kind: str  # person, group, body


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("tidings").joinpath(f"data/{name}").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


class KnowledgeBase:
    """Name lookups for actors. Build once with :func:`load_kb`; read-only afterwards."""

    def __init__(self) -> None:
        self.country_names: dict[str, str] = {}  # normalized name -> ISO3
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.display_names: dict[str, str] = {}  # ISO3 -> the name news uses
        self.orgs: dict[str, Organization] = {}  # normalized alias -> org
        self.org_by_id: dict[str, Organization] = {}
        self.roles: dict[str, Role] = {}
        self.person_roles: frozenset[str] = frozenset()  # titles a person holds ("president")
        self.leaders: dict[str, Leader] = {}  # normalized full name or listed short form -> leader
        self.titled_leaders: dict[tuple[str, str], Leader | None] = {}  # (title, surname) -> the one leader
        self.surface: dict[str, set[str]] = {"GPE": set(), "NORP": set(), "ORG": set()}
        text = resources.files("tidings").joinpath("data/abstract_actors.txt").read_text("utf-8")
        self.abstract = frozenset(
            line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
        )
        self._load_countries()
        self._load_orgs()
        self._load_roles()
        self._load_leaders()

    def _load_countries(self) -> None:
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    self.country_names[norm(value)] = c.alpha_3
        for row in _rows("countries.tsv"):
            iso3, names, demonyms, capitals = (row + ["", "", ""])[:4]
            self.display_names[iso3] = names.split("|")[0]
            for name in filter(None, names.split("|")):
                self.country_names[norm(name)] = iso3
                self.surface["GPE"].add(name)
            for dem in filter(None, demonyms.split("|")):
                self.demonyms[norm(dem)] = iso3
                self.surface["NORP"].add(dem)
            for cap in filter(None, capitals.split("|")):
                self.capitals[norm(cap)] = iso3
                self.surface["GPE"].add(cap)

    def _load_orgs(self) -> None:
        for row in _rows("organizations.tsv"):
            oid, name, aliases, code, sector, kind = (row + [""] * 6)[:6]
            alias_list = tuple(a for a in aliases.split("|") if a)
            org = Organization(oid, name, alias_list, code, sector or None, kind)
            self.org_by_id[oid] = org
            for alias in (name, *alias_list):
                self.orgs[norm(alias)] = org
                self.surface["ORG"].add(alias)

    def _load_roles(self) -> None:
        for phrase, sector, kind in _rows("roles.tsv"):
            self.roles[phrase] = Role(phrase, sector, kind)
        self.person_roles = frozenset(p for p, r in self.roles.items() if r.kind == "person")

    def _load_leaders(self) -> None:
        for row in _rows("leaders.tsv"):
            name, country, sector, role, short = (row + [""] * 5)[:5]
            leader = Leader(name, country, sector, role)
            for form in (name, *filter(None, short.split("|"))):
                self.leaders[norm(form)] = leader
            surname = norm(name).split()[-1] if norm(name) else ""
            titled = (norm(role), surname)
            self.titled_leaders[titled] = None if titled in self.titled_leaders else leader  # unique only

    # lookups ---------------------------------------------------------------
    def leader(self, name: str) -> Leader | None:
        """A head of state or government, or of an international body, by whole name or
        listed short form ("Vladimir Putin", "Putin")."""
        return self.leaders.get(norm(name))

    def titled_leader(self, title: str, name: str) -> Leader | None:
        """The one known leader with this title and surname ("President Ortega")."""
        words = norm(name).split()
        return self.titled_leaders.get((norm(title), words[-1])) if words else None

    def is_abstract(self, text: str) -> bool:
        """ "the West", "the international community": no actor code (PLOVER rule 9)."""
        return norm(text) in self.abstract

    def country(self, text: str) -> str | None:
        """ISO3 of a country name, demonym or capital (``"Tokyo"`` -> ``"JPN"``)."""
        key = norm(text)
        return self.country_names.get(key) or self.demonyms.get(key) or self.capitals.get(key)

    def org(self, text: str) -> Organization | None:
        key = norm(text)
        org = self.orgs.get(key)
        if org is None and key.endswith(" party"):
            return None
        return org

    def role(self, text: str) -> Role | None:
        """The longest role phrase that ends ``text`` ("deputy foreign minister" -> minister)."""
        words = norm(text).split()
        for i in range(len(words)):
            found = self.roles.get(" ".join(words[i:]))
            if found:
                return found
        return None


@cache
def load_kb() -> KnowledgeBase:
    return KnowledgeBase()
