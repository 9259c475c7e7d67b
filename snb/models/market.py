"""Chapter 2: customers choosing businesses in a market that keeps growing.

The model behind chapter 2's growth pages. Customers arrive one after another and
each picks one business among those open, with probability proportional to

    appeal[b] * (customers[b] + 1) ** alpha

where ``customers[b]`` is how many customers ``b`` has won so far. Businesses open at
an even pace while the customers arrive, so late businesses meet an established
market. ``alpha`` is the attachment strength: 0, customers ignore popularity
(uniform choice); 1, linear preferential attachment (Barabasi and Albert 1999, with
the "+ 1" of Price's model so a new business can be found at all); above 1, the
largest tends to take nearly everything (Krapivsky, Redner and Leyvraz 2000).
``appeal`` is how attractive a business is for the same popularity (fitness in
Bianconi and Barabasi 2001).

Every replication ``seed`` draws one random number per customer; the same seed gives
the same numbers whatever alpha or appeal, so two settings compared on the same seeds
meet the same luck (common random numbers) and their difference is paired.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from snb.assumptions import Parameter
from snb.measures import gini, top_share

__all__ = ["market_parameters", "newcomer_parameters", "opening_times", "market_choices",
           "customers_per_business", "customers_at", "newcomer_ranks", "concentration_runs"]

def market_parameters() -> list:
    """The growing market's parameters as :class:`snb.assumptions.Parameter` rows.

    Returns
    -------
    list of snb.assumptions.Parameter
        Customers, businesses, head start, alpha, appeal and replications, each with its
        meaning and source.

    Examples
    --------
    >>> rows = market_parameters()
    >>> [row.name for row in rows]
    ['customers', 'businesses', 'head start', 'alpha', 'appeal', 'replications']
    >>> rows[2].source
    'Price 1976'
    """
    return [
        Parameter("customers", 2000, "customers who arrive, one after another, and each pick one business"),
        Parameter("businesses", 200, "businesses that open at an even pace while the customers arrive, one "
                                     "per 10 customers (the first 2 open from the start); swept 5 to 50 "
                                     "customers per business (1,000 to 10,000 customers)"),
        Parameter("head start", "+ 1", "added to every business's customers when a customer chooses, so a "
                                       "business without any can still be found", "Price 1976"),
        Parameter("alpha", "0, 1 or 1.5", "attachment strength: how much a business's popularity draws the "
                                          "next customer (0 uniform, 1 linear, 1.5 strong); swept 0 to 1.5",
                  "Barabasi and Albert 1999; Krapivsky, Redner and Leyvraz 2000"),
        Parameter("appeal", 1.0, "attraction of a business for the same popularity (all equal here)",
                  "Bianconi and Barabasi 2001"),
        Parameter("replications", 20, "random seeds per setting; results are means with 95 % intervals"),
    ]

def newcomer_parameters() -> list:
    """The newcomer experiment's parameters as :class:`snb.assumptions.Parameter` rows.

    Returns
    -------
    list of snb.assumptions.Parameter
        Customers, businesses, the newcomer, its appeal, alpha and replications.

    Examples
    --------
    >>> rows = newcomer_parameters()
    >>> [row.name for row in rows][:3]
    ['customers', 'businesses', 'newcomer']
    >>> rows[3].source
    'Bianconi and Barabasi 2001 (fitness)'
    """
    return [
        Parameter("customers", 2000, "customers who arrive, one after another, and each pick one business"),
        Parameter("businesses", 200, "businesses that open at an even pace"),
        Parameter("newcomer", "number 20", "the business opening when 10 % of the customers have arrived"),
        Parameter("appeal of the newcomer", "1 or 4", "1: an ordinary newcomer; 4: four times as attractive "
                                                      "as anyone else for the same popularity; swept 1 to 8",
                  "Bianconi and Barabasi 2001 (fitness)"),
        Parameter("alpha", "0, 1 or 1.5", "attachment strength; swept 0 to 1.5",
                  "Barabasi and Albert 1999; Krapivsky, Redner and Leyvraz 2000"),
        Parameter("replications", 20, "random seeds per setting, the same seeds for every setting"),
    ]


def _check(n_customers: int, n_businesses: int, alpha: float, founders: int, batch: float) -> None:
    for name, value in (("n_customers", n_customers), ("n_businesses", n_businesses), ("founders", founders)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, got {value!r}")
    if founders > n_businesses:
        raise ValueError(f"founders ({founders}) cannot exceed n_businesses ({n_businesses})")
    if not 0.0 <= float(alpha) <= 5.0:
        raise ValueError(f"alpha (attachment strength) must lie between 0 and 5, got {alpha}")
    if not 0.0 <= float(batch) <= 0.1:
        raise ValueError(f"batch must lie between 0 and 0.1, got {batch}")


def opening_times(n_customers: int, n_businesses: int, founders: int = 2) -> np.ndarray:
    """Customer number at which each business opens: the first ``founders`` at 0, the
    rest at an even pace, business ``j`` when ``j / n_businesses`` of the customers
    have arrived."""
    times = (np.arange(n_businesses) * n_customers) // n_businesses
    times[:founders] = 0
    return times.astype(np.int64)


def _appeal_rows(appeal: Sequence[float] | np.ndarray | None, n_businesses: int) -> np.ndarray:
    if appeal is None:
        return np.ones((1, n_businesses))
    fit = np.asarray(appeal, dtype=float)
    if fit.ndim == 1:
        fit = fit[None, :]
    if fit.ndim != 2 or fit.shape[1] != n_businesses or not np.all(np.isfinite(fit)) or np.any(fit <= 0):
        raise ValueError(f"appeal must hold {n_businesses} positive numbers per variant, one per business")
    return fit


def market_choices(n_customers: int = 5000, n_businesses: int = 500,
                   alpha: float | Sequence[float] = 1.0, *, seeds: Iterable[int] = (1,),
                   appeal: Sequence[float] | np.ndarray | None = None, founders: int = 2,
                   batch: float = 0.01) -> np.ndarray:
    """The business each customer picked, for every appeal variant and seed.

    Customers arrive one after another while businesses open at an even pace; each
    customer picks a business with weight ``appeal * (customers + 1) ** alpha``. All
    variants and seeds run together in numpy, and each gives the market a call of its
    own would give; every variant of a seed uses the same random numbers, so variants
    are paired.

    Parameters
    ----------
    n_customers : int, default 5000
        Customers who arrive.
    n_businesses : int, default 500
        Businesses that open at an even pace.
    alpha : float or sequence of float, default 1.0
        Attachment strength(s). With several, every appeal row runs at each, alpha first
        (variant ``i * rows + j`` is ``alpha[i]`` with appeal row ``j``).
    seeds : iterable of int, default (1,)
        One market per seed.
    appeal : array_like, optional
        None (all 1), one row of ``n_businesses`` numbers, or a 2-D array with one row
        per variant.
    founders : int, default 2
        Businesses open from the start.
    batch : float, default 0.01
        For speed, customers arrive in small cohorts that see the counts as they were when
        the cohort began: at most ``batch`` times the customers so far, never spanning the
        opening of a business. ``batch=0`` is exact, one by one.

    Returns
    -------
    numpy.ndarray
        Integers of shape ``(variants, seeds, n_customers)``.

    Raises
    ------
    ValueError
        For no alpha, no seed, or sizes and strengths out of range.

    Examples
    --------
    >>> choices = market_choices(100, 10, [0.0, 1.0], seeds=(1, 2))
    >>> choices.shape
    (2, 2, 100)
    >>> int(choices[0, 0, :2].max())  # the first customers can only pick the 2 founders
    1
    """
    alphas = [float(a) for a in np.atleast_1d(np.asarray(alpha, dtype=float))]
    if not alphas:
        raise ValueError("need at least one alpha (attachment strength)")
    for a in alphas:
        _check(n_customers, n_businesses, a, founders, batch)
    seeds = [int(s) for s in seeds]
    if not seeds:
        raise ValueError("need at least one seed")
    fit = np.tile(_appeal_rows(appeal, n_businesses), (len(alphas), 1))
    variants, reps = fit.shape[0], len(seeds)
    rows = variants * reps
    block = rows // len(alphas)  # the rows of one alpha: its appeal rows times the seeds
    powers = [(a, slice(i * block, (i + 1) * block)) for i, a in enumerate(alphas) if a != 1]
    plain = bool(np.all(fit == 1.0))  # every appeal 1: nothing to multiply by
    # one random number per customer and seed, shared by all variants: paired comparisons
    uniform = np.stack([np.random.default_rng(s).random(n_customers) for s in seeds])
    uniform = np.tile(uniform, (variants, 1))
    fit = np.repeat(fit, reps, axis=0)
    opens = opening_times(n_customers, n_businesses, founders)
    grown = np.ones((rows, n_businesses))  # customers so far + 1, per row and business
    choices = np.empty((rows, n_customers), dtype=np.int64)
    offsets = np.arange(rows)[:, None]
    opens = [int(t) for t in opens]
    i = k = 0
    while i < n_customers:
        while k < n_businesses and opens[k] <= i:  # businesses open for customer i
            k += 1
        size = max(1, int(batch * i))
        if k < n_businesses:
            size = min(size, opens[k] - i)
        size = min(size, n_customers - i)
        # appeal * (customers + 1) ** alpha, without a power where none is needed
        weights = grown[:, :k]
        if powers or not plain:
            weights = weights.copy()
            for a, part in powers:
                if a:
                    weights[part] **= a
                else:
                    weights[part] = 1.0
            if not plain:
                weights *= fit[:, :k]
        cum = np.cumsum(weights, axis=1)
        cum /= cum[:, -1:]
        cum += offsets  # row r lies in (r, r + 1]: one search for all rows
        picks = np.searchsorted(cum.ravel(), (uniform[:, i:i + size] + offsets).ravel(), side="right")
        picks = np.minimum(picks.reshape(rows, size) - offsets * k, k - 1)
        choices[:, i:i + size] = picks
        # every pick adds one customer (a count of picks per row and business, exact in floats)
        grown[:, :k] += np.bincount((picks + offsets * k).ravel(), minlength=rows * k).reshape(rows, k)
        i += size
    return choices.reshape(variants, reps, n_customers)


def customers_at(choices: np.ndarray, n_businesses: int, t: int | None = None) -> np.ndarray:
    """Customers per business after the first ``t`` customers, from :func:`market_choices`.

    Parameters
    ----------
    choices : numpy.ndarray
        The business each customer picked (last axis: customers in arrival order).
    n_businesses : int
        Number of businesses.
    t : int or None, default None
        Count only the first ``t`` customers; None: all of them.

    Returns
    -------
    numpy.ndarray
        The shape of ``choices`` with its last axis replaced by the businesses, in opening
        order.

    Raises
    ------
    ValueError
        For a ``t`` outside 0 to the number of customers.

    Examples
    --------
    >>> import numpy as np
    >>> customers_at(np.array([0, 0, 1, 0, 2]), 3).tolist()
    [3, 1, 1]
    >>> customers_at(np.array([0, 0, 1, 0, 2]), 3, t=2).tolist()
    [2, 0, 0]
    """
    choices = np.asarray(choices)
    if t is not None:
        if not 0 <= int(t) <= choices.shape[-1]:
            raise ValueError(f"t must lie between 0 and {choices.shape[-1]}, got {t}")
        choices = choices[..., : int(t)]
    flat = choices.reshape(-1, choices.shape[-1])
    index = flat + np.arange(flat.shape[0])[:, None] * n_businesses
    counts = np.bincount(index.ravel(), minlength=flat.shape[0] * n_businesses)
    return counts.reshape(choices.shape[:-1] + (n_businesses,))


def customers_per_business(n_customers: int = 5000, n_businesses: int = 500, alpha: float = 1.0, *,
                           seeds: Iterable[int] = range(20), appeal: Sequence[float] | None = None,
                           founders: int = 2, batch: float = 0.01) -> np.ndarray:
    """Final customers of every business (columns, in opening order), one row per seed.

    A shortcut to :func:`market_choices` for one alpha and one appeal row.

    Parameters
    ----------
    n_customers : int, default 5000
        Customers who arrive.
    n_businesses : int, default 500
        Businesses that open at an even pace.
    alpha : float, default 1.0
        Attachment strength.
    seeds : iterable of int, default range(20)
        One market per seed.
    appeal : sequence of float, optional
        One attraction per business (all 1 by default).
    founders : int, default 2
        Businesses open from the start.
    batch : float, default 0.01
        Cohort size as a share of the customers so far (0: exact, one by one).

    Returns
    -------
    numpy.ndarray
        Shape ``(seeds, n_businesses)``.

    Raises
    ------
    ValueError
        When ``appeal`` is not one number per business.

    Examples
    --------
    >>> counts = customers_per_business(200, 20, seeds=range(2))
    >>> counts.shape, counts.sum(axis=1).tolist()  # every customer picked one business
    ((2, 20), [200, 200])
    """
    fit = None if appeal is None else np.asarray(appeal, dtype=float)
    if fit is not None and fit.ndim != 1:
        raise ValueError("appeal must be one number per business here; use market_choices for variants")
    choices = market_choices(n_customers, n_businesses, alpha, seeds=seeds, appeal=fit,
                             founders=founders, batch=batch)[0]
    return customers_at(choices, n_businesses)


def newcomer_ranks(alpha: float, appeals: Sequence[float] = (1.0, 4.0), *, n_customers: int = 2000,
                   n_businesses: int = 200, arrival: int = 20, seeds: Iterable[int] = range(20),
                   batch: float = 0.01) -> dict[float, dict[str, np.ndarray]]:
    """Where business number ``arrival`` ends, for each appeal it might have.

    The newcomer has the given appeal; everyone else has 1. Every appeal runs on the
    same seeds.

    Parameters
    ----------
    alpha : float
        Attachment strength.
    appeals : sequence of float, default (1.0, 4.0)
        The newcomer's appeals to compare.
    n_customers : int, default 2000
        Customers who arrive.
    n_businesses : int, default 200
        Businesses that open at an even pace.
    arrival : int, default 20
        The newcomer's place in the opening order (0 is the first founder).
    seeds : iterable of int, default range(20)
        One market per seed.
    batch : float, default 0.01
        Cohort size, as in :func:`market_choices`.

    Returns
    -------
    dict of float to dict of str to numpy.ndarray
        Appeal -> one value per seed of ``ahead``, the share of the other businesses that
        end with at least as many customers as the newcomer (0: it leads outright; a tie
        counts against it); ``top10``, 1 when it ends among the top 10 % (fewer than a
        tenth of the others level or ahead), else 0; and ``vs leader``, its customers
        divided by those of the best other business.

    Raises
    ------
    ValueError
        For an ``arrival`` outside the businesses.

    Examples
    --------
    >>> ranks = newcomer_ranks(1.0, (1.0, 8.0), n_customers=400, n_businesses=20, arrival=2,
    ...                        seeds=range(5))
    >>> ranks[8.0]["top10"].tolist()  # eight times as attractive: always in the top 10 %
    [1.0, 1.0, 1.0, 1.0, 1.0]
    >>> float(ranks[1.0]["top10"].mean())
    0.2
    """
    if not 0 <= int(arrival) < int(n_businesses):
        raise ValueError(f"arrival must lie between 0 and {int(n_businesses) - 1}, got {arrival}")
    fit = np.ones((len(appeals), n_businesses))
    fit[:, int(arrival)] = np.asarray(appeals, dtype=float)
    choices = market_choices(n_customers, n_businesses, alpha, seeds=seeds, appeal=fit, batch=batch)
    counts = customers_at(choices, n_businesses)  # (appeals, seeds, businesses)
    mine = counts[:, :, int(arrival)]
    others = np.delete(counts, int(arrival), axis=2)
    ahead = (others >= mine[:, :, None]).mean(axis=2)
    leader = others.max(axis=2)
    return {float(a): {"ahead": ahead[j], "top10": (ahead[j] < 0.10).astype(float),
                       "vs leader": mine[j] / leader[j]} for j, a in enumerate(appeals)}


def concentration_runs(alphas: Sequence[float], *, n_customers: int = 2000, n_businesses: int = 200,
                       seeds: Iterable[int] = range(20)) -> dict[float, dict[str, np.ndarray]]:
    """Concentration of customers in markets grown with each attachment strength.

    All alphas are simulated in one batch, with the same seeds for every alpha.

    Parameters
    ----------
    alphas : sequence of float
        Attachment strengths (0: customers pick at random; 1: in proportion to
        popularity; above 1: the popular pull harder still).
    n_customers : int, default 2000
        Customers who arrive, one after another.
    n_businesses : int, default 200
        Businesses that open at an even pace meanwhile.
    seeds : iterable of int, default range(20)
        One market per seed.

    Returns
    -------
    dict of float to dict of str to numpy.ndarray
        Alpha -> one value per seed of ``top 10 %``, the share of all customers held by
        the largest 10 % of businesses (:func:`snb.measures.top_share`); ``Gini``
        (:func:`snb.measures.gini`); ``largest``, the customers of the largest business;
        and ``none``, the share of businesses without a single customer.

    Examples
    --------
    >>> runs = concentration_runs([0.0, 1.5], n_customers=200, n_businesses=20, seeds=range(3))
    >>> runs[0.0]["top 10 %"].round(2).tolist()
    [0.3, 0.28, 0.3]
    >>> bool((runs[1.5]["Gini"] > runs[0.0]["Gini"]).all())  # strong attachment concentrates
    True
    """
    alphas = [float(a) for a in alphas]
    choices = market_choices(n_customers, n_businesses, alphas, seeds=seeds)
    out = {}
    for alpha, counts in zip(alphas, customers_at(choices, n_businesses)):
        out[alpha] = {
            "top 10 %": np.array([top_share(c, 0.10) for c in counts]),
            "Gini": np.array([gini(c) for c in counts]),
            "largest": counts.max(axis=1).astype(float),
            "none": (counts == 0).mean(axis=1),
        }
    return out
