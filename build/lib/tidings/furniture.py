"""The shapes of a page's furniture, captions and credits, read from ``data/furniture.txt``.

Each section of the file ([drop], [cut], [header], [caption], [credit], [not_place]) is
compiled once into one case-insensitive `Rule`; `tidings.extract` drops the [drop] lines and
`tidings.page` labels paragraphs with the rest. The loader of the package's data files lives
here too, shared with `tidings.credits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

SECTIONS = ("drop", "cut", "header", "caption", "credit", "not_place")
CONTAINS_MAX = 500  # a "~" rule of data/furniture.txt only marks paragraphs this short
BULLET = re.compile(r"^[•·▪◦*]\s*")


@dataclass(frozen=True)
class Rule:
    """One section of data/furniture.txt: lines matched against a whole paragraph, and lines
    marked "~" found anywhere in a paragraph of at most CONTAINS_MAX characters."""

    whole: re.Pattern[str] | None
    contains: re.Pattern[str] | None

    def matches(self, para: str) -> bool:
        if self.whole is not None and self.whole.fullmatch(para):
            return True
        return self.contains is not None and len(para) <= CONTAINS_MAX and bool(self.contains.search(para))


class Rules(NamedTuple):
    drop: Rule
    cut: Rule
    header: Rule
    caption: Rule
    credit: Rule
    not_place: Rule


@cache
def rules() -> Rules:
    """The sections of data/furniture.txt, each compiled into one case-insensitive Rule."""
    found: dict[str, tuple[list[str], list[str]]] = {name: ([], []) for name in SECTIONS}
    current = "drop"
    for line in data_text("furniture.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in found:
                raise ValueError(f"data/furniture.txt: unknown section [{current}]; known: {SECTIONS}")
            continue
        whole, contains = found[current]
        (contains if line.startswith("~") else whole).append(line.removeprefix("~"))
    return Rules(*(Rule(_alternation(found[name][0]), _alternation(found[name][1])) for name in SECTIONS))


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


def data_text(name: str) -> str:
    """The text of ``data/<name>`` shipped in the package."""
    return resources.files("tidings").joinpath(f"data/{name}").read_text("utf-8")
