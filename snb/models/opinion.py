"""Collective intelligence: opinions averaged over a network (DeGroot 1974).

Everyone starts with a noisy estimate of a true value and, round after round, replaces it
with the average of their own and their contacts' current estimates. On a connected
network the estimates converge to one consensus, a weighted average of the starting
estimates; the weights are the members' **influence** (the stationary distribution of the
averaging matrix). Golub and Jackson (2010) showed that the consensus approaches the truth
in large networks exactly when no member keeps a sizeable influence: the crowd is wise
unless one voice dominates.

- :func:`averaging_matrix`, :func:`influence`, :func:`degroot` (the rounds themselves);
- :func:`consensus_error`: the consensus' distance from the truth for one draw of estimates;
- :func:`wisdom_study`: consensus error and the largest influence over many seeds.
"""

from __future__ import annotations

from typing import Callable, Iterable

import networkx as nx
import numpy as np

from snb.assumptions import Parameter
from snb.measures import freeman_centralisation
from snb.stats import MIN_REPLICATIONS

__all__ = ["WISDOM_PARAMETERS", "WISDOM_NETWORKS", "averaging_matrix", "influence", "degroot",
           "consensus_error", "expected_consensus_error", "wisdom_network", "wisdom_study", "era_profile"]

#: The collective-intelligence experiment of chapter 3.
WISDOM_PARAMETERS: list[Parameter] = [
    Parameter("people", 100, "members who each hold an estimate"),
    Parameter("truth", 0.0, "the value everybody tries to estimate"),
    Parameter("noise", 1.0, "standard deviation of each member's own starting estimate around the truth"),
    Parameter("self-weight", "1 share", "each member counts their own estimate once, like each contact's",
              "DeGroot (1974) allows any trust weights; equal weights are an assumption"),
    Parameter("mean degree", 6, "average number of contacts in every network compared"),
]

#: The networks compared, each with the same number of people and about the same ties.
WISDOM_NETWORKS: tuple[str, ...] = ("peer mesh", "small world", "scale-free", "one voice")


def averaging_matrix(G: nx.Graph) -> np.ndarray:
    """Row-stochastic matrix: each member averages their own estimate and their contacts'."""
    A = nx.to_numpy_array(G, weight=None) + np.eye(G.number_of_nodes())
    return A / A.sum(axis=1, keepdims=True)


def influence(G: nx.Graph) -> np.ndarray:
    """Each member's weight in the consensus (sums to 1), in graph order.

    For this averaging on a connected undirected network the weight is proportional to
    the member's number of contacts plus one (their own voice).

    Parameters
    ----------
    G : networkx.Graph
        A connected network.

    Returns
    -------
    numpy.ndarray
        One weight per member.

    Raises
    ------
    ValueError
        When ``G`` is not connected.

    Examples
    --------
    >>> influence(nx.star_graph(3)).tolist()  # the centre: 3 contacts + 1, the others 1 + 1
    [0.4, 0.2, 0.2, 0.2]
    """
    if not nx.is_connected(G):
        raise ValueError("the network must be connected to reach one consensus")
    w = np.array([d + 1 for _, d in G.degree()], dtype=float)
    return w / w.sum()


#: Above this many people :func:`degroot` averages from the edge list instead of a dense
#: matrix (10,000 people would need 800 MB); below it the dense matrix is quicker.
DENSE_PEOPLE = 2000


def _averaging_step(G: nx.Graph):
    """One round of averaging as a function of the estimates (graph order): a product with
    :func:`averaging_matrix`, or for a large network the same sums from the edge list."""
    n = G.number_of_nodes()
    if n <= DENSE_PEOPLE:
        W = averaging_matrix(G)
        return lambda x: W @ x
    index = {v: i for i, v in enumerate(G)}
    ends = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    loop = ends[:, 0] == ends[:, 1]  # a self-loop counts once, as in the dense matrix
    rows = np.concatenate([ends[:, 0], ends[~loop, 1], np.arange(n)])
    cols = np.concatenate([ends[:, 1], ends[~loop, 0], np.arange(n)])
    share = 1.0 / np.bincount(rows, minlength=n)  # own voice plus one per contact
    return lambda x: np.bincount(rows, weights=x[cols], minlength=n) * share


def degroot(G: nx.Graph, start: np.ndarray, rounds: int) -> np.ndarray:
    """Estimates after each round: an array of shape (rounds + 1, people)."""
    step = _averaging_step(G)
    out = [np.asarray(start, dtype=float)]
    for _ in range(rounds):
        out.append(step(out[-1]))
    return np.array(out)


def consensus_error(G: nx.Graph, *, noise: float = 1.0, truth: float = 0.0, seed: int = 1) -> dict[str, float]:
    """Absolute distance from the truth of the network's consensus and of the plain mean
    of the starting estimates (what an ideal, equal-weight crowd would find)."""
    rng = np.random.default_rng(seed)
    start = truth + noise * rng.standard_normal(G.number_of_nodes())
    return {"consensus": float(abs(influence(G) @ start - truth)), "crowd mean": float(abs(start.mean() - truth))}


