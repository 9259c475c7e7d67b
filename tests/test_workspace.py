"""snb.workspace: the learner's answers live in their own folder, and nothing else touches it.

Every test here edits answers in a workspace, runs a command, and compares the
workspace byte for byte with what it was. Workspace names have spaces and
non-ASCII letters on purpose.
"""

from __future__ import annotations

import glob
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from snb import exercisegen, progress, workspace

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ODD_NAME = "my wörk · ñ"
ANSWER = "{'Ana', 'Ben'}  # my own answer, ü"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def answer_everything(ws: Path) -> None:
    """Edit every workbook in ``ws`` as a learner would: answers in place of the placeholders."""
    for path in sorted((ws / "workbooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        edited = 0
        for cell in nb.cells:
            if cell.cell_type == "code" and "= ..." in cell.source:
                cell.source = cell.source.replace("= ...", "= " + ANSWER, 1)
                edited += 1
        assert edited, f"no placeholder to answer in {path.name}"
        nbformat.write(nb, path)


@pytest.fixture(autouse=True)
def learner_environment(monkeypatch):
    """As on a learner's laptop: no SNB_PROGRESS (the Makefile's test targets set it to off)."""
    monkeypatch.delenv(progress.ENV, raising=False)


@pytest.fixture
def course(tmp_path):
    """A copy of the course's notebooks, which tests may change like a course update would."""
    root = tmp_path / "course clone é"
    for folder in ("notebooks", "solutions", "exercises"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


@pytest.fixture
def answered(course):
    """The course copy with a workspace in its usual place, every workbook answered."""
    ws = course / workspace.DEFAULT_NAME
    workspace.add_missing(course, ws)
    answer_everything(ws)
    return ws


# ------------------------------------------------------------------ creating
def test_add_copies_every_workbook_and_lesson_without_widget_state(tmp_path, capsys):
    ws = tmp_path / ODD_NAME
    assert workspace.main(["--root", str(ROOT), "--workspace", str(ws), "add"]) == 0
    out = capsys.readouterr().out
    for kind, (source, target) in workspace.KINDS.items():
        names = sorted(p.name for p in (ROOT / source).glob("[0-9][0-9]-*.ipynb"))
        assert names and sorted(p.name for p in (ws / target).glob("*.ipynb")) == names
        for name in names:
            assert f"added {ws / target / name}" in out
            nb = nbformat.read(ws / target / name, as_version=4)
            nbformat.validate(nb)
            assert "widgets" not in nb.metadata, f"{kind} copy keeps saved widget state"
            assert not any(WIDGET_VIEW in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert (ws / progress.MARKER_NAME).is_file()
    assert progress.progress_file(ws / "workbooks") == ws / "progress.json"


def test_lesson_copies_keep_text_and_pictures():
    lesson = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))[0]
    original = nbformat.read(lesson, as_version=4)
    copy = nbformat.reads(workspace.learner_copy(lesson), as_version=4)
    assert [c.source for c in copy.cells] == [c.source for c in original.cells]
    def pictures(nb):
        return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))

    assert pictures(copy) == pictures(original) > 0


def test_workbooks_only_when_asked(tmp_path):
    ws = tmp_path / ODD_NAME
    assert workspace.main(["--root", str(ROOT), "--workspace", str(ws), "add", "--no-lessons"]) == 0
    assert not (ws / "lessons").exists() and list((ws / "workbooks").glob("*.ipynb"))


def test_adding_again_never_overwrites_an_answer(answered, course, capsys):
    before = snapshot(answered)
    assert workspace.main(["--root", str(course), "--workspace", str(answered), "add"]) == 0
    assert snapshot(answered) == before
    assert "0 added" in capsys.readouterr().out


