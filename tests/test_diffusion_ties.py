"""The cascades' compressed ties (built in numpy, without importing scipy.sparse) are
exactly networkx's sparse adjacency: the same neighbours in the same order, so every
random draw meets the tie it met before."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets
from snb.models.diffusion import CascadeTies


def _graphs():
    yield from (datasets.communication_network(name, 120, seed=3) for name in
                ("broadcast star", "hierarchy tree", "peer mesh", "small world", "scale-free",
                 "media + peers"))
    yield nx.karate_club_graph()
    yield nx.gnp_random_graph(40, 0.1, seed=1, directed=True)
    loop = nx.path_graph(4)
    loop.add_edge(2, 2)
    yield loop
    yield nx.MultiGraph([(0, 1), (0, 1), (1, 2)])
    yield nx.relabel_nodes(nx.karate_club_graph(), {i: f"p{(i * 7) % 34}" for i in range(34)})


@pytest.mark.parametrize("G", list(_graphs()))
def test_ties_match_the_sparse_adjacency(G):
    ties = CascadeTies.of(G)
    A = nx.to_scipy_sparse_array(G, nodelist=list(G), format="csr", weight=None)
    assert ties.nodes == list(G)
    assert np.array_equal(ties.indptr, A.indptr) and np.array_equal(ties.indices, A.indices)
    hubs = [i for i, v in enumerate(G) if G.nodes[v].get("role") == "hub"]
    assert ties.hub.sum() == len(hubs)
    # a tie touches a hub when either end is one
    tail = np.repeat(np.arange(len(G)), np.diff(A.indptr))
    assert np.array_equal(ties.edge_hub, np.isin(tail, hubs) | np.isin(A.indices, hubs))


def test_empty_graph_has_no_ties():
    ties = CascadeTies.of(nx.Graph())
    assert ties.indptr.tolist() == [0] and ties.indices.size == 0
