"""Chapter 2's claims: the registry's verdicts pinned, and the pages' descriptive sentences.

Every verdict the chapter states comes from one registered function (snb/verdicts/ch02.py);
the first test reruns each at seed base 0 and compares it with the stored result that pages,
quizzes and guides print, with the kind and numbers the prose was written for. The other
tests check descriptive sentences (a table of 20 markets or cities, one market). If a model or
generator change alters a result, a test here fails and points at the sentence to rewrite.
(The printed numbers themselves are pinned by strict nbval on the notebooks.)
"""

import networkx as nx
import numpy as np
import pytest
import verdict_pins

from snb import checks, datasets, measures, models, stats
from snb.checks import ch02 as checks_ch02

SEEDS = range(20)

#: Every chapter 2 verdict: (id, kind, interval text, or where a sweep holds).
VERDICTS = [
    ("02-linear-vs-uniform", "beats", "0.58 (95 % CI 0.57 to 0.58)"),
    ("02-strong-vs-linear", "beats", "0.086 (95 % CI 0.080 to 0.092)"),
    ("02-majority-region", "region", [0.5, 1.0, 1.5]),
    ("02-majority-region-5", "region", [0.5, 1.0, 1.5]),
    ("02-majority-region-50", "region", [0.5, 1.0, 1.5]),
    ("02-appeal-helps", "everywhere", [0.0, 0.5, 1.0, 1.25, 1.5]),
    ("02-newcomer-top-tenth", "region", [0.0, 0.5, 1.0]),
    ("02-niche-6-hours", "beats", "5.01 (95 % CI 4.79 to 5.23)"),
    ("02-broad-40-hours", "beaten", "-2.22 (95 % CI -2.42 to -2.02)"),
    ("02-niche-hours-region", "region", list(range(3, 12))),
    ("02-triage-hours-region", "region", list(range(3, 8))),
]


@pytest.mark.parametrize("id, kind, numbers", VERDICTS, ids=[v[0] for v in VERDICTS])
def test_registered_verdict_reads_as_the_pages_say(id, kind, numbers):
    verdict_pins.check(id, kind, numbers)


def test_every_chapter_2_verdict_is_pinned():
    assert verdict_pins.registered("02") == {v[0] for v in VERDICTS}


def test_budget_sentences():
    # "With six hours the niche wins about five more customers a week ... With forty hours broad
    # reach wins about two more"
    assert round(verdict_pins.verdicts.stored("02-niche-6-hours").estimate) == 5
    assert round(verdict_pins.verdicts.stored("02-broad-40-hours").estimate) == -2


def verdict(a, b, name_a="A", name_b="B"):
    return stats.verdict(stats.difference(a, b), name_a, name_b)


# ============================================================ page 1: growth and concentration
def test_one_market_sentences():
    choices = models.market_choices(2000, 200, 1.0, seeds=[1])[0, 0]
    final = models.customers_at(choices, 200)
    # "The two founders, open from the start, race ahead; business 2 ... keeps a good third place,
    # while businesses opening later stay small"
    ranked = np.argsort(-final)
    assert set(ranked[:2]) == {0, 1} and ranked[2] == 2
    assert models.opening_times(2000, 200)[2] == 20  # "opened after 20 customers"
    assert final[3:6].max() < final[2] / 5
    # the newcomer: "business number 20 of 200, which opens when a tenth of the customers have arrived"
    assert models.opening_times(2000, 200)[20] == 200


@pytest.fixture(scope="module")
def runs():
    return models.concentration_runs([0.0, 0.25, 0.5, 1.0, 1.5], seeds=SEEDS)


def test_concentration_sentences(runs):
    top = {a: stats.mean_interval(r["top 10 %"]) for a, r in runs.items()}
    # "Even uniform choice does not give an even spread: its top 10 % hold about a third"
    assert 0.30 < top[0.0].low and top[0.0].high < 0.37 and top[0.0].low > 0.10
    # "With linear attachment the largest 10 % ... hold about nine customers in ten"
    assert 0.87 < top[1.0].low and top[1.0].high < 0.94
    # "and about half of the businesses never win a single customer"
    none = stats.mean_interval(runs[1.0]["none"])
    assert 0.45 < none.low and none.high < 0.58
    # "with strong attachment one business ends up with almost everyone"
    assert stats.mean_interval(runs[1.5]["largest"]).low > 0.9 * 2000


