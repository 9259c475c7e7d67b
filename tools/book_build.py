#!/usr/bin/env python3
"""Build the book so that a success means every page is current and free of errors.

    python tools/book_build.py [--root DIR] [--frames render|check] [--jobs N] [-- JUPYTER_BOOK_BUILD_OPTIONS...]

``make book-build`` runs this with ``-- -W -n --keep-going --builder html``. Around
``jupyter-book build`` it adds three guards that Jupyter Book 1 lacks:

1. **Before**: every file of ``_toc.yml`` exists, and every notebook among them is
   valid JSON and a valid notebook (``nbformat``). A broken one is named in one line
   with what is wrong, instead of a 100-line Sphinx traceback.
2. **Stale pages**: a stamp (``_build/.snb-build-stamp.json``) records a hash of the
   package (``snb/**/*.py``) and of the book's own files (``book/**``, ``_config.yml``,
   ``_toc.yml``). The execution cache only notices changed *notebook code*, so when
   the package changed the cache is cleared (every page runs again with the new
   code); when anything of the two changed, or the last build failed, ``--all``
   makes Sphinx write every page and copy the static files again.
3. **Fresh stored outputs**: the book is built from the outputs stored in the
   notebooks (``execute_notebooks: off``), the same outputs strict nbval checks in
   ``make test``. ``make execute`` records in each notebook (``metadata.snb``) a
   hash of its code cells and of each package module and data file it used; the
   build refuses a page whose code, or one of those, changed since (``stale_reason``),
   naming it and saying "run make execute". With stored outputs the package itself is
   no reason to rewrite pages. When nothing changed since a build that passed every
   check (same pages, book files and options), Sphinx is skipped: it would write nothing.
   **Explorer frames** (tools/frames.py): every explorer's pictures are rendered into
   book/_static/frames/ (missing or out-of-date sets only, on every core, each swapped
   in whole); a page whose frames are still missing or incomplete stops the build,
   named (``--frames check`` renders nothing, it only checks).
4. **After**: no page of ``_toc.yml`` may show an error: an executed notebook with
   an ``error`` output (unless its cell is tagged ``raises-exception``), a failed
   execution report (``_build/html/reports/*.err.log``), or a traceback in the
   built HTML. Each is named (file, cell, exception) and the build fails, every
   time, not only the first.

Exit code: 0 only when the build and all three guards pass.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterable

#: nbformat imports jsonschema, which imports the optional rfc3987-syntax (installed with
#: jupyter-events) if it can: that compiles 38 grammars, 1.5 s of every process that reads
#: a notebook, for checks of IRI formats that neither notebooks nor the book's files use.
#: This script and the build it starts leave it out (jsonschema carries on without it).
SKIP_SLOW_IMPORT = "import sys; sys.modules.setdefault('rfc3987_syntax', None)"
exec(SKIP_SLOW_IMPORT)
import nbformat  # noqa: E402
import yaml  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import frames  # noqa: E402  (tools/ is not a package)
import install_cell  # noqa: E402
from hashes import file_hash, module_hash  # noqa: E402

#: Runs ``jupyter-book`` (its console script) in this Python, without the slow import.
JUPYTER_BOOK = (SKIP_SLOW_IMPORT + "; from jupyter_book.cli.main import main; sys.argv[0] = 'jupyter-book'; "
                "sys.exit(main())")

STAMP = Path("_build") / ".snb-build-stamp.json"
CACHE = Path("_build") / ".jupyter_cache"
#: What the pages depend on besides their own source: (label, glob patterns).
DEPENDENCIES: dict[str, tuple[str, ...]] = {
    "package": ("snb/**/*.py",),
    "book": ("book/**/*", "_config.yml", "_toc.yml"),
}
_TRACEBACK_HTML = re.compile(r'class="output traceback')


# ------------------------------------------------------------------ the pages
def toc_files(root: Path) -> list[Path]:
    """The source files the table of contents lists (root page first), as they exist or not."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")) or {}
    names: list[str] = [toc["root"]] if toc.get("root") else []

    def walk(entries: Iterable[dict]) -> None:
        for entry in entries or []:
            if "file" in entry:
                names.append(entry["file"])
            for key in ("sections", "chapters", "parts"):
                walk(entry.get(key, []))

    walk(toc.get("parts", []))
    walk(toc.get("chapters", []))
    walk(toc.get("sections", []))
    paths = []
    for name in names:
        found = [root / f"{name}{ext}" for ext in ("", ".ipynb", ".md", ".rst") if (root / f"{name}{ext}").is_file()]
        paths.append(found[0] if found else root / name)
    return paths


