"""Chapter 4 models: the synthetic firm's invariants and the blocking policy."""

import networkx as nx
import numpy as np
import pytest

from snb.assumptions import table
from snb.models import firm

SIZES = [(20, 3), (100, 5), (2000, 8)]


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]} people")
def a_firm(request):
    people, departments = request.param
    return firm.synthetic_firm(people, departments, brokers=min(4, people // 10), seed=7)


def test_org_chart_is_one_tree_with_the_ceo_as_its_only_root(a_firm):
    org = a_firm.org
    assert nx.is_arborescence(org.reverse())
    assert [v for v in org if org.out_degree(v) == 0] == [0]
    assert org.nodes[0] == {"department": 0, "level": 1, "broker": False}
    heads = list(org.predecessors(0))
    assert len(heads) == a_firm.departments
    assert sorted(org.nodes[h]["department"] for h in heads) == list(range(1, a_firm.departments + 1))


def test_everyone_is_in_a_department_and_reports_inside_it(a_firm):
    org = a_firm.org
    sizes = [sum(1 for _, d in org.nodes(data="department") if d == k) for k in range(a_firm.departments + 1)]
    assert sizes[0] == 1 and max(sizes[1:]) - min(sizes[1:]) <= 1  # departments of about equal size
    for person, boss in org.edges:
        assert org.nodes[person]["level"] == org.nodes[boss]["level"] + 1
        if boss != 0:
            assert org.nodes[person]["department"] == org.nodes[boss]["department"]
            assert org.in_degree(boss) <= 5  # the span of control


def test_informal_network_covers_the_same_people_with_the_same_attributes(a_firm):
    assert dict(a_firm.informal.nodes(data=True)) == dict(a_firm.org.nodes(data=True))
    assert nx.number_of_selfloops(a_firm.informal) == 0 and not a_firm.informal.is_directed()


def test_brokers_are_planted_as_ordinary_staff_with_ties_across_departments(a_firm):
    org, G = a_firm.org, a_firm.informal
    assert len(a_firm.brokers) == min(4, a_firm.people // 10)
    assert {v for v, b in G.nodes(data="broker") if b} == set(a_firm.brokers)
    for b in a_firm.brokers:
        assert org.in_degree(b) == 0  # nobody reports to a broker
        outside = {G.nodes[v]["department"] for v in G[b]} - {G.nodes[b]["department"]}
        assert len(outside - {0}) >= 2


def test_same_seed_same_firm_other_seed_other_firm():
    a, b = firm.synthetic_firm(seed=3), firm.synthetic_firm(seed=3)
    assert sorted(a.informal.edges) == sorted(b.informal.edges) and sorted(a.org.edges) == sorted(b.org.edges)
    assert a.brokers == b.brokers
    assert sorted(a.informal.edges) != sorted(firm.synthetic_firm(seed=4).informal.edges)


def test_cross_rate_sets_the_share_of_ordinary_ties_that_cross_departments():
    for rate in (0.0, 0.1, 0.3):
        F = firm.synthetic_firm(400, 5, cross_rate=rate, brokers=0, seed=2)
        share = len(firm.cross_department_ties(F.informal)) / F.informal.number_of_edges()
        assert share == pytest.approx(rate, abs=0.005)


def test_default_firm_is_about_a_hundred_connected_people():
    F = firm.synthetic_firm()
    assert F.people == 100 and F.departments == 5 and len(F.brokers) == 4
    assert nx.is_connected(F.informal)


@pytest.mark.parametrize("bad", [dict(people=19), dict(people=2001), dict(people=50.5), dict(departments=1),
                                 dict(people=20, departments=5), dict(cross_rate=1.0), dict(brokers=11),
                                 dict(within_degree=30), dict(span=1)])
def test_impossible_settings_are_refused(bad):
    with pytest.raises(ValueError):
        firm.synthetic_firm(**bad)


def test_parameters_table_names_every_parameter_with_a_source():
    params = firm.firm_parameters()
    assert {p.name for p in params} >= {"people", "departments", "cross_rate", "brokers", "seed"}
    assert all(p.source for p in params)
    assert "cross_rate" in table(params).rows


def test_blocking_removes_the_asked_share_of_cross_department_ties_only():
    G = firm.synthetic_firm(seed=5).informal
    cross = firm.cross_department_ties(G, head_office=False)
    ceo_ties = set(G.edges(0))
    assert len(firm.cross_department_ties(G)) == len(cross) + len(ceo_ties)
    for share in (0.0, 0.5, 1.0):
        H = firm.block_cross_department(G, share, seed=1)
        assert len(firm.cross_department_ties(H, head_office=False)) == len(cross) - round(share * len(cross))
        assert set(H.edges(0)) == ceo_ties
        assert G.number_of_edges() - H.number_of_edges() == round(share * len(cross))
        assert set(H.edges) <= set(G.edges)
    with pytest.raises(ValueError):
        firm.block_cross_department(G, 1.5)


def test_org_rank_counts_everyone_below():
    F = firm.synthetic_firm(seed=1)
    rank = firm.org_rank(F.org)
    assert rank[0] == F.people - 1
    assert all(rank[b] == 0 for b in F.brokers)
    assert sum(rank[h] for h in F.org.predecessors(0)) == F.people - 1 - F.departments


# ------------------------------------------------------------------ brokerage
from snb import stats  # noqa: E402
from snb.models import brokerage  # noqa: E402


@pytest.mark.parametrize("G", [firm.synthetic_firm(seed=2).informal, nx.krackhardt_kite_graph(),
                               nx.karate_club_graph()], ids=["firm", "kite", "karate"])
def test_burt_measures_and_flow_equal_networkx(G):
    ours, theirs = brokerage.constraint(G), nx.constraint(G)
    assert all(ours[v] == pytest.approx(theirs[v]) for v in G)
    ours, theirs = brokerage.effective_size(G), nx.effective_size(G)
    assert all(ours[v] == pytest.approx(theirs[v]) for v in G)
    f = brokerage.flow(G)
    assert f["efficiency"] == pytest.approx(nx.global_efficiency(G))
    assert f["mean path"] == pytest.approx(nx.average_shortest_path_length(G))
    assert f["disconnected pairs"] == 0


def test_flow_on_a_split_network_counts_the_pairs_without_a_path():
    G = nx.Graph([(1, 2), (2, 3), (4, 5)])
    f = brokerage.flow(G)
    assert f["disconnected pairs"] == 6 and f["mean path"] == pytest.approx(5 / 4)
    assert f["reach"] == pytest.approx(8 / 20)  # 1-2, 2-3, 1-3, 4-5 both ways, out of 5 * 4


def test_key_person_losses_of_a_path_centre_and_an_end():
    losses = brokerage.key_person_losses(nx.path_graph(5))
    assert losses[2]["pairs cut"] == 4 and losses[0]["pairs cut"] == 0
    assert losses[2]["efficiency loss"] > losses[1]["efficiency loss"] > losses[0]["efficiency loss"]
    assert losses[4]["efficiency loss"] == 0  # the others' paths never ran through an end
    star = brokerage.key_person_losses(nx.star_graph(4))
    assert star[0] == {"efficiency loss": pytest.approx(0.5), "pairs cut": 6}


def test_precision_at_k_and_local_bridges():
    scores = {"a": 3, "b": 2, "c": 2, "d": 0}
    assert brokerage.top_k(scores, 2) == ["a", "b"]
    assert brokerage.precision_at_k(scores, {"a", "c"}) == 0.5
    assert brokerage.precision_at_k(scores, {"a", "c"}, k=3) == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        brokerage.precision_at_k(scores, set())
    counts = brokerage.local_bridge_counts(datasets_tiny_team())
    assert counts["Dev"] == 2 and counts["Ben"] == 0


def datasets_tiny_team():
    from snb import datasets
    return datasets.load_tiny_team()


def test_kite_leaders_differ_by_measure():
    assert brokerage.leaders(nx.krackhardt_kite_graph()) == {"degree": [3], "closeness": [5, 6],
                                                            "betweenness": [7]}


def test_broker_measures_find_planted_brokers_far_above_chance():
    runs = brokerage.recovery_study(("betweenness", "degree"), seeds=range(20))
    chance = 4 / 99
    assert stats.mean_interval(runs["betweenness"]).low > 0.5 > chance
    with pytest.raises(ValueError):
        brokerage.broker_scores(nx.path_graph(3), "charisma")


# ------------------------------------------------------------ the value model
from snb.models import knowledge_value  # noqa: E402


def test_net_value_follows_its_formula_and_breaks_even_where_stated():
    p = knowledge_value.value_settings()
    gain = 0.2
    expected = p["people"] * p["weeks"] * (p["questions"] * p["answer_value"] * gain - p["hours"] * p["wage"]) \
        - p["people"] * p["licence"]
    assert knowledge_value.net_value(gain) == pytest.approx(expected)
    even = knowledge_value.break_even_answer_value([gain])[0]
    assert knowledge_value.net_value(gain, answer_value=even) == pytest.approx(0, abs=1e-6)
    assert knowledge_value.net_value(gain, hours=0.0) > knowledge_value.net_value(gain)
    with pytest.raises(KeyError):
        knowledge_value.value_settings(happiness=1)
    assert all(p.source for p in knowledge_value.VALUE_PARAMETERS)


def test_blocking_nothing_changes_nothing_and_blocking_everything_hurts():
    none = knowledge_value.blocking_runs(0.0, seeds=range(3))
    assert np.allclose(none["reach"], 100) and np.allclose(none["efficiency"], 100)
    everything = knowledge_value.blocking_runs(1.0, seeds=range(3))
    assert (everything["efficiency"] < 100).all() and (everything["reach"] < 100).all()


def test_blocked_ties_are_those_block_cross_department_removes():
    F = firm.synthetic_firm(seed=3)
    for share in (0.0, 0.3, 1.0):
        kept = firm.block_cross_department(F.informal, share, seed=4)
        gone = firm.blocked_ties(F.informal, share, seed=4)
        assert len(gone) == F.informal.number_of_edges() - kept.number_of_edges()
        assert not any(kept.has_edge(*e) for e in gone) and all(F.informal.has_edge(*e) for e in gone)
    with pytest.raises(ValueError):
        firm.blocked_ties(F.informal, 1.5)


def test_flow_of_ties_and_the_adjacency_match_networkx():
    """brokerage's adjacency matrix is networkx's (every entry 1, ties as undirected),
    and flow measured on a list of ties is flow of the graph with those ties."""
    G = nx.les_miserables_graph()
    G.add_edge("Napoleon", "Napoleon")  # a self-loop: one entry on the diagonal
    D = nx.gnp_random_graph(30, 0.1, seed=2, directed=True)
    for H in (G, D, firm.synthetic_firm(seed=2).informal):
        want = nx.to_scipy_sparse_array(H.to_undirected(as_view=True) if H.is_directed() else H,
                                        weight=None, format="csr", dtype=float)
        want.data[:] = 1.0
        got = brokerage._adjacency(H)
        assert (got != want).nnz == 0 and got.shape == want.shape
        U = H.to_undirected() if H.is_directed() else H
        index = {v: i for i, v in enumerate(U)}
        pairs = [(index[a], index[b]) for a, b in U.edges()]
        assert brokerage.flow_of_ties(len(U), pairs) == brokerage.flow(U)
    assert brokerage.flow_of_ties(0, []) == brokerage.flow(nx.Graph())


def test_blocking_sweep_is_blocking_each_share_on_its_own():
    """The sweep (each firm built once for every share, flows measured on lists of ties)
    gives the numbers of blocking each share with block_cross_department and flow."""
    shares, seeds = [0.25, 1.0], range(3)
    sweep = knowledge_value.blocking_sweep(shares, seeds=seeds)
    for k, share in enumerate(shares):
        reach, efficiency = [], []
        for seed in seeds:
            F = firm.synthetic_firm(seed=seed)
            before = brokerage.flow(F.informal)
            after = brokerage.flow(firm.block_cross_department(F.informal, share, seed=seed))
            reach.append(100 * after["reach"] / before["reach"])
            efficiency.append(100 * after["efficiency"] / before["efficiency"])
        assert sweep["reach, change in %"][k] == stats.difference(reach, [100.0] * 3)
        assert sweep["efficiency, change in %"][k] == stats.difference(efficiency, [100.0] * 3)
        assert list(knowledge_value.blocking_runs(share, seeds=seeds)["reach"]) == reach
