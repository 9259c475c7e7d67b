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
  - cells tagged remove-cell, solution-only or nbval-skip are skipped;
  - MyST roles are rendered as the book renders them: citations as "van Dijk (2006)" with a
    References slide at the end, `{doc}` links as the page's title, `{verdict}` as the
    stored verdict; admonitions become a titled point;
  - prose becomes short points (each paragraph's first sentence), at most MAX_POINTS a
    slide; the full paragraph goes into the slide's speaker notes (press s), and the deck's
    first slide's notes carry the page's workshop timing and the chapter guide's talking
    points (book/instructor/chapter-NN.md).

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
MAX_POINTS = 5          # points on one slide
MAX_POINT_CHARS = 150   # a point longer than this is cut at a word, with an ellipsis
BIB = ROOT / "book" / "references.bib"
GUIDES = ROOT / "book" / "instructor"
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
<link rel="icon" href="data:,">
<style>
/* Projected at 1280 x 720: a slide's content must fit without scrolling
   (tests/browser/test_slides.py measures every slide). */
.reveal { font-size: 26px; }
.reveal h1 { font-size: 1.8em; } .reveal h2 { font-size: 1.35em; } .reveal h3 { font-size: 1.15em; }
.reveal ul { margin-left: 1em; } .reveal li { margin-bottom: 0.35em; }
.reveal section img { max-height: 540px; max-width: 100%; width: auto; height: auto; }
.reveal .jupyter-widgets img { max-height: 440px; }
.reveal table { font-size: 0.62em; }
.reveal pre, .reveal .jp-OutputArea-output pre { font-size: 0.5em; line-height: 1.25; }
.reveal .jp-RenderedHTMLCommon table { font-size: 0.55em; }
.reveal .snb-quiz { font-size: 0.55em; }
</style>
{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{% block footer_js %}
<script>
require(["reveal.js/dist/reveal.js", "reveal.js/plugin/notes/notes.js"], function (Reveal, RevealNotes) {
  Reveal.initialize({
    controls: true, progress: true, history: true, slideNumber: "c/t",
    transition: "{{ reveal_transition }}", plugins: [RevealNotes],
    width: 1280, height: 720, margin: 0.04
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



# ----------------------------------------------------------------- MyST roles to text
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<text>[^`]*)`")
FENCE_DIRECTIVE = re.compile(r"^(?P<fence>```+|:::+)\{(?P<name>[\w-]+)\}(?P<arg>.*)$")


def _bibliography() -> dict[str, dict[str, str]]:
    """Each entry of book/references.bib: its authors' short form, year and title."""
    from pybtex.database import parse_file

    entries = {}
    for key, entry in parse_file(str(BIB)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        # "van Dijk", "de Nooy": the particles belong to the name as cited
        names = [" ".join(p.prelast_names + p.last_names).replace("{", "").replace("}", "")
                 for p in people]
        if not names:
            names = [entry.fields.get("organization", entry.fields.get("title", key))]
        short = (names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2
                 else f"{names[0]} et al.")
        full = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
        title = entry.fields.get("title", "").replace("{", "").replace("}", "")
        entries[key] = {"short": short, "full": full, "year": entry.fields.get("year", ""),
                        "title": title}
    return entries


def _doc_title(target: str, base: Path) -> str:
    """The first heading of the page a `{doc}` link points to."""
    path = (base / target).resolve()
    for candidate in (path.with_suffix(".ipynb"), path.with_suffix(".md")):
        if candidate.is_file():
            if candidate.suffix == ".ipynb":
                text = "\n".join(c.source for c in nbformat.read(candidate, as_version=4).cells
                                 if c.cell_type == "markdown")
            else:
                text = candidate.read_text(encoding="utf-8")
            found = re.search(r"^#\s+(.+)$", text, re.M)
            if found:
                return found.group(1).strip()
    return Path(target).name


def render_roles(text: str, base: Path, cited: list[str], bib: dict | None = None) -> str:
    """MyST roles as the book shows them; each cited key is added to ``cited``."""
    bib = bib if bib is not None else _bibliography()

    def one(m: re.Match) -> str:
        role, body = m.group("role"), m.group("text")
        explicit = re.match(r"(?s)(.*?)\s*<([^>]+)>$", body)
        if role.startswith("cite"):
            keys = [k.strip() for k in body.split(",") if k.strip()]
            cited.extend(k for k in keys if k not in cited)
            refs = [bib.get(k, {"short": k, "year": ""}) for k in keys]
            style = role.partition(":")[2] or "p"
            if style == "t":
                return "; ".join(f"{r['short']} ({r['year']})" for r in refs)
            if style == "year":
                return ", ".join(r["year"] for r in refs)
            inner = "; ".join(f"{r['short']} {r['year']}" for r in refs)
            return inner if style in ("alp", "ts") else f"({inner})"
        if role == "doc":
            return explicit.group(1) if explicit else _doc_title(body, base)
        if role == "verdict":
            from snb import verdicts

            id, _, part = body.partition(":")
            v = verdicts.stored(id)
            return {"": v.sentence(), "estimate": v.interval_text(), "label": v.label,
                    "n": f"{v.n:,}"}.get(part, v.sentence())
        return explicit.group(1) if explicit else body  # term, ref, glossary...: the words

    return ROLE.sub(one, text)


def _directives_as_points(text: str) -> str:
    """```{admonition} Title ... ``` (and other fenced directives) as a titled paragraph."""
    out, fence, title, body = [], None, "", []
    for line in text.splitlines():
        m = FENCE_DIRECTIVE.match(line.strip())
        if fence is None and m:
            fence, title, body = m.group("fence"), m.group("arg").strip(), []
            title = title or m.group("name").capitalize()
            continue
        if fence is not None:
            if line.strip() == fence:
                kept = [b for b in body if not b.strip().startswith(":")]
                out += [f"**{title}.** " + " ".join(x.strip() for x in kept if x.strip()), ""]
                fence = None
            else:
                body.append(line)
            continue
        out.append(line)
    return "\n".join(out)


# ----------------------------------------------------------------- prose to points
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“*])")


def _short(sentence: str) -> str:
    sentence = sentence.strip()
    if len(sentence) <= MAX_POINT_CHARS:
        return sentence
    cut = sentence[:MAX_POINT_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
    # never leave emphasis or code open
    for mark in ("**", "`", "*"):
        if cut.count(mark) % 2:
            cut = cut[:cut.rfind(mark)].rstrip()
    return cut + " …"


def _first_sentence(paragraph: str) -> str:
    text = " ".join(line.strip() for line in paragraph.splitlines())
    return _short(SENTENCE_END.split(text, 1)[0])


def to_points(markdown: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A markdown part as (heading lines, [(point, the text it stands for)]): each
    paragraph's or list item's first sentence; tables and fenced code stay whole."""
    headings, points, block = [], [], []
    lines = markdown.splitlines() + [""]
    fence = None

    def flush() -> None:
        if not block:
            return
        text = "\n".join(block)
        if block[0].lstrip().startswith(("|", "```", "~~~", "$$", "<")):
            points.append((text, text))
        elif re.match(r"\s*([-*+]|\d+[.)])\s", block[0]):
            items, current = [], []
            for line in block:
                if re.match(r"\s*([-*+]|\d+[.)])\s", line) and current:
                    items.append(current)
                    current = []
                current.append(re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line) if not current else line)
            items.append(current)
            points.extend((_first_sentence("\n".join(i)), " ".join(x.strip() for x in i))
                          for i in items)
        else:
            points.append((_first_sentence(text), " ".join(x.strip() for x in block)))
        block.clear()

    for line in lines:
        stripped = line.strip()
        if fence is not None:
            block.append(line)
            if stripped.startswith(fence):
                fence = None
                flush()
            continue
        if stripped.startswith(("```", "~~~")):
            flush()
            fence = stripped[:3]
            block.append(line)
            continue
        if re.match(r"#{1,6}\s", stripped):
            flush()
            headings.append(stripped)
        elif not stripped:
            flush()
        else:
            if block and block[0].lstrip().startswith("|") != stripped.startswith("|"):
                flush()
            block.append(line)
    return headings, [p for p in points if p[0].strip()]


def _points_markdown(points: list[str]) -> str:
    return "\n".join(p if p.lstrip().startswith(("|", "```", "~~~", "$$", "<")) or "\n" in p
                     else f"- {p}" for p in points)


# ----------------------------------------------------------------- the chapter guide
def guide_notes(stem: str) -> str:
    """The page's workshop timing and the chapter's talking points, from its guide."""
    guide = GUIDES / f"chapter-{stem[:2]}.md"
    if not guide.is_file():
        return ""
    text = guide.read_text(encoding="utf-8")
    title = ""
    nb = ROOT / "notebooks" / f"{stem}.ipynb"
    if nb.is_file():
        title = _doc_title(str(nb.with_suffix("")), ROOT)
    timing = ""
    for row in re.findall(r"^\|\s*Page \*([^*]+)\*[^|]*\|\s*([^|]+)\|\s*([^|]+)\|", text, re.M):
        if title and (row[0].lower() in title.lower() or title.lower() in row[0].lower()):
            timing = f"Timing: {row[2].strip()} in a workshop ({row[1].strip()} self-paced)."
    points = re.search(r"^## Talking points\n(.*?)(?=^## )", text, re.M | re.S)
    talk = points.group(1).strip() if points else ""
    bib = _bibliography()
    talk = render_roles(talk, guide.parent, [], bib)
    return "\n\n".join(x for x in (timing, "Talking points for this chapter:", talk) if x)


def _cell(kind: str, source: str, slide_type: str) -> nbformat.NotebookNode:
    cell = (nbformat.v4.new_markdown_cell(source) if kind == "markdown"
            else nbformat.v4.new_code_cell(source))
    cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


def _notes(texts: list[str]) -> nbformat.NotebookNode | None:
    texts = [t for t in texts if t.strip()]
    return _cell("markdown", "\n\n".join(texts), "notes") if texts else None


def _alt(cell: nbformat.NotebookNode) -> str:
    alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
    if not alt:
        for out in cell.get("outputs", []):
            alt = out.get("data", {}).get("text/plain", "") if _has_picture({"outputs": [out]}) else ""
            if alt:
                break
    return "".join(alt) if isinstance(alt, list) else alt


def _markdown_slides(source: str, base: Path, cited: list[str], bib: dict,
                     max_slide_lines: int) -> list[nbformat.NotebookNode]:
    """A markdown cell as slides of at most MAX_POINTS short points, each with its notes."""
    text = _directives_as_points(render_roles(source, base, cited, bib))
    cells = []
    # cut at headings only: MAX_POINTS, not a count of lines, decides how much a slide holds
    for part in _split_markdown(text, 10**9):
        headings, points = to_points(part)
        chunks = [points[i:i + MAX_POINTS] for i in range(0, len(points), MAX_POINTS)] or [[]]
        for k, chunk in enumerate(chunks):
            lines = headings if k == 0 else [h + " (continued)" for h in headings if h.startswith("#")][:1]
            body = "\n".join(lines) + ("\n\n" if lines and chunk else "") + _points_markdown(
                [p for p, _ in chunk])
            first = headings[0] if (headings and k == 0) else ""
            kind = ("slide" if re.match(r"#{1,2}\s", first) else "subslide")
            cells.append(_cell("markdown", body, kind))
            notes = _notes([full for _, full in chunk] or [part])
            if notes is not None:
                cells.append(notes)
    return cells


def _is_quiz(output: dict) -> bool:
    html = output.get("data", {}).get("text/html", "")
    return "snb-quiz" in ("".join(html) if isinstance(html, list) else html)


def _code_slides(cell: nbformat.NotebookNode, max_code_lines: int) -> list[nbformat.NotebookNode]:
    """A code cell on slides: each picture on a sub-slide of its own (code and printed text
    in the notes), other output on a sub-slide, short code without output as a fragment.
    A self-check quiz stays in the book: too long for a slide, it is named in the notes."""
    outputs = cell.get("outputs", [])
    if any(_is_quiz(o) for o in outputs):
        cell.metadata["slideshow"] = {"slide_type": "skip"}
        return [cell, _cell("markdown", "The self-check questions are on the book's page: "
                            "ask the room, then reveal the answers there.", "notes")]
    pictures = [o for o in outputs if _has_picture({"outputs": [o]})]
    if not pictures:
        long = _lines(cell) > max_code_lines
        kind = "skip" if long else "subslide" if outputs else "fragment"
        cell.metadata.setdefault("slideshow", {})["slide_type"] = kind
        if kind != "subslide":
            return [cell]
        return [cell, _cell("markdown", "Run the cell and read its output with the room.", "notes")]
    printed = "".join("".join(o.get("text", "")) for o in outputs if o.get("output_type") == "stream")
    made = f"Made by:\n\n```python\n{cell.source}\n```"
    out = []
    for k, picture in enumerate(pictures):
        piece = copy.deepcopy(cell)
        piece.outputs = [picture]
        piece.metadata["slideshow"] = {"slide_type": "subslide"}
        piece.metadata.setdefault("tags", []).append(HIDE_INPUT)  # the picture carries it
        alt = _alt(piece) if k == 0 else ""
        if not alt:
            text = picture.get("data", {}).get("text/plain", "")
            alt = "".join(text) if isinstance(text, list) else text
        notes = [alt, f"Printed beside it:\n\n```\n{printed.strip()}\n```" if printed.strip() and k == 0
                 else "", made if k == 0 else ""]
        out += [piece, _notes(notes) or _cell("markdown", made, "notes")]
    return out


def references_slide(cited: list[str], bib: dict) -> list[nbformat.NotebookNode]:
    """A References slide for the citations of a deck (none when nothing is cited)."""
    if not cited:
        return []
    rows = []
    for key in cited:
        ref = bib.get(key)
        rows.append(f"- {ref['full']} ({ref['year']}). *{ref['title']}*." if ref else f"- {key}")
    slides, notes = [], "Full references are on the book's References page."
    for i in range(0, len(rows), 8):
        title = "## References" if i == 0 else "## References (continued)"
        slides += [_cell("markdown", title + "\n\n" + "\n".join(rows[i:i + 8]),
                         "slide" if i == 0 else "subslide"),
                   _cell("markdown", notes, "notes")]
    return slides


def with_slide_types(nb: nbformat.NotebookNode, max_code_lines: int = MAX_CODE_LINES,
                     max_slide_lines: int = MAX_SLIDE_LINES, stem: str = "",
                     base: Path = ROOT / "notebooks") -> nbformat.NotebookNode:
    """A copy of the notebook as a deck: markdown as short points with speaker notes, code
    as fragments, pictures on their own slides, roles rendered, a References slide (the
    original is untouched)."""
    deck = copy.deepcopy(nb)
    bib = _bibliography()
    cited: list[str] = []
    cells: list[nbformat.NotebookNode] = []
    for cell in deck.cells:
        given = cell.metadata.get("slideshow", {}).get("slide_type")
        tags = set(cell.metadata.get("tags", []))
        if given or (tags & SKIP_TAGS):
            cell.metadata.setdefault("slideshow", {})["slide_type"] = given or "skip"
            cells.append(cell)
        elif cell.cell_type == "markdown":
            cells += _markdown_slides(cell.source, base, cited, bib, max_slide_lines)
        elif cell.cell_type == "code":
            cells += _code_slides(cell, max_code_lines)
        else:
            cell.metadata.setdefault("slideshow", {})["slide_type"] = "skip"
            cells.append(cell)
    cells += references_slide(cited, bib)
    shown = [c for c in cells if c.metadata["slideshow"]["slide_type"] not in ("skip", "notes")]
    if shown and shown[0].metadata["slideshow"]["slide_type"] != "slide":
        shown[0].metadata["slideshow"]["slide_type"] = "slide"
    talk = guide_notes(stem) if stem else ""
    if talk and shown:
        where = cells.index(shown[0]) + 1
        cells.insert(where, _cell("markdown", talk, "notes"))
    deck.cells = cells
    return deck


def slide_types(nb: nbformat.NotebookNode, **kwargs) -> list[str]:
    """The slide type of every cell of the deck :func:`with_slide_types` makes."""
    return [c.metadata["slideshow"]["slide_type"] for c in with_slide_types(nb, **kwargs).cells]


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
        deck = with_slide_types(nbformat.read(path, as_version=4), stem=path.stem,
                                base=path.parent)
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
