"""Chapter 5 exercise checks and their settings: influence, trust and your own network."""

from __future__ import annotations

import functools
from typing import Any, Hashable

import networkx as nx

from snb.datasets import SAMPSON_GROUPS, load_florentine_families, load_sampson
from snb.feedback import (
    Feedback,
    bounded_items,
    choice_check,
    correct,
    describe,
    graph_problem,
    invalid,
    is_collection,
    plural,
    teaching_check,
    unanswered,
    wrong,
)
from snb.models import influence

__all__ = ["TOP_BROKER_EXERCISE", "EGO_EXERCISE", "CAMPS_EXERCISE", "CONTACT_OPTIONS", "check_top_brokers",
           "check_ego_network", "check_camp_bridges", "check_contact_choice"]

#: Exercise 5.1: the Florentine families ranked by betweenness, and a disagreement between measures.
TOP_BROKER_EXERCISE: dict[str, Any] = {"measure": "betweenness", "top": 3, "against": "eigenvector"}

#: Exercise 5.2: Mia's ego network: her contacts and the ties among them.
EGO_EXERCISE: dict[str, Any] = {
    "ego": "Mia",
    "contacts": ("Ana", "Ben", "Chloe", "Dev", "Eva", "Femi"),
    "ties among contacts": (("Ana", "Ben"), ("Ana", "Chloe"), ("Ben", "Chloe"), ("Ana", "Dev"),
                            ("Eva", "Femi")),
}

#: Exercise 5.3: the liking ties (wave 3, either direction) between two of Sampson's camps.
CAMPS_EXERCISE: dict[str, Any] = {"wave": 3, "camps": ("Young Turks", "Loyal Opposition")}

#: Exercise 5.4: which of three contacts to invest time in, with feedback for each option.
CONTACT_OPTIONS: dict[str, str] = {
    "A": "Ana, a former colleague you meet every week; all your other contacts know her too.",
    "B": "Ravi, a logistics manager in another country whom none of your contacts know; you have helped "
         "each other twice this year.",
    "C": "Zoe, an industry celebrity with 40,000 followers who has never answered your messages.",
}


# ------------------------------------------------------------------ 5.1
@functools.lru_cache(maxsize=1)
def _florence() -> tuple[nx.Graph, dict[str, dict[Hashable, float]]]:
    G = load_florentine_families()
    return G, influence.centralities(G)


def _family_problem(answer: Any, families: list[str], what: str) -> Feedback | None:
    if answer is ...:
        return unanswered(what)
    if not isinstance(answer, str):
        return invalid(f"expected a family's name as text, got {describe(answer)}.", "write it as 'Medici'.")
    if answer not in families:
        close = [f for f in families if f.lower() == answer.strip().lower()]
        hint = f"write {close[0]!r}." if close else "use a name as the network spells it, e.g. 'Medici'."
        return invalid(f"{answer!r} is not one of the 15 families.", hint)
    return None


@teaching_check
def check_top_brokers(top_three: Any, family: Any) -> Feedback:
    """Exercise 5.1: the three families with the highest betweenness, and a broker family.

    The broker family ranks much higher on betweenness than on eigenvector centrality.

    Parameters
    ----------
    top_three : list of str
        The three families, highest betweenness first.
    family : str
        The family whose betweenness rank is much higher than its eigenvector rank.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_top_brokers(..., ...).status
    'unanswered'
    >>> check_top_brokers("Medici", "Medici")
    ! Cannot check this answer: expected a list of three families, got 'Medici'.
      Hint: e.g. ['Medici', 'Strozzi', 'Albizzi'].
    """
    G, scores = _florence()
    families = list(G)
    if top_three is ...:
        return unanswered("the three families with the highest betweenness, as a list")
    if isinstance(top_three, (set, frozenset, dict)):
        return invalid("a set or dictionary has no order, and the order matters here.",
                        "give a list from the highest betweenness down, e.g. ['Medici', ...].")
    if isinstance(top_three, (str, bytes)) or not isinstance(top_three, (list, tuple)):
        return invalid(f"expected a list of three families, got {describe(top_three)}.",
                        "e.g. ['Medici', 'Strozzi', 'Albizzi'].")
    names = list(top_three)
    if len(names) != 3:
        return invalid(f"expected three families, got {plural(len(names), 'item')}.",
                        "keep the first three of the ranking.")
    for name in names:
        problem = _family_problem(name, families, "a family")
        if problem:
            return problem
    want = influence.ranking(scores["betweenness"], 3)
    if names != want:
        for measure in ("degree", "closeness", "eigenvector", "PageRank"):
            if names == influence.ranking(scores[measure], 3):
                return wrong(f"that is the order by {measure}, not by betweenness.",
                              "use nx.betweenness_centrality(G) and sort its values from the highest down.")
        if sorted(names) == sorted(want):
            return wrong("the right three families, in the wrong order.", "sort from the highest betweenness down.")
        return wrong(f"{plural(len(set(names) - set(want)), 'family', 'families')} in your list "
                      "not among the three with the highest betweenness.",
                      "use nx.betweenness_centrality(G) and sort its values from the highest down.")
    problem = _family_problem(family, families, "the family ranked far higher on betweenness")
    if problem:
        return problem
    node, by_b, by_e = influence.biggest_disagreement(scores, "betweenness", "eigenvector")
    rank_b = influence.ranking(scores["betweenness"]).index(family) + 1
    rank_e = influence.ranking(scores["eigenvector"]).index(family) + 1
    if family == node:
        return correct(f"{', '.join(want)} lead on betweenness. The {node} rank {by_b} on betweenness but {by_e} on "
                   f"eigenvector centrality: they married only the Medici and the isolated Pazzi, so every path to "
                   "the Pazzi passes through them, while their partners (apart from the Medici) are not central.")
    if rank_b > rank_e:
        return wrong(f"the {family} rank {rank_b} on betweenness and {rank_e} on eigenvector centrality: the "
                      "opposite disagreement.", "look for a family far higher on betweenness than on eigenvector.")
    return wrong(f"the {family} rank {rank_b} on betweenness and {rank_e} on eigenvector centrality: a gap of "
                  f"{rank_e - rank_b}, not the largest.",
                  "compare the two rankings family by family; one family differs by seven places.")


