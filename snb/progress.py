"""The learner's progress: what each check said last, and tables built from it.

Every exercise check (see :func:`snb.feedback.teaching_check`) calls
:func:`record_check` with its own name and the status it returned. The result
goes to ``progress.json`` in the learner's workspace (see :mod:`snb.workspace`)::

    {"format": "snb-progress", "version": 1,
     "checks": {"snb.checks.ch01.check_team_basics":
                {"status": "correct", "time": "2026-12-02T04:30:00Z", "attempts": 2}}}

Only the check's name, its status, the time and a count of answered attempts
are stored, never the answer itself.

Recording happens only when a notebook runs inside a workspace (the current
folder or one above it holds the workspace marker file) or when the
environment variable ``SNB_PROGRESS`` names a progress file. ``SNB_PROGRESS=off``
turns it off; the Makefile sets that for tests, builds and ``make execute``, so
the course's own runs of the worked solutions never count as a learner's work.

Recording never makes a check fail: a file that cannot be read (empty, not
JSON, someone else's JSON) is kept aside under a new name and a fresh one is
started; a read-only file or folder is left alone. Each problem is reported
once, in one line. Writes go to a temporary file that then replaces the old one
(``os.replace``), under a lock file, so two checks finishing at the same moment
both get recorded.

Command line (``make progress``, ``make class-progress DIR=folder``)::

    python -m snb.progress [--workspace my-work | --file progress.json]
    python -m snb.progress --class FOLDER [--csv class-progress.csv]
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import csv
import json
import os
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from snb.fences import FENCE

try:  # POSIX; elsewhere the merge-on-write below still keeps both results most of the time
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "FORMAT", "PROGRESS_NAME", "MARKER_NAME", "ENV", "STUCK_AFTER", "ProgressError",
    "progress_file", "read_progress", "record", "record_check", "Exercise", "course_exercises",
    "chapter_table", "class_table", "read_class", "main",
]

FORMAT = "snb-progress"
VERSION = 1
PROGRESS_NAME = "progress.json"
MARKER_NAME = ".snb-workspace"       # the file that makes a folder a learner's workspace
ENV = "SNB_PROGRESS"                  # a progress file path, or "off"
STUCK_AFTER = 3                       # answered attempts without a correct one: "stuck"
STATUSES = ("correct", "incorrect", "unanswered", "invalid")
_OFF = {"off", "0", "no", "false", "none"}
_LOCK_SECONDS = 5.0
_thread_lock = threading.Lock()
_said: set[str] = set()


class ProgressError(ValueError):
    """A progress file that cannot be used (its message says why, in a few words)."""


def _say(message: str, once: bool = True) -> None:
    """Print one line to stderr (once per process and message, unless ``once`` is False)."""
    if not once or message not in _said:
        _said.add(message)
        print(f"snb progress: {message}", file=sys.stderr)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def progress_file(cwd: Path | None = None) -> Path | None:
    """Where this process records progress, or None when it must not record at all."""
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    here = Path.cwd() if cwd is None else Path(cwd)
    for folder in (here, *here.parents):
        if (folder / MARKER_NAME).is_file():
            return folder / PROGRESS_NAME
    return None


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "checks": {}}


def _validate(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressError("it is JSON but not an snb progress file")
    checks = data.get("checks")
    if not isinstance(checks, dict):
        raise ProgressError("its 'checks' entry is missing or not a table")
    for name, entry in checks.items():
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise ProgressError(f"the entry for {name!r} has no valid status")
    return data


def read_progress(path: Path) -> dict[str, Any]:
    """The contents of a progress file; :class:`ProgressError` if it is not one."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProgressError("it is not text") from None
    if not text.strip():
        raise ProgressError("it is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProgressError(f"it is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return _validate(data)


def _aside(path: Path) -> Path:
    """Rename an unusable file to a new, unused name beside it and return that name."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.unreadable-{stamp}" + (f"-{n}" if n > 1 else ""))
        if not target.exists():
            os.replace(path, target)
            return target
    raise OSError(f"no free name to keep {path.name} aside")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold the lock file beside ``path`` (and a lock for threads of this process)."""
    with _thread_lock:
        if fcntl is None:  # pragma: no cover - Windows
            yield
            return
        lock = path.with_name(f".{path.name}.lock")
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + _LOCK_SECONDS
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError("another program has held the progress lock for 5 s")
                    time.sleep(0.01)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _read_only(path: Path) -> bool:
    """True when the file's mode has no write permission (honoured even for root)."""
    return path.exists() and not path.stat().st_mode & 0o200


def record(path: Path, check: str, status: str) -> bool:
    """Record ``status`` as the latest result of ``check`` in ``path``; True if written.

    Never raises: every problem becomes one line on stderr and ``False``.
    """
    path = Path(path)
    try:
        if status not in STATUSES:
            raise ProgressError(f"unknown status {status!r}")
        if not path.parent.is_dir():
            _say(f"not recorded: the folder {path.parent} does not exist.")
            return False
        if _read_only(path):
            _say(f"not recorded: {path} is read-only (make it writable to record results again).")
            return False
        with _locked(path):
            data = _empty()
            if path.exists():
                try:
                    data = read_progress(path)
                except ProgressError as why:
                    kept = _aside(path)
                    _say(f"{path.name} could not be read ({why}); kept it as {kept.name} "
                         f"and started a new one.", once=False)
            entry = data["checks"].get(check, {})
            before = entry.get("attempts", 0)
            before = before if isinstance(before, int) and before >= 0 else 0
            attempts = before + (status != "unanswered")
            data["checks"][check] = {"status": status, "time": _now(), "attempts": attempts}
            _write_atomically(path, data)
        return True
    except PermissionError:
        _say(f"not recorded: no permission to write in {path.parent} (is it read-only?).")
    except Exception as exc:  # recording must never break a check
        _say(f"not recorded in {path}: {type(exc).__name__}: {exc}")
    return False


def record_check(check: str, status: str) -> bool:
    """Record a check's result where this process records progress (maybe nowhere)."""
    try:
        path = progress_file()
    except Exception:  # e.g. the current folder was deleted
        return False
    return False if path is None else record(path, check, status)


# ------------------------------------------------------------------ tables
_CHECK_CALL = re.compile(r"\bchecks\.(check_\w+)\s*\(")
_LABEL = re.compile(r"^:label:\s*(\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Exercise:
    """One exercise of the course, as found in the solution notebooks."""

    chapter: int
    label: str
    title: str
    checks: tuple[str, ...]   # full check names, e.g. "snb.checks.ch01.check_team_basics"


def _check_modules() -> dict[str, str]:
    """Check function name -> module, read from the source of ``snb/checks/*.py`` (so new
    chapters need no edits, and recording a check never has to import every chapter's checks)."""
    found = {}
    for path in sorted((Path(__file__).parent / "checks").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        module = "snb.checks" if path.stem == "__init__" else f"snb.checks.{path.stem}"
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("check_"):
                found.setdefault(node.name, module)
    return found


def course_exercises(root: Path) -> list[Exercise]:
    """Every exercise in ``root/solutions/NN-*.ipynb`` with the checks its solution calls.

    A chapter may have several pages; the chapter number is the file name's ``NN``.
    """
    import nbformat  # imported here: it costs ~0.2-1.5 s, and every check's recording imports this module

    modules = _check_modules()
    exercises: list[Exercise] = []
    for page in sorted((Path(root) / "solutions").glob("[0-9][0-9]-*.ipynb")):
        chapter = int(page.name[:2])
        current: dict[str, Any] | None = None
        found: list[dict[str, Any]] = []
        for cell in nbformat.read(page, as_version=4).cells:
            if cell.cell_type == "markdown":
                for m in FENCE.finditer(cell.source):
                    if m["name"] == "exercise-start":
                        label = _LABEL.search(m["body"])
                        name = label[1] if label else f"ex-{chapter:02d}-{len(found) + 1}"
                        current = {"label": name, "title": m["arg"].strip(), "checks": []}
                        found.append(current)
            elif cell.cell_type == "code" and current is not None:
                for name in _CHECK_CALL.findall(cell.source):
                    full = f"{modules.get(name, 'snb.checks')}.{name}"
                    if full not in current["checks"]:
                        current["checks"].append(full)
        exercises += [Exercise(chapter, e["label"], e["title"] or e["label"], tuple(e["checks"]))
                      for e in found]
    return exercises


def exercise_state(exercise: Exercise, checks: dict[str, Any]) -> str:
    """"done", "attempted" or "not started" for one learner's recorded checks."""
    entries = [checks.get(c) for c in exercise.checks]
    if entries and all(e and e.get("status") == "correct" for e in entries):
        return "done"
    if any(e and (e.get("attempts") or e.get("status") != "unanswered") for e in entries):
        return "attempted"
    return "not started"


def _stuck(exercise: Exercise, checks: dict[str, Any]) -> bool:
    return exercise_state(exercise, checks) == "attempted" and any(
        (checks.get(c) or {}).get("attempts", 0) >= STUCK_AFTER for c in exercise.checks)


def chapter_table(exercises: list[Exercise], checks: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per chapter: exercises, done, attempted, not started."""
    rows: dict[int, dict[str, Any]] = {}
    for ex in exercises:
        row = rows.setdefault(ex.chapter, {"chapter": ex.chapter, "exercises": 0, "done": 0,
                                           "attempted": 0, "not started": 0})
        row["exercises"] += 1
        row[exercise_state(ex, checks)] += 1
    return [rows[k] for k in sorted(rows)]


def read_class(folder: Path) -> tuple[dict[str, dict[str, Any]], list[tuple[Path, str]]]:
    """Every usable progress file under ``folder`` (by relative path), and the skipped ones."""
    good: dict[str, dict[str, Any]] = {}
    bad: list[tuple[Path, str]] = []
    for path in sorted(Path(folder).rglob("*.json")):
        try:
            good[path.relative_to(folder).as_posix()] = read_progress(path)["checks"]
        except ProgressError as why:
            bad.append((path, str(why)))
        except OSError as exc:
            bad.append((path, f"it cannot be read ({exc.strerror or exc})"))
    return good, bad


def class_table(exercises: list[Exercise], learners: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per exercise: how many learners are done, attempted (of them stuck), not started."""
    rows = []
    for ex in exercises:
        states = [exercise_state(ex, checks) for checks in learners.values()]
        rows.append({"chapter": ex.chapter, "exercise": ex.label, "title": ex.title,
                     "learners": len(states), "done": states.count("done"),
                     "attempted": states.count("attempted"),
                     "stuck": sum(_stuck(ex, checks) for checks in learners.values()),
                     "not started": states.count("not started")})
    return rows


def _print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    widths = [max([len(c)] + [len(str(r[c])) for r in rows]) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(r[c]).rjust(w) if isinstance(r[c], int) else str(r[c]).ljust(w)
                        for c, w in zip(columns, widths)).rstrip())


def _learner_report(path: Path, root: Path) -> int:
    if not path.exists():
        print(f"No progress recorded yet ({path} does not exist): run a check in your workbook.")
        checks: dict[str, Any] = {}
    else:
        try:
            checks = read_progress(path)["checks"]
        except ProgressError as why:
            print(f"{path} is not a progress file you can use: {why}. It was left as it is; "
                  "the next check you run keeps it aside and starts a new one.")
            return 1
    exercises = course_exercises(root)
    rows = chapter_table(exercises, checks)
    print(f"Your progress ({path}):\n")
    _print_table(rows, ["chapter", "exercises", "done", "attempted", "not started"])
    total = {k: sum(r[k] for r in rows) for k in ("exercises", "done", "attempted")}
    print(f"\n{total['done']} of {total['exercises']} exercises done, {total['attempted']} attempted.")
    return 0


def _class_report(folder: Path, csv_path: Path | None, root: Path) -> int:
    if not folder.is_dir():
        print(f"{folder} is not a folder: give the folder that holds the learners' progress files.")
        return 1
    learners, bad = read_class(folder)
    for path, why in bad:
        print(f"skipped {path}: {why}")
    learner_word = "learner" if len(learners) == 1 else "learners"
    print(f"Class progress: {len(learners)} {learner_word} in {folder}\n")
    rows = class_table(course_exercises(root), learners)
    columns = ["chapter", "exercise", "done", "attempted", "stuck", "not started"]
    _print_table(rows, columns)
    print(f"\n'stuck': attempted {STUCK_AFTER} or more times without a correct answer.")
    if csv_path is not None:
        with open(csv_path, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=["chapter", "exercise", "title", "learners", "done",
                                                     "attempted", "stuck", "not started"])
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {csv_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print a learner's progress per chapter, or a class summary per exercise."""
    parser = argparse.ArgumentParser(description="Progress per chapter, or for a class.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the course folder")
    parser.add_argument("--workspace", type=Path, help="the learner's workspace (default my-work)")
    parser.add_argument("--file", type=Path, help="a progress file (instead of --workspace)")
    parser.add_argument("--class", dest="folder", type=Path, help="a folder of learners' progress files")
    parser.add_argument("--csv", type=Path, help="with --class: also write the table to this CSV file")
    args = parser.parse_args(argv)
    if args.folder is not None:
        return _class_report(args.folder, args.csv, args.root)
    path = (args.file or (args.workspace or args.root / "my-work") / PROGRESS_NAME).expanduser()
    return _learner_report(path, args.root)


if __name__ == "__main__":
    sys.exit(main())
