"""Chapter 7 pictures: how much of a top-5 list survives missing answers.

Pure render functions (no widget state): each returns a :class:`snb.draw.Picture` with
its alt text. Chapter 7 has no explorer; its tool writes reports instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from snb import draw
from snb.stats import Interval

__all__ = ["overlap_curves"]


def overlap_curves(x: Sequence[float], series: Mapping[str, Sequence[Interval]], *, title: str, xlabel: str,
                   ylabel: str = "share of the true top 5 kept", criterion: float | None = None) -> draw.Picture:
    """Means with 95 % bands of a share kept (0 to 1) against a swept setting, one line per series.

    Parameters
    ----------
    x : sequence of float
        The swept values.
    series : mapping of str to sequence of Interval
        One band per entry: its legend label and an interval at each swept value.
    title, xlabel : str
        The plot's title and x-axis label.
    ylabel : str, default "share of the true top 5 kept"
        The y-axis label.
    criterion : float, optional
        A dashed line at this share (e.g. 0.6: 3 of 5 right).

    Returns
    -------
    snb.draw.Picture
        With alt text listing every mean and band.

    Examples
    --------
    >>> from snb.stats import mean_interval
    >>> pic = overlap_curves([10, 20], {"a": [mean_interval([0.9, 1.0]), mean_interval([0.7, 0.8])]},
    ...                      title="T", xlabel="x", criterion=0.6)
    >>> pic.alt.startswith("T: mean share"), pic.alt.endswith("The dashed line marks 0.6.")
    (True, True)
    """
    fig, (ax,) = draw.new_figure(6.5, 4.0)
    xs = np.asarray(list(x), dtype=float)
    parts = []
    for i, (label, ivs) in enumerate(series.items()):
        colour, marker = draw.style(label, i)
        ax.fill_between(xs, [iv.low for iv in ivs], [iv.high for iv in ivs], color=colour, alpha=0.2,
                        linewidth=0)
        ax.plot(xs, [iv.mean for iv in ivs], marker=marker, color=colour, label=label)
        parts.append(f"{label}: " + ", ".join(f"{v:g}: {iv.mean:.2f} ({iv.low:.2f} to {iv.high:.2f})"
                                              for v, iv in zip(xs, ivs)))
    if criterion is not None:
        ax.axhline(criterion, color=draw.PALETTE["black"], linewidth=0.8, linestyle="--")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel, ylim=(0, 1.02))
    ax.title.set_fontsize(10)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False, fontsize=8, loc="lower left" if xs[0] < xs[-1] else "lower right")
    line = f" The dashed line marks {criterion:g}." if criterion is not None else ""
    alt = (f"{title}: mean share kept with its 95 % band against {xlabel}. " + "; ".join(parts) + "." + line)
    return draw.Picture.from_figure(fig, alt)
