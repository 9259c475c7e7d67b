"""Missing answers: what non-response does to who looks central (chapter 7, page 2).

A survey network is only as complete as its answers. When person ``i`` does not answer,
the ties ``i`` would have named are missing; ties others name to ``i`` remain. As in most
organisational surveys, the observed network is symmetrised by the **union rule**: a tie
exists when either person named the other, so a tie between a respondent and a
non-respondent survives if the respondent named it, and a tie between two
non-respondents is lost. Borgatti, Carley and Krackhardt (2006) measured how much such
damage moves centrality rankings; this module repeats their kind of study on Krackhardt's
managers and on the synthetic firm of chapter 4.

Two ways of not answering:

- ``"random"``: every person is equally likely to be missing;
- ``"busiest"``: the busiest answer least: the chance of being missing grows with a
  person's true number of ties (weights ``degree + 1``, drawn without replacement).

Measures are computed on the symmetrised network: **degree** (ties) and **betweenness**
(shortest paths through a person). Two ways of comparing the damaged ranking with the
true one: **rank correlation** (Spearman's, average ranks for ties) and **top-k overlap**
(the share of the true top ``k`` still in the top ``k``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import igraph as ig
import networkx as nx
import numpy as np

from snb.models import firm

__all__ = [
    "MODES", "MEASURES", "K", "adjacency", "krackhardt_advice", "firm_advice", "respondents", "observe", "scores",
    "rank_correlation", "top_k", "top_k_overlap", "damage", "study", "study_parameters", "intervals",
    "criterion_intervals"
]

#: The ways of not answering.
MODES = ("random", "busiest")
#: The measures compared (on the symmetrised network).
MEASURES = ("betweenness", "degree")
#: The size of the "top" list compared: the five people a manager would be told about.
K = 5


def adjacency(G: nx.Graph, nodes: Sequence | None = None) -> np.ndarray:
    """The 0/1 adjacency matrix of ``G`` (directed: row ``i`` = the ties ``i`` names).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (weights are ignored).
    nodes : sequence, optional
        The order of rows and columns; graph order by default.

    Returns
    -------
    numpy.ndarray
        A square matrix of 0.0 and 1.0.

    Examples
    --------
    >>> adjacency(nx.path_graph(3)).astype(int).tolist()
    [[0, 1, 0], [1, 0, 1], [0, 1, 0]]
    >>> adjacency(nx.DiGraph([(0, 1)])).astype(int).tolist()  # 0 names 1, not the reverse
    [[0, 1], [0, 0]]
    """
    return (nx.to_numpy_array(G, nodelist=list(nodes) if nodes is not None else list(G), weight=None) > 0
            ).astype(float)


def krackhardt_advice() -> np.ndarray:
    """Krackhardt's (1987) advice network as a directed 21 x 21 matrix.

    Returns
    -------
    numpy.ndarray
        Row ``i``, column ``j``: 1.0 when manager ``i + 1`` asks ``j + 1`` for advice.

    Examples
    --------
    >>> A = krackhardt_advice()
    >>> A.shape, int(A.sum())
    ((21, 21), 190)
    """
    from snb.datasets import krackhardt_managers

    return adjacency(krackhardt_managers().advice)


def firm_advice(seed: int) -> np.ndarray:
    """The informal network of chapter 4's synthetic firm (100 people) with this seed."""
    return adjacency(firm.synthetic_firm(seed=seed).informal)


