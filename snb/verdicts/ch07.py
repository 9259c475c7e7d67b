"""Chapter 7's verdicts: missing answers (page 2) and pattern or chance (page 3)."""

from __future__ import annotations

import dataclasses
import functools

import numpy as np

from snb import permutation as perm
from snb.models import nonresponse, qap
from snb.verdicts import register
from snb.verdicts.core import Result, compare, permutation, region, replicate, seed_for, settled, swept

#: Response rates swept for the broker threshold.
RATES = (0.5, 0.6, 0.7, 0.8, 0.9)
#: "Worth giving": the top-5 broker list gets at least 3 of 5 right on average.
CRITERION = 0.6
#: Permutations of the QAP tests.
PERMUTATIONS = 2000

_ASSUMPTIONS = {
    "criterion": "assumption: a top-5 list of brokers is worth giving when on average at least 3 of its 5 "
                 "people are in the complete network's top 5",
    "union rule": "assumption (common practice): a tie exists when either person named the other",
    "busiest answer least": "assumption: chance of not answering ~ ties + 1",
    "share missing": "10 % to 50 %, as studied by Borgatti, Carley and Krackhardt (2006)",
}


@functools.lru_cache(maxsize=256)
def _firm(seed: int) -> np.ndarray:
    return nonresponse.firm_advice(seed)


def _network(name: str, seed: int) -> np.ndarray:
    return nonresponse.krackhardt_advice() if name == "krackhardt" else _firm(seed)


def _threshold(seed_base: int, network: str, mode: str) -> Result:
    results = []
    for rate in RATES:
        # runs are added (up to 200) until the list's side of 3 of 5 is beyond doubt (settled):
        # near the threshold the usual bar alone moved the region between draws
        rows = replicate(lambda seed: nonresponse.damage(_network(network, seed), round(1 - rate, 2), seed,
                                                         mode)["betweenness top-k"] - CRITERION,
                         seed_base, margin=0.05, cap=200, until=lambda arr: settled(arr[:, 0]))
        results.append(swept(rows[:, 0],
                             names=(f"the top-5 broker list at a {rate:.0%} response rate", "3 of 5 right"),
                             margin=0.05, units="top-5 overlap"))
    out = region(RATES, results, name="by response rate, a top-5 broker list with 3 of 5 right on average")
    held = [p["x"] for p in out.details["points"] if p["holds"]]
    threshold = min(held) if held else None
    return dataclasses.replace(out, units="response rate", details={**out.details, "threshold": threshold,
                                             "criterion": CRITERION, "network": network, "mode": mode})


@register("07-broker-response-rate", chapter="07",
          question="From which response rate is a list of the top 5 brokers worth giving, when the busiest "
                   "answer least (synthetic firms of 100)?",
          margin=0.05, units="top-5 overlap", assumptions=_ASSUMPTIONS)
def broker_response_rate(seed_base: int) -> Result:
    return _threshold(seed_base, "firm", "busiest")


@register("07-broker-response-rate-random", chapter="07",
          question="From which response rate is a list of the top 5 brokers worth giving, when non-response "
                   "is random (synthetic firms of 100)?",
          margin=0.05, units="top-5 overlap", assumptions=_ASSUMPTIONS)
def broker_response_rate_random(seed_base: int) -> Result:
    return _threshold(seed_base, "firm", "random")


@register("07-broker-response-rate-krackhardt", chapter="07",
          question="From which response rate is a list of the top 5 brokers worth giving among Krackhardt's 21 "
                   "managers (random non-response)?",
          margin=0.05, units="top-5 overlap", assumptions=_ASSUMPTIONS)
def broker_response_rate_krackhardt(seed_base: int) -> Result:
    return _threshold(seed_base, "krackhardt", "random")


@register("07-busiest-vs-random", chapter="07",
          question="With 30 % of a synthetic firm not answering, how much more of the top-5 broker list "
                   "survives random non-response than non-response by the busiest? Difference:",
          margin=0.05, units="top-5 overlap", assumptions=_ASSUMPTIONS)
def busiest_vs_random(seed_base: int) -> Result:
    rows = replicate(lambda seed: (nonresponse.damage(_firm(seed), 0.3, seed, "random")["betweenness top-k"],
                                   nonresponse.damage(_firm(seed), 0.3, seed, "busiest")["betweenness top-k"]),
                     seed_base, margin=0.05, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("random non-response", "the busiest answering least"),
                   margin=0.05, units="top-5 overlap")


def _qap(seed_base: int, x: str, y: str, name: str, alternative: str = "greater") -> Result:
    m = qap.krackhardt_matrices()
    observed, null = perm.qap_correlation(m[x], m[y], n=PERMUTATIONS, seed=seed_for(seed_base, 0))
    result = permutation(observed, null, alternative=alternative, name=name, units="correlation")
    naive = qap.naive_p_value(observed, len(qap.off_diagonal(m[x])))
    return dataclasses.replace(result, details={**result.details, "naive p": naive})


@register("07-friendship-advice-qap", chapter="07",
          question="Among Krackhardt's managers, do people ask their friends for advice more than chance "
                   "would give? QAP correlation of friendship and advice:",
          assumptions={"null": "QAP: relabel the managers of the advice network (Krackhardt 1988)"})
def friendship_advice(seed_base: int) -> Result:
    return _qap(seed_base, "friendship", "advice", "the friendship-advice correlation")


@register("07-advice-department-qap", chapter="07",
          question="Among Krackhardt's managers, do people seek advice inside their own department more (and so "
                   "across departments less) than chance would give? QAP correlation of same department and "
                   "advice:",
          assumptions={"null": "QAP: relabel the managers of the advice network (Krackhardt 1988)"})
def advice_department(seed_base: int) -> Result:
    return _qap(seed_base, "same department", "advice", "the same-department-advice correlation")


@register("07-mrqap-friendship", chapter="07",
          question="Among Krackhardt's managers, does friendship still predict advice once the org chart and "
                   "departments are held fixed? MRQAP t statistic of friendship:",
          fragile="the p-value sits near 0.05, so another set of permutations can move it to either side; "
                  "read it as weak evidence, not as a yes or a no.",
          assumptions={"null": "double semi-partialling (Dekker, Krackhardt and Snijders 2007)",
                       "model": "assumption: linear probability model of advice on friendship, same "
                                "department and a reporting line in either direction"})
def mrqap_friendship(seed_base: int) -> Result:
    m = qap.krackhardt_matrices()
    fit = perm.mrqap(m["advice"], {k: m[k] for k in ("friendship", "same department", "reports_to")},
                     n=1000, seed=seed_for(seed_base, 0))
    result = permutation(fit.t["friendship"], fit.null["friendship"], alternative="two-sided",
                         name="friendship's effect on advice", units="t statistic")
    table = {k: {"coefficient": fit.coefficients[k], "t": fit.t[k], "p": fit.p.get(k)} for k in fit.coefficients}
    return dataclasses.replace(result, details={**result.details, "table": table, "r2": fit.r2,
                                                "cells": fit.cells})
