"""Whom to brief first when pass-on may depend on trust (chapter 6, the capstone).

The capstone's customer ties carry ``strength``: conversations a month. Trust is another
thing: whether a customer would take a contact's advice. :func:`trust_survey` adds it as its
own attribute, the answers to a (synthetic) survey question "whom among your contacts do you
trust for advice on this kind of product?": customer ``i`` names contact ``j`` with a chance
that rises with ``j``'s trustworthiness (a hidden trait; the case's planted influencers have
more of it, the loud customers less) and, by a stated amount ``strength_effect``, with how
often ``i`` and ``j`` talk. So trust and conversation frequency are correlated, by an amount
:func:`trust_strength_correlation` measures, but neither is derived from the other.

Spread is chapter 1's independent cascade (Kempe, Kleinberg and Tardos 2003) with a pass-on
chance per tie: :func:`pass_on` keeps the mean chance at ``p`` and moves a share ``g`` of it
onto trusted ties (``g = 0``: uniform pass-on, trust does not matter; ``g = 1``: only trusted
ties pass anything on). Expected reach is computed on live-edge samples (each tie kept with
its chance; a starter reaches their whole sampled component), which is the same process
(Kempe et al. 2003) and lets :func:`celf` run greedy influence maximisation with lazy
evaluation (Leskovec et al. 2007's CELF) as the reference the heuristics are measured
against. :func:`choose` names the heuristics.
"""

from __future__ import annotations

import heapq
from typing import Hashable, Sequence

import networkx as nx
import numpy as np

__all__ = ["trust_survey", "tie_trust", "trust_strength_correlation", "pass_on", "live_edge_samples",
           "reach", "celf", "choose", "STRATEGIES", "strategy_reach", "trust_parameters"]

#: The seedings compared, in the order pages show them.
STRATEGIES: tuple[str, ...] = ("top degree", "top PageRank", "most trusted", "random",
                               "random friend of a random customer", "greedy (CELF)")


def trust_survey(G: nx.Graph, *, influencers: Sequence = (), loud: Sequence = (), strength_effect: float = 0.5,
                 base: float = -1.5, trait: float = 1.0, planted: float = 1.5, seed: int = 1) -> nx.DiGraph:
    """The answers to "whom do you trust for advice?": an arc ``i -> j`` when ``i`` names
    their contact ``j``.

    The chance is the logistic of ``base + trait * u_j + strength_effect * z_ij``, where
    ``u_j`` is ``j``'s trustworthiness (standard normal, plus ``planted`` for the planted
    influencers, minus ``planted`` for the loud customers) and ``z_ij`` the tie's strength
    standardised over all ties. ``strength_effect = 0``: trust unrelated to how often people talk.

    Examples
    --------
    >>> G = nx.Graph([(0, 1, {"strength": 3}), (1, 2, {"strength": 1})])
    >>> T = trust_survey(G, seed=1)
    >>> set(T) == set(G) and all(G.has_edge(i, j) for i, j in T.edges)
    True
    """
    rng = np.random.default_rng(seed)
    nodes = list(G)
    u = dict(zip(nodes, trait * rng.standard_normal(len(nodes))))
    for v in influencers:
        u[v] += planted
    for v in loud:
        u[v] -= planted
    s = np.array([d.get("strength", 1) for _, _, d in G.edges(data=True)], dtype=float)
    mu, sd = s.mean(), (s.std() or 1.0)
    T = nx.DiGraph(name="trust survey", source="snb.models.trusted_seeding.trust_survey (synthetic, seeded)")
    T.add_nodes_from(nodes)
    draws = rng.random((G.number_of_edges(), 2))
    for (a, b, d), (r1, r2) in zip(G.edges(data=True), draws):
        z = (d.get("strength", 1) - mu) / sd
        for i, j, r in ((a, b, r1), (b, a, r2)):
            if r < 1 / (1 + np.exp(-(base + u[j] + strength_effect * z))):
                T.add_edge(i, j)
    return T


def tie_trust(G: nx.Graph, T: nx.DiGraph) -> dict[tuple, int]:
    """1 for a tie where at least one of the two names the other as trusted, else 0."""
    return {(a, b): int(T.has_edge(a, b) or T.has_edge(b, a)) for a, b in G.edges}


def trust_strength_correlation(G: nx.Graph, T: nx.DiGraph) -> float:
    """Pearson correlation, over the ties, of conversations a month with trusted (0/1).

    Examples
    --------
    >>> G = nx.Graph([(0, 1, {"strength": 5}), (1, 2, {"strength": 1}), (2, 3, {"strength": 1})])
    >>> T = nx.DiGraph([(0, 1)])
    >>> round(trust_strength_correlation(G, T), 2)
    1.0
    """
    trusted = tie_trust(G, T)
    s = np.array([G.edges[e].get("strength", 1) for e in trusted], dtype=float)
    t = np.array(list(trusted.values()), dtype=float)
    if s.std() == 0 or t.std() == 0:
        return 0.0
    return float(np.corrcoef(s, t)[0, 1])


