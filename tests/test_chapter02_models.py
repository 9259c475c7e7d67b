"""Chapter 2 in snb: growing markets, concentration, two-mode networks, the city, outreach."""


import networkx as nx
import numpy as np
import pytest

from snb import assumptions, datasets, measures, models, stats
from snb.models import growth


# ------------------------------------------------------------ growth model
@pytest.mark.parametrize("alpha", [0.0, 1.0, 1.7])
@pytest.mark.parametrize("batch", [0.0, 0.01])
def test_growth_sizes_and_every_newcomer_ties_to_m_distinct_earlier_nodes(alpha, batch):
    n, m = 400, 3
    edges = models.growth_edges(n, m, alpha, seed=2, batch=batch)
    founders = m + 1
    assert edges.shape == (founders * (founders - 1) // 2 + (n - founders) * m, 2)
    assert np.all(edges[:, 0] > edges[:, 1])  # the newcomer is always the later arrival
    G = nx.Graph(edges.tolist())
    assert G.number_of_edges() == len(edges)  # no tie twice: targets are distinct
    late = edges[edges[:, 0] >= founders]
    assert np.all(np.bincount(late[:, 0], minlength=n)[founders:] == m)
    assert models.degrees_at(edges).sum() == 2 * len(edges)


def test_growth_is_reproducible_and_depends_on_the_seed():
    a = models.growth_edges(500, 2, 1.0, seed=4)
    assert np.array_equal(a, models.growth_edges(500, 2, 1.0, seed=4))
    assert not np.array_equal(a, models.growth_edges(500, 2, 1.0, seed=5))
    G = models.grow_network(500, 2, 1.0, seed=4)
    assert sorted(map(tuple, np.sort(a, axis=1).tolist())) == sorted(tuple(sorted(e)) for e in G.edges)


def test_grow_network_records_arrival_and_parameters():
    G = models.grow_network(50, 2, 0.5, seed=3)
    assert list(G) == list(range(50))
    assert all(G.nodes[v]["arrival"] == v for v in G)
    assert G.graph["alpha"] == 0.5 and G.graph["m"] == 2 and G.graph["seed"] == 3 and G.graph["source"]


def test_ten_thousand_nodes_build():
    """The size the benchmark times (`make benchmark`): the build completes at that size."""
    G = models.grow_network(10_000, 2, 1.0, seed=1)
    assert G.number_of_nodes() == 10_000


def _mean_top10(alpha, seeds=range(5)):
    return np.mean([measures.top_share(models.degrees_at(models.growth_edges(1000, 2, alpha, seed=s)), 0.1)
                    for s in seeds])


def test_stronger_attachment_concentrates_ties():
    uniform, linear, strong = (_mean_top10(a) for a in (0.0, 1.0, 1.5))
    assert uniform < linear < strong


def test_cohorts_do_not_change_the_picture():
    """Refreshing the weights every 1 % (the default) against one by one: same concentration."""
    for alpha in (0.0, 1.0):
        exact = np.mean([measures.top_share(
            models.degrees_at(models.growth_edges(1000, 2, alpha, seed=s, batch=0)), 0.1)
                         for s in range(5)])
        assert _mean_top10(alpha) == pytest.approx(exact, abs=0.02)


def test_distinct_draws_follow_successive_sampling():
    weights = np.array([1.0, 2.0, 3.0, 4.0])
    draws = growth._distinct_draws(weights, np.cumsum(weights), 40_000, 2, np.random.default_rng(0))
    assert np.all(draws[:, 0] != draws[:, 1])
    first = np.bincount(draws[:, 0], minlength=4) / len(draws)
    assert first == pytest.approx(weights / weights.sum(), abs=0.01)
    # P(second = j) = sum over i != j of p_i * w_j / (W - w_i)
    p = weights / weights.sum()
    second = [sum(p[i] * weights[j] / (weights.sum() - weights[i]) for i in range(4) if i != j) for j in range(4)]
    assert np.bincount(draws[:, 1], minlength=4) / len(draws) == pytest.approx(second, abs=0.01)


def test_heavy_weights_never_stop_distinct_draws():
    weights = np.array([1e12, 1.0, 1.0])
    draws = growth._distinct_draws(weights, np.cumsum(weights), 1000, 3, np.random.default_rng(1))
    assert np.all(np.sort(draws, axis=1) == [0, 1, 2])


def test_appeal_makes_a_business_more_attractive():
    n = 1000
    appeal = np.ones(n)
    appeal[100] = 8.0
    boosted = models.degrees_at(models.growth_edges(n, 2, 0.0, seed=1, appeal=appeal))
    plain = models.degrees_at(models.growth_edges(n, 2, 0.0, seed=1))
    assert boosted[100] > 2 * plain[100]


@pytest.mark.parametrize("kwargs, fragment", [
    ({"n": 2, "m": 2}, r"at least m \+ 1"),
    ({"n": 100, "m": 0}, "at least 1"),
    ({"n": 100.0}, "whole number"),
    ({"n": 100, "alpha": -1}, "between 0 and 5"),
    ({"n": 100, "alpha": 9}, "between 0 and 5"),
    ({"n": 100, "batch": 0.5}, "batch"),
    ({"n": 100, "appeal": [1.0, 2.0]}, "appeal must hold 100"),
    ({"n": 3, "m": 1, "appeal": [1.0, 0.0, 1.0]}, "positive"),
])
def test_bad_growth_arguments_raise(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment):
        models.growth_edges(**kwargs)


def test_snapshots_and_degrees_at_look_back_in_time():
    G = models.grow_network(200, 2, 1.0, seed=6)
    H = models.snapshot(G, 50)
    assert list(H) == list(range(50)) and "after 50 arrivals" in H.graph["name"]
    assert np.array_equal(models.degrees_at(G, 50), [H.degree(v) for v in H])
    assert np.array_equal(models.degrees_at(G), [G.degree(v) for v in G])
    assert models.degrees_at(G, 0).size == 0
    with pytest.raises(ValueError):
        models.degrees_at(G, 201)
    with pytest.raises(ValueError):
        models.snapshot(G, -1)


def test_newcomer_outcome_is_reproducible_and_appeal_helps():
    ordinary = models.newcomer_outcome(400, 2, 1.0, arrival=40, appeal=1, runs=6, seed=3)
    assert ordinary == models.newcomer_outcome(400, 2, 1.0, arrival=40, appeal=1, runs=6, seed=3)
    strong = models.newcomer_outcome(400, 2, 1.0, arrival=40, appeal=6, runs=6, seed=3)
    assert set(ordinary) == {"median share ahead", "top 1 %", "top 10 %", "leads", "leader's lead"}
    assert strong["median share ahead"] < ordinary["median share ahead"]
    assert strong["leader's lead"] < ordinary["leader's lead"]
    with pytest.raises(ValueError, match="arrival"):
        models.newcomer_outcome(100, arrival=100)


# ------------------------------------------------------------ concentration
def test_gini_of_equal_values_is_zero_and_of_one_holder_is_n_minus_1_over_n():
    assert measures.gini([5, 5, 5, 5]) == 0.0
    for n in (2, 4, 10):
        assert measures.gini([0] * (n - 1) + [7]) == pytest.approx((n - 1) / n)
    assert measures.gini([0, 0, 0]) == 0.0


def test_gini_matches_the_mean_absolute_difference_definition():
    x = np.array([1.0, 2.0, 3.0, 10.0])
    by_definition = np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())
    assert measures.gini(x) == pytest.approx(by_definition)
    assert measures.gini(list(reversed(x))) == pytest.approx(by_definition)


