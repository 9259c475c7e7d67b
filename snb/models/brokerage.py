"""Brokers, key people and the flow of knowledge through an organisation's informal network.

- :func:`flow`: how well knowledge can travel: **reach** (the average share of colleagues a
  person can reach within two steps: ask someone, who asks someone), **mean path** (average
  steps between connected people), **efficiency** (the average of 1 / steps over all pairs,
  0 for a pair with no path; Latora and Marchiori 2001) and **disconnected pairs**;
- :func:`key_person_losses`: what the firm loses when one person leaves;
- broker measures (:data:`BROKER_MEASURES`): degree, betweenness (Freeman 1977), Burt's
  (1992) **constraint** (low constraint = many non-redundant contacts) and **effective
  size**, and the number of **local bridges** a person sits on (Granovetter 1973);
  :func:`constraint` and :func:`effective_size` give networkx's values, vectorised;
- :func:`precision_at_k` and :func:`recovery_study`: how many of a measure's top ``k``
  people are planted brokers of the synthetic firm, over many seeds;
- :func:`leaders` and :func:`rank_comparison`: who leads by which measure (the Krackhardt
  kite, Krackhardt 1990) and how informal standing compares with rank in the org chart.

Networks are treated as undirected (a tie lets knowledge pass both ways).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Hashable, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

from snb.measures import betweenness
from snb.models.firm import org_rank, synthetic_firm
from snb.stats import MIN_REPLICATIONS, difference

__all__ = ["REACH_STEPS", "FLOW_MEASURES", "distances", "flow", "key_person_losses", "BROKER_MEASURES",
           "constraint", "effective_size", "local_bridge_counts", "broker_scores", "top_k", "precision_at_k",
           "recovery_study", "leaders", "CENTRALITIES", "sought_beyond_rank", "overlap",
           "chart_and_network_study", "relative_losses", "DEPARTURES", "departure_study", "recovery_sweep"]

#: Steps within which a colleague counts as "reachable" for knowledge reach.
REACH_STEPS = 2

#: The measures of :func:`flow`, in teaching order.
FLOW_MEASURES: tuple[str, ...] = ("reach", "mean path", "efficiency", "disconnected pairs")


def _undirected(G: nx.Graph) -> nx.Graph:
    return G.to_undirected(as_view=True) if G.is_directed() else G


def _adjacency(G: nx.Graph) -> sparse.csr_array:
    U = _undirected(G)
    A = nx.to_scipy_sparse_array(U, weight=None, format="csr", dtype=float)
    A.data[:] = 1.0
    return A


def distances(G: nx.Graph) -> np.ndarray:
    """Steps on a shortest path between every pair of people (``inf`` with no path),
    rows and columns in the order of ``G``'s nodes (breadth-first search in scipy)."""
    from scipy.sparse import csgraph  # imported here: scipy.sparse costs every page ~0.15 s
    if G.number_of_nodes() == 0:
        return np.zeros((0, 0))
    return csgraph.shortest_path(_adjacency(G), unweighted=True, directed=False)


def _flow_from(dist: np.ndarray, rows: np.ndarray | None = None) -> dict[str, float]:
    """Flow measures from distances; ``rows``: the sources of a sample (``dist`` holds only
    their rows), whose averages estimate the whole network's."""
    n = dist.shape[1]
    if n < 2:
        return {"reach": 0.0, "mean path": 0.0, "efficiency": 0.0, "disconnected pairs": 0}
    off = np.ones(dist.shape, dtype=bool)
    off[np.arange(dist.shape[0]), np.arange(n) if rows is None else rows] = False
    finite = np.isfinite(dist) & off
    with np.errstate(divide="ignore"):
        inverse = np.where(off, 1.0 / dist, 0.0)
    pairs = dist.shape[0] * (n - 1)
    missing = (~np.isfinite(dist)).sum() / pairs * (n * (n - 1) / 2)
    return {
        "reach": float(((dist <= REACH_STEPS) & off).sum() / pairs),
        "mean path": float(dist[finite].mean()) if finite.any() else 0.0,
        "efficiency": float(inverse.sum() / pairs),
        "disconnected pairs": int(round(missing)),
    }


