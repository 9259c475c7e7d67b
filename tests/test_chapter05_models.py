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
