"""Reading and checking an organisational network survey (the long format of :mod:`snb.ona`).

Every problem is a :class:`Problem` that names the row (as a spreadsheet shows it: the
header is row 1) or the column, says what is wrong and what to do. Problems that make the
file unusable raise :class:`SurveyError`, which carries the list; the command line prints
them without a traceback. Smaller problems (a duplicate answer, a self-nomination, a
formula-like cell) are kept as warnings and the rows are repaired as the warning says.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["MAX_BYTES", "MAX_ROWS", "SURVEY_COLUMNS", "PEOPLE_COLUMNS", "Problem", "SurveyError", "Survey",
           "read_survey", "read_people", "load", "looks_like_formula", "escape_formula"]

#: Largest file the tool reads: 5 MB ...
MAX_BYTES = 5_000_000
#: ... or 100,000 answer rows (a firm of 2,000 people naming 10 colleagues in 5 questions).
MAX_ROWS = 100_000
#: Columns of the survey file: required, then optional.
SURVEY_COLUMNS = {"required": ("respondent", "question", "named"), "optional": ("weight",)}
#: Columns of the people file: required, then optional.
PEOPLE_COLUMNS = {"required": ("id",), "optional": ("department", "level", "location")}
#: First characters that make a spreadsheet run a cell as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: How many problems of one kind are listed before "and N more".
SHOWN = 5


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file."""

    level: str  # "error" (the file cannot be used) or "warning" (repaired as said)
    file: str
    message: str
    row: int | None = None  # spreadsheet row: the header is row 1
    column: str | None = None

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"row {self.row}" if self.row else "",
                                      f"column '{self.column}'" if self.column else "") if p)
        return f"{self.level}: {self.file}" + (f", {where}" if where else "") + f": {self.message}"


class SurveyError(ValueError):
    """The input cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass
class Survey:
    """A checked survey: answers, the people in the boundary, who responded, and warnings."""

    answers: pd.DataFrame  # columns respondent, question, named (str; "" = named nobody), weight
    people: pd.DataFrame  # one row per person in the boundary: id, department, level, location
    respondents: frozenset[str]
    questions: tuple[str, ...]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def response_rate(self) -> float:
        """Share of the people in the boundary who answered at least one question."""
        return len(self.respondents) / len(self.people)

    @property
    def non_respondents(self) -> list[str]:
        """People in the boundary who answered nothing."""
        return sorted(set(self.people["id"]) - self.respondents)


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would run ``text`` as a formula (``=CMD(...)``, ``+1``, ``@x``).

    Examples
    --------
    >>> looks_like_formula("=HYPERLINK(\\"http://x\\")"), looks_like_formula("Ana Silva")
    (True, False)
    """
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)


def escape_formula(text: str) -> str:
    """``text`` made safe to write into a CSV a spreadsheet opens: a leading apostrophe
    turns a formula-like cell into text (other text is unchanged).

    Examples
    --------
    >>> escape_formula("=1+1"), escape_formula("Ana")
    ("'=1+1", 'Ana')
    """
    return "'" + text if looks_like_formula(text) else text


