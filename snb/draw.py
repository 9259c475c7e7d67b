"""One consistent way to draw networks and plots for the course.

Drawings use a seeded layout (the same picture every run), the Okabe-Ito
colour-blind-safe palette, labels with a white halo so they stay readable, and
they carry an alt text. Functions return a :class:`Picture`: in a notebook it
shows as a PNG image whose alt text is also its plain-text form, so screen
readers, text-only outputs and the published book all get a description.

Figures are made with :class:`matplotlib.figure.Figure`, not ``pyplot``, so a
picture is shown exactly once and nothing leaks between cells.

Chapter 2 adds growing markets drawn in arrival order (:func:`grown_network`,
:func:`growth_snapshots`), degree distributions on log scales
(:func:`degree_distribution`), and two-mode networks and their weighted
projections (:func:`bipartite`, :func:`weighted_network`).
"""

from __future__ import annotations

import base64
import functools
import html
import io
import pickle
from dataclasses import dataclass
from typing import TYPE_CHECKING, Hashable, Iterable, Mapping, Sequence

import matplotlib.patheffects as pe
import networkx as nx
import numpy as np
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.collections import Collection, LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator
from matplotlib.transforms import Affine2D, ScaledTranslation, Transform

from snb.models.growth import market_edges
from snb.stats import Interval
from snb.tables import Table

if TYPE_CHECKING:  # for the annotation only: IPython is imported when a picture is shown
    from IPython.display import HTML

__all__ = [
    "PALETTE",
    "STYLE",
    "style",
    "interval_plot",
    "sweep_plot",
    "Picture",
    "layout",
    "network",
    "network_alt_text",
    "line_plot",
    "outcome_plot",
    "new_figure",
    "key",
    "Table",
    "network_grid",
    "arrival_layout",
    "grown_network",
    "growth_snapshots",
    "plain_log_axis",
    "degree_distribution",
    "bipartite",
    "group_layout",
    "weighted_network",
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
_MARKERS = "osD^vP"

#: One colour and one marker per network type and per strategy, the same in every
#: figure of the book, so a reader recognises "scale-free" or "step by step" at a glance.
STYLE: dict[str, tuple[str, str]] = {
    # the communication networks of chapter 1 (and a ring lattice without shortcuts)
    "broadcast star": ("black", "*"),
    "hierarchy tree": ("purple", "^"),
    "peer mesh": ("sky", "v"),
    "small world": ("green", "s"),
    "scale-free": ("orange", "D"),
    "media + peers": ("vermillion", "o"),
    "ring lattice": ("grey", "P"),
    # seeding strategies
    "broadcast": ("orange", "D"),
    "peer": ("sky", "o"),
    # ways of adapting
    "wait and see": ("blue", "o"),
    "step by step": ("green", "s"),
    "transformation": ("vermillion", "D"),
    # chapter 2: attachment strengths (how customers choose) and outreach audiences
    "alpha = 0": ("blue", "s"),
    "alpha = 0.5": ("sky", "v"),
    "alpha = 1": ("vermillion", "o"),
    "alpha = 1.5": ("purple", "D"),
    "niche": ("green", "s"),
    "broad reach": ("orange", "D"),
}


def style(label: str, i: int = 0) -> tuple[str, str]:
    """Colour (hex) and marker for a series: fixed for the names in :data:`STYLE`
    (also when the label starts with one, as in ``"scale-free, broadcast"``), else
    the ``i``-th palette colour and marker."""
    key = label if label in STYLE else next((k for k in sorted(STYLE, key=len, reverse=True)
                                             if label.startswith(k + ",") or label.startswith(k + " (")), None)
    if key is not None:
        colour, marker = STYLE[key]
        return PALETTE[colour], marker
    return PALETTE[_GROUP_COLOURS[i % len(_GROUP_COLOURS)]], _MARKERS[i % len(_MARKERS)]
HALO = [pe.withStroke(linewidth=3, foreground="white")]


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
        """Render ``fig`` to PNG at ``dpi`` (deterministic bytes) and pair it with ``alt``.

        Text is drawn without font hinting, as browsers do: it looks as sharp at
        96 dpi and each label draws about a third faster (text is most of an
        explorer's drawing time). The PNG is written by :meth:`Figure.savefig` at
        zlib level 1 (flat-coloured charts compress well even so, and it is several
        times faster than the default level), without the "Software" note, so the
        same figure always gives the same bytes.
        """
        out = io.BytesIO()
        with rc_context({"text.hinting": "no_hinting"}):
            fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None},
                        pil_kwargs={"compress_level": 1})
        return cls(out.getvalue(), alt)


#: Margins of an explorer's figure (fractions of the figure), fixed instead of laid out.
_MARGINS = {"left": 0.04, "right": 0.97, "bottom": 0.13, "top": 0.9, "wspace": 0.45}


