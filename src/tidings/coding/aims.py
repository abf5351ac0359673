"""Whom an act is aimed at when its clause does not say it plainly: the doer of the act an
accusation is about, the holders of captives whose release is demanded, the object of a
verb the act is the means of, and whom an act's purpose is for.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention
from ..records import Actor
from .arguments import demonym_mentions, mentions_in, subject_mentions, unique
from .context import Context
from .lookup import triggers_of
from .words import HOLDING, STATE_ACTS


def holders(ctx: Context, verb: Token) -> list[Mention]:
    """Who is asked when a release is demanded: who holds the captives ("the release of
    prisoners held by X", "... being held in X"), not the captives."""
    releases = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and any(t.event == "RETREAT" for t in triggers_of(ctx, c))
    ]
    for release in releases:
        for held in release.subtree:
            if held.lemma_.lower() not in HOLDING or held.dep_ not in ("acl", "relcl"):
                continue
            by = [m for c in held.children if c.dep_ == "agent" for m in mentions_in(ctx, c)]
            places = [
                m
                for p in held.children
                if p.dep_ == "prep" and p.lower_ == "in"
                for m in mentions_in(ctx, p)
                if m.kind == "country"
            ]
            if by or places:
                return by or places
    return []


def acted_on_by_means(ctx: Context, noun: Token, sources: list[Mention]) -> list[Mention]:
    """Whom an act told as the means of another verb is aimed at: that verb's object
    ("prepared to counter the Chilean forces with a strike", "hit the town with rockets")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "with" or head.head.pos_ != "VERB":
        return []
    taken = frozenset(m.actor.id for m in sources)
    objects = [c for c in head.head.children if c.dep_ == "dobj"]
    found = [m for o in objects for m in mentions_in(ctx, o) or demonym_mentions(ctx, o, taken)]
    return [m for m in found if m.actor.id not in taken]


def doer_of_object(ctx: Context, verb: Token) -> list[Mention]:
    """Who did the act an accusation is about: the agent ("by Y") or owner ("Y's") of an event
    noun the verb takes as object ("condemned the shelling of X by Y", "Y's arrest of X")."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or not (
            ctx.lexicon.nouns.get(obj.lower_) or ctx.lexicon.nouns.get(obj.lemma_.lower())
        ):
            continue
        for c in doer_phrases(obj):
            found = mentions_in(ctx, c)
            if found:
                return found
    return []


def purpose_targets(ctx: Context, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Actors the purpose of an act names: "to demand the resignation of X", "in protest
    against X", "calling for X to ..."."""
    taken = {m.actor.id for m in sources}
    for child in verb.children:
        purpose = child.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        )
        purpose = (
            purpose
            or child.dep_ == "prep"
            and child.lower_ in ("in", "against")
            and any(g.lower_ == "protest" for g in child.subtree)
        )
        purpose = purpose or child.dep_ == "advcl" and child.tag_ == "VBG"  # "..., demanding X"
        if purpose:
            found = [
                ctx.actors.by_token[t.i]
                for t in child.subtree
                if t.i in ctx.actors.by_token and t.i not in ctx.actors.consumed
            ]
            found = unique([m for m in found if m.actor.id not in taken])
            if found:
                return found[:1]
    return []


def doer_phrases(act: Token) -> list[Token]:
    """Where a noun of an act names who did it: its owner ("Y's arrest of X") and an agent
    phrase ("the shelling of X by Y"), however the parser attached the "by"."""
    owners = [c for c in act.children if c.dep_ == "poss" and not undergone_by_owner(act)]
    return owners + [t for t in act.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by"]


def undergone_by_owner(act: Token) -> bool:
    """ "Navalny's arrest", "her conviction": the owner of a state's act on a person is the one
    it was done to, unless an "of" phrase names that one ("the state's prosecution of X")."""
    return act.lemma_.lower() in STATE_ACTS and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in act.children
    )


def answered(
    ctx: Context, noun: Token, verb: Token, sources: list[Mention], targets: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """An owned act one answers ("rejected President X's calls for them to disarm", "accepted
    Y's invitation"): the owner made it, to whom it names or else to the one who answers."""
    owners = [m for c in noun.children if c.dep_ == "poss" for m in mentions_in(ctx, c)]
    answering = subject_mentions(ctx, verb)
    mine = {m.actor.id for m in owners}
    addressed = [m for m in targets if m.actor.id not in mine and m not in sources]
    return owners, addressed or [m for m in answering if m.actor.id not in mine]


def targeted(ctx: Context, verb: Token, sources: list[Mention]) -> list[Mention]:
    """Whom measures are aimed at when a participle says it ("sanctions targeting Belarusian
    exports", "tariffs aimed at Chinese steel"): the actors or the country its object names."""
    taken = frozenset(m.actor.id for m in sources)
    for t in verb.subtree:
        if t.dep_ != "acl" or t.lemma_.lower() not in ("target", "aim", "direct"):
            continue
        found = [m for o in _acted_on(t) for m in mentions_in(ctx, o) or demonym_mentions(ctx, o, taken)]
        found = [m for m in found if m.actor.id not in taken]
        if found:
            return found
    return []


AFFILIATED = {
    "associate",
    "associated",
    "link",
    "linked",
    "tie",
    "tied",
    "connect",
    "connected",
    "affiliate",
    "affiliated",
}


def affiliates_of(ctx: Context, tok: Token, verb: Token) -> list[Mention]:
    """Whom measures on unnamed people are aimed at: the body they are tied to ("sanctions on
    four entities and seven individuals associated with X", "companies linked to X")."""
    heads = [c for h in {tok, verb} for c in h.children if c.dep_ in ("dobj", "prep")]
    for t in (t for h in heads for t in h.subtree):
        if t.lemma_.lower() in AFFILIATED or t.lower_ in AFFILIATED:
            found = [
                m
                for p in t.children
                if p.dep_ == "prep" and p.lower_ in ("with", "to")
                for m in mentions_in(ctx, p)
            ]
            if found:
                return found
    return []


HOLDING_PLACES = {"held", "controlled", "occupied", "run", "dominated"}


def holders_of_place(ctx: Context, verb: Token) -> list[Mention]:
    """Whom an attack on a place is aimed at when the place is named by who holds it ("shelled
    the rebel-held town", "strikes on Taliban-controlled districts"): its holders."""
    for place in _acted_on(verb):
        for mod in (c for c in place.children if c.dep_ == "amod" and c.lower_ in HOLDING_PLACES):
            for who in (c for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")):
                if who.i in ctx.actors.by_token:
                    return [ctx.actors.by_token[who.i]]
                role = ctx.kb.roles.get(who.lower_ + "s") or ctx.kb.roles.get(who.lower_)
                if role is not None and role.kind == "group":
                    name = who.lower_ + "s"
                    actor = Actor(id=f"group:{name}", name=name, role=name, sector=role.sector)
                    return [Mention(who.i, who.i + 1, actor, "group", name)]
    return []


def _acted_on(verb: Token) -> list[Token]:
    """What a verb acts on: its object and the objects of its prepositions."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
