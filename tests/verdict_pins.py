"""Pin a chapter's registered verdicts: a fresh run at seed base 0 must equal the stored
result (what pages, quizzes and guides print), with the kind and the numbers the prose
was written for."""

from __future__ import annotations

import math

import pytest

from snb import verdicts


def _close(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) or (math.isnan(a) and math.isnan(b))
    return a == b


def check(id: str, kind: str, numbers: str | list[float] | None) -> None:
    """Verdict ``id`` recomputed at base 0 equals the stored one; its kind is ``kind``;
    ``numbers`` is its interval text (a comparison or an exact value) or, for a sweep, the
    swept values where it holds."""
    stored = verdicts.stored(id)
    fresh = verdicts.run(id, 0)
    assert _close(fresh.to_json(), stored.to_json()), f"{id}: stored result is stale; run --store"
    assert stored.kind == kind, f"{id}: the pages read it as {kind!r}, it is {stored.kind!r}"
    if isinstance(numbers, str):
        assert stored.interval_text() == numbers, f"{id}: {stored.interval_text()}"
    elif numbers is not None:
        held = [p["x"] for p in stored.details["points"] if p["holds"]]
        assert held == pytest.approx(numbers), f"{id}: holds at {held}"


def registered(chapter: str) -> set[str]:
    """The ids registered for ``chapter``."""
    return set(verdicts.registry([chapter]))
