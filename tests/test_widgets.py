"""Explorers and the network builder, driven the way a learner's clicks drive them."""

import networkx as nx
import pytest

from snb import checks, widgets
from snb.draw import Picture


@pytest.mark.parametrize("text, ties, problems", [
    ("Ana - Ben\nBen, Chloe\nChloe;Dev\nDev -> Eva", [("Ana", "Ben"), ("Ben", "Chloe"), ("Chloe", "Dev"), ("Dev", "Eva")], 0),
    ("\n# a comment\n  Ana -- Ben  \n", [("Ana", "Ben")], 0),
    ("Ana Ben", [], 1),
    ("Ana - Ana", [], 1),
    ("Ana - Ben - Chloe\nBen - Dev", [("Ben", "Dev")], 1),
    ("__import__('os').system('echo hi')", [], 1),
])
def test_parse_edge_list(text, ties, problems):
    parsed, found = widgets.parse_edge_list(text)
    assert parsed == ties
    assert len(found) == problems


def test_parse_edge_list_names_the_bad_line():
    _, problems = widgets.parse_edge_list("Ana - Ben\nAna Ben")
    assert problems == ["line 2: 'Ana Ben' should name two people, like 'Ana - Ben'"]


def test_builder_actions_update_graph_metrics_and_dropdowns():
    b = widgets.NetworkBuilder(people=["Brand"])
    assert b.add_person("  Ana ") == "Added Ana."
    assert b.add_tie("Brand", "Ana") == "Tied Brand and Ana."
    assert b.add_tie("Ana", "Ben") == "Tied Ana and Ben."
    assert set(b.graph.edges) == {("Brand", "Ana"), ("Ana", "Ben")}
    assert list(b.a.options) == ["Ana", "Ben", "Brand"]
    assert b.summary() == {"people": 3, "ties": 2, "density": 0.667, "components": 1, "most ties": 2}
    assert "<td>0.667</td>" in b.metrics.value
    assert b.remove_tie("Ana", "Ben") == "Removed the tie between Ana and Ben."
    assert b.remove_person("Ben") == "Removed Ben and their ties."
    assert sorted(b.graph) == ["Ana", "Brand"]


@pytest.mark.parametrize("action, message", [
    (lambda b: b.add_person(""), "Type a name first."),
    (lambda b: b.add_person(None), "Type a name first."),
    (lambda b: b.add_person("Brand"), "Brand is already in the network."),
    (lambda b: b.add_tie("Brand", "Brand"), "A tie needs two different people."),
    (lambda b: b.add_tie(None, "Brand"), "Choose two people for the tie."),
    (lambda b: b.remove_tie("Brand", "Zed"), "There is no tie between Brand and Zed."),
    (lambda b: b.remove_person("Zed"), "There is no Zed to remove."),
    (lambda b: b.set_edges("Brand Ana"), "Nothing changed. line 1: 'Brand Ana' should name two people, like 'Ana - Ben'"),
])
def test_builder_explains_bad_actions_without_changing_the_graph(action, message):
    b = widgets.NetworkBuilder(people=["Brand"])
    before = nx.to_dict_of_lists(b.graph)
    assert action(b) == message
    assert nx.to_dict_of_lists(b.graph) == before
    assert message.split(".")[0] in b.status.value.replace("&#x27;", "'")


def test_builder_edge_list_replaces_ties_and_keeps_people():
    b = widgets.NetworkBuilder(people=["Brand", "Loner"])
    assert b.set_edges("Brand - Ana\nAna - Ben") == "The network now has 2 ties."
    assert b.set_edges("Brand - Cleo") == "The network now has 1 ties."
    assert set(b.graph.edges) == {("Brand", "Cleo")}
    assert "Loner" in b.graph and b.edges.value == "Brand - Cleo"
    assert b.clear() == "Cleared." and b.graph.number_of_nodes() == 0


def test_builder_check_button_shows_feedback():
    b = widgets.NetworkBuilder(check=checks.check_two_step_design, people=["Brand"])
    assert b.check().status == "unanswered"
    b.set_edges("Brand - A\nBrand - B\nBrand - C\nBrand - D\nA - E\nB - F\nC - G")
    feedback = b.check()
    assert feedback.status == "incorrect" and "talks directly to 4" in feedback.message
    assert "Not yet" in b.status.value
    b.set_edges("Brand - A\nBrand - B\nBrand - C\nA - D\nA - E\nB - F\nC - G")
    assert b.check().correct and "Correct" in b.status.value
    b._buttons["Check"].click()
    assert "Correct" in b.status.value


def test_builder_without_check_says_so():
    b = widgets.NetworkBuilder()
    assert b.check() is None and "no check" in b.status.value


def test_builder_buttons_drive_the_same_actions():
    b = widgets.NetworkBuilder()
    b.name.value = "Ana"
    b._buttons["Add person"].click()
    b.name.value = "Ben"
    b._buttons["Add person"].click()
    b.a.value, b.b.value = "Ana", "Ben"
    b._buttons["Add tie"].click()
    assert list(b.graph.edges) == [("Ana", "Ben")]


def test_cascade_render_is_a_reproducible_picture():
    first = widgets.render_cascade(topology="small world", n=40, p=0.3, seeding="peer", budget=2, seed=5)
    second = widgets.render_cascade(topology="small world", n=40, p=0.3, seeding="peer", budget=2, seed=5)
    assert isinstance(first, Picture) and first.png.startswith(b"\x89PNG")
    assert first.alt == second.alt and "network of 40 people" in first.alt
    assert "histogram of reach over 100 runs" in first.alt


def test_adaptation_render_mentions_every_policy():
    picture = widgets.render_adaptation(topology="small world", n=60, runs=5, periods=4)
    for name in ("wait and see", "step by step", "transformation"):
        assert name in picture.alt


@pytest.mark.parametrize("make, names", [
    (widgets.cascade_explorer, {"topology", "n", "p", "seeding", "budget", "seed"}),
    (widgets.adaptation_explorer, {"topology", "p_dialogue", "success", "periods"}),
])
def test_explorers_expose_controls_matching_the_render_function(make, names):
    explorer = make()
    assert set(explorer.controls) == names
    values = explorer.values()
    assert set(values) == names
    explorer.controls["topology"].value = "small world"
    assert explorer.values()["topology"] == "small world"
