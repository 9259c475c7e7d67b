"""The course's models as plain loops: read these to see how each model works.

The lessons run fast engines (numpy arrays, many runs at once) that live in the model
modules; each function here is the same model written for reading, one person and one
step at a time, in under 40 lines. A test runs every one beside its engine and checks
that they agree: the same result for the same random seed wherever the engine draws its
random numbers in the same order, and otherwise the same distribution.

- chapter 1, the independent cascade: :func:`cascade`
  (engine: ``diffusion.independent_cascade``, same run for a seed);
- chapter 2, customers choosing businesses: :func:`market`
  (engine: ``market.market_choices``, same choices for a seed with ``batch=0``);
- chapter 3, renewal by turnover: :func:`renewal` (engine: ``renewal.simulate_renewal``,
  same run for a seed); DeGroot averaging: :func:`degroot` (engine: ``opinion.degroot``);
- chapter 4, brokers: :func:`burt_measures` (engine: ``brokerage.constraint`` and
  ``brokerage.effective_size``) and :func:`key_person_loss` (engine:
  ``brokerage.key_person_losses``);
- chapter 5, give and take: :func:`give_and_take` (engine: ``reciprocity.simulate``,
  same run for a seed);
- the capstone's seeding study: :func:`seeding` (engine:
  ``diffusion.seeding_replications``, the same distribution).

Open one with ``inspect``::

    import inspect
    from snb.models import reference
    print(inspect.getsource(reference.cascade))
"""

from __future__ import annotations

import math
from typing import Hashable, Iterable, Sequence

import networkx as nx
import numpy as np

from snb.models.diffusion import choose_seeds

__all__ = ["cascade", "market", "renewal", "degroot", "burt_measures", "key_person_loss", "give_and_take",
           "seeding"]


def cascade(G: nx.Graph, seeds: Iterable[Hashable], p: float, *, p_hub: float | None = None,
            seed: int | None = None) -> list[list[Hashable]]:
    """One run of the independent cascade (Kempe, Kleinberg and Tardos 2003).

    Every newly told person gets one chance to tell each contact, with probability
    ``p`` (``p_hub`` on a tie that touches a node with ``role="hub"``).

    Parameters
    ----------
    G : networkx.Graph
        Who can tell whom (on a directed graph, along the arrows).
    seeds : iterable of nodes
        The people told first.
    p, p_hub : float
        Chance that one tie passes the message on (``p_hub``: ties touching a hub).
    seed : int, optional
        Random seed; the same seed gives the same run as
        ``snb.models.independent_cascade``.

    Returns
    -------
    list of lists
        The people told in each round: round 0 is the seeds.

    Examples
    --------
    >>> import networkx as nx
    >>> cascade(nx.path_graph(4), [0], p=1.0)
    [[0], [1], [2], [3]]
    >>> cascade(nx.path_graph(4), [0], p=0.0)
    [[0]]
    """
    p_hub = p if p_hub is None else p_hub
    position = {v: i for i, v in enumerate(G)}  # people are taken in the graph's order
    rng = np.random.default_rng(seed)
    told = set(seeds)
    rounds = [sorted(told, key=position.get)]
    while rounds[-1]:
        newly = set()
        for person in rounds[-1]:
            for contact in sorted(G[person], key=position.get):
                hub = "hub" in (G.nodes[person].get("role"), G.nodes[contact].get("role"))
                if rng.random() < (p_hub if hub else p) and contact not in told:
                    newly.add(contact)
        told |= newly
        rounds.append(sorted(newly, key=position.get))
    return rounds[:-1]


