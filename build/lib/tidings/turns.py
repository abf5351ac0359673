"""A transcript's speaker turns.

Remarks, press availabilities and interviews are printed as turns: a label at the start of a
paragraph ("SECRETARY KERRY:", "FOREIGN MINISTER LAVROV:", "President of Russia Vladimir
Putin:", a bare ":" where the page dropped the name) says who has the floor until the next
label. Within a turn "I", "me" and "we" are the speaker; in an exchange between two speakers
"you" is the other one (or the person a vocative opening names: "Mr Secretary, ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

# A label: capitals ("SECRETARY KERRY"), or a title-case name with its title, "of" and "the"
# allowed ("President of Russia Vladimir Putin"), or nothing, then a colon and the words.
LABEL = re.compile(
    r"^(?P<label>[A-Z][A-Z.'\- ]{2,}|[A-Z][a-z]+\.?(?: (?:of|the|[A-Z][A-Za-z.'\-]+)){1,7}|)"
    r"[ \t]*:[ \t]+(?=\S)",
    re.M,
)

# Labels of turns that are nobody in particular: "QUESTION:", "MODERATOR:", "Q:"
NOBODY = {
    "question",
    "moderator",
    "participant",
    "audience",
    "interpreter",
    "q",
    "staff",
    "voice",
    "reporter",
}

# Words that open a vocative: "Mr Secretary, ...", "Dear Secretary of State, ..."
VOCATIVE_OPENERS = {"mr", "madam", "madame", "mrs", "ms", "dear", "distinguished", "excellency"}


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label (may be empty), where the words start and end."""

    label: str
    opens: int  # the first character of the label
    start: int  # the first character of the spoken words
    end: int

    @property
    def words(self) -> list[str]:
        """The label's words in lower case ("secretary", "kerry")."""
        return [w.strip(".").lower() for w in self.label.split() if w.strip(".")]

    @property
    def anonymous(self) -> bool:
        """An empty label, or one naming a role in the room rather than a person."""
        return not self.words or any(w in NOBODY for w in self.words)


@dataclass(frozen=True)
class Turns:
    """The turns of a text in order (empty when it is not a transcript)."""

    turns: tuple[Turn, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.turns)

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.turns]

    def at(self, offset: int) -> int | None:
        """The index of the turn holding a character offset, if any."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.turns[i].end else None

    def in_label(self, offset: int) -> bool:
        """Whether a character offset lies in a label ("SECRETARY KERRY:"), which is no part
        of what is said."""
        return any(t.opens <= offset < t.start for t in self.turns)


def read_turns(text: str) -> Turns:
    """The speaker turns of a text: at least two labels, at least one of which names someone;
    otherwise no turns (a "Note:" or "Related:" line does not make a transcript)."""
    found = [m for m in LABEL.finditer(text) if _spoken(text, m.end())]
    turns = tuple(
        Turn(
            m["label"].strip(), m.start(), m.end(), found[k + 1].start() if k + 1 < len(found) else len(text)
        )
        for k, m in enumerate(found)
    )
    if len(turns) < 2 or all(t.anonymous for t in turns):
        return Turns()
    return Turns(turns)


def _spoken(text: str, start: int) -> bool:
    """Whether what follows a label is said, not a heading's title ("Press Releases: Statement
    to X"): a said line ends a sentence or runs on."""
    end = text.find("\n", start)
    line = text[start : len(text) if end == -1 else end].rstrip()
    return len(line) > 160 or line.endswith(
        (".", ",", "?", "!", '"', "\u201d", "\u2019", "'", ")", "\u2026", ":")
    )


def vocative(text: str) -> list[str]:
    """The words of the phrase a turn opens with, when it may address someone ("Mr
    Secretary, colleagues, ..." gives ["mr", "secretary"]; "Well, Sergey, thank you" gives
    ["sergey"]), after an interpreter's note; [] when the opening is not a name or title.
    "Ladies and gentlemen" addresses the room: only "and" may be lower case besides "of"
    and "the", so its lower-case words leave it out."""
    text = re.sub(r"^\s*(?:\([^)]*\)\s*)*", "", text)
    text = re.sub(r"^(?:well|so|and|now)\s*,\s*", "", text, flags=re.I)
    text = re.sub(r"\b(Mr|Mrs|Ms|Dr)\.", r"\1", text)
    opening = re.split(r"[,!;:]|\.(?:\s|$)", text, maxsplit=1)[0].split()
    if not 0 < len(opening) <= 6 or any(w[0].islower() and w not in ("of", "the", "and") for w in opening):
        return []  # a vocative is a name or a title: "Mr Secretary", "Dear Secretary of State"
    return [w.lower() for w in opening]


__all__ = ["LABEL", "VOCATIVE_OPENERS", "Turn", "Turns", "read_turns", "vocative"]
