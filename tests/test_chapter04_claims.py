"""Every claim the chapter 4 pages make in prose, recomputed with the pages' parameters.

If a model or the data changed a result, this fails and points at the sentence to rewrite.
Comparisons over synthetic firms are checked on their 95 % intervals over 20 seeds.
(The printed numbers themselves are pinned by strict nbval on the notebooks.)
"""

import networkx as nx
import pytest

from snb import datasets, stats
from snb.models import brokerage

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
