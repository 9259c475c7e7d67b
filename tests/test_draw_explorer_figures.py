"""The explorers' fast drawing path: reused figures, the fixed-place key, the PNG encoder.

An explorer redraws on every change of a control. To stay within the 100 ms budget
(issues 8, 9 and 14) it draws into the figure it used last time, cleared, writes its
legend as a fixed key and encodes the PNG itself. None of that may change a picture:
these tests compare bytes with the slow path and break each shortcut on purpose.
"""

import io

import numpy as np
import pytest
from matplotlib.legend import Legend
from matplotlib.text import Text
from PIL import Image

from helpers import load_tool
from snb import draw

EXPLORERS = load_tool("benchmark").EXPLORERS


def _png(result) -> bytes:
    return (result[0] if isinstance(result, tuple) else result).png


@pytest.fixture
def reuse_switch(monkeypatch):
    """Turn figure reuse on or off for one test; the cache starts empty either way."""
    def switch(on: bool) -> None:
        monkeypatch.setattr(draw, "REUSE_FIGURES", on)
        draw._REUSED.clear()
    yield switch
    draw._REUSED.clear()


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_a_reused_figure_draws_the_same_bytes_as_a_new_one(name, reuse_switch):
    render, sweep = EXPLORERS[name]
    settings = [{}] + sweep
    reuse_switch(False)
    fresh = [_png(render(**kwargs)) for kwargs in settings]
    reuse_switch(True)
    forward = [_png(render(**kwargs)) for kwargs in settings]
    backward = [_png(render(**kwargs)) for kwargs in reversed(settings)][::-1]
    for kwargs, a, b, c in zip(settings, fresh, forward, backward):
        assert a == b == c, f"{name} {kwargs}: the reused figure kept something of an earlier picture"


def _explorer_like(aspect: bool) -> tuple:
    """A drawing function as explorers write them; only some calls change the aspect."""
    fig, (ax,) = draw.new_figure(4, 3, fast=True)
    ax.plot([0, 1], [0, 2], label="line")
    if aspect:
        ax.set_aspect("equal")
        ax.spines["top"].set_visible(False)
        fig.suptitle("first")
    return fig, ax


def test_a_reused_figure_is_blank_where_axes_clear_leaves_state(reuse_switch):
    reuse_switch(True)
    fig, ax = _explorer_like(aspect=True)
    again, ax2 = _explorer_like(aspect=False)
    assert again is fig and ax2 is ax  # the same figure, drawn into again
    assert ax.get_aspect() == "auto"
    assert ax.spines["top"].get_visible()
    assert fig.get_suptitle() == "" and not fig.texts
    assert len(ax.lines) == 1  # only this call's line


def test_reuse_off_makes_a_new_figure_each_time(reuse_switch):
    reuse_switch(False)
    assert _explorer_like(False)[0] is not _explorer_like(False)[0]


def test_drawing_functions_do_not_share_a_reused_figure(reuse_switch):
    reuse_switch(True)

    def other():
        return draw.new_figure(4, 3, fast=True)[0]

    assert other() is not _explorer_like(False)[0]
    assert other() is other()


def test_slow_figures_are_never_reused(reuse_switch):
    reuse_switch(True)
    assert draw.new_figure(4, 3)[0] is not draw.new_figure(4, 3)[0]


def test_png_bytes_is_a_png_of_exactly_the_pixels():
    rgba = np.random.default_rng(1).integers(0, 256, size=(37, 53, 4), dtype=np.uint8)
    data = draw.png_bytes(rgba)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    assert image.mode == "RGBA" and image.size == (53, 37)
    assert np.array_equal(np.asarray(image), rgba)


def test_a_picture_holds_the_pixels_that_matplotlib_draws():
    fig, (ax,) = draw.new_figure(3, 2)
    ax.plot([0, 1, 2], [1, 0, 1])
    pixels = np.asarray(Image.open(io.BytesIO(draw.Picture.from_figure(fig, "a line").png)))
    buf = io.BytesIO()
    with draw.rc_context({"text.hinting": "no_hinting"}):
        fig.savefig(buf, format="png", dpi=96)
    assert np.array_equal(pixels, np.asarray(Image.open(buf)))
    assert fig.dpi == 100  # the figure's own dpi is left as it was


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
