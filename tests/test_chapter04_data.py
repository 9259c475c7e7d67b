"""Chapter 4 data: Krackhardt's (1987) high-tech managers, as shipped in snb/data/krackhardt/.

The counts are those published for the data (21 managers; 190 advice, 102 friendship and
20 reports-to arcs; see the folder's README for where each is published) and were
confirmed on two independent redistributed copies; the other values are computed by
networkx and quoted in the chapter.
"""

import networkx as nx
import pytest

from snb import datasets

K = datasets.krackhardt_managers()


def test_twenty_one_managers_in_every_relation():
    for relation in datasets.KRACKHARDT_RELATIONS:
        D = K[relation]
        assert D.is_directed() and sorted(D) == list(range(1, 22))
        assert nx.number_of_selfloops(D) == 0


@pytest.mark.parametrize("relation, arcs, density", [("advice", 190, 0.452), ("friendship", 102, 0.243),
                                                     ("reports_to", 20, 0.048)])
def test_published_arc_counts_and_densities(relation, arcs, density):
    D = K[relation]
    assert D.number_of_edges() == arcs
    assert round(nx.density(D), 3) == density


def test_attributes_match_the_published_table():
    nodes = K.advice.nodes
    levels = [nodes[v]["level"] for v in nodes]
    assert (levels.count(1), levels.count(2), levels.count(3)) == (1, 4, 16)
    assert [v for v in nodes if nodes[v]["level"] == 1] == [7]
    assert [v for v in nodes if nodes[v]["level"] == 2] == [2, 14, 18, 21]
    assert sorted({nodes[v]["department"] for v in nodes}) == [0, 1, 2, 3, 4]
    assert (nodes[7]["age"], nodes[7]["tenure"], nodes[1]["tenure"]) == (55, 30.0, 9.333)
    assert all(K.friendship.nodes[v] == K.reports_to.nodes[v] == nodes[v] for v in nodes)


def test_reports_to_is_the_org_chart_consistent_with_the_attributes():
    R, nodes = K.reports_to, K.reports_to.nodes
    assert nx.is_arborescence(R.reverse())  # a tree rooted at the CEO
    assert dict(R.out_degree()) == {v: 0 if v == 7 else 1 for v in R}
    for person, boss in R.edges:
        if nodes[person]["level"] == 2:
            assert boss == 7
        else:  # a manager reports to the vice president of their own department
            assert nodes[boss]["level"] == 2
            assert nodes[boss]["department"] == nodes[person]["department"]


def test_values_quoted_in_the_chapter():
    A = K.advice
    sought = dict(A.in_degree())
    assert max(sought, key=sought.get) == 2 and sought[2] == 18
    assert (sought[7], sought[1], sought[14]) == (13, 13, 10)  # manager 1 is sought as often as the CEO
    assert round(nx.reciprocity(A), 3) == 0.474 and round(nx.reciprocity(K.friendship), 3) == 0.451
    betweenness = nx.betweenness_centrality(A)
    assert max(betweenness, key=betweenness.get) == 18
    shared = set(K.reports_to.edges) & set(A.edges)
    assert len(shared) == 19  # all but one person ask their boss for advice


def test_each_call_returns_fresh_graphs():
    first = datasets.krackhardt_managers()
    first.advice.remove_node(1)
    assert datasets.krackhardt_managers().advice.number_of_nodes() == 21
    with pytest.raises(KeyError):
        first["org chart"]
