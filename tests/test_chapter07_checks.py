"""Chapter 7 exercise checks: accept right answers in every valid form, explain wrong ones,
and turn bad input into a clear message instead of a traceback."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from helpers import ODD_INPUTS, assert_feedback, assert_odd_inputs_rejected

from snb import checks, verdicts
from snb.checks import ch07
from snb.ona import ethics

THRESHOLD = verdicts.stored("07-broker-response-rate").details["threshold"]
GOOD_QUESTION = ("In the last month, whom did you go to for advice on a work problem? Tick their names in the "
                 "list of colleagues.")
GOOD_SUMMARY = """Of the 300 people, 78 % answered. Advice mostly stays inside departments: 61 % of advice ties
(95 % CI 57 % to 64 %) are named within one's own department, more than chance gives.

Caveat: the busiest people answered least, so missing answers may hide some brokers; this is a snapshot."""


@pytest.mark.parametrize("check", [checks.check_survey_question, checks.check_threshold,
                                   checks.check_qap_reading, checks.check_summary])
def test_odd_inputs_never_raise_and_are_never_accepted(check):
    assert_odd_inputs_rejected(check, lambda x: (x,), ODD_INPUTS)


@pytest.mark.parametrize("check", [checks.check_survey_question, checks.check_threshold,
                                   checks.check_qap_reading, checks.check_summary])
def test_a_placeholder_is_not_answered_yet(check):
    assert check(...).status == "unanswered"


# ------------------------------------------------------------------ 7.1 the survey question
@pytest.mark.parametrize("text", [
    GOOD_QUESTION,
    "During the past three months, with whom did you work closely on a task? Select names from the roster.",
    "in the last month, who gave you information you needed for your work? choose from the list",
])
def test_good_questions_are_accepted(text):
    assert_feedback(checks.check_survey_question(text), "correct", "time frame")


@pytest.mark.parametrize("text, fragment", [
    (checks.FLAWED_QUESTION, "two things at once"),
    ("In the last month, whom did you ask for advice? And who is lazy?", "two things at once"),
    ("In the last month, who is not pulling their weight? Tick names from the list.", "negative judgement"),
    ("In the last month, whom did you ask for advice about your health? Tick names from the list.", "Art. 9"),
    ("In the last month, which colleagues do you like best? Tick names from the list.", "which working relation"),
    ("Whom do you go to for advice on a work problem? Tick names from the list.", "no period"),
    ("In the last month, whom did you go to for advice? Write as many names as you like.", "roster"),
    ("In the last month, whom did you go to for advice? Write their names.", "roster"),
    ("Advice?", "too short"),
])
def test_flawed_questions_are_explained(text, fragment):
    assert_feedback(checks.check_survey_question(text), "incorrect", fragment)


# ------------------------------------------------------------------ 7.2 the threshold
@pytest.mark.parametrize("form", [THRESHOLD, THRESHOLD * 100, np.float64(THRESHOLD), Decimal(str(THRESHOLD)),
                                  Fraction(str(THRESHOLD)), np.array([THRESHOLD]), int(THRESHOLD * 100)])
def test_the_threshold_is_accepted_in_every_form(form):
    assert_feedback(checks.check_threshold(form), "correct", f"{THRESHOLD:.0%}")


def test_the_other_verdicts_thresholds_are_explained():
    random = verdicts.stored("07-broker-response-rate-random").details["threshold"]
    krack = verdicts.stored("07-broker-response-rate-krackhardt").details["threshold"]
    assert random != THRESHOLD != krack
    assert_feedback(checks.check_threshold(random), "incorrect", "random")
    assert_feedback(checks.check_threshold(krack), "incorrect", "Krackhardt")


def test_too_low_and_too_high_thresholds_are_explained():
    assert_feedback(checks.check_threshold(0.3), "incorrect", "not reliable")
    assert_feedback(checks.check_threshold(0.95), "incorrect", "stricter")
    assert_feedback(checks.check_threshold(150), "invalid", "not a response rate")
    assert_feedback(checks.check_threshold("70 %"), "invalid", "not a number")


# ------------------------------------------------------------------ 7.3 reading QAP
@pytest.mark.parametrize("form", ["B", "b", " B ", "b\n"])
def test_the_right_reading_is_accepted(form):
    assert_feedback(checks.check_qap_reading(form), "correct", "independent")


@pytest.mark.parametrize("letter, fragment", [("A", "cannot say what causes"), ("C", "small is not"),
                                              ("D", "not independent")])
def test_each_wrong_reading_gets_its_own_explanation(letter, fragment):
    assert_feedback(checks.check_qap_reading(letter), "incorrect", fragment)


def test_the_qap_feedback_quotes_the_stored_p_values():
    v = verdicts.stored(checks.QAP_EXERCISE["verdict"])
    text = checks.check_qap_reading("B").message
    assert f"{v.details['p']:.3f}" in text and f"{v.details['naive p']:.4f}" in text


# ------------------------------------------------------------------ 7.4 the summary
def test_a_good_summary_is_accepted():
    assert_feedback(checks.check_summary(GOOD_SUMMARY), "correct", "78 %")


@pytest.mark.parametrize("variant", [
    GOOD_SUMMARY.replace("78 %", "78 per cent"),
    GOOD_SUMMARY.replace("\n\n", "\n   \n"),
    GOOD_SUMMARY.replace("(95 % CI 57 % to 64 %)", "(interval 57-64 %)"),
])
def test_summaries_are_accepted_in_other_valid_forms(variant):
    assert checks.check_summary(variant).correct


@pytest.mark.parametrize("text, fragment", [
    (GOOD_SUMMARY.replace("\n\n", " "), "1 paragraph"),
    (GOOD_SUMMARY + "\n\nA third paragraph.", "3 paragraphs"),
    (GOOD_SUMMARY.replace("Advice", "Ana Silva says advice"), "names a person"),
    (GOOD_SUMMARY.replace("78 %", "most people"), "response rate"),
    (GOOD_SUMMARY.replace("78 %", "70 %"), "response rate"),
    (GOOD_SUMMARY.replace("(95 % CI 57 % to 64 %)", "").replace("61 %", "most"), "interval"),
    (GOOD_SUMMARY.split("\n\n")[0] + "\n\nAll in all the firm works well.", "no caveat"),
    (GOOD_SUMMARY + " word" * 260, "words"),
])
def test_flawed_summaries_are_explained(text, fragment):
    assert_feedback(checks.check_summary(text), "incorrect", fragment)


def test_every_surname_of_the_sample_is_refused_in_a_summary():
    _, surnames = ch07._sample_names()
    for word in sorted(surnames)[:20]:
        assert not checks.check_summary(GOOD_SUMMARY.replace("Advice", f"{word} says advice")).correct, word


# ------------------------------------------------------------------ page 1's checklist
def test_the_checklist_flags_a_purpose_about_individuals_and_a_small_threshold():
    filled = {key: "an answer" for key in ethics.CHECKLIST}
    assert ethics.checklist_problems(filled) == []
    problems = ethics.checklist_problems({**filled, "purpose": "rank staff for the bonus", "threshold": "3"})
    assert len(problems) == 2 and "never" in problems[0] and "at least 5" in problems[1]
    assert len(ethics.checklist_problems({})) == len(ethics.CHECKLIST)


def test_the_gdpr_articles_are_the_ones_the_chapter_names():
    assert list(ethics.GDPR) == ["Art. 5(1)(b)", "Art. 5(1)(c)", "Art. 5(1)(e)", "Art. 6", "Art. 9", "Art. 13",
                                 "Art. 35", "Art. 88"]
    topics = {"Art. 5(1)(b)": "purpose limitation", "Art. 5(1)(c)": "data minimisation",
              "Art. 5(1)(e)": "storage limitation", "Art. 6": "lawful basis", "Art. 9": "special categories",
              "Art. 13": "information", "Art. 35": "impact assessment", "Art. 88": "employment"}
    assert all(topic in ethics.GDPR[article] for article, topic in topics.items())
