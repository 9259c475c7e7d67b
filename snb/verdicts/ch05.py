"""Chapter 5's verdicts: influence, trust and reciprocity (pages 05, 05-1, 05-2 and 05-3).

On the real networks (Florentine marriages, Krackhardt's managers, Sampson's monastery,
Zachary's karate club) chance is a distribution: each test compares the observed value with
at least 1,000 draws of a named null model and reports a permutation p-value
(:func:`snb.verdicts.permutation`), never an interval of the null's mean (with enough draws
any difference from that mean would "beat chance"). The null draws use the seed base as their
seed. On the simulations (synthetic firms, reach, the friendship paradox, give and take) the
verdicts replicate until the 95 % interval is narrower than a stated margin, or a cap.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import networkx as nx
import numpy as np

from snb import datasets
from snb.models import ego, firm, influence, reciprocity, trust
from snb.permutation import permutation_null, qap_correlation
from snb.verdicts import (
    Result,
    compare,
    exact,
    permutation,
    region,
    register,
    replicate,
)
from snb.verdicts.ch04 import interval_row

#: Null draws of every permutation test; the borderline ones use more (see each verdict).
DRAWS = 1000
#: Waves of Sampson's liking data.
WAVES = (1, 2, 3)
#: The give-and-take model's swept ratios and numbers of contacts (page 05-3).
RATIOS = (1, 2, 3, 4, 6, 8, 12)
CONTACTS = (4, 8)
#: The rewiring levels of the reach sweep (page 05-2).
REWIRING = (0.0, 0.01, 0.1, 0.3, 1.0)

_SAMPSON = {"data": "Sampson (1968), snb/data/sampson", "null": trust.NOMINATION_NULL}
_GIVEN_RECIPROCITY = {"data": "Sampson (1968), snb/data/sampson, wave 3",
                      "null": trust.RECIPROCITY_NULL}


# ------------------------------------------------------------------ page 05: influence
@register(
    "05-medici-betweenness",
    chapter="05",
    question="How far do the Medici lead on betweenness in the Florentine marriages?",
    units="betweenness (normalised)",
    assumptions={"data": "Padgett and Ansell (1993) via networkx: 15 families; the isolated "
                         "Pucci of the original 16 are left out"},
)
def medici_betweenness(seed_base: int) -> Result:
    G = datasets.load_florentine_families()
    broker = influence.brokerage(G)
    with_pucci = G.copy()
    with_pucci.add_node("Pucci")  # Padgett's 16th family: no marriage tie in the data
    b16 = nx.betweenness_centrality(with_pucci)["Medici"]
    result = exact(broker["betweenness"], units="betweenness (normalised)",
                   label=(f"The Medici's betweenness is {broker['betweenness']:.3f} among networkx's "
                          f"15 families ({broker['ratio']:.2f} times the {broker['next']}'s "
                          f"{broker['next betweenness']:.3f}); {b16:.3f} with the isolated Pucci "
                          "of Padgett's 16"))
    result.details.update({"next": broker["next"], "next betweenness": broker["next betweenness"],
                           "ratio": broker["ratio"], "with Pucci": b16})
    return result


def _relabel(A: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """QAP's shuffle: the same random relabelling of rows and columns (Krackhardt 1988)."""
    order = rng.permutation(len(A))
    return A[np.ix_(order, order)]


def _managers() -> tuple[list, np.ndarray, np.ndarray]:
    K = datasets.krackhardt_managers()
    nodes = sorted(K.advice)
    return (nodes, nx.to_numpy_array(K.advice, nodelist=nodes),
            nx.to_numpy_array(K.friendship, nodelist=nodes))


