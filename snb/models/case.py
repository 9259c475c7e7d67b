"""The capstone's seeded case: a small firm, its staff and its customers (chapter 6).

:func:`audit_case` builds one company for the network audit:

- **staff** (``Case.firm``): chapter 4's synthetic firm (:func:`snb.models.firm.synthetic_firm`:
  an org chart and an informal advice network with planted brokers), plus ``outposts``
  small remote teams (a regional sales office, a workshop): everyone in an outpost talks
  with everyone else in it, and only its head, the **connector**, has ties to the main
  firm (``outpost_ties`` of them). If a connector leaves, the outpost is cut off;
- **customers** (``Case.customers``, undirected): who talks with whom about the firm's kind of
  product. Customers belong to ``segments`` planted communities of about equal size;
  each customer has on average ``within_degree`` ties inside their segment, and a share
  ``cross_rate`` of these ordinary ties cross segments. ``influencers`` planted customers
  have ``influencer_ties`` extra ties each, mostly (``influencer_home``) in their own
  segment. Each tie has a ``strength`` (conversations a month): 1 + Poisson(3) inside a
  segment, 1 + Poisson(1) across segments, and 1 + Poisson(5) for an influencer's ties
  in their own segment (people they are trusted by) but 1 for their other extra ties.
  ``loud`` other planted customers (a blogger, a reseller) have ``loud_ties`` extra ties
  each, to anyone, all of strength 1: many contacts, little trust;
- **trust** (``Case.trust``, directed): a synthetic survey, "whom among your contacts do you
  trust for advice on this kind of product?" (:func:`snb.models.trusted_seeding.trust_survey`):
  an arc ``i -> j`` when ``i`` names ``j``. Being named rises with a hidden trustworthiness
  (higher for the planted influencers, lower for the loud customers: built in) and, by a
  stated amount, with how often the two talk; it is not derived from the strengths;
- **visits** (``Case.visits``, two-mode, as chapter 2's check-ins): customers visit
  venues (shops, cafés, clubs) where the product can be shown. ``venues // 10`` venues are
  chains liked by everyone; each other venue is the home ground of one segment. Each
  customer visits 1 + Poisson(2) venues, with weights pull x ``loyalty`` for a home venue
  of their segment, pull x 1 for chains and pull x 0.5 otherwise (pull is log-normal, a
  chain's ``chain_pull`` times larger); a customer-venue tie has ``visits`` = 1, 2, ...

The ground truth (``Case.truth``), known only because the case is generated: the planted
``influencers`` (and the ``loud`` customers, who are not), the planted staff ``brokers``,
the ``connectors`` at risk (the outposts'
heads) and the customer ``segments`` (a partition). Staff are numbered ``0, 1, ...``
(chapter 4's firm; outposts last); customers are named ``c0001, c0002, ...`` and venues
``v001, v002, ...``. ``scale`` multiplies every size (staff, outposts, customers, venues)
to time the analyses on a larger case. Same arguments, same case.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable

import networkx as nx
import numpy as np

from snb import stats
from snb.assumptions import Parameter
from snb.files import write_text
from snb.models import communities
from snb.models.diffusion import cascade_parameters, seeding_replications
from snb.models.firm import Firm, synthetic_firm
from snb.models.trusted_seeding import trust_survey

__all__ = ["Case", "Truth", "audit_case", "case_parameters", "EXPORTS", "write_exports", "read_exports",
           "export_rows", "DEFAULTS", "venue_visits", "seeding_study", "community_runs", "stability",
           "cut_people", "influencer_scores", "INFLUENCE_MEASURES", "precision", "seeding_parameters"]

#: The default case (scale 1).
DEFAULTS: dict[str, Any] = {
    "staff": 120, "departments": 6, "brokers": 5, "outposts": 2, "outpost_size": 6, "outpost_ties": 2,
    "customers": 600, "segments": 6, "within_degree": 6.0, "cross_rate": 0.2,
    "influencers": 6, "influencer_ties": 12, "influencer_home": 0.75, "loud": 6, "loud_ties": 20,
    "venues": 40, "loyalty": 8.0, "chain_pull": 20.0,
}

#: The sizes that ``scale`` multiplies.
SCALED = ("staff", "departments", "brokers", "outposts", "customers", "segments", "influencers", "loud", "venues")

#: The CSV files the case ships (``snb/data/capstone/``) and their columns.
EXPORTS: dict[str, tuple[str, ...]] = {
    "staff-org.csv": ("person", "boss", "department", "level"),
    "staff-advice.csv": ("person", "colleague"),
    "customer-ties.csv": ("customer", "contact", "strength"),
    "visits.csv": ("customer", "venue", "visits"),
    "customer-trust.csv": ("customer", "trusts"),
}


@dataclass(frozen=True)
class Truth:
    """What the generator planted (the answer key of the audit)."""

    influencers: frozenset
    loud: frozenset
    brokers: frozenset
    connectors: frozenset
    segments: list = field(default_factory=list)
    outposts: list = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    """The audited company: its staff, its customers, their visits, and the ground truth."""

    firm: Firm
    customers: nx.Graph
    visits: nx.Graph
    truth: Truth
    seed: int
    scale: int
    trust: nx.DiGraph = field(default_factory=nx.DiGraph)

    @property
    def staff(self) -> nx.Graph:
        """The informal advice network of all staff (outposts included)."""
        return self.firm.informal

    @property
    def org(self) -> nx.DiGraph:
        """The org chart (arc person -> boss)."""
        return self.firm.org


def _size(name: str, value: Any, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be a whole number of at least {low}, got {value!r}")
    return int(value)


def _add_outposts(firm: Firm, outposts: int, size: int, ties: int, rng: np.random.Generator
                  ) -> tuple[Firm, frozenset, list[set]]:
    org, informal = firm.org.copy(), firm.informal.copy()
    main = list(informal)
    first_dept = firm.departments + 1
    connectors, teams = [], []
    nxt = len(main)
    for k in range(outposts):
        team = list(range(nxt, nxt + size))
        nxt += size
        dept = first_dept + k
        head = team[0]
        org.add_node(head, department=dept, level=2, broker=False, outpost=True)
        org.add_edge(head, 0)
        for person in team[1:]:
            org.add_node(person, department=dept, level=3, broker=False, outpost=True)
            org.add_edge(person, head)
        informal.add_nodes_from((v, dict(org.nodes[v])) for v in team)
        informal.add_edges_from((a, b) for i, a in enumerate(team) for b in team[i + 1:])
        contacts = rng.choice(np.array(main[1:]), size=ties, replace=False).tolist()
        informal.add_edges_from((head, int(c)) for c in contacts)
        connectors.append(head)
        teams.append(set(team))
    for v in main:
        org.nodes[v]["outpost"] = informal.nodes[v]["outpost"] = False
    return (Firm(org=org, informal=informal, brokers=firm.brokers, seed=firm.seed), frozenset(connectors),
            teams)


def _customer_network(n: int, segments: int, within_degree: float, cross_rate: float, influencers: int,
                      influencer_ties: int, influencer_home: float, loud: int, loud_ties: int,
                      rng: np.random.Generator) -> tuple[nx.Graph, frozenset, frozenset, list[set]]:
    width = max(4, len(str(n)))
    names = [f"c{i + 1:0{width}d}" for i in range(n)]
    segment = rng.permutation(np.arange(n) % segments)
    members = [np.flatnonzero(segment == s) for s in range(segments)]
    ties: dict[tuple[int, int], int] = {}

    def add(a: int, b: int, strength: int) -> bool:
        pair = (a, b) if a < b else (b, a)
        if a == b or pair in ties:
            return False
        ties[pair] = strength
        return True

    within = 0
    for group in members:
        wanted = int(round(len(group) * within_degree / 2))
        made = 0
        while made < wanted:
            a, b = rng.choice(group, size=2).tolist()
            made += add(a, b, 1 + int(rng.poisson(3.0)))
        within += made
    cross_wanted = int(round(cross_rate / (1 - cross_rate) * within))
    made = 0
    while made < cross_wanted:
        a, b = rng.integers(0, n, size=2).tolist()
        if segment[a] != segment[b]:
            made += add(a, b, 1 + int(rng.poisson(1.0)))
    chosen = rng.choice(n, size=influencers + loud, replace=False).tolist()
    planted, noisy = chosen[:influencers], chosen[influencers:]
    for person in planted:
        home = members[segment[person]]
        extra = 0
        while extra < influencer_ties:
            at_home = rng.random() < influencer_home
            other = int(rng.choice(home)) if at_home else int(rng.integers(0, n))
            extra += add(person, other, 1 + int(rng.poisson(5.0)) if segment[other] == segment[person] else 1)
    for person in noisy:
        extra = 0
        while extra < loud_ties:
            extra += add(person, int(rng.integers(0, n)), 1)
    linked = {i for pair in ties for i in pair}
    for i in range(n):  # nobody is left alone: one tie inside their segment
        if i not in linked:
            add(i, int(rng.choice([j for j in members[segment[i]] if j != i])), 1)
    # nodes in order of first appearance in the sorted ties: the order of the CSV export, so that
    # a network loaded from it row by row gives the same seeded results as this one
    G = nx.Graph(name="customer network", source="snb.models.case.audit_case (synthetic, seeded)")
    G.add_edges_from((names[a], names[b], {"strength": s}) for (a, b), s in sorted(ties.items()))
    truth = [{names[i] for i in group} for group in members]
    return G, frozenset(names[i] for i in planted), frozenset(names[i] for i in noisy), truth


def _visits(customers: list[str], segment_of: dict[str, int], segments: int, venues: int, loyalty: float,
            chain_pull: float, rng: np.random.Generator) -> nx.Graph:
    width = max(3, len(str(venues)))
    names = [f"v{j + 1:0{width}d}" for j in range(venues)]
    chains = max(1, venues // 10)
    home = np.array([-1] * chains + [j % segments for j in range(venues - chains)])
    pull = np.where(home < 0, chain_pull * rng.lognormal(0.0, 0.3, venues), rng.lognormal(0.0, 0.7, venues))
    likes = np.array([segment_of[c] for c in customers])
    taste = np.where(home[None, :] == likes[:, None], loyalty, np.where(home[None, :] < 0, 1.0, 0.5))
    keys = np.log(pull[None, :] * taste) + rng.gumbel(size=taste.shape)
    order = np.argsort(-keys, axis=1, kind="stable")
    how_many = np.minimum(1 + rng.poisson(2.0, len(customers)), venues)
    B = nx.Graph(name="customer visits", source="snb.models.case.audit_case (synthetic, seeded)")
    B.add_nodes_from(customers, bipartite=0, kind="customer")
    B.add_nodes_from(((v, {"bipartite": 1, "kind": "venue", "size": "chain" if h < 0 else "independent"})
                      for v, h in zip(names, home)))
    for c, picks, k in zip(customers, order, how_many):
        for j in picks[:k]:
            B.add_edge(c, names[j], visits=int(rng.geometric(0.5)))
    return B


def audit_case(seed: int = 1, scale: int = 1, **settings: Any) -> Case:
    """The seeded case of the capstone: the company's staff, customers and visits.

    See the module's description for how each part is made.

    Parameters
    ----------
    seed : int, default 1
        Random seed: the same seed and settings give the same case.
    scale : int, default 1
        Every size of :data:`SCALED` is multiplied by this.
    **settings
        Any of :data:`DEFAULTS` (``staff``, ``customers``, ``segments``, ``venues``, ...), to
        change it.

    Returns
    -------
    Case
        ``firm`` (with outposts), ``customers`` (ties with ``strength``), ``visits`` (a
        two-mode check-in network), ``trust`` (a directed survey), and ``truth``, the
        planted influencers, loud customers, brokers, connectors, segments and outposts.

    Raises
    ------
    ValueError
        For an unknown setting or sizes out of range.

    Examples
    --------
    >>> case = audit_case(seed=7, staff=30, departments=3, brokers=2, outposts=1, customers=40,
    ...                   segments=2, influencers=2, loud=1, venues=8)
    >>> case.staff.number_of_nodes(), case.customers.number_of_nodes()  # 30 staff + an outpost of 6
    (36, 40)
    >>> len(case.truth.influencers), len(case.truth.segments)
    (2, 2)
    """
    scale = _size("scale", scale, 1)
    unknown = set(settings) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown settings {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    s = {**DEFAULTS, **settings}
    for name in ("staff", "departments", "brokers", "outposts", "customers", "segments", "influencers", "venues",
                 "loud", "influencer_ties", "loud_ties"):
        s[name] = _size(name, s[name], 0 if name in ("brokers", "outposts", "influencers", "loud") else 2)
    s["outpost_size"] = _size("outpost_size", s["outpost_size"], 2)
    s["outpost_ties"] = _size("outpost_ties", s["outpost_ties"], 1)
    if not 0 <= s["cross_rate"] < 1 or not 0 <= s["influencer_home"] <= 1:
        raise ValueError("cross_rate must be in [0, 1) and influencer_home in [0, 1]")
    if s["customers"] * scale < 4 * s["segments"] * scale:
        raise ValueError("need at least 4 customers per segment")
    big = {k: s[k] * scale for k in SCALED}
    rng = np.random.default_rng(seed)
    firm = synthetic_firm(big["staff"], big["departments"], brokers=big["brokers"], seed=seed)
    firm, connectors, teams = _add_outposts(firm, big["outposts"], s["outpost_size"], s["outpost_ties"], rng)
    customers, influencers, loud, segments = _customer_network(
        big["customers"], big["segments"], s["within_degree"], s["cross_rate"], big["influencers"],
        s["influencer_ties"], s["influencer_home"], big["loud"], s["loud_ties"], rng)
    segment_of = {c: k for k, group in enumerate(segments) for c in group}
    visits = _visits(list(customers), segment_of, big["segments"], big["venues"], s["loyalty"],
                     s["chain_pull"], rng)
    truth = Truth(influencers=influencers, loud=loud, brokers=firm.brokers, connectors=connectors,
                  segments=segments, outposts=teams)
    trust = trust_survey(customers, influencers=sorted(influencers), loud=sorted(loud), seed=seed)
    return Case(firm=firm, customers=customers, visits=visits, truth=truth, seed=seed, scale=scale, trust=trust)


def case_parameters(seed: int = 1, scale: int = 1, **settings: Any) -> list:
    """The case's parameters as :class:`~snb.assumptions.Parameter` rows.

    Every one is an assumption of the course: the case is invented.

    Parameters
    ----------
    seed : int, default 1
        The case's random seed.
    scale : int, default 1
        The multiplier of the sizes.
    **settings
        Any of :data:`DEFAULTS`, as given to :func:`audit_case`.

    Returns
    -------
    list of snb.assumptions.Parameter
        One row per setting of :data:`DEFAULTS` (sizes already multiplied), then ``seed``
        and ``scale``.

    Examples
    --------
    >>> rows = case_parameters(scale=2)
    >>> len(rows), rows[0].name, rows[0].value  # 120 staff, doubled
    (20, 'staff', 240)
    """
    s = {**DEFAULTS, **settings}
    sized = {k: s[k] * scale for k in SCALED}
    meaning = {
        "staff": "people in the main firm (chapter 4's synthetic firm)",
        "departments": "departments of the main firm",
        "brokers": "staff planted as boundary spanners (ground truth)",
        "outposts": "remote teams linked to the firm only through their head, the connector",
        "outpost_size": "people in each outpost, all talking with each other",
        "outpost_ties": "ties of each connector to the main firm",
        "customers": "customers in the market",
        "segments": "planted customer communities of about equal size (ground truth)",
        "within_degree": "mean ties of a customer inside their segment",
        "cross_rate": "share of ordinary customer ties that cross segments",
        "influencers": "customers planted with many extra ties (ground truth)",
        "influencer_ties": "extra ties of each influencer",
        "influencer_home": "share of an influencer's extra ties inside their own segment",
        "loud": "customers planted with many weak ties to anyone (not influencers)",
        "loud_ties": "extra weak ties (strength 1) of each loud customer",
        "venues": "venues (shops, cafés, clubs) customers visit; a tenth are chains",
        "loyalty": "how much more a customer likes a home venue of their segment",
        "chain_pull": "how much more a chain pulls than a typical independent venue",
    }
    rows = [Parameter(k, sized.get(k, s[k]), meaning[k]) for k in DEFAULTS]
    rows.append(Parameter("seed", seed, "random seed: the same seed gives the same case"))
    rows.append(Parameter("scale", scale, "every size above multiplied by this (1: the default case)"))
    return rows


# ------------------------------------------------------------ the audit's analyses
def venue_visits(B: nx.Graph) -> dict[Hashable, int]:
    """Total check-ins at each venue (sum of the ``visits`` of its ties), in graph order.

    Parameters
    ----------
    B : networkx.Graph
        A two-mode check-in network: venues carry ``bipartite=1``; a tie without
        ``visits`` counts once.

    Returns
    -------
    dict of node to int
        Venue -> check-ins.

    Examples
    --------
    >>> import networkx as nx
    >>> B = nx.Graph()
    >>> B.add_nodes_from(["Ana", "Ben"], bipartite=0)
    >>> B.add_nodes_from(["café", "gym"], bipartite=1)
    >>> B.add_edges_from([("Ana", "café", {"visits": 3}), ("Ben", "café", {"visits": 1}), ("Ben", "gym")])
    >>> venue_visits(B)
    {'café': 4, 'gym': 1}
    """
    return {v: int(sum(d.get("visits", 1) for _, _, d in B.edges(v, data=True)))
            for v, side in B.nodes(data="bipartite") if side == 1}


def seeding_study(G: nx.Graph, budget: int, p: float, *, replications: int = 20, runs: int = 50,
                  seed: int = 0) -> dict[str, Any]:
    """Broadcast against peer seeding, with the paired difference and its verdict.

    Broadcast seeds the ``budget`` best-connected customers, peer seeding ``budget``
    random ones (chapter 1's :func:`~snb.models.diffusion.seeding_replications`).

    Parameters
    ----------
    G : networkx.Graph
        The customer network.
    budget : int
        Starters per strategy.
    p : float
        Pass-on chance along a tie.
    replications : int, default 20
        Paired replications (at least 20 for a verdict).
    runs : int, default 50
        Cascades averaged within one replication.
    seed : int, default 0
        Random seed.

    Returns
    -------
    dict
        ``broadcast`` and ``peer``, the mean reach of each replication; ``gap``, broadcast
        minus peer as an :class:`~snb.stats.Interval`; and ``verdict``, its sentence.

    Examples
    --------
    >>> import networkx as nx
    >>> study = seeding_study(nx.star_graph(9), 1, 0.5, runs=10)
    >>> study["verdict"]  # the centre of a star against a leaf
    'broadcast beats peer'
    >>> study["broadcast"].shape
    (20,)
    """

    out = seeding_replications(G, budget, p, replications=replications, runs=runs, seed=seed)
    gap = stats.difference(out["broadcast"], out["peer"], paired=True)
    return {"broadcast": out["broadcast"], "peer": out["peer"], "gap": gap,
            "verdict": stats.verdict(gap, "broadcast", "peer")}


def seeding_parameters(budget: int = 5, p: float = 0.1, *, customers: int = 600, replications: int = 20,
                       runs: int = 50) -> list:
    """The seeding study's parameters as :class:`~snb.assumptions.Parameter` rows.

    Chapter 1's :func:`~snb.models.diffusion.cascade_parameters`, told as the case's
    launch: customers instead of people, free samples as starters, no media hubs.

    Parameters
    ----------
    budget : int, default 5
        Customers given a free sample.
    p : float, default 0.1
        Chance that a customer passes the word along one tie.
    customers : int, default 600
        Customers in the case's network.
    replications : int, default 20
        Random seeds.
    runs : int, default 50
        Cascades averaged within one replication.

    Returns
    -------
    list of snb.assumptions.Parameter
        Model, customers, starters, p, random seeds and runs per random seed.

    Examples
    --------
    >>> [row.name for row in seeding_parameters()]
    ['model', 'customers', 'starters', 'p', 'random seeds', 'runs per random seed']
    """

    rows = {q.name: q for q in cascade_parameters(n=customers, budget=budget, p=p, replications=replications,
                                                  runs=runs)}
    rows["people"] = Parameter("customers", customers, "customers in the case's network")
    rows["starters"] = Parameter("starters", budget, "customers given a free sample (the launch budget)")
    rows.pop("p_hub")
    return list(rows.values())


def community_runs(G: nx.Graph, seeds: Any = range(20), method: str = "Louvain") -> list[list[set]]:
    """One partition of ``G`` per random seed (chapter 3's :func:`~snb.models.communities.detect`).

    The last few results are kept, keyed by everything they depend on: the network's
    people and each one's contacts, in order, the seeds and the method. Asked again for
    the same (the audit's check recomputes the answer it checks), this returns a fresh
    copy of the kept partitions instead of running every detection again.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    seeds : iterable of int, default range(20)
        The random seeds.
    method : str, default "Louvain"
        One of :data:`snb.models.communities.METHODS`.

    Returns
    -------
    list of list of set
        One partition per seed, communities largest first.

    Examples
    --------
    >>> import networkx as nx
    >>> runs = community_runs(nx.karate_club_graph(), range(3))
    >>> [len(partition) for partition in runs]
    [4, 4, 4]
    """
    seeds = tuple(int(s) for s in seeds)
    key = (type(G), tuple((v, type(v), tuple(nbrs)) for v, nbrs in G.adj.items()), seeds, method)
    if key not in _KEPT_RUNS:
        _KEPT_RUNS[key] = [communities.detect(G, method, seed=s) for s in seeds]
        while len(_KEPT_RUNS) > KEPT_RUNS:
            del _KEPT_RUNS[next(iter(_KEPT_RUNS))]  # the oldest
    return [[set(part) for part in run] for run in _KEPT_RUNS[key]]


#: How many results :func:`community_runs` keeps.
KEPT_RUNS = 4
_KEPT_RUNS: dict[tuple, list[list[set]]] = {}


def stability(G: nx.Graph, runs: list[list[set]]) -> np.ndarray:
    """Adjusted Rand index of each later run with the first one (1: the same communities).

    Parameters
    ----------
    G : networkx.Graph
        The network the partitions divide.
    runs : list of list of set
        Partitions, as from :func:`community_runs`; the first is the reference.

    Returns
    -------
    numpy.ndarray
        ``len(runs) - 1`` values.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.karate_club_graph()
    >>> stability(G, community_runs(G, range(3))).round(2).tolist()
    [0.9, 0.9]
    """
    return np.array([communities.agreement(G, runs[0], other)["ARI"] for other in runs[1:]])


def _pairs(sizes: Any) -> int:
    return int(sum(k * (k - 1) // 2 for k in sizes))


def cut_people(G: nx.Graph) -> dict[Hashable, dict[str, int]]:
    """The people whose departure cuts someone off: the articulation points.

    Found with Hopcroft and Tarjan's (1973) method (``nx.articulation_points``).

    Parameters
    ----------
    G : networkx.Graph
        The network.

    Returns
    -------
    dict of node to dict of str to int
        Person -> ``pairs cut`` (pairs of remaining people who had a path and have none
        without them, as chapter 4's :func:`~snb.models.brokerage.key_person_losses`) and
        ``cut off`` (remaining people no longer connected to the largest remaining group);
        the most pairs cut first, then in graph order. Empty when no one is a cut point.

    Examples
    --------
    >>> import networkx as nx
    >>> cut_people(nx.path_graph(4))  # 0 - 1 - 2 - 3
    {1: {'pairs cut': 2, 'cut off': 1}, 2: {'pairs cut': 2, 'cut off': 1}}
    >>> cut_people(nx.cycle_graph(4))  # a ring survives any one departure
    {}
    """
    before = {v: len(c) for c in nx.connected_components(G) for v in c}
    cuts = set(nx.articulation_points(G))
    total = _pairs(len(c) for c in nx.connected_components(G))
    out: dict[Hashable, dict[str, int]] = {}
    for v in (u for u in G if u in cuts):
        pieces = [len(c) for c in nx.connected_components(G.subgraph(u for u in G if u != v))]
        had = total - (before[v] - 1)  # pairs of the others that had a path
        out[v] = {"pairs cut": had - _pairs(pieces), "cut off": len(G) - 1 - max(pieces)}
    return dict(sorted(out.items(), key=lambda kv: -kv[1]["pairs cut"]))


#: How the audit ranks possible influencers (higher = more influential).
INFLUENCE_MEASURES: tuple[str, ...] = ("degree", "PageRank", "strength-weighted PageRank")


def influencer_scores(G: nx.Graph, measure: str) -> dict[Hashable, float]:
    """Each customer's score by one of :data:`INFLUENCE_MEASURES`.

    The strength-weighted PageRank (Brin and Page 1998) weighs each tie by its
    ``strength`` (conversations a month: how much a tie is used, not how much it is
    trusted).

    Parameters
    ----------
    G : networkx.Graph
        The customer network (ties with ``strength`` for the weighted PageRank).
    measure : str
        "degree", "PageRank" or "strength-weighted PageRank".

    Returns
    -------
    dict of node to float
        Customer -> score.

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1, {"strength": 5}), (1, 2, {"strength": 1}), (2, 3, {"strength": 1})])
    >>> influencer_scores(G, "degree")
    {0: 1.0, 1: 2.0, 2: 2.0, 3: 1.0}
    >>> scores = influencer_scores(G, "strength-weighted PageRank")
    >>> scores[1] > scores[2]  # same degree, but 1's tie is used more
    True
    """
    if measure == "degree":
        return {v: float(d) for v, d in G.degree()}
    if measure == "PageRank":
        return nx.pagerank(G, weight=None)
    if measure == "strength-weighted PageRank":
        return nx.pagerank(G, weight="strength")
    raise ValueError(f"measure must be one of {INFLUENCE_MEASURES}, got {measure!r}")


def precision(found: Any, truth: Any) -> float:
    """Share of ``found`` that is in ``truth`` (0 when nothing is found).

    Parameters
    ----------
    found : iterable
        The people picked.
    truth : iterable
        The people who should have been picked.

    Returns
    -------
    float
        Between 0 and 1.

    Examples
    --------
    >>> precision(["a", "b", "c", "d"], ["a", "b"])
    0.5
    >>> precision([], ["a"])
    0.0
    """
    found = list(found)
    return len(set(found) & set(truth)) / len(found) if found else 0.0


# ----------------------------------------------------------------- CSV exports
def export_rows(case: Case) -> dict[str, list[tuple]]:
    """The rows of each CSV export (:data:`EXPORTS`), header excluded."""
    org = case.org
    return {
        "staff-org.csv": [(v, next(iter(org[v]), ""), org.nodes[v]["department"], org.nodes[v]["level"])
                          for v in sorted(org)],
        "staff-advice.csv": sorted((min(a, b), max(a, b)) for a, b in case.staff.edges),
        "customer-ties.csv": sorted((min(a, b), max(a, b), d["strength"])
                                    for a, b, d in case.customers.edges(data=True)),
        "visits.csv": sorted((a, b, d["visits"]) if case.visits.nodes[a]["bipartite"] == 0
                             else (b, a, d["visits"]) for a, b, d in case.visits.edges(data=True)),
        "customer-trust.csv": sorted(case.trust.edges),
    }


def write_exports(case: Case, folder: Path) -> list[Path]:
    """Write the case's CSV exports into ``folder``; return the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in export_rows(case).items():
        text = io.StringIO()
        out = csv.writer(text, lineterminator="\n")
        out.writerow(EXPORTS[name])
        out.writerows(rows)
        written.append(write_text(folder / name, text.getvalue()))  # never through a link, never half
    return written


def read_exports(name: str) -> list[dict[str, str]]:
    """The rows of one shipped export (``snb/data/capstone/<name>``) as dictionaries of text.

    Parameters
    ----------
    name : str
        One of :data:`EXPORTS` (``"customer-ties.csv"``, ``"visits.csv"``, ...).

    Returns
    -------
    list of dict of str to str
        One dictionary per row, keyed by the file's header.

    Raises
    ------
    ValueError
        For a name the case does not ship.

    Examples
    --------
    >>> rows = read_exports("customer-ties.csv")
    >>> list(rows[0]) == list(EXPORTS["customer-ties.csv"])
    True
    """
    from importlib import resources

    if name not in EXPORTS:
        raise ValueError(f"no export named {name!r}; the case ships {sorted(EXPORTS)}")
    text = resources.files("snb").joinpath("data", "capstone", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _main() -> None:  # pragma: no cover - the tool that writes the shipped exports
    import argparse

    parser = argparse.ArgumentParser(description="write the capstone case's CSV exports")
    parser.add_argument("folder", nargs="?", default=str(Path(__file__).parents[1] / "data" / "capstone"))
    args = parser.parse_args()
    for path in write_exports(audit_case(), Path(args.folder)):
        print(path)


if __name__ == "__main__":  # pragma: no cover
    _main()
