"""Chapter 1: the three ways of adapting to the network society as policies in a seeded
simulation (:class:`Policy`, :data:`POLICIES`, :func:`compare_policies`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import networkx as nx
import numpy as np

from snb.assumptions import Parameter
from snb.models.diffusion import CascadeTies, batch_cascade, choose_seeds
from snb.stats import difference, mean_interval


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
                         p_dialogue: float | np.ndarray = 0.25, success: float | np.ndarray | None = None,
                         seed: int | None = None) -> AdaptationRuns:
    """Run ``runs`` firms, each through ``periods`` campaigns on network ``G``.

    Each period a firm with capability ``c`` starts its message with ``budget``
    people: the hubs (media, ``role="hub"``, else the best connected) for the
    one-way share ``1 - c`` of its budget and randomly chosen peers for the
    dialogue share ``c``. Ties that touch a hub pass the message on with
    ``p_media`` whatever the firm does; ties between peers pass it on with
    ``p_one_way + c * (p_dialogue - p_one_way)``, because people share what
    invites a reply. A customer is reached once and stays. The runs are
    independent; they are simulated side by side only for speed.

    ``p_dialogue`` and ``success`` (the transformation's chance of success, by
    default the policy's own) may also be arrays with one value per run, so a
    sensitivity sweep runs as one batch.
    """
    policy = _policy(policy)
    rng = np.random.default_rng(seed)
    ties = CascadeTies.of(G)
    index = {v: i for i, v in enumerate(ties.nodes)}
    broadcast = [index[v] for v in choose_seeds(G, budget, "broadcast")]
    pool = np.flatnonzero(~ties.hub) if (~ties.hub).any() else np.arange(len(ties.nodes))
    reached = np.zeros((runs, len(ties.nodes)), dtype=bool)
    out = AdaptationRuns(policy.name, np.zeros((runs, periods), dtype=int), np.zeros((runs, periods)),
                         np.full(runs, policy.upfront_cost, dtype=float))
    c = np.full(runs, float(policy.start_capability))
    idle = np.zeros(runs, dtype=int)
    p_dialogue = np.broadcast_to(np.asarray(p_dialogue, dtype=float), (runs,))
    chance = policy.success_probability if success is None else success
    chance = np.broadcast_to(np.asarray(chance, dtype=float), (runs,))
    if policy.jump_to is not None:
        success = rng.random(runs) < chance
        c = np.where(success, policy.jump_to, c)
        idle = np.where(success, 0, policy.disruption_periods)
    last = np.full(runs, -1)
    for t in range(periods):
        out.capability[:, t] = c
        out.cost += policy.cost_per_period
        active = idle == 0
        idle = np.maximum(idle - 1, 0)
        n_peer = np.minimum(np.rint(c * budget).astype(int), pool.size)
        keys = rng.random((runs, pool.size))
        start = np.zeros_like(reached)
        k = min(budget, pool.size)
        if n_peer.any():  # each run's n_peer peers with the smallest keys: a random draw
            lowest = np.argpartition(keys, k - 1, axis=1)[:, :k] if k < pool.size else \
                np.broadcast_to(np.arange(pool.size), (runs, pool.size))
            order = np.take_along_axis(lowest, np.argsort(np.take_along_axis(keys, lowest, 1), 1), 1)
            pick = np.arange(k)[None, :] < n_peer[:, None]
            start[np.nonzero(pick)[0], pool[order[pick]]] = True
        for k, person in enumerate(broadcast):
            start[budget - n_peer > k, person] = True
        start[~active] = False
        p_peer = p_one_way + c * (p_dialogue - p_one_way)
        fresh = (batch_cascade(ties, start, p_peer, p_media, rng) >= 0) & ~reached
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

    Every policy starts from the same random seed.

    Parameters
    ----------
    G : networkx.Graph
        The market the firm talks into (hubs carry ``role="hub"``).
    policies : sequence of str or Policy, optional
        Names from :data:`POLICIES` or :class:`Policy` objects; all of :data:`POLICIES`
        by default.
    runs : int, default 100
        Runs of each policy.
    seed : int, default 0
        Random seed shared by the policies.
    **kwargs
        Passed to :func:`simulate_policy_runs` (``periods``, ``budget``, ``p_dialogue``, ...).

    Returns
    -------
    dict of str to numpy.ndarray
        Policy name -> ``runs`` values.

    Examples
    --------
    >>> from snb.datasets import communication_network
    >>> market = communication_network("media + peers", 50)
    >>> values = compare_policies(market, ["step by step", "transformation"], runs=20)
    >>> list(values), values["step by step"].shape
    (['step by step', 'transformation'], (20,))
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


# ------------------------------------------- verdicts with intervals and sweeps
def ignores(policy: str | Policy, vary: str) -> bool:
    """True when ``policy``'s runs do not depend on the assumption ``vary``: only a
    transformation has a chance of success, and a firm whose capability stays 0
    (wait and see) never talks in dialogue, so the dialogue pass-on probability
    never enters its runs."""
    policy = _policy(policy)
    if vary == "success":
        return policy.jump_to is None
    return policy.start_capability == 0 and not policy.learning_step and policy.jump_to is None


def policy_sweeps(G: nx.Graph, options: Sequence[str | Policy], baseline: str | Policy, vary: str,
                  values: Sequence[float], *, runs: int = 100, seed: int = 0,
                  **kwargs) -> dict[str, list]:
    """For each option, the interval of mean value(option) - mean value(baseline) at each value
    of one assumption (the baseline is simulated once and shared).

    ``vary`` is ``"p_dialogue"`` or ``"success"`` (the transformation's chance of
    success). Each setting gets ``runs`` independent runs per policy, all simulated
    in one batch per policy; the policies do not share random draws, so each
    difference is Welch's interval for two independent samples
    (:func:`snb.stats.difference` with ``paired=False``). Keys are the option names.
    A policy whose runs do not depend on ``vary`` (:func:`ignores`) is simulated
    once, ``runs`` runs compared with every value: the same distribution, for a
    fraction of the time.
    """
    if vary not in ("p_dialogue", "success"):
        raise ValueError(f"vary must be 'p_dialogue' or 'success', got {vary!r}")
    xs = np.asarray(list(values), dtype=float)

    def values_of(policy: str | Policy) -> np.ndarray:
        if ignores(policy, vary):
            sim = simulate_policy_runs(G, policy, runs=runs, seed=seed, **{**kwargs, vary: xs[0]})
            return np.broadcast_to(sim.value, (xs.size, runs))
        sim = simulate_policy_runs(G, policy, runs=xs.size * runs, seed=seed,
                                   **{**kwargs, vary: np.repeat(xs, runs)})
        return sim.value.reshape(xs.size, runs)

    base = values_of(baseline)
    out = {}
    for option in options:
        value = values_of(option)
        out[_policy(option).name] = [difference(value[i], base[i], paired=False) for i in range(xs.size)]
    return out


def policy_sweep(G: nx.Graph, a: str | Policy, b: str | Policy, vary: str, values: Sequence[float], *,
                 runs: int = 100, seed: int = 0, **kwargs) -> list:
    """Interval of mean value(a) - mean value(b) at each value of one assumption
    (see :func:`policy_sweeps`)."""
    return policy_sweeps(G, [a], b, vary, values, runs=runs, seed=seed, **kwargs)[_policy(a).name]


def flip_range(values: Sequence[float], intervals: Sequence) -> tuple[float | None, float | None]:
    """Where a verdict flips along a sweep: ``(last x where B wins, first x where A wins)``.

    ``intervals[i]`` is the interval of A - B at ``values[i]``. ``None`` when A
    never loses (first item) or never wins (second item) on the grid; between the
    two values the options cannot be told apart.
    """
    losing = [x for x, iv in zip(values, intervals) if iv.high < 0]
    winning = [x for x, iv in zip(values, intervals) if iv.low > 0]
    last_loss = max(losing) if losing else None
    first_win = min((x for x in winning if last_loss is None or x > last_loss), default=None)
    return last_loss, first_win


def adaptation_parameters(*, p_dialogue: float = 0.25, success: float = 0.6, runs: int = 100,
                          n: int = 200) -> list:
    """The adaptation simulation's parameters as :class:`snb.assumptions.Parameter` rows.

    The fixed rules (periods, budget, pass-on chances, costs, disruption) come from
    :data:`POLICIES` and :func:`simulate_policy_runs`; the arguments are the ones the
    lessons vary.

    Parameters
    ----------
    p_dialogue : float, default 0.25
        Pass-on between peers when the firm is in dialogue.
    success : float, default 0.6
        Chance that a transformation works.
    runs : int, default 100
        Independent runs of each policy.
    n : int, default 200
        People in the "media + peers" market.

    Returns
    -------
    list of snb.assumptions.Parameter
        Twelve rows, each with its meaning and source.

    Examples
    --------
    >>> rows = adaptation_parameters(p_dialogue=0.3)
    >>> len(rows), [row.name for row in rows][:3]
    (12, ['market', 'periods', 'budget'])
    >>> next(row.value for row in rows if row.name == "p_dialogue")
    0.3
    """
    step, leap = POLICIES["step by step"], POLICIES["transformation"]
    return [
        Parameter("market", f"media + peers, {n} people", "the network the firm talks into"),
        Parameter("periods", 12, "campaigns, one per period (say, a month)"),
        Parameter("budget", 4, "people briefed each period"),
        Parameter("p_media", 0.05, "pass-on along a tie that touches a media hub",
                  "assumption; most online cascades stop at once (Goel, Watts and Goldstein 2012)"),
        Parameter("p_one_way", 0.02, "pass-on between peers of a one-way message",
                  "assumption, as p_media"),
        Parameter("p_dialogue", p_dialogue, "pass-on between peers when the firm is in dialogue",
                  "assumption: set above p_one_way, which is why dialogue spreads better"),
        Parameter("learning step", step.learning_step,
                  "capability gained after a period at least as good as the last"),
        Parameter("step-by-step cost", step.cost_per_period, "per period, in customer-periods"),
        Parameter("transformation cost", f"{leap.upfront_cost:g} + {leap.cost_per_period:g} per period",
                  "up front, then per period"),
        Parameter("success chance", success, "chance that a transformation works",
                  "assumption; the often quoted '70 % of change programmes fail' (Beer and Nohria "
                  "2000) lacks evidence (Hughes 2011), so we sweep it"),
        Parameter("disruption", leap.disruption_periods, "periods without a campaign after a failure"),
        Parameter("runs", runs, "independent runs of each policy (replications)"),
    ]


def outcome_table(outcomes: dict[str, np.ndarray]) -> dict[str, dict[str, Any]]:
    """Reward and risk per policy as table rows: mean with its 95 % interval, std, p10, p90.

    Parameters
    ----------
    outcomes : dict of str to numpy.ndarray
        Each policy's values over runs, as from :func:`compare_policies`.

    Returns
    -------
    dict of str to dict
        Policy name -> ``{"mean (95 % CI)": text, "std", "p10", "p90"}`` (the spread and the
        10th and 90th percentiles of the runs themselves).

    Examples
    --------
    >>> outcome_table({"wait and see": [1, 2, 3, 4, 5]})["wait and see"]
    {'mean (95 % CI)': '3 (95 % CI 1 to 5)', 'std': 1.4142135623730951, 'p10': 1.4, 'p90': 4.6}
    """
    rows = {}
    for name, values in outcomes.items():
        iv = mean_interval(values)
        rows[name] = {"mean (95 % CI)": iv.format(0), "std": float(np.std(values)),
                      "p10": float(np.percentile(values, 10)), "p90": float(np.percentile(values, 90))}
    return rows