@register(
    "05-rank-vs-advice",
    chapter="05",
    question="Among Krackhardt's managers, do people with more people below them in the chart "
             "get sought for advice more often than chance would give?",
    units="Spearman's rho",
    assumptions={"data": "Krackhardt (1987)",
                 "null": "QAP: the advice network's people relabelled at random (Krackhardt 1988)"},
)
def rank_vs_advice(seed_base: int) -> Result:
    K = datasets.krackhardt_managers()
    nodes, advice, _ = _managers()
    rank = np.array([firm.org_rank(K.reports_to)[v] for v in nodes], dtype=float)
    def statistic(A: np.ndarray) -> float:
        return ego.spearman(rank, A.sum(axis=0))

    null = permutation_null(statistic, advice, _relabel, n=DRAWS, seed=seed_base)
    return permutation(statistic(advice), null, alternative="greater",
                       name="rank in the chart against advice sought (Spearman)")


@register(
    "05-trusted-vs-sought",
    chapter="05",
    question="Essay 004: are the managers most sought for advice also the most often named as "
             "friends (the influential the most trusted)?",
    units="Spearman's rho",
    assumptions={"data": "Krackhardt (1987)",
                 "null": "QAP: the advice network's people relabelled at random (Krackhardt 1988)"},
)
def trusted_vs_sought(seed_base: int) -> Result:
    _, advice, friendship = _managers()
    named = friendship.sum(axis=0)
    def statistic(A: np.ndarray) -> float:
        return ego.spearman(named, A.sum(axis=0))

    null = permutation_null(statistic, advice, _relabel, n=DRAWS, seed=seed_base)
    return permutation(statistic(advice), null, alternative="greater",
                       name="friendship nominations received against advice sought (Spearman)")


@register(
    "05-advice-follows-friendship",
    chapter="05",
    question="Do Krackhardt's managers ask their own friends for advice more often than chance "
             "would give (the two networks tie for tie)?",
    units="Pearson correlation of the two adjacency matrices",
    assumptions={"data": "Krackhardt (1987)", "null": "QAP (Krackhardt 1988)"},
)
def advice_follows_friendship(seed_base: int) -> Result:
    _, advice, friendship = _managers()
    observed, null = qap_correlation(friendship, advice, n=DRAWS, seed=seed_base)
    return permutation(observed, null, alternative="greater",
                       name="friendship ties against advice ties (QAP correlation)")


@register(
    "05-firm-brokers-vs-bosses",
    chapter="05",
    question="Among the five people with the highest betweenness in synthetic firms, are planted "
             "brokers more numerous than bosses? (built in: the firms are made with brokers)",
    margin=0.5, units="people of the top 5",
    assumptions={"firm": "chapter 4's synthetic firm: assumptions"},
)
def firm_brokers_vs_bosses(seed_base: int) -> Result:
    def one(seed: int) -> tuple[float, float]:
        study = influence.firm_study(seeds=[seed])
        return float(study["brokers in top"][0]), float(study["bosses in top"][0])

    rows = replicate(one, seed_base, margin=0.5)
    return compare(rows[:, 0], rows[:, 1], names=("the count of planted brokers", "the count of bosses"), margin=0.5,
                   units="people of the top 5")


# ------------------------------------------------------------------ page 05: trust
@lru_cache(maxsize=8)
def _nomination_null(wave: int, seed_base: int) -> dict[str, np.ndarray]:
    return trust.nomination_null(datasets.load_sampson("liking", wave), n=DRAWS, seed=seed_base)


def _reciprocity(wave: int, seed_base: int) -> Result:
    D = datasets.load_sampson("liking", wave)
    return permutation(nx.reciprocity(D), _nomination_null(wave, seed_base)["reciprocity"],
                       alternative="greater", name=f"reciprocity of liking, wave {wave}")


for _wave in WAVES:
    register(
        f"05-reciprocity-wave-{_wave}",
        chapter="05",
        question=f"Is liking among Sampson's novices (wave {_wave}) returned more often than "
                 "random nominations would return it?",
        units="share of nominations returned", assumptions=_SAMPSON,
    )(lambda seed_base, wave=_wave: _reciprocity(wave, seed_base))


