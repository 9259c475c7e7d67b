"""Chapter 3 exercise checks and their settings: value networks and communities.
"""

from __future__ import annotations

import functools
from typing import Any, Hashable

import networkx as nx

from snb.datasets import load_karate_club
from snb.feedback import (
    Feedback,
    bounded_items,
    choice_check,
    correct,
    describe,
    duplicate,
    graph_problem,
    invalid,
    is_collection,
    number_problem,
    plural,
    teaching_check,
    unanswered,
    wrong,
)
from snb.models import communities

__all__ = ["PRACTICE_EXERCISE", "KARATE_EXERCISE", "FRAGMENT_EXERCISE", "MERGE_OPTIONS",
           "check_practice_community", "check_karate_communities", "check_fragmenting_departures",
           "check_merge_advice"]

#: Exercise 3.1: two circles of a community of practice and the one bridge between them.
PRACTICE_EXERCISE: dict[str, Any] = {
    "circles": (("Ana", "Ben", "Chloe", "Dev"), ("Eva", "Femi", "Gus", "Hana")),
    "bridge": ("Dev", "Eva"),
}

#: Exercise 3.2: Louvain on the karate club with this random seed.
KARATE_EXERCISE: dict[str, Any] = {"method": "Louvain", "seed": 3}

#: Exercise 3.3: the karate club loses its best-connected members (by ties at the start).
FRAGMENT_EXERCISE: dict[str, Any] = {"share": 0.5}

#: Exercise 3.4: what to advise about merging chapters, with feedback for each option.
MERGE_OPTIONS: dict[str, str] = {
    "A": "Merge the 30 chapters into the 17 communities that Louvain found: modularity is highest there.",
    "B": "Keep the 30 chapters: the merged pairs come from modularity's resolution limit, not from "
         "the members' ties.",
    "C": "Rerun Louvain with other random seeds until it returns 30 communities, and report that run.",
    "D": "Use label propagation instead: it agreed better with the karate factions, so it is the more "
         "accurate method.",
}


def _practice_ties() -> set[frozenset]:
    spec = PRACTICE_EXERCISE
    ties = {frozenset((a, b)) for circle in spec["circles"] for i, a in enumerate(circle) for b in circle[i + 1:]}
    return ties | {frozenset(spec["bridge"])}


@teaching_check
def check_practice_community(G: Any) -> Feedback:
    """Exercise 3.1: two circles of four who all talk to each other, joined by one bridge.

    Parameters
    ----------
    G : networkx.Graph
        The learner's community of practice.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_practice_community(...).status
    'unanswered'
    >>> check_practice_community(nx.path_graph(8))
    ✘ Not yet: not in the description: ['0', '1', '2', '3'].
      Hint: the community has exactly the eight people named in the description.
    """
    problem = graph_problem(G, max_nodes=200, what="your community of practice (a networkx Graph)")
    if problem:
        return problem
    people = [p for circle in PRACTICE_EXERCISE["circles"] for p in circle]
    strangers = [v for v in G if v not in people]
    if strangers:
        lowered = {p.lower(): p for p in people}
        close = [s for s in strangers if str(s).strip().lower() in lowered]
        hint = (f"names must match exactly: {close[0]!r} should be {lowered[str(close[0]).strip().lower()]!r}."
                if close else "the community has exactly the eight people named in the description.")
        return wrong(f"not in the description: {sorted(map(repr, strangers))[:4]}.", hint)
    missing = [p for p in people if p not in G]
    if missing:
        return wrong(f"missing: {', '.join(missing)}.", "all eight people belong in the network.")
    want, have = _practice_ties(), {frozenset(e) for e in G.edges}
    lacking, extra = want - have, have - want
    a, b = PRACTICE_EXERCISE["bridge"]
    if extra:
        pair = sorted(tuple(sorted(e)) for e in extra)[0]
        return wrong(f"{plural(len(extra), 'tie')} too many, e.g. {pair[0]} - {pair[1]}.",
                      f"across the two circles only {a} and {b} talk to each other.")
    if lacking:
        pair = sorted(tuple(sorted(e)) for e in lacking)[0]
        if frozenset((a, b)) in lacking:
            return wrong(f"the bridge {a} - {b} is missing, so the two circles are cut off from each other.",
                          "add the one tie that joins the circles.")
        return wrong(f"{plural(len(lacking), 'tie')} missing, e.g. {pair[0]} - {pair[1]}.",
                      "inside each circle everyone talks to everyone: 6 ties per circle of four.")
    return correct(f"13 ties: two circles of 6 ties each and the bridge {a} - {b}. Clustering is "
               f"{nx.average_clustering(G):.2f}: most people's contacts all know each other; only "
               f"{a} and {b} have contacts who do not.")


