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
    conversations are drawn from all responses alike (with ``triage=True``, staff
    can tell who fits and answer them first). An answered conversation with
    someone who fits becomes a customer with probability ``convert``;
    unanswered ones, and people who do not fit, buy nothing.
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
    """An :class:`Audience` of ``people`` in a check-in network: its fit is the share
    of them whose node attribute ``scene`` equals ``scene``."""
    wanted = set(people)
    members = [v for v in B if v in wanted]
    fitting = sum(B.nodes[v].get("scene") == scene for v in members)
    return Audience(name, len(members), fitting / len(members) if members else 0.0, setup_hours)


# ------------------------------------------------ niche or broad, over many cities
def outreach_parameters() -> list:
    """The parameters as :class:`snb.assumptions.Parameter` rows (value, meaning, source)."""
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
    """New customers a week from the niche minus those from broad reach, one value per
    ``(broad, niche)`` pair of audiences (one per city); ``rates`` go to :func:`outreach`."""
    return np.array([outreach(niche, staff_hours, **rates)["customers"]
                     - outreach(broad, staff_hours, **rates)["customers"] for broad, niche in audiences])


def flip_hours(audiences: Sequence[tuple[Audience, Audience]], hours: Sequence[float],
               **rates: float) -> dict[str, float | None]:
    """Where the verdict "niche beats broad reach" holds and where it flips, over ``hours``.

    Returns ``niche wins up to``: the most staff hours at which the 95 % interval of
    niche minus broad lies above zero; ``broad wins from``: the fewest at which it
    lies below zero (None when it never does). Needs 20 or more audience pairs.
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
