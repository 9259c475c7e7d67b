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
- **visits** (``Case.visits``, two-mode, as chapter 2's check-ins): customers visit
  venues (shops, cafés, clubs) where the product can be shown. ``venues // 10`` venues are
  chains liked by everyone; each other venue is the home ground of one segment. Each
  customer visits 1 + Poisson(2) venues, with weights pull x ``loyalty`` for a home venue
  of their segment, pull x 1 for chains and pull x 0.5 otherwise (pull is log-normal, a
  chain's ``chain_pull`` times larger); a customer-venue tie has ``visits`` = 1, 2, ...

The ground truth (``Case.truth``), known only because the case is generated: the planted
``influencers`` (and the ``loud`` customers, who are not), the planted staff ``brokers``, the ``connectors`` at risk (the outposts'
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
    """The seeded case of the capstone (see the module's description; sizes in
    :data:`DEFAULTS`, each multiplied by ``scale``)."""
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
    return Case(firm=firm, customers=customers, visits=visits, truth=truth, seed=seed, scale=scale)


def case_parameters(seed: int = 1, scale: int = 1, **settings: Any) -> list:
    """The case's parameters as :class:`~snb.assumptions.Parameter` rows (every one an
    assumption of the course: the case is invented)."""
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
    """Total check-ins at each venue (sum of the ``visits`` of its ties), in graph order."""
    return {v: int(sum(d.get("visits", 1) for _, _, d in B.edges(v, data=True)))
            for v, side in B.nodes(data="bipartite") if side == 1}


def seeding_study(G: nx.Graph, budget: int, p: float, *, replications: int = 20, runs: int = 50,
                  seed: int = 0) -> dict[str, Any]:
    """Broadcast (the ``budget`` best-connected customers) against peer seeding (``budget``
    random customers): mean reach per replication, the paired difference (broadcast minus
    peer) as an :class:`~snb.stats.Interval`, and the verdict (chapter 1's
    :func:`~snb.models.diffusion.seeding_replications`)."""

    out = seeding_replications(G, budget, p, replications=replications, runs=runs, seed=seed)
    gap = stats.difference(out["broadcast"], out["peer"], paired=True)
    return {"broadcast": out["broadcast"], "peer": out["peer"], "gap": gap,
            "verdict": stats.verdict(gap, "broadcast", "peer")}


def seeding_parameters(budget: int = 5, p: float = 0.1, *, customers: int = 600, replications: int = 20,
                       runs: int = 50) -> list:
    """The seeding study's parameters as :class:`~snb.assumptions.Parameter` rows."""

    rows = {q.name: q for q in cascade_parameters(n=customers, budget=budget, p=p, replications=replications,
                                                  runs=runs)}
    rows["people"] = Parameter("customers", customers, "customers in the case's network")
    rows["starters"] = Parameter("starters", budget, "customers given a free sample (the launch budget)")
    rows.pop("p_hub")
    return list(rows.values())


def community_runs(G: nx.Graph, seeds: Any = range(20), method: str = "Louvain") -> list[list[set]]:
    """One partition of ``G`` per random seed (chapter 3's :func:`~snb.models.communities.detect`)."""
    return [communities.detect(G, method, seed=int(s)) for s in seeds]


def stability(G: nx.Graph, runs: list[list[set]]) -> np.ndarray:
    """Adjusted Rand index of each later run with the first one (1: the same communities)."""
    return np.array([communities.agreement(G, runs[0], other)["ARI"] for other in runs[1:]])


def _pairs(sizes: Any) -> int:
    return int(sum(k * (k - 1) // 2 for k in sizes))


def cut_people(G: nx.Graph) -> dict[Hashable, dict[str, int]]:
    """The people whose departure cuts someone off: the articulation points (Hopcroft and
    Tarjan 1973). For each, ``pairs cut`` (pairs of remaining people who had a path and
    have none without them, as chapter 4's :func:`~snb.models.brokerage.key_person_losses`)
    and ``cut off`` (remaining people no longer connected to the largest remaining group);
    the most pairs cut first, then in graph order."""
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
INFLUENCE_MEASURES: tuple[str, ...] = ("degree", "PageRank", "trust-weighted PageRank")


def influencer_scores(G: nx.Graph, measure: str) -> dict[Hashable, float]:
    """Each customer's score by one of :data:`INFLUENCE_MEASURES`; the trust-weighted
    PageRank (Brin and Page 1998) weighs each tie by its ``strength``."""
    if measure == "degree":
        return {v: float(d) for v, d in G.degree()}
    if measure == "PageRank":
        return nx.pagerank(G, weight=None)
    if measure == "trust-weighted PageRank":
        return nx.pagerank(G, weight="strength")
    raise ValueError(f"measure must be one of {INFLUENCE_MEASURES}, got {measure!r}")


def precision(found: Any, truth: Any) -> float:
    """Share of ``found`` that is in ``truth`` (0 when nothing is found)."""
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
    """The rows of one shipped export (``snb/data/capstone/<name>``) as dictionaries of text."""
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
