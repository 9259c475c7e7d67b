"""Chapter 2: outreach under a weekly budget of staff hours.

:class:`Audience` and :func:`outreach`: how many customers a business wins from an
audience when every conversation needs a person to answer it; :func:`audience_from`
builds an audience from a check-in network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from snb.models.diffusion import Node


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
