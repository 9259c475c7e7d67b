"""Chapter 2 exercise checks and their settings.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from typing import Any, Hashable, Iterable

import networkx as nx
import numpy as np

from snb.feedback import (
    Feedback,
    bounded_items,
    choice_check,
    correct,
    describe,
    graph_problem,
    invalid,
    number_problem,
    plural,
    teaching_check,
    unanswered,
    wrong,
)

__all__ = ["VISITS_EXERCISE", "CO_VISIT_EXERCISE", "CONCENTRATION_EXERCISE", "PARTNER_EXERCISE",
           "MANAGER_DECISION_EXERCISE", "DECISION_VERDICTS", "check_visits_network", "check_co_visits",
           "check_concentration",
           "check_partner_choice", "check_manager_decision"]


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
    """Exercise 2.1: the two-mode check-in network of :data:`VISITS_EXERCISE`.

    Parameters
    ----------
    B : networkx.Graph
        Customers and venues as nodes (with their ``bipartite`` side), visits as ties.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_visits_network(...).status
    'unanswered'
    >>> check_visits_network(nx.Graph([("Ana", "Ben")]))
    ✘ Not yet: not in the table: ["'Ana'", "'Ben'"].
      Hint: use the names exactly as they are written in the data.
    """
    if isinstance(B, nx.Graph) and B.is_multigraph():
        return invalid("this is a multigraph, with one tie per visit.",
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
        return wrong(f"not in the table: {sorted(map(describe, strangers))[:4]}.",
                     _case_hint(strangers, customers + venues))
    missing = [v for v in customers + venues if v not in B]
    if missing:
        return wrong(f"missing from your network: {_names(missing)}.",
                      "every customer and venue of the table is a node.")
    side = dict(B.nodes(data="bipartite"))
    unmarked = [v for v in B if side[v] not in (0, 1)]
    if unmarked:
        return wrong(f"{plural(len(unmarked), 'node has', 'nodes have')} no side, e.g. {describe(unmarked[0])} "
                     f"(bipartite={describe(side[unmarked[0]])}).",
                      "add customers with B.add_node(name, bipartite=0) and venues with bipartite=1.")
    if all(side[c] == 1 for c in customers) and all(side[v] == 0 for v in venues):
        return wrong("the two sides are swapped: customers are marked 1 and venues 0.",
                      "the course's convention: bipartite=0 for customers, bipartite=1 for venues.")
    for group, want, label in ((customers, 0, "a customer"), (venues, 1, "a venue")):
        for v in group:
            if side[v] != want:
                return wrong(f"{v} is {label} but has bipartite={side[v]}.",
                              f"{label[2:]}s get bipartite={want}.")
    for u, v in B.edges:
        if side[u] == side[v]:
            kind = "customers" if side[u] == 0 else "venues"
            return wrong(f"{u} and {v} are both {kind}, yet they are tied.",
                          "in a check-in network every tie joins a customer to a venue they visited.")
    pairs = {frozenset(p) for p in counts}
    have = {frozenset(e) for e in B.edges}
    if pairs - have:
        c, v = sorted(next(iter(sorted(pairs - have, key=sorted))), key=lambda x: x not in customers)
        return wrong(f"{plural(len(pairs - have), 'visit is', 'visits are')} missing, e.g. {c} at {v}.",
                      "add one tie for each customer-venue pair in the table.")
    if have - pairs:
        c, v = sorted(next(iter(sorted(have - pairs, key=sorted))), key=lambda x: x not in customers)
        return wrong(f"{c} never visited {v}, but your network ties them.",
                     "remove the ties that are not in the table.")
    values = {p: B.edges[p].get("visits") for p in counts}
    if all(v is None for v in values.values()):
        if all(B.edges[p].get("weight") == n for p, n in counts.items()):
            return wrong("the counts are right but stored as weight.",
                          "name the attribute visits, e.g. B.add_edge('Femi', 'Bean There', visits=2).")
        return wrong("the ties carry no visits count, but Femi went to Bean There twice.",
                      "store how often each customer went in the tie: B.add_edge(c, v, visits=n), or "
                      "B[c][v]['visits'] += 1 for each repeat visit.")
    if all(v == 1 for v in values.values()):
        return wrong("every tie says 1 visit, but some customers came back (Gus went to Spin Studio 3 times).",
                      "count the rows: a repeated row is a repeat visit.")
    for (c, v), n in counts.items():
        if values[(c, v)] != n:
            return wrong(f"{c} visited {v} {plural(n, 'time')}; your tie says {values[(c, v)]!r}.",
                          "count how many rows of the table name that customer and venue.")
    return correct(f"{len(customers)} customers, {len(venues)} venues, {len(counts)} customer-venue pairs and "
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
        return None, unanswered(f"a list of the top {k} pairs, e.g. [('A', 'B'), ...]")
    if answer is None:
        return None, invalid("top_pairs is None.", "store a list of pairs of venue names.")
    if isinstance(answer, dict):
        return None, invalid("top_pairs is a dictionary, not a list of pairs.",
                              "give a list such as [('A', 'B'), ('A', 'C'), ('B', 'C')].")
    if isinstance(answer, (str, bytes, int, float, nx.Graph)) or not isinstance(answer, Iterable):
        return None, invalid(f"top_pairs {describe(answer)} is not a list of pairs.",
                              "give a list such as [('A', 'B'), ('A', 'C'), ('B', 'C')].")
    items = bounded_items(answer, limit=1000)
    if items is None:
        return None, invalid("top_pairs has more than 1,000 members (or never ends).",
                              f"give a list of the top {k} pairs.")
    pairs = []
    for item in items:
        if isinstance(item, (str, bytes)) or not isinstance(item, Iterable):
            return None, invalid(f"{describe(item)} is not a pair of venues.", "write each pair as ('A', 'B').")
        item = list(itertools.islice(item, 4))
        if len(item) == 3 and isinstance(item[2], (int, float, np.integer, np.floating, Mapping)):
            # (u, v, weight) as measures.top_pairs gives them, or (u, v, {'weight': w})
            # as sorted(P.edges(data=True), ...) does
            item = item[:2]
        if len(item) != 2:
            return None, invalid(f"{describe(item)} does not have two venues.", "write each pair as ('A', 'B').")
        try:
            strangers = [x for x in item if x not in venues]
        except TypeError:
            return None, invalid("a pair contains values that cannot be venue names.", "write each pair as ('A', 'B').")
        if strangers:
            return None, invalid(f"{describe(strangers[0])} is not a venue of this city.",
                                  "pairs name two venues (bipartite=1); "
                                  + _case_hint([x for x in strangers if isinstance(x, str)], venues))
        if item[0] == item[1]:
            return None, invalid(f"the pair ({describe(item[0])}, {describe(item[1])}) names the same venue twice.")
        pairs.append(frozenset(item))
    if len(set(pairs)) != len(pairs):
        return None, invalid("the same pair appears twice.", f"name {k} different pairs.")
    return pairs, None


@teaching_check
def check_co_visits(venue_projection: Any, top_pairs: Any) -> Feedback:
    """Exercise 2.2: the venues' co-visit projection and its heaviest pairs.

    Parameters
    ----------
    venue_projection : networkx.Graph
        The one-mode projection onto the venues, weighted by shared customers.
    top_pairs : list of (str, str, int)
        The heaviest pairs of the projection with their weights.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_co_visits(..., ...).status
    'unanswered'
    >>> check_co_visits(nx.Graph(), [])
    ! Cannot check this answer: the network is empty: it has no people yet.
      Hint: add people and ties before checking.
    """
    B, truth = _co_visit_truth()
    k = CO_VISIT_EXERCISE["k"]
    P = venue_projection
    problem = graph_problem(P, max_nodes=5000, what="the venue projection (a networkx Graph)")
    if problem:
        return problem
    venues, customers = set(truth), {v for v, p in B.nodes(data="bipartite") if p == 0}
    nodes = set(P)
    if nodes == customers:
        return wrong("the nodes of your projection are the customers.",
                      "project onto the venues: the nodes with bipartite=1.")
    if nodes & customers:
        return wrong(f"your projection contains {plural(len(nodes & customers), 'customer')} as well as venues.",
                      "a projection keeps one side only: pass the venues to weighted_projected_graph.")
    if nodes != venues:
        strangers = sorted(map(describe, nodes - venues))[:3]
        return wrong(f"the nodes should be the city's {len(venues)} venues"
                     + (f"; not in the city: {strangers}." if strangers else
                        f"; {len(venues - nodes)} {'is' if len(venues - nodes) == 1 else 'are'} missing."),
                      "project B onto all of its venues (bipartite=1), without filtering.")
    want = {frozenset(e): w for *e, w in truth.edges(data="weight")}
    have = {frozenset((u, v)): d for u, v, d in P.edges(data=True)}
    if set(have) - set(want):
        u, v = sorted(next(iter(sorted(set(have) - set(want), key=sorted))))
        return wrong(f"{u} and {v} are tied, but no customer went to both.",
                      "two venues are tied only when they share at least one customer.")
    if set(want) - set(have):
        untied = plural(len(set(want) - set(have)), 'pair of venues shares customers but is',
                        'pairs of venues share customers but are')
        return wrong(f"{untied} not tied.",
                      "use bipartite.weighted_projected_graph(B, venues).")
    if all("weight" not in d for d in have.values()):
        return wrong("the ties have no weight, so you cannot tell a pair with one shared customer from one with fifty.",
                      "bipartite.weighted_projected_graph(B, venues) counts shared customers in 'weight'.")
    for pair, w in want.items():
        got = have[pair].get("weight")
        if got != w:
            u, v = sorted(pair)
            if isinstance(got, float) and got <= 1:
                return wrong(f"the weight of {u} and {v} is {got:.2f}, a share rather than a count.",
                              "use weighted_projected_graph (shared customers), not overlap_weighted_projected_graph.")
            return wrong(f"{u} and {v} share {plural(w, 'customer')}; your tie says {describe(got)}.",
                          "the weight counts shared customers (not visits): weighted_projected_graph does this.")
    pairs, problem = _pair_list(top_pairs, venues, k)
    if problem:
        return problem
    if len(pairs) != k:
        return wrong(f"give the top {k} pairs; you gave {len(pairs)}.",
                      "sort the ties by weight and keep the first three.")
    ranked = sorted(want.values(), reverse=True)
    threshold = ranked[k - 1]
    for pair in pairs:
        if pair not in want:
            u, v = sorted(pair)
            return wrong(f"{u} and {v} share no customers at all.", "pick pairs among the projection's ties.")
    if sorted((want[p] for p in pairs), reverse=True) != ranked[:k]:
        weakest = min(pairs, key=lambda p: want[p])
        u, v = sorted(weakest)
        overlap = nx.bipartite.overlap_weighted_projected_graph(B, list(truth))
        by_share = {frozenset(e) for e in sorted(overlap.edges, key=lambda e: -overlap.edges[e]["weight"])[:k]}
        if set(pairs) == by_share:
            return wrong("these are the pairs with the largest overlap relative to their size.",
                          "the question asks for the most shared customers: rank by the count in 'weight'.")
        return wrong(f"{u} and {v} share {plural(want[weakest], 'customer')}, but the third-busiest pair "
                     f"shares {threshold}.",
                      "sort the projection's ties by their weight, largest first (measures.top_pairs does it).")
    names = sorted({v for p in pairs for v in p})
    chains = [v for v in names if B.nodes[v].get("size") == "chain"]
    note = (f" All of them involve chains ({', '.join(chains)}): venues that everybody visits share many "
            "customers with anyone, which is why raw co-visit counts favour the big." if chains else "")
    return correct(f"the projection has {truth.number_of_nodes()} venues and {truth.number_of_edges()} co-visit ties; "
               f"the top {k} pairs share {', '.join(map(str, ranked[:k]))} customers.{note}")


#: Exercise 2.3: the market (customers choosing businesses) whose concentration is measured.
CONCENTRATION_EXERCISE = {"n_customers": 5000, "n_businesses": 500, "alpha": 1.0, "seed": 7, "tolerance": 0.005}


@functools.lru_cache(maxsize=1)
def _concentration_truth() -> dict[str, float]:
    from snb.measures import gini, top_share
    from snb.models import customers_per_business

    s = CONCENTRATION_EXERCISE
    customers = customers_per_business(s["n_customers"], s["n_businesses"], s["alpha"], seeds=[s["seed"]])[0]
    n = customers.size
    return {"top1": top_share(customers, 0.01), "top10": top_share(customers, 0.10), "gini": gini(customers),
            "oldest1": customers[: n // 100].sum() / customers.sum(),
            "oldest10": customers[: n // 10].sum() / customers.sum()}


@teaching_check
def check_concentration(top1: Any, top10: Any, gini: Any) -> Feedback:
    """Exercise 2.3: top 1 % share, top 10 % share and Gini of the customers per business.

    Parameters
    ----------
    top1, top10 : float
        Shares of all customers held by the top 1 % and the top 10 % of businesses, between 0
        and 1.
    gini : float
        The Gini coefficient of the customers per business.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_concentration(..., ..., ...).status
    'unanswered'
    >>> check_concentration(0.2, 0.1, 0.5)
    ✘ Not yet: top1 is larger than top10, but the top 10 % include the top 1 %.
      Hint: check the order of your arguments: top1, top10, gini.
    """
    truth = _concentration_truth()
    tol = CONCENTRATION_EXERCISE["tolerance"]
    n = CONCENTRATION_EXERCISE["n_businesses"]
    values = {}
    for name, value in (("top1", top1), ("top10", top10), ("gini", gini)):
        number, problem = number_problem(value, what=f"{name}, a share between 0 and 1")
        if problem:
            return problem
        values[name] = number
    for name in ("top1", "top10", "gini"):
        v = values[name]
        if 1 < v <= 100 and abs(v / 100 - truth[name]) <= tol:
            return wrong(f"{name} = {v:g} looks like a percentage.",
                         "give shares and the Gini as numbers between 0 and 1.")
    if values["gini"] < 0:
        return wrong(f"a Gini coefficient of {values['gini']:.3f} is impossible: it lies between 0 and 1.",
                      "sort the numbers from smallest to largest before applying the formula (or use measures.gini).")
    for name in ("top1", "top10"):
        v = values[name]
        if v > 1:
            return wrong(f"{name} = {v:.3f} is more than the whole market.",
                          "divide by the customers of all businesses together.")
    if values["top1"] > values["top10"] + tol:
        return wrong("top1 is larger than top10, but the top 10 % include the top 1 %.",
                      "check the order of your arguments: top1, top10, gini.")
    for name, label, k in (("top1", "1 %", 0.01), ("top10", "10 %", 0.10)):
        v = values[name]
        size = max(1, int(np.ceil(k * n)))
        if abs(v - truth[name]) <= tol:
            continue
        if abs(v - truth["oldest" + name[3:]]) <= tol:
            return wrong(f"{name} = {v:.3f} is the share of the first {label} to open, not of the largest.",
                          "sort the numbers of customers from largest to smallest first. (The two are close: "
                          "in a growing market the oldest businesses collect the most customers.)")
        if abs(v - k) <= tol / 10:
            return wrong(f"{name} = {v:g} is the share of businesses in the group, not of customers.",
                          f"add up the customers of the largest {plural(size, 'business', 'businesses')} and divide "
                          "by all customers.")
        return wrong(f"{name} = {v:.3f} is not the share of customers held by the top {label}.",
                      f"sort the numbers, largest first; the top {label} of {n} businesses are the first "
                      f"{size}; divide their sum by the total.")
    if abs(values["gini"] - truth["gini"]) > tol:
        return wrong(f"the Gini coefficient is not {values['gini']:.3f}.",
                      "use measures.gini(customers) or the formula with the numbers sorted from smallest to largest.")
    return correct(f"the largest 1 % of businesses ({n // 100} of {n}) hold {truth['top1']:.1%} of all customers, "
               f"the largest 10 % hold {truth['top10']:.1%}, and the Gini coefficient is {truth['gini']:.3f}.")


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
    """Exercise 2.4: the one partner venue that wins the most customers with the staff hours available.

    Parameters
    ----------
    partner : str
        The venue's name, as written in the data.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_partner_choice(...).status
    'unanswered'
    >>> check_partner_choice("Nowhere bar")
    ! Cannot check this answer: 'Nowhere bar' is not a place in this city.
      Hint: use the names exactly as they are written in the data.
    """
    B, rows = _partner_values()
    s = PARTNER_EXERCISE
    if partner is ...:
        return unanswered("the name of one venue, as text")
    if partner is None:
        return invalid("partner is None.", "store the venue's name as text, e.g. 'MegaMart'.")
    if isinstance(partner, (set, list, tuple, frozenset)):
        return invalid("partner is a collection; the exercise asks for one venue.",
                        "give a single name as text, e.g. 'MegaMart'.")
    if not isinstance(partner, str):
        return invalid(f"expected a venue's name as text, got a {type(partner).__name__}.",
                        "give a single name as text, e.g. 'MegaMart'.")
    name = partner.strip()
    if name not in B:
        venues = [v for v, p in B.nodes(data="bipartite") if p == 1]
        return invalid(f"{name!r} is not a place in this city.", _case_hint([name], venues))
    if B.nodes[name].get("bipartite") != 1:
        return invalid(f"{name!r} is a customer, not a venue.", "choose among the venues (bipartite=1).")
    if name == s["business"]:
        return wrong(f"{name} is the business itself.", "choose another venue to partner with.")
    best = max(rows, key=lambda v: rows[v]["customers"])
    top = rows[best]["customers"]
    mine = rows[name]
    hours = f"{s['staff_hours']:g} staff hours"
    if mine["customers"] >= top - 1e-9:
        biggest = max(rows, key=lambda v: rows[v]["size"])
        return correct(f"{name} brings about {top:.1f} new customers a week with {hours}, more than any other "
                   f"partner; the biggest venue, {biggest}, would bring {rows[biggest]['customers']:.1f}, because "
                   f"most of the conversations it starts are with people who will not buy.")
    reasons = []
    if name == max(rows, key=lambda v: rows[v]["size"]):
        reasons.append("has the most customers")
    if name == max(rows, key=lambda v: rows[v]["shared"]):
        reasons.append(f"shares the most customers with {s['business']} (those are yours already)")
    if reasons:
        return wrong(f"{name} {' and '.join(reasons)}, but what counts is who is new to you and fits: "
                     f"{plural(mine['new people'], 'new person', 'new people')}, only {mine['fit']:.0%} of whom "
                     f"fit, so with {hours} the "
                      f"replies go mostly to people who will not buy ({mine['customers']:.1f} new customers).",
                      "compare the outreach model's customers for every venue, not the size of its audience "
                      "or its overlap with yours.")
    if name == max(rows, key=lambda v: rows[v]["fit"]):
        verb = "is" if mine["new people"] == 1 else "are"
        return wrong(f"{name}'s customers fit best, but only {mine['new people']} of them {verb} new to you: "
                      f"too few conversations to use your hours ({mine['customers']:.1f} new customers).",
                      "fit matters, and so does having enough people to talk to.")
    return wrong(f"{name} would bring about {mine['customers']:.1f} new customers a week; another partner brings more.",
                  "build an Audience for every venue (its customers who are not yours yet) and compare "
                  "models.outreach(audience, staff_hours)['customers'].")


# ---------------------------------------------------------------- exercise 2.5
#: Exercise 2.5: a decision for the bookshop's manager, and the options offered.
MANAGER_DECISION_EXERCISE = {
    "business": "Corner bookshop", "staff_hours": 6, "cities": 20,
    "options": {
        "A": "Broadcast to the whole city: the chains are everywhere, so the bookshop must be too.",
        "B": "Work the books-and-coffee niche and answer everyone in it.",
        "C": "Hedge: spend 3 hours on the niche and 3 hours on broad reach.",
        "D": "Wait until the shop can pay for 40 hours a week, then go broad.",
    },
}


@functools.lru_cache(maxsize=1)
def _decision_values() -> dict[str, Any]:
    """The outreach model's results behind each option, over the chapter's 20 cities."""
    from snb.datasets import check_in_city
    from snb.models import bookshop_audiences, outreach
    from snb.stats import mean_interval

    s = MANAGER_DECISION_EXERCISE
    pairs = [bookshop_audiences(check_in_city(600, 40, seed=k), s["business"]) for k in range(s["cities"])]
    h = s["staff_hours"]

    def won(which: int, hours: float) -> Any:
        return mean_interval([outreach(p[which], hours)["customers"] for p in pairs])

    return {"broad": won(0, h), "niche": won(1, h), "niche half": won(1, h / 2), "broad half": won(0, h / 2),
            "broad 40": won(0, 40), "niche 40": won(1, 40),
            "niche hours": float(np.mean([outreach(p[1], 1000)["hours used"] for p in pairs]))}


#: The registered verdicts the feedback of exercise 2.5 states (page 02-4 prints the same).
DECISION_VERDICTS = ("02-niche-6-hours", "02-broad-40-hours", "02-niche-hours-region")


def _decision_verdicts() -> dict[str, Any]:
    """The stored verdicts behind exercise 2.5 (seed base 0, as the page prints them)."""
    from snb import verdicts  # the registry's stored results; loaded only when a check needs them

    return {id: verdicts.stored(id) for id in DECISION_VERDICTS}


def _last_hour(region: Any) -> str:
    held = [p["x"] for p in region.details["points"] if p["holds"]]
    return f"{max(held):g}" if held else "no"


def _decision_text(letter: str) -> str:
    from snb.verdicts import fmt  # with the registry's stored results, as the pages print them

    v = _decision_values()
    verdict = _decision_verdicts()
    six, forty = verdict["02-niche-6-hours"], verdict["02-broad-40-hours"]
    h = MANAGER_DECISION_EXERCISE["staff_hours"]
    return {
        "B": f"with {h} staff hours the niche wins about {v['niche'].mean:.1f} new customers a week "
             f"against {v['broad'].mean:.1f} from broad reach, {six.interval_text()} more over "
             f"{six.n} cities (verdict: {six.label}). Almost every answered conversation is with "
             f"someone who fits, and about {v['niche hours']:.0f} hours answer everyone in it. The "
             f"niche beats broad reach up to {_last_hour(verdict['02-niche-hours-region'])} hours "
             "a week: revisit the choice if the hours grow past that.",
        "A": f"broad reach with {h} hours wins only about {v['broad'].mean:.1f} new customers a week, "
             f"while the option that uses the hours best wins more: broad reach starts far more "
             f"conversations than {h} hours can answer, and most of the answered ones are with people "
             "who will not buy.",
        "C": f"3 hours do not even cover broad reach's 4 set-up hours, so that half wins "
             f"{v['broad half'].mean:.1f} customers, and 3 hours in the niche win "
             f"{v['niche half'].mean:.1f}: about {v['broad half'].mean + v['niche half'].mean:.1f} in all, "
             f"less than putting all {h} hours into one channel that can use them.",
        "D": f"with 40 hours broad reach would win about {v['broad 40'].mean:.1f} a week, "
             f"{fmt(-forty.estimate)} more than the narrower plan with the same hours (95 % CI "
             f"{fmt(-forty.high)} to {fmt(-forty.low)}; verdict: {forty.label}), and meanwhile the "
             "shop wins nothing while it waits.",
    }[letter]


_DECISION_HINTS = {
    "A": "being where the chains are pays only with the chains' staff; compare what each audience "
         "wins with the hours you have.",
    "C": "a hedge pays when each half can work on its own; here every channel first needs its set-up hours.",
    "D": "waiting wins nothing; start where your hours are enough, and switch when they grow.",
}


@teaching_check
def check_manager_decision(decision: Any) -> Feedback:
    """Exercise 2.5: the plan to advise, as a letter A to D or the option's text (any case).

    Parameters
    ----------
    decision : str
        One letter, A to D, or the text of an option.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_manager_decision(...).status
    'unanswered'
    >>> check_manager_decision(3)
    ! Cannot check this answer: expected one letter as text, got 3.
      Hint: write one letter, A, B, C or D, in quotes: decision = "..." with the letter inside.
    """
    return choice_check(decision, MANAGER_DECISION_EXERCISE["options"], "B", _DECISION_HINTS,
                        feedback=_decision_text, name="decision")
