"""The capstone's verdicts: whom to brief first, and on what assumption it depends.

The audited company is the case's default (:func:`snb.models.case.audit_case`, seed 1) with
its synthetic trust survey (:func:`snb.models.trusted_seeding.trust_survey`, seed 1). One
replication is one batch of fresh live-edge samples of the cascade (and fresh draws for
the random seedings): chance lives in the spreading, not in the company. Budget 6, mean
pass-on 0.1; ``g`` moves a share of pass-on onto trusted ties (0: uniform).
"""

from __future__ import annotations

import functools

import networkx as nx
import numpy as np

from snb.datasets import krackhardt_managers
from snb.models import case
from snb.models import trusted_seeding as ts
from snb.permutation import qap_correlation
from snb.verdicts import compare, exact, permutation, region, register, replicate

BUDGET, P, RUNS = 6, 0.1, 50
#: How much pass-on grows with trust, swept from none to strong.
GS = (0.0, 0.25, 0.5, 0.75, 1.0)
#: Customers reached: a difference that matters to a launch.
MARGIN = 3.0
_ASSUMPTIONS = {"case": "synthetic: snb.models.case.audit_case(seed=1) (assumption)",
                "trust": "synthetic survey: trust_survey(strength_effect=0.5, seed=1) (assumption)",
                "pass-on": "mean 0.1 per tie (assumption); g swept",
                "budget": "6 customers briefed (assumption)"}


@functools.lru_cache(maxsize=1)
def company():
    """The audited customers and their trust survey."""
    c = case.audit_case()
    return c.customers, c.trust


@functools.lru_cache(maxsize=8)
def _picks(how: str) -> tuple:
    G, T = company()
    index = {v: i for i, v in enumerate(G)}
    return tuple(index[v] for v in ts.choose(G, T, BUDGET, how))


@functools.lru_cache(maxsize=8)
def _chances(g: float) -> np.ndarray:
    G, T = company()
    return ts.pass_on(np.array(list(ts.tie_trust(G, T).values())), P, g)


def reaches(g: float, seed: int, strategies: tuple[str, ...]) -> tuple[float, ...]:
    """Mean reach of each strategy on one batch of live-edge samples."""
    G, T = company()
    labels, sizes = ts.live_edge_samples(G, _chances(g), RUNS, seed)
    index = {v: i for i, v in enumerate(G)}
    out = []
    for how in strategies:
        if how == "greedy (CELF)":
            L, S = ts.live_edge_samples(G, _chances(g), 100, 1_000_003 + seed)
            picks = ts.celf(L, S, BUDGET)
        elif how in ("random", "random friend of a random customer"):
            picks = [index[v] for v in ts.choose(G, T, BUDGET, how, seed=seed)]
        else:
            picks = list(_picks(how))
        out.append(float(ts.reach(labels, sizes, picks).mean()))
    return tuple(out)


def _pair(g: float, a: str, b: str, seed_base: int, cap: int = 60, precision: float = MARGIN):
    rows = replicate(lambda s: reaches(g, s, (a, b)), seed_base, margin=precision, cap=cap)
    return compare(rows[:, 0], rows[:, 1], names=(a, b), margin=MARGIN, units="customers")


@register("06-trust-region", chapter="06", margin=MARGIN, units="customers", heavy=True,
          question="Over how strongly pass-on grows with trust (g from 0, uniform, to 1, only trusted ties) "
                   "do the most trusted customers reach more than the best-connected ones?",
          assumptions=_ASSUMPTIONS)
def trust_region(seed_base: int):
    return region(GS, [_pair(g, "most trusted", "top degree", seed_base) for g in GS],
                  name="briefing the most trusted beats briefing the best-connected", holds="beats")


@register("06-uniform-loud-win", chapter="06", margin=MARGIN, units="customers", assumptions=_ASSUMPTIONS,
          question="Under uniform pass-on (g = 0), who reaches more: the most trusted or the best-connected?")
def uniform(seed_base: int):
    return _pair(0.0, "most trusted", "top degree", seed_base)


@register("06-strong-trusted-win", chapter="06", margin=MARGIN, units="customers", assumptions=_ASSUMPTIONS,
          question="When only trusted ties pass the news on (g = 1), who reaches more?")
def strong(seed_base: int):
    return _pair(1.0, "most trusted", "top degree", seed_base)


@register("06-friend-vs-random", chapter="06", margin=MARGIN, units="customers", assumptions=_ASSUMPTIONS,
          question="Under uniform pass-on, does a random friend of a random customer reach more than a random "
                   "customer (the friendship paradox)?")
def friend(seed_base: int):
    return _pair(0.0, "random friend of a random customer", "random", seed_base, cap=100, precision=1.5)


@register("06-pagerank-vs-degree", chapter="06", margin=MARGIN, units="customers", assumptions=_ASSUMPTIONS,
          question="Under uniform pass-on, does top PageRank reach more than top degree?")
def pagerank(seed_base: int):
    return _pair(0.0, "top PageRank", "top degree", seed_base)


@register("06-celf-uniform", chapter="06", margin=MARGIN, units="customers", heavy=True,
          assumptions=_ASSUMPTIONS,
          fragile="the best-connected plan and the greedy reference end within about one customer of "
                  "each other; which is a nose ahead depends on the draw",
          question="Under uniform pass-on, how far is the best-connected seeding from greedy influence "
                   "maximisation (CELF), the reference?")
def celf_uniform(seed_base: int):
    return _pair(0.0, "greedy (CELF)", "top degree", seed_base, cap=40)


@register("06-celf-strong", chapter="06", margin=MARGIN, units="customers", heavy=True,
          assumptions=_ASSUMPTIONS,
          question="When only trusted ties pass on (g = 1), how far is the most trusted seeding from CELF?")
def celf_strong(seed_base: int):
    return _pair(1.0, "greedy (CELF)", "most trusted", seed_base, cap=40)


@register("06-trust-strength", chapter="06", units="correlation",
          question="How strongly is being trusted tied to how often customers talk, in the (synthetic) survey?")
def trust_strength(seed_base: int):
    G, T = company()
    r = ts.trust_strength_correlation(G, T)
    share = float(np.mean(list(ts.tie_trust(G, T).values())))
    return exact(r, label=f"correlation {r:.2f} between conversations a month and a trusted tie "
                          f"({share:.0%} of ties trusted): related, not the same thing",
                 units="correlation", details={"share trusted": share})


@register("06-krackhardt-trust-advice", chapter="06", units="correlation",
          question="In Krackhardt's managers, do people seek advice from those they call friends "
                   "(Krackhardt and Hanson 1993), beyond chance (QAP)?")
def krackhardt_trust(seed_base: int):
    K = krackhardt_managers()
    nodes = K.managers
    advice = nx.to_numpy_array(K.advice, nodelist=nodes)
    friends = nx.to_numpy_array(K.friendship, nodelist=nodes)
    observed, null = qap_correlation(advice, friends, n=2000, seed=seed_base)
    return permutation(observed, null, alternative="greater", name="the advice-friendship correlation",
                       units="correlation")