# ------------------------------------------------------------------ 5.2
def _ego_ties() -> set[frozenset]:
    spec = EGO_EXERCISE
    return {frozenset((spec["ego"], c)) for c in spec["contacts"]} | {frozenset(t) for t in spec["ties among contacts"]}


@teaching_check
def check_ego_network(G: Any) -> Feedback:
    """Exercise 5.2: Mia's ego network, with her effective size and constraint (Burt 1992).

    Parameters
    ----------
    G : networkx.Graph
        Mia, her contacts and the ties among them.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_ego_network(...).status
    'unanswered'
    >>> check_ego_network(nx.Graph([("Ana", "Ben")]))
    ✘ Not yet: missing: Mia, Chloe, Dev, Eva, Femi.
      Hint: Mia and all six contacts belong in the network.
    """
    problem = graph_problem(G, max_nodes=200, what="Mia's ego network (a networkx Graph)")
    if problem:
        return problem
    spec = EGO_EXERCISE
    people = [spec["ego"], *spec["contacts"]]
    strangers = [v for v in G if v not in people]
    if strangers:
        lowered = {p.lower(): p for p in people}
        close = [s for s in strangers if str(s).strip().lower() in lowered]
        hint = (f"names must match exactly: {close[0]!r} should be {lowered[str(close[0]).strip().lower()]!r}."
                if close else "the ego network holds Mia and her six contacts only.")
        return wrong(f"not in the description: {sorted(map(repr, strangers))[:4]}.", hint)
    missing = [p for p in people if p not in G]
    if missing:
        return wrong(f"missing: {', '.join(missing)}.", "Mia and all six contacts belong in the network.")
    want, have = _ego_ties(), {frozenset(e) for e in G.edges}
    lacking, extra = want - have, have - want
    if extra:
        pair = sorted(tuple(sorted(e)) for e in extra)[0]
        return wrong(f"{plural(len(extra), 'tie')} too many, e.g. {pair[0]} - {pair[1]}.",
                      "only the pairs named in the description know each other.")
    if lacking:
        pair = sorted(tuple(sorted(e)) for e in lacking)[0]
        if spec["ego"] in pair:
            return wrong(f"{plural(len(lacking), 'tie')} missing, e.g. {pair[0]} - {pair[1]}.",
                          "an ego network ties the ego to every one of her contacts.")
        return wrong(f"{plural(len(lacking), 'tie')} missing, e.g. {pair[0]} - {pair[1]}.",
                      "add the ties among the contacts as well: they decide which contacts are redundant.")
    size = nx.effective_size(G, [spec["ego"]])[spec["ego"]]
    constraint = nx.constraint(G, [spec["ego"]])[spec["ego"]]
    return correct(f"{G.number_of_edges()} ties. Mia has 6 contacts but an effective size of {size:.2f} (Burt 1992): "
               f"Ana, Ben and Chloe know each other and partly repeat each other. Her constraint is "
               f"{constraint:.2f}; the lower, the more of her contacts are separated by structural holes.")


# ------------------------------------------------------------------ 5.3
@functools.lru_cache(maxsize=1)
def _camp_ties() -> tuple[set[frozenset], list[str]]:
    D = load_sampson("liking", CAMPS_EXERCISE["wave"])
    a, b = (set(SAMPSON_GROUPS[c]) for c in CAMPS_EXERCISE["camps"])
    ties = {frozenset((u, v)) for u, v in D.edges if (u in a and v in b) or (u in b and v in a)}
    return ties, list(D)


