"""Chapter 1's experiment helpers: batched reach curves, the tipping estimate, seeding
replications and sweeps, policy sweeps with intervals, parameter tables, the ring lattice
and the adaptation explorer's defaults."""

import networkx as nx
import numpy as np
import pytest

from snb import assumptions, datasets, draw, models, widgets
from snb.stats import Interval


@pytest.fixture(scope="module")
def small_world():
    return datasets.communication_network("small world", 60, seed=2)


@pytest.fixture(scope="module")
def media():
    return datasets.communication_network("media + peers", 80, seed=1)


# ------------------------------------------------------------ reach curves
def test_reach_curve_shape_bounds_and_repeatability(small_world):
    sizes = models.reach_curve(small_world, [0], [0.0, 0.3, 1.0], runs=7, seed=4)
    assert sizes.shape == (3, 7)
    assert (sizes[0] == 1).all() and (sizes[2] == 60).all()
    assert np.array_equal(sizes, models.reach_curve(small_world, [0], [0.0, 0.3, 1.0], runs=7, seed=4))


def test_reach_curve_uses_p_on_hub_ties_too(media):
    # with p = 1 on every tie (hub ties included) everyone is reached from anywhere
    assert (models.reach_curve(media, [10], [1.0], runs=3, seed=0) == 80).all()


def test_reach_curve_rejects_bad_probabilities(small_world):
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.reach_curve(small_world, [0], [0.2, 1.5], runs=2)


def test_tipping_estimate_formula():
    ring = nx.cycle_graph(10)  # every degree 2: <k> / (<k^2> - <k>) = 2 / (4 - 2)
    assert models.tipping_estimate(ring) == pytest.approx(1.0)
    regular = datasets.ring_lattice(50, 4)
    assert models.tipping_estimate(regular) == pytest.approx(4 / 12)
    star = nx.star_graph(9)  # degrees 9 and nine 1s: <k> = 1.8, <k^2> = 9
    assert models.tipping_estimate(star) == pytest.approx(1.8 / (9 - 1.8))
    assert models.tipping_estimate(nx.empty_graph(4)) == float("inf")


def test_hubs_lower_the_estimate():
    hubs = datasets.communication_network("scale-free", 200, seed=1)
    even = datasets.communication_network("peer mesh", 200, seed=1)
    assert models.tipping_estimate(hubs) < models.tipping_estimate(even)


# ------------------------------------------------------------ seeding
def test_seeding_sweep_shapes_and_pairing(media):
    out = models.seeding_sweep(media, 3, [0.1, 0.3], p_hub=0.05, replications=5, runs=4, seed=1)
    assert set(out) == {"broadcast", "peer"}
    assert out["broadcast"].shape == out["peer"].shape == (2, 5)
    assert (out["broadcast"] >= 3).all() and (out["peer"] <= 80).all()
    again = models.seeding_sweep(media, 3, [0.1, 0.3], p_hub=0.05, replications=5, runs=4, seed=1)
    assert all(np.array_equal(out[k], again[k]) for k in out)


def test_seeding_replications_is_one_row_of_the_sweep(media):
    one = models.seeding_replications(media, 3, 0.2, replications=6, runs=5, seed=3)
    row = models.seeding_sweep(media, 3, [0.2], replications=6, runs=5, seed=3)
    assert all(np.array_equal(one[k], row[k][0]) for k in one)
    assert one["broadcast"].shape == (6,)


def test_seeding_with_p_zero_reaches_only_the_starters(media):
    out = models.seeding_replications(media, 4, 0.0, p_hub=0.0, replications=3, runs=2)
    assert (out["broadcast"] == 4).all() and (out["peer"] == 4).all()


def test_peer_starters_change_with_the_random_seed(media):
    a = models.seeding_replications(media, 4, 0.3, replications=20, runs=3, seed=0)["peer"]
    assert len(set(a.round(3))) > 1


# ------------------------------------------------------------ policies
def test_array_p_dialogue_gives_the_same_runs_as_a_scalar(media):
    scalar = models.simulate_policy_runs(media, "step by step", runs=6, seed=3, p_dialogue=0.3)
    array = models.simulate_policy_runs(media, "step by step", runs=6, seed=3, p_dialogue=np.full(6, 0.3))
    assert np.array_equal(scalar.value, array.value)


