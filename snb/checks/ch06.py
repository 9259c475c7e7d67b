"""Chapter 6 (capstone) checks and their settings: the network audit of one company.

Every check recomputes the answer from the seeded case (:func:`snb.models.case.audit_case`
with :data:`AUDIT`'s settings) and explains a wrong answer by the mistake most likely
behind it.
"""

from __future__ import annotations

import functools
import math
import numbers
from typing import Any, Hashable, Mapping

import networkx as nx
import numpy as np

from snb import measures, stats, verdicts
from snb.feedback import (
    Feedback,
    choice_check,
    correct,
    describe,
    graph_problem,
    invalid,
    node_set_problem,
    number_problem,
    plural,
    teaching_check,
    unanswered,
    wrong,
)
from snb.models import brokerage, case

__all__ = ["AUDIT", "RECOMMENDATION_OPTIONS", "audit_answers", "check_customer_export", "check_seeding_gap",
           "check_venue_concentration", "check_community_stability", "check_key_people", "check_influencers",
           "check_recommendation", "OUTPOST_EXERCISE", "check_second_link", "ASSUMPTION_OPTIONS",
           "check_assumption"]

#: The audit's settings, shared by the pages, the checks and the claims tests.
AUDIT: dict[str, Any] = {
    "seed": 1, "scale": 1,                      # the case
    "export": "customer-ties.csv",              # task 6.1
    "budget": 5, "p": 0.1, "replications": 20, "runs": 50, "simulation seed": 0,  # task 6.2
    "top fraction": 0.2,                        # task 6.3
    "method": "Louvain", "seeds": 20,           # task 6.4: seeds 0 to 19, each compared with seed 0
    "broker measure": "low constraint", "brokers": 5, "cut off at least": 2,      # task 6.5
    "influence measure": "strength-weighted PageRank", "influencers": 6,         # task 6.7
}

#: Task 6.6: an outpost, its connector and the colleagues he knows in the firm; one new tie to add.
OUTPOST_EXERCISE: dict[str, Any] = {
    "outpost": ("Head", "Ana", "Ben", "Chloe", "Dev", "Eva"),
    "firm": ("Firm A", "Firm B"),
    "ties": (("Head", "Firm A"), ("Head", "Firm B"), ("Firm A", "Firm B")),
}

#: Task 6.8: the launch plan to recommend, with feedback for each option.
RECOMMENDATION_OPTIONS: dict[str, str] = {
    "A": "Brief the six customers with the most contacts: in the cascade they start the biggest "
         "spread, whatever else is true.",
    "B": "Give the samples to six customers drawn at random: random seeds reach as far as any plan.",
    "C": "Brief the six most trusted customers (named most often in the trust survey): trust is what "
         "makes people pass news on.",
    "D": "Brief the six best-connected customers, unless a pilot shows that news passes on mainly "
         "through trusted ties; then brief the most trusted. Give each outpost a second link first.",
}

#: Task 6.9: the assumption the launch plan rests on.
ASSUMPTION_OPTIONS: dict[str, str] = {
    "A": "The customers with the most contacts are the loud ones, with weak ties.",
    "B": "Whether customers pass the news on more readily to contacts who trust them.",
    "C": "Whether the customer segments found by Louvain are stable across random seeds.",
    "D": "Whether the free samples are handed out at random.",
}


@functools.lru_cache(maxsize=2)
def _case(seed: int = AUDIT["seed"], scale: int = AUDIT["scale"]) -> case.Case:
    return case.audit_case(seed=seed, scale=scale)


