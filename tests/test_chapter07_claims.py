"""Chapter 7's models and the sentences its pages and guide state, pinned to computed values."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from snb import permutation, verdicts
from snb.models import firm, nonresponse, qap


# ------------------------------------------------------------------ missing answers
def test_the_union_rule_keeps_a_tie_when_either_person_named_it():
    A = np.array([[0, 1, 1], [0, 0, 0], [1, 0, 0]], float)
    seen = nonresponse.observe(A, np.array([False, True, True]))
    assert seen.tolist() == [[0, 0, 1], [0, 0, 0], [1, 0, 0]]  # 0 -> 1 is lost: only 0 named it
    assert (seen == seen.T).all()


def test_respondents_leave_out_the_share_asked_and_busiest_hits_the_busy():
    A = nonresponse.adjacency(firm.synthetic_firm(seed=3).informal)
    degree = A.sum(axis=1)
    busy_missing, random_missing = [], []
    for seed in range(30):
        for mode, out in (("busiest", busy_missing), ("random", random_missing)):
            mask = nonresponse.respondents(A, 0.3, np.random.default_rng(seed), mode)
            assert (~mask).sum() == 30
            out.append(degree[~mask].mean())
    assert np.mean(busy_missing) > np.mean(random_missing) + 0.5


def test_rank_correlation_is_spearmans_with_average_ranks():
    from scipy.stats import spearmanr

    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 5, 40).astype(float), rng.random(40)
    assert nonresponse.rank_correlation(a, b) == pytest.approx(spearmanr(a, b)[0])
    assert nonresponse.rank_correlation(np.ones(5), np.arange(5.0)) == 0.0


def test_betweenness_orders_people_as_networkx_does():
    G = firm.synthetic_firm(seed=2).informal
    ours = nonresponse.scores(nonresponse.adjacency(G), "betweenness")
    theirs = nx.betweenness_centrality(G, normalized=False)
    assert ours == pytest.approx([theirs[v] for v in G])


def test_a_complete_survey_keeps_every_ranking():
    d = nonresponse.damage(nonresponse.krackhardt_advice(), 0.0, seed=5)
    assert all(v == pytest.approx(1.0) for v in d.values())


def test_page_1_few_ties_are_lost_roughly_the_share_missing_squared():
    A = nonresponse.adjacency(firm.synthetic_firm(seed=1).informal)
    for share in (0.1, 0.2, 0.3):
        lost = np.mean([1 - nonresponse.observe(A, nonresponse.respondents(
            A, share, np.random.default_rng(s))).sum() / A.sum() for s in range(20)])
        assert 0.5 * share**2 < lost < 1.5 * share**2


def test_page_2_degree_keeps_its_top_5_better_than_betweenness_in_krackhardts_firm():
    runs = nonresponse.study("krackhardt", [0.1, 0.2, 0.3, 0.4, 0.5], range(20), "random")
    assert (runs["degree top-k"].mean(axis=1) > runs["betweenness top-k"].mean(axis=1)).all()


def test_the_thresholds_order_busiest_random_and_krackhardt():
    t = {vid: verdicts.stored(vid).details["threshold"] for vid in (
        "07-broker-response-rate", "07-broker-response-rate-random", "07-broker-response-rate-krackhardt")}
    assert t["07-broker-response-rate-random"] < t["07-broker-response-rate"] < \
        t["07-broker-response-rate-krackhardt"] == max(nonresponse_rates())


def nonresponse_rates():
    from snb.verdicts import ch07

    return ch07.RATES


def test_the_exercise_answer_and_quiz_agree_with_the_threshold():
    assert verdicts.stored("07-broker-response-rate").details["threshold"] == pytest.approx(0.7)


# ------------------------------------------------------------------ pattern or chance
def test_krackhardt_matrices_hold_the_published_counts():
    m = qap.krackhardt_matrices()
    assert int(m["advice"].sum()) == 190 and int(m["friendship"].sum()) == 102
    assert int(m["reports_to"].sum()) == 40 and (m["same department"] == m["same department"].T).all()
    assert len(qap.off_diagonal(m["advice"])) == 420


def test_every_manager_is_in_40_of_the_420_pairs():
    n = len(qap.krackhardt_matrices()["advice"])
    pairs = [(i, j) for i in range(n) for j in range(n) if i != j]
    assert len(pairs) == 420 and sum(0 in p for p in pairs) == 40


def test_the_naive_p_value_is_pearsons_test():
    from scipy.stats import pearsonr

    m = qap.krackhardt_matrices()
    x, y = qap.off_diagonal(m["friendship"]), qap.off_diagonal(m["advice"])
    r, p = pearsonr(x, y)
    assert qap.naive_p_value(r, len(x)) == pytest.approx(p, rel=0.1)  # normal approximation of t


def test_the_ordinary_p_value_is_about_ten_times_too_small():
    v = verdicts.stored("07-friendship-advice-qap")
    assert 5 < v.details["p"] / v.details["naive p"] < 20
    assert round(v.estimate, 2) == 0.15 and v.kind == "beats chance"


def test_mrqap_recovers_a_planted_effect_and_not_a_spurious_one():
    rng = np.random.default_rng(3)
    x1 = (rng.random((20, 20)) < 0.3).astype(float)
    x2 = np.maximum(x1, (rng.random((20, 20)) < 0.2)).astype(float)  # correlated with x1
    y = 0.8 * x1 + 0.3 * rng.standard_normal((20, 20))
    fit = permutation.mrqap(y, {"x1": x1, "x2": x2}, n=500, seed=1)
    assert fit.p["x1"] < 0.01 and fit.p["x2"] > 0.05
    assert fit.coefficients["x1"] == pytest.approx(0.8, abs=0.1) and fit.cells == 380
    assert fit.null["x1"].shape == (500,)


def test_mrqap_refuses_matrices_of_another_size():
    with pytest.raises(ValueError, match="5 x 5"):
        permutation.mrqap(np.zeros((5, 5)), {"x": np.zeros((4, 4))}, n=10, seed=1)


def test_page_3_the_reporting_line_is_the_stronger_predictor():
    table = verdicts.stored("07-mrqap-friendship").details["table"]
    assert table["reports_to"]["t"] > table["friendship"]["t"] > 0
    assert table["reports_to"]["p"] < 0.05


def test_page_3_department_pattern_cannot_be_told_from_chance():
    assert verdicts.stored("07-advice-department-qap").kind == "chance"


def test_the_mrqap_verdict_is_marked_fragile():
    assert verdicts.registry(["07"])["07-mrqap-friendship"].fragile


def test_qap_correlation_matches_the_matrices_correlation():
    m = qap.krackhardt_matrices()
    observed, null = permutation.qap_correlation(m["friendship"], m["advice"], n=1000, seed=1)
    assert observed == pytest.approx(np.corrcoef(qap.off_diagonal(m["friendship"]),
                                                 qap.off_diagonal(m["advice"]))[0, 1])
    assert abs(null.mean()) < 0.02 and math.isfinite(null.std())
