#!/usr/bin/env python3
"""Render the explorers' pictures for the static book: a build product, never tracked.

    python tools/frames.py              # render what is missing or out of date (all cores)
    python tools/frames.py --check      # only say which pages' frames are missing or incomplete
    python tools/frames.py --jobs 1     # on one core

``make execute`` stores each explorer of a page as plain HTML controls and its *spec* in
the output's metadata (``snb.widgets.base.explorer_spec``: the render function, the grid
of settings). ``make book-build`` (tools/book_build.py) calls :func:`build` before Sphinx:
every explorer of every page of ``_toc.yml`` gets a folder ``book/_static/frames/<id>/``
(``<id>``: a hash of the spec) with one PNG per setting and ``manifest.js``, which the page
loads. An explorer whose spec holds part of its grid (a "star" or "options" plan: one
setting at a time from the lesson's) gets its **full grid** here when it has at most
:data:`FULL_GRID` combinations (:func:`frame_keys`); the others keep their part, and the
page shows the nearest computed picture with a note (book/_static/snb-explorer.js).
The folder is **reused** while its inputs are unchanged: the spec, the data files the
page used (recorded by ``make execute`` in ``metadata.snb``) and the code of the package
modules loaded while its frames were drawn (recorded in the folder's ``.inputs``; a hash of
each module without docstrings or comments, tools/hashes.py). Otherwise it is rendered
again, in parallel on every core, into a temporary folder that replaces the old one whole
only when complete: an interrupted run
leaves the previous set or none, never half a set. Folders no page uses are removed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import json
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Iterator

#: nbformat's optional rfc3987-syntax costs 1.5 s a process and checks nothing notebooks use
#: (the same as tools/book_build.py's SKIP_SLOW_IMPORT).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
import nbformat  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is not a package
from hashes import module_hash  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
#: Where the frames live in the book's sources (Sphinx copies book/_static/ into _static/).
FRAMES = Path("book") / "_static" / "frames"
#: The output metadata key of an explorer's spec (snb.widgets.base.SPEC_KEY).
SPEC_KEY = "snb-explorer"
#: An explorer stored by an older make execute (frames under its own notebook's folder).
MARK = 'class="snb-explorer"'
MANIFEST_FILE = "manifest.js"  # snb.widgets.base.MANIFEST_FILE
#: The inputs a complete folder was rendered from (written last).
INPUTS_FILE = ".inputs"
#: Frames per task handed to a worker process (small: the cores stay evenly busy).
CHUNK = 12
#: Most pictures for which a partial grid is rendered whole instead. Each picture adds about
#: 0.4 KB of alt text to the explorer's manifest, which loads with the page: at 630 pictures
#: (04-3's org explorer) the page's first load was 649 KB, over its 600 KB budget
#: (tools/page_weight.py), and the build paid about 45 s of CPU more. At 300 no current
#: explorer is completed; a small new one would be.
FULL_GRID = 300
FIX = "run `make execute` for it (it stores the explorer's settings), then build again"


def spec_uid(spec: dict[str, Any]) -> str:
    """The explorer's id: the same hash as ``snb.widgets.base.spec_uid``."""
    data = json.dumps(spec, separators=(",", ":"), sort_keys=True)
    return "snb-x-" + hashlib.sha256(data.encode()).hexdigest()[:12]


def full_grid(spec: dict[str, Any]) -> list[str]:
    """Every combination of the controls' values of ``spec``, as frame keys (``"i-j-..."``)."""
    ranges = [range(len(g["values"])) for g in spec["controls"]]
    return ["-".join(map(str, key)) for key in itertools.product(*ranges)]