class _Answers(Mapping):
    """The audit's answers by name, each group computed on first use and then kept: a check
    pays only for the tasks it checks (the communities' 20 Louvain runs are most of it)."""

    def __init__(self) -> None:
        self._known: dict[str, Any] = {}

    def _compute(self, key: str) -> dict[str, Any]:
        c, a = _case(), AUDIT
        if key == "seeding":
            return {"seeding": case.seeding_study(c.customers, a["budget"], a["p"],
                                                  replications=a["replications"], runs=a["runs"],
                                                  seed=a["simulation seed"])}
        if key in ("venue visits", "top share", "gini"):
            visits = case.venue_visits(c.visits)
            return {"venue visits": visits, "top share": measures.top_share(visits, a["top fraction"]),
                    "gini": measures.gini(visits)}
        if key in ("runs", "communities", "stability"):
            runs = case.community_runs(c.customers, range(a["seeds"]), a["method"])
            return {"runs": runs, "communities": len(runs[0]), "stability": case.stability(c.customers, runs)}
        if key == "broker scores":
            return {"broker scores": brokerage.broker_scores(c.staff, a["broker measure"])}
        if key in ("cut", "at risk"):
            cut = case.cut_people(c.staff)
            return {"cut": cut,
                    "at risk": {v for v, loss in cut.items() if loss["cut off"] >= a["cut off at least"]}}
        if key == "influence":
            return {"influence": {m: case.influencer_scores(c.customers, m) for m in case.INFLUENCE_MEASURES}}
        raise KeyError(key)

    def __getitem__(self, key: str) -> Any:
        if key not in self._known:
            self._known.update(self._compute(key))
        return self._known[key]

    def __iter__(self):
        return iter(ANSWER_KEYS)

    def __len__(self) -> int:
        return len(ANSWER_KEYS)


#: The names :func:`audit_answers` offers.
ANSWER_KEYS: tuple[str, ...] = ("seeding", "venue visits", "top share", "gini", "runs", "communities",
                                "stability", "broker scores", "cut", "at risk", "influence")


@functools.lru_cache(maxsize=1)
def audit_answers() -> Mapping[str, Any]:
    """Every task's answer from the case with :data:`AUDIT`'s settings, by name
    (:data:`ANSWER_KEYS`), each computed when first asked for and then kept."""
    return _Answers()


def _close(a: float, b: float, tol: float) -> bool:
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def _shown_close(value: float, truth: float) -> bool:
    """``value`` is ``truth``, or ``truth`` rounded to 2 decimals or more (0.45 for 0.4517)."""
    return _close(value, truth, 1e-4) or any(abs(value - round(truth, d)) < 1e-9 for d in range(2, 7))


def _top_problem(chosen: set, scores: Mapping[Hashable, float], k: int, what: str) -> Feedback | None:
    """None when ``chosen`` is a top ``k`` of ``scores`` (any order among equal scores), else why not."""
    if len(chosen) != k:
        return invalid(f"expected {plural(k, 'member')} in {what}, got {len(chosen)}.",
                        f"keep the first {k} of the ranking.")
    kth = sorted(scores.values(), reverse=True)[k - 1]
    sure = {v for v, s in scores.items() if s > kth + 1e-12}
    if sure <= chosen and all(scores[v] >= kth - 1e-12 for v in chosen):
        return None
    low = [v for v in chosen if scores[v] < kth - 1e-12]
    return wrong(f"{plural(max(len(low), 1), 'member')} of {what} not among the {k} highest scores.",
                  "sort the scores from the highest down and keep the first ones.")


