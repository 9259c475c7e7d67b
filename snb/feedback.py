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
import itertools
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
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


def correct(message: str) -> Feedback:
    """A correct answer, and what it means."""
    return Feedback("correct", message)


def wrong(message: str, hint: str = "") -> Feedback:
    """A readable answer that is not right: what is wrong with it, and a hint (never the answer)."""
    return Feedback("incorrect", message, hint)


def invalid(message: str, hint: str = "") -> Feedback:
    """An answer the check cannot read (wrong type, unknown names...): why, and how to give it."""
    return Feedback("invalid", message, hint)


def unanswered(what: str) -> Feedback:
    """The placeholder ``...`` is still there: what to put in its place."""
    return Feedback("unanswered", f"replace the `...` with {what}, then run this cell again.")


# Older private names, kept so that code written before the public API still runs.
_ok, _wrong, _invalid, _unanswered = correct, wrong, invalid, unanswered


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the noun in the right number: ``plural(1, "visit")`` is "1 visit",
    ``plural(2, "visit")`` is "2 visits", ``plural(3, "person", "people")`` is "3 people"."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _safe_text(exc: BaseException) -> str:
    """``str(exc)``, or a stand-in when the exception cannot even describe itself."""
    try:
        text = str(exc)
    except BaseException:  # an exception whose __str__ raises (or exits)
        return "no description"
    return text if len(text) <= 200 else text[:197] + "..."


def teaching_check(func: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Decorator: any unexpected error becomes a clear message, never a traceback.

    In a learner's workspace the result's status (never the answer) is also
    recorded as progress (:mod:`snb.progress`); elsewhere nothing is written.
    ``SystemExit`` (e.g. a ``sys.exit()`` inside a learner's ``__eq__``) is caught
    too; only ``KeyboardInterrupt`` still stops the cell, as the learner asked.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Feedback:
        try:
            result = func(*args, **kwargs)
        except (Exception, SystemExit) as exc:  # a check must never crash the learner's notebook
            result = invalid(
                f"the check could not read this answer ({type(exc).__name__}: {_safe_text(exc)}).",
                "compare the type of your answer with what the exercise asks for.",
            )
        from snb.progress import record_check  # never raises

        record_check(f"{func.__module__}.{func.__qualname__}", getattr(result, "status", "invalid"))
        return result

    return wrapper


#: Types whose ``repr`` is safe to call on learner input (no user code runs).
_PLAIN = (str, bytes, bool, int, float, complex, type(None), type(...))
#: Most members a check reads from a collection: an endless iterator stops here.
MAX_ITEMS = 10_000


def describe(value: Any) -> str:
    """A short description of an answer that never runs the learner's own ``__repr__``."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (np.integer, np.floating)):
        value = value.item()
    if type(value) is int and value.bit_length() > 128:  # repr of a huge int is slow, or refused
        return f"a whole number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    if type(value) in _PLAIN:
        text = repr(value)
    elif type(value) in (list, tuple, set, frozenset) and len(value) <= 12:
        inner = ", ".join(describe(v) for v in itertools.islice(value, 12))
        text = {list: "[{}]", tuple: "({})", set: "{{{}}}", frozenset: "frozenset({{{}}})"}[type(value)]
        text = text.format(inner + ("," if type(value) is tuple and len(value) == 1 else ""))
    else:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


_describe = describe


def scalar(value: Any) -> Any:
    """One value as a plain Python value: numpy scalars and 0-d arrays unwrapped, the rest unchanged."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (np.integer, np.floating, np.bool_, np.str_)):
        value = value.item()
    return value


def bounded_items(answer: Iterable[Any], limit: int = MAX_ITEMS) -> list[Any] | None:
    """The members of a collection (numpy scalars unwrapped), or None when there are more
    than ``limit`` or they never end. Every check reads collections through this function,
    so an endless iterator or a billion members cannot hang or exhaust a learner's kernel."""
    items = list(itertools.islice(iter(answer), limit + 1))
    return None if len(items) > limit else [scalar(x) for x in items]


_items = bounded_items


def is_collection(value: Any) -> bool:
    """True for a list, set, tuple, iterator...: not for text, numbers, dictionaries or graphs."""
    return (isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping, nx.Graph))
            and not (isinstance(value, np.ndarray) and value.ndim == 0))


def duplicate(items: list[Any]) -> Any:
    """The first member that appears twice in ``items`` (hashable members), else ``_NONE``."""
    seen = set()
    for x in items:
        if x in seen:
            return x
        seen.add(x)
    return _NONE


_NONE = object()


