"""Chapter 3, page 3 (the wisdom of the network, three eras): the models, and every claim in the
prose recomputed on its 20-seed intervals."""

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
@pytest.fixture(scope="module")
def study():
    return {kind: opinion.wisdom_study(kind, seeds=SEEDS) for kind in opinion.WISDOM_NETWORKS}


def test_wisdom_sentences(study):
    mesh, one = study["peer mesh"], study["one voice"]
    # "everyone has the same influence (1 %) ... the consensus is the plain mean ... 0.073"
    assert np.allclose(mesh["largest influence"], 0.01) and np.allclose(mesh["consensus"], mesh["crowd mean"])
    assert round(mesh["consensus"].mean(), 3) == 0.073
    # "The small world is practically the same"
    assert not stats.difference(study["small world"]["consensus"], mesh["consensus"]).excludes_zero
    # scale-free: "the largest hub carries 4.6 % ... error grows to 0.100, ... not distinguishable"
    sf = study["scale-free"]
    assert round(sf["largest influence"].mean(), 3) == 0.046 and round(sf["consensus"].mean(), 3) == 0.100
    d = stats.difference(sf["consensus"], mesh["consensus"])
    assert d.format(2) == "0.03 (95 % CI -0.00 to 0.05)" and not d.excludes_zero
    # one voice: "14.5 % of the weight ... 0.132: worse ... by 0.06 (95 % CI 0.01 to 0.10)"
    assert round(one["largest influence"].mean(), 3) == 0.145 and round(one["consensus"].mean(), 3) == 0.132
    d = stats.difference(one["consensus"], mesh["consensus"])
    assert d.format(2) == "0.06 (95 % CI 0.01 to 0.10)"
    assert d.low > 0  # the one-voice network's error is larger: the peer mesh is wiser
    # "still better than most individuals": a single person's expected error is 0.8
    assert one["consensus"].mean() < 0.5 * np.sqrt(2 / np.pi)


def test_size_sweep_sentences():
    gap, one, mesh = {}, {}, {}
    for n in (25, 50, 100, 200, 400):
        one[n] = opinion.wisdom_study("one voice", n)
        mesh[n] = opinion.wisdom_study("peer mesh", n)
        gap[n] = stats.difference(one[n]["consensus"], mesh[n]["consensus"])
    # "With 25 or 50 people the difference cannot be told from zero ... From 100 people on ... clearly worse"
    assert not gap[25].excludes_zero and not gap[50].excludes_zero
    assert all(gap[n].low > 0 for n in (100, 200, 400))
    # "the gap grows (0.08 at 400 people) ... the peer mesh's error ... (0.044 at 400)"
    assert gap[100].mean < gap[200].mean < gap[400].mean and round(gap[400].mean, 2) == 0.08
    assert round(mesh[400]["consensus"].mean(), 3) == 0.044
    # "stays near 0.13 from 100 people on: its celebrity keeps about a seventh of the weight"
    assert all(0.12 <= one[n]["consensus"].mean() <= 0.14 for n in (100, 200, 400))
    assert all(abs(one[n]["largest influence"].mean() - 1 / 7) < 0.01 for n in (100, 200, 400))


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
