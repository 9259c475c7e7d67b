"""Pictures of a region verdict: the difference and its 95 % band at each swept value.

A region verdict (:func:`snb.verdicts.region`) keeps, for each swept value, the estimate and
interval of the comparison made there; :func:`region_picture` draws them with
:func:`snb.draw.sweep_plot`, so a page shows where the verdict holds without recomputing it.
"""

from __future__ import annotations

from typing import Any

from snb import draw, stats

__all__ = ["region_picture", "region_rows"]


def region_rows(verdict: Any) -> dict[str, dict[str, Any]]:
    """One row per swept value: estimate, 95 % interval and the label's kind there.

    Examples
    --------
    >>> from snb.verdicts import stored
    >>> rows = region_rows(stored("04-threshold-region"))
    >>> sorted(rows["0.4"])
    ['difference', 'high', 'low', 'runs', 'verdict there']
    """
    return {f"{p['x']:g}": {"difference": p["estimate"], "low": p["low"], "high": p["high"], "runs": p["n"],
                           "verdict there": p["kind"]} for p in verdict.details["points"]}


def region_picture(verdict: Any, *, title: str, xlabel: str, ylabel: str, name: str) -> draw.Picture:
    """The region verdict's differences with their bands over the swept values.

    Parameters
    ----------
    verdict : Verdict
        A region verdict: its ``details["points"]`` hold ``x``, ``estimate``, ``low``,
        ``high`` and ``n`` for each swept value.
    title, xlabel, ylabel : str
        The picture's title and axis labels.
    name : str
        The legend's name for the difference.

    Returns
    -------
    snb.draw.Picture
        The :func:`snb.draw.sweep_plot` of the points.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> points = [{"x": 1, "estimate": 2.0, "low": 1.0, "high": 3.0, "n": 20},
    ...           {"x": 2, "estimate": 0.5, "low": -0.5, "high": 1.5, "n": 20}]
    >>> picture = region_picture(SimpleNamespace(details={"points": points}), title="Gap",
    ...                          xlabel="budget", ylabel="difference", name="A minus B")
    >>> picture.alt.split(": ", 2)[2]  # the sign at each swept value
    'A minus B: 1 +, 2 0.'
    """
    points = verdict.details["points"]
    xs = [p["x"] for p in points]
    ivs = [stats.Interval(p["estimate"], p["low"], p["high"], p["n"]) for p in points]
    return draw.sweep_plot(xs, {name: ivs}, title=title, xlabel=xlabel, ylabel=ylabel)
