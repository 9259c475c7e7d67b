"""Krackhardt's managers recast as a survey export in the long format of :mod:`snb.ona`.

Krackhardt (1987) asked 21 managers two questions: "Who would you go to for help or
advice at work?" and "Who would you consider a personal friend?". Here each answer becomes
a row ``respondent, question, named`` with the managers called ``M01`` to ``M21`` (the
data have no names) and a people file with their department (``D1`` to ``D4``; the CEO,
who heads no department, is ``CEO``) and level. Every manager answered, so the response
rate is 100 %: the data page 2 of chapter 7 damages on purpose.

``python -m snb.ona.convert FOLDER`` writes ``krackhardt-survey.csv`` and
``krackhardt-people.csv`` into FOLDER.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from snb.datasets import KRACKHARDT_LEVELS, krackhardt_managers

__all__ = ["QUESTIONS", "manager_id", "krackhardt_survey", "write"]

#: The two survey questions of Krackhardt's study (the org chart came from company records).
QUESTIONS = ("advice", "friendship")


def manager_id(number: int) -> str:
    """``M01`` for manager 1.

    Examples
    --------
    >>> manager_id(7)
    'M07'
    """
    return f"M{int(number):02d}"


def krackhardt_survey() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The survey (long format) and the people file of Krackhardt's managers.

    Returns
    -------
    survey : pandas.DataFrame
        Columns ``respondent``, ``question`` ("advice" or "friendship") and ``named``; a
        manager who named nobody has one row with ``named`` empty.
    people : pandas.DataFrame
        Columns ``id``, ``department`` ("D1" to "D4", or "CEO"), ``level`` and ``location``.

    Examples
    --------
    >>> survey, people = krackhardt_survey()
    >>> len(people), (survey["named"] != "").groupby(survey["question"]).sum().to_dict()
    (21, {'advice': 190, 'friendship': 102})
    """
    data = krackhardt_managers()
    rows = []
    for question in QUESTIONS:
        G = data[question]
        for person in sorted(G):
            named = sorted(G.successors(person))
            rows += [(manager_id(person), question, manager_id(j)) for j in named] or [
                (manager_id(person), question, "")]
    people = pd.DataFrame([{"id": manager_id(v), "department": f"D{d}" if d else "CEO",
                            "level": KRACKHARDT_LEVELS[attrs["level"]], "location": ""}
                           for v, attrs in sorted(data.advice.nodes(data=True)) for d in [attrs["department"]]])
    return pd.DataFrame(rows, columns=["respondent", "question", "named"]), people


def write(folder: str | Path) -> tuple[Path, Path]:
    """Write the two files into ``folder``; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    survey, people = krackhardt_survey()
    survey.to_csv(folder / "krackhardt-survey.csv", index=False, lineterminator="\n")
    people.to_csv(folder / "krackhardt-people.csv", index=False, lineterminator="\n")
    return folder / "krackhardt-survey.csv", folder / "krackhardt-people.csv"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m snb.ona.convert FOLDER", file=sys.stderr)
        raise SystemExit(2)
    for path in write(sys.argv[1]):
        print("wrote", path)
