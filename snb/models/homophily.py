"""Influence or homophily? Adoption that clusters in a network with no influence at all (chapter 5).

"Friends of adopters adopt" is what influence predicts, but also what like-minded people
who befriend each other predict (homophily): the same taste makes them friends and makes
them buy. From who adopted when alone the two cannot in general be told apart (Shalizi and
Thomas 2011); in data on 27 million users, more than half of what looked like influence was
explained by similarity (Aral, Muchnik and Sundararajan 2009).

:func:`like_minded_market` builds people with a taste (a number), tied mostly to people of
similar taste, and lets each adopt with a chance that depends on their own taste only, plus
(``influence`` > 0) a push from each adopting friend. :func:`friend_lift` measures the
observational evidence (adoption rate of people with an adopting friend over that of people
without); :func:`seeding_trial` the experimental one: give the product to randomly chosen
people and compare their friends with the friends of randomly chosen controls.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["like_minded_market", "friend_rates", "friend_lift", "seeding_trial", "homophily_parameters"]


def like_minded_market(people: int = 400, contacts: int = 6, *, similarity: float = 4.0, influence: float = 0.0,
                       base: float = 0.1, seed: int = 0) -> tuple[nx.Graph, np.ndarray, np.ndarray]:
    """People with a taste, ties between the like-minded, and who adopts.

    Taste ``x`` is standard normal. Each person proposes ``contacts // 2`` ties to others
    chosen (without replacement) with weight exp(-``similarity`` * |x_i - x_j|) (0: anyone
    alike). Wave one: each adopts with chance ``base`` * exp(x) capped at 1 (taste only).
    Wave two: each non-adopter adopts with chance ``base`` * exp(x) (the same taste again)
    plus ``influence`` per friend who adopted in wave one.

    Parameters
    ----------
    people : int, default 400
        People, numbered 0 to ``people - 1``.
    contacts : int, default 6
        Mean ties per person.
    similarity : float, default 4.0
        How strongly ties join people of similar taste.
    influence : float, default 0.0
        Extra chance of adopting per friend who adopted in wave one.
    base : float, default 0.1
        Chance of adopting for a person of average taste.
    seed : int, default 0
        Random seed.

    Returns
    -------
    G : networkx.Graph
        The ties.
    x : numpy.ndarray
        The tastes.
    wave : numpy.ndarray
        Each person's adoption wave (0 never, 1, 2).

    Examples
    --------
    >>> G, x, wave = like_minded_market(100, seed=1)
    >>> len(G), len(x), set(wave) <= {0, 1, 2}
    (100, 100, True)
    """
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(people)
    # each row draws its partners without replacement, weights exp(-similarity |x_i - x_j|)
    # (the Gumbel top-k trick: the largest log-weight + Gumbel noise)
    keys = -similarity * np.abs(x[:, None] - x[None, :]) + rng.gumbel(size=(people, people))
    np.fill_diagonal(keys, -np.inf)
    picks = np.argsort(-keys, axis=1)[:, :max(1, contacts // 2)]
    G = nx.Graph()
    G.add_nodes_from(range(people))
    G.add_edges_from((i, int(j)) for i, row in enumerate(picks) for j in row)
    chance = np.minimum(1.0, base * np.exp(x))
    wave = np.where(rng.random(people) < chance, 1, 0)
    A = nx.to_numpy_array(G, nodelist=range(people), weight=None)
    pushed = np.minimum(1.0, chance + influence * (A @ (wave == 1)))
    second = (wave == 0) & (rng.random(people) < pushed)
    wave[second] = 2
    return G, x, wave


def friend_rates(G: nx.Graph, wave: np.ndarray) -> tuple[float, float]:
    """Wave-two adoption rates of people with and without a wave-one adopter among their friends.

    Only people who had not adopted in wave one count.

    Parameters
    ----------
    G : networkx.Graph
        The network, nodes 0 to ``len(wave) - 1``.
    wave : numpy.ndarray
        Each person's adoption wave: 0 never, 1 or 2.

    Returns
    -------
    (float, float)
        The rate among those exposed to a wave-one adopter, and among the others (``nan``
        for an empty group).

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> friend_rates(G, np.array([1, 2, 0, 2]))  # 1, next to adopter 0, adopts; of 2 and 3, only 3
    (1.0, 0.5)
    """
    wave = np.asarray(wave)
    A = nx.to_numpy_array(G, nodelist=range(len(wave)), weight=None)
    exposed = (A @ (wave == 1)) > 0
    at_risk = wave != 1
    rates = [np.mean(wave[at_risk & group] == 2) if np.any(at_risk & group) else np.nan
             for group in (exposed, ~exposed)]
    return float(rates[0]), float(rates[1])


def friend_lift(G: nx.Graph, wave: np.ndarray) -> float:
    """Wave-two adoption rate of people with at least one wave-one adopter among their
    friends, divided by that of people with none (1: no association).

    Examples
    --------
    >>> G = nx.path_graph(4)
    >>> friend_lift(G, np.array([1, 2, 0, 0]))
    inf
    """
    rate_e, rate_u = friend_rates(G, wave)
    return float(rate_e / rate_u) if rate_u > 0 else float("inf")


def seeding_trial(people: int = 400, contacts: int = 6, *, similarity: float = 4.0, influence: float = 0.0,
                  base: float = 0.1, treated: int = 40, seed: int = 0) -> tuple[float, float]:
    """A randomised trial: ``treated`` randomly chosen people get the product in wave one,
    as many other randomly chosen people are controls (no product). Returns the wave-two
    adoption rate among the friends of the treated and among the friends of the controls
    (people who are friends of both, and the treated and controls themselves, left out).

    Examples
    --------
    >>> t, c = seeding_trial(influence=0.0, seed=1)
    >>> 0 <= t <= 1 and 0 <= c <= 1
    True
    """
    rng = np.random.default_rng(seed)
    G, x, _ = like_minded_market(people, contacts, similarity=similarity, influence=0.0, base=base,
                                 seed=int(rng.integers(2**31)))
    picked = rng.choice(people, size=2 * treated, replace=False)
    treat, control = picked[:treated], picked[treated:]
    A = nx.to_numpy_array(G, nodelist=range(people), weight=None)
    given = np.zeros(people, dtype=bool)
    given[treat] = True
    chance = np.minimum(1.0, base * np.exp(x) + influence * (A @ given))
    adopt = rng.random(people) < chance
    f_t = A[treat].sum(axis=0) > 0
    f_c = A[control].sum(axis=0) > 0
    outside = np.ones(people, dtype=bool)
    outside[picked] = False
    only_t, only_c = f_t & ~f_c & outside, f_c & ~f_t & outside
    return float(adopt[only_t].mean()), float(adopt[only_c].mean())


def homophily_parameters(*, people: int = 400, contacts: int = 6, similarity: float = 4.0, base: float = 0.1,
                         treated: int = 40) -> list:
    """The page's parameters as :class:`~snb.assumptions.Parameter` rows.

    Parameters
    ----------
    people : int, default 400
        People in the market.
    contacts : int, default 6
        Mean ties per person.
    similarity : float, default 4.0
        How strongly ties join people of similar taste.
    base : float, default 0.1
        Chance of adopting for a person of average taste, per wave.
    treated : int, default 40
        People given the product in the trial, and as many controls.

    Returns
    -------
    list of snb.assumptions.Parameter
        The rows above plus ``influence`` (0 or swept).

    Examples
    --------
    >>> [row.name for row in homophily_parameters()]
    ['people', 'contacts', 'similarity', 'base', 'influence', 'treated']
    """
    from snb.assumptions import Parameter

    return [
        Parameter("people", people, "people in the market (assumption)"),
        Parameter("contacts", contacts, "mean ties per person (assumption)"),
        Parameter("similarity", similarity, "how strongly ties join people of similar taste (assumption)"),
        Parameter("base", base, "chance of adopting for a person of average taste, per wave (assumption)"),
        Parameter("influence", "0 or swept", "extra chance of adopting per adopting friend (0: none)"),
        Parameter("treated", treated, "people given the product in the trial, and as many controls (assumption)"),
    ]