def notebook_problem(path: Path) -> str | None:
    """Why ``path`` is not a readable, valid notebook (one line), or None."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
    if not isinstance(data, dict) or "cells" not in data:
        return "JSON, but not a notebook (no 'cells')"
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        where = "/".join(map(str, exc.absolute_path)) if getattr(exc, "absolute_path", None) else "notebook"
        return f"not a valid notebook at {where}: {str(exc.message).splitlines()[0][:200]}"
    except Exception as exc:  # anything nbformat cannot read
        return f"nbformat cannot read it: {type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
    return None


def check_sources(root: Path) -> list[str]:
    """One line per missing page or broken notebook of the table of contents."""
    problems = []
    for path in toc_files(root):
        rel = path.relative_to(root).as_posix()
        if not path.is_file():
            problems.append(f"{rel}: listed in _toc.yml but no such file (.ipynb or .md)")
        elif path.suffix == ".ipynb":
            problem = notebook_problem(path)
            if problem:
                problems.append(f"{rel}: {problem}")
    return problems


# ------------------------------------------------------- fresh stored outputs
#: The package files whose change made every stored output suspect, in records written
#: before make execute recorded what each notebook uses (still honoured for those).
PACKAGE_PATTERNS = ("snb/**/*.py", "snb/data/*")


def package_hash(root: Path) -> str:
    """A hash of the package's code and data (names and contents): the older, whole-package record."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in PACKAGE_PATTERNS for p in root.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def code_hash(nb: nbformat.NotebookNode) -> str:
    """A hash of a notebook's code cells, in order."""
    sources = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps(sources).encode()).hexdigest()[:16]


def execution_record(root: Path, nb: nbformat.NotebookNode, modules: Iterable[str] = (),
                     data: Iterable[str] = ()) -> dict[str, Any]:
    """What ``make execute`` stores in ``metadata.snb`` after running ``nb``: a hash of its
    code cells, and one per package module and data file the run used (paths relative to
    ``root``, e.g. ``snb/draw.py``, ``snb/data/x.csv``)."""
    return {"code": code_hash(nb),
            "modules": {m: module_hash(root / m) for m in sorted(set(modules)) if (root / m).is_file()},
            "data": {d: file_hash(root / d) for d in sorted(set(data)) if (root / d).is_file()}}


def stale_reason(root: Path, nb: nbformat.NotebookNode) -> str | None:
    """Why the outputs stored in ``nb`` may no longer be what its code gives, or None.

    Stale when its code cells changed, or a package module or data file it used changed
    (a change of docstrings or comments is not a change; a new module elsewhere stales
    nothing).
    """
    record = nb.metadata.get("snb", {})
    if not record:
        return "no record of `make execute` (stored outputs of unknown age)"
    if record.get("code") != code_hash(nb):
        return "its code changed since its outputs were stored"
    if "modules" not in record:  # recorded before make execute traced what a notebook uses
        if record.get("package") != package_hash(root):
            return "the package snb/ changed since its outputs were stored"
        return None
    for group, hasher in (("modules", module_hash), ("data", file_hash)):
        changed = [rel for rel, digest in record.get(group, {}).items()
                   if not (root / rel).is_file() or hasher(root / rel) != digest]
        if changed:
            more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
            return f"{', '.join(changed[:3])}{more} changed since its outputs were stored"
    return None


