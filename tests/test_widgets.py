"""Explorers and the network builder, driven the way a learner's clicks drive them."""

import networkx as nx
import pytest

from snb import checks, widgets
from snb.draw import Picture


@pytest.mark.parametrize("text, ties, problems", [
    ("Ana - Ben\nBen, Chloe\nChloe;Dev\nDev -> Eva",
     [("Ana", "Ben"), ("Ben", "Chloe"), ("Chloe", "Dev"), ("Dev", "Eva")], 0),
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
    (lambda b: b.set_edges("Brand Ana"),
     "Nothing changed. line 1: 'Brand Ana' should name two people, like 'Ana - Ben'"),
])
def test_builder_explains_bad_actions_without_changing_the_graph(action, message):
    b = widgets.NetworkBuilder(people=["Brand"])
    before = nx.to_dict_of_lists(b.graph)
    assert action(b) == message
    assert nx.to_dict_of_lists(b.graph) == before
    assert message.split(".")[0] in b.status.value.replace("&#x27;", "'")


def test_builder_edge_list_replaces_the_network_and_keeps_required_people():
    b = widgets.NetworkBuilder(people=["Brand", "Loner"])
    assert b.set_edges("Brand - Ana\nAna - Ben") == "The network now has 4 people and 2 ties."
    assert b.set_edges("Brand - Cleo") == "The network now has 3 people and 1 tie."
    assert set(b.graph.edges) == {("Brand", "Cleo")}
    assert sorted(b.graph) == ["Brand", "Cleo", "Loner"] and b.edges.value == "Brand - Cleo"
    assert b.clear() == "Cleared: Brand, Loner stay."
    assert sorted(b.graph) == ["Brand", "Loner"] and b.edges.value == ""


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


def test_adaptation_render_caches_each_policy_without_changing_its_numbers():
    """The explorer simulates each policy once per setting it depends on; the values are
    those of compare_policies, and wait and see (no dialogue) ignores p_dialogue."""
    from dataclasses import replace

    from snb.models import POLICIES, compare_policies
    from snb.widgets import ch01

    G = ch01._network("small world", 60, 1)
    for p_dialogue in (0.1, 0.4):
        policies = [POLICIES["wait and see"], POLICIES["step by step"],
                    replace(POLICIES["transformation"], success_probability=0.3)]
        direct = compare_policies(G, policies, runs=6, seed=3, periods=5, p_dialogue=p_dialogue)
        for policy in policies:
            cached = ch01._policy_values(policy, "small world", 60, 1,
                                         p_dialogue if ch01._talks(policy) else None, 5, 6, 3)
            assert cached.tolist() == direct[policy.name].tolist()
    assert not ch01._talks(POLICIES["wait and see"]) and ch01._talks(POLICIES["step by step"])


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


# ------------------------------------------------ issue 14 and layout defects

import ipywidgets as w  # noqa: E402
import matplotlib.text  # noqa: E402

from snb.widgets import base, builders  # noqa: E402


@pytest.mark.parametrize("text, ties", [
    ("Jean-Paul - Ana", [("Jean-Paul", "Ana")]),
    ("Ana – Ben\nBen — Chloe\nChloe–Dev", [("Ana", "Ben"), ("Ben", "Chloe"), ("Chloe", "Dev")]),
    ("Anne-Marie -- Jean-Luc\nMary-Kate, Ana", [("Anne-Marie", "Jean-Luc"), ("Mary-Kate", "Ana")]),
    ("Ana-Ben\nAna -Ben\nAna- Ben", [("Ana", "Ben")] * 3),
    ("Ana → Ben", [("Ana", "Ben")]),
])
def test_parse_edge_list_reads_hyphenated_names_and_typographic_dashes(text, ties):
    assert widgets.parse_edge_list(text) == (ties, [])


def test_parse_edge_list_ambiguous_hyphens_and_long_names_are_problems():
    _, problems = widgets.parse_edge_list("Jean-Paul-Ana")
    assert problems == ["line 1: 'Jean-Paul-Ana' should name two people, like 'Ana - Ben'"]
    _, problems = widgets.parse_edge_list("Ana - " + "x" * 100)
    assert problems == [f"line 1: a name is longer than {builders.MAX_NAME} characters"]


