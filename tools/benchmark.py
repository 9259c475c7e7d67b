"""Measure the course against its performance budgets and print the figures.

    python tools/benchmark.py              # everything (takes a few minutes)
    python tools/benchmark.py --no-build   # skip the book builds (clean, no change, one edit)
    python tools/benchmark.py --tests      # also time the whole test suite (make test)
    python tools/benchmark.py --widgets    # only the explorers and builders (seconds)
    python tools/benchmark.py --pages      # only the notebook execution times (--repeat N)
    python tools/benchmark.py --capstone   # only the capstone's analyses, default size and 10x

Budgets: <= 2 s of execution per executed page (its cells, imports included; kernel start,
the same for every page, is printed beside it), <= 100 ms median explorer update on
the chapter's default networks (and <= 1 s for one update of the chapter-2 growth
explorer at 20,000 customers and of chapter 3's wisdom explorer at 10,000 people),
<= 1 s for every builder action up to the builders' size limits (MAX_LINES lines,
MAX_PEOPLE people), whole test suite <= 5 min on 2 cores,
<= 10 s for each capstone task's analysis on the case at ten times its default size.
The machine may be shared: each explorer's median is also printed relative to a
fixed reference computation timed in the same run, which moves with the load. Figures are
printed, never asserted: a slow machine makes a slow number, not a failing test.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import matplotlib

matplotlib.use("Agg")

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from snb import widgets  # noqa: E402
from snb.models import ego  # noqa: E402

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
    "ch3 community explorer": (
        widgets.render_communities,
        [{"resolution": r} for r in (0.8, 1.2, 1.5)] + [{"seed": s} for s in (2, 3)]
        + [{"method": m} for m in ("greedy modularity", "label propagation")],
    ),
    "ch3 renewal explorer": (
        widgets.render_renewal,
        [{"homophily": h} for h in (0.3, 0.5, 0.9)] + [{"turnover": t} for t in (0.02, 0.1)]
        + [{"departures": "targeted"}],
    ),
    "ch3 wisdom explorer": (
        widgets.render_wisdom,
        [{"people": k} for k in (40, 200, 400)] + [{"seed": s} for s in (2, 3)],
    ),
    "ch5 centrality explorer": (
        widgets.render_centrality,
        [{"measure": m} for m in ("degree", "closeness", "eigenvector", "PageRank")]
        + [{"network": n} for n in widgets.CENTRALITY_NETWORKS[1:]],
    ),
    # what the scorecard builder redraws after each entry: the drawing and the table
    "ch5 scorecard": (
        lambda contacts=(), need="": (widgets.render_scorecard(contacts, need),
                                      widgets.scorecard_table(contacts, need)._repr_html_()),
        [{"contacts": tuple(ego.parse_contacts_csv(ego.EXAMPLE_CSV)[0][:k])} for k in (3, 5, 8)]
        + [{"contacts": tuple(ego.parse_contacts_csv(ego.EXAMPLE_CSV)[0]), "need": n}
           for n in ("logistics", "logistics, Berlin")]
        + [{"contacts": tuple(ego.parse_contacts_csv(ego.CLOSED_CIRCLE_CSV)[0])}],
    ),
    "ch5 give-and-take explorer": (
        widgets.render_give_take,
        [{"benefit_cost": r} for r in (2.0, 4.0, 8.0)] + [{"takers": t} for t in (0.2, 0.8)]
        + [{"network": n} for n in ("ring lattice", "small world", "scale-free")] + [{"seed": 2}],
    ),
    "ch4 org explorer": (
        widgets.render_org,
        [{"remove": r} for r in ("the CEO", "a planted broker", "the most connected person")]
        + [{"block": b} for b in (0.3, 0.6, 1.0)] + [{"seed": 2}],
    ),
}

#: Explorer updates on a large network: one update each, against LARGE_WIDGET_BUDGET_MS.
LARGE_UPDATES: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "ch2 growth, 20,000 customers": (widgets.render_growth, {"n": 20_000, "alpha": 1.3}),
    # chapter 3: the explorer that takes a network size (issue 8: within 1 s at 10,000 nodes)
    **{f"ch3 wisdom, 10,000 people, {kind}": (widgets.render_wisdom, {"network": kind, "people": 10_000})
       for kind in ("small world", "peer mesh", "scale-free", "one voice")},
    "ch4 org explorer, 2,000 people": (widgets.render_org, {"people": 2000, "remove": "a planted broker",
                                                            "block": 0.5}),
}


def _builder_actions() -> dict[str, Callable[[], Any]]:
    """Each builder action at the builders' size limits (the worst a learner can paste)."""
    import random

    from snb.widgets import builders

    rng = random.Random(1)
    people = [f"Person {i}" for i in range(builders.MAX_PEOPLE - 1)]
    ties = "\n".join(" - ".join(rng.sample(people, 2)) for _ in range(builders.MAX_LINES))
    path = "\n".join(f"{a} - {b}" for a, b in zip(people, people[1:]))
    long_path = "\n".join(f"Person {i} - Person {i + 1}" for i in range(10_000))
    venues = [f"Venue {i}" for i in range(30)]
    visits = "\n".join(f"{rng.choice(people[:150])} - {rng.choice(venues)}" for _ in range(builders.MAX_LINES))
    b = widgets.NetworkBuilder(people=["Brand"])
    c = widgets.CheckInNetworkBuilder()
    return {
        f"Use this list, {builders.MAX_LINES} random ties": lambda: b.set_edges(ties),
        "Add person (then)": lambda: b.add_person("Zed"),
        "Add tie (then)": lambda: b.add_tie("Zed", people[0]),
        f"Use this list, a path of {len(people)}": lambda: b.set_edges(path),
        "Remove person (then)": lambda: b.remove_person(people[5]),
        "Use this list, 10,000 lines (refused)": lambda: b.set_edges(long_path),
        "Use this list, a line of 38,000 spaces": lambda: b.set_edges("Ana" + " " * 38_000 + "Ben"),
        "check-in Use this list, 38,000 spaces": lambda: c.set_visits("Ana" + " " * 38_000 + "Bar"),
        "Clear": lambda: b.clear(),
        f"check-in Use this list, {builders.MAX_LINES} visits": lambda: c.set_visits(visits),
        "check-in Add visit (then)": lambda: c.add_visit(people[0], venues[0]),
    }