# ------------------------------------------------------------------ task 6.1
@teaching_check
def check_customer_export(G: Any) -> Feedback:
    """Task 6.1: the customer network rebuilt from ``customer-ties.csv``, with whole-number strengths.

    Parameters
    ----------
    G : networkx.Graph
        Customers as nodes, ties with their ``strength``.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_customer_export(...).status
    'unanswered'
    >>> check_customer_export(nx.DiGraph([("a", "b")]))
    ! Cannot check this answer: this is a directed network (a DiGraph), but the exercise is about two-way ties.
      Hint: use nx.Graph() instead, or convert with G.to_undirected().
    """
    problem = graph_problem(G, max_nodes=100_000, what="the customer network (a networkx Graph)")
    if problem:
        return problem
    want = _case().customers
    if G.number_of_nodes() and all(isinstance(v, (int, np.integer)) for v in G):
        return wrong("the customers are numbers in your network, but the export names them c0001, c0002, ...",
                      "keep the names as they are in the file.")
    missing, extra = set(want) - set(G), set(G) - set(want)
    if extra:
        return wrong(f"{plural(len(extra), 'node')} that are not customers, e.g. {sorted(map(str, extra))[:3]}.",
                      "did the header row (customer, contact, strength) become a tie? Skip it, or use "
                      "csv.DictReader.")
    if missing:
        return wrong(f"{plural(len(missing), 'customer')} missing, e.g. {sorted(missing)[:3]}.",
                      "read every row of the file; each row is one tie.")
    have = {frozenset(e) for e in G.edges}
    wanted = {frozenset(e) for e in want.edges}
    if have != wanted:
        return wrong(f"{plural(len(wanted - have), 'tie')} missing and {plural(len(have - wanted), 'tie')} "
                      "too many.", "each row is one tie between `customer` and `contact`.")
    strength = nx.get_edge_attributes(G, "strength")
    if len(strength) < G.number_of_edges():
        return wrong(f"{plural(G.number_of_edges() - len(strength), 'tie')} without a `strength`.",
                      "add the column as an edge attribute: G.add_edge(a, b, strength=...).")
    if any(isinstance(s, str) for s in strength.values()):
        return wrong("the strengths are text, such as '3', not numbers.",
                      "convert them with int(row['strength']) before adding the tie.")
    odd = next((s for s in strength.values() if isinstance(s, (bool, np.bool_))
                or not isinstance(s, (numbers.Real, np.integer, np.floating))), None)
    if odd is not None:
        return wrong(f"a strength is {describe(odd)}, not a whole number.",
                     "convert each strength with int(row['strength']) before adding the tie.")
    differ = [e for e in want.edges if strength.get(e, strength.get(e[::-1])) != want.edges[e]["strength"]]
    if differ:
        return wrong(f"{plural(len(differ), 'tie')} with a strength that differs from the file.",
                      "take `strength` from the same row as the tie.")
    total = sum(int(s) for s in strength.values())  # each equals a whole number of the file
    return correct(f"{G.number_of_nodes():,} customers and {G.number_of_edges():,} ties, {total:,} conversations "
               f"a month in all; mean degree {2 * G.number_of_edges() / G.number_of_nodes():.1f}.")


# ------------------------------------------------------------------ task 6.2
VERDICTS = ("broadcast beats peer", "peer beats broadcast", "broadcast and peer are indistinguishable")


