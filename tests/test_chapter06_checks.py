"""Chapter 6 (capstone) checks: accept the worked solution in every valid form, explain the
typical wrong answers, and turn bad input into a clear message instead of a traceback."""

from fractions import Fraction

import networkx as nx
import numpy as np
import pytest
from helpers import ODD_INPUTS, assert_feedback, assert_odd_inputs_rejected

from snb import checks, measures, stats
from snb.checks import ch06
from snb.models import brokerage, case


@pytest.fixture(scope="module")
def audit():
    c = case.audit_case(seed=checks.AUDIT["seed"])
    return c, ch06.audit_answers()


def _loaded():
    G = nx.Graph()
    for row in case.read_exports("customer-ties.csv"):
        G.add_edge(row["customer"], row["contact"], strength=int(row["strength"]))
    return G


def _solution(audit):
    c, ans = audit
    low = brokerage.top_k(ans["broker scores"], 5)
    at_risk = {v for v, loss in case.cut_people(c.staff).items() if loss["cut off"] >= 2}
    pr = nx.pagerank(c.customers, weight="strength")
    return low, at_risk, sorted(pr, key=pr.get, reverse=True)[:6]


@pytest.mark.parametrize("check, args", [
    (checks.check_customer_export, lambda x: (x,)),
    (checks.check_seeding_gap, lambda x: (x, "broadcast beats peer")),
    (checks.check_seeding_gap, lambda x: (ch06.audit_answers()["seeding"]["gap"], x)),
    (checks.check_venue_concentration, lambda x: (x, 0.5)),
    (checks.check_venue_concentration, lambda x: (ch06.audit_answers()["top share"], x)),
    (checks.check_community_stability, lambda x: (x, 0.9)),
    (checks.check_community_stability, lambda x: (ch06.audit_answers()["communities"], x)),
    (checks.check_key_people, lambda x: (x, {120, 126})),
    (checks.check_influencers, lambda x: (x,)),
    (checks.check_recommendation, lambda x: (x,)),
    (checks.check_assumption, lambda x: (x,)),
    (checks.check_second_link, lambda x: (x,)),
])
def test_odd_inputs_never_raise_and_are_never_accepted(check, args):
    assert_odd_inputs_rejected(check, args, ODD_INPUTS)


@pytest.mark.parametrize("check, args", [
    (checks.check_customer_export, (...,)),
    (checks.check_seeding_gap, (..., ...)),
    (checks.check_venue_concentration, (..., ...)),
    (checks.check_community_stability, (..., ...)),
    (checks.check_key_people, (..., ...)),
    (checks.check_influencers, (...,)),
    (checks.check_recommendation, (...,)),
    (checks.check_assumption, (...,)),
    (checks.check_second_link, (...,)),
])
def test_placeholder_is_not_answered_yet(check, args):
    assert_feedback(check(*args), "unanswered")


# ------------------------------------------------------------------ 6.1
def test_export_accepts_the_loaded_network_in_any_order(audit):
    assert_feedback(checks.check_customer_export(_loaded()), "correct", "600 customers")
    flipped = nx.Graph((b, a, d) for a, b, d in reversed(list(_loaded().edges(data=True))))
    assert_feedback(checks.check_customer_export(flipped), "correct")
    assert_feedback(checks.check_customer_export(audit[0].customers), "correct")


def test_export_explains_typical_mistakes():
    G = _loaded()
    nx.set_edge_attributes(G, {e: str(s) for e, s in nx.get_edge_attributes(G, "strength").items()}, "strength")
    assert_feedback(checks.check_customer_export(G), "incorrect", "text")
    G = nx.Graph(list(_loaded().edges))
    assert_feedback(checks.check_customer_export(G), "incorrect", "without a `strength`")
    G = _loaded()
    G.add_edge("customer", "contact", strength="strength")
    assert_feedback(checks.check_customer_export(G), "incorrect", "header row")
    G = _loaded()
    G.remove_edge(*next(iter(G.edges)))
    assert_feedback(checks.check_customer_export(G), "incorrect", "1 tie missing")
    G = _loaded()
    a, b = next(iter(G.edges))
    G[a][b]["strength"] += 1
    assert_feedback(checks.check_customer_export(G), "incorrect", "1 tie with a strength")
    assert_feedback(checks.check_customer_export(nx.convert_node_labels_to_integers(_loaded())), "incorrect",
                    "numbers")