def builds_from_stored_outputs(root: Path) -> bool:
    """True when ``_config.yml`` says ``execute_notebooks: off`` (the pages show stored outputs)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    return str((config.get("execute") or {}).get("execute_notebooks", "auto")).lower() in ("off", "false")


def stale_outputs(root: Path) -> list[str]:
    """One line per notebook page whose stored outputs predate its code or what it used."""
    problems = []
    for path in toc_files(root):
        if path.suffix != ".ipynb" or not path.is_file():
            continue
        reason = stale_reason(root, nbformat.read(path, as_version=4))
        if reason:
            problems.append(f"{path.relative_to(root).as_posix()}: {reason}")
    return problems


# --------------------------------------------------------------- stale pages
def fingerprint(root: Path) -> dict[str, str]:
    """A hash of each group of files the pages depend on (names and contents)."""
    result = {}
    for label, patterns in DEPENDENCIES.items():
        digest = hashlib.sha256()
        files = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()
                        and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts
                        and not p.is_relative_to(root / frames.FRAMES)})
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        result[label] = digest.hexdigest()
    return result


def plan(root: Path) -> tuple[bool, bool, list[str]]:
    """(rebuild every page, clear the execution cache, reasons) from the last build's stamp."""
    now = fingerprint(root)
    try:
        last = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    reasons = []
    clear = False
    if not last:
        reasons.append("no record of a previous checked build")
        clear = (root / CACHE).exists()  # the cache may come from an older package
    else:
        # pages built from stored outputs do not run the package: a change there makes
        # `make execute` rerun the notebooks that used it, whose new outputs are page changes
        if last.get("package") != now["package"] and not builds_from_stored_outputs(root):
            reasons.append("the package snb/ changed")
            clear = True
        if last.get("book") != now["book"]:
            reasons.append("book/, _config.yml or _toc.yml changed")
        if not last.get("ok"):
            reasons.append("the last build failed")
    return bool(reasons), clear, reasons


def pages_hash(root: Path) -> str:
    """A hash of the pages' own sources (every file of _toc.yml, names and contents)."""
    digest = hashlib.sha256()
    for path in toc_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"missing")
    return digest.hexdigest()


def unchanged_since_last_good_build(root: Path, options: list[str]) -> bool:
    """True when the last build passed with these options, no page, package or book file
    changed since and the commit is the same (then Sphinx would write nothing and the
    downloads would name the same commit: the build is skipped)."""
    try:
        last = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    now = fingerprint(root)
    if builds_from_stored_outputs(root):  # the pages do not run the package (see plan)
        now.pop("package")
    return (bool(last.get("ok")) and last.get("options") == options and "--all" not in options
            and (root / "_build" / "html" / "index.html").is_file()
            and {k: last.get(k) for k in now} == now
            and last.get("pages") == pages_hash(root)
            and last.get("commit") == install_cell.commit_state(root))  # downloads name the commit


def write_stamp(root: Path, ok: bool, options: list[str] | None = None) -> None:
    """Record what this build saw, and whether it passed."""
    (root / STAMP).parent.mkdir(parents=True, exist_ok=True)
    record = {**fingerprint(root), "pages": pages_hash(root), "commit": install_cell.commit_state(root),
              "options": options, "ok": ok}
    (root / STAMP).write_text(json.dumps(record, indent=1), encoding="utf-8")


# -------------------------------------------------------------- error pages
def _first_line(text: str) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(text)).strip()
    return text.splitlines()[0][:160] if text else ""


def error_outputs(nb: nbformat.NotebookNode) -> list[str]:
    """'cell N raised Name: value' for every error output not tagged raises-exception."""
    found = []
    code_number = 0
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        code_number += 1
        if "raises-exception" in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"code cell {code_number} raised {output.get('ename', 'an error')}: "
                             f"{_first_line(output.get('evalue', ''))}")
    return found