def frame_keys(spec: dict[str, Any]) -> list[str]:
    """The frames rendered for an explorer: its full grid when its spec holds only part of it
    and the whole has at most :data:`FULL_GRID` pictures, else the spec's own keys.

    Rendering costs 65 to 250 ms a picture (one core); the book's clean build must stay
    within 3 minutes on 2 cores, so only small grids are completed.
    """
    keys = spec["keys"]
    if spec.get("mode", "product") == "product":
        return keys
    count = 1
    for g in spec["controls"]:
        count *= len(g["values"])
    if count > FULL_GRID:
        return keys
    full = full_grid(spec)
    return full if set(keys) <= set(full) else keys


def write_manifest(spec: dict[str, Any], entries: dict[str, Any], folder: Path) -> Path:
    """The page's manifest script (``snb.widgets.base.write_manifest``) for the frames
    :func:`frame_keys` rendered; a completed grid is listed as a full one ("product")."""
    base = importlib.import_module("snb.widgets.base")
    keys = frame_keys(spec)
    if keys is spec["keys"]:
        return base.write_manifest(spec, entries, folder)
    manifest = {key: value for key, value in spec.items() if key != "keys"}
    manifest.update(mode="product", kept=[], frames={key: entries[key] for key in keys})
    data = json.dumps(manifest, separators=(",", ":"), sort_keys=True)
    path = folder / base.MANIFEST_FILE
    path.write_text(f"{base.MANIFEST_PREFIX}{json.dumps(spec_uid(spec))}]={data};\n", encoding="utf-8")
    return path


def page_explorers(nb: nbformat.NotebookNode) -> tuple[list[dict[str, Any]], int]:
    """(specs of the explorers a notebook stores, number of explorers stored without one)."""
    specs, legacy = [], 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            spec = output.get("metadata", {}).get(SPEC_KEY)
            if spec:
                specs.append(spec)
            elif MARK in output.get("data", {}).get("text/html", ""):
                legacy += 1
    return specs, legacy