# ------------------------------------------------------------------ 6.2
def test_seeding_accepts_the_interval_or_its_mean_in_any_number_type(audit):
    gap = audit[1]["seeding"]["gap"]
    verdict = audit[1]["seeding"]["verdict"]
    for form in (gap, gap.mean, np.float64(gap.mean), np.array([gap.mean]), Fraction(gap.mean)):
        assert_feedback(checks.check_seeding_gap(form, verdict), "correct")
    assert_feedback(checks.check_seeding_gap(gap, "  Broadcast beats PEER "), "correct")


def test_seeding_explains_typical_mistakes(audit):
    s = audit[1]["seeding"]
    assert_feedback(checks.check_seeding_gap(-s["gap"].mean, s["verdict"]), "incorrect", "peer minus broadcast")
    one = float(s["broadcast"][0] - s["peer"][0])
    assert not np.isclose(one, s["gap"].mean, rtol=0.01)
    assert_feedback(checks.check_seeding_gap(one, s["verdict"]), "incorrect", "one replication")
    assert_feedback(checks.check_seeding_gap(s["gap"].mean * 2, s["verdict"]), "incorrect", "task's settings")
    other = "peer beats broadcast" if s["verdict"] != "peer beats broadcast" else "broadcast beats peer"
    assert_feedback(checks.check_seeding_gap(s["gap"], other), "incorrect", "excludes zero")
    assert_feedback(checks.check_seeding_gap(s["gap"], "broadcast wins"), "invalid", "three verdicts")


# ------------------------------------------------------------------ 6.3
def test_concentration_accepts_the_solution_and_explains_mistakes(audit):
    c, ans = audit
    visits = case.venue_visits(c.visits)
    top, gini = measures.top_share(visits, 0.2), measures.gini(visits)
    assert_feedback(checks.check_venue_concentration(top, gini), "correct", "chains")
    assert_feedback(checks.check_venue_concentration(np.float32(top), Fraction(gini)), "correct")
    visitors = {v: c.visits.degree(v) for v in visits}
    assert_feedback(checks.check_venue_concentration(measures.top_share(visitors, 0.2), gini), "incorrect",
                    "customers per venue")
    assert_feedback(checks.check_venue_concentration(top * 100, gini), "invalid", "between 0 and 1")
    assert_feedback(checks.check_venue_concentration(top, gini + 0.1), "incorrect", "Gini")
    assert_feedback(checks.check_venue_concentration(top - 0.1, gini), "incorrect", "busiest 20 %")


# ------------------------------------------------------------------ 6.4
def test_stability_accepts_the_solution_and_explains_mistakes(audit):
    c, ans = audit
    runs = ans["stability"]
    assert_feedback(checks.check_community_stability(ans["communities"], runs.mean()), "correct",
                    "95 % CI")
    assert_feedback(checks.check_community_stability(np.int64(ans["communities"]), np.float64(runs.mean())),
                    "correct")
    assert_feedback(checks.check_community_stability(ans["communities"], np.append(runs, 1).mean()),
                    "incorrect", "itself")
    assert_feedback(checks.check_community_stability(ans["communities"] + 1, runs.mean()), "incorrect",
                    "seed 0")
    assert_feedback(checks.check_community_stability(ans["communities"], runs.sum()), "invalid", "between -1")
    assert_feedback(checks.check_community_stability(ans["communities"], runs.mean() - 0.05), "incorrect")


# ------------------------------------------------------------------ 6.5
def test_key_people_accept_the_solution_in_any_collection(audit):
    low, at_risk, _ = _solution(audit)
    assert_feedback(checks.check_key_people(low, at_risk), "correct", "planted broker", "outpost")
    assert_feedback(checks.check_key_people(set(low), sorted(at_risk)), "correct")
    assert_feedback(checks.check_key_people(tuple(np.array(low)), tuple(at_risk)), "correct")


def test_key_people_explain_typical_mistakes(audit):
    c, ans = audit
    low, at_risk, _ = _solution(audit)
    high = brokerage.top_k({v: -s for v, s in ans["broker scores"].items()}, 5)
    assert_feedback(checks.check_key_people(high, at_risk), "incorrect", "highest constraint")
    assert_feedback(checks.check_key_people(low[:4], at_risk), "invalid", "expected 5 members")
    assert_feedback(checks.check_key_people(low, set(ans["cut"])), "incorrect", "at least two")
    assert_feedback(checks.check_key_people(low, at_risk | {0}), "incorrect", "1 person too many or missing")
    assert_feedback(checks.check_key_people([str(v) for v in low], at_risk), "invalid", "numbers")


