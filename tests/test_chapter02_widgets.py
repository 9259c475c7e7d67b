"""Chapter 2 pictures and widgets: the growth explorer, the check-in builder, the new drawings."""

import inspect

import networkx as nx
import numpy as np
import pytest
from helpers import no_pyplot_figures_left  # noqa: F401 (a fixture)

from snb import checks, datasets, draw, measures, models, widgets
from snb.draw import Picture

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


pytestmark = pytest.mark.usefixtures("no_pyplot_figures_left")


# ------------------------------------------------------------ growth explorer
def test_growth_explorer_controls_match_the_render_function():
    explorer = widgets.growth_explorer()
    parameters = inspect.signature(widgets.render_growth).parameters
    assert set(explorer.controls) == set(parameters) == {"alpha", "n", "seed"}
    for name, control in explorer.controls.items():
        assert control.value == parameters[name].default
    assert list(explorer.controls["n"].options) == list(widgets.GROWTH_SIZES)
    explorer.controls["alpha"].value = 1.5
    assert explorer.values()["alpha"] == 1.5


def test_growth_controls_fit_a_phone_and_a_wide_screen():
    # JupyterLab showed an 18 px slider track and a seed box hiding its value: every control now
    # takes the full width up to a cap, never less than a readable minimum, with a fixed label column
    for control in widgets.growth_explorer().controls.values():
        label_em = float(control.style.description_width.removesuffix("em"))
        start_em = float(control.layout.flex.split()[-1].removesuffix("em"))
        assert label_em >= 0.5 * len(control.description)  # the label column fits its text
        assert start_em - label_em >= 8  # a slider track or box wide enough to use
        assert control.layout.min_width == "0"  # and it may shrink to a 390 px screen
        assert control.layout.max_width


def test_growth_render_is_a_reproducible_picture():
    first = widgets.render_growth(alpha=0.5, n=1000, seed=3)
    second = widgets.render_growth(alpha=0.5, n=1000, seed=3)
    assert isinstance(first, Picture) and first.png.startswith(PNG_MAGIC)
    assert first.alt == second.alt
    assert "alpha = 0.5, 1,000 customers choosing among 100 businesses, seed 3" in first.alt
    customers = models.customers_per_business(1000, 100, 0.5, seeds=[3])[0]
    assert f"the top 10 % hold {measures.top_share(customers, 0.1):.0%}" in first.alt
    idle = int((customers == 0).sum())
    assert f"{idle} business{'' if idle == 1 else 'es'} have none" in first.alt
    assert "alpha = 0 the top 10 % would hold" in first.alt and "alpha = 1 the top 10 %" in first.alt


def test_growth_render_at_the_references_and_at_twenty_thousand():
    assert "alpha = 1 the top 10 %" not in widgets.render_growth(alpha=1.0, n=1000).alt
    big = widgets.render_growth(alpha=1.0, n=20_000)
    assert "20,000 customers choosing among 2,000 businesses" in big.alt


