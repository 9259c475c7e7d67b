"""The sample survey shipped with the tool: a synthetic firm of 300 people, three questions.

Nothing in it describes real people: names are drawn from lists of common first names and
surnames, and every tie comes from the seeded rules below. ``python -m snb.ona.sample``
writes the two files again (``snb/data/ona/``); a test checks they equal this generator's
output. The rules (each an assumption, chosen to look like the published patterns of
organisational network surveys, e.g. Cross and Parker 2004):

- seven departments of 4 to 80 people (the legal team of 4 is below the default
  aggregation threshold of 5, so the report must suppress it); three locations;
  levels 1 (head of department), 2 (team lead, one per 8 people), 3 (staff);
- **advice** ("Whom do you go to for advice on work problems?"): about 4 names each,
  mostly inside one's department and location, upwards in level, towards a few recognised
  experts (a popularity weight drawn from a heavy-tailed distribution);
- **collaboration** ("With whom did you work closely in the last month?"): about 5 names,
  strongly inside the department, reciprocated half the time;
- **energy** ("Who gives you energy when you interact?"): about 3 names, towards popular
  people, weakly by department;
- eight planted boundary spanners (staff with ties to three other departments in every
  relation);
- non-response is not random: the busiest people (most often named for advice) answer
  least (response chance 0.95 for the least named, 0.55 for the most); respondents who
  name nobody for a question have one row with ``named`` empty.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["SEED", "DEPARTMENTS", "QUESTIONS", "SURVEY_PATH", "PEOPLE_PATH", "make_sample", "write_sample",
           "parameters"]

#: The seed of the shipped files.
SEED = 2026
#: Department sizes of the sample firm (Legal is smaller than the default threshold 5).
DEPARTMENTS = {"Sales": 70, "Engineering": 80, "Operations": 56, "Finance": 30, "Marketing": 36,
               "People": 24, "Legal": 4}
#: The three questions: (mean names, weight of same department, same location, upwards, popularity,
#: reciprocation chance).
QUESTIONS = {"advice": (4.0, 2.2, 1.0, 1.0, 1.0, 0.1),
             "collaboration": (5.0, 3.0, 1.2, 0.0, 0.3, 0.5),
             "energy": (3.0, 1.0, 0.8, 0.2, 1.4, 0.2)}
LOCATIONS = ("Leeds", "Lyon", "Remote")
_FIRST = ("Ana Ben Chloe Dev Eva Femi Gus Hana Ivo Jana Kofi Lena Malik Nora Omar Pia Quinn Rosa Sami Tara Umar "
          "Vera Wen Ximena Yusuf Zoe Amir Bea Carlos Dina Emil Farah Goran Hugo Ines Jonas Kira Luca Mei Nils "
          "Olga Pavel Rhea Sven Tomas Uma Viktor Wanda Yara Zeno").split()
_LAST = ("Silva Novak Okafor Patel Schmidt Dubois Rossi Kowalski Jensen Moreau Nguyen Haddad Costa Fischer Berg "
         "Santos Ivanova Murphy Yilmaz Tanaka Kaur Mensah Horvat Lindqvist Garcia Obi Weber Laine Brennan "
         "Ferreira").split()
_FOLDER = Path(str(resources.files("snb").joinpath("data", "ona")))
#: The shipped sample survey and its people file.
SURVEY_PATH = _FOLDER / "sample-survey.csv"
PEOPLE_PATH = _FOLDER / "sample-people.csv"


def parameters() -> list:
    """The generator's settings as a table of :class:`snb.assumptions.Parameter`."""
    from snb.assumptions import Parameter

    return [Parameter("people", sum(DEPARTMENTS.values()), "people in the firm", "assumption"),
            Parameter("departments", len(DEPARTMENTS), "sizes 4 to 80", "assumption"),
            Parameter("names per question", "3 to 5", "mean names per respondent", "assumption"),
            Parameter("boundary spanners", 8, "planted, ties to 3 other departments", "assumption"),
            Parameter("response chance", "0.55 to 0.95", "the most named answer least",
                      "assumption (non-response is not random: Borgatti, Carley and Krackhardt 2006)")]