def flow(G: nx.Graph, *, sample: int | None = None, seed: int = 0) -> dict[str, float]:
    """How well knowledge can travel through ``G`` (see the module's description).

    ``efficiency`` equals ``nx.global_efficiency``; ``mean path`` averages over the
    pairs that are connected at all; ``disconnected pairs`` counts unordered pairs.
    ``sample``: estimate every measure from the paths of that many randomly chosen
    people (seeded by ``seed``) instead of everyone's, for large firms.
    """
    from scipy.sparse import csgraph  # imported here: scipy.sparse costs every page ~0.15 s
    n = G.number_of_nodes()
    if sample is None or sample >= n:
        return _flow_from(distances(G))
    rows = np.sort(np.random.default_rng(seed).choice(n, size=sample, replace=False))
    dist = csgraph.shortest_path(_adjacency(G), unweighted=True, directed=False, indices=rows)
    return _flow_from(dist, rows)


def relative_losses(G: nx.Graph, people: Iterable[Hashable]) -> dict[Hashable, float]:
    """Each person's efficiency loss (:func:`key_person_losses`) as a share of the efficiency
    the others had with them: 0.05 means the others lose 5 % of their efficiency."""
    people = list(people)
    losses = key_person_losses(G, people)
    nodes = list(G)
    full = distances(G)
    out = {}
    for person in people:
        keep = np.array([j for j, v in enumerate(nodes) if v != person])
        before = _flow_from(full[np.ix_(keep, keep)])["efficiency"]
        out[person] = losses[person]["efficiency loss"] / before if before else 0.0
    return out


#: The departures :func:`departure_study` compares, each a rule naming one person of a firm.
DEPARTURES: tuple[str, ...] = ("the CEO", "the biggest department's head", "the top broker by betweenness",
                               "a random staff member")


def departure_study(seeds: Iterable[int] = range(MIN_REPLICATIONS), **firm_settings) -> dict[str, np.ndarray]:
    """Over synthetic firms, one value per seed and departure rule of :data:`DEPARTURES`: the
    share of the others' efficiency lost when that person leaves (:func:`relative_losses`)."""
    out: dict[str, list[float]] = {d: [] for d in DEPARTURES}
    for seed in seeds:
        F = synthetic_firm(seed=seed, **firm_settings)
        below = org_rank(F.org)
        heads = list(F.org.predecessors(0))
        staff = [v for v in F.org if F.org.in_degree(v) == 0 and v not in F.brokers]
        chosen = {"the CEO": 0, "the biggest department's head": max(heads, key=lambda h: (below[h], -h)),
                  "the top broker by betweenness": top_k(broker_scores(F.informal, "betweenness"), 1)[0],
                  "a random staff member": staff[np.random.default_rng(seed).integers(len(staff))]}
        lost = relative_losses(F.informal, set(chosen.values()))
        for rule, person in chosen.items():
            out[rule].append(lost[person])
    return {rule: np.array(v) for rule, v in out.items()}


def key_person_losses(G: nx.Graph, people: Iterable[Hashable] | None = None) -> dict[Hashable, dict[str, float]]:
    """What the firm loses when one person leaves, for each of ``people`` (default: all).

    ``efficiency loss``: efficiency of ``G`` minus that of ``G`` without the person,
    both over the people who remain (the leaver's own pairs are not counted as lost),
    so the number is the damage to how *the others* reach each other;
    ``pairs cut``: pairs of remaining people who had a path and have none without them.
    """
    from scipy.sparse import csgraph  # imported here: scipy.sparse costs every page ~0.15 s
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    A = _adjacency(G)
    full = csgraph.shortest_path(A, unweighted=True, directed=False)
    out: dict[Hashable, dict[str, float]] = {}
    for person in (nodes if people is None else people):
        i = index[person]
        keep = np.array([j for j in range(len(nodes)) if j != i])
        before = _flow_from(full[np.ix_(keep, keep)])
        after = _flow_from(csgraph.shortest_path(A[keep][:, keep], unweighted=True, directed=False))
        out[person] = {"efficiency loss": before["efficiency"] - after["efficiency"],
                       "pairs cut": after["disconnected pairs"] - before["disconnected pairs"]}
    return out


