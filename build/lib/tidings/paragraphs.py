"""Paragraphs of an extracted text: lines re-joined into paragraphs, and repeated blocks.

An extractor's text has a paragraph a line, but not always: some pages print one word a line,
some are hard-wrapped. `line_groups` re-joins those lines into paragraphs, `paragraph_spans`
gives their character spans, and `duplicate_blocks` finds paragraphs a page prints twice
(an image's text and caption, a teaser cut short). Used by `tidings.extract` and `tidings.page`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .credits import DASH_CREDIT
from .furniture import BULLET, rules

FUNCTION_END = re.compile(r"\b(?:the|a|an|of|for|to|and|or|in|on|at|by|with|from|that|its|their)$", re.I)
FILE_MARK = re.compile(r"^(?:file|file photo)\s*[-–—:]\s*")


def line_groups(lines: Sequence[str]) -> list[list[int]]:
    """Group the indices of non-blank `lines` into paragraphs: a text printed one word per line
    and a hard-wrapped text are re-joined; otherwise every non-blank line is a paragraph."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    groups: list[list[int]] = []
    k = checked = 0  # one-word runs are looked for once: lines below `checked` are in no run
    while k < len(filled):
        if k >= checked:
            run, checked = _one_word_run(lines, filled, k)
            if run:
                groups += run
                k = checked
                continue
        block = [filled[k]]
        while k + len(block) < len(filled) and filled[k + len(block)] == block[-1] + 1:
            block.append(filled[k + len(block)])
        groups += _unwrap(lines, block)
        k += len(block)
    return groups


def _one_word_run(lines: Sequence[str], filled: list[int], k: int) -> tuple[list[list[int]], int]:
    """The paragraphs of the run of one-word lines from filled[k] when it reads as prose (not
    a menu of Title words), and where the run ends."""
    end = k
    while end < len(filled) and len(words := lines[filled[end]].split()) == 1 and len(words[0]) <= 30:
        end += 1
    run = filled[k:end]
    lower = sum(1 for i in run if lines[i].strip()[0].islower())
    if len(run) < 6 or lower < 0.3 * len(run):
        return [], max(end, k + 1)
    gaps = [b - a - 1 for a, b in pairwise(run)]
    word_gap = max(set(gaps), key=gaps.count)  # the usual gap separates words; a wider one, paragraphs
    groups, current = [], [run[0]]
    for gap, i in zip(gaps, run[1:], strict=False):
        if gap > word_gap:
            groups.append(current)
            current = []
        current.append(i)
    return groups + [current], end


