"""Chapter 4's threshold explorer: roll out a tool from brokers or from one clustered team."""

from __future__ import annotations

import functools

import ipywidgets as w
import networkx as nx
import numpy as np
from matplotlib import colormaps
from matplotlib.collections import LineCollection

from snb import draw
from snb.models import firm, threshold
from snb.widgets.base import Explorer, control_style
from snb.widgets.ch04 import department_layout
from snb.widgets.params import MAX_SEED, OneOf, Real, Whole, settings

#: Early adopters dark, late ones light (viridis: readable in grey and for colour-blind readers).
_VIRIDIS = colormaps["viridis"].reversed()

__all__ = ["render_threshold", "threshold_explorer", "THRESHOLD_FIRM"]

#: The firm the explorer and the page use (chapter 4's synthetic firm).
THRESHOLD_FIRM: dict[str, float] = threshold.ROLLOUT_FIRM


@functools.lru_cache(maxsize=8)
def _setup(seed: int) -> tuple[nx.Graph, list, np.ndarray, np.ndarray]:
    s = THRESHOLD_FIRM
    F = firm.synthetic_firm(int(s["people"]), int(s["departments"]), brokers=int(s["brokers"]),
                            within_degree=s["within_degree"], cross_rate=s["cross_rate"], seed=seed)
    G = F.informal
    nodes = list(G)
    pos = department_layout(G, seed)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
    return G, nodes, np.array([pos[v] for v in nodes]), A


@functools.lru_cache(maxsize=32)
def _starts(seed: int, budget: int) -> dict[str, np.ndarray]:
    """Each seeding's first users as a boolean row, for the firm of ``seed``."""
    G, nodes, _, _ = _setup(seed)
    index = {v: i for i, v in enumerate(nodes)}
    out = {}
    for how in threshold.SEEDINGS:
        start = np.zeros(len(nodes), dtype=bool)
        start[[index[v] for v in threshold.seed_sets(G, budget, how)]] = True
        out[how] = start
    return out


def _rounds(A: np.ndarray, start: np.ndarray, theta: float) -> np.ndarray:
    """Round in which each person adopts (0 for starters, -1 never), by the fast rule."""
    when = np.where(start, 0, -1)
    state = start.copy()
    t = 0
    while True:
        t += 1
        nxt = threshold.spread_fast(A, state[None, :], theta=theta, rounds=1)[0]
        if (nxt == state).all():
            return when
        when[nxt & ~state] = t
        state = nxt


@settings(theta=Real(0.01, 1, "Threshold"), seeding=OneOf(threshold.SEEDINGS, "First users"),
          seed=Whole(0, MAX_SEED, "Random seed"), budget=Whole(1, 20, "First users' number"))
def render_threshold(theta: float = 0.3, seeding: str = "brokers", seed: int = 1, budget: int = 6) -> draw.Picture:
    """The firm's advice network after a rollout: who adopted (dark: early, light: late,
    grey: never) when ``budget`` first users are chosen by ``seeding`` and each person
    adopts once a share ``theta`` of their contacts has; beside it, the share reached
    by both seedings."""
    G, nodes, xy, A = _setup(int(seed))
    index = {v: i for i, v in enumerate(nodes)}
    shares = {}
    when = None
    for how, start in _starts(int(seed), int(budget)).items():
        rounds = _rounds(A, start, float(theta))
        shares[how] = float(np.mean(rounds >= 0))
        if how == seeding:
            when = rounds
    fig, (ax, bars) = draw.new_figure(10, 4.2, 2, fast=True)
    fig.subplots_adjust(left=0.01, right=0.97, bottom=0.12, top=0.82, wspace=0.15)
    ends = np.array([(index[a], index[b]) for a, b in G.edges])
    ax.add_collection(LineCollection(xy[ends], colors=draw.PALETTE["grey"], linewidths=0.4, alpha=0.35, zorder=1))
    last = max(int(when.max()), 1)
    colours = _VIRIDIS(np.clip(when, 0, None) / last)
    colours[when < 0] = (0.87, 0.87, 0.87, 1.0)
    starters = when == 0
    ax.scatter(*xy[~starters].T, s=26, c=colours[~starters], edgecolors="black", linewidths=0.3, zorder=2)
    ax.scatter(*xy[starters].T, s=110, marker="*", c=draw.PALETTE["vermillion"], zorder=4)
    ax.set_axis_off()
    names = list(threshold.SEEDINGS)
    vals = [100 * shares[h] for h in names]
    bars.barh(names, vals, color=[draw.PALETTE["blue"], draw.PALETTE["orange"]])
    bars.set_xlim(0, 115)
    bars.invert_yaxis()
    for i, v in enumerate(vals):
        bars.annotate(f"{v:.0f} %", (v, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=9)
    bars.set_xticks([])
    bars.set_title("share of staff who adopted", fontsize=10, y=1.0)
    for side in ("top", "right", "bottom"):
        bars.spines[side].set_visible(False)
    fig.suptitle(f"Threshold {theta:.0%} of one's contacts, {budget} first users (stars), firm seed {seed}\n"
                 f"left: {seeding} seeding, {shares[seeding]:.0%} adopted (dark: early, grey: never)",
                 fontsize=10)
    alt = (f"Rollout of a tool in a synthetic firm of {len(nodes)} people; a person adopts once {theta:.0%} of "
           f"their contacts have. Left: the {seeding} seeding; {shares[seeding]:.0%} adopted, the rest shown "
           f"grey; first users are stars; darker dots adopted earlier, over {int(when.max())} rounds. Right: "
           f"brokers reach {shares['brokers']:.0%}, clustered seeding {shares['clustered']:.0%}.")
    return draw.Picture.from_figure(fig, alt)


def threshold_explorer(theta: float = 0.3, seeding: str = "brokers", seed: int = 1) -> Explorer:
    """Move the adoption threshold; see how far each seeding takes the tool.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    theta : float, default 0.3
        Share of contacts who must use the tool before a person does.
    seeding : str, default "brokers"
        The first users, one of :data:`snb.models.threshold.SEEDINGS`.
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
    ...     explorer = threshold_explorer(theta=0.2)
    >>> explorer.values()
    {'theta': 0.2, 'seeding': 'brokers', 'seed': 1}
    >>> explorer.title
    'Brokers or a clustered team?'
    """
    controls = {
        "theta": w.FloatSlider(value=theta, min=0.05, max=0.6, step=0.05, continuous_update=False,
                               readout_format=".0%", **control_style("Threshold")),
        "seeding": w.Dropdown(options=list(threshold.SEEDINGS), value=seeding, **control_style("First users")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **control_style("Random seed")),
    }
    return Explorer(controls, render_threshold, "Brokers or a clustered team?")
