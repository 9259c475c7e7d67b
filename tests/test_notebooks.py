"""House rules for the course notebooks: structure, stored outputs, alt text, tags."""

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
#: A chapter's lesson is notebooks/NN-topic; further pages of the chapter are notebooks/NN-k-topic.
LESSONS = [p for p in PAGES if not re.match(r"\d\d-\d+-", p.name)]
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]-*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb"))
EXECUTED = PAGES + SOLUTIONS
WIDGET = "application/vnd.jupyter.widget-view+json"
STATIC_WIDGET_MARKS = ('class="snb-explorer"', 'class="snb-needs-kernel"')
MAX_CELL_LINES = 25


def _ids(paths):
    return [f"{p.parent.name}/{p.name}" for p in paths]


def _code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def _chapters():
    """Lesson pages by chapter: NN-topic first, then its later pages NN-k-subtopic."""
    chapters = {}
    for path in PAGES:
        chapters.setdefault(path.name[:2], []).append(path)
    return {nn: sorted(pages, key=lambda p: (bool(re.match(r"\d\d-\d+-", p.name)), p.name))
            for nn, pages in chapters.items()}


def test_every_chapter_has_lesson_solutions_and_exercises():
    firsts = {pages[0].name for pages in _chapters().values()}
    assert firsts, "no lesson notebooks"
    assert firsts == {p.name for p in SOLUTIONS} == {p.name for p in EXERCISES}


@pytest.mark.parametrize("path", EXECUTED + EXERCISES, ids=_ids(EXECUTED + EXERCISES))
def test_notebook_is_valid_and_uses_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", EXECUTED, ids=_ids(EXECUTED))
def test_executed_notebooks_store_outputs_without_errors(path):
    for cell in _code_cells(path):
        assert cell.execution_count is not None, f"unexecuted cell: {cell.source[:60]!r}; run `make execute`"
        assert not any(o.output_type == "error" for o in cell.outputs), cell.source[:60]
        assert "execution" not in cell.metadata, "volatile timing metadata: run `make execute`"


@pytest.mark.parametrize("path", EXECUTED + EXERCISES, ids=_ids(EXECUTED + EXERCISES))
def test_cells_are_short(path):
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            assert len(cell.source.splitlines()) <= MAX_CELL_LINES, f"long cell: {cell.source[:60]!r}"


@pytest.mark.parametrize("path", EXECUTED, ids=_ids(EXECUTED))
def test_every_picture_has_current_alt_text_for_the_book(path):
    pictures = 0
    for cell in _code_cells(path):
        alts = [o.metadata.get("image/png", {}).get("alt") for o in cell.outputs
                if "image/png" in o.get("data", {})]
        if not alts:
            continue
        pictures += 1
        assert len(alts) == 1, f"one picture per cell, so its alt text can be set: {cell.source[:60]!r}"
        assert alts[0], f"picture without alt text (use snb.draw): {cell.source[:60]!r}"
        assert cell.metadata.get("mystnb", {}).get("image", {}).get("alt") == alts[0], (
            f"cell metadata alt text is stale: run `make execute` ({cell.source[:60]!r})")
    if path in LESSONS:
        assert pictures >= 1, "a lesson page should show its networks"


@pytest.mark.parametrize("chapter", sorted(_chapters()))
def test_each_lesson_shows_its_networks(chapter):
    pictures = sum(1 for path in _chapters()[chapter] for cell in _code_cells(path)
                   if any("image/png" in o.get("data", {}) for o in cell.outputs))
    assert pictures >= 5, "a lesson should show its networks"


@pytest.mark.parametrize("path", EXECUTED + EXERCISES, ids=_ids(EXECUTED + EXERCISES))
def test_output_checks_are_ignored_only_for_widget_cells(path):
    for cell in _code_cells(path):
        ignored = "nbval-ignore-output" in cell.metadata.get("tags", [])
        # a widget, or its static-book form (kernel-free explorer, or a notice): nbval runs
        # the live widget, whose output differs from the stored static one
        shows_widget = any(WIDGET in o.get("data", {}) or any(mark in o.get("data", {}).get("text/html", "")
                                                           for mark in STATIC_WIDGET_MARKS)
                           for o in cell.outputs)
        if path in EXECUTED:
            assert ignored == shows_widget, \
                f"nbval-ignore-output must mark exactly the widget cells: {cell.source[:60]!r}"
        elif ignored:
            assert "widgets." in cell.source, f"ignore tag on a non-widget cell: {cell.source[:60]!r}"


