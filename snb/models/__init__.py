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

Every random function takes a ``seed``; the same seed gives the same numbers.
"""

from snb.models.adaptation import (POLICIES, AdaptationRun, AdaptationRuns, Policy, compare_policies,
                                   simulate_adaptation, simulate_policy_runs, summarise_outcomes)
from snb.models.diffusion import (SEEDING_STRATEGIES, cascade_sizes, choose_seeds, independent_cascade,
                                  k_step_reach, reach_by_step)
from snb.models.adaptation import adaptation_parameters, flip_range, outcome_table, policy_sweep, policy_sweeps
from snb.models.diffusion import (cascade_parameters, reach_curve, seeding_replications, seeding_sweep,
                                  tipping_estimate)
from snb.models.shapes import network_parameters, rewiring_sweep
from snb.models.growth import degrees_at, grow_network, growth_edges, market_edges, newcomer_outcome, snapshot
from snb.models.market import (concentration_runs, customers_at, customers_per_business, market_parameters, newcomer_parameters,
                               market_choices, newcomer_ranks, opening_times)
from snb.models.outreach import (outreach_parameters, Audience, audience_from, bookshop_audiences, flip_hours,
                                 niche_minus_broad, outreach)
from snb.models import ego, influence, reciprocity, trust

__all__ = [
    "k_step_reach", "reach_by_step", "independent_cascade", "cascade_sizes", "choose_seeds",
    "SEEDING_STRATEGIES", "Policy", "POLICIES", "AdaptationRun", "AdaptationRuns",
    "simulate_policy_runs", "simulate_adaptation", "compare_policies", "summarise_outcomes",
    "growth_edges", "grow_network", "market_edges", "degrees_at", "snapshot", "newcomer_outcome",
    "Audience", "outreach", "audience_from",
    "reach_curve", "tipping_estimate", "seeding_replications", "seeding_sweep", "cascade_parameters",
    "policy_sweep", "policy_sweeps", "flip_range", "adaptation_parameters", "outcome_table",
    "rewiring_sweep", "network_parameters",
    "market_parameters", "newcomer_parameters", "opening_times", "market_choices", "customers_at",
    "customers_per_business", "newcomer_ranks", "concentration_runs",
    "Audience", "outreach", "audience_from", "outreach_parameters", "bookshop_audiences", "niche_minus_broad",
    "flip_hours",
    "ego", "influence", "reciprocity", "trust",
]

# Chapter 4: the synthetic firm (org chart, informal network, planted brokers).
from snb.models.firm import (Firm, block_cross_department, cross_department_ties, firm_parameters, org_rank,
                             synthetic_firm)

__all__ += ["Firm", "synthetic_firm", "firm_parameters", "cross_department_ties", "block_cross_department",
            "org_rank"]
