"""A course update keeps a learner's answers: snb.workbook_merge."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest

from snb import workbook_merge

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "exercises" / "01-network-society.ipynb"


def _answer(nb, exercise, text):
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("snb", {})
        if meta.get("exercise") == exercise and meta.get("role") == "answer":
            cell.source = text
            return
    raise AssertionError(f"no answer cell for {exercise}")


@pytest.fixture
def course():
    return nbformat.read(WORKBOOK, as_version=4)


def _exercises(nb):
    return [key for key, _, _ in workbook_merge.segments(nb)[1]]


def test_every_exercise_of_the_workbooks_has_an_id_and_an_answer_cell():
    for path in sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        keys = _exercises(nb)
        assert keys and all(not k.startswith("title:") for k in keys), path.name
        assert len(set(keys)) == len(keys), path.name


def test_an_update_that_changes_one_exercise_keeps_the_other_answers(course):
    keys = _exercises(course)
    assert len(keys) >= 5
    learner = copy.deepcopy(course)
    answered = {}
    for k in keys[:5]:
        try:
            _answer(learner, k, f"answer_for_{k.replace('-', '_')} = 42")
            answered[k] = True
        except AssertionError:
            pass
    assert len(answered) >= 4
    scratch = nbformat.v4.new_code_cell("my own scratch work")
    learner.cells.append(scratch)  # a cell the learner added at the end (last exercise)
    # the course changes the prompt of the second answered exercise
    changed = list(answered)[1]
    update = copy.deepcopy(course)
    for cell in update.cells:
        if cell.get("metadata", {}).get("snb", {}).get("exercise") == changed and \
                cell.metadata["snb"].get("role") == "prompt":
            cell.source += "\n\nA new sentence the course added."
    result = workbook_merge.merge(learner, update)
    text = "\n".join(c.source for c in result.notebook.cells)
    for k in answered:
        name = f"answer_for_{k.replace('-', '_')} = 42"
        assert (name in text) == (k != changed), k
    assert "A new sentence the course added." in text
    assert "my own scratch work" in text
    assert len(result.carried) == len(keys) - 1 and len(result.fresh) == 1


def test_a_new_exercise_and_a_renumbered_one(course):
    keys = _exercises(course)
    learner = copy.deepcopy(course)
    _answer(learner, keys[1], "kept = 1")
    update = copy.deepcopy(course)
    # the update inserts an exercise before the others: numbers move, ids do not
    first = next(i for i, c in enumerate(update.cells) if c.get("metadata", {}).get("snb", {}).get("role") == "prompt")
    new = nbformat.v4.new_markdown_cell("### Exercise 1.1: Something new\n\nA new question.",
                                        metadata={"snb": {"exercise": "ex-01-new", "role": "prompt"}})
    update.cells.insert(first, new)
    result = workbook_merge.merge(learner, update)
    assert result.new == ["Exercise 1.1: Something new"]
    assert "kept = 1" in "\n".join(c.source for c in result.notebook.cells)
    assert result.dropped == []


def test_an_old_copy_without_ids_is_matched_by_title(course):
    learner = copy.deepcopy(course)
    keys = _exercises(course)
    _answer(learner, keys[0], "old = 1")
    for cell in learner.cells:
        cell.get("metadata", {}).pop("snb", None)
    result = workbook_merge.merge(learner, course)
    assert "old = 1" in "\n".join(c.source for c in result.notebook.cells)
    assert result.carried and not result.new
