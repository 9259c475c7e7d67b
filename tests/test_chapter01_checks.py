"""Chapter 1's newer checks: the manager's decision (1.5), the email-export CSV (1.6) and the
p_hub hint of exercise 1.4. Right answers pass in every valid form; wrong answers and
garbage get specific feedback, never a traceback."""

import csv

import networkx as nx
import pytest

from helpers import assert_feedback
from snb import checks, datasets, models

OPTIONS = checks.DECISION_EXERCISE["options"]
ANSWER = checks.DECISION_EXERCISE["answer"]


# ------------------------------------------------------------- exercise 1.5
@pytest.mark.parametrize("form", [ANSWER, ANSWER.lower(), f" {ANSWER} ", f"({ANSWER})", f"{ANSWER})",
                                  f"{ANSWER}.", f"option {ANSWER}", f"Option {ANSWER.lower()}",
                                  OPTIONS[ANSWER], OPTIONS[ANSWER].upper(), OPTIONS[ANSWER].lower() + "  "])
def test_decision_accepts_the_answer_in_every_form(form):
    assert_feedback(checks.check_decision(form), "correct", "crossover")


@pytest.mark.parametrize("letter", [k for k in OPTIONS if k != ANSWER])
def test_decision_explains_every_wrong_option(letter):
    for form in (letter, letter.lower(), OPTIONS[letter]):
        fb = checks.check_decision(form)
        assert_feedback(fb, "incorrect", f"{letter} is not the best plan here",
                        checks.DECISION_EXERCISE["feedback"][letter][:40])


def test_every_option_has_its_own_feedback():
    feedback = checks.DECISION_EXERCISE["feedback"]
    assert set(feedback) == set(OPTIONS) and len(set(feedback.values())) == len(OPTIONS)
    messages = {checks.check_decision(k).message for k in OPTIONS}
    assert len(messages) == len(OPTIONS)


@pytest.mark.parametrize("garbage", [None, 3, 3.0, True, ["C"], {"C"}, b"C", "", "   ", "E", "AB",
                                     "the third one", "option", "C and D", nx.Graph()])
def test_decision_rejects_garbage_clearly(garbage):
    fb = checks.check_decision(garbage)
    assert fb.status == "invalid", str(fb)
    assert "A, B, C or D" in fb.message + fb.hint


def test_decision_unanswered():
    assert_feedback(checks.check_decision(...), "unanswered", "letter")


# ------------------------------------------------------------- exercise 1.6
def read_rows():
    with datasets.path_to(checks.EMAIL_EXERCISE["file"]).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def solution_graph():
    G = nx.Graph()
    G.add_edges_from((r["source"], r["target"]) for r in read_rows() if r["source"] != r["target"])
    return G


def broker_of(G):
    scores = nx.betweenness_centrality(G)
    return max(scores, key=scores.get)


def test_the_shipped_file_is_a_real_export_with_a_header():
    path = datasets.path_to("agency-email-export.csv")
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(checks.EMAIL_EXERCISE["columns"])
    rows = read_rows()
    assert any(r["source"] == r["target"] for r in rows), "a note to self teaches self-ties"
    pairs = [frozenset((r["source"], r["target"])) for r in rows if r["source"] != r["target"]]
    assert len(pairs) > len(set(pairs)), "pairs who wrote both ways teach one tie per pair"


def test_load_email_export_matches_the_file():
    G = datasets.load_email_export()
    assert (G.number_of_nodes(), G.number_of_edges()) == (16, 23)
    assert G.edges["Amir", "Bea"]["messages"] == 42 + 38
    assert nx.number_of_selfloops(G) == 0 and "source" in G.graph


def test_path_to_unknown_file_says_what_ships():
    with pytest.raises(FileNotFoundError, match="agency-email-export.csv"):
        datasets.path_to("no-such-file.csv")


@pytest.mark.parametrize("make", [
    solution_graph,
    datasets.load_email_export,
    lambda: nx.from_edgelist([(r["source"], r["target"]) for r in read_rows()
                              if r["source"] != r["target"]]),
    lambda: nx.DiGraph([(r["source"], r["target"]) for r in read_rows()
                        if r["source"] != r["target"]]).to_undirected(),
])
@pytest.mark.parametrize("spell", [str, str.lower, str.upper, lambda s: f" {s} "])
def test_email_export_accepts_every_valid_form(make, spell):
    G = make()
    fb = checks.check_email_export(G, spell(broker_of(solution_graph())))
    assert_feedback(fb, "correct", "16 people and 23 contacts", "Omar", "Bea has more ties")


def test_broker_is_not_the_best_connected_person():
    G = solution_graph()
    assert broker_of(G) == "Omar" and max(G, key=G.degree) == "Bea"


def test_directed_network_is_explained():
    D = nx.DiGraph((r["source"], r["target"]) for r in read_rows() if r["source"] != r["target"])
    assert_feedback(checks.check_email_export(D, "Omar"), "incorrect", "directed", "nx.Graph()")


