"""The book is built from the stored outputs, and never from stale ones (tools/book_build.py).

With ``execute_notebooks: off`` the pages show what ``make execute`` stored; it records a
hash of each notebook's code cells and of the package in ``metadata.snb``, and the build
refuses a page whose code or package changed since.
"""

import importlib.util
import textwrap
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("book_build", ROOT / "tools" / "book_build.py")
book_build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(book_build)


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
    (tmp_path / "snb").mkdir()
    (tmp_path / "snb" / "draw.py").write_text("# version 1\n")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A page"), nbformat.v4.new_code_cell("print(6 * 7)")]
    nbformat.write(nb, tmp_path / "notebooks" / "page.ipynb")
    return tmp_path


def stamp(book):
    path = book / "notebooks" / "page.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata["snb"] = book_build.execution_record(book, nb)
    nbformat.write(nb, path)


def test_outputs_of_unknown_age_are_refused(book, capsys):
    assert book_build.builds_from_stored_outputs(book)
    assert book_build.main(["--root", str(book)]) == 1
    out = capsys.readouterr().out
    assert "notebooks/page.ipynb: no record of `make execute`" in out and "Run `make execute`" in out


def test_fresh_outputs_pass_and_a_code_or_package_change_is_named(book):
    stamp(book)
    assert book_build.stale_outputs(book) == []
    (book / "snb" / "draw.py").write_text("# version 2\n")
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: the package snb/ changed since its "
                                              "outputs were stored"]
    stamp(book)
    nb = nbformat.read(book / "notebooks" / "page.ipynb", as_version=4)
    nb.cells[1].source = "print(6 * 9)"
    nbformat.write(nb, book / "notebooks" / "page.ipynb")
    assert book_build.stale_outputs(book) == ["notebooks/page.ipynb: its code changed since its outputs "
                                              "were stored"]


def test_a_markdown_edit_needs_no_new_execution(book):
    stamp(book)
    nb = nbformat.read(book / "notebooks" / "page.ipynb", as_version=4)
    nb.cells[0].source = "# A page, retitled"
    nbformat.write(nb, book / "notebooks" / "page.ipynb")
    assert book_build.stale_outputs(book) == []


def test_the_course_builds_from_fresh_stored_outputs():
    assert book_build.builds_from_stored_outputs(ROOT)
    stale = book_build.stale_outputs(ROOT)
    assert not stale, "stale stored outputs (run make execute): " + "; ".join(stale)


def test_a_build_with_nothing_changed_since_a_good_one_is_skipped(book):
    stamp(book)
    (book / "_build" / "html").mkdir(parents=True)
    (book / "_build" / "html" / "index.html").write_text("<html></html>")
    options = ["-W", "--builder", "html"]
    book_build.write_stamp(book, ok=True, options=options)
    assert book_build.unchanged_since_last_good_build(book, options)
    assert not book_build.unchanged_since_last_good_build(book, options + ["--all"])
    assert not book_build.unchanged_since_last_good_build(book, ["--builder", "dirhtml"])
    (book / "intro.md").write_text("# Tiny, edited\n")
    assert not book_build.unchanged_since_last_good_build(book, options), "an edited page must be rebuilt"
    book_build.write_stamp(book, ok=False, options=options)
    assert not book_build.unchanged_since_last_good_build(book, options), "a failed build is never skipped"
