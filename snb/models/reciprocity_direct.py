"""Giving that pays the giver: direct and indirect reciprocity (chapter 5).

Chapter 5's network game asks whether givers survive as a group. The essay's promise is to
the individual: "give and you shall receive". Two of Nowak's (2006) five rules answer it.

**Direct reciprocity** (:func:`repeated_games`). Two people meet; each round each either
gives (pays ``c`` so that the other gets ``b``) or takes (pays nothing). After each round they
meet again with probability ``w`` (so a relationship lasts 1/(1 - w) rounds on average).
A giver plays tit-for-tat (TFT: give first, then do what the other did last round) or
generous tit-for-tat (GTFT: like TFT, but after a refusal still give with probability
``generosity``); a taker never gives. Each action goes wrong (a giver's gift is not made)
with probability ``error``. The individual's question: among people who reciprocate, does
a giver earn more than a taker? Without errors a giver meeting a reciprocator earns
(b - c)/(1 - w), a taker b: giving pays when w > c/b (Nowak 2006).

**Indirect reciprocity** (:func:`reputation_game`). In each round every person is once a
donor to a random recipient. Discriminators give unless they know the recipient refused
last time they were a donor (an image score, Nowak and Sigmund 1998; refusing someone with
a bad image does not spoil one's own, the "standing" variant); the donor knows the
recipient's last action with probability ``q`` (they saw it, or a contact told them).
A taker never gives. Among discriminators, a discriminator earns b - c a round, a taker
(1 - q) b: giving pays when q > c/b (Nowak 2006).

Both functions simulate; the closed forms are only what the simulation is checked against.
"""

from __future__ import annotations

import numpy as np

__all__ = ["repeated_games", "reputation_game", "crossing", "reciprocity_parameters", "FIVE_RULES"]

#: Nowak's (2006) five rules for the evolution of cooperation: condition, and where the
#: course looks at it.
FIVE_RULES: tuple[dict[str, str], ...] = (
    {"rule": "kin selection", "giving pays when": "r > c/b (r: relatedness)",
     "in this course": "not simulated (families and firms are not the course's subject)"},
    {"rule": "direct reciprocity", "giving pays when": "w > c/b (w: chance of meeting again)",
     "in this course": "this page: repeated encounters, simulated"},
    {"rule": "indirect reciprocity", "giving pays when": "q > c/b (q: chance of knowing a reputation)",
     "in this course": "this page: reputation through contacts, simulated"},
    {"rule": "network reciprocity", "giving pays when": "b/c > k (k: contacts per person)",
     "in this course": "page 5.3: givers in clusters (helps the group, not one giver)"},
    {"rule": "group selection", "giving pays when": "b/c > 1 + n/m (n: group size, m: groups)",
     "in this course": "not simulated"},
)


def _check(b: float, c: float) -> None:
    if not (b > c > 0):
        raise ValueError(f"need b > c > 0 (a gift worth more than it costs), got b={b!r}, c={c!r}")


def repeated_games(w: float, *, b: float = 3.0, c: float = 1.0, giver: str = "TFT", generosity: float = 1 / 3,
                   error: float = 0.0, games: int = 400, seed: int = 0) -> dict[str, float]:
    """Mean payoff per relationship of a giver and of a taker, each meeting reciprocators.

    Every relationship is with a partner who plays ``giver`` (the population reciprocates);
    the giver plays ``giver`` too, the taker never gives. Both face the same ``games``
    relationship lengths (geometric with continuation ``w``) and the same error draws.

    Parameters
    ----------
    w : float
        Chance of meeting again after each round, 0 <= w < 1.
    b, c : float
        Benefit of a gift to the receiver and its cost to the giver (b > c > 0).
    giver : {"TFT", "GTFT"}
        Tit-for-tat or generous tit-for-tat.
    generosity : float
        GTFT's chance of giving after a refusal.
    error : float
        Chance that an intended gift is not made.
    games : int
        Relationships simulated.
    seed : int
        Random seed.

    Returns
    -------
    dict
        ``giver``, ``taker`` (mean payoff per relationship) and ``rounds`` (mean length).

    Examples
    --------
    >>> out = repeated_games(0.9, games=2000, seed=1)
    >>> out["giver"] > out["taker"]
    True
    """
    _check(b, c)
    if not 0 <= w < 1:
        raise ValueError(f"w must be in [0, 1), got {w!r}")
    if giver not in ("TFT", "GTFT"):
        raise ValueError(f"giver must be 'TFT' or 'GTFT', got {giver!r}")
    rng = np.random.default_rng(seed)
    lengths = rng.geometric(1 - w, size=games)  # rounds in each relationship, >= 1
    T = int(lengths.max())
    slips = rng.random((games, T, 2)) < error  # [:, t, 0] the focal person, [:, t, 1] the partner
    mercy = rng.random((games, T, 2)) < (generosity if giver == "GTFT" else 0.0)
    alive = np.arange(T)[None, :] < lengths[:, None]
    out = {}
    for focal in ("giver", "taker"):
        pay = np.zeros(games)
        me_last = np.ones(games, dtype=bool)    # both start as if the other had given
        you_last = np.ones(games, dtype=bool)
        for t in range(T):
            me = np.zeros(games, dtype=bool) if focal == "taker" else (you_last | mercy[:, t, 0])
            you = me_last | mercy[:, t, 1]
            me &= ~slips[:, t, 0]
            you &= ~slips[:, t, 1]
            pay += alive[:, t] * (b * you - c * me)
            me_last, you_last = me, you
        out[focal] = float(pay.mean())
    out["rounds"] = float(lengths.mean())
    return out