def test_a_course_update_adds_new_chapters_beside_the_answers(answered, course, capsys):
    before = snapshot(answered)
    # the update: a new chapter, a changed workbook and a changed lesson for chapter 1
    for folder in ("exercises", "notebooks"):
        first = sorted((course / folder).glob("01-*.ipynb"))[0]
        shutil.copy(first, course / folder / "07-new-chapter.ipynb")
        nb = nbformat.read(first, as_version=4)
        nb.cells.insert(2, nbformat.v4.new_markdown_cell("One more paragraph."))  # in the introduction
        nbformat.write(nb, first)
    workbook = sorted((course / "exercises").glob("01-*.ipynb"))[0].name
    lesson = sorted((course / "notebooks").glob("01-*.ipynb"))[0].name

    assert workspace.main(["--root", str(course), "--workspace", str(answered), "add"]) == 0
    after = snapshot(answered)
    changed = f"workbooks/{workbook}"
    # every other file is exactly as it was; the changed workbook's old version is a backup
    assert {k: after[k] for k in before if k not in (progress.MARKER_NAME, changed)} == {
        k: v for k, v in before.items() if k not in (progress.MARKER_NAME, changed)}
    [backup] = [k for k in after if k.startswith(f"workbooks/{workbook[:-6]}.backup-")]
    assert after[backup] == before[changed], "the learner's old file is kept byte for byte"
    merged = nbformat.reads(after[changed].decode("utf-8"), as_version=4)
    old = nbformat.reads(before[changed].decode("utf-8"), as_version=4)
    answers = [c.source for c in old.cells if c.get("metadata", {}).get("snb", {}).get("role") == "answer"]
    assert answers and all(a in [c.source for c in merged.cells] for a in answers), "answers carried over"
    assert merged.cells[2].source == "One more paragraph."
    assert {"workbooks/07-new-chapter.ipynb", "lessons/07-new-chapter.ipynb"} <= set(after)
    out = capsys.readouterr().out
    assert "your answers are carried into" in out and "kept as" in out
    assert f"newer lessons/{lesson}" in out or f"newer {answered / 'lessons' / lesson}" in out
    assert "make reset-lesson CH=01" in out


# ------------------------------------------------------------------ reset
def test_reset_keeps_a_timestamped_backup_and_says_where(answered, course, capsys):
    before = snapshot(answered)
    assert workspace.main(["--root", str(course), "--workspace", str(answered), "reset", "1"]) == 0
    out = capsys.readouterr().out
    after = snapshot(answered)
    for source in sorted((course / "exercises").glob("01-*.ipynb")):
        key = f"workbooks/{source.name}"
        backups = [k for k in after if re.fullmatch(
            rf"workbooks/{re.escape(source.stem)}\.backup-\d{{8}}-\d{{6}}\.ipynb", k)]
        assert len(backups) == 1
        assert after[backups[0]] == before[key], "the backup is the learner's file byte for byte"
        assert after[key] == workspace.learner_copy(source).encode("utf-8")
        assert f"as {answered / backups[0]}" in out
    untouched = {k: v for k, v in before.items() if not k.startswith("workbooks/01-") and k != progress.MARKER_NAME}
    assert {k: after[k] for k in untouched} == untouched, "other chapters and the lessons stay"
    # a second reset in the same second gets its own backup name
    assert workspace.main(["--root", str(course), "--workspace", str(answered), "reset", "01"]) == 0
    assert len(list((answered / "workbooks").glob("01-*.backup-*.ipynb"))) == 2


@pytest.mark.parametrize("chapter, message", [("99", "no workbook for chapter 99"),
                                              ("one", "is not a chapter number")])
def test_reset_of_a_chapter_that_does_not_exist_changes_nothing(answered, course, capsys, chapter, message):
    before = snapshot(answered)
    assert workspace.main(["--root", str(course), "--workspace", str(answered), "reset", chapter]) != 0
    assert message in capsys.readouterr().out
    assert snapshot(answered) == before


# ------------------------------------------------------- the course's commands
def test_make_exercises_rewrites_only_exercises(answered, course):
    stale = sorted((course / "exercises").glob("*.ipynb"))[0]
    stale.write_text("{}", encoding="utf-8")
    before = snapshot(answered)
    assert exercisegen.main(["--root", str(course)]) == 0
    assert stale.read_text(encoding="utf-8") != "{}", "the stale template was regenerated"
    assert snapshot(answered) == before


