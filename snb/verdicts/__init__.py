"""The verdict registry: every conclusion the course states, computed in one place.

Each chapter registers its verdicts in ``snb/verdicts/chNN*.py`` with :func:`register`.
A verdict function takes a seed base and returns a :class:`Result`; the registry adds
its id, chapter, question and whether it is fragile. Pages read the *stored* results
(``snb/data/verdicts.json``, seed base 0) so they stay fast; ``make verdicts`` and the
tests recompute them.

From a page::

    from snb import verdicts
    verdicts.show("03-lp-vs-louvain")      # prints the sentence with its interval
    v = verdicts.stored("03-lp-vs-louvain")  # the Verdict, for a table or a picture

From a shell: ``python -m snb.verdicts --help``.
"""

from __future__ import annotations

import functools
import importlib
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable

from snb.verdicts.core import (
    KINDS,
    MIN_REPLICATIONS,
    Result,
    Verdict,
    compare,
    exact,
    fmt,
    permutation,
    region,
    replicate,
    seed_for,
    settled,
    sweep,
    swept,
)

__all__ = [
    "KINDS", "MIN_REPLICATIONS", "Result", "Verdict", "Entry", "register", "replicate",
    "compare", "permutation", "exact", "region", "seed_for", "fmt", "settled", "swept", "sweep", "registry", "run",
    "stored", "stored_all", "show", "null_histogram", "STORE", "CHAPTER_MODULES",
]

#: The modules that register verdicts, in the order the table lists them.
CHAPTER_MODULES: tuple[str, ...] = (
    "ch01", "ch02", "ch03", "ch04", "ch04_threshold", "ch05", "ch05_reciprocity", "ch06",
    "ch07",
)

#: Where the results at seed base 0 are stored (pages read them).
STORE = "verdicts.json"


@dataclass(frozen=True)
class Entry:
    """A registered verdict function and what the registry knows about it."""

    id: str
    chapter: str
    question: str
    func: Callable[[int], Result]
    margin: float | None = None
    units: str = ""
    fragile: str = ""
    heavy: bool = False
    assumptions: dict[str, str] = field(default_factory=dict)

    def run(self, seed_base: int = 0) -> Verdict:
        """Compute the verdict at ``seed_base``."""
        result = self.func(int(seed_base))
        if not isinstance(result, Result):
            raise TypeError(f"verdict {self.id} returned {type(result).__name__}, not a Result")
        fields = {k: getattr(result, k) for k in Result.__dataclass_fields__}
        if self.margin is not None and fields["margin"] is None:
            fields["margin"] = self.margin
        if self.units and not fields["units"]:
            fields["units"] = self.units
        return Verdict(**fields, id=self.id, chapter=self.chapter, question=self.question,
                       fragile=self.fragile, seed_base=int(seed_base))


_REGISTRY: dict[str, Entry] = {}


def register(id: str, *, chapter: str, question: str, margin: float | None = None,
             units: str = "", fragile: str = "", heavy: bool = False,
             assumptions: dict[str, str] | None = None
             ) -> Callable[[Callable[[int], Result]], Callable[[int], Result]]:
    """Register ``func(seed_base) -> Result`` as verdict ``id`` (decorator).

    ``fragile``: empty, or in a manager's words why the label depends on the draw.
    ``heavy``: too slow for a page (pages read stored results in any case).
    """
    if not id.startswith(f"{chapter}-"):
        raise ValueError(f"verdict id {id!r} must start with its chapter '{chapter}-'")
    if not question:
        raise ValueError(f"verdict {id} needs a question")

    def decorate(func: Callable[[int], Result]) -> Callable[[int], Result]:
        if id in _REGISTRY and _REGISTRY[id].func.__qualname__ != func.__qualname__:
            raise ValueError(f"verdict {id} is registered twice")
        _REGISTRY[id] = Entry(id, chapter, question, func, margin, units, fragile, heavy,
                              dict(assumptions or {}))
        return func

    return decorate


def _load_chapters() -> None:
    # Chapters' verdict modules import their models, which pages reading stored
    # results never need: they are loaded only when the registry itself is asked for.
    for name in CHAPTER_MODULES:
        try:
            importlib.import_module(f"snb.verdicts.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"snb.verdicts.{name}":
                raise


def registry(only: Iterable[str] | None = None) -> dict[str, Entry]:
    """Every registered verdict (or those of the chapters in ``only``), in table order."""
    _load_chapters()
    chapters = {str(c).zfill(2) for c in only} if only else None
    return {k: e for k, e in _REGISTRY.items() if chapters is None or e.chapter in chapters}


def run(id: str, seed_base: int = 0) -> Verdict:
    """Compute verdict ``id`` afresh at ``seed_base``."""
    entries = registry()
    if id not in entries:
        raise KeyError(f"no verdict {id!r}")
    return entries[id].run(seed_base)


def store_path() -> Path:
    """The stored results' file inside the package."""
    return Path(str(resources.files("snb") / "data" / STORE))


@functools.lru_cache(maxsize=1)
def _stored_cached(mtime: float) -> dict[str, Verdict]:
    path = store_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: Verdict.from_json(v) for k, v in data["verdicts"].items()}