def test_header_read_as_a_tie_is_explained():
    with datasets.path_to("agency-email-export.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    G = nx.Graph((a, b) for a, b, *_ in rows if a != b)
    assert_feedback(checks.check_email_export(G, "Omar"), "incorrect", "header row", "DictReader")


def test_note_to_self_is_explained():
    G = nx.Graph((r["source"], r["target"]) for r in read_rows())
    assert_feedback(checks.check_email_export(G, "Omar"), "incorrect", "'Bea' has a tie to themselves",
                    "selfloop")


def test_missing_rows_and_people_are_explained():
    G = solution_graph()
    G.remove_edge("Omar", "Carl")
    assert_feedback(checks.check_email_export(G, "Omar"), "incorrect", "22 ties", "23 pairs")
    H = solution_graph()
    H.remove_node("Pia")
    assert_feedback(checks.check_email_export(H, "Omar"), "incorrect", "15 people", "missing ['Pia']")
    K = solution_graph()
    K.add_edge("Omar", "Zed")
    assert_feedback(checks.check_email_export(K, "Omar"), "incorrect", "not in the file: ['Zed']")


def test_wrong_broker_gets_specific_feedback():
    G = solution_graph()
    assert_feedback(checks.check_email_export(G, "Bea"), "incorrect", "Bea has the most ties (5)",
                    "betweenness")
    assert_feedback(checks.check_email_export(G, "Jon"), "incorrect", "Jon lies on", "someone lies on more")


@pytest.mark.parametrize("broker", [None, 3, ["Omar"], {"Omar"}])
def test_broker_of_the_wrong_type_is_invalid(broker):
    assert_feedback(checks.check_email_export(solution_graph(), broker), "invalid", "name as text")


def test_unknown_broker_and_unanswered():
    assert_feedback(checks.check_email_export(solution_graph(), "Zara"), "invalid", "not in the export")
    assert_feedback(checks.check_email_export(solution_graph(), ...), "unanswered")


@pytest.mark.parametrize("graph", [None, "edges.csv", 5, [("Amir", "Bea")], nx.Graph(), nx.MultiGraph([(1, 2)])])
def test_email_export_rejects_garbage_without_a_traceback(graph):
    fb = checks.check_email_export(graph, "Omar")
    assert fb.status in ("invalid", "unanswered") and fb.message


def test_email_export_unanswered_graph():
    assert_feedback(checks.check_email_export(..., ...), "unanswered")


# ------------------------------------------------------------- exercise 1.4
def test_seeding_feedback_names_p_hub_when_it_was_left_out():
    s = checks.SEEDING_EXERCISE
    G = datasets.communication_network(s["topology"], s["n"], seed=s["seed"])
    means = {strategy: models.cascade_sizes(G, models.choose_seeds(G, s["budget"], strategy, seed=s["seed"]),
                                            s["p"], runs=600, seed=5).mean()
             for strategy in models.SEEDING_STRATEGIES}
    for better in ("broadcast", "peer"):
        fb = checks.check_seeding_comparison(better, means["broadcast"], means["peer"])
        assert_feedback(fb, "incorrect", "p_hub was left out", f"p_hub={s['p_hub']}")


def test_email_export_counts_are_singular_when_one():
    assert_feedback(checks.check_email_export(nx.Graph([("Amir", "Bea")]), "Omar"), "incorrect",
                    "your network has 2 people")
    lone = nx.Graph()
    lone.add_node("Amir")
    assert "has 1 person," in checks.check_email_export(lone, "Omar").message
    one_tie = solution_graph().edge_subgraph([("Amir", "Bea")]).copy()
    one_tie.add_nodes_from(solution_graph())
    assert "has 1 tie;" in checks.check_email_export(one_tie, "Omar").message


ODD = [None, "", " ", "Omar", "c", 0, -1, 1.5, float("nan"), float("inf"), True, [], {}, set(), (), b"x",
       object(), nx.Graph(), nx.DiGraph([(1, 2)]), nx.path_graph(3), {"C": 1}, ["Omar"], range(3)]


def _ids(values):
    return [f"{i}-{type(v).__name__}" for i, v in enumerate(values)]


@pytest.mark.parametrize("graph", ODD, ids=_ids(ODD))
@pytest.mark.parametrize("broker", ODD[:8], ids=_ids(ODD[:8]))
def test_email_export_never_crashes_nor_accepts_garbage(graph, broker):
    fb = checks.check_email_export(graph, broker)
    assert not fb.correct and fb.message
    assert "could not read" not in fb.message, "a clear message, not the catch-all"


@pytest.mark.parametrize("answer", ODD, ids=_ids(ODD))
def test_decision_never_crashes_on_odd_input(answer):
    fb = checks.check_decision(answer)
    assert fb.status in ("invalid", "correct", "incorrect") and "could not read" not in fb.message
    assert fb.correct == (isinstance(answer, str) and answer.strip().lower() == "c")


def test_solution_sentence_about_the_broker():
    # "the agency's two offices reach each other only through the broker"
    G = solution_graph()
    assert nx.has_path(G, "Bea", "Gita")
    G.remove_node(broker_of(G))
    assert not nx.has_path(G, "Bea", "Gita")
    assert nx.number_connected_components(G) >= 2