def test_success_override_reaches_the_transformation(media):
    sure = models.simulate_policy_runs(media, "transformation", runs=10, seed=1, success=1.0)
    never = models.simulate_policy_runs(media, "transformation", runs=10, seed=1, success=np.zeros(10))
    assert (sure.capability[:, 0] == 1).all() and (never.capability[:, 0] == 0).all()
    assert (never.new_customers[:, :4] == 0).all()


def test_policy_sweeps_share_the_baseline_and_give_intervals(media):
    sweeps = models.policy_sweeps(media, ["step by step", "transformation"], "wait and see", "p_dialogue",
                                  [0.05, 0.4], runs=20, seed=1)
    assert list(sweeps) == ["step by step", "transformation"]
    for bands in sweeps.values():
        assert len(bands) == 2 and all(isinstance(iv, Interval) and iv.n == 20 for iv in bands)
    single = models.policy_sweep(media, "step by step", "wait and see", "p_dialogue", [0.05, 0.4], runs=20,
                                 seed=1)
    assert [iv.mean for iv in single] == [iv.mean for iv in sweeps["step by step"]]


@pytest.mark.parametrize("policy, vary, ignored", [
    ("wait and see", "p_dialogue", True), ("step by step", "p_dialogue", False),
    ("transformation", "p_dialogue", False), ("wait and see", "success", True),
    ("step by step", "success", True), ("transformation", "success", False),
])
def test_a_policy_ignores_an_assumption_only_when_its_runs_do_not_change(media, policy, vary, ignored):
    from snb.models.adaptation import ignores, simulate_policy_runs

    assert ignores(policy, vary) is ignored
    low, high = (simulate_policy_runs(media, policy, runs=30, seed=4, **{vary: value}).value
                 for value in (0.1, 0.9))
    assert np.array_equal(low, high) is ignored


def test_a_sweep_runs_an_ignoring_baseline_once_for_every_value(media):
    from snb.models.adaptation import simulate_policy_runs

    values = [0.05, 0.2, 0.4]
    bands = models.policy_sweep(media, "step by step", "wait and see", "p_dialogue", values, runs=20, seed=1)
    base = simulate_policy_runs(media, "wait and see", runs=20, seed=1, p_dialogue=0.05).value
    step = simulate_policy_runs(media, "step by step", runs=60, seed=1, p_dialogue=np.repeat(values, 20)).value
    for i, band in enumerate(bands):
        assert band.mean == pytest.approx(step[20 * i:20 * i + 20].mean() - base.mean())


def test_a_policy_against_itself_cannot_be_told_apart(media):
    bands = models.policy_sweep(media, "step by step", "step by step", "p_dialogue", [0.2], runs=20, seed=1)
    assert bands[0].mean == 0 and not bands[0].excludes_zero


def test_policy_sweep_rejects_unknown_assumptions(media):
    with pytest.raises(ValueError, match="vary"):
        models.policy_sweep(media, "step by step", "wait and see", "budget", [1, 2])


def iv(low, high):
    return Interval((low + high) / 2, low, high, 20)


@pytest.mark.parametrize("bands, expected", [
    ([iv(-3, -1), iv(-2, 1), iv(1, 2)], (1, 3)),
    ([iv(-3, -1), iv(1, 2), iv(2, 3)], (1, 2)),
    ([iv(1, 3), iv(1, 2), iv(2, 3)], (None, 1)),
    ([iv(-3, -1), iv(-2, -1), iv(-1, 1)], (2, None)),
    ([iv(-1, 1), iv(-1, 1), iv(-1, 1)], (None, None)),
    ([iv(1, 2), iv(-3, -1), iv(1, 2)], (2, 3)),
])
def test_flip_range(bands, expected):
    assert models.flip_range([1, 2, 3], bands) == expected


def test_outcome_table_rows(media):
    rows = models.outcome_table(models.compare_policies(media, runs=20, seed=0))
    assert list(rows) == list(models.POLICIES)
    for row in rows.values():
        assert set(row) == {"mean (95 % CI)", "std", "p10", "p90"} and "95 % CI" in row["mean (95 % CI)"]
        assert row["p10"] <= row["p90"]


