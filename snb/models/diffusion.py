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

    On a directed graph, steps follow the direction of the ties.
    """
    if k < 0:
        raise ValueError("k must be 0 or more")
    return set(nx.multi_source_dijkstra_path_length(G, _as_seed_list(G, sources), cutoff=k, weight=None))


def reach_by_step(G: nx.Graph, sources: Node | Iterable[Node], max_k: int) -> list[int]:
    """How many nodes are reached within 0, 1, ..., ``max_k`` steps."""
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
    """One run of the independent cascade model.

    Each newly informed person gets one chance to pass the message to each
    neighbour, succeeding with probability ``p`` (``p_hub`` for ties that touch
    a node with ``role="hub"``, when given). Returns the people informed in each
    round, in graph order: round 0 is the seeds, round 1 the people they told...
    """
    ties, when = _cascade_rounds(G, seeds, p, p_hub, 1, seed)
    return [[ties.nodes[i] for i in np.flatnonzero(when[0] == k)] for k in range(when.max() + 1)]


def cascade_sizes(G: nx.Graph, seeds: Node | Iterable[Node], p: float, *, p_hub: float | None = None,
                  runs: int = 200, seed: int | None = None) -> np.ndarray:
    """Final cascade size (seeds included) in each of ``runs`` seeded runs."""
    _, when = _cascade_rounds(G, seeds, p, p_hub, runs, seed)
    return (when >= 0).sum(axis=1)


def choose_seeds(G: nx.Graph, budget: int, strategy: str, *, seed: int | None = None) -> list[Node]:
    """Pick ``budget`` people to start a message.

    - ``"broadcast"``: the ``budget`` best-connected people (media, hubs, bosses);
      ties in degree are broken by graph order.
    - ``"peer"``: ``budget`` ordinary people drawn at random (seeded) from those
      who are not hubs (node attribute ``role != "hub"`` when present).
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

    Returns an array of shape ``(len(probabilities), runs)``: row ``i`` holds
    ``runs`` independent cascades at ``probabilities[i]``, all simulated in one batch.
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
    """
    k = np.array([d for _, d in G.degree()], dtype=float)
    spread = float((k**2).mean() - k.mean())
    return float(k.mean() / spread) if spread > 0 else float("inf")


def seeding_sweep(G: nx.Graph, budget: int, probabilities: Iterable[float], *,
                  p_hub: float | None = None, replications: int = 20, runs: int = 20,
                  seed: int = 0) -> dict[str, np.ndarray]:
    """Mean reach of broadcast and of peer starters at several peer pass-on probabilities.

    Returns, per strategy, an array of shape ``(len(probabilities), replications)``.
    Replication ``r`` draws its peer starters with random seed ``seed + r`` and
    averages ``runs`` cascades; both strategies are simulated in one batch from
    random seed ``seed``. Row ``i`` of the two arrays are paired replications of
    one setting (compare them with ``stats.difference(..., paired=True)``).
    ``p_hub`` (``None``: the same as ``p``) applies to ties that touch a hub.
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
    """The cascade experiment's parameters as :class:`snb.assumptions.Parameter` rows."""
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
