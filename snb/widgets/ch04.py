"""Chapter 4 pictures and the org explorer: the org chart and the informal network side by side."""

from __future__ import annotations

import functools
from typing import Hashable, Iterable, Mapping

import ipywidgets as w
import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection

from snb import draw
from snb.models import brokerage, firm
from snb.widgets.base import Explorer, control_style
from snb.widgets.params import MAX_SEED, OneOf, Real, Whole, settings

__all__ = [
    "chart_layout", "department_layout", "formal_and_informal", "REMOVALS", "render_org", "org_explorer",
    "person_to_remove"
]

#: Department colours (department 0, the head office, is black); vermillion marks highlights.
_DEPARTMENT_COLOURS = ["black", "blue", "orange", "green", "purple", "sky", "yellow", "grey"]


def chart_layout(org: nx.DiGraph) -> dict[Hashable, np.ndarray]:
    """Top-down positions of an org chart (arcs ``person -> boss``): the root on top, each
    level a row, everyone under their boss; departments side by side. In the bottom row
    every other person is set a little lower, so that ties along the row stay visible."""
    root = next(v for v in org if org.out_degree(v) == 0)
    tree = org.reverse(copy=False)  # boss -> report
    depth = nx.single_source_shortest_path_length(tree, root)
    order = list(nx.dfs_preorder_nodes(tree, root))
    leaves = [v for v in order if tree.out_degree(v) == 0]
    x = {v: float(i) for i, v in enumerate(leaves)}
    for v in reversed(order):
        if v not in x:
            x[v] = float(np.mean([x[u] for u in tree.successors(v)]))
    width = max(len(leaves) - 1, 1)
    top = max(depth.values()) or 1
    drop = {v: 0.12 * (i % 2) / top for i, v in enumerate(leaves)}
    return {v: np.array([2 * x[v] / width - 1, 1 - 2 * depth[v] / top - drop.get(v, 0.0)]) for v in org}


def department_layout(G: nx.Graph, seed: int = 1) -> dict[Hashable, np.ndarray]:
    """Positions that draw each department as a disc of people around a circle.

    The head office (department 0) sits in the centre; people are placed at random
    inside their department's disc, so ties across departments are the long lines.

    Parameters
    ----------
    G : networkx.Graph
        People with the node attribute ``department``.
    seed : int, default 1
        Random seed of the places inside the discs.

    Returns
    -------
    dict of node to numpy.ndarray
        Person -> (x, y).

    Examples
    --------
    >>> from snb.models.firm import synthetic_firm
    >>> pos = department_layout(synthetic_firm(30, 3, brokers=2).informal)
    >>> len(pos), pos[0].tolist()  # the CEO, in the head office
    (30, [0.0, 0.0])
    """
    rng = np.random.default_rng(seed)
    departments = sorted({d for _, d in G.nodes(data="department")} - {0})
    centre = {d: np.array([np.cos(a), np.sin(a)]) for d, a in
              zip(departments, 2 * np.pi * np.arange(len(departments)) / max(len(departments), 1))}
    centre[0] = np.zeros(2)
    pos = {}
    for v, d in G.nodes(data="department"):
        r, a = 0.38 * np.sqrt(rng.random()), 2 * np.pi * rng.random()
        pos[v] = centre[d] + (0 if d == 0 else 1) * np.array([r * np.cos(a), r * np.sin(a)])
    return pos


def _colour(department: int) -> str:
    return draw.PALETTE[_DEPARTMENT_COLOURS[department % len(_DEPARTMENT_COLOURS)]]


def _edges(ax, G: nx.Graph, xy: Mapping[Hashable, np.ndarray], colour: str, width: float, alpha: float) -> None:
    if G.number_of_edges() == 0:
        return
    index = {v: i for i, v in enumerate(xy)}
    points = np.array(list(xy.values()))
    ends = np.array([(index[u], index[v]) for u, v in G.edges])
    ax.add_collection(LineCollection(points[ends], colors=colour, linewidths=width, alpha=alpha, zorder=1))


