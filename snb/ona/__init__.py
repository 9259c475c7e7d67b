"""Organisational network analysis of your own survey (chapter 7): ``python -m snb.ona``.

The survey file (CSV, UTF-8) is in **long format**, one row per answer::

    respondent,question,named,weight
    Ana Silva,advice,Ben Novak,
    Ana Silva,advice,Chloe Okafor,
    Ben Novak,advice,,

- ``respondent``: who answered (the id used in the people file);
- ``question``: a short name of the relation asked about (``advice``, ``energy``...);
- ``named``: one person the respondent named; **empty** when the respondent answered the
  question and named nobody (so "named nobody" differs from "did not answer");
- ``weight`` (optional): a positive number, e.g. how often; empty means 1. It is checked and
  kept in :attr:`Survey.answers`, but the report counts ties (named or not): weights of
  different respondents are rarely comparable.

The optional people file lists everyone in the survey's boundary, answered or not::

    id,department,level,location

Limits: 5 MB or 100,000 rows per file (see :mod:`snb.ona.survey`). The tool checks both
files and names the row and column of every problem; it pseudonymises people by default
(:mod:`snb.ona.pseudonym`), suppresses groups under ``--min-group`` people in aggregate
tables, and writes one self-contained HTML report (:mod:`snb.ona.report`). The sample
survey (:mod:`snb.ona.sample`) and Krackhardt's managers recast as a survey
(:mod:`snb.ona.convert`) show the format.
"""

from snb.ona.analysis import Relation, analyse, analyse_relation
from snb.ona.pseudonym import new_salt, pseudonyms
from snb.ona.survey import MAX_BYTES, MAX_ROWS, Problem, Survey, SurveyError, load, read_people, read_survey

__all__ = ["MAX_BYTES", "MAX_ROWS", "Problem", "Relation", "Survey", "SurveyError", "analyse", "analyse_relation",
           "load", "new_salt", "pseudonyms", "read_people", "read_survey"]
