"""Chapter 5: your own network. The ego-network scorecard, friends-of-friends reach and the
friendship paradox.

A **contact** is one row: name, industry, place, trust (1 to 5), how often they help you and
you help them (times a year), roughly how many people they know, and which of your other
contacts they know. The **scorecard** reports, each with its definition:

- *quality*: how well connected your contacts are (the median of their own numbers of contacts);
- *character*: the mean trust, and the share of ties where help runs both ways (reciprocated);
- *relevance*: the share of contacts in an industry or place you need;
- *diversity*: Blau's index (1 minus the sum of squared shares) of industries and of places;
- *bridges*: effective size and constraint (Burt 1992), and the contacts who know none of your
  other contacts (each one your only bridge to another circle; Granovetter 1973).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from snb.feedback import plural

__all__ = [
    "CLOSED_CIRCLE_CSV",
    "EXAMPLE_CSV",
    "FIELDS",
    "PARADOX_NETWORKS",
    "REACH_NETWORKS",
    "Contact",
    "blau_index",
    "contacts_csv",
    "ego_network",
    "friendship_paradox",
    "geometric_steps",
    "make_contact",
    "neighbourhood_overlap",
    "paradox_gap",
    "parse_contacts_csv",
    "people_at_steps",
    "reach_network",
    "reach_runs",
    "scorecard",
    "spearman",
    "tie_strength_null",
]

#: The columns of a contacts file, in order (``knows``: other contacts' names separated by ";").
FIELDS: tuple[str, ...] = ("name", "industry", "place", "trust", "helps_you", "you_help", "contacts", "knows")
#: Largest plausible numbers a form or file may hold.
MAX_TIMES_A_YEAR = 365
MAX_CONTACTS = 100_000
MAX_ROWS = 200
EGO = "you"


@dataclass(frozen=True)
class Contact:
    """One contact of the ego network."""

    name: str
    industry: str
    place: str
    trust: int
    helps_you: int = 0
    you_help: int = 0
    contacts: int = 0
    knows: tuple[str, ...] = field(default_factory=tuple)


def _whole(value: Any, what: str, low: int, high: int, problems: list[str]) -> int | None:
    text = str(value).strip() if value is not None else ""
    if text == "":
        problems.append(f"{what} is empty: give a whole number from {low} to {high:,}.")
        return None
    try:
        number = float(text)
    except ValueError:
        problems.append(f"{what} {text!r} is not a number: give a whole number from {low} to {high:,}.")
        return None
    if not number.is_integer() or not low <= number <= high:
        problems.append(f"{what} {text} is out of range: give a whole number from {low} to {high:,}.")
        return None
    return int(number)


def make_contact(values: Mapping[str, Any], taken: Iterable[str] = ()) -> tuple[Contact | None, list[str]]:
    """A :class:`Contact` from form or file values, or the list of what is wrong with them.

    ``taken``: names already in the list (a duplicate is refused, ignoring case).
    """
    problems: list[str] = []
    name = str(values.get("name") or "").strip()
    if not name:
        problems.append("the name is empty: every contact needs a name.")
    elif name.lower() == EGO:
        problems.append(f"{name!r} is the name the scorecard gives you: call the contact something else.")
    elif name.lower() in {t.lower() for t in taken}:
        problems.append(f"{name!r} is already in your list: each contact once (edit by removing and adding).")
    industry = str(values.get("industry") or "").strip()
    place = str(values.get("place") or "").strip()
    if not industry:
        problems.append("the industry is empty: write one, e.g. 'retail' or 'unknown'.")
    if not place:
        problems.append("the place is empty: write one, e.g. 'Lyon' or 'unknown'.")
    trust = _whole(values.get("trust"), "trust", 1, 5, problems)
    def optional(key: str) -> Any:  # the numbers other than trust may be left out: 0
        value = values.get(key)
        return 0 if value is None or str(value).strip() == "" else value

    helps = _whole(optional("helps_you"), "helps you (times a year)", 0, MAX_TIMES_A_YEAR, problems)
    given = _whole(optional("you_help"), "you help (times a year)", 0, MAX_TIMES_A_YEAR, problems)
    reach = _whole(optional("contacts"), "their contacts", 0, MAX_CONTACTS, problems)
    knows_text = values.get("knows") or ""
    knows = tuple(dict.fromkeys(k.strip() for k in str(knows_text).split(";") if k.strip()))
    if name and name in knows:
        problems.append(f"{name!r} cannot know themselves: list other contacts in 'knows'.")
    if problems:
        return None, problems
    return Contact(name, industry, place, trust, helps, given, reach, knows), []


def parse_contacts_csv(text: str, taken: Iterable[str] = ()) -> tuple[list[Contact], list[str]]:
    """Contacts from CSV text with the header :data:`FIELDS`, all or nothing.

    ``knows`` and the numbers may be left out. If any row is wrong, no contact is
    returned and every problem is listed with its line number, so nothing half-loaded
    mixes with what is already entered.

    Parameters
    ----------
    text : str
        The CSV text, header first.
    taken : iterable of str, default ()
        Names already entered (a contact may not repeat one).

    Returns
    -------
    contacts : list of Contact
        The contacts, or an empty list when anything is wrong.
    problems : list of str
        What is wrong, by line; empty when all is well.

    Examples
    --------
    >>> contacts, problems = parse_contacts_csv("name,industry,place,trust\\n"
    ...                                         "Ana,retail,Leeds,4\\nBen,banking,York,5\\n")
    >>> [c.name for c in contacts], problems
    (['Ana', 'Ben'], [])
    >>> parse_contacts_csv("name,industry,place,trust\\nAna,retail,Leeds,9\\n")
    ([], ['line 2: trust 9 is out of range: give a whole number from 1 to 5.'])
    """
    if not isinstance(text, str) or not text.strip():
        return [], ["the file is empty: it needs a header line and one line per contact."]
    try:
        rows = list(csv.reader(io.StringIO(text.strip())))
    except csv.Error as exc:
        return [], [f"this is not readable CSV ({exc})."]
    header = [h.strip().lower() for h in rows[0]]
    missing = [f for f in ("name", "industry", "place", "trust") if f not in header]
    if missing:
        return [], [f"the header line lacks {', '.join(missing)}: it should read {','.join(FIELDS)}."]
    unknown = [h for h in header if h not in FIELDS]
    if unknown:
        return [], [f"unknown columns {unknown}: the columns are {','.join(FIELDS)}."]
    if len(rows) - 1 > MAX_ROWS:
        return [], [f"{len(rows) - 1} contacts is more than the {MAX_ROWS} a scorecard takes."]
    contacts: list[Contact] = []
    problems: list[str] = []
    names = list(taken)
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"line {number}: {len(row)} values for {len(header)} columns "
                            "(a comma inside a value needs quotes).")
            continue
        contact, wrong = make_contact(dict(zip(header, row)), names)
        if wrong:
            problems.extend(f"line {number}: {p}" for p in wrong)
        else:
            contacts.append(contact)
            names.append(contact.name)
    if not contacts and not problems:
        problems.append("the file has a header but no contacts.")
    return ([], problems) if problems else (contacts, [])


def contacts_csv(contacts: Sequence[Contact]) -> str:
    """The contacts as CSV text with the header :data:`FIELDS` (what :func:`parse_contacts_csv` reads)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for c in contacts:
        writer.writerow([c.name, c.industry, c.place, c.trust, c.helps_you, c.you_help, c.contacts, ";".join(c.knows)])
    return out.getvalue()


