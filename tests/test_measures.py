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
    assert p["centralisation"] == 1.0 and p["clustering"] == 0.0
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
