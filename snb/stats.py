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
    """A mean and its confidence interval, from ``n`` replications.

    Made by :func:`mean_interval` and :func:`difference`; printed as
    ``"862 (95 % CI 846 to 878)"``.

    Parameters
    ----------
    mean : float
        The estimate.
    low, high : float
        The interval's ends.
    n : int
        The number of replications behind it.
    level : float, default 0.95
        The confidence level.

    Examples
    --------
    >>> iv = Interval(862.0, 846.0, 878.0, n=20)
    >>> str(iv), iv.half_width, iv.excludes_zero
    ('862 (95 % CI 846 to 878)', 16.0, True)
    >>> Interval(0.1, -0.2, 0.4, n=20).format(1)
    '0.1 (95 % CI -0.2 to 0.4)'
    """

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
    """Mean of replications with Student's t confidence interval.

    Parameters
    ----------
    values : iterable of float
        The replications (at least two).
    level : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        The mean with its interval and the number of replications.

    Examples
    --------
    >>> iv = mean_interval([1, 2, 3, 4, 5])
    >>> iv.mean, iv.n, round(iv.low, 2), round(iv.high, 2)
    (3.0, 5, 1.04, 4.96)
    """
    x = _values(values)
    n = x.size
    mean = float(x.mean())
    se = float(x.std(ddof=1) / math.sqrt(n))
    t = t_quantile(n - 1, 0.5 + level / 2)
    return Interval(mean, mean - t * se, mean + t * se, n, level)


def difference(a: Sequence[float], b: Sequence[float], *, paired: bool = True,
               level: float = 0.95) -> Interval:
    """Interval of mean(a) - mean(b).

    Parameters
    ----------
    a, b : sequence of float
        The replications of two options.
    paired : bool, default True
        True when replication ``i`` of ``a`` and of ``b`` used the same random seed: the
        interval is then that of the differences ``a[i] - b[i]`` (narrower, because both
        options met the same luck). False: Welch's interval for two independent samples.
    level : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        The difference of the means with its interval.

    Raises
    ------
    ValueError
        When paired samples differ in length.

    Examples
    --------
    >>> a, b = [3, 4, 5, 6] * 5, [1, 2, 3, 4] * 5
    >>> difference(a, b)  # every pair differs by exactly 2
    Interval(mean=2.0, low=2.0, high=2.0, n=20, level=0.95)
    >>> difference(a, b, paired=False).format(2)
    '2.00 (95 % CI 1.27 to 2.73)'
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

    Parameters
    ----------
    diff : Interval
        The interval of mean(a) - mean(b), where larger is better.
    a, b : str
        The options' names.

    Returns
    -------
    str
        "beats" only when the interval excludes zero.

    Raises
    ------
    ValueError
        When ``diff`` rests on fewer than :data:`MIN_REPLICATIONS` replications.

    Examples
    --------
    >>> verdict(Interval(2.0, 1.0, 3.0, n=20), "peers", "broadcast")
    'peers beats broadcast'
    >>> verdict(Interval(0.5, -1.0, 2.0, n=20), "peers", "broadcast")
    'peers and broadcast are indistinguishable'
    """
    if diff.n < MIN_REPLICATIONS:
        raise ValueError(f"a verdict needs at least {MIN_REPLICATIONS} replications, got {diff.n}")
    if diff.low > 0:
        return f"{a} beats {b}"
    if diff.high < 0:
        return f"{b} beats {a}"
    return f"{a} and {b} are indistinguishable"


def across_seeds(func: Callable[[int], float], seeds: Iterable[int] = range(MIN_REPLICATIONS)) -> np.ndarray:
    """``func(seed)`` for every random seed, as an array (one replication each).

    Parameters
    ----------
    func : callable
        Takes a seed (int) and returns one number.
    seeds : iterable of int, default range(MIN_REPLICATIONS)
        The seeds, 0 to 19 unless given.

    Returns
    -------
    numpy.ndarray
        One float per seed, in the seeds' order.

    Examples
    --------
    >>> across_seeds(lambda seed: seed * 2, range(3))
    array([0., 2., 4.])
    >>> across_seeds(lambda seed: 1.0).size  # the default: 20 replications
    20
    """
    return np.array([func(int(s)) for s in seeds], dtype=float)


def region_intervals(points: Iterable[dict]) -> list[Interval]:
    """The intervals of a sweep stored by the verdict registry, for :func:`snb.draw.sweep_plot`.

    Parameters
    ----------
    points : iterable of dict
        A region verdict's ``details["points"]``: each with ``estimate``, ``low``, ``high``
        and ``n``.

    Returns
    -------
    list of Interval
        One interval per point, in order.

    Examples
    --------
    >>> ivs = region_intervals([{"estimate": 1.0, "low": 0.5, "high": 1.5, "n": 20},
    ...                         {"estimate": -0.1, "low": -0.4, "high": 0.2, "n": 20}])
    >>> [iv.excludes_zero for iv in ivs]
    [True, False]
    """
    return [Interval(float(p["estimate"]), float(p["low"]), float(p["high"]), int(p["n"]))
            for p in points]
