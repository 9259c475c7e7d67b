"""snb.measures.profile: the summary numbers of chapter 1's table."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets, measures


@pytest.mark.parametrize("topology", datasets.TOPOLOGIES)
def test_mean_path_matches_networkx_on_the_largest_component(topology):
    G = datasets.communication_network(topology, 80, seed=2)
    largest = G.subgraph(max(nx.connected_components(G), key=len))
    assert measures.profile(G)["mean path"] == pytest.approx(nx.average_shortest_path_length(largest))


def test_profile_of_a_star_by_hand():
    p = measures.profile(nx.star_graph(4))
    assert p["people"] == 5 and p["ties"] == 4 and p["components"] == 1
    assert p["degree centralisation"] == 1.0 and p["betweenness centralisation"] == 1.0
    assert p["clustering"] == 0.0
    assert p["density"] == pytest.approx(0.4) and p["mean degree"] == pytest.approx(1.6)
    assert p["mean path"] == pytest.approx((4 * 1 * 2 + 12 * 2) / 20)


def test_profile_of_directed_and_tiny_graphs():
    D = nx.DiGraph([(0, 1), (1, 2)])
    assert measures.profile(D)["mean path"] == pytest.approx(4 / 3)
    single = nx.Graph()
    single.add_node("solo")
    assert measures.profile(single)["mean path"] == 0.0
    with pytest.raises(ValueError, match="no nodes"):
        measures.profile(nx.Graph())


# ---------------------------------------------------- Freeman centralisation
@pytest.mark.parametrize("measure", ["degree", "betweenness"])
def test_freeman_star_is_one_and_complete_graph_zero(measure):
    assert measures.freeman_centralisation(nx.star_graph(9), measure) == pytest.approx(1.0)
    assert measures.freeman_centralisation(nx.complete_graph(10), measure) == pytest.approx(0.0)
    assert measures.freeman_centralisation(nx.cycle_graph(10), measure) == pytest.approx(0.0)


def test_freeman_path_has_known_values():
    # path of 5: degrees 1,2,2,2,1 -> sum of gaps 2 over (n-1)(n-2) = 12
    assert measures.freeman_centralisation(nx.path_graph(5), "degree") == pytest.approx(2 / 12)
    # normalised betweenness of a 5-path: 0, 1/2, 2/3, 1/2, 0 -> gaps sum 2/3+1/6+0+1/6+2/3 = 5/3, / (n-1)
    assert measures.freeman_centralisation(nx.path_graph(5), "betweenness") == pytest.approx((5 / 3) / 4)


def test_freeman_tiny_and_bad_measure():
    assert measures.freeman_centralisation(nx.path_graph(2)) == 0.0
    with pytest.raises(ValueError, match="degree"):
        measures.freeman_centralisation(nx.path_graph(4), "closeness")


def test_profile_hierarchy_is_centralised_by_betweenness_not_by_degree():
    tree = datasets.communication_network("hierarchy tree", 200, seed=1)
    mesh = datasets.communication_network("peer mesh", 200, seed=1)
    p, q = measures.profile(tree), measures.profile(mesh)
    assert p["degree centralisation"] == pytest.approx(0.0102, abs=5e-4)
    assert p["betweenness centralisation"] == pytest.approx(0.694, abs=1e-3)
    assert p["betweenness centralisation"] > q["betweenness centralisation"]
    assert q["components"] > 1 and 0 < q["efficiency"] < 1
    assert p["efficiency"] == pytest.approx(nx.global_efficiency(tree))


GRAPHS = {
    "karate": nx.karate_club_graph(),
    "florentine": nx.florentine_families_graph(),
    "split in three": nx.disjoint_union_all([nx.path_graph(4), nx.star_graph(5), nx.cycle_graph(6)]),
    "with an isolate": nx.disjoint_union(nx.complete_graph(5), nx.empty_graph(1)),
    "lollipop": nx.lollipop_graph(6, 5),
    "grid": nx.grid_2d_graph(5, 6),
    **{t: datasets.communication_network(t, 120, seed=3) for t in datasets.TOPOLOGIES},
}


@pytest.mark.parametrize("name", GRAPHS)
def test_dense_all_pairs_measures_match_networkx(name):
    """The fast all-pairs search gives networkx's betweenness, efficiency and mean path."""
    G = nx.convert_node_labels_to_integers(GRAPHS[name])
    dist, sigma = measures._paths(G)
    mine = measures._betweenness(G, dist, sigma)
    theirs = np.array(list(nx.betweenness_centrality(G, normalized=True).values()))
    assert mine == pytest.approx(theirs, abs=1e-12)
    p = measures.profile(G)
    assert p["efficiency"] == pytest.approx(nx.global_efficiency(G))
    largest = G.subgraph(max(nx.connected_components(G), key=len))
    assert p["mean path"] == pytest.approx(nx.average_shortest_path_length(largest))
    assert p["betweenness centralisation"] == pytest.approx(
        (theirs.max() - theirs).sum() / (G.number_of_nodes() - 1))


def test_profile_falls_back_on_networkx_above_the_dense_limit(monkeypatch):
    G = datasets.communication_network("small world", 60, seed=1)
    fast = measures.profile(G)
    monkeypatch.setattr(measures, "DENSE_LIMIT", 10)
    assert measures.profile(G) == pytest.approx(fast)


@pytest.mark.parametrize("name", GRAPHS)
def test_dense_and_sparse_adjacency_give_the_same_profile(name, monkeypatch):
    """Small graphs multiply a dense adjacency matrix (no scipy import), larger ones a
    sparse one: the numbers are the same either way."""
    G = GRAPHS[name]
    dense = measures.profile(G)
    assert isinstance(measures._adjacency(G), np.ndarray)
    monkeypatch.setattr(measures, "DENSE_PRODUCT_LIMIT", 0)
    assert not isinstance(measures._adjacency(G), np.ndarray)
    assert measures.profile(G) == pytest.approx(dense, rel=1e-12)
