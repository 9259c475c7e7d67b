"""snb.checks: worked solutions pass, typical mistakes are explained, bad input never raises."""

import math

import networkx as nx
import numpy as np
import pytest
from helpers import assert_feedback

from snb import checks, datasets, models
from snb.feedback import plural


# ----------------------------------------------------------------- Feedback
def test_feedback_text_and_html_carry_message_and_hint():
    fb = checks.Feedback("incorrect", "a < b is false", "try x > y & co")
    assert "a < b is false" in str(fb) and "Hint: try x > y & co" in str(fb)
    assert repr(fb) == str(fb)
    html = fb._repr_html_()
    assert "a &lt; b is false" in html and "try x &gt; y &amp; co" in html
    assert "a < b" not in html and "x > y" not in html
    assert not fb.correct and checks.Feedback("correct", "well done").correct


@pytest.mark.parametrize("status, heading", [("correct", "Correct"), ("incorrect", "Not yet"),
                                             ("unanswered", "Not answered yet"),
                                             ("invalid", "Cannot check this answer")])
def test_feedback_headings(status, heading):
    fb = checks.Feedback(status, "the message")
    assert f"{heading}: the message" in str(fb) and heading in fb._repr_html_()
    assert "Hint" not in str(fb)


@pytest.mark.parametrize("status", ["ok", "Correct", "", None])
def test_unknown_status_raises(status):
    with pytest.raises(ValueError, match="unknown status"):
        checks.Feedback(status, "message")


def test_teaching_check_turns_an_exception_into_invalid_feedback():
    @checks.teaching_check
    def fragile(answer):
        if answer == "good":
            return checks.Feedback("correct", "fine")
        return {"a": 1}[answer]

    assert fragile("good").status == "correct"
    fb = fragile("b")
    assert_feedback(fb, "invalid", "could not read this answer", "KeyError", "'b'")
    assert fb.hint and fragile.__name__ == "fragile"


# ------------------------------------------------- exercise 1.1: team basics
TEAM = datasets.load_tiny_team()
N, M = TEAM.number_of_nodes(), TEAM.number_of_edges()
DENSITY = nx.density(TEAM)
TOP = max(d for _, d in TEAM.degree())
LEADERS = {v for v, d in TEAM.degree() if d == TOP}


def test_team_basics_accepts_the_worked_solution():
    assert len(LEADERS) >= 2  # so "one leader missing" below is a real mistake
    fb = checks.check_team_basics(DENSITY, LEADERS)
    assert_feedback(fb, "correct", f"density {DENSITY:.3f}", " and ".join(sorted(LEADERS)))
    assert checks.check_team_basics(np.float64(round(DENSITY, 3)), list(LEADERS)).correct


@pytest.mark.parametrize(
    "density, people, fragments",
    [
        (M / (N * (N - 1)), LEADERS, ["treats every tie as one-way", "n(n-1)/2"]),
        (M / N, LEADERS, ["ties per person"]),
        (100 * DENSITY, LEADERS, ["percentage", "between 0 and 1"]),
        (0.5, LEADERS, ["the density is not 0.500", "nx.density"]),
        (DENSITY, {"Dev"}, ["Dev is the bridge", "dict(G.degree())"]),
        (DENSITY, set(sorted(LEADERS)[:1]), [f"{len(LEADERS) - 1} more person", "highest degree"]),
        (DENSITY, LEADERS | {"Ben"}, ["not everyone in", "Ben"]),
    ],
    ids=["directed density", "ties per person", "percentage", "other number", "Dev", "one leader missing",
         "one too many"],
)
def test_team_basics_explains_typical_mistakes(density, people, fragments):
    assert_feedback(checks.check_team_basics(density, people), "incorrect", *fragments)


@pytest.mark.parametrize(
    "density, people, fragments",
    [
        (None, LEADERS, ["the answer is None"]),
        (f"{DENSITY:.3f}", LEADERS, ["is the text", "not a number", "remove the quotes"]),
        (float("nan"), LEADERS, ["not a finite number"]),
        (True, LEADERS, ["expected a number, got a bool"]),
        ([DENSITY], LEADERS, ["got a list"]),
        (DENSITY, None, ["the answer is None"]),
        (DENSITY, "Ana", ["single value", "as a set"]),
        (DENSITY, 3, ["single value"]),
        (DENSITY, {"Ana": 3, "Eva": 3}, ["dictionary"]),
        (DENSITY, {"ana", "eva"}, ["not in the network", "'ana'", "capital letters"]),
        (DENSITY, [["Ana", "Eva"]], ["cannot be nodes"]),
        (DENSITY, nx.path_graph(6000), ["not in the network"]),
    ],
)
def test_team_basics_bad_input_is_invalid_not_an_error(density, people, fragments):
    assert_feedback(checks.check_team_basics(density, people), "invalid", *fragments)


