"""Counts of what an analyst must never see in a record of an article, reported by
``tidings eval FOLDER`` beside the figures: events coded from a page's furniture, and
actors that are no actor (a common noun, a document, an event name)."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

CHECKS: dict[str, Callable[[Sequence[Any], Mapping[str, list[dict[str, Any]]]], Any]] = {}
