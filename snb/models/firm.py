"""A seeded synthetic firm: an org chart and the informal advice network of the same people.

Real data (Krackhardt's 21 managers) show what one firm looked like; a model firm whose
ground truth is known shows what the real data cannot: whether a measure finds the
people planted as brokers, and what a policy changes, over many random firms.

:func:`synthetic_firm` builds, for ``people`` people in ``departments`` departments:

- **the org chart** (``Firm.org``): a reports-to tree, an arc ``person -> boss``; the CEO
  (person 0, in the one-person "head office", department 0) is its only root; each
  department has a head who reports to the CEO, and everyone else reports to someone of
  their own department, at most ``span`` people per boss;
- **the informal network** (``Firm.informal``, undirected): who talks to whom for advice.
  Each person talks to their boss with probability ``boss_tie``; colleagues of the same
  department are tied at random so that the mean number of such ties is
  ``within_degree``; ties across departments are added at random until they are a share
  ``cross_rate`` of these ordinary ties (in the spirit of Krackhardt and Hanson 1993:
  most advice stays inside a unit); the brokers' ties below come on top; anyone left
  with no tie at all goes to their boss;
- **planted brokers** (``Firm.brokers``, the ground truth): ``brokers`` ordinary staff
  (never a boss), each with ``broker_ties`` extra ties spread over the other departments,
  the boundary spanners or "evangelists" of the chapter.

Every node of both graphs has ``department`` (0 for the head office, 1 to
``departments``), ``level`` (1 CEO, 2 department head, 3 and more below, as Krackhardt's
coding) and ``broker`` (True for a planted broker). Same arguments, same firm.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from snb.assumptions import Parameter

__all__ = ["Firm", "synthetic_firm", "firm_parameters", "cross_department_ties", "block_cross_department",
           "blocked_ties", "org_rank", "MIN_PEOPLE", "MAX_PEOPLE"]

#: The sizes the model supports.
MIN_PEOPLE, MAX_PEOPLE = 20, 2000


@dataclass(frozen=True)
class Firm:
    """A synthetic firm (see the module's description)."""

    org: nx.DiGraph
    informal: nx.Graph
    brokers: frozenset
    seed: int

    @property
    def people(self) -> int:
        return self.org.number_of_nodes()

    @property
    def departments(self) -> int:
        return max(d for _, d in self.org.nodes(data="department"))

    def department_of(self, person: int) -> int:
        return self.org.nodes[person]["department"]


def _check(people: int, departments: int, span: int, within_degree: float, cross_rate: float,
           brokers: int, broker_ties: int, boss_tie: float) -> None:
    if not isinstance(people, (int, np.integer)) or not MIN_PEOPLE <= people <= MAX_PEOPLE:
        raise ValueError(f"people must be a whole number from {MIN_PEOPLE} to {MAX_PEOPLE}, got {people!r}")
    if not isinstance(departments, (int, np.integer)) or not 2 <= departments <= (people - 1) // 4:
        raise ValueError(f"need 2 to {(people - 1) // 4} departments of at least 4 people, got {departments!r}")
    if span < 2:
        raise ValueError(f"span must be at least 2, got {span!r}")
    if not 0 <= cross_rate < 1 or not 0 <= boss_tie <= 1:
        raise ValueError("cross_rate must be in [0, 1) and boss_tie in [0, 1]")
    smallest = (people - 1) // departments
    if not 0 <= within_degree <= smallest - 1:
        raise ValueError(f"within_degree must be 0 to {smallest - 1} (the smallest department has {smallest} "
                         f"people), got {within_degree!r}")
    if not 0 <= brokers <= people // 10 or broker_ties < 0:
        raise ValueError(f"brokers must be 0 to {people // 10} (a tenth of the firm), broker_ties >= 0")


def _random_pairs(rng: np.random.Generator, members: np.ndarray, count: int,
                  taken: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """``count`` new random pairs of distinct ``members`` not in ``taken`` (updated)."""
    found: list[tuple[int, int]] = []
    while len(found) < count:
        draw = rng.choice(members, size=(2 * (count - len(found)) + 8, 2))
        for a, b in draw.tolist():
            pair = (a, b) if a < b else (b, a)
            if a != b and pair not in taken:
                taken.add(pair)
                found.append(pair)
                if len(found) == count:
                    break
    return found


def synthetic_firm(people: int = 100, departments: int = 5, *, span: int = 5, within_degree: float = 4.0,
                   cross_rate: float = 0.1, brokers: int = 4, broker_ties: int = 6, boss_tie: float = 0.7,
                   seed: int = 1) -> Firm:
    """A seeded synthetic firm: org chart, informal network and planted brokers.

    See the module's description for the rules and :func:`firm_parameters` for the
    defaults as a table.

    Parameters
    ----------
    people : int, default 100
        Size of the firm, the CEO (person 0) included; 20 to 2000.
    departments : int, default 5
        Departments of about equal size, plus the CEO's head office (department 0).
    span : int, default 5
        Most people reporting to one boss.
    within_degree : float, default 4.0
        Mean number of advice ties to colleagues of the same department.
    cross_rate : float, default 0.1
        Share of ordinary informal ties (brokers' aside) that cross departments.
    brokers : int, default 4
        Ordinary staff planted as boundary spanners (the ground truth).
    broker_ties : int, default 6
        Extra ties of each broker, spread over other departments.
    boss_tie : float, default 0.7
        Chance that a person also goes to their own boss for advice.
    seed : int, default 1
        Random seed: the same seed gives the same firm.

    Returns
    -------
    Firm
        ``org`` (the chart, arcs to each person's boss), ``informal`` (the undirected
        advice network), ``brokers`` (the planted brokers) and ``seed``. Nodes are
        0 to ``people - 1`` with the attributes ``department``, ``level`` and ``broker``.

    Raises
    ------
    ValueError
        For parameters out of range.

    Examples
    --------
    >>> firm = synthetic_firm()
    >>> firm.org.number_of_nodes(), firm.informal.number_of_edges(), sorted(firm.brokers)
    (100, 248, [53, 72, 86, 91])
    >>> org_rank(firm.org)[0]  # everyone else reports, in the end, to the CEO
    99
    """
    _check(people, departments, span, within_degree, cross_rate, brokers, broker_ties, boss_tie)
    rng = np.random.default_rng(seed)
    department = np.concatenate([[0], rng.permutation(np.arange(people - 1) % departments + 1)])
    org = nx.DiGraph(name="org chart", source="synthetic firm (invented for the course)", seed=seed)
    org.add_node(0, department=0, level=1, broker=False)
    bosses: set[int] = set()
    for d in range(1, departments + 1):
        members = np.flatnonzero(department == d)
        for i, person in enumerate(members.tolist()):
            boss = 0 if i == 0 else int(members[(i - 1) // span])
            level = org.nodes[boss]["level"] + 1
            org.add_node(person, department=d, level=level, broker=False)
            org.add_edge(person, boss)
            bosses.add(boss)
    informal = nx.Graph(name="informal advice network", source="synthetic firm (invented for the course)",
                        seed=seed)
    informal.add_nodes_from(org.nodes(data=True))
    taken: set[tuple[int, int]] = set()
    keep = rng.random(people) < boss_tie
    for person, boss in org.edges:
        if keep[person]:
            taken.add((min(person, boss), max(person, boss)))
    for d in range(1, departments + 1):
        members = np.flatnonzero(department == d)
        wanted = int(round(len(members) * within_degree / 2))
        already = sum(1 for a, b in taken if department[a] == department[b] == d)
        _random_pairs(rng, members, max(0, wanted - already), taken)
    within = len(taken)
    cross_wanted = int(round(cross_rate / (1 - cross_rate) * within))
    everyone = np.arange(people)
    cross: list[tuple[int, int]] = []
    while len(cross) < cross_wanted:
        a, b = rng.choice(everyone, size=2).tolist()
        pair = (min(a, b), max(a, b))
        if department[a] != department[b] and pair not in taken:
            taken.add(pair)
            cross.append(pair)
    staff = np.array([p for p in range(1, people) if p not in bosses])
    planted = rng.choice(staff, size=brokers, replace=False).tolist() if brokers else []
    for person in planted:
        others = [d for d in rng.permutation(np.arange(1, departments + 1)).tolist() if d != department[person]]
        for k in range(broker_ties):
            there = np.flatnonzero(department == others[k % len(others)])
            for _ in range(50):
                other = int(rng.choice(there))
                pair = (min(person, other), max(person, other))
                if pair not in taken:
                    taken.add(pair)
                    break
        org.nodes[person]["broker"] = informal.nodes[person]["broker"] = True
    informal.add_edges_from(sorted(taken))
    informal.add_edges_from((v, next(iter(org[v]))) for v in list(nx.isolates(informal)) if v != 0)
    return Firm(org=org, informal=informal, brokers=frozenset(int(p) for p in planted), seed=seed)


def firm_parameters(people: int = 100, departments: int = 5, *, span: int = 5, within_degree: float = 4.0,
                    cross_rate: float = 0.1, brokers: int = 4, broker_ties: int = 6, boss_tie: float = 0.7,
                    seed: int = 1) -> list:
    """The synthetic firm's parameters as :class:`~snb.assumptions.Parameter` rows.

    Parameters
    ----------
    people : int, default 100
        Size of the firm, the CEO (person 0) included; 20 to 2000.
    departments : int, default 5
        Departments of about equal size, plus the CEO's head office (department 0).
    span : int, default 5
        Most people reporting to one boss.
    within_degree : float, default 4.0
        Mean number of advice ties to colleagues of the same department.
    cross_rate : float, default 0.1
        Share of ordinary informal ties (brokers' aside) that cross departments.
    brokers : int, default 4
        Ordinary staff planted as boundary spanners (the ground truth).
    broker_ties : int, default 6
        Extra ties of each broker, spread over other departments.
    boss_tie : float, default 0.7
        Chance that a person also goes to their own boss for advice.
    seed : int, default 1
        Random seed: the same seed gives the same firm.

    Returns
    -------
    list of snb.assumptions.Parameter
        One row per parameter, in the order above but ``boss_tie`` fourth.

    Examples
    --------
    >>> rows = firm_parameters(people=50)
    >>> len(rows), rows[0].value, rows[0].meaning
    (9, 50, 'size of the firm (the model allows 20 to 2000)')
    """
    return [
        Parameter("people", people, f"size of the firm (the model allows {MIN_PEOPLE} to {MAX_PEOPLE})"),
        Parameter("departments", departments, "departments of about equal size, plus the CEO's head office"),
        Parameter("span", span, "most people reporting to one boss (span of control)"),
        Parameter("boss_tie", boss_tie, "chance that a person also goes to their own boss for advice"),
        Parameter("within_degree", within_degree, "mean number of advice ties to colleagues of the same "
                                                  "department"),
        Parameter("cross_rate", cross_rate, "share of ordinary informal ties (brokers' aside) that cross departments",
                  "assumption; most advice stays inside units (Krackhardt and Hanson 1993)"),
        Parameter("brokers", brokers, "ordinary staff planted as boundary spanners (the ground truth)"),
        Parameter("broker_ties", broker_ties, "extra ties of each broker, spread over other departments"),
        Parameter("seed", seed, "random seed: the same seed gives the same firm"),
    ]


def cross_department_ties(G: nx.Graph, *, head_office: bool = True) -> list[tuple]:
    """The ties of ``G`` between people of different departments (node attribute
    ``department``), in edge order; ``head_office=False`` leaves out the ties of the head
    office (department 0, the CEO)."""
    dept = G.nodes
    return [(a, b) for a, b in G.edges if dept[a]["department"] != dept[b]["department"]
            and (head_office or 0 not in (dept[a]["department"], dept[b]["department"]))]


def block_cross_department(G: nx.Graph, share: float, *, seed: int = 1) -> nx.Graph:
    """A copy of ``G`` without a random share ``share`` (0 to 1) of its cross-department
    ties: a blocking policy that closes the channels (social tools, open forums) through
    which people reach colleagues in other departments. Ties inside departments stay, and so
    do the CEO's (head office) ties: the chain of command is not a social tool."""
    H = G.copy()
    H.remove_edges_from(blocked_ties(G, share, seed=seed))
    return H


def blocked_ties(G: nx.Graph, share: float, *, seed: int = 1) -> list[tuple]:
    """The ties :func:`block_cross_department` removes with the same ``share`` and ``seed``."""
    if not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, got {share!r}")
    cross = cross_department_ties(G, head_office=False)
    count = int(round(share * len(cross)))
    if not count:
        return []
    rng = np.random.default_rng(seed)
    return [cross[i] for i in rng.choice(len(cross), size=count, replace=False).tolist()]


def org_rank(org: nx.DiGraph) -> dict:
    """Each person's rank in the org chart: the number of people below them.

    Direct and indirect reports both count, so the CEO ranks highest and ordinary
    staff have 0.

    Parameters
    ----------
    org : networkx.DiGraph
        The org chart, arcs pointing from each person to their boss.

    Returns
    -------
    dict of node to int
        Person -> number of people below them.

    Examples
    --------
    >>> import networkx as nx
    >>> chart = nx.DiGraph([("Ben", "Ana"), ("Chloe", "Ana"), ("Dev", "Ben")])
    >>> org_rank(chart)
    {'Ben': 1, 'Ana': 3, 'Chloe': 0, 'Dev': 0}
    """
    return {v: len(nx.ancestors(org, v)) for v in org}
