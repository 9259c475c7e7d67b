"""Execute notebooks in place so their stored outputs are fresh (used by `make execute`).

After running, each cell that shows a picture gets the picture's alt text in its
metadata (``mystnb.image.alt``), where the book's renderer looks for it, and
per-cell execution timestamps are dropped, and the saved widget state is made
stable: only the models that a displayed widget uses are kept (stale ones would
pile up), and their random ids are replaced by ids derived from the notebook's
name and the models' order, so re-running an unchanged notebook leaves
``git status`` clean. Prints each notebook's execution time.

Each notebook runs for the static book: the kernel sees ``SNB_STATIC_BOOK`` set to
``book/_static/frames/<folder>-<notebook name>/`` (emptied first), so every explorer stores
plain HTML controls over pictures precomputed into that folder
(``snb.widgets.base.render_frames``), and a widget that needs Python stores a notice.
The frames are tracked by git; ``tests/test_explorer_frames.py`` fails when they are
missing, orphaned or stale. In JupyterLab (no ``SNB_STATIC_BOOK``) nothing changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book_build import execution_record  # noqa: E402  (tools/ is not a package)

#: Joins consecutive outputs of one stream: how a cell's prints split depends on timing.
_COALESCE = CoalesceStreamsPreprocessor()


def image_alt(cell: nbformat.NotebookNode) -> str | None:
    """The alt text the cell's picture carries in its output metadata, if any."""
    for output in cell.get("outputs", []):
        alt = output.get("metadata", {}).get("image/png", {}).get("alt")
        if alt:
            return alt
    return None


def tidy(nb: nbformat.NotebookNode) -> None:
    """Copy picture alt texts into cell metadata, drop volatile metadata, and join
    consecutive outputs of one stream (how a cell's prints split depends on timing)."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        _COALESCE.preprocess_cell(cell, {}, 0)
        alt = image_alt(cell)
        mystnb = cell.metadata.get("mystnb", {})
        if alt:
            mystnb.setdefault("image", {})["alt"] = alt
            cell.metadata["mystnb"] = mystnb
        elif "image" in mystnb:
            mystnb.pop("image")
            if not mystnb:
                cell.metadata.pop("mystnb")


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")


def stabilise_widgets(nb: nbformat.NotebookNode, name: str) -> None:
    """Keep the widget models that displayed widgets use, under ids that repeat.

    The roots are the models of the widget views in the outputs, in cell order;
    every model a kept model refers to (``IPY_MODEL_<id>``) is kept too, in the
    order of first reference. Model ``k`` is renamed to the first 32 hex digits of
    ``sha256(f"{name}:{k}")``.
    """
    widgets = nb.metadata.get("widgets", {})
    state = widgets.get(WIDGET_STATE, {}).get("state")
    if not state:
        return
    order: list[str] = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view and view.get("model_id") in state and view["model_id"] not in order:
                order.append(view["model_id"])
    i = 0
    while i < len(order):  # breadth first through the references
        refs = _MODEL_REF.findall(json.dumps(state[order[i]], sort_keys=True))
        order += [r for r in dict.fromkeys(refs) if r in state and r not in order]
        i += 1
    new_id = {old: hashlib.sha256(f"{name}:{k}".encode()).hexdigest()[:32] for k, old in enumerate(order)}

    def rename(text: str) -> str:
        return re.sub("|".join(map(re.escape, new_id)), lambda m: new_id[m.group(0)], text) if new_id else text

    if not order:  # nothing on the page is a widget: no state, so no widget scripts in the book
        nb.metadata.pop("widgets", None)
        return
    widgets[WIDGET_STATE]["state"] = json.loads(rename(json.dumps({k: state[k] for k in order})))
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view and view.get("model_id") in new_id:
                view["model_id"] = new_id[view["model_id"]]


ROOT = Path(__file__).resolve().parents[1]
FRAMES = ROOT / "book" / "_static" / "frames"
STATIC_ENV = "SNB_STATIC_BOOK"  # snb.widgets.base.STATIC_ENV


def frames_folder(path: Path) -> Path:
    """Where the explorers of notebook ``path`` store their precomputed pictures."""
    return FRAMES / f"{path.resolve().parent.name}-{path.stem}"


def execute(path: Path) -> float:
    """Run one notebook in its own folder, store the outputs, return seconds taken."""
    nb = nbformat.read(path, as_version=4)
    folder = frames_folder(path)
    shutil.rmtree(folder, ignore_errors=True)  # no orphaned pictures of an older run
    start = time.perf_counter()
    os.environ[STATIC_ENV] = str(folder)  # the kernel inherits it
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        os.environ.pop(STATIC_ENV, None)
    seconds = time.perf_counter() - start
    tidy(nb)
    stabilise_widgets(nb, path.name)
    # what tools/book_build.py compares, to refuse stale stored outputs
    nb.metadata["snb"] = execution_record(ROOT, nb)
    nbformat.write(nb, path)
    return seconds


def main(paths: list[str]) -> int:
    for name in paths:
        seconds = execute(Path(name))
        print(f"{seconds:6.1f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
