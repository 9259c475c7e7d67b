"""The explorers' precomputed pictures for the static book are present, complete and fresh.

`make execute` stores each explorer as plain HTML controls and a manifest of frames, and
writes the frames (PNG) to book/_static/frames/ (tracked by git, so the book builds
without a kernel). These tests fail when a notebook still stores a live widget for an
explorer, when a frame is missing, renamed or orphaned, when an explorer's controls
changed since (other grid), or when its render function now draws other pictures
(sampled frames are drawn again and compared byte for byte). Fix: `make execute`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from snb import widgets
from snb.widgets import base

ROOT = Path(__file__).resolve().parents[1]
FRAMES = ROOT / "book" / "_static" / "frames"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")) + sorted((ROOT / "solutions").glob("[0-9]*.ipynb"))
MARK = 'class="snb-explorer"'
EXPLORER_CALL = re.compile(r"widgets\.\w+_explorer\(")
DATA = re.compile(r'class="snb-explorer" id="([^"]+)" data-manifest="([^"]+)"')
FIX = "run `make execute` (it re-renders the explorers' frames)"


def stored_explorers(path: Path) -> list[tuple[str, dict]]:
    """(cell source, manifest) of every explorer stored in the notebook's outputs."""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/html", "")
            if MARK in text:
                uid, script = DATA.search(text).groups()
                path_ = ROOT / "book" / "_static" / script
                manifest = base.read_manifest(path_) if path_.is_file() else {"missing": script}
                found.append((cell.source, {**manifest, "uid": uid, "script": script}))
    return found


EXPLORERS = [(path, source, manifest) for path in NOTEBOOKS for source, manifest in stored_explorers(path)]
IDS = [f"{p.parent.name}/{p.stem}:{m['title']}" for p, _, m in EXPLORERS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS])
def test_every_explorer_is_stored_kernel_free(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and EXPLORER_CALL.search(cell.source):
            html = "".join(o.get("data", {}).get("text/html", "") for o in cell.get("outputs", []))
            assert MARK in html, f"{path.name}: {cell.source[:50]!r} is stored as a live widget: {FIX}"
    assert "widgets" not in nb.metadata or nb.metadata["widgets"], "empty widget state"


def test_the_notebooks_hold_explorers():
    assert len(EXPLORERS) >= 6, "chapters 1-3 have six explorers"


@pytest.mark.parametrize("path,source,manifest", EXPLORERS, ids=IDS)
def test_frames_exist_under_their_content_hash(path, source, manifest):
    assert "missing" not in manifest, f"{path.name}: the manifest {manifest.get('missing')} is missing: {FIX}"
    assert manifest["script"].endswith(manifest["uid"] + ".js")
    for key, frame in manifest["frames"].items():
        if "src" not in frame:
            continue
        file = ROOT / "book" / "_static" / frame["src"]
        assert file.is_file(), f"{path.name}: frame {key} ({frame['src']}) is missing: {FIX}"
        assert base.frame_name(file.read_bytes()) == file.name, f"{frame['src']} was changed by hand: {FIX}"


def test_no_orphaned_frames():
    used = {ROOT / "book" / "_static" / f["src"] for _, _, m in EXPLORERS for f in m["frames"].values() if "src" in f}
    used |= {ROOT / "book" / "_static" / m["script"] for _, _, m in EXPLORERS}
    present = {p for p in FRAMES.rglob("*") if p.is_file()} if FRAMES.is_dir() else set()
    orphans = sorted(p.relative_to(ROOT).as_posix() for p in present - used)
    assert not orphans, f"{len(orphans)} frames no notebook uses, e.g. {orphans[:3]}: {FIX}"


def _explorer(source: str) -> base.Explorer:
    explorer = eval(compile(source.strip(), "<explorer cell>", "eval"), {"widgets": widgets})
    assert isinstance(explorer, base.Explorer)
    return explorer


@pytest.mark.parametrize("path,source,manifest", EXPLORERS, ids=IDS)
def test_frames_follow_the_current_controls(path, source, manifest):
    explorer = _explorer(source)
    mode, grids, keys = base.frame_plan(explorer.controls)
    assert manifest["render"] == f"{explorer.render.__module__}:{explorer.render.__qualname__}"
    assert manifest["mode"] == mode and json.loads(json.dumps(grids)) == manifest["controls"], \
        f"{path.name}: the explorer's controls changed since its frames were made: {FIX}"
    assert manifest["kept"] == (base.categorical(explorer.controls) if mode == "options" else [])
    assert set(manifest["frames"]) == {"-".join(map(str, k)) for k in keys}


@pytest.mark.parametrize("path,source,manifest", EXPLORERS, ids=IDS)
def test_sampled_frames_are_what_the_render_function_draws_now(path, source, manifest):
    """The lesson's setting, and two more, drawn again: same bytes, same alt text."""
    explorer = _explorer(source)
    keys = sorted(manifest["frames"])
    default = "-".join(str(g["default"]) for g in manifest["controls"])
    for key in dict.fromkeys([default, keys[len(keys) // 2], keys[-1]]):
        frame = manifest["frames"][key]
        values = {g["name"]: g["values"][int(j)] for g, j in zip(manifest["controls"], key.split("-"))}
        picture = explorer.render(**values)
        assert picture.alt == frame.get("alt"), f"{path.name}: frame {key}: the numbers changed: {FIX}"
        assert base.frame_name(base.frame_png(picture)) == Path(frame["src"]).name, \
            f"{path.name}: frame {key} ({values}) is drawn differently now: {FIX}"
