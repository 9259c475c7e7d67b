#!/usr/bin/env python3
"""Time the book build the way an author meets it (printed by `make benchmark`).

    python tools/book_timing.py

On a copy of the course in a temporary folder (the working tree is never touched), with
the same commands as `make execute` and `make book-build`:

1. **clean**: no _build and no explorer frames at all (every frame is rendered, on every
   core, then the book is built);
2. **no change**: the same build again;
3. **one edited code cell**: a code cell of the first lesson gets one more line; then
   `make execute` (it reruns only that stale notebook) and the build. Budget: <= 10 s from
   the edit to the rebuilt book.

Each is printed in seconds and per page. Budgets: clean <= 3 minutes on 2 cores (issue 21),
no change < 5 s, one edit <= 10 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from book_build import toc_files  # noqa: E402

_IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "my-work", "__pycache__", ".pytest_cache",
                                 ".ipynb_checkpoints", "*.egg-info", ".jupyter_cache")


def IGNORE(folder: str, names: list[str]) -> set[str]:
    """What the copy leaves out: build products (the explorers' frames too) and caches."""
    ignored = set(_IGNORE(folder, names))
    if Path(folder).resolve() == ROOT / "book" / "_static":
        ignored.add("frames")
    return ignored


BUDGETS = {"clean": ("total", 180.0), "no change": ("total", 5.0), "one edited code cell": ("total", 10.0)}


CPU: dict[str, float] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(root: Path, name: str = "") -> float:
    """Wall-clock seconds of one guarded build (its CPU seconds go to CPU[name])."""
    command = [sys.executable, str(root / "tools" / "book_build.py"), "--root", str(root), "--",
               "-W", "-n", "--keep-going", "--builder", "html", "--quiet"]
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    CPU[name] = _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds


def edit_one_code_cell(root: Path) -> str:
    """Add a line to the first code cell (after the install cell) of the first lesson."""
    path = next(p for p in toc_files(root) if p.suffix == ".ipynb")
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells[1:] if c.cell_type == "code")
    cell.source += "\nprint('edited for the benchmark')"
    nbformat.write(nb, path)
    return path.relative_to(root).as_posix()


def execute_stale(root: Path) -> tuple[float, str]:
    """`make execute` in the copy (only stale notebooks): seconds, and what it printed."""
    env = {**os.environ, "PYTHONPATH": str(root), "SNB_PROGRESS": "off"}
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run([sys.executable, str(root / "tools" / "execute_notebooks.py"), "--exercises"],
                            capture_output=True,
                            text=True, env=env, cwd=root)
    CPU["execute"] = _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"make execute failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start, result.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "course"
        shutil.copytree(ROOT, copy, ignore=IGNORE, symlinks=True)
        pages = len(toc_files(copy))
        times = {"clean": build(copy, "clean"), "no change": build(copy, "no change")}
        edited = edit_one_code_cell(copy)
        executed, ran = execute_stale(copy)
        rebuilt = build(copy, "one edited code cell")
        times["one edited code cell"] = executed + rebuilt
        CPU["one edited code cell"] += CPU["execute"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"== Book build from the stored outputs ({pages} pages, a copy of the course; "
          f"load average {load} on {os.cpu_count()} cores: on a shared machine "
          "the CPU seconds move less than the wall clock)")
    for name, seconds in times.items():
        kind, budget = BUDGETS[name]
        value = seconds / pages if kind == "per page" else seconds
        verdict = "within budget" if value <= budget else "OVER BUDGET"
        print(f"  {name:22s} {seconds:5.1f} s  (CPU {CPU[name]:5.1f} s; {seconds / pages:.2f} s per page)  {verdict} "
              f"(<= {budget:g} s {kind})")
    print(f"  (one edited code cell: {edited}; make execute {executed:.1f} s, then the build {rebuilt:.1f} s; "
          f"make execute said: {ran.splitlines()[-1] if ran else 'nothing'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