@pytest.mark.parametrize("chapter", sorted(_chapters()))
def test_lesson_follows_the_chapter_shape(chapter):
    """The chapter's pages together: the first opens with the business question."""
    pages = _chapters()[chapter]
    first = "\n".join(c.source for c in nbformat.read(pages[0], as_version=4).cells
                      if c.cell_type == "markdown")
    assert "**The business question.**" in first, "the first page opens with the business question"
    text = "\n".join(c.source for path in pages for c in nbformat.read(path, as_version=4).cells
                     if c.cell_type == "markdown")
    for part in ("**The business question.**", "## Takeaways for managers", "## Further reading",
                 "## Explore it yourself"):
        assert part in text, f"missing {part!r}"
    takeaways = text.split("## Takeaways for managers")[1].split("##")[0]
    assert 3 <= takeaways.count("\n- ") <= 5, "3 to 5 takeaways"


@pytest.mark.parametrize("path", SOLUTIONS, ids=_ids(SOLUTIONS))
def test_solutions_have_build_and_analyse_exercises_with_checks(path):
    cells = nbformat.read(path, as_version=4).cells
    starts = [c for c in cells if c.cell_type == "markdown" and "{exercise-start}" in c.source]
    assert len(starts) >= 3
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert code.count("checks.check_") >= len(starts), "every exercise ends with a check"
    assert re.search(r"widgets\.\w*Builder\(", code), "at least one build exercise uses a builder widget"
    for c in cells:
        if c.cell_type == "markdown" and "{solution-start}" in c.source:
            assert ":class: dropdown" in c.source, "solutions are collapsed in the book"


@pytest.mark.parametrize("path", SOLUTIONS, ids=_ids(SOLUTIONS))
def test_every_check_in_the_solutions_says_correct(path):
    for cell in _code_cells(path):
        if "checks.check_" in cell.source and "BEGIN SOLUTION" in cell.source:
            text = json.dumps([o.get("data", {}).get("text/plain", "") for o in cell.outputs])
            assert "Correct" in text, f"worked solution not accepted: {cell.source[:60]!r}"


MAX_CODE_LINE = 88


@pytest.mark.parametrize("path", EXECUTED + EXERCISES, ids=_ids(EXECUTED + EXERCISES))
def test_code_lines_fit_the_page(path):
    """Code lines of at most 88 characters are never cut off on a 1280 px book page."""
    for cell in _code_cells(path):
        for line in cell.source.splitlines():
            assert len(line) <= MAX_CODE_LINE, f"{len(line)} characters: {line[:60]!r}"


def test_learners_are_never_told_to_work_in_the_generated_exercises_folder():
    """Workbooks, exercises pages and lessons name the learner's copy in my-work/; the
    generated exercises/ folder is the course's template, not a place to work."""
    import glob

    import nbformat as _nbformat

    wrong = re.compile(r"`exercises/\d\d-|in the `exercises` folder|folder `exercises`|"
                       r"[Ww]ork in the workbook `exercises")
    places = []
    for pattern in ("notebooks/*.ipynb", "solutions/*.ipynb", "exercises/*.ipynb"):
        for name in sorted(glob.glob(str(ROOT / pattern))):
            for cell in _nbformat.read(name, as_version=4).cells:
                if cell.cell_type == "markdown" and wrong.search(cell.source):
                    places.append(f"{Path(name).relative_to(ROOT)}: {wrong.search(cell.source).group(0)}")
    for page in ("book/intro.md", "book/exercises.md", "README.md"):
        text = (ROOT / page).read_text(encoding="utf-8")
        if wrong.search(text):
            places.append(f"{page}: {wrong.search(text).group(0)}")
    assert places == [], places
    intro = (ROOT / "solutions" / "01-network-society.ipynb").read_text(encoding="utf-8")
    assert "my-work/workbooks/01-network-society.ipynb" in intro and "make solution CH=01" in intro
