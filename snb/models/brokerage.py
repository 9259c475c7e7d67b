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
from snb.models.ties import tie_matrix
from snb.stats import MIN_REPLICATIONS, difference

__all__ = ["REACH_STEPS", "FLOW_MEASURES", "distances", "flow", "flow_of_ties", "key_person_losses", "BROKER_MEASURES",
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
    """0/1 adjacency matrix, ties as undirected, in graph order (the matrix of
    ``nx.to_scipy_sparse_array(G, weight=None)`` with every entry 1, built faster)."""
    U = _undirected(G)
    index = {v: i for i, v in enumerate(U)}
    return tie_matrix(U.number_of_nodes(), [(index[u], index[v]) for u, v in U.edges()])


def distances(G: nx.Graph) -> np.ndarray:
    """Steps on a shortest path between every pair of people (``inf`` with no path),
    rows and columns in the order of ``G``'s nodes (breadth-first search in scipy)."""
    return _steps(_adjacency(G))


def _steps(A: sparse.csr_array) -> np.ndarray:
    """Shortest-path steps between every pair of the 0/1 adjacency matrix ``A``'s people."""
    from scipy.sparse import csgraph  # imported here: scipy.sparse costs every page ~0.15 s
    if A.shape[0] == 0:
        return np.zeros((0, 0))
    return csgraph.shortest_path(A, unweighted=True, directed=False)


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


def flow_of_ties(n: int, ties: list[tuple[int, int]]) -> dict[str, float]:
    """:func:`flow` of the network of ``n`` people numbered 0 to ``n - 1`` with ``ties``
    given as pairs of their numbers, without building a networkx graph."""
    return _flow_from(_steps(tie_matrix(n, ties)))


def relative_losses(G: nx.Graph, people: Iterable[Hashable]) -> dict[Hashable, float]:
    """Each person's efficiency loss as a share of the efficiency the others had with them.

    The loss is that of :func:`key_person_losses`: 0.05 means the others lose 5 % of
    their efficiency.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    people : iterable of nodes
        Who might leave.

    Returns
    -------
    dict of node to float
        Person -> relative loss (0.0 when the others had no efficiency to lose).

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> round(relative_losses(team, ["Dev"])["Dev"], 3)  # the others lose about a third
    0.321
    """
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
    """What the firm loses when one person leaves, for each of ``people``.

    Parameters
    ----------
    G : networkx.Graph
        The network (read as undirected, unweighted).
    people : iterable of nodes, optional
        Who might leave; everyone by default.

    Returns
    -------
    dict of node to dict of str to float
        Person -> ``efficiency loss``: efficiency of ``G`` minus that of ``G`` without the
        person, both over the people who remain (the leaver's own pairs are not counted
        as lost), so the number is the damage to how *the others* reach each other; and
        ``pairs cut``: pairs of remaining people who had a path and have none without them.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> losses = key_person_losses(team, ["Dev", "Ben"])
    >>> losses["Dev"]["pairs cut"], losses["Ben"]["pairs cut"]  # 3 x 3 pairs lose their path
    (9, 0)
    >>> round(losses["Dev"]["efficiency loss"], 3)
    0.189
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
    """Burt's (1992) constraint of every person: high when their contacts are tied to each other.

    ``nx.constraint`` on the undirected, unweighted network, computed with sparse
    matrices: ``c_i = sum over contacts j of (p_ij + sum_q p_iq p_qj) ** 2`` with
    ``p_ij = 1 / degree(i)``.

    Parameters
    ----------
    G : networkx.Graph
        The network.

    Returns
    -------
    dict of node to float
        Person -> constraint; ``nan`` for an isolate.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> c = constraint(team)
    >>> round(c["Dev"], 3), round(c["Ben"], 3)  # the bridge is least constrained
    (0.5, 1.007)
    """
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
    """Burt's (1992) effective size of every person: contacts minus their redundancy.

    ``degree - 2 * ties among contacts / degree`` (Borgatti 1997), equal to
    ``nx.effective_size`` for an undirected, unweighted network.

    Parameters
    ----------
    G : networkx.Graph
        The network.

    Returns
    -------
    dict of node to float
        Person -> effective size; ``nan`` for an isolate.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> sizes = effective_size(team)
    >>> sizes["Dev"], round(sizes["Ana"], 2)  # Dev's two contacts do not know each other
    (2.0, 2.33)
    """
    nodes = list(G)
    A = _adjacency(G)
    degree = np.asarray(A.sum(axis=1)).ravel()
    triangles = np.asarray((A @ A).multiply(A).sum(axis=1)).ravel() / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        size = degree - 2 * triangles / degree
    return {v: float(s) if degree[i] else float("nan") for i, (v, s) in enumerate(zip(nodes, size))}


def local_bridge_counts(G: nx.Graph) -> dict[Hashable, int]:
    """How many local bridges each person is an end of.

    A **local bridge** is a tie whose two ends have no contact in common
    (Granovetter 1973; ``nx.local_bridges``); a **bridge** is a tie whose removal
    disconnects the network, the extreme case.

    Parameters
    ----------
    G : networkx.Graph
        The network (a directed one is read as undirected).

    Returns
    -------
    dict of node to int
        Person -> number of local bridges they are an end of.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> local_bridge_counts(team)
    {'Ana': 1, 'Ben': 0, 'Chloe': 0, 'Dev': 2, 'Eva': 1, 'Femi': 0, 'Gus': 0}
    """
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
    """Every person's score by one of :data:`BROKER_MEASURES` (higher = more of a broker).

    Parameters
    ----------
    G : networkx.Graph
        The network (a directed one is read as undirected).
    measure : str
        One of :data:`BROKER_MEASURES`: "degree", "betweenness", "low constraint" (minus
        Burt's constraint; an isolate gets minus infinity), "effective size" (an isolate
        gets 0) or "local bridges".

    Returns
    -------
    dict
        Person -> score.

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> scores = broker_scores(team, "local bridges")
    >>> max(scores, key=scores.get), scores["Dev"]
    ('Dev', 2)
    >>> round(broker_scores(team, "low constraint")["Dev"], 2)
    -0.5
    """
    if measure not in BROKER_MEASURES:
        raise ValueError(f"measure must be one of {list(BROKER_MEASURES)}, got {measure!r}")
    return dict(BROKER_MEASURES[measure](G))


def top_k(scores: Mapping[Hashable, float], k: int) -> list[Hashable]:
    """The ``k`` people with the highest scores; ties broken by the order of ``scores``.

    Parameters
    ----------
    scores : mapping of node to float
        Everyone's score.
    k : int
        How many to return.

    Returns
    -------
    list
        Highest score first.

    Examples
    --------
    >>> top_k({"a": 1, "b": 3, "c": 3}, 2)
    ['b', 'c']
    """
    order = list(scores)
    return sorted(order, key=lambda v: (-scores[v], order.index(v)))[:k]


def precision_at_k(scores: Mapping[Hashable, float], truth: Iterable[Hashable], k: int | None = None) -> float:
    """Share of the ``k`` top-scored people who are in ``truth``.

    Parameters
    ----------
    scores : mapping of node to float
        Everyone's score (ties broken by the mapping's order, as in :func:`top_k`).
    truth : iterable of nodes
        The true brokers.
    k : int, optional
        How many top people to take; by default as many as there are true brokers.

    Returns
    -------
    float
        Between 0 and 1.

    Raises
    ------
    ValueError
        For a ``k`` below 1.

    Examples
    --------
    >>> precision_at_k({"a": 3, "b": 2, "c": 1}, ["a", "c"])  # top 2 are a and b
    0.5
    >>> precision_at_k({"a": 3, "b": 2, "c": 1}, ["a", "c"], k=3)
    0.6666666666666666
    """
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
    """Who scores highest on each of :data:`CENTRALITIES` (all of them if tied).

    Parameters
    ----------
    G : networkx.Graph
        The network.

    Returns
    -------
    dict of str to list
        Centrality name ("degree", "closeness", "betweenness") -> the leaders, in graph order.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> leaders(team)
    {'degree': ['Ana', 'Eva'], 'closeness': ['Dev'], 'betweenness': ['Dev']}
    """
    out = {}
    for name, func in CENTRALITIES.items():
        scores = func(G)
        best = max(scores.values())
        out[name] = [v for v in G if np.isclose(scores[v], best)]
    return out


def sought_beyond_rank(advice: nx.DiGraph, level: str = "level") -> dict[Hashable, dict[str, float]]:
    """How often each person is asked for advice, against the average at their level.

    Parameters
    ----------
    advice : networkx.DiGraph
        Who asks whom: an arc ``i -> j`` means ``i`` asks ``j``.
    level : str, default "level"
        The node attribute holding each person's level in the hierarchy.

    Returns
    -------
    dict of node to dict
        Person -> ``level``; ``sought by``, how many colleagues ask them; and
        ``above their level``, ``sought by`` minus the average of the people at their level.

    Examples
    --------
    >>> from snb.datasets import krackhardt_managers
    >>> rows = sought_beyond_rank(krackhardt_managers().advice)
    >>> rows[2]
    {'level': 2, 'sought by': 18, 'above their level': 3.5}
    """
    sought = dict(advice.in_degree())
    by_level: dict[object, list[int]] = {}
    for v in advice:
        by_level.setdefault(advice.nodes[v][level], []).append(sought[v])
    mean = {lv: float(np.mean(vals)) for lv, vals in by_level.items()}
    return {v: {"level": advice.nodes[v][level], "sought by": sought[v],
                "above their level": sought[v] - mean[advice.nodes[v][level]]} for v in advice}


def overlap(a: nx.Graph, b: nx.Graph) -> dict[str, float]:
    """How far two networks of the same people share ties.

    Parameters
    ----------
    a, b : networkx.Graph or networkx.DiGraph
        The two networks.

    Returns
    -------
    dict of str to float
        ``Jaccard (arcs)``: shared ties over ties in either, with arcs as given;
        ``Jaccard (ties)``: the same ignoring direction; ``share of second in first``: the
        share of ``b``'s ties (ignoring direction) that are also in ``a``.

    Examples
    --------
    >>> import networkx as nx
    >>> result = overlap(nx.DiGraph([(1, 2), (2, 3)]), nx.DiGraph([(2, 1), (2, 3), (3, 4)]))
    >>> result["Jaccard (arcs)"], round(result["Jaccard (ties)"], 3)  # 2 -> 1 is 1 -> 2 reversed
    (0.25, 0.667)
    """
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
