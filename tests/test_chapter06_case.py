"""The capstone's seeded case (snb.models.case): invariants, ground truth, exports, analyses."""

import networkx as nx
import pytest
from helpers import load_tool

from snb import assumptions
from snb.models import brokerage, case, communities


@pytest.fixture(scope="module")
def default():
    return case.audit_case()


def test_same_seed_same_case_other_seed_other_case(default):
    again, other = case.audit_case(), case.audit_case(seed=2)
    assert sorted(again.customers.edges(data="strength")) == sorted(default.customers.edges(data="strength"))
    assert sorted(again.staff.edges) == sorted(default.staff.edges)
    assert sorted(other.customers.edges) != sorted(default.customers.edges)


def test_sizes_follow_the_settings_and_scale(default):
    d = case.DEFAULTS
    staff = d["staff"] + d["outposts"] * d["outpost_size"]
    assert default.staff.number_of_nodes() == default.org.number_of_nodes() == staff
    assert default.customers.number_of_nodes() == d["customers"]
    venues = [v for v, side in default.visits.nodes(data="bipartite") if side == 1]
    assert len(venues) == d["venues"]
    small = case.audit_case(scale=2, customers=100, staff=40, departments=3, brokers=2, venues=12)
    assert small.customers.number_of_nodes() == 200 and small.staff.number_of_nodes() == 80 + 2 * 2 * 6
    assert len(small.truth.segments) == 2 * d["segments"] and len(small.truth.influencers) == 2 * d["influencers"]


def test_networks_are_simple_connected_and_undirected(default):
    for G in (default.staff, default.customers):
        assert not G.is_directed() and nx.number_of_selfloops(G) == 0 and nx.is_connected(G)
    assert nx.is_bipartite(default.visits)
    assert all(default.visits.nodes[c]["bipartite"] != default.visits.nodes[v]["bipartite"]
               for c, v in default.visits.edges)
    assert all(d["strength"] >= 1 for *_, d in default.customers.edges(data=True))
    assert all(d["visits"] >= 1 for *_, d in default.visits.edges(data=True))


def test_ground_truth_is_planted_as_documented(default):
    t = default.truth
    assert len(t.influencers) == case.DEFAULTS["influencers"] and len(t.loud) == case.DEFAULTS["loud"]
    assert not t.influencers & t.loud
    # the segments partition the customers into groups of about equal size
    assert sorted(v for part in t.segments for v in part) == sorted(default.customers)
    sizes = [len(p) for p in t.segments]
    assert max(sizes) - min(sizes) <= 1
    # most ordinary ties stay inside a segment
    seg = {v: k for k, p in enumerate(t.segments) for v in p}
    inside = sum(seg[a] == seg[b] for a, b in default.customers.edges)
    assert inside / default.customers.number_of_edges() > 0.6
    # each connector is an outpost's only link to the main firm: the outpost is cut off without them
    for head, team in zip(sorted(t.connectors), t.outposts):
        assert head in team
        rest = default.staff.subgraph(v for v in default.staff if v != head)
        assert nx.number_connected_components(rest) >= 2
        assert any(c == team - {head} for c in nx.connected_components(rest))
    assert t.brokers == default.firm.brokers and all(default.staff.nodes[b]["broker"] for b in t.brokers)


def test_loud_customers_have_weak_ties_and_influencers_strong_ones(default):
    G, t = default.customers, default.truth
    for v in t.loud:
        assert G.degree(v) >= case.DEFAULTS["loud_ties"]
    mean = lambda vs: sum(G.degree(v, weight="strength") / G.degree(v) for v in vs) / len(vs)  # noqa: E731
    assert mean(t.influencers) > 2 * mean(t.loud)


@pytest.mark.parametrize("bad", [dict(scale=0), dict(scale=1.5), dict(customers=10), dict(cross_rate=1.0),
                                 dict(colour="red"), dict(segments=True)])
def test_bad_settings_are_refused_with_a_message(bad):
    with pytest.raises(ValueError):
        case.audit_case(**bad)


def test_parameters_table_covers_every_setting():
    rows = case.case_parameters()
    assert {p.name for p in rows} == set(case.DEFAULTS) | {"seed", "scale"}
    assert all(p.source for p in rows)
    big = {p.name: p.value for p in case.case_parameters(scale=10)}
    assert big["customers"] == 10 * case.DEFAULTS["customers"] and big["loyalty"] == case.DEFAULTS["loyalty"]
    assert "customers" in repr(assumptions.table(rows))


def test_shipped_exports_are_the_generators_output(default, tmp_path):
    """Stale exports fail here: regenerate with `python -m snb.models.case`."""
    for name, rows in case.export_rows(default).items():
        shipped = case.read_exports(name)
        assert list(shipped[0]) == list(case.EXPORTS[name]), name
        assert [tuple(r.values()) for r in shipped] == [tuple("" if x == "" else str(x) for x in row)
                                                        for row in rows], f"{name} is stale"
    written = case.write_exports(default, tmp_path)
    assert sorted(p.name for p in written) == sorted(case.EXPORTS)
    with pytest.raises(ValueError):
        case.read_exports("passwords.csv")


