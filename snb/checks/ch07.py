"""Chapter 7 exercise checks and their settings: network analysis at work."""

from __future__ import annotations

import functools
import re
from typing import Any

from snb.feedback import (
    Feedback,
    correct,
    describe,
    graph_problem,
    invalid,
    number_problem,
    plural,
    teaching_check,
    unanswered,
    wrong,
)

__all__ = [
    "SURVEY_EXERCISE", "check_survey_network", "FLAWED_QUESTION", "THRESHOLD_EXERCISE", "QAP_EXERCISE",
    "QAP_OPTIONS", "SUMMARY_EXERCISE", "check_survey_question", "check_threshold", "check_qap_reading",
    "check_summary", "broker_threshold"
]

#: Exercise 7.1: a flawed survey question to rewrite.
FLAWED_QUESTION = ("Who in the company do you rely on and who is not pulling their weight? Write down as many "
                   "names as you like, and tell us if anyone has health or family problems that affect their work.")

#: Exercise 7.2: the response rate from which a top-5 broker list is worth giving (verdict of page 2).
THRESHOLD_EXERCISE: dict[str, Any] = {"verdict": "07-broker-response-rate", "others": {
    "07-broker-response-rate-random": "that is the threshold when non-response is random; in your firm the "
                                      "busiest answer least, which damages the broker list more.",
    "07-broker-response-rate-krackhardt": "that is the threshold for Krackhardt's 21 managers, a small and "
                                          "dense network; the question is about a firm of 100.",
}}

#: Exercise 7.3: reading a QAP result (verdict of page 3).
QAP_EXERCISE: dict[str, Any] = {"verdict": "07-friendship-advice-qap", "answer": "B"}
QAP_OPTIONS: dict[str, str] = {
    "A": "Friendship makes managers ask each other for advice: the correlation is beyond chance.",
    "B": "Managers ask their friends for advice more often than chance would give in this firm, and the "
         "ordinary p-value overstates how sure we can be.",
    "C": "A correlation of 0.15 is too small to be a pattern: there is nothing to report.",
    "D": "The ordinary p-value is the right one, because 420 pairs of managers are a large sample.",
}
_QAP_FEEDBACK = {
    "A": "a permutation test says the pattern is unlikely under chance; it cannot say what causes it (advice "
         "may create friendship, or both may follow from working side by side).",
    "B": "the QAP p-value ({qap:.3f}) is about {ratio:.0f} times the ordinary one ({naive:.4f}): the pairs share "
         "people, so they are not 420 independent observations, and only the permutation test respects that.",
    "C": "small is not the same as chance: the QAP test compares 0.15 with what relabelling the managers gives, "
         "and 0.15 is beyond it.",
    "D": "the 420 pairs are not independent: every manager is in 40 of them, so a busy or popular manager moves "
         "many cells at once. The ordinary p-value assumes independence and is too small.",
}

#: Exercise 7.4: the two-paragraph summary of the sample survey's report.
SUMMARY_EXERCISE: dict[str, Any] = {"paragraphs": 2, "max_words": 250}

_NEGATIVE = ("not pulling", "weight", "worst", "lazy", "cannot work", "can't work", "dislike", "avoid", "blame",
             "weak", "difficult", "problem colleague")
_SPECIAL = ("health", "family", "religio", "union", "politic", "sick", "pregnan", "ethnic", "sexual", "medical")
_RELATIONS = ("advice", "help", "information", "collaborat", "work with", "worked with", "work closely",
              "energ", "trust", "ideas", "solve", "problem-solving", "expertise")
_TIME = ("last month", "past month", "last three months", "past three months", "last 3 months", "past 3 months",
         "last six months", "past six months", "last week", "past week", "last quarter", "past quarter",
         "last two weeks", "past two weeks", "last year", "past year", "weeks", "months")
_ROSTER = ("list", "roster", "tick", "select", "choose")