def new_figure(width: float = 6.0, height: float = 4.5, ncols: int = 1,
               fast: bool = False) -> tuple[Figure, list[Axes]]:
    """A figure outside pyplot's state machine, with ``ncols`` side-by-side axes.

    ``fast=True`` is for explorers, which redraw on every change of a control: the
    figure is made at the dpi it is drawn at (96) with fixed margins instead of
    constrained layout, which halves the drawing time, and it is a fresh copy of a
    blank figure kept pickled (:func:`pickle.loads` of a figure, which matplotlib
    supports, takes a third of the time of building its axes anew). Otherwise the
    layout is constrained, so titles and labels never overlap.
    """
    if fast:
        fig = pickle.loads(_blank_figure(float(width), float(height), int(ncols)))
        return fig, list(fig.axes)
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, list(fig.subplots(1, ncols, squeeze=False)[0])


@functools.lru_cache(maxsize=32)
def _blank_figure(width: float, height: float, ncols: int) -> bytes:
    """A blank explorer figure (fixed margins, 96 dpi, ``ncols`` axes in a row), pickled."""
    fig = Figure(figsize=(width, height), layout=None, dpi=96)
    fig.subplots(1, ncols, squeeze=False)
    fig.subplots_adjust(**_MARGINS)
    return pickle.dumps(fig)


#: Where :func:`key` puts its first entry, by corner, in axes fractions.
_KEY_CORNERS = {"upper left": (0.02, 0.98), "lower left": (0.02, 0.02),
                "upper right": (0.98, 0.98), "lower right": (0.98, 0.02)}