def respondents(A: np.ndarray, share_missing: float, rng: np.random.Generator, mode: str = "random") -> np.ndarray:
    """A boolean mask of who answers when ``share_missing`` of the people do not.

    Parameters
    ----------
    A : numpy.ndarray
        The true network (only its size, and for ``"busiest"`` its ties, are used).
    share_missing : float
        Share of people who do not answer, in [0, 1); rounded to whole people.
    rng : numpy.random.Generator
        The random generator.
    mode : {"random", "busiest"}, default "random"
        Who is missing: anyone alike, or the busiest more often (chance of being missing
        grows with ties + 1).

    Returns
    -------
    numpy.ndarray of bool
        True for each person who answers.

    Raises
    ------
    ValueError
        For an unknown mode or a share out of range.

    Examples
    --------
    >>> mask = respondents(np.ones((10, 10)), 0.3, np.random.default_rng(1))
    >>> int(mask.sum())
    7
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if not 0 <= share_missing < 1:
        raise ValueError(f"share_missing must be in [0, 1), got {share_missing!r}")
    n = len(A)
    missing = int(round(share_missing * n))
    if mode == "random":
        keys = rng.random(n)
    else:
        ties = ((A + A.T) > 0).sum(axis=1)
        keys = -(np.log(ties + 1.0) + rng.gumbel(size=n))  # Gumbel top-k: without replacement by weight
    mask = np.ones(n, dtype=bool)
    mask[np.argsort(keys, kind="stable")[:missing]] = False
    return mask


def observe(A: np.ndarray, answered: np.ndarray) -> np.ndarray:
    """The symmetrised network a survey sees.

    Rows of non-respondents are lost, then a tie exists when either person named the
    other (the union rule).

    Parameters
    ----------
    A : numpy.ndarray
        The true directed network (row ``i``: whom ``i`` names).
    answered : numpy.ndarray of bool
        Who answered the survey.

    Returns
    -------
    numpy.ndarray
        A symmetric 0/1 matrix.

    Examples
    --------
    >>> A = np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]], float)
    >>> observe(A, np.array([True, False, True])).astype(int).tolist()  # 1 -> 2 is lost
    [[0, 1, 0], [1, 0, 0], [0, 0, 0]]
    """
    seen = A * answered[:, None]
    return ((seen + seen.T) > 0).astype(float)


def scores(S: np.ndarray, measure: str) -> np.ndarray:
    """Each person's degree or betweenness in the symmetric network ``S``.

    Betweenness is igraph's: unnormalised counts of shortest paths, so only the order
    matters here.

    Parameters
    ----------
    S : numpy.ndarray
        A symmetric 0/1 matrix.
    measure : {"betweenness", "degree"}
        The measure.

    Returns
    -------
    numpy.ndarray
        One score per person.

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    >>> scores(adjacency(nx.path_graph(3)), "betweenness").tolist()
    [0.0, 1.0, 0.0]
    >>> scores(adjacency(nx.path_graph(3)), "degree").tolist()
    [1.0, 2.0, 1.0]
    """
    if measure == "degree":
        return S.sum(axis=1)
    if measure == "betweenness":
        i, j = np.nonzero(np.triu(S, 1))
        return np.asarray(ig.Graph(n=len(S), edges=list(zip(i.tolist(), j.tolist()))).betweenness(), float)
    raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")


def _average_ranks(x: np.ndarray) -> np.ndarray:
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return (ends - (counts - 1) / 2)[inverse]


def rank_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation (average ranks for ties; 0 when a ranking is constant).

    Examples
    --------
    >>> rank_correlation(np.array([1, 2, 3.0]), np.array([10, 30, 20.0]))
    0.5
    """
    ra, rb = _average_ranks(np.asarray(a, float)), _average_ranks(np.asarray(b, float))
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def top_k(values: np.ndarray, k: int = K) -> np.ndarray:
    """Indices of the ``k`` highest values (ties broken by index, lowest first).

    Parameters
    ----------
    values : numpy.ndarray
        One value per person.
    k : int, default K (5)
        How many.

    Returns
    -------
    numpy.ndarray
        The indices, highest value first.

    Examples
    --------
    >>> top_k(np.array([3, 1, 3, 2]), 2).tolist()
    [0, 2]
    """
    return np.argsort(-np.asarray(values, float), kind="stable")[:k]


def top_k_overlap(truth: np.ndarray, seen: np.ndarray, k: int = K) -> float:
    """Share of the true top ``k`` that is also in the observed top ``k``.

    Examples
    --------
    >>> top_k_overlap(np.array([5, 4, 3, 2, 1.0]), np.array([5, 1, 3, 4, 2.0]), k=2)
    0.5
    """
    return len(set(top_k(truth, k).tolist()) & set(top_k(seen, k).tolist())) / k


def damage(A: np.ndarray, share_missing: float, seed: int, mode: str = "random", k: int = K) -> dict[str, float]:
    """One survey with ``share_missing`` of ``A``'s people not answering: rank correlation
    and top-``k`` overlap of betweenness and degree against the complete network.

    Examples
    --------
    >>> d = damage(krackhardt_advice(), 0.0, seed=1)
    >>> d["betweenness top-k"], d["degree rank correlation"]
    (1.0, 1.0)
    """
    rng = np.random.default_rng(seed)
    full = observe(A, np.ones(len(A), dtype=bool))
    seen = observe(A, respondents(A, share_missing, rng, mode))
    out = {}
    for measure in MEASURES:
        truth, observed = scores(full, measure), scores(seen, measure)
        out[f"{measure} rank correlation"] = rank_correlation(truth, observed)
        out[f"{measure} top-k"] = top_k_overlap(truth, observed, k)
    return out


