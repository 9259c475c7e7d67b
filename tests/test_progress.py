"""snb.progress: checks record their latest result safely, and the tables read it back."""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import threading
from pathlib import Path

import nbformat
import pytest

from snb import checks, files, progress

ROOT = Path(__file__).resolve().parents[1]
CHECK = "snb.checks.ch01.check_team_basics"
ODD_NAME = "Mein Ärbeitsplatz · ñ"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """An empty workspace (marker only) whose name has spaces and non-ASCII letters."""
    monkeypatch.delenv(progress.ENV, raising=False)
    ws = tmp_path / ODD_NAME
    (ws / "workbooks").mkdir(parents=True)
    (ws / progress.MARKER_NAME).write_text("{}", encoding="utf-8")
    return ws


def _entries(path):
    return progress.read_progress(path)["checks"]


def _aside_files(folder):
    return sorted(folder.glob(f"{progress.PROGRESS_NAME}.unreadable-*"))


# ------------------------------------------------------------ where to record
def test_records_only_inside_a_workspace_or_where_the_environment_says(workspace, tmp_path, monkeypatch):
    assert progress.progress_file(workspace / "workbooks") == workspace / "progress.json"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert progress.progress_file(outside) is None
    monkeypatch.setenv(progress.ENV, str(tmp_path / "mine.json"))
    assert progress.progress_file(outside) == tmp_path / "mine.json"
    for off in ("off", "0", "OFF"):
        monkeypatch.setenv(progress.ENV, off)
        assert progress.progress_file(workspace / "workbooks") is None


@pytest.mark.parametrize("folder", ["", "solutions", "notebooks", "exercises", "tests"])
def test_the_course_folders_never_record(folder, monkeypatch):
    """Tests, nbval and the book build run the checks from these folders: nothing is written."""
    monkeypatch.delenv(progress.ENV, raising=False)
    assert progress.progress_file(ROOT / folder) is None


def test_a_check_in_the_workspace_records_status_time_and_no_answer(workspace, monkeypatch):
    monkeypatch.chdir(workspace / "workbooks")
    secret = 0.123456789
    assert checks.check_team_basics(secret, {"Nobody here"}).status == "invalid"
    assert checks.check_two_step_reach(...).status == "unanswered"
    path = workspace / "progress.json"
    entries = _entries(path)
    assert entries[CHECK]["status"] == "invalid" and entries[CHECK]["attempts"] == 1
    assert entries[CHECK]["time"].endswith("Z")
    reach = entries["snb.checks.ch01.check_two_step_reach"]
    assert reach["status"] == "unanswered" and reach["attempts"] == 0, "a placeholder is not an attempt"
    text = path.read_text(encoding="utf-8")
    assert "0.1234" not in text and "Nobody" not in text, "the answer itself is never stored"


def test_latest_result_wins_and_attempts_count(workspace):
    path = workspace / "progress.json"
    for status in ("incorrect", "invalid", "unanswered", "correct"):
        assert progress.record(path, CHECK, status)
    entry = _entries(path)[CHECK]
    assert entry | {"time": None, "solved": None} == {"status": "correct", "attempts": 3, "time": None,
                                                      "solved": None}
    assert entry["solved"] == entry["time"], "solved when first correct"


