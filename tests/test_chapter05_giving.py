"""Chapter 5's direct and indirect reciprocity, and the homophily market (pages 5.4 and 5.5)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from snb.models import homophily
from snb.models import reciprocity_direct as rd


@pytest.mark.parametrize("w", [0.0, 0.3, 0.6, 0.9])
def test_repeated_games_match_the_closed_form_without_errors(w):
    # a giver meeting reciprocators earns (b - c) per round, a taker b once
    out = rd.repeated_games(w, games=20_000, seed=1)
    assert out["giver"] == pytest.approx((3 - 1) * out["rounds"], rel=1e-9)
    assert out["taker"] == pytest.approx(3.0)
    assert out["rounds"] == pytest.approx(1 / (1 - w), rel=0.05)


def test_generosity_forgives_slips():
    tft = rd.repeated_games(0.9, giver="TFT", error=0.05, games=4000, seed=3)
    gtft = rd.repeated_games(0.9, giver="GTFT", error=0.05, games=4000, seed=3)
    assert gtft["giver"] > tft["giver"] and gtft["taker"] > tft["taker"]


def test_reputation_game_extremes():
    blind = rd.reputation_game(0.0, seed=1)
    seen = rd.reputation_game(1.0, seed=1)
    assert blind["taker"] > blind["discriminator"]   # nobody knows: taking pays
    assert seen["discriminator"] > seen["taker"]     # everyone knows: giving pays


@pytest.mark.parametrize("bad", [dict(w=1.0), dict(w=-0.1), dict(w=0.5, b=1.0, c=2.0), dict(w=0.5, giver="ALLC")])
def test_repeated_games_refuse_impossible_settings(bad):
    with pytest.raises(ValueError):
        rd.repeated_games(**bad)


def test_crossing_interpolates_and_says_nan_when_there_is_none():
    assert rd.crossing(np.array([0.0, 1.0]), np.array([-1.0, 1.0])) == pytest.approx(0.5)
    assert np.isnan(rd.crossing(np.array([0.0, 1.0]), np.array([1.0, 2.0])))


def test_five_rules_table_has_nowaks_five_rules():
    assert [r["rule"] for r in rd.FIVE_RULES] == ["kin selection", "direct reciprocity", "indirect reciprocity",
                                                   "network reciprocity", "group selection"]


def test_market_ties_join_the_like_minded():
    G, x, _ = homophily.like_minded_market(seed=2)
    gap = np.mean([abs(x[a] - x[b]) for a, b in G.edges])
    G0, x0, _ = homophily.like_minded_market(similarity=0.0, seed=2)
    gap0 = np.mean([abs(x0[a] - x0[b]) for a, b in G0.edges])
    assert gap < gap0 / 2


def test_without_homophily_there_is_no_lift():
    lifts = [homophily.friend_lift(*homophily.like_minded_market(similarity=0.0, seed=s)[::2]) for s in range(20)]
    assert 0.8 < np.mean(lifts) < 1.2


def test_friend_rates_on_a_small_example():
    assert homophily.friend_rates(nx.path_graph(4), np.array([1, 2, 0, 2])) == (1.0, 0.5)