def expected_consensus_error(G: nx.Graph, *, noise: float = 1.0) -> float:
    """Expected distance of the consensus from the truth, in closed form (no seeds).

    The consensus is ``sum_i w_i x_i`` with influence weights ``w`` (:func:`influence`,
    summing to 1). If every starting estimate is the truth plus its own noise, the
    noises independent and normal with the same standard deviation ``noise``, then the
    consensus minus the truth is normal with mean 0 and standard deviation
    ``noise * ||w||`` (the variance of a weighted sum of independent terms is
    ``sum_i w_i^2 noise^2``), and the mean absolute value of a normal variable with
    standard deviation ``s`` is ``s * sqrt(2 / pi)``. So the expected error is
    ``sqrt(2 / pi) * noise * ||w||``. Equal weights ``1/n`` give the plain mean's
    ``sqrt(2 / pi) * noise / sqrt(n)``, the smallest value any weights summing to 1 can
    give: averaging over a network can at best match the plain mean.

    The formula rests on its assumptions: independent errors (no shared bias) of equal
    size (nobody better informed than anybody else).

    Parameters
    ----------
    G : networkx.Graph
        A connected network.
    noise : float, default 1.0
        Standard deviation of each starting estimate's error.

    Returns
    -------
    float
        The expected absolute error of the consensus.

    Raises
    ------
    ValueError
        When ``G`` is not connected.

    Examples
    --------
    >>> G = nx.complete_graph(4)  # everybody equally influential: w = 1/4 each
    >>> round(expected_consensus_error(G), 4)  # sqrt(2/pi) / 2
    0.3989
    >>> round(expected_consensus_error(nx.star_graph(3)), 4)  # the centre weighs more: worse
    0.4222
    """
    return float(np.sqrt(2 / np.pi) * noise * np.linalg.norm(influence(G)))


def wisdom_network(kind: str, people: int = 100, *, seed: int = 1) -> nx.Graph:
    """A connected network of ``people`` with mean degree about 6, of one of :data:`WISDOM_NETWORKS`.

    A random peer mesh, a small world (Watts and Strogatz 1998), a scale-free network
    (Barabasi and Albert 1999), or "one voice": a small world in which member 0 is tied
    to everybody (a celebrity, a company account everyone follows). A disconnected draw
    is replaced by another seed's.

    Parameters
    ----------
    kind : str
        One of :data:`WISDOM_NETWORKS`.
    people : int, default 100
        Members, numbered 0 to ``people - 1``.
    seed : int, default 1
        Random seed.

    Returns
    -------
    networkx.Graph
        The network; ``G.graph`` records its kind and seed.

    Raises
    ------
    ValueError
        For an unknown kind.

    Examples
    --------
    >>> G = wisdom_network("one voice", 30)
    >>> G.number_of_nodes(), G.degree(0)  # member 0 reaches everybody directly
    (30, 29)
    """
    if kind == "peer mesh":
        G = nx.random_regular_graph(6, people, seed=seed)
    elif kind == "small world":
        G = nx.connected_watts_strogatz_graph(people, 6, 0.1, seed=seed)
    elif kind == "scale-free":
        G = nx.barabasi_albert_graph(people, 3, seed=seed)
    elif kind == "one voice":
        G = nx.connected_watts_strogatz_graph(people, 4, 0.1, seed=seed)
        G.add_edges_from((0, v) for v in range(1, people))
    else:
        raise ValueError(f"kind must be one of {WISDOM_NETWORKS}, got {kind!r}")
    if not nx.is_connected(G):  # rare for a random regular graph: take another seed
        return wisdom_network(kind, people, seed=seed + 10_000)
    G.graph.update(name=kind, seed=seed)
    return G


def wisdom_study(kind: str, people: int = 100, seeds: Iterable[int] = range(MIN_REPLICATIONS),
                 make: Callable[..., nx.Graph] | None = None) -> dict[str, np.ndarray]:
    """Per seed (network and estimates): ``consensus`` error, ``crowd mean`` error and the
    ``largest influence`` of any one member."""
    make = make or wisdom_network
    rows = []
    for s in seeds:
        G = make(kind, people, seed=int(s))
        err = consensus_error(G, seed=int(s))
        rows.append((err["consensus"], err["crowd mean"], influence(G).max()))
    data = np.array(rows, dtype=float).reshape(-1, 3)
    return {name: data[:, i] for i, name in enumerate(("consensus", "crowd mean", "largest influence"))}


def era_profile(D: nx.DiGraph) -> dict[str, float]:
    """Send, dialogue or participation in numbers.

    Parameters
    ----------
    D : networkx.DiGraph
        An era's network, with the node ``"institute"`` (as from
        :func:`snb.datasets.era_network`).

    Returns
    -------
    dict of str to float
        ``degree centralisation`` (Freeman, ties counted regardless of direction);
        ``reciprocity`` (share of ties answered by a tie back); ``pairs reachable`` (share
        of ordered pairs (a, b) in which a's message can reach b); ``mean steps`` (over
        those pairs); and ``reachable without the institute`` (share of pairs of
        individuals who can still reach each other without it).

    Examples
    --------
    >>> from snb.datasets import era_network
    >>> profile = era_profile(era_network("1.0 send", 10))
    >>> profile["degree centralisation"], profile["reciprocity"], profile["reachable without the institute"]
    (1.0, 0.0, 0.0)
    """
    n = D.number_of_nodes()
    lengths = dict(nx.all_pairs_shortest_path_length(D))
    steps = [d for a, row in lengths.items() for b, d in row.items() if a != b]
    rest = D.subgraph([v for v in D if v != "institute"])
    alone = sum(len(row) - 1 for _, row in nx.all_pairs_shortest_path_length(rest))
    return {"degree centralisation": freeman_centralisation(D, "degree"), "reciprocity": nx.reciprocity(D),
            "pairs reachable": len(steps) / (n * (n - 1)), "mean steps": float(np.mean(steps)),
            "reachable without the institute": alone / ((n - 1) * (n - 2))}
