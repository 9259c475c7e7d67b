"""Chapter 5: give and take. Contributors and takers on a network (network reciprocity).

The model is the donation game on a graph that Ohtsuki, Hauert, Lieberman and Nowak (2006)
analysed and Nowak (2006) summarised as one of five rules for cooperation:

- every person is a **contributor** (gives) or a **taker** (does not);
- a contributor pays a cost ``c`` for each of its contacts, and each of them receives a benefit
  ``b`` (so ``b / c`` is the benefit-to-cost ratio); a taker pays nothing;
- a person's payoff is what they receive minus what they pay, summed over their contacts;
- **death-birth updating**: each round a share ``turnover`` of people leave (or rethink), and
  each is replaced by a copy of the strategy of one of their contacts, chosen with a chance
  proportional to ``exp(selection * payoff)``: successful neighbours are copied more.

Nowak's rule: with weak selection, contributors are favoured when ``b / c`` exceeds the number
of contacts ``k``. Here selection is not weak and we start from a mix, so we *measure* where the
threshold lies in this model instead of assuming it.
"""

from __future__ import annotations

import functools
from typing import Iterable

import networkx as nx
import numpy as np

from snb.assumptions import Parameter

__all__ = ["GIVE_TAKE_NETWORKS", "give_take_network", "Neighbours", "simulate", "final_shares",
           "give_take_parameters", "threshold_sweep"]

#: The network types of the give-and-take model.
GIVE_TAKE_NETWORKS: tuple[str, ...] = ("random regular", "ring lattice", "small world", "scale-free")