def reference_ms() -> float:
    """A fixed pure-Python computation (median of 5): the machine's speed in this run."""
    import networkx as nx

    G = nx.random_regular_graph(4, 400, seed=1)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        nx.betweenness_centrality(G, k=60, seed=1)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def verdict(value: float, budget: float) -> str:
    return "within budget" if value <= budget else "OVER BUDGET"


def book_pages() -> list[Path]:
    """The notebooks the book executes, from _toc.yml."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [entry["file"] for part in toc.get("parts", []) for chapter in part.get("chapters", [])
             for entry in [chapter] + chapter.get("sections", [])]
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


def time_notebook(path: Path) -> tuple[float, float]:
    """Seconds to execute one notebook (a copy; the file is not touched): the whole
    run with kernel start, and the cells alone (imports included), which is what the
    page budget counts: starting a kernel costs the same for every page."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    total = time.perf_counter() - start
    cells = 0.0
    for cell in nb.cells:
        stamps = cell.get("metadata", {}).get("execution", {})
        began, ended = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
        if began and ended:
            cells += (datetime.fromisoformat(ended.replace("Z", "+00:00"))
                      - datetime.fromisoformat(began.replace("Z", "+00:00"))).total_seconds()
    return total, cells


def time_explorer(render: Callable[..., Any], settings: list[dict[str, Any]],
                  cpu: list[float] | None = None) -> list[float]:
    """Milliseconds per update for each setting, after one warm-up call.

    ``cpu``, when given, receives the process's CPU milliseconds per update: on a
    machine shared with other jobs they move much less than the wall-clock times.
    """
    render()
    times = []
    for kwargs in settings:
        start, start_cpu = time.perf_counter(), time.process_time()
        render(**kwargs)
        times.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - start_cpu) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="skip the clean book build")
    parser.add_argument("--tests", action="store_true", help="also time `make test`")
    parser.add_argument("--widgets", action="store_true", help="only the explorers and the builders")
    parser.add_argument("--pages", action="store_true", help="only the notebook execution times")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="runs of each page; the verdict uses their median (default 3)")
    parser.add_argument("--only", nargs="+", metavar="NN", default=None,
                        help="with --pages: only these chapters' pages, e.g. --only 01 02")
    parser.add_argument("--capstone", action="store_true",
                        help="only the capstone's analyses at the default size and at 10x")
    parser.add_argument("--files", action="store_true",
                        help="only the progress files: a class folder of 10,000 files, a 122 MB progress file")
    args = parser.parse_args()
    if args.capstone:
        time_capstone()
        return 0
    if args.files:
        time_files()
        return 0
    if not args.pages:
        time_widgets()
    if args.widgets:
        return 0
    time_pages(args)
    return 0


# ------------------------------------------------------------------ chapter 6 (capstone)
#: Most seconds one capstone task's analysis may take on the case at ten times its size.
CAPSTONE_BUDGET_S = 10.0


