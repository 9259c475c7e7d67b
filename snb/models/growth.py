"""A network of businesses that grows one business at a time, each tying to earlier ones.

:func:`growth_edges` and :func:`grow_network` with attachment strength ``alpha`` (0
uniform, 1 linear preferential attachment, above 1 winner takes all); :func:`degrees_at`
and :func:`snapshot` look at it at an earlier time; :func:`newcomer_outcome` asks where a
late arrival ends up. The ties join businesses to businesses (partners, links), which is
the classic Barabasi-Albert setting and what ``snb.draw.grown_network`` and
``growth_snapshots`` draw. Chapter 2's lesson asks about customers following the crowd,
so it uses :mod:`snb.models.market`, where customers choose businesses.
"""

from __future__ import annotations

from typing import Sequence

import networkx as nx
import numpy as np


def _distinct_draws(weights: np.ndarray, cum: np.ndarray, rows: int, m: int,
                    rng: np.random.Generator) -> np.ndarray:
    """``rows`` draws of ``m`` distinct indices each, with probability proportional to
    ``weights`` (``cum`` is their cumulative sum): sampling without replacement,
    one pick after another, each from what is left.

    A picked index is cut out of the line of cumulative weights by shifting the
    random number past it, so no redraws are needed however skewed the weights.
    """
    chosen = np.empty((rows, m), dtype=np.int64)
    last, total = len(weights) - 1, cum[-1]
    uniform = rng.random((m, rows))  # row j: the random numbers of the j-th pick
    chosen[:, 0] = np.minimum(np.searchsorted(cum, uniform[0] * total, side="right"), last)
    for j in range(1, m):
        taken = np.sort(chosen[:, :j], axis=1) if j > 1 else chosen[:, :1]
        w_taken = weights[taken]
        u = uniform[j] * (total - w_taken.sum(axis=1))
        for k in range(j):
            w = w_taken[:, k]
            u = np.where(u >= cum[taken[:, k]] - w, u + w, u)
        chosen[:, j] = np.minimum(np.searchsorted(cum, u, side="right"), last)
    return chosen


