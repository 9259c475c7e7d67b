"""Exercise checks that teach.

Every check returns a :class:`Feedback` and never raises: it says whether the
answer is correct, or what is wrong with it and a hint. An answer left as the
placeholder ``...`` gets "not answered yet", so a learner's notebook runs top
to bottom. Learner input is only inspected, never evaluated.

Shared validators (:func:`graph_problem`, :func:`node_set_problem`,
:func:`number_problem`) give the same clear messages for the same mistakes in
every chapter.
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable

import networkx as nx
import numpy as np

__all__ = [
    "Feedback",
    "graph_problem",
    "node_set_problem",
    "number_problem",
    "teaching_check",
    "check_team_basics",
    "check_two_step_design",
    "check_two_step_reach",
    "check_seeding_comparison",
    "SEEDING_EXERCISE",
    "REACH_EXERCISE",
    "check_visits_network",
    "check_co_visits",
    "check_concentration",
    "check_partner_choice",
    "VISITS_EXERCISE",
    "CO_VISIT_EXERCISE",
    "CONCENTRATION_EXERCISE",
    "PARTNER_EXERCISE",
]

_STYLE = {
    # status: (symbol, heading, border colour from the Okabe-Ito palette)
    "correct": ("✔", "Correct", "#009E73"),
    "incorrect": ("✘", "Not yet", "#D55E00"),
    "unanswered": ("…", "Not answered yet", "#0072B2"),
    "invalid": ("!", "Cannot check this answer", "#E69F00"),
}


@dataclass(frozen=True)
class Feedback:
    """The result of a check: a status, what it means for this answer, and a hint."""

    status: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.status not in _STYLE:
            raise ValueError(f"unknown status {self.status!r}")

    @property
    def correct(self) -> bool:
        """True only for a correct answer."""
        return self.status == "correct"

    def __str__(self) -> str:
        symbol, heading, _ = _STYLE[self.status]
        text = f"{symbol} {heading}: {self.message}"
        return text + (f"\n  Hint: {self.hint}" if self.hint else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        symbol, heading, colour = _STYLE[self.status]
        hint = f"<br><em>Hint:</em> {html.escape(self.hint)}" if self.hint else ""
        return (
            f'<div role="status" style="border-left:6px solid {colour};padding:0.4em 0.8em;'
            f'margin:0.3em 0"><strong>{symbol} {heading}:</strong> '
            f"{html.escape(self.message)}{hint}</div>"
        )


def _ok(message: str) -> Feedback:
    return Feedback("correct", message)


def _wrong(message: str, hint: str = "") -> Feedback:
    return Feedback("incorrect", message, hint)


def _invalid(message: str, hint: str = "") -> Feedback:
    return Feedback("invalid", message, hint)


def _unanswered(what: str) -> Feedback:
    return Feedback("unanswered", f"replace the `...` with {what}, then run this cell again.")


def teaching_check(func: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Decorator: any unexpected error becomes a clear message, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Feedback:
        try:
            return func(*args, **kwargs)
        except Exception as exc:  # a check must never crash the learner's notebook
            return _invalid(
                f"the check could not read this answer ({type(exc).__name__}: {exc}).",
                "compare the type of your answer with what the exercise asks for.",
            )

    return wrapper


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------- validators
def graph_problem(G: Any, *, directed: bool = False, max_nodes: int = 5000,
                  what: str = "a networkx graph") -> Feedback | None:
    """A Feedback if ``G`` is not a usable graph of the expected kind, else None."""
    if G is ...:
        return _unanswered(what)
    if G is None:
        return _invalid(
            "the answer is None, not a network.",
            "graph methods such as G.add_edge(...) change G and return None: "
            "keep the graph itself in your variable, not the result of a method.",
        )
    if isinstance(G, str):
        return _invalid(
            f"the answer is the text {_describe(G)}, not a network.",
            "build the network with nx.Graph() and G.add_edge(a, b), or with the builder widget.",
        )
    if not isinstance(G, nx.Graph):
        return _invalid(f"expected {what}, got a {type(G).__name__}.",
                        "make a graph with nx.Graph() and add ties to it.")
    if G.is_multigraph():
        return _invalid("this is a multigraph (several ties allowed between the same two people).",
                        "use nx.Graph(): one tie per pair is enough here.")
    if G.is_directed() and not directed:
        return _invalid(
            "this is a directed network (a DiGraph), but the exercise is about two-way ties.",
            "use nx.Graph() instead, or convert with G.to_undirected().",
        )
    if directed and not G.is_directed():
        return _invalid("this network is undirected, but the exercise needs directed ties.",
                        "use nx.DiGraph(), or convert with G.to_directed().")
    if G.number_of_nodes() == 0:
        return _invalid("the network is empty: it has no people yet.",
                        "add people and ties before checking.")
    if G.number_of_nodes() > max_nodes:
        return _invalid(
            f"the network has {G.number_of_nodes():,} nodes, far more than this exercise uses.",
            "check that you passed the exercise's network, not a different data set.",
        )
    return None


def node_set_problem(answer: Any, universe: Iterable[Hashable], *, what: str) -> tuple[set | None, Feedback | None]:
    """Turn an answer into a set of nodes of ``universe``, or explain why it cannot be one."""
    if answer is ...:
        return None, _unanswered(what)
    if answer is None:
        return None, _invalid("the answer is None.", f"store {what} in the variable, e.g. {{'Ana', 'Ben'}}.")
    if isinstance(answer, dict):
        return None, _invalid(
            "the answer is a dictionary (perhaps of distances), not a set of nodes.",
            "keep just the nodes: set(your_dict) gives the keys.",
        )
    if isinstance(answer, (str, bytes, int, float)) or not isinstance(answer, Iterable):
        return None, _invalid(
            f"the answer {_describe(answer)} is a single value, not a collection of nodes.",
            f"give {what} as a set, e.g. {{'Ana', 'Ben'}}, even if it has one member.",
        )
    if isinstance(answer, nx.Graph):
        answer = list(answer.nodes)
    items = list(answer)
    universe = list(universe)
    known = set(universe)
    try:
        unknown = [x for x in items if x not in known]
    except TypeError:
        return None, _invalid("the answer contains values that cannot be nodes (lists or sets inside).",
                              "give a flat set of node names.")
    if unknown:
        hint = "node names must match exactly, including capital letters."
        if all(isinstance(x, str) and x.strip().isdigit() for x in unknown) and all(
                isinstance(v, (int, np.integer)) for v in universe):
            hint = "the nodes here are numbers, not text: write 3, not '3'."
        return None, _invalid(f"these are not in the network: {sorted(map(repr, unknown))[:6]}.", hint)
    return set(items), None


def number_problem(value: Any, *, what: str) -> tuple[float | None, Feedback | None]:
    """Turn an answer into a finite float, or explain why it cannot be one."""
    if value is ...:
        return None, _unanswered(what)
    if value is None:
        return None, _invalid("the answer is None.", f"store {what} as a number.")
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        if isinstance(value, str):
            return None, _invalid(f"the answer is the text {_describe(value)}, not a number.",
                                  "remove the quotes: 0.5, not '0.5'.")
        return None, _invalid(f"expected a number, got a {type(value).__name__}.",
                              f"store {what} as a single number.")
    value = float(value)
    if not math.isfinite(value):
        return None, _invalid("the answer is not a finite number.", "did a division by zero happen?")
    return value, None


# ------------------------------------------------------- chapter 1 checks
def _team() -> nx.Graph:
    from snb.datasets import load_tiny_team

    return load_tiny_team()


@teaching_check
def check_team_basics(density: Any, most_connected: Any) -> Feedback:
    """Exercise 1.1: density of the tiny team and who has the most ties."""
    G = _team()
    value, problem = number_problem(density, what="the density of the network")
    if problem:
        return problem
    people, problem = node_set_problem(most_connected, G, what="the set of most-connected people")
    if problem:
        return problem
    n, m = G.number_of_nodes(), G.number_of_edges()
    truth = nx.density(G)
    if not math.isclose(value, truth, abs_tol=1e-3):
        if math.isclose(value, m / (n * (n - 1)), abs_tol=1e-3):
            return _wrong(f"{value:.3f} treats every tie as one-way.",
                          "in an undirected network a tie joins a pair once: there are n(n-1)/2 possible pairs.")
        if math.isclose(value, m / n, abs_tol=1e-3):
            return _wrong(f"{value:.3f} is ties per person, not density.",
                          "density divides the ties by the number of possible pairs.")
        if math.isclose(value, truth * 100, abs_tol=0.1):
            return _wrong("that looks like a percentage.", "give density as a share between 0 and 1.")
        return _wrong(f"the density is not {value:.3f}.",
                      "density = ties / possible pairs; nx.density(G) computes it.")
    top = max(dict(G.degree()).values())
    leaders = {v for v in G if G.degree(v) == top}
    if people != leaders:
        if people == {"Dev"}:
            return _wrong("Dev is the bridge between the two groups, but has only 2 ties.",
                          "count ties: dict(G.degree()) lists them for everyone.")
        if people < leaders:
            return _wrong(f"{len(leaders) - len(people)} more person ties for the most ties.",
                          "include everyone with the highest degree.")
        return _wrong(f"not everyone in {sorted(people)} has the most ties.",
                      "the most-connected people have the highest degree: see dict(G.degree()).")
    return _ok(f"density {truth:.3f}: {m} of the {n * (n - 1) // 2} possible ties exist; "
               f"{' and '.join(sorted(leaders))} have {top} ties each.")


@teaching_check
def check_two_step_design(G: Any, *, sender: str = "Brand", people: int = 8, max_direct: int = 3) -> Feedback:
    """Exercise 1.2: a network where ``sender`` reaches everyone within 2 steps
    while talking directly to at most ``max_direct`` people."""
    problem = graph_problem(G, max_nodes=1000, what="your network (a networkx Graph)")
    if problem:
        return problem
    if G.number_of_edges() == 0 and G.number_of_nodes() <= 1:
        return _unanswered("your design: add customers and ties (with the builder or in code)")
    if sender not in G:
        close = [v for v in G if str(v).strip().lower() == sender.lower()]
        hint = f"you have {close[0]!r}: names must match exactly." if close else f"add a person called {sender!r}."
        return _wrong(f"there is no {sender!r} in your network.", hint)
    loops = list(nx.nodes_with_selfloops(G))
    if loops:
        return _wrong(f"{loops[0]!r} has a tie to themselves.", "remove self-ties: they carry no message.")
    if G.number_of_nodes() != people:
        return _wrong(f"the network has {G.number_of_nodes()} people; the exercise asks for {people} "
                      f"({sender} and {people - 1} customers).",
                      "add or remove people until the count matches.")
    direct = G.degree(sender)
    if direct > max_direct:
        return _wrong(f"{sender} talks directly to {direct} people; the budget is {max_direct}.",
                      "let some customers pass the message on to others instead.")
    dist = nx.single_source_shortest_path_length(G, sender)
    far = [v for v in G if dist.get(v, math.inf) > 2]
    if far:
        unreachable = [v for v in far if v not in dist]
        detail = (f"{len(unreachable)} cannot be reached at all" if unreachable
                  else f"{len(far)} are three or more steps away")
        return _wrong(f"{detail}: {sorted(map(str, far))}.",
                      f"tie each of them to someone {sender} talks to directly.")
    return _ok(f"{sender} talks to {direct} people and still reaches all {people - 1} others within two steps.")


#: The network and question of exercise 1.3.
REACH_EXERCISE = {"topology": "media + peers", "n": 60, "seed": 4, "source": 0, "k": 2}


@teaching_check
def check_two_step_reach(answer: Any) -> Feedback:
    """Exercise 1.3: who media hub 0 reaches within two steps (the hub included)."""
    from snb.datasets import communication_network

    spec = REACH_EXERCISE
    G = communication_network(spec["topology"], spec["n"], seed=spec["seed"])
    reached, problem = node_set_problem(answer, G, what="the set of people reached")
    if problem:
        return problem
    dist = nx.single_source_shortest_path_length(G, spec["source"], cutoff=spec["k"])
    truth = set(dist)
    if reached == truth:
        return _ok(f"{len(truth)} of {G.number_of_nodes()} people are within two steps of hub "
                   f"{spec['source']}, the hub included.")
    if reached == truth - {spec["source"]}:
        return _wrong("almost: you left out the hub itself.",
                      "count the sender as reached at step 0, as k_step_reach does.")
    exactly_two = {v for v, d in dist.items() if d == 2}
    one_step = {v for v, d in dist.items() if d <= 1}
    if reached in (exactly_two, exactly_two | {spec["source"]}):
        return _wrong("these are only the people exactly two steps away.",
                      "'within two steps' includes the hub's own contacts (one step) too.")
    if reached in (one_step, one_step - {spec["source"]}):
        return _wrong("these are only the hub's direct contacts (one step).",
                      "add the contacts of those contacts.")
    extra, missing = reached - truth, truth - reached
    return _wrong(f"{len(missing)} people missing and {len(extra)} too many "
                  f"(you have {len(reached)}, the answer has {len(truth)}).",
                  "nx.single_source_shortest_path_length(G, 0, cutoff=2) gives everyone within two steps.")


#: The set-up of exercise 1.4 (shared with the notebook so both use the same numbers).
SEEDING_EXERCISE = {"topology": "media + peers", "n": 200, "seed": 1, "budget": 4,
                    "p": 0.2, "p_hub": 0.05, "reference_runs": 3000, "tolerance": 0.1}


@functools.lru_cache(maxsize=1)
def _seeding_reference() -> dict[str, float]:
    from snb.datasets import communication_network
    from snb.models import cascade_sizes, choose_seeds

    s = SEEDING_EXERCISE
    G = communication_network(s["topology"], s["n"], seed=s["seed"])
    return {
        strategy: float(cascade_sizes(G, choose_seeds(G, s["budget"], strategy, seed=s["seed"]),
                                      s["p"], p_hub=s["p_hub"], runs=s["reference_runs"], seed=99).mean())
        for strategy in ("broadcast", "peer")
    }


@teaching_check
def check_seeding_comparison(better: Any, broadcast_mean: Any, peer_mean: Any) -> Feedback:
    """Exercise 1.4: estimate mean reach for both seedings and say which is larger."""
    ref = _seeding_reference()
    for name, value in (("broadcast_mean", broadcast_mean), ("peer_mean", peer_mean)):
        number, problem = number_problem(value, what=f"{name}, a mean number of people reached")
        if problem:
            return problem
        if number < 1 or number > SEEDING_EXERCISE["n"]:
            return _wrong(f"{name} = {number:g} is impossible: reach lies between 1 and "
                          f"{SEEDING_EXERCISE['n']} people.",
                          "take the mean of cascade_sizes(...), not a share or a sum.")
    if better is ...:
        return _unanswered("'broadcast' or 'peer'")
    if not isinstance(better, str) or better.strip().lower() not in ("broadcast", "peer"):
        return _invalid(f"better must be the text 'broadcast' or 'peer', got {_describe(better)}.")
    tol = SEEDING_EXERCISE["tolerance"]
    for name, value, strategy in (("broadcast_mean", broadcast_mean, "broadcast"),
                                  ("peer_mean", peer_mean, "peer")):
        if abs(float(value) - ref[strategy]) > tol * ref[strategy]:
            other = "peer" if strategy == "broadcast" else "broadcast"
            if abs(float(value) - ref[other]) <= tol * ref[other]:
                return _wrong(f"{name} looks like the other strategy's number.", "check which seeds went where.")
            return _wrong(f"{name} = {float(value):.1f} is more than {tol:.0%} away from the long-run mean.",
                          "one run is mostly luck: average cascade_sizes over at least 500 seeded runs, "
                          "with the exercise's p and p_hub.")
    winner = max(ref, key=ref.get)
    if better.strip().lower() != winner:
        return _wrong(f"your own numbers say otherwise: {winner} reaches more people on average.",
                      "compare the two means you computed.")
    return _ok(f"{winner} seeding reaches about {ref[winner]:.0f} people on average, against "
               f"{min(ref.values()):.0f} for the other, with the same budget of {SEEDING_EXERCISE['budget']}.")


# =====================================================================
# Chapter 2 checks
# =====================================================================
#: Exercise 2.1: a week of check-ins, one row per visit (invented for the course).
VISITS_EXERCISE: tuple[tuple[str, str], ...] = (
    ("Femi", "Bean There"), ("Femi", "Bean There"), ("Femi", "Page Turner"),
    ("Gus", "Bean There"), ("Gus", "Spin Studio"), ("Gus", "Spin Studio"), ("Gus", "Spin Studio"),
    ("Hana", "Page Turner"), ("Hana", "The Tap Room"),
    ("Ivan", "Spin Studio"), ("Ivan", "The Tap Room"), ("Ivan", "The Tap Room"),
    ("Jo", "Bean There"), ("Jo", "Page Turner"),
)


def _names(items: Iterable[Hashable]) -> str:
    return ", ".join(map(str, list(items)[:4])) + (" and others" if len(list(items)) > 4 else "")


def _case_hint(strangers: list, known: Iterable[Hashable]) -> str:
    lowered = {str(k).strip().lower(): k for k in known}
    close = [(x, lowered[str(x).strip().lower()]) for x in strangers if str(x).strip().lower() in lowered]
    if close:
        return f"names must match exactly, capitals included: {close[0][0]!r} should be {close[0][1]!r}."
    return "use the names exactly as they are written in the data."


@teaching_check
def check_visits_network(B: Any) -> Feedback:
    """Exercise 2.1: the two-mode check-in network of :data:`VISITS_EXERCISE`."""
    if isinstance(B, nx.Graph) and B.is_multigraph():
        return _invalid("this is a multigraph, with one tie per visit.",
                        "use nx.Graph(): one tie per customer and venue, with repeat visits counted in "
                        "the tie's visits attribute.")
    problem = graph_problem(B, max_nodes=1000, what="your check-in network (a networkx Graph)")
    if problem:
        return problem
    counts: dict[tuple[str, str], int] = {}
    for pair in VISITS_EXERCISE:
        counts[pair] = counts.get(pair, 0) + 1
    customers = list(dict.fromkeys(c for c, _ in VISITS_EXERCISE))
    venues = list(dict.fromkeys(v for _, v in VISITS_EXERCISE))
    strangers = [v for v in B if v not in set(customers) | set(venues)]
    if strangers:
        return _wrong(f"not in the table: {sorted(map(repr, strangers))[:4]}.", _case_hint(strangers, customers + venues))
    missing = [v for v in customers + venues if v not in B]
    if missing:
        return _wrong(f"missing from your network: {_names(missing)}.",
                      "every customer and venue of the table is a node.")
    side = dict(B.nodes(data="bipartite"))
    unmarked = [v for v in B if side[v] not in (0, 1)]
    if unmarked:
        return _wrong(f"{len(unmarked)} nodes have no side, e.g. {unmarked[0]!r} (bipartite={side[unmarked[0]]!r}).",
                      "add customers with B.add_node(name, bipartite=0) and venues with bipartite=1.")
    if all(side[c] == 1 for c in customers) and all(side[v] == 0 for v in venues):
        return _wrong("the two sides are swapped: customers are marked 1 and venues 0.",
                      "the course's convention: bipartite=0 for customers, bipartite=1 for venues.")
    for group, want, label in ((customers, 0, "a customer"), (venues, 1, "a venue")):
        for v in group:
            if side[v] != want:
                return _wrong(f"{v} is {label} but has bipartite={side[v]}.",
                              f"{label[2:]}s get bipartite={want}.")
    for u, v in B.edges:
        if side[u] == side[v]:
            kind = "customers" if side[u] == 0 else "venues"
            return _wrong(f"{u} and {v} are both {kind}, yet they are tied.",
                          "in a check-in network every tie joins a customer to a venue they visited.")
    pairs = {frozenset(p) for p in counts}
    have = {frozenset(e) for e in B.edges}
    if pairs - have:
        c, v = sorted(next(iter(sorted(pairs - have, key=sorted))), key=lambda x: x not in customers)
        return _wrong(f"{len(pairs - have)} visits are missing, e.g. {c} at {v}.",
                      "add one tie for each customer-venue pair in the table.")
    if have - pairs:
        c, v = sorted(next(iter(sorted(have - pairs, key=sorted))), key=lambda x: x not in customers)
        return _wrong(f"{c} never visited {v}, but your network ties them.", "remove the ties that are not in the table.")
    values = {p: B.edges[p].get("visits") for p in counts}
    if all(v is None for v in values.values()):
        if all(B.edges[p].get("weight") == n for p, n in counts.items()):
            return _wrong("the counts are right but stored as weight.",
                          "name the attribute visits, e.g. B.add_edge('Femi', 'Bean There', visits=2).")
        return _wrong("the ties carry no visits count, but Femi went to Bean There twice.",
                      "store how often each customer went in the tie: B.add_edge(c, v, visits=n), or "
                      "B[c][v]['visits'] += 1 for each repeat visit.")
    if all(v == 1 for v in values.values()):
        return _wrong("every tie says 1 visit, but some customers came back (Gus went to Spin Studio 3 times).",
                      "count the rows: a repeated row is a repeat visit.")
    for (c, v), n in counts.items():
        if values[(c, v)] != n:
            return _wrong(f"{c} visited {v} {n} time{'s' if n > 1 else ''}; your tie says {values[(c, v)]!r}.",
                          "count how many rows of the table name that customer and venue.")
    return _ok(f"{len(customers)} customers, {len(venues)} venues, {len(counts)} customer-venue pairs and "
               f"{len(VISITS_EXERCISE)} visits. Ties only ever join a customer to a venue: a two-mode network.")


#: Exercise 2.2: the city whose venues are projected, and how many top pairs to name.
CO_VISIT_EXERCISE = {"n_customers": 300, "n_venues": 20, "seed": 5, "k": 3}


@functools.lru_cache(maxsize=1)
def _co_visit_truth() -> tuple[nx.Graph, nx.Graph]:
    from snb.datasets import check_in_city
    from snb.measures import projection

    s = CO_VISIT_EXERCISE
    B = check_in_city(s["n_customers"], s["n_venues"], seed=s["seed"])
    return B, projection(B, 1)


def _pair_list(answer: Any, venues: set, k: int) -> tuple[list[frozenset] | None, Feedback | None]:
    """Turn an answer into ``k`` distinct venue pairs, or explain why it cannot be."""
    if answer is ...:
        return None, _unanswered(f"a list of the top {k} pairs, e.g. [('A', 'B'), ...]")
    if answer is None:
        return None, _invalid("top_pairs is None.", "store a list of pairs of venue names.")
    if isinstance(answer, dict):
        return None, _invalid("top_pairs is a dictionary, not a list of pairs.",
                              "give a list such as [('A', 'B'), ('A', 'C'), ('B', 'C')].")
    if isinstance(answer, (str, bytes, int, float, nx.Graph)) or not isinstance(answer, Iterable):
        return None, _invalid(f"top_pairs {_describe(answer)} is not a list of pairs.",
                              "give a list such as [('A', 'B'), ('A', 'C'), ('B', 'C')].")
    pairs = []
    for item in answer:
        if isinstance(item, (str, bytes)) or not isinstance(item, Iterable):
            return None, _invalid(f"{_describe(item)} is not a pair of venues.", "write each pair as ('A', 'B').")
        item = list(item)
        if len(item) == 3 and isinstance(item[2], (int, float, np.integer, np.floating)):
            item = item[:2]  # (u, v, weight) as measures.top_pairs gives them
        if len(item) != 2:
            return None, _invalid(f"{_describe(item)} does not have two venues.", "write each pair as ('A', 'B').")
        try:
            strangers = [x for x in item if x not in venues]
        except TypeError:
            return None, _invalid("a pair contains values that cannot be venue names.", "write each pair as ('A', 'B').")
        if strangers:
            return None, _invalid(f"{strangers[0]!r} is not a venue of this city.",
                                  "pairs name two venues (bipartite=1); " + _case_hint(strangers, venues))
        if item[0] == item[1]:
            return None, _invalid(f"the pair ({item[0]!r}, {item[1]!r}) names the same venue twice.")
        pairs.append(frozenset(item))
    if len(set(pairs)) != len(pairs):
        return None, _invalid("the same pair appears twice.", f"name {k} different pairs.")
    return pairs, None


@teaching_check
def check_co_visits(venue_projection: Any, top_pairs: Any) -> Feedback:
    """Exercise 2.2: the venues' co-visit projection and its ``k`` heaviest pairs."""
    B, truth = _co_visit_truth()
    k = CO_VISIT_EXERCISE["k"]
    P = venue_projection
    problem = graph_problem(P, max_nodes=5000, what="the venue projection (a networkx Graph)")
    if problem:
        return problem
    venues, customers = set(truth), {v for v, p in B.nodes(data="bipartite") if p == 0}
    nodes = set(P)
    if nodes == customers:
        return _wrong("the nodes of your projection are the customers.",
                      "project onto the venues: the nodes with bipartite=1.")
    if nodes & customers:
        return _wrong(f"your projection contains {len(nodes & customers)} customers as well as venues.",
                      "a projection keeps one side only: pass the venues to weighted_projected_graph.")
    if nodes != venues:
        strangers = sorted(map(repr, nodes - venues))[:3]
        return _wrong(f"the nodes should be the city's {len(venues)} venues"
                      + (f"; not in the city: {strangers}." if strangers else f"; {len(venues - nodes)} are missing."),
                      "project B onto all of its venues (bipartite=1), without filtering.")
    want = {frozenset(e): w for *e, w in truth.edges(data="weight")}
    have = {frozenset((u, v)): d for u, v, d in P.edges(data=True)}
    if set(have) - set(want):
        u, v = sorted(next(iter(sorted(set(have) - set(want), key=sorted))))
        return _wrong(f"{u} and {v} are tied, but no customer went to both.",
                      "two venues are tied only when they share at least one customer.")
    if set(want) - set(have):
        return _wrong(f"{len(set(want) - set(have))} pairs of venues share customers but are not tied.",
                      "use bipartite.weighted_projected_graph(B, venues).")
    if all("weight" not in d for d in have.values()):
        return _wrong("the ties have no weight, so you cannot tell a pair with one shared customer from one with fifty.",
                      "bipartite.weighted_projected_graph(B, venues) counts shared customers in 'weight'.")
    for pair, w in want.items():
        got = have[pair].get("weight")
        if got != w:
            u, v = sorted(pair)
            if isinstance(got, float) and got <= 1:
                return _wrong(f"the weight of {u} and {v} is {got:.2f}, a share rather than a count.",
                              "use weighted_projected_graph (shared customers), not overlap_weighted_projected_graph.")
            return _wrong(f"{u} and {v} share {w} customers; your tie says {got!r}.",
                          "the weight counts shared customers (not visits): weighted_projected_graph does this.")
    pairs, problem = _pair_list(top_pairs, venues, k)
    if problem:
        return problem
    if len(pairs) != k:
        return _wrong(f"give the top {k} pairs; you gave {len(pairs)}.", "sort the ties by weight and keep the first three.")
    ranked = sorted(want.values(), reverse=True)
    threshold = ranked[k - 1]
    for pair in pairs:
        if pair not in want:
            u, v = sorted(pair)
            return _wrong(f"{u} and {v} share no customers at all.", "pick pairs among the projection's ties.")
    if sorted((want[p] for p in pairs), reverse=True) != ranked[:k]:
        weakest = min(pairs, key=lambda p: want[p])
        u, v = sorted(weakest)
        overlap = nx.bipartite.overlap_weighted_projected_graph(B, list(truth))
        by_share = {frozenset(e) for e in sorted(overlap.edges, key=lambda e: -overlap.edges[e]["weight"])[:k]}
        if set(pairs) == by_share:
            return _wrong("these are the pairs with the largest overlap relative to their size.",
                          "the question asks for the most shared customers: rank by the count in 'weight'.")
        return _wrong(f"{u} and {v} share {want[weakest]} customers, but the third-busiest pair shares {threshold}.",
                      "sort the projection's ties by their weight, largest first (measures.top_pairs does it).")
    names = sorted({v for p in pairs for v in p})
    chains = [v for v in names if B.nodes[v].get("size") == "chain"]
    note = (f" All of them involve chains ({', '.join(chains)}): venues that everybody visits share many "
            "customers with anyone, which is why raw co-visit counts favour the big." if chains else "")
    return _ok(f"the projection has {truth.number_of_nodes()} venues and {truth.number_of_edges()} co-visit ties; "
               f"the top {k} pairs share {', '.join(map(str, ranked[:k]))} customers.{note}")