def test_plural_and_ordinal_helpers():
    from snb.widgets.ch02 import ordinal, plural

    assert [plural(k, "business", "businesses") for k in (0, 1, 2)] == [
        "0 businesses", "1 business", "2 businesses"]
    assert [ordinal(k) for k in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


# --------------------------------------------------------- check-in builder
def test_check_in_builder_is_a_network_builder_with_two_sides():
    b = widgets.CheckInNetworkBuilder()
    assert isinstance(b, widgets.NetworkBuilder)
    assert b.add_visit(" Ana ", "Corner Café") == "Added a visit: Ana at Corner Café."
    assert b.add_visit("Ana", "Corner Café") == "Ana has now visited Corner Café 2 times."
    assert b.add_tie("Ben", "Corner Café") == "Added a visit: Ben at Corner Café."
    assert b.graph.nodes["Ana"] == {"bipartite": 0, "kind": "customer"}
    assert b.graph.nodes["Corner Café"] == {"bipartite": 1, "kind": "venue"}
    assert b.graph["Ana"]["Corner Café"]["visits"] == 2
    assert list(b.customer.options) == ["Ana", "Ben"] and list(b.venue.options) == ["Corner Café"]
    assert b.summary() == {"customers": 2, "venues": 1, "visits": 3, "customer-venue pairs": 2,
                           "most customers": "Corner Café"}
    assert "<td>3</td>" in b.metrics.value


def test_check_in_builder_removes_visits_one_at_a_time():
    b = widgets.CheckInNetworkBuilder()
    b.set_visits("Ana - Corner Café\nAna - Corner Café\nBen - Iron Gym")
    assert b.remove_visit("Ana", "Corner Café") == "Removed one visit by Ana to Corner Café."
    assert b.graph["Ana"]["Corner Café"]["visits"] == 1
    b.remove_tie("Ana", "Corner Café")
    assert "Ana" not in b.graph and "Corner Café" not in b.graph and b.graph.has_edge("Ben", "Iron Gym")


@pytest.mark.parametrize("action, message", [
    (lambda b: b.add_visit("", "Café"), "Type a customer and a venue."),
    (lambda b: b.add_visit(None, None), "Type a customer and a venue."),
    (lambda b: b.add_visit("Café", "Café"), "A customer and a venue need different names."),
    (lambda b: b.add_visit("Corner Café", "Iron Gym"), "Corner Café is a venue here, not a customer."),
    (lambda b: b.add_visit("Ben", "Ana"), "Ana is a customer here, not a venue."),
    (lambda b: b.remove_visit("Ana", "Iron Gym"), "There is no visit by Ana to Iron Gym."),
    (lambda b: b.add_person("Zoe"), "Customers and venues join with their first visit: add a visit instead."),
    (lambda b: b.set_visits("Ana Café"),
     "Nothing changed. line 1: 'Ana Café' should name two people, like 'Ana - Ben'"),
    (lambda b: b.set_edges("Ana - Ben\nBen - Gym"), "Nothing changed. Ben appears as a customer and as a venue"),
])
def test_check_in_builder_explains_bad_actions_without_changing_the_graph(action, message):
    b = widgets.CheckInNetworkBuilder()
    b.add_visit("Ana", "Corner Café")
    before = nx.to_dict_of_dicts(b.graph)
    assert action(b) == message
    assert nx.to_dict_of_dicts(b.graph) == before


def test_check_in_builder_list_check_and_buttons():
    b = widgets.CheckInNetworkBuilder(check=checks.check_visits_network)
    assert b.check().status == "invalid"  # empty
    table = "\n".join(f"{c} - {v}" for c, v in checks.VISITS_EXERCISE)
    assert b.set_visits(table) == "The network now has 14 visits by 5 customers."
    assert b.edges.value == table
    b._buttons["Check"].click()
    assert "Correct" in b.status.value
    b._buttons["Clear"].click()
    assert b.graph.number_of_nodes() == 0
    b.customer.value, b.venue.value = "Jo", "Bean There"
    b._buttons["Add visit"].click()
    b._buttons["Add visit"].click()
    assert b.graph["Jo"]["Bean There"]["visits"] == 2
    b._buttons["Remove visit"].click()
    assert b.graph["Jo"]["Bean There"]["visits"] == 1
    b.edges.value = "Jo - Page Turner"
    b._buttons["Use this list"].click()
    assert list(b.graph.edges) == [("Jo", "Page Turner")]


# ------------------------------------------------------------------ drawings
def test_arrival_layout_puts_founders_in_the_middle():
    pos = draw.arrival_layout(100)
    radius = np.hypot(pos[:, 0], pos[:, 1])
    assert pos.shape == (100, 2) and np.all(np.diff(radius) > 0) and radius.max() <= 1


def test_grown_network_and_snapshots_describe_the_market():
    G = models.grow_network(80, 1, 1.0, seed=2)
    picture = draw.grown_network(G, title="Market")
    assert picture.png.startswith(PNG_MAGIC) and "market of 80 businesses" in picture.alt
    leader = max(G, key=G.degree)
    assert f"business {leader} (arrival {leader}) with {G.degree(leader)} ties" in picture.alt
    core = draw.grown_network(G, max_full=50)
    assert "only the top 8" in core.alt
    snaps = draw.growth_snapshots(G, [10, 40, 80], title="Growth")
    assert "3 snapshots" in snaps.alt and "after 10 arrivals 9 ties" in snaps.alt
    assert "an empty market" in draw.grown_network(G, t=0).alt


def test_degree_distribution_and_line_plot_options():
    picture = draw.degree_distribution({"a": [1, 2, 2, 8], "empty": [0, 0]}, title="D")
    assert "a: degrees from 1 to 8" in picture.alt and "empty" not in picture.alt
    line = draw.line_plot({"s": [0.2, 0.3]}, x=[10, 1000], title="L", xlabel="x", ylabel="y", logx=True,
                          ylim=(0, 1))
    assert line.png.startswith(PNG_MAGIC)


def test_bipartite_drawing_describes_both_sides():
    B = datasets.load_davis_southern_women()
    picture = draw.bipartite(B, title="Davis", weight=None)
    assert "18 people on the left, 14 places on the right, 89 ties" in picture.alt
    assert "E8 (14)" in picture.alt and "thicker" not in picture.alt


def test_weighted_network_keeps_heavy_ties_and_groups():
    B = datasets.check_in_city(100, 12, seed=1)
    P = measures.projection(B, 1)
    groups = {"chains": [v for v in P if B.nodes[v]["size"] == "chain"]}
    picture = draw.weighted_network(P, title="W", min_weight=3, highlight=groups)
    heavy = sum(1 for *_, w in P.edges(data="weight") if w >= 3)
    assert f"{heavy} ties of weight 3 or more" in picture.alt and "chains (1)" in picture.alt
    layout = draw.group_layout(P, groups)
    assert set(layout) == set(P) and np.hypot(*layout[groups["chains"][0]]) == pytest.approx(0.3)
