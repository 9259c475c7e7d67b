"""Chapter 5 models on tiny networks whose answers can be worked out by hand."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets
from snb.models import influence, trust


def test_centralities_on_a_star():
    star = nx.star_graph(4)  # centre 0 and four leaves
    t = influence.centralities(star)
    assert set(t) == set(influence.MEASURES)
    for measure, scores in t.items():
        assert influence.ranking(scores, 1) == [0], measure
    assert t["degree"][0] == 1.0 and t["betweenness"][0] == 1.0 and t["betweenness"][1] == 0.0
    with pytest.raises(ValueError, match="unknown measures"):
        influence.centralities(star, ("fame",))


def test_directed_degree_counts_arcs_received_and_eigenvector_copes_with_sinks():
    D = nx.DiGraph([("a", "b"), ("c", "b"), ("b", "a")])
    t = influence.centralities(D)
    assert t["degree"]["b"] == 1.0 and t["degree"]["c"] == 0.0
    assert influence.ranking(t["eigenvector"], 1) == ["b"]


def test_ranking_breaks_ties_by_name_and_rank_correlation_bounds():
    assert influence.ranking({"b": 1, "a": 1, "c": 2}) == ["c", "a", "b"]
    same = {"x": {1: 1.0, 2: 2.0, 3: 3.0}, "y": {1: 10.0, 2: 20.0, 3: 30.0}, "z": {1: 3.0, 2: 2.0, 3: 1.0}}
    for method in ("spearman", "kendall"):
        r = influence.rank_correlations(same, method)
        assert r["x", "y"] == pytest.approx(1.0) and r["x", "z"] == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        influence.rank_correlations(same, "pearson")


def test_rank_correlations_are_scipys_to_the_last_digit():
    """The numpy Spearman and Kendall tau-b give scipy.stats' values exactly, ties and
    constant lists included (scipy: nan and a warning)."""
    import warnings

    from scipy import stats as sps

    rng = np.random.default_rng(5)
    cases = [([1, 1, 1], [1, 2, 3]), ([1, 2], [2, 1]), ([1, 2, 2, 3], [3, 3, 1, 1])]
    for t in range(300):
        n = int(rng.integers(3, 40))
        x = rng.integers(0, 4, n).astype(float) if t % 2 else rng.random(n)
        y = rng.integers(0, 6, n).astype(float) if t % 3 else x * rng.random(n)
        cases.append((x, y))
    for x, y in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            want = (float(sps.spearmanr(x, y)[0]), float(sps.kendalltau(x, y)[0]))
        got = (influence.spearman(x, y), influence.kendall_tau_b(x, y))
        np.testing.assert_array_equal(got, want)


def test_biggest_disagreement_on_a_path():
    table = {"a": {"p": 3, "q": 2, "r": 1}, "b": {"p": 1, "q": 2, "r": 3}}
    assert influence.biggest_disagreement(table, "a", "b") == ("p", 1, 3)


def test_random_nominations_keep_out_degrees_and_vary_with_the_seed():
    D = datasets.load_sampson("liking", 1)
    R = trust.random_nominations(D, seed=3)
    assert dict(R.out_degree()) == dict(D.out_degree())
    assert nx.number_of_selfloops(R) == 0
    assert set(R.edges) == set(trust.random_nominations(D, seed=3).edges)
    assert set(R.edges) != set(trust.random_nominations(D, seed=4).edges)
    assert len(trust.reciprocity_runs(D, seeds=range(5))) == 5


def test_signed_ties_and_balance_by_hand():
    like = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "d")])
    dislike = nx.DiGraph([("a", "c"), ("b", "c"), ("d", "c")])
    S, ambivalent = trust.signed_ties(like, dislike)
    assert ambivalent == 1  # c likes d, d dislikes c
    assert S.edges["a", "b"]["sign"] == 1 and S.edges["a", "c"]["sign"] == -1
    assert trust.triangle_signs(S) == {0: 0, 1: 0, 2: 1, 3: 0}
    assert trust.balanced_share(S) == 1.0
    T = nx.Graph()
    T.add_edges_from([(0, 1, {"sign": 1}), (1, 2, {"sign": 1}), (0, 2, {"sign": -1})])
    assert trust.balanced_share(T) == 0.0
    assert np.isnan(trust.balanced_share(nx.Graph([(0, 1, {"sign": 1})])))
    runs = trust.balance_runs(T, seeds=range(3))
    assert (runs == 0.0).all()  # one negative tie among three: every shuffle is unbalanced


def test_standing_subtracts_disliking():
    like = nx.DiGraph()
    like.add_edges_from([("a", "c", {"rank": 3}), ("b", "c", {"rank": 2}), ("c", "a", {"rank": 3})])
    dislike = nx.DiGraph()
    dislike.add_nodes_from("abc")
    dislike.add_edges_from([("b", "a", {"rank": 3})])
    s = trust.standing(like, dislike)
    assert s["named"] == {"a": 1.0, "c": 2.0, "b": 0.0}
    assert s["liking"]["c"] == 5.0 and s["net trust"]["a"] == 0.0
    assert sum(s["trust PageRank"].values()) == pytest.approx(1.0)


# ---------------------------------------------------------------- the scorecard
from snb.models import ego  # noqa: E402

GOOD = {"name": "Ana", "industry": "retail", "place": "Lyon", "trust": "4", "helps_you": "2", "you_help": "1",
        "contacts": "300", "knows": "Ben; Chloe"}


def test_make_contact_reads_form_values():
    contact, problems = ego.make_contact(GOOD)
    assert problems == [] and contact.trust == 4 and contact.knows == ("Ben", "Chloe")
    contact, problems = ego.make_contact({**GOOD, "trust": 5.0, "helps_you": None, "knows": ""})
    assert problems == [] and contact.helps_you == 0 and contact.knows == ()


@pytest.mark.parametrize("change, fragment", [
    ({"name": "  "}, "name is empty"), ({"name": "you"}, "name the scorecard gives you"),
    ({"trust": "7"}, "trust 7 is out of range"), ({"trust": "0"}, "out of range"),
    ({"trust": ""}, "trust is empty"), ({"trust": "high"}, "'high' is not a number"),
    ({"trust": "3.5"}, "out of range"), ({"helps_you": "-1"}, "out of range"),
    ({"contacts": "1e9"}, "out of range"), ({"industry": ""}, "industry is empty"),
    ({"place": None}, "place is empty"), ({"knows": "Ana"}, "cannot know themselves"),
])
def test_make_contact_explains_each_bad_entry(change, fragment):
    contact, problems = ego.make_contact({**GOOD, **change})
    assert contact is None and any(fragment in p for p in problems), problems


def test_make_contact_refuses_duplicates_ignoring_case():
    contact, problems = ego.make_contact({**GOOD, "name": "ana"}, taken=["Ana"])
    assert contact is None and "already in your list" in problems[0]


def test_csv_round_trip_and_all_or_nothing():
    contacts, problems = ego.parse_contacts_csv(ego.EXAMPLE_CSV)
    assert problems == [] and len(contacts) == 8
    again, problems = ego.parse_contacts_csv(ego.contacts_csv(contacts))
    assert problems == [] and again == contacts
    bad = "name,industry,place,trust\nAna,x,y,7\n,x,y,3\nBen,x,y,2\nben,x,y,2\nCid,x\n"
    contacts, problems = ego.parse_contacts_csv(bad)
    assert contacts == []
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 3", "line 5", "line 6"]
    assert "7 is out of range" in problems[0] and "needs quotes" in problems[3]


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"), ("   ", "empty"), (None, "empty"), ("name,industry\nAna,x", "lacks place, trust"),
    ("name,industry,place,trust,age\nAna,x,y,3,40", "unknown columns"),
    ("name,industry,place,trust\n", "no contacts"),
    ("name,industry,place,trust\n" + "".join(f"P{i},x,y,3\n" for i in range(201)), "more than the 200"),
    ("name,industry,place,trust\nZoe,x,y,3\n", "already in your list"),
])
def test_csv_problems(text, fragment):
    contacts, problems = ego.parse_contacts_csv(text, taken=["zoe"])
    assert contacts == [] and fragment in problems[0], problems


def test_ego_network_and_blau_index():
    contacts, _ = ego.parse_contacts_csv("name,industry,place,trust,knows\nA,x,p,3,B;Nobody\nB,y,p,3,\nC,x,q,3,")
    G = ego.ego_network(contacts)
    assert set(G["you"]) == {"A", "B", "C"} and G.has_edge("A", "B") and "Nobody" not in G
    assert ego.blau_index(["x", "X", "y", "y"]) == 0.5 and ego.blau_index(["a"]) == 0.0
    assert ego.scorecard([]) == {}
    card = ego.scorecard(contacts, need=["q"])
    assert card["relevance"]["value"] == pytest.approx(1 / 3)
    assert card["bridges: lone contacts"]["value"] == 1


def test_people_at_steps_on_a_path_and_reach_kinds():
    assert ego.people_at_steps(nx.path_graph(6), 0, 3) == [1, 1, 1]
    assert ego.people_at_steps(nx.star_graph(5), 1, 3) == [1, 4, 0]
    with pytest.raises(ValueError):
        ego.reach_network("tree")
    with pytest.raises(ValueError):
        ego.paradox_gap("tree")
    star = ego.friendship_paradox(nx.star_graph(4))
    assert star["person"] == 8 / 5 and star["friend"] == 2.5


# ---------------------------------------------------------------- give and take
from snb.models import reciprocity  # noqa: E402


def test_payoffs_by_hand():
    nb = reciprocity.Neighbours(nx.path_graph(3))  # 0 - 1 - 2
    gives = np.array([True, False, True])
    assert nb.payoffs(gives, b=5, c=1).tolist() == [-1, 10, -1]
    assert nb.per_block(np.array([1.0, 2.0, 3.0]), gives).tolist() == [2.0]
    assert np.isnan(nb.per_block(np.array([1.0, 2.0, 3.0]), np.zeros(3, dtype=bool)))[0]


def test_stacked_graphs_keep_their_people_apart():
    nb = reciprocity.Neighbours([nx.path_graph(2), nx.path_graph(3)])
    assert nb.blocks == 2 and nb.block.tolist() == [0, 0, 1, 1, 1]
    assert set(nb.table[2][nb.mask[2]]) == {3}  # node 0 of the second path knows only its node 1


def test_simulate_is_seeded_and_starts_with_the_asked_share():
    a = reciprocity.simulate(takers=0.3, rounds=20, seeds=(3, 4))
    b = reciprocity.simulate(takers=0.3, rounds=20, seeds=(3, 4))
    assert np.array_equal(a["contributors"], b["contributors"]) and a["contributors"].shape == (2, 21)
    assert np.allclose(a["contributors"][:, 0], 0.7)
    other = reciprocity.simulate(takers=0.3, rounds=20, seeds=(5, 6))
    assert not np.array_equal(a["contributors"], other["contributors"])


@pytest.mark.parametrize("takers", [0.0, 1.0])
def test_a_pure_population_stays_pure(takers):
    run = reciprocity.simulate(takers=takers, rounds=30, seeds=(1,))
    assert (run["contributors"] == 1 - takers).all()


def test_regular_network_payoff_is_proportional_to_contributors():
    run = reciprocity.simulate(benefit_cost=5.0, rounds=30, seeds=(2,))
    assert np.allclose(run["payoff"], (5.0 - 1) * 4 * run["contributors"])


@pytest.mark.parametrize("kwargs", [{"takers": 1.5}, {"benefit_cost": -1}, {"rounds": 0}, {"turnover": 0},
                                    {"seeds": ()}])
def test_simulate_refuses_impossible_settings(kwargs):
    with pytest.raises(ValueError):
        reciprocity.simulate(**kwargs)
    with pytest.raises(ValueError):
        reciprocity.give_take_network("tree")


def test_every_network_kind_has_the_asked_size():
    for kind in reciprocity.GIVE_TAKE_NETWORKS:
        G = reciprocity.give_take_network(kind, 100, 4, seed=1)
        assert G.number_of_nodes() == 100 and 3.5 <= 2 * G.number_of_edges() / 100 <= 4.1


def test_firm_study_counts_within_the_top():
    study = influence.firm_study(seeds=range(2), top=5)
    assert set(study) == {"spearman", "brokers in top", "bosses in top"}
    assert all(len(v) == 2 for v in study.values())
    assert ((study["brokers in top"] + study["bosses in top"]) <= 5).all()
    assert ((-1 <= study["spearman"]) & (study["spearman"] <= 1)).all()


# ------------------------------------------------------------ null models drawn in bulk
def test_triad_counts_equal_networkx_census_on_random_digraphs():
    for seed in range(5):
        D = nx.gnp_random_graph(12, 0.25, seed=seed, directed=True)
        counts = trust.triad_counts(nx.to_numpy_array(D, nodelist=range(12)) > 0)
        census = nx.triadic_census(D)
        assert {k: int(v) for k, v in counts.items()} == {k: census[k] for k in counts}


def test_triad_counts_of_a_stack_are_those_of_each_matrix():
    graphs = [nx.gnp_random_graph(8, 0.3, seed=s, directed=True) for s in range(3)]
    stack = np.array([nx.to_numpy_array(D, nodelist=range(8)) > 0 for D in graphs])
    counts = trust.triad_counts(stack)
    for i, D in enumerate(graphs):
        assert counts["102"][i] == nx.triadic_census(D)["102"]


def test_nomination_null_keeps_out_degrees_and_never_self_names():
    liking = datasets.load_sampson("liking", 3)
    A = trust.random_nomination_matrices(liking, 50, 1)
    assert (A.sum(axis=2) == np.array([d for _, d in liking.out_degree()])).all()
    assert not A[:, np.arange(18), np.arange(18)].any()
    null = trust.nomination_null(liking, n=200, seed=1)
    assert set(null) == {"reciprocity", "003", "012", "102", "300"}
    assert all(len(v) == 200 for v in null.values())
    assert 0.1 < null["reciprocity"].mean() < 0.25  # about 3 names among 17 brothers
    again = trust.nomination_null(liking, n=200, seed=1)
    assert (again["102"] == null["102"]).all()  # the seed fixes the draws


def test_balance_null_keeps_the_signs_and_their_number():
    S = nx.Graph()
    S.add_edges_from([(0, 1), (1, 2), (0, 2)], sign=1)
    assert (trust.balance_null(S, n=20, seed=0) == 1.0).all()  # all positive: always balanced
    S.edges[0, 1]["sign"] = -1
    assert (trust.balance_null(S, n=20, seed=0) == 0.0).all()  # one negative tie, wherever it goes
    no_triangle = nx.Graph()
    no_triangle.add_edges_from([(0, 1), (1, 2)], sign=1)
    assert np.isnan(trust.balance_null(no_triangle, n=3)).all()


# ------------------------------------------------------------ tie strength and overlap


def test_neighbourhood_overlap_by_hand():
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (0, 4)])
    overlap = ego.neighbourhood_overlap(G)
    # 0 - 1: others of 0 are {2, 4}, of 1 {2}; one in common of two
    assert overlap[0, 1] == 0.5 and overlap[2, 3] == 0.0 and overlap[0, 4] == 0.0
    assert ego.neighbourhood_overlap(nx.Graph([(0, 1)]))[0, 1] == 0.0


def test_spearman_matches_scipy_with_ties():
    from scipy import stats as sps

    rng = np.random.default_rng(3)
    x = rng.integers(0, 4, 25)
    ys = rng.integers(0, 6, (4, 25))
    expected = [sps.spearmanr(x, y)[0] for y in ys]
    assert np.allclose(ego.spearman(x, ys), expected)
    assert np.isclose(ego.spearman(x, ys[0]), expected[0])


def test_tie_strength_null_shuffles_only_the_weights():
    G = nx.karate_club_graph()
    test = ego.tie_strength_null(G, n=300, seed=2)
    assert test["bridges"] == 11
    assert round(test["bridge mean"], 2) == 2.36 and round(test["other mean"], 2) == 3.06
    assert round(test["observed"]["spearman"], 2) == 0.45
    assert len(test["null"]["spearman"]) == 300 and abs(test["null"]["spearman"].mean()) < 0.05
    only = ego.tie_strength_null(G, n=10, seed=2, statistics=("bridge gap",))
    assert set(only["null"]) == {"bridge gap"}
    with pytest.raises(ValueError, match="statistics"):
        ego.tie_strength_null(G, n=10, statistics=("median",))
