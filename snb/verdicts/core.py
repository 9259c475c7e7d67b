"""The verdict registry's machinery: results with their intervals and labels.

A *verdict* is one conclusion the course states ("A beats B", "cannot tell apart",
"holds from x to y", "beats chance"), computed by one registered function that takes a
*seed base* and returns a :class:`Result`. The same function feeds the pages (through
the stored results), the quizzes, the instructor guides and the tests, so a number is
computed once.

Rules built in here (see the README's "Evidence"):

- replications run until the 95 % interval's half-width is below the stated margin of
  practical importance, or up to a cap (:func:`replicate`), never fewer than 20;
- "A beats B" only when the interval of the difference excludes zero; "equivalent" only
  by two one-sided tests against the margin; otherwise "cannot tell apart at this
  precision" (:func:`compare`);
- chance is a distribution: an observed value is compared with the null model's values
  by a permutation p-value (:func:`permutation`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from snb import stats
from snb.permutation import p_value

__all__ = [
    "MIN_REPLICATIONS", "SEED_STRIDE", "Result", "Verdict", "seed_for", "replicate",
    "compare", "permutation", "exact", "region", "fmt", "settled", "swept", "sweep",
]

#: The fewest replications a comparison may rest on.
MIN_REPLICATIONS = stats.MIN_REPLICATIONS
#: Seed base ``b`` uses seeds ``b * SEED_STRIDE + i``: base 0 gives 0, 1, 2, ...
SEED_STRIDE = 100_000
#: The kinds a result can have, with what each means.
KINDS = {
    "beats": "the first option beats the second (interval of the difference above zero)",
    "beaten": "the second option beats the first (interval of the difference below zero)",
    "equivalent": "equivalent within the margin (two one-sided tests at 5 %)",
    "cannot tell": "cannot tell apart at this precision",
    "beats chance": "the observed value is beyond the null model's (p < 0.05)",
    "chance": "the observed value cannot be told from the null model's",
    "region": "holds over part of the swept range",
    "everywhere": "holds over the whole swept range",
    "nowhere": "holds nowhere in the swept range",
    "exact": "a number with no randomness",
}


def fmt(x: float | None, digits: int | None = None) -> str:
    """A number as the pages print it: thousands separated, sensible decimals."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if digits is None:
        ax = abs(x)
        digits = 0 if ax >= 100 else 1 if ax >= 10 else 2 if ax >= 0.1 or ax == 0 else 3
    text = f"{x:,.{digits}f}"
    # no "-0.00": a value that rounds to zero prints without a sign
    return text[1:] if text.startswith("-") and float(text.replace(",", "")) == 0 else text


@dataclass(frozen=True)
class Result:
    """What a verdict function returns: the estimate, its interval and the label.

    ``kind`` is one of :data:`KINDS`; ``label`` is the sentence a page prints;
    ``n`` the replications (or permutations) used; ``margin`` the margin of practical
    importance in ``units``; ``details`` extra JSON-able numbers (a sweep's points, a
    null histogram).
    """

    kind: str
    label: str
    estimate: float
    low: float | None = None
    high: float | None = None
    n: int = 0
    margin: float | None = None
    units: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; known: {sorted(KINDS)}")

    @property
    def signature(self) -> str:
        """What must not change between seed bases: the kind, and for a sweep where it holds."""
        if self.kind in ("region", "everywhere", "nowhere"):
            held = [p["x"] for p in self.details.get("points", []) if p.get("holds")]
            return f"{self.kind} {held}"
        return self.kind

    def interval_text(self, digits: int | None = None) -> str:
        """``"0.07 (95 % CI -0.02 to 0.15)"``, or the estimate alone when exact."""
        if self.low is None or self.high is None:
            return fmt(self.estimate, digits)
        if digits is None:
            scale = max(abs(self.low), abs(self.high), abs(self.estimate))
            digits = 0 if scale >= 100 else 1 if scale >= 10 else 2 if scale >= 0.1 else 3
        return (f"{fmt(self.estimate, digits)} (95 % CI {fmt(self.low, digits)} "
                f"to {fmt(self.high, digits)})")