@teaching_check
def check_seeding_gap(gap: Any, verdict: Any) -> Feedback:
    """Task 6.2: broadcast minus peer reach, and the verdict.

    Parameters
    ----------
    gap : Interval or float
        The difference broadcast minus peer (the Interval, or its mean).
    verdict : str
        The verdict the difference supports.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_seeding_gap(..., ...).status
    'unanswered'
    >>> check_seeding_gap("big", "peer beats broadcast")
    ! Cannot check this answer: the answer is the text 'big', not a number.
      Hint: remove the quotes: 0.5, not '0.5'.
    """
    if gap is ...:
        return unanswered("the difference broadcast minus peer (the Interval, or its mean)")
    value = gap.mean if isinstance(gap, stats.Interval) else gap
    value, problem = number_problem(value, what="the mean difference in reach, broadcast minus peer")
    if problem:
        return problem
    if verdict is ...:
        return unanswered("the verdict, as stats.verdict returns it")
    if not isinstance(verdict, str):
        return invalid(f"the verdict should be text, got {describe(verdict)}.",
                        'use stats.verdict(gap, "broadcast", "peer").')
    want = audit_answers()["seeding"]
    iv = want["gap"]
    if _close(value, -iv.mean, 0.01):
        return wrong(f"{value:.2f} is peer minus broadcast; the task asks for broadcast minus peer.",
                      "stats.difference(broadcast, peer) subtracts its second argument from its first.")
    if not _close(value, iv.mean, 0.01):
        single = [float(want["broadcast"][0] - want["peer"][0])]
        if any(_close(value, s, 0.01) for s in single):
            return wrong("that is the difference of one replication, not the mean of 20.",
                          "compare all 20 replications with stats.difference(broadcast, peer).")
        return wrong(f"the mean difference is not {value:.2f} with the task's settings.",
                      f"use case.seeding_study(customers, {AUDIT['budget']}, {AUDIT['p']}) or "
                      "diffusion.seeding_replications with replications=20, runs=50, seed=0.")
    clean = " ".join(verdict.strip().lower().split())
    if clean not in VERDICTS:
        return invalid(f"{describe(verdict)} is not one of the three verdicts.",
                        "one of: " + "; ".join(VERDICTS) + ".")
    if clean != want["verdict"]:
        return wrong(f"with an interval of {iv.format(1)} the verdict is not {clean!r}.",
                      "a strategy wins only when the interval of the difference excludes zero.")
    return correct(f"broadcast reaches {iv.format(1)} more customers than peer seeding at p = {AUDIT['p']}: "
               f"{want['verdict']}. Look at the sweep before recommending it: the verdict depends on p.")


# ------------------------------------------------------------------ task 6.3
@teaching_check
def check_venue_concentration(top_share: Any, gini: Any) -> Feedback:
    """Task 6.3: the share of check-ins at the busiest fifth of venues, and the Gini coefficient.

    Parameters
    ----------
    top_share : float
        The busiest 20 % of venues' share of all check-ins, between 0 and 1.
    gini : float
        The Gini coefficient of check-ins per venue.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_venue_concentration(..., ...).status
    'unanswered'
    >>> check_venue_concentration("most", 0.5)
    ! Cannot check this answer: the answer is the text 'most', not a number.
      Hint: remove the quotes: 0.5, not '0.5'.
    """
    top, problem = number_problem(top_share, what="the share of check-ins at the busiest 20 % of venues")
    if problem:
        return problem
    g, problem = number_problem(gini, what="the Gini coefficient of check-ins per venue")
    if problem:
        return problem
    ans, c = audit_answers(), _case()
    if top > 1 or g > 1 or top < 0 or g < 0:
        return invalid("shares and the Gini coefficient lie between 0 and 1.",
                        "give 0.45 for 45 %, not 45.")
    if not _shown_close(top, ans["top share"]):
        visitors = {v: c.visits.degree(v) for v in ans["venue visits"]}
        if _close(top, measures.top_share(visitors, AUDIT["top fraction"]), 1e-4):
            return wrong("that share counts customers per venue, not check-ins.",
                          "weigh each customer-venue tie by its `visits`.")
        return wrong(f"the busiest 20 % of venues do not hold {top:.1%} of check-ins.",
                      "sum `visits` per venue, then use measures.top_share(visits, 0.2).")
    if not _shown_close(g, ans["gini"]):
        return wrong(f"the Gini coefficient of check-ins per venue is not {g:.3f}.",
                      "use measures.gini on the same check-ins per venue.")
    chains = sum(ans["venue visits"][v] for v in ans["venue visits"] if c.visits.nodes[v]["size"] == "chain")
    share = chains / sum(ans["venue visits"].values())
    return correct(f"the busiest fifth of venues hold {ans['top share']:.0%} of check-ins (Gini "
               f"{ans['gini']:.2f}); the {plural(_chains(), 'chain')} alone hold {share:.0%}.")


def _chains() -> int:
    """How many venues of the case are chains."""
    c = _case()
    return sum(1 for _, size in c.visits.nodes(data="size") if size == "chain")