def study(network: str, shares: Iterable[float], seeds: Iterable[int], mode: str = "random",
          k: int = K) -> dict[str, np.ndarray]:
    """What non-response does to who looks central, for every share missing and seed.

    Each cell is :func:`damage`: how well the observed network's ranking and top ``k``
    match the true one's.

    Parameters
    ----------
    network : {"krackhardt", "firm"}
        ``"krackhardt"``: the same 21 managers every time (the seed draws who is
        missing); ``"firm"``: seed ``s`` draws firm ``s`` and who is missing in it.
    shares : iterable of float
        Shares of people missing.
    seeds : iterable of int
        Random seeds.
    mode : {"random", "busiest"}, default "random"
        Who is missing (see :func:`respondents`).
    k : int, default K (5)
        Size of the top list.

    Returns
    -------
    dict of str to numpy.ndarray
        ``"betweenness rank correlation"``, ``"betweenness top-k"``, ``"degree rank
        correlation"`` and ``"degree top-k"``, each of shape (shares, seeds).

    Raises
    ------
    ValueError
        For an unknown network.

    Examples
    --------
    >>> r = study("krackhardt", [0.1, 0.5], range(3))
    >>> r["betweenness top-k"].shape
    (2, 3)
    >>> r["degree top-k"].round(2).tolist()  # the top 5 hold up at 10 % missing, not at 50 %
    [[0.8, 0.8, 0.8], [0.2, 0.2, 0.6]]
    """
    shares, seeds = list(shares), list(seeds)
    fixed = krackhardt_advice() if network == "krackhardt" else None
    if fixed is None and network != "firm":
        raise ValueError(f"network must be 'krackhardt' or 'firm', got {network!r}")
    keys = [f"{m} {s}" for m in MEASURES for s in ("rank correlation", "top-k")]
    out = {key: np.zeros((len(shares), len(seeds))) for key in keys}
    for j, seed in enumerate(seeds):
        A = fixed if fixed is not None else firm_advice(seed)
        for i, share in enumerate(shares):
            for key, value in damage(A, share, seed, mode, k).items():
                out[key][i, j] = value
    return out


def intervals(results: dict[str, np.ndarray]) -> dict[str, list]:
    """Each row of a :func:`study` array as its mean with a 95 % interval (over the seeds).

    Parameters
    ----------
    results : dict of str to numpy.ndarray
        Arrays of shape (shares, seeds), as from :func:`study`.

    Returns
    -------
    dict of str to list of snb.stats.Interval
        One interval per share, for each key.

    Examples
    --------
    >>> r = intervals({"degree top-k": np.array([[0.8, 0.6, 1.0], [0.4, 0.4, 0.4]])})
    >>> [round(iv.mean, 2) for iv in r["degree top-k"]], round(r["degree top-k"][1].half_width, 9)
    ([0.8, 0.4], 0.0)
    """
    from snb.stats import mean_interval

    return {key: [mean_interval(row) for row in values] for key, values in results.items()}


def criterion_intervals(details: dict) -> tuple[list[float], list]:
    """The swept response rates and the top-5 overlap at each, from a stored threshold verdict.

    The verdict's points hold the overlap minus the criterion; the criterion is added
    back.

    Parameters
    ----------
    details : dict
        The verdict's ``details``: ``criterion`` and ``points`` (each with ``x``,
        ``estimate``, ``low``, ``high`` and ``n``).

    Returns
    -------
    xs : list of float
        The response rates.
    intervals : list of snb.stats.Interval
        The overlap at each rate (mean with 95 % interval).

    Examples
    --------
    >>> xs, ivs = criterion_intervals({"criterion": 0.6, "points": [
    ...     {"x": 0.5, "estimate": -0.1, "low": -0.2, "high": 0.0, "n": 20}]})
    >>> xs, round(ivs[0].mean, 2), round(ivs[0].high, 2)
    ([0.5], 0.5, 0.6)
    """
    from snb.stats import Interval

    c = details["criterion"]
    points = details["points"]
    return ([p["x"] for p in points],
            [Interval(p["estimate"] + c, p["low"] + c, p["high"] + c, p["n"]) for p in points])


def study_parameters() -> list:
    """The study's settings as :class:`snb.assumptions.Parameter` rows.

    Returns
    -------
    list of snb.assumptions.Parameter
        Share missing, the union rule, who is missing, ``k`` and the networks.

    Examples
    --------
    >>> [row.name for row in study_parameters()]
    ['share missing', 'union rule', 'busiest answer least', 'k', 'networks']
    """
    from snb.assumptions import Parameter

    return [
        Parameter("share missing", "10 % to 50 %", "respondents who do not answer",
                  "range studied by Borgatti, Carley and Krackhardt (2006)"),
        Parameter("union rule", "yes", "a tie exists when either person names it", "common practice; assumption"),
        Parameter("busiest answer least", "chance ~ ties + 1", "how non-response depends on busyness",
                  "assumption"),
        Parameter("k", K, "size of the top list a manager is given", "assumption"),
        Parameter("networks", "Krackhardt's 21 managers; synthetic firm of 100",
                  "the complete networks taken as the truth", "Krackhardt (1987); chapter 4"),
    ]