# --------------------------------------------- exercise 1.2: two-step design
def design_solution():
    """Brand talks to three relays; two of them pass the message to two customers each."""
    return nx.Graph([("Brand", "Ria"), ("Brand", "Sam"), ("Brand", "Tom"),
                     ("Ria", "Cas"), ("Ria", "Dee"), ("Sam", "Eli"), ("Sam", "Flo")])


def with_changes(add=(), remove_nodes=(), relabel=None):
    G = design_solution()
    G.remove_nodes_from(remove_nodes)
    G.add_edges_from(add)
    return nx.relabel_nodes(G, relabel) if relabel else G


def test_design_solution_is_a_valid_design():
    G = design_solution()
    assert G.number_of_nodes() == 8 and G.degree("Brand") <= 3
    assert max(nx.single_source_shortest_path_length(G, "Brand").values()) == 2
    assert_feedback(checks.check_two_step_design(G), "correct", "talks to 3 people", "all 7 others")


@pytest.mark.parametrize(
    "G, fragments",
    [
        (nx.star_graph(["Brand"] + [f"c{i}" for i in range(7)]), ["talks directly to 7 people", "budget is 3"]),
        (nx.path_graph(["Brand"] + [f"c{i}" for i in range(7)]), ["5 are three or more steps away", "c6"]),
        (with_changes(remove_nodes=["Flo"]), ["has 7 people", "asks for 8"]),
        (with_changes(add=[("Tom", "extra")]), ["has 9 people", "asks for 8"]),
        (with_changes(relabel={"Brand": "Company"}), ["no 'Brand'", "add a person called 'Brand'"]),
        (with_changes(relabel={"Brand": "brand"}), ["no 'Brand'", "you have 'brand'", "match exactly"]),
        (with_changes(add=[("Brand", "Brand")]), ["'Brand' has a tie to themselves"]),
        (nx.relabel_nodes(nx.disjoint_union(nx.star_graph(3), nx.path_graph(4)), {0: "Brand"}),
         ["4 cannot be reached at all"]),
    ],
    ids=["star", "path", "too few", "too many", "no Brand", "brand", "self loop", "disconnected"],
)
def test_design_explains_typical_mistakes(G, fragments):
    assert_feedback(checks.check_two_step_design(G), "incorrect", *fragments)


@pytest.mark.parametrize(
    "G, fragments",
    [
        (None, ["the answer is None, not a network", "return None"]),
        ("Brand -> Ria", ["the text", "not a network"]),
        (nx.DiGraph(design_solution()), ["directed network (a DiGraph)", "to_undirected"]),
        (nx.MultiGraph(design_solution()), ["multigraph"]),
        (nx.Graph(), ["the network is empty"]),
        (nx.path_graph(6000), ["6,000 nodes", "far more than"]),
        ({"Brand": ["Ria", "Sam"]}, ["got a dict"]),
        (list(design_solution().edges), ["got a list"]),
        (True, ["got a bool"]),
        (8, ["got a int"]),
    ],
    ids=["None", "str", "DiGraph", "MultiGraph", "empty", "huge", "dict", "list", "bool", "number"],
)
def test_design_bad_input_is_invalid_not_an_error(G, fragments):
    assert_feedback(checks.check_two_step_design(G), "invalid", *fragments)


# ----------------------------------------------- exercise 1.3: two-step reach
SPEC = checks.REACH_EXERCISE
REACH_G = datasets.communication_network(SPEC["topology"], SPEC["n"], seed=SPEC["seed"])
DIST = nx.single_source_shortest_path_length(REACH_G, SPEC["source"], cutoff=SPEC["k"])
TRUTH = set(DIST)
HUB = SPEC["source"]
ONE_STEP = {v for v, d in DIST.items() if d == 1}
TWO_STEPS = {v for v, d in DIST.items() if d == 2}