def check_pages(root: Path) -> list[str]:
    """One line per page of the table of contents that shows or hides an error."""
    build = root / "_build"
    problems = []
    for path in toc_files(root):
        rel = path.relative_to(root)
        stem = rel.with_suffix("").as_posix()
        executed = build / "jupyter_execute" / rel
        if path.suffix == ".ipynb":
            source = executed if executed.is_file() else path
            try:
                nb = nbformat.read(source, as_version=4)
            except Exception as exc:
                problems.append(f"{rel.as_posix()}: cannot read {source.relative_to(root).as_posix()} ({exc})")
                continue
            problems += [f"{rel.as_posix()}: {line}" for line in error_outputs(nb)]
        report = build / "html" / "reports" / f"{stem}.err.log"
        if report.is_file():
            tail = [line for line in report.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
            last = _first_line(tail[-1]) if tail else ""
            problems.append(f"{rel.as_posix()}: execution failed ({last}); log: {report.relative_to(root).as_posix()}")
        page = build / "html" / f"{stem}.html"
        if page.is_file() and _TRACEBACK_HTML.search(page.read_text(encoding="utf-8", errors="replace")):
            if not any(p.startswith(rel.as_posix() + ":") for p in problems):
                problems.append(f"{rel.as_posix()}: the built page shows a traceback "
                                f"({page.relative_to(root).as_posix()})")
    return problems


# ----------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1],
                        help="the book's folder (default: this repository)")
    parser.add_argument("--frames", choices=("render", "check"), default="render",
                        help="render the explorers' missing or out-of-date frames (default), or only "
                             "check that every page's frames are complete")
    parser.add_argument("--jobs", type=int, default=None, help="processes rendering frames (default: every core)")
    parser.add_argument("options", nargs="*", help="options for jupyter-book build (after --)")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    problems = check_sources(root)
    if problems:
        print("\n".join(["Not building: these pages cannot be read:"] + [f"  {p}" for p in problems]))
        return 1

    stale = stale_outputs(root) if builds_from_stored_outputs(root) else []
    if stale:
        print("\n".join(["Not building: the book shows the outputs stored in the notebooks, and these are "
                         "stale:"] + [f"  {p}" for p in stale]
                        + ["Run `make execute` (it runs them again and stores fresh outputs), then build again."]))
        return 1

    pages = [p for p in toc_files(root) if p.suffix == ".ipynb"]
    if args.frames == "render":
        counts = frames.build(root, pages, args.jobs)
        if counts["rendered"] or counts["removed"]:
            print(f"Frames: {counts['rendered']} explorer sets rendered ({counts['frames']} pictures), "
                  f"{counts['reused']} reused, {counts['removed']} unused removed.")
    missing = frames.problems(root, pages)
    if missing:
        print("\n".join(["Not building: the explorers' pictures of these pages are missing or incomplete "
                         "(the page's explorer would not work):"] + [f"  {p}" for p in missing]))
        return 1

    site = root / "_build" / "html"
    if unchanged_since_last_good_build(root, list(args.options)):
        frames.sync(root, site)
        print("Nothing changed since the last build, which passed every check: _build/html is current.")
        return 0
    everything, clear, reasons = plan(root)
    options = list(args.options)
    if clear and (root / CACHE).exists():
        shutil.rmtree(root / CACHE)
        print("Cleared the execution cache: every notebook runs again with the current package.")
    if everything and "--all" not in options:
        options.append("--all")
    if reasons:
        print(f"Rebuilding every page ({'; '.join(reasons)}).")
    # reports of failed executions are written again for every page that still fails
    shutil.rmtree(root / "_build" / "html" / "reports", ignore_errors=True)
    arguments = ["build", str(root), *options]
    print("$ " + " ".join(["jupyter-book", *arguments]), flush=True)
    code = subprocess.call([sys.executable, "-c", JUPYTER_BOOK, *arguments])

    frames.sync(root, site)  # Sphinx copies static files only when it writes pages
    problems = check_pages(root) if site.is_dir() else []
    write_stamp(root, ok=code == 0 and not problems, options=list(args.options))
    if problems:
        print("\n".join(["", "The book has pages with errors:"] + [f"  {p}" for p in problems]
                        + ["Fix them (or tag a cell that must raise with raises-exception), then build again."]))
        return 1
    if code != 0:
        print(f"jupyter-book build failed (exit code {code}): see the messages above.")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
