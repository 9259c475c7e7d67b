"""Chapter 2: outreach under a weekly budget of staff hours.

:class:`Audience` and :func:`outreach`: how many customers a business wins from an
audience when every conversation needs a person to answer it; :func:`audience_from`
builds an audience from a check-in network; :func:`bookshop_audiences` and
:func:`niche_minus_broad` compare a niche with broad reach over many synthetic cities.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import networkx as nx
import numpy as np

from snb.assumptions import Parameter
from snb.models.diffusion import Node
from snb.stats import MIN_REPLICATIONS, mean_interval


# ------------------------------------------------- outreach under a staff budget
@dataclass(frozen=True)
class Audience:
    """People a business can start conversations with, each week.

    ``fit`` is the share of them who are the kind of customer the business serves;
    ``setup_hours`` the weekly staff hours the channel needs before any reply
    (posts, events, a partner's meetings).
    """

    name: str
    size: int
    fit: float
    setup_hours: float = 2.0

    def __post_init__(self) -> None:
        if self.size < 0 or not 0.0 <= self.fit <= 1.0 or self.setup_hours < 0:
            raise ValueError("size and setup_hours must be 0 or more, fit between 0 and 1")


def outreach(audience: Audience, staff_hours: float, *, respond_fit: float = 0.15,
             respond_other: float = 0.05, convert: float = 0.5,
             hours_per_reply: float = 0.25, triage: bool = False) -> dict[str, float]:
    """Expected weekly result of working one audience with ``staff_hours`` of people's time.

    A share ``respond_fit`` of the people who fit, and ``respond_other`` of those
    who do not, start a conversation (a question, a comment, a booking request).
    Each conversation takes ``hours_per_reply`` of a person's time; what is left
    after the set-up hours limits how many get answered, and answered
    conversations are drawn from all responses alike. An answered conversation with
    someone who fits becomes a customer with probability ``convert``;
    unanswered ones, and people who do not fit, buy nothing.

    Parameters
    ----------
    audience : Audience
        Who can be reached, the share who fit, and the set-up hours.
    staff_hours : float
        Weekly hours of people's time.
    respond_fit : float, default 0.15
        Share of the people who fit who start a conversation.
    respond_other : float, default 0.05
        Share of the others who start one.
    convert : float, default 0.5
        Share of answered conversations with people who fit that become customers.
    hours_per_reply : float, default 0.25
        Staff hours to answer one conversation.
    triage : bool, default False
        Staff can tell who fits and answer them first.

    Returns
    -------
    dict of str to float
        Expected ``responses``, ``answered``, ``unanswered``, ``customers`` and
        ``hours used``.

    Examples
    --------
    >>> niche = Audience("niche", 100, 0.8, setup_hours=2.0)
    >>> result = outreach(niche, 4.0)  # 13 responses, time to answer 8
    >>> result["answered"], round(result["customers"], 2)
    (8.0, 3.69)
    >>> outreach(niche, 4.0, triage=True)["customers"]  # answer the 12 who fit first
    4.0
    """
    fit_responses = audience.size * audience.fit * respond_fit
    responses = fit_responses + audience.size * (1 - audience.fit) * respond_other
    capacity = max(0.0, float(staff_hours) - audience.setup_hours) / hours_per_reply
    answered = min(responses, capacity)
    if triage:
        useful_answered = min(fit_responses, capacity)
    else:
        useful_answered = answered * (fit_responses / responses if responses else 0.0)
    return {
        "responses": responses,
        "answered": answered,
        "unanswered": responses - answered,
        "customers": useful_answered * convert,
        "hours used": min(float(staff_hours), audience.setup_hours + answered * hours_per_reply),
    }


def audience_from(B: nx.Graph, people: Iterable[Node], *, scene: str, name: str = "audience",
                  setup_hours: float = 2.0) -> Audience:
    """An :class:`Audience` of ``people`` in a check-in network, with the share who fit.

    Parameters
    ----------
    B : networkx.Graph
        The check-in network (customers carry the node attribute ``scene``).
    people : iterable of nodes
        The audience's members; people not in ``B`` are left out.
    scene : str
        The scene the business serves: a member fits when their ``scene`` equals it.
    name : str, default "audience"
        The audience's name.
    setup_hours : float, default 2.0
        Weekly staff hours the channel needs before any reply.

    Returns
    -------
    Audience
        Its size and fit (0.0 for an empty audience).

    Examples
    --------
    >>> import networkx as nx
    >>> B = nx.Graph()
    >>> B.add_nodes_from([("Ana", {"scene": "fitness"}), ("Ben", {"scene": "nightlife"})])
    >>> audience_from(B, ["Ana", "Ben", "Zoe"], scene="fitness", name="gym crowd")
    Audience(name='gym crowd', size=2, fit=0.5, setup_hours=2.0)
    """
    wanted = set(people)
    members = [v for v in B if v in wanted]
    fitting = sum(B.nodes[v].get("scene") == scene for v in members)
    return Audience(name, len(members), fitting / len(members) if members else 0.0, setup_hours)


# ------------------------------------------------ niche or broad, over many cities
def outreach_parameters() -> list:
    """The outreach model's parameters as :class:`snb.assumptions.Parameter` rows.

    Returns
    -------
    list of snb.assumptions.Parameter
        Response, reply, conversion and set-up rates, and the cities behind the audiences.

    Examples
    --------
    >>> rows = outreach_parameters()
    >>> len(rows), rows[0].name, rows[0].value
    (7, 'respond_fit', 0.15)
    """
    return [
        Parameter("respond_fit", 0.15, "share of the people who fit who start a conversation in a week"),
        Parameter("respond_other", 0.05, "share of the people who do not fit who start one"),
        Parameter("hours_per_reply", 0.25, "staff hours to answer one conversation well"),
        Parameter("convert", 0.5, "share of answered conversations with people who fit that become customers"),
        Parameter("setup_hours (broad)", 4.0, "weekly hours a broad channel needs before any reply (posts, ads)"),
        Parameter("setup_hours (niche)", 2.0, "weekly hours a niche channel needs (a community, a partner's events)"),
        Parameter("cities", 20, "synthetic check-in cities (seeds 0 to 19) of 600 customers and 40 venues: the "
                                "audiences, and so the results, differ from city to city"),
    ]


def bookshop_audiences(B: nx.Graph, business: str = "Corner bookshop", *, broad_setup: float = 4.0,
                       niche_setup: float = 2.0) -> tuple[Audience, Audience]:
    """The two audiences of chapter 2 for ``business`` in check-in city ``B``.

    Broad reach: every customer of the city who is not the business's yet. Niche: the
    customers of the other venues of the business's scene who are not its customers
    yet. Fit is the share who like the business's scene.

    Parameters
    ----------
    B : networkx.Graph
        A check-in city (:func:`snb.datasets.check_in_city`).
    business : str, default "Corner bookshop"
        The venue doing the outreach.
    broad_setup : float, default 4.0
        Weekly set-up hours of the broad channel.
    niche_setup : float, default 2.0
        Weekly set-up hours of the niche channel.

    Returns
    -------
    (Audience, Audience)
        Broad reach, then niche.

    Examples
    --------
    >>> from snb.datasets import check_in_city
    >>> B = check_in_city(60, 10)
    >>> broad, niche = bookshop_audiences(B, "Market Street bookshop")
    >>> broad.size > niche.size, niche.fit > broad.fit
    (True, True)
    """
    scene = B.nodes[business]["scene"]
    mine = set(B[business])
    customers = [v for v, p in B.nodes(data="bipartite") if p == 0]
    broad = audience_from(B, [c for c in customers if c not in mine], scene=scene,
                          name="broad reach", setup_hours=broad_setup)
    scene_venues = [v for v, d in B.nodes(data=True)
                    if d.get("bipartite") == 1 and d.get("scene") == scene and v != business]
    crowd = {c for v in scene_venues for c in B[v]} - mine
    niche = audience_from(B, crowd, scene=scene, name="niche", setup_hours=niche_setup)
    return broad, niche


def niche_minus_broad(audiences: Sequence[tuple[Audience, Audience]], staff_hours: float,
                      **rates: float) -> np.ndarray:
    """New customers a week from the niche minus those from broad reach, one value per city.

    Parameters
    ----------
    audiences : sequence of (Audience, Audience)
        ``(broad, niche)`` pairs, one per city.
    staff_hours : float
        Weekly staff hours given to either audience.
    **rates : float
        Passed to :func:`outreach`.

    Returns
    -------
    numpy.ndarray
        One difference per pair.

    Examples
    --------
    >>> pair = (Audience("broad", 1000, 0.2, 4.0), Audience("niche", 100, 0.8, 2.0))
    >>> niche_minus_broad([pair], 10).round(3).tolist()  # few hours: the niche wins
    [0.857]
    >>> niche_minus_broad([pair], 100).tolist()  # many hours: broad reach wins
    [-9.0]
    """
    return np.array([outreach(niche, staff_hours, **rates)["customers"]
                     - outreach(broad, staff_hours, **rates)["customers"] for broad, niche in audiences])


def flip_hours(audiences: Sequence[tuple[Audience, Audience]], hours: Sequence[float],
               **rates: float) -> dict[str, float | None]:
    """Where the verdict "niche beats broad reach" holds and where it flips, over ``hours``.

    Parameters
    ----------
    audiences : sequence of (Audience, Audience)
        ``(broad, niche)`` pairs, one per city: at least 20.
    hours : sequence of float
        The staff hours to try.
    **rates : float
        Passed to :func:`outreach` (``respond_fit``, ``convert``, ...).

    Returns
    -------
    dict of str to float or None
        ``niche wins up to``: the most staff hours at which the 95 % interval of niche
        minus broad lies above zero; ``broad wins from``: the fewest at which it lies below
        zero (None when it never does).

    Raises
    ------
    ValueError
        For fewer than 20 pairs.

    Examples
    --------
    >>> pair = (Audience("broad", 1000, 0.2, 4.0), Audience("niche", 100, 0.8, 2.0))
    >>> flip_hours([pair] * 20, [5, 10, 50, 100, 200])
    {'niche wins up to': 10.0, 'broad wins from': 50.0}
    """
    if len(audiences) < MIN_REPLICATIONS:
        raise ValueError(f"need at least {MIN_REPLICATIONS} cities, got {len(audiences)}")
    niche, broad = [], []
    for h in hours:
        iv = mean_interval(niche_minus_broad(audiences, h, **rates))
        if iv.low > 0:
            niche.append(float(h))
        if iv.high < 0:
            broad.append(float(h))
    return {"niche wins up to": max(niche) if niche else None, "broad wins from": min(broad) if broad else None}
