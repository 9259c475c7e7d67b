"""Reach and diffusion: who a message reaches, in k steps or by an independent cascade.

- :func:`k_step_reach`, :func:`reach_by_step`: who is at most ``k`` ties away;
- :func:`independent_cascade`: one random run of the independent cascade model
  (Kempe, Kleinberg and Tardos 2003); :func:`cascade_sizes`: many seeded runs;
- :func:`choose_seeds`: broadcast (the best connected) against peer (ordinary people
  chosen at random) seeding with the same budget.

Nodes are visited in the graph's own order, never in set order, so results do not
depend on Python's string hashing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable

import networkx as nx
import numpy as np

from snb.assumptions import Parameter

Node = Hashable
SEEDING_STRATEGIES: tuple[str, ...] = ("broadcast", "peer")


def _as_seed_list(G: nx.Graph, seeds: Node | Iterable[Node]) -> list[Node]:
    """Accept one node or an iterable of nodes; keep graph order; reject strangers."""
    try:
        single = seeds in G
    except TypeError:  # an unhashable list or set of seeds
        single = False
    if single or isinstance(seeds, (str, int)):
        seeds = [seeds]
    wanted = set(seeds)
    missing = wanted - set(G)
    if missing:
        raise nx.NodeNotFound(f"not in the network: {sorted(map(str, missing))}")
    return [v for v in G if v in wanted]


# ------------------------------------------------------------------ reach
def k_step_reach(G: nx.Graph, sources: Node | Iterable[Node], k: int) -> set[Node]:
    """Nodes at most ``k`` steps from any of ``sources`` (the sources included).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network; on a directed graph, steps follow the direction of the ties.
    sources : node or iterable of nodes
        Where the steps start.
    k : int
        The largest number of steps, 0 or more.

    Returns
    -------
    set
        The nodes reached.

    Raises
    ------
    ValueError
        For a negative ``k``.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team, load_tiny_team_email
    >>> sorted(k_step_reach(load_tiny_team(), "Ana", 1))
    ['Ana', 'Ben', 'Chloe', 'Dev']
    >>> sorted(k_step_reach(load_tiny_team_email(), "Dev", 1))  # Dev writes only to Eva
    ['Dev', 'Eva']
    """
    if k < 0:
        raise ValueError("k must be 0 or more")
    return set(nx.multi_source_dijkstra_path_length(G, _as_seed_list(G, sources), cutoff=k, weight=None))


def reach_by_step(G: nx.Graph, sources: Node | Iterable[Node], max_k: int) -> list[int]:
    """How many nodes are reached within 0, 1, ..., ``max_k`` steps.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (steps follow the ties' direction).
    sources : node or iterable of nodes
        Where the steps start.
    max_k : int
        The last number of steps counted.

    Returns
    -------
    list of int
        ``max_k + 1`` cumulative counts, the sources included.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> reach_by_step(load_tiny_team(), "Ana", 3)
    [1, 4, 5, 7]
    """
    dist = nx.multi_source_dijkstra_path_length(G, _as_seed_list(G, sources), cutoff=max_k, weight=None)
    counts = np.bincount(np.fromiter(dist.values(), dtype=int), minlength=max_k + 1)
    return np.cumsum(counts).tolist()


# ------------------------------------------------------- independent cascade
@dataclass(frozen=True)
class CascadeTies:
    """A graph as compressed arrays for fast cascades (nodes in graph order)."""

    nodes: list
    indptr: np.ndarray
    indices: np.ndarray
    hub: np.ndarray
    edge_hub: np.ndarray

    @classmethod
    def of(cls, G: nx.Graph) -> "CascadeTies":
        """Each node's neighbours (successors when directed) as sorted indices, the
        compressed sparse row layout of ``nx.to_scipy_sparse_array``, built in numpy:
        importing scipy.sparse would cost every page that runs a cascade ~0.2 s."""
        nodes = list(G)
        index = {v: i for i, v in enumerate(nodes)}
        tail = np.fromiter((index[u] for u, nbrs in G.adj.items() for _ in nbrs), dtype=np.int64)
        head = np.fromiter((index[v] for nbrs in G.adj.values() for v in nbrs), dtype=np.int64)
        order = np.lexsort((head, tail))  # by node, then by neighbour
        indices = head[order]
        indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
        np.cumsum(np.bincount(tail, minlength=len(nodes)), out=indptr[1:])
        hub = np.array([G.nodes[v].get("role") == "hub" for v in nodes], dtype=bool)
        edge_hub = hub[indices] | np.repeat(hub, np.diff(indptr))
        return cls(nodes, indptr, indices, hub, edge_hub)


def batch_cascade(ties: CascadeTies, start: np.ndarray, p_peer: np.ndarray, p_hub: float,
                   rng: np.random.Generator) -> np.ndarray:
    """Independent cascades for many runs at once; ``start`` is a runs x nodes boolean array.

    Each round gathers the ties of every newly informed (run, person) pair and
    draws one random number per tie: a tie touching a hub passes the message
    with ``p_hub``, any other tie with that run's ``p_peer``. Returns, per run
    and person, the round in which they were informed (0 for seeds, -1 never).
    """
    n = start.shape[1]
    when = np.where(start, 0, -1)
    flat = when.reshape(-1)  # a view: (run, person) pairs as run * n + person
    pairs = np.flatnonzero(start)
    degree = np.diff(ties.indptr)
    p_peer = np.asarray(p_peer, dtype=float)
    same_p = p_peer.size > 0 and p_peer.min() == p_peer.max()  # one scalar: no per-tie gather
    hubs = bool(ties.edge_hub.any())
    step = 0
    while pairs.size:
        step += 1
        runs, frontier = np.divmod(pairs, n)
        counts = degree[frontier]
        ends = np.cumsum(counts)  # the ties of pair j are ends[j] - counts[j] to ends[j] - 1
        total = int(ends[-1])
        if total == 0:
            break
        tie = np.repeat(ties.indptr[frontier] - ends + counts, counts) + np.arange(total)
        prob = p_peer[0] if same_p else np.repeat(p_peer[runs], counts)
        if hubs:
            prob = np.where(ties.edge_hub[tie], p_hub, prob)
        hit = np.flatnonzero(rng.random(total) < prob)
        owner = np.searchsorted(ends, hit, side="right")  # the pair whose tie it is
        target = runs[owner] * n + ties.indices[tie[hit]]
        fresh = target[flat[target] < 0]
        flat[fresh] = step
        # the newly informed (run, person) pairs, each once and in sorted order, so the
        # random draws of the next round come in the same order: sorting a few is
        # cheaper than scanning every pair, scanning cheaper than sorting many
        pairs = np.unique(fresh) if fresh.size * 32 < flat.size else np.flatnonzero(flat == step)
    return when


def _check_probability(p: float) -> float:
    p = float(p)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"pass-on probability must lie between 0 and 1, got {p}")
    return p


def _cascade_rounds(G: nx.Graph, seeds: Node | Iterable[Node], p: float, p_hub: float | None,
                    runs: int, seed: int | None) -> tuple[CascadeTies, np.ndarray]:
    """Validate, then run ``runs`` cascades; returns the ties and the round array."""
    p = _check_probability(p)
    p_hub = p if p_hub is None else _check_probability(p_hub)
    ties = CascadeTies.of(G)
    index = {v: i for i, v in enumerate(ties.nodes)}
    start = np.zeros((runs, len(ties.nodes)), dtype=bool)
    start[:, [index[v] for v in _as_seed_list(G, seeds)]] = True
    when = batch_cascade(ties, start, np.full(runs, p), p_hub, np.random.default_rng(seed))
    return ties, when


def independent_cascade(G: nx.Graph, seeds: Node | Iterable[Node], p: float, *,
                        p_hub: float | None = None, seed: int | None = None) -> list[list[Node]]:
    """One run of the independent cascade model (Kempe, Kleinberg and Tardos 2003).

    Each newly informed person gets one chance to pass the message to each
    neighbour, succeeding with probability ``p``.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    seeds : node or iterable of nodes
        The people informed at the start.
    p : float
        Chance of passing the message along one tie, in [0, 1].
    p_hub : float or None, default None
        The chance for ties that touch a node with ``role="hub"``; None: the same as ``p``.
    seed : int or None, default None
        Random seed.

    Returns
    -------
    list of list
        The people informed in each round, in graph order: round 0 is the seeds, round 1
        the people they told, and so on.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> independent_cascade(load_tiny_team(), "Ana", 1.0)
    [['Ana'], ['Ben', 'Chloe', 'Dev'], ['Eva'], ['Femi', 'Gus']]
    >>> independent_cascade(load_tiny_team(), "Ana", 0.0)
    [['Ana']]
    """
    ties, when = _cascade_rounds(G, seeds, p, p_hub, 1, seed)
    return [[ties.nodes[i] for i in np.flatnonzero(when[0] == k)] for k in range(when.max() + 1)]


def cascade_sizes(G: nx.Graph, seeds: Node | Iterable[Node], p: float, *, p_hub: float | None = None,
                  runs: int = 200, seed: int | None = None) -> np.ndarray:
    """Final cascade size (seeds included) in each of ``runs`` seeded runs.

    Parameters
    ----------
    G : networkx.Graph
        The network (a node with ``role="hub"`` is a hub for ``p_hub``).
    seeds : node or iterable of nodes
        The people who start the message.
    p : float
        Chance that a newly told person passes it along one tie, in [0, 1].
    p_hub : float or None, default None
        The chance along ties that touch a hub; None: the same as ``p``.
    runs : int, default 200
        Independent cascades.
    seed : int or None, default None
        Random seed; the same seed gives the same sizes.

    Returns
    -------
    numpy.ndarray
        ``runs`` whole numbers, each the people told in one cascade.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> cascade_sizes(team, "Ana", 1.0, runs=3).tolist()  # everyone always passes it on
    [7, 7, 7]
    >>> sizes = cascade_sizes(team, "Ana", 0.3, runs=100, seed=1)
    >>> bool(sizes.min() >= 1 and sizes.max() <= 7)
    True
    """
    _, when = _cascade_rounds(G, seeds, p, p_hub, runs, seed)
    return (when >= 0).sum(axis=1)


def choose_seeds(G: nx.Graph, budget: int, strategy: str, *, seed: int | None = None) -> list[Node]:
    """Pick ``budget`` people to start a message.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    budget : int
        How many starters, between 1 and the number of nodes.
    strategy : {"broadcast", "peer"}
        ``"broadcast"``: the ``budget`` best-connected people (media, hubs, bosses), ties in
        degree broken by graph order. ``"peer"``: ``budget`` ordinary people drawn at random
        from those who are not hubs (node attribute ``role != "hub"`` when present).
    seed : int or None, default None
        Random seed of the peer draw.

    Returns
    -------
    list
        The starters (peers in graph order).

    Raises
    ------
    ValueError
        For an unknown strategy, or a budget out of range or larger than the non-hubs.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> team = load_tiny_team()
    >>> choose_seeds(team, 2, "broadcast")  # Ana and Eva have three ties each
    ['Ana', 'Eva']
    >>> len(choose_seeds(team, 3, "peer", seed=0))
    3
    """
    if strategy not in SEEDING_STRATEGIES:
        raise ValueError(f"strategy must be one of {SEEDING_STRATEGIES}, got {strategy!r}")
    if isinstance(budget, bool) or not isinstance(budget, (int, np.integer)) or not 0 < budget <= len(G):
        raise ValueError(f"budget must be a whole number between 1 and {len(G)}, got {budget!r}")
    nodes = list(G)
    if strategy == "broadcast":
        order = sorted(range(len(nodes)), key=lambda i: -G.degree(nodes[i]))
        return [nodes[i] for i in order[:budget]]
    pool = [v for v in nodes if G.nodes[v].get("role") != "hub"] or nodes
    if budget > len(pool):
        raise ValueError(f"only {len(pool)} people are not hubs; a peer budget of {budget} is too large")
    picks = np.random.default_rng(seed).choice(len(pool), size=budget, replace=False)
    return [pool[i] for i in sorted(picks)]


# ------------------------------------------------- results across random seeds
def reach_curve(G: nx.Graph, starters: Node | Iterable[Node], probabilities: Iterable[float], *,
                runs: int = 40, seed: int | None = None) -> np.ndarray:
    """Cascade sizes for several pass-on probabilities at once (every tie uses ``p``).

    All the cascades are simulated in one batch.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    starters : node or iterable of nodes
        The people who start every cascade.
    probabilities : iterable of float
        The pass-on probabilities, each in [0, 1].
    runs : int, default 40
        Independent cascades at each probability.
    seed : int or None, default None
        Random seed.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(probabilities), runs)``: row ``i`` holds ``runs`` cascade sizes at
        ``probabilities[i]``.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> reach_curve(load_tiny_team(), "Ana", [0.0, 1.0], runs=3).tolist()
    [[1, 1, 1], [7, 7, 7]]
    """
    ps = np.array([_check_probability(p) for p in probabilities], dtype=float)
    ties = CascadeTies.of(G)
    ties = CascadeTies(ties.nodes, ties.indptr, ties.indices, ties.hub, np.zeros_like(ties.edge_hub))
    index = {v: i for i, v in enumerate(ties.nodes)}
    start = np.zeros((ps.size * runs, len(ties.nodes)), dtype=bool)
    start[:, [index[v] for v in _as_seed_list(G, starters)]] = True
    when = batch_cascade(ties, start, np.repeat(ps, runs), 0.0, np.random.default_rng(seed))
    return (when >= 0).sum(axis=1).reshape(ps.size, runs)


def tipping_estimate(G: nx.Graph) -> float:
    """The pass-on probability above which a cascade can reach a large share of ``G``.

    For a network wired at random with the same degrees, the independent cascade
    takes off when ``p`` exceeds ``<k> / (<k^2> - <k>)`` (Newman 2002; the same
    degree heterogeneity drives Pastor-Satorras and Vespignani's 2001 result):
    a few people with many ties make ``<k^2>`` large and the threshold small.
    Clustering, which the formula ignores, pushes the real threshold higher.

    Parameters
    ----------
    G : networkx.Graph
        The network; only its degrees are used.

    Returns
    -------
    float
        The estimate; infinity when no one has more than one tie.

    Examples
    --------
    >>> import networkx as nx
    >>> tipping_estimate(nx.cycle_graph(5))  # degree 2 everywhere: 2 / (4 - 2)
    1.0
    >>> round(tipping_estimate(nx.star_graph(4)), 3)  # a hub lowers it
    0.667
    """
    k = np.array([d for _, d in G.degree()], dtype=float)
    spread = float((k**2).mean() - k.mean())
    return float(k.mean() / spread) if spread > 0 else float("inf")


def seeding_sweep(G: nx.Graph, budget: int, probabilities: Iterable[float], *,
                  p_hub: float | None = None, replications: int = 20, runs: int = 20,
                  seed: int = 0) -> dict[str, np.ndarray]:
    """Mean reach of broadcast and of peer starters at several peer pass-on probabilities.

    Replication ``r`` draws its peer starters with random seed ``seed + r`` and
    averages ``runs`` cascades; both strategies are simulated in one batch from
    random seed ``seed``.

    Parameters
    ----------
    G : networkx.Graph
        The network (nodes with ``role="hub"`` are hubs).
    budget : int
        Starters per strategy (see :func:`choose_seeds`).
    probabilities : iterable of float
        The peers' pass-on probabilities.
    p_hub : float or None, default None
        The chance along ties that touch a hub; None: the same as ``p``.
    replications : int, default 20
        Paired replications per probability.
    runs : int, default 20
        Cascades averaged within one replication.
    seed : int, default 0
        Random seed.

    Returns
    -------
    dict of str to numpy.ndarray
        ``"broadcast"`` and ``"peer"``, each of shape ``(len(probabilities), replications)``.
        Row ``i`` of the two arrays are paired replications of one setting (compare them
        with ``stats.difference(..., paired=True)``).

    Examples
    --------
    >>> import networkx as nx
    >>> sweep = seeding_sweep(nx.star_graph(9), 1, [0.0, 0.5], replications=4, runs=10)
    >>> sweep["peer"].shape, sweep["peer"][0].tolist()  # at p = 0 only the starter knows
    ((2, 4), [1.0, 1.0, 1.0, 1.0])
    >>> bool((sweep["broadcast"][1] > sweep["peer"][1]).all())  # the centre beats a leaf
    True
    """
    ps = np.array([_check_probability(p) for p in probabilities], dtype=float)
    p_hub = None if p_hub is None else _check_probability(p_hub)
    ties = CascadeTies.of(G)
    if p_hub is None:
        ties = CascadeTies(ties.nodes, ties.indptr, ties.indices, ties.hub, np.zeros_like(ties.edge_hub))
    index = {v: i for i, v in enumerate(ties.nodes)}
    groups = [[index[v] for v in choose_seeds(G, budget, "broadcast")]]
    groups += [[index[v] for v in choose_seeds(G, budget, "peer", seed=seed + r)]
               for r in range(replications)]
    # rows ordered as (probability, strategy, replication, run)
    per_p = 2 * replications * runs
    start = np.zeros((ps.size * per_p, len(ties.nodes)), dtype=bool)
    row = np.arange(ps.size * per_p).reshape(ps.size, 2, replications, runs)
    start[row[:, 0].ravel()[:, None], np.array(groups[0])[None, :]] = True
    for r in range(replications):
        start[row[:, 1, r].ravel()[:, None], np.array(groups[1 + r])[None, :]] = True
    when = batch_cascade(ties, start, np.repeat(ps, per_p), 0.0 if p_hub is None else p_hub,
                          np.random.default_rng(seed))
    sizes = (when >= 0).sum(axis=1).reshape(ps.size, 2, replications, runs).mean(axis=3)
    return {"broadcast": sizes[:, 0], "peer": sizes[:, 1]}


def seeding_replications(G: nx.Graph, budget: int, p: float, *, p_hub: float | None = None,
                         replications: int = 20, runs: int = 50, seed: int = 0) -> dict[str, np.ndarray]:
    """Mean reach of broadcast and of peer starters, one value per replication (random seed).

    See :func:`seeding_sweep`, of which this is the case of one probability ``p``.
    """
    out = seeding_sweep(G, budget, [p], p_hub=p_hub, replications=replications, runs=runs, seed=seed)
    return {strategy: values[0] for strategy, values in out.items()}


def cascade_parameters(*, n: int = 200, budget: int = 4, p: float = 0.2, p_hub: float | None = None,
                       replications: int = 20, runs: int = 50) -> list:
    """The cascade experiment's parameters as :class:`snb.assumptions.Parameter` rows.

    Parameters
    ----------
    n : int, default 200
        People in each synthetic network.
    budget : int, default 4
        People the firm briefs directly.
    p : float, default 0.2
        Chance that a peer passes the message along one tie.
    p_hub : float or None, default None
        Chance along a tie that touches a media hub; None: the same as ``p``.
    replications : int, default 20
        Random seeds, each with new peer starters and new cascades.
    runs : int, default 50
        Cascades averaged within one replication.

    Returns
    -------
    list of snb.assumptions.Parameter
        One row per parameter, with its meaning and source.

    Examples
    --------
    >>> rows = cascade_parameters(p=0.1)
    >>> [row.name for row in rows]
    ['model', 'people', 'starters', 'p', 'p_hub', 'random seeds', 'runs per random seed']
    >>> rows[3].value, rows[4].value
    (0.1, 'same as p')
    """
    return [
        Parameter("model", "independent cascade",
                  "each newly told person gets one chance to tell each contact",
                  "Kempe, Kleinberg and Tardos 2003"),
        Parameter("people", n, "size of each synthetic network"),
        Parameter("starters", budget, "people the firm briefs directly (its budget)"),
        Parameter("p", p, "chance that a peer passes the message along one tie",
                  "assumption; most online cascades are tiny (Goel, Watts and Goldstein 2012), "
                  "so values well under 0.5 are realistic"),
        Parameter("p_hub", "same as p" if p_hub is None else p_hub,
                  "chance along a tie that touches a media hub"),
        Parameter("random seeds", replications,
                  "replications: each picks new peer starters and new cascades"),
        Parameter("runs per random seed", runs, "cascades averaged within one replication"),
    ]
