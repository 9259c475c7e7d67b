"""Louvain on large networks runs in igraph (issue 12: the capstone at ten times its size;
issue 21: the capstone's 600 customers within the page budget).

The networks of chapters 1 to 5 stay below :data:`communities.LARGE` and keep networkx's
implementation (the capstone's customers are above it); above it the same algorithm
runs in igraph's C code. These tests check that the switch keeps what the course relies
on: the planted communities are found, a seed gives one answer, the modularity matches
networkx's, and nothing else changes.
"""

import random

import networkx as nx
import pytest

from snb.models import communities


@pytest.fixture(scope="module")
def planted():
    """30 groups of 80 people (2,400, above LARGE), dense inside, sparse between."""
    G = nx.planted_partition_graph(30, 80, 0.25, 0.004, seed=1)
    truth = [set(range(k * 80, (k + 1) * 80)) for k in range(30)]
    assert G.number_of_nodes() > communities.LARGE
    return G, truth


def test_large_networks_use_igraph(planted, monkeypatch):
    G, _ = planted
    calls = []
    real = communities._louvain_igraph
    monkeypatch.setattr(communities, "_louvain_igraph", lambda *a, **k: calls.append(1) or real(*a, **k))
    communities.detect(G, seed=1)
    assert calls == [1]


def test_igraph_louvain_finds_the_planted_communities(planted):
    G, truth = planted
    found = communities.detect(G, seed=3)
    assert communities.agreement(G, truth, found)["ARI"] == pytest.approx(1.0)
    assert sorted(v for part in found for v in part) == sorted(G)  # each person once


def test_igraph_louvain_is_as_good_as_networkx(planted):
    G, _ = planted
    ours = communities.modularity(G, communities.detect(G, seed=5))
    theirs = communities.modularity(G, nx.community.louvain_communities(G, weight=None, seed=5))
    assert ours == pytest.approx(theirs, abs=0.01)


def test_a_seed_gives_one_answer_and_leaves_random_alone(planted):
    G, _ = planted
    random.seed(42)
    expected = [random.random() for _ in range(3)]
    random.seed(42)
    first = communities.detect(G, seed=7)
    assert [random.random() for _ in range(3)] == expected  # the caller's random state is kept
    assert communities.detect(G, seed=7) == first


def test_the_resolution_reaches_igraph(planted):
    G, _ = planted
    # below 1 the null model weighs less: planted groups merge into fewer communities
    assert len(communities.detect(G, seed=1, resolution=0.02)) < len(communities.detect(G, seed=1)) == 30


def test_small_networks_keep_networkx_louvain():
    G = nx.karate_club_graph()
    expected = communities._ordered(nx.community.louvain_communities(G, weight=None, seed=2), G)
    assert communities.detect(G, seed=2) == expected


def test_large_directed_networks_keep_networkx_louvain():
    D = nx.gnp_random_graph(communities.LARGE + 50, 0.002, seed=1, directed=True)
    found = communities.detect(D, seed=1)
    assert sum(len(p) for p in found) == D.number_of_nodes()


def test_the_capstone_is_above_large_and_chapter_three_below():
    """Which engine a page gets: the capstone's 600 customers igraph's, chapter 3's
    networks (karate club, ring of cliques, renewal's firm) networkx's."""
    from snb.models import case, renewal

    assert case.audit_case(seed=1).customers.number_of_nodes() > communities.LARGE
    for G in (nx.karate_club_graph(), communities.ring_of_cliques_partitions(30, 5)[0],
              renewal.like_minded_network(150, 450, seed=1)):
        assert G.number_of_nodes() <= communities.LARGE