def key(ax: Axes, loc: str = "upper left", *, at: tuple[float, float] | None = None, ncols: int = 1,
        fontsize: float = 9, marker_area: float | None = None) -> int:
    """A legend drawn at a fixed place: one symbol and one text per labelled artist.

    Explorers use it instead of :meth:`Axes.legend`, whose layout measures every
    text several times (about 15 ms of each update). ``loc`` names the corner
    the key grows from, at ``at`` (axes fractions; by default just inside that
    corner). In a right corner the texts end at the symbols, which sit on the
    right. ``marker_area`` gives every scatter symbol that area (points squared).
    Returns the number of entries drawn.
    """
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return 0
    fig = ax.get_figure()
    x, y = _KEY_CORNERS[loc] if at is None else at
    # positions in points around (x, y): the figure's dpi may change before drawing
    points = Affine2D().scale(1 / 72) + fig.dpi_scale_trans + ScaledTranslation(x, y, ax.transAxes)
    right, lower = loc.endswith("right"), loc.startswith("lower")
    line, length, gap = 1.5 * fontsize, 1.8 * fontsize, 0.5 * fontsize
    width = max(0.6 * fontsize * len(label) for label in labels) + length + 3 * gap
    rows = -(-len(handles) // ncols)
    for i, (handle, label) in enumerate(zip(handles, labels)):
        row, col = divmod(i, ncols)
        cy = (rows - 1 - row + 0.5) * line if lower else -(row + 0.5) * line
        start = -(ncols - col) * width + 3 * gap if right else col * width
        sx = start + width - 3 * gap - length if right else start  # the symbol's left end
        _key_symbol(ax, handle, sx, cy, length, fontsize, points, marker_area)
        tx, ha = (sx - gap, "right") if right else (sx + length + gap, "left")
        ax.text(tx, cy, label, transform=points, ha=ha, va="center", fontsize=fontsize, clip_on=False)
    return len(handles)


def _key_symbol(ax: Axes, handle: object, x: float, y: float, length: float, fontsize: float,
                transform: Transform, marker_area: float | None) -> None:
    """What ``handle`` looks like, drawn ``length`` points wide from (x, y) in ``transform``."""
    if isinstance(handle, Line2D):
        if handle.get_linestyle() not in ("None", "", " "):
            ax.add_line(Line2D([x, x + length], [y, y], transform=transform, clip_on=False,
                               color=handle.get_color(), linestyle=handle.get_linestyle(),
                               linewidth=handle.get_linewidth(), alpha=handle.get_alpha()))
        if handle.get_marker() not in (None, "None", "", " "):
            _key_marker(ax, x + length / 2, y, transform, handle.get_marker(), handle.get_markersize(),
                        handle.get_markerfacecolor(), handle.get_markeredgecolor(),
                        handle.get_markeredgewidth(), handle.get_alpha())
    elif isinstance(handle, Collection):  # a scatter: its marker as a line's (ax.scatter costs 2 ms)
        faces, edges = handle.get_facecolor(), handle.get_edgecolor()
        sizes = handle.get_sizes() if hasattr(handle, "get_sizes") else []
        area = marker_area or min(float(sizes[0]) if len(sizes) else 0.8 * fontsize ** 2, 1.2 * fontsize ** 2)
        shape = handle.get_paths()[0] if isinstance(handle, PathCollection) and handle.get_paths() else "s"
        widths = handle.get_linewidths()
        _key_marker(ax, x + length / 2, y, transform, shape, float(np.sqrt(area)),
                    tuple(faces[0]) if len(faces) else "none", tuple(edges[0]) if len(edges) else "none",
                    float(widths[0]) if len(widths) else 0.0, handle.get_alpha())
    else:  # a patch (a bar, a shaded span): a filled box
        ax.add_patch(Rectangle((x, y - 0.35 * fontsize), length, 0.7 * fontsize, transform=transform,
                               clip_on=False, facecolor=handle.get_facecolor(),
                               edgecolor=handle.get_edgecolor(), alpha=handle.get_alpha()))


def _key_marker(ax: Axes, x: float, y: float, transform: Transform, marker: object, size: float,
                face: object, edge: object, width: float, alpha: float | None) -> None:
    """One marker at (x, y) in ``transform``, drawn as a line's marker (cheaper than a scatter)."""
    ax.add_line(Line2D([x], [y], transform=transform, clip_on=False, linestyle="none", marker=marker,
                       markersize=size, markerfacecolor=face, markeredgecolor=edge, markeredgewidth=width,
                       alpha=alpha))


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
            legend: bool | str = True) -> Picture | Axes:
    """Draw a network; nodes in ``highlight`` groups get palette colours and a legend.

    Hubs (node attribute ``role="hub"``) are drawn as squares. Long names are written
    beside small circles, short ones inside.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (arcs are drawn with arrows).
    title : str, optional
        The drawing's title.
    highlight : mapping of str to iterable of nodes, optional
        Groups to colour, by legend label; the other nodes are drawn light as "others".
    pos : mapping of node to (x, y), optional
        Node positions; by default a seeded layout (:func:`layout`).
    labels : bool or None, default None
        Write the nodes' names; None: only when there are at most 30 nodes.
    seed : int, default 1
        Seed of the layout.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    size : (float, float), default (6.0, 4.5)
        Size in inches of a new figure.
    legend : bool or "key", default True
        Show a legend of the groups; ``"key"``: the faster :func:`key`, for explorers.

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture` with alt text (:func:`network_alt_text`), or ``ax`` when given.

    Examples
    --------
    >>> from snb.datasets import load_tiny_team
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> network(load_tiny_team(), ax=ax, title="Team", highlight={"bridge": ["Dev"]}) is ax
    True
    >>> len(ax.texts), ax.get_legend_handles_labels()[1]  # one label per colleague
    (7, ['others', 'bridge'])
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(*size)
    pos = dict(pos) if pos is not None else layout(G, seed)
    n = G.number_of_nodes()
    node_size = float(np.clip(9000 / max(n, 1), 25, 600))
    labels = n <= 30 if labels is None else labels
    font_size = 10 if n <= 15 else 8
    beside = False
    if labels and n:
        # a label fits inside its circle when the circle is as wide as the text
        # (about 0.6 of the font size per character, plus a margin)
        width = 0.6 * font_size * max(len(str(v)) for v in G) + 8
        if width**2 <= max(node_size, 1400.0):
            node_size = max(node_size, width**2)
        else:
            beside = True  # long names: written next to small circles instead
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
    if labels and beside:
        lift = np.sqrt(node_size) / 2 + 1  # points from the node's centre to its top
        for v in G:
            ax.annotate(str(v), pos[v], xytext=(0, lift), textcoords="offset points", ha="center",
                        va="bottom", fontsize=font_size, path_effects=HALO, annotation_clip=False)
    elif labels:
        texts = nx.draw_networkx_labels(G, pos, ax=ax, font_size=font_size)
        for t in texts.values():
            t.set_path_effects(HALO)
    if legend == "key":
        key(ax, "upper left", at=(1.0, 1.0), marker_area=80)
    elif legend and ax.get_legend_handles_labels()[0]:
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
              alt: str | None = None, logx: bool = False,
              ylim: tuple[float, float] | None = None) -> Picture | Axes:
    """Lines with markers, one per series, in palette colours, with axes labelled.

    Parameters
    ----------
    series : mapping of str to sequence of float
        One line per entry: its legend label and its y values.
    x : sequence of float, optional
        The shared x values; 0, 1, 2, ... when not given.
    title, xlabel, ylabel : str
        The plot's title and axis labels.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    alt : str, optional
        Alt text of the picture; by default one is written from the series' first and last values.
    logx : bool, default False
        A logarithmic x axis, labelled in plain numbers.
    ylim : (float, float), optional
        The y range, e.g. ``(0, 1)`` for shares.

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture`, or ``ax`` when given.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = line_plot({"reach": [1, 3, 7]}, x=[0, 1, 2], title="Reach", xlabel="step",
    ...               ylabel="people", ax=ax, ylim=(0, 10))
    >>> ax.lines[0].get_ydata().tolist(), ax.get_ylim()
    ([1, 3, 7], (np.float64(0.0), np.float64(10.0)))
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure()
    for i, (label, ys) in enumerate(series.items()):
        xs = list(x) if x is not None else list(range(len(ys)))
        colour, marker = style(label, i)
        ax.plot(xs, ys, marker=marker, label=label, color=colour)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if logx:
        ax.set_xscale("log")
        plain_log_axis(ax.xaxis)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    if fig is None:
        return ax
    summary = "; ".join(f"{k} from {v[0]:.3g} to {v[-1]:.3g}" for k, v in series.items() if len(v))
    return Picture.from_figure(fig, alt or f"{title}: line plot of {ylabel} against {xlabel}. {summary}.")


def outcome_plot(outcomes: Mapping[str, Sequence[float]], *, title: str, xlabel: str,
                 ax: Axes | None = None, fast: bool = False) -> Picture | Axes:
    """Distribution of outcomes per option: box (middle half), whiskers (10-90 %), mean dot.

    Parameters
    ----------
    outcomes : mapping of str to sequence of float
        Each option's outcomes over replications, drawn top to bottom.
    title, xlabel : str
        The plot's title and x-axis label.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    fast : bool, default False
        A quicker figure for explorers (fixed margins, a drawn key instead of a legend).

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture` whose alt text gives each option's mean and 10th and 90th
        percentiles, or ``ax`` when given.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = outcome_plot({"adapt": [1, 2, 3], "stay": [4, 5, 6]}, title="Profit", xlabel="profit", ax=ax)
    >>> [label.get_text() for label in ax.get_yticklabels()], ax.get_xlabel()
    (['adapt', 'stay'], 'profit')
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(6.5, 3.2, fast=fast)
        if fast:
            fig.subplots_adjust(left=0.2, right=0.97, top=0.84)  # room for two title lines
    names = list(outcomes)
    data = [np.asarray(outcomes[k], dtype=float) for k in names]
    box = ax.boxplot(data, orientation="horizontal", whis=(10, 90), showfliers=False, patch_artist=True,
                     tick_labels=names, medianprops={"color": "black"})
    for i, patch in enumerate(box["boxes"]):
        patch.set_facecolor(style(names[i], i)[0])
        patch.set_alpha(0.8)
    ax.scatter([d.mean() for d in data], range(1, len(data) + 1), color="white",
               edgecolors="black", zorder=3, label="mean")
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    if fast:
        key(ax, "lower right")
    else:
        ax.legend(frameon=False, loc="lower right")
    if fig is None:
        return ax
    summary = "; ".join(
        f"{k}: mean {d.mean():.0f}, 10th percentile {np.percentile(d, 10):.0f}, "
        f"90th percentile {np.percentile(d, 90):.0f}" for k, d in zip(names, data))
    return Picture.from_figure(fig, f"{title}: box plot of {xlabel}. {summary}.")


