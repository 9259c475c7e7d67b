"""Pattern or chance on network data (chapter 7, page 3): Krackhardt's managers as matrices,
and why an ordinary p-value misleads.

The permutation machinery (QAP correlation, MRQAP regression) lives in
:mod:`snb.permutation`; this module prepares the data and the ordinary, wrong, p-value the
page compares them with.
"""

from __future__ import annotations

import math

import numpy as np

from snb.datasets import krackhardt_managers

__all__ = ["krackhardt_matrices", "off_diagonal", "naive_p_value"]


def krackhardt_matrices() -> dict[str, np.ndarray]:
    """Krackhardt's (1987) managers as 21 x 21 matrices (row ``i``, column ``j``).

    Returns
    -------
    dict of str to numpy.ndarray
        ``advice`` (i asks j), ``friendship`` (i names j a friend), ``reports_to`` (i
        reports to j, or j to i: the chart as symmetric ties), ``same department`` (1 when
        both head or work in the same department; the CEO belongs to none).

    Examples
    --------
    >>> m = krackhardt_matrices()
    >>> int(m["advice"].sum()), int(m["friendship"].sum())
    (190, 102)
    >>> bool((m["reports_to"] == m["reports_to"].T).all())
    True
    """
    data = krackhardt_managers()
    people = data.managers
    index = {p: i for i, p in enumerate(people)}
    n = len(people)
    out = {}
    for relation in ("advice", "friendship", "reports_to"):
        M = np.zeros((n, n))
        for a, b in data[relation].edges:
            M[index[a], index[b]] = 1.0
        out[relation] = M
    out["reports_to"] = np.maximum(out["reports_to"], out["reports_to"].T)
    dept = np.array([data.advice.nodes[p]["department"] for p in people])
    same = (dept[:, None] == dept[None, :]) & (dept[:, None] > 0)
    np.fill_diagonal(same, False)
    out["same department"] = same.astype(float)
    return out


def off_diagonal(M: np.ndarray) -> np.ndarray:
    """The off-diagonal cells of a square matrix, row by row (what QAP correlates).

    Parameters
    ----------
    M : numpy.ndarray
        A square matrix.

    Returns
    -------
    numpy.ndarray
        ``n * (n - 1)`` values.

    Examples
    --------
    >>> off_diagonal(np.arange(9.0).reshape(3, 3)).tolist()
    [1.0, 2.0, 3.0, 5.0, 6.0, 7.0]
    """
    return M[~np.eye(len(M), dtype=bool)]


def naive_p_value(r: float, cells: int) -> float:
    """The ordinary two-sided p-value of a Pearson correlation, as if every cell were independent.

    A normal approximation to Student's t, accurate for hundreds of cells. Wrong for
    network data, whose cells share people: page 3 shows why.

    Parameters
    ----------
    r : float
        The correlation.
    cells : int
        The number of pairs it was computed over.

    Returns
    -------
    float
        The p-value.

    Examples
    --------
    >>> round(naive_p_value(0.1, 420), 3)
    0.04
    >>> round(naive_p_value(0.1, 42), 2)  # the same r over fewer cells
    0.53
    """
    t = r * math.sqrt((cells - 2) / max(1e-12, 1 - r * r))
    return math.erfc(abs(t) / math.sqrt(2))
