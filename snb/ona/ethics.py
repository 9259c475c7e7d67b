"""What page 1 of chapter 7 teaches about ethics and law, as data the page and the report share.

The articles are of the EU General Data Protection Regulation (Regulation (EU) 2016/679),
summarised in our own words; this is teaching material, not legal advice.
"""

from __future__ import annotations

__all__ = ["RELATIONS", "GDPR", "NEVER", "CAVEATS", "CHECKLIST", "checklist_problems"]

#: Relations an organisational network survey asks about: a wording, and what it shows.
RELATIONS: dict[str, dict[str, str]] = {
    "advice": {"question": "In the last month, whom did you go to for advice on a work problem?",
               "shows": "who holds know-how others rely on; overloaded experts"},
    "information": {"question": "In the last month, from whom did you get information you needed for "
                                "your work?", "shows": "how news and know-how travel; bottlenecks"},
    "collaboration": {"question": "In the last month, with whom did you work closely on a task?",
                      "shows": "how work is really organised across the chart"},
    "energy": {"question": "When you talk with these colleagues, how do you usually feel afterwards "
                           "(energised / neutral / drained)?",
               "shows": "who lifts a team's energy (Cross and Parker 2004); sensitive, ask with care"},
    "trust": {"question": "Whom would you trust to keep a sensitive work matter confidential?",
              "shows": "who people turn to in a crisis; very sensitive, rarely worth asking"},
}

#: GDPR provisions an organisational network survey meets, in our own words.
GDPR: dict[str, str] = {
    "Art. 5(1)(b)": "purpose limitation: collect for a purpose stated in advance, and do not reuse the data "
                    "for another purpose that does not fit it (a study of collaboration is not a performance "
                    "review).",
    "Art. 5(1)(c)": "data minimisation: ask only what the stated purpose needs (no free-text comments about "
                    "colleagues, no questions 'just in case').",
    "Art. 5(1)(e)": "storage limitation: keep data that identify people no longer than the purpose needs; "
                    "set a deletion date before you collect.",
    "Art. 6": "lawful basis: every processing needs one of six bases; at work, consent is rarely free "
              "(the employer holds power over the employee), so firms usually rely on legitimate interests, "
              "which requires weighing their interest against the employees' and respecting objections.",
    "Art. 9": "special categories: data revealing e.g. health, religion, political opinions, trade-union "
              "membership or sexual orientation are prohibited unless an exception applies; ties can reveal "
              "them (who talks to the union representative, who to the company doctor), so do not ask such "
              "relations.",
    "Art. 13": "information at collection: tell people who collects the data, why, on which basis, who will "
               "see what, how long it is kept and what their rights are, before they answer (the people "
               "named but not asked are owed this information too, under Art. 14).",
    "Art. 35": "data protection impact assessment: processing likely to put people's rights at high risk "
               "(systematic analysis of employees' relations is a typical case) needs an assessment of the "
               "risks and safeguards before it starts.",
    "Art. 88": "employment: member states and collective agreements may set more specific rules for "
               "employees' data; check national law and any works agreement.",
}

#: What an organisational network analysis must never be used for.
NEVER: tuple[str, ...] = (
    "rating, ranking, promoting or firing individuals by their position in the network",
    "finding out who talks to whom in a dispute, a union drive or an investigation",
    "identifying people who gave or withheld answers, or what one person said about another",
    "any purpose other than the one people were told about before they answered",
)

#: Caveats every report states (the tool prints them; page 1 explains them).
CAVEATS: tuple[str, ...] = (
    "The network is what people said when asked, on one day: a snapshot of reported ties, not a record of "
    "behaviour.",
    "Missing answers change the picture: ties between two people who did not answer are lost. The robustness "
    "column says how stable each role is to that; it cannot say what the missing people would have said.",
    "Roles describe positions in this network, not the worth of a person. A peripheral position can mean a "
    "new joiner, a part-time colleague, or work that needs few contacts.",
    "Codes are pseudonyms, not anonymity: someone who knows the team may recognise people from their "
    "department and ties. Share the report only with those named in the survey's information notice.",
    "Groups smaller than the threshold are merged or suppressed in every table, so that no small group's "
    "answers can be read off.",
    "A pattern that beats chance (a permutation test) is a pattern in these answers; it does not say why "
    "it exists or what to do about it.",
)

#: The checklist a learner fills in for their own project (page 1): key -> question.
CHECKLIST: dict[str, str] = {
    "purpose": "What decision will the analysis inform, in one sentence?",
    "never": "What will the results never be used for (write it into the information notice)?",
    "lawful basis": "Which lawful basis (GDPR Art. 6) applies, and who confirmed it?",
    "information": "What will people be told before they answer (Art. 13 and 14), and how?",
    "representatives": "Which employee representatives (works council, union) are consulted, and when?",
    "dpia": "Is a data protection impact assessment (Art. 35) needed, and who does it?",
    "questions": "Which relations do you ask about, and is each needed for the purpose (Art. 5(1)(c))?",
    "boundary": "Who is in the boundary (the people list), and who decided?",
    "who sees what": "Who sees individual-level results, who only aggregates?",
    "threshold": "What is the smallest group shown in an aggregate table?",
    "retention": "When is the raw data deleted (Art. 5(1)(e)), and who deletes it?",
    "response rate": "What response rate do you need before you report roles (page 2)?",
}


def checklist_problems(answers: dict[str, str]) -> list[str]:
    """What is still missing in a filled-in checklist.

    Parameters
    ----------
    answers : dict of str to str
        The checklist's answers by item (the keys of :data:`CHECKLIST`); ``"..."`` counts
        as unanswered.

    Returns
    -------
    list of str
        A purpose that is about individuals first, then a threshold below 5, then every
        unanswered item; empty when all is well.

    Examples
    --------
    >>> checklist_problems({"purpose": "rank staff for the bonus"})[0]
    "purpose: an analysis that rates individuals is what it must never be used for (see 'never')."
    >>> checklist_problems({"threshold": "3"})[0]
    'threshold: groups of 3 are small enough to single people out; use at least 5.'
    """
    problems = []
    purpose = str(answers.get("purpose", "")).lower()
    if any(word in purpose for word in ("rank", "rate", "rating", "fire", "bonus", "performance review",
                                        "dismiss", "promot")):
        problems.append("purpose: an analysis that rates individuals is what it must never be used for "
                        "(see 'never').")
    threshold = str(answers.get("threshold", "")).strip()
    digits = "".join(ch for ch in threshold if ch.isdigit())
    if digits and int(digits) < 5:
        problems.append(f"threshold: groups of {int(digits)} are small enough to single people out; use at "
                        "least 5.")
    for key, question in CHECKLIST.items():
        value = answers.get(key, "")
        if not isinstance(value, str) or value.strip() in ("", "..."):
            problems.append(f"{key}: not answered yet ({question})")
    return problems
