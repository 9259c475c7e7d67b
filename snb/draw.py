"""One consistent way to draw networks and plots for the course.

Drawings use a seeded layout (the same picture every run), the Okabe-Ito
colour-blind-safe palette, labels with a white halo so they stay readable, and
they carry an alt text. Functions return a :class:`Picture`: in a notebook it
shows as a PNG image whose alt text is also its plain-text form, so screen
readers, text-only outputs and the published book all get a description.

Figures are made with :class:`matplotlib.figure.Figure`, not ``pyplot``, so a
picture is shown exactly once and nothing leaks between cells.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Sequence

import matplotlib.patheffects as pe
import networkx as nx
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = [
    "PALETTE",
    "Picture",
    "layout",
    "network",
    "network_alt_text",
    "line_plot",
    "outcome_plot",
    "new_figure",
    "Table",
    "network_grid",
]

#: Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#9A9A9A",
    "light": "#DDDDDD",
}
_GROUP_COLOURS = ["vermillion", "blue", "orange", "green", "purple", "sky"]
_HALO = [pe.withStroke(linewidth=3, foreground="white")]


@dataclass
class Picture:
    """A rendered figure with its alt text; displays as PNG plus text."""

    png: bytes
    alt: str

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": self.alt}
        return data, {"image/png": {"alt": self.alt}}

    def __repr__(self) -> str:
        return self.alt

    def html(self) -> "HTML":
        """The picture as an ``<img>`` with its alt text, for widget outputs.

        Pictures inside an ipywidgets Output reach the published book as
        HTML, where output metadata (and so the alt text) would be lost.
        """
        from IPython.display import HTML

        b64 = base64.b64encode(self.png).decode("ascii")
        return HTML(f'<img src="data:image/png;base64,{b64}" alt="{html.escape(self.alt)}" '
                    f'style="max-width:100%">')

    @classmethod
    def from_figure(cls, fig: Figure, alt: str, dpi: int = 96) -> "Picture":
        """Render ``fig`` to PNG (deterministic metadata) and pair it with ``alt``."""
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 1})
        return cls(buf.getvalue(), alt)


def new_figure(width: float = 6.0, height: float = 4.5, ncols: int = 1,
               fast: bool = False) -> tuple[Figure, list[Axes]]:
    """A figure outside pyplot's state machine, with ``ncols`` side-by-side axes.

    ``fast=True`` uses fixed margins instead of constrained layout, which
    halves the drawing time of an interactive explorer.
    """
    fig = Figure(figsize=(width, height), layout=None if fast else "constrained")
    if fast:
        fig.subplots_adjust(left=0.04, right=0.97, bottom=0.13, top=0.9, wspace=0.45)
    axes = fig.subplots(1, ncols, squeeze=False)[0]
    return fig, list(axes)


def layout(G: nx.Graph, seed: int = 1) -> dict[Hashable, np.ndarray]:
    """Seeded positions: trees drawn top-down, stars as a wheel, others spring-laid."""
    if G.number_of_nodes() == 0:
        return {}
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    degrees = dict(U.degree())
    centre = max(degrees, key=degrees.get)
    n = U.number_of_nodes()
    if n > 3 and degrees[centre] == n - 1 and U.number_of_edges() == n - 1:
        pos = nx.shell_layout(U, [[centre], [v for v in U if v != centre]])
    elif nx.is_tree(U) and n > 3:
        pos = _tree_layout(U, centre if U.graph.get("name") != "hierarchy tree" else next(iter(U)))
    else:
        k = 1.6 / np.sqrt(n)
        pos = nx.spring_layout(U, seed=seed, k=k, iterations=60)
    return {v: np.asarray(p) for v, p in pos.items()}


def _tree_layout(T: nx.Graph, root: Hashable) -> dict[Hashable, np.ndarray]:
    """Layered top-down positions for a tree, leaves spread evenly."""
    depth = nx.single_source_shortest_path_length(T, root)
    order = list(nx.dfs_preorder_nodes(T, root))
    leaves = [v for v in order if T.degree(v) == 1 and v != root]
    x = {v: float(i) for i, v in enumerate(leaves)}
    for v in reversed(order):
        if v not in x:
            kids = [u for u in T[v] if depth[u] > depth[v]]
            x[v] = float(np.mean([x[u] for u in kids]))
    width = max(len(leaves) - 1, 1)
    top = max(depth.values()) or 1
    return {v: np.array([2 * x[v] / width - 1, 1 - 2 * depth[v] / top]) for v in T}


def _groups(G: nx.Graph, highlight: Mapping[str, Iterable[Hashable]] | None) -> dict[str, list[Hashable]]:
    """Highlight groups in graph order; nodes may belong to the first group that lists them."""
    groups: dict[str, list[Hashable]] = {}
    taken: set[Hashable] = set()
    for label, members in (highlight or {}).items():
        wanted = set(members)
        groups[label] = [v for v in G if v in wanted and v not in taken]
        taken.update(groups[label])
    return groups


def network_alt_text(G: nx.Graph, title: str | None = None,
                     highlight: Mapping[str, Iterable[Hashable]] | None = None) -> str:
    """A one-paragraph description of a network drawing for screen readers."""
    n, m = G.number_of_nodes(), G.number_of_edges()
    kind = "directed network" if G.is_directed() else "network"
    text = f"{title + ': ' if title else ''}drawing of a {kind} with {n} nodes and {m} ties."
    if n:
        deg = dict(G.degree())
        top = sorted(G, key=lambda v: -deg[v])[:3]
        text += " Most connected: " + ", ".join(f"{v} ({deg[v]})" for v in top) + "."
    for label, members in _groups(G, highlight).items():
        shown = ", ".join(map(str, members[:8])) + (" and others" if len(members) > 8 else "")
        text += f" {label} ({len(members)}): {shown or 'none'}."
    return text


def network(G: nx.Graph, *, title: str | None = None,
            highlight: Mapping[str, Iterable[Hashable]] | None = None,
            pos: Mapping[Hashable, Sequence[float]] | None = None, labels: bool | None = None,
            seed: int = 1, ax: Axes | None = None, size: tuple[float, float] = (6.0, 4.5),
            legend: bool = True) -> Picture | Axes:
    """Draw ``G``; nodes in ``highlight`` groups get palette colours and a legend.

    Hubs (node attribute ``role="hub"``) are drawn as squares. Labels are shown
    when the network has at most 30 nodes unless ``labels`` says otherwise.
    Returns a :class:`Picture`, or the axes when drawing into a given ``ax``.
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(*size)
    pos = dict(pos) if pos is not None else layout(G, seed)
    n = G.number_of_nodes()
    node_size = float(np.clip(9000 / max(n, 1), 25, 600))
    labels = n <= 30 if labels is None else labels
    arrows = {"arrows": True, "arrowsize": 14, "node_size": node_size} if G.is_directed() else {}
    nx.draw_networkx_edges(G, pos, ax=ax, edge_color=PALETTE["grey"], width=0.8 if n > 40 else 1.4,
                           alpha=0.7, **arrows)
    groups = _groups(G, highlight)
    coloured = {v for members in groups.values() for v in members}
    plain = [v for v in G if v not in coloured]
    layers = [("others" if groups else None, plain, PALETTE["light" if groups else "sky"])]
    layers += [(label, members, PALETTE[_GROUP_COLOURS[i % len(_GROUP_COLOURS)]])
               for i, (label, members) in enumerate(groups.items())]
    for label, members, colour in layers:
        hubs = [v for v in members if G.nodes[v].get("role") == "hub"]
        rest = [v for v in members if G.nodes[v].get("role") != "hub"]
        for shape, subset, scale in (("o", rest, 1.0), ("s", hubs, 1.6)):
            if subset:
                first = shape == "o" or not rest
                nx.draw_networkx_nodes(G, pos, nodelist=subset, ax=ax, node_color=colour,
                                       node_shape=shape, node_size=node_size * scale,
                                       edgecolors="black", linewidths=0.6,
                                       label=label if first else None)
    if any(G.nodes[v].get("role") == "hub" for v in G):
        ax.scatter([], [], marker="s", c="white", edgecolors="black", label="hub (square)")
    if labels:
        texts = nx.draw_networkx_labels(G, pos, ax=ax, font_size=10 if n <= 15 else 8)
        for t in texts.values():
            t.set_path_effects(_HALO)
    if legend and ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9,
                  markerscale=float(np.sqrt(80 / node_size)))
    ax.set_title(title or "", fontsize=12)
    ax.set_axis_off()
    ax.margins(0.08)
    if fig is None:
        return ax
    return Picture.from_figure(fig, network_alt_text(G, title, highlight))