def _recipe_commands(*targets: str) -> list[list[str]]:
    run = subprocess.run(["make", "-n", "-C", str(ROOT), *targets], capture_output=True, text=True,
                         check=True)
    lines = run.stdout.replace("\\\n", " ").splitlines()  # recipes continued with a backslash
    return [shlex.split(line) for line in lines if line and not line.startswith("make")]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make to read the Makefile's rules")
def test_test_execute_exercises_and_clean_never_name_the_workspace(tmp_path):
    """Expand every path the recipes name in a tree that holds a workspace: none reaches it."""
    tree = tmp_path / "course"
    for folder in ("notebooks", "solutions", "exercises", "tests", "_build", "my-work/workbooks"):
        (tree / folder).mkdir(parents=True)
        (tree / folder / "01-a.ipynb").write_text("{}", encoding="utf-8")
    ws = tree / "my-work"
    commands = _recipe_commands("unit", "nbval", "execute", "exercises", "clean")
    assert any("execute_notebooks.py" in c for cmd in commands for c in cmd)
    reached = []
    for cmd in commands:
        for token in cmd:
            if token.startswith("-") or "=" in token:
                continue
            for hit in glob.glob(str(tree / token)):
                hit = Path(hit).resolve()
                if hit == ws or ws in hit.parents or hit in ws.parents:
                    reached.append((" ".join(cmd), token))
    assert reached == []


def test_the_course_runs_of_the_solutions_never_record_progress():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^(.*): export SNB_PROGRESS := off$", text, re.MULTILINE)
    assert rule and {"unit", "nbval", "book-build", "execute", "exercises"} <= set(rule[1].split())


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make to read the Makefile's rules")
def test_make_lab_makes_the_workspace_then_serves_only_it():
    commands = [" ".join(c) for c in _recipe_commands("lab")]
    add = next(i for i, c in enumerate(commands) if "snb.workspace" in c and c.endswith(" add"))
    lab = next(i for i, c in enumerate(commands) if "jupyter lab" in c)
    assert add < lab and "--notebook-dir=my-work" in commands[lab]


def test_the_book_never_reads_the_workspace(answered, course):
    """Sphinx's own file discovery, with the book's exclude patterns, skips the workspace."""
    matching = pytest.importorskip("sphinx.util.matching")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["only_build_toc_files"] is True
    assert workspace.DEFAULT_NAME not in (ROOT / "_toc.yml").read_text(encoding="utf-8")
    found = list(matching.get_matching_files(course, exclude_patterns=config["exclude_patterns"]))
    assert any(f.startswith("notebooks/") for f in found), "the lessons are still found"
    assert [f for f in found if f.startswith(workspace.DEFAULT_NAME)] == []


def _git(cwd: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(cwd), "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": "/usr/bin:/bin:/usr/local/bin"}
    run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to clone and pull")
