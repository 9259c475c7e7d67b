"""snb.datasets: published numbers of the real data sets and the seeded topologies."""

import networkx as nx
import pytest

from snb import datasets

LOADERS = [
    datasets.load_tiny_team,
    datasets.load_tiny_team_email,
    datasets.load_karate_club,
    datasets.load_florentine_families,
    datasets.load_davis_southern_women,
]
RANDOM_TOPOLOGIES = ["peer mesh", "small world", "scale-free", "media + peers"]


# ------------------------------------------------------------ real data sets
def test_karate_club_matches_zachary_1977():
    G = datasets.load_karate_club()
    assert (G.number_of_nodes(), G.number_of_edges()) == (34, 78)
    clubs = [club for _, club in G.nodes(data="club")]
    assert (clubs.count("Mr. Hi"), clubs.count("Officer")) == (17, 17)


def test_florentine_families_match_padgett_and_ansell():
    G = datasets.load_florentine_families()
    assert (G.number_of_nodes(), G.number_of_edges()) == (15, 20)
    assert "Pucci" not in G  # the isolated family networkx leaves out
    assert G.degree("Medici") == 6
    betweenness = nx.betweenness_centrality(G)
    assert max(betweenness, key=betweenness.get) == "Medici"
    assert round(betweenness["Medici"], 3) == 0.522


def test_davis_southern_women_is_the_1941_attendance_record():
    G = datasets.load_davis_southern_women()
    kinds = [kind for _, kind in G.nodes(data="kind")]
    assert (kinds.count("woman"), kinds.count("event")) == (18, 14)
    assert len(kinds) == G.number_of_nodes()  # every node is a woman or an event
    assert G.number_of_edges() == 89
    assert all({G.nodes[a]["kind"], G.nodes[b]["kind"]} == {"woman", "event"} for a, b in G.edges)


def test_tiny_team_is_two_triangles_joined_through_dev():
    G = datasets.load_tiny_team()
    assert (G.number_of_nodes(), G.number_of_edges()) == (7, 8)
    H = G.copy()
    H.remove_node("Dev")
    assert sorted(map(sorted, nx.connected_components(H))) == [["Ana", "Ben", "Chloe"], ["Eva", "Femi", "Gus"]]


def test_tiny_team_email_is_directed_and_not_always_returned():
    D = datasets.load_tiny_team_email()
    assert D.is_directed()
    assert D.has_edge("Ana", "Dev") and not D.has_edge("Dev", "Ana")
    assert nx.to_undirected(D).number_of_nodes() == datasets.load_tiny_team().number_of_nodes()


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loaders_record_a_source(loader):
    source = loader().graph.get("source")
    assert isinstance(source, str) and source.strip()


@pytest.mark.parametrize("loader", LOADERS, ids=lambda f: f.__name__)
def test_loaders_return_fresh_graphs(loader):
    first = loader()
    n, m = first.number_of_nodes(), first.number_of_edges()
    some_node = next(iter(first))
    first.remove_node(some_node)
    first.add_edge("intruder", "stranger")
    first.graph["source"] = "changed"
    second = loader()
    assert (second.number_of_nodes(), second.number_of_edges()) == (n, m)
    assert some_node in second and "intruder" not in second
    assert second.graph["source"] != "changed"


# ------------------------------------------------------- synthetic topologies
def _roles(G):
    return {v: role for v, role in G.nodes(data="role")}


@pytest.mark.parametrize("topology", datasets.TOPOLOGIES)
@pytest.mark.parametrize("n", [5, 6, 30, 60])
def test_every_topology_builds_with_n_people_and_roles(topology, n):
    G = datasets.communication_network(topology, n, seed=3)
    assert G.number_of_nodes() == n
    assert set(G) == set(range(n))
    assert set(_roles(G).values()) <= {"hub", "peer"}
    assert G.graph["name"] == topology and G.graph["seed"] == 3 and G.graph["source"]


@pytest.mark.parametrize("topology", datasets.TOPOLOGIES)
def test_same_seed_gives_the_same_graph(topology):
    a = datasets.communication_network(topology, 40, seed=7)
    b = datasets.communication_network(topology, 40, seed=7)
    assert list(a.edges) == list(b.edges)
    assert _roles(a) == _roles(b)


@pytest.mark.parametrize("topology", RANDOM_TOPOLOGIES)
def test_different_seed_gives_a_different_random_graph(topology):
    a = datasets.communication_network(topology, 40, seed=1)
    b = datasets.communication_network(topology, 40, seed=2)
    assert {frozenset(e) for e in a.edges} != {frozenset(e) for e in b.edges}


def test_broadcast_star_has_its_centre_as_the_only_hub():
    G = datasets.communication_network("broadcast star", 12)
    assert G.degree(0) == 11 and G.number_of_edges() == 11
    assert [v for v, r in _roles(G).items() if r == "hub"] == [0]


def test_hierarchy_tree_root_is_the_hub_with_up_to_three_reports():
    G = datasets.communication_network("hierarchy tree", 40)
    assert nx.is_tree(G)
    assert [v for v, r in _roles(G).items() if r == "hub"] == [0]
    children = nx.bfs_successors(G, 0)
    assert all(1 <= len(kids) <= 3 for _, kids in children)


def test_peer_mesh_has_four_ties_per_person_on_average_and_no_hubs():
    G = datasets.communication_network("peer mesh", 50)
    assert 2 * G.number_of_edges() / G.number_of_nodes() == 4
    assert set(_roles(G).values()) == {"peer"}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_small_world_is_connected(seed):
    assert nx.is_connected(datasets.communication_network("small world", 30, seed=seed))


@pytest.mark.parametrize("n, expected_hubs", [(30, 2), (60, 2), (75, 3), (200, 8)])
def test_media_plus_peers_has_linked_media_hubs(n, expected_hubs):
    G = datasets.communication_network("media + peers", n, seed=1)
    hubs = [v for v, r in _roles(G).items() if r == "hub"]
    assert len(hubs) == expected_hubs == max(2, n // 25)
    assert all(G.has_edge(a, b) for a in hubs for b in hubs if a != b)
    # each hub reaches roughly a quarter of the peers, far more than a peer does
    assert all(G.degree(h) > n / 10 for h in hubs)


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("broadcast", 20), "unknown topology"),
        (("Small World", 20), "choose one of"),
        (("star", 20), "broadcast star"),
        (("small world", 4), "at least 5"),
        (("small world", 0), "at least 5"),
        (("small world", -10), "at least 5"),
        (("small world", 20.0), "whole number"),
        (("small world", "20"), "whole number"),
    ],
)
def test_bad_arguments_raise_a_helpful_value_error(args, fragment):
    with pytest.raises(ValueError, match=fragment):
        datasets.communication_network(*args)
