"""snb.draw: deterministic pictures with alt text, and no pyplot state left behind."""

import base64
import io

import matplotlib.image
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pytest
from helpers import no_pyplot_figures_left  # noqa: F401 (a fixture)

from snb import datasets, draw

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GRAPHS = {
    "empty": nx.Graph(),
    "directed": datasets.load_tiny_team_email(),
    "star": datasets.communication_network("broadcast star", 9),
    "tree": datasets.communication_network("hierarchy tree", 13),
    "media": datasets.communication_network("media + peers", 50, seed=2),
    "karate": datasets.load_karate_club(),
}


pytestmark = pytest.mark.usefixtures("no_pyplot_figures_left")


def _pixels(picture):
    return matplotlib.image.imread(io.BytesIO(picture.png), format="png")


@pytest.mark.parametrize("name", list(GRAPHS))
def test_network_returns_a_png_with_counts_in_its_alt_text(name):
    G = GRAPHS[name]
    picture = draw.network(G, title="Example")
    assert isinstance(picture, draw.Picture)
    assert picture.png.startswith(PNG_MAGIC)
    height, width = _pixels(picture).shape[:2]
    assert height > 100 and width > 100
    n, m = G.number_of_nodes(), G.number_of_edges()
    assert f"{n} nodes and {m} ties" in picture.alt
    assert picture.alt.startswith("Example: ")
    assert ("directed network" in picture.alt) == G.is_directed()
    assert repr(picture) == picture.alt


def test_mimebundle_has_png_and_alt_text():
    picture = draw.network(datasets.load_tiny_team())
    data, metadata = picture._repr_mimebundle_()
    assert base64.b64decode(data["image/png"]) == picture.png
    assert data["text/plain"] == picture.alt
    assert metadata == {"image/png": {"alt": picture.alt}}


@pytest.mark.parametrize("name", ["directed", "media"])
def test_same_graph_and_seed_give_the_same_png(name):
    first = draw.network(GRAPHS[name], seed=3, highlight={"seeds": list(GRAPHS[name])[:2]})
    second = draw.network(GRAPHS[name], seed=3, highlight={"seeds": list(GRAPHS[name])[:2]})
    assert first.png == second.png and first.alt == second.alt


@pytest.mark.parametrize("name", list(GRAPHS))
def test_layout_is_seeded_and_places_every_node(name):
    G = GRAPHS[name]
    first, second = draw.layout(G, seed=5), draw.layout(G, seed=5)
    assert set(first) == set(G)
    assert all(np.array_equal(first[v], second[v]) and first[v].shape == (2,) for v in G)
    assert all(np.isfinite(first[v]).all() for v in G)


def test_layout_of_an_empty_graph_is_empty():
    assert draw.layout(nx.Graph()) == {}


def test_spring_layout_depends_on_the_seed():
    G = GRAPHS["media"]
    a, b = draw.layout(G, seed=1), draw.layout(G, seed=2)
    assert any(not np.allclose(a[v], b[v]) for v in G)


def test_star_is_drawn_as_a_wheel_around_its_centre():
    pos = draw.layout(GRAPHS["star"])
    assert np.allclose(pos[0], 0)
    radii = [np.linalg.norm(pos[v]) for v in GRAPHS["star"] if v != 0]
    assert np.allclose(radii, radii[0]) and radii[0] > 0


def test_hierarchy_tree_is_drawn_top_down_from_its_root():
    T = GRAPHS["tree"]
    pos = draw.layout(T)
    depth = nx.single_source_shortest_path_length(T, 0)
    assert pos[0][1] == max(p[1] for p in pos.values())
    assert all(pos[a][1] > pos[b][1] for a, b in T.edges if depth[a] < depth[b])


def test_highlight_groups_are_described_in_the_alt_text():
    G = datasets.load_tiny_team()
    alt = draw.network(G, highlight={"seeds": ["Dev"], "reached": ["Ana", "Eva", "Dev", "Nobody"]}).alt
    assert "seeds (1): Dev." in alt
    assert "reached (2): Ana, Eva." in alt  # Dev is already a seed, Nobody is not in G
    assert "Most connected: Ana (3), Eva (3)" in alt