def test_reach_accepts_the_worked_solution():
    assert TRUTH == models.k_step_reach(REACH_G, HUB, SPEC["k"])
    assert ONE_STEP and TWO_STEPS and TRUTH != set(REACH_G)  # the mistakes below are distinguishable
    assert_feedback(checks.check_two_step_reach(TRUTH), "correct",
                    f"{len(TRUTH)} of {REACH_G.number_of_nodes()} people")
    assert checks.check_two_step_reach(sorted(TRUTH)).correct
    assert checks.check_two_step_reach(REACH_G.subgraph(TRUTH)).correct


@pytest.mark.parametrize(
    "answer, fragments",
    [
        (ONE_STEP | {HUB}, ["only the hub's direct contacts"]),
        (ONE_STEP, ["only the hub's direct contacts"]),
        (TWO_STEPS, ["only the people exactly two steps away", "one step"]),
        (TWO_STEPS | {HUB}, ["only the people exactly two steps away"]),
        (TRUTH - {HUB}, ["left out the hub itself"]),
        (set(sorted(TRUTH)[::2]), [f"{len(TRUTH) - len(sorted(TRUTH)[::2])} people missing and 0 too many"]),
        (set(REACH_G), [f"0 people missing and {REACH_G.number_of_nodes() - len(TRUTH)} too many"]),
        (set(), [f"{len(TRUTH)} people missing", "cutoff=2"]),
    ],
    ids=["one step", "one step without hub", "exactly two", "exactly two with hub", "no hub", "random subset",
         "everyone", "empty"],
)
def test_reach_explains_typical_mistakes(answer, fragments):
    assert_feedback(checks.check_two_step_reach(answer), "incorrect", *fragments)


@pytest.mark.parametrize(
    "answer, fragments",
    [
        (None, ["the answer is None"]),
        ("0, 1, 2", ["single value"]),
        (HUB, ["single value", "even if it has one member"]),
        (float("nan"), ["single value"]),
        (True, ["single value"]),
        ({str(v) for v in TRUTH}, ["not in the network", "numbers, not text", "write 3, not '3'"]),
        ({"Ana", "Ben"}, ["not in the network", "capital letters"]),
        ([[0, 1], [2]], ["cannot be nodes"]),
        (nx.path_graph(6000), ["not in the network"]),
    ],
)
def test_reach_bad_input_is_invalid_not_an_error(answer, fragments):
    assert_feedback(checks.check_two_step_reach(answer), "invalid", *fragments)


# ------------------------------------------ exercise 1.4: seeding comparison
@pytest.fixture(scope="module")
def seeding():
    """Mean reach of both seedings, estimated as the exercise asks (600 seeded runs each)."""
    s = checks.SEEDING_EXERCISE
    G = datasets.communication_network(s["topology"], s["n"], seed=s["seed"])
    result = {}
    for strategy in models.SEEDING_STRATEGIES:
        seeds = models.choose_seeds(G, s["budget"], strategy, seed=s["seed"])
        sizes = models.cascade_sizes(G, seeds, s["p"], p_hub=s["p_hub"], runs=600, seed=2024)
        singles = models.cascade_sizes(G, seeds, s["p"], p_hub=s["p_hub"], runs=50, seed=7)
        result[strategy] = {"mean": float(sizes.mean()), "sum": int(sizes.sum()), "singles": singles}
    result["winner"] = max(models.SEEDING_STRATEGIES, key=lambda k: result[k]["mean"])
    result["loser"] = min(models.SEEDING_STRATEGIES, key=lambda k: result[k]["mean"])
    return result


def test_seeding_accepts_the_worked_solution(seeding):
    b, p = seeding["broadcast"]["mean"], seeding["peer"]["mean"]
    fb = checks.check_seeding_comparison(seeding["winner"], b, p)
    assert_feedback(fb, "correct", f"{seeding['winner']} seeding reaches about", "budget of 4")
    assert checks.check_seeding_comparison(f" {seeding['winner'].title()} ", b, p).correct


def test_seeding_rejects_swapped_means(seeding):
    b, p = seeding["broadcast"]["mean"], seeding["peer"]["mean"]
    assert abs(b - p) > 0.25 * min(b, p)  # the two strategies are clearly apart
    fb = checks.check_seeding_comparison(seeding["winner"], p, b)
    assert_feedback(fb, "incorrect", "broadcast_mean looks like the other strategy's number")


def test_seeding_recognises_a_swap_on_the_other_strategys_scale(seeding):
    """A peer_mean within 10 % of the broadcast mean is the broadcast number, not bad luck."""
    b = seeding["broadcast"]["mean"]
    assert seeding["winner"] == "broadcast"
    tol = checks.SEEDING_EXERCISE["tolerance"]
    # inside the tolerance around the broadcast mean, but further from it than tol * (the peer mean)
    fb = checks.check_seeding_comparison("broadcast", b, (1 + 0.8 * tol) * b)
    assert_feedback(fb, "incorrect", "peer_mean looks like the other strategy's number")


