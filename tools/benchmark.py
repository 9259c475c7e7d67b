"""Measure the course against its performance budgets and print the figures.

    python tools/benchmark.py              # everything (takes a few minutes)
    python tools/benchmark.py --no-build   # skip the clean book build
    python tools/benchmark.py --tests      # also time the whole test suite (make test)

Budgets: <= 2 s of execution per executed page, <= 100 ms median explorer update on
the chapter's default networks (and <= 1 s for one update of the chapter-2 growth
explorer at 10,000 nodes), whole test suite <= 5 min on 2 cores. Figures are
printed, never asserted: a slow machine makes a slow number, not a failing test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import matplotlib

matplotlib.use("Agg")

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from snb import widgets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGE_BUDGET_S = 2.0
WIDGET_BUDGET_MS = 100.0
SUITE_BUDGET_S = 300.0
LARGE_WIDGET_BUDGET_MS = 1000.0

#: For each explorer: its render function and the settings a learner sweeps through.
EXPLORERS: dict[str, tuple[Callable[..., Any], list[dict[str, Any]]]] = {
    "ch1 cascade explorer": (
        widgets.render_cascade,
        [{"p": p} for p in (0.05, 0.1, 0.15, 0.2, 0.3)]
        + [{"topology": t} for t in ("broadcast star", "small world", "scale-free", "peer mesh")]
        + [{"seeding": "peer"}, {"budget": 6}],
    ),
    "ch1 adaptation explorer": (
        widgets.render_adaptation,
        [{"p_dialogue": p} for p in (0.1, 0.2, 0.3)] + [{"success": s} for s in (0.3, 0.9)]
        + [{"periods": 8}, {"topology": "small world"}],
    ),
    "ch2 growth explorer": (
        widgets.render_growth,
        [{"alpha": a} for a in (0.0, 0.3, 0.5, 0.8, 1.2, 1.5, 2.0)] + [{"n": 2000}, {"seed": 2}],
    ),
}

#: Explorer updates on a large network: one update each, against LARGE_WIDGET_BUDGET_MS.
LARGE_UPDATES: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "ch2 growth, 20,000 customers": (widgets.render_growth, {"n": 20_000, "alpha": 1.3}),
}


def verdict(value: float, budget: float) -> str:
    return "within budget" if value <= budget else "OVER BUDGET"


def book_pages() -> list[Path]:
    """The notebooks the book executes, from _toc.yml."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [entry["file"] for part in toc.get("parts", []) for chapter in part.get("chapters", [])
             for entry in [chapter] + chapter.get("sections", [])]
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


def time_build() -> tuple[float, int]:
    """Seconds for a clean build (fresh output folder, empty execution cache)."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
                        "--path-output", out, "-W", "-n", "--keep-going", "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        pages = len(list((Path(out) / "_build" / "html").rglob("*.html")))
    return seconds, pages


def time_notebook(path: Path) -> float:
    """Seconds to execute one notebook (a copy; the file is not touched)."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def time_explorer(render: Callable[..., Any], settings: list[dict[str, Any]]) -> list[float]:
    """Milliseconds per update for each setting, after one warm-up call."""
    render()
    times = []
    for kwargs in settings:
        start = time.perf_counter()
        render(**kwargs)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="skip the clean book build")
    parser.add_argument("--tests", action="store_true", help="also time `make test`")
    args = parser.parse_args()

    print("== Explorer updates (render callback, median of the settings a learner sweeps)")
    for name, (render, settings) in EXPLORERS.items():
        ms = time_explorer(render, settings)
        median = statistics.median(ms)
        print(f"  {name:28s} median {median:6.0f} ms  max {max(ms):6.0f} ms  "
              f"({len(ms)} updates)  {verdict(median, WIDGET_BUDGET_MS)} (<= {WIDGET_BUDGET_MS:.0f} ms)")
    for name, (render, kwargs) in LARGE_UPDATES.items():
        start = time.perf_counter()
        render(**kwargs)  # a new setting: the network is grown and drawn from scratch
        ms = (time.perf_counter() - start) * 1000
        print(f"  {name:28s} one update {ms:6.0f} ms  {verdict(ms, LARGE_WIDGET_BUDGET_MS)} "
              f"(<= {LARGE_WIDGET_BUDGET_MS:.0f} ms)")

    print("== Notebook execution (nbclient, kernel start included)")
    pages = book_pages()
    exercise_books = sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb"))
    for path in pages + exercise_books:
        seconds = time_notebook(path)
        label = f"{path.parent.name}/{path.name}"
        note = f"  {verdict(seconds, PAGE_BUDGET_S)} (<= {PAGE_BUDGET_S:.0f} s per page)" if path in pages else ""
        print(f"  {label:42s} {seconds:6.1f} s{note}")

    if not args.no_build:
        print("== Clean book build (fresh output folder and execution cache)")
        seconds, html_pages = time_build()
        executed = len(pages)
        print(f"  build {seconds:.1f} s for {html_pages} HTML files, {executed} executed pages: "
              f"{seconds / max(executed, 1):.1f} s per executed page (build time / executed pages)")

    if args.tests:
        print("== Whole test suite (make test, 2 jobs)")
        start = time.perf_counter()
        subprocess.run(["make", "-C", str(ROOT), "test"], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        print(f"  make test {seconds:.0f} s  {verdict(seconds, SUITE_BUDGET_S)} (<= {SUITE_BUDGET_S:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