# ============================================================ page 2: a newcomer
@pytest.fixture(scope="module")
def newcomer():
    return {a: models.newcomer_ranks(a, (1.0, 2.0, 4.0, 8.0), seeds=SEEDS) for a in (0.0, 0.5, 1.0, 1.25, 1.5)}


def test_newcomer_table_sentences(newcomer):
    leads = {a: (r[4.0]["vs leader"] >= 1).mean() for a, r in newcomer.items()}
    # "leads all of them under uniform choice, two in five under linear attachment ... leads none"
    assert leads[0.0] == 1.0 and leads[1.0] == 0.4 and leads[1.5] == 0.0
    # an ordinary newcomer never leads
    assert all((r[1.0]["vs leader"] >= 1).sum() == 0 for r in newcomer.values())
    # "An interval can poke past 1, as for the ordinary newcomer under strong attachment"
    assert stats.mean_interval(newcomer[1.5][1.0]["ahead"]).high > 1


def test_newcomer_sweep_sentences(newcomer):
    margin = {(a, p): stats.mean_interval(0.10 - r[p]["ahead"]) for a, r in newcomer.items() for p in r}
    # "Up to linear attachment, twice the appeal is enough to reach the top tenth"
    assert all(margin[(a, p)].low > 0 for a in (0.0, 0.5, 1.0) for p in (2.0, 4.0, 8.0))
    # "four times the appeal took a newcomer to the top tenth in every setting up to linear attachment"
    assert all(newcomer[a][4.0]["top10"].mean() == 1.0 for a in (0.0, 0.5, 1.0))
    # "At alpha = 1.25 even four times the appeal cannot be told apart from missing it"
    assert not margin[(1.25, 4.0)].excludes_zero
    # "at alpha = 1.5 the band stays below zero whatever the appeal we tried (up to eight times)"
    assert all(margin[(1.5, p)].high < 0 for p in (1.0, 2.0, 4.0, 8.0))


# ============================================================ page 3: check-ins
def test_tiny_check_in_sentences():
    B = nx.Graph()
    for customer, venue in datasets.tiny_visits():
        B.add_node(customer, bipartite=0)
        B.add_node(venue, bipartite=1)
        B.add_edge(customer, venue)
    rows = measures.also_visited(B, "Paper Lantern")
    # "Two of its three customers also went to Corner Café"
    assert B.degree("Paper Lantern") == 3 and rows["Corner Café"]["shared"] == 2


def test_davis_sentences():
    G = datasets.load_davis_southern_women()
    women = measures.projection(G, 0)
    # "The women's projection is almost complete (its density ... is 0.91)" and "E8 had 14 of the 18 women"
    assert round(nx.density(women), 2) == 0.91
    assert G.degree("E8") == 14 and len(measures.side(G, 0)) == 18
    # "We asked for the top 3 pairs of events and got four: E5 and E8 and E6 and E8 both share 7 women"
    top = measures.top_pairs(measures.projection(G, 1), 3)
    assert len(top) == 4 and top[2:] == [("E5", "E8", 7), ("E6", "E8", 7)]


@pytest.fixture(scope="module")
def city():
    return datasets.check_in_city(600, 40, seed=1)


def test_city_sentences(city):
    venues = measures.side(city, 1)
    chains = [v for v in venues if city.nodes[v]["size"] == "chain"]
    # "The four chains, a tenth of the venues, hold 43 % of all customer ties"; top 10 % = 4 venues
    assert len(chains) == 4 == len(venues) // 10
    assert set(sorted(venues, key=city.degree, reverse=True)[:4]) == set(chains)
    assert round(measures.top_share({v: city.degree(v) for v in venues}, 0.1), 2) == 0.43
    # "the chains sit in the middle, each tied to almost every other venue"
    P = measures.projection(city, 1)
    assert all(P.degree(c) >= 0.9 * (len(venues) - 1) for c in chains)