def line_plot(series: Mapping[str, Sequence[float]], *, x: Sequence[float] | None = None,
              title: str, xlabel: str, ylabel: str, ax: Axes | None = None,
              alt: str | None = None) -> Picture | Axes:
    """Lines with markers, one per series, in palette colours, with axes labelled."""
    fig = None
    if ax is None:
        fig, (ax,) = new_figure()
    markers = "osD^vP"
    for i, (label, ys) in enumerate(series.items()):
        xs = list(x) if x is not None else list(range(len(ys)))
        ax.plot(xs, ys, marker=markers[i % len(markers)], label=label,
                color=PALETTE[_GROUP_COLOURS[i % len(_GROUP_COLOURS)]])
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    if fig is None:
        return ax
    summary = "; ".join(f"{k} from {v[0]:.3g} to {v[-1]:.3g}" for k, v in series.items() if len(v))
    return Picture.from_figure(fig, alt or f"{title}: line plot of {ylabel} against {xlabel}. {summary}.")


def outcome_plot(outcomes: Mapping[str, Sequence[float]], *, title: str, xlabel: str,
                 ax: Axes | None = None, fast: bool = False) -> Picture | Axes:
    """Distribution of outcomes per option: box (middle half), whiskers (10-90 %), mean dot."""
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(6.5, 3.2, fast=fast)
        if fast:
            fig.subplots_adjust(left=0.2, right=0.97)
    names = list(outcomes)
    data = [np.asarray(outcomes[k], dtype=float) for k in names]
    box = ax.boxplot(data, orientation="horizontal", whis=(10, 90), showfliers=False, patch_artist=True,
                     tick_labels=names, medianprops={"color": "black"})
    for i, patch in enumerate(box["boxes"]):
        patch.set_facecolor(PALETTE[_GROUP_COLOURS[i % len(_GROUP_COLOURS)]])
        patch.set_alpha(0.8)
    ax.scatter([d.mean() for d in data], range(1, len(data) + 1), color="white",
               edgecolors="black", zorder=3, label="mean")
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    ax.legend(frameon=False, loc="lower right")
    if fig is None:
        return ax
    summary = "; ".join(
        f"{k}: mean {d.mean():.0f}, 10th percentile {np.percentile(d, 10):.0f}, "
        f"90th percentile {np.percentile(d, 90):.0f}" for k, d in zip(names, data))
    return Picture.from_figure(fig, f"{title}: box plot of {xlabel}. {summary}.")


