"""Exercise checks that teach, one module per chapter; import them from here.

The shared machinery (:class:`~snb.feedback.Feedback`, :func:`~snb.feedback.teaching_check`
and the validators) lives in :mod:`snb.feedback`; each chapter's checks and exercise
settings in ``snb/checks/chNN.py``. A new chapter adds its module and one import line.
"""

from snb.checks.ch01 import (DECISION_EXERCISE, EMAIL_EXERCISE, REACH_EXERCISE, SEEDING_EXERCISE, check_decision,
                             check_email_export, check_seeding_comparison, check_team_basics,
                             check_two_step_design, check_two_step_reach)
from snb.checks.ch02 import (CO_VISIT_EXERCISE, CONCENTRATION_EXERCISE, MANAGER_DECISION_EXERCISE, PARTNER_EXERCISE,
                             VISITS_EXERCISE, check_co_visits, check_concentration, check_manager_decision,
                             check_partner_choice, check_visits_network)
from snb.checks.ch03 import (FRAGMENT_EXERCISE, KARATE_EXERCISE, MERGE_OPTIONS, PRACTICE_EXERCISE,
                             check_fragmenting_departures, check_karate_communities, check_merge_advice,
                             check_practice_community)
from snb.checks.ch05 import (CAMPS_EXERCISE, CONTACT_OPTIONS, EGO_EXERCISE, TOP_BROKER_EXERCISE, check_camp_bridges,
                             check_contact_choice, check_ego_network, check_top_brokers)
from snb.checks.ch06 import (AUDIT, ASSUMPTION_OPTIONS, RECOMMENDATION_OPTIONS, check_assumption, check_community_stability, check_customer_export,
                             check_influencers, check_key_people, check_recommendation, check_second_link,
                             check_seeding_gap, check_venue_concentration, OUTPOST_EXERCISE)
from snb.feedback import Feedback, graph_problem, node_set_problem, number_problem, teaching_check

__all__ = [
    "Feedback", "graph_problem", "node_set_problem", "number_problem", "teaching_check",
    "check_team_basics", "check_two_step_design", "check_two_step_reach", "check_seeding_comparison",
    "SEEDING_EXERCISE", "REACH_EXERCISE", "check_decision", "check_email_export", "DECISION_EXERCISE",
    "EMAIL_EXERCISE",
    "check_visits_network", "check_co_visits", "check_concentration", "check_partner_choice",
    "VISITS_EXERCISE", "CO_VISIT_EXERCISE", "CONCENTRATION_EXERCISE", "PARTNER_EXERCISE",
    "check_manager_decision", "MANAGER_DECISION_EXERCISE",
    "check_practice_community", "check_karate_communities", "check_fragmenting_departures", "check_merge_advice",
    "PRACTICE_EXERCISE", "KARATE_EXERCISE", "FRAGMENT_EXERCISE", "MERGE_OPTIONS",
    "check_top_brokers", "check_ego_network", "check_camp_bridges", "check_contact_choice",
    "TOP_BROKER_EXERCISE", "EGO_EXERCISE", "CAMPS_EXERCISE", "CONTACT_OPTIONS",
    # chapter 6 (capstone)
    "check_customer_export", "check_seeding_gap", "check_venue_concentration", "check_community_stability",
    "check_key_people", "check_influencers", "check_recommendation", "AUDIT", "RECOMMENDATION_OPTIONS",
    "check_second_link", "OUTPOST_EXERCISE", "check_assumption", "ASSUMPTION_OPTIONS",
]

# Chapter 4: the enterprise's hidden network.
from snb.checks.ch04 import (BROKER_EXERCISE, EVANGELIST_EXERCISE, EVANGELIST_OPTIONS, KEY_PERSON_EXERCISE,  # noqa: E402
                             SMALL_FIRM_EXERCISE, check_brokers, check_evangelists, check_key_person,
                             check_small_firm)

__all__ += ["check_small_firm", "check_brokers", "check_key_person", "check_evangelists", "SMALL_FIRM_EXERCISE",
            "BROKER_EXERCISE", "KEY_PERSON_EXERCISE", "EVANGELIST_EXERCISE", "EVANGELIST_OPTIONS"]

# Chapter 4: complex contagion (the threshold exercise).
from snb.checks.ch04_threshold import THRESHOLD_EXERCISE, check_threshold_rollout  # noqa: E402

__all__ += ["check_threshold_rollout", "THRESHOLD_EXERCISE"]
