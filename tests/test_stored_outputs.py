"""The book is built from the stored outputs, and never from stale ones (tools/book_build.py).

With ``execute_notebooks: off`` the pages show what ``make execute`` stored. It records in
``metadata.snb`` a hash of each notebook's code cells and one per package module and data
file the notebook used (tools/execute_notebooks.py traces them); the build refuses a page
whose code, or one of those modules or files, changed since. A docstring, a comment or a
module the page does not use changes nothing.
"""

import textwrap
from pathlib import Path

import nbformat
import pytest
from helpers import load_tool

ROOT = Path(__file__).resolve().parents[1]
book_build = load_tool("book_build")
execute_notebooks = load_tool("execute_notebooks")

MODULE = '''\
"""A model."""


def reach(n):
    """How many are reached."""
    return n * 2  # everyone twice
'''


@pytest.fixture
def book(tmp_path):
    (tmp_path / "_config.yml").write_text(textwrap.dedent("""\
        title: Tiny
        only_build_toc_files: true
        execute:
          execute_notebooks: "off"
        """))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: notebooks/page\n")
    (tmp_path / "intro.md").write_text("# Tiny\n")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "snb" / "data").mkdir(parents=True)
    (tmp_path / "snb" / "model.py").write_text(MODULE)
    (tmp_path / "snb" / "other.py").write_text("X = 1\n")
    (tmp_path / "snb" / "data" / "people.csv").write_text("name\nAda\n")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A page"), nbformat.v4.new_code_cell("print(6 * 7)")]
    nbformat.write(nb, tmp_path / "notebooks" / "page.ipynb")
    return tmp_path


def stamp(book, modules=("snb/model.py",), data=("snb/data/people.csv",)):
    path = book / "notebooks" / "page.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata["snb"] = book_build.execution_record(book, nb, modules, data)
    nbformat.write(nb, path)


def test_outputs_of_unknown_age_are_refused(book, capsys):
    assert book_build.builds_from_stored_outputs(book)
    assert book_build.main(["--root", str(book)]) == 1
    out = capsys.readouterr().out
    assert "notebooks/page.ipynb: no record of `make execute`" in out and "Run `make execute`" in out


def test_a_change_of_code_of_a_used_module_or_data_file_is_named(book):
    stamp(book)
    assert book_build.stale_outputs(book) == []
    (book / "snb" / "model.py").write_text(MODULE.replace("n * 2", "n * 3"))
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: snb/model.py changed since its "
                                              "outputs were stored"]
    stamp(book)
    (book / "snb" / "data" / "people.csv").write_text("name\nAda\nGrace\n")
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: snb/data/people.csv changed since its "
                                              "outputs were stored"]
    stamp(book)
    (book / "snb" / "model.py").unlink()
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: snb/model.py changed since its "
                                              "outputs were stored"]
    stamp(book)
    nb = nbformat.read(book / "notebooks" / "page.ipynb", as_version=4)
    nb.cells[1].source = "print(6 * 9)"
    nbformat.write(nb, book / "notebooks" / "page.ipynb")
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: its code changed since its outputs "
                                              "were stored"]


def test_docstrings_comments_layout_and_unused_modules_change_nothing(book):
    stamp(book)
    reworded = MODULE.replace('"""A model."""', '"""A model of reach, reworded."""') \
        .replace('"""How many are reached."""', '"""How many are reached.\n\n    Examples\n    --------\n'
                 '    >>> reach(2)\n    4\n    """') \
        .replace("  # everyone twice", "  # each person counts twice") + "\n\n# a closing remark\n"
    (book / "snb" / "model.py").write_text(reworded)
    (book / "snb" / "other.py").write_text("X = 2\n")  # the page never imported it
    (book / "snb" / "new.py").write_text("Y = 1\n")  # a new module elsewhere
    assert book_build.stale_outputs(book) == []


def test_a_markdown_edit_needs_no_new_execution(book):
    stamp(book)
    nb = nbformat.read(book / "notebooks" / "page.ipynb", as_version=4)
    nb.cells[0].source = "# A page, retitled"
    nbformat.write(nb, book / "notebooks" / "page.ipynb")
    assert book_build.stale_outputs(book) == []


