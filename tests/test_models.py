"""snb.models: reach, the independent cascade, seeding and the adaptation policies."""

import json
import os
import subprocess
import sys
import textwrap

import networkx as nx
import numpy as np
import pytest

from snb import datasets, models


@pytest.fixture
def path5():
    return nx.path_graph(5)  # 0 - 1 - 2 - 3 - 4


@pytest.fixture
def team():
    return datasets.load_tiny_team()


# ------------------------------------------------------------------ reach
@pytest.mark.parametrize(
    "source, k, expected",
    [(0, 0, {0}), (0, 1, {0, 1}), (0, 2, {0, 1, 2}), (2, 1, {1, 2, 3}), (2, 2, {0, 1, 2, 3, 4}),
     (0, 10, {0, 1, 2, 3, 4})],
)
def test_k_step_reach_on_a_path(path5, source, k, expected):
    assert models.k_step_reach(path5, source, k) == expected


@pytest.mark.parametrize("sources", [[0, 4], {0, 4}, (0, 4)])
def test_k_step_reach_accepts_collections_of_sources(path5, sources):
    assert models.k_step_reach(path5, sources, 1) == {0, 1, 3, 4}


def test_k_step_reach_with_k_zero_gives_the_sources(path5):
    assert models.k_step_reach(path5, [1, 3], 0) == {1, 3}


def test_k_step_reach_follows_tie_direction():
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "a")])
    assert models.k_step_reach(D, "a", 2) == {"a", "b", "c"}
    assert models.k_step_reach(D, "c", 5) == {"c"}
    assert models.k_step_reach(D, "d", 1) == {"d", "a"}


def test_k_step_reach_with_string_names(team):
    assert models.k_step_reach(team, "Dev", 1) == {"Dev", "Ana", "Eva"}
    assert models.k_step_reach(team, ["Ben", "Gus"], 1) == {"Ben", "Ana", "Chloe", "Gus", "Eva", "Femi"}
    assert models.k_step_reach(team, "Ana", 2) == set(nx.single_source_shortest_path_length(team, "Ana", cutoff=2))


@pytest.mark.parametrize("sources", [99, "Zoe", [0, 99], {"nobody"}])
def test_unknown_sources_raise_node_not_found(path5, sources):
    with pytest.raises(nx.NodeNotFound):
        models.k_step_reach(path5, sources, 1)
    with pytest.raises(nx.NodeNotFound):
        models.independent_cascade(path5, sources, 0.5, seed=0)


def test_negative_k_is_rejected(path5):
    with pytest.raises(ValueError):
        models.k_step_reach(path5, 0, -1)


@pytest.mark.parametrize(
    "sources, max_k, expected",
    [(0, 4, [1, 2, 3, 4, 5]), (2, 3, [1, 3, 5, 5]), ([0, 4], 2, [2, 4, 5]), (0, 0, [1])],
)
def test_reach_by_step_counts_are_cumulative(path5, sources, max_k, expected):
    assert models.reach_by_step(path5, sources, max_k) == expected


def test_reach_by_step_agrees_with_k_step_reach(team):
    counts = models.reach_by_step(team, "Ana", 4)
    assert counts == [len(models.k_step_reach(team, "Ana", k)) for k in range(5)]


# ------------------------------------------------------- independent cascade
@pytest.fixture
def small_world():
    return datasets.communication_network("small world", 40, seed=2)


def test_cascade_with_p_zero_informs_only_the_seeds(small_world):
    assert models.independent_cascade(small_world, [3, 10], 0.0, seed=1) == [[3, 10]]


@pytest.mark.parametrize("graph", [nx.path_graph(6), nx.balanced_tree(2, 3), datasets.load_tiny_team()],
                         ids=["path", "tree", "team"])
def test_cascade_with_p_one_follows_the_bfs_layers(graph):
    seed_node = next(iter(graph))
    rounds = models.independent_cascade(graph, seed_node, 1.0, seed=0)
    assert [set(r) for r in rounds] == [set(layer) for layer in nx.bfs_layers(graph, [seed_node])]


def test_cascade_with_p_one_stays_inside_the_component():
    G = nx.union(nx.path_graph(4), nx.path_graph(range(10, 13)))
    rounds = models.independent_cascade(G, 0, 1.0, seed=0)
    assert sorted(v for r in rounds for v in r) == [0, 1, 2, 3]


def test_cascade_is_reproducible_and_depends_on_the_seed(small_world):
    runs = [models.independent_cascade(small_world, 0, 0.5, seed=s) for s in (5, 5, 6)]
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]


def test_cascade_never_informs_anyone_twice(small_world):
    rounds = models.independent_cascade(small_world, [0, 0, 1, 1], 0.6, seed=3)
    informed = [v for r in rounds for v in r]
    assert rounds[0] == [0, 1]
    assert len(informed) == len(set(informed))


def test_cascade_on_a_directed_graph_follows_direction():
    D = nx.DiGraph([(0, 1), (1, 2), (3, 0)])
    assert models.independent_cascade(D, 0, 1.0, seed=0) == [[0], [1], [2]]