def formal_and_informal(org: nx.DiGraph, informal: nx.Graph, *, title: str,
                        highlight: Iterable[Hashable] = (), labels: bool | None = None,
                        pos: Mapping[Hashable, np.ndarray] | None = None) -> draw.Picture:
    """The org chart (left) and the informal network (right) on one layout.

    Every person sits in the same place in both panels, so ties that the chart does not
    have stand out. Colour: department; size on the right: how many colleagues come to
    the person (in-degree if ``informal`` is directed, degree otherwise).

    Parameters
    ----------
    org : networkx.DiGraph
        The org chart, arcs from each person to their boss.
    informal : networkx.Graph or networkx.DiGraph
        The informal network over the same people.
    title : str
        The picture's title.
    highlight : iterable of nodes, default ()
        People circled in red.
    labels : bool or None, default None
        Write the people's ids; None: only for at most 30 people.
    pos : mapping of node to (x, y), optional
        Positions; by default the chart's (:func:`chart_layout`).

    Returns
    -------
    snb.draw.Picture
        The two panels, with alt text naming the most sought people.

    Examples
    --------
    >>> from snb.models.firm import synthetic_firm
    >>> firm = synthetic_firm(30, 3, brokers=2)
    >>> picture = formal_and_informal(firm.org, firm.informal, title="Small firm", highlight=sorted(firm.brokers))
    >>> picture.alt.split(". ")[-2]
    'Circled: 18, 14'
    """
    pos = dict(pos) if pos is not None else chart_layout(org)
    n = org.number_of_nodes()
    labels = n <= 30 if labels is None else labels
    fig, (left, right) = draw.new_figure(11, 4.6, 2, fast=True)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.86, wspace=0.05)
    sought = dict(informal.in_degree()) if informal.is_directed() else dict(informal.degree())
    nodes = list(org)
    xy = np.array([pos[v] for v in nodes])
    colours = [_colour(org.nodes[v].get("department", 0)) for v in nodes]
    base = 260 if n <= 30 else 40 if n <= 200 else 6
    biggest = max(max(sought.values()), 1)
    marked = [v for v in nodes if v in set(highlight)]
    for ax, G, sizes, name in ((left, org, [base] * n, f"org chart: {org.number_of_edges()} reporting lines"),
                               (right, informal, [base * (0.3 + 1.7 * sought[v] / biggest) for v in nodes],
                                f"informal network: {informal.number_of_edges()} "
                                f"{'arcs' if informal.is_directed() else 'ties'}")):
        _edges(ax, G, pos, draw.PALETTE["black" if G is org else "grey"], 1.0 if G is org else 0.6,
               0.8 if G is org else 0.45)
        ax.scatter(*xy.T, s=sizes, c=colours, edgecolors="black", linewidths=0.5, zorder=2)
        if marked:
            ax.scatter(*np.array([pos[v] for v in marked]).T, s=[sizes[nodes.index(v)] * 2.2 + 60 for v in marked],
                       facecolors="none", edgecolors=draw.PALETTE["vermillion"], linewidths=2.0, zorder=3)
        if labels:
            for v, p in zip(nodes, xy):
                ax.annotate(str(v), p, ha="center", va="center", fontsize=7, color="white", zorder=4)
        ax.set_title(name, fontsize=10)
        ax.set_axis_off()
        ax.margins(0.04)
    fig.suptitle(title, fontsize=11)
    top = sorted(nodes, key=lambda v: -sought[v])[:3]
    kind = "asked by" if informal.is_directed() else "with ties to"
    alt = (f"{title}. Two drawings of the same {n} people in the same places. Left: the org chart, "
           f"{org.number_of_edges()} reporting lines from the top down. Right: the informal network, "
           f"{informal.number_of_edges()} ties; the largest circles are "
           + ", ".join(f"{v} ({kind} {sought[v]})" for v in top)
           + (f". Circled: {', '.join(map(str, marked))}." if marked else ".")
           + " Colours mark departments.")
    return draw.Picture.from_figure(fig, alt)