def test_lift_sentences(city):
    ours = "Corner bookshop"
    # "Corner bookshop, with 32 customers"
    assert city.degree(ours) == 32
    shared = measures.also_visited(city, ours, 5, by="shared")
    # "The list is led by chains: half of the bookshop's customers eat at QuickBurger"
    first = next(iter(shared))
    assert first == "QuickBurger" and city.nodes[first]["size"] == "chain" and shared[first]["share"] == 0.5
    lift = measures.also_visited(city, ours, 5, by="lift")
    # "Ranked by lift, the list turns into the bookshop's own scene"
    assert all(city.nodes[v]["scene"] == "books & coffee" for v in lift)
    # "The top lift, Corner café at about 4.3, rests on 3 shared customers ... flagged in note;
    # Old Town record shop (lift 3.3 from 8 shared customers) is the safer first partner"
    top = next(iter(lift))
    assert top == "Corner café" and round(lift[top]["lift"], 1) == 4.3 and lift[top]["shared"] == 3
    assert lift[top]["note"] and lift["Old Town record shop"]["note"] == ""
    assert round(lift["Old Town record shop"]["lift"], 1) == 3.3 and lift["Old Town record shop"]["shared"] == 8
    safe = [v for v in lift if not lift[v]["note"]]
    assert safe[0] == "Old Town record shop"


# ============================================================ page 4: staff hours
@pytest.fixture(scope="module")
def audiences():
    return [models.bookshop_audiences(datasets.check_in_city(600, 40, seed=s)) for s in SEEDS]


def test_flip_sentences(audiences):
    assumed = models.flip_hours(audiences, range(1, 61))
    # "with the assumed rates the niche wins up to 11 hours and broad reach from 13 (at 12 the two
    # cannot be told apart)"
    assert assumed == {"niche wins up to": 11.0, "broad wins from": 13.0}
    assert not stats.mean_interval(models.niche_minus_broad(audiences, 12)).excludes_zero
    # "when everybody responds more (30 % / 10 %) ... the niche wins up to 19 hours"
    assert models.flip_hours(audiences, range(1, 61), respond_fit=0.3, respond_other=0.1)["niche wins up to"] == 19
    # "when people who fit respond no more than the others (5 % / 5 %), broad reach wins from 10"
    assert models.flip_hours(audiences, range(1, 61), respond_fit=0.05, respond_other=0.05)["broad wins from"] == 10
    # "The conversion rate changes nothing about the flip" and "In every combination we tried, the niche
    # wins with a small budget and broad reach with a large one"
    for fit_rate in (0.05, 0.15, 0.30):
        for other_rate in (0.05, 0.10):
            flips = [models.flip_hours(audiences, range(1, 61), respond_fit=fit_rate, respond_other=other_rate,
                                       convert=c) for c in (0.25, 0.5)]
            assert flips[0] == flips[1]
            assert flips[0]["niche wins up to"] is not None and flips[0]["broad wins from"] is not None
            # "from about 10 to about 20 hours in the combinations we tried"
            assert 9 <= flips[0]["broad wins from"] <= 21


def test_triage_sentence(audiences):
    # "broad reach pays from 8 hours instead of 13"
    assert models.flip_hours(audiences, range(1, 41), triage=True)["broad wins from"] == 8
    assert models.flip_hours(audiences, range(1, 41))["broad wins from"] == 13


def test_niche_ceiling_sentence(audiences):
    # "extra hours buy nothing once everyone in it is answered" (and "about 6 hours" in exercise 2.5)
    for broad, niche in audiences:
        assert models.outreach(niche, 40)["customers"] == models.outreach(niche, 1000)["customers"]
    assert round(np.mean([models.outreach(n, 1000)["hours used"] for _, n in audiences])) == 6


# ============================================================ the exercises page
def test_solutions_page_sentences():
    # exercise 2.2: "The top pairs all involve the chains"
    B, P = checks_ch02._co_visit_truth()
    assert all(any(B.nodes[v]["size"] == "chain" for v in (u, w)) for u, w, _ in measures.top_pairs(P, 3))
    # exercise 2.4: "With twice as many [hours], the big chains come out on top"
    _, rows = checks_ch02._partner_values()
    spec = checks.PARTNER_EXERCISE
    town = datasets.check_in_city(spec["n_customers"], spec["n_venues"], seed=spec["seed"])
    mine = set(town[spec["business"]])

    def value(venue, hours):
        audience = models.audience_from(town, set(town[venue]) - mine, scene=spec["scene"], setup_hours=2)
        return models.outreach(audience, hours)["customers"]

    best_at_8 = max(rows, key=lambda v: value(v, 8))
    assert town.nodes[best_at_8]["size"] == "chain"
    assert town.nodes[max(rows, key=lambda v: rows[v]["customers"])]["size"] == "independent"
    # exercise 2.3: "the top 1 % (the 5 largest businesses) ... the top 10 % (the 50 largest)"
    spec = checks.CONCENTRATION_EXERCISE
    assert spec["n_businesses"] // 100 == 5 and spec["n_businesses"] // 10 == 50
