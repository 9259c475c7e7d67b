"""The explorers' pictures for the static book: stored settings in the notebooks, frames
rendered by the build (tools/frames.py), never half a set.

`make execute` stores each explorer as plain HTML controls and its spec (the render function
and the grid of settings) in the output's metadata; the book build renders every frame into
book/_static/frames/<id>/ (not tracked by git) in parallel, reuses a set while its inputs are
unchanged, swaps a new set in whole, and refuses to build a page whose frames are missing or
incomplete. The course's own tests here read the stored notebooks (no frames needed); the
rendering, reuse, interruption and refusal are tested on a tiny book in a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest
from helpers import load_tool

from snb import widgets
from snb.widgets import base

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # frames' workers find it by name, as book_build imports it
import frames  # noqa: E402

NOTEBOOKS = frames.course_notebooks(ROOT)
MARK = 'class="snb-explorer"'
EXPLORER_CALL = re.compile(r"widgets\.\w+_explorer\(")
FIX = "run `make execute` for this notebook"


def stored_explorers(path: Path) -> list[tuple[str, str, dict]]:
    """(cell source, stored HTML, spec) of every explorer stored in the notebook's outputs."""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/html", "")
            if MARK in text:
                found.append((cell.source, text, output.get("metadata", {}).get(base.SPEC_KEY)))
    return found