def test_seeding_rejects_a_single_run_estimate(seeding):
    b, p = seeding["broadcast"]["mean"], seeding["peer"]["mean"]
    # a single run that is far from both long-run means (one run is mostly luck)
    single = next(int(x) for x in seeding["broadcast"]["singles"]
                  if abs(x - b) > 0.25 * b and abs(x - p) > 0.25 * p)
    fb = checks.check_seeding_comparison(seeding["winner"], single, p)
    assert_feedback(fb, "incorrect", f"broadcast_mean = {single:.1f} is more than 10% away",
                    "at least 500 seeded runs")


def test_seeding_rejects_the_wrong_winner(seeding):
    b, p = seeding["broadcast"]["mean"], seeding["peer"]["mean"]
    fb = checks.check_seeding_comparison(seeding["loser"], b, p)
    assert_feedback(fb, "incorrect", f"{seeding['winner']} reaches more people on average")


@pytest.mark.parametrize("which", ["share", "sum"])
def test_seeding_rejects_impossible_means(seeding, which):
    n = checks.SEEDING_EXERCISE["n"]
    b = seeding["broadcast"]["mean"] / n if which == "share" else seeding["broadcast"]["sum"]
    fb = checks.check_seeding_comparison(seeding["winner"], b, seeding["peer"]["mean"])
    assert_feedback(fb, "incorrect", "broadcast_mean", "is impossible", f"between 1 and {n}")


@pytest.mark.parametrize(
    "better, broadcast_mean, peer_mean, fragments",
    [
        ("broadcast", None, 20.0, ["the answer is None"]),
        ("broadcast", "38.4", 20.0, ["the text '38.4', not a number"]),
        ("broadcast", float("nan"), 20.0, ["not a finite number"]),
        ("broadcast", 38.4, math.inf, ["not a finite number"]),
        ("broadcast", [38.4], 20.0, ["got a list"]),
        ("broadcast", 38.4, True, ["got a bool"]),
        ("broadcast", np.array([38, 40]), 20.0, ["got a ndarray"]),
        ("broadcast", {"mean": 38.4}, 20.0, ["got a dict"]),
        (None, 38.4, 20.0, ["better must be the text 'broadcast' or 'peer'"]),
        ("media", 38.4, 20.0, ["better must be the text", "'media'"]),
        (1, 38.4, 20.0, ["better must be the text"]),
    ],
)
def test_seeding_bad_input_is_invalid_not_an_error(better, broadcast_mean, peer_mean, fragments):
    fb = checks.check_seeding_comparison(better, broadcast_mean, peer_mean)
    assert_feedback(fb, "invalid", *fragments)


# ------------------------------------------------- placeholders, everywhere
@pytest.mark.parametrize(
    "call",
    [
        lambda: checks.check_team_basics(..., ...),
        lambda: checks.check_team_basics(DENSITY, ...),
        lambda: checks.check_two_step_design(...),
        lambda: checks.check_two_step_reach(...),
        lambda: checks.check_seeding_comparison(..., ..., ...),
        lambda: checks.check_seeding_comparison(..., 38.0, 23.0),
    ],
    ids=["team", "team people", "design", "reach", "seeding", "seeding winner"],
)
def test_placeholder_is_not_answered_yet(call):
    fb = call()
    assert fb.status == "unanswered" and not fb.correct
    assert "Not answered yet" in str(fb) and "replace the `...`" in fb.message


# ------------------------------- issue 14: hardening of the shared validators
@pytest.mark.parametrize("n, word, many, text", [
    (0, "visit", None, "0 visits"), (1, "visit", None, "1 visit"), (2, "visit", None, "2 visits"),
    (1, "person", "people", "1 person"), (3, "person", "people", "3 people"),
])
def test_plural(n, word, many, text):
    assert plural(n, word, many) == text


class _Exiting:
    def __eq__(self, other):
        raise SystemExit(3)

    __hash__ = object.__hash__


class _Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text")


def test_teaching_check_survives_system_exit_and_unprintable_errors():
    @checks.teaching_check
    def exits(answer):
        raise SystemExit(1)

    @checks.teaching_check
    def unprintable(answer):
        raise _Unprintable()

    assert_feedback(exits(1), "invalid", "SystemExit")
    assert_feedback(unprintable(1), "invalid", "_Unprintable", "no description")
    assert checks.check_team_basics(DENSITY, [_Exiting()]).status == "invalid"