def test_a_record_of_the_whole_package_is_still_honoured(book):
    """Notebooks executed before the trace kept one hash of all of snb/."""
    path = book / "notebooks" / "page.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata["snb"] = {"code": book_build.code_hash(nb), "package": book_build.package_hash(book)}
    nbformat.write(nb, path)
    assert book_build.stale_outputs(book) == []
    (book / "snb" / "other.py").write_text("X = 2\n")
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: the package snb/ changed since its "
                                              "outputs were stored"]


def test_the_course_builds_from_fresh_stored_outputs():
    assert book_build.builds_from_stored_outputs(ROOT)
    stale = book_build.stale_outputs(ROOT)
    assert not stale, "stale stored outputs (run make execute): " + "; ".join(stale)


def test_every_course_notebook_records_what_it_used():
    for path in execute_notebooks.course_notebooks(ROOT):
        record = nbformat.read(path, as_version=4).metadata.get("snb", {})
        assert "snb/__init__.py" in record.get("modules", {}), f"{path.name}: run make execute for it"


def test_a_build_with_nothing_changed_since_a_good_one_is_skipped(book):
    stamp(book)
    (book / "_build" / "html").mkdir(parents=True)
    (book / "_build" / "html" / "index.html").write_text("<html></html>")
    options = ["-W", "--builder", "html"]
    book_build.write_stamp(book, ok=True, options=options)
    assert book_build.unchanged_since_last_good_build(book, options)
    (book / "snb" / "other.py").write_text("X = 3\n")
    assert book_build.unchanged_since_last_good_build(book, options), \
        "pages built from stored outputs do not depend on the package itself"
    assert not book_build.unchanged_since_last_good_build(book, options + ["--all"])
    assert not book_build.unchanged_since_last_good_build(book, ["--builder", "dirhtml"])
    (book / "intro.md").write_text("# Tiny, edited\n")
    assert not book_build.unchanged_since_last_good_build(book, options), "an edited page must be rebuilt"
    book_build.write_stamp(book, ok=False, options=options)
    assert not book_build.unchanged_since_last_good_build(book, options), "a failed build is never skipped"



def test_a_new_commit_is_rebuilt_so_downloads_name_it(book):
    """The downloadable notebooks name the commit the book was built from: a build after a
    new commit, or with uncommitted course files, is not skipped even if no page changed."""
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=book,
                       check=True, capture_output=True)

    stamp(book)
    (book / "_build" / "html").mkdir(parents=True)
    (book / "_build" / "html" / "index.html").write_text("<html></html>")
    (book / ".gitignore").write_text("_build/\n")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    options = ["-W", "--builder", "html"]
    book_build.write_stamp(book, ok=True, options=options)
    assert book_build.unchanged_since_last_good_build(book, options)
    git("commit", "-q", "--allow-empty", "-m", "second")
    assert not book_build.unchanged_since_last_good_build(book, options), "a new commit must be rebuilt"
    book_build.write_stamp(book, ok=True, options=options)
    assert book_build.unchanged_since_last_good_build(book, options)
    (book / "snb" / "other.py").write_text("X = 4\n")
    assert book_build.install_cell.commit_state(book).endswith("+uncommitted")
    assert not book_build.unchanged_since_last_good_build(book, options)

@pytest.mark.slow
def test_execute_records_the_modules_and_data_a_notebook_used(tmp_path):
    """A real kernel: the hidden trace cells are gone afterwards, the execution counts are a
    plain run's, and the record names the modules imported and the data file read."""
    path = tmp_path / "page.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Page"),
                nbformat.v4.new_code_cell("from snb import datasets\nG = datasets.load_email_export()"),
                nbformat.v4.new_code_cell("G.number_of_nodes() > 0"),
                nbformat.v4.new_code_cell("sorted(k for k in dir() if 'snb' in k.lower())")]
    nbformat.write(nb, path)
    execute_notebooks.execute(path)
    nb = nbformat.read(path, as_version=4)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "code", "code"]
    assert [c.execution_count for c in nb.cells[1:]] == [1, 2, 3]
    assert nb.cells[2].outputs[0]["execution_count"] == 2 and nb.cells[2].outputs[0]["data"]["text/plain"] == "True"
    assert nb.cells[3].outputs[0]["data"]["text/plain"] == "[]", "the trace leaves no name in the notebook"
    record = nb.metadata["snb"]
    assert {"snb/__init__.py", "snb/datasets.py"} <= set(record["modules"])
    assert "snb/widgets/ch05.py" not in record["modules"]
    assert list(record["data"]) == ["snb/data/agency-email-export.csv"]
    assert book_build.stale_reason(ROOT, nb) is None