def _unwrap(lines: Sequence[str], block: list[int]) -> list[list[int]]:
    """Split a block of adjacent lines into paragraphs. A block is hard-wrapped when most of
    its lines are nearly as long as the longest and stop mid-sentence; there a line is joined
    to the next when the next one's first word would not have fitted on it. In any block a
    line ending in a comma or a function word ("... for the") goes on."""
    text = [lines[i].strip() for i in block]
    width = max(len(t) for t in text)
    full = sum(1 for t in text[:-1] if len(t) >= 0.75 * width)
    open_ended = sum(1 for t in text[:-1] if not t.endswith((".", "!", "?", ":", '"', "”")))
    wrapped = len(block) >= 3 and 40 <= width <= 110 and min(full, open_ended) >= 0.5 * (len(block) - 1)
    groups = [[block[0]]]
    for (prev, line), i in zip(pairwise(text), block[1:], strict=False):
        first = line.split()[0]
        fits = len(prev) + 1 + len(first) <= width
        if (wrapped and (not fits or line[0].islower())) or prev.endswith(",") or FUNCTION_END.search(prev):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of `text`, whitespace trimmed."""
    lines = text.split("\n")
    bounds, pos = [], 0
    for line in lines:
        bounds.append((pos, pos + len(line)))
        pos += len(line) + 1
    spans = []
    for group in line_groups(lines):
        s, e = bounds[group[0]][0], bounds[group[-1]][1]
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        spans.append((s, e))
    return spans


def _norm(para: str) -> str:
    return FILE_MARK.sub("", " ".join(para.casefold().split())).rstrip(" .…,;:")


def duplicate_blocks(paras: Sequence[str]) -> tuple[set[int], set[int]]:
    """Repeated blocks: later copies of a paragraph (or of a short one just above) and
    truncated copies ("...…") of a neighbour; and the paragraphs that have a copy."""
    copies: set[int] = set()
    twins: set[int] = set()
    seen: dict[str, int] = {}
    for i, para in enumerate(paras):
        key = _norm(para)
        first = seen.get(key)
        if first is not None and (len(key) >= 30 or first == i - 1):
            copies.add(i)
            twins.add(first)
            continue
        seen.setdefault(key, i)
        if para.endswith(("…", "...")) and len(key) >= 20:
            for j in (i - 1, i + 1):
                if 0 <= j < len(paras) and len(paras[j]) > len(key) and _norm(paras[j]).startswith(key):
                    copies.add(i)
                    twins.add(j)
                    break
    return copies, twins


NUMBERED = re.compile(r"\d{1,2}[.)]\s")
TOKEN = re.compile(r"\w+")
TITLE_SMALL = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "and",
        "or",
        "as",
        "vs",
        "via",
        "de",
    }
)
STOPWORDS = frozenset(
    {
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "has",
        "have",
        "had",
        "was",
        "were",
        "are",
        "its",
        "his",
        "her",
        "their",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "an",
        "as",
        "is",
        "be",
        "will",
        "said",
        "says",
        "after",
        "over",
        "new",
    }
)


# paragraph shapes ---------------------------------------------------------------------------
def shape(para: str, header: bool) -> str | None:
    """caption, credit or furniture by the paragraph's own shape; None for anything else."""
    if len(para) > 700:
        return None
    bare = BULLET.sub("", para)
    rule = rules()
    if rule.caption.matches(bare):
        return "caption"
    if rule.credit.matches(bare) or DASH_CREDIT.fullmatch(bare):
        return "credit"
    if rule.drop.matches(bare) or header and rule.header.matches(bare):
        return "furniture"
    return None


def ends_sentence(para: str) -> bool:
    return para.rstrip(")]\"'”’» ").endswith((".", "!", "?", "…"))


def lower_share(words: Sequence[str]) -> float:
    """The share of lower-case words among words other than "of", "the", "with"...: small in
    a Title Case heading, large in a sentence."""
    alpha = [w for w in words if w[0].isalpha() and w.lower() not in TITLE_SMALL]
    return sum(1 for w in alpha if w[0].islower()) / len(alpha) if alpha else 0.0


def title_like(para: str) -> bool:
    """A heading: no sentence end, few lower-case words ("Ministers Meet on Border Row")."""
    words = para.split()
    if not words or len(words) > 30 or ends_sentence(para) or para.endswith((",", ";")):
        return False
    if para.endswith(":"):
        return len(words) <= 4
    return len(words) <= 3 or lower_share(words) < 0.35


def heading(para: str) -> bool:
    """A headline in Title or sentence case: four to thirty words, no full stop or colon at the end."""
    return 4 <= len(para.split()) <= 30 and not para.rstrip(")]\"'”’» ").endswith((".", "…", ":", ",", ";"))


def is_prose(para: str, lead: bool = False) -> bool:
    """A paragraph of the story: sentences (or a long stretch of words on a page cut short),
    not a heading, a list item, an attribution line or a slogan. A lead has eight words or
    more and is not a teaser cut short ("..." / "…")."""
    words = para.split()
    if len(words) < (8 if lead else 6) or NUMBERED.match(para) or lower_share(words) < 0.1:
        return False
    if para.endswith(":") and len(words) < 15:
        return False  # "The following was released by the press office:"
    if len(words) < 12 and para.rstrip().endswith("!") or lead and para.endswith(("…", "...")):
        return False
    return ends_sentence(para) or para.endswith(":") or len(words) >= 40


def content_words(para: str) -> set[str]:
    return {w for w in TOKEN.findall(para.casefold()) if len(w) > 2 and w not in STOPWORDS}


def similar(para: str, title: frozenset[str]) -> bool:
    """The paragraph says the title (maybe without the outlet's name or a kicker)."""
    if len(para) > 300:
        return False
    words = set(TOKEN.findall(para.casefold()))
    common = len(words & title)
    return bool(words) and common >= 0.8 * len(words) and common >= 0.6 * len(title)