@functools.lru_cache(maxsize=1)
def _karate() -> tuple[nx.Graph, list[set]]:
    G = load_karate_club()
    return G, communities.factions(G)


def _partition_problem(partition: Any, G: nx.Graph) -> tuple[list[set] | None, Feedback | None]:
    """Turn an answer into a partition of all of ``G``'s nodes, or explain why it is not one."""
    if partition is ...:
        return None, unanswered("the communities, as a list of sets of members")
    if partition is None:
        return None, invalid("the communities are None.", "store the list that the method returns.")
    if not is_collection(partition):
        return None, invalid(f"expected a list of sets of members, got {describe(partition)}.",
                             "nx.community.louvain_communities returns such a list; store it as it is.")
    parts = bounded_items(partition, limit=G.number_of_nodes())
    if parts is None:
        return None, invalid(f"the answer has more communities than the club has members "
                             f"({G.number_of_nodes()}), or never ends.",
                             "store the list of communities that the method returns.")
    if not parts or not all(is_collection(p) for p in parts):
        return None, invalid("each community must be a set of members, e.g. [{0, 1, 2}, {3, 4}].",
                             "store the whole list of communities, not one community or one member.")
    sets = []
    for i, part in enumerate(parts, start=1):
        members = bounded_items(part, limit=G.number_of_nodes())
        if members is None:
            return None, invalid(f"community {i} has more members than the club ({G.number_of_nodes()}), "
                                 "or never ends.", "each community is a set of the club's members.")
        if not members:
            return None, invalid(f"community {i} is empty.",
                                 "a partition has no empty communities: drop the empty set.")
        flags = [v for v in members if isinstance(v, bool)]
        if flags:
            return None, invalid(f"community {i} holds {flags[0]!r}, which is not a member.",
                                 "the members are numbers 0 to 33; True and False are not members.")
        try:
            sets.append(set(members))
        except TypeError:
            return None, invalid(f"community {i} holds values that cannot be members (lists or sets inside).",
                                 "each community is a flat set of members, e.g. {0, 1, 2}.")
        if len(sets[-1]) < len(members):
            twice = duplicate(members)
            return None, wrong(f"member {describe(twice)} is named twice in community {i}.",
                               "name each member once.")
    seen: dict[Hashable, int] = {}
    for i, part in enumerate(sets):
        for v in part:
            if v in seen:
                return None, wrong(f"member {describe(v)} is in two communities.",
                                   "in a partition everyone belongs to exactly one community.")
            seen[v] = i
    unknown = [v for v in seen if v not in G]
    if unknown:
        hint = ("the members are numbers 0 to 33, not text." if all(isinstance(v, str) for v in unknown)
                else "use the node names of the network.")
        return None, invalid(f"not members of the club: {sorted(map(describe, unknown))[:4]}.", hint)
    missing = [v for v in G if v not in seen]
    if missing:
        return None, wrong(f"{plural(len(missing), 'member')} in no community, e.g. {missing[:3]}.",
                            "every member belongs to one community: give all of them.")
    return sets, None


