"""Chapter 3 exercise checks: accept right answers in every valid form, explain wrong ones,
and turn bad input into a clear message instead of a traceback."""

import networkx as nx
import numpy as np
import pytest
from helpers import ODD_INPUTS, assert_feedback, assert_odd_inputs_rejected

from snb import checks, datasets, widgets
from snb.models import communities


def _practice():
    G = nx.Graph()
    for circle in checks.PRACTICE_EXERCISE["circles"]:
        G.add_edges_from((a, b) for i, a in enumerate(circle) for b in circle[i + 1:])
    G.add_edge(*checks.PRACTICE_EXERCISE["bridge"])
    return G


@pytest.mark.parametrize("check, args", [
    (checks.check_practice_community, lambda x: (x,)),
    (checks.check_karate_communities, lambda x: (x, 0.5)),
    (checks.check_karate_communities, lambda x: (communities.detect(datasets.load_karate_club(), seed=3), x)),
    (checks.check_fragmenting_departures, lambda x: (x,)),
    (checks.check_merge_advice, lambda x: (x,)),
])
def test_odd_inputs_never_raise_and_are_never_accepted(check, args):
    assert_odd_inputs_rejected(check, args, ODD_INPUTS)


@pytest.mark.parametrize("check, args", [
    (checks.check_practice_community, (...,)),
    (checks.check_karate_communities, (..., ...)),
    (checks.check_fragmenting_departures, (...,)),
    (checks.check_merge_advice, (...,)),
])
def test_placeholder_is_not_answered_yet(check, args):
    assert_feedback(check(*args), "unanswered")


# ---------------------------------------------------------------- 3.1 build
def test_practice_accepts_the_solution_in_any_order_and_from_the_builder():
    assert_feedback(checks.check_practice_community(_practice()), "correct", "13 ties")
    reordered = nx.Graph([(b, a) for a, b in reversed(list(_practice().edges))])
    assert_feedback(checks.check_practice_community(reordered), "correct")
    builder = widgets.NetworkBuilder(check=checks.check_practice_community)
    builder.set_edges("\n".join(f"{a} - {b}" for a, b in _practice().edges))
    assert_feedback(checks.check_practice_community(builder.graph), "correct")


def test_practice_explains_typical_mistakes():
    G = _practice()
    G.remove_edge("Dev", "Eva")
    assert_feedback(checks.check_practice_community(G), "incorrect", "bridge Dev - Eva is missing")
    G = _practice()
    G.add_edge("Ana", "Hana")
    assert_feedback(checks.check_practice_community(G), "incorrect", "1 tie too many", "Ana - Hana")
    G = _practice()
    G.remove_edges_from([("Ana", "Ben"), ("Gus", "Hana")])
    assert_feedback(checks.check_practice_community(G), "incorrect", "2 ties missing")
    G = nx.relabel_nodes(_practice(), {"Ana": "ana"})
    assert_feedback(checks.check_practice_community(G), "incorrect", "'ana' should be 'Ana'")
    G = _practice()
    G.remove_node("Hana")
    assert_feedback(checks.check_practice_community(G), "incorrect", "missing: Hana")
    assert_feedback(checks.check_practice_community(_practice().to_directed()), "invalid", "directed")


# ---------------------------------------------------------------- 3.2 karate
@pytest.fixture(scope="module")
def karate_answer():
    G = datasets.load_karate_club()
    found = nx.community.louvain_communities(G, weight=None, seed=3)
    return G, found, communities.agreement(G, found, communities.factions(G))


def test_karate_accepts_the_solution_in_any_form(karate_answer):
    G, found, agree = karate_answer
    for form in (found, [list(p) for p in found], tuple(frozenset(p) for p in reversed(found))):
        assert_feedback(checks.check_karate_communities(form, agree["ARI"]), "correct", "4 communities")
    assert_feedback(checks.check_karate_communities(found, np.float64(agree["ARI"])), "correct")


def test_karate_explains_typical_mistakes(karate_answer):
    G, found, agree = karate_answer
    assert_feedback(checks.check_karate_communities(found, agree["NMI"]), "incorrect", "normalised mutual")
    assert_feedback(checks.check_karate_communities(found, 0.9), "incorrect", "not 0.900")
    other = communities.detect(G, "greedy modularity")
    other_ari = communities.agreement(G, other, communities.factions(G))["ARI"]
    assert_feedback(checks.check_karate_communities(other, other_ari), "incorrect", "seed 3 finds 4")
    assert_feedback(checks.check_karate_communities(found[:3], 0.5), "incorrect", "in no community")
    doubled = [set(found[0]) | {next(iter(found[1]))}] + [set(p) for p in found[1:]]
    assert_feedback(checks.check_karate_communities(doubled, 0.5), "incorrect", "in two communities")
    as_text = [{str(v) for v in p} for p in found]
    assert_feedback(checks.check_karate_communities(as_text, 0.5), "invalid", "numbers 0 to 33")
    assert_feedback(checks.check_karate_communities(found[0], 0.5), "invalid", "set of members")
    assert_feedback(checks.check_karate_communities(found, "0.5"), "invalid", "remove the quotes")


# ---------------------------------------------------------------- 3.3 departures
def test_departures_accept_the_count_as_int_or_float():
    for answer in (4, 4.0, np.int64(4)):
        assert_feedback(checks.check_fragmenting_departures(answer), "correct", "4 departures")


@pytest.mark.parametrize("answer, fragment, status", [
    (3, "still holds half", "incorrect"),
    (1, "after 1 departure the", "incorrect"),
    (15, "fewer departures are enough", "incorrect"),
    (4.5, "not a count", "invalid"),
    (-1, "not a count", "invalid"),
    ("4", "remove the quotes", "invalid"),
])
def test_departures_explain_mistakes(answer, fragment, status):
    assert_feedback(checks.check_fragmenting_departures(answer), status, fragment)


# ---------------------------------------------------------------- 3.4 advice
def test_merge_advice_gives_feedback_for_every_option():
    assert_feedback(checks.check_merge_advice("B"), "correct", "Fortunato and Barthelemy")
    assert_feedback(checks.check_merge_advice(" b "), "correct")
    assert_feedback(checks.check_merge_advice("A"), "incorrect", "resolution limit")
    assert_feedback(checks.check_merge_advice("C"), "incorrect", "not evidence")
    assert_feedback(checks.check_merge_advice("D"), "incorrect", "label propagation")
    assert_feedback(checks.check_merge_advice("E"), "invalid", "A, B, C or D")
    texts = {checks.check_merge_advice(k).message for k in checks.MERGE_OPTIONS}
    assert len(texts) == 4
