"""Every render function refuses impossible settings with the sentence its explorer shows
(issue 25, item 13): no raw NetworkXError, no picture of a probability of -1 or NaN, no
minutes of work on a size no page uses."""

from __future__ import annotations

import inspect
import math

import pytest

from snb import widgets
from snb.widgets import base, params

RENDERS = sorted(n for n in widgets.__all__ if n.startswith("render_") and n != "render_frames")
DECLARED = [n for n in RENDERS if n != "render_scorecard"]


def _bad_values(rule):
    if isinstance(rule, params.OneOf):
        return ["nothing like it", None, [1], 3]
    values = [rule.low - 1, rule.high + 1, math.nan, math.inf, True, "3", None, 10**400, [1]]
    if isinstance(rule, params.Whole):
        values += [rule.low + 0.5] + ([10**9] if rule.high < 10**9 else [])
    return values


def test_every_render_function_declares_its_settings():
    for name in DECLARED:
        render = getattr(widgets, name)
        declared = getattr(render, "settings", None)
        assert declared, f"{name} does not declare its settings"
        assert set(declared) == set(inspect.signature(render).parameters), name


@pytest.mark.parametrize("name", DECLARED)
def test_impossible_settings_are_refused_with_the_explorers_sentence(name):
    render = getattr(widgets, name)
    for setting, rule in render.settings.items():
        for value in _bad_values(rule):
            with pytest.raises(params.SettingError) as caught:
                render(**{setting: value})
            message = str(caught.value)
            assert message.startswith(rule.label), message
            assert "Error" not in message
            shown = base.setting_message(caught.value)
            assert message in shown and "SettingError" not in shown


def test_limits_match_the_explorers_controls():
    """Every value an explorer's control offers is a value its render function accepts."""
    import ipywidgets as w

    for make in (widgets.cascade_explorer, widgets.adaptation_explorer, widgets.growth_explorer,
                 widgets.community_explorer, widgets.renewal_explorer, widgets.wisdom_explorer,
                 widgets.org_explorer, widgets.centrality_explorer, widgets.give_take_explorer):
        explorer = make()
        rules = explorer.render.settings
        for name, control in explorer.controls.items():
            rule = rules[name]
            if isinstance(rule, params.OneOf):
                assert set(control.options) <= set(rule.options), (make.__name__, name)
            elif isinstance(control, (w.IntSlider, w.FloatSlider, w.BoundedIntText)):
                assert rule.low <= control.min and control.max <= rule.high, (make.__name__, name)
            elif isinstance(control, w.SelectionSlider):
                assert all(rule.low <= v <= rule.high for v in control.options), (make.__name__, name)


def test_a_cross_setting_rule():
    with pytest.raises(params.SettingError, match="cannot be more than people"):
        widgets.render_cascade(n=20, budget=30)


def test_named_issue_cases():
    with pytest.raises(params.SettingError, match="People must be a whole number from 20"):
        widgets.render_wisdom(people=0)
    with pytest.raises(params.SettingError, match="Customers must be a whole number"):
        widgets.render_growth(n=10**9)
    with pytest.raises(params.SettingError, match="from 0 to 1, not -1"):
        widgets.render_cascade(p=-1)


def test_scorecard_refuses_what_is_not_a_contact_and_draws_maths_as_text():
    from snb.models import ego

    with pytest.raises(params.SettingError, match="Contacts must be"):
        widgets.render_scorecard(contacts=[1, 2])
    with pytest.raises(params.SettingError, match="The need must be text"):
        widgets.render_scorecard(need=3)
    contact, problems = ego.make_contact({"name": "$x^$", "industry": "$\\frac{", "place": "Lyon",
                                          "trust": "3", "helps_you": "0", "you_help": "0",
                                          "contacts": "0", "knows": ""}, [])
    assert not problems
    picture = widgets.render_scorecard((contact,))  # mathtext would raise on "$x^$"
    assert "$\\frac{" in picture.alt


def test_scorecard_builder_survives_a_maths_name():
    b = widgets.ScorecardBuilder()
    form = {"industry": "retail", "place": "Lyon", "trust": "3", "helps_you": "0", "you_help": "0",
            "contacts": "0", "knows": ""}
    assert b.add(name="$x^$", **form) == []
    assert b.add(name="Ana", **form) == []
    assert [c.name for c in b.contacts] == ["$x^$", "Ana"]
    assert b.remove("$x^$") == [] and [c.name for c in b.contacts] == ["Ana"]


def test_edge_list_separators_and_a_long_line():
    """Issue 25 item 6: a line of 38,000 spaces made the separator pattern backtrack (19 s).
    No alternative of the pattern may start with a run of spaces (the timing itself is in
    tools/benchmark.py); every separator still splits."""
    from snb.widgets import builders

    pattern = builders._SEPARATOR.pattern
    assert not any(alt.startswith(("\\s*", "\\s+")) for alt in pattern.split("|")), pattern
    for line in ("Ana - Ben", "Ana-Ben", "Ana -> Ben", "Ana → Ben", "Ana -- Ben", "Ana – Ben", "Ana — Ben",
                 "Ana, Ben", "Ana;Ben", "Ana\tBen", "Ana -Ben", "Ana- Ben", "  Ana  ,  Ben  "):
        assert builders.parse_edge_list(line) == ([("Ana", "Ben")], []), line
    assert builders.parse_edge_list("Jean-Paul - Ana") == ([("Jean-Paul", "Ana")], [])
    ties, problems = builders.parse_edge_list("Ana" + " " * 38_000 + "Ben")
    assert ties == [] and problems and "should name two people" in problems[0]
    b = widgets.NetworkBuilder()
    assert "Nothing changed" in b.set_edges("Ana" + " " * 38_000 + "Ben")
