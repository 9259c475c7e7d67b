"""Models of how far a message travels and how a business adapts.

- :func:`k_step_reach`: who is at most ``k`` ties away from a set of senders;
- :func:`independent_cascade`: one random run of the independent cascade model
  (Kempe, Kleinberg and Tardos 2003);
- :func:`cascade_sizes`: many seeded runs, for the mean and spread of reach;
- :func:`choose_seeds`: broadcast (the best-connected) against peer (ordinary
  people chosen at random) seeding with the same budget;
- :func:`simulate_adaptation` and :func:`compare_policies`: the three ways of
  adapting to the network society as policies in a seeded simulation.

Every random function takes a ``seed``; the same seed gives the same numbers.
Nodes are visited in the graph's own order, never in set order, so results do
not depend on Python's string hashing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable, Iterable, Sequence

import networkx as nx
import numpy as np

__all__ = [
    "k_step_reach",
    "reach_by_step",
    "independent_cascade",
    "cascade_sizes",
    "choose_seeds",
    "SEEDING_STRATEGIES",
    "Policy",
    "POLICIES",
    "AdaptationRun",
    "AdaptationRuns",
    "simulate_policy_runs",
    "simulate_adaptation",
    "compare_policies",
    "summarise_outcomes",
]

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
class _Ties:
    """A graph as compressed arrays for fast cascades (nodes in graph order)."""

    nodes: list
    indptr: np.ndarray
    indices: np.ndarray
    hub: np.ndarray
    edge_hub: np.ndarray

    @classmethod
    def of(cls, G: nx.Graph) -> "_Ties":
        nodes = list(G)
        A = nx.to_scipy_sparse_array(G, nodelist=nodes, format="csr", weight=None)
        hub = np.array([G.nodes[v].get("role") == "hub" for v in nodes], dtype=bool)
        edge_hub = hub[A.indices] | np.repeat(hub, np.diff(A.indptr))
        return cls(nodes, A.indptr, A.indices, hub, edge_hub)


def _batch_cascade(ties: _Ties, start: np.ndarray, p_peer: np.ndarray, p_hub: float,
                   rng: np.random.Generator) -> np.ndarray:
    """Independent cascades for many runs at once; ``start`` is a runs x nodes boolean array.

    Each round gathers the ties of every newly informed (run, person) pair and
    draws one random number per tie: a tie touching a hub passes the message
    with ``p_hub``, any other tie with that run's ``p_peer``. Returns, per run
    and person, the round in which they were informed (0 for seeds, -1 never).
    """
    n = start.shape[1]
    when = np.where(start, 0, -1)
    runs, frontier = np.nonzero(start)
    degree = np.diff(ties.indptr)
    step = 0
    while runs.size:
        step += 1
        counts = degree[frontier]
        total = int(counts.sum())
        if total == 0:
            break
        first = ties.indptr[frontier] - np.cumsum(counts) + counts
        tie = np.repeat(first, counts) + np.arange(total)
        tie_runs = np.repeat(runs, counts)
        prob = np.where(ties.edge_hub[tie], p_hub, p_peer[tie_runs])
        hit = rng.random(total) < prob
        r, v = tie_runs[hit], ties.indices[tie[hit]]
        keep = when[r, v] < 0
        pairs = np.unique(r[keep] * n + v[keep])
        runs, frontier = pairs // n, pairs % n
        when[runs, frontier] = step
    return when


def _check_probability(p: float) -> float:
    p = float(p)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"pass-on probability must lie between 0 and 1, got {p}")
    return p


def _cascade_rounds(G: nx.Graph, seeds: Node | Iterable[Node], p: float, p_hub: float | None,
                    runs: int, seed: int | None) -> tuple[_Ties, np.ndarray]:
    """Validate, then run ``runs`` cascades; returns the ties and the round array."""
    p = _check_probability(p)
    p_hub = p if p_hub is None else _check_probability(p_hub)
    ties = _Ties.of(G)
    index = {v: i for i, v in enumerate(ties.nodes)}
    start = np.zeros((runs, len(ties.nodes)), dtype=bool)
    start[:, [index[v] for v in _as_seed_list(G, seeds)]] = True
    when = _batch_cascade(ties, start, np.full(runs, p), p_hub, np.random.default_rng(seed))
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


# ------------------------------------------------- adapting to the network
@dataclass(frozen=True)
class Policy:
    """A way of adapting, as numbers the simulation can run.

    ``capability`` is the share of the firm's communication done as two-way
    dialogue with peers (0 = one-way broadcasting only, 1 = fully engaged).
    Costs are in the unit of value: one customer kept for one period.
    """

    name: str
    start_capability: float = 0.0
    #: capability gained after each period whose campaign did at least as well as the last
    learning_step: float = 0.0
    #: transformation: a one-off jump at period 0 and its chance of success
    jump_to: float | None = None
    success_probability: float = 1.0
    #: periods with no campaign at all after a failed transformation
    disruption_periods: int = 0
    upfront_cost: float = 0.0
    cost_per_period: float = 0.0


POLICIES: dict[str, Policy] = {
    "wait and see": Policy("wait and see"),
    "step by step": Policy("step by step", learning_step=0.2, cost_per_period=10.0),
    "transformation": Policy(
        "transformation", jump_to=1.0, success_probability=0.6,
        disruption_periods=4, upfront_cost=150.0, cost_per_period=10.0,
    ),
}


@dataclass
class AdaptationRun:
    """What happened to one firm under one policy in one seeded run."""

    policy: str
    new_customers: list[int] = field(default_factory=list)
    capability: list[float] = field(default_factory=list)
    cost: float = 0.0

    @property
    def customers(self) -> int:
        """Distinct customers reached by the end."""
        return int(sum(self.new_customers))

    @property
    def customer_periods(self) -> int:
        """Customers kept period by period, summed: reaching people early counts more."""
        return int(np.cumsum(self.new_customers).sum())

    @property
    def value(self) -> float:
        """Customer-periods minus the cost of adapting."""
        return self.customer_periods - self.cost


def _policy(policy: Policy | str) -> Policy:
    """A policy object from a name in :data:`POLICIES` (or the object itself)."""
    if isinstance(policy, Policy):
        return policy
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; choose one of {list(POLICIES)}")
    return POLICIES[policy]


@dataclass
class AdaptationRuns:
    """Many seeded runs of one policy: arrays with one row per run."""

    policy: str
    new_customers: np.ndarray
    capability: np.ndarray
    cost: np.ndarray

    @property
    def value(self) -> np.ndarray:
        """Customer-periods minus cost, per run."""
        return np.cumsum(self.new_customers, axis=1).sum(axis=1) - self.cost


def simulate_policy_runs(G: nx.Graph, policy: Policy | str, *, runs: int = 100, periods: int = 12,
                         budget: int = 4, p_media: float = 0.05, p_one_way: float = 0.02,
                         p_dialogue: float = 0.25, seed: int | None = None) -> AdaptationRuns:
    """Run ``runs`` firms, each through ``periods`` campaigns on network ``G``.

    Each period a firm with capability ``c`` starts its message with ``budget``
    people: the hubs (media, ``role="hub"``, else the best connected) for the
    one-way share ``1 - c`` of its budget and randomly chosen peers for the
    dialogue share ``c``. Ties that touch a hub pass the message on with
    ``p_media`` whatever the firm does; ties between peers pass it on with
    ``p_one_way + c * (p_dialogue - p_one_way)``, because people share what
    invites a reply. A customer is reached once and stays. The runs are
    independent; they are simulated side by side only for speed.
    """
    policy = _policy(policy)
    rng = np.random.default_rng(seed)
    ties = _Ties.of(G)
    index = {v: i for i, v in enumerate(ties.nodes)}
    broadcast = [index[v] for v in choose_seeds(G, budget, "broadcast")]
    pool = np.flatnonzero(~ties.hub) if (~ties.hub).any() else np.arange(len(ties.nodes))
    reached = np.zeros((runs, len(ties.nodes)), dtype=bool)
    out = AdaptationRuns(policy.name, np.zeros((runs, periods), dtype=int), np.zeros((runs, periods)),
                         np.full(runs, policy.upfront_cost, dtype=float))
    c = np.full(runs, float(policy.start_capability))
    idle = np.zeros(runs, dtype=int)
    if policy.jump_to is not None:
        success = rng.random(runs) < policy.success_probability
        c = np.where(success, policy.jump_to, c)
        idle = np.where(success, 0, policy.disruption_periods)
    last = np.full(runs, -1)
    for t in range(periods):
        out.capability[:, t] = c
        out.cost += policy.cost_per_period
        active = idle == 0
        idle = np.maximum(idle - 1, 0)
        n_peer = np.minimum(np.rint(c * budget).astype(int), pool.size)
        rank = np.argsort(np.argsort(rng.random((runs, pool.size)), axis=1), axis=1)
        start = np.zeros_like(reached)
        start[:, pool] = rank < n_peer[:, None]
        for k, person in enumerate(broadcast):
            start[budget - n_peer > k, person] = True
        start[~active] = False
        p_peer = p_one_way + c * (p_dialogue - p_one_way)
        fresh = (_batch_cascade(ties, start, p_peer, p_media, rng) >= 0) & ~reached
        reached |= fresh
        counts = fresh.sum(axis=1)
        out.new_customers[:, t] = counts
        if policy.learning_step:
            learn = active & (counts >= last)
            c = np.where(learn, np.minimum(1.0, c + policy.learning_step), c)
        last = np.where(active, counts, last)
    return out


def simulate_adaptation(G: nx.Graph, policy: Policy | str, *, seed: int | None = None,
                        **kwargs) -> AdaptationRun:
    """One firm's history under one policy (see :func:`simulate_policy_runs` for the model)."""
    runs = simulate_policy_runs(G, policy, runs=1, seed=seed, **kwargs)
    return AdaptationRun(runs.policy, runs.new_customers[0].tolist(), runs.capability[0].tolist(),
                         float(runs.cost[0]))


def compare_policies(G: nx.Graph, policies: Sequence[str | Policy] | None = None, *, runs: int = 100,
                     seed: int = 0, **kwargs) -> dict[str, np.ndarray]:
    """Value (customer-periods minus cost) of each policy over ``runs`` seeded runs.

    ``policies`` are names from :data:`POLICIES` or :class:`Policy` objects (all
    of :data:`POLICIES` by default). Every policy starts from the same random
    seed. Extra keyword arguments go to :func:`simulate_policy_runs`.
    """
    chosen = [_policy(p) for p in (policies or list(POLICIES))]
    return {policy.name: simulate_policy_runs(G, policy, runs=runs, seed=seed, **kwargs).value
            for policy in chosen}


def summarise_outcomes(outcomes: dict[str, np.ndarray]) -> dict[str, dict[str, float]]:
    """Reward and risk of each policy: mean, spread and the bad-year (10th percentile) value."""
    return {
        name: {
            "mean": float(np.mean(v)),
            "std": float(np.std(v)),
            "p10": float(np.percentile(v, 10)),
            "p90": float(np.percentile(v, 90)),
        }
        for name, v in outcomes.items()
    }
