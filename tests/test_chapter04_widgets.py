"""Chapter 4 pictures and the org explorer: pure render functions with alt text."""

import pytest
from helpers import no_pyplot_figures_left  # noqa: F401

from snb import datasets, draw, widgets
from snb.models import firm
from snb.widgets import ch04

pytestmark = pytest.mark.usefixtures("no_pyplot_figures_left")


def test_formal_and_informal_share_one_layout_and_describe_the_picture():
    K = datasets.krackhardt_managers()
    picture = widgets.formal_and_informal(K.reports_to, K.advice, title="managers", highlight=[1])
    assert isinstance(picture, draw.Picture) and picture.png.startswith(b"\x89PNG")
    assert "20 reporting lines" in picture.alt and "190 ties" in picture.alt
    assert "2 (asked by 18)" in picture.alt and "Circled: 1." in picture.alt
    pos = ch04.chart_layout(K.reports_to)
    assert pos[7][1] == max(p[1] for p in pos.values())  # the CEO on top
    assert all(pos[v][1] < pos[boss][1] for v, boss in K.reports_to.edges)  # everyone below their boss


@pytest.mark.parametrize("who", ch04.REMOVALS)
def test_render_org_removes_the_named_person(who):
    picture = widgets.render_org(who, block=0.2, people=50, seed=2)
    assert isinstance(picture, draw.Picture)
    assert "20% of cross-department ties blocked" in picture.alt
    F = firm.synthetic_firm(50, 5, brokers=4, seed=2)
    person = ch04.person_to_remove(F, who, 2)
    if who == "nobody":
        assert person is None and "nobody removed" in picture.alt
    else:
        assert f"(person {person})" in picture.alt
    if who == "a planted broker":
        assert person in F.brokers
    if who == "the CEO":
        assert person == 0


def test_render_org_reports_losses_and_estimates_for_large_firms():
    nothing = widgets.render_org()
    assert "reach lost 0.0 %, efficiency lost 0.0 %" in nothing.alt
    blocked = widgets.render_org(block=1.0)
    assert "reach lost 0.0 %" not in blocked.alt
    large = widgets.render_org(people=2000)
    assert f"estimated from {ch04.SAMPLE} people's paths" in large.alt
    with pytest.raises(ValueError):
        widgets.render_org("the janitor")


def test_org_explorer_controls():
    explorer = widgets.org_explorer()
    assert set(explorer.controls) == {"remove", "block", "people", "seed"}
    assert list(explorer.controls["remove"].options) == list(ch04.REMOVALS)
    assert 2000 in explorer.controls["people"].options


def test_chapter_4_quiz_is_valid_data():
    from snb import quiz

    q = quiz.load(4)
    assert len(q.questions) >= 4
    for question in q.questions:
        assert sum(o.correct for o in question.options) == 1, question.prompt