def pass_on(trusted: np.ndarray, p: float, g: float) -> np.ndarray:
    """Each tie's pass-on chance: mean ``p``, a share ``g`` of it moved onto trusted ties.

    Untrusted ties pass on with ``p (1 - g)``, trusted ones with ``p (1 + g (1 - s) / s)``
    (``s``: share of ties trusted), so the mean over ties stays ``p`` whatever ``g``.

    Examples
    --------
    >>> pass_on(np.array([1, 0, 0, 0]), 0.1, 0.0).tolist()
    [0.1, 0.1, 0.1, 0.1]
    >>> pass_on(np.array([1, 0, 0, 0]), 0.1, 1.0).round(2).tolist()
    [0.4, 0.0, 0.0, 0.0]
    """
    trusted = np.asarray(trusted, dtype=float)
    if not 0 <= g <= 1 or not 0 <= p <= 1:
        raise ValueError(f"need 0 <= g <= 1 and 0 <= p <= 1, got g={g!r}, p={p!r}")
    s = trusted.mean() if len(trusted) else 0.0
    if s == 0:
        return np.full(len(trusted), p)
    return np.minimum(1.0, np.where(trusted > 0, p * (1 + g * (1 - s) / s), p * (1 - g)))


def live_edge_samples(G: nx.Graph, chances: np.ndarray, runs: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``runs`` live-edge samples: each tie kept with its chance. Returns the component label
    of each person in each sample (runs x n, people in graph order) and the size of each
    label (runs x n; unused labels 0)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rng = np.random.default_rng(seed)
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in G.edges], dtype=int).reshape(-1, 2)
    n = len(nodes)
    labels = np.zeros((runs, n), dtype=int)
    sizes = np.zeros((runs, n), dtype=int)
    keep = rng.random((runs, len(ends))) < np.asarray(chances)[None, :]
    for r in range(runs):
        e = ends[keep[r]]
        M = coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n))
        _, lab = connected_components(M, directed=False)
        labels[r] = lab
        sizes[r, :lab.max() + 1] = np.bincount(lab)
    return labels, sizes


def reach(labels: np.ndarray, sizes: np.ndarray, starters: Sequence[int]) -> np.ndarray:
    """People reached in each sample when ``starters`` (positions in graph order) start."""
    starters = np.asarray(list(starters), dtype=int)
    out = np.zeros(len(labels))
    for r in range(len(labels)):
        out[r] = sizes[r, np.unique(labels[r, starters])].sum()
    return out


def celf(labels: np.ndarray, sizes: np.ndarray, budget: int) -> list[int]:
    """Greedy influence maximisation (Kempe, Kleinberg and Tardos 2003) with lazy evaluation
    (CELF, Leskovec et al. 2007): add, ``budget`` times, the person whose addition raises
    the mean reach most. A person's gain can only shrink as others are added (reach is
    submodular), so a stale gain that still tops the queue is recomputed, and kept if it
    still tops it: most people are never re-evaluated.

    Returns positions (graph order) of the chosen starters.

    Examples
    --------
    >>> labels = np.array([[0, 0, 1, 2]]); sizes = np.array([[2, 1, 1, 0]])
    >>> celf(labels, sizes, 2)
    [0, 2]
    """
    runs, n = labels.shape
    rows = np.arange(runs)
    covered = np.zeros_like(sizes, dtype=bool)  # labels already reached, per sample

    def gain(v: int) -> float:
        lab = labels[:, v]
        return float(np.where(covered[rows, lab], 0, sizes[rows, lab]).mean())

    heap = [(-float(sizes[rows, labels[:, v]].mean()), v, 0) for v in range(n)]
    heapq.heapify(heap)
    chosen: list[int] = []
    while len(chosen) < budget and heap:
        neg, v, stamp = heapq.heappop(heap)
        if stamp == len(chosen):  # its gain is up to date: it is the best
            chosen.append(v)
            covered[rows, labels[:, v]] = True
        else:
            heapq.heappush(heap, (-gain(v), v, len(chosen)))
    return chosen