def stored_all() -> dict[str, Verdict]:
    """Every stored verdict (seed base 0), by id."""
    path = store_path()
    if not path.is_file():
        return {}
    return _stored_cached(path.stat().st_mtime)


def stored(id: str) -> Verdict:
    """The stored result of verdict ``id`` at seed base 0 (what the pages print).

    Read from ``snb/data/verdicts.json`` (``python -m snb.verdicts --store`` writes it).

    Parameters
    ----------
    id : str
        The verdict's id, led by its chapter (``"07-friendship-advice-qap"``).

    Returns
    -------
    Verdict
        Its kind, label, estimate, interval, number of runs and details.

    Raises
    ------
    KeyError
        For an id the stored file lacks.

    Examples
    --------
    >>> v = stored("07-friendship-advice-qap")
    >>> v.chapter, v.kind in ("beats chance", "chance"), v.n >= 1000
    ('07', True, True)
    """
    results = stored_all()
    if id not in results:
        raise KeyError(f"no stored verdict {id!r}: run `python -m snb.verdicts --store`")
    return results[id]


class _Shown:
    """A verdict as a page shows it: markdown in the book and Lab, text elsewhere."""

    def __init__(self, verdict: Verdict) -> None:
        self.verdict = verdict

    def __repr__(self) -> str:
        return self.verdict.sentence()

    def _repr_markdown_(self) -> str:
        v = self.verdict
        text = self.verdict.sentence().replace(f"Verdict: {v.label}.", f"**Verdict: {v.label}.**")
        return text


def show(id: str) -> _Shown:
    """The stored verdict ``id`` as the page prints it (display it, or end a cell with it).

    Parameters
    ----------
    id : str
        The verdict's id.

    Returns
    -------
    _Shown
        Shows as Markdown (the verdict's label in bold) in the book and in Lab, and as
        the plain sentence elsewhere.

    Raises
    ------
    KeyError
        For an id the stored file lacks.

    Examples
    --------
    >>> shown = show("07-friendship-advice-qap")
    >>> text = repr(shown)
    >>> text.startswith(shown.verdict.question), "Verdict: " in text
    (True, True)
    >>> "**Verdict: " in shown._repr_markdown_()
    True
    """
    return _Shown(stored(id))


def null_histogram(verdict: Verdict, *, title: str | None = None) -> Any:
    """A picture of a permutation verdict's null values, with the observed value marked.

    Parameters
    ----------
    verdict : Verdict
        A permutation verdict (its ``details`` hold a ``histogram``, ``p`` and the null's
        2.5 % and 97.5 % points).
    title : str, optional
        The title; by default "Observed against chance (p = ...)".

    Returns
    -------
    snb.draw.Picture
        The histogram, with alt text giving the null's middle 95 %, the observed value
        and p.

    Raises
    ------
    ValueError
        When the verdict is not a permutation test.

    Examples
    --------
    >>> v = stored("07-friendship-advice-qap")
    >>> picture = null_histogram(v)
    >>> picture.alt.startswith(f"Histogram of {v.n:,} draws of the null model for: {v.question}")
    True
    """
    # matplotlib and snb.draw cost about 0.3 s to import: only pages with this picture pay
    import matplotlib.pyplot as plt  # noqa: PLC0415

    from snb.draw import Picture  # noqa: PLC0415

    hist = verdict.details.get("histogram")
    if not hist:
        raise ValueError(f"verdict {verdict.id} is not a permutation test")
    p = verdict.details["p"]
    fig, ax = plt.subplots(figsize=(6.4, 3.2), layout="constrained")
    ax.stairs(hist["counts"], hist["edges"], fill=True, color="#88CCEE",
              label=f"null model ({verdict.n:,} draws)")
    ax.axvline(verdict.estimate, color="#CC3311", linewidth=2.5,
               label=f"observed: {fmt(verdict.estimate)}")
    ax.set_xlabel(verdict.units or "value of the statistic")
    ax.set_ylabel("draws of the null model")
    ax.set_title(title or f"Observed against chance (p = {p:.3g})", fontsize=11)
    ax.legend(frameon=False, fontsize=9, loc="best")
    alt = (f"Histogram of {verdict.n:,} draws of the null model for: {verdict.question} "
           f"The null's middle 95 % runs from {fmt(verdict.details['null 2.5 %'])} to "
           f"{fmt(verdict.details['null 97.5 %'])}; the observed value "
           f"{fmt(verdict.estimate)} is marked by a red line; p = {p:.3g}.")
    try:
        return Picture.from_figure(fig, alt)
    finally:
        plt.close(fig)
