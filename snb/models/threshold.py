"""Complex contagion: Granovetter's (1978) threshold model, and where to seed it (chapter 4).

A person adopts a practice (a new tool, a way of working) once **enough** of their contacts
have: at least ``k`` of them (an absolute threshold), or at least a share ``theta`` of them
(a fractional threshold). One contact is enough for news (simple contagion, chapter 1's
cascade); a practice that costs effort or needs others to use it too asks for several
(complex contagion: Centola and Macy 2007; Centola 2010). Adoption never reverses.

:func:`spread` is the readable rule, round by round; :func:`spread_fast` is the same rule on
an adjacency matrix for sweeps (tested to agree). :func:`seed_sets` names the two ways of
choosing a rollout's first users the chapter compares: **brokers** (the best-connected
person of each department, spread across the firm: the "evangelist as broker" of the essay)
against **clustered** (one person and their closest colleagues, all in one department).
Everything here is deterministic once the network and the seeds are given; the chance in
the chapter's comparisons comes from the firm (one random firm per seed) and which
department is chosen.
"""

from __future__ import annotations

from typing import Hashable, Iterable

import networkx as nx
import numpy as np

__all__ = ["spread", "spread_fast", "seed_sets", "SEEDINGS", "threshold_parameters", "rollout", "ROLLOUT_FIRM"]

#: The synthetic firm of page 4.4, its explorer and its verdicts (chapter 4's model with
#: departments of twenty people; :func:`snb.models.firm.synthetic_firm`'s settings).
ROLLOUT_FIRM: dict[str, float] = {"people": 120, "departments": 6, "brokers": 5, "within_degree": 6.0,
                                  "cross_rate": 0.15}

#: The two seedings the chapter compares.
SEEDINGS: tuple[str, ...] = ("brokers", "clustered")


def _rule(k: int | None, theta: float | None) -> tuple[int | None, float | None]:
    if (k is None) == (theta is None):
        raise ValueError("give exactly one of k (contacts) or theta (share of contacts)")
    if k is not None and (isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1):
        raise ValueError(f"k must be a whole number of at least 1, got {k!r}")
    if theta is not None and not 0 < float(theta) <= 1:
        raise ValueError(f"theta must be in (0, 1], got {theta!r}")
    return k, (None if theta is None else float(theta))


def spread(G: nx.Graph, seeds: Iterable[Hashable], *, k: int | None = None, theta: float | None = None,
           rounds: int | None = None) -> list[set]:
    """Adopters round by round under a threshold rule (the readable version).

    Parameters
    ----------
    G : nx.Graph
        Who talks to whom (undirected; a directed graph is read as undirected).
    seeds : iterable
        The first adopters (round 0).
    k, theta : int or float
        Exactly one: adopt when at least ``k`` contacts have adopted, or at least a share
        ``theta`` of one's contacts (Granovetter 1978).
    rounds : int, optional
        Stop after this many rounds (None: until nobody new adopts).

    Returns
    -------
    list of set
        ``out[t]``: everyone who has adopted after round ``t`` (``out[0]`` the seeds).

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> [sorted(s) for s in spread(G, [0], k=1)]
    [[0], [0, 1], [0, 1, 2], [0, 1, 2, 3]]
    >>> [sorted(s) for s in spread(G, [0], k=2)]
    [[0]]
    """
    k, theta = _rule(k, theta)
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    adopted = set(seeds)
    missing = adopted - set(H)
    if missing:
        raise ValueError(f"seeds not in the network: {sorted(map(str, missing))[:5]}")
    history = [set(adopted)]
    while rounds is None or len(history) <= rounds:
        new = set()
        for person in H:
            if person in adopted:
                continue
            contacts = list(H[person])
            if not contacts:
                continue
            have = sum(1 for c in contacts if c in adopted)
            if (k is not None and have >= k) or (theta is not None and have >= theta * len(contacts) - 1e-12):
                new.add(person)
        if not new:
            break
        adopted |= new
        history.append(set(adopted))
    return history


def spread_fast(A: np.ndarray, seeds: np.ndarray, *, k: int | None = None, theta: float | None = None,
                rounds: int | None = None) -> np.ndarray:
    """:func:`spread`'s final adopters for many seed sets at once, on an adjacency matrix.

    ``A``: symmetric 0/1 matrix (n x n); ``seeds``: boolean array (m, n), one seed set a
    row. Returns a boolean array (m, n): who has adopted at the end (or after ``rounds``).

    Examples
    --------
    >>> A = nx.to_numpy_array(nx.path_graph(4))
    >>> int(spread_fast(A, np.array([[True, False, False, False]]), k=1).sum())
    4
    """
    k, theta = _rule(k, theta)
    A = np.asarray(A, dtype=float)
    state = np.atleast_2d(np.asarray(seeds, dtype=bool)).copy()
    degree = A.sum(axis=1)
    need = np.full(len(A), float(k)) if k is not None else theta * degree - 1e-12
    need = np.where(degree > 0, need, np.inf)
    t = 0
    while rounds is None or t < rounds:
        have = state.astype(float) @ A
        new = (have >= need) & ~state
        if not new.any():
            break
        state |= new
        t += 1
    return state


