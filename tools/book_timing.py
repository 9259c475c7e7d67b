#!/usr/bin/env python3
"""Time the book build the way an author meets it (printed by `make benchmark`).

    python tools/book_timing.py

On a copy of the course in a temporary folder (the working tree is never touched),
through tools/book_build.py with the same options as `make book-build`:

1. **clean**: no _build at all;
2. **no change**: the same build again;
3. **one edited code cell**: a code cell of the first lesson gets one more line, its
   stored record is refreshed as `make execute` would (its own run is timed by the
   notebook section of the benchmark), and the book is built again.

Each is printed in seconds and per page. Budgets (issue 13): clean <= 2 s per page
(the book shows the stored outputs, so no page executes at build time), no change < 5 s,
one edit < 8 s.
"""

from __future__ import annotations

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
from book_build import execution_record, toc_files  # noqa: E402

IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", "my-work", "__pycache__", ".pytest_cache",
                                ".ipynb_checkpoints", "*.egg-info", ".jupyter_cache")
BUDGETS = {"clean": ("per page", 2.0), "no change": ("total", 5.0), "one edited code cell": ("total", 8.0)}


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
    """Add a line to the first code cell of the first lesson; refresh its record."""
    path = next(p for p in toc_files(root) if p.suffix == ".ipynb")
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells[1:] if c.cell_type == "code")
    cell.source += "\n# edited for the benchmark"
    nb.metadata["snb"] = execution_record(root, nb)
    nbformat.write(nb, path)
    return path.relative_to(root).as_posix()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "course"
        shutil.copytree(ROOT, copy, ignore=IGNORE, symlinks=True)
        pages = len(toc_files(copy))
        times = {"clean": build(copy, "clean"), "no change": build(copy, "no change")}
        edited = edit_one_code_cell(copy)
        times["one edited code cell"] = build(copy, "one edited code cell")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"== Book build from the stored outputs ({pages} pages, a copy of the course; "
          f"edited: {edited}; load average {load} on {os.cpu_count()} cores: on a shared machine "
          "the CPU seconds move less than the wall clock)")
    for name, seconds in times.items():
        kind, budget = BUDGETS[name]
        value = seconds / pages if kind == "per page" else seconds
        verdict = "within budget" if value <= budget else "OVER BUDGET"
        print(f"  {name:22s} {seconds:5.1f} s  (CPU {CPU[name]:5.1f} s; {seconds / pages:.2f} s per page)  {verdict} "
              f"({'<=' if kind == 'per page' else '<'} {budget:g} s {kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