def ego_network(contacts: Sequence[Contact], ego: str = EGO) -> nx.Graph:
    """The ego tied to every contact, and contacts tied when either says they know the other
    (names that are not in the list are ignored)."""
    G = nx.Graph(name="ego network")
    G.add_node(ego, role="ego")
    names = {c.name for c in contacts}
    for c in contacts:
        G.add_node(c.name, industry=c.industry, place=c.place, trust=c.trust)
        G.add_edge(ego, c.name)
    for c in contacts:
        G.add_edges_from((c.name, k) for k in c.knows if k in names and k != c.name)
    return G


def blau_index(labels: Iterable[str]) -> float:
    """Blau's (1977) index of diversity: the chance that two contacts drawn at random (with
    replacement) differ; 0 when all are alike, close to 1 when all differ."""
    counts = np.array(list(Counter(s.strip().lower() for s in labels).values()), dtype=float)
    if counts.sum() == 0:
        return float("nan")
    shares = counts / counts.sum()
    return float(1 - (shares**2).sum())


def scorecard(contacts: Sequence[Contact], need: Iterable[str] = ()) -> dict[str, dict[str, object]]:
    """The ego-network scorecard: one row per measure with its value and what it means.

    Parameters
    ----------
    contacts : sequence of Contact
        The learner's contacts.
    need : iterable of str, default ()
        Industries or places the learner needs (for ``relevance``; any case).

    Returns
    -------
    dict of str to dict
        Measure -> ``{"value", "what it means"}``: size, quality, character (trust,
        reciprocity, only taking), relevance, diversity (Blau indices of industries and
        places) and bridges (effective size, constraint, lone contacts). Empty for no
        contacts.

    Examples
    --------
    >>> contacts, problems = parse_contacts_csv("name,industry,place,trust\\n"
    ...                                         "Ana,retail,Leeds,4\\nBen,banking,York,5\\n")
    >>> card = scorecard(contacts, need=["retail"])
    >>> card["contacts"]["value"], card["relevance"]["value"], card["bridges: effective size"]["value"]
    (2, 0.5, 2.0)
    """
    n = len(contacts)
    if n == 0:
        return {}
    G = ego_network(contacts)
    need_set = {s.strip().lower() for s in need if s and s.strip()}
    relevant = [c for c in contacts if c.industry.lower() in need_set or c.place.lower() in need_set]
    both_ways = [c for c in contacts if c.helps_you > 0 and c.you_help > 0]
    only_take = [c for c in contacts if c.helps_you > 0 and c.you_help == 0]
    lone = [c.name for c in contacts if G.degree(c.name) == 1]
    size = nx.effective_size(G, [EGO])[EGO]
    constraint = nx.constraint(G, [EGO])[EGO]
    industries, places = {c.industry.lower() for c in contacts}, {c.place.lower() for c in contacts}

    def row(value: object, meaning: str) -> dict[str, object]:
        return {"value": value, "what it means": meaning}

    return {
        "contacts": row(n, "people in your list"),
        "quality": row(float(np.median([c.contacts for c in contacts])),
                       "median number of people your contacts know"),
        "character: trust": row(float(np.mean([c.trust for c in contacts])), "mean trust, 1 to 5"),
        "character: reciprocity": row(len(both_ways) / n, "share of ties where help runs both ways"),
        "character: only taking": row(len(only_take), "contacts who help you whom you never help"),
        "relevance": row(len(relevant) / n if need_set else float("nan"),
                         "share of contacts in an industry or place you need"
                         + ("" if need_set else " (state a need to see it)")),
        "diversity: industries": row(blau_index(c.industry for c in contacts),
                                     "Blau index over " + plural(len(industries), "industry", "industries")),
        "diversity: places": row(blau_index(c.place for c in contacts),
                                 "Blau index over " + plural(len(places), "place")),
        "bridges: effective size": row(float(size), "contacts minus their redundancy (Burt 1992)"),
        "bridges: constraint": row(float(constraint), "low when your contacts do not know each other"),
        "bridges: lone contacts": row(len(lone), "contacts who know none of your others: "
                                      + (", ".join(lone[:6]) + (" ..." if len(lone) > 6 else "") if lone else "none")),
    }


