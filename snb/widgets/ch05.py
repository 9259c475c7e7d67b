"""Chapter 5 explorers: the centrality explorer."""

from __future__ import annotations

import functools

import ipywidgets as w
import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection

from snb import draw
from snb.datasets import load_florentine_families, load_sampson
from snb.models import influence
from snb.widgets.base import Explorer, _style

__all__ = ["CENTRALITY_NETWORKS", "render_centrality", "centrality_explorer"]

#: The networks of the centrality explorer.
CENTRALITY_NETWORKS: tuple[str, ...] = ("Florentine marriages", "monastery liking, wave 1",
                                        "monastery liking, wave 2", "monastery liking, wave 3")


@functools.lru_cache(maxsize=8)
def _centrality_network(name: str) -> tuple[nx.Graph, dict, dict]:
    """The network, a fixed layout, and every measure's scores."""
    if name == "Florentine marriages":
        G = load_florentine_families()
        weight = None
    elif name.startswith("monastery liking, wave "):
        G = load_sampson("liking", int(name[-1]))
        weight = None
    else:
        raise ValueError(f"network must be one of {CENTRALITY_NETWORKS}, got {name!r}")
    U = G.to_undirected() if G.is_directed() else G
    pos = {v: np.asarray(p) for v, p in nx.kamada_kawai_layout(U).items()}
    return G, pos, influence.centralities(G, weight=weight)


def render_centrality(network: str = "Florentine marriages", measure: str = "betweenness") -> draw.Picture:
    """The network with each node's size showing its score on ``measure``; the top three
    named in the title and coloured."""
    G, pos, table = _centrality_network(network)
    if measure not in table:
        raise ValueError(f"measure must be one of {list(table)}, got {measure!r}")
    scores = table[measure]
    top = influence.ranking(scores, 3)
    fig, (ax,) = draw.new_figure(6.4, 4.8, fast=True)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.86)
    xy = np.array([pos[v] for v in G])
    index = {v: i for i, v in enumerate(G)}
    ends = np.array([(index[u], index[v]) for u, v in G.edges()])
    ax.add_collection(LineCollection(xy[ends], colors=draw.PALETTE["grey"], linewidths=1.0, alpha=0.7, zorder=1))
    values = np.array([scores[v] for v in G])
    sizes = 60 + 1400 * values / max(values.max(), 1e-12)
    colours = [draw.PALETTE["vermillion"] if v in top else draw.PALETTE["sky"] for v in G]
    ax.scatter(*xy.T, s=sizes, c=colours, edgecolors="black", linewidths=0.6, zorder=2)
    for v in G:
        ax.annotate(str(v), pos[v], xytext=(0, 9), textcoords="offset points", ha="center", fontsize=8,
                    path_effects=draw._HALO, zorder=3)
    ax.autoscale_view()
    ax.margins(0.1)
    ax.set_axis_off()
    named = ", ".join(f"{v} {scores[v]:.2f}" for v in top)
    title = f"{network}: {measure}"
    fig.suptitle(f"{title}\ntop three (red): {named}", x=0.02, ha="left", fontsize=10)
    kind = "directed network" if G.is_directed() else "network"
    alt = (f"{title}. Drawing of a {kind} of {G.number_of_nodes()} nodes and {G.number_of_edges()} ties, each "
           f"node sized by its {measure} score. Highest: {named}. Lowest: {influence.ranking(scores)[-1]}.")
    return draw.Picture.from_figure(fig, alt)


def centrality_explorer(network: str = "Florentine marriages", measure: str = "betweenness") -> Explorer:
    """Pick a network and a centrality; see who comes out on top."""
    controls = {
        "network": w.Dropdown(options=list(CENTRALITY_NETWORKS), value=network, **_style("Network")),
        "measure": w.Dropdown(options=list(influence.MEASURES), value=measure, **_style("Measure")),
    }
    return Explorer(controls, render_centrality, "Who is central, by which measure?")