def _decode(raw: bytes, name: str) -> str:
    """The text of a file, or an error naming the first line that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SurveyError([Problem(
            "error", name, f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02x} at character {column} "
            "cannot be read. Save the export as 'CSV UTF-8' (Excel: File > Save As > CSV UTF-8) and try again.",
            row=line)]) from None


def _table(source: str | Path | bytes, name: str, columns: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """A CSV file as a table of text cells with the expected columns, or a SurveyError."""
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    if len(raw) > MAX_BYTES:
        raise SurveyError([Problem("error", name, f"the file has {len(raw) / 1e6:.1f} MB; the limit is "
                                   f"{MAX_BYTES / 1e6:.0f} MB ({MAX_ROWS:,} rows). Split the survey by question "
                                   "and run the tool once per file.")])
    text = _decode(raw, name)
    if not text.strip():
        raise SurveyError([Problem("error", name, "the file is empty. Export the survey again, with a header "
                                   f"line naming the columns {', '.join(columns['required'])}.")])
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True,
                            nrows=MAX_ROWS + 1)
    except (pd.errors.ParserError, ValueError) as exc:
        detail = str(exc).strip().split("\n")[-1]
        raise SurveyError([Problem("error", name, f"this is not a readable CSV table ({detail}). Check that "
                                   "every row has the same number of commas.")]) from None
    table.columns = [str(c).strip().lower() for c in table.columns]
    problems = []
    for column in columns["required"]:
        if column not in table.columns:
            problems.append(Problem("error", name, f"column '{column}' is missing; the file's columns are "
                                    f"{', '.join(repr(c) for c in table.columns)}. The header line must name "
                                    f"{', '.join(columns['required'])}"
                                    + (f" (optional: {', '.join(columns['optional'])})" if columns['optional']
                                       else "") + ".", column=column))
    known = set(columns["required"]) | set(columns["optional"])
    dupes = sorted({c for c in table.columns if list(table.columns).count(c) > 1 and c in known})
    problems += [Problem("error", name, "this column appears twice in the header.", column=c) for c in dupes]
    if problems:
        raise SurveyError(problems)
    if len(table) > MAX_ROWS:
        raise SurveyError([Problem("error", name, f"the file has more than {MAX_ROWS:,} rows, the limit. Split "
                                   "the survey by question and run the tool once per file.")])
    if table.empty:
        raise SurveyError([Problem("error", name, "the file has a header but no rows of answers.")])
    extra = [c for c in table.columns if c not in known]
    table = table[[c for c in table.columns if c in known]].copy()
    for column in table.columns:
        table[column] = table[column].str.strip()
    table.attrs["ignored"] = extra
    return table


def _listed(problems: list[Problem], kind: list[Problem], total: int | None = None) -> None:
    """Add the first :data:`SHOWN` problems of one kind, then "... and N more"."""
    total = len(kind) if total is None else total
    problems += kind[:SHOWN]
    if total > SHOWN:
        first = kind[0]
        problems.append(Problem(first.level, first.file, f"... and {total - SHOWN} more rows like the "
                                "ones above.", column=first.column))


def _flagged(problems: list[Problem], mask, make) -> None:
    """Problems ``make(i)`` for the rows ``i`` where ``mask`` holds (only the first few built)."""
    rows = np.flatnonzero(np.asarray(mask, dtype=bool))
    _listed(problems, [make(int(i)) for i in rows[: SHOWN + 1]], total=len(rows))


def read_people(source: str | Path | bytes, *, name: str = "people file") -> tuple[pd.DataFrame, list[Problem]]:
    """The people file: one row per person in the survey's boundary.

    Columns: ``id``; optional ``department``, ``level``, ``location``.

    Parameters
    ----------
    source : str, pathlib.Path or bytes
        The CSV file.
    name : str, default "people file"
        What messages call the file.

    Returns
    -------
    table : pandas.DataFrame
        ``id`` and the optional columns (empty where the file lacks them).
    warnings : list of Problem
        Warnings such as cells that look like spreadsheet formulas.

    Raises
    ------
    SurveyError
        For empty or repeated ids.

    Examples
    --------
    >>> people, warnings = read_people(b"id,department\\nAna,Sales\\nBen,Sales\\n")
    >>> list(people["id"]), list(people.columns), warnings
    (['Ana', 'Ben'], ['id', 'department', 'level', 'location'], [])
    """
    table = _table(source, name, PEOPLE_COLUMNS)
    problems: list[Problem] = []
    ids = table["id"]
    _flagged(problems, ids == "", lambda i: Problem(
        "error", name, "the id is empty; every person needs the id the survey uses for them.", row=i + 2,
        column="id"))
    first = {pid: i + 2 for i, pid in reversed(list(enumerate(ids)))}
    _flagged(problems, ids.duplicated() & (ids != ""), lambda i: Problem(
        "error", name, f"{ids.iat[i][:40]!r} is already on row {first[ids.iat[i]]}; each person is listed once.",
        row=i + 2, column="id"))
    if problems:
        raise SurveyError(problems)
    for column in PEOPLE_COLUMNS["optional"]:
        if column not in table.columns:
            table[column] = ""
    warnings = _formula_warnings(table, name, ("id", *PEOPLE_COLUMNS["optional"]))
    return table[["id", *PEOPLE_COLUMNS["optional"]]].reset_index(drop=True), warnings


def _formula_warnings(table: pd.DataFrame, name: str, columns: tuple[str, ...]) -> list[Problem]:
    out: list[Problem] = []
    for c in columns:
        if c in table.columns:
            _flagged(out, table[c].str.startswith(FORMULA_STARTS), lambda i, c=c: Problem(
                "warning", name, f"{table[c].iat[i][:30]!r} looks like a spreadsheet formula; it is read as plain "
                "text and written escaped (with a leading apostrophe) to any CSV.", row=i + 2, column=c))
    return out


def read_survey(source: str | Path | bytes, people: pd.DataFrame | None = None, *,
                name: str = "survey file") -> Survey:
    """Read and check a survey in the long format: one row per (respondent, question, person named).

    An optional ``weight`` column is allowed. A respondent who answered a question but
    named nobody has one row with ``named`` empty, so "answered, named nobody" differs
    from "did not answer". Self-naming and repeated rows are left out with a warning.

    Parameters
    ----------
    source : str, pathlib.Path or bytes
        The CSV file.
    people : pandas.DataFrame, optional
        The boundary, from :func:`read_people`: a name outside it is an error (a typo or
        someone outside the study), and everyone on it who has no row is a
        non-respondent. Without it, the boundary is everyone who answered or was named,
        and the response rate cannot be known (it is reported as such).
    name : str, default "survey file"
        What messages call the file.

    Returns
    -------
    Survey
        The answers with names, the people, the respondents, the questions and the warnings.

    Raises
    ------
    SurveyError
        Listing every error found, with its row and column.

    Examples
    --------
    >>> s = read_survey(b"respondent,question,named\\nAna,advice,Ben\\nBen,advice,\\n")
    >>> sorted(s.respondents), s.questions, len(s.answers)
    (['Ana', 'Ben'], ('advice',), 1)
    """
    table = _table(source, name, SURVEY_COLUMNS)
    problems: list[Problem] = []
    warnings = list(_formula_warnings(table, name, SURVEY_COLUMNS["required"]))
    if table.attrs.get("ignored"):
        warnings.append(Problem("warning", name, "these columns are not part of the format and are ignored: "
                                + ", ".join(repr(c) for c in table.attrs["ignored"]) + "."))
    for column in ("respondent", "question"):
        _flagged(problems, table[column] == "", lambda i, column=column: Problem(
            "error", name, f"the {column} is empty.", row=i + 2, column=column))
    if "weight" in table.columns:
        weights = pd.to_numeric(table["weight"].where(table["weight"] != "", "1"), errors="coerce")
        _flagged(problems, ~(weights > 0), lambda i: Problem(
            "error", name, f"{table['weight'].iat[i][:20]!r} is not a positive number (leave it empty for 1).",
            row=i + 2, column="weight"))
        table["weight"] = weights
    else:
        table["weight"] = 1.0
    known = set(people["id"]) if people is not None else None
    if known is not None:
        for column, role in (("respondent", "respondent"), ("named", "person named")):
            values = table[column]
            _flagged(problems, (values != "") & ~values.isin(known), lambda i, values=values, role=role: Problem(
                "error", name, f"{values.iat[i][:40]!r} is not in the people file; check the spelling, or add "
                f"the {role} to the people file.", row=i + 2, column=column))
    if problems:
        raise SurveyError(problems)
    table["row"] = range(2, len(table) + 2)
    self_named = table["named"] == table["respondent"]
    _flagged(warnings, self_named, lambda i: Problem(
        "warning", name, f"{table['respondent'].iat[i][:40]!r} names themself; this answer is left out.",
        row=i + 2, column="named"))
    table = table[~self_named]
    key = ["respondent", "question", "named"]
    repeated = table.duplicated(key, keep="first") & (table["named"] != "")
    _flagged(warnings, repeated, lambda i: Problem(
        "warning", name, f"{table['respondent'].iat[i][:40]!r} names {table['named'].iat[i][:40]!r} again for "
        f"{table['question'].iat[i][:40]!r}; the repeat is left out.", row=int(table['row'].iat[i]),
        column="named"))
    table = table[~repeated]
    respondents = frozenset(table["respondent"])
    if people is None:
        ids = sorted(respondents | set(table["named"]) - {""})
        people = pd.DataFrame({"id": ids, **{c: "" for c in PEOPLE_COLUMNS["optional"]}})
        warnings.append(Problem("warning", name, "no people file: the boundary is everyone who answered or was "
                                "named, so people who were neither are missing and the response rate is not known."))
    answers = table[table["named"] != ""][["respondent", "question", "named", "weight"]].reset_index(drop=True)
    questions = tuple(dict.fromkeys(table["question"]))
    return Survey(answers=answers, people=people, respondents=respondents, questions=questions, warnings=warnings)


def load(survey: str | Path | bytes, people: str | Path | bytes | None = None) -> Survey:
    """Read and check a survey and, if given, its people file.

    Parameters
    ----------
    survey : str, pathlib.Path or bytes
        The survey in the long format (:func:`read_survey`), as a path or the file's bytes.
    people : str, pathlib.Path or bytes, optional
        The people file (:func:`read_people`): the survey's boundary.

    Returns
    -------
    Survey
        Answers, people, respondents, questions, and warnings (the people file's first).

    Raises
    ------
    SurveyError
        Listing every error found, with its row and column.

    Examples
    --------
    >>> from snb.ona import sample
    >>> s = load(sample.SURVEY_PATH, sample.PEOPLE_PATH)
    >>> len(s.people), s.questions
    (300, ('advice', 'collaboration', 'energy'))
    """
    table, warnings = (read_people(people) if people is not None else (None, []))
    result = read_survey(survey, table)
    result.warnings[:0] = warnings
    return result