# ------------------------------------------------------------------ 6.6
def test_influencers_accept_the_solution_and_explain_mistakes(audit):
    c, ans = audit
    *_, top = _solution(audit)
    assert_feedback(checks.check_influencers(top), "correct", "6 planted influencers")
    assert_feedback(checks.check_influencers(set(top)), "correct")
    loud = brokerage.top_k(ans["influence"]["degree"], 6)
    assert_feedback(checks.check_influencers(loud), "incorrect", "by degree", "strength")
    assert_feedback(checks.check_influencers(top[:5] + [loud[0]]), "incorrect", "not among the 6 highest")
    assert_feedback(checks.check_influencers(top + ["c9999"]), "invalid", "not in the network")


# ------------------------------------------------------------------ 6.7
def test_recommendation_gives_feedback_on_every_option():
    results = {k: checks.check_recommendation(k) for k in checks.RECOMMENDATION_OPTIONS}
    assert [k for k, f in results.items() if f.correct] == ["D"]
    assert all(f.message for f in results.values())
    assert_feedback(checks.check_recommendation(" d "), "correct")
    assert_feedback(checks.check_recommendation("d"), "correct")
    assert_feedback(checks.check_recommendation("E"), "invalid", "not one of the options")
    assert_feedback(checks.check_recommendation(3), "invalid", "one letter")


def test_assumption_accepts_only_the_condition_the_plan_rests_on():
    results = {k: checks.check_assumption(k) for k in checks.ASSUMPTION_OPTIONS}
    assert [k for k, f in results.items() if f.correct] == ["B"]
    assert all(f.message and (f.correct or f.hint) for f in results.values())
    for form in ("B", "b", " b ", "B\n"):
        assert_feedback(checks.check_assumption(form), "correct", "flips")
    for k, f in results.items():
        assert "trust" not in f.hint.lower() or f.correct  # no hint names the answer
    assert_feedback(checks.check_assumption(...), "unanswered")
    assert_feedback(checks.check_assumption("E"), "invalid", "not one of the options")
    assert_feedback(checks.check_assumption(2), "invalid", "one letter")
    assert_feedback(checks.check_assumption(None), "invalid")


def test_recommendation_feedback_quotes_the_stored_verdicts():
    from snb import verdicts

    assert verdicts.stored("06-uniform-loud-win").label in checks.check_recommendation("A").message
    assert verdicts.stored("06-uniform-loud-win").label in checks.check_recommendation("C").message


def test_feedback_uses_singular_and_plural_right():
    assert "1 tie missing" in str(checks.check_customer_export(
        nx.Graph(list(_loaded().edges(data=True))[1:])))
    assert stats.verdict(ch06.audit_answers()["seeding"]["gap"], "broadcast", "peer") in ch06.VERDICTS


# ------------------------------------------------------------------ 6.6 build
def _outpost():
    spec = checks.OUTPOST_EXERCISE
    team = spec["outpost"]
    G = nx.Graph((a, b) for i, a in enumerate(team) for b in team[i + 1:])
    G.add_edges_from(spec["ties"])
    return G


def test_second_link_accepts_any_one_tie_from_the_outpost_to_the_firm():
    for member in ("Ana", "Eva"):
        for firm in ("Firm A", "Firm B"):
            G = _outpost()
            G.add_edge(firm, member)
            assert_feedback(checks.check_second_link(G), "correct", "two links")
    from snb import widgets
    builder = widgets.NetworkBuilder(check=checks.check_second_link)
    builder.set_edges("\n".join(f"{a} - {b}" for a, b in list(_outpost().edges) + [("Dev", "Firm A")]))
    assert_feedback(checks.check_second_link(builder.graph), "correct")


def test_second_link_explains_typical_mistakes():
    assert_feedback(checks.check_second_link(_outpost()), "incorrect", "Head is the only link")
    G = _outpost()
    G.add_edges_from([("Ana", "Firm A"), ("Ben", "Firm B")])
    assert_feedback(checks.check_second_link(G), "incorrect", "2 new ties")
    G = _outpost()
    G.add_edge("Ana", "Head")  # already there: nothing new
    assert_feedback(checks.check_second_link(G), "incorrect", "only link")
    G = _outpost()
    G.remove_edge("Ana", "Ben")
    G.add_edge("Ana", "Firm A")
    assert_feedback(checks.check_second_link(G), "incorrect", "1 tie of the description missing", "Ana - Ben")
    G = _outpost()
    G.add_edge("Eva", "Zoe")
    assert_feedback(checks.check_second_link(G), "incorrect", "not in the description")
    G = nx.relabel_nodes(_outpost(), {"Ana": "ana"})
    assert_feedback(checks.check_second_link(G), "incorrect", "not in the description")
