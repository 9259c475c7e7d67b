"""Feedback that teaches: the shared machinery of every exercise check.

Every check returns a :class:`Feedback` and never raises: it says whether the
answer is correct, or what is wrong with it and a hint. An answer left as the
placeholder ``...`` gets "not answered yet", so a learner's notebook runs top
to bottom. Learner input is only inspected, never evaluated.

Shared validators (:func:`graph_problem`, :func:`node_set_problem`,
:func:`number_problem`) give the same clear messages for the same mistakes in
every chapter. Each chapter's checks live in ``snb/checks/chNN.py``.
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable

import networkx as nx
import numpy as np


_STYLE = {
    # status: (symbol, heading, border colour from the Okabe-Ito palette)
    "correct": ("✔", "Correct", "#009E73"),
    "incorrect": ("✘", "Not yet", "#D55E00"),
    "unanswered": ("…", "Not answered yet", "#0072B2"),
    "invalid": ("!", "Cannot check this answer", "#E69F00"),
}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status, what it means for this answer, and a hint."""

    status: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.status not in _STYLE:
            raise ValueError(f"unknown status {self.status!r}")

    @property
    def correct(self) -> bool:
        """True only for a correct answer."""
        return self.status == "correct"

    def __str__(self) -> str:
        symbol, heading, _ = _STYLE[self.status]
        text = f"{symbol} {heading}: {self.message}"
        return text + (f"\n  Hint: {self.hint}" if self.hint else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        symbol, heading, colour = _STYLE[self.status]
        hint = f"<br><em>Hint:</em> {html.escape(self.hint)}" if self.hint else ""
        return (
            f'<div role="status" style="border-left:6px solid {colour};padding:0.4em 0.8em;'
            f'margin:0.3em 0"><strong>{symbol} {heading}:</strong> '
            f"{html.escape(self.message)}{hint}</div>"
        )


def _ok(message: str) -> Feedback:
    return Feedback("correct", message)


def _wrong(message: str, hint: str = "") -> Feedback:
    return Feedback("incorrect", message, hint)


def _invalid(message: str, hint: str = "") -> Feedback:
    return Feedback("invalid", message, hint)


def _unanswered(what: str) -> Feedback:
    return Feedback("unanswered", f"replace the `...` with {what}, then run this cell again.")


def teaching_check(func: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Decorator: any unexpected error becomes a clear message, never a traceback.

    In a learner's workspace the result's status (never the answer) is also
    recorded as progress (:mod:`snb.progress`); elsewhere nothing is written.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Feedback:
        try:
            result = func(*args, **kwargs)
        except Exception as exc:  # a check must never crash the learner's notebook
            result = _invalid(
                f"the check could not read this answer ({type(exc).__name__}: {exc}).",
                "compare the type of your answer with what the exercise asks for.",
            )
        from snb.progress import record_check  # never raises

        record_check(f"{func.__module__}.{func.__qualname__}", getattr(result, "status", "invalid"))
        return result

    return wrapper


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------- validators
def graph_problem(G: Any, *, directed: bool = False, max_nodes: int = 5000,
                  what: str = "a networkx graph") -> Feedback | None:
    """A Feedback if ``G`` is not a usable graph of the expected kind, else None."""
    if G is ...:
        return _unanswered(what)
    if G is None:
        return _invalid(
            "the answer is None, not a network.",
            "graph methods such as G.add_edge(...) change G and return None: "
            "keep the graph itself in your variable, not the result of a method.",
        )
    if isinstance(G, str):
        return _invalid(
            f"the answer is the text {_describe(G)}, not a network.",
            "build the network with nx.Graph() and G.add_edge(a, b), or with the builder widget.",
        )
    if not isinstance(G, nx.Graph):
        return _invalid(f"expected {what}, got a {type(G).__name__}.",
                        "make a graph with nx.Graph() and add ties to it.")
    if G.is_multigraph():
        return _invalid("this is a multigraph (several ties allowed between the same two people).",
                        "use nx.Graph(): one tie per pair is enough here.")
    if G.is_directed() and not directed:
        return _invalid(
            "this is a directed network (a DiGraph), but the exercise is about two-way ties.",
            "use nx.Graph() instead, or convert with G.to_undirected().",
        )
    if directed and not G.is_directed():
        return _invalid("this network is undirected, but the exercise needs directed ties.",
                        "use nx.DiGraph(), or convert with G.to_directed().")
    if G.number_of_nodes() == 0:
        return _invalid("the network is empty: it has no people yet.",
                        "add people and ties before checking.")
    if G.number_of_nodes() > max_nodes:
        return _invalid(
            f"the network has {G.number_of_nodes():,} nodes, far more than this exercise uses.",
            "check that you passed the exercise's network, not a different data set.",
        )
    return None


def node_set_problem(answer: Any, universe: Iterable[Hashable], *, what: str) -> tuple[set | None, Feedback | None]:
    """Turn an answer into a set of nodes of ``universe``, or explain why it cannot be one."""
    if answer is ...:
        return None, _unanswered(what)
    if answer is None:
        return None, _invalid("the answer is None.", f"store {what} in the variable, e.g. {{'Ana', 'Ben'}}.")
    if isinstance(answer, dict):
        return None, _invalid(
            "the answer is a dictionary (perhaps of distances), not a set of nodes.",
            "keep just the nodes: set(your_dict) gives the keys.",
        )
    if isinstance(answer, (str, bytes, int, float)) or not isinstance(answer, Iterable):
        return None, _invalid(
            f"the answer {_describe(answer)} is a single value, not a collection of nodes.",
            f"give {what} as a set, e.g. {{'Ana', 'Ben'}}, even if it has one member.",
        )
    if isinstance(answer, nx.Graph):
        answer = list(answer.nodes)
    items = list(answer)
    universe = list(universe)
    known = set(universe)
    try:
        unknown = [x for x in items if x not in known]
    except TypeError:
        return None, _invalid("the answer contains values that cannot be nodes (lists or sets inside).",
                              "give a flat set of node names.")
    if unknown:
        hint = "node names must match exactly, including capital letters."
        if all(isinstance(x, str) and x.strip().isdigit() for x in unknown) and all(
                isinstance(v, (int, np.integer)) for v in universe):
            hint = "the nodes here are numbers, not text: write 3, not '3'."
        return None, _invalid(f"these are not in the network: {sorted(map(repr, unknown))[:6]}.", hint)
    return set(items), None


def number_problem(value: Any, *, what: str) -> tuple[float | None, Feedback | None]:
    """Turn an answer into a finite float, or explain why it cannot be one."""
    if value is ...:
        return None, _unanswered(what)
    if value is None:
        return None, _invalid("the answer is None.", f"store {what} as a number.")
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        if isinstance(value, str):
            return None, _invalid(f"the answer is the text {_describe(value)}, not a number.",
                                  "remove the quotes: 0.5, not '0.5'.")
        return None, _invalid(f"expected a number, got a {type(value).__name__}.",
                              f"store {what} as a single number.")
    value = float(value)
    if not math.isfinite(value):
        return None, _invalid("the answer is not a finite number.", "did a division by zero happen?")
    return value, None
