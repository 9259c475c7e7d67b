"""Every claim the chapter 4 pages make in prose, recomputed with the pages' parameters.

If a model or the data changed a result, this fails and points at the sentence to rewrite.
Comparisons over synthetic firms are checked on their 95 % intervals over 20 seeds.
(The printed numbers themselves are pinned by strict nbval on the notebooks.)
"""

import networkx as nx
import pytest

from snb import datasets, stats
from snb.models import brokerage, firm

SEEDS = range(20)
K = datasets.krackhardt_managers()


def r2(x):
    return round(x, 2)


# ------------------------------------------------------------ page 1: Krackhardt's managers
def test_three_networks_table_sentences():
    A, F, R = K.advice, K.friendship, K.reports_to
    # "190 arcs, 45 % of all possible ones, and almost half of them (0.47) are returned"
    assert (A.number_of_edges(), round(nx.density(A), 2), r2(nx.reciprocity(A))) == (190, 0.45, 0.47)
    # "Friendship has 102 arcs, a quarter of the possible ones"; the chart 20 arcs, none returned
    assert (F.number_of_edges(), r2(nx.density(F))) == (102, 0.24)
    assert (R.number_of_edges(), nx.reciprocity(R)) == (20, 0.0)


def test_overlap_sentences():
    shared = set(K.reports_to.edges) & set(K.advice.edges)
    # "Nineteen of the twenty managers go to their own boss ... the exception is manager 11 ... 18"
    assert len(shared) == 19 and set(K.reports_to.edges) - shared == {(11, 18)}
    # "171 of the 190 advice arcs (90 %) follow no reporting line"
    assert K.advice.number_of_edges() - len(shared) == 171 and round(171 / 190, 2) == 0.90
    o = brokerage.overlap(K.advice, K.reports_to)
    # "the Jaccard index ... is 0.10. Even ignoring direction it is only 0.14"
    assert (r2(o["Jaccard (arcs)"]), r2(o["Jaccard (ties)"])) == (0.10, 0.14)


def test_beyond_rank_sentences():
    s = brokerage.sought_beyond_rank(K.advice)
    sought = {v: s[v]["sought by"] for v in s}
    # "vice president 2, asked by 18 of his 20 colleagues. The CEO is asked by 13"
    assert max(sought, key=sought.get) == 2 and (sought[2], sought[7]) == (18, 13)
    # "The managers (level 3) are asked by 7.4 colleagues on average ... manager 1 ... 13 ... 11 by 11"
    managers = [v for v in s if s[v]["level"] == 3]
    assert round(sum(sought[v] for v in managers) / len(managers), 1) == 7.4
    assert (sought[1], sought[11]) == (13, 11)
    ranked = sorted(s, key=lambda v: -s[v]["above their level"])
    assert ranked[:2] == [1, 11]
    # "vice president 14 ... seven managers report to him ... asked by only 10 ... 4.5 below"
    assert K.reports_to.in_degree(14) == 7 == max(K.reports_to.in_degree(v) for v in (2, 14, 18, 21))
    assert sought[14] == 10 and s[14]["above their level"] == -4.5 and ranked[-1] == 14


@pytest.fixture(scope="module")
def study():
    return brokerage.chart_and_network_study(seeds=SEEDS)


def test_chart_and_network_study_sentences(study):
    on_line = stats.mean_interval(study["informal ties on a reporting line"])
    # "30 % of the informal ties run along a reporting line (95 % CI 29 % to 31 %)"
    assert on_line.format(2) == "0.30 (95 % CI 0.29 to 0.31)"
    # "three quarters of the reporting lines are used for advice (0.75)"
    assert r2(stats.mean_interval(study["reporting lines used"]).mean) == 0.75
    # "the model ties people to their boss with probability 0.7 and gives them only about five advice ties each"
    degrees = [2 * firm.synthetic_firm(seed=s).informal.number_of_edges() / 100 for s in SEEDS]
    assert round(stats.mean_interval(degrees).mean) == 5
    assert {p.name: p.value for p in firm.firm_parameters()}["boss_tie"] == 0.7
    # "3.7 on average are ordinary staff (95 % CI 3.4 to 4.0)"
    staff = stats.mean_interval(study["staff in the top 5"])
    assert staff.format(1) == "3.7 (95 % CI 3.4 to 4.0)"


