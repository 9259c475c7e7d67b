"""A course update never costs a learner an answer: a real pull between two clones, then
`make workspace` (snb.workspace add) carries every answer whose question did not change."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from snb import exercisegen, workspace

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = "01-network-society.ipynb"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def _answer_cells(nb):
    return [c for c in nb.cells if c.get("metadata", {}).get("snb", {}).get("role") == "answer"]


@pytest.mark.slow
def test_a_pull_that_changes_one_exercise_keeps_the_other_answers(tmp_path):
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("not a git checkout")
    bare = tmp_path / "course.git"
    git("clone", "--quiet", "--bare", "--depth", "1", ROOT.as_uri(), str(bare), cwd=tmp_path)
    author, learner = tmp_path / "author", tmp_path / "learner"
    git("clone", "--quiet", str(bare), str(author), cwd=tmp_path)
    git("clone", "--quiet", str(bare), str(learner), cwd=tmp_path)
    for clone in (author, learner):
        git("config", "user.email", "t@example.org", cwd=clone)
        git("config", "user.name", "Test", cwd=clone)

    # the learner makes their workspace and answers five exercises
    mine = learner / "my-work"
    workspace.add_missing(learner, mine, lessons=False)
    path = mine / "workbooks" / WORKBOOK
    nb = nbformat.read(path, as_version=4)
    answers = _answer_cells(nb)[:5]
    assert len(answers) == 5
    for k, cell in enumerate(answers):
        cell.source = f"my_answer_{k} = {k}  # typed by the learner"
    nbformat.write(nb, path)
    changed = answers[2].metadata["snb"]["exercise"]

    # the author changes that exercise's question and publishes
    solution = author / "solutions" / WORKBOOK
    sol = json.loads(solution.read_text(encoding="utf-8"))
    for cell in sol["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and f":label: {changed}" in source:
            cell["source"] = source + "\n\nThe course now asks this a little differently."
            break
    else:
        pytest.fail(f"no exercise-start for {changed}")
    solution.write_text(json.dumps(sol, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert exercisegen.main(["--root", str(author)]) == 0
    git("commit", "--quiet", "-am", "Exercise changed", cwd=author)
    git("push", "--quiet", cwd=author)

    # the learner pulls (their workspace is untracked: git never touches it) and updates
    git("pull", "--quiet", cwd=learner)
    assert "my_answer_0" in path.read_text(encoding="utf-8"), "a pull must not touch my-work/"
    report = workspace.add_missing(learner, mine, lessons=False)
    [(target, backup, result)] = report.merged
    assert target == path and backup.exists()
    text = path.read_text(encoding="utf-8")
    for k in range(5):
        assert (f"my_answer_{k} = {k}" in text) == (k != 2), k
    assert "The course now asks this a little differently." in text
    assert len(result.fresh) == 1 and changed in json.dumps(
        [c.metadata for c in nbformat.read(path, as_version=4).cells])
    # the old file, byte for byte, is the backup: nothing the learner wrote is lost
    assert "my_answer_2 = 2" in backup.read_text(encoding="utf-8")
    # a second run changes nothing
    again = workspace.add_missing(learner, mine, lessons=False)
    assert again.merged == [] and again.newer == []


def test_one_exercise_can_be_reset_alone(tmp_path):
    mine = tmp_path / "my-work"
    workspace.add_missing(ROOT, mine, lessons=False)
    path = mine / "workbooks" / WORKBOOK
    nb = nbformat.read(path, as_version=4)
    for k, cell in enumerate(_answer_cells(nb)[:3]):
        cell.source = f"mine_{k} = {k}"
    nbformat.write(nb, path)
    target, backup = workspace.reset_exercise(ROOT, mine, "1.2")
    text = target.read_text(encoding="utf-8")
    second = [c for c in _answer_cells(nbformat.read(path, as_version=4))][1]
    assert "mine_0 = 0" in text and "mine_2 = 2" in text and "mine_1 = 1" not in text
    assert "..." in second.source and "mine_1 = 1" in backup.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="no Exercise 1.99"):
        workspace.reset_exercise(ROOT, mine, "1.99")


def test_a_learner_can_copy_the_worked_solutions(tmp_path):
    mine = tmp_path / "my-work"
    done = workspace.copy_solution(ROOT, mine, 3)
    assert done and all(copied for _, copied in done)
    first = done[0][0]
    assert first.parent == mine / "solutions" and first.is_file()
    first.write_text("my notes", encoding="utf-8")
    again = workspace.copy_solution(ROOT, mine, 3)
    assert not again[0][1] and first.read_text(encoding="utf-8") == "my notes"
    out = subprocess.run([sys.executable, "-m", "snb.workspace", "--root", str(ROOT), "--workspace",
                          str(mine), "solution", "x"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "is not a chapter number" in out.stdout