def interval_plot(intervals: Mapping[str, Interval], *, title: str, xlabel: str,
                  zero: bool = False, ax: Axes | None = None) -> Picture | Axes:
    """Means with their 95 % intervals, one row per option (a "forest plot").

    Parameters
    ----------
    intervals : mapping of str to Interval
        The options' names and intervals, drawn top to bottom.
    title, xlabel : str
        The plot's title and x-axis label.
    zero : bool, default False
        Draw a dashed line at 0: for differences, an interval that crosses it means the
        two options cannot be told apart.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture` whose alt text lists every interval, or ``ax`` when given.

    Examples
    --------
    >>> from snb.stats import Interval
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> ivs = {"broadcast": Interval(1.0, 0.0, 2.0, 20), "peers": Interval(3.0, 2.0, 4.0, 20)}
    >>> _ = interval_plot(ivs, title="Reach", xlabel="people reached", ax=ax)
    >>> [label.get_text() for label in ax.get_yticklabels()], ax.get_xlabel()
    (['broadcast', 'peers'], 'people reached')
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(6.5, 0.9 + 0.45 * len(intervals))
    names = list(intervals)
    for i, name in enumerate(names):
        iv = intervals[name]
        colour, marker = style(name, i)
        ax.errorbar([iv.mean], [i], xerr=[[iv.mean - iv.low], [iv.high - iv.mean]], fmt=marker,
                    color=colour, capsize=4, markersize=7)
    if zero:
        ax.axvline(0, color=PALETTE["black"], linewidth=0.8, linestyle="--")
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    if fig is None:
        return ax
    summary = "; ".join(f"{k}: {intervals[k]}" for k in names)
    return Picture.from_figure(fig, f"{title}: means with 95 % confidence intervals of {xlabel}. {summary}.")


def sweep_plot(x: Sequence[float], series: Mapping[str, Sequence[Interval]], *, title: str,
               xlabel: str, ylabel: str, zero: bool = True) -> Picture:
    """How a difference (with its 95 % band) changes as one assumption is swept.

    Where a band lies wholly above the dashed zero line the first option wins, wholly
    below it the second wins, and where it crosses zero the two cannot be told apart:
    the picture shows where a verdict holds and where it flips.

    Parameters
    ----------
    x : sequence of float
        The swept values.
    series : mapping of str to sequence of Interval
        One band per entry: its legend label and an interval at each swept value.
    title, xlabel, ylabel : str
        The plot's title and axis labels.
    zero : bool, default True
        Draw the dashed zero line.

    Returns
    -------
    Picture
        Its alt text gives the sign at each swept value: ``+`` above zero, ``-`` below,
        ``0`` cannot tell.

    Examples
    --------
    >>> from snb.stats import Interval
    >>> bands = {"A minus B": [Interval(1.0, 0.5, 1.5, 20), Interval(-0.2, -0.6, 0.1, 20)]}
    >>> picture = sweep_plot([1, 2], bands, title="Gap", xlabel="budget", ylabel="difference")
    >>> picture.alt.endswith("A minus B: 1 +, 2 0.")
    True
    """
    fig, (ax,) = new_figure(6.5, 4.0)
    xs = np.asarray(list(x), dtype=float)
    parts = []
    for i, (label, ivs) in enumerate(series.items()):
        colour, marker = style(label, i)
        means = np.array([iv.mean for iv in ivs])
        ax.fill_between(xs, [iv.low for iv in ivs], [iv.high for iv in ivs], color=colour, alpha=0.2,
                        linewidth=0)
        ax.plot(xs, means, marker=marker, color=colour, label=label)
        signs = ["+" if iv.low > 0 else "-" if iv.high < 0 else "0" for iv in ivs]
        parts.append(f"{label}: " + ", ".join(f"{v:g} {s}" for v, s in zip(xs, signs)))
    if zero:
        ax.axhline(0, color=PALETTE["black"], linewidth=0.8, linestyle="--")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False)
    alt = (f"{title}: mean difference with its 95 % band against {xlabel}. Sign at each value "
           f"(+ above zero, - below, 0 cannot tell): " + "; ".join(parts) + ".")
    return Picture.from_figure(fig, alt)


def network_grid(graphs: Mapping[str, nx.Graph], *, ncols: int = 2, seed: int = 1,
                 title: str = "") -> Picture:
    """Several small networks side by side, each titled, for comparing shapes.

    Parameters
    ----------
    graphs : mapping of str to networkx.Graph
        The networks by title, drawn left to right, top to bottom, without labels.
    ncols : int, default 2
        Drawings per row.
    seed : int, default 1
        Seed of the layouts.
    title : str, default ""
        A title over all the drawings.

    Returns
    -------
    Picture
        The drawings, with alt text counting each network's nodes and ties.

    Examples
    --------
    >>> import networkx as nx
    >>> picture = network_grid({"star": nx.star_graph(4), "path": nx.path_graph(5)})
    >>> picture.alt
    '2 network drawings. star: 5 nodes, 4 ties; path: 5 nodes, 4 ties.'
    """
    names = list(graphs)
    nrows = -(-len(names) // ncols)
    height = 3.6 * nrows
    fig = Figure(figsize=(4.0 * ncols, height))
    # fixed margins (in inches: the titles' room), not constrained layout, which measured
    # every arrow of a directed network again (half of the picture's drawing time)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=1 - (0.6 if title else 0.35) / height,
                        wspace=0.04, hspace=0.4 / 3.6)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, name in zip(axes, names):
        network(graphs[name], ax=ax, title=name, labels=False, seed=seed, legend=False)
    for ax in axes[len(names):]:
        ax.set_axis_off()
    if title:
        fig.suptitle(title, fontsize=13)
    parts = "; ".join(f"{k}: {G.number_of_nodes()} nodes, {G.number_of_edges()} ties" for k, G in graphs.items())
    return Picture.from_figure(fig, f"{title + ': ' if title else ''}{len(names)} network drawings. {parts}.")


# =====================================================================
# Chapter 2: growing markets, degree distributions, two-mode networks
# =====================================================================
_GOLDEN_ANGLE = np.pi * (3 - np.sqrt(5))


def arrival_layout(n: int) -> np.ndarray:
    """Positions for a grown market: the ``i``-th arrival sits at radius sqrt(i / n).

    Founders are in the middle and newcomers spiral outwards (a sunflower
    pattern), so time runs from the centre to the rim and every snapshot of the
    same market puts each business in the same place. Needs no layout computation.
    """
    i = np.arange(n) + 0.5
    radius = np.sqrt(i / max(n, 1))
    return np.column_stack([radius * np.cos(i * _GOLDEN_ANGLE), radius * np.sin(i * _GOLDEN_ANGLE)])


def grown_network(market: nx.Graph | np.ndarray, *, t: int | None = None, title: str = "",
                  ax: Axes | None = None, max_full: int = 2000) -> Picture | Axes:
    """Draw a grown market (a graph from ``models.grow_network`` or its edge array).

    Businesses sit in arrival order (:func:`arrival_layout`): founders in the
    middle, newcomers at the rim; dot area grows with the number of ties and the
    top 10 % by ties are drawn in vermillion. ``t`` shows the market after its
    first ``t`` arrivals, in the same places. Above ``max_full`` businesses only
    the core is drawn: the top 10 % and the ties among them.
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(5.0, 5.0)
    n, edges = market_edges(market, t)
    t = n if t is None else int(t)
    pos = arrival_layout(n)
    degree = np.bincount(edges.ravel(), minlength=t)[:t] if t else np.zeros(0, dtype=int)
    k = max(1, int(np.ceil(0.1 * t))) if t else 0
    top = np.argsort(-degree, kind="stable")[:k]
    is_top = np.zeros(t, dtype=bool)
    is_top[top] = True
    core = t > max_full
    if core:
        edges = edges[is_top[edges[:, 0]] & is_top[edges[:, 1]]]
    crowded = t > 300  # many ties: thin, light, opaque and not smoothed, which draws much faster
    ax.add_collection(LineCollection(pos[edges], colors="#D0D0D0" if crowded else PALETTE["grey"],
                                     linewidths=0.5 if crowded else 0.8, antialiaseds=not crowded, zorder=1))
    scale = 900.0 / max(t, 30)
    sizes = np.clip(scale * degree, 4, 900)
    shown = np.flatnonzero(is_top) if core else np.arange(t)
    rest = shown[~is_top[shown]]
    ax.scatter(pos[rest, 0], pos[rest, 1], s=sizes[rest], c=PALETTE["sky"], edgecolors="black",
               linewidths=0.3, zorder=2, label="others")
    ax.scatter(pos[top, 0], pos[top, 1], s=sizes[top], c=PALETTE["vermillion"], edgecolors="black",
               linewidths=0.3, zorder=3, label="top 10 % by ties")
    ax.set_xlim(-1.08, 1.08)
    ax.set_ylim(-1.08, 1.08)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title + (" (top 10 % only)" if core else ""), fontsize=11)
    if fig is None:
        return ax
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.0), frameon=False, fontsize=9, ncols=2)
    return Picture.from_figure(fig, _grown_alt(title, t, edges.shape[0], degree, core))


