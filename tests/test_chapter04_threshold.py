"""Chapter 4's threshold model (Granovetter 1978), its explorer and its exercise check."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from snb import checks, draw
from snb.checks.ch04_threshold import threshold_answer
from snb.models import firm, threshold
from snb.widgets.ch04_threshold import render_threshold
from snb.widgets.params import SettingError


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("rule", [{"k": 1}, {"k": 2}, {"k": 3}, {"theta": 0.2}, {"theta": 0.35}, {"theta": 0.5}])
def test_fast_rule_agrees_with_the_readable_one(seed, rule):
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(60, 0.08, seed=seed)
    nodes = list(G)
    A = nx.to_numpy_array(G, nodelist=nodes)
    starts = [rng.choice(60, size=5, replace=False) for _ in range(4)]
    S = np.zeros((4, 60), dtype=bool)
    for r, s in enumerate(starts):
        S[r, s] = True
    fast = threshold.spread_fast(A, S, **rule)
    for r, s in enumerate(starts):
        slow = threshold.spread(G, s.tolist(), **rule)[-1]
        assert {nodes[i] for i in np.flatnonzero(fast[r])} == slow
        # round by round too
        history = threshold.spread(G, s.tolist(), **rule)
        for t in range(1, len(history)):
            step = threshold.spread_fast(A, S[r:r + 1], rounds=t, **rule)[0]
            assert {nodes[i] for i in np.flatnonzero(step)} == history[t]


def test_simple_contagion_fills_a_connected_network_and_two_contacts_stall_on_a_path():
    G = nx.path_graph(6)
    assert threshold.spread(G, [0], k=1)[-1] == set(G)
    assert threshold.spread(G, [0], k=2)[-1] == {0}
    assert threshold.spread(G, [0, 2], k=2)[-1] == {0, 1, 2}


def test_clustered_seeding_wins_on_cliques_with_a_high_threshold():
    # four teams of five (everyone knows everyone in a team); each team's first member also
    # knows the other teams' first members. Two first users: brokers start in two teams and
    # stall (a colleague sees one of four contacts using the tool), a clustered pair fills its team
    G = nx.Graph()
    for team in range(4):
        members = range(5 * team, 5 * team + 5)
        G.add_edges_from((a, b) for a in members for b in members if a < b)
        G.add_nodes_from(members, department=team + 1)
    G.add_edges_from((5 * a, 5 * b) for a in range(4) for b in range(a + 1, 4))
    out = threshold.rollout(G, 2, theta=0.5)
    assert out == {"brokers": 0.1, "clustered": 0.25}
    assert out["clustered"] > out["brokers"]


def test_seed_sets_brokers_span_departments_and_clusters_stay_in_one():
    FIRM = threshold.ROLLOUT_FIRM
    F = firm.synthetic_firm(FIRM["people"], FIRM["departments"], brokers=FIRM["brokers"],
                            within_degree=FIRM["within_degree"], cross_rate=FIRM["cross_rate"], seed=2)
    G = F.informal
    brokers = threshold.seed_sets(G, 6, "brokers")
    assert len({G.nodes[v]["department"] for v in brokers}) == 6
    clustered = threshold.seed_sets(G, 6, "clustered", department=3)
    assert {G.nodes[v]["department"] for v in clustered} == {3} and len(set(clustered)) == 6


@pytest.mark.parametrize("bad", [{}, {"k": 1, "theta": 0.5}, {"k": 0}, {"theta": 0.0}, {"theta": 1.5}, {"k": True}])
def test_rule_needs_exactly_one_valid_threshold(bad):
    with pytest.raises(ValueError):
        threshold.spread(nx.path_graph(3), [0], **bad)


def test_explorer_picture_is_a_picture_with_alt_text_and_both_shares():
    p = render_threshold(theta=0.4, seeding="clustered", seed=1)
    assert isinstance(p, draw.Picture) and p.png.startswith(b"\x89PNG")
    assert "clustered seeding" in p.alt and "brokers reach" in p.alt
    with pytest.raises(SettingError):
        render_threshold(seeding="the CEO")


# ------------------------------------------------------------------ the exercise check
@pytest.fixture(scope="module")
def answer():
    return threshold_answer()


def test_answer_shows_brokers_win_low_and_clustered_win_high(answer):
    low, high = (answer[t] for t in checks.ROLLOUT_EXERCISE["thetas"])
    assert low["brokers"] > low["clustered"] and high["clustered"] > high["brokers"]


def _forms(d):
    yield d
    yield {k: 100 * v for k, v in d.items()}                         # percentages
    yield {k.upper(): np.float64(v) for k, v in d.items()}           # other case, numpy numbers
    yield {f" {k} ": np.array([v]) for k, v in d.items()}            # spaces, one-element arrays


def test_check_accepts_every_valid_form(answer):
    low, high = (answer[t] for t in checks.ROLLOUT_EXERCISE["thetas"])
    for a in _forms(low):
        for b in _forms(high):
            for advice in ("it depends", "It depends ", "IT DEPENDS"):
                assert checks.check_threshold_rollout(a, b, advice).status == "correct"


def test_check_rejects_wrong_answers_with_a_reason(answer):
    low, high = (answer[t] for t in checks.ROLLOUT_EXERCISE["thetas"])
    swapped = {"brokers": low["clustered"], "clustered": low["brokers"]}
    fb = checks.check_threshold_rollout(swapped, high, "it depends")
    assert fb.status == "incorrect" and "other seeding" in fb.message
    fb = checks.check_threshold_rollout(high, low, "it depends")  # thresholds swapped
    assert fb.status == "incorrect"
    for advice in ("brokers", "clustered"):
        fb = checks.check_threshold_rollout(low, high, advice)
        assert fb.status == "incorrect" and "loses" in fb.message
        assert "it depends" not in fb.hint.lower()  # the hint never gives the answer
    off = {k: v + 0.05 for k, v in low.items()}
    assert checks.check_threshold_rollout(off, high, "it depends").status == "incorrect"


@pytest.mark.parametrize("bad", [None, "0.5", 3, [0.1, 0.2], {"brokers": 0.5}, {"brokers": "x", "clustered": 1},
                                 {"brokers": float("nan"), "clustered": 0.1}, {"brokers": -1, "clustered": 0.1},
                                 {"brokers": 250, "clustered": 0.1}, {"brokers": True, "clustered": 0.1}])
def test_check_calls_odd_input_invalid_never_a_traceback(answer, bad):
    high = answer[checks.ROLLOUT_EXERCISE["thetas"][1]]
    fb = checks.check_threshold_rollout(bad, high, "it depends")
    assert fb.status == "invalid" and fb.message


def test_unanswered_parts_say_so(answer):
    low, high = (answer[t] for t in checks.ROLLOUT_EXERCISE["thetas"])
    assert checks.check_threshold_rollout(..., high, "it depends").status == "unanswered"
    assert checks.check_threshold_rollout(low, high, ...).status == "unanswered"
    assert checks.check_threshold_rollout(low, high, 7).status == "invalid"
