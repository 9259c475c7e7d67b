"""Chapter 2's verdicts: concentration in a growing market, the newcomer, niche or broad reach.

Each function takes a seed base and returns one :class:`~snb.verdicts.Result`; replication
``i`` is one market (or one synthetic city) grown with random seed ``seed_base * 100_000 + i``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from snb import datasets
from snb.models import bookshop_audiences, market, niche_minus_broad
from snb.verdicts import Result, compare, region, register, replicate, sweep

#: Attachment strengths of the concentration sweep and of the newcomer sweep.
STRENGTHS = (0.0, 0.25, 0.5, 1.0, 1.5)
NEWCOMER_STRENGTHS = (0.0, 0.5, 1.0, 1.25, 1.5)
#: Staff hours of the niche-or-broad sweep (page 02-4).
HOURS = tuple(range(1, 41))

_MARKET_ASSUMPTIONS = {
    "customers": "assumption: 2,000 arriving one by one (1,000 and 10,000 in the sweeps)",
    "businesses": "assumption: 200 opening at an even pace",
    "choice": "Price 1976, Barabasi and Albert 1999, Krapivsky et al. 2000 (attachment strength alpha)",
}
_OUTREACH_ASSUMPTIONS = {
    "city": "assumption: synthetic check-in city, 600 customers and 40 venues",
    "rates": "assumption: 15 % of people who fit and 5 % of others start a conversation",
    "hours per reply": "assumption: a quarter of an hour",
}


def _top_shares(alphas, n_customers: int = 2000):
    def one(seed: int) -> tuple[float, ...]:
        runs = market.concentration_runs(alphas, n_customers=n_customers, seeds=[seed])
        return tuple(float(runs[a]["top 10 %"][0]) for a in alphas)
    return one


@register("02-linear-vs-uniform", chapter="02",
          question="Do the largest 10 % of businesses hold a larger share of customers under linear "
                   "attachment than under uniform choice?",
          margin=0.02, units="(share of customers)", assumptions=_MARKET_ASSUMPTIONS)
def linear_vs_uniform(seed_base: int) -> Result:
    rows = replicate(_top_shares((1.0, 0.0)), seed_base, margin=0.02, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("alpha = 1", "alpha = 0"), margin=0.02,
                   units="(share of customers)")


@register("02-strong-vs-linear", chapter="02",
          question="Is the market more concentrated under strong attachment (alpha = 1.5) than "
                   "under linear attachment?",
          margin=0.02, units="(share of customers)", assumptions=_MARKET_ASSUMPTIONS)
def strong_vs_linear(seed_base: int) -> Result:
    rows = replicate(_top_shares((1.5, 1.0)), seed_base, margin=0.02, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("alpha = 1.5", "alpha = 1"), margin=0.02,
                   units="(share of customers)")


def _majority(n_customers: int, seed_base: int) -> Result:
    # markets are added until the share's side of one half is beyond doubt at every strength
    # (sweep): at alpha = 0.5 with 1,000 customers it sits only about 0.01 above one half
    shares = _top_shares(STRENGTHS, n_customers)
    results = sweep(lambda s: tuple(np.subtract(shares(s), 0.5)), seed_base,
                    names=("top 10 % share", "one half"), margin=0.02,
                    units="(share of customers)", cap=200)
    return region(STRENGTHS, results, name="the largest tenth holds a majority")


@register("02-majority-region", chapter="02",
          question="From which attachment strength does the largest tenth of businesses hold most "
                   "customers (10 customers per business)?",
          margin=0.02, units="(share of customers)", assumptions=_MARKET_ASSUMPTIONS)
def majority_region(seed_base: int) -> Result:
    return _majority(2000, seed_base)


@register("02-majority-region-5", chapter="02",
          question="The same with 5 customers per business (1,000 customers)?",
          margin=0.02, units="(share of customers)", assumptions=_MARKET_ASSUMPTIONS)
def majority_region_5(seed_base: int) -> Result:
    return _majority(1000, seed_base)


@register("02-majority-region-50", chapter="02",
          question="The same with 50 customers per business (10,000 customers)?",
          margin=0.02, units="(share of customers)", assumptions=_MARKET_ASSUMPTIONS)
def majority_region_50(seed_base: int) -> Result:
    return _majority(10000, seed_base)


@lru_cache(maxsize=256)
def _newcomer(seed: int) -> np.ndarray:
    """Share of other businesses level or ahead of business 20, for appeal 1 and 4, per
    attachment strength: shape (strengths, 2)."""
    return np.array([[market.newcomer_ranks(a, (1.0, 4.0), seeds=[seed])[p]["ahead"][0] for p in (1.0, 4.0)]
                     for a in NEWCOMER_STRENGTHS])


@register("02-appeal-helps", chapter="02",
          question="Does four times the appeal leave fewer businesses level with or ahead of a late "
                   "newcomer, at every attachment strength?",
          margin=0.02, units="(share of businesses)", assumptions=_MARKET_ASSUMPTIONS)
def appeal_helps(seed_base: int) -> Result:
    def one(seed: int) -> tuple[float, ...]:
        ahead = _newcomer(seed)
        return tuple(ahead[:, 0] - ahead[:, 1])

    # markets are added (at least 40) until each strength's sign is beyond doubt (sweep): at
    # alpha = 1.5 the appeal's help is small
    results = sweep(one, seed_base, names=("four times the appeal", "an ordinary newcomer"),
                    margin=0.02, units="(share of businesses)", min_n=40, cap=120)
    return region(NEWCOMER_STRENGTHS, results, name="four times the appeal helps")


@register("02-newcomer-top-tenth", chapter="02",
          question="Up to which attachment strength does a newcomer with four times the appeal end "
                   "among the top 10 % of businesses?",
          margin=0.02, units="(share of businesses)", assumptions=_MARKET_ASSUMPTIONS)
def newcomer_top_tenth(seed_base: int) -> Result:
    rows = replicate(lambda s: tuple(0.10 - _newcomer(s)[:, 1]), seed_base, margin=1e-9, cap=40, min_n=40)
    results = [compare(rows[:, i], names=("the newcomer", "the top tenth's edge"), margin=0.02,
                       units="(share of businesses)") for i in range(len(NEWCOMER_STRENGTHS))]
    return region(NEWCOMER_STRENGTHS, results, name="a newcomer with four times the appeal reaches the top tenth")


@lru_cache(maxsize=256)
def audiences(seed: int) -> tuple:
    """Corner bookshop's broad and niche audiences in the check-in city of one seed."""
    return bookshop_audiences(datasets.check_in_city(600, 40, seed=seed))


