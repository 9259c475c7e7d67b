"""Chapter 5's stricter null for the triad census: random nominations that keep every
out-degree and the number of mutual pairs (trust.reciprocal_nominations)."""

from __future__ import annotations

import itertools
from collections import Counter

import networkx as nx
import numpy as np

from snb import datasets
from snb.models import trust


def _mutual(D: nx.DiGraph) -> int:
    return sum(1 for u, v in D.edges if D.has_edge(v, u)) // 2


def test_every_draw_keeps_the_out_degrees_and_the_mutual_pairs():
    D = datasets.load_sampson("liking", 3)
    drawn = trust.reciprocal_nominations(D, n=50, seed=3, burn=500, thin=50)
    assert len({frozenset(R.edges) for R in drawn}) > 45, "the chain moves"
    for R in drawn:
        assert dict(R.out_degree()) == dict(D.out_degree())
        assert _mutual(R) == _mutual(D) and set(R) == set(D)


def test_the_chain_draws_uniformly_among_the_networks_it_keeps():
    """Four people naming one each, one mutual pair: every such network (enumerated) is
    drawn, each about equally often."""
    people = range(4)
    D = nx.DiGraph([(0, 1), (1, 0), (2, 0), (3, 2)])
    allowed = []
    for targets in itertools.product(*[[j for j in people if j != i] for i in people]):
        R = nx.DiGraph(list(zip(people, targets)))
        if _mutual(R) == 1:
            allowed.append(frozenset(R.edges))
    drawn = Counter(frozenset(R.edges) for R in
                    trust.reciprocal_nominations(D, n=12_000, seed=1, burn=100, thin=5))
    assert set(drawn) == set(allowed), "some networks with the same degrees and mutual pairs are never drawn"
    expected = 12_000 / len(allowed)
    shares = np.array([drawn[a] / expected for a in allowed])
    assert shares.min() > 0.85 and shares.max() < 1.15, shares.round(2)


def test_the_closed_share_counts_triangles_among_connected_triads():
    assert trust.closed_share(nx.triadic_census(nx.DiGraph([(0, 1), (1, 2), (2, 0)]))) == 1.0
    assert trust.closed_share(nx.triadic_census(nx.DiGraph([(0, 1), (1, 2)]))) == 0.0
    assert trust.closed_share(nx.triadic_census(nx.DiGraph([(0, 1)]))) == 0.0
    assert set(trust.OPEN_TRIADS) | set(trust.CLOSED_TRIADS) | {"003", "012", "102"} == \
        set(nx.triadic_census(nx.DiGraph()))


def test_the_stricter_null_explains_more_of_the_mutual_pairs():
    """Keeping the mutual pairs raises chance's count of 102 triads towards the data's."""
    D = datasets.load_sampson("liking", 3)
    loose = trust.nomination_null(D, n=200, seed=0)["102"].mean()
    strict = trust.reciprocity_null(D, n=200, seed=0)["102"].mean()
    assert loose < strict < nx.triadic_census(D)["102"]
