"""Small helpers for tests that read coded event dicts."""

from __future__ import annotations


def only(events: list[dict], etype: str) -> dict:
    """The first event of a type; fails with what was coded instead."""
    found = [e for e in events if e["type"] == etype]
    assert found, f"no {etype} in {[(e['type'], e['trigger']) for e in events]}"
    return found[0]


def codes(actors: list[dict]) -> set:
    return {a["country"] for a in actors}


def names(actors: list[dict]) -> set:
    return {a["name"] for a in actors}
