"""Hostile and edge-case answers: every check answers with a teaching message, never with
"could not read this answer" (a leaked IndexError, OverflowError, TypeError...), never hangs,
and never accepts a value that is not the answer (issue 25, items 5 and 12).

Every check reads its input through the same bounded path (snb.feedback.bounded_items,
number_problem, node_set_problem, graph_problem), so the same hostile values are tried on
every argument of every check.
"""

from __future__ import annotations

import inspect
import itertools
import re
from decimal import Decimal
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest

from snb import checks
from snb.checks import ch03, ch05, ch06
from snb.datasets import SAMPSON_GROUPS, load_karate_club

#: a readable answer of the right type for each argument (not necessarily right), so that
#: a check reads its later arguments too
FILLERS = {
    "check_team_basics": (0.5, {"Ana"}),
    "check_two_step_design": (nx.path_graph(["Brand", "a", "b"]),),
    "check_two_step_reach": ({0, 1},),
    "check_seeding_comparison": ("peer", 10.0, 10.0),
    "check_decision": ("A",),
    "check_email_export": (nx.Graph([("Ana", "Ben")]), "Ana"),
    "check_visits_network": (nx.Graph([("Femi", "Bean There")]),),
    "check_co_visits": (nx.Graph([("x", "y")]), [("x", "y")]),
    "check_concentration": (0.1, 0.3, 0.5),
    "check_partner_choice": ("MegaMart",),
    "check_manager_decision": ("A",),
    "check_practice_community": (nx.Graph([("Ana", "Ben")]),),
    "check_karate_communities": ([set(range(17)), set(range(17, 34))], 0.5),
    "check_fragmenting_departures": (3,),
    "check_merge_advice": ("A",),
    "check_small_firm": (nx.Graph([("Ana", "Ben")]),),
    "check_brokers": ({1, 2, 3, 4},),
    "check_key_person": (3, 0.01),
    "check_evangelists": ("A",),
    "check_top_brokers": (["Medici", "Strozzi", "Albizzi"], "Medici"),
    "check_ego_network": (nx.Graph([("Mia", "Ana")]),),
    "check_camp_bridges": ([("Peter", "Mark")],),
    "check_contact_choice": ("A",),
    "check_customer_export": (nx.Graph([("a", "b")]),),
    "check_seeding_gap": (1.0, "peer beats broadcast"),
    "check_venue_concentration": (0.5, 0.5),
    "check_community_stability": (5, 0.5),
    "check_key_people": ({"x"}, {"y"}),
    "check_influencers": ({"x"},),
    "check_recommendation": ("A",),
    "check_assumption": ("A",),
    "check_threshold_rollout": ({"brokers": 0.5, "clustered": 0.5}, {"brokers": 0.5, "clustered": 0.5}, "brokers"),
    "check_second_link": (nx.Graph([("Head", "Ana")]),),
}


def _looped() -> nx.Graph:
    G = nx.Graph([("Ana", "Ana"), ("Ana", "Ben"), ("Mia", "Mia"), ("Head", "Head"), ("Dev", "Dev")])
    return G


def hostile_values():
    """Fresh hostile values (iterators are used up by one call)."""
    return {
        "10**400": 10**400, "-10**400": -(10**400), "10**5000": 10**5000,
        "Decimal 1e400": Decimal("1e400"), "Fraction third": Fraction(1, 3),
        "Fraction huge": Fraction(10**400, 3), "0-d int": np.array(3), "0-d float": np.array(0.5),
        "0-d text": np.array("A"), "0-d object": np.array(None, dtype=object), "True": True,
        "nan": float("nan"), "endless": iter(int, 1), "endless sets": iter(lambda: {0}, None),
        "endless inside": [iter(int, 1)], "list of endless": [iter(int, 1), iter(int, 1)],
        "self pair": [("Peter", "Peter")], "pair of pairs": [[0, 0]], "nested": [[[]]],
        "empty list": [], "empty text": "", "bytes": b"A", "object": object(), "None in": [None],
        "dict in": [{}], "2-d array": np.array([[1, 2]]), "self-loops": _looped(),
        "huge range": range(10**12), "complex": 1j,
    }


CHECKS = sorted(n for n in checks.__all__ if n.startswith("check_"))


def test_every_check_of_chapters_1_to_6_has_fillers():
    owned = {n for n in CHECKS
             if getattr(checks, n).__module__.split(".")[-1][:4] in {f"ch0{k}" for k in range(1, 7)}}
    assert set(FILLERS) == owned