def test_top_share_on_hand_examples():
    assert measures.top_share([5, 1, 1, 1], 0.25) == pytest.approx(5 / 8)
    assert measures.top_share([1, 1, 1, 1], 0.5) == 0.5
    assert measures.top_share(list(range(1, 101)), 0.01) == pytest.approx(100 / 5050)
    assert measures.top_share([3, 1], 0.01) == 0.75  # at least one holder is in the top
    assert measures.top_share([0, 0], 0.5) == 0.0
    star = nx.star_graph(4)  # centre holds 4 of the 8 tie ends
    assert measures.top_share(star, 0.2) == 0.5
    assert measures.top_share({"a": 2, "b": 2}, 1.0) == 1.0


@pytest.mark.parametrize("values, fraction", [([], 0.1), ([1, -1], 0.1), ([1, float("nan")], 0.1), ([1, 2], 0),
                                              ([1, 2], 1.5)])
def test_concentration_measures_reject_bad_input(values, fraction):
    with pytest.raises(ValueError):
        measures.top_share(values, fraction)


def test_concentration_row():
    row = measures.concentration([1] * 99 + [100])
    assert set(row) == {"top 1 % share", "top 10 % share", "Gini"}
    assert row["top 1 % share"] == pytest.approx(100 / 199)


# ------------------------------------------------------- two-mode helpers
@pytest.fixture
def tiny():
    B = nx.Graph()
    B.add_nodes_from(["ann", "bob", "cat"], bipartite=0)
    B.add_nodes_from(["X", "Y", "Z"], bipartite=1)
    B.add_edges_from([("ann", "X"), ("ann", "Y"), ("bob", "X"), ("bob", "Y"), ("cat", "Y"), ("cat", "Z")])
    return B


