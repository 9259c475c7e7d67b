"""Chapter 1: what the shape of a network does to distances, as experiments with intervals.

- :func:`network_parameters`: how the six communication networks are generated, with
  sources, as :class:`snb.assumptions.Parameter` rows;
- :func:`rewiring_sweep`: Watts and Strogatz's (1998) experiment: rewire a share of a ring
  lattice's ties into shortcuts and watch mean path length fall long before clustering does,
  over many random seeds.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

import networkx as nx
import numpy as np

from snb.assumptions import Parameter
from snb.stats import mean_interval


def _mean_path_and_clustering(G: nx.Graph, every: int = 1) -> tuple[float, float]:
    """Mean path over the largest component and average clustering, in numpy
    (nodes must be the integers 0 to n - 1; the same values as networkx gives).

    ``every=4`` starts the path count from every fourth person only: an unbiased
    estimate of the mean path, four times faster. The breadth-first searches from
    all starting people run together, one matrix product per step; at the course's
    sizes (a few hundred people) this beats importing scipy's graph routines.
    """
    n = G.number_of_nodes()
    A = nx.to_numpy_array(G, nodelist=range(n), weight=None)  # row i is person i
    degree = A.sum(axis=1)
    triangles = ((A @ A) * A).sum(axis=1) / 2
    pairs = degree * (degree - 1) / 2
    clustering = np.divide(triangles, pairs, out=np.zeros(n), where=pairs > 0)
    keep = np.array(sorted(max(nx.connected_components(G), key=len)))
    sources = keep[::every]
    reached = np.zeros((sources.size, n), dtype=bool)  # one row per starting person
    reached[np.arange(sources.size), sources] = True
    frontier, A = reached.astype(np.float32), A.astype(np.float32)
    total = step = 0
    while True:
        step += 1
        new = (frontier @ A > 0) & ~reached  # first reached in this many steps
        count = int(np.count_nonzero(new))
        if count == 0:
            break
        total += step * count
        reached |= new
        frontier = new.astype(np.float32)
    return float(total / (sources.size * (keep.size - 1))), float(clustering.mean())


@lru_cache(maxsize=8)
def _lattice(n: int, k: int) -> np.ndarray:
    """Mean path and clustering of the ring lattice (rewiring 0), computed once."""
    return np.array(_mean_path_and_clustering(nx.watts_strogatz_graph(n, k, 0.0)))


def small_world_ratios(rewiring: Sequence[float], *, n: int = 200, k: int = 4, seed: int = 1,
                       every: int = 8) -> np.ndarray:
    """Mean path and clustering of one small world per rewiring share, as shares of the
    ring lattice's (one random seed): an array of shape ``(len(rewiring), 2)``.

    Examples
    --------
    >>> ratios = small_world_ratios([0.1], seed=1)
    >>> bool(ratios[0, 0] < ratios[0, 1] < 1)
    True
    """
    base = _lattice(int(n), int(k))
    return np.array([_mean_path_and_clustering(nx.connected_watts_strogatz_graph(n, k, share, seed=seed),
                                               every) for share in rewiring]) / base


def rewiring_sweep(rewiring: Sequence[float], *, n: int = 200, k: int = 4,
                   random_seeds: Iterable[int] = range(20), every: int = 8) -> dict[str, list]:
    """Mean path length and clustering of small worlds, relative to the ring lattice.

    For each share of rewired ties, one small world per random seed
    (``nx.connected_watts_strogatz_graph``, the generator of the chapter's "small
    world"); each value is divided by the ring lattice's (rewiring 0).

    Parameters
    ----------
    rewiring : sequence of float
        The shares of rewired ties, each in [0, 1].
    n : int, default 200
        People in each network.
    k : int, default 4
        Neighbours of each person in the ring.
    random_seeds : iterable of int, default range(20)
        One network per seed at each share.
    every : int, default 8
        Path lengths are counted from every ``every``-th person (an unbiased estimate;
        ``every=1`` counts from everyone).

    Returns
    -------
    dict of str to list of snb.stats.Interval
        ``{"mean path": [...], "clustering": [...]}``: one interval over the random seeds
        per share of rewired ties.

    Examples
    --------
    >>> ratios = rewiring_sweep([0.0, 1.0], n=30, random_seeds=range(3), every=1)
    >>> ratios["mean path"][0].mean  # no rewiring: the lattice itself
    1.0
    >>> bool(ratios["mean path"][1].high < 1)  # shortcuts shorten the paths
    True
    """
    seeds = list(random_seeds)
    base_path, base_clustering = _mean_path_and_clustering(nx.watts_strogatz_graph(n, k, 0.0))
    out: dict[str, list] = {"mean path": [], "clustering": []}
    for share in rewiring:
        pairs = np.array([_mean_path_and_clustering(nx.connected_watts_strogatz_graph(n, k, share, seed=s),
                                                    every) for s in seeds])
        out["mean path"].append(mean_interval(pairs[:, 0] / base_path))
        out["clustering"].append(mean_interval(pairs[:, 1] / base_clustering))
    return out


def network_parameters(n: int = 200) -> list:
    """How :func:`snb.datasets.communication_network` builds each shape, with sources.

    Parameters
    ----------
    n : int, default 200
        The number of people in every network.

    Returns
    -------
    list of snb.assumptions.Parameter
        One row per shape, plus the size and the random seed.

    Examples
    --------
    >>> rows = network_parameters(50)
    >>> rows[0].value, [row.name for row in rows][1:3]
    (50, ['broadcast star', 'hierarchy tree'])
    >>> next(row.source for row in rows if row.name == "small world")
    'Watts and Strogatz 1998'
    """
    return [
        Parameter("people", n, "every network has the same size", "assumption"),
        Parameter("broadcast star", "1 centre", "one sender tied to everyone else", "assumption"),
        Parameter("hierarchy tree", "3 reports each", "a reporting tree, filled level by level",
                  "assumption"),
        Parameter("peer mesh", "2 n random ties", "4 ties per person on average, placed at random",
                  "Erdos and Renyi 1959"),
        Parameter("small world", "k = 4, rewiring 0.1", "ring of 4 neighbours, 10 % of ties rewired",
                  "Watts and Strogatz 1998"),
        Parameter("scale-free", "m = 2", "each newcomer ties to 2 people, preferring the popular",
                  "Barabasi and Albert 1999"),
        Parameter("media + peers", "n / 25 hubs, reach 0.25",
                  "hubs tied to each other and to a quarter of a small world each", "assumption"),
        Parameter("random seed", 1, "fixes the random choices, so the same networks come back",
                  "assumption"),
    ]
