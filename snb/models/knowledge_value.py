"""Blocking the channels between departments, and a stated model of what open channels are worth.

- :func:`blocking_sweep`: knowledge reach, efficiency and pairs cut off in synthetic firms
  when a share of the cross-department informal ties is blocked
  (:func:`snb.models.firm.block_cross_department`), as paired differences from no blocking
  over the same seeds;
- the **value model** (:data:`VALUE_PARAMETERS`, :func:`net_value`, :func:`value_runs`,
  :func:`value_sweep`): a simple, stated account of the essay's warning that social tools
  "may not yet deliver the value you want".

The value model. Everyone in a firm of ``people`` brings ``questions`` questions a week that
a colleague can answer. An answer that reaches you directly is worth ``answer_value``; one
that must pass through intermediaries is worth less, in proportion to ``1 / steps``, so the
firm's weekly value of answers is ``people * questions * answer_value * efficiency``
(efficiency as in Latora and Marchiori 2001). Open channels between departments raise
efficiency by ``gain`` = efficiency open minus efficiency with every cross-department tie
blocked (measured on the synthetic firm, per seed). They cost a ``licence`` per person and
year and ``hours`` a week of each person's time at ``wage`` an hour. Over ``weeks`` working
weeks a year::

    net value = people * weeks * (questions * answer_value * gain - hours * wage) - people * licence

Every value is an assumption, shown in a table; the sweep shows where the verdict flips.
"""

from __future__ import annotations

import functools
from typing import Iterable, Sequence

import networkx as nx
import numpy as np

from snb.assumptions import Parameter
from snb.models import brokerage
from snb.models.firm import block_cross_department, blocked_ties, synthetic_firm
from snb.stats import MIN_REPLICATIONS, Interval, difference, mean_interval

__all__ = ["BLOCKING_MEASURES", "blocking_runs", "blocking_sweep", "VALUE_PARAMETERS", "value_settings",
           "efficiency_gains", "net_value", "value_runs", "value_sweep", "break_even_answer_value"]

#: What blocking is measured by, in teaching order.
BLOCKING_MEASURES: tuple[str, ...] = ("reach", "efficiency", "pairs cut off")


def blocking_runs(share: float, seeds: Iterable[int] = range(MIN_REPLICATIONS),
                  **firm_settings) -> dict[str, np.ndarray]:
    """Per seed: what blocking ``share`` of the cross-department ties does to a firm's knowledge flow.

    Parameters
    ----------
    share : float
        Share of the cross-department ties blocked, in [0, 1].
    seeds : iterable of int, default range(MIN_REPLICATIONS)
        One synthetic firm per seed.
    **firm_settings
        Passed to :func:`~snb.models.firm.synthetic_firm` (``people``, ``departments``, ...).

    Returns
    -------
    dict of str to numpy.ndarray
        One value per seed of ``reach`` and ``efficiency``, in % of the same firm's
        unblocked value, and ``pairs cut off``, in % of all pairs.

    Examples
    --------
    >>> runs = blocking_runs(1.0, range(2), people=40, departments=4)
    >>> runs["reach"].round(1).tolist(), runs["pairs cut off"].round(1).tolist()
    ([38.9, 41.9], [38.5, 35.8])
    """
    return _blocking_table([share], seeds, **firm_settings)[0]


def _blocking_table(shares: Sequence[float], seeds: Iterable[int],
                    **firm_settings) -> list[dict[str, np.ndarray]]:
    """:func:`blocking_runs` for each of ``shares``, from :func:`_blocked`."""
    settings = tuple(sorted(firm_settings.items()))
    rows = [[_blocked(int(seed), float(share), settings) for seed in seeds] for share in shares]
    return [{m: np.array([r[k] for r in row]) for k, m in enumerate(BLOCKING_MEASURES)} for row in rows]


@functools.lru_cache(maxsize=512)
def _blocked(seed: int, share: float, settings: tuple) -> tuple[float, float, float]:
    """Reach, efficiency (% of the open firm's) and pairs cut off (% of all pairs) of the firm
    of ``seed`` with ``share`` of its cross-department ties blocked. Kept once computed, as
    is each firm with its open flow: page 04-3 blocks the same 20 firms at several shares,
    and again at 1.0. The blocked flow is measured on the list of ties that
    :func:`~snb.models.firm.block_cross_department` keeps."""
    informal, before = _open_firm(seed, settings)
    n = informal.number_of_nodes()
    index = {v: i for i, v in enumerate(informal)}
    gone = set(blocked_ties(informal, share, seed=seed))
    after = brokerage.flow_of_ties(n, [(index[a], index[b]) for a, b in informal.edges() if (a, b) not in gone])
    return (100 * after["reach"] / before["reach"], 100 * after["efficiency"] / before["efficiency"],
            100 * after["disconnected pairs"] / (n * (n - 1) / 2))