def reputation_game(q: float, *, b: float = 3.0, c: float = 1.0, people: int = 200, takers: int = 4,
                    rounds: int = 80, seed: int = 0) -> dict[str, float]:
    """Mean payoff per round of a discriminator and of a taker under image scoring.

    ``people`` people, ``takers`` of them never give, the others are discriminators. Each
    round every person donates once to a random other person; the donor knows the
    recipient's last action as a donor with probability ``q`` and then gives only to those
    who gave; otherwise (unknown, or the recipient has not yet been a donor) they give.

    Examples
    --------
    >>> out = reputation_game(0.9, rounds=40, seed=1)
    >>> out["discriminator"] > out["taker"]
    True
    """
    _check(b, c)
    if not 0 <= q <= 1:
        raise ValueError(f"q must be in [0, 1], got {q!r}")
    if not 0 < takers < people:
        raise ValueError(f"need 0 < takers < people, got {takers!r} and {people!r}")
    rng = np.random.default_rng(seed)
    taker = np.zeros(people, dtype=bool)
    taker[rng.choice(people, size=takers, replace=False)] = True
    good = np.ones(people, dtype=bool)  # last action as a donor was to give (or not yet a donor)
    pay = np.zeros(people)
    for _ in range(rounds):
        donors = rng.permutation(people)
        recipients = (donors + rng.integers(1, people, size=people)) % people  # anyone but oneself
        knows = rng.random(people) < q
        gives = ~taker[donors] & (~knows | good[recipients])
        np.add.at(pay, recipients, b * gives)
        np.add.at(pay, donors, -c * gives)
        # image scoring with standing: a refusal spoils the image unless it was a known bad recipient
        justified = knows & ~good[recipients]
        good[donors] = gives | justified
    return {"discriminator": float(pay[~taker].mean() / rounds), "taker": float(pay[taker].mean() / rounds)}


def crossing(xs: np.ndarray, gaps: np.ndarray) -> float:
    """The x where a gap curve first turns from negative to non-negative, by linear
    interpolation between the two grid points around it (nan if it never does).

    Examples
    --------
    >>> crossing(np.array([0.1, 0.3, 0.5]), np.array([-2.0, -1.0, 1.0]))
    0.4
    """
    xs, gaps = np.asarray(xs, dtype=float), np.asarray(gaps, dtype=float)
    for i in range(1, len(xs)):
        if gaps[i - 1] < 0 <= gaps[i]:
            return float(xs[i - 1] + (xs[i] - xs[i - 1]) * (-gaps[i - 1]) / (gaps[i] - gaps[i - 1]))
    return float("nan")


def reciprocity_parameters(*, b: float = 3.0, c: float = 1.0, error: float = 0.0, games: int = 400,
                           people: int = 200, takers: int = 4, rounds: int = 80) -> list:
    """The page's parameters as :class:`~snb.assumptions.Parameter` rows.

    Parameters
    ----------
    b : float, default 3.0
        What a gift is worth to the receiver.
    c : float, default 1.0
        What a gift costs the giver.
    error : float, default 0.0
        Chance an intended gift is not made.
    games : int, default 400
        Relationships simulated per replication.
    people : int, default 200
        People in the reputation game.
    takers : int, default 4
        People who never give in the reputation game.
    rounds : int, default 80
        Rounds of the reputation game.

    Returns
    -------
    list of snb.assumptions.Parameter
        The rows above plus ``w`` and ``q`` (swept).

    Examples
    --------
    >>> [row.name for row in reciprocity_parameters()]
    ['b', 'c', 'w', 'q', 'error', 'games', 'people', 'takers', 'rounds']
    """
    from snb.assumptions import Parameter

    return [
        Parameter("b", b, "what a gift is worth to the receiver (assumption)"),
        Parameter("c", c, "what a gift costs the giver (assumption; only c/b matters, Nowak 2006)"),
        Parameter("w", "swept", "chance of meeting the same person again after a round (Nowak 2006)"),
        Parameter("q", "swept", "chance a donor knows the recipient's reputation (Nowak 2006)"),
        Parameter("error", error, "chance an intended gift is not made (assumption)"),
        Parameter("games", games, "relationships simulated per replication (assumption)"),
        Parameter("people", people, "people in the reputation game (assumption)"),
        Parameter("takers", takers, "people who never give in the reputation game (assumption)"),
        Parameter("rounds", rounds, "rounds of the reputation game (assumption)"),
    ]
