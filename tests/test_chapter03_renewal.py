"""Chapter 3, page 2 (outsiders, renewal and turnover): the models, and every claim in the prose
recomputed on its 20-seed intervals."""

import networkx as nx
import numpy as np
import pytest

from snb import datasets, stats, widgets
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
    reach = {keep: np.array([[renewal.outsider_reach(renewal.professional_groups(seed=s), steps=k, seed=s,
                                                     weak=keep) for k in (1, 3, 5)] for s in SEEDS])
             for keep in (True, False)}
    # "they reach 24 % ... (95 % CI 21 % to 26 %) ... only their own group, 10 %"
    assert stats.mean_interval(reach[True][:, 1]).format(2) == "0.24 (95 % CI 0.21 to 0.26)"
    assert round(reach[False][:, 1].mean(), 2) == 0.10 and reach[False].max() == 0.1  # never leave group 0
    # "the weak ties add 14 percentage points (95 % CI 11 to 16)"
    assert stats.difference(reach[True][:, 1], reach[False][:, 1]).format(2) == "0.14 (95 % CI 0.11 to 0.16)"
    # "With five steps almost everyone is within reach (93 %)"; one step: three contacts
    assert round(reach[True][:, 2].mean(), 2) == 0.93 and set(reach[True][:, 0]) == {3 / 200}


def test_weak_tie_sweep_sentences():
    signs = []
    for b in (0.0, 0.002, 0.005, 0.01):
        nets = [renewal.professional_groups(between=b, seed=s) for s in SEEDS]
        d = stats.difference([renewal.outsider_reach(G, seed=s) for s, G in enumerate(nets)],
                             [renewal.outsider_reach(G, seed=s, weak=False) for s, G in enumerate(nets)])
        signs.append((d.mean, d.excludes_zero))
    # "With none at all, the outsider gains nothing ... from 0.002 on, clearly above zero and grows"
    assert signs[0] == (0.0, False) and all(ok for _, ok in signs[1:])
    assert [m for m, _ in signs] == sorted(m for m, _ in signs)
    assert 0.8 <= 180 * 0.005 <= 1  # "about one tie outside their group"


def _renewal(h, t):
    return [renewal.simulate_renewal(homophily=h, turnover=t, seed=s).renewal for s in SEEDS]


def test_renewal_sentences():
    open_, congenial = _renewal(0.3, 0.05), _renewal(0.9, 0.05)
    # "63 % ... (95 % CI 61 % to 65 %); in the congenial one only 14 % (12 % to 16 %)"
    assert stats.mean_interval(open_).format(2) == "0.63 (95 % CI 0.61 to 0.65)"
    assert stats.mean_interval(congenial).format(2) == "0.14 (95 % CI 0.12 to 0.16)"
    gap = stats.difference(open_, congenial)
    # "The difference, 0.49 (95 % CI 0.47 to 0.52)": the open community beats the congenial one
    assert gap.format(2) == "0.49 (95 % CI 0.47 to 0.52)"
    assert stats.verdict(gap, "open", "congenial") == "open beats congenial"


def test_turnover_sweep_sentences():
    gaps = {t: stats.difference(_renewal(0.3, t), _renewal(0.9, t)) for t in (0.0, 0.02, 0.05, 0.1)}
    # "With no turnover ... neither community renews: the two are the same"
    assert gaps[0.0].mean == 0 and not gaps[0.0].excludes_zero
    # "the gap grows with turnover, from 0.36 at 2 % to 0.59 at 10 %"
    assert all(gaps[t].low > 0 for t in (0.02, 0.05, 0.1))
    assert (round(gaps[0.02].mean, 2), round(gaps[0.1].mean, 2)) == (0.36, 0.59)
    assert gaps[0.02].mean < gaps[0.05].mean < gaps[0.1].mean
    # "renewal of 0.20 (95 % CI 0.18 to 0.21), far below the open community with only 2 % turnover (0.45)"
    fast = stats.mean_interval(_renewal(0.9, 0.1))
    assert fast.format(2) == "0.20 (95 % CI 0.18 to 0.21)"
    slow_open = stats.mean_interval(_renewal(0.3, 0.02))
    assert round(slow_open.mean, 2) == 0.45 and stats.difference(
        _renewal(0.3, 0.02), _renewal(0.9, 0.1)).low > 0.2


def test_departure_sentences():
    shares = [0.0, 0.05, 0.1, 0.2, 0.3]
    makers = {"like-minded": lambda s: ties.like_minded_network(seed=s),
              "scale-free": lambda s: nx.barabasi_albert_graph(150, 3, seed=s)}
    kept = {}
    for name, make in makers.items():
        nets = [make(s) for s in SEEDS]
        kept[name, "random"] = np.array([renewal.fragmentation(G, shares, targeted=False, seed=s)
                                         for s, G in enumerate(nets)])
        kept[name, "targeted"] = np.array([renewal.fragmentation(G, shares, targeted=True) for G in nets])
    # "after a fifth of the members leave at random, about 78 to 80 % ... still form one connected group"
    for name in makers:
        assert 0.775 <= kept[name, "random"][:, 3].mean() <= 0.805
    # scale-free: "falls to 63 % ... 0.17 below random departures (95 % CI 0.14 to 0.20), and to 14 % when 30 % leave"
    assert round(kept["scale-free", "targeted"][:, 3].mean(), 2) == 0.63
    d = stats.difference(kept["scale-free", "random"][:, 3], kept["scale-free", "targeted"][:, 3])
    assert d.format(2) == "0.17 (95 % CI 0.14 to 0.20)"
    assert round(kept["scale-free", "targeted"][:, 4].mean(), 2) == 0.14
    # like-minded: "0.01 at 20 % (95 % CI 0.00 to 0.02), and 0.07 at 30 %"
    d = stats.difference(kept["like-minded", "random"][:, 3], kept["like-minded", "targeted"][:, 3])
    assert d.format(2) == "0.01 (95 % CI 0.00 to 0.02)"
    assert round((kept["like-minded", "random"][:, 4] - kept["like-minded", "targeted"][:, 4]).mean(), 2) == 0.07


def test_persistence_sentences():
    runs = {t: [renewal.persistence(t, seed=s) for s in SEEDS] for t in (0.05, 0.25)}
    baseline = [r["baseline"] for r in runs[0.05]]
    small, large = ([r["ARI"] for r in runs[t]] for t in (0.05, 0.25))
    # "ARI 0.53 against 0.56; the difference cannot be told from zero"
    assert (round(np.mean(small), 2), round(np.mean(baseline), 2)) == (0.53, 0.56)
    assert stats.verdict(stats.difference(small, baseline), "turnover", "no turnover") == \
        "turnover and no turnover are indistinguishable"
    # "With a quarter replaced the agreement drops to 0.33, clearly below the baseline"
    assert round(np.mean(large), 2) == 0.33
    assert stats.difference(large, baseline).high < 0