def test_git_ignores_the_workspace_and_a_pull_keeps_every_answer(course, tmp_path):
    """A fresh clone, a workspace with answers, an update upstream, `git pull`: answers intact."""
    upstream = course
    shutil.copy(ROOT / ".gitignore", upstream / ".gitignore")
    _git(upstream, "init", "-q", "-b", "main")
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-qm", "course")
    clone = tmp_path / "clone ñ"
    _git(tmp_path, "clone", "-q", str(upstream), str(clone))
    ws = clone / workspace.DEFAULT_NAME
    workspace.add_missing(clone, ws)
    answer_everything(ws)
    progress.record(ws / "progress.json", "snb.checks.ch01.check_team_basics", "correct")
    assert _git(clone, "status", "--porcelain") == "", "the workspace is ignored by git"
    before = snapshot(ws)

    shutil.copy(sorted((upstream / "exercises").glob("01-*.ipynb"))[0], upstream / "exercises" / "08-x.ipynb")
    first = sorted((upstream / "exercises").glob("01-*.ipynb"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("Exercise 1.1", "Exercise 1.1 (new)"),
                     encoding="utf-8")
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-qm", "update")
    _git(clone, "pull", "-q", "--ff-only")
    assert (clone / "exercises" / "08-x.ipynb").exists()
    assert snapshot(ws) == before
    report = workspace.add_missing(clone, ws)
    after = snapshot(ws)
    assert (ws / "workbooks" / "08-x.ipynb").exists()
    changed = f"workbooks/{first.name}"
    assert all(after[k] == v for k, v in before.items() if k not in (progress.MARKER_NAME, changed))
    # the changed workbook: merged, and the learner's file kept byte for byte as a backup
    [(_, backup, result)] = report.merged
    assert backup.read_bytes() == before[changed]
    assert len(result.fresh) == 1, "only the exercise whose question changed comes fresh"
    assert after[changed].count(ANSWER.encode()) == before[changed].count(ANSWER.encode()) - 1
    assert _git(clone, "status", "--porcelain") == ""


def test_a_workbook_run_in_the_workspace_records_progress_and_outside_it_does_not(tmp_path):
    """A real kernel, started in the workspace as JupyterLab does, finds the workspace itself."""
    nbclient = pytest.importorskip("nbclient")
    ws = tmp_path / ODD_NAME
    workspace.add_missing(ROOT, ws, lessons=False)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from snb import checks\nchecks.check_team_basics(0.5, {'Nobody'})")])
    env_off = dict(progress.os.environ)
    env_off.pop(progress.ENV, None)
    for folder in (ws / "workbooks", tmp_path):
        client = nbclient.NotebookClient(nb, timeout=60, kernel_name="python3",
                                         resources={"metadata": {"path": str(folder)}})
        client.execute(env=env_off)
        assert "Cannot check this answer" in json.dumps(nb.cells[0].outputs)
    entries = progress.read_progress(ws / "progress.json")["checks"]
    assert list(entries) == ["snb.checks.ch01.check_team_basics"]
    assert entries["snb.checks.ch01.check_team_basics"]["attempts"] == 1, "the run outside did not count"
    assert not (tmp_path / "progress.json").exists()


def test_the_command_line_works_from_anywhere(tmp_path):
    ws = tmp_path / ODD_NAME
    run = subprocess.run([sys.executable, "-m", "snb.workspace", "--root", str(ROOT), "--workspace", str(ws),
                          "add", "--no-lessons"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0 and "Your workspace is" in run.stdout and not run.stderr


def test_reset_lesson_touches_only_that_lesson(answered, course, capsys):
    lesson = answered / "lessons" / sorted((course / "notebooks").glob("02-*.ipynb"))[0].name
    lesson.write_bytes(lesson.read_bytes() + b" ")  # the learner's own change
    before = snapshot(answered)
    assert workspace.main(["--root", str(course), "--workspace", str(answered), "reset", "02", "--lesson"]) == 0
    after = snapshot(answered)
    backup = next(k for k in after if k.startswith("lessons/02-") and ".backup-" in k)
    assert after[backup] == before[f"lessons/{lesson.name}"]
    assert {k: after[k] for k in before if k.startswith("workbooks/")} == {
        k: v for k, v in before.items() if k.startswith("workbooks/")}
    assert "kept your old" in capsys.readouterr().out


def test_checks_and_progress_reports_leave_the_answers_alone(answered, course, monkeypatch, capsys):
    before = {k: v for k, v in snapshot(answered).items() if k.endswith(".ipynb")}
    monkeypatch.chdir(answered / "workbooks")
    from snb import checks

    checks.check_team_basics(0.5, {"Nobody"})
    assert progress.main(["--root", str(course), "--workspace", str(answered)]) == 0
    assert progress.main(["--root", str(course), "--class", str(answered), "--csv", str(course / "c.csv")]) == 0
    after = snapshot(answered)
    assert "progress.json" in after
    assert {k: v for k, v in after.items() if k.endswith(".ipynb")} == before
