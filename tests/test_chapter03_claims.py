"""Every claim the chapter 3 pages make in prose, recomputed with the pages' parameters.

If a model or generator change alters a result, this fails and points at the sentence to
rewrite. Comparisons are checked on their 95 % intervals over 20 seeds, never on one seed.
(The printed numbers themselves are pinned by strict nbval on the notebooks.)
"""

import random

import networkx as nx
import pytest

from snb import checks, datasets, stats
from snb.models import communities, ties

SEEDS = range(20)


def r2(x):
    return round(x, 2)


# ------------------------------------------------------------ like-minded ties
def test_tiny_team_clustering_sentence():
    c = nx.clustering(datasets.load_tiny_team())
    # "Ana's clustering is 1/3 ... his clustering is 0"
    assert c["Ana"] == pytest.approx(1 / 3) and c["Dev"] == 0


@pytest.fixture(scope="module")
def runs():
    return ties.null_comparison(seeds=SEEDS)


def test_model_against_null_sentences(runs):
    model_c, null_c = stats.mean_interval(runs["model clustering"]), stats.mean_interval(runs["null clustering"])
    # "average clustering is 0.31 against 0.04 for its null model"
    assert (r2(model_c.mean), r2(null_c.mean)) == (0.31, 0.04)
    gap = stats.difference(runs["model clustering"], runs["null clustering"])
    # "The difference, 0.27 (95 % CI 0.26 to 0.28)"
    assert gap.format(2) == "0.27 (95 % CI 0.26 to 0.28)"
    assert stats.verdict(gap, "model", "null") == "model beats null"
    # "Assortativity is 0.31 against practically 0 ... the difference is 0.32 (95 % CI 0.31 to 0.34)"
    assert r2(stats.mean_interval(runs["model assortativity"]).mean) == 0.31
    assert abs(stats.mean_interval(runs["null assortativity"]).mean) < 0.02
    gap = stats.difference(runs["model assortativity"], runs["null assortativity"])
    assert gap.format(2) == "0.32 (95 % CI 0.31 to 0.34)"
    assert stats.verdict(gap, "model", "null") == "model beats null"


def test_homophily_sweep_sentences():
    sweep = ties.null_sweep("homophily", [0.0, 0.3, 0.6, 0.9], seeds=SEEDS)
    assort, clust = sweep["assortativity above the null"], sweep["clustering above the null"]
    # "the difference is 0.01 (95 % CI -0.02 to 0.03)": indistinguishable without homophily
    assert assort[0].format(2) == "0.01 (95 % CI -0.02 to 0.03)" and not assort[0].excludes_zero
    # "From homophily 0.3 on it is clearly above, and it climbs to 0.59 at 0.9"
    assert all(iv.low > 0 for iv in assort[1:]) and r2(assort[-1].mean) == 0.59
    # "Clustering stays well above the null model at every level, even without homophily (0.19 above it)"
    assert all(iv.low > 0.1 for iv in clust) and r2(clust[0].mean) == 0.19
    # "homophily adds to it"
    assert [iv.mean for iv in clust] == sorted(iv.mean for iv in clust)


# ------------------------------------------------------------ karate club
@pytest.fixture(scope="module")
def karate():
    G = datasets.load_karate_club()
    return G, communities.factions(G)


def test_karate_data_sentence(karate):
    G, factions = karate
    assert (G.number_of_nodes(), G.number_of_edges(), sorted(map(len, factions))) == (34, 78, [17, 17])


def test_karate_methods_sentences(karate):
    G, factions = karate
    found = {m: communities.detect(G, m, seed=1) for m in communities.METHODS}
    rows = {m: {"n": len(p), "Q": communities.modularity(G, p), **communities.agreement(G, p, factions)}
            for m, p in found.items()}
    # "Louvain finds four, with the highest modularity (0.42), higher than the factions' own 0.36"
    assert rows["Louvain"]["n"] == 4 and r2(rows["Louvain"]["Q"]) == 0.42
    assert max(rows, key=lambda m: rows[m]["Q"]) == "Louvain"
    assert r2(communities.modularity(G, factions)) == 0.36
    # "Its agreement with the factions is the lowest (ARI 0.39)"
    assert r2(rows["Louvain"]["ARI"]) == 0.39 and min(rows, key=lambda m: rows[m]["ARI"]) == "Louvain"
    # "Greedy modularity and label propagation find three communities ... (ARI 0.57 and 0.61)"
    assert rows["greedy modularity"]["n"] == rows["label propagation"]["n"] == 3
    assert (r2(rows["greedy modularity"]["ARI"]), r2(rows["label propagation"]["ARI"])) == (0.57, 0.61)
    # "two of Louvain's communities fall on the instructor's side and two on the administrator's;
    # only two members sit in a community where the other faction is the majority"
    club = dict(G.nodes(data="club"))
    majority = [max(("Mr. Hi", "Officer"), key=[club[v] for v in p].count) for p in found["Louvain"]]
    assert sorted(majority) == ["Mr. Hi", "Mr. Hi", "Officer", "Officer"]
    assert communities.purity(found["Louvain"], factions) * 34 == pytest.approx(32)