# ------------------------------------------------------------------ task 6.4
@teaching_check
def check_community_stability(count: Any, stability: Any) -> Feedback:
    """Task 6.4: the number of communities Louvain finds with seed 0, and how stable they are.

    Parameters
    ----------
    count : int
        The number of communities found with seed 0.
    stability : float
        The mean adjusted Rand index of seeds 1 to 19 with seed 0.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_community_stability(..., ...).status
    'unanswered'
    >>> check_community_stability("six", 0.9)
    ! Cannot check this answer: the answer is the text 'six', not a number.
      Hint: remove the quotes: 0.5, not '0.5'.
    """
    n, problem = number_problem(count, what="the number of communities found with seed 0")
    if problem:
        return problem
    s, problem = number_problem(stability, what="the mean adjusted Rand index with seed 0's communities")
    if problem:
        return problem
    ans = audit_answers()
    if n != ans["communities"]:
        return wrong(f"Louvain with seed 0 finds {plural(ans['communities'], 'community', 'communities')} "
                      f"of the customers, not {n:g}.",
                      "use communities.detect(customers, 'Louvain', seed=0) (ties count once: weight=None).")
    runs = ans["stability"]
    if not -1 <= s <= 1:
        return invalid(f"an adjusted Rand index lies between -1 and 1, not {s:g}.",
                        "average the indices, do not sum them.")
    with_self = float(np.append(runs, 1.0).mean())
    if _close(s, with_self, 0.001) and not _close(with_self, runs.mean(), 0.001):
        return wrong("your mean includes seed 0 compared with itself (always 1).",
                      "compare seeds 1 to 19 with seed 0: 19 values.")
    if not _close(s, float(runs.mean()), 0.001):
        return wrong(f"the mean adjusted Rand index is not {s:.3f}.",
                      "case.stability(customers, runs) compares each later run with the first.")
    iv = stats.mean_interval(runs)
    return correct(f"{plural(int(n), 'community', 'communities')}; other seeds agree with seed 0 at an adjusted Rand "
               f"index of {iv.format(2)}: the segments are stable enough to plan with, but not identical.")


# ------------------------------------------------------------------ task 6.5
@teaching_check
def check_key_people(brokers: Any, at_risk: Any) -> Feedback:
    """Task 6.5: the staff with the lowest constraint, and those whose departure would cut colleagues off.

    Parameters
    ----------
    brokers : set
        The five staff with the lowest constraint.
    at_risk : set
        The staff whose departure would cut off at least two colleagues from the rest of the
        firm.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_key_people(..., ...).status
    'unanswered'
    >>> check_key_people({"Ana"}, ...)
    ! Cannot check this answer: these are not in the network: ["'Ana'"].
      Hint: node names must match exactly, including capital letters.
    """
    c, ans = _case(), audit_answers()
    found, problem = node_set_problem(brokers, c.staff, what="the five staff with the lowest constraint")
    if problem:
        return problem
    problem = _top_problem(found, ans["broker scores"], AUDIT["brokers"], "your brokers")
    if problem:
        top_high = set(brokerage.top_k({v: -s for v, s in ans["broker scores"].items()}, AUDIT["brokers"]))
        if found == top_high:
            return wrong("these have the highest constraint: the most closed-in people, not brokers.",
                          "a broker has LOW constraint: sort from the lowest up.")
        return problem
    risky, problem = node_set_problem(at_risk, c.staff, what="the staff who would cut off colleagues")
    if problem:
        return problem
    want = ans["at risk"]
    if risky != want:
        every = set(ans["cut"])
        if risky == every:
            return wrong(f"all {plural(len(every), 'articulation point')} cut someone off, but most only one "
                          "person; the task asks for departures that cut off at least two.",
                          "use the `cut off` column of case.cut_people.")
        return wrong(f"{plural(len(risky ^ want), 'person', 'people')} too many or missing.",
                      "case.cut_people(staff) lists who cuts off how many; keep `cut off` >= 2.")
    planted = len(found & c.truth.brokers)
    return correct(f"{plural(planted, 'planted broker')} among your {len(found)} (the case's answer key). "
               f"{plural(len(want), 'person', 'people')} at risk: "
               + ", ".join(f"{v} (cuts off {ans['cut'][v]['cut off']})" for v in sorted(want))
               + ". Each is an outpost's only link to the firm.")