def market(n_customers: int, n_businesses: int, alpha: float = 1.0, *,
           appeal: Sequence[float] | None = None, founders: int = 2, seed: int = 1) -> list[int]:
    """Customers choosing businesses in a growing market, one customer at a time.

    Businesses open at an even pace; each arriving customer picks an open business
    ``b`` with probability proportional to ``appeal[b] * (customers[b] + 1) ** alpha``
    (preferential attachment when ``alpha = 1``; Barabasi and Albert 1999).

    Parameters
    ----------
    n_customers, n_businesses : int
        Customers who arrive, businesses that open.
    alpha : float
        Attachment strength: 0 ignores popularity, 1 is linear, above 1 the
        largest takes nearly all.
    appeal : sequence of float, optional
        Each business's attractiveness (default 1 for all).
    founders : int
        Businesses open from the start.
    seed : int
        Random seed: one random number per customer, as ``market_choices``
        draws them (with ``batch=0`` the two give the same choices).

    Returns
    -------
    list of int
        The business each customer picked, in order of arrival.

    Examples
    --------
    >>> choices = market(6, 3, alpha=1.0, seed=1)
    >>> len(choices), all(0 <= b < 3 for b in choices)
    (6, True)
    """
    appeal = [1.0] * n_businesses if appeal is None else list(appeal)
    opens = [0 if b < founders else b * n_customers // n_businesses for b in range(n_businesses)]
    customers = [0] * n_businesses
    uniform = np.random.default_rng(seed).random(n_customers)
    choices = []
    for i in range(n_customers):
        open_now = [b for b in range(n_businesses) if opens[b] <= i]
        weights = [appeal[b] * (customers[b] + 1) ** alpha for b in open_now]
        total, running = sum(weights), 0.0
        for b, weight in zip(open_now, weights):
            running += weight
            if running / total > uniform[i] or b == open_now[-1]:
                break
        customers[b] += 1
        choices.append(b)
    return choices


def renewal(*, members: int = 80, ties_per_newcomer: int = 3, homophily: float = 0.7,
            turnover: float = 0.05, pass_on: float = 0.1, rounds: int = 60, fresh: int = 10,
            seed: int = 1) -> list[float]:
    """A community with turnover, in which newcomers from outside bring new ideas.

    Each round some members leave at random and as many join, each tied to
    ``ties_per_newcomer`` current members; a newcomer comes from outside (and brings
    a new idea) with probability ``1 - homophily``. Across each tie, in each
    direction, a member hears their contact's newest idea with probability ``pass_on``.

    Parameters
    ----------
    members, ties_per_newcomer, rounds, fresh : int
        Community size, ties a newcomer makes, rounds simulated, and for how many
        rounds an idea counts as new.
    homophily, turnover, pass_on : float
        Chance a newcomer comes from the own circle, share leaving each round,
        chance a tie passes an idea on in one round.
    seed : int
        Random seed; the same seed gives the same run as
        ``renewal.simulate_renewal`` (random departures).

    Returns
    -------
    list of float
        Share of members holding a fresh idea, each round.

    Examples
    --------
    >>> shares = renewal(members=20, rounds=5, seed=1)
    >>> len(shares), all(0 <= s <= 1 for s in shares)
    (5, True)
    """
    rng = np.random.default_rng(seed)
    start = nx.gnm_random_graph(members, members * ties_per_newcomer // 2, seed=int(rng.integers(2**31)))
    ties = list(start.edges)
    newest = [-10**6] * members  # the round in which each member's newest idea arrived
    shares = []
    for t in range(rounds):
        leaving = rng.choice(members, size=round(turnover * members), replace=False).tolist()
        ties = [(a, b) for a, b in ties if a not in leaving and b not in leaving]
        staying = [v for v in range(members) if v not in leaving]
        for v in leaving:  # a newcomer takes the leaver's place
            ties += [(v, u) for u in rng.choice(staying, size=ties_per_newcomer, replace=False).tolist()]
            newest[v] = t if rng.random() >= homophily else -10**6
        heard = list(newest)
        for a, b in ties + [(b, a) for a, b in ties]:  # every tie, in both directions
            if rng.random() < pass_on:
                heard[b] = max(heard[b], newest[a])
        newest = heard
        shares.append(sum(t - idea < fresh for idea in newest) / members)
    return shares


def degroot(G: nx.Graph, start: Sequence[float], rounds: int) -> list[list[float]]:
    """DeGroot (1974) averaging: each round, everyone takes the average of their own
    estimate and their contacts' estimates.

    Parameters
    ----------
    G : networkx.Graph
        Who listens to whom.
    start : sequence of float
        Everyone's first estimate, in the graph's order.
    rounds : int
        Rounds of averaging.

    Returns
    -------
    list of lists
        Everyone's estimates after each round (the first row is ``start``).

    Examples
    --------
    >>> import networkx as nx
    >>> degroot(nx.path_graph(3), [3.0, 0.0, 0.0], rounds=1)
    [[3.0, 0.0, 0.0], [1.5, 1.0, 0.0]]
    """
    people = list(G)
    estimate = dict(zip(people, map(float, start)))
    history = [list(estimate.values())]
    for _ in range(rounds):
        estimate = {v: (estimate[v] + sum(estimate[u] for u in G[v])) / (1 + len(G[v])) for v in people}
        history.append([estimate[v] for v in people])
    return history


def burt_measures(G: nx.Graph, person: Hashable) -> dict[str, float]:
    """Burt's (1992) effective size and constraint of one person (undirected, unweighted).

    Effective size: contacts minus their redundancy, ``degree - 2 * ties among
    contacts / degree`` (Borgatti 1997). Constraint: over each contact ``j``,
    ``(p_ij + sum over contacts q of p_iq * p_qj) ** 2`` with ``p_ij = 1 / degree(i)``
    (the share of ``i``'s attention that goes to ``j``).

    Parameters
    ----------
    G : networkx.Graph
        The network.
    person : node
        Whose measures.

    Returns
    -------
    dict
        ``effective size`` and ``constraint`` (both ``nan`` for a person without ties).

    Examples
    --------
    >>> import networkx as nx
    >>> burt_measures(nx.star_graph(3), 0)   # the centre of a star: no redundancy
    {'effective size': 3.0, 'constraint': 0.3333333333333333}
    """
    contacts = set(G[person]) - {person}
    if not contacts:
        return {"effective size": math.nan, "constraint": math.nan}
    degree = len(contacts)
    ties_among = sum(1 for a in contacts for b in contacts if a != b and G.has_edge(a, b)) / 2
    constraint = 0.0
    for j in contacts:
        # p_ij = 1 / degree(i); through a shared contact q: p_iq * p_qj = 1 / degree(i) / degree(q)
        indirect = sum(1 / degree / len(set(G[q]) - {q}) for q in contacts if q != j and G.has_edge(q, j))
        constraint += (1 / degree + indirect) ** 2
    return {"effective size": degree - 2 * ties_among / degree, "constraint": constraint}


def key_person_loss(G: nx.Graph, person: Hashable) -> float:
    """What the others lose when ``person`` leaves: their efficiency (the average of
    1 / steps over all pairs, 0 for a pair with no path; Latora and Marchiori 2001)
    with ``person`` present, minus without.

    Parameters
    ----------
    G : networkx.Graph
        The network (treated as undirected).
    person : node
        The person who leaves.

    Returns
    -------
    float
        The efficiency the others lose, from 0 (nothing) up.

    Examples
    --------
    >>> import networkx as nx
    >>> key_person_loss(nx.path_graph(3), 1)   # the middle of a path: the ends lose their link
    0.5
    """
    others = [v for v in G if v != person]
    if len(others) < 2:
        return 0.0

    def efficiency(left_out: Hashable | None) -> float:
        total = 0.0
        for source in others:  # breadth-first search from each of the others
            steps, queue = {source: 0}, [source]
            for v in queue:  # the queue grows while we walk along it
                for u in nx.all_neighbors(G, v) if G.is_directed() else G[v]:
                    if u != left_out and u not in steps:
                        steps[u] = steps[v] + 1
                        queue.append(u)
            total += sum(1 / steps[v] for v in others if v in steps and v != source)
        return total / (len(others) * (len(others) - 1))

    return efficiency(None) - efficiency(person)


def give_and_take(G: nx.Graph, *, benefit_cost: float = 5.0, takers: float = 0.5, rounds: int = 200,
                  turnover: float = 0.1, selection: float = 0.5, seed: int = 1) -> list[float]:
    """The donation game on a network with death-birth updating (Ohtsuki et al. 2006).

    A contributor pays 1 for each contact and each contact receives ``benefit_cost``;
    a taker pays nothing. Each round a share ``turnover`` of people rethink and copy
    a contact's strategy, a contact with payoff ``x`` chosen with a chance
    proportional to ``exp(selection * x)``.

    Parameters
    ----------
    G : networkx.Graph
        Who gives to whom.
    benefit_cost, takers, turnover, selection : float
        Benefit-to-cost ratio, share of takers at the start, share rethinking
        each round, and how strongly success is copied.
    rounds : int
        Rounds simulated.
    seed : int
        Random seed; the same seed gives the same run as ``reciprocity.simulate``
        on this network.

    Returns
    -------
    list of float
        The share of contributors at the start and after each round.

    Examples
    --------
    >>> import networkx as nx
    >>> shares = give_and_take(nx.cycle_graph(10), rounds=3, seed=1)
    >>> shares[0], len(shares)
    (0.5, 4)
    """
    people = list(G)
    n = len(people)
    rng = np.random.default_rng(seed)
    gives = dict.fromkeys(people, False)
    for i in rng.permutation(n)[: n - round(takers * n)]:
        gives[people[i]] = True
    shares = [sum(gives.values()) / n]
    for _ in range(rounds):
        payoff = {v: benefit_cost * sum(gives[u] for u in G[v]) - len(G[v]) * gives[v] for v in people}
        best = max(payoff.values())
        rethink = [v for v, u in zip(people, rng.random(n)) if u < turnover and len(G[v]) > 0]
        copied = {}
        for v, u in zip(rethink, rng.random(len(rethink))):
            weights = [np.exp(selection * (payoff[c] - best)) for c in G[v]]
            running = np.cumsum(weights)
            pick = next(i for i, w in enumerate(running) if u * running[-1] < w)
            copied[v] = gives[list(G[v])[pick]]
        gives.update(copied)  # everyone rethinks at once, from the strategies before the round
        shares.append(sum(gives.values()) / n)
    return shares


def seeding(G: nx.Graph, budget: int, p: float, *, replications: int = 20, runs: int = 50,
            seed: int = 0) -> dict[str, list[float]]:
    """Broadcast against peer seeding with the same budget: mean cascade size per replication.

    Broadcast briefs the ``budget`` best-connected people; peer seeding briefs
    ``budget`` ordinary people at random, new ones in each replication. Each
    replication averages ``runs`` cascades (:func:`cascade`) per strategy.

    Parameters
    ----------
    G : networkx.Graph
        The customers' network.
    budget : int
        People briefed.
    p : float
        Chance that one tie passes the message on.
    replications, runs : int
        Replications (random seeds) and cascades averaged within each.
    seed : int
        Random seed of the first replication.

    Returns
    -------
    dict
        ``broadcast`` and ``peer``: mean reach, one value per replication. The
        engine (``diffusion.seeding_replications``) draws its random numbers in
        another order, so the two agree in distribution, not run by run.

    Examples
    --------
    >>> import networkx as nx
    >>> out = seeding(nx.star_graph(5), budget=1, p=1.0, replications=2, runs=3)
    >>> out["broadcast"]
    [6.0, 6.0]
    """
    out: dict[str, list[float]] = {"broadcast": [], "peer": []}
    for r in range(replications):
        rng = np.random.default_rng([seed, r])  # this replication's cascades
        for strategy in out:
            starters = choose_seeds(G, budget, strategy, seed=seed + r)
            sizes = [sum(map(len, cascade(G, starters, p, seed=rng.integers(2**32))))
                     for _ in range(runs)]
            out[strategy].append(float(np.mean(sizes)))
    return out
