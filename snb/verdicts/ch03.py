"""Chapter 3's verdicts: like-minded ties, communities, outsiders, renewal, turnover, wisdom.

Each function takes a seed base and returns one :class:`~snb.verdicts.Result`; replication
``i`` uses random seed ``seed_base * 100_000 + i``. The wisdom verdicts are exact: the
expected consensus error of a DeGroot network has a closed form
(:func:`snb.models.opinion.expected_consensus_error`), so they need no seeds.
"""

from __future__ import annotations

from functools import lru_cache

import networkx as nx
import numpy as np

from snb import datasets
from snb.models import communities, opinion, renewal, ties
from snb.verdicts import Result, compare, exact, region, register, replicate

#: Homophily levels, chances of a weak tie and turnover shares of the page's sweeps.
HOMOPHILY = (0.0, 0.3, 0.6, 0.9)
BETWEEN = (0.0, 0.002, 0.005, 0.01)
TURNOVER = (0.0, 0.02, 0.05, 0.1)
#: Network sizes of the wisdom comparison.
SIZES = (25, 50, 100, 200, 400)

_LIKE_MINDED = {"model": "assumption: ties.LIKE_MINDED_PARAMETERS (150 members, 450 ties, homophily 0.7)",
                "null model": "Maslov and Sneppen 2002 (degree-preserving swaps)"}
_GROUPS = {"groups": "assumption: renewal.GROUP_PARAMETERS (10 groups of 20)",
           "weak ties": "assumption: ties across groups are the weak ones (Granovetter 1973)"}
_RENEWAL = {"model": "assumption: renewal.RENEWAL_PARAMETERS",
            "newcomers": "assumption: a newcomer from the own circle brings no new idea"}
_WISDOM = {"model": "DeGroot 1974, equal trust in every contact and in oneself",
           "noise": "assumption: independent normal errors of equal size (standard deviation 1)",
           "network": "assumption: the page's networks (generator seed 1)"}


# ------------------------------------------------------------- page 1: ties
def _null(seed: int, **settings) -> tuple[float, float, float, float]:
    r = ties.null_comparison([seed], **settings)
    return (float(r["model clustering"][0]), float(r["null clustering"][0]),
            float(r["model assortativity"][0]), float(r["null assortativity"][0]))


@register("03-clustering-trace", chapter="03",
          question="Is the like-minded model's clustering above that of its degree-preserving null model?",
          margin=0.02, units="(clustering)", assumptions=_LIKE_MINDED)
def clustering_trace(seed_base: int) -> Result:
    rows = replicate(_null, seed_base, margin=0.02, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("the model", "its null model"), margin=0.02,
                   units="(clustering)")


@register("03-assortativity-trace", chapter="03",
          question="Is the like-minded model's assortativity by interest above its null model's?",
          margin=0.02, units="(assortativity)", assumptions=_LIKE_MINDED)
def assortativity_trace(seed_base: int) -> Result:
    rows = replicate(lambda s: _null(s)[2:], seed_base, margin=0.02, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("the model", "its null model"), margin=0.02,
                   units="(assortativity)")


def _null_region(column: int, name: str, units: str, seed_base: int) -> Result:
    def one(seed: int) -> tuple[float, ...]:
        out = []
        for h in HOMOPHILY:
            r = _null(seed, homophily=h)
            out.append(r[column] - r[column + 1])
        return tuple(out)

    rows = replicate(one, seed_base, margin=1e-9, cap=30, min_n=30)
    results = [compare(rows[:, i], names=("the model", "its null model"), margin=0.03, units=units)
               for i in range(len(HOMOPHILY))]
    return region(HOMOPHILY, results, name=name)


@register("03-assortativity-region", chapter="03",
          question="For which levels of homophily is the model's assortativity above its null model's?",
          margin=0.03, units="(assortativity)", assumptions=_LIKE_MINDED)
def assortativity_region(seed_base: int) -> Result:
    return _null_region(2, "assortativity above chance", "(assortativity)", seed_base)


@register("03-clustering-region", chapter="03",
          question="For which levels of homophily is the model's clustering above its null model's?",
          margin=0.03, units="(clustering)", assumptions=_LIKE_MINDED)
def clustering_region(seed_base: int) -> Result:
    return _null_region(0, "clustering above chance", "(clustering)", seed_base)


