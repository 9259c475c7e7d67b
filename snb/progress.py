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
import contextlib
import csv
import hashlib
import io
import json
import os
import re
import sys
import stat
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from snb.fences import FENCE
from snb.files import UnreadableFile, UnsafeTarget, read_json, write_text

try:  # POSIX; elsewhere the merge-on-write below still keeps both results most of the time
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "FORMAT", "PROGRESS_NAME", "MARKER_NAME", "ENV", "STUCK_AFTER", "ProgressError",
    "progress_file", "read_progress", "record", "record_check", "Exercise", "course_exercises",
    "chapter_table", "class_table", "read_class", "learner_id", "latest_try", "main",
]

FORMAT = "snb-progress"
VERSION = 1
PROGRESS_NAME = "progress.json"
MARKER_NAME = ".snb-workspace"       # the file that makes a folder a learner's workspace
ENV = "SNB_PROGRESS"                  # a progress file path, or "off"
STUCK_AFTER = 3                       # answered attempts without a correct one: "stuck"
STATUSES = ("correct", "incorrect", "unanswered", "invalid")
#: Limits of a progress file. The whole course records about 40 checks, some 5 KB; a file
#: 200 times that size is not one the course wrote. A larger one is refused at once (from
#: its size, without reading it): a learner's is kept aside and a new one started, an
#: instructor's class table skips it with the reason.
MAX_PROGRESS_BYTES = 1 << 20
MAX_CHECKS = 2_000
MAX_ATTEMPTS = 10**9
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
    """The progress data if every part has the expected type, else :class:`ProgressError`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressError("it is JSON but not an snb progress file")
    checks = data.get("checks")
    if not isinstance(checks, dict):
        raise ProgressError("its 'checks' entry is missing or not a table")
    if len(checks) > MAX_CHECKS:
        raise ProgressError(f"it lists {len(checks):,} checks; the course has far fewer")
    for name, entry in checks.items():
        shown = name if len(name) <= 60 else name[:57] + "..."
        if len(name) > 200:
            raise ProgressError(f"a check name is {len(name):,} characters long")
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise ProgressError(f"the entry for {shown!r} has no valid status")
        attempts = entry.get("attempts", 0)
        if type(attempts) is not int or not 0 <= attempts <= MAX_ATTEMPTS:
            raise ProgressError(f"the entry for {shown!r} has attempts that are not a count")
        for key in ("time", "solved"):
            if not isinstance(entry.get(key, ""), str) or len(entry.get(key, "")) > 40:
                raise ProgressError(f"the entry for {shown!r} has a {key} that is not a date")
    learner = data.get("learner", "")
    if not isinstance(learner, str) or len(learner) > 40:
        raise ProgressError("its 'learner' entry is not a short name")
    return data


def read_progress(path: Path, inside: Path | None = None) -> dict[str, Any]:
    """The contents of a progress file; :class:`ProgressError` if it is not one.

    Read with :func:`snb.files.read_json`'s limits (regular files only, links not followed,
    at most :data:`MAX_PROGRESS_BYTES`, shallow, no huge numbers), then checked entry by entry.
    """
    try:
        data = read_json(path, inside=inside, max_bytes=MAX_PROGRESS_BYTES, max_depth=4,
                         max_values=10 * MAX_CHECKS, max_digits=20)
    except UnreadableFile as why:
        raise ProgressError(str(why)) from None
    return _validate(data)


def _aside(path: Path) -> Path:
    """Rename an unusable file (or link, or FIFO) to a new, unused name beside it and return that name."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.unreadable-{stamp}" + (f"-{n}" if n > 1 else ""))
        if not os.path.lexists(target):
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
        # never through a link, never blocking on a FIFO someone left there
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0),
                     0o644)
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
    write_text(path, json.dumps(data, indent=1, sort_keys=True) + "\n")