def choice_check(answer: Any, options: Mapping[str, str], right: str, hint: str | Mapping[str, str], *,
                 feedback: Mapping[str, str] | Callable[[str], str] | None = None,
                 name: str = "choice") -> Feedback:
    """The one check of every multiple-choice exercise.

    ``answer`` may be an option's letter (any case, ``"b"``, ``" B. "``, ``"option B"``) or
    its text. ``feedback`` gives the explanation of each option (a mapping or a function of
    the letter; default: the option's own text); ``hint`` (one text, or one per letter)
    follows a wrong choice. No message for a wrong or unreadable answer names the right one.

    Examples
    --------
    >>> choice_check("b", {"A": "yes", "B": "no"}, "B", "think again").correct
    True
    >>> choice_check("A", {"A": "yes", "B": "no"}, "B", "think again").status
    'incorrect'
    """
    letters = list(options)
    span = ", ".join(letters[:-1]) + f" or {letters[-1]}" if len(letters) > 1 else letters[0]
    how = f"write one letter, {span}, in quotes: {name} = \"...\" with the letter inside."
    if answer is ...:
        return unanswered(f"one letter of your choice ({span}), as text in quotes")
    if answer is None:
        return invalid(f"{name} is None.", how)
    if not isinstance(answer, str):
        return invalid(f"expected one letter as text, got {describe(answer)}.", how)
    if not answer.strip():
        return invalid(f"{name} is empty.", how)
    said = _normalise_choice(answer)
    for prefix in ("option ", "answer "):
        said = said[len(prefix):] if said.startswith(prefix) else said
    chosen = next((k for k, text in options.items()
                   if said and said in (k.lower(), _normalise_choice(text),
                                        _normalise_choice(f"{k} {text}"))), None)
    if chosen is None:
        return invalid(f"{describe(answer)} is not one of the options.",
                       f"answer with one letter, {span}, or copy an option's text.")
    if feedback is None:
        reason = options[chosen]
    else:
        reason = feedback(chosen) if callable(feedback) else feedback[chosen]
    if chosen == right:
        return correct(reason)
    return wrong(reason, hint if isinstance(hint, str) else hint[chosen])


def _normalise_choice(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()[:2000]).split())


# ---------------------------------------------------------------- validators
def graph_problem(G: Any, *, directed: bool = False, max_nodes: int = 5000,
                  what: str = "a networkx graph", self_loops: bool = False) -> Feedback | None:
    """A Feedback if ``G`` is not a usable graph of the expected kind, else None.

    A tie from a person to themselves is refused unless ``self_loops`` is True (a check
    that explains self-ties in its own words passes True and looks for them itself)."""
    if G is ...:
        return unanswered(what)
    if G is None:
        return invalid(
            "the answer is None, not a network.",
            "graph methods such as G.add_edge(...) change G and return None: "
            "keep the graph itself in your variable, not the result of a method.",
        )
    if isinstance(G, str):
        return invalid(
            f"the answer is the text {describe(G)}, not a network.",
            "build the network with nx.Graph() and G.add_edge(a, b), or with the builder widget.",
        )
    if not isinstance(G, nx.Graph):
        return invalid(f"expected {what}, got a {type(G).__name__}.",
                        "make a graph with nx.Graph() and add ties to it.")
    if G.is_multigraph():
        return invalid("this is a multigraph (several ties allowed between the same two people).",
                        "use nx.Graph(): one tie per pair is enough here.")
    if G.is_directed() and not directed:
        return invalid(
            "this is a directed network (a DiGraph), but the exercise is about two-way ties.",
            "use nx.Graph() instead, or convert with G.to_undirected().",
        )
    if directed and not G.is_directed():
        return invalid("this network is undirected, but the exercise needs directed ties.",
                        "use nx.DiGraph(), or convert with G.to_directed().")
    if G.number_of_nodes() == 0:
        return invalid("the network is empty: it has no people yet.",
                        "add people and ties before checking.")
    if G.number_of_nodes() > max_nodes:
        return invalid(
            f"the network has {G.number_of_nodes():,} nodes, far more than this exercise uses.",
            "check that you passed the exercise's network, not a different data set.",
        )
    if not self_loops:
        loop = next(iter(nx.nodes_with_selfloops(G)), _NONE)
        if loop is not _NONE:
            return invalid(f"{describe(loop)} has a tie to themselves (a self-loop).",
                           "a tie joins two different people: G.remove_edges_from(nx.selfloop_edges(G)) "
                           "removes such ties.")
    return None


def _is_pair_of(item: Any) -> bool:
    """A ``(node, number)`` pair, as degree views, distance lists and ``Counter.most_common`` give."""
    return (type(item) in (tuple, list) and len(item) == 2 and not isinstance(item[0], bool)
            and isinstance(item[1], (numbers.Real, np.integer, np.floating)))


