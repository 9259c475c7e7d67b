"""``python -m snb.verdicts``: print, compare and store the course's verdicts.

Examples::

    python -m snb.verdicts                     # every verdict at seed base 0, as a table
    python -m snb.verdicts --only 03 05        # chapters 3 and 5
    python -m snb.verdicts --seed-base 7       # rerun with other random seeds
    python -m snb.verdicts --compare 0 7       # list verdicts whose label differs
    python -m snb.verdicts --store             # recompute base 0, write what pages read
    python -m snb.verdicts --check-stored      # fail if the stored results are stale
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Sequence

from snb import verdicts
from snb.files import write_text
from snb.verdicts.core import Verdict


def _one(args: tuple[str, int]) -> tuple[dict, float]:
    id, base = args
    start = time.process_time()
    result = verdicts.run(id, base).to_json()
    return result, time.process_time() - start


def _group(task: tuple[tuple[str, ...], int]) -> list[tuple[dict, float]]:
    ids, base = task
    return [_one((i, base)) for i in ids]


def compute_bases(ids: Sequence[str], bases: Sequence[int], jobs: int
                  ) -> dict[int, tuple[dict[str, Verdict], dict[str, float]]]:
    """Every verdict in ``ids`` at each seed base of ``bases``, using ``jobs`` processes.

    The verdicts of one chapter module run in one process, one after another, so they share
    the module's caches (chapter 2's newcomer markets serve two verdicts); the largest
    groups start first.
    """
    entries = verdicts.registry()
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(entries[i].func.__module__, []).append(i)
    tasks = sorted(((tuple(g), b) for b in bases for g in groups.values()), key=lambda t: -len(t[0]))
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            done = dict(zip(tasks, pool.map(_group, tasks)))
    else:
        done = {t: _group(t) for t in tasks}
    found = {(i, b): out for (group, b), outs in done.items() for i, out in zip(group, outs)}
    return {b: ({i: Verdict.from_json(found[i, b][0]) for i in ids},
                {i: found[i, b][1] for i in ids}) for b in bases}


def compute(ids: Sequence[str], base: int, jobs: int) -> tuple[dict[str, Verdict], dict[str, float]]:
    """Every verdict in ``ids`` at ``base``, using ``jobs`` processes (:func:`compute_bases`)."""
    return compute_bases(ids, [base], jobs)[base]


def table(results: dict[str, Verdict], seconds: dict[str, float] | None = None) -> str:
    """A plain-text table, one verdict a line."""
    lines = []
    for id, v in results.items():
        runs = f"{v.n:,}" if v.n else "exact"
        flag = "  [fragile]" if v.fragile else ""
        cpu = f"  ({seconds[id]:.1f} s)" if seconds else ""
        lines.append(f"{id:<32} {v.interval_text():<34} {runs:>7}  {v.label}{flag}{cpu}")
    return "\n".join(lines)


def same(a: Verdict, b: Verdict, rel: float = 1e-9) -> bool:
    """True when two results are the same up to floating-point noise: everything a page can
    print, the details (sweep points, null distributions, counts) included."""
    def close(x, y) -> bool:
        if isinstance(x, dict) and isinstance(y, dict):
            return x.keys() == y.keys() and all(close(x[k], y[k]) for k in x)
        if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
            return len(x) == len(y) and all(close(u, v) for u, v in zip(x, y))
        numbers = (int, float)
        if isinstance(x, float) or isinstance(y, float):
            if not (isinstance(x, numbers) and isinstance(y, numbers)):
                return False
            return (math.isclose(x, y, rel_tol=rel, abs_tol=1e-12)
                    or (math.isnan(x) and math.isnan(y)))
        return x == y

    return close(a.to_json(), b.to_json())


def flips(a: dict[str, Verdict], b: dict[str, Verdict]) -> list[tuple[str, str, str, bool]]:
    """(id, signature at a, signature at b, marked fragile) for every verdict that changed."""
    return [(i, a[i].signature, b[i].signature, bool(a[i].fragile))
            for i in a if i in b and a[i].signature != b[i].signature]


def write_store(results: dict[str, Verdict]) -> None:
    """Merge ``results`` (base 0) into the stored file, keeping other chapters' entries."""
    path = verdicts.store_path()
    data = {"seed_base": 0, "verdicts": {}}
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
    known = set(verdicts.registry())
    kept = {k: v for k, v in data["verdicts"].items() if k in known}
    kept.update({k: v.to_json() for k, v in results.items()})
    order = list(verdicts.registry())
    data = {"about": "Verdicts at seed base 0, written by `python -m snb.verdicts --store`; "
                     "pages read them. Do not edit by hand.",
            "seed_base": 0, "verdicts": {k: kept[k] for k in order if k in kept}}
    write_text(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m snb.verdicts",
                                     description="Print, compare and store the course's verdicts.")
    parser.add_argument("--only", nargs="+", metavar="NN", help="chapters, e.g. 03 05")
    parser.add_argument("--id", nargs="+", help="single verdicts by id")
    parser.add_argument("--seed-base", type=int, default=0, help="seed base (default 0)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--compare", nargs=2, type=int, metavar=("A", "B"),
                        help="list verdicts whose label differs between seed bases A and B; "
                             "exit 1 if one not marked fragile flips")
    parser.add_argument("--store", action="store_true",
                        help="recompute at base 0 and write snb/data/verdicts.json")
    parser.add_argument("--check-stored", action="store_true",
                        help="recompute at base 0 and fail if the stored results differ")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes")
    args = parser.parse_args(list(argv) if argv is not None else None)
    only = args.only or (os.environ.get("SNB_ONLY", "").split() or None)
    entries = verdicts.registry(only)
    ids = [i for i in entries if not args.id or i in args.id]
    if not ids:
        print("no verdicts match", file=sys.stderr)
        return 2 if (only or args.id) else 0
    start = time.perf_counter()
    status = 0
    if args.compare:
        a, b = args.compare
        both = compute_bases(ids, [a, b], args.jobs)
        first, second = both[a][0], both[b][0]
        changed = flips(first, second)
        for id, sa, sb, fragile in changed:
            print(f"{id}: base {a} {sa!r} -> base {b} {sb!r}"
                  + ("  (marked fragile)" if fragile else "  UNMARKED FLIP"))
        unmarked = [c for c in changed if not c[3]]
        print(f"{len(ids)} verdicts compared at bases {a} and {b}: {len(changed)} differ, "
              f"{len(unmarked)} not marked fragile ({time.perf_counter() - start:.0f} s)")
        status = 1 if unmarked else 0
        if args.check_stored and 0 in (a, b):
            status = max(status, _check(first if a == 0 else second))
        return status
    results, seconds = compute(ids, 0 if (args.store or args.check_stored) else args.seed_base,
                               args.jobs)
    if args.check_stored:
        return _check(results)
    if args.store:
        write_store(results)
        print(f"stored {len(results)} verdicts in {verdicts.store_path()}")
    if args.json:
        print(json.dumps({k: v.to_json() for k, v in results.items()}, indent=1))
    else:
        print(table(results, seconds))
        print(f"{len(results)} verdicts at seed base {results[ids[0]].seed_base} "
              f"in {time.perf_counter() - start:.0f} s")
    return status


def _check(fresh: dict[str, Verdict]) -> int:
    stored = verdicts.stored_all()
    problems = [f"{i}: not stored" for i in fresh if i not in stored]
    if len(fresh) == len(verdicts.registry()):
        problems += [f"{i}: stored but no longer registered" for i in stored if i not in fresh]
    problems += [f"{i}: stored {stored[i].interval_text()} {stored[i].label!r}, "
                 f"fresh {v.interval_text()} {v.label!r}"
                 for i, v in fresh.items() if i in stored and not same(stored[i], v)]
    for line in problems:
        print("STALE", line)
    print(f"{len(fresh)} verdicts checked against the stored results: {len(problems)} stale"
          + ("; run `python -m snb.verdicts --store`" if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
