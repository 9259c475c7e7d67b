"""Chapter 5: who holds influence. Five centralities, their rankings and how far they agree.

- degree (share of the others a node is tied to), closeness (Freeman 1979: one over the mean
  distance to the others), betweenness (Freeman 1977, 1979: the share of shortest paths between
  other pairs that pass through the node), eigenvector (Bonacich 1972: a node is central when its
  contacts are central) and PageRank (Brin and Page 1998: a random walk that follows ties and,
  with probability 0.15 a step, jumps anywhere);
- their rank correlations (Spearman's rho, Kendall's tau-b): 1 when two measures order the nodes
  the same way, 0 when their orders are unrelated.
"""

from __future__ import annotations

from typing import Callable, Hashable, Mapping, Sequence

import networkx as nx
import numpy as np

from snb.models.firm import org_rank, synthetic_firm

__all__ = ["MEASURES", "centralities", "ranking", "rank_correlations", "spearman",
           "kendall_tau_b", "brokerage", "biggest_disagreement",
           "firm_study"]

Scores = dict[Hashable, float]


def _eigenvector(G: nx.Graph, weight: str | None) -> Scores:
    """Eigenvector centrality; in a directed network a node scores from the arcs it receives
    (power iteration, which also settles when not everyone can reach everyone)."""
    if G.is_directed():
        return nx.eigenvector_centrality(G, weight=weight, max_iter=10_000, tol=1e-10)
    return nx.eigenvector_centrality_numpy(G, weight=weight)


#: The five centralities, in teaching order; each takes (graph, weight attribute or None).
MEASURES: dict[str, Callable[[nx.Graph, str | None], Scores]] = {
    "degree": lambda G, weight: (nx.in_degree_centrality(G) if G.is_directed() else nx.degree_centrality(G)),
    "closeness": lambda G, weight: nx.closeness_centrality(G),
    "betweenness": lambda G, weight: nx.betweenness_centrality(G),
    "eigenvector": _eigenvector,
    "PageRank": lambda G, weight: nx.pagerank(G, weight=weight),
}


def centralities(G: nx.Graph, measures: tuple[str, ...] = tuple(MEASURES), *,
                 weight: str | None = None) -> dict[str, Scores]:
    """Each measure's score for every node: ``{measure: {node: score}}``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. In a directed network, degree counts the arcs a node receives
        (in-degree) and closeness the distances from the others to it.
    measures : tuple of str, default all of MEASURES
        Names from :data:`MEASURES`: "degree", "closeness", "betweenness",
        "eigenvector", "PageRank".
    weight : str, optional
        An edge attribute used by eigenvector and PageRank only; the others ignore it
        (closeness and betweenness would read it as a distance).

    Returns
    -------
    dict of str to dict of node to float
        Scores by measure.

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> table = centralities(load_tiny_team(), ("degree", "betweenness"))
    >>> table["degree"]["Ana"], round(table["betweenness"]["Dev"], 2)
    (0.5, 0.6)
    """
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measures {unknown}; choose from {list(MEASURES)}")
    return {m: {v: float(s) for v, s in MEASURES[m](G, weight).items()} for m in measures}


def ranking(scores: Mapping[Hashable, float], k: int | None = None) -> list[Hashable]:
    """Nodes from the highest score down (ties: by name), the first ``k`` of them.

    Parameters
    ----------
    scores : mapping of node to float
        Everyone's score.
    k : int, optional
        How many to keep; all by default.

    Returns
    -------
    list
        The nodes, best first.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> table = centralities(load_tiny_team(), ("degree", "betweenness"))
    >>> ranking(table["betweenness"], 3)
    ['Dev', 'Ana', 'Eva']
    """
    order = sorted(scores, key=lambda v: (-scores[v], str(v)))
    return order if k is None else order[:k]


def rank_correlations(table: Mapping[str, Mapping[Hashable, float]], method: str = "spearman"
                      ) -> dict[tuple[str, str], float]:
    """Rank correlation of every pair of measures over the same nodes.

    Parameters
    ----------
    table : mapping of str to mapping of node to float
        Scores by measure, all over the same nodes.
    method : {"spearman", "kendall"}, default "spearman"
        Spearman's rho, or Kendall's tau-b (which handles ties).

    Returns
    -------
    dict of (str, str) to float
        One correlation per pair of measures, in the table's order.

    Raises
    ------
    ValueError
        For an unknown method.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> table = centralities(load_tiny_team(), ("degree", "betweenness"))
    >>> {pair: round(r, 3) for pair, r in rank_correlations(table).items()}
    {('degree', 'betweenness'): 0.529}
    """
    if method not in ("spearman", "kendall"):
        raise ValueError(f"method must be 'spearman' or 'kendall', got {method!r}")
    names = list(table)
    nodes = list(table[names[0]]) if names else []
    correlation = spearman if method == "spearman" else kendall_tau_b
    out = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            out[(a, b)] = correlation([table[a][v] for v in nodes], [table[b][v] for v in nodes])
    return out


