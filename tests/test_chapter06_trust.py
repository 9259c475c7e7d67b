"""The capstone's trust survey, trust-dependent pass-on, live-edge reach and CELF."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from snb.models import case, diffusion
from snb.models import trusted_seeding as ts


@pytest.fixture(scope="module")
def audit():
    c = case.audit_case()
    return c.customers, c.trust


def test_survey_answers_are_about_contacts_and_correlate_only_moderately_with_strength(audit):
    G, T = audit
    assert all(G.has_edge(i, j) for i, j in T.edges)
    r = ts.trust_strength_correlation(G, T)
    assert 0.1 < r < 0.6  # related, not the same thing
    none = ts.trust_survey(G, strength_effect=0.0, seed=3)
    assert abs(ts.trust_strength_correlation(G, none)) < 0.08


def test_survey_is_seeded():
    G = nx.karate_club_graph()
    assert set(ts.trust_survey(G, seed=4).edges) == set(ts.trust_survey(G, seed=4).edges)


@pytest.mark.parametrize("g", [0.0, 0.3, 0.7, 1.0])
def test_pass_on_keeps_its_mean_and_moves_it_to_trusted_ties(g):
    trusted = np.array([1, 0, 0, 1, 0, 0, 0, 0])
    chances = ts.pass_on(trusted, 0.1, g)
    assert chances.mean() == pytest.approx(0.1)
    assert chances[0] >= chances[1]


def test_live_edge_reach_matches_the_cascade_on_average():
    # Kempe et al. (2003): the live-edge process and the independent cascade spread alike
    G = nx.connected_watts_strogatz_graph(200, 6, 0.1, seed=1)
    labels, sizes = ts.live_edge_samples(G, np.full(G.number_of_edges(), 0.2), 2000, seed=1)
    live = ts.reach(labels, sizes, [0, 50]).mean()
    ic = np.mean(diffusion.cascade_sizes(G, [0, 50], 0.2, runs=2000, seed=2))
    assert live == pytest.approx(ic, rel=0.06)


def test_celf_equals_plain_greedy_and_beats_every_other_pair_on_its_samples():
    G = nx.connected_watts_strogatz_graph(40, 4, 0.2, seed=3)
    labels, sizes = ts.live_edge_samples(G, np.full(G.number_of_edges(), 0.3), 200, seed=2)
    lazy = ts.celf(labels, sizes, 2)
    greedy: list[int] = []
    for _ in range(2):
        best = max((v for v in range(40) if v not in greedy),
                   key=lambda v: (ts.reach(labels, sizes, greedy + [v]).mean(), -v))
        greedy.append(best)
    assert ts.reach(labels, sizes, lazy).mean() == pytest.approx(ts.reach(labels, sizes, greedy).mean())
    top = max(ts.reach(labels, sizes, list(p)).mean() for p in itertools.combinations(range(40), 2))
    assert ts.reach(labels, sizes, lazy).mean() >= (1 - 1 / np.e) * top


def test_strategies_pick_budget_distinct_customers(audit):
    G, T = audit
    for how in ts.STRATEGIES[:-1]:
        picks = ts.choose(G, T, 6, how, seed=1)
        assert len(set(picks)) == 6 and all(v in G for v in picks)
    with pytest.raises(ValueError):
        ts.choose(G, T, 6, "loudest")


def test_friends_of_random_customers_have_more_contacts_than_random_customers(audit):
    G, T = audit
    deg = dict(G.degree())
    friends = np.mean([np.mean([deg[v] for v in ts.choose(G, T, 6, "random friend of a random customer", seed=s)])
                       for s in range(40)])
    randoms = np.mean([np.mean([deg[v] for v in ts.choose(G, T, 6, "random", seed=s)]) for s in range(40)])
    assert friends > randoms
