"""Every fast engine agrees with its readable reference in snb.models.reference.

Where the engine draws its random numbers in the order the reference does, the two must
give the same result for the same seed. Where it cannot (many runs drawn in one batch, or
customers arriving in cohorts), the two must give the same distribution: a two-sample
Kolmogorov-Smirnov test at the 1 % level over 200 runs of each, with seeds fixed so the
test itself repeats exactly.
"""

from __future__ import annotations

import doctest
import inspect

import networkx as nx
import numpy as np
import pytest
from scipy import stats as sps

from snb import datasets, stats
from snb.models import brokerage, diffusion, market, opinion, reciprocity, reference, renewal

#: Level of the two-sample KS tests below.
LEVEL = 0.01


def test_the_references_doctests_pass():
    result = doctest.testmod(reference, verbose=False)
    assert result.attempted >= 8 and result.failed == 0


@pytest.mark.parametrize("name", reference.__all__)
def test_each_reference_is_a_short_loop_with_a_numpydoc_docstring(name):
    function = getattr(reference, name)
    doc = inspect.getdoc(function)
    for section in ("Parameters", "Returns", "Examples"):
        assert f"{section}\n--" in doc, (name, section)
    source = inspect.getsource(function)
    body = source.split('"""', 2)[2]  # after the docstring
    assert len(body.strip().splitlines()) < 40, name
    assert "for " in body, name  # a loop a learner can follow


# ------------------------------------------------------------------ chapter 1: the cascade
def _cascade_networks():
    yield nx.karate_club_graph()
    yield datasets.communication_network("media + peers", 120, seed=3)  # with hubs
    yield nx.relabel_nodes(nx.gnp_random_graph(60, 0.08, seed=2, directed=True),
                           {i: f"p{(7 * i) % 60}" for i in range(60)})


@pytest.mark.parametrize("G", list(_cascade_networks()))
@pytest.mark.parametrize("p, p_hub", [(0.15, None), (0.3, 0.6), (1.0, None)])
def test_cascade_matches_the_engine_run_for_run(G, p, p_hub):
    seeds = list(G)[:3]
    for s in range(15):
        assert reference.cascade(G, seeds, p, p_hub=p_hub, seed=s) == \
            diffusion.independent_cascade(G, seeds, p, p_hub=p_hub, seed=s)


# ------------------------------------------------------------------ chapter 2: the market
@pytest.mark.parametrize("alpha", [0.0, 1.0, 1.5])
def test_market_matches_the_exact_engine_customer_for_customer(alpha):
    appeal = np.ones(40)
    appeal[7] = 4.0
    for s in range(5):
        engine = market.market_choices(400, 40, alpha, seeds=[s], appeal=appeal, batch=0)[0, 0]
        assert reference.market(400, 40, alpha, appeal=appeal, seed=s) == engine.tolist()


def test_market_in_cohorts_has_the_distribution_of_the_reference():
    """The engine lets customers arrive in cohorts of up to 1 % (``batch``): an approximation
    whose share of the top business over 200 markets must match the exact reference's."""
    def top_share(choices):
        return np.bincount(choices, minlength=50).max() / len(choices)

    fast = market.market_choices(600, 50, 1.0, seeds=range(200))[0]
    fast = [top_share(row) for row in fast]
    slow = [top_share(reference.market(600, 50, 1.0, seed=1000 + s)) for s in range(200)]
    assert sps.ks_2samp(fast, slow).pvalue > LEVEL


# ------------------------------------------------------------------ chapter 3
@pytest.mark.parametrize("settings", [{}, {"homophily": 0.3, "turnover": 0.1, "members": 40},
                                      {"pass_on": 0.3, "ties_per_newcomer": 2, "rounds": 30}])
def test_renewal_matches_the_engine_round_for_round(settings):
    for s in (1, 2, 3):
        engine = renewal.simulate_renewal(seed=s, **settings).fresh_share
        assert reference.renewal(seed=s, **settings) == engine.tolist()


@pytest.mark.parametrize("kind", opinion.WISDOM_NETWORKS)
def test_degroot_matches_the_engine(kind):
    G = opinion.wisdom_network(kind, 60, seed=2)
    start = np.random.default_rng(2).standard_normal(60)
    assert np.allclose(reference.degroot(G, start, 25), opinion.degroot(G, start, 25), rtol=0, atol=1e-12)


# ------------------------------------------------------------------ chapter 4: brokers
def test_burt_measures_match_the_engine_and_networkx():
    G = nx.karate_club_graph()
    G.add_node("alone")
    fast = {"constraint": brokerage.constraint(G), "effective size": brokerage.effective_size(G)}
    for v in G:
        slow = reference.burt_measures(G, v)
        for measure, values in fast.items():
            assert slow[measure] == pytest.approx(values[v], abs=1e-12, nan_ok=True), (v, measure)
    assert reference.burt_measures(G, 0)["constraint"] == pytest.approx(nx.constraint(G, [0])[0])


def test_key_person_loss_matches_the_engine():
    G = nx.relabel_nodes(nx.connected_watts_strogatz_graph(40, 4, 0.2, seed=1), lambda i: f"p{i}")
    G.add_edges_from([("p0", "x"), ("x", "y")])  # a person on whom another depends
    losses = brokerage.key_person_losses(G, ["p0", "x", "p5", "y"])
    for person, loss in losses.items():
        assert reference.key_person_loss(G, person) == pytest.approx(loss["efficiency loss"], abs=1e-12)
    assert reference.key_person_loss(G, "x") > 0


# ------------------------------------------------------------------ chapter 5: give and take
@pytest.mark.parametrize("kind", reciprocity.GIVE_TAKE_NETWORKS)
def test_give_and_take_matches_the_engine_round_for_round(kind):
    for s in (1, 2):
        G = reciprocity.give_take_network(kind, 60, 4, seed=s)
        engine = reciprocity.simulate(kind, n=60, k=4, rounds=40, seeds=[s], benefit_cost=4.0)
        slow = reference.give_and_take(G, rounds=40, seed=s, benefit_cost=4.0)
        assert slow == engine["contributors"][0].tolist()


# ------------------------------------------------------------------ capstone: seeding
def test_seeding_has_the_distribution_of_the_engine():
    """The engine runs all cascades in one batch, so the two agree in distribution, not run
    by run. Replication r briefs the same people in both, so their mean reaches are paired:
    per strategy, the 95 % interval of the mean paired difference over 100 replications
    (20 cascades each) lies within +-3 people (2 % of the 150), an equivalence test."""
    G = datasets.communication_network("media + peers", 150, seed=4)
    fast = diffusion.seeding_replications(G, 4, 0.15, replications=100, runs=20, seed=0)
    slow = reference.seeding(G, 4, 0.15, replications=100, runs=20, seed=0)
    for strategy in ("broadcast", "peer"):
        gap = stats.difference(fast[strategy], slow[strategy], paired=True)
        assert -3 < gap.low <= gap.high < 3, (strategy, gap)
