"""Chapter 4 exercise checks and their settings: the enterprise's hidden network."""

from __future__ import annotations

import functools
from typing import Any

import networkx as nx
import numpy as np

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
    scalar,
    teaching_check,
    unanswered,
    wrong,
)
from snb.models import brokerage, firm

__all__ = ["SMALL_FIRM_EXERCISE", "BROKER_EXERCISE", "KEY_PERSON_EXERCISE", "EVANGELIST_OPTIONS",
           "EVANGELIST_EXERCISE", "check_small_firm", "check_brokers", "check_key_person", "check_evangelists",
           "evangelist_reach"]

#: Exercise 4.1: a small firm's org chart (person, boss) and the advice ties its people reported.
SMALL_FIRM_EXERCISE: dict[str, Any] = {
    "reports_to": (("Ben", "Ana"), ("Chloe", "Ana"), ("Dev", "Ben"), ("Eva", "Ben"), ("Femi", "Chloe"),
                   ("Gus", "Chloe")),
    "advice": (("Ana", "Ben"), ("Ben", "Dev"), ("Dev", "Eva"), ("Eva", "Femi"), ("Femi", "Gus"),
               ("Femi", "Chloe"), ("Gus", "Chloe")),
}

#: Exercise 4.2: the synthetic firm with this seed; name its top ``k`` people by betweenness.
BROKER_EXERCISE: dict[str, Any] = {"seed": 14, "k": 4}

#: Exercise 4.3: the same firm; whose departure costs the others the most efficiency?
KEY_PERSON_EXERCISE: dict[str, Any] = {"seed": 14}

#: Exercise 4.4: two evangelists for a change programme in the same firm.
EVANGELIST_EXERCISE: dict[str, Any] = {"seed": 14}
EVANGELIST_OPTIONS: dict[str, str] = {
    "A": "the CEO (person 0) and the head of department 2 (person 1): the programme needs authority",
    "B": "people 25 and 64, who have the most advice ties in the firm",
    "C": "people 80 and 45, who have the highest betweenness, in departments 1 and 4",
    "D": "the heads of departments 2 and 3 (persons 1 and 2): each rolls it out in their own department",
}
_EVANGELIST_PAIRS: dict[str, tuple[int, int]] = {"A": (0, 1), "B": (25, 64), "C": (80, 45), "D": (1, 2)}


@functools.lru_cache(maxsize=2)
def _firm(seed: int) -> firm.Firm:
    return firm.synthetic_firm(seed=seed)


def _small_firm_ties() -> set[frozenset]:
    return {frozenset(t) for t in SMALL_FIRM_EXERCISE["advice"]}


