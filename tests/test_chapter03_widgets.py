"""Chapter 3 explorer: controls match the pure render function; pictures carry their numbers."""

import inspect

import pytest
from helpers import no_pyplot_figures_left  # noqa: F401 (a fixture)

from snb import datasets, widgets
from snb.draw import Picture
from snb.models import communities

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


pytestmark = pytest.mark.usefixtures("no_pyplot_figures_left")


def test_community_explorer_controls_match_the_render_function():
    explorer = widgets.community_explorer()
    parameters = inspect.signature(widgets.render_communities).parameters
    assert set(explorer.controls) == set(parameters) == {"method", "resolution", "seed", "network"}
    for name, control in explorer.controls.items():
        assert control.value == parameters[name].default
    assert list(explorer.controls["method"].options) == list(communities.METHODS)
    assert list(explorer.controls["network"].options) == list(widgets.COMMUNITY_NETWORKS)


@pytest.mark.parametrize("method", communities.METHODS)
def test_render_is_reproducible_and_its_alt_text_has_the_numbers(method):
    first = widgets.render_communities(method, 1.0, 2)
    assert isinstance(first, Picture) and first.png.startswith(PNG_MAGIC)
    assert first.alt == widgets.render_communities(method, 1.0, 2).alt
    G = datasets.load_karate_club()
    found = communities.detect(G, method, seed=2)
    agree = communities.agreement(G, found, communities.factions(G))
    assert f"{len(found)} communities" in first.alt
    assert f"modularity {communities.modularity(G, found):.2f}" in first.alt
    assert f"adjusted Rand index {agree['ARI']:.2f}" in first.alt


def test_render_on_the_ring_compares_with_the_cliques():
    picture = widgets.render_communities("Louvain", 1.5, 1, "ring of 30 cliques")
    assert "30 communities" in picture.alt and "adjusted Rand index 1.00" in picture.alt
    with pytest.raises(ValueError):
        widgets.render_communities(network="a network nobody knows")


