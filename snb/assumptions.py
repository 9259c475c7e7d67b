"""Assumptions made visible: every simulation shows its parameters in one table.

Each model module lists its parameters as :class:`Parameter` rows: the value used, what
it means, and where it comes from, either a published study ("Goel, Watts and Goldstein
2012") or the word ``"assumption"``. :func:`table` shows them; a test checks that every
row names a source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable

from snb.tables import Table

__all__ = ["ASSUMPTION", "Parameter", "table", "with_values"]

#: The source of a value chosen by the course, not taken from a study.
ASSUMPTION = "assumption"


@dataclass(frozen=True)
class Parameter:
    """One parameter of a simulation: its value, meaning and source."""

    name: str
    value: Any
    meaning: str
    source: str = ASSUMPTION

    def __post_init__(self) -> None:
        if not self.name or not self.meaning or not self.source:
            raise ValueError("a parameter needs a name, a meaning and a source (or 'assumption')")


def with_values(params: Iterable[Parameter], **values: Any) -> list[Parameter]:
    """The same parameters with some values changed (by name), e.g. for a sweep."""
    params = list(params)
    known = {p.name for p in params}
    unknown = set(values) - known
    if unknown:
        raise KeyError(f"no parameter named {sorted(unknown)}; known: {sorted(known)}")
    return [replace(p, value=values[p.name]) if p.name in values else p for p in params]


def table(params: Iterable[Parameter], title: str = "Parameters and where they come from") -> Table:
    """The parameters as a table: value, meaning, source."""
    rows = {p.name: {"value": p.value if not isinstance(p.value, float) else f"{p.value:g}",
                     "meaning": p.meaning, "source": p.source} for p in params}
    return Table(rows, title=title)