def test_kite_sentences():
    kite = nx.krackhardt_kite_graph()
    assert brokerage.leaders(kite) == {"degree": [3], "closeness": [5, 6], "betweenness": [7]}
    # "Diane has the most ties (6 of 9, degree centrality 0.67) ... closeness 0.64 ... Heather ... 0.39"
    assert kite.degree(3) == 6 and r2(nx.degree_centrality(kite)[3]) == 0.67
    assert r2(nx.closeness_centrality(kite)[5]) == 0.64 and r2(nx.betweenness_centrality(kite)[7]) == 0.39
    # "she alone links the tail (Ike and Jane) to the rest"
    H = kite.copy()
    H.remove_node(7)
    assert nx.number_connected_components(H) == 2


def test_managers_centrality_sentences():
    A = K.advice
    # "vice president 18 leads on degree (he asks 17 colleagues and is asked by 15 ...)"
    assert brokerage.leaders(A) == {"degree": [18], "closeness": [2], "betweenness": [18]}
    assert (A.out_degree(18), A.in_degree(18)) == (17, 15)
    b = nx.betweenness_centrality(A)
    # "betweenness (0.23, ahead of vice president 21 with 0.16 and the CEO with 0.07)"
    assert (r2(b[18]), r2(b[21]), r2(b[7])) == (0.23, 0.16, 0.07)
    # "vice president 2 leads on closeness (0.91)"
    assert r2(nx.closeness_centrality(A)[2]) == 0.91
    # "manager 15 ... names all 20 colleagues ... only four ask him"
    assert brokerage.leaders(A.to_undirected()) == {"degree": [15], "closeness": [15], "betweenness": [15]}
    assert (A.out_degree(15), A.in_degree(15)) == (20, 4)


# ------------------------------------------------------------ page 2: brokers and key people
def test_tiny_team_brokerage_sentences():
    team = datasets.load_tiny_team()
    b, c, e = nx.betweenness_centrality(team), brokerage.constraint(team), brokerage.effective_size(team)
    # "Dev has the highest betweenness (0.60) and the lowest constraint (0.50)"
    assert max(b, key=b.get) == "Dev" and r2(b["Dev"]) == 0.60
    assert min(c, key=c.get) == "Dev" and r2(c["Dev"]) == 0.50
    # "Both of his ties are bridges"; "Ana and Eva have the largest effective size (2.33)"
    assert sorted(map(sorted, nx.bridges(team))) == [["Ana", "Dev"], ["Dev", "Eva"]]
    assert {v for v in e if e[v] == max(e.values())} == {"Ana", "Eva"} and r2(e["Ana"]) == 2.33


def test_example_firm_top_four_sentences():
    F = firm.synthetic_firm(seed=1)
    hits = {m: len(set(brokerage.top_k(brokerage.broker_scores(F.informal, m), 4)) & F.brokers)
            for m in brokerage.BROKER_MEASURES}
    # "the four people with the most local bridges are exactly the four planted brokers; betweenness and
    # low constraint find three of them, degree and effective size only one"
    assert hits == {"local bridges": 4, "betweenness": 3, "low constraint": 3, "degree": 1, "effective size": 1}


@pytest.fixture(scope="module")
def recovery():
    return brokerage.recovery_study(seeds=SEEDS)