def give_take_network(kind: str = "random regular", n: int = 200, k: int = 4, *, seed: int = 1) -> nx.Graph:
    """A network of ``n`` people with ``k`` contacts each on average."""
    if kind == "random regular":
        return nx.random_regular_graph(k, n, seed=seed)
    if kind == "ring lattice":
        return nx.watts_strogatz_graph(n, k, 0.0, seed=seed)
    if kind == "small world":
        return nx.connected_watts_strogatz_graph(n, k, 0.1, seed=seed)
    if kind == "scale-free":
        return nx.barabasi_albert_graph(n, max(k // 2, 1), seed=seed)
    raise ValueError(f"kind must be one of {GIVE_TAKE_NETWORKS}, got {kind!r}")


class Neighbours:
    """One or more graphs as a padded array of neighbour indices (``-1`` = none), for fast
    rounds; several graphs are stacked side by side (block ``b`` holds graph ``b``'s people)."""

    def __init__(self, graphs: nx.Graph | Iterable[nx.Graph]) -> None:
        graphs = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
        rows, blocks, offset = [], [], 0
        for b, G in enumerate(graphs):
            index = {v: offset + i for i, v in enumerate(G)}
            rows.extend([index[u] for u in G[v]] for v in G)
            blocks.extend([b] * len(index))
            offset += len(index)
        self.degree = np.array([len(r) for r in rows])
        self.table = np.full((len(rows), max(self.degree.max(initial=0), 1)), -1)
        for i, r in enumerate(rows):
            self.table[i, :len(r)] = r
        self.mask = self.table >= 0
        self.block = np.array(blocks)
        self.blocks = len(graphs)

    def payoffs(self, gives: np.ndarray, b: float, c: float) -> np.ndarray:
        """Benefit ``b`` from every contributing contact, minus ``c`` per contact if contributing."""
        received = (gives[self.table] & self.mask).sum(axis=1) * b
        return received - c * self.degree * gives

    def per_block(self, values: np.ndarray, among: np.ndarray | None = None) -> np.ndarray:
        """The mean of ``values`` within each graph (over the people in ``among``; NaN for none)."""
        if self.blocks == 1:  # one network: plain means, much faster
            chosen = values if among is None else values[among]
            return np.array([chosen.mean() if chosen.size else np.nan])
        keep = np.ones(len(values), dtype=bool) if among is None else among
        total = np.bincount(self.block[keep], weights=values[keep], minlength=self.blocks)
        count = np.bincount(self.block[keep], minlength=self.blocks)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(count > 0, total / np.maximum(count, 1), np.nan)


@functools.lru_cache(maxsize=64)
def _neighbours(kind: str, n: int, k: int, seeds: tuple[int, ...]) -> Neighbours:
    return Neighbours(give_take_network(kind, n, k, seed=s) for s in seeds)


def simulate(kind: str = "random regular", *, k: int = 4, benefit_cost: float = 5.0, takers: float = 0.5,
             n: int = 200, rounds: int = 200, turnover: float = 0.1, selection: float = 0.5,
             seeds: Iterable[int] = (1,)) -> dict[str, np.ndarray]:
    """Run the donation game with death-birth updating (cost 1, benefit ``benefit_cost``) on one
    network per seed, all at once.

    Returns, per network (rows, in the order of ``seeds``) and round (columns; 0 = the start):
    ``contributors`` (share), ``payoff`` (mean payoff per person), ``payoff of contributors`` and
    ``payoff of takers`` (their means; NaN when there are none); ``gives``: everyone's final
    strategy, the networks' people one after another. The random start and updates come from
    one generator seeded with all the seeds, so a run repeats exactly for the same seeds.
    """
    seeds = tuple(int(s) for s in seeds)
    if not 0 <= takers <= 1:
        raise ValueError(f"takers must be a share from 0 to 1, got {takers}")
    if benefit_cost < 0 or rounds < 1 or not 0 < turnover <= 1 or selection < 0 or not seeds:
        raise ValueError("need benefit_cost >= 0, rounds >= 1, 0 < turnover <= 1, selection >= 0 and a seed")
    nb = _neighbours(kind, int(n), int(k), seeds)
    rng = np.random.default_rng(list(seeds))
    size = len(nb.degree)
    gives = np.zeros(size, dtype=bool)
    for b in range(nb.blocks):  # the same share of takers in every network
        people = np.flatnonzero(nb.block == b)
        gives[rng.permutation(people)[: len(people) - int(round(takers * len(people)))]] = True
    has_contacts = nb.degree > 0
    share, payoff, giver, taker = [], [], [], []
    for step in range(rounds + 1):
        p = nb.payoffs(gives, benefit_cost, 1.0)
        share.append(nb.per_block(gives.astype(float)))
        payoff.append(nb.per_block(p))
        giver.append(nb.per_block(p, gives))
        taker.append(nb.per_block(p, ~gives))
        if step == rounds:
            break
        rows = np.flatnonzero((rng.random(size) < turnover) & has_contacts)
        if rows.size:
            table = nb.table[rows]
            weight = np.where(nb.mask[rows], np.exp(selection * (p[table] - p.max())), 0.0)
            cum = np.cumsum(weight, axis=1)
            pick = (rng.random(rows.size)[:, None] * cum[:, -1:] < cum).argmax(axis=1)
            gives[rows] = gives[table[np.arange(rows.size), pick]]
    return {"contributors": np.array(share).T, "payoff": np.array(payoff).T, "payoff of contributors":
            np.array(giver).T, "payoff of takers": np.array(taker).T, "gives": gives.copy()}


def final_shares(kind: str = "random regular", *, seeds: Iterable[int] = range(20), **settings) -> np.ndarray:
    """Share of contributors at the end, one value per seed (a new network and start each)."""
    return simulate(kind, seeds=seeds, **settings)["contributors"][:, -1]


def threshold_sweep(ratios: Iterable[float], degrees: Iterable[int], *, kind: str = "random regular",
                    seeds: Iterable[int] = range(20), **settings) -> dict[int, dict[float, np.ndarray]]:
    """Final contributor shares for every (k, b/c): ``{k: {b/c: shares over seeds}}``."""
    seeds = tuple(seeds)
    return {int(k): {float(r): final_shares(kind, k=int(k), benefit_cost=float(r), seeds=seeds, **settings)
                     for r in ratios} for k in degrees}


def give_take_parameters(benefit_cost: float = 5.0, k: int = 4, takers: float = 0.5) -> list:
    """The give-and-take model's parameters (:class:`snb.assumptions.Parameter`), with sources.

    Parameters
    ----------
    benefit_cost : float, default 5.0
        What each contact of a contributor receives, per unit of cost (b / c).
    k : int, default 4
        Contacts per person (on average for scale-free networks).
    takers : float, default 0.5
        Share of people who never give, at the start.

    Returns
    -------
    list of snb.assumptions.Parameter
        Ten rows: the model's sizes, payoffs, updating rule and replications.

    Examples
    --------
    >>> rows = give_take_parameters(benefit_cost=3.0)
    >>> len(rows), rows[3].name, rows[3].value
    (10, 'benefit b / c', 3.0)
    """
    return [
        Parameter("people", 200, "size of each network"),
        Parameter("contacts (k)", k, "contacts per person (on average for scale-free)"),
        Parameter("cost c", 1, "what a contributor pays per contact", "Nowak (2006): donation game"),
        Parameter("benefit b / c", benefit_cost, "what each contact of a contributor receives, per unit of cost"),
        Parameter("takers at the start", takers, "share of people who never give, placed at random"),
        Parameter("updating", "death-birth", "a leaver is replaced by a copy of a contact",
                  "Ohtsuki et al. (2006)"),
        Parameter("turnover", 0.1, "share of people replaced each round"),
        Parameter("selection", 0.5, "how strongly success is copied: weight exp(0.5 x payoff)"),
        Parameter("rounds", 200, "rounds simulated"),
        Parameter("seeds", 20, "networks and starts per setting"),
    ]
