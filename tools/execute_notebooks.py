"""Run lessons and solutions in place so their stored outputs are fresh (``make execute``).

    python tools/execute_notebooks.py                 # only the stale notebooks (make execute)
    python tools/execute_notebooks.py --all           # every lesson and solution (make execute ALL=1)
    python tools/execute_notebooks.py notebooks/X.ipynb ...   # these, stale or not (make execute NB=...)
    python tools/execute_notebooks.py --list          # name the stale notebooks and why; run nothing

**What a notebook used.** Each notebook runs with a hidden first cell that watches which
files of the package's data the kernel opens (``sys.addaudithook``, ``open`` events) and a
hidden last cell that reports the package modules (``snb.*``) in ``sys.modules``. Both
cells are removed again and the execution counts are those of a plain run. The record
stored in ``metadata.snb`` holds a hash of the notebook's code cells, one per module it
used (of the module's syntax tree without docstrings and comments: see
``book_build.module_hash``) and one per data file. A notebook is **stale** when its code
cells or one of those modules or files changed (``book_build.stale_reason``); a docstring,
a comment or a module it does not use changes nothing. ``make book-build`` refuses stale
pages.

After running, each cell that shows a picture gets the picture's alt text in its
metadata (``mystnb.image.alt``), where the book's renderer looks for it, per-cell
execution timestamps are dropped, and the saved widget state is made stable: only the
models that a displayed widget uses are kept, under ids derived from the notebook's name
and the models' order, so re-running an unchanged notebook leaves ``git status`` clean.

Each notebook runs for the static book: the kernel sees ``SNB_STATIC_BOOK`` set, so every
explorer stores plain HTML controls and its settings (``snb.widgets.base.explorer_spec``)
and a widget that needs Python stores a notice. The explorers' pictures are rendered by
the book build (tools/frames.py), not here. In JupyterLab nothing changes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/ is not a package
# nbformat's optional rfc3987-syntax costs 1.5 s a process (as in book_build.SKIP_SLOW_IMPORT)
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
import exercise_index  # noqa: E402
import nbformat  # noqa: E402
from book_build import execution_record, stale_reason  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbconvert.preprocessors import CoalesceStreamsPreprocessor  # noqa: E402

from snb import exercisegen  # noqa: E402

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
STATIC_ENV = "SNB_STATIC_BOOK"  # snb.widgets.base.STATIC_ENV

#: Hidden first cell: records the package files (not code) the kernel opens, e.g. snb/data/*.
#: Everything lives in a module of its own, so the notebook's namespace stays as it was.
TRACE_START = """\
def _snb_trace():
    import importlib.util, os, sys, types
    spec = importlib.util.find_spec("snb")  # finds the package without importing it
    package = os.path.dirname(os.path.realpath(spec.origin)) + os.sep
    probe = sys.modules["_snb_trace"] = types.ModuleType("_snb_trace")
    probe.package, probe.opened = package, set()

    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.realpath(os.fsdecode(args[0]))
            if path.startswith(package) and not path.endswith((".py", ".pyc")):
                probe.opened.add(path)

    sys.addaudithook(hook)
_snb_trace()
del _snb_trace
"""
#: Hidden last cell: prints the package modules loaded and the data files opened (JSON).
TRACE_END = """\
def _snb_report():
    import json, os, sys
    probe = sys.modules["_snb_trace"]
    top = os.path.dirname(probe.package.rstrip(os.sep))
    files = {getattr(m, "__file__", None) for name, m in list(sys.modules.items())
             if name == "snb" or name.startswith("snb.")}
    rel = lambda p: os.path.relpath(os.path.realpath(p), top).replace(os.sep, "/")
    print(json.dumps({"modules": sorted(rel(f) for f in files if f and f.endswith(".py")),
                      "data": sorted(rel(f) for f in probe.opened)}))
_snb_report()
"""


def used(report: nbformat.NotebookNode) -> dict[str, list[str]]:
    """The modules and data files the hidden last cell reported."""
    text = "".join(o.get("text", "") for o in report.get("outputs", []) if o.get("output_type") == "stream")
    return json.loads(text.strip().splitlines()[-1])


def renumber(nb: nbformat.NotebookNode, by: int) -> None:
    """Shift every execution count by ``by`` (the hidden first cell took number 1)."""
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("execution_count"):
            cell.execution_count -= by
            for output in cell.outputs:
                if output.get("execution_count"):
                    output.execution_count -= by


def execute(path: Path) -> float:
    """Run one notebook in its own folder, store the outputs and the record of what it
    used; return the seconds taken."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(TRACE_START))
    nb.cells.append(nbformat.v4.new_code_cell(TRACE_END))
    start = time.perf_counter()
    os.environ[STATIC_ENV] = "1"  # the kernel inherits it
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        os.environ.pop(STATIC_ENV, None)
    seconds = time.perf_counter() - start
    report = used(nb.cells.pop())
    nb.cells.pop(0)
    renumber(nb, 1)
    tidy(nb)
    stabilise_widgets(nb, path.name)
    # what tools/book_build.py compares, to refuse stale stored outputs
    nb.metadata["snb"] = execution_record(ROOT, nb, report["modules"], report["data"])
    nbformat.write(nb, path)
    return seconds


def course_notebooks(root: Path = ROOT) -> list[Path]:
    """Every lesson and worked solution (what ``make execute`` keeps fresh)."""
    return sorted(root.glob("notebooks/[0-9]*.ipynb")) + sorted(root.glob("solutions/[0-9]*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run notebooks in place and store fresh outputs; without paths, only the stale "
                    "lessons and solutions.")
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks to run, stale or not")
    parser.add_argument("--all", action="store_true", help="run every lesson and solution")
    parser.add_argument("--list", action="store_true", help="only name the stale notebooks and why")
    parser.add_argument("--exercises", action="store_true",
                        help="then regenerate exercises/ from solutions/ and the book's index of exercises "
                             "(in this process: `make execute` does)")
    parser.add_argument("--from-env", metavar="VAR",
                        help="take the notebooks from this environment variable (space-separated; "
                             "how make passes NB=... without a shell)")
    args = parser.parse_args(argv)
    paths = list(args.paths)
    if args.from_env:
        paths += [Path(p) for p in os.environ.get(args.from_env, "").split()]
    for path in paths:
        if path.suffix != ".ipynb" or not path.is_file():
            parser.error(f"{path}: no such notebook")
    if paths:
        todo = [(p, "asked for") for p in paths]
    else:
        todo = []
        for p in course_notebooks():
            reason = "--all" if args.all else stale_reason(ROOT, nbformat.read(p, as_version=4))
            if reason:
                todo.append((p, reason))
    if args.list:
        for p, reason in todo:
            print(f"stale: {p.relative_to(ROOT).as_posix()}: {reason}")
        return 0
    if not todo:
        print("Every lesson and solution is current: nothing to run.")
    for path, reason in todo:
        seconds = execute(path)
        shown = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
        print(f"{seconds:6.1f} s  {shown.as_posix()}  ({reason})", flush=True)
    if args.exercises:  # a solution's markdown may have changed without a run: always
        exercisegen.main(["--root", str(ROOT)])
        exercise_index.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
