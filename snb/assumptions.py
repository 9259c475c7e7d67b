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
    """One parameter of a simulation: its value, meaning and source.

    Parameters
    ----------
    name : str
        A short name, as the model's code or page calls it.
    value : object
        Its value (a number, or text such as "1 + Poisson(2)").
    meaning : str
        What it means, in plain words.
    source : str, default "assumption"
        Where the value comes from: a reference, or ``"assumption"`` when the course chose it.

    Raises
    ------
    ValueError
        When the name, meaning or source is empty.

    Examples
    --------
    >>> p = Parameter("p", 0.2, "chance of passing a message along one tie")
    >>> p.source
    'assumption'
    >>> Parameter("p", 0.2, "")
    Traceback (most recent call last):
    ...
    ValueError: a parameter needs a name, a meaning and a source (or 'assumption')
    """

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
    """The parameters as a table: value, meaning, source.

    Parameters
    ----------
    params : iterable of Parameter
        The rows, in order (float values are printed in their shortest form).
    title : str, default "Parameters and where they come from"
        The table's caption.

    Returns
    -------
    snb.tables.Table
        One row per parameter, named by the parameter.

    Examples
    --------
    >>> table([Parameter("people", 200, "size of the network"),
    ...        Parameter("p", 0.2, "pass-on chance", "Goel et al. 2012")])
    Parameters and where they come from
            value              meaning            source
    people    200  size of the network        assumption
    p         0.2       pass-on chance  Goel et al. 2012
    """
    rows = {p.name: {"value": p.value if not isinstance(p.value, float) else f"{p.value:g}",
                     "meaning": p.meaning, "source": p.source} for p in params}
    return Table(rows, title=title)
