"""Renewal and stability of a community: weak ties, turnover, departures, persistence.

- :func:`professional_groups`: a seeded network of professional groups, dense inside and
  sparse between (a planted partition); ties between groups are marked ``weak``, following
  Granovetter's (1973) argument that ties bridging groups are mostly weak ones;
- :func:`outsider_reach`: how many members an outsider reaches within a few steps after
  joining one group, with and without the weak ties;
- :func:`simulate_renewal`: a community with turnover, in which newcomers from outside bring
  new ideas that spread over the ties; homophily is the chance that a newcomer is recruited
  from the community's own circle and brings nothing new;
- :func:`fragmentation`: the largest connected share after random or targeted departures
  (Albert, Jeong and Barabasi 2000);
- :func:`persistence`: how far a community partition survives turnover (adjusted Rand index
  of the members who stayed).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterable

import networkx as nx
import numpy as np

from snb.assumptions import Parameter
from snb.models import communities
from snb.models.ties import like_minded_network

__all__ = ["GROUP_PARAMETERS", "RENEWAL_PARAMETERS", "professional_groups", "outsider_reach",
           "Renewal", "simulate_renewal", "fragmentation", "persistence"]

#: The network of professional groups of chapter 3 (the recruiter's case).
GROUP_PARAMETERS: list[Parameter] = [
    Parameter("groups", 10, "professional groups"),
    Parameter("size", 20, "members per group"),
    Parameter("inside", 0.3, "chance that two members of the same group are tied (strong ties)"),
    Parameter("between", 0.005, "chance that two members of different groups are tied (weak ties)",
              "assumption; bridging ties are mostly weak (Granovetter 1973)"),
    Parameter("entry ties", 3, "ties the outsider makes inside the one group they join"),
]

#: The renewal model of chapter 3.
RENEWAL_PARAMETERS: list[Parameter] = [
    Parameter("members", 80, "members of the community at any time"),
    Parameter("ties per newcomer", 3, "ties a newcomer makes to current members, at random"),
    Parameter("homophily", 0.7, "chance that a newcomer comes from the community's own circle and "
              "brings no new idea", "assumption; like attracts like (McPherson, Smith-Lovin and Cook 2001)"),
    Parameter("turnover", 0.05, "share of members who leave each round and are replaced"),
    Parameter("pass-on", 0.1, "chance that a member hears a contact's newest idea in a round"),
    Parameter("rounds", 60, "rounds simulated; the first 20 are a warm-up and not measured"),
    Parameter("fresh", 10, "an idea counts as new for this many rounds after it arrived"),
]


def professional_groups(groups: int = 10, size: int = 20, *, inside: float = 0.3, between: float = 0.005,
                        seed: int = 1) -> nx.Graph:
    """Groups of ``size`` members, densely tied inside and sparsely across.

    Parameters
    ----------
    groups : int, default 10
        Number of groups.
    size : int, default 20
        Members per group.
    inside : float, default 0.3
        Chance of a tie between two members of the same group.
    between : float, default 0.005
        Chance of a tie between members of different groups.
    seed : int, default 1
        Random seed.

    Returns
    -------
    networkx.Graph
        Node attribute ``group`` (member ``v`` is in group ``v // size``); edge attribute
        ``strength``: "strong" inside a group, "weak" across groups.

    Examples
    --------
    >>> G = professional_groups(4, 10)
    >>> G.number_of_nodes(), G.nodes[13]["group"], G.edges[0, 1]["strength"]
    (40, 1, 'strong')
    """
    G = nx.planted_partition_graph(groups, size, inside, between, seed=seed)
    G.graph.clear()
    G.graph.update(name="professional groups", seed=seed)
    nx.set_node_attributes(G, {v: v // size for v in G}, "group")
    nx.set_edge_attributes(G, {(u, v): "strong" if u // size == v // size else "weak" for u, v in G.edges},
                           "strength")
    return G


def outsider_reach(G: nx.Graph, *, steps: int = 3, entry_ties: int = 3, group: int = 0, seed: int = 1,
                   weak: bool = True) -> float:
    """Share of the members an outsider reaches within ``steps`` steps of joining one group.

    The outsider ties to ``entry_ties`` random members of the group; the first step
    reaches them.

    Parameters
    ----------
    G : networkx.Graph
        Members with the node attribute ``group`` and ties with ``strength`` ("strong" or
        "weak"), as from :func:`professional_groups`.
    steps : int, default 3
        Steps from the outsider.
    entry_ties : int, default 3
        Members the outsider ties to.
    group : int, default 0
        The group the outsider joins.
    seed : int, default 1
        Random seed of the entry ties.
    weak : bool, default True
        False: only strong ties carry the outsider further.

    Returns
    -------
    float
        Share of all members reached (0.0 for fewer than one step).

    Examples
    --------
    >>> G = professional_groups(4, 10)
    >>> outsider_reach(G, steps=4), outsider_reach(G, steps=4, weak=False)
    (0.525, 0.25)
    """
    rng = np.random.default_rng(seed)
    members = [v for v, g in G.nodes(data="group") if g == group]
    entry = rng.choice(members, size=entry_ties, replace=False).tolist()
    if steps < 1:
        return 0.0
    # breadth-first from the outsider's contacts (one step away), over the ties kept
    reached, frontier = set(entry), list(dict.fromkeys(entry))
    for _ in range(steps - 1):
        ahead = []
        for v in frontier:
            for u, tie in G.adj[v].items():
                if u not in reached and (weak or tie.get("strength") == "strong"):
                    reached.add(u)
                    ahead.append(u)
        frontier = ahead
    return len(reached) / G.number_of_nodes()


@dataclass(frozen=True)
class Renewal:
    """One run of :func:`simulate_renewal`: the share of members holding a fresh idea each
    round, and the final community: its ties (rows of two members) and who joined from
    outside; :attr:`network` gives it as a graph."""

    fresh_share: np.ndarray
    ties: np.ndarray
    from_outside: np.ndarray
    warmup: int

    @property
    def renewal(self) -> float:
        """Mean share of members holding a fresh idea, after the warm-up."""
        return float(self.fresh_share[self.warmup:].mean())

    @property
    def network(self) -> nx.Graph:
        """The final community as a new graph (node attribute ``newcomer``: joined from outside)."""
        G = nx.Graph(name="community after turnover")
        G.add_nodes_from((v, {"newcomer": bool(new)}) for v, new in enumerate(self.from_outside.tolist()))
        G.add_edges_from(self.ties.tolist())
        return G


def simulate_renewal(*, members: int = 80, ties_per_newcomer: int = 3, homophily: float = 0.7,
                     turnover: float = 0.05, pass_on: float = 0.1, rounds: int = 60, fresh: int = 10,
                     departures: str = "random", seed: int = 1) -> Renewal:
    """A community with turnover, where newcomers from outside bring new ideas.

    Start: ``members`` people tied at random (``ties_per_newcomer`` ties each on average),
    nobody with a new idea. Each round: ``round(turnover * members)`` members leave (at
    random, or the best connected first with ``departures="targeted"``) and as many join,
    each tying to ``ties_per_newcomer`` random current members. A newcomer comes from
    outside with probability ``1 - homophily`` and then brings a new idea. Every member
    remembers the newest idea they have heard (the round it arrived); across every tie, with
    probability ``pass_on`` per round and direction, a member hears their contact's newest
    idea. Measured each round: the share of members whose newest idea arrived within the
    last ``fresh`` rounds.

    A run is simulated once per setting and shared (its arrays are read-only): the
    chapter's pages and explorer ask for the same runs several times.
    """
    if departures not in ("random", "targeted"):
        raise ValueError("departures must be 'random' or 'targeted'")
    return _simulate_renewal(int(members), int(ties_per_newcomer), float(homophily), float(turnover),
                             float(pass_on), int(rounds), int(fresh), departures, int(seed))


@functools.lru_cache(maxsize=1024)
def _simulate_renewal(members: int, ties_per_newcomer: int, homophily: float, turnover: float,
                      pass_on: float, rounds: int, fresh: int, departures: str, seed: int) -> Renewal:
    """:func:`simulate_renewal` itself (checked arguments), cached per setting."""
    rng = np.random.default_rng(seed)
    start = nx.gnm_random_graph(members, members * ties_per_newcomer // 2, seed=int(rng.integers(2**31)))
    ends = np.array(start.edges, dtype=np.int64).reshape(-1, 2)  # the ties, as rows of two members
    from_outside = np.zeros(members, dtype=bool)
    newest = np.full(members, -10**6)  # round in which each member's newest idea arrived
    leave = int(round(turnover * members))
    share = np.zeros(rounds)
    for t in range(rounds):
        if leave:
            if departures == "random":
                gone = rng.choice(members, size=leave, replace=False)
            else:
                degree = np.bincount(ends.ravel(), minlength=members)
                gone = np.lexsort((np.arange(members), -degree))[:leave]
            leaving = np.zeros(members, dtype=bool)
            leaving[gone] = True
            ends = ends[~(leaving[ends[:, 0]] | leaving[ends[:, 1]])]
            staying = np.flatnonzero(~leaving)  # sorted, as np.setdiff1d gives them
            rows = []
            for v in gone.tolist():  # a newcomer takes the leaver's place in the arrays
                rows += [(v, u) for u in rng.choice(staying, size=ties_per_newcomer, replace=False).tolist()]
                from_outside[v] = rng.random() >= homophily
                newest[v] = t if from_outside[v] else -10**6
            ends = np.vstack([ends, np.array(rows, dtype=np.int64)])
        src = ends.T.ravel()  # both directions of every tie: first ends, then second ends
        dst = ends[:, ::-1].T.ravel()
        heard = rng.random(src.size) < pass_on
        updated = newest.copy()
        np.maximum.at(updated, dst[heard], newest[src[heard]])
        newest = updated
        share[t] = np.count_nonzero(newest > t - fresh) / members  # t - newest < fresh
    for array in (share, ends, from_outside):
        array.flags.writeable = False  # the run is cached and shared
    return Renewal(share, ends, from_outside, warmup=min(20, rounds // 3))


def fragmentation(G: nx.Graph, fractions: Iterable[float], *, targeted: bool, seed: int = 1) -> np.ndarray:
    """Share of the original members in the largest connected group after some leave.

    The members leave at random (seeded), or the best connected first (by ties at the
    start). One pass gives the answer for every fraction at once.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    fractions : iterable of float
        Shares of the members who leave, each in [0, 1].
    targeted : bool
        True: the best connected leave first; False: a random order.
    seed : int, default 1
        Random seed of the random order.

    Returns
    -------
    numpy.ndarray
        One share per fraction.

    Examples
    --------
    >>> import networkx as nx
    >>> star = nx.star_graph(4)  # a centre and four others
    >>> fragmentation(star, [0, 0.2], targeted=True).tolist()  # the centre leaves first
    [1.0, 0.2]
    >>> fragmentation(star, [0, 0.2], targeted=False, seed=1).tolist()
    [1.0, 0.8]
    """
    n = G.number_of_nodes()
    if targeted:
        order = sorted(G, key=lambda v: (-G.degree(v), str(v)))
    else:
        order = list(np.random.default_rng(seed).permutation(np.array(list(G), dtype=object)))
    # Put the members back in reverse order of departure, joining groups with a union-find:
    # after member k is back, the present members are exactly those who stay when the
    # first k leave, so one pass gives the largest group for every share at once.
    rank = {v: i for i, v in enumerate(order)}
    parent = list(range(n))
    size = [1] * n

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    largest = [0] * (n + 1)  # largest[k]: the largest group when the first k members have left
    best = 0
    for k in range(n - 1, -1, -1):
        best = max(best, 1)
        for u in G.adj[order[k]]:
            j = rank[u]
            if j > k:  # already back
                a, b = root(k), root(j)
                if a != b:
                    if size[a] < size[b]:
                        a, b = b, a
                    parent[b] = a
                    size[a] += size[b]
                    best = max(best, size[a])
        largest[k] = best
    return np.array([largest[min(int(round(f * n)), n)] / n for f in fractions])


def persistence(turnover: float, *, seed: int = 1, people: int = 150, ties: int = 450) -> dict[str, float]:
    """Do communities survive turnover? Build a like-minded network (chapter 3's model),
    replace a share ``turnover`` of its members by newcomers tied like the leavers' average
    (3 random ties inside one interest, 1 outside), and compare Louvain's communities of the
    members who stayed, before and after (adjusted Rand index). ``baseline`` is the ARI
    of two Louvain runs on the unchanged network: the method's own noise."""
    rng = np.random.default_rng(seed)
    G, before, baseline = _persistence_start(int(seed), int(people), int(ties))
    leave = rng.choice(people, size=int(round(turnover * people)), replace=False).tolist()
    H = G.copy()
    H.remove_nodes_from(leave)
    stayers = list(H)
    for i, _ in enumerate(leave):
        interest = int(rng.integers(3))
        alike = [v for v in stayers if G.nodes[v]["interest"] == interest]
        other = [v for v in stayers if G.nodes[v]["interest"] != interest]
        new = ("new", i)
        H.add_node(new, interest=interest)
        H.add_edges_from((new, u) for u in rng.choice(alike, size=3, replace=False).tolist())
        H.add_edge(new, other[int(rng.integers(len(other)))])
    after = communities.detect(H, "Louvain", seed=seed)
    keep = set(stayers)
    restrict = lambda parts: [p & keep for p in parts if p & keep]  # noqa: E731
    S = G.subgraph(stayers)
    return {"ARI": communities.agreement(S, restrict(before), restrict(after))["ARI"], "baseline": baseline}


@functools.lru_cache(maxsize=128)
def _persistence_start(seed: int, people: int, ties: int) -> tuple[nx.Graph, list, float]:
    """The network before turnover, its Louvain communities and the method's own noise
    (ARI of a second Louvain run): the same for every turnover level of one seed, so
    computed once (callers only read them)."""
    G = like_minded_network(people, ties, seed=seed)
    before = communities.detect(G, "Louvain", seed=seed)
    again = communities.detect(G, "Louvain", seed=seed + 1000)
    return G, before, communities.agreement(G, before, again)["ARI"]
