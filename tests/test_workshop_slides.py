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


def test_headings_start_slides_and_subslides():
    nb = new_notebook(cells=[new_markdown_cell("# Title\n\nIntro."), new_markdown_cell("## A section"),
                             new_markdown_cell("Text under it."), new_markdown_cell("### A subsection")])
    assert _types(nb) == ["slide", "slide", "-", "subslide"]


def test_code_is_a_fragment_a_picture_a_subslide_and_long_code_is_skipped():
    short = new_code_cell("x = 1\nprint(x)")
    picture = new_code_cell("draw()", outputs=[PNG])
    long = new_code_cell("\n".join(f"a{i} = {i}" for i in range(slides.MAX_CODE_LINES + 1)))
    long_picture = new_code_cell(long.source, outputs=[PNG])
    deck = slides.with_slide_types(new_notebook(cells=[new_markdown_cell("## S"), short, picture, long,
                                                       long_picture]))
    assert [c.metadata["slideshow"]["slide_type"] for c in deck.cells] == [
        "slide", "fragment", "subslide", "skip", "subslide"]
    assert slides.HIDE_INPUT in deck.cells[4].metadata["tags"], "a long cell shows its picture only"
    assert slides.HIDE_INPUT not in deck.cells[2].metadata.get("tags", [])


def test_existing_slideshow_metadata_and_skip_tags_are_honoured():
    given = new_markdown_cell("## Heading", metadata={"slideshow": {"slide_type": "notes"}})
    solution = new_code_cell("answer = 42", metadata={"tags": ["solution-only"]})
    nb = new_notebook(cells=[new_markdown_cell("# T"), given, solution])
    assert _types(nb) == ["slide", "notes", "skip"]


def test_long_markdown_is_cut_at_headings_and_blank_lines_but_never_inside_a_fence():
    fence = "```{admonition} Note\n" + "\n\n".join(f"line {i}" for i in range(20)) + "\n```"
    prose = "\n\n".join(f"Paragraph {i}." for i in range(30))
    text = f"# Title\n\nIntro.\n\n## Part two\n\n{prose}\n\n{fence}"
    parts = slides._split_markdown(text, max_lines=12)
    assert parts[0] == "# Title\n\nIntro." and parts[1].startswith("## Part two")
    assert len(parts) > 3
    assert sum(p.count("```") for p in parts) == 2
    assert any("```{admonition}" in p and p.endswith("```") and p.count("```") == 2 for p in parts), \
        "the fence is kept whole"
    assert "\n\n".join(parts).replace("\n", "") == text.replace("\n", "")


def test_the_notebook_itself_is_never_changed():
    path = ROOT / "notebooks" / "01-network-society.ipynb"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    nb = nbformat.read(path, as_version=4)
    deck = slides.with_slide_types(nb)
    assert all("slideshow" not in c.metadata for c in nb.cells)
    assert len(deck.cells) >= len(nb.cells)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("path", slides.lesson_notebooks(), ids=lambda p: p.stem)
def test_every_lesson_gives_a_deck_of_several_slides_starting_with_its_title(path):
    nb = nbformat.read(path, as_version=4)
    types = _types(nb)
    shown = [(t, c) for t, c in zip(types, slides.with_slide_types(nb).cells) if t != "skip"]
    assert shown[0][0] == "slide" and shown[0][1].source.startswith("# "), "the deck opens on the title"
    assert types.count("slide") >= 3


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
