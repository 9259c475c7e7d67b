"""The book build tells the truth (issue 14, items 9-11): tools/book_build.py.

Every test works on a tiny temporary book, never on the course's own notebooks.
"""

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("book_build", ROOT / "tools" / "book_build.py")
book_build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(book_build)


def notebook(*sources, tags=()):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A page")]
    nb.cells += [nbformat.v4.new_code_cell(src, metadata={"tags": list(tags)} if tags else {}) for src in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


@pytest.fixture
def book(tmp_path):
    """A tiny book like the course's: a root page and one notebook, a package and book/ files."""
    (tmp_path / "_config.yml").write_text(textwrap.dedent("""\
        title: Tiny
        only_build_toc_files: true
        execute:
          execute_notebooks: cache
          allow_errors: false
        """))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: notebooks/page\n")
    (tmp_path / "intro.md").write_text("# Tiny\n\nA tiny book.\n")
    (tmp_path / "notebooks").mkdir()
    nbformat.write(notebook("print(6 * 7)"), tmp_path / "notebooks" / "page.ipynb")
    for name in ("snb/draw.py", "book/_static/snb.css"):
        (tmp_path / name).parent.mkdir(parents=True)
        (tmp_path / name).write_text("# version 1\n")
    return tmp_path


def run(root, capsys):
    """main() without a build: only for inputs that stop before jupyter-book runs."""
    code = book_build.main(["--root", str(root)])
    return code, capsys.readouterr().out


# ---------------------------------------------------- item 11: broken notebooks
def test_the_course_toc_lists_the_root_and_every_page():
    files = [p.relative_to(ROOT).as_posix() for p in book_build.toc_files(ROOT)]
    assert files[0] == "book/intro.md"
    assert {"notebooks/01-network-society.ipynb", "solutions/01-network-society.ipynb"} <= set(files)


def test_an_invalid_json_notebook_is_named_in_one_line(book, capsys):
    path = book / "notebooks" / "page.ipynb"
    text = path.read_text()
    path.write_text(text.replace('"cell_type"', '"cell_type" "code",', 1))  # a typical merge slip
    code, out = run(book, capsys)
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in out
    assert lines[1].strip().startswith("notebooks/page.ipynb: invalid JSON at line ")
    assert "column" in lines[1]


@pytest.mark.parametrize("damage, words", [
    (lambda nb: nb["cells"][1].pop("source"), ["not a valid notebook", "'source' is a required property"]),
    (lambda nb: nb.update(cells="none"), ["not a valid notebook"]),
    (lambda nb: nb.pop("cells"), ["not a notebook (no 'cells')"]),
])
def test_a_json_file_that_is_not_a_valid_notebook_is_named(book, capsys, damage, words):
    path = book / "notebooks" / "page.ipynb"
    data = json.loads(path.read_text())
    damage(data)
    path.write_text(json.dumps(data))
    code, out = run(book, capsys)
    assert code == 1 and "notebooks/page.ipynb: " in out and len(out.strip().splitlines()) == 2
    for word in words:
        assert word in out


def test_a_missing_page_is_named(book, capsys):
    (book / "notebooks" / "page.ipynb").unlink()
    code, out = run(book, capsys)
    assert code == 1 and "notebooks/page: listed in _toc.yml but no such file" in out


# ------------------------------------------------------ item 10: stale pages
def test_changes_to_the_package_or_book_files_rebuild_every_page(book):
    everything, clear, reasons = book_build.plan(book)
    assert everything and reasons == ["no record of a previous checked build"]
    book_build.write_stamp(book, ok=True)
    assert book_build.plan(book) == (False, False, [])

    (book / "snb" / "draw.py").write_text("# version 2\n")
    assert book_build.plan(book) == (True, True, ["the package snb/ changed"])
    book_build.write_stamp(book, ok=True)

    (book / "book" / "_static" / "snb.css").write_text("/* version 2 */\n")
    assert book_build.plan(book) == (True, False, ["book/, _config.yml or _toc.yml changed"])
    book_build.write_stamp(book, ok=False)
    assert book_build.plan(book) == (True, False, ["the last build failed"])


def test_byte_code_and_checkpoints_are_not_changes(book):
    book_build.write_stamp(book, ok=True)
    (book / "snb" / "__pycache__").mkdir()
    (book / "snb" / "__pycache__" / "draw.cpython-311.pyc").write_bytes(b"\0")
    assert book_build.plan(book) == (False, False, [])


# ------------------------------------------------------ item 9: error pages
def test_error_outputs_are_named_unless_the_cell_must_raise(book):
    nb = notebook("1 + 1", "1/0")
    nb.cells[2].outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError",
                                                  evalue="division by zero", traceback=[])]
    assert book_build.error_outputs(nb) == ["code cell 2 raised ZeroDivisionError: division by zero"]
    nb.cells[2].metadata["tags"] = ["raises-exception"]
    assert book_build.error_outputs(nb) == []


