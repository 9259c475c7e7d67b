"""tools/slides.py: slide types derived on a copy, metadata honoured, decks that load nothing remote."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
REVEAL = ROOT / ".venv" / "reveal.js"


def _load():
    spec = importlib.util.spec_from_file_location("slides", ROOT / "tools" / "slides.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["slides"] = module
    spec.loader.exec_module(module)
    return module


slides = _load()
PNG = new_output("display_data", data={"image/png": "AAAA", "text/plain": "<Figure>"})


def _types(nb):
    return [c.metadata["slideshow"]["slide_type"] for c in slides.with_slide_types(nb).cells]


def _shown(deck):
    return [c for c in deck.cells if c.metadata["slideshow"]["slide_type"] not in ("skip", "notes")]


def test_headings_start_slides_and_prose_becomes_points_with_notes():
    long = "This first sentence carries the idea. " + "More detail follows here. " * 5
    nb = new_notebook(cells=[new_markdown_cell("# Title\n\nIntro."), new_markdown_cell("## A section"),
                             new_markdown_cell(long), new_markdown_cell("### A subsection\n\nText.")])
    deck = slides.with_slide_types(nb)
    types = [c.metadata["slideshow"]["slide_type"] for c in deck.cells]
    assert types == ["slide", "notes", "slide", "notes", "subslide", "notes", "subslide", "notes"]
    assert deck.cells[4].source == "- This first sentence carries the idea."
    assert deck.cells[5].source.startswith("This first sentence") and "More detail" in deck.cells[5].source


def test_many_paragraphs_are_spread_over_slides_of_few_points():
    prose = "\n\n".join(f"Point {i} is made here. It has a second sentence." for i in range(12))
    deck = slides.with_slide_types(new_notebook(cells=[new_markdown_cell("## Many\n\n" + prose)]))
    shown = _shown(deck)
    assert [s.source.count("\n- ") + s.source.startswith("- ") for s in shown] == [5, 5, 2]
    assert shown[1].source.startswith("## Many (continued)")
    assert all("second sentence" not in s.source for s in shown)


def test_roles_are_rendered_and_cited_works_get_a_references_slide():
    text = ("# T\n\nAs {cite:t}`vandijk2006` argues, see {cite:p}`vandijk2006` and "
            "{doc}`the next page <01-2-reach-and-cascades>` or {doc}`01-2-reach-and-cascades`.")
    deck = slides.with_slide_types(new_notebook(cells=[new_markdown_cell(text)]))
    body = "\n".join(c.source for c in deck.cells)
    assert "{cite" not in body and "{doc}" not in body
    assert "van Dijk (2006) argues" in deck.cells[0].source
    assert deck.cells[-2].source.startswith("## References") and "van Dijk (2006)." in deck.cells[-2].source


def test_code_slides_pictures_alone_output_on_its_own_short_code_as_fragment():
    short = new_code_cell("x = 1\nprint(x)")
    printed = new_code_cell("print(2)", outputs=[new_output("stream", name="stdout", text="2\n")])
    two = new_code_cell("draw()\ndraw()", outputs=[
        new_output("stream", name="stdout", text="hello\n"), PNG, PNG])
    long = new_code_cell("\n".join(f"a{i} = {i}" for i in range(slides.MAX_CODE_LINES + 1)))
    deck = slides.with_slide_types(new_notebook(cells=[new_markdown_cell("## S"), short, printed, two,
                                                       long]))
    code = [c for c in deck.cells if c.cell_type == "code"]
    assert [c.metadata["slideshow"]["slide_type"] for c in code] == [
        "fragment", "subslide", "subslide", "subslide", "skip"]
    pictures = code[2:4]
    assert all(len(c.outputs) == 1 and slides.HIDE_INPUT in c.metadata["tags"] for c in pictures)
    notes = deck.cells[deck.cells.index(code[2]) + 1]
    assert notes.metadata["slideshow"]["slide_type"] == "notes"
    assert "<Figure>" in notes.source and "hello" in notes.source and "draw()" in notes.source


def test_a_quiz_stays_in_the_book():
    html = new_output("display_data", data={"text/html": '<div class="snb-quiz">Q</div>',
                                            "text/plain": "Q"})
    deck = slides.with_slide_types(new_notebook(cells=[new_markdown_cell("## Self-check"),
                                                       new_code_cell("quiz.load(1)", outputs=[html])]))
    code = [c for c in deck.cells if c.cell_type == "code"]
    assert code[0].metadata["slideshow"]["slide_type"] == "skip"
    assert "book's page" in deck.cells[-1].source


def test_existing_slideshow_metadata_and_skip_tags_are_honoured():
    given = new_markdown_cell("## Heading", metadata={"slideshow": {"slide_type": "notes"}})
    solution = new_code_cell("answer = 42", metadata={"tags": ["solution-only"]})
    nb = new_notebook(cells=[new_markdown_cell("# T"), given, solution])
    assert _types(nb) == ["slide", "notes", "notes", "skip"]


def test_admonitions_become_a_titled_point():
    text = "## S\n\n```{admonition} Predict, then run\n:class: tip\nWhat will happen? Say it.\n```"
    deck = slides.with_slide_types(new_notebook(cells=[new_markdown_cell(text)]))
    assert "- **Predict, then run.** What will happen?" in deck.cells[0].source
    assert ":class:" not in deck.cells[0].source


def test_the_notebook_itself_is_never_changed():
    path = ROOT / "notebooks" / "01-network-society.ipynb"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    nb = nbformat.read(path, as_version=4)
    deck = slides.with_slide_types(nb)
    assert all("slideshow" not in c.metadata for c in nb.cells)
    assert len(deck.cells) >= len(nb.cells)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("path", slides.lesson_notebooks(), ids=lambda p: p.stem)
def test_every_lesson_gives_a_deck_with_notes_and_no_raw_roles(path):
    nb = nbformat.read(path, as_version=4)
    deck = slides.with_slide_types(nb, stem=path.stem, base=path.parent)
    types = [c.metadata["slideshow"]["slide_type"] for c in deck.cells]
    shown = [(t, c) for t, c in zip(types, deck.cells) if t not in ("skip", "notes")]
    assert shown[0][0] == "slide" and shown[0][1].source.startswith("# "), "the deck opens on the title"
    assert types.count("slide") >= 3
    visible = [c for t, c in zip(types, deck.cells) if t != "skip"]
    raw = [c.source[:80] for c in visible if c.cell_type == "markdown" and slides.ROLE.search(c.source)]
    assert raw == [], f"raw MyST roles on slides: {raw}"
    # every slide and sub-slide carries speaker notes (press s)
    slide_starts = [i for i, t in enumerate(types) if t in ("slide", "subslide")]
    for k, start in enumerate(slide_starts):
        end = slide_starts[k + 1] if k + 1 < len(slide_starts) else len(types)
        assert "notes" in types[start:end], f"slide {k + 1} of {path.stem} has no speaker notes"
    first_notes = next(c.source for t, c in zip(types, deck.cells) if t == "notes")
    if (ROOT / "book" / "instructor" / f"chapter-{path.stem[:2]}.md").is_file():
        assert "Talking points" in first_notes


@pytest.mark.skipif(not (REVEAL / "dist" / "reveal.js").is_file(),
                    reason="reveal.js is not fetched (make slides or make browser-deps; needs npm)")
def test_a_built_deck_loads_only_local_files(tmp_path):
    [deck] = slides.build([ROOT / "notebooks" / "01-network-society.ipynb"], tmp_path, REVEAL)
    html = deck.read_text(encoding="utf-8")
    loaded = re.findall(r'(?:src|href)="([^"#]+)"', html) + re.findall(r'require\(\[([^\]]+)\]', html)
    remote = [u for u in loaded if re.match(r"^(https?:)?//", u.strip(' "'))]
    assert remote == []
    assert not re.search(r"unpkg|jsdelivr|cdnjs|cdn\.", html, re.I), "a CDN is named in the deck"
    decks = {f"{p.stem}.slides.html" for p in slides.lesson_notebooks()}
    for url in re.findall(r'(?:src|href)="([^"#:]+)"', html):
        if url.endswith(".slides.html"):
            assert url in decks, f"a link to {url}, which `make slides` does not build"
        else:
            assert (tmp_path / url).exists(), f"the deck loads {url}, which was not copied next to it"
    assert 'href="01-2-reach-and-cascades.slides.html"' in html, "links to the next page go to its deck"
    assert (tmp_path / "reveal.js" / "dist" / "theme" / "white.css").is_file()
    assert (tmp_path / "_static" / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js").is_file()


def test_the_instructor_page_shows_a_slide_with_alt_text():
    page = (ROOT / "book" / "instructor" / "index.md").read_text(encoding="utf-8")
    assert "```{image} slide-example.png" in page and ":alt: A slide of chapter 1" in page
    picture = ROOT / "book" / "instructor" / "slide-example.png"
    assert picture.read_bytes().startswith(b"\x89PNG") and picture.stat().st_size < 100_000
