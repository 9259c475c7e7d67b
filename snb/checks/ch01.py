"""Chapter 1 exercise checks and their settings.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
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
    teaching_check,
    unanswered,
    wrong,
)

__all__ = ["REACH_EXERCISE", "SEEDING_EXERCISE", "DECISION_EXERCISE", "EMAIL_EXERCISE", "check_team_basics",
           "check_two_step_design", "check_two_step_reach", "check_seeding_comparison", "check_decision",
           "check_email_export"]


def _team() -> nx.Graph:
    from snb.datasets import load_tiny_team

    return load_tiny_team()


@teaching_check
def check_team_basics(density: Any, most_connected: Any) -> Feedback:
    """Exercise 1.1: density of the tiny team and who has the most ties.

    Parameters
    ----------
    density : float
        The team network's density, a share between 0 and 1.
    most_connected : set
        Everyone with the most ties.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_team_basics(..., ...).status
    'unanswered'
    >>> check_team_basics("0.5", {"Ana"})
    ! Cannot check this answer: the answer is the text '0.5', not a number.
      Hint: remove the quotes: 0.5, not '0.5'.
    """
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
            return wrong(f"{value:.3f} treats every tie as one-way.",
                          "in an undirected network a tie joins a pair once: there are n(n-1)/2 possible pairs.")
        if math.isclose(value, m / n, abs_tol=1e-3):
            return wrong(f"{value:.3f} is ties per person, not density.",
                          "density divides the ties by the number of possible pairs.")
        if math.isclose(value, truth * 100, abs_tol=0.1):
            return wrong("that looks like a percentage.", "give density as a share between 0 and 1.")
        return wrong(f"the density is not {value:.3f}.",
                      "density = ties / possible pairs; nx.density(G) computes it.")
    top = max(dict(G.degree()).values())
    leaders = {v for v in G if G.degree(v) == top}
    if people != leaders:
        if people == {"Dev"}:
            return wrong("Dev is the bridge between the two groups, but has only 2 ties.",
                          "count ties: dict(G.degree()) lists them for everyone.")
        if people < leaders:
            more = plural(len(leaders) - len(people), 'more person ties', 'more people tie')
            return wrong(f"{more} for the most ties.",
                          "include everyone with the highest degree.")
        return wrong(f"not everyone in {sorted(people)} has the most ties.",
                      "the most-connected people have the highest degree: see dict(G.degree()).")
    return correct(f"density {truth:.3f}: {m} of the {n * (n - 1) // 2} possible ties exist; "
               f"{' and '.join(sorted(leaders))} have {top} ties each.")


@teaching_check
def check_two_step_design(G: Any, *, sender: str = "Brand", people: int = 8, max_direct: int = 3) -> Feedback:
    """Exercise 1.2: a network where ``sender`` reaches everyone within 2 steps.

    The sender may talk directly to at most ``max_direct`` people.

    Parameters
    ----------
    G : networkx.Graph
        The learner's design.
    sender : str, default "Brand"
        The node who sends the message.
    people : int, default 8
        How many people the network must have, the sender included.
    max_direct : int, default 3
        How many people the sender may talk to directly.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_two_step_design(...).status
    'unanswered'
    >>> check_two_step_design(nx.path_graph(3))
    ✘ Not yet: there is no 'Brand' in your network.
      Hint: add a person called 'Brand'.
    """
    problem = graph_problem(G, max_nodes=1000, what="your network (a networkx Graph)", self_loops=True)
    if problem:
        return problem
    if G.number_of_edges() == 0 and G.number_of_nodes() <= 1:
        return unanswered("your design: add customers and ties (with the builder or in code)")
    if sender not in G:
        close = [v for v in G if str(v).strip().lower() == sender.lower()]
        hint = f"you have {close[0]!r}: names must match exactly." if close else f"add a person called {sender!r}."
        return wrong(f"there is no {sender!r} in your network.", hint)
    loops = list(nx.nodes_with_selfloops(G))
    if loops:
        return wrong(f"{loops[0]!r} has a tie to themselves.", "remove self-ties: they carry no message.")
    if G.number_of_nodes() != people:
        return wrong(f"the network has {plural(G.number_of_nodes(), 'person', 'people')}; the exercise asks for "
                      f"{people} ({sender} and {plural(people - 1, 'customer')}).",
                      "add or remove people until the count matches.")
    direct = G.degree(sender)
    if direct > max_direct:
        return wrong(f"{sender} talks directly to {plural(direct, 'person', 'people')}; the budget is {max_direct}.",
                      "let some customers pass the message on to others instead.")
    dist = nx.single_source_shortest_path_length(G, sender)
    far = [v for v in G if dist.get(v, math.inf) > 2]
    if far:
        unreachable = [v for v in far if v not in dist]
        detail = (f"{len(unreachable)} cannot be reached at all" if unreachable
                  else f"{len(far)} {'is' if len(far) == 1 else 'are'} three or more steps away")
        return wrong(f"{detail}: {sorted(map(str, far))}.",
                      f"tie each of them to someone {sender} talks to directly.")
    return correct(f"{sender} talks to {plural(direct, 'person', 'people')} and still reaches all "
               f"{plural(people - 1, 'other')} within two steps.")


#: The network and question of exercise 1.3.
REACH_EXERCISE = {"topology": "media + peers", "n": 60, "seed": 4, "source": 0, "k": 2}


@teaching_check
def check_two_step_reach(answer: Any) -> Feedback:
    """Exercise 1.3: who media hub 0 reaches within two steps (the hub included).

    Parameters
    ----------
    answer : set
        The people reached, as a set of node numbers.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_two_step_reach(...).status
    'unanswered'
    >>> check_two_step_reach("everyone")
    ! Cannot check this answer: the answer 'everyone' is a single value, not a collection of nodes.
      Hint: give the set of people reached as a set, e.g. {'Ana', 'Ben'}, even if it has one member.
    """
    from snb.datasets import communication_network

    spec = REACH_EXERCISE
    G = communication_network(spec["topology"], spec["n"], seed=spec["seed"])
    if isinstance(answer, Mapping) and answer and all(
            isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in answer.values()):
        # {node: distance}, as nx.single_source_shortest_path_length(G, 0, cutoff=2) gives it
        farthest = max(answer.values())
        if farthest > spec["k"]:
            return wrong(f"your dictionary of distances goes up to {farthest} steps; the question "
                          f"stops at {spec['k']}.",
                          "pass cutoff=2, or keep the nodes at distance 2 or less: "
                          "{v for v, d in dist.items() if d <= 2}.")
        answer = list(answer)
    reached, problem = node_set_problem(answer, G, what="the set of people reached")
    if problem:
        return problem
    dist = nx.single_source_shortest_path_length(G, spec["source"], cutoff=spec["k"])
    truth = set(dist)
    if reached == truth:
        return correct(f"{len(truth)} of {G.number_of_nodes()} people are within two steps of hub "
                   f"{spec['source']}, the hub included.")
    if reached == truth - {spec["source"]}:
        return wrong("almost: you left out the hub itself.",
                      "count the sender as reached at step 0, as k_step_reach does.")
    exactly_two = {v for v, d in dist.items() if d == 2}
    one_step = {v for v, d in dist.items() if d <= 1}
    if reached in (exactly_two, exactly_two | {spec["source"]}):
        return wrong("these are only the people exactly two steps away.",
                      "'within two steps' includes the hub's own contacts (one step) too.")
    if reached in (one_step, one_step - {spec["source"]}):
        return wrong("these are only the hub's direct contacts (one step).",
                      "add the contacts of those contacts.")
    extra, missing = reached - truth, truth - reached
    return wrong(f"{plural(len(missing), 'person', 'people')} missing and {len(extra)} too many "
                  f"(you have {len(reached)}, the answer has {len(truth)}).",
                  "nx.single_source_shortest_path_length(G, 0, cutoff=2) gives everyone within two steps.")


#: The set-up of exercise 1.4 (shared with the notebook so both use the same numbers).
SEEDING_EXERCISE = {"topology": "media + peers", "n": 200, "seed": 1, "budget": 4,
                    "p": 0.2, "p_hub": 0.05, "reference_runs": 3000, "tolerance": 0.1}


@functools.lru_cache(maxsize=2)
def _seeding_reference(with_p_hub: bool = True) -> dict[str, float]:
    """Long-run mean reach of both seedings (``with_p_hub=False``: as if p_hub were left out)."""
    from snb.datasets import communication_network
    from snb.models import cascade_sizes, choose_seeds

    s = SEEDING_EXERCISE
    G = communication_network(s["topology"], s["n"], seed=s["seed"])
    p_hub = s["p_hub"] if with_p_hub else None
    return {
        strategy: float(cascade_sizes(G, choose_seeds(G, s["budget"], strategy, seed=s["seed"]),
                                      s["p"], p_hub=p_hub, runs=s["reference_runs"], seed=99).mean())
        for strategy in ("broadcast", "peer")
    }


def _close(value: float, target: float, tol: float) -> bool:
    return abs(value - target) <= tol * target


@teaching_check
def check_seeding_comparison(better: Any, broadcast_mean: Any, peer_mean: Any) -> Feedback:
    """Exercise 1.4: mean reach of both seedings, and which is larger.

    Parameters
    ----------
    better : str
        ``"broadcast"`` or ``"peer"``.
    broadcast_mean, peer_mean : float
        Mean number of people reached by each seeding, over many seeded runs of the exercise's
        cascade.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_seeding_comparison(..., ..., ...).status
    'unanswered'
    >>> check_seeding_comparison("peer", 0.3, 25)
    ✘ Not yet: broadcast_mean = 0.3 is impossible: reach lies between 1 and 200 people.
      Hint: take the mean of cascade_sizes(...), not a share or a sum.
    """
    ref = _seeding_reference()
    means = {}
    for name, value in (("broadcast_mean", broadcast_mean), ("peer_mean", peer_mean)):
        number, problem = number_problem(value, what=f"{name}, a mean number of people reached")
        if problem:
            return problem
        means[name] = number
        if number < 1 or number > SEEDING_EXERCISE["n"]:
            return wrong(f"{name} = {number:g} is impossible: reach lies between 1 and "
                          f"{SEEDING_EXERCISE['n']} people.",
                          "take the mean of cascade_sizes(...), not a share or a sum.")
    if better is ...:
        return unanswered("'broadcast' or 'peer'")
    if not isinstance(better, str) or better.strip().lower() not in ("broadcast", "peer"):
        return invalid(f"better must be the text 'broadcast' or 'peer', got {describe(better)}.")
    tol = SEEDING_EXERCISE["tolerance"]
    no_hub = _seeding_reference(with_p_hub=False)
    if (_close(means["broadcast_mean"], no_hub["broadcast"], tol) and _close(means["peer_mean"], no_hub["peer"], tol)
            and not _close(means["broadcast_mean"], ref["broadcast"], tol)):
        return wrong("your means look like every tie used p = 0.2, hub ties included: p_hub was left out.",
                      f"pass the keyword p_hub={SEEDING_EXERCISE['p_hub']} to models.cascade_sizes, as in "
                      "the lesson's cascade with media hubs.")
    for name, strategy in (("broadcast_mean", "broadcast"), ("peer_mean", "peer")):
        value = means[name]
        if abs(value - ref[strategy]) > tol * ref[strategy]:
            other = "peer" if strategy == "broadcast" else "broadcast"
            if abs(value - ref[other]) <= tol * ref[other]:
                return wrong(f"{name} looks like the other strategy's number.", "check which seeds went where.")
            return wrong(f"{name} = {value:.1f} is more than {tol:.0%} away from the long-run mean.",
                          "one run is mostly luck: average cascade_sizes over at least 500 seeded runs, "
                          "with the exercise's p and the keyword p_hub.")
    winner = max(ref, key=ref.get)
    if better.strip().lower() != winner:
        return wrong(f"your own numbers say otherwise: {winner} reaches more people on average.",
                      "compare the two means you computed.")
    return correct(f"{winner} seeding reaches about {ref[winner]:.0f} people on average, against "
               f"{min(ref.values()):.0f} for the other, with the same budget of {SEEDING_EXERCISE['budget']}.")


# ------------------------------------------------ exercise 1.5: a manager's decision
#: Exercise 1.5: the options a manager weighs, each with the reasoning the chapter supports.
DECISION_EXERCISE: dict[str, Any] = {
    "p_dialogue": 0.10,
    "options": {
        "A": "Transform now: move the whole marketing team to two-way dialogue at once.",
        "B": "Step by step: run small dialogue pilots and scale them up as they work.",
        "C": "Keep buying reach through the media hubs, and re-measure the dialogue pass-on "
             "each quarter before investing.",
        "D": "Stop paying the media and brief randomly chosen customers instead.",
    },
    "answer": "C",
    "feedback": {
        "A": "at a dialogue pass-on of 0.10 a message that invites a reply spreads barely better "
             "than a one-way one, so the transformation's cost of 150 plus 10 a period is not "
             "earned back, and a failure (a 40 % chance in the lesson) loses four periods of "
             "campaigns. Even at 0.25, transformation only overtook step by step at a success "
             "chance of 0.9.",
        "B": "step by step is the robust choice only when dialogue is clearly more contagious: "
             "in the lesson's market its pilots did not pay back at dialogue pass-on 0.10, below "
             "the crossover between 0.15 and 0.20. Its pilots cost 10 a period that 0.10 does not "
             "pay back; it becomes the better plan if the measured pass-on rises.",
        "C": "at 0.10 the market is below the crossover (between 0.15 and 0.20) where adapting "
             "starts to pay, so the cheap one-way channel wins for now. Measuring the pass-on "
             "again is what tells the firm when to switch to step by step, so this is wait and "
             "see with the evidence watched, not ignored.",
        "D": "briefing random customers reached fewer people than briefing the hubs at every "
             "pass-on probability below the tipping point (about 25 against 45 at p = 0.2 on the "
             "scale-free network), and at 0.10 word of mouth fizzles out after a few people.",
    },
}


@teaching_check
def check_decision(answer: Any) -> Feedback:
    """Exercise 1.5: the manager's choice, given as the option's letter or its text.

    Parameters
    ----------
    answer : str
        One letter, A to D, or the text of an option (any case).

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_decision(...).status
    'unanswered'
    >>> check_decision("E")
    ! Cannot check this answer: 'E' is not one of the options.
      Hint: answer with one letter, A, B, C or D, or copy an option's text.
    """
    spec = DECISION_EXERCISE
    return choice_check(answer, spec["options"], spec["answer"],
                        "compare the measured dialogue pass-on with the crossover in the lesson's sweep.",
                        feedback=lambda k: (f"{k}: " if k == spec["answer"] else f"{k} is not the best plan here: ")
                        + spec["feedback"][k], name="choice")


# ------------------------------------------ exercise 1.6: a network from a CSV file
#: Exercise 1.6: the shipped email export and what to find in it.
EMAIL_EXERCISE = {"file": "agency-email-export.csv", "columns": ("source", "target", "messages",
                                                                   "first_sent")}


@teaching_check
def check_email_export(G: Any, broker: Any) -> Feedback:
    """Exercise 1.6: the email export as contacts, and the person most paths run through.

    Parameters
    ----------
    G : networkx.Graph
        The export read as an undirected network: one tie per pair who emailed, no header row,
        no notes to self.
    broker : str
        The name of the person on the most shortest paths between the others.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> import networkx as nx
    >>> check_email_export(..., ...).status
    'unanswered'
    >>> check_email_export(nx.DiGraph([("Ana", "Ben")]), "Ana")
    ✘ Not yet: this is a directed network: the export lists each direction as its own row.
      Hint: the exercise counts one contact per pair: build nx.Graph(), or use G.to_undirected().
    """
    from snb.datasets import load_email_export

    truth = load_email_export()
    if isinstance(G, nx.Graph) and G.is_directed():
        return wrong("this is a directed network: the export lists each direction as its own row.",
                      "the exercise counts one contact per pair: build nx.Graph(), or use "
                      "G.to_undirected().")
    problem = graph_problem(G, max_nodes=1000, what="the email network (a networkx Graph)",
                            self_loops=True)
    if problem:
        return problem
    header = [c for c in EMAIL_EXERCISE["columns"] if c in G]
    if header:
        return wrong(f"{header[0]!r} is a person in your network: the header row was read as a tie.",
                      "csv.DictReader skips the header; with csv.reader, call next(reader) first.")
    loops = list(nx.nodes_with_selfloops(G))
    if loops:
        return wrong(f"{loops[0]!r} has a tie to themselves: a note to self is not a contact.",
                      "skip rows whose source equals their target, or remove nx.selfloop_edges(G).")
    if set(G) != set(truth):
        missing, extra = sorted(set(truth) - set(G)), sorted(map(str, set(G) - set(truth)))
        detail = f"missing {missing[:4]}" if missing else f"not in the file: {extra[:4]}"
        return wrong(f"your network has {plural(G.number_of_nodes(), 'person', 'people')}, the export "
                      f"{truth.number_of_nodes()} ({detail}).",
                      "add a tie for every row of the file, with the names as written.")
    if set(map(frozenset, G.edges)) != set(map(frozenset, truth.edges)):
        return wrong(f"your network has {plural(G.number_of_edges(), 'tie')}; the export gives "
                      f"{truth.number_of_edges()} pairs who emailed.",
                      "add one tie per row; a pair that wrote both ways is still one contact.")
    if broker is ...:
        return unanswered("the name of the person most shortest paths run through")
    if not isinstance(broker, str):
        return invalid(f"broker should be one person's name as text, got {describe(broker)}.",
                        "e.g. broker = 'Amir'; max(scores, key=scores.get) gives the name.")
    scores = nx.betweenness_centrality(truth)
    best = max(scores, key=scores.get)
    name = next((v for v in truth if v.lower() == broker.strip().lower()), None)
    if name is None:
        return invalid(f"{broker!r} is not in the export.", "give a name exactly as it appears in the file.")
    if name != best:
        if truth.degree(name) == max(d for _, d in truth.degree()):
            return wrong(f"{name} has the most ties ({truth.degree(name)}), but ties are not paths.",
                          "betweenness counts the shortest paths running through a person: "
                          "nx.betweenness_centrality(G).")
        return wrong(f"{name} lies on {scores[name]:.0%} of the shortest paths between others; "
                      f"someone lies on more.", "take the person with the highest "
                      "nx.betweenness_centrality(G).")
    return correct(f"{truth.number_of_nodes()} people and {truth.number_of_edges()} contacts; {best} lies on "
               f"{scores[best]:.0%} of the shortest paths between the others, though "
               f"{max(truth, key=truth.degree)} has more ties.")