#: An example: a consultant's contacts (invented for the course).
EXAMPLE_CSV = """name,industry,place,trust,helps_you,you_help,contacts,knows
Ana,consulting,Lyon,5,6,5,300,Ben;Chloe
Ben,consulting,Lyon,4,3,4,250,Chloe
Chloe,consulting,Lyon,4,2,2,180,
Dev,banking,Paris,3,1,0,900,Ana
Eva,logistics,Rotterdam,4,2,3,400,Femi
Femi,logistics,Rotterdam,3,0,1,350,
Gus,software,Berlin,2,1,1,1200,
Hana,retail,Lyon,5,4,0,150,Ana;Chloe
"""

#: The people of the closed circle below.
_EXAMPLE_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eva', 'Femi', 'Gus', 'Hana']

#: The same number of contacts, all from one firm and one city, all knowing each other.
CLOSED_CIRCLE_CSV = "name,industry,place,trust,helps_you,you_help,contacts,knows\n" + "".join(
    f"{p},consulting,Lyon,4,3,3,250,{';'.join(q for q in _EXAMPLE_NAMES if q != p)}\n"
    for p in ["Ana", "Ben", "Chloe", "Dev", "Eva", "Femi", "Gus", "Hana"])


# ------------------------------------------------------- friends of friends
def people_at_steps(G: nx.Graph, source: Any, max_steps: int = 3) -> list[int]:
    """How many people are exactly 1, 2, ..., ``max_steps`` steps from ``source``.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    source : node
        Where the steps start.
    max_steps : int, default 3
        The last step counted.

    Returns
    -------
    list of int
        One count per step.

    Examples
    --------
    >>> import networkx as nx
    >>> people_at_steps(nx.path_graph(5), 0)
    [1, 1, 1]
    >>> people_at_steps(nx.star_graph(4), 1, 2)  # the hub, then the other three
    [1, 3]
    """
    dist = nx.single_source_shortest_path_length(G, source, cutoff=max_steps)
    counts = np.bincount(np.fromiter(dist.values(), dtype=int), minlength=max_steps + 1)
    return counts[1:].tolist()