EXPLORERS = [(path, source, text, spec) for path in NOTEBOOKS for source, text, spec in stored_explorers(path)]
IDS = [f"{p.parent.name}/{p.stem}:{(s or {}).get('title', '?')}" for p, _, _, s in EXPLORERS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS])
def test_every_explorer_is_stored_kernel_free_with_its_settings(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and EXPLORER_CALL.search(cell.source):
            outputs = cell.get("outputs", [])
            html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
            assert MARK in html, f"{path.name}: {cell.source[:50]!r} is stored as a live widget: {FIX}"
            assert any(base.SPEC_KEY in o.get("metadata", {}) for o in outputs), \
                f"{path.name}: {cell.source[:50]!r} has no stored settings to render: {FIX}"
    assert "widgets" not in nb.metadata or nb.metadata["widgets"], "empty widget state"


def test_the_notebooks_hold_explorers():
    assert len(EXPLORERS) >= 9, "chapters 1-5 have nine explorers"


def _explorer(source: str) -> base.Explorer:
    explorer = eval(compile(source.strip(), "<explorer cell>", "eval"), {"widgets": widgets})
    assert isinstance(explorer, base.Explorer)
    return explorer


@pytest.mark.parametrize("path,source,text,spec", EXPLORERS, ids=IDS)
def test_stored_settings_are_the_explorers_now_and_name_its_frames(path, source, text, spec):
    """The spec is what the explorer's controls give now; the page's id, manifest and first
    picture point into the folder named by the spec; its alt text is what the render
    function draws now for the lesson's settings."""
    explorer = _explorer(source)
    assert spec == base.explorer_spec(explorer), f"{path.name}: the explorer's controls changed: {FIX}"
    uid = base.spec_uid(spec)
    assert uid == frames.spec_uid(spec)
    assert f'id="{uid}" data-manifest="frames/{uid}/{base.MANIFEST_FILE}"' in text
    _, first = base.render_frame(explorer.render, spec, base.default_key(spec))
    if "src" in first:
        assert f'data-src="{first["src"]}" alt="{base.html.escape(first["alt"])}"' in text, \
            f"{path.name}: the lesson's picture is described differently now: {FIX}"


# ----------------------------------------------------------- the build, on a tiny book
RENDER_MODULE = '''\
import io, os, time
from PIL import Image
from snb import draw

def render(size=2, colour="red"):
    time.sleep(float(os.environ.get("TINY_SLEEP", "0")))
    if size == 0:
        raise ValueError("a square needs a side")
    image = Image.new("RGB", (size, size), colour)
    out = io.BytesIO()
    image.save(out, "PNG")
    return draw.Picture(png=out.getvalue(), alt=f"a {colour} square of side {size}")
'''


def tiny_spec(colours=("red", "blue")) -> dict:
    controls = [{"name": "size", "label": "Side", "kind": "range", "values": [0, 2, 3, 4],
                 "labels": ["0", "2", "3", "4"], "default": 1},
                {"name": "colour", "label": "Colour", "kind": "select", "values": list(colours),
                 "labels": list(colours), "default": 0}]
    keys = [f"{i}-{j}" for i in range(4) for j in range(len(colours))]
    return {"title": "Tiny", "render": "tinyrender:render", "mode": "product", "kept": [],
            "controls": controls, "keys": keys}


@pytest.fixture
def book(tmp_path, monkeypatch):
    """A tiny course: one lesson storing one explorer, its render function in a module."""
    (tmp_path / "tinyrender.py").write_text(RENDER_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "_config.yml").write_text('title: Tiny\nonly_build_toc_files: true\n'
                                          'execute:\n  execute_notebooks: "off"\n')
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: notebooks/01-page\n")
    (tmp_path / "intro.md").write_text("# Tiny\n")
    (tmp_path / "notebooks").mkdir()
    store(tmp_path, tiny_spec())
    return tmp_path


def store(root: Path, spec: dict, modules: dict | None = None, data: dict | None = None) -> Path:
    """Write the lesson as make execute would: the explorer's output and a fresh record."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("widgets.tiny_explorer()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": f'<div {MARK}></div>'},
                                           metadata={base.SPEC_KEY: spec})]
    nb.cells = [cell]
    modules = {"tinyrender.py": "1"} if modules is None else modules
    nb.metadata["snb"] = {"code": load_tool("book_build").code_hash(nb), "modules": modules, "data": data or {}}
    path = root / "notebooks" / "01-page.ipynb"
    nbformat.write(nb, path)
    return path


def pages(root):
    return frames.course_notebooks(root)


def test_a_set_is_rendered_whole_then_reused_while_its_inputs_hold(book):
    spec = tiny_spec()
    folder = book / frames.FRAMES / frames.spec_uid(spec)
    assert frames.problems(book, pages(book)) == [
        f"notebooks/01-page.ipynb: the frames of the explorer 'Tiny' ({frames.FRAMES.as_posix()}/"
        f"{folder.name}) are missing"]
    counts = frames.build(book, pages(book), jobs=2, quiet=True)
    assert counts == {"reused": 0, "rendered": 1, "frames": 8, "removed": 0}
    assert frames.problems(book, pages(book)) == []
    manifest = base.read_manifest(folder / base.MANIFEST_FILE)
    assert set(manifest["frames"]) == set(spec["keys"])
    assert manifest["frames"]["0-0"]["error"].startswith("These settings cannot be drawn (ValueError")
    assert manifest["frames"]["1-1"] == {"src": f"frames/{folder.name}/1-1.png", "alt": "a blue square of side 2",
                                         "width": 2, "height": 2}
    assert sorted(p.name for p in folder.glob("*.png")) == [f"{k}.png" for k in sorted(spec["keys"])[2:]]
    stamp = (folder / "1-1.png").stat().st_mtime_ns
    assert frames.build(book, pages(book), jobs=1, quiet=True)["reused"] == 1
    assert (folder / "1-1.png").stat().st_mtime_ns == stamp, "an unchanged set is not drawn again"

    store(book, spec, modules={"tinyrender.py": "2"})  # other code on the page, not in the pictures
    assert frames.problems(book, pages(book)) == []
    store(book, spec, data={"snb/data/squares.csv": "2"})  # other data: new pictures
    assert "made from other inputs" in frames.problems(book, pages(book))[0]
    assert frames.build(book, pages(book), jobs=1, quiet=True)["rendered"] == 1
    inputs = json.loads((folder / ".inputs").read_text())
    assert {"snb/__init__.py", "snb/draw.py", "snb/widgets/base.py"} <= set(inputs["modules"]) or \
        not (book / "snb").exists(), "the code that drew the pictures is recorded (when the book holds it)"
    store(book, tiny_spec(("red", "green")))  # other settings: another folder; the old one goes
    counts = frames.build(book, pages(book), jobs=1, quiet=True)
    assert counts["rendered"] == 1 and counts["removed"] == 1 and not folder.exists()


def test_a_missing_picture_or_manifest_is_named_and_rendered_again(book):
    spec = tiny_spec()
    frames.build(book, pages(book), jobs=1, quiet=True)
    folder = book / frames.FRAMES / frames.spec_uid(spec)
    (folder / "2-1.png").unlink()
    assert frames.problems(book, pages(book)) == [
        f"notebooks/01-page.ipynb: the frames of the explorer 'Tiny' ({frames.FRAMES.as_posix()}/"
        f"{folder.name}) are incomplete (1 of 8 pictures missing, e.g. 2-1.png)"]
    frames.build(book, pages(book), jobs=1, quiet=True)
    assert frames.problems(book, pages(book)) == []
    (folder / base.MANIFEST_FILE).unlink()
    assert "incomplete (no manifest.js)" in frames.problems(book, pages(book))[0]


def test_make_book_refuses_a_page_whose_frames_are_missing(book, capsys):
    book_build = load_tool("book_build")
    store(book, tiny_spec(), modules={})  # a fresh record: only the frames are missing
    assert book_build.main(["--root", str(book), "--frames", "check"]) == 1
    out = capsys.readouterr().out
    assert "Not building: the explorers' pictures of these pages are missing or incomplete" in out
    assert "notebooks/01-page.ipynb: the frames of the explorer 'Tiny'" in out and "are missing" in out


def test_an_explorer_stored_without_settings_is_refused(book):
    nb = nbformat.read(book / "notebooks" / "01-page.ipynb", as_version=4)
    nb.cells[0].outputs[0].metadata = {}
    nbformat.write(nb, book / "notebooks" / "01-page.ipynb")
    assert frames.problems(book, pages(book)) == [
        "notebooks/01-page.ipynb: an explorer stored by an older `make execute` (no settings to render): "
        + frames.FIX]


RUN = textwrap.dedent("""\
    import sys
    sys.path[:0] = [sys.argv[1], sys.argv[2]]
    import frames
    root = frames.Path(sys.argv[1])
    frames.build(root, frames.course_notebooks(root), jobs=int(sys.argv[3]), quiet=True)
""")


@pytest.mark.slow  # a process (and its workers) per case: make slow-test, not make unit
@pytest.mark.parametrize("how,jobs", [(signal.SIGINT, 1), (signal.SIGINT, 2), (signal.SIGKILL, 1)])
def test_an_interrupted_render_leaves_the_old_set_whole(book, how, jobs):
    """Ctrl-C (or a kill) while a new set renders: the previous set stays complete and in
    place; the next build finishes the job and leaves nothing temporary behind."""
    spec = tiny_spec()
    frames.build(book, pages(book), jobs=1, quiet=True)
    folder = book / frames.FRAMES / frames.spec_uid(spec)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    store(book, spec, data={"snb/data/squares.csv": "2"})
    # 2 s a picture: after the first lands, the rest of the set takes 6 s or more (8 pictures,
    # 2 workers), so the signal comes mid-render even on a loaded machine
    env = {**os.environ, "TINY_SLEEP": "2", "PYTHONPATH": os.pathsep.join([str(ROOT), str(book)])}
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(book), str(ROOT / "tools"), str(jobs)], env=env,
                            start_new_session=True)
    deadline = time.time() + 60
    while not any(p.name.endswith(".png") for p in (book / frames.FRAMES).glob(".tmp-*/*")):
        assert proc.poll() is None and time.time() < deadline, "the render never started"
        time.sleep(0.05)
    os.killpg(proc.pid, how)
    proc.wait(timeout=60)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "the old set was touched"
    assert "made from other inputs" in frames.problems(book, pages(book))[0]
    if how == signal.SIGINT:
        assert not list((book / frames.FRAMES).glob(".*")), "Ctrl-C leaves no temporary folder"
    frames.build(book, pages(book), jobs=1, quiet=True)
    assert frames.problems(book, pages(book)) == []
    assert sorted(p.name for p in (book / frames.FRAMES).iterdir()) == [folder.name]


def test_a_set_drawn_by_code_that_changed_since_is_rendered_again(book):
    """The modules loaded while a set was drawn are recorded with their code hashes."""
    frames.build(book, pages(book), jobs=1, quiet=True)
    folder = book / frames.FRAMES / frames.spec_uid(tiny_spec())
    (book / "snb").mkdir()
    (book / "snb" / "model.py").write_text('"""A model."""\nX = 1  # one\n')
    inputs = json.loads((folder / ".inputs").read_text())
    inputs["modules"]["snb/model.py"] = frames.module_hash(book / "snb" / "model.py")
    (folder / ".inputs").write_text(json.dumps(inputs))
    assert frames.problems(book, pages(book)) == []
    (book / "snb" / "model.py").write_text('"""A model, reworded."""\nX = 1  # uno\n')
    assert frames.problems(book, pages(book)) == [], "docstrings and comments draw nothing"
    (book / "snb" / "model.py").write_text('"""A model."""\nX = 2\n')
    assert frames.problems(book, pages(book)) == [
        f"notebooks/01-page.ipynb: the frames of the explorer 'Tiny' ({frames.FRAMES.as_posix()}/"
        f"{folder.name}) are drawn by code that changed since (snb/model.py)"]


def test_the_site_gets_exactly_the_current_sets(book):
    frames.build(book, pages(book), jobs=1, quiet=True)
    site = book / "_build" / "html"
    (site / "_static" / "frames" / "snb-x-000000000000").mkdir(parents=True)
    assert frames.sync(book, site) == 1
    assert frames.sync(book, site) == 0, "a set already in the site is not copied again"
    uid = frames.spec_uid(tiny_spec())
    assert sorted(p.name for p in (site / "_static" / "frames").iterdir()) == [uid]
    assert json.loads(json.dumps(base.read_manifest(site / "_static" / "frames" / uid / "manifest.js")))


def star_spec(colours=("red", "blue")) -> dict:
    """The tiny explorer planned as a star (one setting at a time from the lesson's)."""
    spec = tiny_spec(colours)
    spec.update(mode="star", keys=["1-0", "0-0", "2-0", "3-0"] + [f"1-{j}" for j in range(1, len(colours))])
    return spec


def test_a_partial_grid_small_enough_is_rendered_whole(book):
    """Issue 24: the build completes a star it can afford, so that no move of a control
    needs another one put back; the manifest then lists a full ("product") grid."""
    spec = star_spec()
    store(book, spec)
    assert frames.frame_keys(spec) == frames.full_grid(spec) == tiny_spec()["keys"]
    assert frames.build(book, pages(book), jobs=1, quiet=True)["frames"] == 8
    folder = book / frames.FRAMES / frames.spec_uid(spec)
    manifest = base.read_manifest(folder / base.MANIFEST_FILE)
    assert set(manifest["frames"]) == set(tiny_spec()["keys"]) and manifest["mode"] == "product"
    assert (folder / "3-1.png").is_file() and frames.problems(book, pages(book)) == []
    (folder / "3-1.png").unlink()  # a picture off the star is checked like any other
    assert "1 of 8 pictures missing" in frames.problems(book, pages(book))[0]


def test_a_partial_grid_too_big_keeps_its_part(book, monkeypatch):
    monkeypatch.setattr(frames, "FULL_GRID", 7)
    spec = star_spec()
    store(book, spec)
    assert frames.frame_keys(spec) == spec["keys"]
    assert frames.build(book, pages(book), jobs=1, quiet=True)["frames"] == 5
    manifest = base.read_manifest(book / frames.FRAMES / frames.spec_uid(spec) / base.MANIFEST_FILE)
    assert set(manifest["frames"]) == set(spec["keys"]) and manifest["mode"] == "star"


def test_a_set_drawn_for_a_larger_grid_is_drawn_again(book, monkeypatch):
    """A set completed under a higher FULL_GRID lists more pictures than are wanted now: its
    manifest would weigh on the page, so the next build draws the set again."""
    spec = star_spec()
    store(book, spec)
    assert frames.build(book, pages(book), jobs=1, quiet=True)["frames"] == 8  # the full grid
    monkeypatch.setattr(frames, "FULL_GRID", 7)
    assert frames.problems(book, pages(book)) == [
        f"notebooks/01-page.ipynb: the frames of the explorer 'Tiny' ({frames.FRAMES.as_posix()}/"
        f"{frames.spec_uid(spec)}) are made for another grid (3 pictures more than 5)"]
    assert frames.build(book, pages(book), jobs=1, quiet=True)["frames"] == 5
    assert frames.problems(book, pages(book)) == []
