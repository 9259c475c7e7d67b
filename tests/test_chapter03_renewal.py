"""Chapter 3, page 2 (outsiders, renewal and turnover): the models, and every claim in the prose
recomputed on its 20-seed intervals."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets, widgets
from snb.assumptions import table
from snb.models import renewal, ties

SEEDS = range(20)


# ---------------------------------------------------------------- models
def test_professional_groups_mark_groups_and_tie_strength():
    G = renewal.professional_groups(4, 5, inside=1.0, between=0.0, seed=1)
    assert G.number_of_edges() == 4 * 10 and nx.number_connected_components(G) == 4
    assert {s for *_, s in G.edges(data="strength")} == {"strong"}
    H = renewal.professional_groups(seed=2)
    for u, v, s in H.edges(data="strength"):
        assert (s == "strong") == (H.nodes[u]["group"] == H.nodes[v]["group"])
    assert sorted(H.edges) == sorted(renewal.professional_groups(seed=2).edges)


def test_outsider_reach_without_weak_ties_stays_in_the_group():
    G = renewal.professional_groups(inside=1.0, seed=1)
    assert renewal.outsider_reach(G, steps=1, seed=1) == pytest.approx(3 / 200)
    assert renewal.outsider_reach(G, steps=9, seed=1, weak=False) == pytest.approx(20 / 200)
    assert renewal.outsider_reach(G, steps=9, seed=1) > 0.5


def test_renewal_model_basics():
    run = renewal.simulate_renewal(seed=3)
    assert run.fresh_share.shape == (60,) and run.warmup == 20
    assert run.network.number_of_nodes() == 80
    assert run.renewal == pytest.approx(run.fresh_share[20:].mean())
    assert renewal.simulate_renewal(seed=3).renewal == run.renewal
    assert renewal.simulate_renewal(turnover=0.0, seed=3).renewal == 0.0
    assert renewal.simulate_renewal(homophily=1.0, turnover=0.1, seed=3).renewal == 0.0
    assert renewal.simulate_renewal(homophily=0.0, turnover=0.1, seed=3).renewal > 0.5
    with pytest.raises(ValueError):
        renewal.simulate_renewal(departures="nobody")


def test_renewal_network_has_no_self_ties_and_keeps_newcomers_marked():
    G = renewal.simulate_renewal(homophily=0.0, turnover=0.1, seed=4).network
    assert nx.number_of_selfloops(G) == 0
    assert any(new for _, new in G.nodes(data="newcomer"))


def test_renewal_runs_are_shared_read_only_and_their_network_is_a_fresh_copy():
    run = renewal.simulate_renewal(homophily=0.5, turnover=0.05, seed=6)
    assert renewal.simulate_renewal(homophily=0.5, turnover=0.05, seed=6) is run  # cached per setting
    with pytest.raises(ValueError):
        run.fresh_share[0] = 1.0
    G = run.network
    G.remove_node(0)
    assert run.network.number_of_nodes() == 80 and run.ties.shape[1] == 2


def test_fragmentation_extremes():
    star = nx.star_graph(9)
    assert renewal.fragmentation(star, [0.0, 0.1], targeted=True).tolist() == [1.0, 0.1]
    assert renewal.fragmentation(nx.complete_graph(10), [0.5], targeted=False, seed=1).tolist() == [0.5]


def test_persistence_returns_agreements():
    result = renewal.persistence(0.1, seed=1)
    assert set(result) == {"ARI", "baseline"} and all(-1 <= v <= 1 for v in result.values())


def test_parameter_tables_name_sources_and_match_defaults():
    for params in (renewal.GROUP_PARAMETERS, renewal.RENEWAL_PARAMETERS):
        assert all(r["source"] for r in table(params).rows.values())
    defaults = renewal.simulate_renewal.__kwdefaults__
    values = {p.name: p.value for p in renewal.RENEWAL_PARAMETERS}
    for name, key in (("homophily", "homophily"), ("turnover", "turnover"), ("pass-on", "pass_on"),
                      ("members", "members"), ("rounds", "rounds"), ("fresh", "fresh")):
        assert values[name] == defaults[key]


def test_renewal_render_is_reproducible_with_numbers_in_the_alt_text():
    first = widgets.render_renewal(0.9, 0.05, "random", 1)
    assert first.alt == widgets.render_renewal(0.9, 0.05, "random", 1).alt
    run = renewal.simulate_renewal(homophily=0.9, turnover=0.05, seed=1)
    assert f"averaging {run.renewal:.2f}" in first.alt
    explorer = widgets.renewal_explorer()
    assert set(explorer.controls) == {"homophily", "turnover", "departures", "seed"}


# ---------------------------------------------------------------- claims of the page
def test_bridge_sentences():
    team = datasets.load_tiny_team()
    assert sorted(nx.bridges(team)) == [("Ana", "Dev"), ("Dev", "Eva")]
    G = renewal.professional_groups(seed=1)
    local = set(map(frozenset, nx.local_bridges(G, with_span=False)))
    share = {k: np.mean([frozenset((u, v)) in local for u, v, s in G.edges(data="strength") if s == k])
             for k in ("weak", "strong")}
    # "Of the 662 ties ... 96 are weak, and 92 % of the weak ties are local bridges, against 19 %"
    assert G.number_of_edges() == 662
    assert sum(s == "weak" for *_, s in G.edges(data="strength")) == 96
    assert (round(share["weak"], 2), round(share["strong"], 2)) == (0.92, 0.19)


def test_outsider_reach_sentences():
    # "Within one step the recruiter reaches only their three contacts"; the strong ties alone never
    # leave group 0, "however many steps they take" (the gain itself is pinned as 03-weak-ties-reach)
    for s in range(5):
        G = renewal.professional_groups(seed=s)
        assert renewal.outsider_reach(G, steps=1, seed=s) == 3 / 200
        assert renewal.outsider_reach(G, steps=10, seed=s, weak=False) <= 0.1
    assert 0.8 <= 180 * 0.005 <= 1  # "about one tie outside their group"


def test_random_departures_erode_both_networks_alike():
    # "Random departures erode both networks gently and alike" (targeted ones: 03-targeted-*)
    nets = {"like-minded": [ties.like_minded_network(seed=s) for s in SEEDS],
            "scale-free": [nx.barabasi_albert_graph(150, 3, seed=s) for s in SEEDS]}
    kept = {name: np.mean([renewal.fragmentation(G, [0.2], targeted=False, seed=s)[0]
                           for s, G in enumerate(Gs)]) for name, Gs in nets.items()}
    assert all(0.775 <= k <= 0.805 for k in kept.values())