def _read_only(path: Path) -> bool:
    """True when the file's mode has no write permission (honoured even for root)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    return stat.S_ISREG(info.st_mode) and not info.st_mode & 0o200


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
            if os.path.lexists(path):
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
            now = _now()
            new = {"status": status, "time": now, "attempts": attempts}
            solved = entry.get("solved") or (entry.get("time") if entry.get("status") == "correct" else None)
            if solved or status == "correct":  # once solved, an exercise stays solved
                new["solved"] = solved or now
            data["checks"][check] = new
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
    number: str = ""          # as the book and the workbook number it, e.g. "5.4"

    @property
    def name(self) -> str:
        """"Exercise 5.4", as the book says (the label when the number is unknown)."""
        return f"Exercise {self.number}" if self.number else self.label


def _check_modules() -> dict[str, str]:
    """Check function name -> module, read from the checks package's source files (so new
    chapters need no edits, and a progress table does not import networkx and the models)."""
    found = {}
    for source in sorted((Path(__file__).parent / "checks").glob("ch[0-9]*.py")):
        for name in re.findall(r"^def (check_\w+)\(", source.read_text(encoding="utf-8"), re.MULTILINE):
            found[name] = f"snb.checks.{source.stem}"
    return found


def course_exercises(root: Path) -> list[Exercise]:
    """Every exercise in ``root/solutions/NN-*.ipynb`` with the checks its solution calls.

    A chapter may have several pages; the chapter number is the file name's ``NN``.
    """
    modules = _check_modules()
    exercises: list[Exercise] = []
    for page in sorted((Path(root) / "solutions").glob("[0-9][0-9]-*.ipynb")):
        chapter = int(page.name[:2])
        current: dict[str, Any] | None = None
        found: list[dict[str, Any]] = []
        # the course's own notebooks, read as the JSON they are (nbformat's import alone
        # costs seconds, longer than reading a class of 10,000 progress files)
        for cell in json.loads(page.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            if cell["cell_type"] == "markdown":
                for m in FENCE.finditer(source):
                    if m["name"] == "exercise-start":
                        label = _LABEL.search(m["body"])
                        name = label[1] if label else f"ex-{chapter:02d}-{len(found) + 1}"
                        current = {"label": name, "title": m["arg"].strip(), "checks": []}
                        found.append(current)
            elif cell["cell_type"] == "code" and current is not None:
                for name in _CHECK_CALL.findall(source):
                    full = f"{modules.get(name, 'snb.checks')}.{name}"
                    if full not in current["checks"]:
                        current["checks"].append(full)
        # numbered as snb.exercisegen numbers them in the workbook: chapter.k within the page
        exercises += [Exercise(chapter, e["label"], e["title"] or e["label"], tuple(e["checks"]), f"{chapter}.{k}")
                      for k, e in enumerate(found, start=1)]
    return exercises


def exercise_state(exercise: Exercise, checks: dict[str, Any]) -> str:
    """"done", "attempted" or "not started" for one learner's recorded checks."""
    entries = [checks.get(c) for c in exercise.checks]
    if entries and all(e and (e.get("status") == "correct" or e.get("solved")) for e in entries):
        return "done"  # once solved, a later wrong try does not undo it
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
    """Every usable progress file under ``folder`` (its data, by relative path), and the skipped ones.

    Every ``*.json`` file in the folder and its subfolders is read with
    :func:`read_progress`'s limits; links (to files or folders) are named and never
    followed, FIFOs and devices never opened, and nothing outside ``folder`` is read.
    """
    folder = Path(folder)
    good: dict[str, dict[str, Any]] = {}
    bad: list[tuple[Path, str]] = []
    for here, dirs, files in os.walk(folder, followlinks=False):
        base = Path(here)
        prefix = base.relative_to(folder).as_posix() + "/" if base != folder else ""
        for name in sorted(dirs):
            if os.path.islink(os.path.join(here, name)):
                bad.append((base / name, "it is a symbolic link to a folder (not followed)"))
        dirs.sort()
        for name in sorted(files):
            if not name.lower().endswith(".json"):
                continue
            path = os.path.join(here, name)
            try:
                # inside the folder by construction: the walk follows no link, the reader opens none
                good[prefix + name] = read_progress(path)
            except ProgressError as why:
                bad.append((Path(path), str(why)))
            except OSError as exc:
                bad.append((Path(path), f"it cannot be read ({exc.strerror or exc})"))
    bad.sort(key=lambda item: str(item[0]))
    return good, bad


def learner_id(relative: str, data: dict[str, Any]) -> str:
    """How the class table shows a learner: the short name their file gives in ``learner``, else
    a pseudonym made from the file's path (``L-`` and 6 hex digits of its SHA-256), stable from
    run to run, so the instructor can follow a learner without the table naming anyone."""
    name = data.get("learner")
    if isinstance(name, str) and name.strip():
        return " ".join(name.split())[:40]
    return "L-" + hashlib.sha256(relative.encode("utf-8")).hexdigest()[:6]


def latest_try(exercise: Exercise, checks: dict[str, Any]) -> str:
    """The latest recorded try of an exercise, e.g. "incorrect, 3 tries, 2026-12-01 10:00"."""
    entries = [checks[c] for c in exercise.checks if c in checks]
    if not entries:
        return "-"
    last = max(entries, key=lambda e: e.get("time", ""))
    tries = sum(e.get("attempts", 0) for e in entries)
    when = last.get("time", "").replace("T", " ")[:16]
    return f"{last['status']}, {_count(tries, 'try', 'tries')}" + (f", {when}" if when else "")


def _count(n: int, word: str, many: str) -> str:
    return f"{n} {word if n == 1 else many}"


