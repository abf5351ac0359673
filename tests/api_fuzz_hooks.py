"""Schemathesis hooks of the API fuzz run (tests/test_api_fuzz.py, tests/schemathesis.toml)."""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.hook("filter_query").apply_to(path="/api/events")
def dates_in_order(context: Any, query: dict[str, Any] | None) -> bool:  # noqa: ARG001
    """No reversed date range. OpenAPI cannot say that `since` comes before `until`; the API
    answers `since` after `until` with a documented 422 (tests/test_api.py), which schemathesis
    would otherwise count as a valid request rejected."""
    since, until = (query or {}).get("since"), (query or {}).get("until")
    return not (isinstance(since, str) and isinstance(until, str) and since > until)
