"""Every number in chapter 5's prose, computed again and pinned (intervals, never one seed)."""

import networkx as nx
import pytest

from snb import datasets, stats
from snb.models import influence, trust


# ------------------------------------------------------------ page 1: influence
def test_team_of_seven_dev_is_the_broker():
    t = influence.centralities(datasets.load_tiny_team())
    assert round(t["degree"]["Dev"], 2) == 0.33 and round(t["degree"]["Ana"], 2) == 0.50
    assert round(t["closeness"]["Dev"], 2) == 0.60 == round(max(t["closeness"].values()), 2)
    assert round(t["betweenness"]["Dev"], 2) == 0.60 == round(max(t["betweenness"].values()), 2)
    assert t["eigenvector"]["Ana"] > t["eigenvector"]["Dev"] and t["PageRank"]["Eva"] > t["PageRank"]["Dev"]


@pytest.fixture(scope="module")
def florence():
    G = datasets.load_florentine_families()
    return G, influence.centralities(G)


def test_medici_betweenness_and_ratio_pinned_to_networkx(florence):
    G, scores = florence
    b = nx.betweenness_centrality(G)  # normalised, as networkx computes it
    broker = influence.brokerage(G)
    assert broker["top"] == "Medici" and broker["next"] == "Guadagni"
    assert round(b["Medici"], 3) == 0.522 and round(b["Guadagni"], 3) == 0.255
    assert round(b["Medici"] / b["Guadagni"], 2) == 2.05 == round(broker["ratio"], 2)
    for measure, s in scores.items():
        assert influence.ranking(s, 1) == ["Medici"], measure
    assert G.degree("Medici") == 6 and G.degree("Guadagni") == G.degree("Strozzi") == 4


def test_rank_correlations_in_the_prose(florence):
    _, scores = florence
    rho = influence.rank_correlations(scores, "spearman")
    assert max(rho, key=rho.get) == ("degree", "PageRank") and round(rho["degree", "PageRank"], 2) == 0.96
    assert min(rho, key=rho.get) == ("betweenness", "eigenvector")
    assert round(rho["betweenness", "eigenvector"], 2) == 0.68


def test_salviati_and_strozzi(florence):
    G, scores = florence
    assert influence.biggest_disagreement(scores, "betweenness", "eigenvector") == ("Salviati", 4, 11)
    assert sorted(G["Salviati"]) == ["Medici", "Pazzi"]
    rank = {m: influence.ranking(s).index("Strozzi") + 1 for m, s in scores.items()}
    assert rank["eigenvector"] == 2 and rank["betweenness"] == 7 and G.degree("Strozzi") == 4


# ------------------------------------------------------------ page 1: trust
@pytest.fixture(scope="module")
def monastery():
    liking = {w: datasets.load_sampson("liking", w) for w in (1, 2, 3)}
    return liking, datasets.load_sampson("disliking", 3)


def test_reciprocity_against_random_nominations(monastery):
    liking, _ = monastery
    observed = [round(nx.reciprocity(liking[w]), 2) for w in (1, 2, 3)]
    assert observed == [0.51, 0.53, 0.54]
    for w, chance in zip((1, 2, 3), (0.16, 0.18, 0.19)):
        null = stats.mean_interval(trust.reciprocity_runs(liking[w], seeds=range(20)))
        assert round(null.mean, 2) == chance
        assert null.high < 0.22
        assert observed[w - 1] > null.high
        assert 2.7 < observed[w - 1] / null.mean < 3.3  # "about three times as often"


def test_triad_census_against_chance(monastery):
    liking, _ = monastery
    census = nx.triadic_census(liking[3])
    assert (census["102"], census["012"], census["300"]) == (155, 257, 2)
    chance = trust.triad_runs(liking[3], ["102", "012", "300"], seeds=range(20))
    i102, i012 = stats.mean_interval(chance["102"]), stats.mean_interval(chance["012"])
    assert round(i102.mean, 1) == 42.5 and round(i012.mean, 1) == 333.9
    assert 155 > 3 * i102.high and 257 < i012.low
    assert stats.mean_interval(chance["300"]).mean < 0.5


def test_structural_balance(monastery):
    liking, disliking = monastery
    signed, ambivalent = trust.signed_ties(liking[3], disliking)
    negative = sum(1 for *_, s in signed.edges(data="sign") if s < 0)
    assert (signed.number_of_edges(), negative, ambivalent) == (77, 37, 1)
    triangles = trust.triangle_signs(signed)
    assert triangles == {0: 21, 1: 13, 2: 65, 3: 11}
    assert sum(triangles.values()) == 110 and triangles[0] + triangles[2] == 86
    share = trust.balanced_share(signed)
    assert round(share, 2) == 0.78
    shuffled = stats.mean_interval(trust.balance_runs(signed, seeds=range(20)))
    assert str(shuffled) == "0.49 (95 % CI 0.47 to 0.52)"
    gap = stats.mean_interval(share - trust.balance_runs(signed, seeds=range(20)))
    assert str(gap) == "0.29 (95 % CI 0.26 to 0.31)" and gap.excludes_zero


def test_trust_weighted_standing(monastery):
    liking, disliking = monastery
    s = trust.standing(liking[3], disliking)
    assert influence.ranking(s["liking"], 3) == ["Gregory", "John Bosco", "Peter"]
    assert (s["liking"]["Gregory"], s["liking"]["Peter"]) == (13, 12)
    assert (s["net trust"]["Gregory"], s["net trust"]["Peter"]) == (-4, -6)
    assert influence.ranking(s["net trust"], 1) == ["Bonaventure"] and s["net trust"]["Bonaventure"] == 10
    assert s["named"]["Bonaventure"] == 6 and disliking.in_degree("Bonaventure") == 0
    assert influence.ranking(s["trust PageRank"], 2)[1] == "Basil"
    # the two most disliked novices are the two faction leaders
    most_disliked = sorted(disliking, key=lambda v: -disliking.in_degree(v, weight="rank"))[:2]
    assert set(most_disliked) == {"Gregory", "Peter"}
    rho = influence.rank_correlations({k: s[k] for k in ("liking", "net trust")})
    assert round(rho["liking", "net trust"], 2) == 0.16


def test_reciprocity_excess_over_chance(monastery):
    liking, _ = monastery
    shown = {1: "0.35 (95 % CI 0.33 to 0.38)", 2: "0.35 (95 % CI 0.32 to 0.37)", 3: "0.35 (95 % CI 0.32 to 0.38)"}
    for w, text in shown.items():
        excess = stats.mean_interval(nx.reciprocity(liking[w]) - trust.reciprocity_runs(liking[w]))
        assert str(excess) == text and excess.excludes_zero
