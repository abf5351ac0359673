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
    for gap, i in zip(gaps, run[1:]):
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
    for (prev, line), i in zip(pairwise(text), block[1:]):
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