# ---------------------------------------------------------------- faults
BAD_FILES = {
    "empty": b"",
    "truncated": b'{"format": "snb-progress", "version": 1, "checks": {"snb.checks.ch01.che',
    "not JSON": b"status: correct\n",
    "binary": b"\xff\xfe\x00\x01",
    "JSON list": b"[1, 2, 3]",
    "foreign JSON": b'{"name": "my notes", "items": []}',
    "bad checks": b'{"format": "snb-progress", "version": 1, "checks": []}',
    "bad status": b'{"format": "snb-progress", "version": 1, "checks": {"x": {"status": "great"}}}',
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_an_unreadable_file_is_kept_aside_and_a_new_one_started(content, workspace, capsys):
    path = workspace / "progress.json"
    path.write_bytes(content)
    assert progress.record(path, CHECK, "correct")
    kept = _aside_files(workspace)
    assert len(kept) == 1 and kept[0].read_bytes() == content, "the old file is kept byte for byte"
    assert _entries(path)[CHECK]["status"] == "correct"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be read" in err and kept[0].name in err
    assert "Traceback" not in err


def test_a_corrupt_file_never_changes_the_check_result(workspace, monkeypatch, capsys):
    monkeypatch.chdir(workspace / "workbooks")
    (workspace / "progress.json").write_text("{not json", encoding="utf-8")
    inside = checks.check_team_basics(0.5, {"Nobody here"})
    monkeypatch.setenv(progress.ENV, "off")
    outside = checks.check_team_basics(0.5, {"Nobody here"})
    assert inside == outside
    assert "Traceback" not in capsys.readouterr().err
    assert len(_aside_files(workspace)) == 1


def test_a_read_only_file_is_left_alone(workspace, capsys):
    path = workspace / "progress.json"
    assert progress.record(path, CHECK, "incorrect")
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        assert not progress.record(path, CHECK, "correct")
        assert path.read_bytes() == before
        err = capsys.readouterr().err
        assert "read-only" in err and err.count("\n") == 1
        assert not progress.record(path, CHECK, "correct")
        assert capsys.readouterr().err == "", "the same problem is reported once"
    finally:
        path.chmod(0o644)


def test_a_read_only_folder_loses_nothing(workspace, monkeypatch, capsys):
    path = workspace / "progress.json"
    assert progress.record(path, CHECK, "incorrect")
    before = path.read_bytes()
    if os.geteuid() == 0:
        # root may write in a read-only folder; simulate the refusal the learner would get
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    else:
        workspace.chmod(0o555)
    try:
        assert not progress.record(path, CHECK, "correct")
    finally:
        workspace.chmod(0o755)
    assert path.read_bytes() == before
    assert list(workspace.glob(".progress.json.*.tmp")) == []
    err = capsys.readouterr().err
    assert "no permission to write" in err and err.count("\n") == 1


def test_a_missing_folder_gets_a_message_not_an_error(tmp_path, capsys):
    assert not progress.record(tmp_path / "gone" / "progress.json", CHECK, "correct")
    assert "does not exist" in capsys.readouterr().err


def test_two_threads_at_the_same_moment_both_record(workspace):
    path = workspace / "progress.json"
    start = threading.Barrier(8)

    def work(i):
        start.wait()
        for _ in range(10):
            progress.record(path, f"check_{i}", "incorrect")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries = _entries(path)
    assert {k: v["attempts"] for k, v in entries.items()} == {f"check_{i}": 10 for i in range(8)}


def _write_many(path, name, start):
    start.wait()
    for _ in range(10):
        assert progress.record(Path(path), name, "incorrect")


@pytest.mark.slow  # four processes: make slow-test, not make unit
def test_two_processes_at_the_same_moment_both_record(workspace):
    path = workspace / "progress.json"
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(4)
    procs = [context.Process(target=_write_many, args=(str(path), f"check_{i}", start)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    assert {k: v["attempts"] for k, v in _entries(path).items()} == {f"check_{i}": 10 for i in range(4)}
    assert list(workspace.glob(".progress.json.*.tmp")) == [], "no temporary file is left behind"


# ---------------------------------------------------------------- exercises and tables
def test_every_exercise_of_the_course_is_found_with_its_checks():
    exercises = progress.course_exercises(ROOT)
    chapters = {int(p.name[:2]) for p in (ROOT / "solutions").glob("[0-9][0-9]-*.ipynb")}
    assert {ex.chapter for ex in exercises} == chapters
    labels = [ex.label for ex in exercises]
    assert len(labels) == len(set(labels))
    for ex in exercises:
        assert ex.label.startswith(f"ex-{ex.chapter:02d}-"), ex
        assert ex.checks, f"{ex.label} has no check"
        for name in ex.checks:
            module, func = name.rsplit(".", 1)
            # a chapter's checks live in snb/checks/chNN.py or a topic module chNN_topic.py
            assert module.split(".")[-1].split("_")[0] == f"ch{ex.chapter:02d}", \
                f"{name} is not in chapter {ex.chapter}'s checks"
            assert callable(getattr(checks, func))


def _page(*exercises):
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [md("# Exercises")]
    for label, check in exercises:
        head = f"```{{exercise-start}} About {check}\n" + (f":label: {label}\n" if label else "") + "```"
        cells += [md(head), md("```{exercise-end}\n```"),
                  code(f"# BEGIN SOLUTION\nx = 1\n# END SOLUTION\nchecks.{check}(x)")]
    return nbformat.v4.new_notebook(cells=cells)


def test_a_chapter_split_over_several_pages_counts_every_exercise(tmp_path):
    (tmp_path / "solutions").mkdir()
    nbformat.write(_page(("ex-03-a", "check_team_basics")), tmp_path / "solutions" / "03-one.ipynb")
    nbformat.write(_page(("ex-03-b", "check_co_visits"), (None, "check_concentration")),
                   tmp_path / "solutions" / "03-two.ipynb")
    exercises = progress.course_exercises(tmp_path)
    assert [(e.chapter, e.label) for e in exercises] == [(3, "ex-03-a"), (3, "ex-03-b"), (3, "ex-03-2")]
    assert exercises[1].checks == ("snb.checks.ch02.check_co_visits",)
    assert exercises[0].title == "About check_team_basics"


def _ex(chapter, label, *names):
    return progress.Exercise(chapter, label, label, tuple(names))


def test_chapter_table_counts_done_attempted_and_not_started():
    exercises = [_ex(1, "a", "c.a"), _ex(1, "b", "c.b"), _ex(1, "c", "c.c"), _ex(2, "d", "c.d", "c.e")]
    recorded = {"c.a": {"status": "correct", "attempts": 1},
                "c.b": {"status": "incorrect", "attempts": 2},
                "c.c": {"status": "unanswered", "attempts": 0},
                "c.d": {"status": "correct", "attempts": 1}}
    rows = progress.chapter_table(exercises, recorded)
    assert rows == [{"chapter": 1, "exercises": 3, "done": 1, "attempted": 1, "not started": 1},
                    {"chapter": 2, "exercises": 1, "done": 0, "attempted": 1, "not started": 0}]


def test_learner_report_prints_a_table_per_chapter(workspace, capsys):
    progress.record(workspace / "progress.json", CHECK, "correct")
    assert progress.main(["--root", str(ROOT), "--workspace", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert "Exercise 1.1" in out and "chapter  exercises  done  attempted  not started" in out
    n1 = sum(e.chapter == 1 for e in progress.course_exercises(ROOT))
    assert f"      1  {n1:9d}     1          0  {n1 - 1:11d}" in out
    assert f"1 of {len(progress.course_exercises(ROOT))} exercises done" in out


def test_learner_report_without_a_file_or_with_a_bad_one(workspace, capsys):
    assert progress.main(["--root", str(ROOT), "--workspace", str(workspace)]) == 0
    assert "No progress recorded yet" in capsys.readouterr().out
    (workspace / "progress.json").write_text("[]", encoding="utf-8")
    assert progress.main(["--root", str(ROOT), "--workspace", str(workspace)]) == 1
    assert "not an snb progress file" in capsys.readouterr().out
    assert (workspace / "progress.json").read_text(encoding="utf-8") == "[]", "only reading"


def test_class_view_counts_per_exercise_names_bad_files_and_writes_csv(tmp_path, capsys):
    folder = tmp_path / "class 2026 ü"
    (folder / "hub" / "bo").mkdir(parents=True)
    for _ in range(3):
        progress.record(folder / "ana.json", CHECK, "incorrect")            # stuck
    progress.record(folder / "hub" / "bo" / "progress.json", CHECK, "correct")  # done
    progress.record(folder / "cy.json", CHECK, "invalid")                  # attempted
    (folder / "broken.json").write_text('{"format": "snb-prog', encoding="utf-8")
    (folder / "other.json").write_text('{"a": 1}', encoding="utf-8")
    out_csv = tmp_path / "summary.csv"
    assert progress.main(["--root", str(ROOT), "--class", str(folder), "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "Class progress: 3 learners" in out
    assert f"skipped {folder / 'broken.json'}: it is not valid JSON" in out
    assert f"skipped {folder / 'other.json'}: it is JSON but not an snb progress file" in out
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert len(rows) == len(progress.course_exercises(ROOT))
    basics = next(r for r in rows if r["exercise"] == "ex-01-basics")
    assert (basics["learners"], basics["done"], basics["attempted"], basics["stuck"], basics["not started"]) == (
        "3", "1", "2", "1", "0")
    other = next(r for r in rows if r["exercise"] != "ex-01-basics")
    assert other["not started"] == "3"
    assert (folder / "broken.json").read_text(encoding="utf-8") == '{"format": "snb-prog', "left as it was"


def test_odd_attempt_counts_start_again_from_zero(workspace):
    path = workspace / "progress.json"
    path.write_text(json.dumps({"format": progress.FORMAT, "version": 1,
                                "checks": {CHECK: {"status": "incorrect", "attempts": "many"}}}), encoding="utf-8")
    assert progress.record(path, CHECK, "incorrect")
    assert _entries(path)[CHECK]["attempts"] == 1


def test_class_view_of_an_empty_folder_warns(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("no progress here", encoding="utf-8")
    assert progress.main(["--root", str(ROOT), "--class", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "Warning: no progress files found" in out and "chapter" not in out


def test_class_view_of_a_missing_folder_says_so(tmp_path, capsys):
    assert progress.main(["--root", str(ROOT), "--class", str(tmp_path / "nope")]) == 1
    assert "is not a folder" in capsys.readouterr().out