def test_side_and_projection_on_a_hand_example(tiny):
    assert measures.side(tiny, 0) == ["ann", "bob", "cat"] and measures.side(tiny, 1) == ["X", "Y", "Z"]
    P = measures.projection(tiny, 1)
    assert dict(((u, v), w) for u, v, w in P.edges(data="weight")) == {("X", "Y"): 2, ("Y", "Z"): 1}
    people = measures.projection(tiny, 0)
    assert {frozenset(e): w for *e, w in people.edges(data="weight")} == {
        frozenset({"ann", "bob"}): 2, frozenset({"ann", "cat"}): 1, frozenset({"bob", "cat"}): 1}
    assert P.nodes["X"]["bipartite"] == 1
    with pytest.raises(ValueError, match="bipartite=1"):
        measures.projection(nx.path_graph(3), 1)


def test_top_pairs_breaks_ties_by_graph_order(tiny):
    people = measures.projection(tiny, 0)
    assert measures.top_pairs(people, 3) == [("ann", "bob", 2), ("ann", "cat", 1), ("bob", "cat", 1)]
    assert measures.top_pairs(people, 1) == [("ann", "bob", 2)]


def test_top_pairs_keeps_every_pair_tied_with_the_last():
    B = nx.Graph()
    B.add_nodes_from("abc", bipartite=0)
    B.add_nodes_from("XYZ", bipartite=1)
    B.add_edges_from([("a", "X"), ("b", "X"), ("a", "Y"), ("b", "Y"), ("c", "Y"), ("a", "Z"), ("c", "Z")])
    people = measures.projection(B, 0)  # a-b share 2, a-c share 2, b-c share 1
    assert measures.top_pairs(people, 1) == [("a", "b", 2), ("a", "c", 2)]
    assert measures.top_pairs(people, 1, ties=False) == [("a", "b", 2)]
    assert len(measures.top_pairs(people, 2)) == 2 and len(measures.top_pairs(people, 10)) == 3
    # Davis: E5-E8 and E6-E8 both share 7 women, so the "top 3" pairs of events are four
    events = measures.projection(datasets.load_davis_southern_women(), 1)
    assert measures.top_pairs(events, 3) == [("E8", "E9", 9), ("E7", "E8", 8), ("E5", "E8", 7), ("E6", "E8", 7)]