@functools.lru_cache(maxsize=64)
def _open_firm(seed: int, settings: tuple) -> tuple[nx.Graph, dict[str, float]]:
    """The informal network of the firm of ``seed`` and its flow without blocking (kept:
    read, never changed)."""
    F = synthetic_firm(seed=seed, **dict(settings))
    return F.informal, brokerage.flow(F.informal)


def blocking_sweep(shares: Sequence[float], seeds: Iterable[int] = range(MIN_REPLICATIONS),
                   **firm_settings) -> dict[str, list[Interval]]:
    """For each blocked share: the change of reach and of efficiency, with 95 % intervals.

    Changes are in % of the unblocked value, as paired differences (blocked minus open,
    so negative is a loss).

    Parameters
    ----------
    shares : sequence of float
        Shares of the cross-department ties blocked.
    seeds : iterable of int, default range(MIN_REPLICATIONS)
        One synthetic firm per seed, the same for every share.
    **firm_settings
        Passed to :func:`~snb.models.firm.synthetic_firm`.

    Returns
    -------
    dict of str to list of snb.stats.Interval
        ``"reach, change in %"`` and ``"efficiency, change in %"``: one interval per share.

    Examples
    --------
    >>> sweep = blocking_sweep([0.0, 1.0], range(3), people=40, departments=4)
    >>> [round(iv.mean, 1) for iv in sweep["reach, change in %"]]
    [0.0, -59.7]
    """
    seeds = list(seeds)
    out: dict[str, list[Interval]] = {"reach": [], "efficiency": []}
    for runs in _blocking_table(shares, seeds, **firm_settings):
        for m in out:
            out[m].append(difference(runs[m], np.full(len(seeds), 100.0)))
    return {f"{m}, change in %": v for m, v in out.items()}


#: The value model's parameters with their default values (all assumptions).
VALUE_PARAMETERS: list[Parameter] = [
    Parameter("people", 100, "size of the firm (the default synthetic firm)"),
    Parameter("questions", 2.0, "questions a week per person that a colleague in the firm can answer"),
    Parameter("answer_value", 60.0, "value of an answer that comes directly (euros): time saved, "
                                    "errors avoided; less through intermediaries, as 1 / steps"),
    Parameter("licence", 60.0, "yearly cost of the social tool per person (euros)"),
    Parameter("hours", 0.5, "hours a week each person spends keeping up the tool and its contacts"),
    Parameter("wage", 40.0, "cost of an hour of a person's time (euros)"),
    Parameter("weeks", 46, "working weeks a year"),
]


def value_settings(**changes: float) -> dict[str, float]:
    """The value model's defaults as a dictionary, with some values changed."""
    settings = {p.name: p.value for p in VALUE_PARAMETERS}
    unknown = set(changes) - set(settings)
    if unknown:
        raise KeyError(f"no value parameter named {sorted(unknown)}; known: {sorted(settings)}")
    return {**settings, **changes}


def efficiency_gains(seeds: Iterable[int] = range(MIN_REPLICATIONS), **firm_settings) -> np.ndarray:
    """Per seed: efficiency of the open firm minus efficiency with every cross-department
    informal tie blocked."""
    gains = []
    for seed in seeds:
        F = synthetic_firm(seed=seed, **firm_settings)
        gains.append(brokerage.flow(F.informal)["efficiency"]
                     - brokerage.flow(block_cross_department(F.informal, 1.0, seed=seed))["efficiency"])
    return np.array(gains)


def net_value(gain: float | np.ndarray, **changes: float) -> float | np.ndarray:
    """Yearly net value (euros) of open channels for an efficiency gain ``gain`` (see the
    module's formula); the other values from :data:`VALUE_PARAMETERS` unless changed."""
    p = value_settings(**changes)
    weekly = p["questions"] * p["answer_value"] * np.asarray(gain) - p["hours"] * p["wage"]
    return p["people"] * p["weeks"] * weekly - p["people"] * p["licence"]


def value_runs(gains: np.ndarray, **changes: float) -> np.ndarray:
    """Net value per seed for the measured ``gains``."""
    return np.asarray(net_value(gains, **changes), dtype=float)


def value_sweep(name: str, values: Sequence[float], gains: np.ndarray, **changes: float) -> dict[str, list[Interval]]:
    """Net value (thousand euros a year) with its 95 % interval over the seeds of ``gains``,
    as one value parameter is swept."""
    return {"net value, thousand euros a year": [mean_interval(value_runs(gains, **{**changes, name: v}) / 1000)
                                                 for v in values]}


def break_even_answer_value(gains: np.ndarray, **changes: float) -> np.ndarray:
    """Per seed: the value of a direct answer at which open channels exactly pay for
    themselves (net value 0), the other values fixed."""
    p = value_settings(**changes)
    cost = p["hours"] * p["wage"] + p["licence"] / p["weeks"]
    return cost / (p["questions"] * np.asarray(gains, dtype=float))