def test_use_this_list_drops_people_no_longer_in_it():
    """Item 4: fixing the typo Dna -> Dan leaves no Dna behind."""
    b = widgets.NetworkBuilder(check=checks.check_two_step_design, people=["Brand"])
    b.set_edges("Brand - Ana\nAna - Dna")
    b.set_edges("Brand - Ana\nAna - Dan")
    assert sorted(b.graph) == ["Ana", "Brand", "Dan"]
    assert "the network has 3 people" in b.check().message
    b.set_edges("Ana - Ben")  # Brand is required: it stays even when the list forgets it
    assert sorted(b.graph) == ["Ana", "Ben", "Brand"]


@pytest.fixture
def shown(monkeypatch):
    """What the builders display in their picture area."""
    seen = []
    monkeypatch.setattr(builders, "display", seen.append)
    return seen


@pytest.mark.parametrize("name", ["$x^$", "$$", "$\\frac$", "$\\alpha$", "50$ and 60$", "\\", "<b>x</b>"])
def test_names_with_maths_or_markup_are_drawn_as_typed(name, shown, monkeypatch):
    """Item 1: a $ in a name never breaks the drawing, and is never typeset."""
    typeset = []
    original = matplotlib.text.Text._preprocess_math
    monkeypatch.setattr(matplotlib.text.Text, "_preprocess_math",
                        lambda self, s: typeset.append(original(self, s)) or typeset[-1])
    b = widgets.NetworkBuilder(people=["Brand"])
    assert b.add_person(name) == f"Added {name}."
    assert b.add_tie("Brand", name) == f"Tied Brand and {name}."
    assert b.set_edges(f"Brand - {name}\n{name} - Ana").startswith("The network now has 3 people")
    assert b.add_person("Zed") == "Added Zed."  # and every later action still draws
    assert all("<img" in item.data for item in shown), [item.data[:80] for item in shown]
    assert (name, False) in typeset and not any(ismath for _, ismath in typeset)
    assert "mathjax_ignore" in b.status.value and "<b>x</b>" not in b.status.value


def test_check_in_builder_draws_maths_names_as_typed(shown):
    c = widgets.CheckInNetworkBuilder()
    assert c.add_visit("$x^$", "Café $$") == "Added a visit: $x^$ at Café $$."
    assert c.set_visits("$\\frac$ - Bar\n$x^$ – Café $$").startswith("The network now has 2 visits")
    assert shown and all("<img" in item.data for item in shown)


def test_a_failing_drawing_is_a_sentence_not_a_traceback(shown, monkeypatch):
    b = widgets.NetworkBuilder(people=["Brand"])
    monkeypatch.setattr(builders.draw, "network", lambda *a, **k: 1 / 0)
    assert b.add_person("Ana") == "Added Ana."
    assert "drawing failed (ZeroDivisionError)" in shown[-1].data


def test_use_this_list_refuses_a_huge_list_and_states_the_limit():
    """Item 3: 10,000 lines are refused, with the limit in the message (the benchmark times it)."""
    b = widgets.NetworkBuilder(people=["Brand"])
    path = "\n".join(f"Person {i} - Person {i + 1}" for i in range(10_000))
    message = b.set_edges(path)
    assert message.startswith("Nothing changed: the list has 10,000 lines")
    assert f"at most {builders.MAX_LINES} lines" in message and f"{builders.MAX_PEOPLE} people" in message
    assert list(b.graph) == ["Brand"]
    huge_name = "x" * 1_000_000
    for action in (lambda: b.set_edges(f"Brand - {huge_name}"), lambda: b.add_person(huge_name),
                   lambda: b.add_tie("Brand", huge_name)):
        message = action()
        assert str(builders.MAX_NAME) in message or str(builders.MAX_LINES) in message
        assert len(message) < 400 and list(b.graph) == ["Brand"]


def test_use_this_list_limits_people_and_accepts_lists_up_to_the_limit():
    b = widgets.NetworkBuilder(people=["Brand"])
    star = "\n".join(f"Brand - P{i}" for i in range(builders.MAX_PEOPLE))
    assert f"at most {builders.MAX_PEOPLE}" in b.set_edges(star)
    fits = "\n".join(f"P{i % 150} - P{(i * 7 + 1) % 150}" for i in range(builders.MAX_LINES))
    assert b.set_edges(fits).startswith("The network now has")
    assert b.graph.number_of_nodes() <= builders.MAX_PEOPLE


def test_builder_plurals():
    b = widgets.NetworkBuilder()
    assert b.set_edges("Ana - Ben") == "The network now has 2 people and 1 tie."
    c = widgets.CheckInNetworkBuilder()
    assert c.set_visits("Ana - Bar") == "The network now has 1 visit by 1 customer."