@teaching_check
def check_small_firm(G: Any) -> Feedback:
    """Exercise 4.1: the small firm's informal advice network (undirected, one tie per pair).

    Parameters
    ----------
    G : networkx.Graph
        The advice network, undirected.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_small_firm(...).status
    'unanswered'
    >>> check_small_firm(nx.DiGraph([(0, 1)]))
    ! Cannot check this answer: this is a directed network (a DiGraph), but the exercise is about two-way ties.
      Hint: use nx.Graph() instead, or convert with G.to_undirected().
    """
    problem = graph_problem(G, max_nodes=200, what="the advice network (a networkx Graph)")
    if problem:
        return problem
    people = sorted({p for pair in SMALL_FIRM_EXERCISE["reports_to"] for p in pair})
    strangers = [v for v in G if v not in people]
    if strangers:
        lowered = {p.lower(): p for p in people}
        close = [s for s in strangers if str(s).strip().lower() in lowered]
        hint = (f"names must match exactly: {close[0]!r} should be {lowered[str(close[0]).strip().lower()]!r}."
                if close else "the firm has exactly the seven people of the org chart.")
        return wrong(f"not in the firm: {sorted(map(repr, strangers))[:4]}.", hint)
    want, have = _small_firm_ties(), {frozenset(e) for e in G.edges}
    lacking, extra = sorted(tuple(sorted(e)) for e in want - have), sorted(tuple(sorted(e)) for e in have - want)
    chart = {frozenset(e) for e in SMALL_FIRM_EXERCISE["reports_to"]}
    if extra:
        on_chart = [e for e in extra if frozenset(e) in chart]
        hint = ("a reporting line is not an advice tie unless the two reported one: only the listed ties count."
                if on_chart else "add only the advice ties in the description.")
        return wrong(f"{plural(len(extra), 'tie')} too many, e.g. {extra[0][0]} - {extra[0][1]}.", hint)
    if lacking:
        return wrong(f"{plural(len(lacking), 'tie')} missing, e.g. {lacking[0][0]} - {lacking[0][1]}.",
                      "the description lists seven advice ties; each is one tie, whoever asked whom.")
    missing = [p for p in people if p not in G]
    if missing:
        return wrong(f"missing: {', '.join(missing)}.", "everyone in the org chart belongs in the network.")
    along = sorted(" - ".join(sorted(e)) for e in want & chart)
    betweenness = nx.betweenness_centrality(G)
    top = max(betweenness, key=betweenness.get)
    return correct(f"7 advice ties, {len(along)} of them along a reporting line ({', '.join(along)}); the other 3 are "
               f"invisible on the chart. {top} has the highest betweenness ({betweenness[top]:.2f}): the tie "
               "Eva - Femi is the only link between Ben's and Chloe's teams.")


@teaching_check
def check_brokers(answer: Any) -> Feedback:
    """Exercise 4.2: the top people of the synthetic firm by betweenness.

    Parameters
    ----------
    answer : set of int
        The people's numbers.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_brokers(...).status
    'unanswered'
    >>> check_brokers("Ana")
    ! Cannot check this answer: the answer 'Ana' is a single value, not a collection of nodes.
      Hint: give the 4 people, as a set of numbers as a set, e.g. {'Ana', 'Ben'}, even if it has one member.
    """
    spec = BROKER_EXERCISE
    F = _firm(spec["seed"])
    people, problem = node_set_problem(answer, F.informal, what=f"the {spec['k']} people, as a set of numbers")
    if problem:
        return problem
    scores = brokerage.broker_scores(F.informal, "betweenness")
    want = set(brokerage.top_k(scores, spec["k"]))
    if len(people) != spec["k"]:
        return wrong(f"you named {plural(len(people), 'person', 'people')}, the exercise asks for {spec['k']}.",
                      f"take the {spec['k']} highest betweenness scores.")
    if people == want:
        hits = len(people & F.brokers)
        staff = sum(F.org.in_degree(v) == 0 for v in people)
        return correct(f"people {', '.join(map(str, sorted(people)))}: {hits} of the {spec['k']} are planted brokers "
                   f"(precision at {spec['k']}: {hits / spec['k']:.2f}), and {staff} of the {spec['k']} have "
                   "nobody reporting to them: invisible as leaders on the org chart.")
    degree = set(brokerage.top_k(dict(F.informal.degree()), spec["k"]))
    if people == degree:
        return wrong("these are the people with the most ties (degree), not the highest betweenness.",
                      "use nx.betweenness_centrality(G) and sort by its values.")
    strays = sorted(people - want)
    return wrong(f"{plural(len(strays), 'person', 'people')} in your answer ({', '.join(map(str, strays))}) "
                  f"{'is' if len(strays) == 1 else 'are'} not among the top {spec['k']} by betweenness.",
                  "compute betweenness on the informal network (firm.informal), not on the org chart.")


@functools.lru_cache(maxsize=2)
def _losses(seed: int) -> dict:
    return brokerage.key_person_losses(_firm(seed).informal)


