"""Every claim chapter 6's pages (the brief and the worked memo) make in prose, recomputed.

If the case generator or a model changes a result, this fails and points at the sentence to
rewrite. Comparisons are checked on their 95 % intervals over 20 seeds, never on one seed.
(The printed numbers themselves are pinned by strict nbval on the notebooks.)
"""

import networkx as nx
import pytest

from snb import checks, measures, stats
from snb.checks import ch06
from snb.models import brokerage, case, communities, diffusion

RATES = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3]


@pytest.fixture(scope="module")
def the_case():
    return case.audit_case(seed=checks.AUDIT["seed"])


@pytest.fixture(scope="module")
def answers():
    return ch06.audit_answers()


# ------------------------------------------------------------- the brief (lesson page)
def test_brief_sentences(the_case):
    # "Fernleaf, a firm of 132 people"; "six departments; two small outposts"
    assert the_case.staff.number_of_nodes() == 132
    depts = {d for _, d in the_case.staff.nodes(data="department")}
    assert len(depts - {0}) == 6 + 2
    # "8 heads (six departments and two outposts) under the managing director"
    levels = [lv for _, lv in the_case.org.nodes(data="level")]
    assert levels.count(1) == 1 and levels.count(2) == 8 and max(levels) == 4
    # "The customer network has 600 customers"; "4 big chains ... and 36 independent"
    assert the_case.customers.number_of_nodes() == 600
    sizes = [s for _, s in the_case.visits.nodes(data="size") if s]
    assert sizes.count("chain") == 4 and sizes.count("independent") == 36


def test_customer_contacts_sentences(the_case):
    G = the_case.customers
    degrees = [d for _, d in G.degree()]
    # "Nine customers in ten (90 %) talk with 4 to 12 others; ten have 20 contacts or more"
    assert round(sum(4 <= d <= 12 for d in degrees) / len(degrees), 2) == 0.90
    assert sum(d >= 20 for d in degrees) == 10
    # "The six customers with the most contacts talk with each ... about twice a month or less;
    # the next four ... about four times a month"
    top10 = sorted(G, key=lambda v: -G.degree(v))[:10]
    use = [G.degree(v, weight="strength") / G.degree(v) for v in top10]
    assert all(u <= 2.0 for u in use[:6]) and all(3.5 <= u <= 4.6 for u in use[6:])


def test_outposts_hang_by_their_connectors(the_case):
    # "Each outpost is a tight knot of six people ... hanging from the rest of the firm by a thread or two"
    for team in the_case.truth.outposts:
        assert len(team) == 6
        outside = {u for v in team for u in the_case.staff[v]} - team
        assert 1 <= len(outside) <= 2


# ------------------------------------------------------------- the worked memo
def test_seeding_sentences(answers):
    s = answers["seeding"]
    # "reaches 31.2 more customers (95 % CI 29.1 to 33.4) than giving them at random"
    assert s["gap"].format(1) == "31.2 (95 % CI 29.1 to 33.4)"
    assert s["verdict"] == "broadcast beats peer" and s["gap"].n == 20


def test_seeding_sweep_sentences(the_case):
    sweep = diffusion.seeding_sweep(the_case.customers, 5, RATES, replications=20, runs=20)
    gaps = [stats.difference(b, p) for b, p in zip(sweep["broadcast"], sweep["peer"])]
    verdicts = [stats.verdict(g, "broadcast", "peer") for g in gaps]
    # "The advantage holds from 0.02 to 0.15 and vanishes at 0.2 and 0.3"
    assert verdicts[:4] == ["broadcast beats peer"] * 4
    assert verdicts[4:] == ["broadcast and peer are indistinguishable"] * 2


def test_concentration_sentences(answers, the_case):
    # "the busiest 20 % of venues take 58 % of them (Gini 0.53), and the 4 chains alone 43 %"
    assert round(answers["top share"], 2) == 0.58 and round(answers["gini"], 2) == 0.53
    visits = answers["venue visits"]
    chains = [v for v in visits if the_case.visits.nodes[v]["size"] == "chain"]
    assert len(chains) == 4 and round(sum(visits[v] for v in chains) / sum(visits.values()), 2) == 0.43