@teaching_check
def check_camp_bridges(ties: Any) -> Feedback:
    """Exercise 5.3: the liking ties (either direction) between the Young Turks and the Loyal Opposition.

    Parameters
    ----------
    ties : list of (str, str)
        One pair of novices per tie.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_camp_bridges(...).status
    'unanswered'
    >>> check_camp_bridges("Peter")
    ! Cannot check this answer: expected a list of pairs of novices, got 'Peter'.
      Hint: e.g. [('Peter', 'Mark'), ...]: one pair per tie.
    """
    want, novices = _camp_ties()
    if ties is ...:
        return unanswered("the ties between the two camps, as a list of pairs")
    if ties is None:
        return invalid("the answer is None.", "store a list of pairs, e.g. [('Peter', 'Mark')].")
    if isinstance(ties, nx.Graph):
        ties = list(ties.edges)
    if not is_collection(ties):
        return invalid(f"expected a list of pairs of novices, got {describe(ties)}.",
                       "e.g. [('Peter', 'Mark'), ...]: one pair per tie.")
    items = bounded_items(ties, limit=400)
    if items is None:
        return invalid("the answer has too many members (or never ends).", "give one pair per tie.")
    if not items:
        return wrong("the list is empty, but some novices of the two camps do like each other.",
                     "look for arcs whose two ends sit in different camps.")
    if all(isinstance(x, str) for x in items):
        return invalid("these are novices, not ties.", "give pairs: ('Peter', 'Mark') for a tie between two novices.")
    pairs, arcs = [], set()
    for x in items:
        pair = bounded_items(x, limit=2) if is_collection(x) else None
        if pair is None or len(pair) != 2:
            return invalid(f"{describe(x)} is not a pair of two novices.", "write each tie as ('Peter', 'Mark').")
        u, v = pair
        unknown = [n for n in (u, v) if not isinstance(n, str) or n not in novices]
        if unknown:
            return invalid(f"not a novice of the monastery: {describe(unknown[0])}.",
                           "use the names as the network spells them, e.g. 'John Bosco'.")
        if u == v:
            return invalid(f"({u!r}, {v!r}) names the same novice twice.",
                           "a tie joins two different novices.")
        if (u, v) in arcs:  # both directions of a liking are two arcs, but one arc twice is a slip
            return invalid(f"the tie ({u!r}, {v!r}) is listed twice.", "list each tie once.")
        arcs.add((u, v))
        pairs.append(frozenset((u, v)))
    got = set(pairs)
    inside = [p for p in got if p not in want and _same_camp(p)]
    if inside:
        pair = sorted(next(iter(inside)))
        return wrong(f"{pair[0]} and {pair[1]} are in the same camp (or in neither).",
                      "keep only ties with one end among the Young Turks and the other in the Loyal Opposition.")
    extra, lacking = got - want, want - got
    if extra:
        pair = sorted(next(iter(extra)))
        return wrong(f"{pair[0]} and {pair[1]} are in different camps, but neither named the other as liked "
                      "at wave 3.", "use the liking network of wave 3: datasets.load_sampson('liking', 3).")
    if lacking:
        return wrong(f"{plural(len(lacking), 'tie')} missing.", "count arcs in both directions: a tie counts "
                                                                    "when either novice named the other.")
    names = " and ".join(" - ".join(sorted(p)) for p in sorted(want, key=sorted))
    return correct(f"{plural(len(want), 'tie')} join the two camps: {names}. Direct friendship between the Young "
               "Turks and the Loyal Opposition rested on these four novices; everyone else liked within his camp "
               "or outside both.")


def _same_camp(pair: frozenset) -> bool:
    a, b = (set(SAMPSON_GROUPS[c]) for c in CAMPS_EXERCISE["camps"])
    u, v = sorted(pair)
    return not ((u in a and v in b) or (u in b and v in a))


# ------------------------------------------------------------------ 5.4
_CONTACT_FEEDBACK = {
    "A": "Ana is valuable, but she is redundant: everyone you know already knows her, so time with her brings "
         "news you would hear anyway. In Burt's (1992) terms she adds nothing to your effective size.",
    "B": "Ravi spans a structural hole: none of your contacts know him, he works in another industry and "
         "country, and the tie already runs both ways (you have helped each other). A weak tie like this brings "
         "new information (Granovetter 1973) and, because it is reciprocated, it is one you can rely on.",
    "C": "a large audience is not influence you can use: the tie has never been returned, so there is no trust "
         "in either direction, and a celebrity's 40,000 followers are not your contacts.",
}


@teaching_check
def check_contact_choice(choice: Any) -> Feedback:
    """Exercise 5.4: which of three contacts to invest time in.

    Parameters
    ----------
    choice : str
        One letter, A to C, or the text of an option.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_contact_choice(...).status
    'unanswered'
    >>> check_contact_choice("D")
    ! Cannot check this answer: 'D' is not one of the options.
      Hint: answer with one letter, A, B or C, or copy an option's text.
    """
    return choice_check(choice, CONTACT_OPTIONS, "B", "which contact brings something your network does not "
                        "already have, and would also answer when you call?", feedback=_CONTACT_FEEDBACK,
                        name="choice")
