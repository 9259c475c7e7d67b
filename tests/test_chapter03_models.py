"""Chapter 3 models: like-minded ties and their null model, communities and partition agreement."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets
from snb.assumptions import table
from snb.models import communities, ties


# ---------------------------------------------------------------- like-minded ties
def test_like_minded_network_is_reproducible_and_has_the_asked_size():
    G = ties.like_minded_network(60, 150, interests=3, seed=4)
    H = ties.like_minded_network(60, 150, interests=3, seed=4)
    assert sorted(G.edges) == sorted(H.edges) and G.number_of_edges() == 150
    assert sorted(G.edges) != sorted(ties.like_minded_network(60, 150, interests=3, seed=5).edges)
    assert sorted(np.bincount([i for _, i in G.nodes(data="interest")])) == [20, 20, 20]
    assert nx.number_of_selfloops(G) == 0


def test_like_minded_network_rejects_impossible_settings():
    with pytest.raises(ValueError):
        ties.like_minded_network(5, 11)
    with pytest.raises(ValueError):
        ties.like_minded_network(homophily=1.0)


def test_homophily_raises_like_with_like_ties_and_closure_raises_clustering():
    plain = ties.like_minded_network(homophily=0.0, closure=0.0, seed=2)
    alike = ties.like_minded_network(homophily=0.9, closure=0.0, seed=2)
    closed = ties.like_minded_network(homophily=0.0, closure=0.8, seed=2)
    assert ties.assortativity(alike) > ties.assortativity(plain) + 0.4
    assert ties.clustering(closed) > ties.clustering(plain) + 0.2


def test_null_model_keeps_every_degree_and_the_attributes():
    G = ties.like_minded_network(seed=3)
    H = ties.degree_preserving_null(G, seed=3)
    assert dict(G.degree()) == dict(H.degree())
    assert dict(G.nodes(data="interest")) == dict(H.nodes(data="interest"))
    assert nx.number_of_selfloops(H) == 0 and H.number_of_edges() == G.number_of_edges()
    assert len(set(map(frozenset, G.edges)) & set(map(frozenset, H.edges))) < 0.2 * G.number_of_edges()


@pytest.mark.parametrize("seed", [1, 2])
def test_fast_measures_equal_networkx(seed):
    for G in (ties.like_minded_network(seed=seed), datasets.load_karate_club()):
        if "interest" not in G.nodes[0]:
            nx.set_node_attributes(G, {v: c for v, c in G.nodes(data="club")}, "interest")
        assert ties.clustering(G) == pytest.approx(nx.average_clustering(G))
        assert ties.assortativity(G) == pytest.approx(nx.attribute_assortativity_coefficient(G, "interest"))


def test_assortativity_extremes():
    G = nx.Graph([(0, 1), (2, 3)])
    nx.set_node_attributes(G, {0: "a", 1: "a", 2: "b", 3: "b"}, "interest")
    assert ties.assortativity(G) == pytest.approx(1.0)
    nx.set_node_attributes(G, {0: "a", 1: "b", 2: "a", 3: "b"}, "interest")
    assert ties.assortativity(G) == pytest.approx(-1.0)


def test_null_comparison_and_sweep_shapes():
    runs = ties.null_comparison(seeds=range(3), people=60, ties=150)
    assert set(runs) == {"model clustering", "null clustering", "model assortativity", "null assortativity"}
    assert all(v.shape == (3,) for v in runs.values())
    sweep = ties.null_sweep("homophily", [0.0, 0.5], seeds=range(3), people=60, ties=150)
    assert [len(v) for v in sweep.values()] == [2, 2]


def test_parameters_table_names_a_source_for_every_row():
    rows = table(ties.LIKE_MINDED_PARAMETERS).rows
    assert set(rows) == {"people", "ties", "interests", "homophily", "closure"}
    assert all(r["source"] for r in rows.values())
    defaults = ties.like_minded_network.__kwdefaults__
    values = {p.name: p.value for p in ties.LIKE_MINDED_PARAMETERS}
    assert values["homophily"] == defaults["homophily"] and values["closure"] == defaults["closure"]


# ---------------------------------------------------------------- agreement measures
def test_adjusted_rand_index_against_hand_computed_values():
    # identical up to renaming
    assert communities.adjusted_rand_index([0, 0, 1, 1], [5, 5, 3, 3]) == pytest.approx(1.0)
    # pairs together in both: 1; expected 2 * 1 / 6 = 1/3; best (2 + 1) / 2 -> (1 - 1/3) / (3/2 - 1/3) = 4/7
    assert communities.adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    # crossed partitions agree less than chance: (0 - 1/3) / (1 - 1/3) = -1/2
    assert communities.adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)


def test_normalised_mutual_information_against_hand_computed_values():
    assert communities.normalised_mutual_information([0, 0, 1, 1], [1, 1, 0, 0]) == pytest.approx(1.0)
    # b refines a: MI = H(a) = ln 2, H(b) = 1.5 ln 2 -> ln 2 / (1.25 ln 2) = 0.8
    assert communities.normalised_mutual_information([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.8)
    assert communities.normalised_mutual_information([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.0)


def test_agreement_rejects_partitions_that_leave_people_out():
    G = nx.path_graph(4)
    with pytest.raises(ValueError):
        communities.agreement(G, [{0, 1}], [{0, 1}, {2, 3}])
    with pytest.raises(ValueError):
        communities.adjusted_rand_index([], [])


# ---------------------------------------------------------------- detection
@pytest.mark.parametrize("method", communities.METHODS)
def test_detect_returns_a_partition_largest_first(method):
    G = datasets.load_karate_club()
    found = communities.detect(G, method, seed=2)
    assert sorted(v for part in found for v in part) == sorted(G)
    assert [len(p) for p in found] == sorted((len(p) for p in found), reverse=True)
    assert found == communities.detect(G, method, seed=2)


def test_detect_rejects_an_unknown_method():
    with pytest.raises(ValueError):
        communities.detect(nx.path_graph(3), "k-means")


def test_detect_finds_separate_cliques():
    G = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    for method in communities.METHODS:
        assert sorted(map(sorted, communities.detect(G, method))) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_factions_purity_and_modularity():
    G = datasets.load_karate_club()
    factions = communities.factions(G)
    assert sorted(map(len, factions)) == [17, 17]
    assert communities.purity(factions, factions) == 1.0
    assert communities.purity([set(G)], factions) == 0.5
    assert communities.modularity(G, [set(G)]) == pytest.approx(0.0)


def test_ring_of_cliques_partitions():
    ring, single, pairs = communities.ring_of_cliques_partitions(6, 4)
    assert ring.number_of_nodes() == 24 and len(single) == 6 and len(pairs) == 3
    assert all(ring.subgraph(c).number_of_edges() == 6 for c in single)
    with pytest.raises(ValueError):
        communities.ring_of_cliques_partitions(5, 4)


def test_seed_study_has_one_row_per_seed():
    G = datasets.load_karate_club()
    study = communities.seed_study(G, "label propagation", communities.factions(G), seeds=range(4))
    assert set(study) == {"communities", "modularity", "ARI", "NMI"}
    assert all(len(v) == 4 for v in study.values())


def test_null_comparison_gives_the_numbers_of_the_graphs_themselves():
    """null_comparison works on tie lists without building graphs: the same numbers."""
    runs = ties.null_comparison(seeds=range(3), people=60, ties=150, homophily=0.5)
    for s in range(3):
        G = ties.like_minded_network(60, 150, homophily=0.5, seed=s)
        H = ties.degree_preserving_null(G, seed=s)
        assert runs["model clustering"][s] == ties.clustering(G)
        assert runs["null clustering"][s] == ties.clustering(H)
        assert runs["model assortativity"][s] == ties.assortativity(G)
        assert runs["null assortativity"][s] == ties.assortativity(H)