def _people(rng: np.random.Generator) -> pd.DataFrame:
    names = rng.permutation([f"{f} {s}" for f in _FIRST for s in _LAST])[: sum(DEPARTMENTS.values())]
    rows, k = [], 0
    for dept, size in DEPARTMENTS.items():
        home = LOCATIONS[len(rows) % 2]
        for i in range(size):
            level = 1 if i == 0 else 2 if i % 8 == 1 else 3
            place = home if rng.random() < 0.75 else LOCATIONS[int(rng.integers(3))]
            rows.append({"id": str(names[k]), "department": dept, "level": level, "location": place})
            k += 1
    return pd.DataFrame(rows)


def _choose(rng: np.random.Generator, weights: np.ndarray, counts: np.ndarray) -> list[tuple[int, int]]:
    """Each row i picks counts[i] distinct columns with chance by weight (Gumbel top-k)."""
    keys = np.log(np.where(weights > 0, weights, 1e-300)) + rng.gumbel(size=weights.shape)
    order = np.argsort(-keys, axis=1)
    return [(i, int(j)) for i in range(len(counts)) for j in order[i, : counts[i]]]


def make_sample(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sample survey (long format) and its people file, from the rules of the module.

    Examples
    --------
    >>> survey, people = make_sample()
    >>> len(people), sorted(survey["question"].unique())
    (300, ['advice', 'collaboration', 'energy'])
    """
    rng = np.random.default_rng(seed)
    people = _people(rng)
    n = len(people)
    dept = people["department"].to_numpy()
    place = people["location"].to_numpy()
    level = people["level"].to_numpy()
    same_dept = dept[:, None] == dept[None, :]
    same_place = place[:, None] == place[None, :]
    upward = (level[None, :] < level[:, None]).astype(float)
    popularity = rng.pareto(2.5, n) + 0.2
    staff = np.flatnonzero(level == 3)
    spanners = rng.choice(staff, size=8, replace=False)
    arcs: dict[str, set[tuple[int, int]]] = {}
    for question, (mean, w_dept, w_place, w_up, w_pop, recip) in QUESTIONS.items():
        w = np.exp(w_dept * same_dept + w_place * same_place + w_up * upward) * popularity[None, :] ** w_pop
        np.fill_diagonal(w, 0.0)
        counts = np.clip(rng.poisson(mean, n), 0, 12)
        chosen = set(_choose(rng, w, counts))
        for i, j in list(chosen):
            if rng.random() < recip:
                chosen.add((j, i))
        for s in spanners:
            for other in rng.choice(sorted(set(dept) - {dept[s]}), size=3, replace=False):
                j = int(rng.choice(np.flatnonzero(dept == other)))
                chosen.add((int(s), j))
                if rng.random() < 0.6:
                    chosen.add((j, int(s)))
        arcs[question] = chosen
    named = np.bincount([j for _, j in arcs["advice"]], minlength=n)
    rank = named.argsort(kind="stable").argsort(kind="stable") / (n - 1)
    responds = rng.random(n) < 0.95 - 0.4 * rank
    ids = people["id"].to_numpy()
    rows = []
    for question, chosen in arcs.items():
        for i in np.flatnonzero(responds):
            targets = sorted(j for a, j in chosen if a == i)
            rows += [(ids[i], question, ids[j]) for j in targets] or [(ids[i], question, "")]
    survey = pd.DataFrame(rows, columns=["respondent", "question", "named"])
    return survey.sort_values(["respondent", "question", "named"], kind="stable").reset_index(drop=True), people


def write_sample(folder: str | Path | None = None, seed: int = SEED) -> tuple[Path, Path]:
    """Write ``sample-survey.csv`` and ``sample-people.csv`` into ``folder`` (default: the package's)."""
    survey, people = make_sample(seed)
    folder = Path(folder) if folder is not None else _FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    survey.to_csv(folder / "sample-survey.csv", index=False, lineterminator="\n")
    people.to_csv(folder / "sample-people.csv", index=False, lineterminator="\n")
    return folder / "sample-survey.csv", folder / "sample-people.csv"


if __name__ == "__main__":
    for path in write_sample():
        print("wrote", path)