# ------------------------------------------------------- page 1: communities
@lru_cache(maxsize=1)
def _karate() -> tuple[nx.Graph, list]:
    G = datasets.load_karate_club()
    return G, communities.factions(G)


@register("03-lp-vs-louvain", chapter="03",
          question="Does label propagation recover the karate club's split better than Louvain (ARI)?",
          margin=0.03, units="ARI",
          assumptions={"data": "Zachary 1977 (networkx's karate club)",
                       "runs": "assumption: one detection per random seed, up to 400"})
def lp_vs_louvain(seed_base: int) -> Result:
    G, known = _karate()

    def one(seed: int) -> tuple[float, float]:
        return tuple(communities.agreement(G, communities.detect(G, m, seed=seed), known)["ARI"]
                     for m in ("label propagation", "Louvain"))

    rows = replicate(one, seed_base, margin=0.03, cap=400)
    return compare(rows[:, 0], rows[:, 1], names=("label propagation", "Louvain"), margin=0.03, units="ARI")


@lru_cache(maxsize=1)
def _co_attendance() -> tuple[nx.Graph, list]:
    davis = datasets.load_davis_southern_women()
    women = [v for v, side in davis.nodes(data="bipartite") if side == 0]
    G = nx.Graph()
    G.add_nodes_from(women)  # in the data's order, so that seeded runs repeat exactly
    for i, u in enumerate(women):
        for v in women[i + 1:]:
            shared = len(set(davis[u]) & set(davis[v]))
            if shared:
                G.add_edge(u, v, weight=shared)
    return G, [set(women[:9]), set(women[9:])]


@register("03-davis-weights", chapter="03",
          question="Does Louvain find the Southern Women's described groups better with tie weights "
                   "(shared events) than with ties only?",
          margin=0.05, units="ARI",
          assumptions={"data": "Davis, Gardner and Gardner 1941 (networkx's davis_southern_women_graph)",
                       "groups": "the first and last nine women, as the authors described (Freeman 2003)"})
def davis_weights(seed_base: int) -> Result:
    G, described = _co_attendance()

    def one(seed: int) -> tuple[float, float]:
        return tuple(communities.agreement(G, nx.community.louvain_communities(G, weight=w, seed=seed),
                                           described)["ARI"] for w in ("weight", None))

    rows = replicate(one, seed_base, margin=0.05, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("weighted by shared events", "ties only"), margin=0.05,
                   units="ARI")


@register("03-resolution-limit", chapter="03",
          question="From how many cliques of five on a ring do merged pairs score a higher modularity "
                   "than one community per clique?",
          assumptions={"theory": "Fortunato and Barthelemy 2007 (limit at 5 x 4 + 2 = 22 cliques)"})
def resolution_limit(seed_base: int) -> Result:
    for k in range(10, 41, 2):  # the partition into pairs needs an even number
        ring, single, pairs = communities.ring_of_cliques_partitions(k, 5)
        if communities.modularity(ring, pairs) > communities.modularity(ring, single) + 1e-12:
            return exact(k, label=f"merged pairs score higher from {k} cliques of five on; "
                                  f"below, one community per clique scores at least as high",
                         units="cliques")
    raise AssertionError("no limit found up to 40 cliques")


@register("03-resolution-louvain", chapter="03",
          question="On a ring of 30 cliques of five, does Louvain at resolution 1.5 find more of the "
                   "cliques than at the standard resolution 1?",
          margin=1.0, units="communities",
          assumptions={"network": "assumption: a ring of 30 cliques of five (Fortunato and Barthelemy 2007)"})
def resolution_louvain(seed_base: int) -> Result:
    ring = communities.ring_of_cliques_partitions(30, 5)[0]

    def one(seed: int) -> tuple[float, float]:
        return tuple(float(len(communities.detect(ring, "Louvain", seed=seed, resolution=r)))
                     for r in (1.5, 1.0))

    rows = replicate(one, seed_base, margin=1.0, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("resolution 1.5", "resolution 1"), margin=1.0,
                   units="communities")


# --------------------------------------------------- page 2: outsiders, renewal
def _outsider(seed: int, between: float = 0.005) -> tuple[float, float]:
    G = renewal.professional_groups(between=between, seed=seed)
    return (renewal.outsider_reach(G, seed=seed), renewal.outsider_reach(G, seed=seed, weak=False))