@dataclass
class Table:
    """Rows of numbers shown as an HTML table in notebooks and as aligned text elsewhere."""

    rows: Mapping[str, Mapping[str, float]]
    title: str = ""
    digits: int = 2

    def _cell(self, value: object) -> str:
        if isinstance(value, (int, np.integer)):
            return f"{value:,}"
        if isinstance(value, (float, np.floating)):
            return f"{value:,.{self.digits}f}"
        return str(value)

    def _columns(self) -> list[str]:
        return list(dict.fromkeys(c for row in self.rows.values() for c in row))

    def __repr__(self) -> str:
        cols = self._columns()
        grid = [[""] + cols] + [[name] + [self._cell(r.get(c, "")) for c in cols] for name, r in self.rows.items()]
        widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
        lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
                 for row in grid]
        return "\n".join(([self.title] if self.title else []) + lines)

    def _repr_html_(self) -> str:
        cols = self._columns()
        head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in cols)
        body = "".join(
            f'<tr><th scope="row">{html.escape(str(name))}</th>'
            + "".join(f"<td>{self._cell(r.get(c, ''))}</td>" for c in cols) + "</tr>"
            for name, r in self.rows.items())
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"


def network_grid(graphs: Mapping[str, nx.Graph], *, ncols: int = 3, seed: int = 1,
                 title: str = "") -> Picture:
    """Several small networks side by side, each titled, for comparing shapes."""
    names = list(graphs)
    nrows = -(-len(names) // ncols)
    fig = Figure(figsize=(4.0 * ncols, 3.6 * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, name in zip(axes, names):
        network(graphs[name], ax=ax, title=name, labels=False, seed=seed, legend=False)
    for ax in axes[len(names):]:
        ax.set_axis_off()
    if title:
        fig.suptitle(title, fontsize=13)
    parts = "; ".join(f"{k}: {G.number_of_nodes()} nodes, {G.number_of_edges()} ties" for k, G in graphs.items())
    return Picture.from_figure(fig, f"{title + ': ' if title else ''}{len(names)} network drawings. {parts}.")