def _triads(kind: str, alternative: str, null: dict[str, np.ndarray],
            name: str | None = None) -> Result:
    """The wave-3 count of triads ``kind`` against ``null`` (a null model's triad counts)."""
    observed = nx.triadic_census(datasets.load_sampson("liking", 3))[kind]
    return permutation(observed, null[kind], alternative=alternative,
                       name=name or f"the count of triads {kind} in the wave-3 liking network")


@register(
    "05-triads-mutual-pairs",
    chapter="05",
    question="Are triads with one mutual pair and a third who names neither (102) more frequent "
             "than under random nominations?",
    units="triads", assumptions=_SAMPSON,
)
def triads_mutual_pairs(seed_base: int) -> Result:
    return _triads("102", "greater", _nomination_null(3, seed_base))


@register(
    "05-triads-one-way",
    chapter="05",
    question="Are triads with a single one-way nomination (012) rarer than under random "
             "nominations?",
    units="triads", assumptions=_SAMPSON,
)
def triads_one_way(seed_base: int) -> Result:
    return _triads("012", "less", _nomination_null(3, seed_base))


@lru_cache(maxsize=2)
def _reciprocity_null(seed_base: int) -> dict[str, np.ndarray]:
    return trust.reciprocity_null(datasets.load_sampson("liking", 3), n=DRAWS, seed=seed_base)


@register(
    "05-triads-mutual-pairs-given-reciprocity",
    chapter="05",
    question="With each novice's number of nominations and the number of mutual pairs kept as in "
             "the data, are triads with one mutual pair and a third who names neither (102) still "
             "more frequent than chance gives?",
    units="triads", assumptions=_GIVEN_RECIPROCITY,
)
def triads_mutual_pairs_given_reciprocity(seed_base: int) -> Result:
    return _triads("102", "greater", _reciprocity_null(seed_base),
                   name="the count of triads 102, given the mutual pairs,")


@register(
    "05-triads-closure-given-reciprocity",
    chapter="05",
    question="With each novice's number of nominations and the number of mutual pairs kept as in "
             "the data, do ties close into triangles more often than chance gives (the share of "
             "triads with two tied pairs whose third pair is tied too)?",
    units="share of connected triads closed", assumptions=_GIVEN_RECIPROCITY,
)
def triads_closure_given_reciprocity(seed_base: int) -> Result:
    observed = trust.closed_share(nx.triadic_census(datasets.load_sampson("liking", 3)))
    return permutation(observed, _reciprocity_null(seed_base)["closed share"],
                       alternative="greater", name="the share of closed triads, given the mutual pairs,")


@register(
    "05-balance",
    chapter="05",
    question="Are the monastery's signed triangles balanced more often than with the same signs "
             "shuffled over the same ties?",
    units="share of triangles balanced",
    assumptions={"data": "Sampson (1968), wave 3", "null": "signs permuted over the same ties"},
)
def balance(seed_base: int) -> Result:
    signed, _ = trust.signed_ties(datasets.load_sampson("liking", 3),
                                  datasets.load_sampson("disliking", 3))
    null = trust.balance_null(signed, n=DRAWS, seed=seed_base)
    return permutation(trust.balanced_share(signed), null, alternative="greater",
                       name="share of balanced triangles")


@register(
    "05-liking-vs-net-trust",
    chapter="05",
    question="Do liking received and net trust (liking minus disliking) rank the novices alike?",
    units="Spearman's rho",
    assumptions={"data": "Sampson (1968), wave 3", "null": "net trust permuted over the novices"},
)
def liking_vs_net_trust(seed_base: int) -> Result:
    s = trust.standing(datasets.load_sampson("liking", 3), datasets.load_sampson("disliking", 3))
    novices = list(s["liking"])
    liking = np.array([s["liking"][v] for v in novices])
    net = np.array([s["net trust"][v] for v in novices])
    null = permutation_null(lambda x: ego.spearman(liking, x), net,
                            lambda x, rng: rng.permutation(x), n=DRAWS, seed=seed_base)
    return permutation(ego.spearman(liking, net), null, alternative="two-sided",
                       name="liking against net trust (Spearman)")


