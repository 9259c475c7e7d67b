"""Communities: detection with networkx, agreement between partitions, the resolution limit.

- :func:`detect`: one entry point for three methods of :mod:`networkx.algorithms.community`:
  Louvain (Blondel et al. 2008), greedy modularity (Clauset, Newman and Moore 2004) and
  asynchronous label propagation (Raghavan, Albert and Kumara 2007);
- :func:`modularity` (Newman and Girvan 2004; Newman 2006);
- :func:`adjusted_rand_index` (Hubert and Arabie 1985) and :func:`normalised_mutual_information`
  (Danon et al. 2005, arithmetic-mean normalisation): how far two partitions of the same
  people agree, 1 for identical partitions and about 0 for unrelated ones;
- :func:`factions`: a partition from a node attribute, such as the karate club's ``club``;
- :func:`ring_of_cliques_partitions`: the case of Fortunato and Barthelemy (2007), in which
  maximising modularity merges small, obvious communities.

A partition is a list of sets of nodes, each node in exactly one set.
"""

from __future__ import annotations

from typing import Hashable, Iterable, Sequence

import networkx as nx
import numpy as np

__all__ = ["METHODS", "LARGE", "detect", "modularity", "labels", "adjusted_rand_index",
           "normalised_mutual_information", "agreement", "factions", "ring_of_cliques_partitions", "purity",
           "seed_study"]

#: The community-detection methods of the chapter, in teaching order.
METHODS: tuple[str, ...] = ("Louvain", "greedy modularity", "label propagation")

Partition = list[set[Hashable]]


def _ordered(parts: Iterable[Iterable[Hashable]], G: nx.Graph) -> Partition:
    """Communities largest first, ties broken by their first member in graph order."""
    order = {v: i for i, v in enumerate(G)}
    parts = [set(p) for p in parts]
    return sorted(parts, key=lambda p: (-len(p), min(order[v] for v in p)))


#: Above this many people, Louvain runs in igraph's C implementation of the same algorithm
#: (``Graph.community_multilevel``), about ten times faster than networkx's pure Python:
#: 20 runs on the capstone's 600 customers take 0.12 s instead of 1.05 s of CPU, on its
#: 6,000 customers 1 s instead of 22 s. The two draw their random orders differently, so
#: a seed gives slightly different communities (on the 600 customers both find 6 in every
#: run). The networks of chapters 1 to 5 are smaller and get networkx's, whose pure-Python
#: source is the readable version of the algorithm.
LARGE = 500


def detect(G: nx.Graph, method: str = "Louvain", *, seed: int = 1, resolution: float = 1.0) -> Partition:
    """Communities of ``G`` by one of :data:`METHODS`, largest first.

    Ties count once each (weights are ignored). Louvain on an undirected network of
    more than :data:`LARGE` people runs in igraph.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    method : str, default "Louvain"
        "Louvain", "greedy modularity" or "label propagation".
    seed : int, default 1
        Drives Louvain's and label propagation's random order.
    resolution : float, default 1.0
        Louvain and greedy modularity: above 1 favours smaller communities.

    Returns
    -------
    list of set
        The communities, largest first.

    Raises
    ------
    ValueError
        For an unknown method.

    Examples
    --------
    >>> from snb.datasets import load_karate_club
    >>> club = load_karate_club()
    >>> [len(c) for c in detect(club)]
    [12, 11, 6, 5]
    >>> len(detect(club, "greedy modularity")) >= 2
    True
    """
    if method == "Louvain" and G.number_of_nodes() > LARGE and not G.is_directed():
        parts = _louvain_igraph(G, resolution=resolution, seed=seed)
    elif method == "Louvain":
        parts = nx.community.louvain_communities(G, weight=None, resolution=resolution, seed=seed)
    elif method == "greedy modularity":
        parts = nx.community.greedy_modularity_communities(G, weight=None, resolution=resolution)
    elif method == "label propagation":
        parts = nx.community.asyn_lpa_communities(G, weight=None, seed=seed)
    else:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    return _ordered(parts, G)


def _louvain_igraph(G: nx.Graph, *, resolution: float, seed: int) -> Partition:
    """Louvain by igraph, unweighted, its random order seeded by ``seed`` (igraph draws
    from Python's :mod:`random`, whose state is restored afterwards)."""
    import random

    import igraph  # imported here: only large networks need it

    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    H = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()])
    state = random.getstate()
    try:
        random.seed(seed)
        membership = H.community_multilevel(resolution=resolution).membership
    finally:
        random.setstate(state)
    parts: dict[int, set[Hashable]] = {}
    for v, m in zip(nodes, membership):
        parts.setdefault(m, set()).add(v)
    return list(parts.values())