def test_a_page_built_earlier_with_an_error_is_still_caught(book):
    """The executed copy, the failure report and the HTML are all checked."""
    executed = book / "_build" / "jupyter_execute" / "notebooks"
    executed.mkdir(parents=True)
    nb = notebook("1/0")
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                                                  traceback=[])]
    nbformat.write(nb, executed / "page.ipynb")
    assert book_build.check_pages(book) == ["notebooks/page.ipynb: code cell 1 raised ZeroDivisionError: "
                                            "division by zero"]
    (executed / "page.ipynb").unlink()
    html = book / "_build" / "html" / "notebooks"
    html.mkdir(parents=True)
    (html / "page.html").write_text('<div class="output traceback highlight-ipythontb">...</div>')
    assert book_build.check_pages(book) == ["notebooks/page.ipynb: the built page shows a traceback "
                                            "(_build/html/notebooks/page.html)"]


@pytest.mark.slow  # three real Sphinx builds: make slow-test, not make unit
def test_a_cell_that_raises_fails_every_build_not_only_the_first(book):
    """Build the tiny book for real: twice with the error (both fail), once fixed (passes)."""
    page = book / "notebooks" / "page.ipynb"
    nbformat.write(notebook("print('before')", "1/0"), page)
    command = [sys.executable, str(ROOT / "tools" / "book_build.py"), "--root", str(book),
               "--", "-W", "-n", "--keep-going", "--builder", "html", "--quiet"]
    for attempt in (1, 2):
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert result.returncode == 1, f"build {attempt} passed:\n{result.stdout[-2000:]}"
        assert "notebooks/page.ipynb: code cell 2 raised ZeroDivisionError: division by zero" in result.stdout
    nbformat.write(notebook("print('before')", "1/1"), page)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert json.loads((book / "_build" / ".snb-build-stamp.json").read_text())["ok"] is True


def test_make_book_build_goes_through_the_guard():
    recipe = (ROOT / "Makefile").read_text().split("\nbook-build:", 1)[1].split("\n\n", 1)[0]
    assert "tools/book_build.py" in recipe and "-W -n --keep-going --builder html" in recipe


# ------------------------------------------------------------- every tool helps
TOOLS = sorted(p.name for p in (ROOT / "tools").glob("*.py"))


@pytest.mark.slow  # a process per tool
@pytest.mark.parametrize("tool", TOOLS)
def test_every_tool_answers_help_without_doing_anything(tool):
    run = subprocess.run([sys.executable, str(ROOT / "tools" / tool), "--help"], capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-1000:] + run.stderr[-2000:]
    assert run.stdout.startswith("usage:"), run.stdout[:300]


def test_make_execute_reruns_only_stale_notebooks_and_takes_nb_without_a_shell():
    recipe = (ROOT / "Makefile").read_text().split("\nexecute:", 1)[1].split("\n\n", 1)[0]
    assert "tools/execute_notebooks.py --exercises $(if $(ALL),--all) $(if $(NB),--from-env NB)" in recipe
    assert "$(NB)" not in recipe.replace("$(if $(NB),", ""), "NB reaches the tool through the environment only"


def test_no_environment_or_build_folder_is_tracked():
    """A worktree's .venv is often a symlink to a shared venv: `.venv/` in .gitignore would not
    match it, `git add -A` would track it, and a merge would replace the real venv with it."""
    import shutil as _shutil

    if not _shutil.which("git") or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing is tracked")
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "--", ".venv", "_build", "my-work"],
                             capture_output=True, text=True).stdout.split()
    assert tracked == [], f"tracked, but must never be: {tracked}"
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--no-index", ".venv"],
                             capture_output=True, text=True).stdout.strip()
    assert ignored == ".venv", ".gitignore must ignore .venv as a file or symlink too (no trailing slash)"