# ------------------------------------------------------------------ page 05-2: weak ties
#: The local bridges' p-value lies just under 0.05: with 1,000 draws its label would depend
#: on the seed (its standard error would be 0.007); 100,000 draws make it 0.0007.
BRIDGE_DRAWS = 100_000


@register(
    "05-weak-ties-overlap",
    chapter="05",
    question="Granovetter on real data: in Zachary's karate club, do stronger ties (more "
             "contexts of meeting) share more of their contacts?",
    units="Spearman's rho",
    assumptions={"data": "Zachary (1977): tie weight = contexts in which two members met",
                 "null": "the weights permuted over the same ties"},
)
def weak_ties_overlap(seed_base: int) -> Result:
    test = ego.tie_strength_null(datasets.load_karate_club(), n=DRAWS, seed=seed_base,
                                 statistics=("spearman",))
    return permutation(test["observed"]["spearman"], test["null"]["spearman"],
                       alternative="greater", name="tie strength against neighbourhood overlap")


@register(
    "05-weak-ties-bridges",
    chapter="05",
    question="In Zachary's karate club, are the local bridges weaker ties than the others?",
    units="contexts of meeting",
    assumptions={"data": "Zachary (1977)", "null": "the weights permuted over the same ties"},
)
def weak_ties_bridges(seed_base: int) -> Result:
    test = ego.tie_strength_null(datasets.load_karate_club(), n=BRIDGE_DRAWS, seed=seed_base,
                                 statistics=("bridge gap",))
    result = permutation(test["observed"]["bridge gap"], test["null"]["bridge gap"],
                         alternative="less",
                         name="mean weight of the local bridges minus the other ties")
    result.details.update({k: test[k] for k in ("bridges", "bridge mean", "other mean")})
    return result


# ------------------------------------------------------------------ page 05-2: reach, paradox
@register(
    "05-reach-promise-region",
    chapter="05",
    question="For which shares of rewired ties does three-step reach fall short of the "
             "geometric promise (150 people with 6 contacts each)?",
    margin=0.05, units="reach / promise - 1", heavy=True,
    assumptions={"networks": "Watts and Strogatz (1998): 1,000 people, 6 contacts; 20 people "
                             "per network: assumptions"},
)
def reach_promise_region(seed_base: int) -> Result:
    promise = ego.geometric_steps(6)[2]
    results = []
    for p in REWIRING:
        rows = replicate(
            lambda s, p=p: float(ego.reach_runs("small world", rewiring=p, seeds=[s])[0, 2]) / promise - 1,
            seed_base, margin=0.05, cap=100)
        results.append(compare(rows[:, 0], names=("three-step reach", "the promise"),
                               margin=0.05, units="reach / promise - 1"))
    result = replace(region(list(REWIRING), results, name="reach falls short of the promise",
                            holds="beaten"), units="share of ties rewired (the first that holds)")
    result.details["sweep"] = [[r.estimate, r.low, r.high, r.n] for r in results]
    return result


@register(
    "05-paradox-scale-free-vs-random",
    chapter="05",
    question="Is the friendship paradox larger in a scale-free network than in a random one?",
    margin=0.5, units="contacts",
    assumptions={"networks": "1,000 people, 4 contacts on average: assumptions"},
)
def paradox_scale_free_vs_random(seed_base: int) -> Result:
    rows = replicate(lambda s: (ego.paradox_gap("scale-free", s), ego.paradox_gap("random", s)),
                     seed_base, margin=0.5)
    result = compare(rows[:, 0], rows[:, 1], names=("the paradox in a scale-free network", "in a random one"),
                     margin=0.5,
                     units="contacts")
    result.details.update({"scale-free": interval_row(rows[:, 0]), "random": interval_row(rows[:, 1])})
    return result