def test_teaching_check_lets_keyboard_interrupt_through():
    @checks.teaching_check
    def interrupted(answer):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted(1)


class _EndlessRepr:
    def __repr__(self):
        while True:  # pragma: no cover - the checks must never call it
            pass

    def __hash__(self):
        return 1

    def __eq__(self, other):
        return False


def test_checks_never_call_the_answers_repr():
    assert_feedback(checks.check_two_step_reach({_EndlessRepr()}), "invalid", "_EndlessRepr")
    assert_feedback(checks.check_team_basics(_EndlessRepr(), LEADERS), "invalid", "_EndlessRepr")
    assert_feedback(checks.check_two_step_reach(_EndlessRepr()), "invalid", "_EndlessRepr")


def test_an_endless_iterator_gets_an_answer_not_a_hang():
    import itertools
    assert_feedback(checks.check_two_step_reach(itertools.count()), "invalid", "never ends")
    assert_feedback(checks.check_team_basics(DENSITY, itertools.cycle(["Ana"])), "invalid", "never ends")


def test_true_is_not_node_1():
    assert 1 in TRUTH and True not in {type(v) for v in TRUTH}
    answer = (TRUTH - {1}) | {True}
    assert_feedback(checks.check_two_step_reach(answer), "invalid", "True", "not nodes")


def test_reach_accepts_the_dictionary_its_hint_recommends():
    """Item 5: the dict of nx.single_source_shortest_path_length(G, 0, cutoff=2) is an answer."""
    assert_feedback(checks.check_two_step_reach(DIST), "correct", "within two steps")
    everyone = nx.single_source_shortest_path_length(REACH_G, HUB)
    assert_feedback(checks.check_two_step_reach(everyone), "incorrect", "goes up to", "cutoff=2")
    one_step = nx.single_source_shortest_path_length(REACH_G, HUB, cutoff=1)
    assert_feedback(checks.check_two_step_reach(one_step), "incorrect", "direct contacts")


@pytest.mark.parametrize("answer", [
    sorted(DIST.items()),
    [[v, d] for v, d in DIST.items()],
    list(REACH_G.degree(TRUTH)),
], ids=["(node, distance) tuples", "[node, distance] lists", "(node, degree) pairs"])
def test_reach_pairs_say_what_was_seen_and_what_is_wanted(answer):
    fb = checks.check_two_step_reach(answer)
    assert_feedback(fb, "invalid", "pairs such as", "a node and a number", "{node for node, number in")
    assert "capital letters" not in fb.hint


def test_team_basics_name_degree_pairs_are_explained():
    pairs = [(v, TEAM.degree(v)) for v in LEADERS]
    assert_feedback(checks.check_team_basics(DENSITY, pairs), "invalid", "pairs such as", "first member")


@pytest.mark.parametrize("convert", [
    lambda x: __import__("fractions").Fraction(x).limit_denominator(10**9),
    lambda x: __import__("decimal").Decimal(repr(x)),
    lambda x: np.array(x),
    lambda x: np.array([x]),
    lambda x: np.array([[x]]),
], ids=["Fraction", "Decimal", "0-d array", "one-element array", "1x1 array"])
def test_numbers_in_every_real_form_are_numbers(convert, seeding):
    """Item 7: Fraction, Decimal and one-number arrays are accepted by every numeric check."""
    assert checks.check_team_basics(convert(DENSITY), LEADERS).correct
    b, p = seeding["broadcast"]["mean"], seeding["peer"]["mean"]
    assert checks.check_seeding_comparison(seeding["winner"], convert(b), convert(p)).correct


def test_feedback_plurals_in_chapter_1():
    G = nx.Graph([("Brand", "A"), ("A", "B"), ("B", "C"), ("Brand", "D"), ("D", "E"), ("D", "F"),
                  ("Brand", "G")])
    assert_feedback(checks.check_two_step_design(G), "incorrect", "1 is three or more steps away")
    one_short = set(sorted(LEADERS)[:-1])
    if len(LEADERS) - len(one_short) == 1:
        assert_feedback(checks.check_team_basics(DENSITY, one_short), "incorrect", "1 more person ties")
    missing_one = TRUTH - {max(TRUTH - {HUB})}
    assert_feedback(checks.check_two_step_reach(missing_one), "incorrect", "1 person missing")