@teaching_check
def check_key_person(person: Any, loss: Any) -> Feedback:
    """Exercise 4.3: the person whose departure lowers the others' efficiency most, and by how much.

    Parameters
    ----------
    person : int
        The person's number in the firm.
    loss : float
        The drop in the others' efficiency when that person leaves.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_key_person(..., ...).status
    'unanswered'
    >>> check_key_person("CEO", 0.1)
    ! Cannot check this answer: expected one person's number, got 'CEO'.
      Hint: the people of the firm are numbered 0 to 99; give one whole number.
    """
    F = _firm(KEY_PERSON_EXERCISE["seed"])
    person = scalar(person)
    if person is ...:
        return unanswered("the person's number")
    if isinstance(person, (bool, str, bytes)) or not isinstance(person, (int, np.integer)):
        return invalid(f"expected one person's number, got {describe(person)}.",
                       "the people of the firm are numbered 0 to 99; give one whole number.")
    person = int(person)
    if person not in F.informal:
        return invalid(f"{describe(person)} is not a person of the firm.", "the people are numbered 0 to 99.")
    value, problem = number_problem(loss, what="the efficiency loss")
    if problem:
        return problem
    losses = _losses(KEY_PERSON_EXERCISE["seed"])
    best = max(losses, key=lambda v: losses[v]["efficiency loss"])
    mine = losses[person]["efficiency loss"]
    if person != best:
        rank = sorted(losses, key=lambda v: -losses[v]["efficiency loss"]).index(person) + 1
        return wrong(f"removing {person} lowers efficiency by {mine:.4f}, rank {rank} of {len(losses)}.",
                      "rank everyone by 'efficiency loss' in brokerage.key_person_losses(firm.informal) and take "
                      "the largest.")
    if abs(value - mine) > 5e-4:
        return wrong(f"{person} is right, but the loss is {mine:.4f}, not {value:.4f}.",
                      "give the person's 'efficiency loss' from brokerage.key_person_losses, as a number.")
    level = F.org.nodes[person]["level"]
    reports = F.org.in_degree(person)
    role = "a planted broker" if person in F.brokers else "not a planted broker"
    return correct(f"person {person} ({role}, level {level}, with {plural(reports, 'direct report')}): the others' "
               f"efficiency drops by {mine:.4f}, {mine / nx.global_efficiency(F.informal):.1%} of the firm's "
               f"efficiency; the CEO's departure would cost {losses[0]['efficiency loss']:.4f}.")


def evangelist_reach(letter: str) -> float:
    """Share of the exercise firm within two steps of option ``letter``'s two people."""
    G = _firm(EVANGELIST_EXERCISE["seed"]).informal
    reached = set()
    for p in _EVANGELIST_PAIRS[letter]:
        reached |= set(nx.single_source_shortest_path_length(G, p, cutoff=2))
    return len(reached) / G.number_of_nodes()


_EVANGELIST_FEEDBACK = {
    "A": "authority is not reach: the CEO and one head reach {reach:.0%} of the firm within two steps, mostly "
         "through their reporting lines, and hardly any cross-department ties.",
    "B": "many ties help, but these two reach {reach:.0%} within two steps: their contacts overlap and stay "
         "mostly inside their departments.",
    "C": "these two brokers reach {reach:.0%} of the firm within two steps, more than any other pair offered: "
         "their ties span departments, so a message from them crosses the firm's boundaries at once.",
    "D": "two heads reach {reach:.0%} within two steps, mostly their own departments; the other departments hear "
         "of the programme only through the chart.",
}


@teaching_check
def check_evangelists(choice: Any) -> Feedback:
    """Exercise 4.4: which two people should carry a change programme (judged by two-step reach).

    Parameters
    ----------
    choice : str
        One letter, A to D, or the text of an option.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_evangelists(...).status
    'unanswered'
    >>> check_evangelists("Z")
    ! Cannot check this answer: 'Z' is not one of the options.
      Hint: answer with one letter, A, B, C or D, or copy an option's text.
    """
    best = max(_EVANGELIST_PAIRS, key=evangelist_reach)
    return choice_check(choice, EVANGELIST_OPTIONS, best,
                        "compare the share of the firm each pair reaches within two steps.",
                        feedback=lambda k: _EVANGELIST_FEEDBACK[k].format(reach=evangelist_reach(k)),
                        name="choice")
