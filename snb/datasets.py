"""Networks for the course: real data sets with provenance and seeded synthetic ones.

Every loader returns a fresh ``networkx`` graph, so a learner may change it freely.
Real data sets come from the copies that ship inside networkx (no download), with
their source recorded in ``G.graph["source"]``. Synthetic generators take a ``seed``
and return the same graph for the same arguments.

Two-mode (bipartite) networks mark each node's side in the node attribute
``bipartite``, as networkx's bipartite algorithms expect: 0 for people (customers,
the Southern Women), 1 for places and occasions (venues, events).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from snb.assumptions import Parameter

__all__ = [
    "TOPOLOGIES",
    "communication_network",
    "load_tiny_team",
    "load_tiny_team_email",
    "load_karate_club",
    "load_florentine_families",
    "load_davis_southern_women",
    "SCENES",
    "tiny_visits",
    "check_in_city",
    "path_to",
    "EMAIL_EXPORT",
    "load_email_export",
    "ring_lattice",
    "check_in_city_parameters",
    "ERAS",
    "era_network",
    "SAMPSON_FILE",
    "SAMPSON_NOVICES",
    "SAMPSON_GROUPS",
    "SAMPSON_RELATIONS",
    "sampson_matrices",
    "load_sampson",
    "KRACKHARDT_RELATIONS",
    "KRACKHARDT_LEVELS",
    "KrackhardtManagers",
    "krackhardt_managers",
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

    Returns
    -------
    networkx.Graph
        7 people and 8 ties; ``G.graph`` records the name and source.

    Examples
    --------
    >>> G = load_tiny_team()
    >>> G.number_of_nodes(), G.number_of_edges()
    (7, 8)
    >>> sorted(G["Dev"])
    ['Ana', 'Eva']
    """
    G = nx.Graph(name="tiny team", source="invented for the course")
    G.add_edges_from(_TEAM_TIES)
    return G