def test_karate_seed_sentences(karate):
    G, factions = karate
    louvain = communities.seed_study(G, "Louvain", factions, seeds=SEEDS)
    lpa = communities.seed_study(G, "label propagation", factions, seeds=SEEDS)
    # "Louvain finds four communities with every seed, with modularity 0.42 and an ARI of 0.44 (95 % CI 0.42 to 0.47)"
    assert set(louvain["communities"]) == {4} and r2(louvain["modularity"].mean()) == 0.42
    assert stats.mean_interval(louvain["ARI"]).format(2) == "0.44 (95 % CI 0.42 to 0.47)"
    # "Label propagation varies ... (between two and five communities) and its modularity is lower, 0.35"
    assert (min(lpa["communities"]), max(lpa["communities"])) == (2, 5) and r2(lpa["modularity"].mean()) == 0.35
    # "on average by 0.13 (95 % CI 0.02 to 0.24), so label propagation beats Louvain"
    gap = stats.difference(lpa["ARI"], louvain["ARI"])
    assert gap.format(2) == "0.13 (95 % CI 0.02 to 0.24)"
    assert stats.verdict(gap, "label propagation", "Louvain") == "label propagation beats Louvain"


# ------------------------------------------------------------ resolution limit
def test_resolution_limit_sentences():
    better = {}
    for k in (10, 20, 22, 24, 30, 40):
        ring, single, pairs = communities.ring_of_cliques_partitions(k, 5)
        better[k] = communities.modularity(ring, pairs) - communities.modularity(ring, single)
    # "With 20 cliques ... one community per clique has the higher modularity ... At 22 cliques the two
    # partitions score the same, and from 24 on the merged pairs score higher"
    assert better[10] < 0 and better[20] < 0
    assert better[22] == pytest.approx(0, abs=1e-12)
    assert better[24] > 0 and better[30] > 0 and better[40] > 0
    assert 5 * 4 + 2 == 22


def test_resolution_parameter_sentences():
    ring, single, _ = communities.ring_of_cliques_partitions(30, 5)
    counts = communities.seed_study(ring, "Louvain", single, seeds=SEEDS)["communities"]
    # "Louvain returns 17 communities for the 30 cliques (95 % CI 16.60 to 17.40, over 20 seeds)"
    assert stats.mean_interval(counts).format(2) == "17.00 (95 % CI 16.60 to 17.40)"
    # "at 1.5 Louvain finds all 30 cliques with every seed"
    finer = communities.seed_study(ring, "Louvain", single, seeds=SEEDS, resolution=1.5)
    assert set(finer["communities"]) == {30} and set(finer["ARI"]) == {1.0}


# ------------------------------------------------------------ solutions page
def test_solutions_sentences(karate):
    G, factions = karate
    # "With seed 3 Louvain again finds four communities, here agreeing ... more ... than with seed 1"
    seed3, seed1 = (communities.detect(G, "Louvain", seed=s) for s in (3, 1))
    assert len(seed3) == 4
    assert communities.agreement(G, seed3, factions)["ARI"] > communities.agreement(G, seed1, factions)["ARI"]
    # "Departures in random order are much gentler": 4 targeted against many more at random
    assert checks.check_fragmenting_departures(4).correct

    def random_departures(seed):
        order = list(G)
        random.Random(seed).shuffle(order)
        remaining, k = G.copy(), 0
        while max(len(c) for c in nx.connected_components(remaining)) >= 17:
            remaining.remove_node(order[k])
            k += 1
        return k

    gentle = stats.mean_interval(stats.across_seeds(random_departures))
    assert gentle.low > 4 * 3
    # "about 17 communities" in exercise 3.4 (the chapter's ring of 30 cliques)
    ring, single, _ = communities.ring_of_cliques_partitions(30, 5)
    assert 16 <= stats.mean_interval(communities.seed_study(ring, "Louvain", single)["communities"]).mean <= 18


# ------------------------------------------------------------ the Southern Women
def test_southern_women_sentences():
    davis = datasets.load_davis_southern_women()
    women = [v for v, side in davis.nodes(data="bipartite") if side == 0]
    co_attend = nx.Graph()
    co_attend.add_nodes_from(women)
    for i, u in enumerate(women):
        for v in women[i + 1:]:
            if set(davis[u]) & set(davis[v]):
                co_attend.add_edge(u, v, weight=len(set(davis[u]) & set(davis[v])))
    described = [set(women[:9]), set(women[9:])]
    found = {w: [nx.community.louvain_communities(co_attend, weight=w, seed=s) for s in SEEDS]
             for w in ("weight", None)}
    weighted = [communities.agreement(co_attend, p, described)["ARI"] for p in found["weight"]]
    plain = [communities.agreement(co_attend, p, described)["ARI"] for p in found[None]]
    # "Louvain returns the same two groups with every seed, with an ARI of 0.78 ... every woman but one,
    # Pearl Oglethorpe, who went to only three events"
    assert len({frozenset(map(frozenset, p)) for p in found["weight"]}) == 1 and len(found["weight"][0]) == 2
    assert round(weighted[0], 2) == 0.78
    groups = sorted(map(set, found["weight"][0]), key=lambda p: "Evelyn Jefferson" not in p)
    assert groups == [described[0] - {"Pearl Oglethorpe"}, described[1] | {"Pearl Oglethorpe"}]
    assert davis.degree("Pearl Oglethorpe") == 3
    # "the projection is 91 % of a complete network ... an ARI of 0.29 (95 % CI 0.21 to 0.37)"
    assert round(nx.density(co_attend), 2) == 0.91
    assert stats.mean_interval(plain).format(2) == "0.29 (95 % CI 0.21 to 0.37)"