def seed_sets(G: nx.Graph, budget: int, how: str, *, department: int | None = None,
              attribute: str = "department") -> list:
    """The first adopters of a rollout, chosen one of :data:`SEEDINGS` ways.

    - ``"brokers"``: the people with the most ties to other departments, at most one per
      department, taken in turn over the departments (ties broken by degree, then id);
    - ``"clustered"``: in ``department`` (default: the largest), the person with the most ties inside it
      and then, repeatedly, the colleague of that department with the most ties to those
      already chosen (a tight group).

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)])
    >>> nx.set_node_attributes(G, {0: 1, 1: 1, 2: 1, 3: 2}, "department")
    >>> seed_sets(G, 2, "clustered")  # department 1: 0, then the colleague tied to 0
    [0, 1]
    """
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    dept = dict(H.nodes(data=attribute))
    if budget < 1 or budget > len(H):
        raise ValueError(f"budget must be 1 to {len(H)}, got {budget!r}")
    deg = dict(H.degree())
    if how == "brokers":
        outside = {v: sum(1 for u in H[v] if dept[u] != dept[v]) for v in H}
        ranked = sorted(H, key=lambda v: (-outside[v], -deg[v], v))
        chosen: list = []
        used: set = set()
        while len(chosen) < budget:
            for v in ranked:
                if v not in chosen and dept[v] not in used:
                    chosen.append(v)
                    used.add(dept[v])
                    if len(chosen) == budget:
                        break
            used = set()
        return chosen
    if how == "clustered":
        groups: dict = {}
        for v, d in dept.items():
            groups.setdefault(d, []).append(v)
        if department is None:
            department = max(groups, key=lambda d: (len(groups[d]), -d if isinstance(d, int) else 0))
        members = set(groups.get(department, []))
        if len(members) < budget:
            raise ValueError(f"department {department!r} has {len(members)} people, fewer than {budget}")
        first = max(sorted(members), key=lambda v: sum(1 for u in H[v] if u in members))
        chosen = [first]
        while len(chosen) < budget:
            rest = sorted(members - set(chosen))
            chosen.append(max(rest, key=lambda v: (sum(1 for u in H[v] if u in chosen),
                                                   sum(1 for u in H[v] if u in members))))
        return chosen
    raise ValueError(f"how must be one of {SEEDINGS}, got {how!r}")


def rollout(G: nx.Graph, budget: int, *, k: int | None = None, theta: float | None = None,
            rounds: int | None = None, departments: Iterable | None = None) -> dict[str, float]:
    """Share of people who end up adopting, for broker seeding and for clustered seeding.

    Clustered seeding is tried in each of ``departments`` and averaged: which department
    a rollout starts in is not the question. The seeds are those of :func:`seed_sets`;
    the spread is :func:`spread`'s rule, run for all seed sets at once.

    Parameters
    ----------
    G : networkx.Graph
        Who talks to whom, nodes carrying ``department`` (a directed graph is read as
        undirected).
    budget : int
        First adopters of each rollout.
    k : int, optional
        Adopt when at least ``k`` contacts have adopted.
    theta : float, optional
        Adopt when at least a share ``theta`` of one's contacts have adopted (give exactly
        one of ``k`` and ``theta``).
    rounds : int, optional
        Stop after this many rounds (None: until nobody new adopts).
    departments : iterable, optional
        Where clustered seeding may start; by default every department with at least
        ``budget`` people.

    Returns
    -------
    dict of str to float
        ``{"brokers": share, "clustered": share}``: the shares of everyone who adopted.

    Examples
    --------
    >>> G = nx.caveman_graph(3, 4)  # three closed groups of four
    >>> nx.set_node_attributes(G, {v: v // 4 for v in G}, "department")
    >>> rollout(G, 2, k=2)  # two in one group win it over; one in each of two groups, no one
    {'brokers': 0.16666666666666666, 'clustered': 0.3333333333333333}
    """
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    A = nx.to_numpy_array(H, nodelist=nodes, weight=None)
    dept = dict(H.nodes(data="department"))
    if departments is None:
        sizes: dict = {}
        for d in dept.values():
            sizes[d] = sizes.get(d, 0) + 1
        departments = [d for d in sorted(sizes) if sizes[d] >= budget]
    sets = [seed_sets(H, budget, "brokers")] + [seed_sets(H, budget, "clustered", department=d)
                                                 for d in departments]
    S = np.zeros((len(sets), len(nodes)), dtype=bool)
    for r, chosen in enumerate(sets):
        S[r, [index[v] for v in chosen]] = True
    final = spread_fast(A, S, k=k, theta=theta, rounds=rounds).mean(axis=1)
    return {"brokers": float(final[0]), "clustered": float(final[1:].mean())}


def threshold_parameters(*, budget: int = 6, people: int = 120, departments: int = 6) -> list:
    """The rollout study's parameters as :class:`~snb.assumptions.Parameter` rows.

    Parameters
    ----------
    budget : int, default 6
        First users the rollout can train.
    people : int, default 120
        Staff of the synthetic firm.
    departments : int, default 6
        Departments of the firm.

    Returns
    -------
    list of snb.assumptions.Parameter
        People, departments, budget, the threshold and the no-reverting rule.

    Examples
    --------
    >>> [row.name for row in threshold_parameters(budget=4)]
    ['people', 'departments', 'budget', 'k or theta', 'reverting']
    """
    from snb.assumptions import Parameter

    return [
        Parameter("people", people, "staff of the synthetic firm (chapter 4's model; assumption)"),
        Parameter("departments", departments, "departments of the firm (assumption)"),
        Parameter("budget", budget, "first users the rollout can train (assumption)"),
        Parameter("k or theta", "swept", "contacts (or share of contacts) who must use the tool before a "
                  "person does (Granovetter 1978; values are assumptions)"),
        Parameter("reverting", "never", "nobody stops using the tool once started (assumption)"),
    ]
