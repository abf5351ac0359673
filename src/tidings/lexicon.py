"""The trigger lexicon (``data/triggers.tsv``): which words report which PLOVER event, and
the object frames (``data/object_frames.tsv``) that change the event by what the verb acts on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources


@dataclass(frozen=True)
class Trigger:
    phrase: str  # lemma, with particle or object noun after it ("call for", "hold talks")
    pos: str  # verb or noun
    event: str
    mode: str | None
    cameo: str | None
    recipient: tuple[str, ...]  # "dobj" and/or prepositions introducing the recipient


@dataclass(frozen=True)
class Frame:
    """A verb that reports another event when its object or subject is of a kind."""

    triggers: frozenset[str]
    slot: str  # "dobj", "nsubj", "complement" (what a verb of judging calls its object) or "from"
    words: frozenset[str]
    event: str
    mode: str | None
    cameo: str | None
    recipient: tuple[str, ...] = ()  # when the frame makes a verb the lexicon lacks a trigger


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    frames: tuple[Frame, ...] = ()
    needs_partner: frozenset[str] = frozenset()  # triggers coded only with a recipient (7th column)

    @cached_property
    def heads(self) -> frozenset[str]:
        """Every word a trigger can be read at: the first word of a verb phrase (or a frame's
        verb), the last word of a noun phrase. A token whose word is not here is no trigger."""
        words = {p.split()[0] for p in self.verbs} | {p.split()[-1] for p in self.nouns}
        return frozenset(words | {t.split()[0] for f in self.frames for t in f.triggers})

    @cached_property
    def judging(self) -> frozenset[str]:
        """Verbs of judging: what they call their object ("an act of aggression") is a judgement."""
        return frozenset(t for f in self.frames if f.slot == "complement" for t in f.triggers)

    @cached_property
    def meeting_nouns(self) -> tuple[str, ...]:
        """Nouns that name a meeting ("talks", "working session"): "the talks" refers back."""
        return tuple(n for n, ts in self.nouns.items() if ts[0].event == "CONSULT")


@cache
def load_lexicon() -> Lexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    partnered: set[str] = set()
    text = resources.files("tidings").joinpath("data/triggers.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, pos, event, mode, cameo, recipient, needs = (line.split("\t") + [""] * 7)[:7]
        if needs.strip() == "partner":
            partnered.add(phrase)
        trig = Trigger(
            phrase, pos, event, mode or None, cameo or None, tuple(r for r in recipient.split("|") if r)
        )
        (verbs if pos == "verb" else nouns).setdefault(phrase, []).append(trig)
    frames = _frames()
    # a judgement about no one is no accusation: "described the situation as dangerous"
    partnered |= {t for f in frames if f.slot == "complement" for t in f.triggers}
    return Lexicon(
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        tuple(frames),
        frozenset(partnered),
    )


def _frames() -> list[Frame]:
    text = resources.files("tidings").joinpath("data/object_frames.tsv").read_text("utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 6 or cells[1] not in ("dobj", "nsubj", "complement", "from"):
            raise ValueError(
                f"data/object_frames.tsv:{n}: expected 6 tab-separated cells with slot dobj, nsubj, "
                "complement or from"
            )
        triggers, slot, words, event, mode, cameo, recipient = (cells + [""])[:7]
        out.append(
            Frame(
                frozenset(triggers.split("|")),
                slot,
                frozenset(words.split("|")),
                event,
                mode or None,
                cameo or None,
                tuple(r for r in recipient.split("|") if r),
            )
        )
    return out
