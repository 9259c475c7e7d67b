"""Models of how far a message travels and how a business adapts.

- :func:`k_step_reach`: who is at most ``k`` ties away from a set of senders;
- :func:`independent_cascade`: one random run of the independent cascade model
  (Kempe, Kleinberg and Tardos 2003);
- :func:`cascade_sizes`: many seeded runs, for the mean and spread of reach;
- :func:`choose_seeds`: broadcast (the best-connected) against peer (ordinary
  people chosen at random) seeding with the same budget;
- :func:`simulate_adaptation` and :func:`compare_policies`: the three ways of
  adapting to the network society as policies in a seeded simulation.

Chapter 2 (a state of becoming):

- :func:`growth_edges` and :func:`grow_network`: a market that grows one business
  at a time, with attachment strength ``alpha`` (0 uniform, 1 linear preferential
  attachment, above 1 winner takes all); :func:`degrees_at` and :func:`snapshot`
  look at it at an earlier time; :func:`newcomer_outcome` asks where a late
  arrival ends up;
- :class:`Audience` and :func:`outreach`: how many customers a business wins from
  an audience with a weekly budget of staff hours, when every conversation needs
  a person to answer it; :func:`audience_from` builds an audience from a
  check-in network.

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
    "growth_edges",
    "grow_network",
    "degrees_at",
    "snapshot",
    "newcomer_outcome",
    "Audience",
    "outreach",
    "audience_from",
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


# =====================================================================
# Chapter 2: growing markets, newcomers, and outreach under a staff budget
# =====================================================================
def _distinct_draws(weights: np.ndarray, cum: np.ndarray, rows: int, m: int,
                    rng: np.random.Generator) -> np.ndarray:
    """``rows`` draws of ``m`` distinct indices each, with probability proportional to
    ``weights`` (``cum`` is their cumulative sum): sampling without replacement,
    one pick after another, each from what is left.

    A picked index is cut out of the line of cumulative weights by shifting the
    random number past it, so no redraws are needed however skewed the weights.
    """
    chosen = np.empty((rows, m), dtype=np.int64)
    last, total = len(weights) - 1, cum[-1]
    uniform = rng.random((m, rows))  # row j: the random numbers of the j-th pick
    chosen[:, 0] = np.minimum(np.searchsorted(cum, uniform[0] * total, side="right"), last)
    for j in range(1, m):
        taken = np.sort(chosen[:, :j], axis=1) if j > 1 else chosen[:, :1]
        w_taken = weights[taken]
        u = uniform[j] * (total - w_taken.sum(axis=1))
        for k in range(j):
            w = w_taken[:, k]
            u = np.where(u >= cum[taken[:, k]] - w, u + w, u)
        chosen[:, j] = np.minimum(np.searchsorted(cum, u, side="right"), last)
    return chosen


def _check_growth_args(n: int, m: int, alpha: float, batch: float) -> None:
    for name, value in (("n", n), ("m", m)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    if m < 1:
        raise ValueError(f"m (ties per newcomer) must be at least 1, got {m}")
    if n < m + 1:
        raise ValueError(f"n must be at least m + 1 = {m + 1} businesses, got {n}")
    if not 0.0 <= float(alpha) <= 5.0:
        raise ValueError(f"alpha (attachment strength) must lie between 0 and 5, got {alpha}")
    if not 0.0 <= float(batch) <= 0.1:
        raise ValueError(f"batch must lie between 0 and 0.1, got {batch}")


def growth_edges(n: int, m: int = 2, alpha: float = 1.0, *, seed: int | None = 1,
                 appeal: Sequence[float] | None = None, batch: float = 0.01) -> np.ndarray:
    """Ties of a market grown one business at a time, in the order they formed.

    The market starts with ``m + 1`` founders who all know each other. Business
    ``t`` (numbered in order of arrival) then ties to ``m`` different businesses
    already there, choosing ``v`` with probability proportional to
    ``appeal[v] * degree(v) ** alpha``: ``alpha = 0`` is uniform random attachment,
    ``alpha = 1`` linear preferential attachment (Barabasi and Albert 1999), and
    ``alpha > 1`` lets the largest take nearly everything (Krapivsky, Redner and
    Leyvraz 2000). ``appeal`` (default 1 for all) is how attractive each business
    is for the same number of ties (Bianconi and Barabasi 2001).

    For speed, newcomers arrive in small cohorts that see the degrees as they were
    when the cohort began: a cohort is at most ``batch`` times the current size (1 %
    by default, so the first 100 arrive one by one). ``batch=0`` is exact, one by
    one, and about twenty times slower. Returns an ``(E, 2)`` array of
    ``(newcomer, chosen)`` pairs; the newcomer is always the later arrival.
    """
    _check_growth_args(n, m, alpha, batch)
    n, m, alpha = int(n), int(m), float(alpha)
    if appeal is None:
        fit = np.ones(n)
    else:
        fit = np.asarray(appeal, dtype=float)
        if fit.shape != (n,) or not np.all(np.isfinite(fit)) or np.any(fit <= 0):
            raise ValueError(f"appeal must hold {n} positive numbers, one per business")
    rng = np.random.default_rng(seed)
    founders = m + 1
    lower, upper = np.tril_indices(founders, -1)
    parts = [np.column_stack([lower, upper])]
    degree = np.zeros(n, dtype=np.int64)
    degree[:founders] = m
    t = founders
    while t < n:
        size = min(n - t, max(1, int(batch * t)))
        weights = fit[:t] * degree[:t].astype(float) ** alpha
        chosen = _distinct_draws(weights, np.cumsum(weights), size, m, rng)
        part = np.empty((size * m, 2), dtype=np.int64)
        part[:, 0] = np.repeat(np.arange(t, t + size), m)
        part[:, 1] = chosen.ravel()
        parts.append(part)
        np.add.at(degree, chosen.ravel(), 1)
        degree[t:t + size] = m
        t += size
    return np.concatenate(parts)


def grow_network(n: int, m: int = 2, alpha: float = 1.0, *, seed: int | None = 1,
                 appeal: Sequence[float] | None = None, batch: float = 0.01) -> nx.Graph:
    """A grown market as a graph: node ``i`` is the ``i``-th business to arrive.

    See :func:`growth_edges` for the model. Node attribute ``arrival`` repeats the
    arrival number; ``G.graph`` records the parameters, so :func:`snapshot` and
    :func:`degrees_at` can look back in time.
    """
    edges = growth_edges(n, m, alpha, seed=seed, appeal=appeal, batch=batch)
    G = nx.Graph(name=f"grown market (alpha = {float(alpha):g})", source="snb.models.grow_network",
                 n=int(n), m=int(m), alpha=float(alpha), seed=seed, batch=float(batch))
    G.add_nodes_from((i, {"arrival": i}) for i in range(int(n)))
    G.add_edges_from(edges.tolist())
    if appeal is not None:
        nx.set_node_attributes(G, dict(enumerate(np.asarray(appeal, dtype=float).tolist())), "appeal")
    return G


def market_edges(market: nx.Graph | np.ndarray, t: int | None = None) -> tuple[int, np.ndarray]:
    """Final size of a grown market and its ties (an edge array) among the first ``t`` arrivals.

    ``market`` is a graph from :func:`grow_network` or edges from
    :func:`growth_edges`; ``t=None`` means the end.
    """
    if isinstance(market, nx.Graph):
        n = market.number_of_nodes()
        edges = np.array(list(market.edges), dtype=np.int64).reshape(-1, 2)
    else:
        edges = np.asarray(market, dtype=np.int64).reshape(-1, 2)
        n = int(edges.max()) + 1 if edges.size else 0
    if t is not None and edges.size:
        edges = edges[edges.max(axis=1) < t]
    return n, edges


def degrees_at(market: nx.Graph | np.ndarray, t: int | None = None) -> np.ndarray:
    """Degrees of the first ``t`` arrivals when the market had ``t`` businesses.

    ``market`` is a graph from :func:`grow_network` or edges from
    :func:`growth_edges`; ``t=None`` means the end. Entry ``i`` belongs to the
    ``i``-th arrival.
    """
    n, _ = market_edges(market)
    t = n if t is None else int(t)
    if not 0 <= t <= n:
        raise ValueError(f"t must lie between 0 and {n}, got {t}")
    return np.bincount(market_edges(market, t)[1].ravel(), minlength=t)


def snapshot(G: nx.Graph, t: int) -> nx.Graph:
    """The market as it was when its first ``t`` businesses had arrived (a copy)."""
    if not 0 <= int(t) <= G.number_of_nodes():
        raise ValueError(f"t must lie between 0 and {G.number_of_nodes()}, got {t}")
    H = G.subgraph(v for v in G if G.nodes[v].get("arrival", v) < int(t)).copy()
    H.graph["name"] = f"{G.graph.get('name', 'market')} after {int(t)} arrivals"
    return H


def newcomer_outcome(n: int = 2000, m: int = 2, alpha: float = 1.0, *, arrival: int = 200,
                     appeal: float = 1.0, runs: int = 20, seed: int = 0) -> dict[str, float]:
    """Where one business arriving late ends up, over ``runs`` seeded markets.

    Business number ``arrival`` gets ``appeal`` times the attraction of everyone
    else (1 = an ordinary newcomer). Returns the median share of the market that
    ends with more ties than the newcomer (0 = nobody is ahead), the share of runs
    in which it ends in the top 1 % and in the top 10 %, in which it leads the
    market outright, and the median lead of the best-connected business (its
    ties divided by the newcomer's).
    """
    if not 0 <= int(arrival) < int(n):
        raise ValueError(f"arrival must lie between 0 and {int(n) - 1}, got {arrival}")
    fit = np.ones(int(n))
    fit[int(arrival)] = float(appeal)
    ahead, leads, gap = [], [], []
    for s in np.random.SeedSequence(seed).generate_state(runs):
        degree = degrees_at(growth_edges(n, m, alpha, seed=int(s), appeal=fit))
        mine = degree[int(arrival)]
        ahead.append(float(np.mean(degree > mine)))
        leads.append(bool(mine == degree.max()))
        gap.append(degree.max() / mine)
    ahead_arr = np.array(ahead)
    return {
        "median share ahead": float(np.median(ahead_arr)),
        "top 1 %": float(np.mean(ahead_arr < 0.01)),
        "top 10 %": float(np.mean(ahead_arr < 0.10)),
        "leads": float(np.mean(leads)),
        "leader's lead": float(np.median(gap)),
    }


# ------------------------------------------------- outreach under a staff budget
@dataclass(frozen=True)
class Audience:
    """People a business can start conversations with, each week.

    ``fit`` is the share of them who are the kind of customer the business serves;
    ``setup_hours`` the weekly staff hours the channel needs before any reply
    (posts, events, a partner's meetings).
    """

    name: str
    size: int
    fit: float
    setup_hours: float = 2.0

    def __post_init__(self) -> None:
        if self.size < 0 or not 0.0 <= self.fit <= 1.0 or self.setup_hours < 0:
            raise ValueError("size and setup_hours must be 0 or more, fit between 0 and 1")


def outreach(audience: Audience, staff_hours: float, *, respond_fit: float = 0.15,
             respond_other: float = 0.05, convert: float = 0.5,
             hours_per_reply: float = 0.25, triage: bool = False) -> dict[str, float]:
    """Expected weekly result of working one audience with ``staff_hours`` of people's time.

    A share ``respond_fit`` of the people who fit, and ``respond_other`` of those
    who do not, start a conversation (a question, a comment, a booking request).
    Each conversation takes ``hours_per_reply`` of a person's time; what is left
    after the set-up hours limits how many get answered, and answered
    conversations are drawn from all responses alike (with ``triage=True``, staff
    can tell who fits and answer them first). An answered conversation with
    someone who fits becomes a customer with probability ``convert``;
    unanswered ones, and people who do not fit, buy nothing.
    """
    fit_responses = audience.size * audience.fit * respond_fit
    responses = fit_responses + audience.size * (1 - audience.fit) * respond_other
    capacity = max(0.0, float(staff_hours) - audience.setup_hours) / hours_per_reply
    answered = min(responses, capacity)
    if triage:
        useful_answered = min(fit_responses, capacity)
    else:
        useful_answered = answered * (fit_responses / responses if responses else 0.0)
    return {
        "responses": responses,
        "answered": answered,
        "unanswered": responses - answered,
        "customers": useful_answered * convert,
        "hours used": min(float(staff_hours), audience.setup_hours + answered * hours_per_reply),
    }


def audience_from(B: nx.Graph, people: Iterable[Node], *, scene: str, name: str = "audience",
                  setup_hours: float = 2.0) -> Audience:
    """An :class:`Audience` of ``people`` in a check-in network: its fit is the share
    of them whose node attribute ``scene`` equals ``scene``."""
    wanted = set(people)
    members = [v for v in B if v in wanted]
    fitting = sum(B.nodes[v].get("scene") == scene for v in members)
    return Audience(name, len(members), fitting / len(members) if members else 0.0, setup_hours)
