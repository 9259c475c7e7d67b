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
def _adjacency(G: nx.Graph) -> tuple[list[Node], list[np.ndarray], np.ndarray]:
    """Nodes in graph order, each node's out-neighbour indices, and a hub flag per node."""
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    nbrs = [np.fromiter((index[u] for u in G.neighbors(v)), dtype=np.int64) for v in nodes]
    hub = np.array([G.nodes[v].get("role") == "hub" for v in nodes], dtype=bool)
    return nodes, nbrs, hub


def _cascade_indices(nbrs: list[np.ndarray], seeds: list[int], p: float,
                     rng: np.random.Generator, hub: np.ndarray | None = None,
                     p_hub: float | None = None) -> list[list[int]]:
    """Independent cascade on index adjacency; returns the newly active per round.

    A tie that touches a hub passes the message with ``p_hub`` (when given),
    any other tie with ``p``.
    """
    active = np.zeros(len(nbrs), dtype=bool)
    active[seeds] = True
    rounds = [list(seeds)]
    frontier = list(seeds)
    split = hub is not None and p_hub is not None
    while frontier:
        new: list[int] = []
        for v in frontier:
            nb = nbrs[v]
            if nb.size == 0:
                continue
            if split and hub[v]:
                prob = p_hub
            elif split:
                prob = np.where(hub[nb], p_hub, p)
            else:
                prob = p
            hit = nb[rng.random(nb.size) < prob]
            for u in hit[~active[hit]]:
                active[u] = True
                new.append(int(u))
        if new:
            rounds.append(new)
        frontier = new
    return rounds


def _check_probability(p: float) -> float:
    p = float(p)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"pass-on probability must lie between 0 and 1, got {p}")
    return p


def _seed_indices(G: nx.Graph, seeds: Node | Iterable[Node], p: float,
                  p_hub: float | None) -> tuple[list[Node], list[np.ndarray], np.ndarray, list[int]]:
    """Validate the arguments shared by the cascade functions and index the graph."""
    _check_probability(p)
    if p_hub is not None:
        _check_probability(p_hub)
    nodes, nbrs, hub = _adjacency(G)
    index = {v: i for i, v in enumerate(nodes)}
    return nodes, nbrs, hub, [index[v] for v in _as_seed_list(G, seeds)]


def independent_cascade(G: nx.Graph, seeds: Node | Iterable[Node], p: float, *,
                        p_hub: float | None = None, seed: int | None = None) -> list[list[Node]]:
    """One run of the independent cascade model.

    Each newly informed person gets one chance to pass the message to each
    neighbour, succeeding with probability ``p`` (``p_hub`` for ties that touch
    a node with ``role="hub"``, when given). Returns the people informed in each
    round: round 0 is the seeds, round 1 the people they told, and so on.
    """
    nodes, nbrs, hub, start = _seed_indices(G, seeds, p, p_hub)
    rounds = _cascade_indices(nbrs, start, p, np.random.default_rng(seed), hub, p_hub)
    return [[nodes[i] for i in r] for r in rounds]


def cascade_sizes(G: nx.Graph, seeds: Node | Iterable[Node], p: float, *, p_hub: float | None = None,
                  runs: int = 200, seed: int | None = None) -> np.ndarray:
    """Final cascade size (seeds included) in each of ``runs`` seeded runs."""
    _, nbrs, hub, start = _seed_indices(G, seeds, p, p_hub)
    rng = np.random.default_rng(seed)
    return np.array([sum(map(len, _cascade_indices(nbrs, start, p, rng, hub, p_hub)))
                     for _ in range(runs)])


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


def simulate_adaptation(G: nx.Graph, policy: Policy | str, *, periods: int = 12, budget: int = 4,
                        p_media: float = 0.05, p_one_way: float = 0.02, p_dialogue: float = 0.12,
                        seed: int | None = None) -> AdaptationRun:
    """Run one firm through ``periods`` campaigns on network ``G``.

    Each period the firm starts a message with ``budget`` people: the hubs
    (media, ``role="hub"``, else the best connected) for the one-way share
    ``1 - c`` of its budget and randomly chosen peers for the dialogue share
    ``c``. Ties that touch a hub pass the message on with ``p_media`` whatever
    the firm does; ties between peers pass it on with
    ``p_one_way + c * (p_dialogue - p_one_way)``, because people share what
    invites a reply. A customer is reached once and stays. ``value`` is the
    customers kept, summed over the periods, minus the policy's costs.
    """
    policy = _policy(policy)
    rng = np.random.default_rng(seed)
    nodes, nbrs, hub = _adjacency(G)
    index = {v: i for i, v in enumerate(nodes)}
    broadcast = [index[v] for v in choose_seeds(G, budget, "broadcast")]
    peer_pool = np.flatnonzero(~hub) if (~hub).any() else np.arange(len(nodes))
    reached = np.zeros(len(nodes), dtype=bool)
    run = AdaptationRun(policy.name, cost=policy.upfront_cost)
    c, idle, last = policy.start_capability, 0, -1
    if policy.jump_to is not None:
        if rng.random() < policy.success_probability:
            c = policy.jump_to
        else:
            idle = policy.disruption_periods
    for _ in range(periods):
        run.capability.append(c)
        run.cost += policy.cost_per_period
        if idle > 0:
            idle -= 1
            run.new_customers.append(0)
            continue
        n_peer = int(round(c * budget))
        peers = rng.choice(peer_pool, size=min(n_peer, peer_pool.size), replace=False).tolist()
        seeds = list(dict.fromkeys(broadcast[: budget - n_peer] + peers))
        p_peer = p_one_way + c * (p_dialogue - p_one_way)
        rounds = _cascade_indices(nbrs, seeds, p_peer, rng, hub, p_media)
        fresh = [i for r in rounds for i in r if not reached[i]]
        reached[fresh] = True
        run.new_customers.append(len(fresh))
        if policy.learning_step and len(fresh) >= last:
            c = min(1.0, c + policy.learning_step)
        last = len(fresh)
    return run


def compare_policies(G: nx.Graph, policies: Sequence[str | Policy] | None = None, *, runs: int = 100,
                     seed: int = 0, **kwargs) -> dict[str, np.ndarray]:
    """Value (customer-periods minus cost) of each policy over ``runs`` seeded runs.

    ``policies`` are names from :data:`POLICIES` or :class:`Policy` objects (all
    of :data:`POLICIES` by default). Run ``r`` of every policy uses the same
    random seed, so policies are compared on the same luck. Extra keyword
    arguments go to :func:`simulate_adaptation`.
    """
    chosen = [_policy(p) for p in (policies or list(POLICIES))]
    seeds = np.random.SeedSequence(seed).generate_state(runs)
    return {
        policy.name: np.array([simulate_adaptation(G, policy, seed=int(s), **kwargs).value for s in seeds])
        for policy in chosen
    }


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
