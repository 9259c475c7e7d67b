"""Per-relation analysis of a checked survey: density, reciprocity, mixing, roles, robustness.

Every estimate carries a 95 % interval from a **cluster bootstrap over respondents**
(resample the people who answered, with their whole answer sheets; 1,000 resamples): the
answers of one person are not independent of each other, the people are the units.
The mixing test permutes department labels among everyone (a permutation test, so chance
is a distribution, not an interval). Roles follow Cross and Parker (2004): central
connectors (most often named), brokers (highest betweenness in the symmetrised network),
boundary spanners (ties to the most other departments) and peripheral people (named by
at most one colleague). Role robustness re-runs the role finding after removing a further
share of respondents equal to the share that did not answer (20 draws), the kind of
study of Borgatti, Carley and Krackhardt (2006) (page 2 of chapter 7).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from snb import stats
from snb.models import nonresponse
from snb.ona.survey import Survey

__all__ = ["BOOTSTRAP", "PERMUTATIONS", "ROBUSTNESS_DRAWS", "Estimate", "Role", "Relation", "role_size",
           "analyse", "analyse_relation", "bootstrap_ratio"]

BOOTSTRAP = 1000
PERMUTATIONS = 1000
ROBUSTNESS_DRAWS = 20
#: A role holder counts as robust when they keep the role in at least this share of draws.
ROBUST_SHARE = 0.8
ROLES = ("central connectors", "brokers", "boundary spanners", "peripheral people")


@dataclass(frozen=True)
class Estimate:
    """A number with its 95 % interval."""

    value: float
    low: float
    high: float

    def format(self, digits: int = 2, percent: bool = False) -> str:
        """``"0.12 (95 % CI 0.10 to 0.14)"``, or in per cent."""
        if percent:
            return f"{self.value:.0%} (95 % CI {self.low:.0%} to {self.high:.0%})"
        return f"{self.value:.{digits}f} (95 % CI {self.low:.{digits}f} to {self.high:.{digits}f})"


@dataclass(frozen=True)
class Role:
    """The people in one role and how robust the list is to non-response."""

    name: str
    people: list[str]  # ids, best first
    kept: dict[str, float]  # id -> share of robustness draws in which the person kept the role
    overlap: Estimate | None  # mean share of the list kept over the draws (None for peripheral)


@dataclass
class Relation:
    """Everything the report says about one question."""

    question: str
    people: int
    respondents: int
    arcs: int
    density: Estimate
    reciprocity: Estimate
    within: Estimate  # share of ties named inside one's own group
    within_null: np.ndarray
    within_p: float
    groups: pd.DataFrame  # per group: people, respondents, ties sent, within share (suppressed rows marked)
    mixing: pd.DataFrame  # group x group counts of ties (suppressed groups merged)
    roles: dict[str, Role] = field(default_factory=dict)


def role_size(people: int) -> int:
    """How many people each role lists: 3 % of the people, at least 3.

    Examples
    --------
    >>> role_size(300), role_size(21)
    (9, 3)
    """
    return max(3, math.ceil(0.03 * people))


def bootstrap_ratio(numerators: np.ndarray, denominators: np.ndarray, *, seed: int,
                    n: int = BOOTSTRAP) -> Estimate:
    """sum(numerators) / sum(denominators) with a percentile interval from resampling the
    units (rows) with replacement.

    Examples
    --------
    >>> e = bootstrap_ratio(np.array([1, 2, 3.0]), np.array([2, 2, 4.0]), seed=1)
    >>> round(e.value, 3)
    0.75
    """
    num, den = np.asarray(numerators, float), np.asarray(denominators, float)
    if den.sum() == 0:
        return Estimate(float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(num), size=(n, len(num)))  # each resample: units drawn with replacement
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = num[picks].sum(axis=1) / den[picks].sum(axis=1)
    ratios = ratios[np.isfinite(ratios)]
    return Estimate(float(num.sum() / den.sum()), float(np.quantile(ratios, 0.025)),
                    float(np.quantile(ratios, 0.975)))


def _groups(survey: Survey, min_group: int) -> tuple[np.ndarray, list[str]]:
    """Each person's group label for aggregate tables: departments smaller than
    ``min_group`` are merged into "other groups"; if that is still too small it is
    "suppressed"."""
    dept = survey.people["department"].fillna("").astype(str).replace("", "(no department)").to_numpy()
    sizes = pd.Series(dept).value_counts()
    small = set(sizes[sizes < min_group].index)
    merged = np.array(["other groups" if d in small else d for d in dept], dtype=object)
    if small and (merged == "other groups").sum() < min_group:
        merged[merged == "other groups"] = "suppressed"
    names = sorted(set(merged) - {"other groups", "suppressed"}) + [g for g in ("other groups", "suppressed")
                                                                     if g in set(merged)]
    return merged, names


def _roles(A: np.ndarray, answered: np.ndarray, dept: np.ndarray, k: int) -> dict[str, list[int]]:
    S = nonresponse.observe(A, answered)
    indeg = (A * answered[:, None]).sum(axis=0)
    between = nonresponse.scores(S, "betweenness")
    codes = pd.factorize(dept)[0]
    i, j = np.nonzero(S)
    reach = np.zeros((len(codes), codes.max() + 1), dtype=bool)  # departments each person reaches
    reach[i, codes[j]] = True
    reach[np.arange(len(codes)), codes] = False
    spans = reach.sum(axis=1) + S.sum(axis=1) / (len(S) + 1)  # tie-break by ties
    return {"central connectors": nonresponse.top_k(indeg, k).tolist(),
            "brokers": nonresponse.top_k(between, k).tolist(),
            "boundary spanners": nonresponse.top_k(spans, k).tolist(),
            "peripheral people": np.flatnonzero(indeg <= 1).tolist()}


def analyse_relation(survey: Survey, question: str, *, min_group: int = 5, seed: int = 0) -> Relation:
    """The analysis of one question (see the module's description).

    Parameters
    ----------
    survey : Survey
        A checked survey (:func:`snb.ona.survey.load`).
    question : str
        One of ``survey.questions``.
    min_group : int, default 5
        Groups smaller than this are merged into "suppressed" so no one can be singled out.
    seed : int, default 0
        Random seed of the bootstraps and permutations.

    Returns
    -------
    Relation
        Counts, density, reciprocity and the within-group share with 95 % bootstrap
        intervals, the permutation null of that share and its p-value, the group table,
        the mixing table and the robustness of each role.

    Examples
    --------
    >>> from snb.ona.survey import load
    >>> survey = load(b"respondent,question,named\\nAna,advice,Ben\\nAna,advice,Cai\\nBen,advice,Ana\\n"
    ...               b"Cai,advice,Dev\\nDev,advice,Eva\\nEva,advice,Dev\\nEva,advice,Fay\\n",
    ...               b"id,department\\nAna,Sales\\nBen,Sales\\nCai,Sales\\nDev,Ops\\nEva,Ops\\nFay,Ops\\n")
    >>> r = analyse_relation(survey, "advice", min_group=3)
    >>> r.people, r.respondents, r.arcs  # Fay named nobody and never answered
    (6, 5, 7)
    >>> round(r.within.value, 2), r.density.low <= r.density.value <= r.density.high
    (0.86, True)
    """
    ids = survey.people["id"].tolist()
    index = {p: i for i, p in enumerate(ids)}
    n = len(ids)
    rows = survey.answers[survey.answers["question"] == question]
    A = np.zeros((n, n))
    A[rows["respondent"].map(index).to_numpy(), rows["named"].map(index).to_numpy()] = 1.0
    answered = np.zeros(n, dtype=bool)
    answered[[index[r] for r in survey.respondents if r in index]] = True
    who = np.flatnonzero(answered)
    out_deg = A[who].sum(axis=1)
    density = bootstrap_ratio(out_deg, np.full(len(who), n - 1.0), seed=seed)
    to_resp = A[np.ix_(who, who)]
    reciprocity = bootstrap_ratio((to_resp * to_resp.T).sum(axis=1), to_resp.sum(axis=1), seed=seed + 1)
    group, names = _groups(survey, min_group)
    dept = survey.people["department"].fillna("").astype(str).to_numpy()
    same = dept[:, None] == dept[None, :]
    within = bootstrap_ratio((A[who] * same[who]).sum(axis=1), out_deg, seed=seed + 2)
    src, dst = np.nonzero(A)
    rng = np.random.default_rng(seed + 3)
    codes = pd.factorize(dept)[0]
    perms = np.array([rng.permutation(codes) for _ in range(PERMUTATIONS)])
    null = (perms[:, src] == perms[:, dst]).mean(axis=1) if len(src) else np.zeros(PERMUTATIONS)
    observed = within.value
    p = (1 + int((null >= observed).sum())) / (1 + PERMUTATIONS)
    table_rows = {}
    for g in names:
        members = np.flatnonzero(group == g)
        senders = np.intersect1d(members, who)
        if g == "suppressed":
            table_rows[g] = {"people": f"< {min_group}", "answered": "-", "ties named": "-", "within own": "-"}
            continue
        share = bootstrap_ratio((A[senders] * same[senders]).sum(axis=1), A[senders].sum(axis=1), seed=seed + 4)
        table_rows[g] = {"people": len(members), "answered": len(senders), "ties named": int(A[senders].sum()),
                         "within own": share.format(percent=True) if math.isfinite(share.value) else "-"}
    groups = pd.DataFrame.from_dict(table_rows, orient="index")
    labels = pd.Categorical(group, categories=names)
    mixing = pd.crosstab(labels[src], labels[dst], dropna=False).reindex(index=names, columns=names, fill_value=0)
    if "suppressed" in names:
        mixing.loc["suppressed", :] = -1
        mixing.loc[:, "suppressed"] = -1
    relation = Relation(question=question, people=n, respondents=len(who), arcs=int(A.sum()), density=density,
                        reciprocity=reciprocity, within=within, within_null=null, within_p=p, groups=groups,
                        mixing=mixing)
    relation.roles = _role_robustness(A, answered, dept, ids, seed=seed + 5)
    return relation


def _role_robustness(A: np.ndarray, answered: np.ndarray, dept: np.ndarray, ids: list[str], *,
                     seed: int) -> dict[str, Role]:
    k = role_size(len(ids))
    found = _roles(A, answered, dept, k)
    who = np.flatnonzero(answered)
    missing = 1 - answered.mean()
    drop = int(round(missing * len(who)))
    rng = np.random.default_rng(seed)
    kept = {name: np.zeros(len(people)) for name, people in found.items()}
    overlaps = {name: [] for name in found}
    for _ in range(ROBUSTNESS_DRAWS):
        fewer = answered.copy()
        fewer[rng.choice(who, size=drop, replace=False)] = False
        again = _roles(A, fewer, dept, k)
        for name, people in found.items():
            hits = np.isin(people, again[name])
            kept[name] += hits
            if people and name != "peripheral people":
                overlaps[name].append(hits.mean())
    roles = {}
    for name, people in found.items():
        interval = stats.mean_interval(overlaps[name]) if overlaps[name] and drop else None
        overlap = (Estimate(interval.mean, max(0.0, interval.low), min(1.0, interval.high)) if interval
                   else None)
        roles[name] = Role(name=name, people=[ids[i] for i in people],
                           kept={ids[i]: float(c / ROBUSTNESS_DRAWS) for i, c in zip(people, kept[name])},
                           overlap=overlap)
    return roles


def analyse(survey: Survey, *, min_group: int = 5, seed: int = 0) -> list[Relation]:
    """:func:`analyse_relation` for every question of the survey, in the file's order."""
    return [analyse_relation(survey, q, min_group=min_group, seed=seed + 100 * i)
            for i, q in enumerate(survey.questions)]