def _grown_alt(title: str, t: int, ties: int, degree: np.ndarray, core: bool) -> str:
    if not t:
        return f"{title + ': ' if title else ''}an empty market."
    total = degree.sum()
    k = max(1, int(np.ceil(0.1 * t)))
    share = np.sort(degree)[::-1][:k].sum() / total if total else 0.0
    leader = int(np.argmax(degree))
    drawn = f"only the top {k} and {ties} ties among them drawn" if core else f"{ties} ties"
    return (f"{title + ': ' if title else ''}market of {t} businesses placed in arrival order, founders in "
            f"the centre and newcomers at the rim; {drawn}. The best connected is business {leader} "
            f"(arrival {leader}) with {int(degree[leader])} ties; the top 10 % hold {share:.0%} of all ties.")


def growth_snapshots(G: nx.Graph, times: Sequence[int], *, title: str = "") -> Picture:
    """The same grown market after each of ``times`` arrivals, side by side, in fixed places."""
    fig, axes = new_figure(3.6 * len(times), 3.9, len(times))
    for ax, t in zip(axes, times):
        grown_network(G, t=int(t), ax=ax, title=f"after {int(t)} arrivals")
    axes[-1].legend(loc="upper right", bbox_to_anchor=(1.0, 0.0), frameon=False, fontsize=9, ncols=2)
    if title:
        fig.suptitle(title, fontsize=13)
    n, edges = market_edges(G, None)
    parts = "; ".join(f"after {int(t)} arrivals {int((edges.max(axis=1) < t).sum())} ties, largest "
                      f"{int(np.bincount(edges[edges.max(axis=1) < t].ravel(), minlength=1).max())} ties"
                      for t in times)
    return Picture.from_figure(fig, f"{title + ': ' if title else ''}{len(times)} snapshots of one growing "
                                    f"market, businesses in arrival order from the centre outwards. {parts}.")