def choose(G: nx.Graph, T: nx.DiGraph, budget: int, how: str, *, seed: int = 0) -> list[Hashable]:
    """The ``budget`` starters one heuristic of :data:`STRATEGIES` picks.

    ``"greedy (CELF)"`` is not offered here, as it needs the samples: see
    :func:`strategy_reach`.

    - ``"top degree"``: most contacts; ``"top PageRank"``: PageRank of the customer ties
      (Brin and Page 1998); ``"most trusted"``: PageRank of the trust survey (arcs to whom
      people trust), i.e. named as trusted by many, or by the much trusted;
    - ``"random"``: anyone; ``"random friend of a random customer"``: pick a random customer,
      then one of their contacts at random, until ``budget`` different people (the
      friendship paradox, chapter 5: friends have more friends than people have).

    Parameters
    ----------
    G : networkx.Graph
        The customer network.
    T : networkx.DiGraph
        The trust survey over the same people (an arc ``u -> v``: ``u`` trusts ``v``).
    budget : int
        How many starters.
    how : str
        One of :data:`STRATEGIES` but the last.
    seed : int, default 0
        Random seed of the random heuristics.

    Returns
    -------
    list
        The starters; ranked heuristics break ties by graph order.

    Raises
    ------
    ValueError
        For an unknown heuristic.

    Examples
    --------
    >>> G = nx.star_graph(4)
    >>> T = nx.DiGraph([(1, 2), (3, 2), (4, 2)])
    >>> T.add_nodes_from(G)
    >>> choose(G, T, 1, "top degree"), choose(G, T, 1, "most trusted")
    ([0], [2])
    """
    rng = np.random.default_rng(seed)
    nodes = list(G)
    if how == "top degree":
        scores = dict(G.degree())
    elif how == "top PageRank":
        scores = nx.pagerank(G, weight=None)
    elif how == "most trusted":
        scores = nx.pagerank(T)
    elif how == "random":
        return [nodes[i] for i in rng.choice(len(nodes), size=budget, replace=False)]
    elif how == "random friend of a random customer":
        chosen: list = []
        while len(chosen) < budget:
            person = nodes[rng.integers(len(nodes))]
            friends = list(G[person])
            if friends:
                friend = friends[rng.integers(len(friends))]
                if friend not in chosen:
                    chosen.append(friend)
        return chosen
    else:
        raise ValueError(f"how must be one of {STRATEGIES[:-1]}, got {how!r}")
    return sorted(nodes, key=lambda v: (-scores[v], nodes.index(v)))[:budget]


def strategy_reach(G: nx.Graph, T: nx.DiGraph, budget: int, p: float, g: float, *, runs: int = 100,
                   seed: int = 0, strategies: Sequence[str] = STRATEGIES,
                   greedy_runs: int = 200) -> dict[str, float]:
    """Mean reach of each strategy on ``runs`` fresh live-edge samples (the same samples for
    all: a paired comparison). Random strategies draw with ``seed``; CELF chooses on
    ``greedy_runs`` other samples (it never sees the ones it is scored on).

    Examples
    --------
    >>> G = nx.karate_club_graph(); T = trust_survey(G, seed=1)
    >>> out = strategy_reach(G, T, 2, 0.2, 0.0, runs=20, strategies=("top degree", "random"))
    >>> sorted(out)
    ['random', 'top degree']
    """
    chances = pass_on(np.array(list(tie_trust(G, T).values())), p, g)
    labels, sizes = live_edge_samples(G, chances, runs, seed)
    index = {v: i for i, v in enumerate(G)}
    out = {}
    for how in strategies:
        if how == "greedy (CELF)":
            L, S = live_edge_samples(G, chances, greedy_runs, seed + 7_919)
            picks = celf(L, S, budget)
        else:
            picks = [index[v] for v in choose(G, T, budget, how, seed=seed)]
        out[how] = float(reach(labels, sizes, picks).mean())
    return out


def trust_parameters(*, budget: int = 6, p: float = 0.1, strength_effect: float = 0.5, runs: int = 100) -> list:
    """The trust study's parameters as :class:`~snb.assumptions.Parameter` rows.

    Parameters
    ----------
    budget : int, default 6
        Customers briefed in person.
    p : float, default 0.1
        Mean chance a customer passes the news to a contact.
    strength_effect : float, default 0.5
        How much more often people trust those they talk to often.
    runs : int, default 100
        Live-edge samples per replication.

    Returns
    -------
    list of snb.assumptions.Parameter
        Seven rows, each marked as an assumption or with its source.

    Examples
    --------
    >>> [row.name for row in trust_parameters()]
    ['budget', 'p', 'g', 'strength_effect', 'trait', 'planted', 'runs']
    """
    from snb.assumptions import Parameter

    return [
        Parameter("budget", budget, "customers briefed in person (assumption)"),
        Parameter("p", p, "mean chance a customer passes the news to a contact (assumption; chapter 1)"),
        Parameter("g", "swept 0 to 1", "share of pass-on moved onto trusted ties (0: uniform; assumption)"),
        Parameter("strength_effect", strength_effect, "how much more often people trust those they talk to "
                  "often (log-odds per standard deviation of conversations; assumption)"),
        Parameter("trait", 1.0, "spread of hidden trustworthiness (assumption)"),
        Parameter("planted", 1.5, "extra trustworthiness of the planted influencers, less for the loud "
                  "(assumption: built in)"),
        Parameter("runs", runs, "live-edge samples per replication (Kempe et al. 2003)"),
    ]