def test_long_highlight_groups_are_shortened():
    G = nx.path_graph(20)
    alt = draw.network_alt_text(G, highlight={"many": range(12)})
    assert "many (12): 0, 1, 2, 3, 4, 5, 6, 7 and others." in alt


def test_line_plot():
    picture = draw.line_plot({"reach": [1, 5, 9], "cost": [2, 2, 3]}, x=[0, 1, 2], title="Reach by step",
                             xlabel="step", ylabel="people")
    assert picture.png.startswith(PNG_MAGIC)
    assert picture.alt.startswith("Reach by step: line plot of people against step.")
    assert "reach from 1 to 9" in picture.alt and "cost from 2 to 3" in picture.alt
    custom = draw.line_plot({"a": [1, 2]}, title="T", xlabel="x", ylabel="y", alt="my own words")
    assert custom.alt == "my own words"


def test_outcome_plot():
    outcomes = {"wait and see": np.arange(0, 101), "transformation": np.full(10, -5.0)}
    picture = draw.outcome_plot(outcomes, title="Policies", xlabel="value")
    assert picture.png.startswith(PNG_MAGIC)
    assert picture.alt.startswith("Policies: box plot of value.")
    assert "wait and see: mean 50, 10th percentile 10, 90th percentile 90" in picture.alt
    assert "transformation: mean -5" in picture.alt


DRAWINGS = {
    "network": lambda **kw: draw.network(datasets.load_karate_club(), title="Karate", highlight={"hub": [0]}, **kw),
    "line_plot": lambda **kw: draw.line_plot({"a": [1, 2]}, title="Lines", xlabel="x", ylabel="y", **kw),
    "outcome_plot": lambda **kw: draw.outcome_plot({"a": [1, 2, 3]}, title="Boxes", xlabel="v", **kw),
}
TITLES = {"network": "Karate", "line_plot": "Lines", "outcome_plot": "Boxes"}


@pytest.mark.parametrize("kind", list(DRAWINGS))
def test_drawing_into_a_given_axes_returns_the_axes(kind):
    fig, (ax,) = draw.new_figure()
    assert DRAWINGS[kind](ax=ax) is ax
    assert ax.get_title() == TITLES[kind]
    assert len(ax.get_children()) > len(draw.new_figure()[1][0].get_children())  # something was drawn


@pytest.mark.parametrize("kind", list(DRAWINGS))
def test_no_pyplot_figures_are_left_open(kind):
    picture = DRAWINGS[kind]()
    assert picture.png.startswith(PNG_MAGIC) and picture.alt.startswith(TITLES[kind] + ":")
    assert plt.get_fignums() == []


@pytest.mark.parametrize("names", [["Ana", "Ben", "Dev"], ["Chloe", "Femi", "Gus", "Ana"],
                                   ["Corner bookshop", "Market Street bookshop", "Gym"]])
def test_node_labels_fit_their_circle_or_sit_beside_it(names):
    """A label is either narrower than its circle or written wholly above it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    G = nx.path_graph(names)
    fig, (ax,) = draw.new_figure()
    draw.network(G, ax=ax)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    circles = ax.collections[-1]  # the node markers
    size_pts = float(np.sqrt(circles.get_sizes()[0]))  # marker diameter in points
    diameter_px = size_pts * fig.dpi / 72
    centres = ax.transData.transform([draw.layout(G)[v] for v in G])
    texts = [t for t in ax.texts if t.get_text() in names]
    assert len(texts) == len(names)
    for t in texts:
        box = t.get_window_extent(renderer)
        centre = centres[names.index(t.get_text())]
        inside = box.width <= diameter_px
        above = box.y0 >= centre[1] + diameter_px / 2 - 1
        assert inside or above, f"label {t.get_text()!r} spills out of its circle"


def test_tables_scroll_in_a_focusable_labelled_region():
    html = draw.Table({"a": {"x": 1.0}}, title="Six <networks>")._repr_html_()
    assert html.startswith('<div class="snb-table" role="region" tabindex="0" aria-label="Six &lt;networks&gt;">')
    assert html.endswith("</table></div>")
