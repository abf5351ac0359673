"""Actor mentions in one document and their resolution within it.

Finds who is named (people, parties, organisations, countries, groups such as "leaders of
the CPUSA" or "Vietnamese officials"), reads their roles from appositives and titles
("To Lam, General Secretary of the CPV and President of ..."; "CPUSA co-Chair Rossana
Cambron"), and links later short mentions ("Sims", "He", "the Vietnamese official") to the
actor introduced earlier.

The package: `mentions` (what a mention is), `entities` (the entity table as data),
`reading` (the state), `named`, `groups` and `roles` (finding mentions and who they are),
`floor` (who speaks to whom in a transcript), `anaphora` and `table` (linking mentions into
one entity per actor).
"""

from __future__ import annotations

from .mentions import Mention, not_actor_words, org_actor, person_id
from .named import Named
from .table import EntityTable


class DocActors(Named, EntityTable):
    """All actor mentions of a document, with the tokens consumed by appositives: found
    (`named`, `groups`, with `roles`), then linked into one entity per actor (`table`)."""

    def _read(self) -> None:
        """Find the document's mentions, then link them into entities."""
        self._find()
        self._resolve_people()
        self._short_mentions()
        if self.turns:
            self._read_floors()
        self._link_anaphors()

    def _label(self, m: Mention) -> bool:
        """A transcript's speaker label ("FOREIGN MINISTER X:") names who talks, not an actor."""
        return bool(self.turns) and self.turns.in_label(self.doc[m.start].idx)

    def _in_title(self, m: Mention) -> bool:
        """The last word of a title ("Secretary of State"), which the tagger may take for a body."""
        if m.start < 2 or self.doc[m.start - 1].lower_ != "of":
            return False
        phrase = f"{self.doc[m.start - 2].lower_} of {self.doc[m.start : m.end].text.lower()}"
        return phrase in self.kb.roles

    # finding ---------------------------------------------------------------
    def _find(self) -> None:
        mentions: list[Mention] = []
        for ent in self.ents:
            mention = self._from_entity(ent)
            if mention is not None:
                mentions.append(mention)
        mentions += self._groups(mentions)
        mentions += self._peoples(mentions)
        mentions += self._bare_names(mentions)
        mentions = [
            m
            for m in mentions
            if not self._abstract(m)
            and not self._reporter(m)
            and not self._label(m)
            and not self._in_title(m)
        ]
        # longest first; a listed owner's group ("U.S." in "U.S. and Russian negotiators") before its country
        for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.kind != "group")):
            self.table.claim(m)


__all__ = ["DocActors", "Mention", "not_actor_words", "org_actor", "person_id"]