def _average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 1 to n, tied values sharing their average rank (``scipy.stats.rankdata``)."""
    values, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)  # the highest rank of each distinct value
    return ((2 * last - counts + 1) / 2)[inverse]


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: the correlation of the two lists' average ranks; ``nan`` when one
    list is constant. The value of ``scipy.stats.spearmanr(x, y)[0]``, to the last digit
    (a test compares them), without importing scipy.stats (~0.4 s on every page)."""
    a = np.column_stack((np.asarray(x, dtype=float), np.asarray(y, dtype=float)))
    if len(a) < 2 or (a[:, 0] == a[0, 0]).all() or (a[:, 1] == a[0, 1]).all():
        return float("nan")
    ranked = np.column_stack((_average_ranks(a[:, 0]), _average_ranks(a[:, 1])))
    return float(np.corrcoef(ranked, rowvar=False)[1, 0])


def kendall_tau_b(x: Sequence[float], y: Sequence[float]) -> float:
    """Kendall's tau-b over every pair of positions ``i < j``: (concordant minus discordant
    pairs) / sqrt((pairs not tied in x) * (pairs not tied in y)); ``nan`` when one list is
    constant. The value of ``scipy.stats.kendalltau(x, y)[0]`` (a test compares them)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    i, j = np.triu_indices(len(x), 1)
    sx, sy = np.sign(x[i] - x[j]), np.sign(y[i] - y[j])
    pairs, x_ties, y_ties = len(i), int((sx == 0).sum()), int((sy == 0).sum())
    if pairs == 0 or x_ties == pairs or y_ties == pairs:
        return float("nan")
    tau = int((sx * sy).sum()) / np.sqrt(pairs - x_ties) / np.sqrt(pairs - y_ties)
    return float(min(1.0, max(-1.0, tau)))


def brokerage(G: nx.Graph) -> dict[str, object]:
    """The node with the highest normalised betweenness, the runner-up and the ratio of their scores."""
    b = nx.betweenness_centrality(G)
    first, second = ranking(b, 2)
    return {"top": first, "betweenness": b[first], "next": second, "next betweenness": b[second],
            "ratio": b[first] / b[second]}


def biggest_disagreement(table: Mapping[str, Mapping[Hashable, float]], a: str, b: str
                         ) -> tuple[Hashable, int, int]:
    """The node whose rank (1 = top) differs most between measures ``a`` and ``b``.

    Parameters
    ----------
    table : mapping of str to mapping of node to float
        Scores by measure, as from :func:`centralities`.
    a, b : str
        The two measures.

    Returns
    -------
    (node, int, int)
        The node, its rank by ``a`` and its rank by ``b`` (ranks as in :func:`ranking`).

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> table = centralities(load_tiny_team(), ("degree", "betweenness"))
    >>> biggest_disagreement(table, "degree", "betweenness")  # Dev: few ties, many paths
    ('Dev', 5, 1)
    """
    pos_a = {v: i + 1 for i, v in enumerate(ranking(table[a]))}
    pos_b = {v: i + 1 for i, v in enumerate(ranking(table[b]))}
    node = max(pos_a, key=lambda v: (abs(pos_a[v] - pos_b[v]), -min(pos_a[v], pos_b[v])))
    return node, pos_a[node], pos_b[node]


def firm_study(seeds=range(20), top: int = 5, **settings) -> dict[str, np.ndarray]:
    """Influence against rank in chapter 4's synthetic firm, one value per seed (a new firm each):

    - ``spearman``: rank correlation between org rank (people below in the org chart) and
      betweenness in the informal network;
    - ``brokers in top``: how many of the ``top`` people by betweenness are planted brokers;
    - ``bosses in top``: how many of them have anyone reporting to them.
    """
    out: dict[str, list[float]] = {"spearman": [], "brokers in top": [], "bosses in top": []}
    for s in seeds:
        firm = synthetic_firm(seed=s, **settings)
        rank = org_rank(firm.org)
        between = nx.betweenness_centrality(firm.informal)
        out["spearman"].append(rank_correlations({"rank": rank, "betweenness": between})["rank", "betweenness"])
        leaders = ranking(between, top)
        out["brokers in top"].append(sum(v in firm.brokers for v in leaders))
        out["bosses in top"].append(sum(rank[v] > 0 for v in leaders))
    return {k: np.array(v, dtype=float) for k, v in out.items()}
