"""Chapter 5 exercise checks: accept right answers in every valid form, explain wrong ones,
and turn bad input into a clear message instead of a traceback."""

import networkx as nx
import pytest
from helpers import ODD_INPUTS as COMMON_ODD_INPUTS
from helpers import assert_feedback, assert_odd_inputs_rejected

from snb import checks, datasets, widgets

ODD_INPUTS = COMMON_ODD_INPUTS + [["Medici"], [("Peter",)], iter(range(10**6))]

TOP = ["Medici", "Guadagni", "Albizzi"]
CAMP_TIES = [("Ambrose", "Winfrid"), ("Louis", "Hugh")]


def _ego():
    spec = checks.EGO_EXERCISE
    G = nx.Graph()
    G.add_edges_from((spec["ego"], c) for c in spec["contacts"])
    G.add_edges_from(spec["ties among contacts"])
    return G


@pytest.mark.parametrize("check, args", [
    (checks.check_top_brokers, lambda x: (x, "Salviati")),
    (checks.check_top_brokers, lambda x: (TOP, x)),
    (checks.check_ego_network, lambda x: (x,)),
    (checks.check_camp_bridges, lambda x: (x,)),
    (checks.check_contact_choice, lambda x: (x,)),
])
def test_odd_inputs_never_raise_and_are_never_accepted(check, args):
    assert_odd_inputs_rejected(check, args, ODD_INPUTS)


@pytest.mark.parametrize("check, args", [
    (checks.check_top_brokers, (..., ...)),
    (checks.check_top_brokers, (TOP, ...)),
    (checks.check_ego_network, (...,)),
    (checks.check_camp_bridges, (...,)),
    (checks.check_contact_choice, (...,)),
])
def test_placeholder_is_not_answered_yet(check, args):
    assert_feedback(check(*args), "unanswered")


# ---------------------------------------------------------------- 5.1 brokers
def test_brokers_accept_lists_and_tuples():
    assert_feedback(checks.check_top_brokers(TOP, "Salviati"), "correct", "rank 4", "11")
    assert_feedback(checks.check_top_brokers(tuple(TOP), "Salviati"), "correct")


def test_brokers_explain_typical_mistakes():
    assert_feedback(checks.check_top_brokers(["Medici", "Guadagni", "Strozzi"], "Salviati"), "incorrect",
                    "order by degree")
    assert_feedback(checks.check_top_brokers(["Medici", "Strozzi", "Ridolfi"], "Salviati"), "incorrect",
                    "order by eigenvector")
    assert_feedback(checks.check_top_brokers(["Guadagni", "Medici", "Albizzi"], "Salviati"), "incorrect",
                    "wrong order")
    assert_feedback(checks.check_top_brokers(["Medici", "Guadagni", "Pazzi"], "Salviati"), "incorrect",
                    "1 family")
    assert_feedback(checks.check_top_brokers(set(TOP), "Salviati"), "invalid", "no order")
    assert_feedback(checks.check_top_brokers(TOP[:2], "Salviati"), "invalid", "2 items")
    assert_feedback(checks.check_top_brokers(["medici", "Guadagni", "Albizzi"], "Salviati"), "invalid",
                    "'Medici'")
    assert_feedback(checks.check_top_brokers(TOP, "Strozzi"), "incorrect", "opposite")
    assert_feedback(checks.check_top_brokers(TOP, "Albizzi"), "incorrect", "not the largest")
    assert_feedback(checks.check_top_brokers(TOP, "salviati"), "invalid", "'Salviati'")


# ---------------------------------------------------------------- 5.2 ego network
def test_ego_accepts_the_solution_in_any_order_and_from_the_builder():
    assert_feedback(checks.check_ego_network(_ego()), "correct", "11 ties", "effective size of 4.33", "0.44")
    reordered = nx.Graph([(b, a) for a, b in reversed(list(_ego().edges))])
    assert_feedback(checks.check_ego_network(reordered), "correct")
    builder = widgets.NetworkBuilder(check=checks.check_ego_network)
    builder.set_edges("\n".join(f"{a} - {b}" for a, b in _ego().edges))
    assert_feedback(checks.check_ego_network(builder.graph), "correct")


def test_ego_explains_typical_mistakes():
    G = _ego()
    G.remove_edge("Mia", "Femi")
    assert_feedback(checks.check_ego_network(G), "incorrect", "1 tie missing", "every one of her contacts")
    G = _ego()
    G.remove_edges_from([("Ana", "Ben"), ("Eva", "Femi")])
    assert_feedback(checks.check_ego_network(G), "incorrect", "2 ties missing", "among the contacts")
    G = _ego()
    G.add_edge("Dev", "Eva")
    assert_feedback(checks.check_ego_network(G), "incorrect", "1 tie too many", "Dev - Eva")
    G = nx.relabel_nodes(_ego(), {"Mia": "mia"})
    assert_feedback(checks.check_ego_network(G), "incorrect", "'mia' should be 'Mia'")
    G = _ego()
    G.remove_node("Dev")
    assert_feedback(checks.check_ego_network(G), "incorrect", "missing: Dev")
    assert_feedback(checks.check_ego_network(_ego().to_directed()), "invalid", "directed")


# ---------------------------------------------------------------- 5.3 camps
def test_camp_ties_accept_every_form():
    assert_feedback(checks.check_camp_bridges(CAMP_TIES), "correct", "2 ties", "Ambrose - Winfrid", "Hugh - Louis")
    for form in ([("Winfrid", "Ambrose"), ("Hugh", "Louis")], {frozenset(p) for p in CAMP_TIES},
                 tuple(list(p) for p in CAMP_TIES), nx.Graph(CAMP_TIES),
                 [("Ambrose", "Winfrid"), ("Winfrid", "Ambrose"), ("Louis", "Hugh")]):
        assert_feedback(checks.check_camp_bridges(form), "correct")
    D = datasets.load_sampson("liking", 3)
    turks, loyal = (set(datasets.SAMPSON_GROUPS[g]) for g in ("Young Turks", "Loyal Opposition"))
    arcs = [(u, v) for u, v in D.edges if (u in turks) != (v in turks) and {u, v} <= turks | loyal]
    assert_feedback(checks.check_camp_bridges(arcs), "correct")


def test_camp_ties_explain_typical_mistakes():
    assert_feedback(checks.check_camp_bridges(CAMP_TIES[:1]), "incorrect", "1 tie missing", "both directions")
    assert_feedback(checks.check_camp_bridges(CAMP_TIES + [("Peter", "Gregory")]), "incorrect",
                    "Gregory and Peter are in different camps", "wave 3")
    assert_feedback(checks.check_camp_bridges(CAMP_TIES + [("Basil", "Elias")]), "incorrect", "same camp")
    assert_feedback(checks.check_camp_bridges(["Ambrose", "Winfrid"]), "invalid", "novices, not ties")
    assert_feedback(checks.check_camp_bridges([("Ambrose", "Winfried")]), "invalid", "'Winfried'")
    assert_feedback(checks.check_camp_bridges([]), "incorrect", "empty")


# ---------------------------------------------------------------- 5.4 decision
@pytest.mark.parametrize("letter, status, fragment", [
    ("B", "correct", "structural hole"), (" b ", "correct", "reciprocated"),
    ("A", "incorrect", "redundant"), ("C", "incorrect", "never been returned"),
])
def test_every_contact_option_gets_its_own_feedback(letter, status, fragment):
    assert_feedback(checks.check_contact_choice(letter), status, fragment)


def test_contact_choice_refuses_other_letters():
    assert_feedback(checks.check_contact_choice("D"), "invalid", "A, B or C")