@pytest.mark.parametrize("p, p_hub", [(-0.1, None), (1.5, None), (0.5, -0.01), (0.5, 2.0), (float("nan"), None)])
def test_probability_outside_zero_one_is_rejected(small_world, p, p_hub):
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.independent_cascade(small_world, 0, p, p_hub=p_hub, seed=0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.cascade_sizes(small_world, 0, p, p_hub=p_hub, runs=2, seed=0)


def test_p_hub_applies_to_ties_touching_a_hub():
    star = datasets.communication_network("broadcast star", 8)
    # a leaf's only tie goes to the hub: closed when p_hub = 0, whatever p is
    assert models.independent_cascade(star, 3, 1.0, p_hub=0.0, seed=0) == [[3]]
    # open hub ties: leaf -> hub -> every other leaf
    rounds = models.independent_cascade(star, 3, 0.0, p_hub=1.0, seed=0)
    assert rounds[:2] == [[3], [0]] and set(rounds[2]) == set(star) - {0, 3}
    # without p_hub, p applies to every tie
    assert len(models.independent_cascade(star, 3, 1.0, seed=0)) == 3


def test_cascade_sizes_has_one_size_per_run_and_is_reproducible(small_world):
    sizes = models.cascade_sizes(small_world, [0, 1], 0.3, runs=25, seed=4)
    assert len(sizes) == 25
    assert np.array_equal(sizes, models.cascade_sizes(small_world, [0, 1], 0.3, runs=25, seed=4))
    assert sizes.min() >= 2 and sizes.max() <= small_world.number_of_nodes()
    assert models.cascade_sizes(small_world, 0, 1.0, runs=3, seed=0).tolist() == [40, 40, 40]
    assert models.cascade_sizes(small_world, [0, 1], 0.0, runs=3, seed=0).tolist() == [2, 2, 2]


HASH_SCRIPT = textwrap.dedent(
    """
    import json
    import networkx as nx
    from snb import datasets, models

    base = datasets.communication_network("media + peers", 50, seed=3)
    G = nx.Graph()
    G.add_nodes_from((f"person {v}", data) for v, data in base.nodes(data=True))
    G.add_edges_from((f"person {a}", f"person {b}") for a, b in base.edges)
    seeds = ["person 7", "person 30", "person 12"]
    print(json.dumps({
        "cascade": models.independent_cascade(G, set(seeds), 0.3, p_hub=0.1, seed=5),
        "sizes": models.cascade_sizes(G, set(seeds), 0.3, p_hub=0.1, runs=20, seed=5).tolist(),
        "peer": models.choose_seeds(G, 5, "peer", seed=2),
        "broadcast": models.choose_seeds(G, 5, "broadcast"),
        "reach": sorted(models.k_step_reach(G, set(seeds), 2)),
        "adapt": models.simulate_adaptation(G, "step by step", seed=9).new_customers,
    }))
    """
)


def test_results_do_not_depend_on_string_hashing():
    outputs = []
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        done = subprocess.run([sys.executable, "-c", HASH_SCRIPT], env=env, capture_output=True, text=True,
                              check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["cascade"][0]) == 3 and len(outputs[0]["sizes"]) == 20


# ------------------------------------------------------------------ seeding
@pytest.fixture
def media():
    return datasets.communication_network("media + peers", 100, seed=1)


def test_broadcast_seeding_picks_the_best_connected(media):
    seeds = models.choose_seeds(media, 5, "broadcast")
    degrees = sorted((d for _, d in media.degree()), reverse=True)
    assert sorted((media.degree(v) for v in seeds), reverse=True) == degrees[:5]
    assert len(set(seeds)) == 5


def test_broadcast_seeding_breaks_ties_by_graph_order():
    assert models.choose_seeds(nx.star_graph(5), 3, "broadcast") == [0, 1, 2]


def test_peer_seeding_avoids_hubs_and_is_reproducible(media):
    hubs = {v for v, r in media.nodes(data="role") if r == "hub"}
    picks = [models.choose_seeds(media, 6, "peer", seed=s) for s in (3, 3, 4)]
    assert picks[0] == picks[1] != picks[2]
    assert all(len(p) == len(set(p)) == 6 and not set(p) & hubs for p in picks)


@pytest.mark.parametrize(
    "budget, strategy, fragment",
    [(0, "peer", "budget"), (-1, "broadcast", "budget"), (101, "broadcast", "budget"),
     (3, "random", "strategy"), (3, "Broadcast", "strategy"), (3, "", "strategy")],
)
def test_bad_seeding_arguments_raise_value_error(media, budget, strategy, fragment):
    with pytest.raises(ValueError, match=fragment):
        models.choose_seeds(media, budget, strategy, seed=0)


# ------------------------------------------------- adapting to the network
@pytest.fixture
def mixed():
    return datasets.communication_network("media + peers", 60, seed=2)


def _same_run(a, b):
    return (a.new_customers, a.capability, a.cost) == (b.new_customers, b.capability, b.cost)


@pytest.mark.parametrize("policy", list(models.POLICIES))
def test_simulation_is_reproducible_with_a_seed(mixed, policy):
    a, b = (models.simulate_adaptation(mixed, policy, seed=11) for _ in range(2))
    assert _same_run(a, b)
    assert len(a.new_customers) == len(a.capability) == 12
    assert a.value == a.customer_periods - a.cost
    assert a.customer_periods == sum(np.cumsum(a.new_customers))


def test_wait_and_see_never_invests(mixed):
    run = models.simulate_adaptation(mixed, "wait and see", seed=1)
    assert run.capability == [0.0] * 12 and run.cost == 0
    assert run.value == run.customer_periods > 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_step_by_step_capability_grows_but_never_past_one(mixed, seed):
    run = models.simulate_adaptation(mixed, "step by step", periods=20, seed=seed)
    c = run.capability
    assert c[0] == 0 and all(a <= b for a, b in zip(c, c[1:])) and max(c) <= 1.0
    assert run.cost == 20 * models.POLICIES["step by step"].cost_per_period


def test_failed_transformation_brings_no_customers_while_disrupted(mixed):
    doomed = models.Policy("doomed", jump_to=1.0, success_probability=0.0, disruption_periods=3,
                           upfront_cost=50.0, cost_per_period=5.0)
    run = models.simulate_adaptation(mixed, doomed, periods=6, seed=0)
    assert run.new_customers[:3] == [0, 0, 0] and sum(run.new_customers[3:]) > 0
    assert run.capability == [0.0] * 6
    assert run.cost == 50.0 + 6 * 5.0


def test_successful_transformation_jumps_at_once(mixed):
    sure = models.Policy("sure", jump_to=1.0, success_probability=1.0, disruption_periods=3)
    run = models.simulate_adaptation(mixed, sure, periods=5, seed=0)
    assert run.capability == [1.0] * 5 and run.new_customers[0] > 0


def test_customers_are_reached_only_once(mixed):
    run = models.simulate_adaptation(mixed, "step by step", periods=8, p_media=1.0, p_one_way=1.0,
                                     p_dialogue=1.0, seed=0)
    assert run.customers == mixed.number_of_nodes()
    assert run.new_customers[0] == mixed.number_of_nodes() and run.new_customers[1:] == [0] * 7
    for seed in range(3):
        assert models.simulate_adaptation(mixed, "transformation", periods=30, seed=seed).customers \
            <= mixed.number_of_nodes()


def test_compare_policies_is_reproducible_and_fair(mixed):
    outcomes = models.compare_policies(mixed, runs=8, seed=3)
    assert list(outcomes) == list(models.POLICIES)
    assert all(len(v) == 8 for v in outcomes.values())
    again = models.compare_policies(mixed, runs=8, seed=3)
    assert all(np.array_equal(outcomes[k], again[k]) for k in outcomes)
    # run r of each policy uses the same seed, whatever else is compared
    alone = models.compare_policies(mixed, ["step by step"], runs=8, seed=3)
    assert np.array_equal(alone["step by step"], outcomes["step by step"])
    assert not np.array_equal(models.compare_policies(mixed, runs=8, seed=4)["wait and see"],
                              outcomes["wait and see"])


def test_summarise_outcomes():
    summary = models.summarise_outcomes({"a": np.arange(1, 11), "b": np.array([5.0, 5.0])})
    assert set(summary) == {"a", "b"}
    a = summary["a"]
    assert set(a) == {"mean", "std", "p10", "p90"}
    assert a["mean"] == 5.5 and a["p10"] <= a["mean"] <= a["p90"] and a["p10"] < a["p90"]
    assert summary["b"] == {"mean": 5.0, "std": 0.0, "p10": 5.0, "p90": 5.0}


def test_on_a_broadcast_star_waiting_beats_transformation():
    star = datasets.communication_network("broadcast star", 100)
    summary = models.summarise_outcomes(models.compare_policies(star, runs=30, seed=0))
    assert summary["wait and see"]["mean"] > summary["transformation"]["mean"]
    assert summary["wait and see"]["p10"] > summary["transformation"]["p10"]


def test_models_and_widgets_offer_every_name_lazily():
    """``snb.models`` and ``snb.widgets`` import a chapter's module on first use; every
    name they list resolves, appears in ``dir()``, and is the module's own object."""
    import importlib

    from snb import models, widgets

    for package in (models, widgets):
        for name in package.__all__:
            value = getattr(package, name)
            assert name in dir(package)
            where = getattr(package, "_WHERE", {}).get(name)
            if where is not None:
                module = importlib.import_module(f"{package.__name__}.{where}")
                assert value is getattr(module, name), name
        with pytest.raises(AttributeError, match="no attribute"):
            getattr(package, "no_such_name")
    importlib.import_module("snb.models.outreach")  # the module does not shadow its function
    assert callable(models.outreach) and models.outreach.__module__ == "snb.models.outreach"