# ------------------------------------------------------------------ page 05-3: give and take
@lru_cache(maxsize=512)
def _final_block(kind: str, k: int, ratio: float, first: int) -> np.ndarray:
    """Final contributor shares of the 20 seeds ``first .. first + 19``, simulated together
    (base 0's first block is exactly what the page ran with ``seeds=range(20)``)."""
    return reciprocity.final_shares(kind, k=k, benefit_cost=ratio, seeds=range(first, first + 20))


def _final(seed: int, *, kind: str = "random regular", k: int = 4, ratio: float = 5.0) -> float:
    return float(_final_block(kind, k, float(ratio), seed - seed % 20)[seed % 20])


_GIVE_TAKE = {"model": "reciprocity.give_take_parameters(): Ohtsuki et al. (2006) updating, the "
                       "rest assumptions"}


@register(
    "05-give-take-6-vs-2",
    chapter="05",
    question="With 4 contacts each, do more contributors remain at b/c = 6 than at b/c = 2?",
    margin=0.05, units="share of contributors", assumptions=_GIVE_TAKE,
)
def give_take_6_vs_2(seed_base: int) -> Result:
    rows = replicate(lambda s: (_final(s, ratio=6.0), _final(s, ratio=2.0)), seed_base, margin=0.05)
    result = compare(rows[:, 0], rows[:, 1], names=("contributors at b/c 6", "at b/c 2"), margin=0.05,
                     units="share of contributors")
    result.details.update({"b/c 6": interval_row(rows[:, 0]), "b/c 2": interval_row(rows[:, 1]),
                           "networks where contributors vanished at b/c 2":
                               int((rows[:, 1] == 0).sum())})
    return result


def _threshold(k: int, seed_base: int) -> Result:
    results = []
    for ratio in RATIOS:
        rows = replicate(lambda s, r=ratio: _final(s, k=k, ratio=r) - 0.5, seed_base, margin=0.1,
                         cap=100)
        results.append(compare(rows[:, 0], names=("contributors' change", "no change"),
                               margin=0.1, units="share of contributors"))
    result = replace(region(list(RATIOS), results, name=f"contributors gain ground with {k} contacts",
                            holds="beats"), units="b/c (the first ratio where it holds)")
    result.details["sweep"] = [[r.estimate, r.low, r.high, r.n] for r in results]
    return result


for _k in CONTACTS:
    register(
        f"05-give-take-threshold-k{_k}",
        chapter="05",
        question=f"With {_k} contacts each, from which benefit-to-cost ratio do contributors "
                 "gain ground (from half the people at the start)?",
        margin=0.1, units="share of contributors", heavy=True, assumptions=_GIVE_TAKE,
    )(lambda seed_base, k=_k: _threshold(k, seed_base))


@register(
    "05-give-take-scale-free-vs-ring",
    chapter="05",
    question="At b/c = 5, do more contributors remain on a scale-free network than on a ring "
             "lattice?",
    margin=0.1, units="share of contributors", assumptions=_GIVE_TAKE,
)
def give_take_scale_free_vs_ring(seed_base: int) -> Result:
    rows = replicate(lambda s: (_final(s, kind="scale-free"), _final(s, kind="ring lattice")),
                     seed_base, margin=0.1)
    seeds = [seed_base * 100_000 + i for i in range(len(rows))]
    kinds = {kind: interval_row(np.array([_final(s, kind=kind) for s in seeds]))
             for kind in reciprocity.GIVE_TAKE_NETWORKS}
    result = compare(rows[:, 0], rows[:, 1], names=("the scale-free network", "the ring lattice"),
                     margin=0.1, units="share of contributors")
    result.details["networks"] = kinds
    return result