def test_clear_keeps_brand_and_empties_the_list_box():
    b = widgets.NetworkBuilder(check=checks.check_two_step_design, people=["Brand"])
    b.edges.value = "Brand - Ana"
    b._buttons["Use this list"].click()
    b._buttons["Clear"].click()
    assert list(b.graph) == ["Brand"] and b.edges.value == ""
    assert "Brand stays" in b.status.value


@pytest.mark.parametrize("make", [widgets.cascade_explorer, widgets.growth_explorer])
@pytest.mark.parametrize("typed, kept", [(-1, 0), (2**32, 2**32 - 1), (123, 123)])
def test_random_seed_boxes_are_bounded(make, typed, kept):
    """Item 2: the seed box only holds seeds numpy accepts."""
    seed = make().controls["seed"]
    assert isinstance(seed, w.BoundedIntText) and (seed.min, seed.max) == (0, 2**32 - 1)
    seed.value = typed
    assert seed.value == kept


@pytest.mark.parametrize("topology", sorted(__import__("snb.datasets").datasets.TOPOLOGIES))
def test_cascade_renders_at_the_largest_seed(topology):
    picture = widgets.render_cascade(topology=topology, n=20, seed=base.MAX_SEED, runs=5)
    assert picture.png.startswith(b"\x89PNG")


def _boxes(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _boxes(child)


@pytest.mark.parametrize("make", [widgets.cascade_explorer, widgets.adaptation_explorer,
                                  widgets.growth_explorer])
def test_explorer_controls_fit_from_390_to_1600_px(make):
    explorer = make()
    for name, control in explorer.controls.items():
        desc = float(control.style.description_width.removesuffix("em"))
        assert desc >= min(len(control.description) * 0.6 + 1, 15), (name, control.description)  # label in full
        basis = float(control.layout.flex.split()[-1].removesuffix("em"))
        if isinstance(control, (w.IntSlider, w.FloatSlider, w.SelectionSlider)):
            assert basis - desc >= 15.9  # a track of at least ~13 em beside its readout, never 80 px
        if isinstance(control, w.BoundedIntText):
            assert basis - desc >= 8.9  # ten digits stay visible
        assert basis <= 31  # 390 px is 30 em at 13 px: a control fits a phone on its own row
        assert control.layout.width == "auto" and control.layout.min_width == "0"
    for box in _boxes(explorer.ui):
        if isinstance(box, w.HBox):
            assert "wrap" in box.layout.flex_flow


@pytest.mark.parametrize("make", [lambda: widgets.NetworkBuilder(people=["Brand"]),
                                  widgets.CheckInNetworkBuilder])
def test_builder_rows_wrap_and_fill_the_width(make):
    b = make()
    boxes = list(_boxes(b.ui))
    assert all("wrap" in box.layout.flex_flow for box in boxes if isinstance(box, w.HBox))
    for box in boxes:
        if isinstance(box, (w.Text, w.Combobox, w.Dropdown)):
            assert box.layout.width == "100%" and box.layout.max_width
        if isinstance(box, w.Textarea):
            assert box.layout.flex and box.layout.min_width == "0" and box.layout.max_width
        if isinstance(box, w.Button):
            assert box.layout.width == "auto"


def test_check_in_builder_refuses_huge_names_and_lists_with_short_messages():
    c = widgets.CheckInNetworkBuilder()
    huge = "x" * 1_000_000
    for action in (lambda: c.add_visit(huge, "Bar"), lambda: c.add_visit("Ana", huge),
                   lambda: c.remove_visit(huge, huge), lambda: c.set_visits(f"Ana - {huge}"),
                   lambda: c.set_visits("\n".join(f"C{i} - V{i % 9}" for i in range(10_000)))):
        message = action()
        assert len(message) < 400 and c.graph.number_of_nodes() == 0, message[:100]


def test_growth_renders_at_the_largest_seed():
    assert widgets.render_growth(n=100, seed=base.MAX_SEED).png.startswith(b"\x89PNG")


def test_an_explorer_setting_that_cannot_be_drawn_is_a_sentence(monkeypatch):
    shown = []
    monkeypatch.setattr(base, "display", shown.append)

    def fragile(seed):
        raise ValueError("Seed must be between 0 and 2**32 - 1")

    explorer = base.Explorer({"seed": w.IntText(value=1)}, fragile)
    explorer._show(seed=-1)
    assert "cannot be drawn (ValueError: Seed must be between" in shown[-1].data
