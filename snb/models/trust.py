"""Chapter 5: trust in both directions. Reciprocity, triads, signed ties and structural balance.

- **reciprocity** (``networkx.reciprocity``): the share of arcs whose reverse arc also exists;
- a **null model** for it: every person keeps their number of nominations, but names others
  at random (:func:`random_nominations`), so chance reciprocity is known;
- the **triad census** (Holland and Leinhardt 1976, via ``networkx.triadic_census``);
- **signed ties** (+1 liking, -1 disliking) and **structural balance** (Heider 1946; Cartwright
  and Harary 1956): a triangle is balanced when it has an even number of negative ties ("the
  friend of my friend is my friend", "the enemy of my enemy is my friend");
- **trust-weighted standing**: liking received, weighted by rank, with and without the disliking
  received (:func:`standing`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np

__all__ = [
    "NOMINATION_NULL",
    "balance_null",
    "balance_runs",
    "balanced_share",
    "CLOSED_TRIADS",
    "closed_share",
    "nomination_null",
    "OPEN_TRIADS",
    "random_nominations",
    "RECIPROCITY_NULL",
    "reciprocal_nominations",
    "reciprocity_null",
    "reciprocity_runs",
    "signed_ties",
    "standing",
    "triad_counts",
    "triad_runs",
    "triangle_signs",
]

#: The null model of the nomination tests, named as in the literature: the uniform random
#: directed graph conditional on every out-degree (each novice keeps how many brothers he
#: named; whom he names is drawn uniformly among the others; Wasserman and Faust 1994, 13.5).
NOMINATION_NULL = "uniform random nominations given each person's number of nominations (U|out-degrees)"

#: The stricter null of the triad tests: as :data:`NOMINATION_NULL`, and the numbers of mutual,
#: one-way and empty pairs (the dyad census) stay as in the data too, as Holland and Leinhardt
#: (1976) kept them, so what reciprocity alone gives is known.
RECIPROCITY_NULL = ("random nominations given each person's number of nominations and the "
                    "number of mutual pairs (U|out-degrees, dyad census)")

#: Triads (networkx's names) in which exactly two of the three pairs are tied: open.
OPEN_TRIADS: tuple[str, ...] = ("021D", "021U", "021C", "111D", "111U", "201")
#: Triads in which all three pairs are tied: closed.
CLOSED_TRIADS: tuple[str, ...] = ("030T", "030C", "120D", "120U", "120C", "210", "300")


def random_nominations(D: nx.DiGraph, *, seed: int = 1) -> nx.DiGraph:
    """Each node keeps its out-degree but names that many others chosen uniformly at random."""
    rng = np.random.default_rng(seed)
    nodes = list(D)
    R = nx.DiGraph()
    R.add_nodes_from(nodes)
    for i, u in enumerate(nodes):
        others = nodes[:i] + nodes[i + 1:]
        picks = rng.choice(len(others), size=D.out_degree(u), replace=False)
        R.add_edges_from((u, others[j]) for j in picks)
    return R


def reciprocity_runs(D: nx.DiGraph, seeds: Iterable[int] = range(20)) -> np.ndarray:
    """Reciprocity of :func:`random_nominations` networks of ``D``, one per seed."""
    return np.array([nx.reciprocity(random_nominations(D, seed=s)) for s in seeds])


def triad_runs(D: nx.DiGraph, kinds: Iterable[str], seeds: Iterable[int] = range(20)) -> dict[str, np.ndarray]:
    """Counts of the given triad types (e.g. ``"300"``) in random-nomination networks, per seed."""
    kinds = list(kinds)
    censuses = [nx.triadic_census(random_nominations(D, seed=s)) for s in seeds]
    return {k: np.array([c[k] for c in censuses], dtype=float) for k in kinds}


def signed_ties(like: nx.DiGraph, dislike: nx.DiGraph) -> tuple[nx.Graph, int]:
    """One undirected signed tie per pair that named each other at all.

    ``sign`` is +1 when the pair's nominations are all liking, -1 when all disliking.
    Pairs with both (one likes, the other dislikes) are ambivalent and left out.

    Parameters
    ----------
    like, dislike : networkx.DiGraph
        Who named whom as liked and as disliked.

    Returns
    -------
    S : networkx.Graph
        The signed ties, with the nodes (and their attributes) of ``like``.
    ambivalent : int
        The number of pairs left out.

    Examples
    --------
    >>> import networkx as nx
    >>> like = nx.DiGraph([("a", "b", {"rank": 3}), ("b", "a", {"rank": 3}), ("c", "a", {"rank": 2}),
    ...                    ("a", "c", {"rank": 1})])
    >>> dislike = nx.DiGraph([("c", "b", {"rank": 3}), ("b", "c", {"rank": 3}), ("a", "c", {"rank": 2})])
    >>> S, ambivalent = signed_ties(like, dislike)
    >>> list(S.edges(data="sign")), ambivalent  # a and c: c likes a, a dislikes c
    ([('a', 'b', 1), ('b', 'c', -1)], 1)
    """
    S = nx.Graph(name="signed ties")
    S.add_nodes_from(like.nodes(data=True))
    signs: dict[frozenset, set[int]] = {}
    for D, sign in ((like, 1), (dislike, -1)):
        for u, v in D.edges:
            signs.setdefault(frozenset((u, v)), set()).add(sign)
    ambivalent = 0
    for pair, found in signs.items():
        if len(found) > 1:
            ambivalent += 1
            continue
        u, v = sorted(pair, key=str)
        S.add_edge(u, v, sign=found.pop())
    return S, ambivalent


def triangle_signs(S: nx.Graph, sign: str = "sign") -> dict[int, int]:
    """Number of triangles by their number of negative ties (0 to 3).

    Parameters
    ----------
    S : networkx.Graph
        A signed network.
    sign : str, default "sign"
        The edge attribute holding each tie's sign.

    Returns
    -------
    dict of int to int
        Negative ties in a triangle -> how many triangles have that many.

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1}),
    ...               (3, 4, {"sign": 1}), (2, 4, {"sign": 1})])
    >>> triangle_signs(S)
    {0: 0, 1: 1, 2: 1, 3: 0}
    """
    counts = {0: 0, 1: 0, 2: 0, 3: 0}
    for clique in nx.enumerate_all_cliques(S):
        if len(clique) == 3:
            a, b, c = clique
            counts[sum(S.edges[x, y][sign] < 0 for x, y in ((a, b), (b, c), (a, c)))] += 1
        elif len(clique) > 3:
            break
    return counts


def balanced_share(S: nx.Graph, sign: str = "sign") -> float:
    """Share of triangles that are balanced (an even number of negative ties).

    Parameters
    ----------
    S : networkx.Graph
        A signed network.
    sign : str, default "sign"
        The edge attribute holding each tie's sign (negative: a negative tie).

    Returns
    -------
    float
        Between 0 and 1; ``nan`` when there is no triangle.

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1}),
    ...               (3, 4, {"sign": 1}), (2, 4, {"sign": 1})])
    >>> balanced_share(S)  # 1-2-3 has two negative ties (balanced), 2-3-4 one (not)
    0.5
    """
    counts = triangle_signs(S, sign)
    total = sum(counts.values())
    return (counts[0] + counts[2]) / total if total else float("nan")


def balance_runs(S: nx.Graph, seeds: Iterable[int] = range(20)) -> np.ndarray:
    """Balanced share when the same signs are shuffled over the same ties, one run per seed."""
    edges = list(S.edges)
    signs = np.array([S.edges[e]["sign"] for e in edges])
    out = []
    for s in seeds:
        H = nx.Graph()
        H.add_edges_from(edges)
        shuffled = np.random.default_rng(s).permutation(signs)
        nx.set_edge_attributes(H, dict(zip(edges, shuffled.tolist())), "sign")
        out.append(balanced_share(H))
    return np.array(out)


def standing(like: nx.DiGraph, dislike: nx.DiGraph) -> dict[str, dict[Hashable, float]]:
    """Four views of who stands high, for every node.

    Parameters
    ----------
    like, dislike : networkx.DiGraph
        Who named whom, with the edge attribute ``rank`` (3 for a first choice).

    Returns
    -------
    dict of str to dict of node to float
        - ``named``: how many named him as liked (in-degree);
        - ``liking``: liking received, weighted by rank;
        - ``net trust``: liking received minus disliking received, both weighted by rank;
        - ``trust PageRank``: PageRank on the liking ties weighted by rank (being liked
          by the well liked).

    Examples
    --------
    >>> import networkx as nx
    >>> like = nx.DiGraph([("a", "b", {"rank": 3}), ("b", "a", {"rank": 3}), ("c", "a", {"rank": 2}),
    ...                    ("a", "c", {"rank": 1})])
    >>> dislike = nx.DiGraph([("c", "b", {"rank": 3}), ("b", "c", {"rank": 3}), ("a", "c", {"rank": 2})])
    >>> views = standing(like, dislike)
    >>> views["liking"], views["net trust"]
    ({'a': 5.0, 'b': 3.0, 'c': 1.0}, {'a': 5.0, 'b': 0.0, 'c': -4.0})
    """
    liking = dict(like.in_degree(weight="rank"))
    disliked = dict(dislike.in_degree(weight="rank"))
    return {
        "named": {v: float(d) for v, d in like.in_degree()},
        "liking": {v: float(liking[v]) for v in like},
        "net trust": {v: float(liking[v] - disliked.get(v, 0)) for v in like},
        "trust PageRank": {v: float(s) for v, s in nx.pagerank(like, weight="rank").items()},
    }


def random_nomination_matrices(D: nx.DiGraph, n: int, seed: int) -> np.ndarray:
    """``n`` adjacency matrices (boolean, shape ``(n, N, N)``, rows in the order of ``D``'s nodes)
    in which every node keeps its out-degree and names others uniformly at random
    (:data:`NOMINATION_NULL`, drawn all at once).

    Examples
    --------
    >>> import networkx as nx
    >>> A = random_nomination_matrices(nx.DiGraph([(0, 1), (0, 2), (1, 2)]), 5, seed=1)
    >>> A.shape, A.sum(axis=2)[0].tolist()
    ((5, 3, 3), [2, 1, 0])
    """
    rng = np.random.default_rng(seed)
    size = D.number_of_nodes()
    out = np.array([d for _, d in D.out_degree()])
    keys = rng.random((n, size, size))
    keys[:, np.arange(size), np.arange(size)] = 2.0  # nobody names himself
    ranks = np.argsort(np.argsort(keys, axis=2), axis=2)
    return ranks < out[None, :, None]


def triad_counts(A: np.ndarray) -> dict[str, np.ndarray]:
    """Counts of the triads ``"003"``, ``"012"``, ``"102"`` and ``"300"`` (Holland and Leinhardt
    1976; networkx's names) of one adjacency matrix ``(N, N)`` or of a stack ``(n, N, N)``, by
    matrix products instead of a loop over all triples (the same numbers as
    ``networkx.triadic_census``).

    Examples
    --------
    >>> import networkx as nx, numpy as np
    >>> D = nx.DiGraph([(0, 1), (1, 0), (2, 3)])
    >>> counts = triad_counts(nx.to_numpy_array(D, nodelist=range(4)) > 0)
    >>> {k: int(v) for k, v in counts.items()} == {"003": 0, "012": 2, "102": 2, "300": 0}
    True
    """
    A = np.asarray(A, dtype=bool)
    size = A.shape[-1]
    T = np.swapaxes(A, -1, -2)
    off = ~np.eye(size, dtype=bool)
    mutual = (A & T).astype(float)
    one_way = (A ^ T).astype(float)
    null = (~(A | T) & off).astype(float)
    both_null = null @ null  # (i, j): third persons with no arc to either i or j

    def trace3(M: np.ndarray) -> np.ndarray:
        return np.einsum("...ii->...", M @ M @ M)

    return {
        "003": trace3(null) / 6,
        "012": (one_way * both_null).sum(axis=(-1, -2)) / 2,
        "102": (mutual * both_null).sum(axis=(-1, -2)) / 2,
        "300": trace3(mutual) / 6,
    }


def nomination_null(D: nx.DiGraph, *, n: int = 1000, seed: int = 0) -> dict[str, np.ndarray]:
    """The distribution of reciprocity and of four triad counts under :data:`NOMINATION_NULL`:
    ``n`` random networks in which every person keeps their number of nominations.

    Returns arrays of length ``n`` under the keys ``"reciprocity"``, ``"003"``, ``"012"``,
    ``"102"`` and ``"300"``: the null distributions a permutation test compares the observed
    value with (never only their mean).

    Examples
    --------
    >>> import networkx as nx
    >>> null = nomination_null(nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 0)]), n=200, seed=1)
    >>> sorted(null), len(null["reciprocity"])
    (['003', '012', '102', '300', 'reciprocity'], 200)
    """
    A = random_nomination_matrices(D, n, seed)
    arcs = A.sum(axis=(1, 2))
    returned = (A & np.swapaxes(A, 1, 2)).sum(axis=(1, 2))
    return {"reciprocity": returned / np.maximum(arcs, 1), **triad_counts(A)}


def closed_share(census: dict[str, float]) -> float:
    """The share of triads with at least two tied pairs in which the third pair is tied too.

    From a triad census (``networkx.triadic_census``): closed triads over open plus closed
    ones (:data:`OPEN_TRIADS`, :data:`CLOSED_TRIADS`). It grows when ties close into
    triangles, whatever their directions.

    Parameters
    ----------
    census : dict of str to float
        Counts of the 16 triad types.

    Returns
    -------
    float
        A share from 0 to 1 (0 when no two pairs of a triad are tied).

    Examples
    --------
    >>> import networkx as nx
    >>> census = nx.triadic_census(nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3)]))
    >>> round(closed_share(census), 3)  # the cycle 0-1-2 is closed; 0-2-3 and 1-2-3 are open
    0.333
    """
    open_ = sum(census[k] for k in OPEN_TRIADS)
    closed = sum(census[k] for k in CLOSED_TRIADS)
    return float(closed / (open_ + closed)) if open_ + closed else 0.0


def reciprocal_nominations(D: nx.DiGraph, *, n: int = 1000, seed: int = 0, burn: int = 5000,
                           thin: int = 200) -> list[nx.DiGraph]:
    """``n`` random networks under :data:`RECIPROCITY_NULL`, drawn by a Markov chain.

    Each step picks a person at random and moves one of their nominations to someone they
    did not name; the move is kept only if the number of mutual pairs stays the same. Every
    move can be undone with the same probability, so the chain draws uniformly from the
    networks it can reach with the data's out-degrees and dyad census. It starts at the
    data, forgets it for ``burn`` steps, then keeps one network every ``thin`` steps.

    Parameters
    ----------
    D : networkx.DiGraph
        The observed nominations.
    n : int, default 1000
        Networks to draw.
    seed : int, default 0
        Random seed.
    burn, thin : int, default 5000 and 200
        Steps before the first network, and between two kept networks.

    Returns
    -------
    list of networkx.DiGraph
        On the nodes of ``D``.

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph([(0, 1), (1, 0), (2, 3), (3, 4), (4, 2)])
    >>> drawn = reciprocal_nominations(D, n=3, seed=1, burn=50, thin=10)
    >>> [(dict(R.out_degree()) == dict(D.out_degree()), nx.reciprocity(R)) for R in drawn]
    [(True, 0.4), (True, 0.4), (True, 0.4)]
    """
    nodes = list(D)
    A = nx.to_numpy_array(D, nodelist=nodes, weight=None) > 0
    rng = np.random.default_rng(seed)

    def step() -> None:
        u = rng.integers(len(nodes))
        named = np.flatnonzero(A[u])
        others = np.flatnonzero(~A[u])
        others = others[others != u]
        if len(named) == 0 or len(others) == 0:
            return
        v, w = named[rng.integers(len(named))], others[rng.integers(len(others))]
        if A[v, u] == A[w, u]:  # u -> v was mutual exactly when u -> w will be
            A[u, v], A[u, w] = False, True

    for _ in range(burn):
        step()
    drawn = []
    for _ in range(n):
        for _ in range(thin):
            step()
        R = nx.DiGraph()
        R.add_nodes_from(nodes)
        R.add_edges_from((nodes[i], nodes[j]) for i, j in zip(*np.nonzero(A)))
        drawn.append(R)
    return drawn


def reciprocity_null(D: nx.DiGraph, *, n: int = 1000, seed: int = 0) -> dict[str, np.ndarray]:
    """The triad census and :func:`closed_share` of ``n`` networks under
    :data:`RECIPROCITY_NULL` (:func:`reciprocal_nominations`).

    Returns arrays of length ``n``: one per triad type (``"003"`` to ``"300"``) and
    ``"closed share"``.

    Examples
    --------
    >>> import networkx as nx
    >>> null = reciprocity_null(nx.DiGraph([(0, 1), (1, 0), (2, 3), (3, 4), (4, 2)]), n=5)
    >>> len(null), null["102"].shape
    (17, (5,))
    """
    censuses = [nx.triadic_census(R) for R in reciprocal_nominations(D, n=n, seed=seed)]
    null = {kind: np.array([c[kind] for c in censuses], dtype=float) for kind in censuses[0]}
    null["closed share"] = np.array([closed_share(c) for c in censuses])
    return null


def balance_null(S: nx.Graph, *, n: int = 1000, seed: int = 0, sign: str = "sign") -> np.ndarray:
    """Balanced share of triangles when the same signs are shuffled over the same ties, ``n``
    times (a permutation null: the ties, their number and the number of negative ties stay).

    Examples
    --------
    >>> import networkx as nx
    >>> S = nx.Graph()
    >>> S.add_edges_from([(0, 1), (1, 2), (0, 2), (2, 3)], sign=1)
    >>> S.edges[2, 3]["sign"] = -1
    >>> sorted(set(balance_null(S, n=50, seed=1).tolist()))
    [0.0, 1.0]
    """
    edges = list(S.edges)
    index = {frozenset(e): i for i, e in enumerate(edges)}
    triangles = [
        [index[frozenset((a, b))], index[frozenset((b, c))], index[frozenset((a, c))]]
        for a, b, c in (q for q in nx.enumerate_all_cliques(S) if len(q) == 3)
    ]
    signs = np.array([S.edges[e][sign] for e in edges], dtype=float)
    rng = np.random.default_rng(seed)
    shuffled = np.array([rng.permutation(signs) for _ in range(n)])
    if not triangles:
        return np.full(n, np.nan)
    products = shuffled[:, np.array(triangles)].prod(axis=2)
    return (products > 0).mean(axis=1)