@teaching_check
def check_karate_communities(partition: Any, ari: Any) -> Feedback:
    """Exercise 3.2: the karate club's communities and their adjusted Rand index with the factions.

    Parameters
    ----------
    partition : list of set
        The communities found, each a set of members.
    ari : float
        Their adjusted Rand index with the two factions.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_karate_communities(..., ...).status
    'unanswered'
    >>> check_karate_communities([{0, 1}], 0.5)
    ✘ Not yet: 32 members in no community, e.g. [2, 3, 4].
      Hint: every member belongs to one community: give all of them.
    """
    G, known = _karate()
    parts, problem = _partition_problem(partition, G)
    if problem:
        return problem
    value, problem = number_problem(ari, what="the adjusted Rand index")
    if problem:
        return problem
    spec = KARATE_EXERCISE
    want = communities.detect(G, spec["method"], seed=spec["seed"])
    mine = communities.agreement(G, parts, known)
    if abs(value - mine["NMI"]) < 1e-6 and abs(mine["NMI"] - mine["ARI"]) > 1e-3:
        return wrong(f"{value:.3f} is the normalised mutual information, not the adjusted Rand index.",
                      "the adjusted Rand index counts pairs of members placed together or apart.")
    if abs(value - mine["ARI"]) > 1e-3:
        return wrong(f"your communities have an adjusted Rand index of {mine['ARI']:.3f} with the factions, "
                      f"not {value:.3f}.", "compare your partition with the factions (node attribute 'club'), "
                      "as two labellings of the members in the same order.")
    same = communities.agreement(G, parts, want)["ARI"] > 1 - 1e-9
    if not same:
        return wrong(f"your ARI matches your {plural(len(parts), 'community', 'communities')}, but Louvain with seed "
                      f"{spec['seed']} finds {len(want)} communities.",
                      f"use nx.community.louvain_communities(G, weight=None, seed={spec['seed']}).")
    return correct(f"{len(parts)} communities with modularity {communities.modularity(G, parts):.2f}; adjusted "
               f"Rand index {mine['ARI']:.2f} with the two factions. Modularity finds more, smaller groups than the "
               "two sides of the split.")


def _fragmenting_departures(share: float) -> int:
    G, _ = _karate()
    order = sorted(G, key=lambda v: (-G.degree(v), v))
    H = G.copy()
    for k, v in enumerate(order, start=1):
        H.remove_node(v)
        if max(len(c) for c in nx.connected_components(H)) < share * G.number_of_nodes():
            return k
    return len(order)


@teaching_check
def check_fragmenting_departures(departures: Any) -> Feedback:
    """Exercise 3.3: how many best-connected members must leave for the network to fall apart.

    Falling apart: the largest connected group holds less than half of the original members.

    Parameters
    ----------
    departures : int
        The number of departures.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_fragmenting_departures(...).status
    'unanswered'
    >>> check_fragmenting_departures(-1)
    ! Cannot check this answer: -1 is not a count of members.
      Hint: give a whole number, such as 3.
    """
    value, problem = number_problem(departures, what="the number of departures")
    if problem:
        return problem
    if value != int(value) or value < 0:
        return invalid(f"{value:g} is not a count of members.", "give a whole number, such as 3.")
    k = _fragmenting_departures(FRAGMENT_EXERCISE["share"])
    if value == k:
        return correct(f"{plural(k, 'departure')}: after the {k} best-connected members leave, no connected group "
                   "holds half of the club. Departures in random order take many more (see the solution).")
    if value == k - 1:
        return wrong(f"after {int(value)} departures a connected group still holds half of the club or more.",
                      "count the departure after which the largest group first drops below half (17).")
    if value > k:
        return wrong("fewer departures are enough when the best-connected members leave first.",
                      "remove members in order of their number of ties at the start, largest first, and "
                      "measure the largest connected component after each removal.")
    return wrong(f"after {plural(int(value), 'departure')} the largest connected group still holds half "
                  "of the club or more.", "measure the largest connected component after each removal.")


_MERGE_FEEDBACK = {
    "A": "modularity is highest with the merged pairs, but that is the resolution limit at work: in a network "
         "this large, joining two cliques tied by a single tie scores higher than keeping them apart. The "
         "measure, not the members, prefers the merge.",
    "B": "each chapter is a clique tied to its neighbours by one tie; modularity merges pairs of them only "
         "because the network is large (Fortunato and Barthelemy 2007). A higher resolution, or a look at the "
         "ties themselves, shows the 30 chapters.",
    "C": "choosing the run you like is not evidence. Every seed merges some pairs at resolution 1, because the "
         "merged partition has the higher modularity.",
    "D": "agreeing with one data set's factions does not make a method right elsewhere, and label propagation's "
         "answers vary strongly from seed to seed. The issue here is what modularity rewards.",
}


@teaching_check
def check_merge_advice(choice: Any) -> Feedback:
    """Exercise 3.4: the advice to a community manager about merging chapters.

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
    >>> check_merge_advice(...).status
    'unanswered'
    >>> check_merge_advice("Z")
    ! Cannot check this answer: 'Z' is not one of the options.
      Hint: answer with one letter, A, B, C or D, or copy an option's text.
    """
    return choice_check(choice, MERGE_OPTIONS, "B", "what does modularity compare a community with, and how "
                        "does that change as the network grows?", feedback=_MERGE_FEEDBACK, name="choice")
