"""Results across random seeds, stated with their uncertainty.

The course's rule for every comparison of strategies: run it over at least 20
random seeds (or replications), report the mean with a 95 % confidence interval,
and say "A beats B" only when the interval of the *difference* excludes zero.

- :class:`Interval`: a mean with its interval; ``str()`` gives "862 (95 % CI 846 to 878)";
- :func:`mean_interval`: Student's t interval for the mean of replications;
- :func:`difference`: interval of the mean difference, paired (same random seeds for
  both options, the usual case here: common random numbers) or unpaired (Welch);
- :func:`verdict`: "A beats B", "B beats A" or "indistinguishable", from that interval;
- :func:`across_seeds`: call a function once per random seed and collect the results.

A 95 % interval means: if the whole experiment were repeated with new random seeds,
intervals built this way would contain the true mean 95 times in 100.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np

__all__ = ["MIN_REPLICATIONS", "Interval", "t_quantile", "mean_interval", "difference", "verdict", "across_seeds"]

#: The fewest replications a comparison in the course may rest on.
MIN_REPLICATIONS = 20


@dataclass(frozen=True)
class Interval:
    """A mean and its confidence interval, from ``n`` replications."""

    mean: float
    low: float
    high: float
    n: int
    level: float = 0.95

    @property
    def excludes_zero(self) -> bool:
        """True when the whole interval lies on one side of zero."""
        return self.low > 0 or self.high < 0

    @property
    def half_width(self) -> float:
        """Half the interval's width: the "plus or minus"."""
        return (self.high - self.low) / 2

    def format(self, digits: int = 0) -> str:
        """``"862 (95 % CI 846 to 878)"`` with ``digits`` decimals."""
        f = f"{{:,.{digits}f}}"
        pct = f"{self.level * 100:g} %"
        return f"{f.format(self.mean)} ({pct} CI {f.format(self.low)} to {f.format(self.high)})"

    def __str__(self) -> str:
        digits = 0 if max(abs(self.low), abs(self.high)) >= 100 else 2
        return self.format(digits)

    def row(self) -> dict[str, float]:
        """The interval as a table row: mean, low, high."""
        return {"mean": self.mean, "95 % CI low": self.low, "95 % CI high": self.high}


def t_quantile(dof: float, p: float) -> float:
    """Quantile ``p`` of Student's t distribution with ``dof`` degrees of freedom.

    The same number as ``scipy.stats.t.ppf(p, dof)``, from the function that one calls,
    ``scipy.special.stdtrit``.

    Examples
    --------
    >>> round(t_quantile(19, 0.975), 4)   # the 95 % interval of 20 replications
    2.093
    """
    # imported here for its cost only: scipy.special takes ~0.25 s of CPU to import and
    # scipy.stats ~1.1 s (measured on this course's machine), and a page that never builds
    # an interval should not pay it
    from scipy.special import stdtrit

    return float(stdtrit(dof, p))


def _values(values: Iterable[float]) -> np.ndarray:
    x = np.asarray(list(values) if not isinstance(values, np.ndarray) else values, dtype=float).ravel()
    if x.size < 2:
        raise ValueError(f"need at least 2 replications for an interval, got {x.size}")
    if not np.all(np.isfinite(x)):
        raise ValueError("values must be finite numbers")
    return x


def mean_interval(values: Iterable[float], level: float = 0.95) -> Interval:
    """Mean of replications with Student's t confidence interval."""
    x = _values(values)
    n = x.size
    mean = float(x.mean())
    se = float(x.std(ddof=1) / math.sqrt(n))
    t = t_quantile(n - 1, 0.5 + level / 2)
    return Interval(mean, mean - t * se, mean + t * se, n, level)


def difference(a: Sequence[float], b: Sequence[float], *, paired: bool = True,
               level: float = 0.95) -> Interval:
    """Interval of mean(a) - mean(b).

    ``paired=True``: replication ``i`` of ``a`` and of ``b`` used the same random seed,
    so the interval is that of the differences ``a[i] - b[i]`` (narrower, because both
    options met the same luck). ``paired=False``: Welch's interval for two independent
    samples.
    """
    x, y = _values(a), _values(b)
    if paired:
        if x.size != y.size:
            raise ValueError(f"paired results need equal numbers of replications, got {x.size} and {y.size}")
        return mean_interval(x - y, level)
    vx, vy = x.var(ddof=1) / x.size, y.var(ddof=1) / y.size
    se = math.sqrt(vx + vy)
    dof = (vx + vy) ** 2 / (vx**2 / (x.size - 1) + vy**2 / (y.size - 1)) if se > 0 else x.size + y.size - 2
    t = float(t_quantile(dof, 0.5 + level / 2))
    mean = float(x.mean() - y.mean())
    return Interval(mean, mean - t * se, mean + t * se, min(x.size, y.size), level)


def verdict(diff: Interval, a: str, b: str) -> str:
    """``"a beats b"``, ``"b beats a"`` or ``"a and b are indistinguishable"``.

    ``diff`` is the interval of mean(a) - mean(b) where larger is better. A verdict
    resting on fewer than :data:`MIN_REPLICATIONS` replications raises.
    """
    if diff.n < MIN_REPLICATIONS:
        raise ValueError(f"a verdict needs at least {MIN_REPLICATIONS} replications, got {diff.n}")
    if diff.low > 0:
        return f"{a} beats {b}"
    if diff.high < 0:
        return f"{b} beats {a}"
    return f"{a} and {b} are indistinguishable"


def across_seeds(func: Callable[[int], float], seeds: Iterable[int] = range(MIN_REPLICATIONS)) -> np.ndarray:
    """``func(seed)`` for every random seed, as an array (one replication each)."""
    return np.array([func(int(s)) for s in seeds], dtype=float)


def region_intervals(points: Iterable[dict]) -> list[Interval]:
    """The intervals of a sweep stored by the verdict registry (a region verdict's
    ``details["points"]``), for :func:`snb.draw.sweep_plot`.

    Examples
    --------
    >>> region_intervals([{"estimate": 1.0, "low": 0.5, "high": 1.5, "n": 20}])[0].mean
    1.0
    """
    return [Interval(float(p["estimate"]), float(p["low"]), float(p["high"]), int(p["n"]))
            for p in points]
