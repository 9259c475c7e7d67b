"""The explorers' drawing path: fixed-margin figures, the fixed-place key, PNG by savefig.

An explorer redraws on every change of a control (budget: 100 ms, tools/benchmark.py).
It draws into a new figure with fixed margins at the dpi it is shown at, writes its
legend as a fixed key built from plain matplotlib artists (cheaper than ``Axes.legend``'s
layout), and the PNG comes from ``Figure.savefig``. Only public matplotlib API is used.
"""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from PIL import Image

from helpers import load_tool
from snb import draw

EXPLORERS = load_tool("benchmark").EXPLORERS


def _png(result) -> bytes:
    return (result[0] if isinstance(result, tuple) else result).png


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_every_explorer_draws_and_changes_with_its_settings(name):
    """Each setting a learner sweeps gives a PNG, the same bytes when drawn again (in any
    order), and at least one setting draws a different picture from the lesson's."""
    render, sweep = EXPLORERS[name]
    settings = [{}] + sweep
    forward = [_png(render(**kwargs)) for kwargs in settings]
    backward = [_png(render(**kwargs)) for kwargs in reversed(settings)][::-1]
    for kwargs, a, b in zip(settings, forward, backward):
        assert a.startswith(b"\x89PNG") and a == b, f"{name} {kwargs}: not the same picture twice"
    assert len(set(forward)) > 1, f"{name}: no setting changes the picture"


def test_an_explorer_figure_has_fixed_margins_and_the_drawing_dpi():
    fig, axes = draw.new_figure(4, 3, 2, fast=True)
    assert fig.dpi == 96 and fig.get_layout_engine() is None and len(axes) == 2
    assert fig.subplotpars.left == pytest.approx(0.04)
    assert axes[0].get_position().x0 < axes[1].get_position().x0  # left to right
    slow, _ = draw.new_figure(4, 3)
    assert slow.get_layout_engine() is not None


def test_an_explorer_figure_is_a_fresh_copy_that_draws_as_a_new_figure():
    """Explorer figures are unpickled from a blank one: a new object every time, nothing
    kept from an earlier drawing, and the same pixels as a figure built from scratch."""
    def drawing(fig, axes):
        axes[0].plot([0, 1], [0, 2], label="line")
        axes[0].set_aspect("equal")
        axes[1].bar(["a", "b"], [3, 1])
        fig.suptitle("title")
        return draw.Picture.from_figure(fig, "x").png

    first = draw.new_figure(5, 3, 2, fast=True)
    picture = drawing(*first)
    second = draw.new_figure(5, 3, 2, fast=True)
    assert second[0] is not first[0] and not second[1][0].lines and second[1][0].get_aspect() == "auto"
    built = Figure(figsize=(5, 3), dpi=96)
    axes = list(built.subplots(1, 2))
    built.subplots_adjust(left=0.04, right=0.97, bottom=0.13, top=0.9, wspace=0.45)
    assert drawing(built, axes) == picture == drawing(*second)


def test_a_picture_holds_the_pixels_that_matplotlib_draws():
    fig, (ax,) = draw.new_figure(3, 2)
    ax.plot([0, 1, 2], [1, 0, 1])
    picture = draw.Picture.from_figure(fig, "a line")
    pixels = np.asarray(Image.open(io.BytesIO(picture.png)))
    buf = io.BytesIO()
    with draw.rc_context({"text.hinting": "no_hinting"}):
        fig.savefig(buf, format="png", dpi=96)
    assert np.array_equal(pixels, np.asarray(Image.open(buf)))
    assert Image.open(io.BytesIO(picture.png)).size == (288, 192)  # 3 x 2 inches at 96 dpi
    assert fig.dpi == 100  # the figure's own dpi is left as it was
    assert draw.Picture.from_figure(fig, "again").png == picture.png  # deterministic bytes
    assert b"Software" not in picture.png


def _keyed_axes():
    fig, (ax,) = draw.new_figure(5, 3)
    ax.plot([0, 1], [0, 1], color="red", linestyle="--", label="a line")
    ax.plot([0, 1], [1, 0], marker="o", linestyle="none", label="markers")
    ax.scatter([0.5], [0.5], s=400, marker="s", c="blue", edgecolors="black", label="a scatter")
    ax.axvspan(0.2, 0.3, alpha=0.3, label="a span")
    ax.plot([0, 1], [0.5, 0.5], label="_hidden")
    return fig, ax


@pytest.mark.parametrize("loc", ["upper left", "lower left", "upper right", "lower right"])
def test_key_draws_one_symbol_and_one_text_per_labelled_artist(loc):
    fig, ax = _keyed_axes()
    before_lines, before_patches = len(ax.lines), len(ax.patches)
    assert draw.key(ax, loc) == 4
    texts = [t for t in ax.texts if isinstance(t, Text)]
    assert [t.get_text() for t in texts] == ["a line", "markers", "a scatter", "a span"]
    assert {t.get_ha() for t in texts} == {"right" if loc.endswith("right") else "left"}
    assert len(ax.lines) - before_lines == 3  # the line, the markers, the scatter's marker
    assert len(ax.patches) - before_patches == 1  # the span's box
    assert not any(isinstance(a, Legend) for a in ax.get_children())
    assert ax.get_legend() is None
    heights = [fig.transFigure.inverted().transform(t.get_transform().transform(t.get_position()))[1]
               for t in texts]
    assert heights == sorted(heights, reverse=True)  # first entry on top, in every corner
    draw.Picture.from_figure(fig, "keyed")  # draws


def test_key_copies_the_looks_of_each_artist():
    fig, ax = _keyed_axes()
    draw.key(ax, marker_area=49)
    line, markers, scatter = ax.lines[-3:]
    assert line.get_color() == "red" and line.get_linestyle() == "--"
    assert markers.get_marker() == "o"
    assert scatter.get_markersize() == pytest.approx(7.0)  # sqrt of the area asked for
    assert tuple(scatter.get_markerfacecolor()) == pytest.approx((0.0, 0.0, 1.0, 1.0))


def test_key_puts_columns_side_by_side():
    fig, ax = _keyed_axes()
    draw.key(ax, at=(0.0, 0.0), ncols=2)
    x = [fig.transFigure.inverted().transform(t.get_transform().transform(t.get_position()))
         for t in ax.texts]
    assert x[0][1] == pytest.approx(x[1][1]) and x[1][0] > x[0][0]  # same row, next column
    assert x[2][1] < x[0][1]  # the third entry starts the second row


def test_key_with_nothing_labelled_draws_nothing():
    fig, (ax,) = draw.new_figure(3, 2)
    ax.plot([0, 1], [0, 1])
    assert draw.key(ax) == 0 and not ax.texts