@register("03-weak-ties-reach", chapter="03",
          question="Does an outsider reach more members within three steps with the weak ties than "
                   "with the strong ties only?",
          margin=0.02, units="(share of members)", assumptions=_GROUPS)
def weak_ties_reach(seed_base: int) -> Result:
    rows = replicate(_outsider, seed_base, margin=0.02, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("weak and strong ties", "strong ties only"), margin=0.02,
                   units="(share of members)")


@register("03-weak-ties-region", chapter="03",
          question="For which chances of a weak tie do weak ties add reach for an outsider?",
          margin=0.02, units="(share of members)", assumptions=_GROUPS)
def weak_ties_region(seed_base: int) -> Result:
    def one(seed: int) -> tuple[float, ...]:
        return tuple(np.subtract(*_outsider(seed, b)) for b in BETWEEN)

    rows = replicate(one, seed_base, margin=1e-9, cap=30, min_n=30)
    results = [compare(rows[:, i], names=("weak and strong ties", "strong ties only"), margin=0.02,
                       units="(share of members)") for i in range(len(BETWEEN))]
    return region(BETWEEN, results, name="weak ties add reach")


def _renewal(homophily: float, turnover: float, seed: int) -> float:
    return renewal.simulate_renewal(homophily=homophily, turnover=turnover, seed=seed).renewal


@register("03-open-vs-congenial", chapter="03",
          question="At 5 % turnover, does an open community (homophily 0.3) renew more than a "
                   "congenial one (0.9)? (Built in: like-minded newcomers bring no new idea.)",
          margin=0.05, units="(share of members)", assumptions=_RENEWAL)
def open_vs_congenial(seed_base: int) -> Result:
    rows = replicate(lambda s: (_renewal(0.3, 0.05, s), _renewal(0.9, 0.05, s)), seed_base,
                     margin=0.05, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("open", "congenial"), margin=0.05,
                   units="(share of members)")


@register("03-turnover-region", chapter="03",
          question="For which turnover rates does the open community renew more than the congenial one?",
          margin=0.05, units="(share of members)", assumptions=_RENEWAL)
def turnover_region(seed_base: int) -> Result:
    def one(seed: int) -> tuple[float, ...]:
        return tuple(_renewal(0.3, t, seed) - _renewal(0.9, t, seed) for t in TURNOVER)

    rows = replicate(one, seed_base, margin=1e-9, cap=20, min_n=20)
    results = [compare(rows[:, i], names=("open", "congenial"), margin=0.05, units="(share of members)")
               for i in range(len(TURNOVER))]
    return region(TURNOVER, results, name="the open community renews more")


@register("03-who-joins", chapter="03",
          question="Does an open community with 2 % turnover renew more than a congenial one with "
                   "10 % (who joins against how many join)?",
          margin=0.05, units="(share of members)", assumptions=_RENEWAL)
def who_joins(seed_base: int) -> Result:
    rows = replicate(lambda s: (_renewal(0.3, 0.02, s), _renewal(0.9, 0.1, s)), seed_base,
                     margin=0.05, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("the open community at 2 % turnover", "the congenial one at 10 %"),
                   margin=0.05, units="(share of members)")


# ------------------------------------------------------- page 2: departures
def _departures(make, seed: int) -> tuple[float, float]:
    G = make(seed)
    return (float(renewal.fragmentation(G, [0.2], targeted=False, seed=seed)[0]),
            float(renewal.fragmentation(G, [0.2], targeted=True, seed=seed)[0]))


@register("03-targeted-scale-free", chapter="03",
          question="In a scale-free network, do targeted departures of the best-connected fifth break "
                   "it apart more than random departures?",
          margin=0.03, units="(largest connected share)",
          assumptions={"network": "Barabasi and Albert 1999, 150 members, 3 ties each",
                       "departures": "Albert, Jeong and Barabasi 2000 (random against targeted)"})
def targeted_scale_free(seed_base: int) -> Result:
    rows = replicate(lambda s: _departures(lambda x: nx.barabasi_albert_graph(150, 3, seed=x), s),
                     seed_base, margin=0.03, cap=100)
    return compare(rows[:, 0], rows[:, 1], names=("random loss", "targeted loss"),
                   margin=0.03, units="(largest connected share)")


