"""Chapter 4 exercise checks: accept right answers in every valid form, explain wrong ones,
and turn bad input into a clear message instead of a traceback."""

import networkx as nx
import numpy as np
import pytest
from helpers import ODD_INPUTS, assert_feedback, assert_odd_inputs_rejected

from snb import checks, widgets
from snb.models import brokerage, firm

COMPANY = firm.synthetic_firm(seed=checks.BROKER_EXERCISE["seed"])
LOSSES = brokerage.key_person_losses(COMPANY.informal)
KEY = max(LOSSES, key=lambda v: LOSSES[v]["efficiency loss"])


def _small_firm():
    return nx.Graph(checks.SMALL_FIRM_EXERCISE["advice"])


def _top(k=4):
    scores = nx.betweenness_centrality(COMPANY.informal)
    return sorted(scores, key=scores.get, reverse=True)[:k]


@pytest.mark.parametrize("check, args", [
    (checks.check_small_firm, lambda x: (x,)),
    (checks.check_brokers, lambda x: (x,)),
    (checks.check_key_person, lambda x: (x, 0.01)),
    (checks.check_key_person, lambda x: (KEY, x)),
    (checks.check_evangelists, lambda x: (x,)),
])
def test_odd_inputs_never_raise_and_are_never_accepted(check, args):
    assert_odd_inputs_rejected(check, args, ODD_INPUTS)


@pytest.mark.parametrize("check, args", [
    (checks.check_small_firm, (...,)),
    (checks.check_brokers, (...,)),
    (checks.check_key_person, (..., ...)),
    (checks.check_evangelists, (...,)),
])
def test_placeholder_is_not_answered_yet(check, args):
    assert_feedback(check(*args), "unanswered")


# ---------------------------------------------------------------- 4.1 build
def test_small_firm_accepts_the_solution_in_any_order_and_from_the_builder():
    assert_feedback(checks.check_small_firm(_small_firm()), "correct", "4 of them along a reporting line",
                    "Eva has the highest betweenness")
    reordered = nx.Graph([(b, a) for a, b in reversed(list(_small_firm().edges))])
    assert_feedback(checks.check_small_firm(reordered), "correct")
    builder = widgets.NetworkBuilder(check=checks.check_small_firm)
    builder.set_edges("\n".join(f"{a} - {b}" for a, b in _small_firm().edges))
    assert_feedback(checks.check_small_firm(builder.graph), "correct")


def test_small_firm_explains_typical_mistakes():
    G = _small_firm()
    G.add_edges_from(checks.SMALL_FIRM_EXERCISE["reports_to"])  # the chart added as advice
    assert_feedback(checks.check_small_firm(G), "incorrect", "2 ties too many", "reporting line is not an advice")
    G = _small_firm()
    G.add_edge("Ana", "Gus")
    assert_feedback(checks.check_small_firm(G), "incorrect", "1 tie too many", "Ana - Gus")
    G = _small_firm()
    G.remove_edge("Eva", "Femi")
    assert_feedback(checks.check_small_firm(G), "incorrect", "1 tie missing", "Eva - Femi")
    G = nx.relabel_nodes(_small_firm(), {"Eva": "eva"})
    assert_feedback(checks.check_small_firm(G), "incorrect", "'eva' should be 'Eva'")
    assert_feedback(checks.check_small_firm(_small_firm().to_directed()), "invalid", "directed")


# ---------------------------------------------------------------- 4.2 brokers
def test_brokers_accept_the_top_four_as_set_list_tuple_or_numpy_ints():
    for answer in (set(_top()), list(_top()), tuple(reversed(_top())), [np.int64(v) for v in _top()]):
        assert_feedback(checks.check_brokers(answer), "correct", "precision at 4: 1.00")


def test_brokers_explain_mistakes():
    assert_feedback(checks.check_brokers(set(_top(3))), "incorrect", "3 people", "asks for 4")
    degree = dict(COMPANY.informal.degree())
    by_degree = set(brokerage.top_k(degree, 4))
    assert by_degree != set(_top())
    assert_feedback(checks.check_brokers(by_degree), "incorrect", "most ties (degree)")
    swapped = set(_top()[:3]) | {0}
    assert_feedback(checks.check_brokers(swapped), "incorrect", "1 person in your answer (0) is not")
    assert_feedback(checks.check_brokers({"Ana", "Ben", "Chloe", "Dev"}), "invalid")


# ---------------------------------------------------------------- 4.3 key person
def test_key_person_accepts_the_answer_as_int_or_numpy_int():
    loss = LOSSES[KEY]["efficiency loss"]
    assert_feedback(checks.check_key_person(KEY, loss), "correct", f"person {KEY}", "planted broker")
    assert_feedback(checks.check_key_person(np.int64(KEY), np.float64(loss)), "correct")
    assert_feedback(checks.check_key_person(KEY, round(loss, 4)), "correct")


def test_key_person_explains_mistakes():
    loss = LOSSES[KEY]["efficiency loss"]
    assert_feedback(checks.check_key_person(0, loss), "incorrect", "removing 0 lowers efficiency", "rank")
    assert_feedback(checks.check_key_person(KEY, 2 * loss), "incorrect", f"{KEY} is right, but the loss")
    assert_feedback(checks.check_key_person(500, loss), "invalid", "not a person of the firm")
    assert_feedback(checks.check_key_person("83", loss), "invalid", "one person's number")


# ---------------------------------------------------------------- 4.4 evangelists
def test_evangelists_give_feedback_for_every_option_with_numbers():
    reach = {letter: checks.ch04.evangelist_reach(letter) for letter in checks.EVANGELIST_OPTIONS}
    assert max(reach, key=reach.get) == "C"
    assert_feedback(checks.check_evangelists("C"), "correct", f"{reach['C']:.0%}")
    assert_feedback(checks.check_evangelists(" c "), "correct")
    for letter in "ABD":
        assert_feedback(checks.check_evangelists(letter), "incorrect", f"{reach[letter]:.0%}")
    assert_feedback(checks.check_evangelists("E"), "invalid", "A, B, C or D")


def test_evangelist_options_describe_the_exercise_firm():
    degree = dict(COMPANY.informal.degree())
    assert set(brokerage.top_k(degree, 2)) == {25, 64}  # option B
    assert _top(2) == [80, 45]  # option C
    assert [COMPANY.department_of(v) for v in (80, 45)] == [1, 4]
    assert {1, 2} <= set(COMPANY.org.predecessors(0))  # options A and D: department heads
    assert [COMPANY.department_of(v) for v in (1, 2)] == [2, 3]
