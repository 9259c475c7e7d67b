"""Models, one module per topic; import them from here (``from snb import models``).

- :mod:`snb.models.diffusion`: k-step reach, the independent cascade (Kempe, Kleinberg
  and Tardos 2003), broadcast and peer seeding;
- :mod:`snb.models.adaptation`: chapter 1's three ways of adapting, as policies;
- :mod:`snb.models.shapes`: chapter 1's small-world (rewiring) experiment and network parameters;
- :mod:`snb.models.growth`: growing networks of businesses tied to businesses;
- :mod:`snb.models.market`: chapter 2's customers choosing businesses in a growing market;
- :mod:`snb.models.outreach`: chapter 2's outreach under a budget of staff hours;
- :mod:`snb.models.influence`: chapter 5's centralities and their rank correlations;
- :mod:`snb.models.trust`: chapter 5's reciprocity, triads, signed ties and structural balance;
- :mod:`snb.models.ego`: chapter 5's ego-network scorecard, friends-of-friends reach, friendship paradox;
- :mod:`snb.models.reciprocity`: chapter 5's contributors and takers on a network (Nowak 2006).
- :mod:`snb.models.firm`: chapter 4's synthetic firm (org chart, informal network, planted
  brokers) and the blocking policy; :mod:`snb.models.brokerage`: knowledge flow, key-person
  losses and broker measures; :mod:`snb.models.knowledge_value`: blocking sweeps and the value
  model of open channels.
- :mod:`snb.models.nonresponse`: chapter 7's missing answers (what non-response does to who
  looks central); :mod:`snb.models.qap`: Krackhardt's managers as matrices for QAP tests.

Every random function takes a ``seed``; the same seed gives the same numbers.

The names below are loaded on first use (PEP 562): a page that needs chapter 2's market
does not pay for importing chapter 5's models.
"""
from __future__ import annotations

from snb._lazy import lazy_exports

#: Each module's names that ``snb.models`` offers directly, by module.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "diffusion": ("k_step_reach", "reach_by_step", "independent_cascade", "cascade_sizes", "choose_seeds",
                  "SEEDING_STRATEGIES", "reach_curve", "tipping_estimate", "seeding_replications",
                  "seeding_sweep", "cascade_parameters"),
    "adaptation": ("Policy", "POLICIES", "AdaptationRun", "AdaptationRuns", "simulate_policy_runs",
                   "simulate_adaptation", "compare_policies", "summarise_outcomes", "policy_sweep",
                   "policy_sweeps", "flip_range", "adaptation_parameters", "outcome_table"),
    "shapes": ("rewiring_sweep", "small_world_ratios", "network_parameters"),
    "growth": ("growth_edges", "grow_network", "market_edges", "degrees_at", "snapshot", "newcomer_outcome"),
    "market": ("market_parameters", "newcomer_parameters", "opening_times", "market_choices", "customers_at",
               "customers_per_business", "newcomer_ranks", "concentration_runs"),
    "outreach": ("Audience", "outreach", "audience_from", "outreach_parameters", "bookshop_audiences",
                 "niche_minus_broad", "flip_hours"),
    # Chapter 4: the synthetic firm (org chart, informal network, planted brokers).
    "firm": ("Firm", "synthetic_firm", "firm_parameters", "cross_department_ties", "block_cross_department",
             "org_rank"),
}
#: Modules offered as a whole (``models.trust.balance(...)``, ``from snb.models import brokerage``):
#: every model module but ``outreach``, whose name is its main function's (``models.outreach(...)``).
_MODULES = ("adaptation", "brokerage", "case", "communities", "diffusion", "ego", "firm", "growth",
            "homophily", "influence", "knowledge_value", "market", "nonresponse", "opinion", "qap",
            "reciprocity", "reciprocity_direct", "reference", "renewal", "shapes", "threshold", "ties",
            "trust", "trusted_seeding")

__all__, _WHERE, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, _MODULES)