def test_recovery_sentences(recovery):
    iv = {m: stats.mean_interval(v) for m, v in recovery.items()}
    # "Betweenness finds 0.85 ... (95 % CI 0.78 to 0.92) and low constraint 0.82"
    assert iv["betweenness"].format(2) == "0.85 (95 % CI 0.78 to 0.92)" and r2(iv["low constraint"].mean) == 0.82
    # "Local bridges find 0.71, effective size 0.64 and degree 0.57"
    assert [r2(iv[m].mean) for m in ("local bridges", "effective size", "degree")] == [0.71, 0.64, 0.57]
    # "the two cannot be told apart"; "Betweenness beats degree by 0.28 (95 % CI 0.17 to 0.38)"
    gap = stats.difference(recovery["betweenness"], recovery["low constraint"])
    assert stats.verdict(gap, "b", "c") == "b and c are indistinguishable"
    gap = stats.difference(recovery["betweenness"], recovery["degree"])
    assert gap.format(2) == "0.28 (95 % CI 0.17 to 0.38)" and stats.verdict(gap, "b", "d") == "b beats d"
    # "All five measures are far above the 0.04 of a random guess"
    assert all(i.low > 0.04 * 10 for i in iv.values())


def test_broker_ties_sweep_sentences():
    (gaps,) = brokerage.recovery_sweep("broker_ties", [2, 4, 6, 10], seeds=SEEDS).values()
    # "Betweenness beats degree when brokers have 2, 4 or 6 extra ties (... 4: 0.34, 95 % CI 0.24 to 0.44)"
    assert all(g.low > 0 for g in gaps[:3]) and gaps[1].format(2) == "0.34 (95 % CI 0.24 to 0.44)"
    assert max(gaps, key=lambda g: g.mean) is gaps[1]
    # "With 10 extra ties the two cannot be told apart (0.04, 95 % CI -0.01 to 0.08)"
    assert not gaps[3].excludes_zero and gaps[3].format(2) == "0.04 (95 % CI -0.01 to 0.08)"
    # "With only 2 extra ties ... betweenness reaches 0.17 and degree 0.06"
    runs = brokerage.recovery_study(("betweenness", "degree"), SEEDS, broker_ties=2)
    assert (f"{runs['betweenness'].mean():.2f}", f"{runs['degree'].mean():.2f}") == ("0.17", "0.06")


def test_example_firm_key_person_sentences():
    F = firm.synthetic_firm(seed=1)
    losses = brokerage.key_person_losses(F.informal)
    ranked = sorted(losses, key=lambda v: -losses[v]["efficiency loss"])
    share = brokerage.relative_losses(F.informal, ranked[:3] + [0])
    below = firm.org_rank(F.org)
    # "The costliest departure is broker 53: the others lose 2.1 % ... person 34 ... cuts 98 pairs"
    assert ranked[:3] == [53, 34, 2] and 53 in F.brokers and round(100 * share[53], 1) == 2.1
    assert losses[34]["pairs cut"] == 98 and below[34] == 0
    # "Person 2, head of department 4 with 19 people below him, ranks third"; "The CEO ... costs 0.4 %"
    assert F.org.nodes[2] == {"department": 4, "level": 2, "broker": False} and below[2] == 19
    assert round(100 * share[0], 1) == 0.4


def test_departure_study_sentences():
    d = brokerage.departure_study(seeds=SEEDS)
    iv = {rule: stats.mean_interval(100 * v) for rule, v in d.items()}
    # "Losing the top broker costs the others 2.5 % ... (95 % CI 2.3 to 2.6), against 0.4 % for the CEO
    # and 0.5 % for the head of the biggest department"
    assert iv["the top broker by betweenness"].format(1) == "2.5 (95 % CI 2.3 to 2.6)"
    assert round(iv["the CEO"].mean, 1) == 0.4 and round(iv["the biggest department's head"].mean, 1) == 0.5
    # "costs 2.1 percentage points more than the CEO's (95 % CI 1.9 to 2.3)"
    gap = stats.difference(100 * d["the top broker by betweenness"], 100 * d["the CEO"])
    assert gap.format(1) == "2.1 (95 % CI 1.9 to 2.3)" and gap.excludes_zero