@teaching_check
def check_survey_question(question: Any) -> Feedback:
    """Exercise 7.1: a rewritten survey question without the flaws of :data:`FLAWED_QUESTION`.

    Parameters
    ----------
    question : str
        The new question's text.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_survey_question(...).status
    'unanswered'
    >>> check_survey_question("Who?")
    ✘ Not yet: the question is too short to tell a respondent what to answer.
      Hint: say which relation you ask about, over which period, and how people give names.
    """
    if question is ...:
        return unanswered("your rewritten question, as text")
    if not isinstance(question, str):
        return invalid(f"expected the question as text, got {describe(question)}.",
                        'write it in quotes: question = "Whom do you ..."')
    text = " ".join(question.lower().split())
    if len(text) < 20:
        return wrong("the question is too short to tell a respondent what to answer.",
                      "say which relation you ask about, over which period, and how people give names.")
    if text.count("?") > 1 or re.search(r"\band who\b|\bor who\b", text):
        return wrong("this still asks two things at once (a double-barrelled question): a respondent cannot "
                      "answer both with one list of names.", "ask about one relation per question.")
    special = [w for w in _SPECIAL if w in text]
    if special:
        return wrong(f"the question still touches a special category of data ({special[0]}...): GDPR Art. 9 "
                      "forbids processing such data without an exception, and a colleague's answer reveals "
                      "someone else's.", "leave out health, family, religion, union membership and the like.")
    negative = [w for w in _NEGATIVE if w in text]
    if negative:
        return wrong(f"the question still asks for a negative judgement of colleagues ({negative[0]!r}): such "
                      "answers harm the people named and make everyone answer less honestly.",
                      "ask about a tie that helps the work, such as advice or collaboration.")
    if not any(w in text for w in _RELATIONS):
        return wrong("the question does not say which working relation it is about.",
                      "name one relation: advice, information, collaboration, energy or trust.")
    if not any(w in text for w in _TIME):
        return wrong("the question gives no period, so one respondent thinks of last week and another of "
                      "last year.", "add a time frame such as 'in the last month'.")
    if not any(w in text for w in _ROSTER) and "as many" in text:
        return wrong("free recall with no limit favours people who remember many names and those easily "
                      "remembered.", "let people choose from the list of colleagues (a roster).")
    if not any(w in text for w in _ROSTER):
        return wrong("the question does not say how people give names: free recall misses ties people "
                      "forget.", "let people choose from the list of colleagues (a roster).")
    return correct("one working relation, a time frame, names chosen from a roster, nothing negative and nothing "
               "from a special category: a question people can answer and a report can use.")


@functools.lru_cache(maxsize=1)
def _stored() -> dict:
    from snb import verdicts  # a module of the registry; loaded only when a check needs it

    return verdicts.stored_all()


def broker_threshold(verdict: str = THRESHOLD_EXERCISE["verdict"]) -> float:
    """The response rate from which a top-5 broker list is worth giving, from a stored verdict."""
    return float(_stored()[verdict].details["threshold"])


@teaching_check
def check_threshold(rate: Any) -> Feedback:
    """Exercise 7.2: the response rate from which a top-5 broker list is worth giving.

    The exercise's survey is one where the busiest people answer least.

    Parameters
    ----------
    rate : float
        The response rate, as a share or a percentage.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_threshold(...).status
    'unanswered'
    >>> check_threshold("high")
    ! Cannot check this answer: the answer is the text 'high', not a number.
      Hint: remove the quotes: 0.5, not '0.5'.
    """
    value, problem = number_problem(rate, what="the response rate")
    if problem:
        return problem
    share = value / 100 if value > 1 else value
    if not 0 < share <= 1:
        return invalid(f"{value:g} is not a response rate.", "give a share such as 0.5 or a percentage "
                        "such as 50.")
    want = broker_threshold()
    if abs(share - want) < 1e-6:
        return correct(f"{want:.0%}: below it, the top-5 broker list of a firm of 100 where the busiest answer "
                   "least gets fewer than 3 of 5 right on average, or cannot be told apart from that.")
    for verdict, why in THRESHOLD_EXERCISE["others"].items():
        if abs(share - broker_threshold(verdict)) < 1e-6:
            return wrong(f"{share:.0%}: {why}", "read the verdict for the busiest answering least.")
    if share < want:
        return wrong(f"at {share:.0%} the broker list is not reliable enough by the page's criterion.",
                      "find the lowest swept response rate at which the list gets 3 of 5 right, interval and all.")
    return wrong(f"{share:.0%} is safe but stricter than the study needs: a survey that reached the threshold "
                  "would be refused.", "find the lowest swept response rate at which the verdict holds.")