def _niche_minus_broad(hours, **rates):
    def one(seed: int) -> tuple[float, ...]:
        return tuple(float(niche_minus_broad([audiences(seed)], h, **rates)[0]) for h in hours)
    return one


@register("02-niche-6-hours", chapter="02",
          question="With 6 staff hours a week, does the niche win more new customers than broad reach?",
          margin=0.5, units="customers a week", assumptions=_OUTREACH_ASSUMPTIONS)
def niche_6_hours(seed_base: int) -> Result:
    rows = replicate(_niche_minus_broad([6]), seed_base, margin=0.5, cap=100)
    return compare(rows[:, 0], names=("niche", "broad reach"), margin=0.5, units="customers a week")


@register("02-broad-40-hours", chapter="02",
          question="With 40 staff hours a week, does broad reach win more new customers than the niche?",
          margin=0.5, units="customers a week", assumptions=_OUTREACH_ASSUMPTIONS)
def broad_40_hours(seed_base: int) -> Result:
    rows = replicate(_niche_minus_broad([40]), seed_base, margin=0.5, cap=100)
    return compare(rows[:, 0], names=("niche", "broad reach"), margin=0.5, units="customers a week")


def _hours_region(seed_base: int, **rates) -> Result:
    rows = replicate(_niche_minus_broad(HOURS, **rates), seed_base, margin=1e-9, cap=20, min_n=20)
    results = [compare(rows[:, i], names=("niche", "broad reach"), margin=0.5, units="customers a week")
               for i in range(len(HOURS))]
    return region(HOURS, results, name="the niche beats broad reach")


@register("02-niche-hours-region", chapter="02",
          question="Up to how many staff hours a week does the niche beat broad reach (answering "
                   "conversations as they come)?",
          margin=0.5, units="customers a week", assumptions=_OUTREACH_ASSUMPTIONS)
def niche_hours_region(seed_base: int) -> Result:
    return _hours_region(seed_base)


@register("02-triage-hours-region", chapter="02",
          question="Up to how many staff hours does the niche beat broad reach when staff answer "
                   "the people who fit first?",
          margin=0.5, units="customers a week", assumptions=_OUTREACH_ASSUMPTIONS)
def triage_hours_region(seed_base: int) -> Result:
    return _hours_region(seed_base, triage=True)
