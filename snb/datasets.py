"""Networks for the course: real data sets with provenance and seeded synthetic ones.

Every loader returns a fresh ``networkx`` graph, so a learner may change it freely.
Real data sets come from the copies that ship inside networkx (no download), with
their source recorded in ``G.graph["source"]``. Synthetic generators take a ``seed``
and return the same graph for the same arguments.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = [
    "TOPOLOGIES",
    "communication_network",
    "load_tiny_team",
    "load_tiny_team_email",
    "load_karate_club",
    "load_florentine_families",
    "load_davis_southern_women",
]

#: Names of the communication topologies of chapter 1, in teaching order.
TOPOLOGIES: tuple[str, ...] = (
    "broadcast star",
    "hierarchy tree",
    "peer mesh",
    "small world",
    "scale-free",
    "media + peers",
)


# ---------------------------------------------------------------- tiny networks
_TEAM_TIES = [
    ("Ana", "Ben"),
    ("Ana", "Chloe"),
    ("Ana", "Dev"),
    ("Ben", "Chloe"),
    ("Dev", "Eva"),
    ("Eva", "Femi"),
    ("Eva", "Gus"),
    ("Femi", "Gus"),
]


def load_tiny_team() -> nx.Graph:
    """Seven colleagues at a small agency and who talks to whom each week.

    An invented example small enough to draw and count by hand: two close-knit
    groups (Ana, Ben, Chloe) and (Eva, Femi, Gus) joined only through Dev.
    """
    G = nx.Graph(name="tiny team", source="invented for the course")
    G.add_edges_from(_TEAM_TIES)
    return G


def load_tiny_team_email() -> nx.DiGraph:
    """The same seven colleagues as a *directed* network: who emails whom.

    Ties are not always returned: Ana writes to Dev but Dev never writes back,
    which is the point of the example (direction matters for reach).
    """
    D = nx.DiGraph(name="tiny team email", source="invented for the course")
    D.add_edges_from(
        [
            ("Ana", "Ben"), ("Ben", "Ana"), ("Ana", "Chloe"), ("Chloe", "Ben"),
            ("Ana", "Dev"), ("Dev", "Eva"), ("Eva", "Femi"), ("Femi", "Eva"),
            ("Eva", "Gus"), ("Gus", "Femi"),
        ]
    )
    return D


# ------------------------------------------------------------ real data sets
def load_karate_club() -> nx.Graph:
    """Zachary's karate club: 34 members and the 78 friendships among them.

    Source: W. W. Zachary (1977), "An information flow model for conflict and
    fission in small groups", *Journal of Anthropological Research* 33(4).
    The club later split; node attribute ``club`` records the side each member
    joined ("Mr. Hi" the instructor, or "Officer" the administrator).
    Edge attribute ``weight`` counts the contexts in which two members met.
    """
    G = nx.karate_club_graph()
    G.graph.update(
        name="Zachary's karate club",
        source="Zachary (1977), via networkx.karate_club_graph",
    )
    return G


def load_florentine_families() -> nx.Graph:
    """Marriage ties among 15 elite families of Renaissance Florence (about 1430).

    Source: J. F. Padgett and C. K. Ansell (1993), "Robust action and the rise
    of the Medici, 1400-1434", *American Journal of Sociology* 98(6), as shipped
    by networkx (``florentine_families_graph``). The original data hold 16
    families; the Pucci had no marriage ties and are left out, so 15 families
    and 20 marriage ties remain.
    """
    G = nx.florentine_families_graph()
    G.graph.update(
        name="Florentine families (marriage)",
        source="Padgett and Ansell (1993), via networkx.florentine_families_graph",
    )
    return G


def load_davis_southern_women() -> nx.Graph:
    """Who attended which social event in a 1930s Southern US town.

    Source: A. Davis, B. B. Gardner and M. R. Gardner (1941), *Deep South*.
    A bipartite graph: 18 women (``bipartite=0``) and 14 events (``bipartite=1``),
    with 89 attendances as edges. Node attribute ``kind`` is "woman" or "event".
    """
    G = nx.davis_southern_women_graph()
    for node, side in G.nodes(data="bipartite"):
        G.nodes[node]["kind"] = "woman" if side == 0 else "event"
    G.graph.update(
        name="Davis Southern Women",
        source="Davis, Gardner and Gardner (1941), via networkx.davis_southern_women_graph",
    )
    return G


# ------------------------------------------------------- synthetic topologies
def _with_roles(G: nx.Graph, hubs: list[int], name: str, seed: int | None) -> nx.Graph:
    """Label every node ``role="hub"`` or ``"peer"`` and record how G was made."""
    nx.set_node_attributes(G, "peer", "role")
    for h in hubs:
        G.nodes[h]["role"] = "hub"
    G.graph.update(name=name, source="snb.datasets.communication_network", seed=seed)
    return G


def _media_plus_peers(n: int, seed: int) -> tuple[nx.Graph, list[int]]:
    """A few media hubs, each reaching a quarter of a small-world peer network."""
    n_hubs = max(2, n // 25)
    rng = np.random.default_rng(seed)
    peers = nx.connected_watts_strogatz_graph(n - n_hubs, k=min(4, n - n_hubs - 1), p=0.1, seed=seed)
    G = nx.relabel_nodes(peers, {v: v + n_hubs for v in peers})
    hubs = list(range(n_hubs))
    G.add_nodes_from(hubs)
    G.add_edges_from((a, b) for a in hubs for b in hubs if a < b)
    audience = np.arange(n_hubs, n)
    for h in hubs:
        followers = audience[rng.random(audience.size) < 0.25]
        G.add_edges_from((h, int(f)) for f in followers)
    return nx.convert_node_labels_to_integers(G, ordering="sorted"), hubs


def communication_network(topology: str, n: int = 60, *, seed: int = 1) -> nx.Graph:
    """Build one of the chapter-1 communication topologies with ``n`` people.

    ``topology`` is one of :data:`TOPOLOGIES`:

    - ``"broadcast star"``: one sender (node 0) tied to everyone else;
    - ``"hierarchy tree"``: a reporting tree, each node with up to 3 children;
    - ``"peer mesh"``: random ties with 4 per person on average (Erdos-Renyi);
    - ``"small world"``: a ring of neighbours plus 10 % shortcuts
      (Watts and Strogatz 1998);
    - ``"scale-free"``: growth by preferential attachment, 2 ties per newcomer
      (Barabasi and Albert 1999);
    - ``"media + peers"``: ``n // 25`` media hubs linked to each other and each
      reaching about a quarter of a small-world peer network.

    Node attribute ``role`` is ``"hub"`` for senders, media and the tree's root,
    ``"peer"`` for everyone else. The same arguments always give the same graph.
    """
    if topology not in TOPOLOGIES:
        raise ValueError(f"unknown topology {topology!r}; choose one of {TOPOLOGIES}")
    if not isinstance(n, (int, np.integer)) or n < 5:
        raise ValueError(f"n must be a whole number of at least 5 people, got {n!r}")
    n = int(n)
    hubs: list[int] = []
    if topology == "broadcast star":
        G, hubs = nx.star_graph(n - 1), [0]
    elif topology == "hierarchy tree":
        G, hubs = nx.full_rary_tree(3, n), [0]
    elif topology == "peer mesh":
        G = nx.gnm_random_graph(n, 2 * n, seed=seed)
    elif topology == "small world":
        G = nx.connected_watts_strogatz_graph(n, k=4, p=0.1, seed=seed)
    elif topology == "scale-free":
        G = nx.barabasi_albert_graph(n, 2, seed=seed)
    else:
        G, hubs = _media_plus_peers(n, seed)
    return _with_roles(nx.Graph(G), hubs, topology, seed)