def test_venue_regulars_mostly_share_a_segment(the_case):
    # "in the case, a venue's regulars mostly belong to the same community"
    seg = {v: k for k, part in enumerate(the_case.truth.segments) for v in part}
    B = the_case.visits
    shares = []
    for venue, size in B.nodes(data="size"):
        if size == "independent" and B.degree(venue) >= 5:
            groups = [seg[c] for c in B[venue]]
            shares.append(max(groups.count(g) for g in set(groups)) / len(groups))
    assert sum(shares) / len(shares) > 0.5


def test_community_sentences(answers, the_case):
    # "Louvain finds 6 customer communities"; "0.89 (95 % CI 0.87 to 0.91)"
    assert answers["communities"] == 6
    assert stats.mean_interval(answers["stability"]).format(2) == "0.89 (95 % CI 0.87 to 0.91)"
    truth = [communities.agreement(the_case.customers, r, the_case.truth.segments)["ARI"]
             for r in answers["runs"]]
    assert stats.mean_interval(truth).format(2) == "0.90 (95 % CI 0.89 to 0.92)"


def test_key_people_sentences(answers, the_case):
    # "The 5 staff with the lowest constraint (48, 47, 17, 60 and 56)"
    assert brokerage.top_k(answers["broker scores"], 5) == [48, 47, 17, 60, 56]
    # "4 planted brokers among your 5" (the check's message)
    assert len({48, 47, 17, 60, 56} & the_case.truth.brokers) == 4
    # "Staff 120 and 126 each head an outpost ... if either leaves, 5 colleagues are cut off"
    assert answers["at risk"] == {120, 126} == set(the_case.truth.connectors)
    assert all(answers["cut"][v]["cut off"] == 5 for v in (120, 126))


def test_influence_sentences(answers, the_case):
    G = the_case.customers
    trusted = brokerage.top_k(answers["influence"]["strength-weighted PageRank"], 6)
    loud = brokerage.top_k(answers["influence"]["degree"], 6)
    # "the top 6 by strength-weighted PageRank, none of them among those six"
    assert not set(trusted) & set(loud)
    use = {name: sum(G.degree(v, weight="strength") / G.degree(v) for v in group) / 6
           for name, group in (("loud", loud), ("trusted", trusted))}
    # "1.8 times a month on average"; "4.4 times a month"
    assert round(use["loud"], 1) == 1.8 and round(use["trusted"], 1) == 4.4
    # the answer key: conversations find the planted influencers (built in: their ties were
    # planted strong), degree the loud customers
    assert case.precision(trusted, the_case.truth.influencers) == 1.0
    assert case.precision(loud, the_case.truth.loud) == 1.0


def test_the_recommended_plan_is_the_one_the_check_accepts():
    assert [k for k in checks.RECOMMENDATION_OPTIONS if checks.check_recommendation(k).correct] == ["D"]


def test_second_link_fix_removes_every_articulation_point():
    spec = checks.OUTPOST_EXERCISE
    team = spec["outpost"]
    G = nx.Graph((a, b) for i, a in enumerate(team) for b in team[i + 1:])
    G.add_edges_from(spec["ties"])
    assert list(nx.articulation_points(G)) == ["Head"]
    G.add_edge("Eva", "Firm B")
    assert not list(nx.articulation_points(G)) and measures.profile(G)["components"] == 1


def test_worked_memo_trust_sentence(answers, the_case):
    from snb.models import trusted_seeding

    G = the_case.customers
    used = brokerage.top_k(answers["influence"]["strength-weighted PageRank"], 6)
    loud = brokerage.top_k(answers["influence"]["degree"], 6)
    trusted = trusted_seeding.choose(G, the_case.trust, 6, "most trusted")
    # "of the six customers named most often as trusted ..., only two are among those six,
    #  and none among the six with the most contacts"
    assert len(set(trusted) & set(used)) == 2 and not set(trusted) & set(loud)


def test_memo_verdicts_say_the_loud_win_under_uniform_pass_on():
    from snb import verdicts

    assert verdicts.stored("06-uniform-loud-win").kind == "beaten"       # top degree beats most trusted
    assert verdicts.stored("06-strong-trusted-win").kind == "beats"
    assert verdicts.stored("06-trust-region").kind == "region"
    assert verdicts.stored("06-celf-uniform").kind == "equivalent"