# ------------------------------------------------------------ assumptions
@pytest.mark.parametrize("params", [models.cascade_parameters(), models.adaptation_parameters()])
def test_every_parameter_names_its_source(params):
    assert all(p.source for p in params)
    assert any(p.source != assumptions.ASSUMPTION for p in params), "anchor in evidence where it exists"
    table = assumptions.table(params)
    assert isinstance(table, draw.Table) and len(table.rows) == len(params)


def test_parameter_tables_show_the_values_used():
    names = {p.name: p.value for p in models.adaptation_parameters(p_dialogue=0.3, success=0.7, runs=50)}
    assert names["p_dialogue"] == 0.3 and names["success chance"] == 0.7 and names["runs"] == 50
    step = models.POLICIES["step by step"]
    assert names["learning step"] == step.learning_step and names["step-by-step cost"] == step.cost_per_period
    cascade = {p.name: p.value for p in models.cascade_parameters(p=0.1, replications=25)}
    assert cascade["p"] == 0.1 and cascade["random seeds"] == 25


# ------------------------------------------------------------ ring lattice
def test_ring_lattice_is_the_small_world_without_shortcuts():
    ring = datasets.ring_lattice(30, 4)
    assert ring.number_of_nodes() == 30 and ring.number_of_edges() == 60
    assert {d for _, d in ring.degree()} == {4}
    assert ring.has_edge(0, 29) and ring.has_edge(0, 28) and not ring.has_edge(0, 3)
    assert all(role == "peer" for _, role in ring.nodes(data="role"))


@pytest.mark.parametrize("n, k", [(4, 2), (30, 3), (30, 0), (30, 30), ("30", 4)])
def test_ring_lattice_rejects_bad_sizes(n, k):
    with pytest.raises(ValueError):
        datasets.ring_lattice(n, k)


# ------------------------------------------------------------ explorer
def test_adaptation_explorer_starts_with_the_lessons_numbers():
    lesson = models.compare_policies(datasets.communication_network("media + peers", 200, seed=1), runs=100,
                                     seed=2, p_dialogue=0.25)
    alt = widgets.render_adaptation().alt
    for name, values in lesson.items():
        assert f"{name}: mean {np.mean(values):.0f}," in alt
    assert "100 runs" in alt


# ------------------------------------------------------------ shapes
def test_fast_mean_path_and_clustering_match_networkx():
    from snb import measures
    from snb.models.shapes import _mean_path_and_clustering

    for name in ("small world", "peer mesh", "scale-free"):
        G = datasets.communication_network(name, 80, seed=3)
        path, clustering = _mean_path_and_clustering(G)
        assert path == pytest.approx(measures.profile(G)["mean path"])
        assert clustering == pytest.approx(nx.average_clustering(G))
    ring = datasets.ring_lattice(40, 4)
    assert _mean_path_and_clustering(ring, every=4)[0] == pytest.approx(_mean_path_and_clustering(ring)[0])
    split = nx.gnp_random_graph(60, 0.04, seed=3)  # several components: paths in the largest only
    largest = split.subgraph(max(nx.connected_components(split), key=len))
    assert nx.number_connected_components(split) > 1
    path, clustering = _mean_path_and_clustering(split)
    assert path == pytest.approx(nx.average_shortest_path_length(largest))
    assert clustering == pytest.approx(nx.average_clustering(split))


def test_rewiring_sweep_intervals():
    out = models.rewiring_sweep([0.0, 1.0], n=40, k=4, random_seeds=range(5), every=1)
    assert set(out) == {"mean path", "clustering"}
    lattice_path, lattice_clustering = out["mean path"][0], out["clustering"][0]
    assert lattice_path.mean == pytest.approx(1) and lattice_clustering.mean == pytest.approx(1)
    assert out["mean path"][1].high < 0.6 and out["clustering"][1].high < 0.5
    assert all(iv.n == 5 for iv in out["mean path"])


def test_network_parameters_name_the_generators():
    params = {p.name: p for p in models.network_parameters(200)}
    assert set(datasets.TOPOLOGIES) <= set(params)
    assert params["small world"].source == "Watts and Strogatz 1998"
    assert params["scale-free"].source == "Barabasi and Albert 1999"
