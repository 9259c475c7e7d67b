"""Slides from the lesson notebooks: `make slides` -> _build/slides/NN-*.slides.html.

nbconvert's reveal.js exporter turns each lesson page (notebooks/NN-*.ipynb) into a slide
deck that works with no network: reveal.js comes from npm (`make slides` fetches the pinned
version with `npm pack` into .venv/reveal.js) and is copied next to the decks, with
RequireJS, MathJax 3 and the ipywidgets manager from the book's vendored copies (book/_vendor).
nbconvert's own template would load jQuery, RequireJS, MathJax 2 and mermaid from CDNs: the
template below replaces those blocks with the local files and drops what the decks do not use.

The notebooks are never edited. Slide types are derived on a copy in memory, and a cell
that already has `slideshow` metadata keeps it:
  - markdown cells are cut before every heading and, when long, at a blank line outside
    fences (--max-slide-lines); a part starting with `#` or `##` starts a new slide,
    `###` a sub-slide; other markdown continues the slide, or starts a sub-slide once
    the slide is full;
  - a code cell with a picture gets its own sub-slide (over MAX_CODE_LINES lines of
    code, the picture only); any other code cell appears as a fragment, or is skipped
    when longer than MAX_CODE_LINES;
  - cells tagged remove-cell, solution-only or nbval-skip are skipped.

    python tools/slides.py [--out _build/slides] [--reveal .venv/reveal.js] [notebooks...]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "book" / "_vendor"
DEFAULT_REVEAL = ROOT / ".venv" / "reveal.js"
DEFAULT_OUT = ROOT / "_build" / "slides"
MAX_CODE_LINES = 12
MAX_SLIDE_LINES = 12
HIDE_INPUT = "snb-slides-hide-input"  # long code: the deck shows its picture only
SKIP_TAGS = {"remove-cell", "solution-only", "nbval-skip"}
REVEAL_PARTS = ("dist", "plugin/notes", "LICENSE", "package.json")


def _book_ext():
    """The book's Sphinx extension: the slides reuse its widget and MathJax scripts."""
    spec = importlib.util.spec_from_file_location("snb_book", ROOT / "book" / "_ext" / "snb_book.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _head_scripts() -> str:
    ext = _book_ext()
    paths = {name: f"_static/@jupyter-widgets/html-manager/dist/{file}"
             for name, file in ext.WIDGET_AMD_MODULES.items()}
    return "\n".join([
        # MathJax 3 reads this object when it loads; $...$ as in the book (dollarmath)
        "<script>window.MathJax = {tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']]},"
        " startup: {typeset: true}};</script>",
        '<script defer src="_static/mathjax/tex-chtml.js"></script>',
        f"<script>{ext.MATHJAX_HUB_SHIM_JS}</script>",
        f"<script>{ext.SLIDER_LABEL_JS}</script>",
        # a global `require` defined before require.js is its configuration
        f"<script>window.require = {{paths: {json.dumps(paths)}}};</script>",
        '<script src="_static/require.js"></script>',
    ])


TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}
@@HEAD@@
{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{% block footer_js %}
<script>
require(["reveal.js/dist/reveal.js", "reveal.js/plugin/notes/notes.js"], function (Reveal, RevealNotes) {
  Reveal.initialize({
    controls: true, progress: true, history: true, slideNumber: "c/t",
    transition: "{{ reveal_transition }}", plugins: [RevealNotes],
    width: {{ reveal_width }}, height: {{ reveal_height }}
  });
  window.snbReveal = Reveal;
});
</script>
{% endblock footer_js %}
"""


def _lines(cell) -> int:
    return len(cell.source.strip().splitlines()) if cell.source.strip() else 0


def _has_picture(cell) -> bool:
    return any(out.get("data", {}).keys() & {"image/png", "image/svg+xml", "image/jpeg"}
               for out in cell.get("outputs", []))


def _split_markdown(text: str, max_lines: int) -> list[str]:
    """Markdown cut before every heading, and at blank lines (outside fences) when too long."""
    parts: list[list[str]] = [[]]
    fence = None
    for line in text.splitlines():
        stripped = line.strip()
        if fence is None and stripped.startswith(("#", )) and stripped.split(" ")[0] in ("#", "##", "###"):
            if any(x.strip() for x in parts[-1]):
                parts.append([])
        elif fence is None and not stripped and len(parts[-1]) >= max_lines:
            parts.append([])
            continue
        marker = next((m for m in ("```", ":::") if stripped.startswith(m)), None)
        if marker:
            ticks = stripped[:len(stripped) - len(stripped.lstrip(marker[0]))]
            if fence is None:
                fence = ticks
            elif stripped == ticks or ticks == fence:
                fence = None
        parts[-1].append(line)
    return ["\n".join(p).strip("\n") for p in parts if any(x.strip() for x in p)]


def split_cells(nb: nbformat.NotebookNode, max_slide_lines: int = MAX_SLIDE_LINES) -> nbformat.NotebookNode:
    """A copy with markdown cells cut at headings and long paragraphs (cells with
    `slideshow` metadata are kept whole)."""
    deck = copy.deepcopy(nb)
    cells = []
    for cell in deck.cells:
        if cell.cell_type != "markdown" or "slideshow" in cell.metadata:
            cells.append(cell)
            continue
        for k, part in enumerate(_split_markdown(cell.source, max_slide_lines)):
            piece = copy.deepcopy(cell)
            piece.source = part
            if "id" in cell:
                piece.id = f"{cell.id}-{k}"
            cells.append(piece)
    deck.cells = cells
    return deck


def slide_types(nb: nbformat.NotebookNode, max_code_lines: int = MAX_CODE_LINES,
                max_slide_lines: int = MAX_SLIDE_LINES) -> list[str]:
    """The reveal.js slide type of every cell, derived as the module docstring says."""
    types: list[str] = []
    used = 0  # lines of markdown on the current slide
    for cell in nb.cells:
        given = cell.metadata.get("slideshow", {}).get("slide_type")
        tags = set(cell.metadata.get("tags", []))
        source = cell.source.lstrip()
        if given:
            kind = given
        elif tags & SKIP_TAGS:
            kind = "skip"
        elif cell.cell_type == "markdown":
            if source.startswith(("# ", "## ")):
                kind = "slide"
            elif source.startswith("### "):
                kind = "subslide"
            elif used + _lines(cell) > max_slide_lines:
                kind = "subslide"
            else:
                kind = "-"
        elif cell.cell_type == "code":
            if _lines(cell) > max_code_lines and not _has_picture(cell):
                kind = "skip"
            elif _has_picture(cell):
                kind = "subslide"
            else:
                kind = "fragment"
        else:
            kind = "skip"
        if kind in ("slide", "subslide"):
            used = 0
        if cell.cell_type == "markdown" and kind not in ("skip", "notes"):
            used += _lines(cell)
        elif cell.cell_type == "code" and kind != "skip":
            used = max_slide_lines  # text after a code cell goes on a fresh sub-slide
        types.append(kind)
    if types and types[0] not in ("slide", "skip"):
        types[0] = "slide"
    return types


def with_slide_types(nb: nbformat.NotebookNode, max_code_lines: int = MAX_CODE_LINES,
                     max_slide_lines: int = MAX_SLIDE_LINES) -> nbformat.NotebookNode:
    """A copy of the notebook, cut into slide-sized cells that carry their slide types
    (the original is untouched)."""
    deck = split_cells(nb, max_slide_lines)
    for cell, kind in zip(deck.cells, slide_types(deck, max_code_lines, max_slide_lines)):
        cell.metadata.setdefault("slideshow", {})["slide_type"] = kind
        if cell.cell_type == "code" and _lines(cell) > max_code_lines:
            cell.metadata.setdefault("tags", []).append(HIDE_INPUT)
    return deck


def exporter():
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter

    from nbconvert.preprocessors import TagRemovePreprocessor

    template = TEMPLATE.replace("@@HEAD@@", _head_scripts())
    slides = SlidesExporter(
        extra_loaders=[DictLoader({"snb-reveal.html.j2": template})],
        template_file="snb-reveal.html.j2",
        reveal_url_prefix="reveal.js",
        reveal_theme="white",
        reveal_transition="none",
        widget_renderer_url="_static/@jupyter-widgets/html-manager/dist/embed-amd.js",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    slides.register_preprocessor(TagRemovePreprocessor(remove_input_tags={HIDE_INPUT}), enabled=True)
    return slides


def copy_assets(reveal: Path, out: Path) -> None:
    """reveal.js (from npm) and the book's vendored scripts, next to the decks."""
    if not (reveal / "dist" / "reveal.js").is_file():
        raise SystemExit(f"reveal.js is not in {reveal}: run `make slides` (it fetches it with npm pack)")
    for part in REVEAL_PARTS:
        source, target = reveal / part, out / "reveal.js" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copy2(source, target)
    shutil.copytree(VENDOR, out / "_static", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("MANIFEST.json", "README.md"))


def build(notebooks: list[Path], out: Path, reveal: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(reveal, out)
    slides = exporter()
    written = []
    for path in notebooks:
        deck = with_slide_types(nbformat.read(path, as_version=4))
        html, _ = slides.from_notebook_node(deck, resources={"metadata": {"name": path.stem}})
        target = out / f"{path.stem}.slides.html"
        html = re.sub(r'href="(\d\d-[\w-]+)\.ipynb', r'href="\1.slides.html', html)
        target.write_text(html, encoding="utf-8")
        written.append(target)
    return written


def lesson_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson page")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--reveal", type=Path, default=DEFAULT_REVEAL, help="unpacked npm reveal.js")
    args = parser.parse_args(argv)
    written = build(args.notebooks or lesson_notebooks(), args.out, args.reveal)
    for path in written:
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    print(f"{len(written)} slide decks in {args.out}; open one in a browser (no network needed), "
          "press ? for reveal.js keys, s for speaker notes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