@pytest.mark.parametrize("name", CHECKS)
def test_hostile_answers_get_teaching_feedback(name):
    check = getattr(checks, name)
    # a later chapter's check without fillers here: its first argument is tried
    fillers = FILLERS.get(name, (None,))
    assert len(inspect.signature(check).parameters) >= len(fillers)
    leaks = []
    for slot in range(len(fillers)):
        for label, value in hostile_values().items():
            args = list(fillers)
            args[slot] = value
            fb = check(*args)
            assert isinstance(fb, checks.Feedback)
            if "could not read this answer" in fb.message:
                leaks.append(f"argument {slot + 1} = {label}: {fb.message}")
            assert fb.status != "correct", f"argument {slot + 1} = {label} accepted"
    assert not leaks, "\n".join(leaks)


# ------------------------------------------------------------- false accepts
def _louvain():
    return ch03.communities.detect(load_karate_club(), ch03.KARATE_EXERCISE["method"],
                                   seed=ch03.KARATE_EXERCISE["seed"])


def _ari(parts):
    G = load_karate_club()
    return ch03.communities.agreement(G, parts, ch03.communities.factions(G))["ARI"]


def test_karate_right_answer_is_accepted():
    parts = _louvain()
    assert checks.check_karate_communities(parts, _ari(parts)).correct


def test_karate_true_is_not_member_1():
    parts = [set(p) for p in _louvain()]
    holder = next(p for p in parts if 1 in p)
    holder.discard(1)
    holder.add(True)
    fb = checks.check_karate_communities(parts, _ari(_louvain()))
    assert fb.status == "invalid" and "True" in fb.message, str(fb)


def test_karate_extra_empty_community_is_refused():
    parts = [set(p) for p in _louvain()] + [set()]
    fb = checks.check_karate_communities(parts, _ari(_louvain()))
    assert fb.status == "invalid" and "empty" in fb.message, str(fb)


def test_karate_endless_answers_stop():
    fb = checks.check_karate_communities(iter(lambda: {0}, None), 0.5)
    assert fb.status == "invalid" and "never ends" in fb.message
    fb = checks.check_karate_communities([iter(int, 1)], 0.5)
    assert fb.status == "invalid" and "never ends" in fb.message


def test_karate_member_named_twice_is_refused():
    parts = [list(p) for p in _louvain()]
    parts[0].append(parts[0][0])
    assert checks.check_karate_communities(parts, _ari(_louvain())).status == "wrong" or \
        "twice" in checks.check_karate_communities(parts, _ari(_louvain())).message


def test_duplicates_are_refused_in_brokers_and_key_people():
    F = checks.ch04._firm(checks.BROKER_EXERCISE["seed"])
    scores = checks.ch04.brokerage.broker_scores(F.informal, "betweenness")
    top = list(checks.ch04.brokerage.top_k(scores, checks.BROKER_EXERCISE["k"]))
    assert checks.check_brokers(set(top)).correct
    fb = checks.check_brokers(top + [top[0]])
    assert fb.status == "invalid" and "twice" in fb.message, str(fb)
    ans = ch06.audit_answers()
    brokers = sorted(ans["broker scores"], key=ans["broker scores"].get, reverse=True)[:5]
    at_risk = sorted(ans["at risk"])
    fb = checks.check_key_people(brokers + [brokers[0]], at_risk)
    assert fb.status == "invalid" and "twice" in fb.message, str(fb)
    fb = checks.check_key_people(brokers, at_risk + at_risk[:1])
    assert "twice" in fb.message, str(fb)


def _camp_answer():
    want, _ = ch05._camp_ties()
    return [tuple(sorted(p)) for p in want]


def test_camp_ties_listed_twice_or_with_the_same_novice_are_refused():
    answer = _camp_answer()
    assert checks.check_camp_bridges(answer).correct
    fb = checks.check_camp_bridges(answer + [answer[0]])
    assert fb.status == "invalid" and "twice" in fb.message, str(fb)
    assert checks.check_camp_bridges(answer + [answer[0][::-1]]).correct  # both directions: two arcs
    fb = checks.check_camp_bridges(answer + [answer[0]])
    assert fb.status == "invalid" and "twice" in fb.message, str(fb)
    novice = SAMPSON_GROUPS["Young Turks"][0]
    fb = checks.check_camp_bridges(answer + [(novice, novice)])
    assert fb.status == "invalid" and "same novice twice" in fb.message, str(fb)


@pytest.mark.parametrize("name", ["check_practice_community", "check_small_firm", "check_ego_network",
                                  "check_second_link"])
def test_self_loops_are_explained(name):
    fb = getattr(checks, name)(_looped())
    assert fb.status == "invalid" and "tie to themselves" in fb.message, str(fb)