def load_tiny_team_email() -> nx.DiGraph:
    """The same seven colleagues as a *directed* network: who emails whom.

    Ties are not always returned: Ana writes to Dev but Dev never writes back,
    which is the point of the example (direction matters for reach).

    Returns
    -------
    networkx.DiGraph
        7 people and 10 arcs; an arc ``u -> v`` means ``u`` emails ``v``.

    Examples
    --------
    >>> D = load_tiny_team_email()
    >>> D.number_of_edges()
    10
    >>> D.has_edge("Ana", "Dev"), D.has_edge("Dev", "Ana")
    (True, False)
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

    Returns
    -------
    networkx.Graph
        Members 0 to 33 with the node attribute ``club``.

    Examples
    --------
    >>> G = load_karate_club()
    >>> G.number_of_nodes(), G.number_of_edges()
    (34, 78)
    >>> G.nodes[0]["club"], G.nodes[33]["club"]
    ('Mr. Hi', 'Officer')
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

    Returns
    -------
    networkx.Graph
        Families as nodes (by name), marriages as ties.

    Examples
    --------
    >>> G = load_florentine_families()
    >>> G.number_of_nodes(), G.number_of_edges()
    (15, 20)
    >>> G.degree("Medici")
    6
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

    Returns
    -------
    networkx.Graph
        The two-mode graph of women and events.

    Examples
    --------
    >>> from collections import Counter
    >>> G = load_davis_southern_women()
    >>> sorted(Counter(kind for _, kind in G.nodes(data="kind")).items())
    [('event', 14), ('woman', 18)]
    >>> G.number_of_edges()
    89
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

    - ``"broadcast star"``: one sender (node 0) tied to everyone else;
    - ``"hierarchy tree"``: a reporting tree, each node with up to 3 children;
    - ``"peer mesh"``: random ties with 4 per person on average (Erdos-Renyi);
    - ``"small world"``: a ring of neighbours plus 10 % shortcuts
      (Watts and Strogatz 1998);
    - ``"scale-free"``: growth by preferential attachment, 2 ties per newcomer
      (Barabasi and Albert 1999);
    - ``"media + peers"``: ``n // 25`` media hubs linked to each other and each
      reaching about a quarter of a small-world peer network.

    Parameters
    ----------
    topology : str
        One of :data:`TOPOLOGIES` (the names above).
    n : int, default 60
        Number of people, at least 5; they are the nodes ``0`` to ``n - 1``.
    seed : int, default 1
        Seed of the random topologies; the same arguments always give the same graph.

    Returns
    -------
    networkx.Graph
        Node attribute ``role`` is ``"hub"`` for senders, media and the tree's root,
        ``"peer"`` for everyone else; ``G.graph`` records the topology and seed.

    Raises
    ------
    ValueError
        For an unknown topology or an ``n`` below 5.

    Examples
    --------
    >>> G = communication_network("broadcast star", 10)
    >>> G.number_of_edges()
    9
    >>> [v for v, role in G.nodes(data="role") if role == "hub"]
    [0]
    >>> communication_network("small world").number_of_edges()  # 60 people, 4 ties each
    120
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


# =====================================================================
# Chapter 2: check-ins, customers and venues as a two-mode network
# =====================================================================
#: The kinds of place a customer of the check-in city likes, and the venues of each.
SCENES: tuple[str, ...] = ("books & coffee", "fitness", "nightlife", "family")
_KINDS = {
    "books & coffee": ("café", "bookshop", "tea room", "record shop"),
    "fitness": ("gym", "yoga studio", "climbing hall", "juice bar"),
    "nightlife": ("bar", "club", "music venue", "cocktail bar"),
    "family": ("bakery", "toy shop", "pizzeria", "ice cream parlour"),
}
_PLACES = ("Corner", "Riverside", "Old Town", "Harbour", "Market Street", "Northside", "Parkview",
           "Station", "Hilltop", "Canal")
_CHAINS = (("MegaMart", "supermarket"), ("QuickBurger", "fast food"), ("CityCoffee", "coffee chain"),
           ("Multiplex", "cinema"), ("FitNation", "gym chain"), ("BookWorld", "book chain"))

_TINY_VISITS = (
    ("Ana", "Corner Café"), ("Ana", "Paper Lantern"), ("Ana", "Corner Café"), ("Ben", "Corner Café"),
    ("Ben", "Iron Gym"), ("Chloe", "Paper Lantern"), ("Chloe", "Corner Café"), ("Dev", "Iron Gym"),
    ("Dev", "Night Owl"), ("Eva", "Night Owl"), ("Eva", "Paper Lantern"), ("Eva", "Night Owl"),
)


def tiny_visits() -> list[tuple[str, str]]:
    """A week of check-ins at four venues by five customers, one row per visit.

    Invented for the course: rows are ``(customer, venue)`` and a repeated row is a
    repeat visit (Ana went to Corner Café twice).

    Returns
    -------
    list of (str, str)
        The 12 rows, a new list at each call.

    Examples
    --------
    >>> rows = tiny_visits()
    >>> len(rows), rows[0]
    (12, ('Ana', 'Corner Café'))
    >>> rows.count(("Ana", "Corner Café"))
    2
    """
    return list(_TINY_VISITS)


def _visits_graph(rows, *, customer_data=None, venue_data=None, **graph_attrs) -> nx.Graph:
    """A two-mode graph from ``(customer, venue)`` rows; edge ``visits`` counts repeats.

    Customers come first in the graph's node order, then venues, each in order of
    first appearance (or of ``customer_data`` / ``venue_data`` when given).
    """
    rows = list(rows)
    B = nx.Graph(**graph_attrs)
    customers = customer_data or {c: {} for c, _ in rows}
    venues = venue_data or {v: {} for _, v in rows}
    B.add_nodes_from((c, {"bipartite": 0, "kind": "customer", **customers.get(c, {})})
                     for c in dict.fromkeys(list(customers) + [c for c, _ in rows]))
    B.add_nodes_from((v, {"bipartite": 1, "kind": "venue", **venues.get(v, {})})
                     for v in dict.fromkeys(list(venues) + [v for _, v in rows]))
    for c, v in rows:
        if B.has_edge(c, v):
            B[c][v]["visits"] += 1
        else:
            B.add_edge(c, v, visits=1)
    return B


def check_in_city(n_customers: int = 600, n_venues: int = 40, *, seed: int = 1,
                  loyalty: float = 8.0, chain_pull: float = 20.0) -> nx.Graph:
    """A seeded synthetic city: who checked in where over a month.

    Ground truth, known because the city is generated:

    - every customer likes one of the :data:`SCENES` (equally likely), stored in
      the node attribute ``scene``;
    - ``n_venues // 10`` venues (at least one) are big chains (``size="chain"``,
      ``scene="general"``), liked by everyone, with ``chain_pull`` times the pull
      of a typical independent venue; the others are independents
      (``size="independent"``), each belonging to one scene, with its own pull
      drawn from a log-normal distribution;
    - a customer visits 1 + Poisson(2) different venues, drawn without
      replacement with weights pull times ``loyalty`` for venues of their own
      scene and pull times 1 for chains and 0.5 for other scenes' venues;
    - each customer-venue tie has ``visits`` = 1, 2, 3, ... check-ins
      (geometric, mean 2).

    Parameters
    ----------
    n_customers : int, default 600
        Number of customers, at least 1 (named ``c001``, ``c002``, ...).
    n_venues : int, default 40
        Number of venues, at least 2, chains included (independents are named by place
        and category, "Riverside bookshop").
    seed : int, default 1
        Seed of the random draws; same arguments, same city.
    loyalty : float, default 8.0
        Weight of an independent of the customer's own scene (chains weigh 1).
    chain_pull : float, default 20.0
        Pull of a chain compared with a typical independent.

    Returns
    -------
    networkx.Graph
        Two-mode graph: customers (``bipartite=0``, ``kind="customer"``) first, then
        venues (``bipartite=1``, ``kind="venue"``, with ``category``, ``scene`` and
        ``size``); edge attribute ``visits``.

    Raises
    ------
    ValueError
        When ``n_customers`` or ``n_venues`` is not a whole number of at least 1 or 2.

    Examples
    --------
    >>> from collections import Counter
    >>> B = check_in_city(60, 10)
    >>> sorted(Counter(kind for _, kind in B.nodes(data="kind")).items())
    [('customer', 60), ('venue', 10)]
    >>> [v for v, size in B.nodes(data="size") if size == "chain"]
    ['MegaMart']
    """
    for name, value, low in (("n_customers", n_customers, 1), ("n_venues", n_venues, 2)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{name} must be a whole number of at least {low}, got {value!r}")
    rng = np.random.default_rng(seed)
    n_chains = min(max(1, n_venues // 10), len(_CHAINS))
    venues: dict[str, dict] = {}
    for name, category in _CHAINS[:n_chains]:
        venues[name] = {"category": category, "scene": "general", "size": "chain"}
    for i in range(n_venues - n_chains):
        scene = SCENES[i % len(SCENES)]
        kinds = _KINDS[scene]
        category = kinds[(i // len(SCENES)) % len(kinds)]
        cycle = i // 80  # (place, category) pairs repeat after 80 venues: number the repeats
        place = _PLACES[i % len(_PLACES)] + (f" {cycle + 1}" if cycle else "")
        venues[f"{place} {category}"] = {"category": category, "scene": scene, "size": "independent"}
    names = list(venues)
    pull = np.where([venues[v]["size"] == "chain" for v in names],
                    chain_pull * rng.lognormal(0.0, 0.3, len(names)), rng.lognormal(0.0, 0.7, len(names)))
    width = len(str(n_customers))
    customers = {f"c{i + 1:0{width}d}": {"scene": SCENES[s]}
                 for i, s in enumerate(rng.integers(0, len(SCENES), n_customers))}
    likes = np.array([SCENES.index(d["scene"]) for d in customers.values()])
    venue_scene = np.array([SCENES.index(venues[v]["scene"]) if venues[v]["scene"] in SCENES else -1
                            for v in names])
    taste = np.where(venue_scene[None, :] == likes[:, None], loyalty,
                     np.where(venue_scene[None, :] < 0, 1.0, 0.5))
    keys = np.log(pull[None, :] * taste) + rng.gumbel(size=taste.shape)
    order = np.argsort(-keys, axis=1, kind="stable")
    how_many = np.minimum(1 + rng.poisson(2.0, n_customers), len(names))
    rows = []
    for c, picks, k in zip(customers, order, how_many):
        for j in picks[:k]:
            rows.extend([(c, names[j])] * int(rng.geometric(0.5)))
    return _visits_graph(rows, customer_data=customers, venue_data=venues, name="check-in city",
                         source="snb.datasets.check_in_city (synthetic, seeded)", seed=seed,
                         n_customers=n_customers, n_venues=n_venues)


# =====================================================================
# Chapter 1: files that ship with the course (snb/data/)
# =====================================================================
def path_to(filename: str):
    """The path of a data file shipped inside the course package (``snb/data/``).

    Found with :mod:`importlib.resources`, so it works wherever the package is
    installed; nothing is downloaded.

    Parameters
    ----------
    filename : str
        The file's name inside ``snb/data/`` (a sub-folder may lead it: ``"krackhardt/advice.csv"``).

    Returns
    -------
    pathlib.Path
        The file's path on this machine.

    Raises
    ------
    FileNotFoundError
        For a name the package does not ship (the message lists what it ships).

    Examples
    --------
    >>> path = path_to("agency-email-export.csv")
    >>> path.name, path.is_file()
    ('agency-email-export.csv', True)
    >>> path.read_text(encoding="utf-8").splitlines()[0]
    'source,target,messages,first_sent'
    """
    from importlib import resources
    from pathlib import Path

    path = Path(str(resources.files("snb").joinpath("data", filename)))
    if not path.is_file():
        shipped = sorted(p.name for p in path.parent.glob("*") if p.is_file())
        raise FileNotFoundError(f"no data file {filename!r} in the course package; shipped: {shipped}")
    return path


#: Chapter 1's email export: one row per (sender, recipient) with a message count.
EMAIL_EXPORT = "agency-email-export.csv"


def load_email_export() -> nx.Graph:
    """Who emailed whom at a small agency, as contacts (one undirected tie per pair).

    Invented for the course, in the shape of a mail-server export: the CSV file
    :data:`EMAIL_EXPORT` has the header ``source,target,messages,first_sent`` and one
    row per direction, so a pair that wrote both ways appears twice, and a note to
    self appears as a row from a person to themselves. Here both directions become
    one tie whose ``messages`` add up, and notes to self are dropped.
    """
    import csv

    G = nx.Graph(name="agency email", source=f"snb/data/{EMAIL_EXPORT} (invented for the course)")
    with path_to(EMAIL_EXPORT).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            a, b, count = row["source"], row["target"], int(row["messages"])
            G.add_nodes_from([a, b])
            if a == b:
                continue
            previous = G.edges[a, b]["messages"] if G.has_edge(a, b) else 0
            G.add_edge(a, b, messages=previous + count)
    return G


def ring_lattice(n: int = 200, k: int = 4) -> nx.Graph:
    """The small world without its shortcuts: a ring where each person is tied to the nearest.

    Watts and Strogatz's (1998) starting point: ``n`` people in a ring, each tied to the
    ``k`` nearest (``k / 2`` on each side). It has the same size and degree as
    ``communication_network("small world", n)``, so the two side by side show what the
    10 % of rewired shortcuts do to path lengths.

    Parameters
    ----------
    n : int, default 200
        Number of people, at least 5.
    k : int, default 4
        Ties per person, even, with ``2 <= k < n``.

    Returns
    -------
    networkx.Graph
        ``n * k / 2`` ties; every node has ``role="peer"``.

    Raises
    ------
    ValueError
        For an ``n`` below 5 or an odd or out-of-range ``k``.

    Examples
    --------
    >>> G = ring_lattice(10, 4)
    >>> G.number_of_edges()
    20
    >>> sorted(G[0])  # two neighbours on each side
    [1, 2, 8, 9]
    """
    if not isinstance(n, (int, np.integer)) or n < 5 or not 2 <= k < n or k % 2:
        raise ValueError(f"need a whole n of at least 5 and an even k with 2 <= k < n, got {n!r}, {k!r}")
    G = nx.watts_strogatz_graph(int(n), int(k), 0.0)
    return _with_roles(nx.Graph(G), [], "ring lattice", None)


def check_in_city_parameters(n_customers: int = 600, n_venues: int = 40, *, loyalty: float = 8.0,
                             chain_pull: float = 20.0) -> list:
    """The rules of :func:`check_in_city` as :class:`snb.assumptions.Parameter` rows.

    Parameters
    ----------
    n_customers, n_venues : int, default 600 and 40
        Sizes of the city, as given to :func:`check_in_city`.
    loyalty, chain_pull : float, default 8.0 and 20.0
        The pulls, as given to :func:`check_in_city`.

    Returns
    -------
    list of snb.assumptions.Parameter
        One row per rule: name, value and what it means.

    Examples
    --------
    >>> rows = check_in_city_parameters(n_venues=30)
    >>> [row.name for row in rows][:4]
    ['customers', 'venues', 'scenes', 'loyalty']
    >>> rows[1].meaning
    '3 chains, the rest independents, each of one scene'
    """
    return [
        Parameter("customers", n_customers, "people who checked in over a month"),
        Parameter("venues", n_venues, f"{min(max(1, n_venues // 10), len(_CHAINS))} chains, the rest "
                                      "independents, each of one scene"),
        Parameter("scenes", len(SCENES), "kinds of place a customer likes: " + ", ".join(SCENES)
                  + "; each customer likes one, equally likely"),
        Parameter("loyalty", loyalty, "how much more likely a customer picks an independent of their own "
                                      "scene than a chain of the same pull"),
        Parameter("other scenes", 0.5, "weight of an independent of another scene (a chain: 1)"),
        Parameter("chain_pull", chain_pull, "pull of a chain compared with a typical independent"),
        Parameter("pull spread", "log-normal, sigma 0.7", "how much independents differ in pull"),
        Parameter("venues per customer", "1 + Poisson(2)", "different venues each customer visits"),
        Parameter("visits per venue", "geometric, mean 2", "check-ins of a customer at one venue"),
    ]


# ------------------------------------------------- chapter 3: the three eras
#: The three eras of communication of chapter 3, in order.
ERAS: tuple[str, ...] = ("1.0 send", "2.0 dialogue", "3.0 participation")


def era_network(era: str, n: int = 30, *, seed: int = 1) -> nx.DiGraph:
    """Who sends messages to whom in one of the three eras of :data:`ERAS`.

    A seeded sketch of the essay's 1.0 / 2.0 / 3.0 distinction, not data.

    - ``"1.0 send"``: the institute sends to everyone; nobody answers or talks to others;
    - ``"2.0 dialogue"``: the institute and each individual write to each other, and each
      individual also shares with two random others, who may not write back;
    - ``"3.0 participation"``: everyone, the institute included, is a peer in a small world
      (Watts and Strogatz 1998, 4 neighbours, 10 % rewired) with ties used both ways.

    Parameters
    ----------
    era : str
        One of :data:`ERAS`.
    n : int, default 30
        Number of nodes: ``"institute"`` (the organisation) and individuals 1 to ``n - 1``.
    seed : int, default 1
        Seed of the random choices.

    Returns
    -------
    networkx.DiGraph
        An arc ``u -> v`` means ``u`` sends to ``v``.

    Raises
    ------
    ValueError
        For an era not in :data:`ERAS`.

    Examples
    --------
    >>> D = era_network("1.0 send", 10)
    >>> D.out_degree("institute"), D.in_degree("institute")
    (9, 0)
    >>> era_network("2.0 dialogue", 10).number_of_edges()  # 9 each way, 2 shares each
    36
    """
    rng = np.random.default_rng(seed)
    people = list(range(1, n))
    D = nx.DiGraph(name=era, source="invented for the course", seed=seed)
    D.add_node("institute", role="hub")
    D.add_nodes_from(people)
    if era == "1.0 send":
        D.add_edges_from(("institute", p) for p in people)
    elif era == "2.0 dialogue":
        D.add_edges_from(("institute", p) for p in people)
        D.add_edges_from((p, "institute") for p in people)
        for p in people:
            others = [q for q in people if q != p]
            D.add_edges_from((p, int(q)) for q in rng.choice(others, size=2, replace=False))
    elif era == "3.0 participation":
        peers = nx.connected_watts_strogatz_graph(n, 4, 0.1, seed=seed)
        peers = nx.relabel_nodes(peers, {0: "institute"})
        D.add_edges_from(peers.edges)
        D.add_edges_from((v, u) for u, v in peers.edges)
        D.nodes["institute"]["role"] = "peer"
    else:
        raise ValueError(f"era must be one of {ERAS}, got {era!r}")
    return D


# ------------------------------------------- chapter 5: Sampson's monastery
#: Chapter 5's data file: UCINET's copy of Sampson's (1968) monastery data (snb/data/sampson/).
SAMPSON_FILE = "sampson/SAMPSON.DAT"

#: The 18 novices in Sampson's own order (his dissertation's Tables D5 to D16).
SAMPSON_NOVICES: tuple[str, ...] = (
    "John Bosco", "Gregory", "Basil", "Peter", "Bonaventure", "Berthold", "Mark", "Victor", "Ambrose",
    "Romuald", "Louis", "Winfrid", "Amand", "Hugh", "Boniface", "Albert", "Elias", "Simplicius",
)

#: Sampson's groups as later analyses name them (White, Boorman and Breiger 1976): the Young
#: Turks, the Loyal Opposition, the Outcasts, and three "waverers" between them.
SAMPSON_GROUPS: dict[str, tuple[str, ...]] = {
    "Young Turks": ("John Bosco", "Gregory", "Mark", "Winfrid", "Hugh", "Boniface", "Albert"),
    "Loyal Opposition": ("Peter", "Bonaventure", "Berthold", "Ambrose", "Louis"),
    "Outcasts": ("Basil", "Elias", "Simplicius"),
    "waverers": ("Victor", "Romuald", "Amand"),
}

#: The relations :func:`load_sampson` reads: UCINET's matrix name for each (relation, wave).
SAMPSON_RELATIONS: dict[tuple[str, int], str] = {
    ("liking", 1): "SAMPLK1", ("liking", 2): "SAMPLK2", ("liking", 3): "SAMPLK3",
    ("disliking", 3): "SAMPDLK",
}
#: UCINET stores the three liking matrices in Sampson's order of the novices although its row
#: labels follow another order (de Nooy, Mrvar and Batagelj 2005); the README explains the check.
_SAMPSON_ORDERED_AS_SAMPSON = {"SAMPLK1", "SAMPLK2", "SAMPLK3"}


def _read_dl(text: str) -> tuple[list[str], dict[str, np.ndarray]]:
    """Labels and matrices of a UCINET DL file in FULLMATRIX format with several levels."""
    lines = [line.strip() for line in text.splitlines()]
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines[1:]:
        if line.upper().endswith(":") and line.upper().rstrip(":") in {"ROW LABELS", "COLUMN LABELS",
                                                                      "LEVEL LABELS", "DATA"}:
            current = line.upper().rstrip(":")
            sections[current] = []
        elif current and line:
            sections[current].append(line)
    labels, levels = sections["ROW LABELS"], sections["LEVEL LABELS"]
    values = np.array(" ".join(sections["DATA"]).split(), dtype=int)
    n = len(labels)
    cube = values.reshape(len(levels), n, n)
    return labels, dict(zip(levels, cube))


def sampson_matrices() -> dict[str, np.ndarray]:
    """The four relations of :data:`SAMPSON_RELATIONS` as 18 x 18 matrices of ranked choices
    (3 = first choice, 2 = second, 1 = third; 0 = not named), rows and columns in the order
    of :data:`SAMPSON_NOVICES`."""
    labels, cube = _read_dl(path_to(SAMPSON_FILE).read_text(encoding="utf-8"))
    spelled = [{"Ramuald": "Romuald", "John_Bosco": "John Bosco"}.get(x, x) for x in labels]
    to_sampson = [spelled.index(name) for name in SAMPSON_NOVICES]
    out = {}
    for name in SAMPSON_RELATIONS.values():
        matrix = cube[name]
        out[name] = matrix if name in _SAMPSON_ORDERED_AS_SAMPSON else matrix[np.ix_(to_sampson, to_sampson)]
    return out


def load_sampson(relation: str = "liking", wave: int = 3) -> nx.DiGraph:
    """Sampson's monastery: who named whom among the 18 novices (Sampson 1968).

    Each novice named his top three choices (a few named four, with ties). Data:
    UCINET's SAMPSON.DAT (see snb/data/sampson/README.md).

    Parameters
    ----------
    relation : {"liking", "disliking"}, default "liking"
        The question asked.
    wave : int, default 3
        For liking, 1, 2 or 3 (Sampson's T2, T3 and T4); disliking has wave 3 only.

    Returns
    -------
    networkx.DiGraph
        The 18 novices (node attribute ``group``, see :data:`SAMPSON_GROUPS`); an arc
        ``u -> v`` means ``u`` named ``v``, with ``rank`` 3 for a first choice, 2 for a
        second and 1 for a third.

    Raises
    ------
    ValueError
        For a relation and wave that were not asked.

    Examples
    --------
    >>> D = load_sampson()
    >>> D.number_of_nodes(), D.number_of_edges()
    (18, 56)
    >>> D.nodes["Gregory"]["group"]
    'Young Turks'
    """
    key = (relation, int(wave)) if isinstance(wave, (int, np.integer)) else (relation, wave)
    if key not in SAMPSON_RELATIONS:
        raise ValueError(f"relation and wave must be one of {sorted(SAMPSON_RELATIONS)}, got {(relation, wave)!r}")
    name = SAMPSON_RELATIONS[key]
    matrix = sampson_matrices()[name]
    D = nx.DiGraph(name=f"Sampson's monastery, {relation}, wave {key[1]}",
                   source=f"Sampson (1968), UCINET's SAMPSON.DAT, matrix {name}")
    group_of = {v: g for g, members in SAMPSON_GROUPS.items() for v in members}
    D.add_nodes_from((v, {"group": group_of[v]}) for v in SAMPSON_NOVICES)
    rows, cols = np.nonzero(matrix)
    D.add_edges_from((SAMPSON_NOVICES[i], SAMPSON_NOVICES[j], {"rank": int(matrix[i, j])})
                     for i, j in zip(rows, cols))
    return D


# ------------------------------------- chapter 4: Krackhardt's high-tech managers
#: The three relations of :func:`krackhardt_managers`, in teaching order.
KRACKHARDT_RELATIONS: tuple[str, ...] = ("advice", "friendship", "reports_to")

#: Names of the levels of the managers' firm (Krackhardt 1987).
KRACKHARDT_LEVELS: dict[int, str] = {1: "CEO", 2: "vice president", 3: "manager"}


@dataclass(frozen=True)
class KrackhardtManagers:
    """Krackhardt's (1987) 21 managers: three directed networks over the same people.

    ``advice``: an arc ``i -> j`` when manager ``i`` goes to ``j`` for advice (so a high
    in-degree means "sought for advice"); ``friendship``: ``i`` names ``j`` a friend;
    ``reports_to``: ``i`` reports to ``j`` (the org chart, a tree pointing to the CEO).
    Every graph has all 21 managers (ids 1 to 21) with the node attributes ``age``,
    ``tenure`` (years), ``level`` (1 CEO, 2 vice president, 3 manager) and
    ``department`` (1 to 4; 0 for the CEO).
    """

    advice: nx.DiGraph
    friendship: nx.DiGraph
    reports_to: nx.DiGraph

    def __getitem__(self, relation: str) -> nx.DiGraph:
        if relation not in KRACKHARDT_RELATIONS:
            raise KeyError(f"relation must be one of {KRACKHARDT_RELATIONS}, got {relation!r}")
        return getattr(self, relation)

    @property
    def managers(self) -> list[int]:
        """The managers' ids, 1 to 21."""
        return list(self.advice)


def krackhardt_managers() -> KrackhardtManagers:
    """Krackhardt's (1987) high-tech managers: advice, friendship and reporting among 21 people.

    Read from the files in ``snb/data/krackhardt/`` (source, transcription and published
    counts in that folder's README). Each call returns fresh graphs, so they may be
    changed freely.

    Returns
    -------
    KrackhardtManagers
        The three directed graphs, as attributes or by name (``managers["advice"]``).

    Examples
    --------
    >>> k = krackhardt_managers()
    >>> [k[r].number_of_edges() for r in ("advice", "friendship", "reports_to")]
    [190, 102, 20]
    >>> k.advice.nodes[1]["department"], len(k.managers)
    (4, 21)
    """
    import csv

    def rows(name: str) -> list[dict[str, str]]:
        with path_to(f"krackhardt/{name}.csv").open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    people = [(int(r["id"]), {"age": int(r["age"]), "tenure": float(r["tenure"]),
                              "level": int(r["level"]), "department": int(r["department"])})
              for r in rows("managers")]
    graphs = {}
    for relation in KRACKHARDT_RELATIONS:
        D = nx.DiGraph(name=f"Krackhardt managers: {relation.replace('_', ' ')}",
                       source="Krackhardt (1987); snb/data/krackhardt/")
        D.add_nodes_from(people)
        D.add_edges_from((int(r["from"]), int(r["to"])) for r in rows(relation))
        graphs[relation] = D
    return KrackhardtManagers(**graphs)
