"""Chapter 5 explorers: controls match the pure render functions; pictures carry their numbers."""

import inspect

import pytest
from helpers import no_pyplot_figures_left  # noqa: F401 (a fixture)

from snb import datasets, widgets
from snb.draw import Picture
from snb.models import influence

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.usefixtures("no_pyplot_figures_left")


def test_centrality_explorer_controls_match_the_render_function():
    explorer = widgets.centrality_explorer()
    parameters = inspect.signature(widgets.render_centrality).parameters
    assert set(explorer.controls) == set(parameters) == {"network", "measure"}
    for name, control in explorer.controls.items():
        assert control.value == parameters[name].default
    assert list(explorer.controls["measure"].options) == list(influence.MEASURES)
    assert list(explorer.controls["network"].options) == list(widgets.CENTRALITY_NETWORKS)


@pytest.mark.parametrize("network", ["Florentine marriages", "monastery liking, wave 3"])
@pytest.mark.parametrize("measure", list(influence.MEASURES))
def test_render_names_the_top_three_in_its_alt_text(network, measure):
    picture = widgets.render_centrality(network, measure)
    assert isinstance(picture, Picture) and picture.png.startswith(PNG_MAGIC)
    assert picture.alt == widgets.render_centrality(network, measure).alt
    G = datasets.load_florentine_families() if network.startswith("Florentine") else datasets.load_sampson()
    scores = influence.centralities(G)[measure]
    top = influence.ranking(scores, 3)
    assert f"Highest: {top[0]} {scores[top[0]]:.2f}" in picture.alt
    assert f"{G.number_of_nodes()} nodes" in picture.alt


def test_render_refuses_unknown_settings():
    with pytest.raises(ValueError):
        widgets.render_centrality(network="a network nobody knows")
    with pytest.raises(ValueError):
        widgets.render_centrality(measure="fame")


# ---------------------------------------------------------------- the scorecard builder
from snb.models import ego  # noqa: E402


def _example():
    return ego.parse_contacts_csv(ego.EXAMPLE_CSV)[0]


def test_render_scorecard_carries_the_scorecard_in_its_alt_text():
    picture = widgets.render_scorecard(tuple(_example()), "logistics, Berlin")
    assert isinstance(picture, Picture) and picture.png.startswith(PNG_MAGIC)
    assert "8 contacts" in picture.alt and "bridges: effective size: 6.25" in picture.alt
    assert "relevance: 0.38" in picture.alt
    assert "no contacts yet" in widgets.render_scorecard().alt
    one = ego.parse_contacts_csv("name,industry,place,trust\nAna,retail,Lyon,3")[0]
    assert "1 contact " in widgets.render_scorecard(tuple(one)).alt


def test_builder_form_keeps_entries_on_a_bad_entry_and_clears_them_on_success():
    builder = widgets.ScorecardBuilder()
    form = builder.form
    for name, value in {"name": "Ana", "industry": "retail", "place": "Lyon", "trust": "9"}.items():
        form[name].value = value
    builder.buttons["Add contact"].click()
    assert builder.contacts == [] and "out of range" in builder.status.value and "Not added" in builder.status.value
    assert form["name"].value == "Ana" and form["trust"].value == "9"  # nothing lost
    form["trust"].value = "4"
    builder.buttons["Add contact"].click()
    assert [c.name for c in builder.contacts] == ["Ana"] and form["name"].value == ""
    assert "Added Ana" in builder.status.value


def test_builder_csv_is_all_or_nothing_and_keeps_what_was_there():
    builder = widgets.ScorecardBuilder()
    assert builder.load_csv(ego.EXAMPLE_CSV) == [] and len(builder.contacts) == 8
    problems = builder.load_csv("name,industry,place,trust\nZed,x,y,3\nAna,x,y,3\n")
    assert "already in your list" in problems[0] and len(builder.contacts) == 8
    assert "Nothing loaded; your list is unchanged" in builder.status.value
    assert builder.load_csv("this is not, a contacts file") and len(builder.contacts) == 8
    builder.csv_box.value = "name,industry,place,trust\nZed,x,y,3\n"
    builder.buttons["Load CSV"].click()
    assert len(builder.contacts) == 9


def test_builder_upload_remove_and_need():
    builder = widgets.ScorecardBuilder(csv_text=ego.EXAMPLE_CSV)
    builder._uploaded({"new": ({"name": "c.csv", "content": memoryview(ego.EXAMPLE_CSV.encode())},)})
    assert len(builder.contacts) == 8
    builder._uploaded({"new": ({"name": "c.csv", "content": memoryview(b"\xff\xfe\x00bad")},)})
    assert "not UTF-8" in builder.status.value and len(builder.contacts) == 8
    builder.remove("Gus")
    assert "Gus" not in {c.name for c in builder.contacts} and "Removed Gus" in builder.status.value
    assert builder.remove("Nobody") and len(builder.contacts) == 7
    builder.set_need("logistics, Berlin")
    assert builder.scorecard()["relevance"]["value"] == pytest.approx(2 / 7)
    table = widgets.scorecard_table(tuple(builder.contacts), builder.need)._repr_html_()
    assert "relevance" in table


# ---------------------------------------------------------------- give-and-take explorer
def test_give_take_explorer_controls_match_the_render_function():
    explorer = widgets.give_take_explorer()
    parameters = inspect.signature(widgets.render_give_take).parameters
    assert set(explorer.controls) == set(parameters) == {"takers", "benefit_cost", "network", "seed"}
    for name, control in explorer.controls.items():
        assert control.value == parameters[name].default


@pytest.mark.parametrize("settings, verdict", [
    ({}, "contributors thrive"), ({"benefit_cost": 2.0}, "takers drain the network"),
    ({"takers": 0.0}, "no clear change"), ({"takers": 1.0, "network": "scale-free"}, "no clear change"),
    ({"benefit_cost": 0.0, "network": "ring lattice"}, "takers drain"),
])
def test_give_take_render_states_its_verdict(settings, verdict):
    from snb.models import reciprocity

    picture = widgets.render_give_take(**settings)
    assert isinstance(picture, Picture) and picture.png.startswith(PNG_MAGIC) and verdict in picture.alt
    run = reciprocity.simulate(settings.get("network", "random regular"), k=4,
                               benefit_cost=settings.get("benefit_cost", 5.0), takers=settings.get("takers", 0.5))
    assert f"to {run['contributors'][0, -1]:.2f}" in picture.alt




def test_scorecard_builder_in_the_static_book_is_a_notice_and_the_scorecard(monkeypatch):
    """Run for the static book (no kernel), the form would be dead: a notice instead, with the
    example's drawing and table, and no widget at all."""
    import ipywidgets as w
    from IPython.core.interactiveshell import InteractiveShell

    from snb.models import ego

    builder = widgets.ScorecardBuilder(csv_text=ego.EXAMPLE_CSV)
    monkeypatch.setenv("SNB_STATIC_BOOK", "unused")
    shown = []
    monkeypatch.setattr("snb.widgets.ch05.display", lambda obj: shown.append(obj))
    builder._ipython_display_()
    formatter = InteractiveShell.instance().display_formatter
    html = [formatter.format(obj)[0].get("text/html", "") for obj in shown]
    assert 'class="snb-needs-kernel"' in html[0] and "needs Python running" in html[0]
    assert isinstance(shown[1], Picture) and "scorecard" in shown[1].alt.lower()
    assert "relevance" in html[2]
    assert not any(isinstance(obj, w.Widget) for obj in shown)