def geometric_steps(k: float, max_steps: int = 3) -> list[float]:
    """The essay's geometric progression: ``k`` friends, each with ``k - 1`` new friends, ...

    ``k (k - 1)^(s - 1)`` people at step ``s``: what a network without overlaps would give.

    Parameters
    ----------
    k : float
        Contacts per person.
    max_steps : int, default 3
        The last step.

    Returns
    -------
    list of float
        People at steps 1 to ``max_steps``.

    Examples
    --------
    >>> geometric_steps(6)
    [6, 30, 150]
    """
    return [k * (k - 1) ** (s - 1) for s in range(1, max_steps + 1)]


#: Synthetic networks for the reach comparison, all with n people and k contacts each on average.
REACH_NETWORKS: tuple[str, ...] = ("random regular", "small world", "ring lattice")


def reach_network(kind: str, n: int = 1000, k: int = 6, *, rewiring: float = 0.1, seed: int = 1) -> nx.Graph:
    """A network of ``n`` people with ``k`` contacts each: ``"random regular"`` (contacts drawn at
    random, almost no triangles), ``"small world"`` (Watts and Strogatz 1998, a ring with a share
    ``rewiring`` of ties moved at random) or ``"ring lattice"`` (the ring without rewiring)."""
    if kind == "random regular":
        return nx.random_regular_graph(k, n, seed=seed)
    if kind == "small world":
        return nx.watts_strogatz_graph(n, k, rewiring, seed=seed)
    if kind == "ring lattice":
        return nx.watts_strogatz_graph(n, k, 0.0, seed=seed)
    raise ValueError(f"kind must be one of {REACH_NETWORKS}, got {kind!r}")