# ----------------------------------------------------------------- brokers
def constraint(G: nx.Graph) -> dict[Hashable, float]:
    """Burt's (1992) constraint of every person (``nan`` for isolates), as
    ``nx.constraint`` on the undirected, unweighted network, computed with sparse
    matrices: ``c_i = sum over contacts j of (p_ij + sum_q p_iq p_qj) ** 2`` with
    ``p_ij = 1 / degree(i)``. High when a person's contacts are tied to each other."""
    from scipy import sparse  # imported here: scipy.sparse costs every page ~0.15 s
    nodes = list(G)
    A = _adjacency(G)
    degree = np.asarray(A.sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        P = sparse.csr_array(sparse.diags(np.where(degree > 0, 1.0 / degree, 0.0)) @ A)
    indirect = (P @ P).multiply(A)
    total = (P + indirect)
    scores = np.asarray(total.multiply(total).sum(axis=1)).ravel()
    return {v: float(s) if degree[i] else float("nan") for i, (v, s) in enumerate(zip(nodes, scores))}


def effective_size(G: nx.Graph) -> dict[Hashable, float]:
    """Burt's (1992) effective size of every person (``nan`` for isolates): the number of
    contacts minus their redundancy, ``degree - 2 * ties among contacts / degree``
    (Borgatti 1997), equal to ``nx.effective_size`` for an undirected, unweighted network."""
    nodes = list(G)
    A = _adjacency(G)
    degree = np.asarray(A.sum(axis=1)).ravel()
    triangles = np.asarray((A @ A).multiply(A).sum(axis=1)).ravel() / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        size = degree - 2 * triangles / degree
    return {v: float(s) if degree[i] else float("nan") for i, (v, s) in enumerate(zip(nodes, size))}


def local_bridge_counts(G: nx.Graph) -> dict[Hashable, int]:
    """How many local bridges each person is an end of. A **local bridge** is a tie whose
    two ends have no contact in common (Granovetter 1973; ``nx.local_bridges``); a
    **bridge** is a tie whose removal disconnects the network, the extreme case."""
    U = _undirected(G)
    counts = dict.fromkeys(U, 0)
    for a, b in nx.local_bridges(U, with_span=False):
        counts[a] += 1
        counts[b] += 1
    return counts


def _betweenness(G: nx.Graph) -> dict[Hashable, float]:
    """Normalised betweenness, as ``nx.betweenness_centrality`` (vectorised for small networks)."""
    return betweenness(_undirected(G))


#: Measures that may reveal a broker, each as (description, score function); a higher score
#: means "more of a broker".
BROKER_MEASURES: dict[str, Callable[[nx.Graph], Mapping[Hashable, float]]] = {
    "degree": lambda G: dict(_undirected(G).degree()),
    "betweenness": _betweenness,
    "low constraint": lambda G: {v: -c if c == c else -np.inf for v, c in constraint(G).items()},
    "effective size": lambda G: {v: s if s == s else 0.0 for v, s in effective_size(G).items()},
    "local bridges": local_bridge_counts,
}


def broker_scores(G: nx.Graph, measure: str) -> dict[Hashable, float]:
    """Every person's score by one of :data:`BROKER_MEASURES` (higher = more of a broker;
    "low constraint" is minus Burt's constraint)."""
    if measure not in BROKER_MEASURES:
        raise ValueError(f"measure must be one of {list(BROKER_MEASURES)}, got {measure!r}")
    return dict(BROKER_MEASURES[measure](G))


def top_k(scores: Mapping[Hashable, float], k: int) -> list[Hashable]:
    """The ``k`` people with the highest scores; ties broken by the order of ``scores``."""
    order = list(scores)
    return sorted(order, key=lambda v: (-scores[v], order.index(v)))[:k]


def precision_at_k(scores: Mapping[Hashable, float], truth: Iterable[Hashable], k: int | None = None) -> float:
    """Share of the ``k`` top-scored people who are in ``truth`` (default ``k``: as many as
    there are true brokers)."""
    truth = set(truth)
    k = len(truth) if k is None else k
    if k < 1:
        raise ValueError("k must be at least 1")
    return len(set(top_k(scores, k)) & truth) / k


def recovery_study(measures: Sequence[str] = tuple(BROKER_MEASURES), seeds: Iterable[int] = range(MIN_REPLICATIONS),
                   k: int | None = None, **firm_settings) -> dict[str, np.ndarray]:
    """Precision at ``k`` of each measure on synthetic firms, one value per seed."""
    out: dict[str, list[float]] = {m: [] for m in measures}
    for seed in seeds:
        F = synthetic_firm(seed=seed, **firm_settings)
        for m in measures:
            out[m].append(precision_at_k(broker_scores(F.informal, m), F.brokers, k))
    return {m: np.array(v) for m, v in out.items()}


# ------------------------------------------------------ central by which measure
#: The three classic centralities (Freeman 1979), as networkx functions.
CENTRALITIES: dict[str, Callable[[nx.Graph], Mapping[Hashable, float]]] = {
    "degree": nx.degree_centrality,
    "closeness": nx.closeness_centrality,
    "betweenness": nx.betweenness_centrality,
}


def leaders(G: nx.Graph) -> dict[str, list[Hashable]]:
    """Who scores highest on each of :data:`CENTRALITIES` (all of them if tied)."""
    out = {}
    for name, func in CENTRALITIES.items():
        scores = func(G)
        best = max(scores.values())
        out[name] = [v for v in G if np.isclose(scores[v], best)]
    return out


def sought_beyond_rank(advice: nx.DiGraph, level: str = "level") -> dict[Hashable, dict[str, float]]:
    """For each person of a directed advice network (arc ``i -> j``: ``i`` asks ``j``):
    their ``level`` in the hierarchy, how many colleagues ask them (``sought by``), and
    ``above their level``: ``sought by`` minus the average of the people at their level."""
    sought = dict(advice.in_degree())
    by_level: dict[object, list[int]] = {}
    for v in advice:
        by_level.setdefault(advice.nodes[v][level], []).append(sought[v])
    mean = {lv: float(np.mean(vals)) for lv, vals in by_level.items()}
    return {v: {"level": advice.nodes[v][level], "sought by": sought[v],
                "above their level": sought[v] - mean[advice.nodes[v][level]]} for v in advice}


def overlap(a: nx.Graph, b: nx.Graph) -> dict[str, float]:
    """How far two networks of the same people share ties: the Jaccard index (shared
    ties / ties in either) of their arcs as given, and of their ties ignoring direction,
    and the share of ``b``'s ties that are also in ``a``."""
    def arcs(G):
        return {(u, v) for u, v in G.edges} if G.is_directed() else {frozenset(e) for e in G.edges}

    def ties(G):
        return {frozenset(e) for e in G.edges}

    sa, sb, ua, ub = arcs(a), arcs(b), ties(a), ties(b)
    return {"Jaccard (arcs)": len(sa & sb) / len(sa | sb) if sa | sb else 0.0,
            "Jaccard (ties)": len(ua & ub) / len(ua | ub) if ua | ub else 0.0,
            "share of second in first": len(ub & ua) / len(ub) if ub else 0.0}


def chart_and_network_study(seeds: Iterable[int] = range(MIN_REPLICATIONS), k: int = 5,
                            **firm_settings) -> dict[str, np.ndarray]:
    """Over synthetic firms, one value per seed: ``informal ties on a reporting line``
    (share of the informal ties that join a person and their boss), ``reporting lines
    used`` (share of reporting lines that are also informal ties), and ``staff in the top
    k`` (how many of the ``k`` people with the highest betweenness have nobody reporting
    to them)."""
    out: dict[str, list[float]] = {"informal ties on a reporting line": [], "reporting lines used": [],
                                   f"staff in the top {k}": []}
    for seed in seeds:
        F = synthetic_firm(seed=seed, **firm_settings)
        lines = {frozenset(e) for e in F.org.edges}
        ties = {frozenset(e) for e in F.informal.edges}
        out["informal ties on a reporting line"].append(len(lines & ties) / len(ties))
        out["reporting lines used"].append(len(lines & ties) / len(lines))
        top = top_k(broker_scores(F.informal, "betweenness"), k)
        out[f"staff in the top {k}"].append(sum(F.org.in_degree(v) == 0 for v in top))
    return {name: np.array(v, dtype=float) for name, v in out.items()}


def recovery_sweep(setting: str, values: Sequence[float], a: str = "betweenness", b: str = "degree",
                   seeds: Iterable[int] = range(MIN_REPLICATIONS), **firm_settings) -> dict[str, list]:
    """How the precision gap between measures ``a`` and ``b`` (paired over ``seeds``) changes
    as one setting of the synthetic firm is swept: ``{"a minus b": [Interval per value]}``."""
    seeds = list(seeds)
    gaps = []
    for value in values:
        runs = recovery_study((a, b), seeds, **{**firm_settings, setting: value})
        gaps.append(difference(runs[a], runs[b]))
    return {f"{a} minus {b}": gaps}
