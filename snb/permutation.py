"""Permutation tests: is an observed value beyond what chance would give?

On network data the observations are not independent (a tie between two people shares
both people with many other ties), so textbook p-values do not apply. A permutation test
builds the null distribution by shuffling what the null hypothesis says does not matter,
recomputing the statistic each time, and asking how often chance reaches the observed
value (Good 2005; for networks, Krackhardt 1988).

- :func:`p_value`: the permutation p-value of an observed value against null values;
- :func:`permutation_null`: null values of any statistic under any shuffle;
- :func:`qap_correlation`: Krackhardt's (1988) QAP test of two networks' correlation;
- :func:`mrqap`: QAP regression of one network on several (Dekker, Krackhardt and
  Snijders 2007, double semi-partialling), added by chapter 7.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

__all__ = ["p_value", "permutation_null", "offdiagonal", "matrix_correlation",
           "qap_correlation", "MRQAPResult", "mrqap"]

ALTERNATIVES = ("greater", "less", "two-sided")


def p_value(observed: float, null: np.ndarray, alternative: str = "greater") -> float:
    """Permutation p-value: ``(1 + #{null values as extreme as observed}) / (1 + n)``.

    The ``+ 1`` counts the observed value as one of the permutations (Phipson and
    Smyth 2010), so the p-value is never 0. Null values equal to the observed one
    count as extreme.

    Parameters
    ----------
    observed : float
        The statistic on the real data.
    null : numpy.ndarray
        The statistic on ``n`` permuted copies.
    alternative : {"greater", "less", "two-sided"}, default "greater"
        Which side is extreme; ``"two-sided"`` measures extremity as the distance from
        the null's mean.

    Returns
    -------
    float
        The p-value, in (0, 1].

    Raises
    ------
    ValueError
        For an unknown alternative or an empty null.

    Examples
    --------
    >>> p_value(3.0, np.array([0.0, 1.0, 2.0, 3.0]))
    0.4
    >>> p_value(3.0, np.array([0.0, 1.0, 2.0, 3.0]), alternative="less")
    1.0
    """
    null = np.asarray(null, dtype=float)
    if alternative not in ALTERNATIVES:
        raise ValueError(f"alternative must be one of {ALTERNATIVES}")
    if null.size == 0:
        raise ValueError("need null values")
    tol = 1e-12 * max(1.0, abs(observed))  # ties with the observed value count as extreme
    if alternative == "greater":
        hits = np.count_nonzero(null >= observed - tol)
    elif alternative == "less":
        hits = np.count_nonzero(null <= observed + tol)
    else:
        centre = null.mean()
        hits = np.count_nonzero(np.abs(null - centre) >= abs(observed - centre) - tol)
    return float((1 + hits) / (1 + null.size))


def permutation_null(statistic: Callable[[Any], float], data: Any,
                     shuffle: Callable[[Any, np.random.Generator], Any], *, n: int = 1000,
                     seed: int = 0) -> np.ndarray:
    """``statistic(shuffle(data, rng))`` for ``n`` shuffles drawn with ``seed``.

    Examples
    --------
    >>> null = permutation_null(lambda x: x[0], np.arange(4),
    ...                         lambda x, rng: rng.permutation(x), n=1000, seed=1)
    >>> null.shape, sorted(set(null.tolist()))
    ((1000,), [0.0, 1.0, 2.0, 3.0])
    """
    if n < 1:
        raise ValueError("n must be positive")
    rng = np.random.default_rng(seed)
    return np.array([statistic(shuffle(data, rng)) for _ in range(n)], dtype=float)


def offdiagonal(matrix: np.ndarray) -> np.ndarray:
    """The cells of a square matrix off its diagonal, row by row (self-ties excluded)."""
    m = np.asarray(matrix, dtype=float)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise ValueError("need a square matrix")
    return m[~np.eye(m.shape[0], dtype=bool)]


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(x.size)
    ranks[order] = np.arange(x.size)
    # average ranks over ties
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return sums[inverse] / counts[inverse]


def matrix_correlation(x: np.ndarray, y: np.ndarray, method: str = "pearson") -> float:
    """Correlation of two networks' off-diagonal cells (Pearson or Spearman)."""
    a, b = offdiagonal(x), offdiagonal(y)
    if a.size != b.size:
        raise ValueError("the matrices must have the same size")
    if method == "spearman":
        a, b = _ranks(a), _ranks(b)
    elif method != "pearson":
        raise ValueError("method must be 'pearson' or 'spearman'")
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def qap_correlation(x: np.ndarray, y: np.ndarray, *, n: int = 1000, seed: int = 0,
                    method: str = "pearson") -> tuple[float, np.ndarray]:
    """Krackhardt's (1988) QAP test: the observed correlation and its null values.

    The null relabels the people of ``y`` (the same permutation of rows and columns),
    which keeps each network's structure (who is busy, who is reciprocated) and breaks
    only the match between the two networks.

    Parameters
    ----------
    x, y : numpy.ndarray
        Square matrices of the same people in the same order (the diagonal is ignored).
    n : int, default 1000
        Number of permutations.
    seed : int, default 0
        Seed of the permutations.
    method : {"pearson", "spearman"}, default "pearson"
        The correlation of the off-diagonal cells.

    Returns
    -------
    observed : float
        The correlation of ``x`` and ``y``.
    null : numpy.ndarray
        ``n`` correlations of ``x`` with relabelled copies of ``y``; pass both to
        :func:`p_value`.

    Raises
    ------
    ValueError
        When the matrices differ in shape.

    Examples
    --------
    >>> a = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]])
    >>> observed, null = qap_correlation(a, a, n=200, seed=0)
    >>> round(observed, 2), null.shape
    (1.0, (200,))
    >>> bool(null.max() <= observed)
    True
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise ValueError("the two networks need the same people in the same order")
    observed = matrix_correlation(x, y, method)

    def shuffle(m: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        order = rng.permutation(m.shape[0])
        return m[np.ix_(order, order)]

    null = permutation_null(lambda m: matrix_correlation(x, m, method), y, shuffle, n=n, seed=seed)
    return observed, null


# ------------------------------------------------------------ MRQAP (chapter 7)
@dataclass(frozen=True)
class MRQAPResult:
    """A multiple regression of one network on others with QAP p-values.

    ``coefficients`` and ``t`` per predictor (the intercept first, under "intercept"),
    ``p`` (two-sided, from the permutation null of each predictor's t statistic),
    ``null`` (per predictor, the t statistics under its null), ``r2``, ``cells``.
    """

    names: tuple[str, ...]
    coefficients: dict[str, float]
    t: dict[str, float]
    p: dict[str, float]
    null: dict[str, np.ndarray]
    r2: float
    cells: int


def _ols_t(y: np.ndarray, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Least squares of y on X (with its intercept column): coefficients, t values, R^2."""
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    dof = len(y) - X.shape[1]
    sigma2 = float(resid @ resid) / dof
    cov = sigma2 * np.linalg.pinv(X.T @ X)
    se = np.sqrt(np.clip(np.diag(cov), 1e-300, None))
    total = float(((y - y.mean()) ** 2).sum())
    return beta, beta / se, 1 - float(resid @ resid) / total if total else 0.0


def mrqap(y: np.ndarray, predictors: Mapping[str, np.ndarray], *, n: int = 1000, seed: int) -> MRQAPResult:
    """Multiple regression QAP with Dekker, Krackhardt and Snijders' (2007) double
    semi-partialling: for each predictor, its residuals after regressing it on the other
    predictors are permuted (rows and columns together) and the regression refitted; the
    null of its t statistic comes from those refits. Cells: the off-diagonal pairs.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> x = rng.random((15, 15)); y = 2 * x + rng.random((15, 15))
    >>> r = mrqap(y, {"x": x}, n=200, seed=1)
    >>> r.p["x"] < 0.05, round(r.coefficients["x"], 1)
    (True, 1.8)
    """
    size = len(y)
    mask = ~np.eye(size, dtype=bool)
    names = tuple(predictors)
    if not names:
        raise ValueError("mrqap needs at least one predictor")
    for name, M in [("y", y), *predictors.items()]:
        if np.shape(M) != (size, size):
            raise ValueError(f"{name} must be a {size} x {size} matrix like y, got shape {np.shape(M)}")
    yv = np.asarray(y, float)[mask]
    cols = [np.asarray(predictors[k], float)[mask] for k in names]
    X = np.column_stack([np.ones_like(yv), *cols])
    beta, t, r2 = _ols_t(yv, X)
    rng = np.random.default_rng(seed)
    null: dict[str, np.ndarray] = {}
    p: dict[str, float] = {}
    for k, name in enumerate(names, start=1):
        others = np.delete(X, k, axis=1)
        gamma, *_ = np.linalg.lstsq(others, X[:, k], rcond=None)
        resid = np.zeros((size, size))
        resid[mask] = X[:, k] - others @ gamma
        stats_k = np.empty(n)
        for i in range(n):
            order = rng.permutation(size)
            Xp = X.copy()
            Xp[:, k] = resid[np.ix_(order, order)][mask]
            stats_k[i] = _ols_t(yv, Xp)[1][k]
        null[name] = stats_k
        p[name] = p_value(t[k], stats_k, "two-sided")
    labels = ("intercept", *names)
    return MRQAPResult(names=names, coefficients=dict(zip(labels, beta.tolist())), t=dict(zip(labels, t.tolist())),
                       p=p, null=null, r2=r2, cells=int(mask.sum()))
