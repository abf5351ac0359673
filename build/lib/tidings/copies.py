"""Wire copies: one text republished by several outlets, found by MinHash over word shingles.

A document's word 5-shingles are summarised by a 64-value MinHash (datasketch) cut into 32
bands of 2 values; documents that share a band are candidates, and a candidate is a copy
when the shorter text's shingles are mostly (``CONTAINMENT``) inside the longer one: a wire
story that an outlet republishes with a paragraph of its own is still a copy. Copies share a
root document and count as one independent source.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Set
from dataclasses import dataclass
from functools import cache, lru_cache

from datasketch import MinHash

SHINGLE = 5
NUM_PERM = 64
ROWS = 2  # values per band: 32 bands, candidates from a Jaccard of about 0.18
CONTAINMENT = 0.7
MIN_SHINGLES = 8  # shorter texts are too short to call copies
MIN_BANDS = 2  # candidates share at least this many bands (a containment of 0.7 shares about 4)


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


@lru_cache(maxsize=256)
def shingles_of(text: str) -> frozenset[str]:
    """The shingles of a text, kept for the texts of the last batches: a text is shingled for
    its bands, for its own copy search and as a candidate of later texts, and read once."""
    return frozenset(shingles(text))


def bands(grams: Set[str]) -> list[str]:
    """The band keys of a shingle set (empty when the text is too short to compare)."""
    if len(grams) < MIN_SHINGLES:
        return []
    template = _template()
    m = MinHash(num_perm=NUM_PERM, permutations=template.permutations, scheme=template.scheme)
    m.update_batch([g.encode("utf-8") for g in grams])
    values = m.hashvalues
    out = []
    for b in range(0, NUM_PERM, ROWS):
        digest = hashlib.blake2b(values[b : b + ROWS].tobytes(), digest_size=8).hexdigest()
        out.append(f"{b // ROWS}:{digest}")
    return out


@cache
def _template() -> MinHash:
    """Permutations are drawn once (datasketch draws them again for every MinHash)."""
    return MinHash(num_perm=NUM_PERM, seed=7)


def containment(a: Set[str], b: Set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class CopyMatch:
    doc_id: str  # the document this one copies (or is copied by)
    root: str  # the first document of the copy group
    containment: float


def best_copy(text: str, candidates: list[tuple[str, str | None, str]]) -> CopyMatch | None:
    """The candidate `(doc_id, copy_of, text)` this text copies, if any."""
    grams = shingles_of(text)
    best: CopyMatch | None = None
    for doc_id, copy_of, other in candidates:
        share = containment(grams, shingles_of(other))
        if share >= CONTAINMENT and (best is None or share > best.containment):
            best = CopyMatch(doc_id, copy_of or doc_id, share)
    return best


__all__ = ["CONTAINMENT", "CopyMatch", "bands", "best_copy", "containment", "shingles", "shingles_of"]
