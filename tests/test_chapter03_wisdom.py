"""Chapter 3, page 3 (the wisdom of the network, three eras): the models, the closed form of the
expected consensus error against simulation, and the page's descriptive sentences (its
verdicts are pinned in test_chapter03_claims.py)."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets, stats, widgets
from snb.assumptions import table
from snb.models import opinion

SEEDS = range(20)


# ---------------------------------------------------------------- models
def test_degroot_converges_to_the_influence_weighted_mean():
    G = nx.connected_watts_strogatz_graph(30, 4, 0.2, seed=2)
    start = np.random.default_rng(2).standard_normal(30)
    path = opinion.degroot(G, start, 300)
    assert path.shape == (301, 30)
    assert np.allclose(path[-1], opinion.influence(G) @ start, atol=1e-8)


def test_influence_is_degree_plus_one_and_needs_a_connected_network():
    star = nx.star_graph(4)
    assert opinion.influence(star).tolist() == pytest.approx([5 / 13] + [2 / 13] * 4)
    W = opinion.averaging_matrix(star)
    assert np.allclose(W.sum(axis=1), 1) and np.allclose(opinion.influence(star) @ W, opinion.influence(star))
    with pytest.raises(ValueError):
        opinion.influence(nx.empty_graph(3))


@pytest.mark.parametrize("kind", opinion.WISDOM_NETWORKS)
def test_wisdom_networks_are_connected_of_the_asked_size(kind):
    G = opinion.wisdom_network(kind, 60, seed=3)
    assert G.number_of_nodes() == 60 and nx.is_connected(G)
    assert 5 <= 2 * G.number_of_edges() / 60 <= 8
    assert sorted(G.edges) == sorted(opinion.wisdom_network(kind, 60, seed=3).edges)
    with pytest.raises(ValueError):
        opinion.wisdom_network("a crowd")


def test_peer_mesh_consensus_is_the_plain_mean():
    err = opinion.consensus_error(opinion.wisdom_network("peer mesh", seed=4), seed=4)
    assert err["consensus"] == pytest.approx(err["crowd mean"])


def test_parameters_name_sources():
    assert all(r["source"] for r in table(opinion.WISDOM_PARAMETERS).rows.values())


def test_era_networks_and_profiles():
    send, dialogue, participation = (datasets.era_network(e, seed=2) for e in datasets.ERAS)
    assert all(D.is_directed() and D.number_of_nodes() == 30 for D in (send, dialogue, participation))
    assert opinion.era_profile(send) == {"degree centralisation": 1.0, "reciprocity": 0.0,
                                         "pairs reachable": pytest.approx(1 / 30), "mean steps": 1.0,
                                         "reachable without the institute": 0.0}
    assert opinion.era_profile(participation)["reciprocity"] == 1.0
    with pytest.raises(ValueError):
        datasets.era_network("4.0")


def test_wisdom_render_and_explorer():
    first = widgets.render_wisdom("one voice", 100, 1)
    assert first.alt == widgets.render_wisdom("one voice", 100, 1).alt
    G = opinion.wisdom_network("one voice", 100, seed=1)
    assert f"carries {opinion.influence(G).max():.1%}" in first.alt
    explorer = widgets.wisdom_explorer()
    assert set(explorer.controls) == {"network", "people", "seed"}


def test_degroot_rounds_from_the_edge_list_match_the_dense_averaging_matrix(monkeypatch):
    G = opinion.wisdom_network("scale-free", 80, seed=5)
    G.add_edge(3, 3)  # a self-loop counts once, as in the dense matrix
    start = np.random.default_rng(5).standard_normal(80)
    dense = opinion.degroot(G, start, 5)
    monkeypatch.setattr(opinion, "DENSE_PEOPLE", 10)  # as for a network of 10,000
    assert np.allclose(opinion.degroot(G, start, 5), dense, rtol=0, atol=1e-12)


def test_wisdom_render_at_ten_thousand_people_draws_an_even_sample():
    """Issue 8: the explorer copes with 10,000 people (sparse averaging; `make benchmark`
    times it against the 1 s budget) and says how many paths it draws."""
    from snb.widgets.ch03 import WISDOM_PATHS

    picture = widgets.render_wisdom("one voice", 10_000, 1)
    assert "network of 10,000 people" in picture.alt
    assert f"the estimates of {WISDOM_PATHS} of them, evenly spread" in picture.alt
    assert "every estimate" in widgets.render_wisdom("one voice", WISDOM_PATHS, 1).alt


# ---------------------------------------------------------------- claims of the page
def test_expected_error_formula_matches_simulated_draws():
    # sqrt(2/pi) * ||w|| for independent unit normal errors: against 20,000 simulated draws of
    # the starting estimates on the page's one-voice and scale-free networks
    rng = np.random.default_rng(2024)
    for kind in ("one voice", "scale-free", "peer mesh"):
        G = opinion.wisdom_network(kind, 100, seed=1)
        w = opinion.influence(G)
        errors = np.abs(rng.standard_normal((20_000, w.size)) @ w)
        iv = stats.mean_interval(errors)
        assert iv.low < opinion.expected_consensus_error(G) < iv.high, kind
        # and the library's own one-draw function agrees with the weighted mean it stands for
        assert opinion.consensus_error(G, seed=3)["consensus"] == pytest.approx(
            abs(w @ np.random.default_rng(3).standard_normal(w.size)))


def test_expected_error_scales_with_noise_and_is_smallest_for_equal_weights():
    G = opinion.wisdom_network("one voice", 50, seed=1)
    assert opinion.expected_consensus_error(G, noise=2.0) == pytest.approx(2 * opinion.expected_consensus_error(G))
    mesh = opinion.wisdom_network("peer mesh", 50, seed=1)  # equal weights: the plain mean's error
    assert opinion.expected_consensus_error(mesh) == pytest.approx(np.sqrt(2 / np.pi) / np.sqrt(50))
    assert opinion.expected_consensus_error(G) > opinion.expected_consensus_error(mesh)


def test_size_sentences_from_the_closed_form():
    # issue 20: "0.185 vs 0.160 at 25 people, 0.153 vs 0.113 at 50" (the page's table)
    def err(kind, n):
        return round(opinion.expected_consensus_error(opinion.wisdom_network(kind, n, seed=1)), 3)

    assert (err("one voice", 25), err("peer mesh", 25)) == (0.185, 0.160)
    assert (err("one voice", 50), err("peer mesh", 50)) == (0.153, 0.113)
    # "the gap grows from a few hundredths ... to several times the mesh's error at 400"
    gaps = [err("one voice", n) - err("peer mesh", n) for n in (25, 50, 100, 200, 400)]
    assert gaps == sorted(gaps) and 0.02 < gaps[0] < 0.05 and err("one voice", 400) > 2.5 * err("peer mesh", 400)
    # "its celebrity keeps about a seventh of the weight however large the network"
    for n in (100, 200, 400):
        assert abs(opinion.influence(opinion.wisdom_network("one voice", n, seed=1)).max() - 1 / 7) < 0.01


def test_era_sentences():
    rows = {era: [opinion.era_profile(datasets.era_network(era, seed=s)) for s in SEEDS] for era in datasets.ERAS}
    mean = {era: {k: np.mean([r[k] for r in rs]) for k in rs[0]} for era, rs in rows.items()}
    send, dialogue, part = (mean[e] for e in datasets.ERAS)
    # "Sending is perfectly centralised (1.00), with no reciprocity ... 3 % of the ordered pairs"
    assert (send["degree centralisation"], send["reciprocity"], round(send["pairs reachable"], 2)) == (1.0, 0.0, 0.03)
    # "Dialogue answers back (reciprocity 0.55) and connects everyone, in under two steps ... (0.86)"
    assert round(dialogue["reciprocity"], 2) == 0.55 and dialogue["pairs reachable"] == 1.0
    assert dialogue["mean steps"] < 2 and round(dialogue["degree centralisation"], 2) == 0.86
    # "Participation is decentralised (0.06) and fully reciprocal ... without the institute, against 82 %"
    assert round(part["degree centralisation"], 2) == 0.06 and part["reciprocity"] == 1.0
    assert part["reachable without the institute"] == 1.0
    assert round(dialogue["reachable without the institute"], 2) == 0.82
    # "participation takes 3.08 steps on average against 1.87 for dialogue"
    assert (round(part["mean steps"], 2), round(dialogue["mean steps"], 2)) == (3.08, 1.87)