#: Exercise 2.3: the grown market whose concentration is measured.
CONCENTRATION_EXERCISE = {"n": 2000, "m": 2, "alpha": 1.0, "seed": 7, "tolerance": 0.005}


@functools.lru_cache(maxsize=1)
def _concentration_truth() -> dict[str, float]:
    from snb.measures import gini, top_share
    from snb.models import degrees_at, growth_edges

    s = CONCENTRATION_EXERCISE
    degree = degrees_at(growth_edges(s["n"], s["m"], s["alpha"], seed=s["seed"]))
    n = degree.size
    return {"top1": top_share(degree, 0.01), "top10": top_share(degree, 0.10), "gini": gini(degree),
            "oldest1": degree[: n // 100].sum() / degree.sum(), "oldest10": degree[: n // 10].sum() / degree.sum(),
            "ties": degree.sum() / 2}


@teaching_check
def check_concentration(top1: Any, top10: Any, gini: Any) -> Feedback:
    """Exercise 2.3: top 1 % share, top 10 % share and Gini of the market's degrees."""
    truth = _concentration_truth()
    tol = CONCENTRATION_EXERCISE["tolerance"]
    values = {}
    for name, value in (("top1", top1), ("top10", top10), ("gini", gini)):
        number, problem = number_problem(value, what=f"{name}, a share between 0 and 1")
        if problem:
            return problem
        values[name] = number
    for name in ("top1", "top10", "gini"):
        v = values[name]
        if 1 < v <= 100 and abs(v / 100 - truth[name]) <= tol:
            return _wrong(f"{name} = {v:g} looks like a percentage.", "give shares and the Gini as numbers between 0 and 1.")
    if values["gini"] < 0:
        return _wrong(f"a Gini coefficient of {values['gini']:.3f} is impossible: it lies between 0 and 1.",
                      "sort the degrees from smallest to largest before applying the formula (or use measures.gini).")
    for name in ("top1", "top10"):
        v = values[name]
        if v > 1:
            return _wrong(f"{name} = {v:.3f} is more than the whole market.",
                          "divide by the sum of all degrees (every tie has two ends), not by the number of ties.")
    if values["top1"] > values["top10"] + tol:
        return _wrong("top1 is larger than top10, but the top 10 % include the top 1 %.",
                      "check the order of your arguments: top1, top10, gini.")
    for name, label, k in (("top1", "1 %", 0.01), ("top10", "10 %", 0.10)):
        v = values[name]
        if abs(v - truth[name]) <= tol:
            continue
        if abs(v - 2 * truth[name]) <= 2 * tol:
            return _wrong(f"{name} is twice the right share.",
                          "each tie has two ends: divide by the sum of all degrees, not by the number of ties.")
        if abs(v - truth["oldest" + name[3:]]) <= tol:
            return _wrong(f"{name} = {v:.3f} is the share of the first {label} to arrive, not of the best connected.",
                          "sort the degrees from largest to smallest first. (The two are close: in a growing "
                          "market the oldest businesses collect the most ties.)")
        if abs(v - k) <= tol / 10:
            return _wrong(f"{name} = {v:g} is the share of businesses in the group, not of ties.",
                          "add up the degrees of the best-connected group and divide by the sum of all degrees.")
        return _wrong(f"{name} = {v:.3f} is not the share of ties held by the top {label}.",
                      "sort the degrees, largest first; take the first ceil(share x n); divide their sum by the total.")
    if abs(values["gini"] - truth["gini"]) > tol:
        return _wrong(f"the Gini coefficient is not {values['gini']:.3f}.",
                      "use measures.gini(degrees) or the formula with degrees sorted from smallest to largest.")
    return _ok(f"the top 1 % of businesses hold {truth['top1']:.1%} of all ties, the top 10 % hold "
               f"{truth['top10']:.1%}, and the Gini coefficient is {truth['gini']:.3f}.")


#: Exercise 2.4: whose partner should the small business become, with how many staff hours.
PARTNER_EXERCISE = {"n_customers": 600, "n_venues": 40, "seed": 1, "business": "Corner bookshop",
                    "scene": "books & coffee", "staff_hours": 4.0, "setup_hours": 2.0}


@functools.lru_cache(maxsize=1)
def _partner_values() -> tuple[nx.Graph, dict[str, dict[str, float]]]:
    from snb.datasets import check_in_city
    from snb.models import audience_from, outreach

    s = PARTNER_EXERCISE
    B = check_in_city(s["n_customers"], s["n_venues"], seed=s["seed"])
    mine = set(B[s["business"]])
    rows = {}
    for v, part in B.nodes(data="bipartite"):
        if part != 1 or v == s["business"]:
            continue
        audience = audience_from(B, set(B[v]) - mine, scene=s["scene"], name=v, setup_hours=s["setup_hours"])
        rows[v] = {"customers": outreach(audience, s["staff_hours"])["customers"], "size": B.degree(v),
                   "shared": len(set(B[v]) & mine), "fit": audience.fit, "new people": audience.size}
    return B, rows


@teaching_check
def check_partner_choice(partner: Any) -> Feedback:
    """Exercise 2.4: the one partner venue that wins the most customers with the staff hours available."""
    B, rows = _partner_values()
    s = PARTNER_EXERCISE
    if partner is ...:
        return _unanswered("the name of one venue, as text")
    if partner is None:
        return _invalid("partner is None.", "store the venue's name as text, e.g. 'MegaMart'.")
    if isinstance(partner, (set, list, tuple, frozenset)):
        return _invalid("partner is a collection; the exercise asks for one venue.",
                        "give a single name as text, e.g. 'MegaMart'.")
    if not isinstance(partner, str):
        return _invalid(f"expected a venue's name as text, got a {type(partner).__name__}.",
                        "give a single name as text, e.g. 'MegaMart'.")
    name = partner.strip()
    if name not in B:
        venues = [v for v, p in B.nodes(data="bipartite") if p == 1]
        return _invalid(f"{name!r} is not a place in this city.", _case_hint([name], venues))
    if B.nodes[name].get("bipartite") != 1:
        return _invalid(f"{name!r} is a customer, not a venue.", "choose among the venues (bipartite=1).")
    if name == s["business"]:
        return _wrong(f"{name} is the business itself.", "choose another venue to partner with.")
    best = max(rows, key=lambda v: rows[v]["customers"])
    top = rows[best]["customers"]
    mine = rows[name]
    hours = f"{s['staff_hours']:g} staff hours"
    if mine["customers"] >= top - 1e-9:
        biggest = max(rows, key=lambda v: rows[v]["size"])
        return _ok(f"{name} brings about {top:.1f} new customers a week with {hours}, more than any other "
                   f"partner; the biggest venue, {biggest}, would bring {rows[biggest]['customers']:.1f}, because "
                   f"most of the conversations it starts are with people who will not buy.")
    reasons = []
    if name == max(rows, key=lambda v: rows[v]["size"]):
        reasons.append("has the most customers")
    if name == max(rows, key=lambda v: rows[v]["shared"]):
        reasons.append(f"shares the most customers with {s['business']} (those are yours already)")
    if reasons:
        return _wrong(f"{name} {' and '.join(reasons)}, but what counts is who is new to you and fits: "
                      f"{mine['new people']} new people, only {mine['fit']:.0%} of whom fit, so with {hours} the "
                      f"replies go mostly to people who will not buy ({mine['customers']:.1f} new customers).",
                      "compare the outreach model's customers for every venue, not the size of its audience "
                      "or its overlap with yours.")
    if name == max(rows, key=lambda v: rows[v]["fit"]):
        return _wrong(f"{name}'s customers fit best, but only {mine['new people']} of them are new to you: "
                      f"too few conversations to use your hours ({mine['customers']:.1f} new customers).",
                      "fit matters, and so does having enough people to talk to.")
    return _wrong(f"{name} would bring about {mine['customers']:.1f} new customers a week; another partner brings more.",
                  "build an Audience for every venue (its customers who are not yours yet) and compare "
                  "models.outreach(audience, staff_hours)['customers'].")
