"""Every number in chapter 5's prose, computed again and pinned (intervals, never one seed)."""

import networkx as nx
import numpy as np
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


# ------------------------------------------------------------ page 2: your network
from snb.models import ego  # noqa: E402


@pytest.fixture(scope="module")
def consultant():
    contacts, problems = ego.parse_contacts_csv(ego.EXAMPLE_CSV)
    assert problems == []
    return contacts


def test_consultant_scorecard(consultant):
    card = ego.scorecard(consultant, ["logistics", "Berlin"])
    value = {k: v["value"] for k, v in card.items()}
    assert value["contacts"] == 8 and value["quality"] == 325
    assert value["character: trust"] == 3.75 and round(value["character: reciprocity"], 2) == 0.62
    assert value["character: only taking"] == 2
    assert {c.name for c in consultant if c.helps_you > 0 and c.you_help == 0} == {"Dev", "Hana"}
    assert round(value["relevance"], 2) == 0.38
    assert value["bridges: effective size"] == 6.25 and round(value["bridges: constraint"], 2) == 0.32
    assert card["bridges: lone contacts"]["what it means"].endswith("Gus") and value["bridges: lone contacts"] == 1


def test_closed_circle_against_the_consultant(consultant):
    circle, _ = ego.parse_contacts_csv(ego.CLOSED_CIRCLE_CSV)
    card = {k: v["value"] for k, v in ego.scorecard(circle).items()}
    assert card["character: trust"] == 4.0 and card["character: reciprocity"] == 1.0
    assert card["diversity: industries"] == 0.0 and card["bridges: effective size"] == 1.0
    assert round(card["bridges: constraint"], 2) == 0.44


def test_reach_at_one_two_three_steps():
    assert ego.geometric_steps(6) == [6, 30, 150]
    runs = {kind: ego.reach_runs(kind) for kind in ego.REACH_NETWORKS}
    rr, sw, ring = (runs[k] for k in ("random regular", "small world", "ring lattice"))
    assert round(rr[:, 1].mean(), 1) == 29.6 and str(stats.mean_interval(rr[:, 2])) == "136 (95 % CI 135 to 136)"
    assert round(sw[:, 1].mean(), 1) == 12.6
    assert str(stats.mean_interval(sw[:, 2])) == "32.78 (95 % CI 31.30 to 34.27)"
    assert round(sw[:, 2].mean() / 150, 2) == 0.22  # "about a fifth"
    assert (ring == 6).all()


def test_rewiring_sweep_where_the_promise_holds():
    shown = {0.0: 0.04, 0.1: 0.22, 0.3: 0.57, 1.0: 1.04}
    for p, share in shown.items():
        runs = ego.reach_runs("small world", rewiring=p) / np.array(ego.geometric_steps(6))
        three = stats.mean_interval(runs[:, 2])
        assert round(three.mean, 2) == share
        if p < 1:
            assert three.high < 1  # short of the promise
        else:
            assert three.format(2) == "1.04 (95 % CI 1.01 to 1.07)"


def test_karate_reach_and_paradox():
    karate = datasets.load_karate_club()
    observed = np.mean([ego.people_at_steps(karate, v) for v in karate], axis=0)
    assert observed.round(1).tolist() == [4.6, 15.6, 8.1]
    assert np.round(ego.geometric_steps(4.588235294117647), 1).tolist() == [4.6, 16.5, 59.1]
    assert round(nx.average_clustering(karate), 2) == 0.57
    k = ego.friendship_paradox(karate)
    assert (round(k["person"], 1), round(k["friend"], 1)) == (4.6, 7.8)
    assert round(k["share with better-connected friends"], 2) == 0.85
    f = ego.friendship_paradox(datasets.load_florentine_families())
    assert (round(f["person"], 2), round(f["friend"], 2)) == (2.67, 3.35)
    assert round(f["share with better-connected friends"], 2) == 0.73


def test_paradox_in_synthetic_networks():
    gaps = {kind: stats.mean_interval(stats.across_seeds(lambda s: ego.paradox_gap(kind, s)))
            for kind in ego.PARADOX_NETWORKS}
    assert gaps["scale-free"].format(1) == "6.9 (95 % CI 6.5 to 7.3)"
    assert gaps["random"].format(2) == "0.99 (95 % CI 0.97 to 1.02)"
    assert gaps["random regular"].mean == 0 and gaps["random regular"].high == 0


# ------------------------------------------------------------ page 3: give and take
from snb.models import market, reciprocity  # noqa: E402