def test_venue_share_to_two_decimals_is_accepted():
    ans = ch06.audit_answers()
    top, gini = ans["top share"], ans["gini"]
    assert checks.check_venue_concentration(round(top, 2), round(gini, 2)).correct
    assert checks.check_venue_concentration(top, gini).correct
    assert not checks.check_venue_concentration(round(top, 2) + 0.01, gini).correct
    assert not checks.check_venue_concentration(round(top, 1) - 0.1, gini).correct


def test_fraction_strengths_are_read_or_explained():
    G = ch06._case().customers.copy()
    exact = G.copy()
    for e in exact.edges:
        exact.edges[e]["strength"] = Fraction(exact.edges[e]["strength"], 1)
    assert checks.check_customer_export(exact).correct
    half = G.copy()
    e = next(iter(half.edges))
    half.edges[e]["strength"] = Fraction(1, 2)
    assert half.edges[e]["strength"] != G.edges[e]["strength"]
    fb = checks.check_customer_export(half)
    assert fb.status == "incorrect", str(fb)
    flag = G.copy()
    flag.edges[e]["strength"] = True
    assert checks.check_customer_export(flag).status == "incorrect"


# ------------------------------------------------------------ choice checks
CHOICES = {
    "check_decision": (checks.DECISION_EXERCISE["options"], checks.DECISION_EXERCISE["answer"]),
    "check_manager_decision": (checks.MANAGER_DECISION_EXERCISE["options"], None),
    "check_merge_advice": (checks.MERGE_OPTIONS, None),
    "check_evangelists": (checks.EVANGELIST_OPTIONS, None),
    "check_contact_choice": (checks.CONTACT_OPTIONS, None),
    "check_recommendation": (checks.RECOMMENDATION_OPTIONS, None),
    "check_assumption": (checks.ASSUMPTION_OPTIONS, None),
}


@pytest.mark.parametrize("name", sorted(CHOICES))
def test_wrong_choices_never_name_the_right_one(name):
    """Every wrong option and every unreadable answer: the feedback names neither the right
    letter nor the right option's text (issue 24, item 2)."""
    check = getattr(checks, name)
    options, _ = CHOICES[name]
    right = [k for k in options if check(k).correct]
    assert len(right) == 1, right
    right = right[0]
    right_text = options[right].lower()[:40]
    letter = re.compile(rf"(?<![A-Za-z]){right}(?![A-Za-z])")
    answers = [k for k in options if k != right] + [3, None, "Z", "", ["A"], "option"]
    for answer in answers:
        fb = check(answer)
        assert not fb.correct
        text = f"{fb.message} {fb.hint}"
        if isinstance(answer, str) and answer in options:  # a wrong option: not even the list of letters
            assert not letter.search(text), f"{answer!r}: {text}"
        else:  # unreadable: the right letter only inside the list of every letter
            assert not letter.search(re.sub(r"\b[A-Z](?:, [A-Z])* or [A-Z]\b", "", text)), f"{answer!r}: {text}"
            assert "e.g." not in text.lower() or not letter.search(text.split("e.g.")[1][:8])
        assert right_text not in text.lower()


def test_checks_package_exports_every_chapter_module_all():
    for module in (checks.ch01, checks.ch02, ch03, checks.ch04, ch05, ch06):
        for name in module.__all__:
            assert getattr(checks, name) is getattr(module, name)
    assert not any(n.startswith("_") for n in checks.__all__)


def test_no_check_module_imports_private_feedback_helpers():
    import ast
    import pathlib

    for path in pathlib.Path(checks.__file__).parent.glob("ch*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 and node.module == "snb.feedback" for a in node.names]
        assert names, f"{path.name} does not use the feedback helpers"
        assert not [n for n in names if n.startswith("_")], f"{path.name} imports {names}"


def test_bounded_items_cuts_endless_iterators():
    from snb.feedback import bounded_items

    assert bounded_items(itertools.count(), limit=5) is None
    assert bounded_items([np.int64(2), np.array(3)], limit=5) == [2, 3]


def test_examples_in_the_guides_answer_no_exercise():
    """A letter shown as an example answer (e.g. ``choice = "A"``) is right for no choice check
    (issue 24, item 2: the attendees' page showed the answer to Exercise 1.5)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[1]
    pages = [root / "README.md"] + [p for p in (root / "book").rglob("*.md") if "_vendor" not in p.parts]
    shown = set()
    for page in pages:
        shown |= set(re.findall(r"""\w+\s*=\s*["']([A-Z])["']""", page.read_text(encoding="utf-8")))
    assert shown, "the attendees' page shows an example letter"
    for name in CHOICES:
        for letter in shown:
            assert not getattr(checks, name)(letter).correct, f"{letter!r} answers {name}"