# ------------------------------------------------------------------ task 6.6
def _outpost_ties() -> set[frozenset]:
    team = OUTPOST_EXERCISE["outpost"]
    inside = {frozenset((a, b)) for i, a in enumerate(team) for b in team[i + 1:]}
    return inside | {frozenset(t) for t in OUTPOST_EXERCISE["ties"]}


@teaching_check
def check_second_link(G: Any) -> Feedback:
    """Task 6.6: the outpost with its connector's ties, plus one new tie so that no one is cut off.

    After the new tie, no single departure may cut anyone off from the rest.

    Parameters
    ----------
    G : networkx.Graph
        The outpost's network with the new tie.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_second_link(...).status
    'unanswered'
    >>> check_second_link("outpost")
    ! Cannot check this answer: the answer is the text 'outpost', not a network.
      Hint: build the network with nx.Graph() and G.add_edge(a, b), or with the builder widget.
    """
    problem = graph_problem(G, max_nodes=200, what="the outpost's network (a networkx Graph)")
    if problem:
        return problem
    people = list(OUTPOST_EXERCISE["outpost"]) + list(OUTPOST_EXERCISE["firm"])
    strangers = [v for v in G if v not in people]
    if strangers:
        return wrong(f"not in the description: {sorted(map(repr, strangers))[:4]}.",
                      "the network has exactly the eight people named; names must match exactly.")
    missing = [p for p in people if p not in G]
    if missing:
        return wrong(f"missing: {', '.join(missing)}.", "all eight people belong in the network.")
    have, base = {frozenset(e) for e in G.edges}, _outpost_ties()
    lacking = base - have
    if lacking:
        pair = sorted(tuple(sorted(e)) for e in lacking)[0]
        return wrong(f"{plural(len(lacking), 'tie')} of the description missing, e.g. {pair[0]} - {pair[1]}.",
                      "everyone in the outpost talks with everyone else in it, and the Head with Firm A and "
                      "Firm B, who talk with each other.")
    new = have - base
    cut = sorted(nx.articulation_points(G))
    if not new:
        return wrong(f"as described, {cut[0]} is the only link: if they leave, the outpost is cut off.",
                      "add one tie between someone of the outpost (not the Head) and the firm.")
    if len(new) > 1:
        return wrong(f"{plural(len(new), 'new tie')}; one is enough.", "a second link costs time: add just one.")
    if cut:
        return wrong(f"with your new tie, {', '.join(cut)} can still cut someone off by leaving.",
                      "the new tie must join the outpost (not the Head) to the firm.")
    a, b = next((u, v) for u, v in G.edges if frozenset((u, v)) in new)  # in the learner's order
    return correct(f"with {a} - {b} no single departure cuts anyone off: the outpost has two links to the firm. "
               "Two links cost one more relationship to keep up; that is the price of the insurance.")