def capstone_tasks(scale: int) -> dict[str, Callable[[Any], Any]]:
    """Each capstone task's analysis, as the worked solutions run it, for the case at
    ``scale`` (the launch budget grows with the market: 5 samples per 600 customers)."""
    from snb import measures
    from snb.checks import AUDIT
    from snb.models import brokerage, case, diffusion

    a = AUDIT

    def load(c: Any) -> Any:
        with tempfile.TemporaryDirectory() as folder:
            (path,) = [p for p in case.write_exports(c, Path(folder)) if p.name == a["export"]]
            import csv
            with path.open(encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
        import networkx as nx
        G = nx.Graph()
        for row in rows:
            G.add_edge(row["customer"], row["contact"], strength=int(row["strength"]))
        return G

    def venues(c: Any) -> Any:
        visits = case.venue_visits(c.visits)
        return measures.top_share(visits, a["top fraction"]), measures.gini(visits)

    def key_people(c: Any) -> Any:
        low = brokerage.top_k(brokerage.broker_scores(c.staff, a["broker measure"]), a["brokers"] * scale)
        return low, case.cut_people(c.staff)

    return {
        "6.1 load the customer export": load,
        "6.2 seeding, 20 x 50 cascades": lambda c: case.seeding_study(
            c.customers, a["budget"] * scale, a["p"], replications=a["replications"], runs=a["runs"]),
        "6.2 seeding sweep, 6 rates": lambda c: diffusion.seeding_sweep(
            c.customers, a["budget"] * scale, [0.02, 0.05, 0.1, 0.15, 0.2, 0.3], replications=20, runs=20),
        "6.3 venue concentration": venues,
        "6.4 Louvain, 20 seeds + stability": lambda c: case.stability(
            c.customers, case.community_runs(c.customers, range(a["seeds"]))),
        "6.5 brokers and cut people": key_people,
        "6.7 trust-weighted PageRank": lambda c: case.influencer_scores(c.customers, a["influence measure"]),
    }


def time_capstone(scales: tuple[int, ...] = (1, 10)) -> dict[int, dict[str, float]]:
    """Seconds for the case's generation and each task's analysis at each scale (printed)."""
    from snb.models import case

    print(f"Capstone analyses (budget {CAPSTONE_BUDGET_S:g} s per task at 10x; reference "
          f"{reference_ms():.0f} ms)")
    out: dict[int, dict[str, float]] = {}
    for scale in scales:
        start = time.perf_counter()
        c = case.audit_case(scale=scale)
        times = {"generate the case": time.perf_counter() - start}
        for name, task in capstone_tasks(scale).items():
            start = time.perf_counter()
            task(c)
            times[name] = time.perf_counter() - start
        out[scale] = times
        print(f"  scale {scale}: {c.staff.number_of_nodes():,} staff, {c.customers.number_of_nodes():,} "
              f"customers, {c.customers.number_of_edges():,} customer ties")
        for name, seconds in times.items():
            mark = verdict(seconds, CAPSTONE_BUDGET_S) if scale == max(scales) else ""
            print(f"    {name:38s} {seconds:7.2f} s  {mark}")
        print(f"    {'all tasks':38s} {sum(times.values()):7.2f} s")
    return out


def time_widgets() -> None:
    """Explorer updates, large updates and builder actions against their budgets."""
    reference = reference_ms()
    print(f"== Explorer updates (render callback, median of the settings a learner sweeps); "
          f"reference computation {reference:.0f} ms")
    for name, (render, settings) in EXPLORERS.items():
        cpu: list[float] = []
        ms = time_explorer(render, settings, cpu)
        median = statistics.median(ms)
        print(f"  {name:28s} median {median:6.0f} ms  max {max(ms):6.0f} ms  "
              f"({len(ms)} updates; CPU median {statistics.median(cpu):.0f} ms; {median / reference:.2f} x reference)  "
              f"{verdict(median, WIDGET_BUDGET_MS)} (<= {WIDGET_BUDGET_MS:.0f} ms)")
    for name, (render, kwargs) in LARGE_UPDATES.items():
        start = time.perf_counter()
        render(**kwargs)  # a new setting: the network is grown and drawn from scratch
        ms = (time.perf_counter() - start) * 1000
        print(f"  {name:28s} one update {ms:6.0f} ms  {verdict(ms, LARGE_WIDGET_BUDGET_MS)} "
              f"(<= {LARGE_WIDGET_BUDGET_MS:.0f} ms)")

    print("== Builder actions at the size limits (redraw included)")
    for name, action in _builder_actions().items():
        start = time.perf_counter()
        message = action()
        ms = (time.perf_counter() - start) * 1000
        print(f"  {name:42s} {ms:6.0f} ms  {verdict(ms, LARGE_WIDGET_BUDGET_MS)} "
              f"(<= {LARGE_WIDGET_BUDGET_MS:.0f} ms)  {str(message)[:60]}")


def time_pages(args: argparse.Namespace) -> None:
    """Notebook execution, then (unless skipped) the clean build and the test suite."""
    print("== Notebook execution (nbclient): the cells' own time against the page budget,"
          " and the whole run with kernel start")
    pages = book_pages()
    exercise_books = sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb"))
    if args.only:  # some chapters' pages (and workbooks) only
        pages = [p for p in pages if p.name[:2] in args.only]
        exercise_books = [p for p in exercise_books if p.name[:2] in args.only]
    runs = max(1, args.repeat)
    if runs > 1:
        print(f"  (each page {runs} times, the pages in turn: the median, then the range; a single "
              "run moves by up to 2x on a shared machine)")
    times: dict[Path, list[tuple[float, float]]] = {path: [] for path in pages + exercise_books}
    for _ in range(runs):  # in turn, so a slow spell of the machine touches every page alike
        for path in times:
            times[path].append(time_notebook(path))
    for path, measured in times.items():
        total = statistics.median(t for t, _ in measured)
        cells = statistics.median(c for _, c in measured)
        spread = "" if runs == 1 else f" ({min(c for _, c in measured):.2f}-{max(c for _, c in measured):.2f})"
        label = f"{path.parent.name}/{path.name}"
        note = f"  {verdict(cells, PAGE_BUDGET_S)} (<= {PAGE_BUDGET_S:.0f} s per page)" if path in pages else ""
        print(f"  {label:42s} cells {cells:5.2f} s{spread}, with kernel start {total:5.1f} s{note}")

    if not args.no_build:  # clean, no-change and one-edit builds; then the built pages' weight
        subprocess.run([sys.executable, str(ROOT / "tools" / "book_timing.py")], check=True)
    print("== Page weight of the built book (_build/html)")
    subprocess.run([sys.executable, str(ROOT / "tools" / "page_weight.py")], check=False)

    if args.tests:
        print("== Whole test suite (make test, 2 jobs)")
        start = time.perf_counter()
        subprocess.run(["make", "-C", str(ROOT), "test"], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        print(f"  make test {seconds:.0f} s  {verdict(seconds, SUITE_BUDGET_S)} (<= {SUITE_BUDGET_S:.0f} s)")


# ------------------------------------------------------------------ progress files
#: Seconds `make class-progress` may take on a folder of CLASS_FILES learner files.
CLASS_BUDGET_S = 5.0
CLASS_FILES = 10_000
#: Milliseconds one check may spend recording its result next to a 122 MB progress file.
RECORD_BUDGET_MS = 100.0


def time_files() -> None:
    """A hostile class folder (a tenth of the files damaged) and a huge progress file."""
    import json
    import tempfile

    from snb import progress

    entry = {"status": "incorrect", "time": "2026-12-01T10:00:00Z", "attempts": 3}
    good = json.dumps({"format": progress.FORMAT, "version": 1,
                       "checks": {f"snb.checks.ch0{c}.check_{i}": entry for c in range(1, 7) for i in range(6)}})
    bad = ["[" * 100_000, '{"a": ' + "9" * 5000 + "}", '{"format": "snb-progress", "checks": {"x": '
           '{"status": "correct", "attempts": "many"}}}']
    print("== Progress files")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        for i in range(CLASS_FILES):
            sub = folder / f"group-{i % 20:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"learner-{i:05d}.json").write_text(good if i % 10 else bad[i % 3], encoding="utf-8")
        os.mkfifo(folder / "fifo.json")
        os.symlink("/dev/zero", folder / "zero.json")
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()) as out:
            code = progress.main(["--root", str(ROOT), "--class", str(folder)])
        seconds = time.perf_counter() - start
        skipped = out.getvalue().count("\nskipped ") + out.getvalue().startswith("skipped ")
        print(f"  make class-progress, {CLASS_FILES:,} files ({skipped:,} skipped, exit {code}) "
              f"{seconds:5.2f} s  {verdict(seconds, CLASS_BUDGET_S)} (<= {CLASS_BUDGET_S:g} s)")
        path = Path(tmp) / "progress.json"
        with open(path, "wb") as huge:
            huge.write(good.encode("utf-8"))
            huge.truncate(122 * 10**6)
        with contextlib.redirect_stderr(io.StringIO()):
            start = time.perf_counter()
            progress.record(path, "snb.checks.ch01.check_team_basics", "correct")  # kept aside, new file
            first = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            progress.record(path, "snb.checks.ch01.check_team_basics", "correct")
            then = (time.perf_counter() - start) * 1000
        print(f"  a check beside a 122 MB progress file: {first:5.1f} ms (kept aside), then {then:5.1f} ms  "
              f"{verdict(max(first, then), RECORD_BUDGET_MS)} (<= {RECORD_BUDGET_MS:g} ms)")


if __name__ == "__main__":
    sys.exit(main())