def inputs_key(spec: dict[str, Any], record: dict[str, Any]) -> str:
    """What a set of frames is made from, besides the code that drew it: the spec and the
    data files the page used (its ``metadata.snb``). The package modules the rendering
    loaded are recorded beside it when the set is made (:func:`render_chunk`)."""
    used = {k: v for k, v in record.items() if k not in ("code", "modules")}
    data = json.dumps([spec, used], separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def course_notebooks(root: Path) -> list[Path]:
    """The lessons and worked solutions: the notebook pages of the book."""
    return sorted(root.glob("notebooks/[0-9]*.ipynb")) + sorted(root.glob("solutions/[0-9]*.ipynb"))


def explorer_sets(root: Path, pages: list[Path]) -> Iterator[tuple[str, dict[str, Any] | None, str]]:
    """(page, spec, inputs key) of every explorer of the notebooks ``pages``; an explorer
    stored without a spec gives ``(page, None, "")``."""
    for path in pages:
        if path.suffix != ".ipynb" or not path.is_file():
            continue
        nb = nbformat.read(path, as_version=4)
        specs, legacy = page_explorers(nb)
        page = path.relative_to(root).as_posix()
        for spec in specs:
            yield page, spec, inputs_key(spec, nb.metadata.get("snb", {}))
        for _ in range(legacy):
            yield page, None, ""


def incomplete(root: Path, folder: Path, spec: dict[str, Any], key: str) -> str | None:
    """Why ``folder`` is not the complete set of frames of ``spec`` from inputs ``key``, or None."""
    if not folder.is_dir():
        return "missing"
    try:
        inputs = json.loads((folder / INPUTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "incomplete (no record of a finished run)"
    if not isinstance(inputs, dict) or inputs.get("key") != key:
        return "made from other inputs"
    changed = [rel for rel, digest in inputs.get("modules", {}).items()
               if not (root / rel).is_file() or module_hash(root / rel) != digest]
    if changed:
        return f"drawn by code that changed since ({', '.join(changed[:3])})"
    manifest = folder / MANIFEST_FILE
    if not manifest.is_file():
        return f"incomplete (no {MANIFEST_FILE})"
    text = manifest.read_text(encoding="utf-8")
    try:
        listed = json.loads(text.split("]=", 1)[1].rstrip().removesuffix(";"))["frames"]
    except (IndexError, ValueError, KeyError):
        return f"incomplete (unreadable {MANIFEST_FILE})"
    keys = frame_keys(spec)
    absent = [k for k in keys if k not in listed
              or ("src" in listed[k] and not (folder / f"{k}.png").is_file())]
    if absent:
        return f"incomplete ({len(absent)} of {len(keys)} pictures missing, e.g. {absent[0]}.png)"
    extra = len(set(listed) - set(keys))
    if extra:  # drawn for a larger grid (FULL_GRID was higher): its manifest weighs on the page
        return f"made for another grid ({extra} pictures more than {len(keys)})"
    return None


def problems(root: Path, pages: list[Path]) -> list[str]:
    """One line per page whose explorers' frames are missing, incomplete or out of date."""
    found = []
    for page, spec, key in explorer_sets(root, pages):
        if spec is None:
            found.append(f"{page}: an explorer stored by an older `make execute` (no settings to render): {FIX}")
            continue
        why = incomplete(root, root / FRAMES / spec_uid(spec), spec, key)
        if why:
            found.append(f"{page}: the frames of the explorer {spec.get('title') or spec['render']!r} "
                         f"({(FRAMES / spec_uid(spec)).as_posix()}) are {why}")
    return found


def render_chunk(spec: dict[str, Any], folder: Path, keys: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Render some frames of one explorer into ``folder``: their manifest entries, and the
    package modules loaded once they are drawn (``snb/...py``, relative to the package's
    parent), which is the code the pictures depend on."""
    base = importlib.import_module("snb.widgets.base")
    entries = base.render_frames(spec, folder, keys)
    top = Path(sys.modules["snb"].__file__).resolve().parents[1]
    loaded = {getattr(m, "__file__", None) for name, m in list(sys.modules.items())
              if name == "snb" or name.startswith("snb.")}
    return entries, sorted(Path(f).resolve().relative_to(top).as_posix() for f in loaded if f and f.endswith(".py"))


def swap_in(tmp: Path, final: Path) -> None:
    """Replace ``final`` by the complete folder ``tmp`` (two renames; the old set is
    deleted only after the new one is in place)."""
    old = final.with_name(f".old-{final.name}-{os.getpid()}")
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def clear_leftovers(frames: Path) -> None:
    """Remove the temporary folders an interrupted run left behind."""
    for path in frames.glob(".*-snb-x-*"):
        shutil.rmtree(path, ignore_errors=True)


def build(root: Path, pages: list[Path], jobs: int | None = None, quiet: bool = False) -> dict[str, int]:
    """Render every explorer set of ``pages`` that is missing or out of date; remove unused sets.

    Returns counts: ``reused`` and ``rendered`` sets, ``frames`` drawn, ``removed`` sets.
    """
    frames = root / FRAMES
    wanted: dict[str, tuple[dict[str, Any], str]] = {}
    for _, spec, key in explorer_sets(root, pages):
        if spec is not None:
            wanted[spec_uid(spec)] = (spec, key)
    if not wanted and not frames.is_dir():
        return {"reused": 0, "rendered": 0, "frames": 0, "removed": 0}
    frames.mkdir(parents=True, exist_ok=True)
    clear_leftovers(frames)
    todo = {uid: (spec, key) for uid, (spec, key) in wanted.items()
            if incomplete(root, frames / uid, spec, key) is not None}
    counts = {"reused": len(wanted) - len(todo), "rendered": len(todo), "frames": 0, "removed": 0}
    if todo:
        jobs = max(1, jobs or os.cpu_count() or 1)
        total = sum(len(frame_keys(spec)) for spec, _ in todo.values())
        if not quiet:
            print(f"Rendering the frames of {len(todo)} explorers ({total} pictures, {jobs} processes)...",
                  flush=True)
        tmp = {uid: frames / f".tmp-{uid}-{os.getpid()}" for uid in todo}
        for folder in tmp.values():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
        tasks = [(uid, spec, keys[i:i + CHUNK]) for uid, (spec, _) in todo.items()
                 for keys in [frame_keys(spec)] for i in range(0, len(keys), CHUNK)]
        entries: dict[str, dict[str, Any]] = {uid: {} for uid in todo}
        modules: dict[str, set[str]] = {uid: set() for uid in todo}
        # Imported only now: the package (matplotlib, ipywidgets) costs a second, which a
        # build with every set current never pays. Forked workers inherit it.
        importlib.import_module("snb.widgets.base")
        left = {uid: sum(1 for u, _, _ in tasks if u == uid) for uid in todo}

        def finish(uid: str, result: dict[str, Any], loaded: list[str]) -> None:
            """Collect a chunk; when it is a set's last, swap the complete set in."""
            entries[uid].update(result)
            modules[uid].update(loaded)
            left[uid] -= 1
            if left[uid]:
                return
            spec, key = todo[uid]
            write_manifest(spec, entries[uid], tmp[uid])
            inputs = {"key": key, "modules": {rel: module_hash(root / rel) for rel in sorted(modules[uid])
                                              if (root / rel).is_file()}}
            # written last: the set is complete
            (tmp[uid] / INPUTS_FILE).write_text(json.dumps(inputs, indent=1), encoding="utf-8")
            swap_in(tmp[uid], frames / uid)
            counts["frames"] += len(frame_keys(spec))

        try:
            if jobs == 1:
                for uid, spec, keys in tasks:
                    finish(uid, *render_chunk(spec, tmp[uid], keys))
            else:
                with ProcessPoolExecutor(max_workers=jobs) as pool:
                    futures = {pool.submit(render_chunk, spec, tmp[uid], keys): uid for uid, spec, keys in tasks}
                    for future in as_completed(futures):
                        finish(futures[future], *future.result())
        finally:  # interrupted or failed: the sets in place stay as they were
            for folder in tmp.values():
                shutil.rmtree(folder, ignore_errors=True)
    for folder in frames.iterdir():
        if folder.is_dir() and folder.name not in wanted:
            shutil.rmtree(folder)
            counts["removed"] += 1
    return counts


def sync(root: Path, site: Path) -> int:
    """Make ``site/_static/frames`` hold exactly the current sets (Sphinx copies static files
    only when it writes pages, and leaves out dotfiles); returns the number of sets copied.
    What was copied is recorded beside the site (``.snb-frames.json``: id -> inputs)."""
    source, target = root / FRAMES, site / "_static" / "frames"
    if not site.is_dir():
        return 0
    record_path = site.parent / ".snb-frames.json"
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    target.mkdir(parents=True, exist_ok=True)
    current = {}
    if source.is_dir():
        for folder in source.iterdir():
            inputs = folder / INPUTS_FILE
            if folder.is_dir() and not folder.name.startswith(".") and inputs.is_file():
                current[folder.name] = hashlib.sha256(inputs.read_bytes()).hexdigest()
    copied = 0
    for name, key in sorted(current.items()):
        if record.get(name) == key and (target / name / MANIFEST_FILE).is_file():
            continue
        shutil.rmtree(target / name, ignore_errors=True)
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns(".*"))
        copied += 1
    for folder in target.iterdir():
        if folder.name not in current:
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
    record_path.write_text(json.dumps(current, indent=1, sort_keys=True), encoding="utf-8")
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the book's folder (default: this repository)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: every core)")
    parser.add_argument("--check", action="store_true", help="render nothing: name the pages whose frames "
                        "are missing or incomplete (exit 1 if any)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    pages = course_notebooks(root)
    if not args.check:
        counts = build(root, pages, args.jobs)
        print(f"Frames: {counts['rendered']} explorer sets rendered ({counts['frames']} pictures), "
              f"{counts['reused']} reused, {counts['removed']} unused removed.")
    found = problems(root, pages)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