# ------------------------------------------------------------------ task 6.7
@teaching_check
def check_influencers(top: Any) -> Feedback:
    """Task 6.7: the six customers with the highest strength-weighted PageRank.

    Parameters
    ----------
    top : set
        The six customers.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_influencers(...).status
    'unanswered'
    >>> check_influencers("six")
    ! Cannot check this answer: the answer 'six' is a single value, not a collection of nodes.
      Hint: give the six customers with the highest score as a set, e.g. {'Ana', 'Ben'}, even if it has one member.
    """
    c, ans = _case(), audit_answers()
    found, problem = node_set_problem(top, c.customers, what="the six customers with the highest score")
    if problem:
        return problem
    k = AUDIT["influencers"]
    problem = _top_problem(found, ans["influence"][AUDIT["influence measure"]], k, "your influencers")
    if problem:
        for m in ("degree", "PageRank"):
            if _top_problem(found, ans["influence"][m], k, "x") is None:
                return wrong(f"that is the top {k} by {m}: many contacts, most of them weak.",
                              "weigh each tie by its `strength`: nx.pagerank(customers, weight='strength').")
        return problem
    return correct(f"{plural(len(found & c.truth.influencers), 'planted influencer')} among your {k}; "
               f"{plural(len(found & c.truth.loud), 'loud customer')} (many weak ties).")


# ------------------------------------------------------------------ task 6.8
_RECOMMENDATION_HINTS = {
    "A": "which assumption decides between the plans? The sweep over trust answers it.",
    "B": "compare random with the other plans in the seeding table.",
    "C": "a plan must state the condition under which it holds.",
}


def _recommendation_text(letter: str) -> str:
    uniform, strong = verdicts.stored("06-uniform-loud-win"), verdicts.stored("06-strong-trusted-win")
    return {
        "A": f"under uniform pass-on the best-connected do win ({uniform.label}), but not when pass-on "
             f"runs mainly through trusted ties ({strong.label}): 'whatever else is true' is the flaw.",
        "B": "random seeding is a benchmark: at every strength of trust one of the targeted plans "
             "reaches more customers.",
        "C": f"the audit does not show that trust drives pass-on; if it does not, {uniform.label}.",
        "D": "the plan states its condition: the best-connected win under uniform pass-on, the most "
             "trusted when pass-on follows trust, and a pilot can tell which holds; the second links "
             "remove the key-person risk.",
    }[letter]


@teaching_check
def check_recommendation(letter: Any) -> Feedback:
    """Task 6.8: the launch plan the audit supports.

    Parameters
    ----------
    letter : str
        One letter, A to D, or the text of an option.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_recommendation(...).status
    'unanswered'
    >>> check_recommendation("Z")
    ! Cannot check this answer: 'Z' is not one of the options.
      Hint: answer with one letter, A, B, C or D, or copy an option's text.
    """
    return choice_check(letter, RECOMMENDATION_OPTIONS, "D", _RECOMMENDATION_HINTS,
                        feedback=_recommendation_text, name="plan")


# ------------------------------------------------------------------ task 6.9
_ASSUMPTION_HINTS = {
    "A": "what would make the winner flip?",
    "C": "look at what the seeding sweep varies.",
    "D": "look at what the seeding sweep varies.",
}


def _assumption_text(letter: str) -> str:
    return {
        "A": "that is a finding of the audit (contacts against conversations), not an assumption the "
             "choice between plans depends on.",
        "B": "the winner flips with it: the best-connected reach more when pass-on does not depend on "
             "trust, the most trusted when it does. The audit's data cannot say which holds; a pilot can.",
        "C": "stable segments matter for targeting, but they do not decide between briefing the "
             "best-connected and the most trusted.",
        "D": "none of the plans hands out samples at random; random seeding is only a benchmark.",
    }[letter]


@teaching_check
def check_assumption(letter: Any) -> Feedback:
    """Task 6.9: the assumption on which the launch plan's choice of customers rests.

    Parameters
    ----------
    letter : str
        One letter, A to D, or the text of an option.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_assumption(...).status
    'unanswered'
    >>> check_assumption("Z")
    ! Cannot check this answer: 'Z' is not one of the options.
      Hint: answer with one letter, A, B, C or D, or copy an option's text.
    """
    return choice_check(letter, ASSUMPTION_OPTIONS, "B", _ASSUMPTION_HINTS, feedback=_assumption_text,
                        name="assumption")