def reach_runs(kind: str, *, n: int = 1000, k: int = 6, rewiring: float = 0.1, people: int = 20,
               max_steps: int = 3, seeds: Iterable[int] = range(20)) -> np.ndarray:
    """Mean number of people at 1..``max_steps`` steps from random people, one row per seed.

    Each seed builds a new network (:func:`reach_network`) and draws new people.

    Parameters
    ----------
    kind : str
        One of :data:`REACH_NETWORKS`: "random regular", "small world" or "ring lattice".
    n : int, default 1000
        People in the network.
    k : int, default 6
        Contacts per person.
    rewiring : float, default 0.1
        Share of ties moved at random in the small world.
    people : int, default 20
        Starting people drawn per seed.
    max_steps : int, default 3
        The last step counted.
    seeds : iterable of int, default range(20)
        The random seeds.

    Returns
    -------
    numpy.ndarray
        Shape ``(seeds, max_steps)``.

    Examples
    --------
    >>> reach_runs("ring lattice", n=100, people=5, seeds=range(2)).tolist()  # overlaps: 6 new a step
    [[6.0, 6.0, 6.0], [6.0, 6.0, 6.0]]
    >>> reach_runs("random regular", n=100, people=5, seeds=range(2))[:, 1].tolist()  # close to 30
    [27.2, 26.0]
    """
    rows = []
    G = None
    for s in seeds:
        if G is None or kind != "ring lattice":  # the ring lattice is the same at every seed
            G = reach_network(kind, n, k, rewiring=rewiring, seed=s)
        starts = np.random.default_rng(s).choice(n, size=people, replace=False)
        rows.append(np.mean([people_at_steps(G, int(v), max_steps) for v in starts], axis=0))
    return np.array(rows)


def friendship_paradox(G: nx.Graph) -> dict[str, float]:
    """Feld's (1991) friendship paradox: your contacts have more contacts than you, on average.

    Parameters
    ----------
    G : networkx.Graph
        The network.

    Returns
    -------
    dict of str to float
        ``person``: the mean number of contacts of a person; ``friend``: that of a
        person's contact (the mean over ties, which counts the well connected once per
        tie); ``share with better-connected friends``: the share of people (with any
        contact) whose contacts have more contacts, on average, than they do.

    Examples
    --------
    >>> import networkx as nx
    >>> friendship_paradox(nx.star_graph(4))  # four of five people know only the hub
    {'person': 1.6, 'friend': 2.5, 'share with better-connected friends': 0.8}
    """
    deg = dict(G.degree())
    people = [v for v in G if deg[v] > 0]
    mean_person = float(np.mean([deg[v] for v in G]))
    friend_means = {v: float(np.mean([deg[u] for u in G[v]])) for v in people}
    mean_friend = float(np.mean([deg[u] for v in people for u in G[v]]))
    fewer = float(np.mean([deg[v] < friend_means[v] for v in people]))
    return {"person": mean_person, "friend": mean_friend, "share with better-connected friends": fewer}


#: Synthetic networks for the friendship paradox, each of 1,000 people with 4 contacts on average.
PARADOX_NETWORKS: tuple[str, ...] = ("scale-free", "random", "random regular")


def paradox_gap(kind: str, seed: int = 1, n: int = 1000) -> float:
    """Mean contacts of a contact minus mean contacts of a person, in one seeded network:
    ``"scale-free"`` (Barabasi and Albert 1999, 2 ties per newcomer), ``"random"`` (Erdos and
    Renyi 1959, 2n ties) or ``"random regular"`` (everyone exactly 4 contacts)."""
    if kind == "scale-free":
        G = nx.barabasi_albert_graph(n, 2, seed=seed)
    elif kind == "random":
        G = nx.gnm_random_graph(n, 2 * n, seed=seed)
    elif kind == "random regular":
        G = nx.random_regular_graph(4, n, seed=seed)
    else:
        raise ValueError(f"kind must be one of {PARADOX_NETWORKS}, got {kind!r}")
    result = friendship_paradox(G)
    return result["friend"] - result["person"]