# ------------------------------------------------------------ the org explorer
#: Whom the explorer can remove, described by role (the firm may have 2,000 people).
REMOVALS: tuple[str, ...] = ("nobody", "the CEO", "a department head", "a planted broker",
                             "the most connected person", "a random staff member")


@functools.lru_cache(maxsize=8)
def _firm(people: int, seed: int) -> tuple[firm.Firm, dict, dict]:
    departments = 5 if people <= 400 else 8
    F = firm.synthetic_firm(people, departments, brokers=min(4, people // 10), seed=seed)
    return F, chart_layout(F.org), department_layout(F.informal, seed)


def person_to_remove(F: firm.Firm, who: str, seed: int = 1):
    """The person of ``F`` that one of :data:`REMOVALS` names (None for "nobody")."""
    if who == "nobody":
        return None
    if who == "the CEO":
        return 0
    if who == "a department head":
        return min(F.org.predecessors(0))
    if who == "a planted broker":
        return min(F.brokers) if F.brokers else None
    if who == "the most connected person":
        degree = dict(F.informal.degree())
        return max(degree, key=degree.get)
    if who == "a random staff member":
        staff = [v for v in F.org if F.org.in_degree(v) == 0 and v not in F.brokers]
        return staff[np.random.default_rng(seed).integers(len(staff))]
    raise ValueError(f"who must be one of {REMOVALS}, got {who!r}")


@functools.lru_cache(maxsize=16)
def _baseline(people: int, seed: int) -> dict[str, float]:
    F, _, _ = _firm(people, seed)
    return brokerage.flow(F.informal, sample=_sample(people))


#: Above 400 people the explorer estimates the flow measures from this many people's paths.
SAMPLE = 200


def _sample(people: int) -> int | None:
    return None if people <= 400 else SAMPLE


@settings(remove=OneOf(REMOVALS, "Remove"), block=Real(0, 1, "Blocked cross-department ties"),
          people=Whole(50, 2000, "People"), seed=Whole(0, MAX_SEED, "Random seed"))
def render_org(remove: str = "nobody", block: float = 0.0, people: int = 100, seed: int = 1) -> draw.Picture:
    """The synthetic firm after one person leaves and some cross-department ties are blocked.

    The informal network, the org chart, and what knowledge flow lost (reach,
    efficiency, pairs cut off), side by side.

    Parameters
    ----------
    remove : str, default "nobody"
        Who leaves, one of :data:`REMOVALS`.
    block : float, default 0.0
        Share of cross-department ties blocked.
    people : int, default 100
        Size of the firm.
    seed : int, default 1
        Random seed of the firm and of the blocking.

    Returns
    -------
    snb.draw.Picture
        Three panels and their alt text.

    Examples
    --------
    >>> render_org(people=50).alt.split(". ")[-1]  # nothing removed, nothing lost
    'Right: reach lost 0.0 %, efficiency lost 0.0 %, pairs cut off 0.0 % of all pairs; mean path 2.64 to 2.64 steps.'
    """
    people, seed = int(people), int(seed)
    F, chart_pos, pos = _firm(people, seed)
    person = person_to_remove(F, remove, seed)
    G = firm.block_cross_department(F.informal, float(block), seed=seed)
    if person is not None:
        G.remove_node(person)
    before, after = _baseline(people, seed), brokerage.flow(G, sample=_sample(people))
    fig, (ax_net, ax_org, ax_bar) = draw.new_figure(12, 4.2, 3, fast=True)
    fig.subplots_adjust(left=0.01, right=0.98, bottom=0.14, top=0.8, wspace=0.2)
    small = people <= 200
    size = 30 if small else 3
    nodes = list(G)
    xy = np.array([pos[v] for v in nodes])
    _edges(ax_net, G, pos, draw.PALETTE["grey"], 0.5, 0.4 if small else 0.15)
    ax_net.scatter(*xy.T, s=size, c=[_colour(G.nodes[v]["department"]) for v in nodes], linewidths=0, zorder=2)
    chart = np.array([chart_pos[v] for v in F.org])
    _edges(ax_org, F.org, chart_pos, draw.PALETTE["black"], 0.5, 0.5)
    ax_org.scatter(*chart.T, s=size, c=[_colour(d) for _, d in F.org.nodes(data="department")], linewidths=0,
                   zorder=2)
    if person is not None:
        for ax, p in ((ax_net, pos[person]), (ax_org, chart_pos[person])):
            ax.scatter(*p, s=170, marker="X", c=draw.PALETTE["black"], edgecolors="white", zorder=3)
    for ax, name in ((ax_net, "informal network"), (ax_org, "org chart")):
        ax.set_title(name, fontsize=10, y=1.0)  # a fixed height: no title-position search per update
        ax.set_axis_off()
    keys = ("reach", "efficiency")
    lost = [100 * (before[k] - after[k]) / before[k] if before[k] else 0.0 for k in keys]
    share_cut = 100 * after["disconnected pairs"] / (people * (people - 1) / 2)
    bars = lost + [share_cut]
    names = ["reach", "efficiency", "pairs cut"]
    ax_bar.barh(names, bars, color=[draw.PALETTE[c] for c in ("blue", "orange", "vermillion")])
    ax_bar.set_xlim(0, max(10.0, max(bars) * 1.25))
    ax_bar.invert_yaxis()
    for i, b in enumerate(bars):
        ax_bar.annotate(f"{b:.1f} %", (b, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    ax_bar.set_title("what knowledge flow lost", fontsize=10, y=1.0)
    # each bar carries its value, so no x axis (its labels were a fifth of the drawing time)
    ax_bar.set_xticks([])
    ax_bar.set_xlabel("% lost (pairs cut: % of all pairs)", fontsize=9)
    for side in ("top", "right", "bottom"):
        ax_bar.spines[side].set_visible(False)
    who = "nobody removed" if person is None else f"{remove} removed (person {person})"
    estimate = "" if _sample(people) is None else f" (estimated from {SAMPLE} people's paths)"
    fig.suptitle(f"{people} people, seed {seed}: {who}, {block:.0%} of cross-department ties blocked\n"
                 f"mean path {before['mean path']:.2f} -> {after['mean path']:.2f} steps{estimate}",
                 fontsize=10)
    alt = (f"Org explorer, {people} people, seed {seed}: {who}, {block:.0%} of cross-department ties blocked. "
           f"Left: the informal network without them; middle: the org chart"
           + ("" if person is None else ", the removed person marked with a cross")
           + f". Right: reach lost {lost[0]:.1f} %, efficiency lost {lost[1]:.1f} %, pairs cut off "
           f"{share_cut:.1f} % of all pairs; mean path {before['mean path']:.2f} to {after['mean path']:.2f} "
           f"steps{estimate}.")
    return draw.Picture.from_figure(fig, alt)


def org_explorer(remove: str = "nobody", block: float = 0.0, people: int = 100, seed: int = 1) -> Explorer:
    """Remove a person or block cross-department ties; see the network, the losses and the chart.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    remove : str, default "nobody"
        Who leaves, one of :data:`REMOVALS`.
    block : float, default 0.0
        Share of cross-department ties blocked.
    people : int, default 100
        Size of the firm (50, 100, 200, 500 or 2000).
    seed : int, default 1
        Random seed.

    Returns
    -------
    Explorer
        Displays as the controls above the picture; ``values()`` gives the current
        settings.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     explorer = org_explorer(people=50)
    >>> explorer.values()
    {'remove': 'nobody', 'block': 0.0, 'people': 50, 'seed': 1}
    >>> explorer.title
    'Who holds the firm together?'
    """
    controls = {
        "remove": w.Dropdown(options=list(REMOVALS), value=remove, **control_style("Remove")),
        "block": w.FloatSlider(value=block, min=0.0, max=1.0, step=0.1, continuous_update=False,
                               readout_format=".0%", **control_style("Blocked")),
        "people": w.Dropdown(options=[50, 100, 200, 500, 2000], value=people, **control_style("People")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **control_style("Random seed")),
    }
    return Explorer(controls, render_org, "Who holds the firm together?")
