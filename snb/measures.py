"""Summary numbers for a network, the same everywhere in the course.

- :func:`freeman_centralisation` (degree and betweenness, Freeman 1979);
- :func:`profile`: people, ties, density, degree, centralisation, paths, clustering;
- chapter 2, concentration: :func:`top_share`, :func:`gini`, :func:`concentration`;
- chapter 2, two-mode (bipartite) networks of customers and venues:
  :func:`side`, :func:`projection`, :func:`top_pairs`, :func:`also_visited`.
"""

from __future__ import annotations

import math
from typing import Hashable, Iterable, Mapping

import networkx as nx
import numpy as np
from networkx.algorithms import bipartite

__all__ = [
    "betweenness", "freeman_centralisation", "profile", "top_share", "gini", "concentration", "side",
    "projection", "top_pairs", "also_visited", "FEW_SHARED"
]


#: Above this many nodes the all-pairs computations fall back on networkx (memory ~ n^2).
DENSE_LIMIT = 2500


#: Up to this many nodes the all-pairs products below use a dense adjacency matrix:
#: at the course's sizes that is faster than importing scipy.sparse (~0.3 s).
DENSE_PRODUCT_LIMIT = 400


def _adjacency(U: nx.Graph):
    """The 0/1 adjacency matrix of an undirected graph (graph order): dense for a
    small graph, else sparse, so that the level-by-level products below cost in
    proportion to the ties, not to n^3. Both give the same numbers."""
    if U.number_of_nodes() <= DENSE_PRODUCT_LIMIT:
        return nx.to_numpy_array(U, weight=None, dtype=float)
    return nx.to_scipy_sparse_array(U, weight=None, dtype=float, format="csr")


def _paths(U: nx.Graph) -> tuple[np.ndarray, np.ndarray]:
    """All-pairs breadth-first search of an undirected graph, as dense matrices.

    ``dist[s, v]``: steps on a shortest path from ``s`` to ``v`` (``inf`` with no path);
    ``sigma[s, v]``: how many shortest paths there are. All sources at once, one
    matrix product per level: the paths reaching ``w`` at level ``L`` are the sum of
    those reaching its neighbours at level ``L - 1``.
    """
    A = _adjacency(U)
    n = A.shape[0]
    dist = np.full((n, n), np.inf)
    np.fill_diagonal(dist, 0)
    sigma = np.eye(n)
    frontier = np.eye(n)
    level = 0
    while frontier.any():
        level += 1
        counts = (A @ frontier.T).T  # = frontier @ A, as A is symmetric: a sparse product
        new = (counts > 0) & np.isinf(dist)
        dist[new] = level
        sigma[new] = counts[new]
        frontier = np.where(new, counts, 0.0)
    return dist, sigma