def plain_log_axis(axis) -> None:
    """Label a log axis 1, 10, 100 or 0.01 instead of powers of ten: easier to read,
    and much faster to draw than matplotlib's typeset exponents. Call it after
    plotting: a range of less than two and a half powers of ten also gets 2 and 5."""
    axis.axes.autoscale_view()
    low, high = sorted(abs(v) for v in axis.get_view_interval())
    narrow = low > 0 and np.log10(high / low) < 2.5
    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0) if narrow else (1.0,)))
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.10g}"))
    axis.set_minor_locator(NullLocator())


def degree_distribution(series: Mapping[str, Sequence[float]], *, title: str, ax: Axes | None = None,
                        fast: bool = False, legend: bool = True, unit: str = "ties",
                        holders: str = "nodes") -> Picture | Axes:
    """Share of nodes with at least ``k`` ties, against ``k``, both on log scales.

    On these axes a power law (hubs of every size) is a straight line, while a market
    without hubs bends down steeply. Zero values are left out (no log of zero).

    Parameters
    ----------
    series : mapping of str to sequence of float
        One line per entry: a name and its degrees (or other counts).
    title : str
        The plot's title.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    fast : bool, default False
        A quicker figure for explorers (fixed margins instead of constrained layout).
    legend : bool, default True
        Show a legend of the series.
    unit : str, default "ties"
        What is counted, for the labels and alt text (e.g. "customers").
    holders : str, default "nodes"
        Who holds it (e.g. "businesses").

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture`, or ``ax`` when given.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = degree_distribution({"star": [4, 1, 1, 1, 1]}, title="Degrees", ax=ax)
    >>> ax.get_xscale(), ax.lines[0].get_xdata().tolist(), ax.lines[0].get_ydata().round(2).tolist()
    ('log', [1.0, 4.0], [1.0, 0.2])
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(6.0, 4.5, fast=fast)
        if fast:
            fig.subplots_adjust(left=0.14, bottom=0.13)
    summary = []
    for i, (label, values) in enumerate(series.items()):
        x = np.sort(np.asarray(values, dtype=float))
        x = x[x > 0]
        if not x.size:
            continue
        ks, first = np.unique(x, return_index=True)
        ccdf = 1.0 - first / x.size
        colour, marker = style(label, i)
        ax.plot(ks, ccdf, marker=marker, markersize=3.5, linewidth=1.2, label=label, color=colour)
        summary.append(f"{label}: {'degrees' if unit == 'ties' else unit} from {int(ks[0])} to {int(ks[-1])}")
    ax.set(xscale="log", yscale="log", title=title, xlabel=f"{unit} k (log scale)",
           ylabel=f"share with at least k {unit} (log scale)")
    ax.relim()
    plain_log_axis(ax.xaxis)
    plain_log_axis(ax.yaxis)
    ax.grid(alpha=0.3)
    if summary and legend:
        ax.legend(frameon=False, fontsize=9)
    if fig is None:
        return ax
    return Picture.from_figure(fig, f"{title}: log-log plot of the share of {holders} with at least k {unit}. "
                                    + "; ".join(summary) + ".")


def bipartite(B: nx.Graph, *, title: str = "", weight: str | None = "visits", labels: bool | None = None,
              ax: Axes | None = None, size: tuple[float, float] = (6.0, 4.8)) -> Picture | Axes:
    """A two-mode network in two columns: people left as circles, places right as squares.

    People are the nodes with ``bipartite=0``, places or events those with ``bipartite=1``;
    tie width grows with ``weight`` (e.g. visits) when the ties carry it.

    Parameters
    ----------
    B : networkx.Graph
        A two-mode graph whose nodes carry ``bipartite`` 0 or 1.
    title : str, default ""
        The drawing's title.
    weight : str or None, default "visits"
        Edge attribute that widens a tie (1 + 1.2 per extra unit); None for equal widths.
    labels : bool or None, default None
        Write the nodes' names; None: only when there are at most 40 nodes.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    size : (float, float), default (6.0, 4.8)
        Size in inches of a new figure.

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture` whose alt text names the busiest places, or ``ax`` when given.

    Examples
    --------
    >>> import networkx as nx
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> B = nx.Graph()
    >>> B.add_nodes_from(["Ana", "Ben"], bipartite=0)
    >>> B.add_nodes_from(["café", "gym", "bar"], bipartite=1)
    >>> B.add_edges_from([("Ana", "café", {"visits": 3}), ("Ana", "gym", {"visits": 1}),
    ...                   ("Ben", "café", {"visits": 1})])
    >>> bipartite(B, ax=ax, title="Visits") is ax
    True
    >>> len(ax.texts), ax.collections[0].get_linewidths()[0]  # 5 names; 3 visits: width 3.4
    (5, np.float64(3.4))
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(*size)
    left = [v for v, p in B.nodes(data="bipartite") if p == 0]
    right = [v for v, p in B.nodes(data="bipartite") if p == 1]
    pos = {}
    for x, column in ((0.0, left), (1.0, right)):
        ys = np.linspace(1, 0, len(column)) if len(column) > 1 else [0.5]
        pos.update({v: np.array([x, y]) for v, y in zip(column, ys)})
    n = B.number_of_nodes()
    labels = n <= 40 if labels is None else labels
    widths = [1.0 + 1.2 * (d.get(weight, 1) - 1) if weight else 1.0 for _, _, d in B.edges(data=True)]
    nx.draw_networkx_edges(B, pos, ax=ax, width=widths, edge_color=PALETTE["grey"], alpha=0.7)
    node_size = float(np.clip(6000 / max(n, 1), 20, 300))
    for nodes, colour, shape, label in ((left, "sky", "o", "people"), (right, "orange", "s", "places")):
        if nodes:
            nx.draw_networkx_nodes(B, pos, nodelist=nodes, ax=ax, node_color=PALETTE[colour], node_shape=shape,
                                   node_size=node_size, edgecolors="black", linewidths=0.6, label=label)
    if labels:
        for nodes, ha, dx in ((left, "right", -0.08), (right, "left", 0.08)):
            for v in nodes:
                ax.text(pos[v][0] + dx, pos[v][1], str(v), ha=ha, va="center", fontsize=9 if n <= 20 else 7.5,
                        path_effects=HALO)
    ax.set_xlim(-0.65 if labels else -0.1, 1.65 if labels else 1.1)
    ax.set_title(title, fontsize=12)
    ax.set_axis_off()
    if fig is None:
        return ax
    deg = dict(B.degree())
    busiest = sorted(right, key=lambda v: -deg[v])[:3]
    extra = f" Weighted by {weight}: thicker lines for repeat visits." if weight and any(
        d.get(weight, 1) > 1 for *_, d in B.edges(data=True)) else ""
    alt = (f"{title + ': ' if title else ''}two-column drawing of a two-mode network: {len(left)} people on the "
           f"left, {len(right)} places on the right, {B.number_of_edges()} ties between them. Most ties: "
           + ", ".join(f"{v} ({deg[v]})" for v in busiest) + "." + extra)
    return Picture.from_figure(fig, alt)


def group_layout(G: nx.Graph, groups: Mapping[str, Iterable[Hashable]]) -> dict[Hashable, np.ndarray]:
    """Fixed positions by group: the first group on a small inner ring, the others each
    in their own sector of an outer ring (nodes in no group close the ring)."""
    named = _groups(G, groups)
    labels = list(named)
    inner = named[labels[0]] if labels else []
    outer = [v for label in labels[1:] for v in named[label]]
    outer += [v for v in G if v not in set(inner) | set(outer)]
    pos = {}
    for ring, radius, turn in ((inner, 0.3, 0.25), (outer, 1.0, 0.0)):
        angles = 2 * np.pi * (np.arange(len(ring)) / max(len(ring), 1) + turn)
        pos.update({v: np.array([radius * np.cos(a), radius * np.sin(a)]) for v, a in zip(ring, angles)})
    return pos


def weighted_network(P: nx.Graph, *, title: str = "", weight: str = "weight", min_weight: float = 1,
                     highlight: Mapping[str, Iterable[Hashable]] | None = None, labels: bool = True,
                     pos: Mapping[Hashable, Sequence[float]] | None = None, seed: int = 1,
                     ax: Axes | None = None, size: tuple[float, float] = (8.0, 6.5)) -> Picture | Axes:
    """A weighted network such as a co-visit projection: line width grows with the weight.

    Nodes are coloured by ``highlight`` group as in :func:`network`. With ``highlight``
    the nodes are placed by group (:func:`group_layout`), otherwise by a seeded spring
    layout.

    Parameters
    ----------
    P : networkx.Graph
        The weighted network.
    title : str, default ""
        The drawing's title.
    weight : str, default "weight"
        The edge attribute that widens a tie (a tie without it weighs 1).
    min_weight : float, default 1
        Ties lighter than this are left out.
    highlight : mapping of str to iterable of nodes, optional
        Groups to colour, by legend label.
    labels : bool, default True
        Write the nodes' names.
    pos : mapping of node to (x, y), optional
        Node positions, instead of the layouts above.
    seed : int, default 1
        Seed of the spring layout.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    size : (float, float), default (8.0, 6.5)
        Size in inches of a new figure.

    Returns
    -------
    Picture or matplotlib.axes.Axes
        A :class:`Picture` whose alt text names the heaviest ties, or ``ax`` when given.

    Examples
    --------
    >>> import networkx as nx
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> P = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1})])
    >>> _ = weighted_network(P, min_weight=2, ax=ax)
    >>> len(ax.collections[0].get_segments()), [t.get_text() for t in ax.texts]  # b-c left out
    (1, ['a', 'b', 'c'])
    """
    fig = None
    if ax is None:
        fig, (ax,) = new_figure(*size)
    H = nx.Graph()
    H.add_nodes_from(P.nodes(data=True))
    H.add_edges_from((u, v, d) for u, v, d in P.edges(data=True) if d.get(weight, 1) >= min_weight)
    if pos is None:
        pos = group_layout(H, highlight) if highlight else layout(H, seed)
    weights = np.array([d.get(weight, 1) for *_, d in H.edges(data=True)], dtype=float)
    top = weights.max() if weights.size else 1.0
    nx.draw_networkx_edges(H, pos, ax=ax, width=(0.3 + 4.0 * np.sqrt(weights / top)).tolist(),
                           edge_color=PALETTE["grey"], alpha=0.55)
    dots = nx.Graph()
    dots.add_nodes_from(H.nodes(data=True))  # nodes only: the weighted ties are drawn above
    network(dots, pos=pos, ax=ax, highlight=highlight, labels=False, title=title, legend=True)
    if labels:
        for v, (x, y) in pos.items():
            outward = np.hypot(x, y) > 0.6
            ax.text(x * 1.06 if outward else x, y * 1.06 if outward else y - 0.07, str(v), fontsize=7.5,
                    ha=("left" if x > 0.05 else "right" if x < -0.05 else "center") if outward else "center",
                    va="center", path_effects=HALO, zorder=4)
    if fig is None:
        return ax
    heavy = sorted(H.edges(data=weight, default=1), key=lambda e: -e[2])[:3]
    alt = (f"{title + ': ' if title else ''}weighted network of {H.number_of_nodes()} nodes and "
           f"{H.number_of_edges()} ties of weight {min_weight:g} or more, line width by weight. Heaviest: "
           + ", ".join(f"{u} and {v} ({w:g})" for u, v, w in heavy) + ".")
    groups = _groups(H, highlight)
    alt += "".join(f" {label} ({len(m)}): {', '.join(map(str, m[:6]))}{' and others' if len(m) > 6 else ''}."
                   for label, m in groups.items())
    return Picture.from_figure(fig, alt)
