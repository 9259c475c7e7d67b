"""Every claim the chapter 1 lesson makes in prose, recomputed with the lesson's parameters.

If a model or generator change alters a result, this fails and points at the sentence to
rewrite. (The printed numbers themselves are pinned by strict nbval on the notebook.)
"""

from dataclasses import replace

import numpy as np
import pytest

from snb import datasets, models

N = 200


@pytest.fixture(scope="module")
def networks():
    return {name: datasets.communication_network(name, N, seed=1) for name in datasets.TOPOLOGIES}


def share_within(G, k):
    sender = models.choose_seeds(G, 1, "broadcast")
    return models.reach_by_step(G, sender, k)[k] / G.number_of_nodes()


def test_k_step_reach_sentences(networks):
    # "The star reaches everyone in one step and the media network nearly everyone in two"
    assert share_within(networks["broadcast star"], 1) == 1.0
    assert share_within(networks["media + peers"], 2) >= 0.95
    # "the hierarchy needs five levels"
    assert share_within(networks["hierarchy tree"], 4) < 1.0 == share_within(networks["hierarchy tree"], 5)
    # "the small world seven to eight steps"
    assert share_within(networks["small world"], 6) < 0.9
    assert share_within(networks["small world"], 7) >= 0.95 and share_within(networks["small world"], 8) == 1.0
    # "In the peer mesh, a few people sit in separate components and are never reached"
    assert 0.9 < share_within(networks["peer mesh"], 50) < 1.0


def test_star_reach_grows_in_a_straight_line(networks):
    star = networks["broadcast star"]
    for p in (0.05, 0.2, 0.4):
        mean = models.cascade_sizes(star, [0], p, runs=300, seed=3).mean()
        assert mean == pytest.approx(1 + p * (N - 1), rel=0.1)


def test_peer_networks_have_a_tipping_point(networks):
    G = networks["small world"]
    sender = models.choose_seeds(G, 1, "broadcast")
    low, high = (models.cascade_sizes(G, sender, p, runs=80, seed=3).mean() for p in (0.05, 0.4))
    assert low < 0.02 * N and high > 10 * low


def test_seeding_sentences(networks):
    def mean(name, strategy):
        G = networks[name]
        return models.cascade_sizes(G, models.choose_seeds(G, 4, strategy, seed=1), 0.2, runs=300, seed=5).mean()

    # "reach far more people on average" on the scale-free network
    assert mean("scale-free", "broadcast") / mean("scale-free", "peer") > 1.5
    # "the two strategies come close" in the small world
    assert 1.0 < mean("small world", "broadcast") / mean("small world", "peer") < 1.5


@pytest.fixture(scope="module")
def market(networks):
    return networks["media + peers"]


def test_reward_and_risk_at_dialogue_025(market):
    summary = models.summarise_outcomes(models.compare_policies(market, runs=100, seed=2, p_dialogue=0.25))
    best_mean = max(summary, key=lambda k: summary[k]["mean"])
    assert best_mean == "step by step"
    assert max(summary, key=lambda k: summary[k]["p90"]) == "transformation"
    assert min(summary, key=lambda k: summary[k]["p10"]) == "transformation"
    assert summary["wait and see"]["std"] < summary["transformation"]["std"]


def test_wait_and_see_loses_only_when_dialogue_is_contagious(market):
    def means(p_dialogue):
        return {k: v.mean() for k, v in models.compare_policies(market, runs=60, seed=2, p_dialogue=p_dialogue).items()}

    for low in (0.05, 0.15):
        assert means(low)["wait and see"] > means(low)["step by step"]
    for high in (0.25, 0.35):
        assert means(high)["step by step"] > means(high)["wait and see"]


def test_on_a_broadcast_star_the_cheapest_policy_wins(networks):
    summary = models.summarise_outcomes(
        models.compare_policies(networks["broadcast star"], runs=60, seed=2, p_dialogue=0.25))
    assert max(summary, key=lambda k: summary[k]["mean"]) == "wait and see"


def test_a_likelier_transformation_overtakes_step_by_step(market):
    likely = replace(models.POLICIES["transformation"], success_probability=0.8)
    out = models.compare_policies(market, [models.POLICIES["step by step"], likely], runs=100, seed=2,
                                  p_dialogue=0.25)
    assert np.mean(out["transformation"]) > np.mean(out["step by step"])
    baseline = models.compare_policies(market, ["step by step", "transformation"], runs=100, seed=2, p_dialogue=0.25)
    assert np.mean(baseline["transformation"]) < np.mean(baseline["step by step"])