@dataclass(frozen=True)
class Verdict(Result):
    """A :class:`Result` with its place in the registry."""

    id: str = ""
    chapter: str = ""
    question: str = ""
    fragile: str = ""
    seed_base: int = 0

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict (NaN becomes None)."""
        data = asdict(self)
        for key in ("estimate", "low", "high", "margin"):
            value = data[key]
            if isinstance(value, float) and not math.isfinite(value):
                data[key] = None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Verdict":
        """The inverse of :meth:`to_json`."""
        data = dict(data)
        if data.get("estimate") is None:
            data["estimate"] = float("nan")
        return cls(**data)

    def sentence(self) -> str:
        """The paragraph a page prints."""
        number = self.interval_text()
        unit = f" {self.units}" if self.units else ""
        runs = ""
        if self.n:
            what = "draws of the null model" if self.kind in ("beats chance", "chance") else "runs"
            runs = f"; {self.n:,} {what}"
        text = f"{self.question} {number}{unit}{runs}. Verdict: {self.label}."
        if self.fragile:
            text += f" Fragile: {self.fragile}"
        return text


def seed_for(seed_base: int, i: int) -> int:
    """The seed of replication ``i`` at ``seed_base`` (disjoint bases up to 100,000 runs)."""
    return int(seed_base) * SEED_STRIDE + int(i)


def _half_width(rows: np.ndarray) -> float:
    x = rows[:, 0] - rows[:, 1] if rows.shape[1] >= 2 else rows[:, 0]
    if np.ptp(x) == 0:
        return 0.0
    return stats.mean_interval(x).half_width


def replicate(fn: Callable[[int], float | Sequence[float]], seed_base: int, *,
              margin: float, cap: int = 200, min_n: int = MIN_REPLICATIONS,
              batch: int = 20, until: Callable[[np.ndarray], bool] | None = None
              ) -> np.ndarray:
    """Run ``fn(seed)`` until the interval is narrow enough, or ``cap`` runs.

    The 95 % half-width is that of column 0 minus column 1 (of column 0 alone when
    ``fn`` returns one number). Runs come in batches of ``batch`` after the first
    ``min_n``, so a seed base always gives the same runs. Returns shape ``(n, k)``.
    ``until(rows)``, when given, replaces the half-width rule (a sweep stops when
    every swept value is :func:`settled`).

    Examples
    --------
    >>> rows = replicate(lambda seed: (seed % 3, 0.0), 0, margin=10.0)
    >>> rows.shape
    (20, 2)
    """
    if margin <= 0:
        raise ValueError("margin must be positive")
    if min_n < MIN_REPLICATIONS or cap < min_n:
        raise ValueError(f"need {MIN_REPLICATIONS} <= min_n <= cap")
    rows: list[np.ndarray] = []
    n = 0
    target = min_n
    while True:
        while n < target:
            rows.append(np.atleast_1d(np.asarray(fn(seed_for(seed_base, n)), dtype=float)))
            n += 1
        arr = np.vstack(rows)
        if n >= cap or (until(arr) if until is not None else _half_width(arr) < margin):
            return arr
        target = min(cap, n + batch)


def _names(names: Sequence[str]) -> tuple[str, str]:
    a, b = (list(names) + ["zero"])[:2]
    return str(a), str(b)


def _g(x: float) -> str:
    """A stated value (a margin, a swept setting) as written: 0.05, 2,000, 0.1."""
    return f"{x:,g}"


def _units(margin: float, units: str) -> str:
    return f"±{_g(margin)}{' ' + units if units else ''}"


def compare(a: Iterable[float], b: Iterable[float] | None = None, *,
            names: Sequence[str] = ("A", "B"), margin: float, units: str = "",
            paired: bool = True, higher: str = "better", negligible: bool = False) -> Result:
    """Compare ``a`` with ``b`` (or with zero): beats, beaten, equivalent or cannot tell.

    The estimate is mean(a - b) with its 95 % interval. "Equivalent" needs the 90 %
    interval inside ``±margin`` (two one-sided tests at 5 %, Schuirmann 1987).
    ``higher="worse"`` (a cost) makes the lower option the winner. A difference can be
    both above zero and inside the margin; it is reported as "beats ..., by less than
    the margin that matters", or with ``negligible=True`` (when the question is whether
    the two are equally good) as "equivalent".

    Examples
    --------
    >>> r = compare([1.0, 1.1] * 10, [0.0, 0.1] * 10, names=("A", "B"), margin=0.1)
    >>> r.kind, r.label
    ('beats', 'A beats B')
    """
    if higher not in ("better", "worse"):
        raise ValueError("higher must be 'better' or 'worse'")
    x = np.asarray(list(a), dtype=float)
    if b is None:
        y = np.zeros_like(x)
        paired = True
    else:
        y = np.asarray(list(b), dtype=float)
    if min(x.size, y.size) < MIN_REPLICATIONS:
        raise ValueError(f"a verdict needs at least {MIN_REPLICATIONS} replications")
    first, second = _names(names)
    if np.ptp(x - y if paired and x.size == y.size else np.r_[x, y]) == 0 and paired:
        d = float(np.mean(x - y))
        diff = stats.Interval(d, d, d, x.size)
        diff90 = diff
    else:
        diff = stats.difference(x, y, paired=paired)
        diff90 = stats.difference(x, y, paired=paired, level=0.90)
    good = diff.low > 0 if higher == "better" else diff.high < 0
    bad = diff.high < 0 if higher == "better" else diff.low > 0
    inside = -margin < diff90.low and diff90.high < margin
    if negligible and inside:
        good = bad = False
    if good:
        kind, label = "beats", f"{first} beats {second}"
    elif bad:
        kind, label = "beaten", f"{second} beats {first}"
    else:
        kind, label = _undecided(inside, first, second, margin, units)
    if kind in ("beats", "beaten") and -margin < diff.low and diff.high < margin:
        label += f", by less than the {_units(margin, units)} that matters"
    return Result(kind, label, diff.mean, diff.low, diff.high, diff.n, margin, units,
                  {"mean a": float(x.mean()), "mean b": float(y.mean())})


def _undecided(inside: bool, first: str, second: str, margin: float, units: str) -> tuple[str, str]:
    """Kind and label when neither side wins: equivalent when the 90 % interval is ``inside``
    the margin (two one-sided tests), else cannot tell."""
    if inside:
        return "equivalent", f"{first} and {second} are equivalent within {_units(margin, units)}"
    return "cannot tell", f"cannot tell {first} and {second} apart at this precision ({_units(margin, units)})"


def _inside(x: np.ndarray, margin: float) -> bool:
    """True when the 90 % interval of the mean lies inside ``±margin`` (two one-sided tests)."""
    iv = stats.mean_interval(x, 0.90)
    return -margin < iv.low and iv.high < margin


def settled(values: Iterable[float], *, within: float | None = None) -> bool:
    """True when another draw would not change what ``values`` (A minus B) say.

    Either the sign is beyond doubt: the 95 % interval clears zero by at least its own
    half-width (the mean is about four standard errors from zero), or every value is the
    same; or, given ``within`` (a margin), the difference is too small to matter: its 90 %
    interval lies inside ``±within``.

    A sweep tests many values at once, so some would clear zero by chance at the usual
    bar; a swept value counts only when it is settled (:func:`swept`).

    Examples
    --------
    >>> settled([0.5, 0.6] * 10), settled([-0.05, 0.15] * 10), settled([0.0] * 20)
    (True, False, True)
    >>> settled([-0.05, 0.15] * 10, within=0.1)
    True
    """
    x = np.asarray(list(values), dtype=float)
    if np.ptp(x) == 0:
        return True
    iv = stats.mean_interval(x)
    return abs(iv.mean) >= 2 * iv.half_width or (within is not None and _inside(x, within))


def swept(values: Iterable[float], *, names: Sequence[str] = ("A", "B"), margin: float,
          units: str = "", higher: str = "better", negligible: bool = False) -> Result:
    """:func:`compare` at one swept value: ``values`` are A minus B there, one per run.

    "Beats" (or "beaten") needs the interval to clear zero by its own half-width
    (:func:`settled`); a value that clears zero only narrowly is "equivalent" when the
    two one-sided tests allow it, else "cannot tell", so that another draw of the sweep
    does not move its edge. With ``negligible=True`` a difference whose 90 % interval
    lies inside ``±margin`` is "equivalent" even when it clears zero: too small to matter
    (for a sweep whose question is whether A beats B by an amount that matters).

    Examples
    --------
    >>> swept([-0.05, 0.15] * 10, margin=0.1).kind, compare([-0.05, 0.15] * 10, margin=0.1).kind
    ('equivalent', 'beats')
    >>> swept([0.04, 0.06] * 10, margin=0.1).kind, swept([0.04, 0.06] * 10, margin=0.1, negligible=True).kind
    ('beats', 'equivalent')
    """
    x = np.asarray(list(values), dtype=float)
    result = compare(x, names=names, margin=margin, units=units, higher=higher,
                     negligible=negligible)
    if result.kind not in ("beats", "beaten") or settled(x):
        return result
    kind, label = _undecided(_inside(x, margin), *_names(names), margin, units)
    return Result(kind, label + " (too close to zero to call at a swept value)", result.estimate,
                  result.low, result.high, result.n, margin, units, result.details)


def sweep(measure: Callable[[int], Sequence[float]], seed_base: int, *,
          names: Sequence[str] = ("A", "B"), margin: float, units: str = "", cap: int = 200,
          min_n: int = MIN_REPLICATIONS, batch: int = 20, higher: str = "better",
          negligible: bool = False) -> list[Result]:
    """One :func:`swept` comparison per swept value, from runs of the whole sweep.

    ``measure(seed)`` returns A minus B at every swept value for one run. Runs are added
    in batches until every value is :func:`settled`, or ``cap`` runs (a value near the
    edge of the region gets the runs it needs; one that stays unsettled is "equivalent"
    or "cannot tell"). Pass the results to :func:`region`.

    Examples
    --------
    >>> [r.kind for r in sweep(lambda s: (1.0 + s % 2, -1.0, 0.0), 0, margin=0.5)]
    ['beats', 'beaten', 'equivalent']
    """
    within = margin if negligible else None
    rows = replicate(measure, seed_base, margin=margin, cap=cap, min_n=min_n, batch=batch,
                     until=lambda arr: all(settled(arr[:, i], within=within)
                                           for i in range(arr.shape[1])))
    return [swept(rows[:, i], names=names, margin=margin, units=units, higher=higher,
                  negligible=negligible) for i in range(rows.shape[1])]


def permutation(observed: float, null: Iterable[float], *, alternative: str = "greater",
                name: str = "the observed value", units: str = "", bins: int = 40) -> Result:
    """Observed value against the null model's distribution: a permutation p-value.

    ``null`` holds the statistic under the null, from at least 1,000 permutations or
    conditional uniform draws. ``p = (1 + #{as extreme}) / (1 + n)`` (Phipson and Smyth
    2010). The null's histogram is kept for the page's picture.

    Examples
    --------
    >>> r = permutation(5.0, np.arange(1000) / 1000)
    >>> r.kind, r.details["p"]
    ('beats chance', 0.000999000999000999)
    """
    values = np.asarray(list(null), dtype=float)
    if values.size < 1000:
        raise ValueError(f"a permutation test needs at least 1,000 null values, got {values.size}")
    p = p_value(observed, values, alternative)
    counts, edges = np.histogram(values, bins=bins)
    lo, hi = np.quantile(values, [0.025, 0.975])
    if p < 0.05:
        kind, label = "beats chance", f"{name} is beyond what chance gives (p = {p:.3g})"
    else:
        kind, label = "chance", f"cannot tell {name} from chance (p = {p:.2g})"
    details = {"p": float(p), "alternative": alternative, "null mean": float(values.mean()),
               "null 2.5 %": float(lo), "null 97.5 %": float(hi),
               "histogram": {"counts": counts.tolist(), "edges": edges.tolist()}}
    return Result(kind, label, float(observed), None, None, int(values.size), None, units, details)


def exact(value: float, *, label: str, kind: str = "exact", units: str = "",
          low: float | None = None, high: float | None = None, n: int = 0,
          details: dict[str, Any] | None = None) -> Result:
    """A number with no randomness (a closed form, a real data set's measured value)."""
    return Result(kind, label, float(value), low, high, n, None, units, dict(details or {}))


def region(xs: Sequence[float], results: Sequence[Result], *, name: str, what: str = "",
           holds: str = "beats") -> Result:
    """Where a verdict holds over a sweep: "holds from x1 to x2", everywhere or nowhere.

    ``results[i]`` is the verdict at ``xs[i]``; it *holds* there when its kind is
    ``holds``. The estimate is the first x where it holds (NaN if nowhere).
    """
    if len(xs) != len(results) or not xs:
        raise ValueError("need one result per swept value")
    points = [{"x": float(x), "holds": r.kind == holds, "kind": r.kind, "estimate": r.estimate,
               "low": r.low, "high": r.high, "n": r.n} for x, r in zip(xs, results)]
    held = [p["x"] for p in points if p["holds"]]
    span = f"{_g(min(xs))} to {_g(max(xs))}"
    subject = f"{name} " if name else ""
    if len(held) == len(points):
        kind, label = "everywhere", f"{subject}holds everywhere from {span}{what}"
    elif not held:
        kind, label = "nowhere", f"{subject}holds nowhere from {span}{what}"
    else:
        contiguous = all(p["holds"] for p in points if min(held) <= p["x"] <= max(held))
        where = (f"from {_g(min(held))} to {_g(max(held))}" if contiguous and len(held) > 1
                 else f"at {_g(held[0])}" if len(held) == 1
                 else "at " + ", ".join(_g(x) for x in held))
        kind, label = "region", f"{subject}holds {where} (swept {span}){what}"
    n = min(r.n for r in results)
    margin = results[0].margin
    return Result(kind, label, held[0] if held else float("nan"), None, None, n, margin,
                  results[0].units, {"points": points})