def modularity(G: nx.Graph, partition: Partition, resolution: float = 1.0) -> float:
    """Newman's modularity of a partition (unweighted).

    The share of ties inside communities minus the share expected if ties were wired
    at random with the same degrees.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    partition : list of set
        Communities covering every node once.
    resolution : float, default 1.0
        Weight of the expected share; above 1 favours smaller communities.

    Returns
    -------
    float
        Up to 1; above about 0.3 is usually read as clear community structure.

    Examples
    --------
    >>> from snb.datasets import load_karate_club
    >>> club = load_karate_club()
    >>> round(modularity(club, factions(club)), 3), round(modularity(club, detect(club)), 3)
    (0.358, 0.419)
    """
    return float(nx.community.modularity(G, partition, weight=None, resolution=resolution))


def labels(partition: Partition, nodes: Sequence[Hashable]) -> np.ndarray:
    """Community number of every node of ``nodes``, in that order."""
    of = {v: i for i, part in enumerate(partition) for v in part}
    missing = [v for v in nodes if v not in of]
    if missing:
        raise ValueError(f"the partition leaves out {missing[:5]}")
    return np.array([of[v] for v in nodes], dtype=np.int64)


def _contingency(a: Sequence[int], b: Sequence[int]) -> np.ndarray:
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.ndim != 1 or a.size == 0:
        raise ValueError("two labellings of the same, non-empty list of nodes are needed")
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = np.zeros((ai.max() + 1, bi.max() + 1))
    np.add.at(table, (ai, bi), 1)
    return table


def adjusted_rand_index(a: Sequence[int], b: Sequence[int]) -> float:
    """Hubert and Arabie's (1985) adjusted Rand index of two labellings.

    The share of pairs of people on which the partitions agree (both together or both
    apart), corrected for the agreement expected by chance: 1 for the same partition,
    about 0 for unrelated ones, negative when they agree less than chance.
    """
    from scipy.special import comb  # imported here: importing it costs every page ~0.15 s

    table = _contingency(a, b)
    n = table.sum()
    together = comb(table, 2).sum()
    rows, cols = comb(table.sum(axis=1), 2).sum(), comb(table.sum(axis=0), 2).sum()
    expected = rows * cols / comb(n, 2) if n > 1 else 0.0
    best = (rows + cols) / 2
    if best == expected:  # both partitions trivial (all together or all apart)
        return 1.0
    return float((together - expected) / (best - expected))


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def normalised_mutual_information(a: Sequence[int], b: Sequence[int]) -> float:
    """Normalised mutual information of two labellings (arithmetic-mean normalisation).

    How much knowing one partition tells about the other, divided by the average of
    their entropies: 1 for the same partition (up to renaming), 0 for independent ones.
    """
    table = _contingency(a, b)
    ha, hb = _entropy(table.sum(axis=1)), _entropy(table.sum(axis=0))
    if ha == 0 and hb == 0:
        return 1.0
    p = table / table.sum()
    outer = np.outer(p.sum(axis=1), p.sum(axis=0))
    nz = p > 0
    mutual = float((p[nz] * np.log(p[nz] / outer[nz])).sum())
    return float(max(mutual, 0.0) / ((ha + hb) / 2))


def agreement(G: nx.Graph, first: Partition, second: Partition) -> dict[str, float]:
    """Adjusted Rand index and normalised mutual information of two partitions of ``G``.

    Both are 1 for identical partitions; the ARI is about 0 for a partition no closer
    than chance.

    Parameters
    ----------
    G : networkx.Graph
        The network the partitions divide.
    first, second : list of set
        The two partitions, each a list of communities.

    Returns
    -------
    dict of str to float
        ``{"ARI": ..., "NMI": ...}``.

    Examples
    --------
    >>> from snb.datasets import load_karate_club
    >>> club = load_karate_club()
    >>> sides = factions(club)
    >>> agreement(club, sides, sides)
    {'ARI': 1.0, 'NMI': 1.0}
    >>> round(agreement(club, detect(club), sides)["ARI"], 2)
    0.39
    """
    nodes = list(G)
    a, b = labels(first, nodes), labels(second, nodes)
    return {"ARI": adjusted_rand_index(a, b), "NMI": normalised_mutual_information(a, b)}


