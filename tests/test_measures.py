"""snb.measures.profile: the summary numbers of chapter 1's table."""

import networkx as nx
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