def neighbourhood_overlap(G: nx.Graph) -> dict[tuple[Any, Any], float]:
    """For every tie u - v, the share of the two people's other contacts that they have in
    common: common contacts / (contacts of u or v, u and v themselves left out). 0 marks a
    **local bridge** (Granovetter 1973): without the tie, u and v would be more than two steps
    apart. Easley and Kleinberg (2010, 3.3) call it the neighbourhood overlap.

    Examples
    --------
    >>> import networkx as nx
    >>> overlap = neighbourhood_overlap(nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3)]))
    >>> overlap[0, 1], overlap[2, 3]
    (1.0, 0.0)
    """
    out = {}
    for u, v in G.edges:
        others_u, others_v = set(G[u]) - {v}, set(G[v]) - {u}
        either = others_u | others_v
        out[u, v] = len(others_u & others_v) / len(either) if either else 0.0
    return out


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 1..n of the last axis, ties sharing their average rank."""
    x = np.asarray(x, dtype=float)
    order = np.argsort(x, axis=-1, kind="stable")
    ranks = np.empty_like(x)
    np.put_along_axis(ranks, order, np.arange(1, x.shape[-1] + 1, dtype=float)
                      * np.ones_like(x), axis=-1)
    flat = ranks.reshape(-1, x.shape[-1])
    for row, values in zip(flat, x.reshape(-1, x.shape[-1])):
        _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
        if (counts > 1).any():
            sums = np.bincount(inverse, weights=row)
            row[:] = (sums / counts)[inverse]
    return flat.reshape(x.shape)


def spearman(x: Sequence[float], y: np.ndarray) -> np.ndarray | float:
    """Spearman's rank correlation of ``x`` with ``y``, or with every row of a 2-d ``y`` (ties
    get their average rank, as in scipy's ``spearmanr``).

    Examples
    --------
    >>> round(float(spearman([1, 2, 3, 4], [1, 3, 2, 4])), 2)
    0.8
    """
    rx = _average_ranks(np.asarray(x, dtype=float))
    ry = _average_ranks(np.asarray(y, dtype=float))
    rx, ry = rx - rx.mean(), ry - ry.mean(axis=-1, keepdims=True)
    r = (ry @ rx) / np.sqrt((rx @ rx) * (ry * ry).sum(axis=-1))
    return float(r) if np.ndim(r) == 0 else r


def tie_strength_null(G: nx.Graph, *, weight: str = "weight", n: int = 1000, seed: int = 0,
                      statistics: Sequence[str] = ("spearman", "bridge gap")) -> dict[str, Any]:
    """Granovetter's (1973) claim on a network with measured tie strengths: stronger ties
    share more contacts, and local bridges are weak. The null model shuffles the strengths
    over the same ties ``n`` times (a permutation test: the network and the set of strengths
    stay, only which tie has which strength is left to chance).

    Returns ``observed`` and ``null`` (length ``n``) for two statistics: ``"spearman"``,
    the rank correlation of strength with :func:`neighbourhood_overlap`, and ``"bridge gap"``,
    the mean strength of the local bridges minus that of the other ties; plus the counts and
    the two means (``"bridges"``, ``"bridge mean"``, ``"other mean"``). ``statistics`` names
    the statistics to draw the null of (the bridge gap is cheap enough for 100,000 draws).

    Examples
    --------
    >>> import networkx as nx
    >>> test = tie_strength_null(nx.karate_club_graph(), n=200, seed=1)
    >>> test["bridges"], round(test["observed"]["spearman"], 2)
    (11, 0.45)
    """
    overlap = neighbourhood_overlap(G)
    ties = list(overlap)
    x = np.array([overlap[e] for e in ties])
    w = np.array([G.edges[e][weight] for e in ties], dtype=float)
    bridge = x == 0
    rng = np.random.default_rng(seed)
    shuffled = np.array([rng.permutation(w) for _ in range(n)])

    def gap(values: np.ndarray) -> np.ndarray:
        return values[..., bridge].mean(axis=-1) - values[..., ~bridge].mean(axis=-1)

    def measure(name: str, values: np.ndarray) -> np.ndarray | float:
        if name == "spearman":
            return spearman(x, values)
        if name == "bridge gap":
            return gap(values)
        raise ValueError(f"statistics are 'spearman' and 'bridge gap', got {name!r}")

    return {
        "observed": {name: float(measure(name, w)) for name in statistics},
        "null": {name: measure(name, shuffled) for name in statistics},
        "bridges": int(bridge.sum()),
        "bridge mean": float(w[bridge].mean()),
        "other mean": float(w[~bridge].mean()),
    }