def _betweenness(U: nx.Graph, dist: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """Normalised betweenness (same values as ``nx.betweenness_centrality``), by Brandes'
    (2001) dependency accumulation, level by level for all sources at once."""
    A = _adjacency(U)
    n = A.shape[0]
    delta = np.zeros((n, n))
    finite = np.isfinite(dist)
    top = int(dist[finite].max()) if n else 0
    with np.errstate(divide="ignore", invalid="ignore"):
        for level in range(top, 1, -1):
            at = dist == level
            coeff = np.where(at, (1.0 + delta) / sigma, 0.0)
            before = dist == level - 1
            delta += np.where(before, sigma * (A @ coeff.T).T, 0.0)
    scores = delta.sum(axis=0) / 2  # each pair is counted from both ends
    return scores * (2.0 / ((n - 1) * (n - 2))) if n > 2 else np.zeros(n)


def betweenness(G: nx.Graph, dense_limit: int = 400) -> dict:
    """Normalised betweenness of each node, the values of ``nx.betweenness_centrality``.

    Directed graphs are treated as undirected. Networks of 3 to ``dense_limit`` nodes
    take the all-sources matrix path above (much faster at the course's sizes); others
    go to networkx.

    Examples
    --------
    >>> import networkx as nx
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    if 2 < U.number_of_nodes() <= dense_limit:
        return dict(zip(U, _betweenness(U, *_paths(U)).tolist()))
    return nx.betweenness_centrality(U)


def _mean_path(dist: np.ndarray, members: np.ndarray) -> float:
    """Average steps between two distinct nodes of one component (given by index)."""
    k = members.size
    if k < 2:
        return 0.0
    return float(dist[np.ix_(members, members)].sum() / (k * (k - 1)))


def _efficiency(dist: np.ndarray) -> float:
    """Average of 1 / steps over all ordered pairs of distinct nodes (0 with no path)."""
    n = dist.shape[0]
    if n < 2:
        return 0.0
    with np.errstate(divide="ignore"):
        inv = 1.0 / dist
    np.fill_diagonal(inv, 0.0)
    return float(inv.sum() / (n * (n - 1)))


def _freeman(scores: np.ndarray, most: float) -> float:
    """Sum of (highest score - score), divided by its largest possible value ``most``."""
    return float((scores.max() - scores).sum() / most)


def freeman_centralisation(G: nx.Graph, measure: str = "degree") -> float:
    """Freeman's (1979) centralisation of a network, between 0 and 1.

    The sum over all nodes of (highest score - the node's score), divided by the
    largest value that sum can take in any network of the same size, which a star
    reaches. ``measure="degree"``: how far the ties gather on one person (1 for a
    star, 0 when everybody has the same number of ties). ``measure="betweenness"``:
    how far the shortest paths run through one person (1 for a star, 0 for a ring or
    a complete network). Directed graphs are treated as undirected. With fewer than
    three nodes every network is a star, and the value is 0.
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    n = U.number_of_nodes()
    if n < 3:
        return 0.0
    if measure == "degree":
        scores = np.array([d for _, d in U.degree()], dtype=float)
        most = (n - 1) * (n - 2)  # a star: the centre has n - 1, the others 1
    elif measure == "betweenness":
        # normalised betweenness lies in [0, 1]; a star's centre has 1, the others 0
        if n <= DENSE_LIMIT:
            scores = _betweenness(U, *_paths(U))
        else:
            scores = np.array(list(nx.betweenness_centrality(U, normalized=True).values()))
        most = n - 1
    else:
        raise ValueError(f"measure must be 'degree' or 'betweenness', got {measure!r}")
    return _freeman(scores, most)


def profile(G: nx.Graph) -> dict[str, float]:
    """The course's standard summary of a network, one table row.

    - ``people``, ``ties``, ``density`` (share of possible ties that exist),
      ``mean degree``;
    - ``degree centralisation`` and ``betweenness centralisation``: Freeman's (1979)
      measures (:func:`freeman_centralisation`);
    - ``components``: maximal groups in which everyone can reach everyone else;
    - ``mean path``: average number of steps between two people, over the pairs
      in the largest component only (other pairs have no path);
    - ``efficiency``: average of 1 / steps over *all* pairs, 0 for pairs with no
      path (Latora and Marchiori 2001), so it handles a split network;
    - ``clustering``: average over people of the share of their contacts' pairs
      who are tied to each other (Watts and Strogatz 1998).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, with at least one node. A directed graph is profiled as undirected
        (ties as contacts), except ``ties`` and ``density``, which count arcs.

    Returns
    -------
    dict of str to float
        The ten numbers above, by name.

    Raises
    ------
    ValueError
        For a graph without nodes.

    Examples
    --------
    >>> import networkx as nx
    >>> row = profile(nx.path_graph(4))
    >>> row["people"], row["ties"], row["components"]
    (4, 3, 1)
    >>> round(row["mean path"], 3), row["clustering"]
    (1.667, 0.0)
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    n = U.number_of_nodes()
    if n == 0:
        raise ValueError("the network has no nodes")
    degrees = [d for _, d in U.degree()]
    largest = max(nx.connected_components(U), key=len)
    if n <= DENSE_LIMIT:  # one all-pairs search gives paths, efficiency and betweenness
        dist, sigma = _paths(U)
        index = {v: i for i, v in enumerate(U)}
        mean_path = _mean_path(dist, np.array([index[v] for v in largest]))
        efficiency = _efficiency(dist)
        between = _freeman(_betweenness(U, dist, sigma), n - 1) if n >= 3 else 0.0
    else:
        sub = U.subgraph(largest)
        mean_path = nx.average_shortest_path_length(sub) if len(largest) > 1 else 0.0
        efficiency = nx.global_efficiency(nx.Graph(U))
        between = freeman_centralisation(U, "betweenness")
    return {
        "people": n,
        "ties": G.number_of_edges(),
        "density": nx.density(G),
        "mean degree": sum(degrees) / n,
        "degree centralisation": freeman_centralisation(U, "degree"),
        "betweenness centralisation": between,
        "components": nx.number_connected_components(U),
        "mean path": mean_path,
        "efficiency": efficiency,
        "clustering": nx.average_clustering(U),
    }


# =====================================================================
# Chapter 2: concentration of attention
# =====================================================================
def _amounts(values: nx.Graph | Mapping[Hashable, float] | Iterable[float]) -> np.ndarray:
    """Degrees of a graph (in graph order), the values of a mapping, or the numbers given."""
    if isinstance(values, nx.Graph):
        data = [d for _, d in values.degree()]
    elif isinstance(values, Mapping):
        data = list(values.values())
    else:
        data = list(values)
    x = np.asarray(data, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("need at least one value")
    if not np.all(np.isfinite(x)) or np.any(x < 0):
        raise ValueError("values must be finite and 0 or more")
    return x


def top_share(values: nx.Graph | Mapping[Hashable, float] | Iterable[float], fraction: float) -> float:
    """Share of the total held by the top ``fraction`` of holders.

    The top group has ``ceil(fraction * n)`` members, at least one: with 250 nodes, the
    top 1 % are the 3 best connected.

    Parameters
    ----------
    values : networkx.Graph, mapping or iterable of float
        The amounts held. For a graph the amounts are degrees, so this is the share of all
        tie ends (each tie counts once at each end) held by the best-connected nodes.
    fraction : float
        The size of the top group as a share of holders, in (0, 1].

    Returns
    -------
    float
        The top group's share of the total; 0.0 when the total is zero.

    Raises
    ------
    ValueError
        For a ``fraction`` outside (0, 1].

    Examples
    --------
    >>> top_share([1, 1, 2, 6], 0.25)  # the top one of four holds 6 of 10
    0.6
    >>> import networkx as nx
    >>> top_share(nx.star_graph(4), 0.2)  # the hub holds 4 of the 8 tie ends
    0.5
    """
    if not 0.0 < float(fraction) <= 1.0:
        raise ValueError(f"fraction must lie in (0, 1], got {fraction}")
    x = np.sort(_amounts(values))[::-1]
    total = x.sum()
    k = max(1, math.ceil(round(float(fraction) * x.size, 9)))
    return float(x[:k].sum() / total) if total else 0.0


def gini(values: nx.Graph | Mapping[Hashable, float] | Iterable[float]) -> float:
    """Gini coefficient: 0 when everyone holds the same, ``(n - 1) / n`` when one holds all.

    Half the mean absolute difference between two holders drawn at random (with
    replacement), divided by the mean.

    Parameters
    ----------
    values : networkx.Graph, mapping or iterable of float
        The amounts held; for a graph, its nodes' degrees; for a mapping, its values.

    Returns
    -------
    float
        The coefficient; 0.0 when every amount is zero.

    Examples
    --------
    >>> gini([3, 3, 3, 3])
    0.0
    >>> gini([0, 0, 0, 4])  # one of four holds everything: (4 - 1) / 4
    0.75
    """
    x = np.sort(_amounts(values))
    n, total = x.size, x.sum()
    if total == 0:
        return 0.0
    ranks = np.arange(1, n + 1)
    return float(2 * np.sum(ranks * x) / (n * total) - (n + 1) / n)


def concentration(values: nx.Graph | Mapping[Hashable, float] | Iterable[float]) -> dict[str, float]:
    """Top 1 % share, top 10 % share and Gini coefficient, for one table row."""
    x = _amounts(values)
    return {"top 1 % share": top_share(x, 0.01), "top 10 % share": top_share(x, 0.10), "Gini": gini(x)}


# =====================================================================
# Chapter 2: two-mode networks (customers and venues, women and events)
# =====================================================================
def side(B: nx.Graph, part: int) -> list[Hashable]:
    """Nodes whose ``bipartite`` attribute equals ``part``, in graph order.

    The course's convention: 0 for people (customers, the Southern Women), 1 for
    places and occasions (venues, events).

    Parameters
    ----------
    B : networkx.Graph
        A two-mode graph.
    part : int
        0 or 1.

    Returns
    -------
    list
        The nodes of that side (empty when none carries ``bipartite=part``).

    Examples
    --------
    >>> import networkx as nx
    >>> B = nx.Graph()
    >>> B.add_nodes_from(["Ana", "Ben", "Cy"], bipartite=0)
    >>> B.add_nodes_from(["café", "gym", "bar"], bipartite=1)
    >>> B.add_edges_from([("Ana", "café"), ("Ana", "gym"), ("Ben", "café"), ("Ben", "gym"),
    ...                   ("Cy", "café"), ("Cy", "bar")])
    >>> side(B, 1)
    ['café', 'gym', 'bar']
    >>> len(side(B, 0))
    3
    """
    return [v for v, p in B.nodes(data="bipartite") if p == part]


def projection(B: nx.Graph, part: int = 1) -> nx.Graph:
    """One-mode projection onto side ``part``: two nodes are tied when they share a neighbour.

    The result of ``bipartite.weighted_projected_graph``, with its ties put in graph
    order (networkx collects them through sets, whose order changes from run to run).

    Parameters
    ----------
    B : networkx.Graph
        A two-mode graph whose nodes carry ``bipartite`` 0 or 1.
    part : int, default 1
        The side to keep (1: venues or events, 0: people).

    Returns
    -------
    networkx.Graph
        The nodes of that side with their attributes; edge ``weight`` counts the shared
        neighbours (shared customers of two venues, shared venues of two customers).

    Raises
    ------
    ValueError
        When no node has ``bipartite`` equal to ``part``.

    Examples
    --------
    >>> import networkx as nx
    >>> B = nx.Graph()
    >>> B.add_nodes_from(["Ana", "Ben", "Cy"], bipartite=0)
    >>> B.add_nodes_from(["café", "gym", "bar"], bipartite=1)
    >>> B.add_edges_from([("Ana", "café"), ("Ana", "gym"), ("Ben", "café"), ("Ben", "gym"),
    ...                   ("Cy", "café"), ("Cy", "bar")])
    >>> list(projection(B).edges(data="weight"))
    [('café', 'gym', 2), ('café', 'bar', 1)]
    >>> projection(B, 0)["Ana"]["Ben"]["weight"]  # two venues in common
    2
    """
    nodes = side(B, part)
    if not nodes:
        raise ValueError(f"no nodes with bipartite={part}: mark each node's side with that attribute")
    P = bipartite.weighted_projected_graph(B, nodes)
    ordered = nx.Graph(**P.graph)
    ordered.add_nodes_from(P.nodes(data=True))
    index = {v: i for i, v in enumerate(nodes)}
    ordered.add_edges_from(sorted(((u, v, d) if index[u] < index[v] else (v, u, d) for u, v, d in P.edges(data=True)),
                                  key=lambda e: (index[e[0]], index[e[1]])))
    return ordered


def top_pairs(P: nx.Graph, k: int = 5, weight: str = "weight", *,
              ties: bool = True) -> list[tuple[Hashable, Hashable, float]]:
    """The ``k`` heaviest ties of a projection as ``(u, v, weight)``, heaviest first.

    Equal weights are ordered by the nodes' places in the graph (``u`` before ``v``),
    so the list is the same on every run.

    Parameters
    ----------
    P : networkx.Graph
        A weighted graph, usually from :func:`projection`.
    k : int, default 5
        How many ties to keep.
    weight : str, default "weight"
        The edge attribute to rank by (a tie without it weighs 1).
    ties : bool, default True
        Keep every pair as heavy as the ``k``-th too, so the list can be longer than
        ``k``: cutting at exactly ``k`` would drop a pair that shares as many as one that
        is shown.

    Returns
    -------
    list of (node, node, float)
        The heaviest ties.

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 1})])
    >>> top_pairs(P, 1)
    [('a', 'b', 3)]
    >>> len(top_pairs(P, 2)), len(top_pairs(P, 2, ties=False))  # b-c weighs as much as a-c
    (3, 2)
    """
    index = {v: i for i, v in enumerate(P)}
    edges = [(u, v, d.get(weight, 1)) if index[u] < index[v] else (v, u, d.get(weight, 1))
             for u, v, d in P.edges(data=True)]
    ranked = sorted(edges, key=lambda e: (-e[2], index[e[0]], index[e[1]]))
    if not ties or len(ranked) <= k or k < 1:
        return ranked[:k]
    return [e for e in ranked if e[2] >= ranked[k - 1][2]]


#: Lifts resting on fewer shared customers than this are flagged by :func:`also_visited`.
FEW_SHARED = 5


def also_visited(B: nx.Graph, node: Hashable, k: int = 5, by: str = "shared",
                 min_shared: int = FEW_SHARED) -> dict[Hashable, dict[str, float | str]]:
    """"Customers who came here also went to": the top ``k`` other nodes on ``node``'s side.

    ``by="shared"`` ranks by the count of shared customers, which favours venues
    everybody visits; ``by="lift"`` ranks by lift, which finds the venues this one's
    customers are drawn to.

    Parameters
    ----------
    B : networkx.Graph
        A two-mode graph whose nodes carry ``bipartite`` 0 or 1 (see :func:`side`).
    node : hashable
        The venue (or customer) to start from.
    k : int, default 5
        How many other nodes to return at most.
    by : {"shared", "lift"}, default "shared"
        What to rank by.
    min_shared : int, default FEW_SHARED (5)
        Below this many shared customers a row gets a warning ``note``.

    Returns
    -------
    dict
        Other node -> ``{"shared", "share", "lift", "note"}``, best first: ``shared`` counts
        the customers of ``node`` who also went there; ``share`` is that number as a share
        of ``node``'s customers; ``lift`` divides the share by the other node's share of all
        customers (above 1: ``node``'s customers go there more often than customers in
        general); ``note`` warns when the lift rests on fewer than ``min_shared`` shared
        customers (a lift of 3 from two people is luck as often as taste). Nodes that share
        no customer are left out.

    Raises
    ------
    ValueError
        For a ``by`` other than "shared" or "lift".
    networkx.NodeNotFound
        When ``node`` is not in ``B``.

    Examples
    --------
    >>> import networkx as nx
    >>> B = nx.Graph()
    >>> B.add_nodes_from(["Ana", "Ben", "Cy"], bipartite=0)
    >>> B.add_nodes_from(["café", "gym", "bar"], bipartite=1)
    >>> B.add_edges_from([("Ana", "café"), ("Ana", "gym"), ("Ben", "café"), ("Ben", "gym"),
    ...                   ("Cy", "café"), ("Cy", "bar")])
    >>> rows = also_visited(B, "gym", min_shared=2)
    >>> list(rows), rows["café"]["shared"], rows["café"]["lift"]
    (['café'], 2, 1.0)
    >>> also_visited(B, "café")["gym"]["note"]
    'fewer than 5 shared: unreliable'
    """
    if by not in ("shared", "lift"):
        raise ValueError(f"by must be 'shared' or 'lift', got {by!r}")
    if node not in B:
        raise nx.NodeNotFound(f"{node!r} is not in the network")
    part = B.nodes[node].get("bipartite")
    people = len(side(B, 1 - part)) if part in (0, 1) else B.number_of_nodes()
    mine = set(B[node])
    rows: dict[Hashable, dict[str, float | str]] = {}
    for v in side(B, part):
        if v == node:
            continue
        shared = len(mine & set(B[v]))
        if shared:
            share = shared / len(mine)
            note = f"fewer than {min_shared} shared: unreliable" if shared < min_shared else ""
            rows[v] = {"shared": shared, "share": share, "lift": share / (B.degree(v) / people), "note": note}
    ranked = sorted(rows, key=lambda v: -rows[v][by])
    return {v: rows[v] for v in ranked[:k]}
