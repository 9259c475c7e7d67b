"""Progress that answers "what is left?" and "who is stuck?" (issue 24, item 4): per exercise
with the book's numbering, solved stays solved with the latest try beside it, stuck learners
named by pseudonym, a warning for an empty folder, skipped files listed with the reason."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import nbformat
import pytest

from snb import progress

ROOT = Path(__file__).resolve().parents[1]
CHECK = "snb.checks.ch01.check_team_basics"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv(progress.ENV, raising=False)


def test_exercises_carry_the_books_numbers():
    exercises = progress.course_exercises(ROOT)
    for page in sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(page, as_version=4).cells if c.cell_type == "markdown")
        in_book = re.findall(r"^### Exercise (\d+\.\d+)", text, re.MULTILINE)
        ours = [e.number for e in exercises if e.chapter == int(page.name[:2])]
        assert ours == in_book, page.name
    contact = next(e for e in exercises if "check_contact_choice" in " ".join(e.checks))
    assert contact.name == "Exercise 5.4"


def test_solved_stays_solved_with_the_latest_try_beside_it(tmp_path, capsys):
    path = tmp_path / "progress.json"
    progress.record(path, CHECK, "incorrect")
    progress.record(path, CHECK, "correct")
    progress.record(path, CHECK, "incorrect")  # trying again after solving it
    entry = progress.read_progress(path)["checks"][CHECK]
    assert entry["status"] == "incorrect" and entry["solved"]
    basics = next(e for e in progress.course_exercises(ROOT) if CHECK in e.checks)
    assert progress.exercise_state(basics, {CHECK: entry}) == "done"
    assert progress.latest_try(basics, {CHECK: entry}).startswith("incorrect, 3 tries")
    assert progress.main(["--root", str(ROOT), "--file", str(path)]) == 0
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if l.startswith("Exercise 1.1"))
    assert "done" in line and "incorrect, 3 tries" in line
    assert "Left: Exercise 1.2" in out


def test_an_older_file_without_solved_still_counts_its_correct_answers(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": progress.FORMAT, "version": 1, "checks": {
        CHECK: {"status": "correct", "time": "2026-12-01T10:00:00Z", "attempts": 1}}}), encoding="utf-8")
    progress.record(path, CHECK, "incorrect")
    assert progress.read_progress(path)["checks"][CHECK]["solved"] == "2026-12-01T10:00:00Z"


def test_class_table_names_stuck_learners_by_pseudonym(tmp_path, capsys):
    folder = tmp_path / "class"
    (folder / "ana.smith").mkdir(parents=True)
    for _ in range(3):
        progress.record(folder / "ana.smith" / "progress.json", CHECK, "incorrect")  # stuck
    progress.record(folder / "bo.json", CHECK, "correct")
    named = folder / "cy.json"
    for _ in range(4):
        progress.record(named, CHECK, "incorrect")
    data = json.loads(named.read_text(encoding="utf-8"))
    named.write_text(json.dumps(dict(data, learner="Team Blue")), encoding="utf-8")
    (folder / "notes.json").write_text("[]", encoding="utf-8")
    out_csv = tmp_path / "class.csv"
    assert progress.main(["--root", str(ROOT), "--class", str(folder), "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    pseudonym = progress.learner_id("ana.smith/progress.json", {})
    assert re.fullmatch(r"L-[0-9a-f]{6}", pseudonym)
    line = next(l for l in out.splitlines() if l.startswith("      1  Exercise 1.1"))
    assert pseudonym in line and "Team Blue" in line and "ana" not in line
    assert "skipped" in out and "notes.json" in out and "1 file skipped" in out
    row = next(r for r in csv.DictReader(out_csv.open(encoding="utf-8")) if r["number"] == "1.1")
    assert row["stuck"] == "2" and pseudonym in row["stuck learners"]
    assert progress.main(["--root", str(ROOT), "--class", str(folder), "--names"]) == 0
    assert "ana.smith/progress.json" in capsys.readouterr().out