def test_exports_rebuild_the_networks(default):
    rows = case.read_exports("customer-ties.csv")
    G = nx.Graph((r["customer"], r["contact"], {"strength": int(r["strength"])}) for r in rows)
    def ties(H):
        return sorted((min(a, b), max(a, b), s) for a, b, s in H.edges(data="strength"))

    assert ties(G) == ties(default.customers)
    staff = nx.Graph((int(r["person"]), int(r["colleague"])) for r in case.read_exports("staff-advice.csv"))
    assert sorted(map(sorted, staff.edges)) == sorted(map(sorted, default.staff.edges))
    org = case.read_exports("staff-org.csv")
    assert sum(r["boss"] == "" for r in org) == 1


# ------------------------------------------------------------------ the analyses
def test_cut_people_agree_with_key_person_losses(default):
    cut = case.cut_people(default.staff)
    assert set(cut) == set(nx.articulation_points(default.staff))
    losses = brokerage.key_person_losses(default.staff, list(cut))
    assert all(cut[v]["pairs cut"] == losses[v]["pairs cut"] for v in cut)
    # the connectors head the list: each cuts off their whole outpost
    top = list(cut)[:len(default.truth.connectors)]
    assert set(top) == default.truth.connectors
    assert all(cut[v]["cut off"] == case.DEFAULTS["outpost_size"] - 1 for v in top)
    # on a path a-b-c, b cuts one pair and cuts off one person
    assert case.cut_people(nx.path_graph(3)) == {1: {"pairs cut": 1, "cut off": 1}}


def test_trust_weighted_pagerank_finds_influencers_degree_finds_the_loud(default):
    k = len(default.truth.influencers)
    top = {m: brokerage.top_k(case.influencer_scores(default.customers, m), k) for m in case.INFLUENCE_MEASURES}
    assert case.precision(top["strength-weighted PageRank"], default.truth.influencers) >= 0.8
    assert case.precision(top["degree"], default.truth.loud) >= 0.8
    with pytest.raises(ValueError):
        case.influencer_scores(default.customers, "fame")
    assert case.precision([], {1}) == 0.0


def test_venue_visits_sum_the_check_ins(default):
    visits = case.venue_visits(default.visits)
    assert sum(visits.values()) == sum(d for *_, d in default.visits.edges(data="visits"))
    assert all(v.startswith("v") for v in visits)


def test_stability_of_identical_runs_is_one():
    G = nx.karate_club_graph()
    runs = [communities.detect(G, seed=1)] * 3
    assert list(case.stability(G, runs)) == [1.0, 1.0]


def test_community_runs_kept_are_those_detected_and_cannot_be_spoiled():
    """community_runs keeps its last results: asked again for the same network (a copy
    counts as the same), it returns what detection returns, in fresh sets; another
    network, other seeds or another order of the ties are detected anew."""
    G = nx.karate_club_graph()
    fresh = [communities.detect(G, "Louvain", seed=s) for s in range(3)]
    first = case.community_runs(G, range(3))
    assert first == fresh
    first[0][0].clear()  # a learner's change to the result does not reach the kept copy
    again = case.community_runs(G.copy(), range(3))
    assert again == fresh and again[0] is not first[0]
    H = nx.Graph()
    H.add_nodes_from(G)  # the same people and ties, each person's contacts in another order
    H.add_edges_from(sorted(G.edges(), key=lambda e: (-e[1], -e[0])))
    assert case.community_runs(H, range(3)) == [communities.detect(H, "Louvain", seed=s) for s in range(3)]
    H.remove_edge(0, 1)
    assert case.community_runs(H, [3]) == [communities.detect(H, "Louvain", seed=3)]
    for _ in range(case.KEPT_RUNS + 2):  # only the last few are kept
        case.community_runs(G, [len(case._KEPT_RUNS) + 10])
    assert len(case._KEPT_RUNS) == case.KEPT_RUNS


def test_seeding_study_pairs_the_strategies(default):
    out = case.seeding_study(default.customers, 5, 0.1, replications=20, runs=10)
    assert out["broadcast"].shape == out["peer"].shape == (20,)
    assert out["gap"].n == 20 and out["verdict"].endswith(("peer", "indistinguishable"))


# ------------------------------------------------------------------ the benchmark's capstone timing
def test_benchmark_times_every_analysed_task_on_a_small_case():
    tasks = load_tool("benchmark").capstone_tasks(scale=1)
    # every task with an analysis (6.6 is a drawing exercise, 6.8 a choice) is timed
    assert sorted({name.split()[0] for name in tasks}) == ["6.1", "6.2", "6.3", "6.4", "6.5", "6.7"]
    small = case.audit_case(customers=120, staff=40, departments=3, brokers=2, venues=12)
    results = {name: task(small) for name, task in tasks.items()}
    G = results["6.1 load the customer export"]
    assert sorted(G.edges(data="strength")) == sorted(small.customers.edges(data="strength"))
    assert len(results["6.4 Louvain, 20 seeds + stability"]) == 19