def test_two_single_runs_in_the_prose():
    thrive = reciprocity.simulate(benefit_cost=5.0, seeds=(1,))
    assert round(thrive["contributors"][0, -1], 2) == 0.89
    assert thrive["payoff of takers"][0, 0] > thrive["payoff of contributors"][0, 0]  # takers start richer
    drain = reciprocity.simulate(benefit_cost=2.0, seeds=(1,))
    share = drain["contributors"][0]
    assert share[-1] == 0 and int(np.argmax(share == 0)) <= 110  # "within about 100 rounds"
    assert drain["payoff"][0, -1] == 0


def test_twenty_seeds_low_against_high_ratio():
    low, high = reciprocity.final_shares(benefit_cost=2.0), reciprocity.final_shares(benefit_cost=6.0)
    assert low.max() == 0  # contributors vanish in all 20 networks
    assert str(stats.mean_interval(high)) == "0.95 (95 % CI 0.94 to 0.96)"
    gap = stats.difference(high, low)
    assert round(gap.mean, 2) == 0.95 and stats.verdict(gap, "b/c 6", "b/c 2") == "b/c 6 beats b/c 2"


def test_threshold_sweep_flips_where_the_prose_says():
    sweep = reciprocity.threshold_sweep([1, 2, 3, 4, 6, 8, 12], degrees=[4, 8])
    gain = {k: {r: stats.mean_interval(v - 0.5) for r, v in by.items()} for k, by in sweep.items()}
    assert [r for r, iv in gain[4].items() if iv.low > 0] == [4, 6, 8, 12]
    assert [r for r, iv in gain[4].items() if iv.high < 0] == [1, 2, 3]
    assert [r for r, iv in gain[8].items() if iv.low > 0] == [6, 8, 12]
    assert [r for r, iv in gain[8].items() if iv.high < 0] == [1, 2, 3, 4]
    assert (round(sweep[4][3].mean(), 2), round(sweep[4][4].mean(), 2)) == (0.10, 0.65)
    assert (round(sweep[8][4].mean(), 2), round(sweep[8][6].mean(), 2)) == (0.27, 0.72)
    assert sweep[4][2].max() == sweep[8][2].max() == 0


def test_network_kinds_at_ratio_five():
    kinds = {k: stats.mean_interval(reciprocity.final_shares(k, benefit_cost=5.0))
             for k in reciprocity.GIVE_TAKE_NETWORKS}
    assert str(kinds["ring lattice"]) == "0.59 (95 % CI 0.52 to 0.65)"
    assert str(kinds["scale-free"]) == "0.95 (95 % CI 0.85 to 1.05)"
    assert min(kinds, key=lambda k: kinds[k].mean) == "ring lattice"
    assert max(kinds, key=lambda k: kinds[k].mean) == "scale-free"
    assert all(iv.low > 0.5 for iv in kinds.values())


def test_chapter_two_newcomer_figure():
    ahead = {a: stats.mean_interval(market.newcomer_ranks(a, appeals=(4.0,))[4.0]["ahead"])
             for a in (0.0, 1.0, 1.5)}
    assert round(ahead[0.0].mean, 2) == 0.0 == round(ahead[1.0].mean, 2)
    assert str(ahead[1.5]) == "0.61 (95 % CI 0.39 to 0.84)"


# ------------------------------------------------------------ page 1: influence against rank
from snb.models import firm  # noqa: E402


def test_krackhardt_managers_rank_against_advice():
    managers = datasets.krackhardt_managers()
    rank = firm.org_rank(managers.reports_to)
    sought = {m: float(d) for m, d in managers.advice.in_degree()}
    level = dict(managers.advice.nodes(data="level"))
    rho = influence.rank_correlations({"rank": rank, "sought": sought})
    assert round(rho["rank", "sought"], 2) == 0.65
    assert influence.ranking(sought, 1) == [2] and level[2] == 2 and sought[2] == 18
    ceo = next(m for m, lv in level.items() if lv == 1)
    assert ceo == 7 and sought[7] == 13 and rank[7] == 20 and managers.advice.number_of_nodes() - 1 == 20
    assert rank[1] == 0 and sought[1] == 13
    vps = [m for m, lv in level.items() if lv == 2]
    assert max(vps, key=rank.get) == 14 and rank[14] == 7 and sought[14] == 10


def test_synthetic_firms_brokers_outnumber_bosses_among_the_brokers_by_betweenness():
    study = influence.firm_study(seeds=range(20))
    assert str(stats.mean_interval(study["spearman"])) == "0.39 (95 % CI 0.36 to 0.42)"
    assert round(study["brokers in top"].mean(), 2) == 3.55 and round(study["bosses in top"].mean(), 2) == 1.30
    gap = stats.difference(study["brokers in top"], study["bosses in top"])
    assert str(gap) == "2.25 (95 % CI 1.77 to 2.73)" and gap.excludes_zero
