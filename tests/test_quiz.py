"""Self-check quizzes: data checked on the way in, feedback per option in plain HTML."""

import re

import pytest

from snb import quiz

GOOD = {"prompt": "Which network has the shortest paths?", "options": [
    {"text": "a broadcast star", "correct": True, "why": "every listener is two steps from any other"},
    {"text": "a ring <lattice>", "correct": False, "why": "paths go the long way round"}]}


def test_every_option_carries_its_feedback_in_a_details_element():
    html = quiz.show("Chapter 1", [GOOD])._repr_html_()
    options = re.findall(r"<details class=\"snb-quiz-option\">(.*?)</details>", html)
    assert len(options) == 2
    assert "✔ Right" in options[0] and "two steps" in options[0]
    assert "✘ Not quite" in options[1] and "long way round" in options[1]
    assert "<script" not in html  # works with no JavaScript at all
    assert "&lt;lattice&gt;" in html and "<lattice>" not in html  # text is escaped


def test_plain_text_lists_questions_without_answers():
    text = repr(quiz.show("Chapter 1", [GOOD]))
    assert "1. Which network" in text and "A. a broadcast star" in text
    assert "two steps" not in text and "Right" not in text


@pytest.mark.parametrize("bad", [
    {"prompt": "", "options": GOOD["options"]},
    {"prompt": "Q?", "options": GOOD["options"][:1]},
    {"prompt": "Q?", "options": [dict(o, correct=False) for o in GOOD["options"]]},
    {"prompt": "Q?", "options": [dict(GOOD["options"][0], why=""), GOOD["options"][1]]},
    {"prompt": "Q?", "options": [dict(GOOD["options"][0], correct="yes"), GOOD["options"][1]]},
    {"prompt": "Q?", "options": [{"text": "x"}, GOOD["options"][1]]},
    {"question": "Q?", "options": GOOD["options"]},
    "not a question",
])
def test_malformed_questions_are_refused(bad):
    with pytest.raises(ValueError):
        quiz.show("T", [bad])


def test_a_quiz_needs_a_question():
    with pytest.raises(ValueError):
        quiz.show("T", [])


@pytest.mark.parametrize("chapter", [1, 2, 5])
def test_each_chapter_quiz_is_valid_data(chapter):
    q = quiz.load(chapter)
    assert len(q.questions) >= 4
    for question in q.questions:
        assert sum(o.correct for o in question.options) == 1, question.prompt


def test_a_decision_exercise_becomes_a_self_check_with_its_checks_feedback():
    from snb import checks

    q = quiz.from_check("Exercise 3.4", "What do you advise?", checks.MERGE_OPTIONS, checks.check_merge_advice)
    options = q.questions[0].options
    assert [o.correct for o in options] == [letter == "B" for letter in checks.MERGE_OPTIONS]
    for letter, option in zip(checks.MERGE_OPTIONS, options):
        assert option.text == checks.MERGE_OPTIONS[letter]
        assert checks.check_merge_advice(letter).message in option.why
    assert q._repr_html_().count('class="snb-quiz-option"') == len(checks.MERGE_OPTIONS)


def test_chapter_3_has_its_quiz():
    q = quiz.load(3)
    assert q.title.startswith("Chapter 3") and len(q.questions) >= 4


@pytest.mark.parametrize("chapter", [4, 5])
def test_every_number_in_a_quiz_comes_from_its_chapter(chapter):
    """A self-check restates the chapter's results; it must not invent or drift from them."""
    import json
    from pathlib import Path

    import nbformat

    root = Path(__file__).resolve().parents[1]
    data = json.loads((root / "snb" / "data" / f"quiz-{chapter:02d}.json").read_text(encoding="utf-8"))
    text = " ".join([q["prompt"] for q in data["questions"]]
                    + [o[k] for q in data["questions"] for o in q["options"] for k in ("text", "why")])
    numbers = set(re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])", text))
    assert len(numbers) >= 5, "the number finder found too little to be a check"
    sources = []
    for path in sorted((root / "notebooks").glob(f"{chapter:02d}-*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            sources.append(cell.source)
            sources += [str(out.get("text", "")) for out in cell.get("outputs", [])]
    sources = "\n".join(sources)
    invented = sorted(n for n in numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", sources))
    assert invented == [], f"quiz {chapter} states numbers its chapter's pages do not: {invented}"
