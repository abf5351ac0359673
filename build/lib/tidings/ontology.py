"""The PLOVER ontology: the 16 event types, their modes, quad class and CAMEO root."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    cameo: str
    recipient_required: bool
    modes: tuple[str, ...]

    @property
    def cooperative(self) -> bool:
        return self.quad.endswith("cooperation")


@cache
def event_types() -> dict[str, EventType]:
    """All 16 PLOVER types, keyed by name, loaded from ``data/plover.json``."""
    raw = json.loads(resources.files("tidings").joinpath("data/plover.json").read_text("utf-8"))
    return {
        name: EventType(
            name=name,
            quad=v["quad"],
            cameo=v["cameo"],
            recipient_required=v["recipient_required"],
            modes=tuple(v["modes"]),
        )
        for name, v in raw.items()
    }


EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def cameo_code(event_type: str) -> str | None:
    """CAMEO root code of a PLOVER type (the first of several where PLOVER merged roots)."""
    et = event_types().get(event_type)
    return et.cameo if et else None


def is_valid(event_type: str, mode: str | None = None) -> bool:
    et = event_types().get(event_type)
    return et is not None and (mode is None or mode in et.modes)
