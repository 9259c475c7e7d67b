"""The workspace and the Makefile's variables (issue 25, items 8, 11 and 14): a damaged course
notebook stops `make workspace` before anything is copied; an empty WORKSPACE= or the course
folder itself is refused; CH, WORKSPACE, DIR and CSV reach Python as one literal argument."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from snb import progress, workspace

ROOT = Path(__file__).resolve().parents[1]
needs_make = pytest.mark.skipif(shutil.which("make") is None or not (ROOT / ".venv/bin/python").exists(),
                                reason="needs make and the course's .venv to run the Makefile's targets")


@pytest.fixture
def course(tmp_path):
    root = tmp_path / "course"
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): (b"" if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))} if folder.exists() else {}


def test_a_damaged_course_notebook_stops_before_anything_is_copied(course, tmp_path, capsys):
    ws = tmp_path / "ws"
    workbooks = sorted((course / "exercises").glob("[0-9][0-9]-*.ipynb"))
    workbooks[len(workbooks) // 2].write_text('{"cells": [', encoding="utf-8")  # cut off mid-file
    with pytest.raises(workspace.WorkspaceError, match="nothing was copied"):
        workspace.add_missing(course, ws)
    assert not ws.exists()
    assert workspace.main(["--root", str(course), "--workspace", str(ws), "add"]) == 1
    assert workbooks[len(workbooks) // 2].name in capsys.readouterr().out
    assert not ws.exists(), "a half-made workspace (some workbooks, no marker)"


def test_a_damaged_notebook_leaves_an_existing_workspace_as_it_was(course, tmp_path):
    ws = tmp_path / "ws"
    workspace.add_missing(course, ws)
    (course / "exercises" / "99-new.ipynb").write_text("not json", encoding="utf-8")
    before = _tree(ws)
    with pytest.raises(workspace.WorkspaceError):
        workspace.add_missing(course, ws)
    assert _tree(ws) == before


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_workspace_is_refused(course, value, capsys):
    assert workspace.main(["--root", str(course), "--workspace", value, "add"]) == 2
    assert "WORKSPACE= is empty" in capsys.readouterr().out
    assert not (course / progress.MARKER_NAME).exists() and not (course / "workbooks").exists()
    assert progress.main(["--root", str(course), "--workspace", value]) == 2


@pytest.mark.parametrize("inside", [".", "notebooks", "exercises/deeper"])
def test_the_course_folder_is_not_a_workspace(course, inside, capsys):
    target = course / inside
    assert workspace.main(["--root", str(course), "--workspace", str(target), "add"]) == 2
    assert "folder of its own" in capsys.readouterr().out
    assert not (target / progress.MARKER_NAME).exists()


def test_a_link_where_a_copy_would_go_is_left_alone(course, tmp_path):
    ws = tmp_path / "ws"
    (ws / "workbooks").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    first = sorted((course / "exercises").glob("[0-9][0-9]-*.ipynb"))[0].name
    os.symlink(victim, ws / "workbooks" / first)
    os.symlink(victim, ws / progress.MARKER_NAME)  # the marker is rewritten: never through a link
    with pytest.raises(workspace.WorkspaceError, match="symbolic link"):
        workspace.add_missing(course, ws)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in (ws / "workbooks").iterdir()) == [first], "copied before refusing"
    os.unlink(ws / progress.MARKER_NAME)
    report = workspace.add_missing(course, ws)
    assert ws / "workbooks" / first in report.kept and victim.read_text(encoding="utf-8") == "precious"


def _make(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "-s", "--no-print-directory", "-o", ".venv/bin/.installed", *args],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow  # 20 runs of make, each starting Python: make slow-test, not make unit
@needs_make
def test_make_variables_never_reach_the_shell_or_make(tmp_path):
    pwned = tmp_path / "pwned"
    tricks = [f'01"; touch {pwned}; echo "', f"$$(touch {pwned})", f"01'; touch {pwned}; echo '",
              f"$(shell touch {pwned})", f"`touch {pwned}`"]
    ws = tmp_path / "ws"
    for trick in tricks:
        for target in ("reset-workbook", "reset-lesson"):
            run = _make(target, f"CH={trick}", f"WORKSPACE={ws}")
            assert run.returncode == 2, run.stdout + run.stderr
            assert "not a chapter number" in run.stdout
        run = _make("class-progress", f"DIR={tmp_path / 'x'}{trick}", f"CSV={tmp_path}/{trick}.csv")
        assert "is not a folder" in run.stdout
        run = _make("progress", f"WORKSPACE={tmp_path}/{trick}")
        assert run.returncode == 0 and "No progress recorded yet" in run.stdout
    assert not pwned.exists()
    assert not ws.exists()


@needs_make
def test_make_workspace_paths_are_taken_literally(tmp_path):
    run = _make("progress", f"WORKSPACE={tmp_path}/$HOME")
    assert f"{tmp_path}/$HOME/progress.json" in run.stdout
    run = _make("workspace", "WORKSPACE=")
    assert run.returncode != 0 and "WORKSPACE= is empty" in run.stdout
    assert not (ROOT / progress.MARKER_NAME).exists()
    run = _make("reset-workbook")
    assert run.returncode != 0 and "Say which chapter" in run.stdout
    run = _make("class-progress")
    assert run.returncode != 0 and "Say where the progress files are" in run.stdout


@needs_make
def test_variables_read_from_the_environment_are_taken_as_typed(tmp_path):
    """NB, ALL and ONLY reach their tools through the environment: as typed, never expanded."""
    pwned = tmp_path / "pwned"
    run = subprocess.run(["make", "-n", "-o", ".venv/bin/.installed", "execute", "verdicts",
                          f"NB=$(shell touch {pwned})", f"ALL=$(shell touch {pwned})",
                          f"ONLY=$(shell touch {pwned})", f"LEARNERS=$(shell touch {pwned})"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert not pwned.exists()
