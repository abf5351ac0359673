"""Counts of what an analyst must never see in a record of an article, reported by
``tidings eval FOLDER`` beside the figures:

* ``furniture_events``: events whose evidence lies in a caption, credit, byline, dateline or
  the site's furniture (the page as :mod:`tidings.page` reads it);
* ``bad_actors``: actors that are no actor: a name that is a document, an event, a title or
  a common noun on its own, a name cut short ("Government of the"), or an actor with no
  country, no known organisation, no person's name and no sector.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .actors import not_actor_words
from .extract import extract
from .page import read_page
from .records import RawDocument

TITLES_ALONE = {
    "secretary",
    "office",
    "president",
    "minister",
    "ambassador",
    "spokesperson",
    "spokesman",
    "government",
    "initiative",
}
CUT_SHORT = re.compile(r"\b(of|the|and|for|to|'s)$|^(of|the|and)\b", re.I)
Records = Mapping[str, list[dict[str, Any]]]


def furniture_events(articles: Sequence[Any], predicted: Records) -> dict[str, Any]:
    """Reports whose evidence is not in the article's own text."""
    found, total = [], 0
    for a in articles:
        raw = RawDocument(
            origin=a.id,
            fmt="text",
            body=a.text,
            source_id=a.id,
            title=a.meta.get("title"),
            published=a.meta.get("published"),
        )
        try:
            article = extract(raw)
        except Exception:  # an article the pipeline could not read has no events to check
            continue
        page = read_page(article.text, article.title, article.published)
        for r in predicted.get(a.id, ()):
            for rep in r.get("reports") or ():
                if str(rep.get("source_id")) != a.id:
                    continue
                for m in rep.get("mentions") or [rep]:
                    total += 1
                    if not page.codable(m["start"], m["end"]):
                        found.append(f"{a.id}: {m['evidence'][:60]}")
    return {"count": len(found), "of": total, "examples": found[:10]}


def bad_actor(actor: dict[str, Any]) -> bool:
    name = (actor.get("name") or "").strip()
    words = name.lower().replace("'s", "").split()
    if not words or CUT_SHORT.search(name):
        return True
    if words[-1] in not_actor_words() or len(words) == 1 and words[0] in TITLES_ALONE:
        return True
    kind = actor.get("id", "").split(":", 1)[0]
    return (
        kind not in ("person",)
        and not actor.get("country")
        and not actor.get("org")
        and not actor.get("sector")
    )


def bad_actors(articles: Sequence[Any], predicted: Records) -> dict[str, Any]:
    """Actors of the predicted events that no analyst would record as actors."""
    seen: dict[tuple[str, str], bool] = {}
    names: dict[tuple[str, str], str] = {}
    for a in articles:
        for r in predicted.get(a.id, ()):
            for actor in (*r.get("sources", ()), *r.get("targets", ())):
                key = (a.id, actor.get("id") or actor.get("name") or "")
                seen[key], names[key] = bad_actor(actor), actor.get("name") or "(no name)"
    bad = sorted({names[k] for k, v in seen.items() if v})
    return {"count": sum(seen.values()), "of": len(seen), "examples": bad[:10]}


CHECKS: dict[str, Callable[[Sequence[Any], Records], Any]] = {
    "furniture_events": furniture_events,
    "bad_actors": bad_actors,
}