def _letter(choice: Any, options: dict[str, str]) -> tuple[str | None, Feedback | None]:
    letters = ", ".join(options)
    if choice is ...:
        return None, unanswered(f"one letter, {letters}")
    if not isinstance(choice, str) or choice.strip().upper() not in options:
        return None, invalid(f"expected one of the letters {letters}, got {describe(choice)}.",
                              "write the letter as text, e.g. 'A'.")
    return choice.strip().upper(), None


@teaching_check
def check_qap_reading(choice: Any) -> Feedback:
    """Exercise 7.3: which reading of the QAP result on friendship and advice is right.

    Parameters
    ----------
    choice : str
        One letter, A to D.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_qap_reading(...).status
    'unanswered'
    >>> check_qap_reading("E")
    ! Cannot check this answer: expected one of the letters A, B, C, D, got 'E'.
      Hint: write the letter as text, e.g. 'A'.
    """
    letter, problem = _letter(choice, QAP_OPTIONS)
    if problem:
        return problem
    v = _stored()[QAP_EXERCISE["verdict"]]
    naive, p = v.details["naive p"], v.details["p"]
    message = _QAP_FEEDBACK[letter].format(qap=p, naive=naive, ratio=p / naive)
    if letter == QAP_EXERCISE["answer"]:
        return correct(message)
    return wrong(message, "ask what the permutation test compares the observed value with, and what it cannot "
                           "tell.")


@functools.lru_cache(maxsize=1)
def _sample_names() -> tuple[frozenset, frozenset]:
    from snb.ona import sample  # the shipped sample survey's people

    people = sample.make_sample()[1]["id"].tolist()
    return frozenset(people), frozenset(w for p in people for w in p.split())


@functools.lru_cache(maxsize=1)
def sample_response_rate() -> float:
    """The sample survey's response rate (what the summary must report)."""
    from snb.ona import sample, survey

    return survey.load(sample.SURVEY_PATH, sample.PEOPLE_PATH).response_rate


_CAVEATS = ("missing", "did not answer", "non-response", "nonresponse", "snapshot", "self-report", "reported",
            "caution", "caveat", "not a measure", "not the worth", "chance", "pseudonym", "robust", "fragile",
            "uncertain", "limit")
_INTERVAL = re.compile(r"(95\s*%|ci\b|interval|between\s+\d+[.,]?\d*\s*%?\s+and\s+\d|\d\s*%?\s*(to|-|–)\s*\d)")


@teaching_check
def check_summary(summary: Any) -> Feedback:
    """Exercise 7.4: a two-paragraph summary of the sample survey's report for a manager.

    Parameters
    ----------
    summary : str
        Two paragraphs separated by an empty line: findings, then caveats.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_summary(...).status
    'unanswered'
    >>> check_summary("All is well.")
    ✘ Not yet: the summary has 1 paragraph; the exercise asks for two.
      Hint: separate the paragraphs with an empty line: findings, then caveats.
    """
    if summary is ...:
        return unanswered("your summary, as text")
    if not isinstance(summary, str):
        return invalid(f"expected the summary as text, got {describe(summary)}.",
                        'write it between triple quotes: summary = """..."""')
    paragraphs = [p for p in re.split(r"\n\s*\n", summary.strip()) if p.strip()]
    words = len(summary.split())
    if len(paragraphs) != SUMMARY_EXERCISE["paragraphs"]:
        return wrong(f"the summary has {len(paragraphs)} paragraph{'s' * (len(paragraphs) != 1)}; the exercise "
                      "asks for two.", "separate the paragraphs with an empty line: findings, then caveats.")
    if words > SUMMARY_EXERCISE["max_words"]:
        return wrong(f"{words} words: a manager reads about {SUMMARY_EXERCISE['max_words']} at most.",
                      "keep the two findings that matter most and one sentence per caveat.")
    full, parts = _sample_names()
    found = [name for name in full if name.lower() in summary.lower()]
    found += [w for w in parts if re.search(rf"\b{re.escape(w)}\b", summary)]
    if found:
        return wrong(f"the summary names a person ({sorted(found)[0]}...): a summary speaks of groups and "
                      "patterns, never of individuals.", "describe roles and departments, not people.")
    rate = round(sample_response_rate() * 100)
    text = summary.lower()
    if not re.search(rf"\b{rate}\s*(%|per ?cent)", text):
        return wrong("the summary does not state the survey's response rate.",
                      "say how many answered, as a percentage, as the report's first line does.")
    if not _INTERVAL.search(text):
        return wrong("no number comes with its interval.", "give at least one key number with its 95 % "
                      "interval, as the report prints it.")
    if not any(c in paragraphs[1].lower() for c in _CAVEATS):
        return wrong("there is no caveat: what could make these findings wrong or be misread?",
                      "the second paragraph says what the data cannot show (missing answers, a snapshot, "
                      "chance, roles are not worth).")
    return correct(f"two paragraphs, {words} words: the response rate ({rate} %), a number with its interval, a "
               "caveat, and nobody named.")