def _check_growth_args(n: int, m: int, alpha: float, batch: float) -> None:
    for name, value in (("n", n), ("m", m)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    if m < 1:
        raise ValueError(f"m (ties per newcomer) must be at least 1, got {m}")
    if n < m + 1:
        raise ValueError(f"n must be at least m + 1 = {m + 1} businesses, got {n}")
    if not 0.0 <= float(alpha) <= 5.0:
        raise ValueError(f"alpha (attachment strength) must lie between 0 and 5, got {alpha}")
    if not 0.0 <= float(batch) <= 0.1:
        raise ValueError(f"batch must lie between 0 and 0.1, got {batch}")


def growth_edges(n: int, m: int = 2, alpha: float = 1.0, *, seed: int | None = 1,
                 appeal: Sequence[float] | None = None, batch: float = 0.01) -> np.ndarray:
    """Ties of a market grown one business at a time, in the order they formed.

    The market starts with ``m + 1`` founders who all know each other. Business
    ``t`` (numbered in order of arrival) then ties to ``m`` different businesses
    already there, choosing ``v`` with probability proportional to
    ``appeal[v] * degree(v) ** alpha``: ``alpha = 0`` is uniform random attachment,
    ``alpha = 1`` linear preferential attachment (Barabasi and Albert 1999), and
    ``alpha > 1`` lets the largest take nearly everything (Krapivsky, Redner and
    Leyvraz 2000). ``appeal`` (default 1 for all) is how attractive each business
    is for the same number of ties (Bianconi and Barabasi 2001).

    For speed, newcomers arrive in small cohorts that see the degrees as they were
    when the cohort began: a cohort is at most ``batch`` times the current size (1 %
    by default, so the first 100 arrive one by one). ``batch=0`` is exact, one by
    one, and about twenty times slower. Returns an ``(E, 2)`` array of
    ``(newcomer, chosen)`` pairs; the newcomer is always the later arrival.
    """
    _check_growth_args(n, m, alpha, batch)
    n, m, alpha = int(n), int(m), float(alpha)
    if appeal is None:
        fit = np.ones(n)
    else:
        fit = np.asarray(appeal, dtype=float)
        if fit.shape != (n,) or not np.all(np.isfinite(fit)) or np.any(fit <= 0):
            raise ValueError(f"appeal must hold {n} positive numbers, one per business")
    rng = np.random.default_rng(seed)
    founders = m + 1
    lower, upper = np.tril_indices(founders, -1)
    parts = [np.column_stack([lower, upper])]
    degree = np.zeros(n, dtype=np.int64)
    degree[:founders] = m
    t = founders
    while t < n:
        size = min(n - t, max(1, int(batch * t)))
        weights = fit[:t] * degree[:t].astype(float) ** alpha
        chosen = _distinct_draws(weights, np.cumsum(weights), size, m, rng)
        part = np.empty((size * m, 2), dtype=np.int64)
        part[:, 0] = np.repeat(np.arange(t, t + size), m)
        part[:, 1] = chosen.ravel()
        parts.append(part)
        np.add.at(degree, chosen.ravel(), 1)
        degree[t:t + size] = m
        t += size
    return np.concatenate(parts)


def grow_network(n: int, m: int = 2, alpha: float = 1.0, *, seed: int | None = 1,
                 appeal: Sequence[float] | None = None, batch: float = 0.01) -> nx.Graph:
    """A grown market as a graph: node ``i`` is the ``i``-th business to arrive.

    See :func:`growth_edges` for the model. Node attribute ``arrival`` repeats the
    arrival number; ``G.graph`` records the parameters, so :func:`snapshot` and
    :func:`degrees_at` can look back in time.
    """
    edges = growth_edges(n, m, alpha, seed=seed, appeal=appeal, batch=batch)
    G = nx.Graph(name=f"grown market (alpha = {float(alpha):g})", source="snb.models.grow_network",
                 n=int(n), m=int(m), alpha=float(alpha), seed=seed, batch=float(batch))
    G.add_nodes_from((i, {"arrival": i}) for i in range(int(n)))
    G.add_edges_from(edges.tolist())
    if appeal is not None:
        nx.set_node_attributes(G, dict(enumerate(np.asarray(appeal, dtype=float).tolist())), "appeal")
    return G


def market_edges(market: nx.Graph | np.ndarray, t: int | None = None) -> tuple[int, np.ndarray]:
    """Final size of a grown market and its ties (an edge array) among the first ``t`` arrivals.

    ``market`` is a graph from :func:`grow_network` or edges from
    :func:`growth_edges`; ``t=None`` means the end.
    """
    if isinstance(market, nx.Graph):
        n = market.number_of_nodes()
        edges = np.array(list(market.edges), dtype=np.int64).reshape(-1, 2)
    else:
        edges = np.asarray(market, dtype=np.int64).reshape(-1, 2)
        n = int(edges.max()) + 1 if edges.size else 0
    if t is not None and edges.size:
        edges = edges[edges.max(axis=1) < t]
    return n, edges


def degrees_at(market: nx.Graph | np.ndarray, t: int | None = None) -> np.ndarray:
    """Degrees of the first ``t`` arrivals when the market had ``t`` businesses.

    ``market`` is a graph from :func:`grow_network` or edges from
    :func:`growth_edges`; ``t=None`` means the end. Entry ``i`` belongs to the
    ``i``-th arrival.
    """
    n, _ = market_edges(market)
    t = n if t is None else int(t)
    if not 0 <= t <= n:
        raise ValueError(f"t must lie between 0 and {n}, got {t}")
    return np.bincount(market_edges(market, t)[1].ravel(), minlength=t)


def snapshot(G: nx.Graph, t: int) -> nx.Graph:
    """The market as it was when its first ``t`` businesses had arrived (a copy)."""
    if not 0 <= int(t) <= G.number_of_nodes():
        raise ValueError(f"t must lie between 0 and {G.number_of_nodes()}, got {t}")
    H = G.subgraph(v for v in G if G.nodes[v].get("arrival", v) < int(t)).copy()
    H.graph["name"] = f"{G.graph.get('name', 'market')} after {int(t)} arrivals"
    return H


def newcomer_outcome(n: int = 2000, m: int = 2, alpha: float = 1.0, *, arrival: int = 200,
                     appeal: float = 1.0, runs: int = 20, seed: int = 0) -> dict[str, float]:
    """Where one business arriving late ends up, over ``runs`` seeded markets.

    Business number ``arrival`` gets ``appeal`` times the attraction of everyone
    else (1 = an ordinary newcomer). Returns the median share of the market that
    ends with more ties than the newcomer (0 = nobody is ahead), the share of runs
    in which it ends in the top 1 % and in the top 10 %, in which it leads the
    market outright, and the median lead of the best-connected business (its
    ties divided by the newcomer's).
    """
    if not 0 <= int(arrival) < int(n):
        raise ValueError(f"arrival must lie between 0 and {int(n) - 1}, got {arrival}")
    fit = np.ones(int(n))
    fit[int(arrival)] = float(appeal)
    ahead, leads, gap = [], [], []
    for s in np.random.SeedSequence(seed).generate_state(runs):
        degree = degrees_at(growth_edges(n, m, alpha, seed=int(s), appeal=fit))
        mine = degree[int(arrival)]
        ahead.append(float(np.mean(degree > mine)))
        leads.append(bool(mine == degree.max()))
        gap.append(degree.max() / mine)
    ahead_arr = np.array(ahead)
    return {
        "median share ahead": float(np.median(ahead_arr)),
        "top 1 %": float(np.mean(ahead_arr < 0.01)),
        "top 10 %": float(np.mean(ahead_arr < 0.10)),
        "leads": float(np.mean(leads)),
        "leader's lead": float(np.median(gap)),
    }