def node_set_problem(answer: Any, universe: Iterable[Hashable], *, what: str) -> tuple[set | None, Feedback | None]:
    """Turn an answer into a set of nodes of ``universe``, or explain why it cannot be one."""
    answer = scalar(answer)
    if answer is ...:
        return None, unanswered(what)
    if answer is None:
        return None, invalid("the answer is None.", f"store {what} in the variable, e.g. {{'Ana', 'Ben'}}.")
    if isinstance(answer, Mapping):
        return None, invalid(
            "the answer is a dictionary (perhaps of distances), not a set of nodes.",
            "keep just the nodes: set(your_dict) gives the keys.",
        )
    if isinstance(answer, (str, bytes, numbers.Number, np.number)) or not isinstance(answer, Iterable):
        return None, invalid(
            f"the answer {describe(answer)} is a single value, not a collection of nodes.",
            f"give {what} as a set, e.g. {{'Ana', 'Ben'}}, even if it has one member.",
        )
    if isinstance(answer, nx.Graph):
        answer = list(answer.nodes)
    universe = list(universe)
    items = bounded_items(answer, limit=MAX_ITEMS + len(universe))
    if items is None:
        return None, invalid(f"the answer has more than {MAX_ITEMS + len(universe):,} members (or never ends); "
                              f"the network has {plural(len(universe), 'node')}.",
                              f"give {what} as a set of the network's nodes.")
    known = set(universe)
    exact = {(type(v), v) for v in universe if isinstance(v, bool)}
    def pairs() -> Feedback:
        return invalid(f"the answer holds pairs such as {describe(tuple(items[0]))} (a node and a number), "
                        "not nodes.",
                        f"keep the first member of each pair: {{node for node, number in your_pairs}} "
                        f"gives {what}.")
    try:
        # True == 1 in Python: a bool is a node only if the network really has that bool
        unknown = [x for x in items if x not in known or (isinstance(x, bool) and (bool, x) not in exact)]
    except TypeError:
        if items and all(_is_pair_of(x) for x in items):
            return None, pairs()
        return None, invalid("the answer contains values that cannot be nodes (lists or sets inside).",
                              "give a flat set of node names.")
    if unknown:
        if all(_is_pair_of(x) for x in unknown):
            return None, pairs()
        hint = "node names must match exactly, including capital letters."
        if any(isinstance(x, bool) for x in unknown):
            hint = "True and False are not nodes: give the nodes themselves."
        elif all(isinstance(x, str) and x.strip().isdigit() for x in unknown) and all(
                isinstance(v, (int, np.integer)) for v in universe):
            hint = "the nodes here are numbers, not text: write 3, not '3'."
        return None, invalid(f"these are not in the network: {sorted(describe(x) for x in unknown)[:6]}.", hint)
    twice = duplicate(items)
    if twice is not _NONE:
        return None, invalid(f"{describe(twice)} is named twice.", f"name each member of {what} once.")
    return set(items), None


def _as_number(value: Any) -> Any:
    """Unwrap a 0-d array (any dtype) or a one-element numeric array; other values come back unchanged."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return scalar(value)
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "biuf":
        return value.reshape(()).item() if value.dtype.kind != "b" else bool(value.reshape(()))
    return value


def number_problem(value: Any, *, what: str) -> tuple[float | None, Feedback | None]:
    """Turn an answer into a finite float, or explain why it cannot be one.

    Accepts every real number type: int, float, numpy scalars, ``Fraction``,
    ``Decimal`` and numpy arrays holding exactly one number.
    """
    if value is ...:
        return None, unanswered(what)
    if value is None:
        return None, invalid("the answer is None.", f"store {what} as a number.")
    value = _as_number(value)
    if isinstance(value, (bool, np.bool_)):
        return None, invalid("expected a number, got a bool.", f"store {what} as a single number.")
    if isinstance(value, np.ndarray):
        return None, invalid(f"expected one number, got a ndarray of {plural(value.size, 'value')}.",
                              f"store {what} as a single number, e.g. float(x) or x.item().")
    if isinstance(value, str):
        return None, invalid(f"the answer is the text {describe(value)}, not a number.",
                              "remove the quotes: 0.5, not '0.5'.")
    if isinstance(value, complex):
        return None, invalid("the answer is a complex number.", f"store {what} as a real number.")
    if not isinstance(value, (numbers.Real, Decimal, np.integer, np.floating)):
        seen = f"a {type(value).__name__}"
        if isinstance(value, (list, tuple)) and len(value) == 1:
            seen = f"a {type(value).__name__} holding one value"
        return None, invalid(f"expected a number, got {seen}.",
                              f"store {what} as a single number"
                              + (", e.g. your_list[0]." if seen.endswith("one value") else "."))
    try:
        value = float(value)
    except (OverflowError, ValueError, ArithmeticError):  # 10**400, Fraction(10**400, 3)...
        return None, invalid(f"the answer ({describe(value)}) is too large to be a sensible number here.",
                             f"store {what}: a number of ordinary size.")
    if not math.isfinite(value):
        return None, invalid("the answer is not a finite number.", "did a division by zero happen?")
    return value, None