def factions(G: nx.Graph, attribute: str = "club") -> Partition:
    """The partition given by a node attribute (e.g. the side each karate member joined).

    Parameters
    ----------
    G : networkx.Graph
        The network.
    attribute : str, default "club"
        The node attribute whose values name the groups.

    Returns
    -------
    list of set
        One group per value, largest first.

    Examples
    --------
    >>> from snb.datasets import load_karate_club
    >>> club = load_karate_club()
    >>> sides = factions(club)
    >>> [len(side) for side in sides], 0 in sides[0], 33 in sides[1]
    ([17, 17], True, True)
    """
    groups: dict[Hashable, set[Hashable]] = {}
    for v, value in G.nodes(data=attribute):
        groups.setdefault(value, set()).add(v)
    return _ordered(groups.values(), G)


def ring_of_cliques_partitions(cliques: int, size: int) -> tuple[nx.Graph, Partition, Partition]:
    """A ring of complete groups, each tied to the next by one tie, with two partitions.

    The partitions are one community per clique, and neighbouring cliques merged in
    pairs.

    Parameters
    ----------
    cliques : int
        Number of cliques, even and at least 4.
    size : int
        People per clique.

    Returns
    -------
    G : networkx.Graph
        The ring (``nx.ring_of_cliques``).
    single : list of set
        One community per clique.
    pairs : list of set
        Cliques merged in pairs.

    Raises
    ------
    ValueError
        For an odd number of cliques or fewer than 4.

    Examples
    --------
    >>> G, single, pairs = ring_of_cliques_partitions(4, 5)
    >>> G.number_of_nodes(), len(single), len(pairs)
    (20, 4, 2)
    >>> modularity(G, single) > modularity(G, pairs)
    True
    """
    if cliques % 2 or cliques < 4:
        raise ValueError("use an even number of cliques, at least 4")
    G = nx.ring_of_cliques(cliques, size)
    single = [set(range(k * size, (k + 1) * size)) for k in range(cliques)]
    pairs = [single[k] | single[k + 1] for k in range(0, cliques, 2)]
    return G, single, pairs


def purity(partition: Partition, known: Partition) -> float:
    """Share of people whose community's largest known group is their own.

    1 when every community lies inside one known group (communities may still split a
    group).

    Parameters
    ----------
    partition : list of set
        The communities found.
    known : list of set
        The known groups.

    Returns
    -------
    float
        Between 0 and 1; 0.0 for an empty partition.

    Examples
    --------
    >>> purity([{0, 1}, {2, 3}], [{0, 1, 2, 3}])  # splitting a group keeps purity 1
    1.0
    >>> purity([{0, 1, 2, 3}], [{0, 1}, {2, 3}])
    0.5
    """
    group_of = {v: g for g, part in enumerate(known) for v in part}
    total = sum(len(p) for p in partition)
    inside = sum(max(sum(group_of[v] == g for v in part) for g in range(len(known))) for part in partition)
    return inside / total if total else 0.0


def seed_study(G: nx.Graph, method: str, known: Partition, seeds: Iterable[int] = range(20),
               resolution: float = 1.0) -> dict[str, np.ndarray]:
    """One detection per random seed, with how well each agrees with a known partition.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    method : str
        One of :data:`METHODS`.
    known : list of set
        The partition to compare with.
    seeds : iterable of int, default range(20)
        The random seeds.
    resolution : float, default 1.0
        As in :func:`detect`.

    Returns
    -------
    dict of str to numpy.ndarray
        One value per seed of ``communities`` (how many), ``modularity``, ``ARI`` and
        ``NMI`` (agreement with ``known``).

    Examples
    --------
    >>> from snb.datasets import load_karate_club
    >>> club = load_karate_club()
    >>> study = seed_study(club, "Louvain", factions(club), seeds=range(3))
    >>> study["communities"].tolist(), study["ARI"].round(2).tolist()
    ([4.0, 4.0, 4.0], [0.46, 0.39, 0.39])
    """
    rows = []
    for s in seeds:
        found = detect(G, method, seed=int(s), resolution=resolution)
        agree = agreement(G, found, known)
        rows.append((len(found), modularity(G, found), agree["ARI"], agree["NMI"]))
    data = np.array(rows, dtype=float).reshape(-1, 4)
    return {name: data[:, i] for i, name in enumerate(("communities", "modularity", "ARI", "NMI"))}
