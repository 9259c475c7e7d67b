"""Chapter 4's verdicts on complex contagion: brokers or a clustered team as first users?

A rollout's first users (``budget`` of them) are the people with the most ties across
departments (one per department) or a tight group inside one department
(:func:`snb.models.threshold.seed_sets`); people adopt once a share ``theta`` of their
contacts has (Granovetter 1978). One replication is one synthetic firm (chapter 4's model,
:data:`snb.models.threshold.ROLLOUT_FIRM`); clustered seeding is averaged over the
departments it could start in. Krackhardt's (1987) managers are one real firm: no chance is
involved there, the values are exact.
"""

from __future__ import annotations

import functools

import networkx as nx
import numpy as np

from snb.datasets import krackhardt_managers
from snb.models import firm, threshold
from snb.verdicts import compare, exact, region, register, replicate

#: The firm of the page and the explorer.
FIRM = threshold.ROLLOUT_FIRM
#: First users the rollout can train.
BUDGET = 6
#: Thresholds swept (share of one's contacts who must have adopted).
THETAS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
#: A difference in share of staff reached that matters to a rollout.
MARGIN = 0.05

_ASSUMPTIONS = {"firm": "chapter 4's synthetic firm, 120 people in 6 departments (assumption)",
                "budget": "6 first users (assumption)",
                "threshold": "Granovetter (1978) threshold rule; the values swept are assumptions"}


@functools.lru_cache(maxsize=256)
def _setup(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Adjacency and the seed sets (row 0 brokers, then clustered per department) of one firm."""
    F = firm.synthetic_firm(FIRM["people"], FIRM["departments"], brokers=FIRM["brokers"],
                            within_degree=FIRM["within_degree"], cross_rate=FIRM["cross_rate"], seed=seed)
    G = F.informal
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    depts = sorted({d for _, d in G.nodes(data="department")} - {0})
    sets = [threshold.seed_sets(G, BUDGET, "brokers")] + [threshold.seed_sets(G, BUDGET, "clustered", department=d)
                                                          for d in depts]
    S = np.zeros((len(sets), len(nodes)), dtype=bool)
    for r, chosen in enumerate(sets):
        S[r, [index[v] for v in chosen]] = True
    return A, S


def shares(seed: int, *, theta: float | None = None, k: int | None = None) -> tuple[float, float]:
    """(clustered, brokers): share of the firm reached, one firm."""
    A, S = _setup(int(seed))
    final = threshold.spread_fast(A, S, theta=theta, k=k).mean(axis=1)
    return float(final[1:].mean()), float(final[0])


def _at(theta: float, seed_base: int):
    rows = replicate(lambda s: shares(s, theta=theta), seed_base, margin=MARGIN, cap=120)
    return compare(rows[:, 0], rows[:, 1], names=("clustered seeding", "broker seeding"), margin=MARGIN,
                   units="share of staff")


@register("04-threshold-region", chapter="04", margin=MARGIN, units="share of staff",
          question="Over which adoption thresholds does a clustered team of first users reach more staff "
                   "than brokers spread across departments?", assumptions=_ASSUMPTIONS)
def threshold_region(seed_base: int):
    return region(THETAS, [_at(t, seed_base) for t in THETAS], name="clustered seeding beats brokers",
                  holds="beats")


@register("04-threshold-brokers-win", chapter="04", margin=MARGIN, units="share of staff",
          question="At a low threshold (a quarter of one's contacts), do brokers reach more staff?",
          assumptions=_ASSUMPTIONS)
def brokers_win(seed_base: int):
    return _at(0.25, seed_base)


@register("04-threshold-clustered-win", chapter="04", margin=MARGIN, units="share of staff",
          question="At a high threshold (two fifths of one's contacts), does a clustered team reach more staff?",
          assumptions=_ASSUMPTIONS)
def clustered_win(seed_base: int):
    return _at(0.4, seed_base)


@register("04-threshold-simple", chapter="04", margin=MARGIN, units="share of staff",
          question="When one contact is enough (simple contagion, k = 1), does the choice of first users "
                   "change how many adopt in the end?", assumptions=_ASSUMPTIONS)
def simple(seed_base: int):
    rows = replicate(lambda s: shares(s, k=1), seed_base, margin=MARGIN, cap=60)
    return compare(rows[:, 0], rows[:, 1], names=("clustered seeding", "broker seeding"), margin=MARGIN,
                   units="share of staff")


#: Thresholds shown for Krackhardt's managers.
KRACKHARDT_THETAS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def krackhardt_table(relation: str, budget: int = 3) -> list[dict[str, float]]:
    """Share of the 21 managers reached by each seeding, per threshold (exact)."""
    G = krackhardt_managers()[relation]
    return [{"theta": t, **threshold.rollout(G, budget, theta=t)} for t in KRACKHARDT_THETAS]


@register("04-threshold-krackhardt", chapter="04", units="share of managers",
          question="On Krackhardt's managers (advice ties, then friendship ties as trust), does a clustered "
                   "start ever reach more managers than brokers, at any threshold?")
def krackhardt(seed_base: int):
    tables = {r: krackhardt_table(r) for r in ("advice", "friendship")}
    wins = [(r, row["theta"]) for r, rows in tables.items() for row in rows
            if row["clustered"] > row["brokers"] + 1e-9]
    best = max(row["clustered"] - row["brokers"] for rows in tables.values() for row in rows)
    label = ("a clustered start never reaches more managers than brokers, at any threshold from 0.1 to 0.6"
             if not wins else "a clustered start reaches more managers at " + ", ".join(
                 f"theta {t:g} ({r})" for r, t in wins))
    return exact(best, label=label, units="share of managers", details={"tables": tables})
