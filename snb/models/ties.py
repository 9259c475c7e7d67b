"""How ties form: triadic closure and homophily, against a degree-preserving null model.

Two mechanisms from the study of social networks, combined in one seeded model:

- **triadic closure**: people meet the friends of their friends, so two people with
  a common contact are likely to become tied themselves (Rapoport 1953; Granovetter
  1973 argued that two strong ties of one person to two others who are not tied at all,
  the "forbidden triad", are rare);
- **homophily**: people tie more readily to people like themselves (McPherson,
  Smith-Lovin and Cook 2001), here people with the same interest.

The model (:func:`like_minded_network`) is measured by average clustering (Watts and
Strogatz 1998) and by attribute assortativity (Newman 2003), and compared with a null
model that keeps everyone's number of ties but wires them at random
(:func:`degree_preserving_null`): what the model shows above the null is more than the
degrees alone explain.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

from snb.assumptions import Parameter
from snb.stats import MIN_REPLICATIONS, difference

__all__ = ["LIKE_MINDED_PARAMETERS", "like_minded_network", "degree_preserving_null", "clustering",
           "assortativity", "null_comparison", "null_sweep"]

#: The like-minded model's parameters as used in chapter 3.
LIKE_MINDED_PARAMETERS: list[Parameter] = [
    Parameter("people", 150, "members of the network"),
    Parameter("ties", 450, "ties formed (mean degree 6)"),
    Parameter("interests", 3, "groups of like-minded people, equal in size"),
    Parameter("homophily", 0.7, "chance that a random meeting across interests does not become a tie",
              "assumption; strong homophily is widely observed (McPherson, Smith-Lovin and Cook 2001)"),
    Parameter("closure", 0.5, "share of new ties made through a friend (friend of a friend)",
              "assumption; triadic closure (Rapoport 1953, Granovetter 1973)"),
]


def like_minded_network(people: int = 150, ties: int = 450, *, interests: int = 3,
                        homophily: float = 0.7, closure: float = 0.5, seed: int = 1) -> nx.Graph:
    """A seeded network grown tie by tie through friends of friends and like-mindedness.

    Every member gets an interest (node attribute ``interest``: 0 to ``interests - 1``,
    groups of equal size, shuffled). Then, until ``ties`` ties exist, a random member
    ``u`` meets someone:

    - with probability ``closure`` (if ``u`` has contacts): a random contact of a random
      contact, and they tie (triadic closure);
    - otherwise a random member; if the two share an interest they tie, if not they tie
      only with probability ``1 - homophily``.

    Meetings with oneself or an existing contact are skipped. ``homophily=0`` and
    ``closure=0`` give a random (Erdos-Renyi-like) network with ``ties`` ties.

    Parameters
    ----------
    people : int, default 150
        Members, numbered 0 to ``people - 1``.
    ties : int, default 450
        Ties to grow.
    interests : int, default 3
        Number of interests.
    homophily : float, default 0.7
        Chance that a meeting across interests ends without a tie.
    closure : float, default 0.5
        Chance that a meeting goes through a contact.
    seed : int, default 1
        Random seed.

    Returns
    -------
    networkx.Graph
        Nodes with ``interest``; ``G.graph`` records the settings.

    Examples
    --------
    >>> G = like_minded_network(60, 180)
    >>> G.number_of_nodes(), G.number_of_edges()
    (60, 180)
    >>> sorted({interest for _, interest in G.nodes(data="interest")})
    [0, 1, 2]
    """
    interest, tied = _like_minded_ties(people, ties, interests=interests, homophily=homophily,
                                       closure=closure, seed=seed)
    G = nx.Graph(name="like-minded network", homophily=homophily, closure=closure, seed=seed)
    G.add_nodes_from((v, {"interest": interest[v]}) for v in range(people))
    G.add_edges_from(tied)
    return G


def _like_minded_ties(people: int = 150, ties: int = 450, *, interests: int = 3, homophily: float = 0.7,
                      closure: float = 0.5, seed: int = 1) -> tuple[list[int], list[tuple[int, int]]]:
    """:func:`like_minded_network` without the graph: everyone's interest, and the ties as
    sorted pairs (the order in which the graph lists its ties)."""
    if not 0 <= homophily < 1 or not 0 <= closure <= 1:
        raise ValueError("homophily must be in [0, 1) and closure in [0, 1]")
    if ties > people * (people - 1) // 2:
        raise ValueError(f"{people} people can have at most {people * (people - 1) // 2} ties")
    rng = random.Random(seed)
    interest = [i % interests for i in range(people)]
    rng.shuffle(interest)
    draw = rng.random  # int(draw() * k) picks one of k, several times faster than randrange
    contacts: list[list[int]] = [[] for _ in range(people)]
    tied: set[tuple[int, int]] = set()
    while len(tied) < ties:
        u = int(draw() * people)
        if contacts[u] and draw() < closure:
            friend = contacts[u][int(draw() * len(contacts[u]))]
            v = contacts[friend][int(draw() * len(contacts[friend]))]
        else:
            v = int(draw() * people)
            if interest[v] != interest[u] and draw() < homophily:
                continue
        pair = (u, v) if u < v else (v, u)
        if u == v or pair in tied:
            continue
        tied.add(pair)
        contacts[u].append(v)
        contacts[v].append(u)
    return interest, sorted(tied)


def degree_preserving_null(G: nx.Graph, *, seed: int = 1, swaps_per_tie: int = 3) -> nx.Graph:
    """The same people with the same numbers of ties, wired at random (a null model).

    Repeated double-edge swaps (ties a-b and c-d become a-d and c-b when that creates
    no self-tie or duplicate) keep every degree exactly while destroying any other
    pattern (Maslov and Sneppen 2002). Node attributes are kept, so the null model
    answers: how much clustering and like-with-like would these degrees give by chance?

    Parameters
    ----------
    G : networkx.Graph
        The network to rewire.
    seed : int, default 1
        Random seed of the swaps.
    swaps_per_tie : int, default 3
        Swaps tried per tie.

    Returns
    -------
    networkx.Graph
        A new graph; ``G`` is left unchanged.

    Examples
    --------
    >>> import networkx as nx
    >>> G = like_minded_network(60, 180)
    >>> null = degree_preserving_null(G)
    >>> dict(null.degree()) == dict(G.degree()), null.nodes[0] == G.nodes[0]
    (True, True)
    >>> nx.average_clustering(null) < nx.average_clustering(G)  # closure is gone
    True
    """
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    edges = _swapped([(index[u], index[v]) for u, v in G.edges()], seed=seed, swaps_per_tie=swaps_per_tie)
    H = nx.Graph(name="degree-preserving null model", seed=seed)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((nodes[a], nodes[b]) for a, b in edges)
    return H


def _swapped(edges: list[tuple[int, int]], *, seed: int, swaps_per_tie: int = 3) -> list[tuple[int, int]]:
    """The double-edge swaps of :func:`degree_preserving_null` on ties given as pairs of
    node numbers (in the graph's order of ties); returns the rewired pairs."""
    rng = np.random.default_rng(seed)
    edges = list(edges)
    m = len(edges)
    present = {(a, b) if a < b else (b, a) for a, b in edges}
    tries = swaps_per_tie * m if m >= 2 else 0
    picks = rng.integers(m, size=(tries, 2)).tolist() if tries else []
    flips = (rng.random(tries) < 0.5).tolist()
    for (i, j), flip in zip(picks, flips):
        (a, b), (c, d) = edges[i], edges[j]
        if flip:
            c, d = d, c
        if a == c or a == d or b == c or b == d:
            continue
        new1 = (a, d) if a < d else (d, a)
        new2 = (c, b) if c < b else (b, c)
        if new1 in present or new2 in present:
            continue
        present.discard((a, b) if a < b else (b, a))
        present.discard((c, d) if c < d else (d, c))
        present.add(new1)
        present.add(new2)
        edges[i], edges[j] = (a, d), (c, b)
    return edges


def _adjacency(G: nx.Graph) -> sparse.csr_array:
    """0/1 adjacency matrix in graph order, built straight from the edge list (the same
    matrix as ``nx.to_scipy_sparse_array(G, weight=None)``, several times faster)."""
    index = {v: i for i, v in enumerate(G)}
    return tie_matrix(G.number_of_nodes(), [(index[u], index[v]) for u, v in G.edges()])


def tie_matrix(n: int, pairs: list[tuple[int, int]]) -> sparse.csr_array:
    """0/1 adjacency matrix of ``n`` nodes from ties given as pairs of node numbers."""
    from scipy import sparse  # imported here: scipy.sparse costs every page ~0.15 s
    ends = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    loop = ends[:, 0] == ends[:, 1]  # a self-loop is one entry on the diagonal
    rows = np.concatenate([ends[:, 0], ends[~loop, 1]])
    cols = np.concatenate([ends[:, 1], ends[~loop, 0]])
    return sparse.csr_array((np.ones(rows.size), (rows, cols)), shape=(n, n))


def clustering(G: nx.Graph) -> float:
    """Average clustering (Watts and Strogatz 1998), the same value as
    ``nx.average_clustering`` (people with fewer than two contacts count as 0)."""
    if G.number_of_nodes() == 0:
        raise ValueError("the network has no nodes")
    return _clustering(_adjacency(G))


def _clustering(A: sparse.csr_array) -> float:
    """Average clustering from a 0/1 adjacency matrix (see :func:`clustering`)."""
    degree = np.asarray(A.sum(axis=1)).ravel()
    triangles = np.asarray((A @ A).multiply(A).sum(axis=1)).ravel() / 2
    pairs = degree * (degree - 1) / 2
    local = np.divide(triangles, pairs, out=np.zeros_like(triangles), where=pairs > 0)
    return float(local.mean())


def assortativity(G: nx.Graph, attribute: str = "interest") -> float:
    """Attribute assortativity (Newman 2003), the same value as
    ``nx.attribute_assortativity_coefficient``: 1 when every tie joins people with the
    same value, 0 when ties ignore the attribute, negative when opposites attract."""
    values = {v: G.nodes[v][attribute] for v in G}
    return _assortativity(values, G.edges())


def _assortativity(values: Mapping | Sequence, pairs: Iterable[tuple]) -> float:
    """Attribute assortativity from each node's value (a mapping, or a list indexed by
    node number) and the ties."""
    pool = values.values() if isinstance(values, Mapping) else values
    kinds = {k: i for i, k in enumerate(sorted(set(pool), key=str))}
    ends = np.array([(kinds[values[u]], kinds[values[v]]) for u, v in pairs], dtype=np.int64)
    if not len(ends):
        raise ValueError("the network has no ties")
    k = len(kinds)
    mix = np.zeros((k, k))
    np.add.at(mix, (ends[:, 0], ends[:, 1]), 1)
    mix = mix + mix.T
    mix /= mix.sum()
    a = mix.sum(axis=1)
    expected = float(a @ a)
    if expected == 1:
        return 1.0
    return float((np.trace(mix) - expected) / (1 - expected))


def null_comparison(seeds: Iterable[int] = range(MIN_REPLICATIONS), **settings) -> dict[str, np.ndarray]:
    """Clustering and assortativity of the model and of its null model, one row per seed.

    Seed ``s`` builds :func:`like_minded_network` with seed ``s`` and its
    :func:`degree_preserving_null` with the same seed (paired replications); the numbers
    are computed without building the graphs.

    Parameters
    ----------
    seeds : iterable of int, default range(MIN_REPLICATIONS)
        The seeds, 0 to 19 unless given.
    **settings
        Passed to the model (``people``, ``ties``, ``interests``, ``homophily``, ``closure``).

    Returns
    -------
    dict of str to numpy.ndarray
        ``model clustering``, ``null clustering``, ``model assortativity`` (by interest)
        and ``null assortativity``, one value per seed.

    Examples
    --------
    >>> result = null_comparison(range(3), people=60, ties=180)
    >>> result["model clustering"].round(3).tolist(), result["null clustering"].round(3).tolist()
    ([0.387, 0.359, 0.323], [0.083, 0.089, 0.103])
    """
    rows = []
    for s in seeds:  # the same numbers as on the graphs, without building them
        interest, ties = _like_minded_ties(seed=int(s), **settings)
        null = _swapped(ties, seed=int(s))
        n = len(interest)
        rows.append((_clustering(tie_matrix(n, ties)), _clustering(tie_matrix(n, null)),
                     _assortativity(interest, ties), _assortativity(interest, null)))
    data = np.array(rows, dtype=float).reshape(-1, 4)
    names = ("model clustering", "null clustering", "model assortativity", "null assortativity")
    return {name: data[:, i] for i, name in enumerate(names)}


def null_sweep(parameter: str, values: Iterable[float], seeds: Iterable[int] = range(MIN_REPLICATIONS),
               **settings) -> dict[str, list]:
    """How far the model lies above its null model as one parameter changes.

    For each value of ``parameter`` (e.g. ``"homophily"``), the paired interval of
    model minus null for assortativity and for clustering, over ``seeds``.
    """

    seeds = list(seeds)
    out: dict[str, list] = {"assortativity above the null": [], "clustering above the null": []}
    for value in values:
        r = null_comparison(seeds, **{**settings, parameter: value})
        out["assortativity above the null"].append(difference(r["model assortativity"], r["null assortativity"]))
        out["clustering above the null"].append(difference(r["model clustering"], r["null clustering"]))
    return out