def test_projection_order_does_not_depend_on_string_hashing():
    import subprocess
    import sys

    code = ("from snb import datasets, measures; B = datasets.check_in_city(200, 20, seed=3); "
            "P = measures.projection(B, 1); print(list(P.edges)[:20], measures.top_pairs(P, 8))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


def test_also_visited_counts_shares_and_lift(tiny):
    rows = measures.also_visited(tiny, "X")
    assert list(rows) == ["Y"]
    # everybody goes to Y: lift 1; two shared customers are too few to trust a lift
    assert rows["Y"] == {"shared": 2, "share": 1.0, "lift": 1.0, "note": "fewer than 5 shared: unreliable"}
    assert measures.also_visited(tiny, "X", min_shared=2)["Y"]["note"] == ""
    rows = measures.also_visited(tiny, "Z", by="lift")
    assert rows["Y"]["share"] == 1.0 and rows["Y"]["lift"] == 1.0
    assert measures.also_visited(tiny, "ann")["bob"]["shared"] == 2
    with pytest.raises(ValueError, match="shared"):
        measures.also_visited(tiny, "X", by="count")
    with pytest.raises(nx.NodeNotFound):
        measures.also_visited(tiny, "nowhere")


def test_lift_favours_the_niche_over_the_crowd():
    B = datasets.check_in_city(600, 40, seed=1)
    by_count = measures.also_visited(B, "Corner bookshop", 3, by="shared")
    by_lift = measures.also_visited(B, "Corner bookshop", 3, by="lift")
    assert all(B.nodes[v]["size"] == "chain" for v in list(by_count)[:1])
    assert all(B.nodes[v]["scene"] == "books & coffee" for v in by_lift)


# ---------------------------------------------------------- Davis (1941)
def test_davis_is_18_women_14_events_89_attendances():
    G = datasets.load_davis_southern_women()
    assert (len(measures.side(G, 0)), len(measures.side(G, 1)), G.number_of_edges()) == (18, 14, 89)
    assert nx.is_bipartite(G)


def test_davis_projections_and_the_biggest_event():
    G = datasets.load_davis_southern_women()
    women, events = measures.projection(G, 0), measures.projection(G, 1)
    assert (women.number_of_nodes(), women.number_of_edges()) == (18, 139)
    assert (events.number_of_nodes(), events.number_of_edges()) == (14, 66)
    assert max(measures.side(G, 1), key=G.degree) == "E8" and G.degree("E8") == 14
    assert measures.top_pairs(events, 1) == [("E8", "E9", 9)]


# ------------------------------------------------------------- the city
def test_city_is_reproducible_and_sized_by_its_parameters():
    a, b = datasets.check_in_city(120, 12, seed=4), datasets.check_in_city(120, 12, seed=4)
    assert list(a.edges(data=True)) == list(b.edges(data=True))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert len(measures.side(a, 0)) == 120 and len(measures.side(a, 1)) == 12
    assert nx.is_bipartite(a)
    c = datasets.check_in_city(120, 12, seed=5)
    assert {frozenset(e) for e in a.edges} != {frozenset(e) for e in c.edges}
    assert a.graph["source"] and a.graph["seed"] == 4


@pytest.mark.parametrize("n_venues", [2, 10, 40, 200])
def test_city_venue_names_are_unique_and_attributes_complete(n_venues):
    B = datasets.check_in_city(50, n_venues, seed=1)
    venues = measures.side(B, 1)
    assert len(venues) == len(set(venues)) == n_venues
    for v in venues:
        assert {"category", "scene", "size", "kind"} <= set(B.nodes[v])
    assert sum(B.nodes[v]["size"] == "chain" for v in venues) == min(max(1, n_venues // 10), 6)
    assert all(B.nodes[c]["scene"] in datasets.SCENES for c in measures.side(B, 0))
    assert all(d >= 1 for *_, d in B.edges(data="visits"))


def test_city_chains_attract_the_most_customers():
    B = datasets.check_in_city(600, 40, seed=1)
    venues = measures.side(B, 1)
    biggest = sorted(venues, key=B.degree, reverse=True)[:4]
    assert all(B.nodes[v]["size"] == "chain" for v in biggest)


@pytest.mark.parametrize("args", [(0, 10), (10, 1), (10.0, 10), ("10", 10), (True, 10)])
def test_city_rejects_bad_sizes(args):
    with pytest.raises(ValueError, match="whole number"):
        datasets.check_in_city(*args)


def test_tiny_visits_is_a_fresh_list_with_a_repeat_visit():
    rows = datasets.tiny_visits()
    rows.append(("x", "y"))
    assert len(datasets.tiny_visits()) == 12
    assert datasets.tiny_visits().count(("Ana", "Corner Café")) == 2


# ------------------------------------------------------------- outreach
def test_outreach_by_hand():
    audience = models.Audience("test", size=100, fit=0.5, setup_hours=2)
    # responses: 100 * 0.5 * 0.15 + 100 * 0.5 * 0.05 = 7.5 + 2.5 = 10; capacity (4 - 2) / 0.25 = 8
    result = models.outreach(audience, 4)
    assert result["responses"] == pytest.approx(10)
    assert result["answered"] == pytest.approx(8) and result["unanswered"] == pytest.approx(2)
    assert result["customers"] == pytest.approx(8 * 0.75 * 0.5)
    assert result["hours used"] == pytest.approx(4)
    assert models.outreach(audience, 4, triage=True)["customers"] == pytest.approx(7.5 * 0.5)


def test_outreach_needs_hours_beyond_the_setup_and_saturates():
    audience = models.Audience("test", size=100, fit=0.5, setup_hours=2)
    assert models.outreach(audience, 1)["customers"] == 0.0
    assert models.outreach(audience, 1)["answered"] == 0.0
    full = models.outreach(audience, 100)
    assert full["unanswered"] == 0 and full["customers"] == pytest.approx(10 * 0.75 * 0.5)
    assert full["hours used"] == pytest.approx(2 + 10 * 0.25)
    assert models.outreach(models.Audience("empty", 0, 0.0), 10)["customers"] == 0.0


def test_more_hours_never_hurt_and_fit_helps():
    broad, niche = models.Audience("b", 500, 0.2, 4), models.Audience("n", 100, 0.8, 2)
    previous = {"b": -1.0, "n": -1.0}
    for hours in range(0, 40, 3):
        for a in (broad, niche):
            won = models.outreach(a, hours)["customers"]
            assert won >= previous[a.name]
            previous[a.name] = won
    assert models.outreach(niche, 6)["customers"] > models.outreach(broad, 6)["customers"]


@pytest.mark.parametrize("kwargs", [{"size": -1, "fit": 0.5}, {"size": 10, "fit": 1.5}, {"size": 10, "fit": 0.5,
                                                                                          "setup_hours": -1}])
def test_audience_rejects_impossible_values(kwargs):
    with pytest.raises(ValueError):
        models.Audience("bad", **kwargs)


def test_audience_from_counts_fit_in_graph_order():
    B = datasets.check_in_city(100, 10, seed=2)
    people = measures.side(B, 0)[:20]
    a = models.audience_from(B, reversed(people), scene="fitness", name="x", setup_hours=3)
    assert a.size == 20 and a.setup_hours == 3 and a.name == "x"
    assert a.fit == pytest.approx(sum(B.nodes[c]["scene"] == "fitness" for c in people) / 20)
    assert models.audience_from(B, [], scene="fitness").fit == 0.0


# ------------------------------------------------- customers choosing businesses (snb.models.market)
def test_opening_times_are_even_after_the_founders():
    times = models.opening_times(100, 10, founders=2)
    assert times.tolist() == [0, 0, 20, 30, 40, 50, 60, 70, 80, 90]


@pytest.mark.parametrize("batch", [0.0, 0.01])
def test_every_customer_picks_one_business_already_open(batch):
    choices = models.market_choices(600, 40, 1.0, seeds=[1, 2], batch=batch)
    assert choices.shape == (1, 2, 600)
    opens = models.opening_times(600, 40)
    assert np.all(opens[choices[0]] <= np.arange(600))  # nobody picks a business before it opens
    counts = models.customers_at(choices[0], 40)
    assert counts.shape == (2, 40) and np.all(counts.sum(axis=1) == 600)
    assert np.array_equal(models.customers_at(choices[0], 40, 300).sum(axis=1), [300, 300])


def test_a_seed_gives_the_same_market_whatever_else_runs_with_it():
    alone = models.customers_per_business(500, 50, 1.0, seeds=[7])
    together = models.customers_per_business(500, 50, 1.0, seeds=[3, 7, 9])
    assert np.array_equal(alone[0], together[1])
    assert not np.array_equal(together[0], together[1])


def test_several_alphas_in_one_batch_give_each_alpha_its_own_markets():
    alphas = [0.0, 0.25, 0.5, 1.0, 1.5]
    appeal = np.ones((2, 50))
    appeal[1, 5] = 4.0
    together = models.market_choices(500, 50, alphas, seeds=[3, 7], appeal=appeal)
    assert together.shape == (len(alphas) * 2, 2, 500)
    for i, alpha in enumerate(alphas):  # variant i * 2 + j: alpha i, appeal row j
        alone = models.market_choices(500, 50, alpha, seeds=[3, 7], appeal=appeal)
        assert np.array_equal(together[2 * i:2 * i + 2], alone)
    runs = models.concentration_runs(alphas, n_customers=500, n_businesses=50, seeds=[3, 7])
    for alpha in alphas:
        counts = models.customers_per_business(500, 50, alpha, seeds=[3, 7])
        assert runs[alpha]["largest"].tolist() == counts.max(axis=1).tolist()


def test_uniform_choice_matches_its_expectation():
    # alpha = 0: customer i picks each of the k(i) open businesses with chance 1 / k(i), so business j
    # expects the sum of 1 / k(i) over the customers arriving after it opens
    n, b = 2000, 100
    counts = models.customers_per_business(n, b, 0.0, seeds=range(40), batch=0.0).mean(axis=0)
    opens = models.opening_times(n, b)
    open_count = np.searchsorted(opens, np.arange(n), side="right")
    expected = np.array([np.sum(1.0 / open_count[opens[j]:]) for j in range(b)])
    assert np.allclose(counts, expected, rtol=0.15, atol=1.5)


def test_customer_cohorts_do_not_change_the_picture():
    exact = models.customers_per_business(2000, 200, 1.0, seeds=range(20), batch=0.0)
    cohorts = models.concentration_runs([1.0], seeds=range(20))[1.0]["top 10 %"]
    assert abs(np.mean([measures.top_share(c, 0.1) for c in exact]) - np.mean(cohorts)) < 0.03


def test_stronger_attachment_concentrates_customers_over_twenty_seeds():
    runs = models.concentration_runs([0.0, 1.0, 1.5], seeds=range(20))
    for weaker, stronger in ((0.0, 1.0), (1.0, 1.5)):
        assert stats.difference(runs[stronger]["top 10 %"], runs[weaker]["top 10 %"]).low > 0
        assert stats.difference(runs[stronger]["Gini"], runs[weaker]["Gini"]).low > 0


def test_appeal_lifts_the_newcomer_and_rows_are_paired():
    ranks = models.newcomer_ranks(1.0, (1.0, 4.0), seeds=range(20))
    assert set(ranks) == {1.0, 4.0} and all(len(v["ahead"]) == 20 for v in ranks.values())
    assert ranks[4.0]["ahead"].mean() < ranks[1.0]["ahead"].mean()
    assert np.all((ranks[4.0]["top10"] == 1) == (ranks[4.0]["ahead"] < 0.1))
    # appeal 1 for the newcomer is the plain market with the same seeds
    plain = models.customers_per_business(2000, 200, 1.0, seeds=range(20))
    mine = plain[:, 20]
    others = np.delete(plain, 20, axis=1)
    assert np.allclose(ranks[1.0]["ahead"], (others >= mine[:, None]).mean(axis=1))


@pytest.mark.parametrize("kwargs, fragment", [
    ({"n_customers": 0}, "n_customers"), ({"n_businesses": 2.5}, "n_businesses"), ({"alpha": -1}, "alpha"),
    ({"batch": 0.5}, "batch"), ({"founders": 0}, "founders"), ({"appeal": [1.0, 2.0]}, "appeal"),
    ({"appeal": [0.0] * 10}, "appeal"), ({"seeds": []}, "seed"), ({"alpha": [1.0, 7.0]}, "alpha"),
    ({"alpha": []}, "alpha"),
])
def test_bad_market_arguments_raise(kwargs, fragment):
    args = {"n_customers": 100, "n_businesses": 10, "alpha": 1.0, **kwargs}
    with pytest.raises(ValueError, match=fragment):
        models.market_choices(args.pop("n_customers"), args.pop("n_businesses"), args.pop("alpha"), **args)


def test_market_parameters_name_their_sources():
    for params in (models.market_parameters(), models.newcomer_parameters(), models.outreach_parameters(),
                   datasets.check_in_city_parameters()):
        assert all(p.source for p in params)
        assert assumptions.table(params).rows
    sources = " ".join(p.source for p in models.market_parameters())
    assert "Barabasi and Albert 1999" in sources and "Bianconi and Barabasi 2001" in sources


# ------------------------------------------------- niche or broad over many cities
@pytest.fixture(scope="module")
def city_audiences():
    return [models.bookshop_audiences(datasets.check_in_city(600, 40, seed=s)) for s in range(20)]


def test_bookshop_audiences_leave_out_its_own_customers(city_audiences):
    B = datasets.check_in_city(600, 40, seed=0)
    broad, niche = models.bookshop_audiences(B)
    assert broad.size == 600 - B.degree("Corner bookshop") and niche.size < broad.size
    assert niche.fit > broad.fit and broad.setup_hours == 4 and niche.setup_hours == 2
    assert city_audiences[0] == (broad, niche)


def test_niche_minus_broad_and_its_flip(city_audiences):
    diff = models.niche_minus_broad(city_audiences, 6)
    assert diff.shape == (20,) and np.all(diff > 0)
    flip = models.flip_hours(city_audiences, range(1, 41))
    assert flip["niche wins up to"] < flip["broad wins from"]
    # conversion scales both audiences alike: the flip does not move
    assert models.flip_hours(city_audiences, range(1, 41), convert=0.25) == flip
    never = models.flip_hours(city_audiences, range(1, 5))
    assert never["broad wins from"] is None
    with pytest.raises(ValueError, match="20"):
        models.flip_hours(city_audiences[:5], range(1, 10))