@register("03-targeted-like-minded", chapter="03",
          question="In the like-minded network, where nobody holds many ties, do targeted departures "
                   "of a fifth cost more than random ones?",
          margin=0.03, units="(largest connected share)",
          assumptions={**_LIKE_MINDED, "departures": "Albert, Jeong and Barabasi 2000"})
def targeted_like_minded(seed_base: int) -> Result:
    # precision well below the margin of importance, so that a small difference is decided
    rows = replicate(lambda s: _departures(lambda x: ties.like_minded_network(seed=x), s),
                     seed_base, margin=0.005, cap=200)
    return compare(rows[:, 0], rows[:, 1], names=("random loss", "targeted loss"),
                   margin=0.03, units="(largest connected share)")


def _persistence(turnover: float, seed_base: int) -> Result:
    def one(seed: int) -> tuple[float, float]:
        r = renewal.persistence(turnover, seed=seed)
        return r["ARI"], r["baseline"]

    rows = replicate(one, seed_base, margin=0.05, cap=100, min_n=40)
    return compare(rows[:, 0], rows[:, 1], names=(f"{turnover * 100:g} % turnover", "no turnover"),
                   margin=0.05, units="ARI")


@register("03-persist-5", chapter="03",
          question="With 5 % of members replaced, do the communities of those who stay agree with the "
                   "earlier ones as well as two Louvain runs agree with each other (within 0.05 ARI)?",
          margin=0.05, units="ARI", assumptions=_LIKE_MINDED)
def persist_5(seed_base: int) -> Result:
    return _persistence(0.05, seed_base)


@register("03-persist-25", chapter="03",
          question="With 25 % of members replaced, do the communities of those who stay change more "
                   "than Louvain's own noise?",
          margin=0.05, units="ARI", assumptions=_LIKE_MINDED)
def persist_25(seed_base: int) -> Result:
    return _persistence(0.25, seed_base)


# ---------------------------------------------------------- page 3: wisdom
def expected_errors(kind: str, sizes=SIZES) -> list[float]:
    """Expected consensus error of the page's ``kind`` network (seed 1) at each size."""
    return [opinion.expected_consensus_error(opinion.wisdom_network(kind, n, seed=1)) for n in sizes]


def _gap(kind: str, n: int, margin: float) -> Result:
    worse, mesh = expected_errors(kind, [n])[0], expected_errors("peer mesh", [n])[0]
    gap = worse - mesh
    kind_ = "beaten" if gap > margin else "beats" if gap < -margin else "equivalent"
    words = {"beaten": f"the peer mesh is wiser than {kind}", "beats": f"{kind} is wiser than the peer mesh",
             "equivalent": f"{kind} and the peer mesh are equivalent within +-{margin:g}"}[kind_]
    r = exact(gap, kind=kind_, units="(expected error)",
              label=f"{words}: expected consensus error {worse:.3f} against {mesh:.3f} with {n} people "
                    f"(exact, independent equal noise)")
    r.details.update({kind: worse, "peer mesh": mesh, "people": n})
    return r


@register("03-one-voice-vs-mesh", chapter="03",
          question="With 100 people, is the expected consensus error of the one-voice network larger "
                   "than the peer mesh's (exact, margin 0.01)?",
          margin=0.01, units="(expected error)", assumptions=_WISDOM)
def one_voice_vs_mesh(seed_base: int) -> Result:
    return _gap("one voice", 100, 0.01)


@register("03-scale-free-vs-mesh", chapter="03",
          question="With 100 people, is the expected consensus error of the scale-free network larger "
                   "than the peer mesh's (exact, margin 0.01)?",
          margin=0.01, units="(expected error)", assumptions=_WISDOM)
def scale_free_vs_mesh(seed_base: int) -> Result:
    return _gap("scale-free", 100, 0.01)


@register("03-one-voice-by-size", chapter="03",
          question="For which group sizes does one dominant voice make the consensus worse than a peer "
                   "mesh by more than 0.01 (exact)?",
          margin=0.01, units="(expected error)", assumptions=_WISDOM)
def one_voice_by_size(seed_base: int) -> Result:
    results = [_gap("one voice", n, 0.01) for n in SIZES]
    return region(SIZES, results, name="one voice is less wise than the peer mesh", holds="beaten")
