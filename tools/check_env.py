"""Workshop preflight: run `make check-env` before the day to see that this laptop is ready."""

from __future__ import annotations

import importlib
import sys
from importlib.metadata import PackageNotFoundError, version

NEEDED = ["networkx", "numpy", "matplotlib", "ipywidgets", "jupyterlab", "jupyter-book", "nbval", "snb"]


def main() -> int:
    problems = []
    print(f"Python {sys.version.split()[0]}", "ok" if sys.version_info >= (3, 10) else "TOO OLD (need 3.10+)")
    if sys.version_info < (3, 10):
        problems.append("python")
    for name in NEEDED:
        try:
            print(f"  {name:14s} {version(name)}")
        except PackageNotFoundError:
            print(f"  {name:14s} MISSING")
            problems.append(name)
    try:
        from snb import datasets, draw, models

        G = datasets.load_karate_club()
        reach = models.k_step_reach(G, 0, 2)
        draw.network(G, title="check")
        print(f"  course code    works (karate club: {G.number_of_nodes()} members, {len(reach)} within 2 steps of 0)")
    except Exception as exc:  # report, do not crash: this is a diagnostic
        print(f"  course code    FAILED: {exc}")
        problems.append("snb")
    try:
        importlib.import_module("ipykernel")
        print("  kernel         ipykernel present")
    except ImportError:
        problems.append("ipykernel")
    if problems:
        print(f"\nNot ready: {', '.join(problems)}. Run `make setup` and try again.")
        return 1
    print("\nReady for the workshop. Start with `make lab`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
