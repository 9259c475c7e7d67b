"""Pin a chapter's registered verdicts: the stored result (what pages, quizzes and guides
print) has the kind and the numbers the prose was written for.

That the stored results are fresh (a run at seed base 0 gives them again, details
included) is checked once for every verdict by `make verdicts-check`
(``python -m snb.verdicts --check-stored``, a step of `make test` and CI), not again here."""

from __future__ import annotations

import pytest

from snb import verdicts


def check(id: str, kind: str, numbers: str | list[float] | None) -> None:
    """Stored verdict ``id`` is of kind ``kind``; ``numbers`` is its interval text (a
    comparison or an exact value) or, for a sweep, the swept values where it holds."""
    stored = verdicts.stored(id)
    assert stored.kind == kind, f"{id}: the pages read it as {kind!r}, it is {stored.kind!r}"
    if isinstance(numbers, str):
        assert stored.interval_text() == numbers, f"{id}: {stored.interval_text()}"
    elif numbers is not None:
        held = [p["x"] for p in stored.details["points"] if p["holds"]]
        assert held == pytest.approx(numbers), f"{id}: holds at {held}"


def registered(chapter: str) -> set[str]:
    """The ids registered for ``chapter``."""
    return set(verdicts.registry([chapter]))