def class_table(exercises: list[Exercise], learners: dict[str, dict[str, Any]],
                names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One row per exercise: how many learners are done, attempted (of them stuck), not started,
    and who is stuck (by ``names``, a learner's key -> how to show them; default the key)."""
    rows = []
    for ex in exercises:
        counts = {"done": 0, "attempted": 0, "not started": 0}
        stuck = []
        for key, checks in learners.items():
            state = exercise_state(ex, checks)
            counts[state] += 1
            if state == "attempted" and any(
                    (checks.get(c) or {}).get("attempts", 0) >= STUCK_AFTER for c in ex.checks):
                stuck.append((names or {}).get(key, key))
        rows.append({"chapter": ex.chapter, "number": ex.number, "exercise": ex.label, "title": ex.title,
                     "learners": len(learners), **counts, "stuck": len(stuck),
                     "stuck learners": " ".join(sorted(stuck))})
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
    print(f"Your progress ({path}):\n")
    table = [{"exercise": ex.name, "title": _cut(ex.title, 44), "state": exercise_state(ex, checks),
              "latest try": latest_try(ex, checks)} for ex in exercises]
    _print_table(table, ["exercise", "title", "state", "latest try"])
    rows = chapter_table(exercises, checks)
    print()
    _print_table(rows, ["chapter", "exercises", "done", "attempted", "not started"])
    total = {k: sum(r[k] for r in rows) for k in ("exercises", "done", "attempted")}
    left = [ex.name for ex in exercises if exercise_state(ex, checks) != "done"]
    print(f"\n{total['done']} of {total['exercises']} exercises done, {total['attempted']} attempted."
          + (f" Left: {', '.join(left[:8])}{' ...' if len(left) > 8 else ''}." if left else ""))
    print("A solved exercise stays solved; 'latest try' shows your last answer to it.")
    return 0


def _first(names: list[str], k: int) -> str:
    """The first ``k`` names, and how many more (the CSV lists them all)."""
    return " ".join(names[:k]) + (f" and {len(names) - k} more (see the CSV)" if len(names) > k else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _class_report(folder: Path, csv_path: Path | None, root: Path, show_paths: bool = False) -> int:
    if not folder.is_dir():
        print(f"{folder} is not a folder: give the folder that holds the learners' progress files.")
        return 1
    found, bad = read_class(folder)
    for path, why in bad:
        print(f"skipped {path}: {why}")
    if bad:
        print(f"{_count(len(bad), 'file', 'files')} skipped (named above, with the reason).\n")
    if not found:
        print(f"Warning: no progress files found in {folder}. Collect the learners' progress.json "
              "files (any names, subfolders too) into it, then run this again.")
        return 1
    learners = {key: data["checks"] for key, data in found.items()}
    names = {key: key if show_paths else learner_id(key, data) for key, data in found.items()}
    learner_word = "learner" if len(learners) == 1 else "learners"
    print(f"Class progress: {len(learners)} {learner_word} in {folder}\n")
    rows = class_table(course_exercises(root), learners, names)
    shown = [dict(r, exercise=f"Exercise {r['number']}" if r["number"] else r["exercise"],
                  **{"stuck learners": _first(r["stuck learners"].split(), 4)}) for r in rows]
    columns = ["chapter", "exercise", "done", "attempted", "stuck", "not started", "stuck learners"]
    _print_table(shown, columns)
    print(f"\n'stuck': attempted {STUCK_AFTER} or more times without a correct answer.")
    if not show_paths:
        print("Learners appear as pseudonyms (L- and 6 characters, the same each run for the same file) "
              "unless their file names a 'learner'; --names (make class-progress NAMES=1) shows the file "
              "paths instead.")
    if csv_path is not None:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=["chapter", "number", "exercise", "title", "learners", "done",
                                                 "attempted", "stuck", "not started", "stuck learners"])
        writer.writeheader()
        writer.writerows(rows)
        try:
            write_text(csv_path, out.getvalue())
        except (UnsafeTarget, OSError) as exc:
            print(f"The CSV was not written: {exc}")
            return 1
        print(f"wrote {csv_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print a learner's progress per chapter, or a class summary per exercise."""
    parser = argparse.ArgumentParser(description="Progress per chapter, or for a class.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the course folder")
    parser.add_argument("--workspace", help="the learner's workspace (default my-work)")
    parser.add_argument("--file", type=Path, help="a progress file (instead of --workspace)")
    parser.add_argument("--class", dest="folder", help="a folder of learners' progress files")
    parser.add_argument("--csv", help="with --class: also write the table to this CSV file")
    parser.add_argument("--names", action="store_true",
                        help="with --class: show stuck learners by file path instead of pseudonym")
    args = parser.parse_args(argv)
    if args.folder is not None:
        if not args.folder.strip():
            print("Say where the progress files are: make class-progress DIR=folder")
            return 2
        if args.csv is not None and not args.csv.strip():
            print("CSV= is empty: give a file name, e.g. CSV=class.csv, or leave CSV out.")
            return 2
        return _class_report(Path(args.folder), None if args.csv is None else Path(args.csv), args.root,
                             show_paths=args.names)
    if args.workspace is not None and not args.workspace.strip():
        print("WORKSPACE= is empty: give your workspace folder, e.g. WORKSPACE=my-work, or leave it out.")
        return 2
    workspace = Path(args.workspace) if args.workspace is not None else args.root / "my-work"
    path = (args.file or workspace / PROGRESS_NAME).expanduser()
    return _learner_report(path, args.root)

if __name__ == "__main__":
    sys.exit(main())