# ------------------------------------------ exercise 7.5: the network a survey shows
#: Exercise 7.5: a team's answers to "whom did you go to for advice?" (respondent -> named);
#: an empty list means "answered, named nobody"; a person missing from ``answers`` did not answer.
SURVEY_EXERCISE: dict[str, Any] = {
    "people": ("Ana", "Ben", "Chloe", "Dev", "Eva", "Femi"),
    "answers": {"Ana": ["Ben", "Chloe"], "Ben": ["Ana", "Dev"], "Chloe": ["Ana", "Femi"], "Dev": ["Eva"],
                "Eva": []},
}


def _survey_ties() -> set[frozenset]:
    return {frozenset((a, b)) for a, named in SURVEY_EXERCISE["answers"].items() for b in named}


@teaching_check
def check_survey_network(G: Any) -> Feedback:
    """Exercise 7.5: the undirected network a survey shows under the union rule.

    Everyone in the survey's boundary belongs in it, named or not.

    Parameters
    ----------
    G : networkx.Graph
        The survey's network.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_survey_network(...).status
    'unanswered'
    >>> check_survey_network([("a", "b")])
    ! Cannot check this answer: expected the survey's network (a networkx Graph), got a list.
      Hint: make a graph with nx.Graph() and add ties to it.
    """
    problem = graph_problem(G, max_nodes=200, what="the survey's network (a networkx Graph)")
    if problem:
        return problem
    people = SURVEY_EXERCISE["people"]
    strangers = sorted(str(v) for v in G if v not in people)
    if strangers:
        return wrong(f"not in the team: {strangers[:4]}.", "use the six names exactly as the survey gives them.")
    want, have = _survey_ties(), {frozenset(e) for e in G.edges}
    extra, lacking = sorted(map(sorted, have - want)), sorted(map(sorted, want - have))
    if extra:
        return wrong(f"{plural(len(extra), 'tie')} that nobody named, e.g. {' - '.join(extra[0])}.",
                      "a tie exists only when one of the two named the other.")
    if lacking:
        pair = lacking[0]
        if "Femi" in pair:
            return wrong(f"the tie {' - '.join(pair)} is missing.", "Femi did not answer, but Chloe named Femi: "
                          "under the union rule a tie counts when either person named the other.")
        return wrong(f"{plural(len(lacking), 'tie')} missing, e.g. {' - '.join(pair)}.",
                      "add one tie for every name in the answers, whoever named whom.")
    missing = [p for p in people if p not in G]
    if missing:
        return wrong(f"missing: {', '.join(missing)}.", "everyone in the boundary belongs in the network, "
                      "whether they answered, named nobody, or were named by nobody.")
    return correct(f"{G.number_of_nodes()} people and {G.number_of_edges()} ties. Femi did not answer, yet has a tie "
               "because Chloe named Femi; Eva named nobody and still has a tie, because Dev named Eva. "
               "A tie between two people who both did not answer would be invisible.")