# ------------------------------------------------------------ page 3: blocking and value
from snb.models import knowledge_value  # noqa: E402


def test_blocking_sweep_sentences():
    sweep = knowledge_value.blocking_sweep([0.25, 0.5, 0.75, 1.0], seeds=SEEDS)
    reach, efficiency = sweep["reach, change in %"], sweep["efficiency, change in %"]
    # "Every band lies below zero ... the losses grow with the share blocked"
    assert all(iv.high < 0 for iv in reach + efficiency)
    assert [iv.mean for iv in reach] == sorted((iv.mean for iv in reach), reverse=True)
    assert [iv.mean for iv in efficiency] == sorted((iv.mean for iv in efficiency), reverse=True)
    # "Blocking half ... costs 21 % of the reach (95 % CI 20 % to 22 %) and 11 % of the efficiency"
    assert reach[1].format(0) == "-21 (95 % CI -22 to -20)" and round(efficiency[1].mean) == -11


def test_half_blocking_removes_one_tie_in_eleven():
    removed = []
    for seed in SEEDS:
        G = firm.synthetic_firm(seed=seed).informal
        H = firm.block_cross_department(G, 0.5, seed=seed)
        removed.append(100 * (1 - H.number_of_edges() / G.number_of_edges()))
    # "it removes only about one informal tie in eleven (9 %)"
    assert round(stats.mean_interval(removed).mean) == 9


def test_full_blocking_sentences():
    full = knowledge_value.blocking_runs(1.0, seeds=SEEDS)
    # "leaves 60 % of the reach and 56 % of the efficiency, and cuts off 34 % of all pairs (95 % CI 24 % to 44 %)"
    assert round(full["reach"].mean()) == 60 and round(full["efficiency"].mean()) == 56
    assert stats.mean_interval(full["pairs cut off"]).format(0) == "34 (95 % CI 24 to 44)"


@pytest.fixture(scope="module")
def gains():
    return knowledge_value.efficiency_gains(seeds=SEEDS)


def test_value_model_sentences(gains):
    # "Open channels raise the firm's efficiency by 0.16 (95 % CI 0.14 to 0.18)"
    assert stats.mean_interval(gains).format(2) == "0.16 (95 % CI 0.14 to 0.18)"
    # "the yearly net value is -12 thousand euros (95 % CI -23 to -1)": it does not pay
    net = stats.mean_interval(knowledge_value.value_runs(gains) / 1000)
    assert net.format(0) == "-12 (95 % CI -23 to -1)" and net.high < 0


def test_value_sweep_sentences(gains):
    (by_value,) = knowledge_value.value_sweep("answer_value", [20, 40, 60, 80, 100, 150], gains).values()
    # "lose money while a direct answer is worth 60 euros or less, and pay from 80 euros on, narrowly at 80
    # (17 thousand euros a year, 95 % CI 2 to 31) and clearly at 100 (45 thousand, 95 % CI 27 to 63)"
    assert all(iv.high < 0 for iv in by_value[:3]) and all(iv.low > 0 for iv in by_value[3:])
    assert by_value[3].format(0) == "17 (95 % CI 2 to 31)" and by_value[4].format(0) == "45 (95 % CI 27 to 63)"
    (by_hours,) = knowledge_value.value_sweep("hours", [0.25, 0.5, 1.0, 2.0], gains).values()
    # "at a quarter of an hour a week the channels pay 34 thousand (95 % CI 23 to 45), at an hour they lose 104"
    assert by_hours[0].format(0) == "34 (95 % CI 23 to 45)" and round(by_hours[2].mean) == -104
    # "The break-even value of a direct answer is 74 euros (95 % CI 63 to 85)"
    even = stats.mean_interval(knowledge_value.break_even_answer_value(gains))
    assert even.format(0) == "74 (95 % CI 63 to 85)"
